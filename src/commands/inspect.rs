//! `ushtil inspect DOC`: shows what ingest found in a document, block by block
//! (source line, kind, language, section, first words), its metadata (marking
//! what was inferred) and the repairs made to the printed text, so that a
//! curator can check a document at a glance. A translated text also shows
//! its versions (language, file, first line, title) and how the aligner
//! grouped their paragraphs (1-1, 2-1, 1-0 …, with confidence).

use std::io::{BufWriter, Write};

use ushtil::model::{Block, Document, RepairKind};
use ushtil::view::{DocumentView, GroupView};

use super::output::{self, Format, DIM, HEADER, SECTION};
use super::{Context, Status};

#[derive(clap::Args)]
pub struct Args {
    /// A document id of the corpus, or the path of a text file.
    doc: String,
    /// Output format: text for reading, json for one JSON object.
    #[arg(long, default_value = "text", value_parser = output::text_or_json())]
    format: Format,
    /// List every repair, not only how many of each kind.
    #[arg(long)]
    repairs: bool,
    /// Characters of each block's text to show.
    #[arg(long, default_value_t = 60)]
    width: usize,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    let source = context.source(&args.doc)?;
    let document = ushtil::build::read_document(&source)?;
    for warning in &document.warnings {
        eprintln!("ushtil: warning: {warning}");
    }
    let units = ushtil::build::aligned_units(&source, &document)?;
    let json = DocumentView::new(&document, &units);
    let mut out = BufWriter::new(anstream::stdout().lock());
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string(&json)?)?,
        _ => print(&mut out, &document, &json.groups, &args)?,
    }
    out.flush()?;
    Ok(Status::Found)
}

/// The encoding the text was read in (`windows-1251`), or each file's where
/// they differ (`x.kk.txt KZ-1048; x.ru.txt UTF-8`).
fn encodings(document: &Document) -> String {
    let files = &document.files;
    if files.windows(2).all(|w| w[0].encoding == w[1].encoding) {
        return files
            .first()
            .map(|f| f.encoding.clone())
            .unwrap_or_default();
    }
    files
        .iter()
        .map(|f| {
            let name = std::path::Path::new(&f.path)
                .file_name()
                .unwrap_or_default();
            format!("{} {}", name.to_string_lossy(), f.encoding)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn print(
    out: &mut impl Write,
    document: &Document,
    groups: &[GroupView],
    args: &Args,
) -> std::io::Result<()> {
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
        ("encoding", encodings(document)),
    ];
    for (name, value) in fields {
        let value = if value.is_empty() {
            format!("{DIM}—{DIM:#}")
        } else {
            value
        };
        writeln!(out, "  {name:<10} {value}{}", inferred(name))?;
    }
    if document.versions.len() > 1 || document.versions.iter().any(|v| v.file.is_some()) {
        writeln!(out)?;
        writeln!(
            out,
            "{DIM}versions  lang  file                      line  title{DIM:#}"
        )?;
        for version in &document.versions {
            let file = version.file.as_deref().unwrap_or("—");
            writeln!(
                out,
                "          {:<5} {:<25} {:>4}  {}",
                version.lang.code(),
                file,
                version.line,
                version.title.as_deref().unwrap_or("—")
            )?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{DIM} line  kind             lang  section                     sent  text{DIM:#}"
    )?;
    let mut file = None;
    for block in &document.blocks {
        if block.file != file {
            file = block.file;
            if let Some(name) = document.file_of(file) {
                writeln!(out, "{HEADER}{name}{HEADER:#}")?;
            }
        }
        print_block(out, block, args.width)?;
    }
    if !groups.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{DIM}paragraph groups (kk-ru-en)  confidence  opening words{DIM:#}"
        )?;
        for group in groups {
            writeln!(
                out,
                "  {:<6} {:<20} {:>10.2}  {}",
                group.unit, group.shape, group.confidence, group.opening
            )?;
        }
    }
    writeln!(out)?;
    let count = |kind: RepairKind| document.repairs.iter().filter(|r| r.kind == kind).count();
    writeln!(
        out,
        "repairs: {} glued words cut, {} mixed-script words folded, {} line-end hyphens settled, {} glued prepositions cut off, {} lines with runs of spaces, {} with invisible characters or ligatures{}",
        count(RepairKind::GluedWords),
        count(RepairKind::MixedScript),
        count(RepairKind::Hyphenation),
        count(RepairKind::GluedPreposition),
        count(RepairKind::Spaces),
        count(RepairKind::Characters),
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
    let mut langs: Vec<&str> = langs.iter().map(|l| l.code()).collect();
    // A fourth language shows its own code: `deu`, never indexed.
    if let Some(other) = &block.other_language {
        langs = vec![other.as_str()];
    }
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
