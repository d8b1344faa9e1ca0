//! `ushtil concord QUERY`: a keyword-in-context concordance. One line per
//! occurrence, the keyword centred between its left and right context, with
//! document and unit; sorted as AntConc and CQPweb sort (by the words to the
//! left or right, by document, by frequency), sampled, counted, or exported
//! for a spreadsheet. `--parallel` adds the aligned sentences of the other
//! languages under each line.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::ops::ControlFlow;

use ushtil::concord::{self, Context as Around, Line};
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
    #[arg(long, value_name = "POSITION", value_parser = parse_position, conflicts_with = "sort")]
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

/// A context position: `L1`, `R2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    left: bool,
    n: usize,
}

pub fn parse_position(s: &str) -> Result<Position, String> {
    let error = || format!("{s:?} is no position: L1…L5 or R1…R5");
    let mut chars = s.chars();
    let left = match chars.next() {
        Some('L' | 'l') => true,
        Some('R' | 'r') => false,
        _ => return Err(error()),
    };
    let n: usize = chars.as_str().parse().map_err(|_| error())?;
    if !(1..=5).contains(&n) {
        return Err(error());
    }
    Ok(Position { left, n })
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    let index = context.open_index()?;
    let options = args.what.options(
        args.chars
            .map_or(Around::Words(args.context), Around::Chars),
    );
    let mut out = BufWriter::new(anstream::stdout().lock());
    let width = args.width.unwrap_or_else(super::compare::terminal_width);
    // Lines in corpus order with nothing to sort, sample or count stream as found.
    let streaming =
        args.sort == SortBy::Doc && args.sort_by.is_none() && args.sample.is_none() && !args.count;
    if let Some(separator) = args.format.table() {
        if args.bom {
            table::write_bom(&mut out)?;
        }
        if !args.count {
            table::write_row(&mut out, separator, HEADER)?;
        }
    }
    if streaming {
        let mut printed = 0usize;
        let mut failure = None;
        concord::occurrences(&index, &args.what.query, &options, &mut |line| {
            if let Err(e) = print_line(&mut out, &line, &args, width) {
                failure = Some(e);
                return ControlFlow::Break(());
            }
            printed += 1;
            // Flushed line by line, so that the first shows at once on a large corpus.
            let _ = out.flush();
            if args.limit.is_some_and(|n| printed >= n) {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })?;
        if let Some(e) = failure {
            return Err(e.into());
        }
        out.flush()?;
        return Ok(if printed == 0 {
            Status::NotFound
        } else {
            Status::Found
        });
    }
    let mut lines = Vec::new();
    concord::occurrences(&index, &args.what.query, &options, &mut |line| {
        lines.push(line);
        ControlFlow::Continue(())
    })?;
    if lines.is_empty() {
        return Ok(Status::NotFound);
    }
    if args.count {
        print_counts(&mut out, &lines, args.format)?;
        out.flush()?;
        return Ok(Status::Found);
    }
    if let Some(n) = args.sample {
        lines = sample(lines, n, args.seed);
    }
    sort(&mut lines, args.sort, args.sort_by);
    for line in lines.iter().take(args.limit.unwrap_or(usize::MAX)) {
        print_line(&mut out, line, &args, width)?;
    }
    out.flush()?;
    Ok(Status::Found)
}

/// A reproducible random sample of `n` lines, kept in corpus order.
fn sample(lines: Vec<Line>, n: usize, seed: u64) -> Vec<Line> {
    if n >= lines.len() {
        return lines;
    }
    // SplitMix64: small, and the same sample for the same seed on every machine.
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    // A partial Fisher–Yates shuffle of the indices picks n of them.
    let mut indices: Vec<usize> = (0..lines.len()).collect();
    for i in 0..n {
        let j = i + (next() % (indices.len() - i) as u64) as usize;
        indices.swap(i, j);
    }
    let mut chosen: Vec<usize> = indices[..n].to_vec();
    chosen.sort_unstable();
    let mut lines: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
    chosen.into_iter().filter_map(|i| lines[i].take()).collect()
}

pub fn sort(lines: &mut [Line], by: SortBy, position: Option<Position>) {
    let position = position.or(match by {
        SortBy::Left => Some(Position { left: true, n: 1 }),
        SortBy::Right => Some(Position { left: false, n: 1 }),
        _ => None,
    });
    if let Some(p) = position {
        let key = |line: &Line| {
            let words = if p.left {
                &line.left_words
            } else {
                &line.right_words
            };
            let word = words.get(p.n - 1).map_or("", String::as_str);
            collation_key(word, line.lang)
        };
        // Stable: lines with the same key stay in corpus order.
        lines.sort_by_cached_key(key);
        return;
    }
    if by == SortBy::Freq {
        let mut frequency: BTreeMap<String, usize> = BTreeMap::new();
        for line in lines.iter() {
            *frequency.entry(line.keyword.to_lowercase()).or_default() += 1;
        }
        lines.sort_by_cached_key(|l| {
            let form = l.keyword.to_lowercase();
            (
                std::cmp::Reverse(frequency[&form]),
                collation_key(&form, l.lang),
            )
        });
    }
}

/// The alphabets, in their order: a word sorts by its letters' places here.
const KAZAKH: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
const RUSSIAN: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
const ENGLISH: &str = "abcdefghijklmnopqrstuvwxyz";

/// A word's sort key in its language's alphabetical order, case ignored:
/// Kazakh `ә` after `а`, `ғ` after `г`, `қ` after `к` …; letters outside the
/// alphabet after it, in code point order.
pub fn collation_key(word: &str, lang: Lang) -> Vec<u32> {
    let alphabet = match lang {
        Lang::Kk => KAZAKH,
        Lang::Ru => RUSSIAN,
        Lang::En => ENGLISH,
    };
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match alphabet.chars().position(|a| a == c) {
            Some(place) => place as u32,
            None => 1000 + c as u32,
        })
        .collect()
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
fn print_counts(out: &mut impl Write, lines: &[Line], format: Format) -> std::io::Result<()> {
    let mut counts: BTreeMap<(Lang, String), BTreeMap<String, usize>> = BTreeMap::new();
    for line in lines {
        let docs = counts
            .entry((line.lang, line.keyword.to_lowercase()))
            .or_default();
        *docs.entry(line.doc.clone()).or_default() += 1;
    }
    let mut rows: Vec<(Lang, String, usize, BTreeMap<String, usize>)> = counts
        .into_iter()
        .map(|((lang, form), docs)| (lang, form, docs.values().sum(), docs))
        .collect();
    rows.sort_by(|a, b| {
        (a.0, std::cmp::Reverse(a.2), collation_key(&a.1, a.0)).cmp(&(
            b.0,
            std::cmp::Reverse(b.2),
            collation_key(&b.1, b.0),
        ))
    });
    match (format, format.table()) {
        (Format::Json, _) => {
            for (lang, form, count, docs) in &rows {
                let json = ushtil::view::FormCountView {
                    lang: *lang,
                    form,
                    count: *count,
                    docs,
                };
                writeln!(out, "{}", serde_json::to_string(&json)?)?;
            }
        }
        (_, Some(separator)) => {
            table::write_row(out, separator, ["lang", "form", "count", "docs"])?;
            for (lang, form, count, docs) in &rows {
                let docs: Vec<String> = docs.iter().map(|(d, n)| format!("{d}={n}")).collect();
                table::write_row(
                    out,
                    separator,
                    [
                        lang.code().to_owned(),
                        form.clone(),
                        count.to_string(),
                        docs.join(" "),
                    ],
                )?;
            }
        }
        (_, None) => {
            let mut current = None;
            for (lang, form, count, docs) in &rows {
                if current != Some(*lang) {
                    let total: usize = rows.iter().filter(|r| r.0 == *lang).map(|r| r.2).sum();
                    writeln!(out, "{lang}  {total} occurrences")?;
                    current = Some(*lang);
                }
                let docs: Vec<String> = docs.iter().map(|(d, n)| format!("{d} {n}")).collect();
                writeln!(
                    out,
                    "  {count:>6}  {form:<24} {DIM}{}{DIM:#}",
                    docs.join(", ")
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_letters_sort_in_kazakh_order() {
        let mut words = vec![
            "қазақ",
            "көп",
            "ғасыр",
            "гүл",
            "әке",
            "ана",
            "өмір",
            "орын",
            "ұлт",
            "үй",
            "іс",
            "ыдыс",
        ];
        words.sort_by_key(|w| collation_key(w, Lang::Kk));
        assert_eq!(
            words,
            [
                "ана",
                "әке",
                "гүл",
                "ғасыр",
                "көп",
                "қазақ",
                "орын",
                "өмір",
                "ұлт",
                "үй",
                "ыдыс",
                "іс"
            ]
        );
    }

    #[test]
    fn russian_yo_sorts_after_ye() {
        let mut words = vec!["ёлка", "ель", "жук"];
        words.sort_by_key(|w| collation_key(w, Lang::Ru));
        assert_eq!(words, ["ель", "ёлка", "жук"]);
    }

    #[test]
    fn positions_read_as_antconc_writes_them() {
        assert_eq!(parse_position("L1"), Ok(Position { left: true, n: 1 }));
        assert_eq!(parse_position("R3"), Ok(Position { left: false, n: 3 }));
        assert!(
            parse_position("X1").is_err()
                && parse_position("R9").is_err()
                && parse_position("").is_err()
                && parse_position("Л1").is_err()
        );
    }

    #[test]
    fn latin_words_in_a_kazakh_line_sort_after_the_kazakh_alphabet() {
        let mut words = vec!["Bolshevik", "әке", "ана", "я"];
        words.sort_by_key(|w| collation_key(w, Lang::Kk));
        assert_eq!(words, ["ана", "әке", "я", "Bolshevik"]);
        let mut words = vec!["zemstvo", "Alash", "élite"];
        words.sort_by_key(|w| collation_key(w, Lang::En));
        assert_eq!(words, ["Alash", "zemstvo", "élite"]);
    }
}
