//! What a corpus holds, counted: documents and units, and per language its
//! units, sentences, words, how many sentences have a counterpart in another
//! language, and the vocabulary (distinct word forms, and distinct terms of
//! the language's analyzer: lemmas or stems).

use std::collections::{BTreeSet, HashSet};

use crate::model::{Lang, PerLang, Unit};
use crate::text::{cutter, first_terms, Analyzer};

/// Counts of one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LanguageCounts {
    /// Units with a passage in the language.
    pub units: usize,
    pub sentences: usize,
    /// Sentences in a group with a sentence of another language.
    pub aligned_sentences: usize,
    pub words: usize,
    /// Distinct word forms, in lower case.
    pub forms: usize,
    /// Distinct terms the language's analyzer makes of the words.
    pub terms: usize,
}

/// Counts of a corpus, or of the units given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub documents: usize,
    pub units: usize,
    pub languages: PerLang<LanguageCounts>,
}

/// Counts the units given.
pub fn count<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Counts {
    let mut counts = Counts::default();
    let mut documents = BTreeSet::new();
    let mut forms: PerLang<HashSet<String>> = PerLang::default();
    let mut terms: PerLang<HashSet<String>> = PerLang::default();
    for unit in units {
        counts.units += 1;
        documents.insert(unit.doc.as_str());
        for lang in Lang::ALL {
            let Some(passage) = unit.passages.get(lang).as_ref() else {
                continue;
            };
            let language = counts.languages.get_mut(lang);
            language.units += 1;
            language.sentences += passage.sentences.len();
            language.aligned_sentences += unit
                .links
                .iter()
                .filter(|link| {
                    Lang::ALL
                        .iter()
                        .any(|&other| other != lang && !link.sentences.get(other).is_empty())
                })
                .map(|link| link.sentences.get(lang).len())
                .sum::<usize>();
            for (_, word) in cutter::words(&passage.text) {
                language.words += 1;
                forms.get_mut(lang).insert(word.to_lowercase());
            }
            terms
                .get_mut(lang)
                .extend(first_terms(Analyzer::Stem(lang), &passage.text));
        }
    }
    counts.documents = documents.len();
    for lang in Lang::ALL {
        counts.languages.get_mut(lang).forms = forms.get(lang).len();
        counts.languages.get_mut(lang).terms = terms.get(lang).len();
    }
    counts
}
