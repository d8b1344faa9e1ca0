//! Views: what the commands' JSON holds, as typed structs borrowed from the
//! engine's results. The
//! command line prints them and the server sends them, so the two cannot
//! drift; the engine's own types carry nothing meant for output.
//!
//! Every range is `[start, end]` in bytes of the text's UTF-8, as Rust and
//! tantivy count offsets.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::concord::collocates::Collocate;
use crate::concord::Line;
use crate::model::{
    BlockKind, Division, Document, Lang, Metadata, PerLang, Repair, Section, SourceFile, Table,
    Unit, Version,
};
use crate::search::Hit;

/// Values by language, in the order kk, ru, en, for the languages given
/// only: `{"kk": …, "en": …}`.
pub struct ByLang<T>(pub Vec<(Lang, T)>);

impl<T: Serialize> Serialize for ByLang<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (lang, value) in &self.0 {
            map.serialize_entry(lang.code(), value)?;
        }
        map.end()
    }
}

fn ranges(ranges: &[Range<usize>]) -> Vec<[usize; 2]> {
    ranges.iter().map(|r| [r.start, r.end]).collect()
}

/// A unit: a line of `search --format json` (with `score` and
/// `highlights`) and of `export --format json` (without).
#[derive(Serialize)]
pub struct UnitView<'a> {
    pub doc: &'a str,
    pub unit: &'a str,
    pub section: String,
    pub kind: BlockKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// Each language's passage, null where the unit has none.
    pub texts: PerLang<Option<&'a str>>,
    /// The aligned sentence groups in order, each as `texts` is.
    pub sentences: Vec<PerLang<Option<&'a str>>>,
    /// Per language, the matched words' ranges in `texts`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highlights: Option<PerLang<Vec<[usize; 2]>>>,
}

impl<'a> UnitView<'a> {
    /// A unit as export writes it.
    pub fn unit(unit: &'a Unit) -> Self {
        UnitView {
            doc: &unit.doc,
            unit: &unit.id,
            section: unit.section_path(),
            kind: unit.kind,
            score: None,
            texts: PerLang::from_fn(|lang| unit.text(lang)),
            sentences: unit.link_texts(),
            highlights: None,
        }
    }

    /// A hit as search writes it.
    pub fn hit(hit: &'a Hit) -> Self {
        UnitView {
            score: Some(hit.score),
            highlights: Some(hit.highlights.map(|_, r| ranges(r))),
            ..UnitView::unit(&hit.unit)
        }
    }
}

/// A line of a concordance.
#[derive(Serialize)]
pub struct LineView<'a> {
    pub doc: &'a str,
    pub unit: &'a str,
    pub section: &'a str,
    pub lang: Lang,
    pub left: &'a str,
    pub keyword: &'a str,
    pub right: &'a str,
    /// The aligned sentences of the other languages.
    pub counterparts: ByLang<CounterpartView<'a>>,
}

/// An aligned sentence of another language, and its words that translate
/// the keyword.
#[derive(Serialize)]
pub struct CounterpartView<'a> {
    pub text: &'a str,
    pub highlights: Vec<[usize; 2]>,
}

impl<'a> LineView<'a> {
    pub fn new(line: &'a Line) -> Self {
        let counterparts = Lang::ALL
            .into_iter()
            .filter_map(|lang| {
                let c = line.counterparts.get(lang).as_ref()?;
                let view = CounterpartView {
                    text: &c.text,
                    highlights: ranges(&c.marks),
                };
                Some((lang, view))
            })
            .collect();
        LineView {
            doc: &line.doc,
            unit: &line.unit,
            section: &line.section,
            lang: line.lang,
            left: &line.left,
            keyword: &line.keyword,
            right: &line.right,
            counterparts: ByLang(counterparts),
        }
    }
}

/// A form a concordance matched, and how often, in all and per document.
#[derive(Serialize)]
pub struct FormCountView<'a> {
    pub lang: Lang,
    pub form: &'a str,
    pub count: usize,
    pub docs: &'a BTreeMap<String, usize>,
}

