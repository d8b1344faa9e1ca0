//! Concordance: every occurrence of a word (all its forms), an exact form, a
//! phrase or a prefix, in its context, with the aligned sentences of the other
//! languages and, where the alignment can tell, the counterpart word.
//!
//! Occurrences come in corpus order, one at a time, so a caller can print the
//! first line before the last is found; [`order`] sorts, samples and counts
//! them without keeping them.

pub mod collocates;
pub mod order;

use std::collections::{BTreeMap, HashSet};
use std::ops::{ControlFlow, Range};

use crate::align::anchors::Glossary;
use crate::index::CorpusIndex;
use crate::model::{Lang, Passage, PerLang, Unit};
use crate::search::{self, SearchError};
use crate::text::cutter;
use crate::text::names::{self, latin_spelling};

use crate::text::{first_terms, words, Analyzer};

/// How much context each side of the keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Words(usize),
    Chars(usize),
}

#[derive(Debug, Clone)]
pub struct Options {
    pub langs: Vec<Lang>,
    /// Match the printed form only, not every form of the word.
    pub exact: bool,
    pub context: Context,
    /// The part of the corpus looked at (all of it where empty).
    pub filter: search::Filter,
}

/// One line of a concordance.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub doc: String,
    pub unit: String,
    pub section: String,
    pub lang: Lang,
    /// The keyword as printed.
    pub keyword: String,
    /// Context as printed, cut to the asked size.
    pub left: String,
    pub right: String,
    /// The context's words, nearest first: `left_words[0]` is L1, `right_words[0]` R1.
    pub left_words: Vec<String>,
    pub right_words: Vec<String>,
    /// The aligned sentences of the other languages, with the counterpart
    /// word's byte ranges where the alignment can tell it.
    pub counterparts: PerLang<Option<Counterpart>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Counterpart {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

/// Finds the occurrences of `query` and hands them to `sink` in corpus order,
/// until it says stop.
pub fn occurrences(
    index: &CorpusIndex,
    query: &str,
    options: &Options,
    sink: &mut dyn FnMut(Line) -> ControlFlow<()>,
) -> Result<(), SearchError> {
    let compiled = compiled(index, query, options)?;
    let searcher = index.reader.searcher();
    let addresses = search::all_matches(index, &searcher, &compiled)?;
    // Units are read and cut into lines in batches, each shared among the
    // cores; the first batch is small, so that the first line shows at once.
    let threads = crate::parallel::cores().min(4);
    let (mut start, mut batch) = (0, 8);
    while start < addresses.len() {
        let chunk = &addresses[start..(start + batch).min(addresses.len())];
        let parts = crate::parallel::in_parts(chunk, threads, |part| {
            lines(index, &searcher, &compiled, options, part)
        });
        for part in parts {
            for line in part? {
                if sink(line).is_break() {
                    return Ok(());
                }
            }
        }
        start += chunk.len();
        batch = (batch * 2).min(2048);
    }
    Ok(())
}

/// The query compiled for the part of the corpus looked at; one that marks
/// no word has nothing to line up.
fn compiled(
    index: &CorpusIndex,
    query: &str,
    options: &Options,
) -> Result<search::CompiledQuery, SearchError> {
    let mut compiled = search::compile_with(index, query, &options.langs, options.exact)?;
    compiled.restrict(index, &options.filter)?;
    if !compiled.marks_words() {
        return Err(SearchError::Query {
            query: search::shortened(query),
            message: "names no word, phrase or prefix to line up (a negation alone or * lists units: `ushtil search`)".to_owned(),
        });
    }
    Ok(compiled)
}

/// The concordance lines of the units at `addresses`, in their order.
fn lines(
    index: &CorpusIndex,
    searcher: &tantivy::Searcher,
    compiled: &search::CompiledQuery,
    options: &Options,
    addresses: &[tantivy::DocAddress],
) -> Result<Vec<Line>, SearchError> {
    let mut lines = Vec::new();
    let mut glossaries: BTreeMap<String, Glossary> = BTreeMap::new();
    for &address in addresses {
        let unit = &index.unit_at(searcher, address)?;
        for &lang in &options.langs {
            let Some(passage) = unit.passages.get(lang) else {
                continue;
            };
            // Cut into words once, for all the passage's occurrences.
            let words: Vec<(usize, &str)> = cutter::words(&passage.text).collect();
            // The keyword lists tell counterpart words apart; a passage in one
            // language only (most of a body) has none to tell.
            let alone = Lang::ALL
                .iter()
                .all(|&other| other == lang || unit.passages.get(other).is_none());
            let none = Glossary::default();
            for range in compiled.matches(passage, lang) {
                let glossary = match alone {
                    true => &none,
                    false => glossaries
                        .entry(unit.doc.clone())
                        .or_insert_with(|| index.glossary(&unit.doc)),
                };
                lines.push(line(
                    unit,
                    lang,
                    passage,
                    &words,
                    range,
                    options.context,
                    Translations {
                        glossary,
                        query: compiled,
                    },
                ));
            }
        }
    }
    Ok(lines)
}

/// One concordance line; `words` are the passage's words with their offsets.
fn line(
    unit: &Unit,
    lang: Lang,
    passage: &Passage,
    words: &[(usize, &str)],
    range: Range<usize>,
    context: Context,
    translations: Translations,
) -> Line {
    let text = &passage.text;
    // The words before the keyword, and those after it.
    let before = &words[..words.partition_point(|(at, _)| *at < range.start)];
    let after = &words[words.partition_point(|(at, _)| *at < range.end)..];
    let (left, right) = match context {
        Context::Words(0) => (String::new(), String::new()),
        Context::Words(n) => {
            let from = before.len().checked_sub(n).map_or(0, |i| before[i].0);
            let to = after.get(n - 1).map_or(text.len(), |(at, w)| at + w.len());
            (
                text[from..range.start].to_owned(),
                text[range.end..to].to_owned(),
            )
        }
        Context::Chars(n) => {
            let left: String = text[..range.start]
                .chars()
                .rev()
                .take(n)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let right: String = text[range.end..].chars().take(n).collect();
            (left, right)
        }
    };
    let (left, right) = (left.replace('\n', " "), right.replace('\n', " "));
    let n = context_words(context);
    let keyword = text[range.clone()].to_owned();
    let sentence = passage
        .sentences
        .iter()
        .position(|s| s.start <= range.start && range.start < s.end)
        .unwrap_or(0);
    Line {
        doc: unit.doc.clone(),
        unit: unit.id.clone(),
        section: unit.section_path(),
        lang,
        left,
        right,
        left_words: before
            .iter()
            .rev()
            .take(n)
            .map(|(_, w)| w.to_string())
            .collect(),
        right_words: after.iter().take(n).map(|(_, w)| w.to_string()).collect(),
        counterparts: counterparts(unit, lang, sentence, &keyword, translations),
        keyword,
    }
}

/// What tells a keyword's counterparts in the other languages: the
/// document's keyword glossary, and the query's words with the translations
/// learned for them from the corpus ([`crate::translations`]).
#[derive(Clone, Copy)]
struct Translations<'a> {
    glossary: &'a Glossary,
    query: &'a search::CompiledQuery,
}

