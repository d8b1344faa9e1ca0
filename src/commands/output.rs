//! How a command prints: the one output format every command chooses once,
//! the styles its text is printed in, the painter that marks matched words,
//! and the printer of search hits. (JSON is `ushtil::view`'s; tables
//! `table`'s.)

use std::io::{self, Write};
use std::ops::Range;

use anstyle::{AnsiColor, Style};
use ushtil::model::{Lang, PerLang};
use ushtil::search::Hit;

use super::table::Separator;

/// What a command writes on standard output. Each command takes it once,
/// as `--format`; one that prints no table takes only `text` or `json`
/// ([`text_or_json`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum Format {
    /// For reading.
    Text,
    /// JSON Lines, for scripts: one object per line (the server's API
    /// answers with the same objects).
    Json,
    /// Tab-separated: a header, then one row per line of output.
    Tsv,
    /// Comma-separated, as Tsv.
    Csv,
}

impl Format {
    /// The separator of a table format; `None` for text and JSON.
    pub fn table(self) -> Option<Separator> {
        match self {
            Format::Tsv => Some(Separator::Tab),
            Format::Csv => Some(Separator::Comma),
            Format::Text | Format::Json => None,
        }
    }
}

/// `--format` of a command that prints no table: `text` or `json`.
pub fn text_or_json() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(["text", "json"]).map(|s| match s.as_str() {
        "json" => Format::Json,
        _ => Format::Text,
    })
}

/// A document's id.
pub const DOC: Style = AnsiColor::Magenta.on_default();
/// A section path, `abstract/results`.
pub const SECTION: Style = AnsiColor::Cyan.on_default();
/// A language code before its text, and a table's head.
pub const LANG: Style = Style::new().bold();
pub const HEADER: Style = Style::new().bold();
/// A matched word.
pub const MATCH: Style = AnsiColor::Red.on_default().bold();
/// The word of another language that translates a matched one.
pub const COUNTERPART: Style = AnsiColor::Green.on_default().bold();
/// What a version lacks that another has.
pub const MISSING: Style = AnsiColor::Yellow.on_default();
/// What is said about the text rather than the text: scores, counts, `—`.
pub const DIM: Style = Style::new().dimmed();

/// Prints a hit for reading: a header line, then each aligned sentence group
/// that holds a match, one language under another, `—` where a language has
/// no counterpart. With `full`, every group of the unit.
pub fn print_hit(out: &mut impl Write, hit: &Hit, full: bool) -> io::Result<()> {
    let unit = &hit.unit;
    writeln!(
        out,
        "{DOC}{}{DOC:#} {} {SECTION}{}{SECTION:#} {DIM}score {:.2}{DIM:#}",
        unit.doc,
        unit.id,
        unit.section_path(),
        hit.score
    )?;
    let spans: Vec<PerLang<Option<Range<usize>>>> = unit
        .links
        .iter()
        .map(|link| {
            PerLang::from_fn(|lang| {
                let passage = unit.passages.get(lang).as_ref()?;
                passage.span(link.sentences.get(lang))
            })
        })
        .collect();
    let matched: Vec<bool> = spans
        .iter()
        .map(|spans| {
            Lang::ALL.iter().any(|&lang| {
                spans.get(lang).as_ref().is_some_and(|span| {
                    hit.highlights
                        .get(lang)
                        .iter()
                        .any(|h| h.start < span.end && h.end > span.start)
                })
            })
        })
        .collect();
    // A hit with nothing to mark (`NOT x`, `*`) is shown whole.
    let full = full || !matched.contains(&true);
    // The languages the unit has: no row of `—` for one it never had.
    let langs: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|&lang| unit.passages.get(lang).is_some())
        .collect();
    let mut skipped = 0;
    for ((texts, spans), matched) in unit.link_texts().iter().zip(&spans).zip(matched) {
        if !(matched || full) {
            skipped += 1;
            continue;
        }
        for &lang in &langs {
            write!(out, "  {LANG}{lang}{LANG:#}  ")?;
            match (texts.get(lang), spans.get(lang)) {
                (Some(text), Some(span)) => {
                    write_marked(out, text, span.start, hit.highlights.get(lang), MATCH)?
                }
                _ => write!(out, "{DIM}—{DIM:#}")?,
            }
            writeln!(out)?;
        }
        writeln!(out)?;
    }
    if skipped > 0 {
        writeln!(
            out,
            "  {DIM}(+{skipped} more sentence groups in this unit; --full shows them){DIM:#}\n"
        )?;
    }
    Ok(())
}

/// Writes `text` (which starts at byte `offset` of its passage) with the
/// passage's highlighted ranges marked in `style`.
pub fn write_marked(
    out: &mut impl Write,
    text: &str,
    offset: usize,
    marks: &[Range<usize>],
    style: Style,
) -> io::Result<()> {
    let mut at = 0;
    for mark in marks {
        let (start, end) = (
            mark.start.saturating_sub(offset),
            mark.end.saturating_sub(offset),
        );
        if mark.end <= offset || start >= text.len() || start < at {
            continue;
        }
        let end = end.min(text.len());
        write!(
            out,
            "{}{style}{}{style:#}",
            &text[at..start],
            &text[start..end]
        )?;
        at = end;
    }
    write!(out, "{}", &text[at..])
}
