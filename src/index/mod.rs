//! The tantivy index of a corpus: one tantivy document per aligned unit.
//!
//! On disk, an index folder holds generations: `gen-N/` (a tantivy index and
//! the manifest of what it was built from), `CURRENT`, naming the live one,
//! and `LOCK`, held by the one process building at a time. A full build
//! writes a new generation beside the live one and switches `CURRENT` by an
//! atomic rename; an update replaces changed documents in the live generation
//! through one tantivy commit, then rewrites its manifest. Either way a failed
//! or interrupted build never leaves a half-written index behind, and readers
//! never see one.

mod directory;
mod schema;

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::schema::Value;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{
    doc, Index, IndexReader, IndexSettings, IndexWriter, Searcher, TantivyDocument, Term,
};

pub use schema::Fields;

use crate::align::anchors::Glossary;
use crate::corpus::Fingerprint;
use crate::model::{Lang, Metadata, PerLang, Unit};
use crate::text::{self, names};

const CURRENT: &str = "CURRENT";
/// Held by the process building into an index folder.
const LOCK: &str = "LOCK";
const MANIFEST: &str = "ushtil.json";

/// Beside the manifest: the stamps of every corpus file indexed.
const FILES: &str = "ushtil-files.json";

/// Bumped whenever the schema, the analyzers or the stored units change, so
/// that old indexes are rebuilt. 6: body paragraph groups of translated texts;
/// 8: glued Russian prepositions cut off in the stored text; 9: the keys of
/// the names in `text/data/names.tsv` (a change to that table wants one too).
const FORMAT: u32 = 11;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("{}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {message}", path.display())]
    Tantivy { path: PathBuf, message: String },
    #[error("{}: damaged index: {message}", path.display())]
    Damaged { path: PathBuf, message: String },
}

/// What an index generation was built from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub version: String,
    /// What the analyzers make of a probe text ([`text::probe`]): an index
    /// built by analyzers that no longer agree with these is rebuilt.
    #[serde(default)]
    pub analysis: String,
    pub documents: usize,
    pub units: usize,
    /// The digest of the corpus files' stamps ([`Fingerprint::digest`]); the
    /// stamps themselves are in [`FILES`], read only when they differ.
    pub files: String,
    /// The corpus folder the index was built from ([`folder_name`]): an
    /// index is not taken over by another corpus unless forced.
    #[serde(default)]
    pub corpus: String,
    /// Where the index was when it was built ([`folder_name`] of its folder):
    /// an index moved together with its corpus (the project folder renamed)
    /// still belongs to it.
    #[serde(default)]
    pub index: String,
    /// The documents that could not be read, and why: a build that finds the
    /// index up to date says so again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<SkippedDocument>,
}

/// A document a build could not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedDocument {
    pub doc: String,
    /// The warning, one line naming the file.
    pub message: String,
    /// Whether the index still holds its units from an earlier build.
    pub kept: bool,
}

impl Manifest {
    pub fn new(
        fingerprint: &Fingerprint,
        documents: usize,
        units: usize,
        (corpus, index): (String, String),
    ) -> Self {
        Manifest {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            analysis: text::probe(),
            documents,
            units,
            files: fingerprint.digest(),
            corpus,
            index,
            skipped: Vec::new(),
        }
    }

    /// Whether an index with this manifest serves a corpus with `fingerprint`.
    pub fn is_current(&self, fingerprint: &Fingerprint) -> bool {
        self.is_compatible() && self.files == fingerprint.digest()
    }

    /// Whether the index was built from the corpus folder `corpus`, where it
    /// is now kept in `index` (both as [`folder_name`] gives them): the same
    /// folder, or one that stands where the first stood beside the index,
    /// both moved together.
    pub fn belongs_to(&self, corpus: &str, index: &str) -> bool {
        if self.corpus.is_empty() || self.corpus == corpus {
            return true;
        }
        let beside = |corpus: &str, index: &str| {
            let parent = Path::new(index).parent()?.to_owned();
            Some(Path::new(corpus).strip_prefix(parent).ok()?.to_owned())
        };
        beside(&self.corpus, &self.index).is_some_and(|was| beside(corpus, index) == Some(was))
    }

