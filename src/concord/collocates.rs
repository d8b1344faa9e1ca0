//! Collocates: the words that stand within a window of a query's
//! occurrences, with the counts behind a log-likelihood and a log-Dice score.
//!
//! Words are counted as the word-form field holds them, through the form
//! analyzer (case, Unicode forms and mixed scripts folded, as search matches
//! them): `Turgaу` with a Cyrillic `у` and `Turgay` are one collocate. The
//! windows come from the units the query matches; how often each word stands
//! in the corpus comes from the index, its postings of the word-form field,
//! where every unit was read and cut once.

use std::collections::HashSet;

use rustc_hash::FxHashMap as HashMap;

use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocSet, Searcher, Term, TERMINATED};

use crate::index::{io_error, tantivy_error, CorpusIndex};
use crate::model::{Lang, PerLang};
use crate::search::{self, SearchError};
use crate::text::{word_places, word_terms, Analyzer};

use super::{compiled, Options};

/// A word that occurs near the query's occurrences.
#[derive(Debug, Clone, PartialEq)]
pub struct Collocate {
    pub lang: Lang,
    /// The word as the form analyzer makes it (lower-cased, scripts folded).
    pub word: String,
    /// How often it stands within the window of an occurrence.
    pub together: usize,
    /// How often it stands in the corpus (the part looked at), in that language.
    pub frequency: usize,
    pub log_likelihood: f64,
    pub log_dice: f64,
}

/// Words near a node, by language and form, and how often.
type Near = HashMap<(Lang, String), usize>;

/// The words within `window` words of the occurrences of `query` seen with
/// them at least `min_together` times, with the counts behind their scores:
/// how often together, how often in all, the node's own count and the size
/// of the corpus in each language.
pub fn collocates(
    index: &CorpusIndex,
    query: &str,
    options: &Options,
    window: usize,
    min_together: usize,
) -> Result<Vec<Collocate>, SearchError> {
    let compiled = compiled(index, query, options)?;
    let searcher = index.reader.searcher();
    let addresses = search::all_matches(index, &searcher, &compiled)?;
    let threads = crate::parallel::cores().min(4);
    let parts = crate::parallel::in_parts(&addresses, threads, |part| {
        windows(index, &searcher, &compiled, &options.langs, window, part)
    });
    let mut together = Near::default();
    let mut nodes = PerLang::<usize>::default();
    for part in parts {
        let (near, counted) = part?;
        for (key, n) in near {
            *together.entry(key).or_default() += n;
        }
        for lang in Lang::ALL {
            *nodes.get_mut(lang) += counted.get(lang);
        }
    }
    let words: Vec<((Lang, String), usize)> = together
        .into_iter()
        .filter(|(_, n)| *n >= min_together.max(1))
        .collect();
    let kept = kept_units(index, &searcher, &options.filter)?;
    let parts = crate::parallel::in_parts(&words, threads, |part| {
        part.iter()
            .map(|((lang, word), _)| corpus_frequency(index, &searcher, kept.as_ref(), *lang, word))
            .collect::<Result<Vec<usize>, SearchError>>()
    });
    let mut frequencies = Vec::with_capacity(words.len());
    for part in parts {
        frequencies.extend(part?);
    }
    let sizes = corpus_sizes(index, &searcher, kept.as_ref(), &options.langs)?;
    let mut found = Vec::with_capacity(words.len());
    for (((lang, word), o11), frequency) in words.into_iter().zip(frequencies) {
        // A word seen in a window stands in the corpus at least that often.
        let frequency = frequency.max(o11);
        let (n, f1) = (*sizes.get(lang) as f64, *nodes.get(lang) as f64);
        let span = f1 * 2.0 * window as f64;
        found.push(Collocate {
            lang,
            log_likelihood: log_likelihood(o11 as f64, span, frequency as f64, n),
            log_dice: 14.0 + (2.0 * o11 as f64 / (f1 + frequency as f64)).log2(),
            word,
            together: o11,
            frequency,
        });
    }
    Ok(found)
}

