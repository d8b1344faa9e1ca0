//! The corpus folder: a document is one `<id>.txt`, or one file per language
//! (`<id>.kk.txt`, `<id>.ru.txt`, `<id>.en.txt`, any two or all three), or a
//! parallel table already aligned (`<id>.tsv`), with an optional `<id>.toml`
//! of metadata and `<id>.align.tsv` beside it.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::fs::DirEntry;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::model::{Lang, Metadata};

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: line {line}: {message}", path.display())]
    Metadata {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}: no documents (*.txt, *.tsv) in the corpus folder", path.display())]
    NoDocuments { path: PathBuf },
}

/// A file of the corpus folder that is no part of any document, and why: a
/// build reads the rest and says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

impl Skipped {
    /// The id of the document the file would belong to.
    pub fn document(&self) -> String {
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let name = name.to_lowercase();
        let stem = document_of(&name);
        // `x.de.txt`: less the tag that was no language.
        language_tag(stem).map_or(stem, |(id, _)| id).to_owned()
    }
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}; skipped", self.path.display(), self.reason)
    }
}

/// A document of the corpus, not yet read.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    /// Its text: one file (`None`), or one file per language, in the order
    /// kk, ru, en.
    pub texts: Vec<(Option<Lang>, PathBuf)>,
    pub metadata: Option<PathBuf>,
    /// The alignment file `<id>.align.tsv`, where there is one.
    pub alignment: Option<PathBuf>,
}

/// What a text file's name says: the document it belongs to and, for one
/// file of a document kept one file per language, that language.
#[derive(Debug, Clone, PartialEq, Eq)]
enum TextName<'a> {
    /// `<id>.txt`: the whole document.
    Whole(&'a str),
    /// `<id>.<lang>.txt`.
    Version(&'a str, Lang),
    /// Not a text of the corpus, and why.
    Refused(String),
    /// Not a text file at all.
    Other,
}

/// The language codes a file name may carry: ISO 639-1, and 639-3 as OPUS
/// and some translators' tools write them.
const LANGUAGE_CODES: [(&str, Lang); 6] = [
    ("kk", Lang::Kk),
    ("ru", Lang::Ru),
    ("en", Lang::En),
    ("kaz", Lang::Kk),
    ("rus", Lang::Ru),
    ("eng", Lang::En),
];

/// A stem's last part where it is a tag of two or three letters, which
/// names a language (`x.kk`, `x.kaz`, `x.de`), and the id before it;
/// anything else (`v2`, `en-ru-kk`, `final-draft`) is part of the id.
fn language_tag(stem: &str) -> Option<(&str, &str)> {
    let (id, tag) = stem.rsplit_once('.')?;
    let letters = (2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_alphabetic());
    (!id.is_empty() && letters).then_some((id, tag))
}

fn text_name(name: &str) -> TextName<'_> {
    // A parallel table (`ingest::table`) is a whole document; an alignment
    // file belongs to the text beside it.
    if let Some(stem) = name.strip_suffix(".tsv") {
        return match stem.ends_with(".align") || stem.is_empty() {
            true => TextName::Other,
            false => TextName::Whole(stem),
        };
    }
    let Some(stem) = name.strip_suffix(".txt") else {
        let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
        if extension.eq_ignore_ascii_case("txt") {
            return TextName::Refused(format!(
                "a text's name ends in `.txt`, in lower case (rename it {}.txt)",
                stem.to_lowercase()
            ));
        }
        return TextName::Other;
    };
    let Some((id, tag)) = language_tag(stem) else {
        return TextName::Whole(stem);
    };
    match LANGUAGE_CODES.iter().find(|(code, _)| *code == tag) {
        Some(&(_, lang)) => TextName::Version(id, lang),
        None if LANGUAGE_CODES
            .iter()
            .any(|(code, _)| code.eq_ignore_ascii_case(tag)) =>
        {
            TextName::Refused(format!(
                "a language is named in lower case (rename it {id}.{}.txt)",
                tag.to_lowercase()
            ))
        }
        None => TextName::Refused(format!(
            "`{tag}` is not a language of the corpus (kk, ru or en)"
        )),
    }
}

