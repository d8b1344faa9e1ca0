//! Telling Kazakh, Russian and English apart.
//!
//! Latin script means English. Within Cyrillic, Kazakh has nine letters of its
//! own (ә ғ қ ң ө ұ ү һ і) that Russian never uses, and frequent function words
//! of its own; Russian has function words that Kazakh text lacks. A short block
//! (a keyword line) may have neither, so the caller's guess breaks ties.

use std::sync::LazyLock;

use crate::model::Lang;
use crate::text::latin::{self, Alphabet};

/// A letter of the Cyrillic block: all of it but the thousands sign and the
/// combining marks (U+0482–U+0489). Told by range, not by Unicode's tables.
fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}')
}

fn is_kazakh_letter(c: char) -> bool {
    matches!(
        c,
        'ә' | 'ғ'
            | 'қ'
            | 'ң'
            | 'ө'
            | 'ұ'
            | 'ү'
            | 'һ'
            | 'і'
            | 'Ә'
            | 'Ғ'
            | 'Қ'
            | 'Ң'
            | 'Ө'
            | 'Ұ'
            | 'Ү'
            | 'Һ'
            | 'І'
    )
}

/// The words and endings of `data/language-words.tsv`, compiled in.
struct Words {
    kazakh: Vec<&'static str>,
    russian: Vec<&'static str>,
    kazakh_endings: Vec<&'static str>,
    russian_endings: Vec<&'static str>,
    kazakh_latin: Vec<&'static str>,
    english: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words = Words {
        kazakh: Vec::new(),
        russian: Vec::new(),
        kazakh_endings: Vec::new(),
        russian_endings: Vec::new(),
        kazakh_latin: Vec::new(),
        english: Vec::new(),
    };
    let table = include_str!("data/language-words.tsv");
    for row in super::table_rows(table) {
        let fields: Vec<&str> = row.split('\t').collect();
        let list = match fields[..] {
            ["kk", "word", _] => &mut words.kazakh,
            ["ru", "word", _] => &mut words.russian,
            ["kk", "ending", _] => &mut words.kazakh_endings,
            ["ru", "ending", _] => &mut words.russian_endings,
            ["kk-latin", "word", _] => &mut words.kazakh_latin,
            ["en", "word", _] => &mut words.english,
            _ => panic!("data/language-words.tsv: unknown row {row:?}"),
        };
        list.push(fields[2].trim());
    }
    words
});

/// The function words of `data/language-words.tsv` for `lang` (`және`,
/// `что`, `that`): words that say which language a text is in, and what it
/// is about never.
pub fn function_words(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Kk => &WORDS.kazakh,
        Lang::Ru => &WORDS.russian,
        Lang::En => &WORDS.english,
    }
}

/// Endings vote only on words this long, in letters.
const ENDING_MIN_LETTERS: usize = 5;

/// Fewer Latin letters than this are too few to tell a fourth language by.
const LETTERS_FOR_ANOTHER_LANGUAGE: usize = 60;

/// What a text in Latin script reads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Latin {
    English,
    /// Kazakh in one of its Latin alphabets (2017, 2018, 2021).
    Kazakh,
    /// Another language (German, Turkish, Uzbek …), by its ISO 639-3 code.
    Other(&'static str),
}

/// The language of `text`, or `fallback` where the text says too little
/// (no letters, or Cyrillic without a telling letter or word; Cyrillic is
/// never English, so there a fallback of English gives Russian). Text in a
/// fourth language reads as English here: [`other_language`] tells it.
pub fn detect(text: &str, fallback: Lang) -> Lang {
    let (mut latin, mut cyrillic) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_cyrillic_letter(c) {
            cyrillic += 1;
        }
    }
    if latin + cyrillic == 0 {
        return fallback;
    }
    if latin > cyrillic {
        // Between English and Kazakh only: a fourth language is told once a
        // block, by other_language.
        return match latin_reading(text, false) {
            Latin::Kazakh => Lang::Kk,
            _ => Lang::En,
        };
    }
    cyrillic_reading(text, fallback)
}

