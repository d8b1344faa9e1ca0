//! Names across scripts: the same name is written `Alash` / `Алаш`,
//! `Bukeikhan` / `Бөкейхан` / `Букейхан`, `Tastemir` / `Тәстемір`. Each is
//! reduced to a name key, a rough common Latin spelling of its stem, and a
//! name in one script finds the others through it.
//!
//! Kept precise by three rules, so that common words of one language do not
//! match unrelated words of another (English `men` and Kazakh `мен` "and, I"
//! share a key): only a capitalised word inside a sentence is a name in the
//! text (a capital at a sentence's start says nothing, unless the word is
//! capitalised inside a sentence elsewhere in the passage); only a
//! capitalised word of the query is looked up as a name; and a key has four
//! to six letters and matches whole (`Alash`, five letters, does not find
//! `Alashorda`).
//!
//! Names the languages write differently (`Ресей` / `Россия` / `Russia`,
//! and ethnonyms, which Kazakh and Russian write in lower case: `қазақ` /
//! `казах` / `Kazakh`) are listed in `data/names.tsv`; a word of that list
//! is a name in any case and anywhere in its sentence, and its key is the
//! row's (`_russia`), which no Latin spelling can be.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

use crate::model::{Lang, PerLang};
use crate::text::{first_terms, Analyzer};

/// Letters a name key needs to be distinctive.
const MIN_KEY: usize = 4;

/// Letters a name key keeps: the three languages' stemmers cut a name's end
/// differently (Russian makes `букейха` of `Букейхан`), its start they keep.
const MAX_KEY: usize = 6;

/// The rows of `data/names.tsv`: a name's key, a language, a form of it.
fn listed_names() -> impl Iterator<Item = (&'static str, Lang, &'static str)> {
    super::table_rows(include_str!("data/names.tsv")).map(|row| {
        let [key, lang, form] = row.split('\t').collect::<Vec<_>>()[..] else {
            panic!("data/names.tsv: a row is `key<TAB>language<TAB>form`: {row:?}");
        };
        let lang: Lang = lang
            .parse()
            .expect("data/names.tsv: a language is kk, ru or en");
        (key, lang, form)
    })
}

/// Letters of a listed form's start a word must share to be stemmed and
/// looked up.
const OPENING: usize = 3;

/// The first [`OPENING`] letters of a word in lower case, padded with NULs:
/// a key that needs no allocation, for a look-up made of every word.
fn opening(word: &str) -> [char; OPENING] {
    let mut letters = ['\0'; OPENING];
    for (slot, c) in letters
        .iter_mut()
        .zip(word.chars().flat_map(char::to_lowercase))
    {
        *slot = c;
    }
    letters
}

/// The first letters of every listed form, which a word must open with to
/// be looked up at all (most words are not). Read without stemming: the
/// stems are worked out per language, when a word of it first needs them.
static OPENINGS: LazyLock<HashSet<(Lang, [char; OPENING])>> = LazyLock::new(|| {
    listed_names()
        .map(|(_, lang, form)| (lang, opening(form)))
        .collect()
});

/// Each listed form's stem in its language, with the key of its name; one
/// table per language, so that a query loads no stemmer of a language none
/// of its words is listed in.
static LISTED_KEYS: PerLang<LazyLock<HashMap<String, String>>> = PerLang {
    kk: LazyLock::new(|| keys_of(Lang::Kk)),
    ru: LazyLock::new(|| keys_of(Lang::Ru)),
    en: LazyLock::new(|| keys_of(Lang::En)),
};

fn keys_of(lang: Lang) -> HashMap<String, String> {
    listed_names()
        .filter(|&(_, l, _)| l == lang)
        .filter_map(
            |(key, _, form)| match &first_terms(Analyzer::Stem(lang), form)[..] {
                [stem] => Some((stem.clone(), format!("_{key}"))),
                _ => None,
            },
        )
        .collect()
}

/// The key of a listed name (`data/names.tsv`) that `word` is a form of.
fn listed_key(word: &str, lang: Lang) -> Option<String> {
    if !OPENINGS.contains(&(lang, opening(word))) {
        return None;
    }
    let stem = first_terms(Analyzer::Stem(lang), word).into_iter().next()?;
    LISTED_KEYS.get(lang).get(&stem).cloned()
}

