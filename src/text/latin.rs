//! Kazakh written in Latin letters, read as the Cyrillic it spells, so that
//! `saılaý`, `sailau` and `сайлау` are one word. Three official alphabets
//! have been decreed (`data/kazakh-latin.tsv`): that of 2017 with
//! apostrophes (`Qazaqstannyn'`), that of 2018 with acute accents and `ı`
//! (`saılaý`, `Quryltaı`), and that of 2021 with umlauts and breves
//! (`Qūryltai`, `qazaqtardyñ`). They disagree on some letters (`i` is `і`
//! in 2018 but `и` in 2021; `u` is `ұ` in 2018 but `у` in 2021), so a word
//! is read by the alphabet its own letters point to.
//!
//! Latin typed without those letters (`sailau`, `quryltai`, `bokeikhan`)
//! points to no alphabet and could be English; [`typed_spellings`] gives
//! the Cyrillic words it could stand for, and search keeps those the index
//! knows.

use std::collections::HashMap;
use std::sync::LazyLock;

/// One of the Kazakh Latin alphabets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    Y2017,
    Y2018,
    Y2021,
}

impl Alphabet {
    const ALL: [Alphabet; 3] = [Alphabet::Y2017, Alphabet::Y2018, Alphabet::Y2021];
}

/// What a Latin form stands for: a letter, or `и`/`й` by what precedes it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reading {
    Letter(char),
    IOrShortI,
}

struct Table {
    /// Per alphabet (in [`Alphabet::ALL`]'s order): the Latin forms, longest
    /// first, with what each reads as.
    alphabets: [Vec<(String, Reading)>; 3],
    /// Forms typed without the alphabets' letters, longest first, with
    /// every Cyrillic letter each may stand for.
    typed: Vec<(String, Vec<char>)>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut alphabets: [HashMap<String, Reading>; 3] = Default::default();
    let mut typed: Vec<(String, Vec<char>)> = Vec::new();
    for row in super::table_rows(include_str!("data/kazakh-latin.tsv")) {
        let cells: Vec<&str> = row.split('\t').collect();
        let [cyrillic, y2017, y2018, y2021, keyboard] = cells[..] else {
            panic!("data/kazakh-latin.tsv: a row has five cells: {row:?}");
        };
        let letter = cyrillic.chars().next().expect("a Cyrillic letter");
        for (alphabet, cell) in alphabets.iter_mut().zip([y2017, y2018, y2021]) {
            for form in cell.split(',') {
                match alphabet.get(form) {
                    None => {
                        alphabet.insert(form.to_owned(), Reading::Letter(letter));
                    }
                    Some(Reading::Letter('и')) if letter == 'й' => {
                        alphabet.insert(form.to_owned(), Reading::IOrShortI);
                    }
                    Some(_) => {}
                }
            }
        }
        for form in keyboard.split(',') {
            match typed.iter_mut().find(|(known, _)| known == form) {
                Some((_, letters)) => letters.push(letter),
                None => typed.push((form.to_owned(), vec![letter])),
            }
        }
    }
    let longest_first = |forms: HashMap<String, Reading>| {
        let mut forms: Vec<(String, Reading)> = forms.into_iter().collect();
        forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        forms
    };
    let [a, b, c] = alphabets;
    typed.sort_by_key(|(form, _)| std::cmp::Reverse(form.len()));
    Table {
        alphabets: [longest_first(a), longest_first(b), longest_first(c)],
        typed,
    }
});

fn is_vowel(c: char) -> bool {
    "аәеоөұүыіуиэ".contains(c)
}

fn is_latin_vowel(c: char) -> bool {
    "aeiouyıäöüūáóúý".contains(c)
}

