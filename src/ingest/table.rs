//! Parallel tables: a document already aligned, one group a row
//! (`corpus/<id>.tsv`, what `ushtil import` makes of a translation memory,
//! Moses files or a spreadsheet).
//!
//! The header row names the columns: a column per language (`kk`, `ru`,
//! `en`, or a tag as tools write them: `kk-KZ`, `rus`, `en-GB`), and, each
//! optional, `unit` (rows of one unit, consecutive, share it), `section` (a
//! section path as units have: `abstract/results`; `body/front` where there
//! is none), and what a translation memory said of the group: `tuid`, `note`
//! and `prop`. Any other column is left out. A row's cells are its
//! languages' texts, each cut into sentences; together they are one aligned
//! group, as given: the aligner never regroups them.
//!
//! Quoting is the csv crate's (and Python's `csv`): a cell that holds a tab,
//! a line break or opens with `"` is quoted, `"` doubled inside.

use std::path::Path;

use super::{segment, IngestError};
use crate::model::{
    parse_section_path, Block, BlockKind, Division, Document, GivenGroup, Lang, Memory, Metadata,
    PerLang, Section, Sentence,
};

/// The columns of a parallel table, by position.
#[derive(Debug, Default)]
pub struct Columns {
    pub langs: PerLang<Option<usize>>,
    pub doc: Option<usize>,
    pub unit: Option<usize>,
    pub section: Option<usize>,
    pub tuid: Option<usize>,
    pub note: Option<usize>,
    pub prop: Option<usize>,
}

impl Columns {
    /// The columns a header row names; an error where it names no language,
    /// or one language or column twice.
    pub fn of(header: &csv::StringRecord) -> Result<Columns, String> {
        let mut columns = Columns::default();
        for (n, name) in header.iter().enumerate() {
            let name = name.trim().trim_start_matches('\u{feff}');
            let slot = match Lang::from_tag(name) {
                Some(lang) => columns.langs.get_mut(lang),
                None => match name.to_ascii_lowercase().as_str() {
                    "doc" => &mut columns.doc,
                    "unit" => &mut columns.unit,
                    "section" => &mut columns.section,
                    "tuid" => &mut columns.tuid,
                    "note" => &mut columns.note,
                    "prop" => &mut columns.prop,
                    _ => continue,
                },
            };
            if slot.replace(n).is_some() {
                return Err(format!("the header names `{name}` twice"));
            }
        }
        if Lang::ALL.iter().all(|&l| columns.langs.get(l).is_none()) {
            return Err(format!(
                "the header row names no language: expected columns such as kk, ru, en \
                 (found {})",
                header.iter().collect::<Vec<_>>().join(", ")
            ));
        }
        Ok(columns)
    }

    /// A row's cell in column `at`, trimmed; empty where there is none.
    pub fn cell(record: &csv::StringRecord, at: Option<usize>) -> &str {
        at.and_then(|n| record.get(n)).unwrap_or_default().trim()
    }
}

/// A table reader over `text`: tab-separated, with a header row.
pub fn reader(text: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(true)
        .from_reader(text)
}

/// Reads the parallel table `text` (of the file `path`) as document `id`.
pub fn read(
    path: &Path,
    id: &str,
    mut meta: Metadata,
    text: &str,
) -> Result<Document, IngestError> {
    let error = |line: u64, message: String| IngestError::Table {
        path: path.to_owned(),
        line,
        message,
    };
    let text = super::without_bom(text);
    let mut rows = reader(text.as_bytes());
    let header = rows.headers().map_err(|e| error(1, e.to_string()))?.clone();
    let columns = Columns::of(&header).map_err(|m| error(1, m))?;
    let mut blocks = Vec::new();
    let mut given = Vec::new();
    for record in rows.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            error(line, e.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let doc = Columns::cell(&record, columns.doc);
        if !doc.is_empty() && doc != id {
            return Err(error(
                line,
                format!(
                    "the row is of document `{doc}`, not `{id}`: a table holds one \
                     document (`ushtil import` cuts a table by its doc column)"
                ),
            ));
        }
        let section = Columns::cell(&record, columns.section);
        let (division, section) = match section {
            "" => (Division::Body, Section::Front),
            path => parse_section_path(path).ok_or_else(|| {
                error(
                    line,
                    format!("`{path}` is no section (abstract/results, body/front …)"),
                )
            })?,
        };
        let mut group = PerLang::<Option<usize>>::default();
        for lang in Lang::ALL {
            let cell = Columns::cell(&record, *columns.langs.get(lang));
            let text = crate::text::one_line(cell);
            if text.is_empty() {
                continue;
            }
            *group.get_mut(lang) = Some(blocks.len());
            blocks.push(block(lang, division, section, text, line as usize));
        }
        if Lang::ALL.iter().all(|&l| group.get(l).is_none()) {
            continue;
        }
        let unit = Columns::cell(&record, columns.unit);
        let memory = memory(&record, &columns);
        given.push(GivenGroup {
            unit: (!unit.is_empty()).then(|| unit.to_owned()),
            blocks: group,
            memory: (!memory.is_empty()).then(|| Box::new(memory)),
        });
    }
    if meta.languages.is_empty() {
        meta.languages = Lang::ALL
            .into_iter()
            .filter(|&l| blocks.iter().any(|b: &Block| b.lang == l))
            .collect();
    }
    Ok(Document {
        id: id.to_owned(),
        meta,
        blocks,
        versions: Vec::new(),
        repairs: Vec::new(),
        warnings: Vec::new(),
        files: Vec::new(),
        given,
    })
}