/// The words in the windows of the occurrences in the units at `addresses`,
/// and the number of occurrences per language.
fn windows(
    index: &CorpusIndex,
    searcher: &Searcher,
    compiled: &search::CompiledQuery,
    langs: &[Lang],
    window: usize,
    addresses: &[DocAddress],
) -> Result<(Near, PerLang<usize>), SearchError> {
    let mut near = Near::default();
    let mut nodes = PerLang::<usize>::default();
    for &address in addresses {
        let unit = index.unit_at(searcher, address)?;
        for &lang in langs {
            let Some(passage) = unit.passages.get(lang) else {
                continue;
            };
            let matches = compiled.matches(passage, lang);
            if matches.is_empty() {
                continue;
            }
            // The words' places, and the forms of those in a window only:
            // most of a long passage is in none.
            let places = word_places(&passage.text);
            for range in matches {
                *nodes.get_mut(lang) += 1;
                let before = places.partition_point(|p| p.start < range.start);
                let after = places.partition_point(|p| p.start < range.end);
                let left = &places[before.saturating_sub(window)..before];
                for place in left.iter().chain(places[after..].iter().take(window)) {
                    // The form analyzer gives every word one term.
                    let Some(form) = word_terms(Analyzer::Form, &passage.text[place.clone()])
                        .into_iter()
                        .next()
                    else {
                        continue;
                    };
                    *near.entry((lang, form)).or_default() += 1;
                }
            }
        }
    }
    Ok((near, nodes))
}

/// The units a filter keeps, where it keeps part of the corpus.
fn kept_units(
    index: &CorpusIndex,
    searcher: &Searcher,
    filter: &search::Filter,
) -> Result<Option<HashSet<DocAddress>>, SearchError> {
    let Some(query) = filter
        .query(index)
        .map_err(|message| SearchError::Filter { message })?
    else {
        return Ok(None);
    };
    let kept = searcher
        .search(query.as_ref(), &tantivy::collector::DocSetCollector)
        .map_err(tantivy_error(&index.path))?;
    Ok(Some(kept))
}

/// How often `word` stands in the word-form field of `lang`: its term
/// frequencies summed over the postings of the units there (those `kept`).
fn corpus_frequency(
    index: &CorpusIndex,
    searcher: &Searcher,
    kept: Option<&HashSet<DocAddress>>,
    lang: Lang,
    word: &str,
) -> Result<usize, SearchError> {
    let field = index.fields.form(lang);
    let term = Term::from_field_text(field, word);
    let mut total = 0usize;
    for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
        let inverted = segment
            .inverted_index(field)
            .map_err(tantivy_error(&index.path))?;
        let Some(mut postings) = inverted
            .read_postings(&term, IndexRecordOption::WithFreqs)
            .map_err(io_error(&index.path))?
        else {
            continue;
        };
        let alive = segment.alive_bitset();
        while postings.doc() != TERMINATED {
            let doc = postings.doc();
            let counted = alive.is_none_or(|a| a.is_alive(doc))
                && kept.is_none_or(|k| k.contains(&DocAddress::new(segment_ord as u32, doc)));
            if counted {
                total += postings.term_freq() as usize;
            }
            postings.advance();
        }
    }
    Ok(total)
}

/// How many words each language's word-form field holds. Of the whole corpus,
/// tantivy's count of the field's tokens; of a part, or where units were
/// removed, the units' field norms summed (exact up to some forty words a
/// unit, a close estimate beyond).
fn corpus_sizes(
    index: &CorpusIndex,
    searcher: &Searcher,
    kept: Option<&HashSet<DocAddress>>,
    langs: &[Lang],
) -> Result<PerLang<usize>, SearchError> {
    let mut sizes = PerLang::<usize>::default();
    for &lang in langs {
        let field = index.fields.form(lang);
        for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
            if kept.is_none() && segment.alive_bitset().is_none() {
                let inverted = segment
                    .inverted_index(field)
                    .map_err(tantivy_error(&index.path))?;
                *sizes.get_mut(lang) += inverted.total_num_tokens() as usize;
                continue;
            }
            let norms = segment
                .get_fieldnorms_reader(field)
                .map_err(tantivy_error(&index.path))?;
            for doc in segment.doc_ids_alive() {
                if kept.is_none_or(|k| k.contains(&DocAddress::new(segment_ord as u32, doc))) {
                    *sizes.get_mut(lang) += norms.fieldnorm(doc) as usize;
                }
            }
        }
    }
    Ok(sizes)
}

/// Dunning's log-likelihood (G²) of a 2×2 table: `o11` co-occurrences, `row`
/// words in the node's windows, `column` occurrences of the collocate, `n`
/// words in all.
pub fn log_likelihood(o11: f64, row: f64, column: f64, n: f64) -> f64 {
    let o12 = (row - o11).max(0.0);
    let o21 = (column - o11).max(0.0);
    let o22 = (n - row - column + o11).max(0.0);
    let cells = [
        (o11, row * column / n),
        (o12, row * (n - column) / n),
        (o21, (n - row) * column / n),
        (o22, (n - row) * (n - column) / n),
    ];
    2.0 * cells
        .iter()
        .filter(|(o, e)| *o > 0.0 && *e > 0.0)
        .map(|(o, e)| o * (o / e).ln())
        .sum::<f64>()
}
