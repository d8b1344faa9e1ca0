//! The translations of a query's words, learned from the aligned corpus
//! itself: `сайлау` is `выборы` in Russian and `election` in English
//! because the sentences aligned with those that say `сайлау` say them.
//!
//! Worked out per query, from the sentence groups of the units that hold
//! the word (up to [`SAMPLE`] of them), so it needs nothing built ahead and
//! is never stale. A word `y` of another language translates the query's
//! word `a` when, in those groups:
//! - `y` stands in at least half of the groups with `a` (and in two or
//!   more), and in at most a fifth of the groups without it;
//! - no other word `x` of `a`'s side stands with `y` as often as `a` does:
//!   `созыва` goes with `шақыру`, not with `сайлау`, though the two
//!   Kazakh words often share a sentence (competitive linking);
//! - both are content words: three letters or more, no digit, no function
//!   word of `ingest/data/language-words.tsv`, and (in a
//!   corpus of [`FEW_UNITS`] units or more) in at most [`MOST_COMMON`] of
//!   the units of their language (not `мен`, `и`, `the`).
//!
//! Where none is sure, none is given.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::index::{tantivy_error, CorpusIndex, IndexError};
use crate::ingest::lang;
use crate::model::{Lang, PerLang};
use crate::text::{first_terms, words, Analyzer};

/// The most units read to learn a word's translations.
pub const SAMPLE: usize = 100;

/// The largest share of a language's units a content word may stand in.
pub const MOST_COMMON: f64 = 0.6;

/// Below so many units of a language, how many hold a word tells its topic
/// more than its commonness: the article on elections says `выборы` in
/// most of its units. Competitive linking alone then keeps `и` out.
const FEW_UNITS: u64 = 50;

/// Of the groups with the word, the share a translation must stand in.
const WITH: f64 = 0.5;

/// Of the groups without the word, the most a translation may stand in.
const WITHOUT: f64 = 0.2;

/// The aligned sentence groups of a unit, each with its sentences' terms.
fn sentence_groups(unit: &crate::model::Unit) -> Vec<Group> {
    unit.links
        .iter()
        .map(|link| Group {
            terms: PerLang::from_fn(|l| {
                let passage = unit.passages.get(l).as_ref()?;
                let text = passage.slice(link.sentences.get(l))?;
                Some(
                    words(Analyzer::Stem(l), text)
                        .into_iter()
                        .flat_map(|w| w.terms)
                        .collect::<HashSet<String>>(),
                )
            }),
        })
        .collect()
}

/// One aligned sentence group: the terms of each language's sentences.
struct Group {
    terms: PerLang<Option<HashSet<String>>>,
}