/// Words kept for sorting: enough for `--sort-by L5`/`R5` whatever the context shown.
fn context_words(context: Context) -> usize {
    match context {
        Context::Words(n) => n.max(5),
        Context::Chars(_) => 5,
    }
}

/// The sentences aligned with sentence `sentence` of `lang`, each with the
/// counterpart of `keyword` marked where it can be told: the same name in
/// another script, the paired term of the document's keyword lists, or a
/// shared loanword spelling.
fn counterparts(
    unit: &Unit,
    lang: Lang,
    sentence: usize,
    keyword: &str,
    translations: Translations,
) -> PerLang<Option<Counterpart>> {
    let Some(link) = unit
        .links
        .iter()
        .find(|l| l.sentences.get(lang).contains(&sentence))
    else {
        return PerLang::default();
    };
    PerLang::from_fn(|other| {
        if other == lang {
            return None;
        }
        let passage = unit.passages.get(other).as_ref()?;
        let span = passage.span(link.sentences.get(other))?;
        let text = passage.text[span].to_owned();
        let marks = counterpart_marks(&text, other, keyword, lang, translations);
        Some(Counterpart { text, marks })
    })
}

fn counterpart_marks(
    text: &str,
    lang: Lang,
    keyword: &str,
    keyword_lang: Lang,
    translations: Translations,
) -> Vec<Range<usize>> {
    let glossary = translations.glossary;
    let learned = translations.query.translations(lang);
    let mut marks = Vec::new();
    let key = keyword
        .split_whitespace()
        .next()
        .and_then(|w| names::query_key(w, keyword_lang));
    let stems: Vec<String> = first_terms(Analyzer::Stem(keyword_lang), keyword);
    let terms: HashSet<String> = glossary
        .counterparts(&stems, keyword_lang, lang)
        .into_iter()
        .collect();
    let spelling: String = latin_spelling(stems.first().map_or("", String::as_str))
        .chars()
        .take(5)
        .collect();
    for analyzed in words(Analyzer::Stem(lang), text) {
        let word = &text[analyzed.offsets.clone()];
        let same_name = key.is_some() && names::name_key(word, lang) == key;
        let same_term = analyzed
            .terms
            .iter()
            .any(|t| terms.contains(t) || learned.contains(t));
        let same_spelling = spelling.chars().count() == 5
            && latin_spelling(&analyzed.terms[0]).starts_with(&spelling);
        if same_name || same_term || same_spelling {
            marks.push(analyzed.offsets);
        }
    }
    marks
}
