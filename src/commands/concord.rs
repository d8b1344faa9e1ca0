//! `ushtil concord QUERY`: a keyword-in-context concordance. One line per
//! occurrence, the keyword centred between its left and right context, with
//! document and unit; sorted as AntConc and CQPweb sort (by the words to the
//! left or right, by document, by frequency), sampled, counted, or exported
//! for a spreadsheet. `--parallel` adds the aligned sentences of the other
//! languages under each line.

use std::io::{BufWriter, Write};

use ushtil::concord::order::{self, FormCount, Order, Position, Selection};
use ushtil::concord::{Context as Around, Line};
use ushtil::model::Lang;

use super::output::{self, Format, COUNTERPART, DIM, MATCH};
use super::{at_least_one, table, ConcordQuery, Context, Status};

#[derive(clap::Args)]
#[command(after_help = "\
The query: a word (all its forms, through the language's analyzer), \"a phrase\",
or a prefix*; --exact matches the printed form only.

Sorting: --sort doc (corpus order, the default, streamed as found), left (by L1),
right (by R1), freq (the most frequent forms first); --sort-by L2, R3 … sorts by
that word, in the alphabet of each language (Kazakh: а ә б в г ғ д е … қ … ң …).

Exit status: 0 if something was found, 1 if nothing was, 2 on error.")]
pub struct Args {
    #[command(flatten)]
    what: ConcordQuery,
    /// Words of context each side.
    #[arg(long, default_value_t = 8, conflicts_with = "chars")]
    context: usize,
    /// Characters of context each side, instead of words.
    #[arg(long)]
    chars: Option<usize>,
    /// How to order the lines.
    #[arg(long, value_enum, default_value = "doc")]
    sort: SortBy,
    /// Sort by the word at this position: L1 is the first word to the left, R1 to the right (L1…L5, R1…R5).
    #[arg(long, value_name = "POSITION", value_parser = Position::parse, conflicts_with = "sort")]
    sort_by: Option<Position>,
    /// Most lines to print.
    #[arg(long, short = 'n', value_parser = at_least_one)]
    limit: Option<usize>,
    /// A random sample of this many lines, the same for the same --seed.
    #[arg(long, value_parser = at_least_one)]
    sample: Option<usize>,
    /// Seed of the sample.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Put the aligned sentences of the other languages under each line.
    #[arg(long)]
    parallel: bool,
    /// Print the forms that matched and how often, per language and document, instead of lines.
    #[arg(long, conflicts_with_all = ["parallel", "sort", "sort_by", "sample", "limit"])]
    count: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Open TSV or CSV with a UTF-8 byte-order mark, which Excel needs to
    /// read it as UTF-8.
    #[arg(long)]
    bom: bool,
    /// Width of a text line (default: the terminal's, or 120 in a pipe).
    #[arg(long, value_parser = at_least_one)]
    width: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortBy {
    Doc,
    Left,
    Right,
    Freq,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    ushtil::text::russian::load_ahead();
    let index = context.open_index()?;
    let options = args.what.options(
        args.chars
            .map_or(Around::Words(args.context), Around::Chars),
    );
    let mut out = BufWriter::new(anstream::stdout().lock());
    let width = args.width.unwrap_or_else(super::compare::terminal_width);
    if let Some(separator) = args.format.table() {
        if args.bom {
            table::write_bom(&mut out)?;
        }
        if !args.count {
            table::write_row(&mut out, separator, HEADER)?;
        }
    }
    if args.count {
        let counts = order::form_counts(&index, &args.what.query, &options)?;
        if counts.is_empty() {
            return Ok(Status::NotFound);
        }
        print_counts(&mut out, &counts, args.format)?;
        out.flush()?;
        return Ok(Status::Found);
    }
    let selection = Selection {
        sample: args.sample.map(|n| (n, args.seed)),
        limit: args.limit,
    };
    let order = order_of(args.sort, args.sort_by);
    let ordered = order != Order::Corpus || args.sample.is_some();
    let found = order::arranged(
        &index,
        &args.what.query,
        &options,
        order,
        selection,
        &mut |line| {
            let mut bytes = Vec::new();
            print_line(&mut bytes, line, &args, width)?;
            Ok(bytes)
        },
        &mut |bytes| {
            out.write_all(bytes)?;
            // Lines in corpus order are flushed as found, so that the first
            // shows at once on a large corpus.
            if !ordered {
                out.flush()?;
            }
            Ok(())
        },
    )?;
    out.flush()?;
    Ok(if found == 0 {
        Status::NotFound
    } else {
        Status::Found
    })
}

/// The order `--sort` and `--sort-by` ask for.
pub fn order_of(by: SortBy, position: Option<Position>) -> Order {
    match (position, by) {
        (Some(p), _) => Order::Word(p),
        (None, SortBy::Left) => Order::Word(Position::L1),
        (None, SortBy::Right) => Order::Word(Position::R1),
        (None, SortBy::Freq) => Order::Frequency,
        (None, SortBy::Doc) => Order::Corpus,
    }
}

const HEADER: [&str; 10] = [
    "left", "keyword", "right", "doc", "unit", "lang", "section", "kk", "ru", "en",
];

/// One line as a spreadsheet row: left, keyword, right, doc, unit, lang,
/// section, then the sentence in each language (the counterparts).
fn row(line: &Line) -> [String; 10] {
    let counterpart = |lang: Lang| {
        line.counterparts
            .get(lang)
            .as_ref()
            .map(|c| c.text.clone())
            .unwrap_or_default()
    };
    [
        line.left.trim().to_owned(),
        line.keyword.clone(),
        line.right.trim().to_owned(),
        line.doc.clone(),
        line.unit.clone(),
        line.lang.code().to_owned(),
        line.section.clone(),
        counterpart(Lang::Kk),
        counterpart(Lang::Ru),
        counterpart(Lang::En),
    ]
}

fn print_line(out: &mut impl Write, line: &Line, args: &Args, width: usize) -> std::io::Result<()> {
    match (args.format, args.format.table()) {
        (_, Some(separator)) => return table::write_row(out, separator, row(line)),
        (Format::Json, _) => {
            let json = ushtil::view::LineView::new(line);
            return writeln!(
                out,
                "{}",
                serde_json::to_string(&json).map_err(std::io::Error::other)?
            );
        }
        _ => {}
    }
    // Left context right-aligned to the middle, the keyword, the right context.
    let reference = format!("{} {}", line.doc, line.unit);
    let side =
        width.saturating_sub(reference.chars().count() + line.keyword.chars().count() + 8) / 2;
    let left: String = {
        let chars: Vec<char> = line.left.trim_start().chars().collect();
        let from = chars.len().saturating_sub(side);
        chars[from..].iter().collect()
    };
    let right: String = line.right.trim_end().chars().take(side).collect();
    writeln!(
        out,
        "{}{left} {MATCH}{}{MATCH:#} {right:<side$}  {DIM}{reference} {}{DIM:#}",
        " ".repeat(side.saturating_sub(left.chars().count())),
        line.keyword,
        line.lang,
    )?;
    if args.parallel {
        for lang in Lang::ALL {
            if let Some(c) = line.counterparts.get(lang) {
                write!(out, "    {DIM}{lang}{DIM:#}  ")?;
                output::write_marked(out, &c.text, 0, &c.marks, COUNTERPART)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// The forms that matched, how often in all, and in each document, per language.
fn print_counts(out: &mut impl Write, rows: &[FormCount], format: Format) -> std::io::Result<()> {
    match (format, format.table()) {
        (Format::Json, _) => {
            for row in rows {
                let json = ushtil::view::FormCountView {
                    lang: row.lang,
                    form: &row.form,
                    count: row.count,
                    docs: &row.docs,
                };
                writeln!(out, "{}", serde_json::to_string(&json)?)?;
            }
        }
        (_, Some(separator)) => {
            table::write_row(out, separator, ["lang", "form", "count", "docs"])?;
            for row in rows {
                let docs: Vec<String> = row.docs.iter().map(|(d, n)| format!("{d}={n}")).collect();
                table::write_row(
                    out,
                    separator,
                    [
                        row.lang.code().to_owned(),
                        row.form.clone(),
                        row.count.to_string(),
                        docs.join(" "),
                    ],
                )?;
            }
        }
        (_, None) => {
            let mut current = None;
            for row in rows {
                if current != Some(row.lang) {
                    let total: usize = rows
                        .iter()
                        .filter(|r| r.lang == row.lang)
                        .map(|r| r.count)
                        .sum();
                    writeln!(out, "{}  {total} occurrences", row.lang)?;
                    current = Some(row.lang);
                }
                let docs: Vec<String> = row.docs.iter().map(|(d, n)| format!("{d} {n}")).collect();
                writeln!(
                    out,
                    "  {:>6}  {:<24} {DIM}{}{DIM:#}",
                    row.count,
                    row.form,
                    docs.join(", ")
                )?;
            }
        }
    }
    Ok(())
}