impl Source {
    /// The document whose text is the file `text` (`<id>.txt`, or one
    /// language's `<id>.kk.txt` together with the others beside it), with
    /// the metadata and alignment files beside it where they exist.
    pub fn for_text(text: PathBuf) -> Source {
        let dir = text.parent().map(Path::to_owned).unwrap_or_default();
        let name = text
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let (id, texts) = match text_name(&name) {
            // One language's file: the document is all of them, found as a
            // listing of the folder finds them (`x.rus.txt` beside `x.en.txt`).
            TextName::Version(id, lang) => {
                let listed = sources(&dir)
                    .ok()
                    .and_then(|(sources, _)| sources.into_iter().find(|s| s.id == id));
                if let Some(source) = listed {
                    return source;
                }
                (id.to_owned(), vec![(Some(lang), text.clone())])
            }
            TextName::Whole(id) => (id.to_owned(), vec![(None, text.clone())]),
            _ => (
                text.file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                vec![(None, text.clone())],
            ),
        };
        let metadata = dir.join(format!("{id}.toml"));
        let alignment = dir.join(format!("{id}.align.tsv"));
        Source {
            id,
            texts,
            metadata: metadata.is_file().then_some(metadata),
            alignment: alignment.is_file().then_some(alignment),
        }
    }

    /// The document's first text file: the one its messages name.
    pub fn path(&self) -> &Path {
        &self.texts[0].1
    }

    /// Where the document's alignment file is, or would be.
    pub fn alignment_path(&self) -> PathBuf {
        self.beside("align.tsv")
    }

    /// The file `<id>.<extension>` beside the document's text.
    pub fn beside(&self, extension: &str) -> PathBuf {
        let dir = self.path().parent().unwrap_or(Path::new(""));
        dir.join(format!("{}.{extension}", self.id))
    }
}

impl Source {
    /// Reads the metadata file, or returns empty metadata where there is none.
    pub fn read_metadata(&self) -> Result<Metadata, CorpusError> {
        let Some(path) = &self.metadata else {
            return Ok(Metadata::default());
        };
        let text = std::fs::read_to_string(path).map_err(|source| CorpusError::Io {
            path: path.clone(),
            source,
        })?;
        toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map_or(1, |span| 1 + text[..span.start].matches('\n').count());
            CorpusError::Metadata {
                path: path.clone(),
                line,
                message: e.message().to_owned(),
            }
        })
    }
}

/// Writes a file so that it is either as it was or whole, whatever happens
/// meanwhile (a kill, a full disk, a power cut): the bytes go to a hidden
/// file beside it (which a corpus scan leaves out), are synced to disk, and
/// the file is renamed over the old one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut staged = StagedFile::create(path)?;
    staged.write_all(bytes)?;
    staged.commit()
}

/// A file being written whole or not at all, as [`write_atomically`] writes
/// one, but as it comes: written to a hidden file beside `path`, it takes
/// its place at [`StagedFile::commit`]; dropped before that, it is removed.
/// It may be closed between writes ([`StagedFile::close`]), so that many can
/// be under way with few files open; a write opens it again.
pub struct StagedFile {
    path: PathBuf,
    staged: PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
    committed: bool,
}

impl StagedFile {
    pub fn create(path: &Path) -> std::io::Result<StagedFile> {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let staged = folder_of(path).join(format!(".{name}.{}.tmp", std::process::id()));
        let file = std::fs::File::create(&staged)?;
        Ok(StagedFile {
            path: path.to_owned(),
            staged,
            file: Some(std::io::BufWriter::with_capacity(64 << 10, file)),
            committed: false,
        })
    }

    /// The file it will become.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes it another file of the same folder.
    pub fn set_path(&mut self, path: &Path) {
        debug_assert_eq!(folder_of(path), folder_of(&self.path));
        self.path = path.to_owned();
    }

