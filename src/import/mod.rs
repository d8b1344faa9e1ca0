//! Import: aligned material from other tools (a TMX translation memory,
//! Moses files, a TSV or CSV table) → parallel tables in the corpus
//! (`corpus/<id>.tsv`, read by [`crate::ingest::table`]).
//!
//! Each reader yields [`Row`]s as it reads, and the [`Import`] writes each
//! straight to its document's table: a file of any size streams through in
//! little memory. Tables are written beside the corpus's files, hidden, and
//! take their place only when every file given has been read whole; an
//! import that fails leaves the corpus as it was.

pub mod moses;
pub mod tabular;
pub mod tmx;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::corpus::{self, StagedFile};
use crate::model::{Lang, Memory, Metadata, PerLang};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// What a file holds cannot be read: its name, and the line where it helps.
    #[error("{}: {}{message}", path.display(), line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    File {
        path: PathBuf,
        line: Option<u64>,
        message: String,
    },
    /// The corpus cannot take what was read.
    #[error("{}: {message}", path.display())]
    Corpus { path: PathBuf, message: String },
}

impl ImportError {
    pub fn at(path: &Path, line: u64, message: impl Into<String>) -> ImportError {
        ImportError::File {
            path: path.to_owned(),
            line: Some(line),
            message: message.into(),
        }
    }

    pub fn io(path: &Path, error: std::io::Error) -> ImportError {
        ImportError::File {
            path: path.to_owned(),
            line: None,
            message: error.to_string(),
        }
    }
}

/// One aligned group as a source gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// Where it starts in its file (1-based).
    pub line: u64,
    /// The document, unit and section it says it is part of (as `ushtil
    /// export` writes them); `None` where it does not say.
    pub doc: Option<String>,
    pub unit: Option<String>,
    pub section: Option<String>,
    /// Its text in each language, empty where it has none.
    pub texts: PerLang<String>,
    /// What a translation memory said of it: its id, notes and properties.
    pub memory: Memory,
}

impl Row {
    pub fn is_empty(&self) -> bool {
        Lang::ALL
            .iter()
            .all(|&l| self.texts.get(l).trim().is_empty())
    }
}

