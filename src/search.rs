//! Search: a query in any of the three languages → ranked [`Hit`]s, each a
//! unit with all its aligned versions and the matched words marked.
//!
//! Query syntax is tantivy's grammar: words (all must match), `"phrases"`,
//! `AND`, `OR`, `NOT`/`-`, parentheses, `prefix*`, and `kk:`/`ru:`/`en:` to
//! name a language. A word matches in every language searched, each through
//! its own analyzer, so `сайлау`, `выборы` and `election` find their forms.
//! A prefix is matched against word forms, not stems, so `Бөкейх*` means
//! what it says.

mod exclusion;
pub mod filter;

pub use filter::Filter;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, DisjunctionMaxQuery, EmptyQuery, Occur, PhrasePrefixQuery,
    PhraseQuery, Query, TermQuery,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::Token;
use tantivy::{DocAddress, Searcher, Term};

use crate::index::{io_error, tantivy_error, CorpusIndex, IndexError};
use crate::model::{Lang, Passage, PerLang, Unit};
use crate::text::{
    analyze, first_terms, for_each_token, latin, names, words, AnalyzedWord, Analyzer,
};
use crate::translations;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("query {query:?}: {message}")]
    Query { query: String, message: String },
    #[error("filter: {message}")]
    Filter { message: String },
    #[error(transparent)]
    Index(#[from] IndexError),
    /// Writing the lines out, or ordering more of them than memory holds in
    /// a temporary file.
    #[error("ordering the lines")]
    Lines(#[from] std::io::Error),
}

/// Deepest bracket nesting a query may have.
const MAX_NESTING: usize = 64;

/// Most words a prefix may expand to.
const PREFIX_EXPANSIONS: u32 = 1000;

/// A unit that matched, with what matched in it.
#[derive(Debug, Clone)]
pub struct Hit {
    pub score: f32,
    pub unit: Unit,
    /// Byte ranges of the matched words in each language's passage.
    pub highlights: PerLang<Vec<Range<usize>>>,
}

/// A parsed query: the tantivy query and what to highlight.
pub struct CompiledQuery {
    query: Box<dyn Query>,
    marks: PerLang<Marks>,
}

impl CompiledQuery {
    /// Keeps to the part of the corpus `filter` names.
    pub fn restrict(&mut self, index: &CorpusIndex, filter: &Filter) -> Result<(), SearchError> {
        let kept = filter
            .query(index)
            .map_err(|message| SearchError::Filter { message })?;
        filter
            .check(index)
            .map_err(|message| SearchError::Filter { message })?;
        if let Some(kept) = kept {
            let query = std::mem::replace(&mut self.query, Box::new(AllQuery));
            self.query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (Occur::Must, kept),
            ]));
        }
        Ok(())
    }
}

/// The terms and prefixes of a query's positive clauses, per language.
#[derive(Debug, Default, Clone)]
struct Marks {
    stems: HashSet<String>,
    prefixes: Vec<String>,
    /// Name keys ([`names`]): names in other scripts.
    names: HashSet<String>,
    /// Exact word forms (`--exact`).
    forms: HashSet<String>,
    /// The terms that translate the words searched in another language,
    /// learned from the corpus ([`translations`]): marked in a hit, never
    /// matched.
    translations: HashSet<String>,
    /// Phrases: their words in order, each as its terms (the readings of an
    /// ambiguous word), stems or (exact) forms.
    phrases: Vec<(Analyzer, Vec<Vec<String>>)>,
    /// Phrases ending in a prefix (`"Provisional Gov"*`): the forms before it, and it.
    phrase_prefixes: Vec<(Vec<String>, String)>,
}

impl Marks {
    /// Whether nothing is marked: no field above holds anything.
    fn is_empty(&self) -> bool {
        self.stems.is_empty()
            && self.prefixes.is_empty()
            && self.names.is_empty()
            && self.forms.is_empty()
            && self.phrases.is_empty()
            && self.phrase_prefixes.is_empty()
    }
}

/// Parses `query` for the languages `langs`.
pub fn compile(
    index: &CorpusIndex,
    query: &str,
    langs: &[Lang],
) -> Result<CompiledQuery, SearchError> {
    compile_with(index, query, langs, false)
}