    /// Writes out what is buffered, syncs it to disk and closes the file.
    pub fn close(&mut self) -> std::io::Result<()> {
        if let Some(file) = self.file.take() {
            file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        }
        Ok(())
    }

    fn open(&mut self) -> std::io::Result<&mut std::io::BufWriter<std::fs::File>> {
        if self.file.is_none() {
            let file = std::fs::OpenOptions::new()
                .append(true)
                .open(&self.staged)?;
            self.file = Some(std::io::BufWriter::with_capacity(64 << 10, file));
        }
        Ok(self.file.as_mut().expect("just opened"))
    }

    /// Syncs the bytes to disk and renames the file into place.
    pub fn commit(mut self) -> std::io::Result<()> {
        let moved = self
            .close()
            .and_then(|()| std::fs::rename(&self.staged, &self.path));
        moved?;
        self.committed = true;
        // The rename itself is made durable by syncing the folder (where the
        // system allows a folder to be opened).
        if let Ok(folder) = std::fs::File::open(folder_of(&self.path)) {
            let _ = folder.sync_all();
        }
        Ok(())
    }
}

impl std::io::Write for StagedFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.open()?.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.file.as_mut() {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        if !self.committed {
            self.file = None;
            let _ = std::fs::remove_file(&self.staged);
        }
    }
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The documents of a corpus folder, by id, and the files skipped.
pub fn sources(dir: &Path) -> Result<(Vec<Source>, Vec<Skipped>), CorpusError> {
    sources_listed(dir, &list(dir)?)
}

/// The documents of a corpus folder, the files skipped, and the stamps of
/// their files, from one listing of it.
pub fn scan(dir: &Path) -> Result<(Vec<Source>, Vec<Skipped>, Fingerprint), CorpusError> {
    let entries = list(dir)?;
    let (sources, skipped) = sources_listed(dir, &entries)?;
    Ok((sources, skipped, stamps(entries)?))
}

/// The documents among the `entries` of the folder `dir`. One listing tells
/// which texts have metadata and alignment files: no look-up per file, which
/// counts in a corpus of many thousands.
fn sources_listed(
    dir: &Path,
    entries: &[DirEntry],
) -> Result<(Vec<Source>, Vec<Skipped>), CorpusError> {
    let names: HashSet<OsString> = entries.iter().map(DirEntry::file_name).collect();
    let mut texts: BTreeMap<String, Vec<(Option<Lang>, PathBuf)>> = BTreeMap::new();
    let mut skipped = Vec::new();
    for name in &names {
        let path = dir.join(name);
        let name = name.to_string_lossy();
        let (id, lang) = match text_name(&name) {
            TextName::Whole(id) => (id, None),
            TextName::Version(id, lang) => (id, Some(lang)),
            TextName::Refused(reason) => {
                skipped.push(Skipped { path, reason });
                continue;
            }
            TextName::Other => continue,
        };
        texts.entry(id.to_owned()).or_default().push((lang, path));
    }
    let mut sources = Vec::new();
    for (id, mut files) in texts {
        // A whole text first, then kk, ru, en; of two names for a language,
        // the shorter (`x.kk.txt` before `x.kaz.txt`).
        files.sort_by_key(|(lang, path)| (*lang, path.as_os_str().len(), path.clone()));
        let mut kept: Vec<(Option<Lang>, PathBuf)> = Vec::new();
        for (lang, path) in files {
            let clash = match kept.first() {
                Some(whole @ (None, _)) => Some(whole),
                _ => kept.iter().find(|(l, _)| *l == lang),
            };
            match clash {
                // `x.txt` beside `x.kk.txt`, or `x.kk.txt` beside `x.kaz.txt`:
                // the first is the document's, the second says so.
                Some((first_lang, first)) => skipped.push(Skipped {
                    reason: format!(
                        "{} is the {} of the document {id} already",
                        first.display(),
                        first_lang.map_or("text".to_owned(), |l| format!("{l} text"))
                    ),
                    path,
                }),
                None => kept.push((lang, path)),
            }
        }
        let beside = |extension: &str| {
            let name = format!("{id}.{extension}");
            names
                .contains(std::ffi::OsStr::new(&name))
                .then(|| dir.join(&name))
        };
        sources.push(Source {
            metadata: beside("toml"),
            alignment: beside("align.tsv"),
            texts: kept,
            id,
        });
    }
    if sources.is_empty() {
        return Err(CorpusError::NoDocuments {
            path: dir.to_owned(),
        });
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((sources, skipped))
}

/// The entries of the corpus folder, but hidden ones: an editor's lock and
/// backup files (`.#doc.txt`, a link to nowhere) are no documents.
fn list(dir: &Path) -> Result<Vec<DirEntry>, CorpusError> {
    let io = |source| CorpusError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        if !entry.file_name().as_encoded_bytes().starts_with(b".") {
            entries.push(entry);
        }
    }
    Ok(entries)
}

