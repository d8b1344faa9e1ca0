//! Telling Kazakh, Russian and English apart.
//!
//! Latin script means English. Within Cyrillic, Kazakh has nine letters of its
//! own (ә ғ қ ң ө ұ ү һ і) that Russian never uses, and frequent function words
//! of its own; Russian has function words that Kazakh text lacks. A short block
//! (a keyword line) may have neither, so the caller's guess breaks ties.

use crate::model::Lang;

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

const KAZAKH_WORDS: &[&str] = &[
    "және",
    "мен",
    "бен",
    "пен",
    "үшін",
    "бұл",
    "осы",
    "деп",
    "жылы",
    "жылдың",
    "бойынша",
    "туралы",
    "арқылы",
    "кейін",
    "дейін",
    "болды",
    "болып",
    "еді",
    "да",
    "де",
    "та",
    "те",
    "ол",
    "олар",
    "бір",
    "сол",
    "ретінде",
    "қазақ",
];

const RUSSIAN_WORDS: &[&str] = &[
    "и",
    "в",
    "во",
    "на",
    "не",
    "что",
    "с",
    "со",
    "по",
    "для",
    "из",
    "от",
    "до",
    "как",
    "это",
    "был",
    "была",
    "были",
    "его",
    "её",
    "их",
    "к",
    "о",
    "об",
    "при",
    "также",
    "года",
    "году",
];

/// The language of `text`, or `fallback` where the text says too little
/// (no letters, or Cyrillic without a telling letter or word; Cyrillic is
/// never English, so there a fallback of English gives Russian).
pub fn detect(text: &str, fallback: Lang) -> Lang {
    let (mut latin, mut cyrillic, mut kazakh_letters) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if is_cyrillic_letter(c) {
            cyrillic += 1;
            if is_kazakh_letter(c) {
                kazakh_letters += 1;
            }
        }
    }
    if latin + cyrillic == 0 {
        return fallback;
    }
    if latin > cyrillic {
        // Kazakh in the Latin alphabet of 2021 shows letters English lacks.
        let words = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty());
        // Only a word with a letter beyond ASCII, or a `q`, can be Kazakh Latin.
        let kazakh_latin = words
            .filter(|w| w.bytes().any(|b| b >= 0x80 || b == b'q' || b == b'Q'))
            .filter(|w| crate::text::fold::is_kazakh_latin(&w.to_lowercase()))
            .count();
        return if kazakh_latin * 10 >= text.split_whitespace().count().max(1) {
            Lang::Kk
        } else {
            Lang::En
        };
    }
    // Kazakh prose has about one letter in ten of its own; Russian only where it
    // quotes a Kazakh name. Between the two, the function words decide.
    let share = kazakh_letters as f64 / cyrillic.max(1) as f64;
    if share >= 0.04 {
        return Lang::Kk;
    }
    let (mut kazakh_words, mut russian_words) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        // Function words are short: a long word need not be lower-cased.
        if word.len() > 16 {
            continue;
        }
        let word = word.to_lowercase();
        kazakh_words += usize::from(KAZAKH_WORDS.contains(&word.as_str()));
        russian_words += usize::from(RUSSIAN_WORDS.contains(&word.as_str()));
    }
    match kazakh_words.cmp(&russian_words) {
        std::cmp::Ordering::Greater => Lang::Kk,
        std::cmp::Ordering::Less => Lang::Ru,
        std::cmp::Ordering::Equal if kazakh_letters > 0 => Lang::Kk,
        std::cmp::Ordering::Equal if fallback == Lang::En => Lang::Ru,
        std::cmp::Ordering::Equal => fallback,
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
