//! Script look-alikes: Cyrillic and Latin letters that print the same.
//!
//! PDF extraction and careless typing leave words such as `Turgaу` (Latin with a
//! Cyrillic `у` at the end) or `Тable` (a Cyrillic `Т`). A word written mostly in
//! one script has its look-alikes from the other script folded into its own, so
//! `Turgaу` is indexed as `Turgay`. A word written wholly in one script is left
//! alone: `сор` stays Cyrillic even though every letter of it has a Latin twin.

/// (Cyrillic, Latin) pairs that print alike, in both cases.
const LOOK_ALIKES: &[(char, char)] = &[
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('У', 'Y'),
    ('Х', 'X'),
    ('І', 'I'),
    ('Ј', 'J'),
    ('Ѕ', 'S'),
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѕ', 's'),
    ('һ', 'h'),
    // Schwa: old Kazakh fonts and OCR put the Latin letter for Cyrillic `ә`
    // (`Пайдаланған əдебиеттер`, `Мəшһүр`).
    ('Ә', 'Ə'),
    ('ә', 'ə'),
];

fn to_latin(c: char) -> Option<char> {
    LOOK_ALIKES.iter().find(|p| p.0 == c).map(|p| p.1)
}

fn to_cyrillic(c: char) -> Option<char> {
    LOOK_ALIKES.iter().find(|p| p.1 == c).map(|p| p.0)
}

pub(crate) fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// A Cyrillic look-alike as its Latin twin, anything else unchanged
/// (for comparing labels such as `Тable` with `Table`).
pub fn fold_char(c: char) -> char {
    to_latin(c).unwrap_or(c)
}

/// The script a mixed word is written in, judged by its letters that have no
/// twin in the other script; `None` for a word in one script only.
fn dominant_script(word: &str) -> Option<Script> {
    let (mut latin, mut cyrillic, mut latin_twins, mut cyrillic_twins) =
        (0usize, 0usize, 0usize, 0usize);
    for c in word.chars() {
        if is_cyrillic(c) {
            if to_latin(c).is_some() {
                cyrillic_twins += 1;
            } else {
                cyrillic += 1;
            }
        } else if c.is_ascii_alphabetic() || to_cyrillic(c).is_some() {
            if to_cyrillic(c).is_some() {
                latin_twins += 1;
            } else {
                latin += 1;
            }
        }
    }
    let has_latin = latin + latin_twins > 0;
    let has_cyrillic = cyrillic + cyrillic_twins > 0;
    if !(has_latin && has_cyrillic) {
        return None;
    }
    use std::cmp::Ordering::*;
    match latin.cmp(&cyrillic) {
        Greater => Some(Script::Latin),
        Less => Some(Script::Cyrillic),
        Equal => match latin_twins.cmp(&cyrillic_twins) {
            Greater => Some(Script::Latin),
            Less => Some(Script::Cyrillic),
            Equal => None,
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
}

/// Folds the look-alikes of a mixed-script word into its dominant script, and
/// Roman numerals typed in Cyrillic (`ХХ`, `ІІ`) into Latin. Returns whether
/// `word` changed; `buffer` is scratch space.
pub fn fold_word(word: &mut String, buffer: &mut String) -> bool {
    if word.is_ascii() {
        return false;
    }
    let convert: fn(char) -> Option<char> = match dominant_script(word) {
        Some(Script::Latin) => to_latin,
        Some(Script::Cyrillic) => to_cyrillic,
        None if is_cyrillic_roman_numeral(word) => to_latin,
        None => return false,
    };
    buffer.clear();
    buffer.extend(word.chars().map(|c| convert(c).unwrap_or(c)));
    std::mem::swap(word, buffer);
    true
}

/// Whether [`fold_word`] would change `word`: told without writing anything.
pub fn needs_folding(word: &str) -> bool {
    !word.is_ascii() && (dominant_script(word).is_some() || is_cyrillic_roman_numeral(word))
}

fn is_cyrillic_roman_numeral(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| matches!(c, 'І' | 'Х'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(word: &str) -> String {
        let mut word = word.to_string();
        fold_word(&mut word, &mut String::new());
        word
    }

    #[test]
    fn latin_word_with_cyrillic_final_letter() {
        assert_eq!(fold("Turgaу"), "Turgay");
    }

    #[test]
    fn latin_word_with_cyrillic_capital() {
        assert_eq!(fold("Тable"), "Table");
        assert_eq!(fold("Оn"), "On");
    }

    #[test]
    fn cyrillic_word_with_latin_letters() {
        // Kazakh `қазақ` typed with Latin `a`.
        assert_eq!(fold("қaзaқ"), "қазақ");
    }

    #[test]
    fn single_script_words_are_left_alone() {
        assert_eq!(fold("сор"), "сор");
        assert_eq!(fold("Алаш"), "Алаш");
        assert_eq!(fold("Alash"), "Alash");
    }

    #[test]
    fn cyrillic_roman_numerals_become_latin() {
        assert_eq!(fold("ХХ"), "XX");
        assert_eq!(fold("Х"), "Х");
    }
}