/// The terms of the other languages that translate `stems`, terms of
/// `lang`: for each other language, those sure by the rules above.
pub fn counterparts(
    index: &CorpusIndex,
    searcher: &Searcher,
    lang: Lang,
    stems: &[String],
) -> Result<PerLang<HashSet<String>>, IndexError> {
    let mut found: PerLang<HashSet<String>> = PerLang::default();
    let field = index.fields.stem(lang);
    let clauses: Vec<(Occur, Box<dyn Query>)> = stems
        .iter()
        .map(|stem| {
            let term = Term::from_field_text(field, stem);
            let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    if clauses.is_empty() {
        return Ok(found);
    }
    let top = searcher
        .search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(SAMPLE).order_by_score(),
        )
        .map_err(tantivy_error(&index.path))?;
    // Read on every core: each unit is a block of the store to decompress.
    // (Cut on one: a thread's analyzers remember the words they have cut,
    // and the sample's units share most of theirs.)
    let addresses: Vec<_> = top.into_iter().map(|(_, address)| address).collect();
    let parts = crate::parallel::in_parts(&addresses, crate::parallel::cores(), |part| {
        part.iter()
            .map(|&address| index.unit_at(searcher, address))
            .collect::<Vec<_>>()
    });
    let mut groups = Vec::new();
    for unit in parts.into_iter().flatten() {
        groups.extend(sentence_groups(&unit?));
    }
    let mut common = Commonness::new(index, searcher);
    let query: HashSet<&str> = stems.iter().map(String::as_str).collect();
    for other in Lang::ALL.into_iter().filter(|&l| l != lang) {
        // The groups that have both sides, and which of them hold the word.
        let both: Vec<(&HashSet<String>, &HashSet<String>)> = groups
            .iter()
            .filter_map(|g| Some((g.terms.get(lang).as_ref()?, g.terms.get(other).as_ref()?)))
            .filter(|(a, b)| !a.is_empty() && !b.is_empty())
            .collect();
        let has_word = |side: &HashSet<String>| side.iter().any(|t| query.contains(t.as_str()));
        let with = both.iter().filter(|(a, _)| has_word(a)).count();
        if with < 2 {
            continue;
        }
        // How many groups hold each term of either side, and each pair.
        let mut count_a: HashMap<&str, usize> = HashMap::new();
        let mut count_b: HashMap<&str, usize> = HashMap::new();
        for (a, b) in &both {
            for term in a.iter() {
                *count_a.entry(term.as_str()).or_default() += 1;
            }
            for term in b.iter() {
                *count_b.entry(term.as_str()).or_default() += 1;
            }
        }
        let dice = |x_groups: usize, y: &str, together: usize| {
            2.0 * together as f64 / (x_groups + count_b[y]) as f64
        };
        let mut together: HashMap<&str, usize> = HashMap::new();
        for (_, b) in both.iter().filter(|(a, _)| has_word(a)) {
            for term in b.iter() {
                *together.entry(term.as_str()).or_default() += 1;
            }
        }
        let apart_groups = both.len() - with;
        for (&candidate, &n) in &together {
            let apart = count_b[candidate] - n;
            let share_apart = match apart_groups {
                0 => 0.0,
                _ => apart as f64 / apart_groups as f64,
            };
            if n < 2 || (n as f64) < WITH * with as f64 || share_apart > WITHOUT {
                continue;
            }
            if !common.is_content(other, candidate)? {
                continue;
            }
            // Competitive linking: no other word of the query's side may go
            // with `candidate` more closely (by Dice) than the query's word.
            let own = dice(with, candidate, n);
            let mut beside: HashMap<&str, usize> = HashMap::new();
            for (a, _) in both.iter().filter(|(_, b)| b.contains(candidate)) {
                for term in a.iter().filter(|t| !query.contains(t.as_str())) {
                    *beside.entry(term.as_str()).or_default() += 1;
                }
            }
            let beaten = beside.iter().any(|(&rival, &m)| {
                let shaped =
                    rival.chars().count() >= 3 && !rival.chars().any(|c| c.is_ascii_digit());
                shaped && dice(count_a[rival], candidate, m) >= own
            });
            if !beaten {
                found.get_mut(other).insert(candidate.to_owned());
            }
        }
    }
    Ok(found)
}

/// The terms of each language's function words (`ingest::lang`).
static FUNCTION_WORDS: LazyLock<PerLang<HashSet<String>>> = LazyLock::new(|| {
    PerLang::from_fn(|lang| {
        lang::function_words(lang)
            .iter()
            .flat_map(|word| first_terms(Analyzer::Stem(lang), word))
            .collect()
    })
});

/// Whether terms are content words, by how many units hold them; each
/// term's count looked up once.
struct Commonness<'a> {
    index: &'a CorpusIndex,
    searcher: &'a Searcher,
    units: PerLang<u64>,
    known: HashMap<(Lang, String), bool>,
}

impl<'a> Commonness<'a> {
    fn new(index: &'a CorpusIndex, searcher: &'a Searcher) -> Self {
        // The units of each language: those that hold its code.
        let units = PerLang::from_fn(|lang| {
            let term = Term::from_field_text(index.fields.langs, lang.code());
            searcher.doc_freq(&term).unwrap_or(0)
        });
        Commonness {
            index,
            searcher,
            units,
            known: HashMap::new(),
        }
    }

    fn is_content(&mut self, lang: Lang, term: &str) -> Result<bool, IndexError> {
        if let Some(&known) = self.known.get(&(lang, term.to_owned())) {
            return Ok(known);
        }
        let shaped = term.chars().count() >= 3
            && !term.chars().any(|c| c.is_ascii_digit())
            && !FUNCTION_WORDS.get(lang).contains(term);
        let content = shaped && {
            let units = self
                .searcher
                .doc_freq(&Term::from_field_text(self.index.fields.stem(lang), term))
                .map_err(tantivy_error(&self.index.path))?;
            let all = *self.units.get(lang);
            all < FEW_UNITS || (units as f64) <= MOST_COMMON * all as f64
        };
        self.known.insert((lang, term.to_owned()), content);
        Ok(content)
    }
}
