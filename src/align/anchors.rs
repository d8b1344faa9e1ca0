//! What survives translation and so ties a sentence to its counterparts:
//! numbers and dates (`1917`, `12-14`), and words shared across the languages
//! (names, loanwords, internationalisms), compared in one Latin spelling
//! (`Алаш` / `Alash`, `большевиками` / `Bolsheviks`, `публикации` / `publications`).

use std::collections::BTreeSet;

use crate::ingest::segment;

/// Letters of a word's spelling kept for comparing it across languages: long
/// enough to tell words apart, short enough to leave their endings out.
const STEM_LETTERS: usize = 5;

/// The anchors of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchors {
    set: BTreeSet<String>,
}

impl Anchors {
    pub fn of(text: &str) -> Self {
        let mut set = BTreeSet::new();
        for (_, word) in segment::words(text) {
            if word.chars().any(|c| c.is_ascii_digit()) {
                set.insert(format!("#{word}"));
                continue;
            }
            let spelling = latin_spelling(word);
            if spelling.chars().count() >= STEM_LETTERS {
                set.insert(spelling.chars().take(STEM_LETTERS).collect());
            }
        }
        Anchors { set }
    }

    /// The anchors of several sentences together.
    pub fn union<'a>(all: impl IntoIterator<Item = &'a Anchors>) -> Anchors {
        Anchors {
            set: all
                .into_iter()
                .flat_map(|a| a.set.iter().cloned())
                .collect(),
        }
    }

    /// Dice's coefficient of the two sets: 0 for nothing shared, 1 for the same.
    pub fn similarity(&self, other: &Anchors) -> f64 {
        let total = self.set.len() + other.set.len();
        if total == 0 {
            return 0.0;
        }
        let shared = self.set.intersection(&other.set).count();
        2.0 * shared as f64 / total as f64
    }
}

/// A rough common Latin spelling of a Kazakh, Russian or English word, so that
/// a name or loanword compares equal across scripts: transliterate Cyrillic,
/// then merge spellings that differ between the languages' conventions
/// (`c`/`k`, `w`/`v`, `y`/`i`, doubled letters).
pub fn latin_spelling(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let latin = match c {
            'а' | 'ә' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'й' | 'і' | 'ы' => "i",
            'к' | 'қ' => "k",
            'л' => "l",
            'м' => "m",
            'н' | 'ң' => "n",
            'о' | 'ө' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ұ' | 'ү' => "u",
            'ф' => "f",
            'х' | 'һ' => "h",
            'ц' => "ts",
            'ч' => "ch",
            'ш' | 'щ' => "sh",
            'ю' => "iu",
            'я' => "ia",
            'ъ' | 'ь' => "",
            'c' | 'q' => "k",
            'w' => "v",
            'y' => "i",
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

    #[test]
    fn names_compare_across_scripts() {
        assert_eq!(latin_spelling("Алаш"), latin_spelling("Alash"));
        assert_eq!(
            latin_spelling("большевиками")[..5],
            latin_spelling("Bolsheviks")[..5]
        );
    }

    #[test]
    fn shared_dates_make_sentences_similar() {
        let kk = Anchors::of(
            "Уақытша үкімет сайлау күнін 1917 жылдың 12-14 және 28 қарашасына белгіледі.",
        );
        let en = Anchors::of(
            "The Government set the date of the elections for November 12-14 and 28, 1917.",
        );
        let other =
            Anchors::of("Мақала барысында жалпы ғылыми және арнайы тарихи әдістер қолданылды.");
        assert!(kk.similarity(&en) > 0.2);
        assert_eq!(other.similarity(&en), 0.0);
    }

    #[test]
    fn loanwords_match_their_translation() {
        let ru = Anchors::of("использованы публикации периодической печати");
        let en = Anchors::of("publications of the periodical press were used");
        assert!(ru.similarity(&en) > 0.3);
    }
}