    /// Whether this ushtil can update the index in place (same schema and analyzers).
    pub fn is_compatible(&self) -> bool {
        self.format == FORMAT
            && self.version == env!("CARGO_PKG_VERSION")
            && self.analysis == text::probe()
    }
}

/// How a manifest names a folder (the corpus's, the index's): its absolute
/// path, as far as it can be found.
pub fn folder_name(dir: &Path) -> String {
    let absolute = fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_owned());
    absolute.display().to_string()
}

/// The manifest of the live generation in `dir`, if there is one.
pub fn manifest(dir: &Path) -> Option<Manifest> {
    let live = live_generation(dir)?;
    let text = fs::read_to_string(live.join(MANIFEST)).ok()?;
    serde_json::from_str(&text).ok()
}

/// The stamps of the corpus files the live generation in `dir` was built from.
pub fn fingerprint(dir: &Path) -> Option<Fingerprint> {
    let live = live_generation(dir)?;
    let text = fs::read_to_string(live.join(FILES)).ok()?;
    serde_json::from_str(&text).ok()
}

/// The right to build into an index folder, held until dropped: a second
/// build (another search finding the index stale, say) waits for the first,
/// then finds the index up to date. Released by the system if the process dies.
pub struct BuildLock {
    _file: fs::File,
    /// Whether another process held it first: what it built may have
    /// changed what this one has to do.
    pub waited: bool,
}

/// Whether a build of the index in `dir` is under way (its lock held).
pub fn is_building(dir: &Path) -> bool {
    let Ok(file) = fs::OpenOptions::new().write(true).open(dir.join(LOCK)) else {
        return false;
    };
    matches!(file.try_lock(), Err(fs::TryLockError::WouldBlock))
}

/// Takes the build lock of the index folder `dir`, waiting while another
/// process holds it; makes the folder if need be.
pub fn lock(dir: &Path) -> Result<BuildLock, IndexError> {
    if dir.exists() && !dir.is_dir() {
        return Err(IndexError::Io {
            path: dir.to_owned(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                "not a folder (--index names the folder an index is kept in)",
            ),
        });
    }
    fs::create_dir_all(dir).map_err(io_error(dir))?;
    let path = dir.join(LOCK);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_error(&path))?;
    let waited = match file.try_lock() {
        Ok(()) => false,
        Err(fs::TryLockError::WouldBlock) => {
            file.lock().map_err(io_error(&path))?;
            true
        }
        Err(fs::TryLockError::Error(error)) => return Err(io_error(&path)(error)),
    };
    // What a build killed before it ended left behind goes now, whatever
    // this build turns out to do.
    let live = fs::read_to_string(dir.join(CURRENT)).unwrap_or_default();
    sweep(dir, live.trim());
    Ok(BuildLock {
        _file: file,
        waited,
    })
}

fn live_generation(dir: &Path) -> Option<PathBuf> {
    let name = fs::read_to_string(dir.join(CURRENT)).ok()?;
    let path = dir.join(name.trim());
    path.is_dir().then_some(path)
}

pub(crate) fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> IndexError + '_ {
    move |source| IndexError::Io {
        path: path.to_owned(),
        source,
    }
}

pub(crate) fn tantivy_error(path: &Path) -> impl FnOnce(tantivy::TantivyError) -> IndexError + '_ {
    move |error| IndexError::Tantivy {
        path: path.to_owned(),
        message: describe(&error),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// A tantivy error in a line: its own text, but for a file that does not
/// read, which tantivy tells with the debug print of its cause, twice.
fn describe(error: &tantivy::TantivyError) -> String {
    use tantivy::directory::error::OpenReadError;
    match error {
        // By file name: the error already names the index folder.
        tantivy::TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            format!("{}: {io_error}", file_name(filepath))
        }
        tantivy::TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(filepath)) => {
            format!("{}: no such file", file_name(filepath))
        }
        other => other.to_string(),
    }
}

