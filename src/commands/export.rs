//! `ushtil export`: writes the corpus for other tools, in corpus order: JSON
//! Lines of whole units (the shape `search --format json` uses, without score
//! and highlights), or its aligned groups, sentence by sentence or paragraph
//! by paragraph, as TMX for translation memories, Moses files (one plain file
//! per language, line by line parallel) as OPUS ships them, or TSV and CSV
//! for spreadsheets.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use ushtil::model::{Lang, Memory, PerLang, Unit};

use super::{table, Context, Status};

#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: ExportFormat,
    /// What one TMX unit, Moses line or table row holds: an aligned sentence
    /// group, or a unit (an abstract part, a group of body paragraphs).
    #[arg(long, value_enum, default_value = "sentence")]
    level: Level,
    /// The languages to write, in this order (default: kk,ru,en).
    #[arg(long, value_delimiter = ',')]
    langs: Option<Vec<Lang>>,
    #[command(flatten)]
    filter: super::FilterArgs,
    /// Moses: the files' path without the language (`--out train` writes
    /// train.kk, train.ru, train.en).
    #[arg(long, value_name = "PREFIX")]
    out: Option<PathBuf>,
    /// TSV and CSV: open with the byte-order mark Excel needs to read UTF-8.
    #[arg(long)]
    bom: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    /// JSON Lines, as every command's `--format json`: one object per unit and line.
    #[value(alias = "jsonl")]
    Json,
    /// TMX 1.4b: one translation unit per aligned group.
    Tmx,
    /// One plain file per language, one aligned group per line (groups
    /// that lack one of the languages are left out, so lines stay parallel).
    Moses,
    /// Tab-separated: doc, unit, then one column per language.
    Tsv,
    /// Comma-separated, as Tsv.
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Level {
    Sentence,
    Paragraph,
}

/// One aligned group: where it is, its text in each language, and what
/// the translation memory it came from said of it.
struct Group<'a> {
    doc: &'a str,
    unit: &'a str,
    section: String,
    texts: PerLang<Option<String>>,
    memory: Option<&'a Memory>,
}

