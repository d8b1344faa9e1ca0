//! `ushtil inspect DOC`: shows what ingest found in a document, block by block
//! (source line, kind, language, section, first words), its metadata (marking
//! what was inferred) and the repairs made to the printed text, so that a
//! curator can check a document at a glance.

use std::io::{BufWriter, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;
use ushtil::model::{Block, Document, RepairKind};

use super::{output::ReportFormat, Context, Status};

#[derive(clap::Args)]
pub struct Args {
    /// A document id of the corpus, or the path of a text file.
    doc: String,
    /// Output format: text for reading, json for one JSON object.
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
    /// List every repair, not only how many of each kind.
    #[arg(long)]
    repairs: bool,
    /// Characters of each block's text to show.
    #[arg(long, default_value_t = 60)]
    width: usize,
}

const HEADER: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const SECTION: Style = AnsiColor::Cyan.on_default();

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    let document = read(context, &args.doc)?;
    let mut out = BufWriter::new(anstream::stdout().lock());
    match args.format {
        ReportFormat::Json => {
            let json = DocumentJson::new(&document);
            writeln!(out, "{}", serde_json::to_string(&json)?)?;
        }
        ReportFormat::Text => print(&mut out, &document, &args)?,
    }
    out.flush()?;
    Ok(Status::Found)
}

fn read(context: &Context, doc: &str) -> anyhow::Result<Document> {
    Ok(ushtil::build::read_document(&context.source(doc)?)?)
}

fn print(out: &mut impl Write, document: &Document, args: &Args) -> std::io::Result<()> {
    let meta = &document.meta;
    writeln!(out, "{HEADER}{}{HEADER:#}", document.id)?;
    let inferred = |field: &str| {
        if meta.inferred.iter().any(|f| f == field) {
            format!(" {DIM}(inferred){DIM:#}")
        } else {
            String::new()
        }
    };
    let fields = [
        ("title", meta.title.clone()),
        ("authors", meta.authors.join("; ")),
        ("journal", meta.journal.clone()),
        ("year", meta.year.map(|y| y.to_string()).unwrap_or_default()),
        ("doi", meta.doi.clone()),
        (
            "languages",
            meta.languages
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        ("source", meta.source.clone()),
    ];
    for (name, value) in fields {
        let value = if value.is_empty() {
            format!("{DIM}—{DIM:#}")
        } else {
            value
        };
        writeln!(out, "  {name:<10} {value}{}", inferred(name))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{DIM} line  kind             lang  section                     sent  text{DIM:#}"
    )?;
    for block in &document.blocks {
        print_block(out, block, args.width)?;
    }
    writeln!(out)?;
    let count = |kind: RepairKind| document.repairs.iter().filter(|r| r.kind == kind).count();
    writeln!(
        out,
        "repairs: {} glued words cut, {} mixed-script words folded, {} line-end hyphens settled, {} lines with runs of spaces{}",
        count(RepairKind::GluedWords),
        count(RepairKind::MixedScript),
        count(RepairKind::Hyphenation),
        count(RepairKind::Spaces),
        if args.repairs { "" } else { " (--repairs lists them)" }
    )?;
    if args.repairs {
        for repair in &document.repairs {
            let kind = serde_json::to_value(repair.kind).unwrap_or_default();
            writeln!(
                out,
                "  {:>5}  {:<13} {:?} → {:?}",
                repair.line,
                kind.as_str().unwrap_or_default(),
                repair.printed,
                repair.repaired
            )?;
        }
    }
    Ok(())
}

fn print_block(out: &mut impl Write, block: &Block, width: usize) -> std::io::Result<()> {
    let kind = serde_json::to_value(block.kind).unwrap_or_default();
    let division = serde_json::to_value(block.division).unwrap_or_default();
    let section = format!(
        "{}/{}",
        division.as_str().unwrap_or_default(),
        block.section.name()
    );
    let mut text: String = block
        .text
        .replace('\n', " ¶ ")
        .chars()
        .take(width)
        .collect();
    if block.text.chars().count() > width {
        text.push('…');
    }
    // A block with sentences in another language shows them all: `en+ru`.
    let mut langs = vec![block.lang];
    for sentence in &block.sentences {
        if !langs.contains(&sentence.lang) {
            langs.push(sentence.lang);
        }
    }
    let langs: Vec<&str> = langs.iter().map(|l| l.code()).collect();
    let label = block
        .label
        .as_deref()
        .map(|l| format!("{DIM}[{l}]{DIM:#} "))
        .unwrap_or_default();
    writeln!(
        out,
        "{:>5}  {:<16} {:<5} {SECTION}{:<27}{SECTION:#} {:>4}  {label}{text}",
        block.line,
        kind.as_str().unwrap_or_default(),
        langs.join("+"),
        section,
        block.sentences.len()
    )
}

/// The document as JSON: metadata, blocks without their words, repairs.
#[derive(Serialize)]
struct DocumentJson<'a> {
    doc: &'a str,
    meta: &'a ushtil::model::Metadata,
    blocks: Vec<BlockJson<'a>>,
    repairs: &'a [ushtil::model::Repair],
}

#[derive(Serialize)]
struct BlockJson<'a> {
    line: usize,
    kind: ushtil::model::BlockKind,
    lang: ushtil::model::Lang,
    division: ushtil::model::Division,
    section: ushtil::model::Section,
    label: Option<&'a str>,
    text: &'a str,
    sentences: Vec<SentenceJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    table: Option<&'a ushtil::model::Table>,
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    lang: ushtil::model::Lang,
    text: &'a str,
}

impl<'a> DocumentJson<'a> {
    fn new(document: &'a Document) -> Self {
        DocumentJson {
            doc: &document.id,
            meta: &document.meta,
            blocks: document
                .blocks
                .iter()
                .map(|b| BlockJson {
                    line: b.line,
                    kind: b.kind,
                    lang: b.lang,
                    division: b.division,
                    section: b.section,
                    label: b.label.as_deref(),
                    text: &b.text,
                    sentences: b
                        .sentences
                        .iter()
                        .map(|s| SentenceJson {
                            lang: s.lang,
                            text: &s.text,
                        })
                        .collect(),
                    table: b.table.as_ref(),
                })
                .collect(),
            repairs: &document.repairs,
        }
    }
}
