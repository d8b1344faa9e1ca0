//! Building the index of a corpus: every document ingested and aligned, all
//! units indexed, unless the index already serves the corpus as it is.

use std::path::Path;

use crate::align::{self, file::AlignmentFileError};
use crate::corpus::{self, CorpusError, Fingerprint, Source};
use crate::index::{self, IndexError, IndexWriting, Manifest};
use crate::ingest::{self, IngestError};
use crate::model::{Document, Metadata, Unit};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    Alignment(#[from] AlignmentFileError),
    #[error("{}", path.display())]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error(
        "index {} was built from the corpus {built_from}, not {corpus} \
         (`ushtil build --force` builds it anew from {corpus})",
        index.display()
    )]
    OtherCorpus {
        index: std::path::PathBuf,
        built_from: String,
        corpus: String,
    },
}

/// What a build tells as it goes: each document read, and what it leaves out.
pub trait Progress {
    /// A document read: its id, how many are done, how many to do.
    fn read(&mut self, _id: &str, _done: usize, _total: usize) {}
    /// A file or part of one left out, and why, in one line naming the file.
    fn warn(&mut self, message: &str);
}

/// What a build did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The index already matched the corpus; nothing was written.
    UpToDate(Manifest),
    /// The whole index was written anew.
    Built(Manifest),
    /// Only these documents were read again (new or changed) or removed.
    Updated {
        manifest: Manifest,
        changed: Vec<String>,
        removed: Vec<String>,
    },
}

impl Outcome {
    pub fn manifest(&self) -> &Manifest {
        match self {
            Outcome::UpToDate(m) | Outcome::Built(m) => m,
            Outcome::Updated { manifest, .. } => manifest,
        }
    }
}

/// Whether the index in `index_dir` is missing or older than the corpus.
pub fn is_stale(corpus_dir: &Path, index_dir: &Path) -> Result<bool, BuildError> {
    let fingerprint = corpus::fingerprint(corpus_dir)?;
    Ok(!index::manifest(index_dir).is_some_and(|m| m.is_current(&fingerprint)))
}

/// One document as a build reads it.
#[derive(Debug)]
pub struct ReadDocument {
    /// Its units, ingested and aligned, with the groups of a hand-checked
    /// alignment file in place of the aligner's.
    pub units: Vec<Unit>,
    /// Its metadata, what the file gives and what was inferred from the text.
    pub meta: Metadata,
    /// What its reading left out, each in one line naming the file.
    pub warnings: Vec<String>,
}

/// Reads one document: its units, metadata and warnings.
pub fn read_units(source: &Source) -> Result<ReadDocument, BuildError> {
    let document = read_document(source)?;
    let units = aligned_units(source, &document)?;
    Ok(ReadDocument {
        units,
        meta: document.meta,
        warnings: document.warnings,
    })
}

/// The aligned units of a document read from `source`.
pub fn aligned_units(source: &Source, document: &Document) -> Result<Vec<Unit>, BuildError> {
    checked_groups(source, document, align::align(document))
}

/// The aligner's `units` of a document, with the groups of its alignment
/// file in their place if the file is checked.
fn checked_groups(
    source: &Source,
    document: &Document,
    mut units: Vec<Unit>,
) -> Result<Vec<Unit>, BuildError> {
    if let Some(path) = &source.alignment {
        let text = std::fs::read_to_string(path).map_err(|e| BuildError::Io {
            path: path.clone(),
            source: e,
        })?;
        // A proposal is the aligner's own: only a checked file is read.
        if align::file::is_checked(path, &text)? {
            // A checked file that no longer fits says what to do about it.
            let hint = |mut error: AlignmentFileError| {
                error.message.push_str(&format!(
                    " (if the text changed since the file was checked, `ushtil align {}` \
                     writes the aligner's new proposal beside it)",
                    source.id
                ));
                error
            };
            apply_checked(path, &text, document, &mut units).map_err(hint)?;
        }
    }
    Ok(units)
}

