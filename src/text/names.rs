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

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::ingest::segment;
use crate::model::Lang;
use crate::text::{analyze, Analyzer};

/// Letters a name key needs to be distinctive.
const MIN_KEY: usize = 4;

/// Letters a name key keeps: the three languages' stemmers cut a name's end
/// differently (Russian makes `букейха` of `Букейхан`), its start they keep.
const MAX_KEY: usize = 6;

/// The name key of a word as `lang`'s analyzer stems it, if the word is
/// capitalised and long enough to be a name.
pub fn name_key(word: &str, lang: Lang) -> Option<String> {
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
    if !capitalised {
        return None;
    }
    thread_local! {
        /// Keys of the capitalised words met so far, per language: a corpus
        /// repeats its names, and stemming each again costs more than a look-up.
        static KEYS: RefCell<[HashMap<String, Option<String>>; 3]> = RefCell::default();
    }
    const MAX_CACHED: usize = 100_000;
    let slot = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    KEYS.with(|keys| {
        let cache = &mut keys.borrow_mut()[slot];
        if let Some(key) = cache.get(word) {
            return key.clone();
        }
        let key = analyze(Analyzer::Stem(lang), word)
            .into_iter()
            .next()
            .map(|stem| {
                latin_spelling(&stem.text)
                    .chars()
                    .take(MAX_KEY)
                    .collect::<String>()
            })
            .filter(|key| key.chars().count() >= MIN_KEY);
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
    let mut inside: HashSet<String> = HashSet::new();
    for span in sentences {
        for (n, (at, word)) in segment::words(&text[span.clone()]).enumerate() {
            let Some(key) = name_key(word, lang) else {
                continue;
            };
            let range = span.start + at..span.start + at + word.len();
            if n == 0 {
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
    fn a_capital_at_a_sentence_start_is_no_name() {
        let text = "Мен келдім. Сайлауда Алаш жеңді. Алаш партиясы құрылды.";
        let spans = segment::sentences(text);
        let names: Vec<&str> = names_in(text, &spans, Lang::Kk)
            .iter()
            .map(|(r, _)| &text[r.clone()])
            .collect();
        // `Алаш` is capitalised inside a sentence, so both are names; `Мен` and `Сайлауда` are not.
        assert_eq!(names, ["Алаш", "Алаш"]);
    }
}