/// A collocate of a word, with its counts and scores.
#[derive(Serialize)]
pub struct CollocateView<'a> {
    pub lang: Lang,
    pub collocate: &'a str,
    pub together: usize,
    pub frequency: usize,
    pub log_likelihood: f64,
    pub log_dice: f64,
}

impl<'a> CollocateView<'a> {
    pub fn new(c: &'a Collocate) -> Self {
        CollocateView {
            lang: c.lang,
            collocate: &c.word,
            together: c.together,
            frequency: c.frequency,
            log_likelihood: c.log_likelihood,
            log_dice: c.log_dice,
        }
    }
}

/// A row of a comparison: one aligned sentence group of a document, with
/// the languages shown.
#[derive(Serialize)]
pub struct CompareRowView<'a> {
    pub doc: &'a str,
    /// A translated body's paragraph group; null for the abstracts.
    pub unit: Option<&'a str>,
    pub section: &'a str,
    /// The group's number within its unit.
    pub group: usize,
    pub confidence: f32,
    /// Each language's text, null where the group has none.
    #[serde(flatten)]
    pub texts: ByLang<Option<&'a str>>,
    /// Each language's sentence numbers within the unit.
    pub sentences: ByLang<&'a [usize]>,
    /// Each language's sentences, one text per number in `sentences`.
    pub sentence_texts: ByLang<Vec<&'a str>>,
}

/// What a build did: `build --format json`.
#[derive(Serialize)]
pub struct BuildView<'a> {
    /// The index was written anew.
    pub built: bool,
    /// Only some documents were read again, or removed.
    pub updated: bool,
    pub changed: &'a [String],
    pub removed: &'a [String],
    /// The documents that could not be read.
    pub skipped: Vec<&'a str>,
    pub documents: usize,
    pub units: usize,
    pub seconds: f64,
    pub index: &'a std::path::Path,
}

impl<'a> BuildView<'a> {
    pub fn new(
        outcome: &'a crate::build::Outcome,
        seconds: f64,
        index: &'a std::path::Path,
    ) -> Self {
        use crate::build::Outcome;
        let manifest = outcome.manifest();
        let (changed, removed): (&[String], &[String]) = match outcome {
            Outcome::Updated {
                changed, removed, ..
            } => (changed, removed),
            _ => (&[], &[]),
        };
        BuildView {
            built: matches!(outcome, Outcome::Built(_)),
            updated: matches!(outcome, Outcome::Updated { .. }),
            changed,
            removed,
            skipped: manifest.skipped.iter().map(|s| s.doc.as_str()).collect(),
            documents: manifest.documents,
            units: manifest.units,
            seconds,
            index,
        }
    }
}

/// What the corpus (or a document) holds: `stats --format json`.
#[derive(Serialize)]
pub struct CountsView {
    pub documents: usize,
    pub units: usize,
    pub languages: PerLang<LanguageCountsView>,
}

/// One language's counts.
#[derive(Serialize)]
pub struct LanguageCountsView {
    pub units: usize,
    pub sentences: usize,
    /// Sentences in a group with another language's sentence.
    pub aligned_sentences: usize,
    pub words: usize,
    /// Distinct word forms, and distinct terms of the language's analyzer.
    pub forms: usize,
    pub terms: usize,
}