/// Puts the groups of a checked alignment file's `text` in place of the
/// aligner's `units`.
fn apply_checked(
    path: &Path,
    text: &str,
    document: &Document,
    units: &mut Vec<Unit>,
) -> Result<(), AlignmentFileError> {
    let file = align::file::parse(path, text)?;
    align::file::apply(path, &file, units)?;
    align::file::apply_body(path, &file, document, units)
}

#[derive(Debug, thiserror::Error)]
pub enum CorrectError {
    #[error(transparent)]
    Read(#[from] BuildError),
    /// The correction does not fit the document's groups; nothing was written.
    #[error("{doc}: {source}")]
    Refused {
        doc: String,
        source: align::correct::CorrectionError,
    },
}

/// Makes a curator's correction to one part of a document's groups and
/// writes the document's whole alignment to its `.align.tsv`, marked
/// `checked`, at once (never half-written): what a hand edit of the file
/// would do, read by `build` the same way. `seen`, the part's groups as the
/// curator was shown them, must be the groups now. Returns the file written.
pub fn correct_alignment(
    source: &Source,
    part: &str,
    correction: &align::correct::Correction,
    seen: Option<&[crate::model::PerLang<Vec<usize>>]>,
) -> Result<std::path::PathBuf, CorrectError> {
    use align::correct::{self, CorrectionError};
    let document = read_document(source)?;
    let refuse = |error: CorrectionError| CorrectError::Refused {
        doc: document.id.clone(),
        source: error,
    };
    if !document.given.is_empty() {
        return Err(refuse(CorrectionError::Misfit(
            "a parallel table is aligned as it is, a group a row: correct the rows there"
                .to_owned(),
        )));
    }
    // Aligned once: the file written is read back onto these groups too.
    let mut proposed = align::align(&document);
    let mut units = checked_groups(source, &document, proposed.clone())?;
    let unit = correct::find_part(&mut units, part).map_err(refuse)?;
    if let Some(seen) = seen {
        correct::check_seen(unit, seen).map_err(refuse)?;
    }
    correct::correct(unit, correction).map_err(refuse)?;
    let text = align::file::render(&document.id, &units, true);
    let path = source.alignment_path();
    // Read back as a build will read it, so that what is written fits.
    apply_checked(&path, &text, &document, &mut proposed).map_err(BuildError::from)?;
    corpus::write_atomically(&path, text.as_bytes()).map_err(|e| BuildError::Io {
        path: path.clone(),
        source: e,
    })?;
    Ok(path)
}

/// Reads one document of the corpus: its metadata and its ingested text. Of
/// a document kept one file per language, a file that cannot be read is left
/// out with a warning, as long as another one can.
pub fn read_document(source: &Source) -> Result<Document, BuildError> {
    let meta = source.read_metadata()?;
    if let [(None, path)] = &source.texts[..] {
        return Ok(ingest::ingest_file(path, &source.id, meta)?);
    }
    let mut versions = Vec::new();
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut first_error = None;
    for (lang, path) in &source.texts {
        let lang = lang.expect("a document of several files has a language for each");
        match ingest::read_version(path, lang, &meta.encoding) {
            Ok(text) => {
                files.push(ingest::source_file(path, &text));
                versions.push((lang, path.clone(), text.text));
            }
            Err(error) => {
                warnings.push(format!("{error}; left out of {}", source.id));
                first_error.get_or_insert(error);
            }
        }
    }
    if versions.is_empty() {
        return Err(first_error.expect("a document has a file").into());
    }
    let mut document = ingest::ingest_versions(&source.id, meta, &versions);
    warnings.append(&mut document.warnings);
    document.warnings = warnings;
    document.files = files;
    Ok(document)
}

/// How a build goes about its work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Write the index anew, even if it is up to date, or was built from
    /// another corpus folder.
    pub force: bool,
    /// Stop at the first document that cannot be read, writing nothing,
    /// rather than skipping it.
    pub strict: bool,
}