/// Writes units into an index: a new generation ([`IndexWriting::create`]) or
/// the live one ([`IndexWriting::update`]). Units are added as they come, so a
/// large corpus need not be held in memory; nothing is seen by readers until
/// [`IndexWriting::finish`], and a writing dropped unfinished leaves the index
/// as it was.
pub struct IndexWriting {
    dir: PathBuf,
    /// Where the tantivy index being written is.
    path: PathBuf,
    /// A new generation, staged beside the live one (else the live one, updated).
    staged: bool,
    index: Index,
    /// Taken by [`IndexWriting::finish`].
    writer: Option<IndexWriter<TantivyDocument>>,
    fields: Fields,
    finished: bool,
}

impl IndexWriting {
    /// Starts a new generation in `dir`, staged beside the live one.
    pub fn create(dir: &Path) -> Result<Self, IndexError> {
        fs::create_dir_all(dir).map_err(io_error(dir))?;
        let path = dir.join(format!("tmp-{}", std::process::id()));
        if path.exists() {
            fs::remove_dir_all(&path).map_err(io_error(&path))?;
        }
        fs::create_dir_all(&path).map_err(io_error(&path))?;
        let (schema, fields) = schema::build();
        let index = Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_dir(&path)
            .map_err(tantivy_error(&path))?;
        text::register(index.tokenizers());
        let writer = writer(&index, &path)?;
        Ok(IndexWriting {
            dir: dir.to_owned(),
            path,
            staged: true,
            index,
            writer: Some(writer),
            fields,
            finished: false,
        })
    }

    /// Opens the live generation of `dir` to replace the units of the
    /// documents `replaced` (changed or gone from the corpus).
    pub fn update(dir: &Path, replaced: &[String]) -> Result<Self, IndexError> {
        let (path, index, fields) = open_live(dir, false)?;
        let writer = writer(&index, &path)?;
        for doc in replaced {
            writer.delete_term(Term::from_field_text(fields.doc, doc));
        }
        Ok(IndexWriting {
            dir: dir.to_owned(),
            path,
            staged: false,
            index,
            writer: Some(writer),
            fields,
            finished: false,
        })
    }

    /// Puts the units of document `doc` (of metadata `meta`) in place of what
    /// the index held of it.
    pub fn replace(
        &mut self,
        doc: &str,
        meta: &Metadata,
        units: &[Unit],
    ) -> Result<(), IndexError> {
        let writer = self
            .writer
            .as_ref()
            .expect("a writing is open until finished");
        if !self.staged {
            writer.delete_term(Term::from_field_text(self.fields.doc, doc));
        }
        add_units(writer, self.fields, meta, units, &self.path)
    }

    /// Whether this writing makes a new index, rather than updating one.
    pub fn is_new(&self) -> bool {
        self.staged
    }

    /// Whether the index being updated held units of document `doc` before.
    pub fn holds(&self, doc: &str) -> Result<bool, IndexError> {
        if self.staged {
            return Ok(false);
        }
        let reader = self.index.reader().map_err(tantivy_error(&self.path))?;
        let term = Term::from_field_text(self.fields.doc, doc);
        // Counted by a query, which leaves out units deleted but not yet merged away.
        let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        let units = reader
            .searcher()
            .search(&query, &tantivy::collector::Count)
            .map_err(tantivy_error(&self.path))?;
        Ok(units > 0)
    }

    /// Commits, records the manifest (with the units counted) and, for a new
    /// generation, makes it live. Readers see the index before or after, never
    /// between; if the process dies between the commit and the manifest, the
    /// next build finds the manifest stale and does the same work again.
    pub fn finish(
        mut self,
        mut manifest: Manifest,
        fingerprint: &Fingerprint,
    ) -> Result<Manifest, IndexError> {
        let mut writer = self.writer.take().expect("a writing is finished once");
        writer.commit().map_err(tantivy_error(&self.path))?;
        // Merges write into the folder: let them end before it is renamed.
        writer
            .wait_merging_threads()
            .map_err(tantivy_error(&self.path))?;
        let reader = self.index.reader().map_err(tantivy_error(&self.path))?;
        reader.reload().map_err(tantivy_error(&self.path))?;
        manifest.units = reader.searcher().num_docs() as usize;
        let unread = manifest.skipped.iter().filter(|s| !s.kept).count();
        manifest.documents = manifest.documents.saturating_sub(unread);
        // The stamps first: a manifest is only ever beside the stamps it digests.
        write_json(&self.path, FILES, fingerprint)?;
        write_json(&self.path, MANIFEST, &manifest)?;
        readable_as_ours(&self.path)?;
        if self.staged {
            publish(&self.dir, &self.path)?;
        }
        self.finished = true;
        Ok(manifest)
    }
}

