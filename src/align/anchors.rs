//! What survives translation and so ties a sentence to its counterparts:
//! numbers and dates (`1917`, `12-14`); words shared across the languages
//! (names, loanwords, internationalisms), compared in one Latin spelling
//! (`Алаш` / `Alash`, `Бөкейхан` / `Bukeikhan`, `публикации` / `publications`);
//! quotations; and the terms of a glossary taken from the document's own
//! keyword lists, which are parallel term lists in the three languages.

use std::collections::{BTreeSet, HashSet};

use crate::ingest::segment;
use crate::model::{Lang, PerLang};
use crate::text::names::latin_spelling;
use crate::text::{analyze, Analyzer};

/// Letters of a word's spelling kept for comparing it across languages: long
/// enough to tell words apart, short enough to leave their endings out.
const STEM_LETTERS: usize = 5;

/// The anchors of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchors {
    set: BTreeSet<String>,
}

impl Anchors {
    /// The anchors of a sentence in `lang`; `glossary` terms it holds count too.
    pub fn of(text: &str, lang: Lang, glossary: &Glossary) -> Self {
        let mut set = BTreeSet::new();
        if text.contains('«') || text.contains('"') {
            set.insert("«quotation»".to_owned());
        }
        if !glossary.terms.is_empty() {
            let stems: HashSet<String> = analyze(Analyzer::Stem(lang), text)
                .into_iter()
                .map(|t| t.text)
                .collect();
            for (n, term) in glossary.terms.iter().enumerate() {
                let words = term.get(lang);
                if !words.is_empty() && words.iter().all(|w| stems.contains(w)) {
                    set.insert(format!("term {n}"));
                }
            }
        }
        for (_, word) in segment::words(text) {
            if word.chars().any(|c| c.is_ascii_digit()) {
                // The digits alone: `8-ші`, `8th` and `8` are one number.
                for number in word
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|n| !n.is_empty())
                {
                    set.insert(format!("#{number}"));
                }
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

    /// How many numbers one side has that the other lacks. Translations carry
    /// numbers over, so each is evidence that the two do not translate each other.
    pub fn unmatched_numbers(&self, other: &Anchors) -> usize {
        // Numbers are kept as `#1917`: they sort before every other anchor.
        use std::ops::Bound::Excluded;
        let range = (Excluded("\"".to_owned()), Excluded("$".to_owned()));
        let numbers = |a: &Anchors| a.set.range(range.clone()).count();
        let shared = self
            .set
            .range(range.clone())
            .filter(|n| other.set.contains(*n))
            .count();
        numbers(self) + numbers(other) - 2 * shared
    }
}

/// Parallel terms from the document's keyword lists: the n-th term of each
/// language's list, as the stems of its words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    terms: Vec<PerLang<Vec<String>>>,
}

impl Glossary {
    /// Pairs the keyword lists term by term where they have as many terms; a
    /// list of another length says nothing for sure about which term is which,
    /// and is left out.
    pub fn from_keywords(lists: &PerLang<Option<&str>>) -> Self {
        let split = |lang: Lang| -> Vec<Vec<String>> {
            lists
                .get(lang)
                .map(|list| {
                    list.split([',', ';'])
                        .map(|term| {
                            analyze(Analyzer::Stem(lang), term)
                                .into_iter()
                                .map(|t| t.text)
                                .collect::<Vec<_>>()
                        })
                        .filter(|words| !words.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let lists = PerLang::from_fn(split);
        let lengths: Vec<usize> = Lang::ALL
            .iter()
            .map(|&l| lists.get(l).len())
            .filter(|&n| n > 0)
            .collect();
        if lengths.len() < 2 || lengths.windows(2).any(|w| w[0] != w[1]) {
            return Glossary::default();
        }
        let terms = (0..lengths[0])
            .map(|n| PerLang::from_fn(|lang| lists.get(lang).get(n).cloned().unwrap_or_default()))
            .collect();
        Glossary { terms }
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// The words, in `to`, of the terms whose words in `from` are all among `stems`.
    pub fn counterparts(&self, stems: &[String], from: Lang, to: Lang) -> Vec<String> {
        self.terms
            .iter()
            .filter(|term| {
                let words = term.get(from);
                !words.is_empty() && words.iter().all(|w| stems.contains(w))
            })
            .flat_map(|term| term.get(to).iter().cloned())
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Anchors {
        fn of_text(text: &str) -> Anchors {
            let lang = crate::ingest::lang::detect(text, Lang::En);
            Anchors::of(text, lang, &Glossary::default())
        }
    }

    #[test]
    fn names_compare_across_scripts() {
        assert_eq!(latin_spelling("Бөкейхан"), latin_spelling("Bukeikhan"));
        assert_eq!(latin_spelling("Букейхан"), latin_spelling("Bukeikhan"));
        assert_eq!(latin_spelling("Тәстемір"), latin_spelling("Tastemir"));
        assert_eq!(latin_spelling("Алаш"), latin_spelling("Alash"));
        assert_eq!(
            latin_spelling("большевиками")[..5],
            latin_spelling("Bolsheviks")[..5]
        );
    }

    #[test]
    fn shared_dates_make_sentences_similar() {
        let kk = Anchors::of_text(
            "Уақытша үкімет сайлау күнін 1917 жылдың 12-14 және 28 қарашасына белгіледі.",
        );
        let en = Anchors::of_text(
            "The Government set the date of the elections for November 12-14 and 28, 1917.",
        );
        let other = Anchors::of_text(
            "Мақала барысында жалпы ғылыми және арнайы тарихи әдістер қолданылды.",
        );
        assert!(kk.similarity(&en) > 0.2);
        assert_eq!(other.similarity(&en), 0.0);
    }

    #[test]
    fn keyword_lists_make_a_glossary() {
        let lists = PerLang {
            kk: Some("Ақпан төңкерісі, уақытша Үкімет, Құрылтай жиналысы, сайлау"),
            ru: Some(
                "Февральская революция, Временное правительство, Учредительное собрание, выборы",
            ),
            en: Some(
                "February Revolution, Provisional Government, Constituent Assembly, elections",
            ),
        };
        let glossary = Glossary::from_keywords(&lists);
        assert_eq!(glossary.len(), 4);
        // `сайлауға` and `elections` both hold term 3, `сайлау` / `elections`.
        let kk = Anchors::of(
            "Бүкілресейлік Құрылтай жиналысын сайлауға дайындық",
            Lang::Kk,
            &glossary,
        );
        let en = Anchors::of(
            "the elections to the Constituent Assembly",
            Lang::En,
            &glossary,
        );
        assert!(kk.set.contains("term 3") && en.set.contains("term 3"));
        assert!(kk.set.contains("term 2") && en.set.contains("term 2"));
        // Lists of different lengths pair nothing.
        let uneven = PerLang {
            kk: Some("сайлау"),
            ru: Some("выборы, партия"),
            en: None,
        };
        assert!(Glossary::from_keywords(&uneven).is_empty());
    }

    #[test]
    fn loanwords_match_their_translation() {
        let ru = Anchors::of_text("использованы публикации периодической печати");
        let en = Anchors::of_text("publications of the periodical press were used");
        assert!(ru.similarity(&en) > 0.3);
    }
}
