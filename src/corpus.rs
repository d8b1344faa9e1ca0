//! The corpus folder: one `<id>.txt` source per document, with an optional
//! `<id>.toml` of metadata beside it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::model::Metadata;

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: {source}", path.display())]
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
    #[error("{}: no documents (*.txt) in the corpus folder", path.display())]
    NoDocuments { path: PathBuf },
}

/// A document of the corpus, not yet read.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub text: PathBuf,
    pub metadata: Option<PathBuf>,
    /// The alignment file `<id>.align.tsv`, where there is one.
    pub alignment: Option<PathBuf>,
}

impl Source {
    /// The document whose text is the file `text`, with the metadata and
    /// alignment files beside it where they exist.
    pub fn for_text(text: PathBuf) -> Source {
        let id = text
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let metadata = text.with_extension("toml");
        let alignment = text.with_extension("align.tsv");
        Source {
            id,
            metadata: metadata.is_file().then_some(metadata),
            alignment: alignment.is_file().then_some(alignment),
            text,
        }
    }

    /// The files of the document: text, then metadata and alignment where present.
    pub fn files(&self) -> impl Iterator<Item = &PathBuf> {
        std::iter::once(&self.text)
            .chain(&self.metadata)
            .chain(&self.alignment)
    }

    /// Where the document's alignment file is, or would be.
    pub fn alignment_path(&self) -> PathBuf {
        self.text.with_extension("align.tsv")
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

/// The documents of a corpus folder, by id.
pub fn sources(dir: &Path) -> Result<Vec<Source>, CorpusError> {
    let io = |source| CorpusError::Io {
        path: dir.to_owned(),
        source,
    };
    // One listing of the folder tells which texts have metadata and alignment
    // files: no look-up per file, which counts in a corpus of many thousands.
    let mut names = std::collections::HashSet::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        names.insert(entry.map_err(io)?.file_name());
    }
    let mut sources = Vec::new();
    for name in &names {
        let path = dir.join(name);
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let beside = |extension: &str| {
            let file = path.with_extension(extension);
            file.file_name()
                .is_some_and(|n| names.contains(n))
                .then_some(file)
        };
        sources.push(Source {
            id: path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            metadata: beside("toml"),
            alignment: beside("align.tsv"),
            text: path,
        });
    }
    if sources.is_empty() {
        return Err(CorpusError::NoDocuments {
            path: dir.to_owned(),
        });
    }
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(sources)
}

/// What the index was built from: each file's document, name, size and
/// modification time. Reading metadata rather than contents keeps the
/// staleness check cheap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    pub files: Vec<FileStamp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub doc: String,
    pub name: String,
    pub size: u64,
    pub modified: u128,
}

impl Fingerprint {
    /// The documents whose files differ from `old`'s (new or changed), and those
    /// `old` has that are gone, by id.
    pub fn changes_since(&self, old: &Fingerprint) -> (Vec<String>, Vec<String>) {
        fn by_document(f: &Fingerprint) -> BTreeMap<&str, Vec<&FileStamp>> {
            let mut documents: BTreeMap<&str, Vec<&FileStamp>> = BTreeMap::new();
            for stamp in &f.files {
                documents.entry(stamp.doc.as_str()).or_default().push(stamp);
            }
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

pub fn fingerprint(sources: &[Source]) -> Result<Fingerprint, CorpusError> {
    let mut files = Vec::new();
    for source in sources {
        for path in source.files() {
            let meta = std::fs::metadata(path).map_err(|error| CorpusError::Io {
                path: path.clone(),
                source: error,
            })?;
            let modified = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            files.push(FileStamp {
                doc: source.id.clone(),
                name: path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                size: meta.len(),
                modified,
            });
        }
    }
    Ok(Fingerprint { files })
}