/// The language other than Kazakh, Russian and English that a text is
/// plainly written in (`deu`, `tur`, `uzb`), if any.
pub fn other_language(text: &str) -> Option<&'static str> {
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    let cyrillic = text.chars().filter(|&c| is_cyrillic_letter(c)).count();
    if latin <= cyrillic || latin < LETTERS_FOR_ANOTHER_LANGUAGE {
        return None;
    }
    match latin_reading(text, true) {
        Latin::Other(code) => Some(code),
        _ => None,
    }
}

/// Whether a text too short to tell on its own (a heading) reads as the
/// language of the given ISO 639-3 code, however unsure the guess.
pub fn may_be(text: &str, code: &str) -> bool {
    whatlang::detect(&text.to_lowercase()).is_some_and(|info| info.lang().code() == code)
}

/// Latin script: English, Kazakh in Latin letters, or another language.
/// Turkish and Uzbek share letters with Kazakh's Latin alphabets (`ş`, `ğ`,
/// `ö`, `q`): Kazakh is told by its own words and letters (`jäne`, `ñ`, `ū`).
/// English prose shows itself by its function words, and is told at once;
/// only the rest is put to whatlang, where `other_languages` asks for it.
pub fn latin_reading(text: &str, other_languages: bool) -> Latin {
    let words = || {
        text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == 'ʻ' || c == '’'))
            .filter(|w| !w.is_empty())
    };
    let (mut total, mut english, mut kazakh_letters, mut kazakh_own) = (0usize, 0, 0, 0);
    let mut marked = false;
    for word in words() {
        total += 1;
        if word.is_ascii() && !word.contains(['q', 'Q']) {
            // Function words are short: a long word is looked up in none.
            if is_english_word(word) {
                english += 1;
            }
            continue;
        }
        // A letter beyond ASCII, or a `q`: maybe Kazakh in Latin letters.
        let lower = word.to_lowercase();
        if matches!(
            latin::alphabet(&lower),
            Some(Alphabet::Y2018 | Alphabet::Y2021)
        ) {
            kazakh_letters += 1;
        }
        if is_kazakh_own(&lower) {
            kazakh_own += 1;
        }
        marked |= is_marked(&lower);
    }
    let total = total.max(1);
    if kazakh_own * 10 < total && english * 100 >= total * ENGLISH_SHARE {
        return Latin::English;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let other = (other_languages && letters >= LETTERS_FOR_ANOTHER_LANGUAGE)
        .then(|| whatlang::detect(text))
        .flatten()
        .filter(|info| info.is_reliable() && info.lang() != whatlang::Lang::Eng);
    match other {
        // Read as another language: Kazakh only by what is Kazakh's own.
        Some(info) if kazakh_own * 10 < total => Latin::Other(info.lang().code()),
        Some(_) => Latin::Kazakh,
        // Too short to tell by whatlang: Kazakh's letters, but `ü` and `ö`
        // alone (German `Früher`) are not enough.
        None if kazakh_letters * 10 >= total && (kazakh_own > 0 || marked) => Latin::Kazakh,
        None => Latin::English,
    }
}

/// The longest English function word of the table, in bytes.
const ENGLISH_WORD_MOST: usize = 5;

/// Whether an ASCII word is one of the English function words, in any case:
/// looked up lower-cased in a copy of them, sorted, with no allocation (a
/// test of every word of every Latin block).
fn is_english_word(word: &str) -> bool {
    static SORTED: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut words: Vec<String> = WORDS.english.iter().map(|w| w.to_lowercase()).collect();
        words.sort_unstable();
        words
    });
    if word.len() > ENGLISH_WORD_MOST {
        return false;
    }
    let mut lower = [0u8; ENGLISH_WORD_MOST];
    lower[..word.len()].copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = &lower[..word.len()];
    SORTED.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok()
}

/// Percent of its words that English prose has among its function words
/// (`the`, `of`, `and` …: a fifth to a third); German, Turkish or Kazakh
/// in Latin letters have next to none of them.
const ENGLISH_SHARE: usize = 12;