/// Builds the index of the corpus in `corpus_dir` into `index_dir`. An index
/// that matches the corpus is left alone; one that differs in some documents
/// has just those replaced; `force`, an index of another ushtil version, or
/// one that does not open, is written anew. An index built from another
/// corpus folder is refused unless `force`. A document that cannot be read is
/// skipped with a warning, keeping the units an earlier build gave it, unless
/// `strict`. One build at a time: it holds the index folder's lock
/// ([`index::lock`]) throughout.
pub fn build(
    corpus_dir: &Path,
    index_dir: &Path,
    options: Options,
    progress: &mut dyn Progress,
) -> Result<Outcome, BuildError> {
    let (mut sources, mut skipped, mut fingerprint) = corpus::scan(corpus_dir)?;
    // Whether the index is current is asked under the lock: a build that held
    // it may have just brought it up to date. The corpus is read again after
    // a wait, for what changed in it meanwhile.
    let lock = index::lock(index_dir)?;
    if lock.waited {
        (sources, skipped, fingerprint) = corpus::scan(corpus_dir)?;
    }
    for file in &skipped {
        progress.warn(&file.to_string());
    }
    let corpus = index::folder_name(corpus_dir);
    let index_name = index::folder_name(index_dir);
    let existing = index::manifest(index_dir);
    if let Some(other) = existing
        .as_ref()
        .filter(|m| !m.belongs_to(&corpus, &index_name) && !options.force)
    {
        return Err(BuildError::OtherCorpus {
            index: index_dir.to_owned(),
            built_from: other.corpus.clone(),
            corpus,
        });
    }
    // An index that does not open (a file of it truncated or lost) is built anew.
    let old = existing
        .filter(|m| m.is_compatible() && !options.force)
        .filter(|_| index::CorpusIndex::open(index_dir).is_ok());
    if let Some(old) = old.as_ref().filter(|m| m.is_current(&fingerprint)) {
        for document in &old.skipped {
            progress.warn(&document.message);
        }
        return Ok(Outcome::UpToDate(old.clone()));
    }
    let manifest = Manifest::new(&fingerprint, sources.len(), 0, (corpus, index_name));
    // Updated in place where the stamps of the files indexed are there to
    // compare; else written anew.
    let (Some(old), Some(before)) = (old, index::fingerprint(index_dir)) else {
        let writing = IndexWriting::create(index_dir)?;
        let all: Vec<&Source> = sources.iter().collect();
        let manifest = write_documents(writing, &all, manifest, &fingerprint, options, progress)?;
        return Ok(Outcome::Built(manifest));
    };
    let (changed, removed) = fingerprint.changes_since(&before);
    let to_read: Vec<&Source> = sources.iter().filter(|s| changed.contains(&s.id)).collect();
    let mut manifest = manifest;
    // Documents skipped before and not changed since are skipped still.
    manifest.skipped = old
        .skipped
        .into_iter()
        .filter(|s| !changed.contains(&s.doc) && !removed.contains(&s.doc))
        .collect();
    let writing = IndexWriting::update(index_dir, &removed)?;
    let manifest = write_documents(writing, &to_read, manifest, &fingerprint, options, progress)?;
    Ok(Outcome::Updated {
        manifest,
        changed,
        removed,
    })
}

/// Documents read per batch: enough to keep every core busy, few enough that
/// a large corpus is never held in memory whole; and at most so many bytes
/// of source (but one document), since a document's units take some times
/// its size in memory until they are written.
const BATCH: usize = 64;
const BATCH_BYTES: u64 = 32 << 20;