impl CountsView {
    pub fn new(counts: &crate::stats::Counts) -> Self {
        CountsView {
            documents: counts.documents,
            units: counts.units,
            languages: counts.languages.map(|_, c| LanguageCountsView {
                units: c.units,
                sentences: c.sentences,
                aligned_sentences: c.aligned_sentences,
                words: c.words,
                forms: c.forms,
                terms: c.terms,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_keyed_in_corpus_order_and_only_those_given() {
        let row = CompareRowView {
            doc: "const-art1",
            unit: Some("u002"),
            section: "body/front",
            group: 1,
            confidence: 0.5,
            texts: ByLang(vec![(Lang::Kk, Some("1-бап")), (Lang::En, None)]),
            sentences: ByLang(vec![(Lang::Kk, &[0][..]), (Lang::En, &[][..])]),
            sentence_texts: ByLang(vec![(Lang::Kk, vec!["1-бап"]), (Lang::En, vec![])]),
        };
        assert_eq!(
            serde_json::to_string(&row).unwrap(),
            r#"{"doc":"const-art1","unit":"u002","section":"body/front","group":1,"confidence":0.5,"kk":"1-бап","en":null,"sentences":{"kk":[0],"en":[]},"sentence_texts":{"kk":["1-бап"],"en":[]}}"#
        );
    }
}

/// `inspect --format json`: a document as ingest read it — metadata,
/// versions, files, blocks with their sentences, paragraph groups, repairs.
#[derive(Serialize)]
pub struct DocumentView<'a> {
    pub doc: &'a str,
    pub meta: &'a Metadata,
    pub versions: &'a [Version],
    /// The files read, each with the encoding it was in.
    pub files: &'a [SourceFile],
    pub blocks: Vec<BlockView<'a>>,
    pub groups: Vec<GroupView>,
    pub repairs: &'a [Repair],
}

#[derive(Serialize)]
pub struct BlockView<'a> {
    pub line: usize,
    pub kind: BlockKind,
    pub lang: Lang,
    pub division: Division,
    pub section: Section,
    pub label: Option<&'a str>,
    pub text: &'a str,
    pub sentences: Vec<SentenceView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<&'a Table>,
    /// The file the block was read from, where the document is one file
    /// per language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<&'a str>,
    /// A language other than the three, where the block is plainly in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_language: Option<&'a str>,
}

#[derive(Serialize)]
pub struct SentenceView<'a> {
    pub lang: Lang,
    pub text: &'a str,
}

/// One group of aligned body paragraphs.
#[derive(Serialize)]
pub struct GroupView {
    pub unit: String,
    /// `1-1-1`, `2-1-0`: paragraphs of kk, ru and en.
    pub shape: String,
    pub paragraphs: PerLang<usize>,
    pub confidence: f32,
    /// The opening words of the group, in the first language it has.
    pub opening: String,
}

impl<'a> DocumentView<'a> {
    /// The document, with the paragraph groups of its aligned `units`.
    pub fn new(document: &'a Document, units: &[Unit]) -> Self {
        DocumentView {
            doc: &document.id,
            meta: &document.meta,
            versions: &document.versions,
            files: &document.files,
            blocks: document
                .blocks
                .iter()
                .map(|b| BlockView {
                    line: b.line,
                    kind: b.kind,
                    lang: b.lang,
                    division: b.division,
                    section: b.section,
                    label: b.label.as_deref(),
                    text: &b.text,
                    sentences: b
                        .sentences
                        .iter()
                        .map(|s| SentenceView {
                            lang: s.lang,
                            text: &s.text,
                        })
                        .collect(),
                    table: b.table.as_ref(),
                    file: document.file_of(b.file),
                    other_language: b.other_language.as_deref(),
                })
                .collect(),
            groups: units.iter().filter_map(GroupView::new).collect(),
            repairs: &document.repairs,
        }
    }
}

impl GroupView {
    /// A unit of body paragraphs as a group; `None` for any other unit.
    fn new(unit: &Unit) -> Option<Self> {
        let paragraphs = unit.paragraphs?;
        let shape: Vec<String> = Lang::ALL
            .iter()
            .map(|&l| paragraphs.get(l).to_string())
            .collect();
        let opening = Lang::ALL
            .iter()
            .find_map(|&l| unit.text(l))
            .unwrap_or_default()
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join(" ");
        Some(GroupView {
            unit: unit.id.clone(),
            shape: shape.join("-"),
            paragraphs,
            confidence: unit.confidence,
            opening,
        })
    }
}