/// A word of Kazakh's own in Latin letters: one of its function words, or
/// a letter only its alphabets have (2021: ä ñ ū; 2018: acutes; the drafts
/// between: ǧ ŋ; a Cyrillic ә left in a Latin word, `jәne`).
fn is_kazakh_own(lower: &str) -> bool {
    WORDS.kazakh_latin.contains(&lower)
        || lower.chars().any(|c| {
            matches!(
                c,
                'ä' | 'ñ' | 'ū' | 'á' | 'ǵ' | 'ń' | 'ó' | 'ú' | 'ý' | 'ǧ' | 'ŋ' | 'ә'
            )
        })
}

/// Letters of the Kazakh Latin alphabets that German lacks: `q` not before
/// `u`, `ı`, `ğ`, `ş`.
fn is_marked(lower: &str) -> bool {
    lower.chars().any(|c| matches!(c, 'ı' | 'ğ' | 'ş'))
        || lower
            .match_indices('q')
            .any(|(at, _)| !lower[at + 1..].starts_with('u'))
}

/// Whether `о` or `ө` stands past a word's first syllable: never so in a
/// Kazakh word, whose vowel harmony keeps them to the first (`Бөкейхан`,
/// but Russian `Бөкейханом`, `Бөкейханов`).
fn o_past_first_syllable(word: &str) -> bool {
    let lower = word.to_lowercase();
    let is_vowel = |c: char| "аәеёиоөуұүыіэюя".contains(c);
    let mut chars = lower.chars().skip_while(|&c| !is_vowel(c));
    chars.next();
    chars.any(|c| matches!(c, 'о' | 'ө'))
}