impl Drop for IndexWriting {
    fn drop(&mut self) {
        if !self.finished && self.staged {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// The live generation of `dir`: its folder, the tantivy index with ushtil's
/// analyzers registered, and its fields; `reading`: to search, not to write.
fn open_live(dir: &Path, reading: bool) -> Result<(PathBuf, Index, Fields), IndexError> {
    let path = live_generation(dir).ok_or_else(|| IndexError::Damaged {
        path: dir.to_owned(),
        message: "no index here yet (run `ushtil build`)".to_owned(),
    })?;
    let folder = directory::GenerationFolder::open(&path, reading).map_err(tantivy_error(&path))?;
    let index = Index::open(folder).map_err(tantivy_error(&path))?;
    text::register(index.tokenizers());
    let fields = Fields::of(&index.schema()).ok_or_else(|| IndexError::Damaged {
        path: path.clone(),
        message: "the schema is not ushtil's".to_owned(),
    })?;
    Ok((path, index, fields))
}

fn writer(index: &Index, path: &Path) -> Result<IndexWriter<TantivyDocument>, IndexError> {
    // A thread per core (at most four, tantivy's own advice), and 64 MB of
    // memory each: enough for few, large segments without a large footprint.
    let threads = crate::parallel::cores().clamp(1, 4);
    index
        .writer_with_num_threads::<TantivyDocument>(threads, threads * (64 << 20))
        .map_err(tantivy_error(path))
}

/// How the stored units are kept: zstd holds a unit's JSON in about a third
/// of its size (lz4, tantivy's default, in over half). Over blocks of 16 KiB,
/// not 64: a search reads a hundred units scattered over the store to learn
/// a word's translations, each a block to decompress, and smaller blocks
/// made a search at 10 MB some 6 ms faster for an index 7% larger.
fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor::default()),
        docstore_blocksize: 16 << 10,
        ..IndexSettings::default()
    }
}

/// Adds units to a writer; `ordinal` is a unit's position in its document.
fn add_units(
    writer: &IndexWriter<TantivyDocument>,
    fields: Fields,
    meta: &Metadata,
    units: &[Unit],
    path: &Path,
) -> Result<(), IndexError> {
    let mut ordinal = 0u64;
    for (n, unit) in units.iter().enumerate() {
        ordinal = if n > 0 && units[n - 1].doc == unit.doc {
            ordinal + 1
        } else {
            0
        };
        let json = serde_json::to_string(unit).expect("a unit always serialises");
        let mut document = doc!(
            fields.doc => unit.doc.as_str(),
            fields.unit => unit.id.as_str(),
            fields.ordinal => ordinal,
            fields.section => unit.section_path(),
            fields.stored => json,
        );
        let whole = match meta.part_of.is_empty() {
            true => unit.doc.as_str(),
            false => meta.part_of.as_str(),
        };
        document.add_text(fields.whole, whole);
        document.add_text(fields.places, unit.section_path());
        document.add_text(fields.places, unit.division.name());
        // `front` alone is the division: the text before any label is no part to name.
        if unit.section != crate::model::Section::Front {
            document.add_text(fields.places, unit.section.name());
        }
        if let Some(year) = meta.year {
            document.add_u64(fields.year, u64::from(year));
        }
        if !meta.journal.is_empty() {
            document.add_text(fields.journal, &meta.journal);
        }
        for author in &meta.authors {
            document.add_text(fields.authors, author);
        }
        for lang in Lang::ALL {
            if let Some(passage) = unit.passages.get(lang) {
                document.add_text(fields.langs, lang.code());
                document.add_text(fields.stem(lang), &passage.text);
                document.add_text(fields.form(lang), &passage.text);
                let keys: Vec<String> = names::names_in(&passage.text, &passage.sentences, lang)
                    .into_iter()
                    .map(|(_, key)| key)
                    .collect();
                document.add_text(fields.names(lang), keys.join(" "));
            }
        }
        writer.add_document(document).map_err(tantivy_error(path))?;
    }
    Ok(())
}

