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
    // Between Kazakh and Russian, words vote: one with a letter of Kazakh's
    // own, or a Kazakh function word, for Kazakh; a Russian function word
    // for Russian. A capitalised word with Kazakh letters is most often a
    // name (`Бөкейхан`, `Тынышбайұлы` in a Russian sentence) and votes a
    // quarter; so a Russian sentence full of Kazakh names stays Russian.
    let (mut kazakh, mut russian) = (0.0f64, 0.0f64);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        if word.chars().any(is_kazakh_letter) {
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            kazakh += if capitalised { 0.25 } else { 1.0 };
            continue;
        }
        // Function words are short: a long word need not be lower-cased.
        if word.len() > 16 {
            continue;
        }
        let word = word.to_lowercase();
        if KAZAKH_WORDS.contains(&word.as_str()) {
            kazakh += 1.0;
        } else if RUSSIAN_WORDS.contains(&word.as_str()) {
            russian += 1.0;
        }
    }
    match kazakh.partial_cmp(&russian) {
        Some(std::cmp::Ordering::Greater) => Lang::Kk,
        Some(std::cmp::Ordering::Less) => Lang::Ru,
        _ if kazakh_letters > 0 => Lang::Kk,
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