/// The documents cut into batches of at most [`BATCH`] documents and
/// [`BATCH_BYTES`] bytes of their files.
fn batches<'a>(sources: &'a [&'a Source], fingerprint: &Fingerprint) -> Vec<&'a [&'a Source]> {
    let sizes = fingerprint.sizes();
    let mut batches = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (n, source) in sources.iter().enumerate() {
        let size = sizes.get(source.id.as_str()).copied().unwrap_or(0);
        if n > start && (n - start == BATCH || bytes + size > BATCH_BYTES) {
            batches.push(&sources[start..n]);
            (start, bytes) = (n, 0);
        }
        bytes += size;
    }
    if start < sources.len() {
        batches.push(&sources[start..]);
    }
    batches
}

/// Reads documents batch by batch into an index writing, then finishes it.
/// Each document read replaces what the index held of it; one that cannot
/// be read is skipped with a warning, and keeps what the index held of it
/// (unless `strict`: then the first stops the build before anything is made
/// visible).
fn write_documents(
    mut writing: IndexWriting,
    sources: &[&Source],
    mut manifest: Manifest,
    fingerprint: &Fingerprint,
    options: Options,
    progress: &mut dyn Progress,
) -> Result<Manifest, BuildError> {
    let mut read_any = false;
    let mut first_error = None;
    let mut done = 0;
    for batch in batches(sources, fingerprint) {
        let read = read_all(batch, done, sources.len(), progress);
        done += batch.len();
        for (source, read) in batch.iter().zip(read) {
            match read {
                Ok(read) => {
                    writing.replace(&source.id, &read.meta, &read.units)?;
                    read_any = true;
                }
                Err(error) if options.strict => return Err(error),
                Err(error) => {
                    let kept = writing.holds(&source.id)?;
                    let message = match kept {
                        true => {
                            format!("{error}; {} keeps its units from the last build", source.id)
                        }
                        false => format!("{error}; {} skipped", source.id),
                    };
                    progress.warn(&message);
                    first_error.get_or_insert(error);
                    manifest.skipped.push(index::SkippedDocument {
                        doc: source.id.clone(),
                        message,
                        kept,
                    });
                }
            }
        }
    }
    // A new index of no document at all is no index: the error is the build's.
    if let (false, Some(error)) = (read_any || !writing.is_new(), first_error) {
        return Err(error);
    }
    manifest.skipped.sort_by(|a, b| a.doc.cmp(&b.doc));
    Ok(writing.finish(manifest, fingerprint)?)
}

/// Documents are read on all cores, taking the next one as they finish; what
/// each gave comes back in corpus order.
fn read_all(
    sources: &[&Source],
    done_before: usize,
    total: usize,
    progress: &mut dyn Progress,
) -> Vec<Result<ReadDocument, BuildError>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;
    let workers = crate::parallel::cores().min(sources.len()).max(1);
    let next = AtomicUsize::new(0);
    let mut read: Vec<Option<Result<ReadDocument, BuildError>>> =
        (0..sources.len()).map(|_| None).collect();
    let (sender, receiver) = mpsc::channel::<(usize, Result<ReadDocument, BuildError>)>();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (sender, next) = (sender.clone(), &next);
            scope.spawn(move || loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                let Some(source) = sources.get(n) else {
                    break;
                };
                let _ = sender.send((n, read_units(source)));
            });
        }
        drop(sender);
        let mut done = 0;
        for (n, result) in receiver {
            read[n] = Some(result.map(|mut document| {
                for warning in std::mem::take(&mut document.warnings) {
                    progress.warn(&warning);
                }
                document
            }));
            done += 1;
            progress.read(&sources[n].id, done_before + done, total);
        }
    });
    read.into_iter()
        .map(|r| r.expect("every document read"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::FileStamp;

    #[test]
    fn a_batch_holds_at_most_so_many_documents_and_bytes() {
        let ids: Vec<String> = (0..200).map(|n| format!("d{n:03}")).collect();
        let sources: Vec<Source> = ids
            .iter()
            .map(|id| Source::for_text(std::path::PathBuf::from(format!("{id}.txt"))))
            .collect();
        let sources: Vec<&Source> = sources.iter().collect();
        // d000 … d009 are 10 MB each; the rest small.
        let files = ids
            .iter()
            .enumerate()
            .map(|(n, id)| FileStamp {
                name: format!("{id}.txt"),
                size: if n < 10 { 10 << 20 } else { 1000 },
                modified: 0,
            })
            .collect();
        let sizes: Vec<usize> = batches(&sources, &Fingerprint { files })
            .iter()
            .map(|b| b.len())
            .collect();
        assert_eq!(sizes, [3, 3, 3, 64, 64, 63]);
        assert_eq!(sizes.iter().sum::<usize>(), 200);
    }
}