/// The name key of a word of a query, whatever its case: `бөкейхан`, typed
/// in lower case, is looked up as `Бөкейхан` (a key still needs four
/// letters, so `мен` is no `Men`). A query is searched in every language's
/// field, each with its own analyzer, so a listed name is looked up in each
/// language's list: `Ресей`, searched in the English field, is `_russia`.
pub fn query_key(word: &str, lang: Lang) -> Option<String> {
    let listed = std::iter::once(lang)
        .chain(Lang::ALL.into_iter().filter(|&l| l != lang))
        .find_map(|l| listed_key(word, l));
    if listed.is_some() {
        return listed;
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    let capitalised: String = first.to_uppercase().chain(chars).collect();
    name_key(&capitalised, lang)
}

/// Whether a key is that of a listed name, a name in any case and place.
fn is_listed(key: &str) -> bool {
    key.starts_with('_')
}

/// The name key of a word as `lang`'s analyzer stems it, if the word is a
/// listed name (`data/names.tsv`), or capitalised and long enough to be one.
pub fn name_key(word: &str, lang: Lang) -> Option<String> {
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
    if !capitalised {
        return listed_key(word, lang);
    }
    thread_local! {
        /// Keys of the capitalised words met so far, per language: a corpus
        /// repeats its names, and stemming each again costs more than a look-up.
        static KEYS: RefCell<PerLang<HashMap<String, Option<String>>>> = RefCell::default();
    }
    const MAX_CACHED: usize = 100_000;
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        let cache = keys.get_mut(lang);
        if let Some(key) = cache.get(word) {
            return key.clone();
        }
        let key = listed_key(word, lang).or_else(|| {
            first_terms(Analyzer::Stem(lang), word)
                .into_iter()
                .next()
                .map(|stem| {
                    latin_spelling(&stem)
                        .chars()
                        .take(MAX_KEY)
                        .collect::<String>()
                })
                .filter(|key| key.chars().count() >= MIN_KEY)
        });
        if cache.len() >= MAX_CACHED {
            cache.clear();
        }
        cache.insert(word.to_owned(), key.clone());
        key
    })
}

/// The names of a passage in `lang` whose sentences are `sentences`: each
/// name's byte range and key.
pub fn names_in(text: &str, sentences: &[Range<usize>], lang: Lang) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    let mut initial = Vec::new();
    let mut inside: HashSet<String> = HashSet::default();
    for span in sentences {
        for (n, (at, word)) in super::cutter::words(&text[span.clone()]).enumerate() {
            let Some(key) = name_key(word, lang) else {
                continue;
            };
            let range = span.start + at..span.start + at + word.len();
            if n == 0 && !is_listed(&key) {
                initial.push((range, key));
            } else {
                inside.insert(key.clone());
                found.push((range, key));
            }
        }
    }
    found.extend(initial.into_iter().filter(|(_, key)| inside.contains(key)));
    found.sort_by_key(|(range, _)| range.start);
    found
}