/// A file of aligned material, read row by row.
pub trait Reader {
    /// The next row, or `None` at the end.
    fn next_row(&mut self) -> Result<Option<Row>, ImportError>;
    /// The file, as messages name it.
    fn path(&self) -> &Path;
    /// What one row is called in messages: `<tu>`, `line`, `row`.
    fn row_name(&self) -> &'static str;
    /// What the file is, for the metadata of the documents made of it
    /// (`TMX 1.4 from OmegaT 6.0`).
    fn description(&self) -> String;
    /// What was left out of the rows read (another language's `<tuv>`s),
    /// said once the file has been read.
    fn left_out(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The columns of a corpus table, as written.
const COLUMNS: [&str; 8] = ["unit", "section", "kk", "ru", "en", "tuid", "note", "prop"];

/// Rows a corpus table holds at most: a longer document is cut into parts
/// (`<id>-0001` …), so that a build, which holds a document's units in
/// memory until they are written, never holds more than so many.
pub const PART_ROWS: usize = 10_000;

/// One document being written: its staged table, in parts, and what it holds.
struct Table {
    /// The parts written whole, closed.
    parts: Vec<StagedFile>,
    /// The part being written: open while its rows come, else closed, so
    /// that an import of many documents keeps few files open.
    writer: Option<csv::Writer<StagedFile>>,
    closed: Option<StagedFile>,
    in_part: usize,
    rows: usize,
    langs: PerLang<usize>,
    sources: Vec<String>,
}

impl Table {
    fn new(corpus: &Path, doc: &str) -> Result<Table, ImportError> {
        Ok(Table {
            parts: Vec::new(),
            writer: Some(part(corpus, doc, 1)?),
            closed: None,
            in_part: 0,
            rows: 0,
            langs: PerLang::default(),
            sources: Vec::new(),
        })
    }

    /// The writer of the part being written, open.
    fn writer(&mut self) -> &mut csv::Writer<StagedFile> {
        if self.writer.is_none() {
            let staged = self.closed.take().expect("a part is being written");
            self.writer = Some(
                csv::WriterBuilder::new()
                    .delimiter(b'\t')
                    .has_headers(false)
                    .from_writer(staged),
            );
        }
        self.writer.as_mut().expect("just opened")
    }

    /// Closes the part being written until its next row.
    fn close(&mut self) -> std::io::Result<()> {
        if let Some(writer) = self.writer.take() {
            let mut staged = writer.into_inner().map_err(|e| e.into_error())?;
            staged.close()?;
            self.closed = Some(staged);
        }
        Ok(())
    }

    /// Ends the part being written and begins part `n`.
    fn next_part(&mut self, corpus: &Path, doc: &str) -> Result<(), ImportError> {
        self.close().map_err(|e| ImportError::io(corpus, e))?;
        let done = self.closed.take().expect("just closed");
        self.parts.push(done);
        self.writer = Some(part(corpus, doc, self.parts.len() + 1)?);
        self.in_part = 0;
        Ok(())
    }

    /// Every part, the last one finished.
    fn finish(mut self) -> std::io::Result<Vec<StagedFile>> {
        self.close()?;
        let mut parts = self.parts;
        parts.extend(self.closed.take());
        Ok(parts)
    }
}

/// The staged table of part `n` of document `doc`, its header written.
fn part(corpus: &Path, doc: &str, n: usize) -> Result<csv::Writer<StagedFile>, ImportError> {
    let file = corpus.join(format!("{}.tsv", part_id(doc, n)));
    let staged = StagedFile::create(&file).map_err(|e| ImportError::io(&file, e))?;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(staged);
    writer
        .write_record(COLUMNS)
        .map_err(|e| ImportError::io(&file, e.into()))?;
    Ok(writer)
}

/// The id of part `n` of a document cut into parts.
fn part_id(doc: &str, n: usize) -> String {
    format!("{doc}-{n:04}")
}

/// What an import did, for its report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub doc: String,
    /// Its table (the first part's, where it was cut into parts).
    pub table: PathBuf,
    pub parts: usize,
    pub rows: usize,
    /// Rows with text in each language.
    pub langs: PerLang<usize>,
}

/// An import into the corpus folder `corpus`: rows go to their documents'
/// staged tables until [`Import::commit`] puts them all in place.
pub struct Import {
    corpus: PathBuf,
    /// Every row into this document, whatever the rows say.
    doc: Option<String>,
    replace: bool,
    present: Vec<corpus::Source>,
    tables: BTreeMap<String, Table>,
    /// The document whose table is open.
    open: Option<String>,
    warnings: Vec<String>,
}

impl Import {
    pub fn new(corpus: &Path, doc: Option<String>, replace: bool) -> Result<Import, ImportError> {
        let present = match corpus::sources(corpus) {
            Ok((present, _)) => present,
            Err(corpus::CorpusError::NoDocuments { .. }) => Vec::new(),
            Err(error) => {
                return Err(ImportError::Corpus {
                    path: corpus.to_owned(),
                    message: error.to_string(),
                })
            }
        };
        if let Some(doc) = &doc {
            check_id(doc).map_err(|message| ImportError::Corpus {
                path: corpus.to_owned(),
                message,
            })?;
        }
        Ok(Import {
            corpus: corpus.to_owned(),
            doc,
            replace,
            present,
            tables: BTreeMap::new(),
            open: None,
            warnings: Vec::new(),
        })
    }