/// Writes `value` as the file `name` in `path`, whole or not at all: to a
/// temporary file, then renamed over.
fn write_json(path: &Path, name: &str, value: &impl Serialize) -> Result<(), IndexError> {
    let json = serde_json::to_string(value).expect("a manifest and its stamps always serialise");
    let file = path.join(name);
    crate::corpus::write_atomically(&file, json.as_bytes()).map_err(io_error(&file))
}

/// Gives tantivy's own records (`meta.json`, `.managed.json`) the
/// permissions of the files ushtil wrote beside them. tantivy writes them
/// through a temporary file, which is readable by its owner alone; an index
/// that others may read (a lab's shared corpus) must be whole to them too.
fn readable_as_ours(path: &Path) -> Result<(), IndexError> {
    let ours = path.join(MANIFEST);
    let permissions = fs::metadata(&ours).map_err(io_error(&ours))?.permissions();
    for name in ["meta.json", ".managed.json"] {
        let file = path.join(name);
        if file.exists() {
            fs::set_permissions(&file, permissions.clone()).map_err(io_error(&file))?;
        }
    }
    Ok(())
}

/// Renames the staged generation into place and points `CURRENT` at it.
fn publish(dir: &Path, staging: &Path) -> Result<(), IndexError> {
    let old = live_generation(dir);
    let next = (1..)
        .map(|n| format!("gen-{n}"))
        .find(|name| !dir.join(name).exists())
        .expect("some generation name is free");
    fs::rename(staging, dir.join(&next)).map_err(io_error(staging))?;
    let pointer = dir.join(CURRENT);
    crate::corpus::write_atomically(&pointer, next.as_bytes()).map_err(io_error(&pointer))?;
    if let Some(old) = old {
        let _ = fs::remove_dir_all(old);
    }
    sweep(dir, &next);
    Ok(())
}

/// Removes what interrupted builds left: generations that are not live, and
/// staging folders of processes that are gone. Best effort: a folder that
/// cannot be removed now is tried again by the next build. Only a build,
/// holding the lock, sweeps.
fn sweep(dir: &Path, live: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let stale = if name.starts_with("gen-") {
            name != live
        } else if let Some(pid) = name.strip_prefix("tmp-") {
            !process_is_running(pid)
        } else if name.starts_with('.') && name.ends_with(".tmp") {
            // a pointer being written when its build was killed
            // ([`crate::corpus::write_atomically`])
            let _ = fs::remove_file(entry.path());
            false
        } else {
            false
        };
        if stale {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether a process of this id runs; where that cannot be told, assume it does.
fn process_is_running(pid: &str) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid).exists()
}

/// An open index, ready to search.
pub struct CorpusIndex {
    pub path: PathBuf,
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
}