/// A rough common Latin spelling of a Kazakh, Russian or English word, so that
/// a name or loanword compares equal across scripts: transliterate Cyrillic,
/// then merge spellings that differ between the languages' conventions
/// (`c`/`k`, `w`/`v`, `y`/`i`, doubled letters) and vowels that the three
/// write differently (`Бөкейхан`, `Букейхан`, `Bukeikhan`).
pub fn latin_spelling(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let latin = match c {
            'а' | 'ә' | 'я' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' | 'и' | 'й' | 'і' | 'ы' => "i",
            'ж' => "zh",
            'з' => "z",
            'к' | 'қ' => "k",
            'л' => "l",
            'м' => "m",
            'н' | 'ң' => "n",
            'о' | 'ө' | 'у' | 'ұ' | 'ү' | 'ю' => "u",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'ф' => "f",
            'х' | 'һ' => "h",
            'ц' => "ts",
            'ч' => "ch",
            'ш' | 'щ' => "sh",
            'ъ' | 'ь' => "",
            'c' | 'q' => "k",
            'j' => "zh",
            // The Kazakh Latin alphabet of 2021.
            'ä' => "a",
            'ğ' => "g",
            'ı' | 'ï' => "i",
            'ñ' => "n",
            'ö' | 'ū' | 'ü' => "u",
            'ş' => "sh",
            // The alphabet of 2018.
            'á' => "a",
            'ǵ' => "g",
            'ń' => "n",
            'ó' | 'ú' | 'ý' => "u",
            'w' => "v",
            'y' | 'e' => "i",
            'o' => "u",
            'x' => "ks",
            _ if c.is_alphabetic() => {
                out.push(c);
                continue;
            }
            _ => continue,
        };
        out.push_str(latin);
    }
    let out = out.replace("kh", "h").replace("th", "t").replace("ph", "f");
    let mut merged = String::with_capacity(out.len());
    for c in out.chars() {
        if !merged.ends_with(c) {
            merged.push(c);
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(word: &str, lang: Lang) -> Option<String> {
        name_key(word, lang)
    }

    /// The sentences of a test text, which ends each of them with `. `.
    fn sentence_spans(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut spans = Vec::new();
        let mut start = 0;
        for (at, _) in text.match_indices(". ") {
            spans.push(start..at + 1);
            start = at + 2;
        }
        spans.push(start..text.len());
        spans
    }

    #[test]
    fn a_name_in_three_scripts_has_one_key() {
        assert_eq!(key("Bukeikhan", Lang::En), key("Бөкейхан", Lang::Kk));
        assert_eq!(key("Bukeikhan", Lang::En), key("Букейхан", Lang::Ru));
        assert_eq!(key("Tastemir", Lang::En), key("Тәстемір", Lang::Kk));
        assert_eq!(key("Alash", Lang::En), key("Алаш", Lang::Kk));
        // Case endings go with the stem: `Бөкейханның` is Bukeikhan's.
        assert_eq!(key("Бөкейханның", Lang::Kk), key("Bukeikhan", Lang::En));
        assert_eq!(key("Букейханом", Lang::Ru), key("Bukeikhan", Lang::En));
        // A longer name is another name.
        assert_ne!(key("Alashorda", Lang::En), key("Alash", Lang::En));
    }

    #[test]
    fn common_words_are_not_names() {
        assert_eq!(key("men", Lang::En), None);
        assert_eq!(key("мен", Lang::Kk), None);
        // Too short to tell a name by.
        assert_eq!(key("Ush", Lang::En), None);
        assert_eq!(key("GARF", Lang::En), None);
    }

    #[test]
    fn a_name_typed_in_lower_case_is_looked_up_as_a_name() {
        assert_eq!(query_key("бөкейхан", Lang::Kk), key("Bukeikhan", Lang::En));
        assert_eq!(query_key("букейхан", Lang::Ru), key("Bukeikhan", Lang::En));
        assert_eq!(query_key("alash", Lang::En), key("Алаш", Lang::Kk));
        // Still too short to be told a name: `мен` "I, and" is no `Men`.
        assert_eq!(query_key("мен", Lang::Kk), None);
        assert_eq!(query_key("men", Lang::En), None);
    }

    #[test]
    fn names_the_languages_write_differently_share_the_listed_key() {
        // In any case form: the Russian genitive, the Kazakh dative and genitive.
        let russia = key("Russia", Lang::En);
        assert_eq!(russia.as_deref(), Some("_russia"));
        assert_eq!(key("России", Lang::Ru), russia);
        assert_eq!(key("Ресейге", Lang::Kk), russia);
        assert_eq!(key("Қазақстанның", Lang::Kk), key("Kazakhstan", Lang::En));
        assert_eq!(key("Казахстане", Lang::Ru), key("Kazakhstan", Lang::En));
        // Ethnonyms, which Kazakh and Russian write in lower case.
        assert_eq!(key("қазақтың", Lang::Kk), key("Kazakhs", Lang::En));
        assert_eq!(key("казахов", Lang::Ru), key("Kazakh", Lang::En));
        // Searched in another language's field, a listed name keeps its key.
        assert_eq!(query_key("Ресей", Lang::En), russia);
        assert_eq!(query_key("орынбор", Lang::En), key("Orenburg", Lang::En));
        // A word that only opens like one is none.
        assert_eq!(key("қазан", Lang::Kk), None);
    }

    #[test]
    fn a_listed_name_at_a_sentence_start_is_a_name() {
        let text = "Қазақтар сайлауға қатысты. Ресей үкіметі келісті.";
        let spans = sentence_spans(text);
        let names: Vec<&str> = names_in(text, &spans, Lang::Kk)
            .iter()
            .map(|(r, _)| &text[r.clone()])
            .collect();
        assert_eq!(names, ["Қазақтар", "Ресей"]);
    }

    #[test]
    fn a_capital_at_a_sentence_start_is_no_name() {
        let text = "Мен келдім. Сайлауда Алаш жеңді. Алаш партиясы құрылды.";
        let spans = sentence_spans(text);
        let names: Vec<&str> = names_in(text, &spans, Lang::Kk)
            .iter()
            .map(|(r, _)| &text[r.clone()])
            .collect();
        // `Алаш` is capitalised inside a sentence, so both are names; `Мен` and `Сайлауда` are not.
        assert_eq!(names, ["Алаш", "Алаш"]);
    }
}