/// Parses `query` for the languages `langs`; with `exact`, words match their
/// printed form only (`сайлауды`, not every form of `сайлау`).
pub fn compile_with(
    index: &CorpusIndex,
    query: &str,
    langs: &[Lang],
    exact: bool,
) -> Result<CompiledQuery, SearchError> {
    let error = |message: String| SearchError::Query {
        query: shortened(query),
        message,
    };
    // The grammar's parser recurses per bracket: bound the depth before parsing.
    let mut depth = 0usize;
    for c in query.chars() {
        depth = match c {
            '(' => depth + 1,
            ')' => depth.saturating_sub(1),
            _ => depth,
        };
        if depth > MAX_NESTING {
            return Err(error(format!("brackets nested deeper than {MAX_NESTING}")));
        }
    }
    let query = &apostrophes_in_words(query);
    let ast = query_grammar::parse_query(query).map_err(|_| {
        let (_, errors) = query_grammar::parse_query_lenient(query);
        match errors.first() {
            Some(e) => {
                // The grammar counts bytes; a reader counts letters.
                let at = query.get(..e.pos).map_or(e.pos, |s| s.chars().count());
                error(format!("{} at character {}", e.message, at + 1))
            }
            None => error("malformed query".to_owned()),
        }
    })?;
    let mut compiler = Compiler {
        index,
        langs,
        exact,
        marks: PerLang::default(),
    };
    let query = compiler
        .compile(&ast, false)
        .map_err(error)?
        .ok_or_else(|| error("no word to search for".to_owned()))?;
    let mut marks = compiler.marks;
    if !exact {
        mark_translations(index, &mut marks)?;
    }
    Ok(CompiledQuery { query, marks })
}

/// A query with the apostrophes that belong to words (`Qazaqstannyn'`,
/// `s'ejire`: letters of Kazakh's Latin alphabet of 2017) written `’`, which
/// the grammar reads as a letter; an apostrophe opening a single-quoted
/// phrase (`'a b'`) and the one closing it stay.
fn apostrophes_in_words(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut quoted = false;
    let mut before: Option<char> = None;
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        let mut written = c;
        if c == '\'' {
            let after_letter = before.is_some_and(char::is_alphabetic);
            let before_letter = chars.peek().is_some_and(|c| c.is_alphabetic());
            // Inside a word, or ending one outside a quoted phrase: a letter's.
            if after_letter && (before_letter || !quoted) {
                written = '’';
            } else {
                quoted = !quoted;
            }
        }
        out.push(written);
        before = Some(c);
    }
    out
}

/// Adds to each language's marks the words that translate the words
/// searched in another ([`translations`]), so that `сайлау` marks `выборов`
/// and `elections` too.
fn mark_translations(index: &CorpusIndex, marks: &mut PerLang<Marks>) -> Result<(), SearchError> {
    let searcher = index.reader.searcher();
    let mut learned: PerLang<HashSet<String>> = PerLang::default();
    for lang in Lang::ALL {
        let stems: Vec<String> = marks.get(lang).stems.iter().cloned().collect();
        if stems.is_empty() {
            continue;
        }
        let found = translations::counterparts(index, &searcher, lang, &stems)?;
        for other in Lang::ALL {
            learned
                .get_mut(other)
                .extend(found.get(other).iter().cloned());
        }
    }
    for lang in Lang::ALL {
        let learned = std::mem::take(learned.get_mut(lang));
        marks.get_mut(lang).translations.extend(learned);
    }
    Ok(())
}

/// A query as an error quotes it: a long one by its first 60 characters.
pub(crate) fn shortened(query: &str) -> String {
    match query.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &query[..at]),
        None => query.to_owned(),
    }
}

struct Compiler<'a> {
    index: &'a CorpusIndex,
    langs: &'a [Lang],
    exact: bool,
    marks: PerLang<Marks>,
}