    /// Reads every row of `reader` into its document's table. The document
    /// is the one `--doc` names, else the one the row names, else `stem`
    /// (the file's name).
    pub fn read(&mut self, reader: &mut dyn Reader, stem: &str) -> Result<(), ImportError> {
        let mut empty = 0usize;
        let mut docs: Vec<String> = Vec::new();
        while let Some(row) = reader.next_row()? {
            if row.is_empty() {
                if empty < 5 {
                    self.warnings.push(format!(
                        "{}: line {}: a {} with no Kazakh, Russian or English text; left out",
                        reader.path().display(),
                        row.line,
                        reader.row_name()
                    ));
                }
                empty += 1;
                continue;
            }
            let doc = match (&self.doc, &row.doc) {
                (Some(doc), _) => doc.clone(),
                (None, Some(doc)) if !doc.trim().is_empty() => doc.trim().to_owned(),
                _ => stem.to_owned(),
            };
            if let Some(section) = row.section.as_deref().filter(|s| !s.trim().is_empty()) {
                if crate::model::parse_section_path(section).is_none() {
                    return Err(ImportError::at(
                        reader.path(),
                        row.line,
                        format!("`{section}` is no section (abstract/results, body/front …)"),
                    ));
                }
            }
            // Rows of one document mostly come together: the one before is
            // closed, so that few files are open however many documents.
            if let Some(last) = self.open.take().filter(|last| *last != doc) {
                if let Some(table) = self.tables.get_mut(&last) {
                    table
                        .close()
                        .map_err(|e| ImportError::io(&self.corpus, e))?;
                }
            }
            self.open = Some(doc.clone());
            let table = self.table(&doc, reader.path(), row.line)?;
            if !docs.contains(&doc) {
                docs.push(doc.clone());
            }
            write_row(table, &row).map_err(|e| ImportError::io(reader.path(), e))?;
        }
        if empty > 5 {
            self.warnings.push(format!(
                "{}: {} more {}s with no Kazakh, Russian or English text; left out",
                reader.path().display(),
                empty - 5,
                reader.row_name()
            ));
        }
        self.warnings.extend(reader.left_out());
        // What the file is, known once it has been read (a TMX's header).
        let description = reader.description();
        for doc in docs {
            let sources = &mut self.tables.get_mut(&doc).expect("written").sources;
            if !sources.contains(&description) {
                sources.push(description.clone());
            }
        }
        Ok(())
    }

    /// The table of document `doc`, begun on its first row.
    fn table(&mut self, doc: &str, path: &Path, line: u64) -> Result<&mut Table, ImportError> {
        if !self.tables.contains_key(doc) {
            check_id(doc).map_err(|m| ImportError::at(path, line, m))?;
            if !self.replaced(doc).is_empty() && !self.replace {
                return Err(ImportError::at(
                    path,
                    line,
                    format!("the corpus has a document {doc} already (--replace replaces it)"),
                ));
            }
            let table = Table::new(&self.corpus, doc)?;
            self.tables.insert(doc.to_owned(), table);
        }
        let table = self.tables.get_mut(doc).expect("just made");
        if table.in_part == PART_ROWS {
            table.next_part(&self.corpus, doc)?;
        }
        Ok(table)
    }

    /// The documents of the corpus that an import of `doc` replaces: `doc`,
    /// and the parts an earlier import cut it into (as their metadata says).
    fn replaced(&self, doc: &str) -> Vec<&corpus::Source> {
        let prefix = format!("{doc}-");
        self.present
            .iter()
            .filter(|s| {
                s.id == doc
                    || (s.id.starts_with(&prefix)
                        && s.read_metadata().is_ok_and(|m| m.part_of == doc))
            })
            .collect()
    }

