//! TSV and CSV tables with a header row naming the languages (`kk`, `ru`, `en`),
//! as spreadsheets save them and `ushtil export` writes them: the columns of
//! a corpus table ([`crate::ingest::table`]), with `doc` saying which
//! document each row is of.

use std::fs::File;
use std::path::{Path, PathBuf};

use super::{ImportError, Row};
use crate::ingest::table::Columns;
use crate::model::Lang;

pub struct TableReader {
    path: PathBuf,
    rows: csv::Reader<Box<dyn std::io::Read>>,
    columns: Columns,
    record: csv::StringRecord,
    separator: &'static str,
}

impl TableReader {
    /// Opens a table: comma-separated where its name ends in `.csv`, else
    /// tab-separated, quoted as spreadsheets quote. Given `langs`, the table
    /// is OPUS's: no header row (its columns are those languages, in
    /// order) and no quoting (a `"` is a letter like any other).
    pub fn open(path: &Path, langs: Option<&[Lang]>) -> Result<TableReader, ImportError> {
        let comma = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let file = File::open(path).map_err(|e| ImportError::io(path, e))?;
        let stream = encoding_rs_io::DecodeReaderBytesBuilder::new()
            .utf8_passthru(true)
            .strip_bom(true)
            .build(file);
        let mut rows = csv::ReaderBuilder::new()
            .delimiter(if comma { b',' } else { b'\t' })
            .has_headers(langs.is_none())
            .quoting(langs.is_none())
            .from_reader(Box::new(stream) as Box<dyn std::io::Read>);
        let header = match langs {
            Some(langs) => {
                csv::StringRecord::from(langs.iter().map(|l| l.code()).collect::<Vec<_>>())
            }
            None => rows.headers().map_err(|e| csv_error(path, e))?.clone(),
        };
        let columns = Columns::of(&header).map_err(|m| ImportError::at(path, 1, m))?;
        Ok(TableReader {
            path: path.to_owned(),
            rows,
            columns,
            record: csv::StringRecord::new(),
            separator: if comma { "CSV" } else { "TSV" },
        })
    }
}

fn csv_error(path: &Path, error: csv::Error) -> ImportError {
    let line = error.position().map_or(1, |p| p.line());
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "{len} cell{}, but the header row has {expected_len}",
            if *len == 1 { "" } else { "s" }
        ),
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_owned(),
        _ => error.to_string(),
    };
    ImportError::at(path, line, message)
}

impl super::Reader for TableReader {
    fn next_row(&mut self) -> Result<Option<Row>, ImportError> {
        let more = self
            .rows
            .read_record(&mut self.record)
            .map_err(|e| csv_error(&self.path, e))?;
        if !more {
            return Ok(None);
        }
        let record = &self.record;
        let cell = |at: Option<usize>| Columns::cell(record, at).to_owned();
        let named = |at: Option<usize>| Some(cell(at)).filter(|c| !c.is_empty());
        let memory = crate::ingest::table::memory(record, &self.columns);
        Ok(Some(Row {
            line: record.position().map_or(0, |p| p.line()),
            doc: named(self.columns.doc),
            unit: named(self.columns.unit),
            section: named(self.columns.section),
            texts: crate::model::PerLang::from_fn(|l: Lang| cell(*self.columns.langs.get(l))),
            memory,
        }))
    }

    fn path(&self) -> &Path {
        &self.path
    }

    fn row_name(&self) -> &'static str {
        "row"
    }

    fn description(&self) -> String {
        format!(
            "{} table {}",
            self.separator,
            self.path.file_name().unwrap_or_default().to_string_lossy()
        )
    }
}