impl Compiler<'_> {
    fn compile(
        &mut self,
        ast: &UserInputAst,
        negated: bool,
    ) -> Result<Option<Box<dyn Query>>, String> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let mut subqueries = Vec::new();
                for (occur, clause) in clauses {
                    // Plain words are all required, as in a web search engine.
                    let occur = occur.map_or(Occur::Must, |o| match o {
                        query_grammar::Occur::Must => Occur::Must,
                        query_grammar::Occur::Should => Occur::Should,
                        query_grammar::Occur::MustNot => Occur::MustNot,
                    });
                    if let Some(query) =
                        self.compile(clause, negated ^ (occur == Occur::MustNot))?
                    {
                        let query = match occur {
                            Occur::MustNot => Box::new(exclusion::Excluded(query)),
                            _ => query,
                        };
                        subqueries.push((occur, query));
                    }
                }
                if subqueries.is_empty() {
                    return Ok(None);
                }
                if subqueries.iter().all(|(o, _)| *o == Occur::MustNot) {
                    // `NOT x` alone: every unit in the languages searched but x.
                    subqueries.push((Occur::Must, self.everything()));
                }
                Ok(Some(Box::new(BooleanQuery::new(subqueries))))
            }
            UserInputAst::Boost(inner, boost) => Ok(self.compile(inner, negated)?.map(|q| {
                Box::new(BoostQuery::new(q, boost.into_inner() as f32)) as Box<dyn Query>
            })),
            UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                UserInputLeaf::Literal(literal) => self.literal(literal, negated),
                UserInputLeaf::All => Ok(Some(self.everything())),
                _ => Err(
                    "ranges, sets, regular expressions and field tests are not supported"
                        .to_owned(),
                ),
            },
        }
    }

    /// Every unit with text in a language searched.
    fn everything(&self) -> Box<dyn Query> {
        if Lang::ALL.iter().all(|l| self.langs.contains(l)) {
            return Box::new(AllQuery);
        }
        let field = self.index.fields.langs;
        Box::new(BooleanQuery::new(
            self.langs
                .iter()
                .map(|lang| {
                    let term = Term::from_field_text(field, lang.code());
                    let query: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                    (Occur::Should, query)
                })
                .collect(),
        ))
    }

    /// A word, phrase or prefix, searched in each language (or the one named).
    fn literal(
        &mut self,
        literal: &UserInputLiteral,
        negated: bool,
    ) -> Result<Option<Box<dyn Query>>, String> {
        let langs: Vec<Lang> = match &literal.field_name {
            Some(name) => {
                let lang = name
                    .parse::<Lang>()
                    .map_err(|_| format!("unknown language {name:?} before ':' (kk, ru or en)"))?;
                if !self.langs.contains(&lang) {
                    return Err(format!("{name}: names a language that --lang leaves out"));
                }
                vec![lang]
            }
            None => self.langs.to_vec(),
        };
        // `~N` is a phrase's slop (`"a b"~1`); after a bare word the grammar
        // keeps it in the word, which would then be searched as `word N`.
        if literal.delimiter == Delimiter::None
            && literal
                .phrase
                .split_once('~')
                .is_some_and(|(_, n)| n.starts_with(|c: char| c.is_ascii_digit()))
        {
            return Err(
                "word~N (spelling distance) is not supported; ~N follows a quoted phrase: \"a b\"~1"
                    .to_owned(),
            );
        }
        // The grammar marks only quoted phrases as prefixes (`"big bad wo"*`);
        // a bare `word*` comes as a word ending in `*`.
        let (phrase, prefix) = match literal.phrase.strip_suffix('*') {
            Some(stem) if literal.delimiter == Delimiter::None && !stem.contains('*') => {
                (stem, true)
            }
            _ => (literal.phrase.as_str(), literal.prefix),
        };
        let mut per_lang: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for lang in langs {
            let fields = self.index.fields;
            let query: Option<Box<dyn Query>> = if prefix {
                let words = analyze(Analyzer::Form, phrase);
                if !negated {
                    let marks = self.marks.get_mut(lang);
                    match words.split_last() {
                        Some((last, [])) => marks.prefixes.push(last.text.clone()),
                        Some((last, before)) => marks.phrase_prefixes.push((
                            before.iter().map(|t| t.text.clone()).collect(),
                            last.text.clone(),
                        )),
                        None => {}
                    }
                }
                let field = fields.form(lang);
                let terms: Vec<Term> = words
                    .iter()
                    .map(|t| Term::from_field_text(field, &t.text))
                    .collect();
                match terms.len() {
                    0 => None,
                    1 => self.expand_prefix(field, &words[0].text)?,
                    _ => {
                        let mut query = PhrasePrefixQuery::new(terms);
                        query.set_max_expansions(PREFIX_EXPANSIONS);
                        Some(Box::new(query) as Box<dyn Query>)
                    }
                }
            } else {
                let (analyzer, field) = if self.exact {
                    (Analyzer::Form, fields.form(lang))
                } else {
                    (Analyzer::Stem(lang), fields.stem(lang))
                };
                let mut words = words(analyzer, phrase);
                if let ([word], Lang::Kk, false) = (&mut words[..], lang, self.exact) {
                    word.terms
                        .extend(self.typed_kazakh(fields.stem(lang), phrase)?);
                }
                if !negated {
                    let marks = self.marks.get_mut(lang);
                    match (words.as_slice(), self.exact) {
                        ([], _) => {}
                        ([word], false) => marks.stems.extend(word.terms.iter().cloned()),
                        ([word], true) => marks.forms.extend(word.terms.iter().cloned()),
                        _ => marks
                            .phrases
                            .push((analyzer, words.iter().map(|w| w.terms.clone()).collect())),
                    }
                }
                match words.as_slice() {
                    [] => None,
                    [word] => {
                        let term = |text: &String| -> Box<dyn Query> {
                            Box::new(TermQuery::new(
                                Term::from_field_text(field, text),
                                IndexRecordOption::WithFreqs,
                            ))
                        };
                        // Any reading of the word (`стали`: `стать` or `сталь`).
                        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = word
                            .terms
                            .iter()
                            .map(|t| (Occur::Should, term(t)))
                            .collect();
                        // A word is also looked up as a name, in any case and script.
                        let key = names::query_key(phrase, lang).filter(|_| !self.exact);
                        if let Some(key) = key {
                            if !negated {
                                self.marks.get_mut(lang).names.insert(key.clone());
                            }
                            let name = Term::from_field_text(fields.names(lang), &key);
                            alternatives.push((
                                Occur::Should,
                                Box::new(TermQuery::new(name, IndexRecordOption::WithFreqs)),
                            ));
                        }
                        match alternatives.len() {
                            1 => alternatives.pop().map(|(_, q)| q),
                            _ => Some(Box::new(BooleanQuery::new(alternatives))),
                        }
                    }
                    _ => {
                        let phrases: Vec<(Occur, Box<dyn Query>)> = phrase_readings(&words)
                            .into_iter()
                            .map(|reading| {
                                let terms = words
                                    .iter()
                                    .zip(reading)
                                    .map(|(w, t)| (w.position, Term::from_field_text(field, t)))
                                    .collect();
                                let query: Box<dyn Query> = Box::new(
                                    PhraseQuery::new_with_offset_and_slop(terms, literal.slop),
                                );
                                (Occur::Should, query)
                            })
                            .collect();
                        Some(Box::new(BooleanQuery::new(phrases)))
                    }
                }
            };
            per_lang.extend(query.map(|q| (Occur::Should, q)));
        }
        Ok(match per_lang.len() {
            0 => None,
            1 => per_lang.pop().map(|(_, q)| q),
            _ => Some(Box::new(BooleanQuery::new(per_lang))),
        })
    }

    /// The Kazakh terms of the index that a word typed in Latin letters
    /// without the Kazakh ones could spell (`sailau`: `сайлау`), by
    /// [`latin::typed_spellings`]; none for a word of a Latin alphabet or of
    /// another script, which the analyzer reads itself, and none for a word
    /// of the English text or of fewer than four letters: `men` is English,
    /// not `мен`.
    fn typed_kazakh(&self, field: Field, word: &str) -> Result<Vec<String>, String> {
        // A letter beyond ASCII or an apostrophe is of an alphabet the
        // analyzer reads; a `q` alone (`shaqyru`) is typing as often.
        let lower = word.to_lowercase();
        if !lower.chars().all(|c| c.is_ascii_lowercase()) || lower.chars().count() < 4 {
            return Ok(Vec::new());
        }
        let searcher = self.index.reader.searcher();
        let english = first_terms(Analyzer::Stem(Lang::En), &lower);
        if let [english] = &english[..] {
            if indexed(&searcher, self.index.fields.stem(Lang::En), english)? {
                return Ok(Vec::new());
            }
        }
        let mut stems: Vec<String> = latin::typed_spellings(&lower)
            .iter()
            .filter_map(|spelling| first_terms(Analyzer::Stem(Lang::Kk), spelling).pop())
            .collect();
        stems.sort();
        stems.dedup();
        let mut known = Vec::new();
        for stem in stems {
            if indexed(&searcher, field, &stem)? {
                known.push(stem);
            }
        }
        Ok(known)
    }

    /// A word prefix as the words of the index that start with it (any of them
    /// matches, each scored as a word of its own).
    fn expand_prefix(&self, field: Field, prefix: &str) -> Result<Option<Box<dyn Query>>, String> {
        let mut words = BTreeSet::new();
        let searcher = self.index.reader.searcher();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(field).map_err(|e| e.to_string())?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()
                .map_err(|e| e.to_string())?;
            while stream.advance() && stream.key().starts_with(prefix.as_bytes()) {
                words.insert(String::from_utf8_lossy(stream.key()).into_owned());
                if words.len() > PREFIX_EXPANSIONS as usize {
                    return Err(format!(
                        "prefix {prefix:?}* matches too many words; make it longer"
                    ));
                }
            }
        }
        let clauses: Vec<Box<dyn Query>> = words
            .into_iter()
            .map(|word| {
                let term = Term::from_field_text(field, &word);
                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)) as Box<dyn Query>
            })
            .collect();
        if clauses.is_empty() {
            // A prefix of no word of the index matches nothing, which is no error.
            return Ok(Some(Box::new(EmptyQuery)));
        }
        // Scored by the best-matching word, so that a unit is not ranked by how
        // many different words it has that share the prefix.
        Ok(Some(Box::new(DisjunctionMaxQuery::new(clauses))))
    }
}