/// The alphabet a lower-cased word is written in, if its letters tell:
/// an acute accent is 2018's; an umlaut, breve or cedilla 2021's; `ı` is
/// 2018's after a vowel (`saılaý`, `Quryltaı`: й) and 2021's elsewhere (і);
/// an apostrophe after a letter that takes one (`n'`, `o'`) 2017's; and a
/// `q` not before `u` (no English word has one) the 2021 alphabet's.
pub fn alphabet(word: &str) -> Option<Alphabet> {
    if word.contains(['á', 'ó', 'ú', 'ý', 'ǵ', 'ń']) {
        return Some(Alphabet::Y2018);
    }
    if word.contains(['ä', 'ğ', 'ñ', 'ö', 'ş', 'ū', 'ü', 'ç', 'ï']) {
        return Some(Alphabet::Y2021);
    }
    let chars: Vec<char> = word.chars().collect();
    if chars.contains(&'ı') {
        let after_vowel = chars
            .windows(2)
            .any(|pair| pair[1] == 'ı' && is_latin_vowel(pair[0]));
        return Some(match after_vowel {
            true => Alphabet::Y2018,
            false => Alphabet::Y2021,
        });
    }
    if !chars
        .iter()
        .all(|c| c.is_ascii_lowercase() || is_apostrophe(*c))
    {
        return None;
    }
    // Not English's `'s`, `s'` at a word's end, or `n't`.
    let apostrophe = (1..chars.len()).any(|n| {
        let (before, after) = (chars[n - 1], chars.get(n + 1).copied());
        is_apostrophe(chars[n])
            && match before {
                's' => after.is_some_and(|c| c.is_ascii_lowercase()),
                'n' => after != Some('t'),
                _ => "agocuyi".contains(before),
            }
    });
    if apostrophe {
        return Some(Alphabet::Y2017);
    }
    let q = chars
        .iter()
        .enumerate()
        .any(|(n, &c)| c == 'q' && chars.get(n + 1) != Some(&'u'));
    q.then_some(Alphabet::Y2021)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// A lower-cased word of `alphabet` in Cyrillic, written into `out`
/// (cleared first); letters of no Latin alphabet stay as they are.
pub fn to_cyrillic(word: &str, alphabet: Alphabet, out: &mut String) {
    out.clear();
    let at = Alphabet::ALL
        .iter()
        .position(|&a| a == alphabet)
        .unwrap_or(2);
    let forms = &TABLE.alphabets[at];
    let word = word.replace('’', "'");
    let mut rest = word.as_str();
    while let Some(c) = rest.chars().next() {
        let found = forms
            .iter()
            .find(|(form, _)| rest.starts_with(form.as_str()));
        match found {
            Some((form, reading)) => {
                let letter = match reading {
                    Reading::Letter(letter) => *letter,
                    Reading::IOrShortI if out.chars().last().is_some_and(is_vowel) => 'й',
                    Reading::IOrShortI => 'и',
                };
                out.push(letter);
                rest = &rest[form.len()..];
            }
            None => {
                // A stray apostrophe reads as nothing.
                if !is_apostrophe(c) {
                    out.push(c);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
}

/// The most Cyrillic spellings [`typed_spellings`] gives.
pub const MOST_SPELLINGS: usize = 512;

/// The Cyrillic words a lower-case ASCII word typed without the Kazakh
/// letters could spell (`sailau`: `сайлау`, `саилау`, `сәйлау` …), up to
/// [`MOST_SPELLINGS`]; none for a word with other characters.
pub fn typed_spellings(word: &str) -> Vec<String> {
    /// `spellable[n]`: whether the word from byte `n` on can be spelt at
    /// all. Only those ways are followed, so that a word that cannot be
    /// spelt (`uaaa…akjco`) costs its length, not two ways per `a`.
    fn spell(
        word: &str,
        at: usize,
        spellable: &[bool],
        before: &mut String,
        out: &mut Vec<String>,
    ) {
        if out.len() >= MOST_SPELLINGS {
            return;
        }
        if at == word.len() {
            out.push(before.clone());
            return;
        }
        for (form, letters) in &TABLE.typed {
            if word[at..].starts_with(form.as_str()) && spellable[at + form.len()] {
                for &letter in letters {
                    before.push(letter);
                    spell(word, at + form.len(), spellable, before, out);
                    before.pop();
                }
            }
        }
    }
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut spellable = vec![false; word.len() + 1];
    spellable[word.len()] = true;
    for at in (0..word.len()).rev() {
        spellable[at] = TABLE
            .typed
            .iter()
            .any(|(form, _)| word[at..].starts_with(form.as_str()) && spellable[at + form.len()]);
    }
    let mut out = Vec::new();
    if spellable[0] {
        spell(word, 0, &spellable, &mut String::new(), &mut out);
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cyrillic(word: &str) -> String {
        let mut out = String::new();
        to_cyrillic(word, alphabet(word).expect("an alphabet"), &mut out);
        out
    }

    #[test]
    fn the_alphabet_of_2021() {
        assert_eq!(alphabet("būryñğy"), Some(Alphabet::Y2021));
        assert_eq!(cyrillic("qazaqstan"), "қазақстан");
        assert_eq!(cyrillic("būryñğy"), "бұрыңғы");
        assert_eq!(cyrillic("ötken"), "өткен");
        assert_eq!(cyrillic("danyşpan"), "данышпан");
        assert_eq!(cyrillic("qūryltai"), "құрылтай");
        // `ı` is `і` in 2021.
        assert_eq!(cyrillic("kısı"), "кісі");
    }

    #[test]
    fn the_alphabet_of_2018_with_acute_accents() {
        assert_eq!(alphabet("saılaý"), Some(Alphabet::Y2018));
        assert_eq!(cyrillic("saılaý"), "сайлау");
        // `u` is `ұ` and `ı` after a vowel `й` in 2018.
        assert_eq!(cyrillic("quryltaı"), "құрылтай");
        assert_eq!(cyrillic("ǵylym"), "ғылым");
        assert_eq!(cyrillic("shyǵys"), "шығыс");
        // `i` is `і`: білімі.
        assert_eq!(cyrillic("bilimin ǵylym"), "білімін ғылым");
    }

    #[test]
    fn the_alphabet_of_2017_with_apostrophes() {
        assert_eq!(alphabet("qazaqstannyn'"), Some(Alphabet::Y2017));
        assert_eq!(cyrillic("qazaqstannyn'"), "қазақстанның");
        assert_eq!(cyrillic("respy'bli'kasy"), "республикасы");
        assert_eq!(cyrillic("o'kimeti"), "өкіметі");
        assert_eq!(cyrillic("s'ejire"), "шежіре");
        // A typographic apostrophe is one too.
        assert_eq!(cyrillic("ta’ys’ys"), cyrillic("ta'ys'ys"));
    }

    #[test]
    fn english_points_to_no_alphabet() {
        for word in ["question", "sailau", "alash", "election", "the"] {
            assert_eq!(alphabet(word), None, "{word}");
        }
        // `s'` and `'s` are English possessives, no 2017 letters.
        assert_eq!(alphabet("people's"), None);
        assert_eq!(alphabet("commissars'"), None);
        assert_eq!(alphabet("don't"), None);
    }

    #[test]
    fn a_word_that_cannot_be_spelt_costs_its_length_only() {
        // Two readings of each `a` (а, ә): a search of every way would take
        // 2^40 steps before it found that `j` spells nothing.
        let word = format!("u{}kjco", "a".repeat(40));
        assert!(typed_spellings(&word).is_empty());
        let long = "a".repeat(40);
        assert_eq!(typed_spellings(&long).len(), MOST_SPELLINGS);
    }

    #[test]
    fn typed_latin_spells_every_cyrillic_reading() {
        let sailau = typed_spellings("sailau");
        assert!(sailau.contains(&"сайлау".to_owned()), "{sailau:?}");
        assert!(typed_spellings("quryltai").contains(&"құрылтай".to_owned()));
        assert!(typed_spellings("bokeikhan").contains(&"бөкейхан".to_owned()));
        assert!(typed_spellings("zhetisu").contains(&"жетісу".to_owned()));
        assert!(typed_spellings("Alash").is_empty());
        assert!(typed_spellings("a".repeat(40).as_str()).len() <= MOST_SPELLINGS);
    }
}