/// The files of a document: its text (or parallel table), metadata and
/// alignment file; the alignment file before the table it would pass for.
const EXTENSIONS: [&str; 4] = [".txt", ".toml", ".align.tsv", ".tsv"];

/// The document a file of the corpus belongs to: its name less the
/// extension and, for one language's text, the language.
fn document_of(name: &str) -> &str {
    if let TextName::Version(id, _) = text_name(name) {
        return id;
    }
    EXTENSIONS
        .iter()
        .find_map(|e| name.strip_suffix(e))
        .unwrap_or(name)
}

/// The stamps of the documents' files in the corpus folder.
pub fn fingerprint(dir: &Path) -> Result<Fingerprint, CorpusError> {
    stamps(list(dir)?)
}

/// The stamps of the documents' files among a folder's `entries`, from the
/// metadata of each entry, read relative to the open folder (no path to
/// resolve per file) and on several threads: on a corpus of 20,000
/// documents, this is most of what a search costs.
fn stamps(entries: Vec<DirEntry>) -> Result<Fingerprint, CorpusError> {
    let entries: Vec<(String, DirEntry)> = entries
        .into_iter()
        .filter_map(|entry| {
            // Spelt as `sources` spells a document's id.
            let name = entry.file_name().to_string_lossy().into_owned();
            EXTENSIONS
                .iter()
                .any(|e| name.ends_with(e))
                .then_some((name, entry))
        })
        .collect();
    let stamp = |(name, entry): &(String, DirEntry)| {
        let path = || entry.path();
        let io = |source| CorpusError::Io {
            path: path(),
            source,
        };
        // A link is followed to the file it names.
        let meta = match entry.file_type().map_err(io)?.is_symlink() {
            true => std::fs::metadata(path()),
            false => entry.metadata(),
        }
        .map_err(io)?;
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Ok(FileStamp {
            name: name.clone(),
            size: meta.len(),
            modified,
        })
    };
    let parts = match entries.len() {
        0..1024 => 1,
        _ => crate::parallel::cores().min(4),
    };
    let mut files = crate::parallel::in_parts(&entries, parts, |part| {
        part.iter().map(stamp).collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect::<Result<Vec<FileStamp>, CorpusError>>()?;
    files.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    Ok(Fingerprint { files })
}

/// What the index was built from: each document file's name, size and
/// modification time. Reading metadata rather than contents keeps the
/// staleness check cheap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    pub files: Vec<FileStamp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub name: String,
    pub size: u64,
    pub modified: u128,
}

impl Fingerprint {
    /// A digest of every stamp (64-bit FNV-1a, in hex): an index keeps it in its
    /// manifest, so that telling whether the corpus changed reads no list of files.
    pub fn digest(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for &b in bytes {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        for stamp in &self.files {
            eat(stamp.name.as_bytes());
            eat(&[0]);
            eat(&stamp.size.to_le_bytes());
            eat(&stamp.modified.to_le_bytes());
        }
        format!("{hash:016x}")
    }

    /// The bytes of each document's files, by id.
    pub fn sizes(&self) -> std::collections::HashMap<&str, u64> {
        let mut sizes = std::collections::HashMap::new();
        for stamp in &self.files {
            *sizes.entry(document_of(&stamp.name)).or_default() += stamp.size;
        }
        sizes
    }

    /// The documents whose files differ from `old`'s (new or changed), and those
    /// `old` has that are gone, by id.
    pub fn changes_since(&self, old: &Fingerprint) -> (Vec<String>, Vec<String>) {
        fn by_document(f: &Fingerprint) -> BTreeMap<&str, Vec<&FileStamp>> {
            let mut documents: BTreeMap<&str, Vec<&FileStamp>> = BTreeMap::new();
            for stamp in &f.files {
                documents
                    .entry(document_of(&stamp.name))
                    .or_default()
                    .push(stamp);
            }
            // A document is its text: metadata or an alignment file without
            // one is no document (and with its text gone, the document is).
            documents.retain(|_, files| {
                files.iter().any(|f| {
                    matches!(
                        text_name(&f.name),
                        TextName::Whole(_) | TextName::Version(..)
                    )
                })
            });
            documents
        }
        let (now, before) = (by_document(self), by_document(old));
        let changed = now
            .iter()
            .filter(|(id, files)| before.get(*id) != Some(files))
            .map(|(id, _)| id.to_string())
            .collect();
        let gone = before
            .keys()
            .filter(|id| !now.contains_key(*id))
            .map(|id| id.to_string())
            .collect();
        (changed, gone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(name: &str, size: u64) -> FileStamp {
        FileStamp {
            name: name.to_owned(),
            size,
            modified: 1,
        }
    }

    #[test]
    fn a_parallel_table_is_a_document_its_alignment_file_is_not() {
        let before = Fingerprint {
            files: vec![stamp("a.txt", 1)],
        };
        let now = Fingerprint {
            files: vec![
                stamp("a.txt", 1),
                stamp("b.tsv", 2),
                stamp("b.toml", 3),
                stamp("c.align.tsv", 4),
            ],
        };
        assert_eq!(now.changes_since(&before), (vec!["b".to_owned()], vec![]));
        assert_eq!(document_of("b.align.tsv"), "b");
        assert_eq!(text_name("b.tsv"), TextName::Whole("b"));
        assert_eq!(text_name("b.align.tsv"), TextName::Other);
    }

    #[test]
    fn changes_are_told_per_document() {
        let before = Fingerprint {
            files: vec![
                stamp("a.align.tsv", 10),
                stamp("a.txt", 100),
                stamp("b.toml", 5),
                stamp("b.txt", 200),
                stamp("c.txt", 300),
            ],
        };
        let mut now = before.clone();
        assert_eq!(now.digest(), before.digest());
        // An alignment file edited, a document gone, one added.
        now.files[0].size = 11;
        now.files.retain(|f| f.name != "c.txt");
        now.files.push(stamp("d.txt", 1));
        assert_ne!(now.digest(), before.digest());
        let (changed, gone) = now.changes_since(&before);
        assert_eq!(changed, ["a", "d"]);
        assert_eq!(gone, ["c"]);
        // A text deleted with its metadata left behind is a document gone;
        // metadata with no text beside it is no document at all.
        let mut later = now.clone();
        later.files.retain(|f| f.name != "b.txt");
        later.files.push(stamp("e.toml", 3));
        let (changed, gone) = later.changes_since(&now);
        assert!(changed.is_empty(), "{changed:?}");
        assert_eq!(gone, ["b"]);
    }

    #[test]
    fn a_folder_is_stamped_file_by_file() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("x.txt", "abc"),
            ("x.toml", ""),
            ("notes.md", "-"),
            (".x.txt.swp", "-"),
            (".hidden.txt", "-"),
        ] {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let fingerprint = fingerprint(dir.path()).unwrap();
        let names: Vec<(&str, u64)> = fingerprint
            .files
            .iter()
            .map(|f| (f.name.as_str(), f.size))
            .collect();
        assert_eq!(names, [("x.toml", 0), ("x.txt", 3)]);
    }
}