/// Runs a compiled query and returns at most `limit` hits, best first.
pub fn run(
    index: &CorpusIndex,
    query: &CompiledQuery,
    limit: usize,
) -> Result<Vec<Hit>, SearchError> {
    Ok(run_counted(index, query, limit)?.0)
}

/// [`run`], with how many units match in all, counted in the same pass.
pub fn run_counted(
    index: &CorpusIndex,
    query: &CompiledQuery,
    limit: usize,
) -> Result<(Vec<Hit>, usize), SearchError> {
    let searcher = index.reader.searcher();
    let tantivy_error = || tantivy_error(&index.path);
    let (top, total) = searcher
        .search(
            &query.query,
            &(
                // TopDocs reserves room for `limit` hits up front: no more than there are units.
                TopDocs::with_limit(limit.min(searcher.num_docs() as usize).max(1))
                    .order_by_score(),
                tantivy::collector::Count,
            ),
        )
        .map_err(tantivy_error())?;
    let mut hits = Vec::with_capacity(top.len());
    // Per document, what translates the query's words in each language:
    // learned from the corpus, and what its keyword lists pair with them.
    let mut translations: HashMap<String, PerLang<HashSet<String>>> = HashMap::new();
    for (score, address) in top.into_iter().take(limit) {
        let unit = index.unit_at(&searcher, address)?;
        let translations = translations.entry(unit.doc.clone()).or_insert_with(|| {
            let glossary = index.glossary(&unit.doc);
            PerLang::from_fn(|lang| {
                let mut terms = query.marks.get(lang).translations.clone();
                for from in Lang::ALL.into_iter().filter(|&from| from != lang) {
                    let stems: Vec<String> = query.marks.get(from).stems.iter().cloned().collect();
                    terms.extend(glossary.counterparts(&stems, from, lang));
                }
                terms
            })
        });
        let highlights = PerLang::from_fn(|lang| match unit.passages.get(lang) {
            Some(passage) => highlight(
                passage,
                lang,
                query.marks.get(lang),
                Some(translations.get(lang)),
            ),
            None => Vec::new(),
        });
        hits.push(Hit {
            score,
            unit,
            highlights,
        });
    }
    Ok((hits, total))
}

