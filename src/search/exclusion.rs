//! A query to exclude (`-x`, `NOT x`) that answers tantivy's exclusion with
//! plain seeks.
//!
//! tantivy 0.27 asks an excluded clause whether it holds each candidate with
//! `seek_danger`, which may leave a phrase's scorer past the next candidate;
//! the phrase scorer's own `debug_assert` then fires on the next call
//! (tantivy#2811). Results are right in release builds, but a debug build,
//! and every fuzzing run, panics on any negated phrase. Seeking only forward,
//! and answering a candidate behind the scorer from where it stands, keeps
//! every call within the contract.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// `inner`, to be used as a `MustNot` clause.
#[derive(Debug)]
pub(crate) struct Excluded(pub Box<dyn Query>);

impl Clone for Excluded {
    fn clone(&self) -> Self {
        Excluded(self.0.box_clone())
    }
}

impl Query for Excluded {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ExcludedWeight(Box<dyn Weight>);

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(PlainSeek(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// A scorer whose `seek_danger` is DocSet's default: plain `seek`s only.
struct PlainSeek(Box<dyn Scorer>);

impl DocSet for PlainSeek {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for PlainSeek {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