/// The groups of a unit at a level, their text on one line each.
fn groups<'a>(unit: &'a Unit, level: Level) -> Vec<Group<'a>> {
    let group = |texts: PerLang<Option<String>>, memory: Option<&'a Memory>| Group {
        doc: &unit.doc,
        unit: &unit.id,
        section: unit.section_path(),
        texts,
        memory,
    };
    match level {
        // A unit of one group keeps its memory; of several, whose would it be?
        Level::Paragraph => {
            let memory = match &unit.links[..] {
                [only] => only.memory.as_deref(),
                _ => None,
            };
            vec![group(
                PerLang::from_fn(|l| unit.text(l).map(ushtil::text::one_line)),
                memory,
            )]
        }
        Level::Sentence => unit
            .link_texts()
            .into_iter()
            .zip(&unit.links)
            .map(|(texts, link)| {
                group(
                    texts.map(|_, t| t.map(ushtil::text::one_line)),
                    link.memory.as_deref(),
                )
            })
            .collect(),
    }
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    let units = context.units_kept(&args.filter.filter())?;
    let langs = args.langs.clone().unwrap_or_else(|| Lang::ALL.to_vec());
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let groups = || units.iter().flat_map(|u| groups(u, args.level));
    match args.format {
        ExportFormat::Json => {
            for unit in &units {
                let json = ushtil::view::UnitView::unit(unit);
                writeln!(out, "{}", serde_json::to_string(&json)?)?;
            }
        }
        ExportFormat::Tmx => write_tmx(&mut out, groups(), &langs)?,
        ExportFormat::Tsv | ExportFormat::Csv => {
            let separator = match args.format {
                ExportFormat::Csv => table::Separator::Comma,
                _ => table::Separator::Tab,
            };
            let header = ["doc", "unit", "section"]
                .into_iter()
                .chain(langs.iter().map(|l| l.code()));
            table::write_head(&mut out, separator, args.bom, header)?;
            for group in groups() {
                let cells = [group.doc.to_owned(), group.unit.to_owned(), group.section]
                    .into_iter()
                    .chain(
                        langs
                            .iter()
                            .map(|&l| group.texts.get(l).clone().unwrap_or_default()),
                    );
                table::write_row(&mut out, separator, cells)?;
            }
        }
        ExportFormat::Moses => {
            let prefix = args
                .out
                .as_ref()
                .context("Moses files need --out PREFIX (train writes train.kk, train.ru …)")?;
            let mut texts: PerLang<String> = PerLang::default();
            let mut lines = 0;
            for group in groups() {
                if langs.iter().any(|&l| group.texts.get(l).is_none()) {
                    continue;
                }
                lines += 1;
                for &lang in &langs {
                    let text = texts.get_mut(lang);
                    text.push_str(group.texts.get(lang).as_deref().unwrap_or_default());
                    text.push('\n');
                }
            }
            for &lang in &langs {
                let mut path = prefix.clone().into_os_string();
                path.push(format!(".{}", lang.code()));
                let path = PathBuf::from(path);
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
                }
                ushtil::corpus::write_atomically(&path, texts.get(lang).as_bytes())
                    .with_context(|| path.display().to_string())?;
            }
            context.note(&format!(
                "{lines} lines in each of {}",
                langs
                    .iter()
                    .map(|l| format!("{}.{}", prefix.display(), l.code()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    out.flush()?;
    Ok(Status::Found)
}

/// Text escaped for XML.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 has no place for most control characters.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// TMX 1.4b: a header, then a `<tu>` per group with a `<tuv>` per language
/// it has (of those asked for), its place kept in `<prop>`s.
fn write_tmx<'a>(
    out: &mut impl Write,
    groups: impl Iterator<Item = Group<'a>>,
    langs: &[Lang],
) -> std::io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<!DOCTYPE tmx SYSTEM "tmx14.dtd">"#)?;
    writeln!(out, r#"<tmx version="1.4">"#)?;
    writeln!(
        out,
        r#"  <header creationtool="ushtil" creationtoolversion="{}" datatype="plaintext" segtype="sentence" adminlang="en" srclang="*all*" o-tmf="ushtil"/>"#,
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "  <body>")?;
    for (n, group) in groups.enumerate() {
        let present: Vec<Lang> = langs
            .iter()
            .copied()
            .filter(|&l| group.texts.get(l).is_some())
            .collect();
        if present.is_empty() {
            continue;
        }
        // A memory's own id where it gave one, else the group's number.
        let tuid = group
            .memory
            .map(|m| m.tuid.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| (n + 1).to_string());
        writeln!(out, r#"    <tu tuid="{}">"#, escaped(&tuid))?;
        writeln!(
            out,
            r#"      <prop type="x-doc">{}</prop>"#,
            escaped(group.doc)
        )?;
        writeln!(
            out,
            r#"      <prop type="x-unit">{}</prop>"#,
            escaped(group.unit)
        )?;
        writeln!(
            out,
            r#"      <prop type="x-section">{}</prop>"#,
            escaped(&group.section)
        )?;
        if let Some(memory) = group.memory {
            for (kind, value) in &memory.props {
                writeln!(
                    out,
                    r#"      <prop type="{}">{}</prop>"#,
                    escaped(kind),
                    escaped(value)
                )?;
            }
            for note in &memory.notes {
                writeln!(out, "      <note>{}</note>", escaped(note))?;
            }
        }
        for lang in present {
            let text = group.texts.get(lang).as_deref().unwrap_or_default();
            writeln!(
                out,
                r#"      <tuv xml:lang="{}"><seg>{}</seg></tuv>"#,
                lang.code(),
                escaped(text)
            )?;
        }
        writeln!(out, "    </tu>")?;
    }
    writeln!(out, "  </body>")?;
    writeln!(out, "</tmx>")
}