/// How many units match a compiled query.
pub fn count(index: &CorpusIndex, query: &CompiledQuery) -> Result<usize, SearchError> {
    index
        .reader
        .searcher()
        .search(&query.query, &tantivy::collector::Count)
        .map_err(tantivy_error(&index.path))
        .map_err(SearchError::from)
}

/// Parses and runs `query` in one go.
pub fn search(
    index: &CorpusIndex,
    query: &str,
    langs: &[Lang],
    limit: usize,
) -> Result<Vec<Hit>, SearchError> {
    let compiled = compile(index, query, langs)?;
    run(index, &compiled, limit)
}

/// Whether a term is in a field of the index.
fn indexed(searcher: &Searcher, field: Field, term: &str) -> Result<bool, String> {
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field).map_err(|e| e.to_string())?;
        if inverted
            .terms()
            .get(term.as_bytes())
            .map_err(|e| e.to_string())?
            .is_some()
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The most readings of a phrase searched: each is a phrase query of its own.
const MAX_PHRASE_READINGS: usize = 16;

/// The ways to read a phrase, one term per word: every combination of its
/// words' readings, most likely first, up to [`MAX_PHRASE_READINGS`] (then
/// the later words keep their first reading).
fn phrase_readings(words: &[AnalyzedWord]) -> Vec<Vec<&str>> {
    let mut readings: Vec<Vec<&str>> = vec![Vec::new()];
    for word in words {
        let fits = readings.len() * word.terms.len() <= MAX_PHRASE_READINGS;
        let terms = if fits {
            &word.terms[..]
        } else {
            &word.terms[..1]
        };
        readings = readings
            .iter()
            .flat_map(|before| {
                terms.iter().map(move |term| {
                    let mut reading = before.clone();
                    reading.push(term.as_str());
                    reading
                })
            })
            .collect();
    }
    readings
}