/// What a row keeps of the translation memory it came from: its `tuid`,
/// its notes (one a line) and its properties (a JSON list of
/// `[type, value]` pairs; any other text, one property `prop`).
pub fn memory(record: &csv::StringRecord, columns: &Columns) -> Memory {
    let notes = Columns::cell(record, columns.note);
    let props = Columns::cell(record, columns.prop);
    Memory {
        tuid: Columns::cell(record, columns.tuid).to_owned(),
        notes: notes.lines().map(str::to_owned).collect(),
        props: match props.is_empty() {
            true => Vec::new(),
            false => serde_json::from_str(props)
                .unwrap_or_else(|_| vec![("prop".to_owned(), props.to_owned())]),
        },
    }
}

/// One cell as a block: a keyword list is one unit of meaning, other text
/// is cut into sentences.
fn block(lang: Lang, division: Division, section: Section, text: String, line: usize) -> Block {
    let kind = match section {
        Section::Keywords => BlockKind::Keywords,
        _ => BlockKind::Paragraph,
    };
    let spans = match kind {
        BlockKind::Keywords => std::iter::once(0..text.len()).collect(),
        _ => segment::sentences(&text),
    };
    let sentences = spans
        .into_iter()
        .map(|span| Sentence {
            lang,
            text: text[span.clone()].to_owned(),
            span,
        })
        .collect();
    Block {
        kind,
        lang,
        division,
        section,
        label: None,
        text,
        line,
        sentences,
        table: None,
        file: None,
        other_language: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_table(text: &str) -> Result<Document, IngestError> {
        read(Path::new("t.tsv"), "t", Metadata::default(), text)
    }

    #[test]
    fn a_row_is_a_group_and_its_cells_are_cut_into_sentences() {
        let doc = read_table(
            "kk\tru\ten\n\
             Мемлекеттік биліктің бірден-бір бастауы — халық.\tЕдинственным источником государственной власти является народ.\t\
             The people shall be the only source of governmental power.\n\
             Бірінші сөйлем. Екінші сөйлем.\tОдно предложение.\t\n",
        )
        .unwrap();
        assert_eq!(doc.given.len(), 2);
        let second = &doc.given[1];
        assert!(second.blocks.en.is_none());
        let kk = &doc.blocks[second.blocks.kk.unwrap()];
        assert_eq!(kk.sentences.len(), 2);
        assert_eq!(kk.line, 3);
        assert_eq!(doc.meta.languages, vec![Lang::Kk, Lang::Ru, Lang::En]);
    }

    #[test]
    fn language_columns_are_named_as_tools_write_them() {
        let doc =
            read_table("kk-KZ\tRUS\ten-GB\tcomment\nСәлем.\tПривет.\tHello.\tleft out\n").unwrap();
        assert_eq!(doc.blocks.len(), 3);
        assert_eq!(doc.blocks[1].lang, Lang::Ru);
        let none = read_table("source\ttarget\nСәлем.\tПривет.\n").unwrap_err();
        assert!(
            none.to_string()
                .contains("line 1: the header row names no language"),
            "{none}"
        );
    }

    #[test]
    fn a_quoted_cell_keeps_its_tabs_quotes_and_line_breaks() {
        let doc = read_table("ru\ten\n\"«Алаш» \"\"партия\"\"\tи\nдалее\"\t\"Alash\"\n").unwrap();
        assert_eq!(doc.blocks[0].text, "«Алаш» \"партия\" и далее");
        assert_eq!(doc.blocks[1].text, "Alash");
    }

    #[test]
    fn a_row_of_the_wrong_length_or_section_names_its_line() {
        let short = read_table("kk\tru\nСәлем.\tПривет.\nСәлем.\n").unwrap_err();
        assert!(short.to_string().starts_with("t.tsv: line 3:"), "{short}");
        let section = read_table("section\tkk\nabstract/nowhere\tСәлем.\n").unwrap_err();
        assert!(
            section
                .to_string()
                .contains("line 2: `abstract/nowhere` is no section"),
            "{section}"
        );
    }
}