impl CorpusIndex {
    /// Opens the live generation in `dir`. A build that makes another
    /// generation live removes the one it replaces, perhaps just as this opens
    /// it: then the new one is opened. Once open, an index reads on from the
    /// files it holds, removed or not.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        let mut tries = 0;
        let (path, index, fields, reader) = loop {
            let live = live_generation(dir);
            let opened = open_live(dir, true).and_then(|(path, index, fields)| {
                let reader = index.reader().map_err(tantivy_error(&path))?;
                Ok((path, index, fields, reader))
            });
            match opened {
                Err(_) if tries < 3 && live_generation(dir) != live => tries += 1,
                opened => break opened?,
            }
        };
        Ok(CorpusIndex {
            path,
            index,
            reader,
            fields,
        })
    }

    /// The files of the index whose checksums fail: damage that opening the
    /// index does not show (a flipped byte inside a file). Reads every file.
    pub fn damaged_files(&self) -> Result<Vec<PathBuf>, IndexError> {
        let mut damaged: Vec<PathBuf> = self
            .index
            .validate_checksum()
            .map_err(tantivy_error(&self.path))?
            .into_iter()
            .collect();
        damaged.sort();
        Ok(damaged)
    }

    /// The unit stored in a tantivy document.
    pub fn unit(&self, document: &TantivyDocument) -> Result<Unit, IndexError> {
        let json = document
            .get_first(self.fields.stored)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        serde_json::from_str(json).map_err(|e| self.damaged(&e.to_string()))
    }

    /// The unit at an address of `searcher` (the one that found the address:
    /// a reload in between would make it point elsewhere).
    pub fn unit_at(
        &self,
        searcher: &Searcher,
        address: tantivy::DocAddress,
    ) -> Result<Unit, IndexError> {
        let document: TantivyDocument = searcher
            .doc(address)
            .map_err(|e| self.damaged(&describe(&e)))?;
        self.unit(&document)
    }

    /// A stored unit that does not read back: the index is damaged, which
    /// opening it did not show, but `ushtil build` does.
    fn damaged(&self, reason: &str) -> IndexError {
        IndexError::Damaged {
            path: self.path.clone(),
            message: format!(
                "a stored unit does not read back ({reason}); `ushtil build` finds the damage and builds the index anew"
            ),
        }
    }

    /// The glossary of a document's keyword lists, from its keywords unit:
    /// the terms they pair across languages (none where they cannot).
    pub fn glossary(&self, doc: &str) -> Glossary {
        let units = self.units_in(doc, "abstract/keywords").unwrap_or_default();
        match units.first() {
            Some(unit) => Glossary::from_keywords(&PerLang::from_fn(|lang| unit.text(lang))),
            None => Glossary::default(),
        }
    }

    /// The units of document `doc` in the section `section` (`abstract/keywords`),
    /// in document order: read without reading the rest of the document.
    pub fn units_in(&self, doc: &str, section: &str) -> Result<Vec<Unit>, IndexError> {
        use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
        use tantivy::schema::IndexRecordOption;
        let term = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        let query = BooleanQuery::new(vec![
            (Occur::Must, term(self.fields.doc, doc)),
            (Occur::Must, term(self.fields.section, section)),
        ]);
        self.units_matching(&query)
    }

    /// The units that match `query`, in corpus order.
    pub fn units_matching(
        &self,
        query: &dyn tantivy::query::Query,
    ) -> Result<Vec<Unit>, IndexError> {
        let searcher = self.reader.searcher();
        let addresses = searcher
            .search(query, &tantivy::collector::DocSetCollector)
            .map_err(tantivy_error(&self.path))?;
        let mut units = Vec::with_capacity(addresses.len());
        for address in addresses {
            let document: TantivyDocument = searcher
                .doc(address)
                .map_err(|e| self.damaged(&describe(&e)))?;
            let ordinal = document
                .get_first(self.fields.ordinal)
                .and_then(|v| v.as_u64())
                .unwrap_or(u64::MAX);
            let unit = self.unit(&document)?;
            units.push(((unit.doc.clone(), ordinal), unit));
        }
        units.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(units.into_iter().map(|(_, unit)| unit).collect())
    }

    /// Every unit of the index, in corpus order: by document id, then in document order.
    pub fn units(&self) -> Result<Vec<Unit>, IndexError> {
        let searcher = self.reader.searcher();
        let mut ordered = Vec::new();
        for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
            let store = segment.get_store_reader(64).map_err(io_error(&self.path))?;
            let alive = segment.alive_bitset();
            for doc_id in 0..segment.max_doc() {
                if alive.is_some_and(|bits| !bits.is_alive(doc_id)) {
                    continue;
                }
                let document: TantivyDocument =
                    store.get(doc_id).map_err(|e| self.damaged(&describe(&e)))?;
                let ordinal = document
                    .get_first(self.fields.ordinal)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(u64::MAX);
                let unit = self.unit(&document)?;
                ordered.push(((unit.doc.clone(), ordinal), segment_ord, unit));
            }
        }
        ordered.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        Ok(ordered.into_iter().map(|(_, _, unit)| unit).collect())
    }
}