/// The byte ranges in a passage of what a query's marks match: words, names,
/// prefixes, and each phrase as one range from its first word to its last.
/// With `translations`, those terms (what translates the query's words) are
/// marked too.
fn highlight(
    passage: &Passage,
    lang: Lang,
    marks: &Marks,
    translations: Option<&HashSet<String>>,
) -> Vec<Range<usize>> {
    let text = passage.text.as_str();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    if !marks.names.is_empty() {
        ranges.extend(
            names::names_in(text, &passage.sentences, lang)
                .into_iter()
                .filter(|(_, key)| marks.names.contains(key))
                .map(|(range, _)| range),
        );
    }
    let wants = |analyzer: Analyzer| marks.phrases.iter().any(|(a, _)| *a == analyzer);
    let stem = Analyzer::Stem(lang);
    let none = HashSet::new();
    let translations = translations.unwrap_or(&none);
    let marked = |t: &String| marks.stems.contains(t) || translations.contains(t);
    if wants(stem) {
        let words = words(stem, text);
        ranges.extend(
            words
                .iter()
                .filter(|w| w.terms.iter().any(marked))
                .map(|w| w.offsets.clone()),
        );
        ranges.extend(phrase_ranges(&words, marks, stem));
    } else if !marks.stems.is_empty() || !translations.is_empty() {
        // No phrase to find: the marked words only, each once (the readings
        // of a word stand at its position), and no word list kept.
        let mut last = None;
        for_each_token(stem, text, |token| {
            if last != Some(token.position) && marked(&token.text) {
                last = Some(token.position);
                ranges.push(token.offset_from..token.offset_to);
            }
        });
    }
    if !marks.forms.is_empty()
        || !marks.prefixes.is_empty()
        || !marks.phrase_prefixes.is_empty()
        || wants(Analyzer::Form)
    {
        let tokens = analyze(Analyzer::Form, text);
        let matches = |t: &&Token| {
            marks.forms.contains(&t.text)
                || marks
                    .prefixes
                    .iter()
                    .any(|p| t.text.starts_with(p.as_str()))
        };
        ranges.extend(
            tokens
                .iter()
                .filter(matches)
                .map(|t| t.offset_from..t.offset_to),
        );
        ranges.extend(phrase_ranges(
            &words(Analyzer::Form, text),
            marks,
            Analyzer::Form,
        ));
        for (before, prefix) in &marks.phrase_prefixes {
            ranges.extend(tokens.windows(before.len() + 1).filter_map(|window| {
                let (last, first) = window.split_last().expect("a window of one or more");
                let spelled = first.iter().zip(before).all(|(t, term)| &t.text == term)
                    && last.text.starts_with(prefix.as_str());
                spelled.then(|| window[0].offset_from..last.offset_to)
            }));
        }
    }
    // Overlapping ranges (a word inside a phrase also searched) become one.
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Each run of words that spells out a phrase of `analyzer`'s terms, through
/// any reading of each word.
fn phrase_ranges<'a>(
    words: &'a [AnalyzedWord],
    marks: &'a Marks,
    analyzer: Analyzer,
) -> impl Iterator<Item = Range<usize>> + 'a {
    marks
        .phrases
        .iter()
        .filter(move |(a, _)| *a == analyzer)
        .flat_map(move |(_, phrase)| {
            words.windows(phrase.len()).filter_map(move |window| {
                let spelled = window
                    .iter()
                    .zip(phrase)
                    .all(|(word, terms)| word.terms.iter().any(|t| terms.contains(t)));
                spelled.then(|| window[0].offsets.start..window[window.len() - 1].offsets.end)
            })
        })
}

