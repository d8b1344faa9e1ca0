//! Building the index of a corpus: every document ingested and aligned, all
//! units indexed, unless the index already serves the corpus as it is.

use std::path::Path;

use crate::align;
use crate::corpus::{self, CorpusError, Source};
use crate::index::{self, IndexError, Manifest};
use crate::ingest::{self, IngestError};
use crate::model::{Document, Unit};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// What a build did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The index already matched the corpus; nothing was written.
    UpToDate(Manifest),
    /// A new index generation was written.
    Built(Manifest),
}

impl Outcome {
    pub fn manifest(&self) -> &Manifest {
        match self {
            Outcome::UpToDate(m) | Outcome::Built(m) => m,
        }
    }
}

/// Whether the index in `index_dir` is missing or older than the corpus.
pub fn is_stale(corpus_dir: &Path, index_dir: &Path) -> Result<bool, BuildError> {
    let fingerprint = corpus::fingerprint(&corpus::sources(corpus_dir)?)?;
    Ok(!index::manifest(index_dir).is_some_and(|m| m.is_current(&fingerprint)))
}

/// Reads one document of the corpus: its metadata and its ingested text.
pub fn read_document(source: &Source) -> Result<Document, BuildError> {
    let meta = source.read_metadata()?;
    Ok(ingest::ingest_file(&source.text, &source.id, meta)?)
}

/// Builds the index of the corpus in `corpus_dir` into `index_dir`, unless it
/// is up to date and `force` is off. `progress` hears of each document read,
/// as (its id, how many done, how many in all).
pub fn build(
    corpus_dir: &Path,
    index_dir: &Path,
    force: bool,
    progress: &mut dyn FnMut(&str, usize, usize),
) -> Result<Outcome, BuildError> {
    let sources = corpus::sources(corpus_dir)?;
    let fingerprint = corpus::fingerprint(&sources)?;
    if let Some(manifest) = index::manifest(index_dir).filter(|m| m.is_current(&fingerprint)) {
        if !force {
            return Ok(Outcome::UpToDate(manifest));
        }
    }
    let mut units: Vec<Unit> = Vec::new();
    for (done, source) in sources.iter().enumerate() {
        let document = read_document(source)?;
        units.extend(align::align(&document));
        progress(&source.id, done + 1, sources.len());
    }
    let manifest = Manifest::new(fingerprint, sources.len(), units.len());
    index::write(index_dir, &units, &manifest)?;
    Ok(Outcome::Built(manifest))
}