    /// What was left out, each in one line naming the file.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Puts every table in place, with its metadata file, and takes out the
    /// files of a document it replaces.
    pub fn commit(self) -> Result<Vec<Imported>, ImportError> {
        if self.tables.is_empty() {
            return Err(ImportError::Corpus {
                path: self.corpus.clone(),
                message: "nothing to import: no row with Kazakh, Russian or English text"
                    .to_owned(),
            });
        }
        let mut done = Vec::new();
        let mut staged = Vec::new();
        let mut replaced: Vec<PathBuf> = Vec::new();
        for doc in self.tables.keys() {
            for source in self.replaced(doc) {
                replaced.extend(source.texts.iter().map(|(_, p)| p.clone()));
                replaced.extend(source.alignment.clone());
                replaced.extend(source.metadata.clone());
            }
        }
        for (doc, table) in self.tables {
            let meta = Metadata {
                languages: Lang::ALL
                    .into_iter()
                    .filter(|&l| *table.langs.get(l) > 0)
                    .collect(),
                source: table.sources.join("; "),
                ..Metadata::default()
            };
            let (rows, langs) = (table.rows, table.langs);
            let mut parts = table
                .finish()
                .map_err(|e| ImportError::io(&self.corpus, e))?;
            // A document of one part is not cut: `<id>`, not `<id>-0001`.
            let count = parts.len();
            let ids: Vec<String> = match count {
                1 => vec![doc.clone()],
                _ => (1..=count).map(|n| part_id(&doc, n)).collect(),
            };
            if count == 1 {
                parts[0].set_path(&self.corpus.join(format!("{doc}.tsv")));
            }
            done.push(Imported {
                doc: doc.clone(),
                table: parts[0].path().to_owned(),
                parts: count,
                rows,
                langs,
            });
            for (n, (id, file)) in ids.into_iter().zip(parts).enumerate() {
                let mut meta = meta.clone();
                if count > 1 {
                    meta.source = format!("{} (part {} of {count})", meta.source, n + 1);
                    meta.part_of = doc.clone();
                }
                staged.push((doc.clone(), id, file, meta));
            }
        }
        // Each file written names a document of its own: not one another
        // document of this import is, nor one of the corpus it does not replace.
        let mut ids: Vec<&str> = staged.iter().map(|(_, id, ..)| id.as_str()).collect();
        ids.sort_unstable();
        if let Some(pair) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(ImportError::Corpus {
                path: self.corpus.clone(),
                message: format!(
                    "`{}` would be both a document and a part of a longer one: --doc names another",
                    pair[0]
                ),
            });
        }
        for (doc, id, ..) in &staged {
            let other = self.present.iter().find(|s| {
                s.id == *id && !replaced.iter().any(|p| s.texts.iter().any(|(_, t)| t == p))
            });
            if let Some(other) = other {
                return Err(ImportError::Corpus {
                    path: other.path().to_owned(),
                    message: format!(
                        "the corpus has a document {id} already, which the parts of {doc} would take the place of"
                    ),
                });
            }
        }
        let written: Vec<PathBuf> = staged
            .iter()
            .flat_map(|(_, id, ..)| {
                [
                    self.corpus.join(format!("{id}.tsv")),
                    self.corpus.join(format!("{id}.toml")),
                ]
            })
            .collect();
        replaced.retain(|p| !written.contains(p));
        for (_, id, file, meta) in staged {
            let table_path = file.path().to_owned();
            file.commit().map_err(|e| ImportError::io(&table_path, e))?;
            let toml_path = self.corpus.join(format!("{id}.toml"));
            let toml = toml::to_string(&meta).expect("metadata serialises");
            corpus::write_atomically(&toml_path, toml.as_bytes())
                .map_err(|e| ImportError::io(&toml_path, e))?;
        }
        for path in replaced {
            std::fs::remove_file(&path).map_err(|e| ImportError::io(&path, e))?;
        }
        Ok(done)
    }
}

fn write_row(table: &mut Table, row: &Row) -> std::io::Result<()> {
    // No control character (a NUL, a form feed) that would make the table
    // no text file; the texts on one line.
    let clean = |text: &str| -> String {
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    let texts = row.texts.map(|_, t| crate::text::one_line(&clean(t)));
    for lang in Lang::ALL {
        if !texts.get(lang).is_empty() {
            *table.langs.get_mut(lang) += 1;
        }
    }
    let memory = &row.memory;
    let props: Vec<(String, String)> = memory
        .props
        .iter()
        .map(|(k, v)| (clean(k), clean(v)))
        .collect();
    let props = match props.is_empty() {
        true => String::new(),
        false => serde_json::to_string(&props).expect("strings serialise"),
    };
    let notes: Vec<String> = memory.notes.iter().map(|n| clean(n)).collect();
    table.writer().write_record([
        row.unit.as_deref().unwrap_or_default(),
        row.section.as_deref().unwrap_or_default(),
        &texts.kk,
        &texts.ru,
        &texts.en,
        &clean(&memory.tuid),
        &notes.join("\n"),
        &props,
    ])?;
    table.rows += 1;
    table.in_part += 1;
    Ok(())
}

/// Whether `id` can name a document: a file name of letters, digits, `-`,
/// `_` and `.`, that no other file of the corpus could be taken for.
pub fn check_id(id: &str) -> Result<(), String> {
    let fits = !id.is_empty()
        && id.len() <= 200
        && !id.starts_with('.')
        && !id.ends_with(".align")
        && !id.contains("..")
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    match fits {
        true => Ok(()),
        false => Err(format!(
            "`{id}` cannot name a document: letters, digits, `-`, `_` and `.` \
             (--doc names another)"
        )),
    }
}

/// The document a file's name gives: its name less its extension, and for
/// one language's Moses file, less the language (`train.kk` → `train`).
pub fn stem(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.rsplit_once('.').map_or(&*name, |(stem, _)| stem);
    stem.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_file_names_nothing_else_can_be_taken_for() {
        assert!(check_id("const-art2-3").is_ok());
        assert!(check_id("заң_2024.v2").is_ok());
        for bad in ["", ".hidden", "a/b", "x.align", "a..b", "a b"] {
            assert!(check_id(bad).is_err(), "{bad}");
        }
    }
}