impl CompiledQuery {
    /// Whether the query names something to find in a text: a word, a name,
    /// a phrase or a prefix. A negation alone, or `*`, lists units but marks
    /// no word in them.
    pub fn marks_words(&self) -> bool {
        Lang::ALL
            .iter()
            .any(|&lang| !self.marks.get(lang).is_empty())
    }

    /// The terms of `lang` that translate the words the query searches in
    /// the other languages, learned from the corpus ([`translations`]).
    pub fn translations(&self, lang: Lang) -> &HashSet<String> {
        &self.marks.get(lang).translations
    }

    /// The byte ranges of what the query matches in a passage of `lang`: a
    /// word, a name, a prefix's word, or a whole phrase.
    pub fn matches(&self, passage: &Passage, lang: Lang) -> Vec<Range<usize>> {
        highlight(passage, lang, self.marks.get(lang), None)
    }
}

/// Where every unit that matches a compiled query is, in corpus order (by
/// document, then in document order), told from fast fields without loading
/// a unit: the units can then be read one at a time from the same searcher
/// ([`CorpusIndex::unit_at`]).
pub fn all_matches(
    index: &CorpusIndex,
    searcher: &Searcher,
    query: &CompiledQuery,
) -> Result<Vec<DocAddress>, SearchError> {
    let tantivy_error = || tantivy_error(&index.path);
    let addresses = searcher
        .search(&query.query, &tantivy::collector::DocSetCollector)
        .map_err(tantivy_error())?;
    let mut addresses: Vec<DocAddress> = addresses.into_iter().collect();
    addresses.sort();
    let io_error = || io_error(&index.path);
    // Per segment: its columns opened once, each document id's name read once.
    let mut keyed = Vec::with_capacity(addresses.len());
    for segment_addresses in addresses.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let segment = searcher.segment_reader(segment_addresses[0].segment_ord);
        let fast = segment.fast_fields();
        let ordinals = fast.u64("ordinal").map_err(tantivy_error())?;
        let docs = fast.str("doc").map_err(tantivy_error())?;
        let mut names: std::collections::HashMap<u64, String> = std::collections::HashMap::new();
        for &address in segment_addresses {
            let ordinal = ordinals.first(address.doc_id).unwrap_or(u64::MAX);
            let ord = docs
                .as_ref()
                .and_then(|c| c.term_ords(address.doc_id).next());
            let doc = match (ord, &docs) {
                (Some(ord), Some(column)) => match names.get(&ord) {
                    Some(name) => name.clone(),
                    None => {
                        let mut name = String::new();
                        column.ord_to_str(ord, &mut name).map_err(io_error())?;
                        names.insert(ord, name.clone());
                        name
                    }
                },
                _ => String::new(),
            };
            keyed.push(((doc, ordinal), address));
        }
    }
    keyed.sort();
    Ok(keyed.into_iter().map(|(_, address)| address).collect())
}
