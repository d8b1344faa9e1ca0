//! Moses files, as OPUS ships them: one plain file per language, line `n` of
//! each the same group (`train.kk`, `train.ru`, `train.en`). An empty line
//! is a group the language has no text in.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::{ImportError, Row};
use crate::model::Lang;

pub struct MosesReader {
    files: Vec<(Lang, PathBuf, Box<dyn BufRead>)>,
    line: u64,
}

impl MosesReader {
    /// Opens the files, each with its language; two of one language are an error.
    pub fn open(files: &[(Lang, PathBuf)]) -> Result<MosesReader, ImportError> {
        let mut opened: Vec<(Lang, PathBuf, Box<dyn BufRead>)> = Vec::new();
        for (lang, path) in files {
            if let Some((_, first, _)) = opened.iter().find(|(l, _, _)| l == lang) {
                return Err(ImportError::Corpus {
                    path: path.clone(),
                    message: format!("{} is the {lang} file already", first.display()),
                });
            }
            let file = File::open(path).map_err(|e| ImportError::io(path, e))?;
            // UTF-8, or UTF-16 where a byte-order mark says so.
            let stream = encoding_rs_io::DecodeReaderBytesBuilder::new()
                .utf8_passthru(true)
                .strip_bom(true)
                .build(file);
            opened.push((
                *lang,
                path.clone(),
                Box::new(BufReader::with_capacity(64 << 10, stream)),
            ));
        }
        Ok(MosesReader {
            files: opened,
            line: 0,
        })
    }
}

impl super::Reader for MosesReader {
    fn next_row(&mut self) -> Result<Option<Row>, ImportError> {
        self.line += 1;
        let mut row = Row {
            line: self.line,
            ..Row::default()
        };
        let mut ended: Vec<&Path> = Vec::new();
        let mut going: Vec<&Path> = Vec::new();
        let mut bytes = Vec::new();
        for (lang, path, reader) in &mut self.files {
            bytes.clear();
            let read = reader
                .read_until(b'\n', &mut bytes)
                .map_err(|e| ImportError::io(path, e))?;
            if read == 0 {
                ended.push(path);
                continue;
            }
            going.push(path);
            let text = std::str::from_utf8(&bytes).map_err(|e| {
                ImportError::at(
                    path,
                    self.line,
                    format!("not UTF-8 text (byte {} of the line)", e.valid_up_to() + 1),
                )
            })?;
            *row.texts.get_mut(*lang) = text.trim_end_matches(['\n', '\r']).to_owned();
        }
        match (ended.first(), going.first()) {
            (Some(_), None) => Ok(None),
            (Some(short), Some(long)) if self.line == 1 => Err(ImportError::File {
                path: short.to_path_buf(),
                line: None,
                message: format!(
                    "no lines, but {} has some: Moses files hold as many lines each",
                    long.display()
                ),
            }),
            (Some(short), Some(long)) => Err(ImportError::at(
                short,
                self.line - 1,
                format!(
                    "the last line, but {} goes on (line {}): Moses files hold as many lines each",
                    long.display(),
                    self.line
                ),
            )),
            _ => Ok(Some(row)),
        }
    }

    fn path(&self) -> &Path {
        &self.files[0].1
    }

    fn row_name(&self) -> &'static str {
        "line"
    }

    fn description(&self) -> String {
        let names: Vec<String> = self
            .files
            .iter()
            .map(|(_, p, _)| {
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        format!("Moses files {}", names.join(", "))
    }
}