/// Between Kazakh and Russian, words vote: one with a letter of Kazakh's own,
/// or a Kazakh function word, for Kazakh; a Russian function word for
/// Russian; endings of either language half a vote. A capitalised word with
/// Kazakh letters is most often a name and votes a quarter, so a Russian
/// sentence full of Kazakh names stays Russian. Where the votes tie, Kazakh
/// letters outside names decide, else the fallback.
fn cyrillic_reading(text: &str, fallback: Lang) -> Lang {
    let words = &*WORDS;
    let (mut kazakh, mut russian) = (0.0f64, 0.0f64);
    let mut kazakh_letters_outside_names = false;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        // An initial (`Ә.`) says nothing of the sentence's language.
        if word.chars().nth(1).is_none() && word.chars().all(char::is_uppercase) {
            continue;
        }
        if word.chars().any(is_kazakh_letter) {
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            if capitalised && o_past_first_syllable(word) {
                // `Бөкейханом`, `Бөкейханов`: a Kazakh name in a Russian case form.
                russian += 0.5;
                continue;
            }
            kazakh += if capitalised { 0.25 } else { 1.0 };
            kazakh_letters_outside_names |= !capitalised;
            continue;
        }
        // Function words and endings are short: a long word need not be lower-cased.
        if word.len() > 40 {
            continue;
        }
        let word = word.to_lowercase();
        if words.kazakh.contains(&word.as_str()) {
            kazakh += 1.0;
        } else if words.russian.contains(&word.as_str()) {
            russian += 1.0;
        } else if word.chars().count() >= ENDING_MIN_LETTERS {
            if words.kazakh_endings.iter().any(|e| word.ends_with(e)) {
                kazakh += 0.5;
            } else if words.russian_endings.iter().any(|e| word.ends_with(e)) {
                russian += 0.5;
            }
        }
    }
    match kazakh.partial_cmp(&russian) {
        Some(std::cmp::Ordering::Greater) => Lang::Kk,
        Some(std::cmp::Ordering::Less) => Lang::Ru,
        _ if kazakh_letters_outside_names => Lang::Kk,
        _ if fallback == Lang::En => Lang::Ru,
        _ => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_letters_by_range_agree_with_unicode() {
        for c in '\u{0400}'..='\u{04FF}' {
            assert_eq!(is_cyrillic_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn kazakh_by_its_own_letters() {
        let kk =
            "Уақытша үкімет Бүкілресейлік Құрылтай жиналысын сайлау мен шақыру күнін белгіледі.";
        assert_eq!(detect(kk, Lang::Ru), Lang::Kk);
    }

    #[test]
    fn russian_with_a_kazakh_name_stays_russian() {
        let ru = "Газета «Сарыарқа» писала о выборах в Степном округе и о победе партии «Алаш».";
        assert_eq!(detect(ru, Lang::Kk), Lang::Ru);
    }

    #[test]
    fn russian_full_of_kazakh_names_stays_russian() {
        // One letter in twelve is Kazakh, all of them in names.
        let ru = "В газете «Қазақ» печатались статьи о программе партии, которую составили \
                  Ә. Бөкейхан, М. Дулатұлы, А. Байтұрсынұлы, Ж. Досмұхамедұлы и Х. Досмұхамедұлы.";
        assert_eq!(detect(ru, Lang::Kk), Lang::Ru);
    }

    #[test]
    fn russian_with_kazakh_names_and_no_function_word_stays_russian() {
        // Names in Kazakh spelling, one in a Russian case form; no `и`, no `в`.
        let ru = "Программа «Алаш» составлена Ә. Бөкейханом, А. Байтұрсынұлы, М. Дулатұлы.";
        assert_eq!(detect(ru, Lang::Kk), Lang::Ru);
        assert!(o_past_first_syllable("Бөкейханов"));
        assert!(!o_past_first_syllable("Бөкейхан"));
        assert!(!o_past_first_syllable("Қостанай"));
    }

    #[test]
    fn kazakh_full_of_russian_names_stays_kazakh() {
        let kk = "Керенский, Милюков және Колчак үкіметтері Алаш автономиясын мойындамады.";
        assert_eq!(detect(kk, Lang::Ru), Lang::Kk);
    }

    #[test]
    fn a_fourth_language_in_latin_script_is_told_apart() {
        let de = "Die Alash-Bewegung entstand zu Beginn des zwanzigsten Jahrhunderts unter den \
                  kasachischen Intellektuellen und forderte eine nationale Autonomie.";
        assert_eq!(other_language(de), Some("deu"));
        let tr = "Alaş hareketi yirminci yüzyılın başında Kazak aydınları arasında ortaya çıktı \
                  ve milli bir özerklik talep etti.";
        assert_eq!(other_language(tr), Some("tur"));
        // Kazakh in Latin letters shares `ş` and `ı` with Turkish, but not its words.
        let kk = "Alaş qozğalysy XX ğasyrdyñ basynda qazaq ziialylary arasynda payda boldy jäne \
                  ūlttyq avtonomiiany talap ettı.";
        assert_eq!(other_language(kk), None);
        assert_eq!(detect(kk, Lang::En), Lang::Kk);
        let en = "The Alash movement arose among the Kazakh intelligentsia at the beginning of \
                  the twentieth century and demanded national autonomy.";
        assert_eq!(other_language(en), None);
    }

    #[test]
    fn kazakh_without_special_letters_by_function_words() {
        // No ә ғ қ ң ө ұ ү һ і here, but `және` and `деп` are Kazakh.
        assert_eq!(detect("Алаш және автономия деп аталды", Lang::Ru), Lang::Kk);
    }

    #[test]
    fn english_and_mixed_script_words() {
        assert_eq!(
            detect("In the Turgaу district, the Alash list won.", Lang::Kk),
            Lang::En
        );
    }

    #[test]
    fn kazakh_in_the_latin_alphabet_of_2021() {
        let kk = "Sonda qazy qorqyp, būl mağan kelgen bala menıñ qazylyğymdy tartyp alsa kerek dep aitty.";
        assert_eq!(detect(kk, Lang::En), Lang::Kk);
        assert_eq!(
            detect("The question of the quorum was raised again.", Lang::Kk),
            Lang::En
        );
    }

    #[test]
    fn short_text_uses_the_fallback() {
        assert_eq!(detect("1917", Lang::Kk), Lang::Kk);
        assert_eq!(detect("Алаш автономиясы", Lang::Kk), Lang::Kk);
        assert_eq!(detect("Алаш", Lang::Ru), Lang::Ru);
    }
}
