//! `ushtil compare DOC`: lays a document's translations side by side, one
//! column per language and one aligned sentence group per row, so that what one
//! version adds or drops shows at once as an empty cell; ends with a summary of
//! the sentences each version has that another lacks.

use std::io::{BufWriter, IsTerminal, Write};

use anyhow::bail;
use ushtil::model::{Division, Lang, PerLang, Unit};

use super::output::{Format, DIM, HEADER, MISSING};
use super::{table, Context, Status};

#[derive(clap::Args)]
pub struct Args {
    /// A document id of the corpus, or the path of a text file.
    doc: String,
    /// Only this part: of the abstracts (introduction, goals, materials,
    /// results, conclusion, keywords …), of a translated text's body (`body`,
    /// a paragraph group by its number `5` or unit `u005`, or the groups from
    /// a heading such as `Статья 3` or `3-бап` to the next heading).
    #[arg(long, value_name = "PART")]
    section: Option<String>,
    /// The languages to show, in this order (default: kk,ru,en; as text,
    /// those the document has).
    #[arg(long, value_delimiter = ',')]
    langs: Option<Vec<Lang>>,
    /// Width of the table in characters (default: the terminal's, or 120 in a pipe).
    #[arg(long)]
    width: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Open TSV or CSV with a UTF-8 byte-order mark, which Excel needs to
    /// read it as UTF-8.
    #[arg(long)]
    bom: bool,
    /// Only the groups the aligner is least sure of (below --threshold), for a curator to check first.
    #[arg(long)]
    weak: bool,
    /// The confidence below which a group is weak.
    #[arg(long, default_value_t = 0.7, requires = "weak")]
    threshold: f32,
}

/// One row of the comparison.
pub struct Row<'a> {
    doc: &'a str,
    /// The unit, for a translated body's paragraph group.
    unit: Option<&'a str>,
    /// As search prints it: `abstract/results`.
    section: String,
    group: usize,
    confidence: f32,
    texts: PerLang<Option<&'a str>>,
    sentences: &'a PerLang<Vec<usize>>,
    /// Each language's sentences, one by one.
    sentence_texts: PerLang<Vec<&'a str>>,
}

impl Row<'_> {
    /// What the table heads the row's part with: `abstract/results`, or a
    /// paragraph group's section and unit, `body/front u003`.
    fn heading(&self) -> String {
        match self.unit {
            Some(unit) => format!("{} {unit}", self.section),
            None => self.section.clone(),
        }
    }

    /// The row as JSON, with the languages shown only: each one's text (null
    /// where the group has none) and its sentence numbers in `sentences`.
    pub fn view(&self, langs: &[Lang]) -> ushtil::view::CompareRowView<'_> {
        use ushtil::view::ByLang;
        ushtil::view::CompareRowView {
            doc: self.doc,
            unit: self.unit,
            section: &self.section,
            group: self.group,
            confidence: self.confidence,
            texts: ByLang(langs.iter().map(|&l| (l, *self.texts.get(l))).collect()),
            sentences: ByLang(
                langs
                    .iter()
                    .map(|&l| (l, self.sentences.get(l).as_slice()))
                    .collect(),
            ),
            sentence_texts: ByLang(
                langs
                    .iter()
                    .map(|&l| (l, self.sentence_texts.get(l).clone()))
                    .collect(),
            ),
        }
    }
}

/// Whether a unit is of the part `wanted`, named as compare's help names it
/// (`results`, `body`, `u005`, `5`) or as search prints it (`abstract/results`).
fn is_part(unit: &Unit, wanted: &str) -> bool {
    let wanted = wanted.trim().to_lowercase();
    if wanted == unit.section_path() {
        return true;
    }
    if wanted == "body" {
        return unit.division == Division::Body;
    }
    if wanted == unit.id || wanted.parse::<usize>().is_ok_and(|n| n == unit.ordinal()) {
        return true;
    }
    let wanted = wanted.strip_prefix("abstract/").unwrap_or(&wanted);
    unit.division == Division::Abstract && unit.section.name() == wanted
}

/// A body unit that reads as a heading: each language's text a few words
/// that end no clause and no sentence (`Article 1. Basic concepts …`,
/// `Раздел I. Общие положения`, `Статья 3.`), not a short point of a law
/// (`1. The people shall be the only source of governmental power.`).
fn is_heading(unit: &Unit) -> bool {
    unit.division == Division::Body
        && (unit.kind == ushtil::model::BlockKind::Heading
            || Lang::ALL.iter().filter_map(|&l| unit.text(l)).all(|t| {
                let t = t.trim_end();
                let words = t.split_whitespace().count();
                words <= 12 && !t.ends_with([';', ':', ',']) && (words <= 3 || !t.ends_with('.'))
            }))
}

/// A heading's words, lower-cased, without punctuation: `article 1`.
fn heading_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The units from the heading `wanted` (in any language, any case, its
/// first words enough: `1-бап`, `Article 1`) to the next heading.
fn from_heading<'a>(units: &[&'a Unit], wanted: &str) -> Vec<&'a Unit> {
    let wanted = heading_words(wanted);
    if wanted.is_empty() {
        return Vec::new();
    }
    let Some(start) = units.iter().position(|u| {
        is_heading(u)
            && Lang::ALL
                .iter()
                .filter_map(|&l| u.text(l))
                .any(|t| heading_words(t).starts_with(&wanted))
    }) else {
        return Vec::new();
    };
    let end = units[start + 1..]
        .iter()
        .position(|u| is_heading(u))
        .map_or(units.len(), |n| start + 1 + n);
    units[start..end].to_vec()
}

/// The units of document `doc` (an id of the corpus, or a text file's
/// path) that compare shows: its abstracts and translated body, or of them
/// the part `section`; an error names the parts there are.
pub fn compared_units(
    context: &Context,
    doc: &str,
    section: Option<&str>,
) -> anyhow::Result<Vec<Unit>> {
    let source = context.source(doc)?;
    let units = ushtil::build::read_units(&source)?.units;
    // The abstracts and, of a translated text, the body's paragraph groups.
    let abstracts: Vec<&Unit> = units
        .iter()
        .filter(|u| u.division == Division::Abstract || u.paragraphs.is_some())
        .collect();
    if abstracts.is_empty() {
        bail!(
            "{}: no abstracts or translations to compare",
            source.path().display()
        );
    }
    let mut units: Vec<&Unit> = abstracts
        .iter()
        .copied()
        .filter(|u| section.is_none_or(|s| is_part(u, s)))
        .collect();
    if let (true, Some(wanted)) = (units.is_empty(), section) {
        units = from_heading(&abstracts, wanted);
    }
    if units.is_empty() {
        let mut parts: Vec<String> = Vec::new();
        for unit in &abstracts {
            let part = match unit.division {
                Division::Abstract => unit.section.name().to_owned(),
                division => division.name().to_owned(),
            };
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
        // The headings it could be, in the first language each has.
        let headings: Vec<String> = abstracts
            .iter()
            .filter(|u| is_heading(u))
            .filter_map(|u| Lang::ALL.iter().find_map(|&l| u.text(l)))
            .take(8)
            .map(|t| format!("{t:?}"))
            .collect();
        let headings = match headings.is_empty() {
            true => String::new(),
            false => format!("; headings {}", headings.join(", ")),
        };
        bail!(
            "{}: no part {:?} (it has {}{headings})",
            source.id,
            section.unwrap_or_default(),
            parts.join(", ")
        );
    }
    Ok(units.into_iter().cloned().collect())
}

/// The rows of `units`: one per aligned sentence group; given `weak`, only
/// those less sure than it.
pub fn rows(units: &[Unit], weak: Option<f32>) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    for unit in units {
        for (n, (link, texts)) in unit.links.iter().zip(unit.link_texts()).enumerate() {
            // A sentence group is as sure as its paragraph group at most: in
            // a paragraph group the aligner doubts, every group is weak.
            let confidence = link.confidence.min(unit.confidence);
            if weak.is_some_and(|threshold| confidence >= threshold) {
                continue;
            }
            rows.push(Row {
                doc: &unit.doc,
                unit: unit.paragraphs.map(|_| unit.id.as_str()),
                section: unit.section_path(),
                group: n + 1,
                confidence,
                texts,
                sentences: &link.sentences,
                sentence_texts: PerLang::from_fn(|lang| {
                    let passage = unit.passages.get(lang).as_ref();
                    link.sentences
                        .get(lang)
                        .iter()
                        .filter_map(|&i| passage?.slice(&[i]))
                        .collect()
                }),
            });
        }
    }
    rows
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    if args.langs.as_ref().is_some_and(Vec::is_empty) {
        bail!("--langs names no language");
    }
    let units = compared_units(context, &args.doc, args.section.as_deref())?;
    let rows = rows(&units, args.weak.then_some(args.threshold));
    // A table shows the languages the document has, unless told otherwise:
    // no column of `—` for a language it never had. JSON and TSV keep all
    // three, for scripts.
    let langs: Vec<Lang> = match (&args.langs, args.format) {
        (Some(langs), _) => langs.clone(),
        (None, Format::Text) => Lang::ALL
            .into_iter()
            .filter(|&l| units.iter().any(|u| u.text(l).is_some()))
            .collect(),
        (None, _) => Lang::ALL.to_vec(),
    };
    let mut out = BufWriter::new(anstream::stdout().lock());
    match (args.format, args.format.table()) {
        (Format::Json, _) => {
            for row in &rows {
                writeln!(out, "{}", serde_json::to_string(&row.view(&langs))?)?;
            }
        }
        (_, Some(separator)) => {
            let header = ["doc", "unit", "section", "group", "confidence"]
                .into_iter()
                .chain(langs.iter().map(|l| l.code()));
            table::write_head(&mut out, separator, args.bom, header)?;
            for row in &rows {
                let cells = [
                    row.doc.to_string(),
                    row.unit.unwrap_or_default().to_string(),
                    row.section.to_string(),
                    row.group.to_string(),
                    format!("{:.2}", row.confidence),
                ]
                .into_iter()
                .chain(
                    langs
                        .iter()
                        .map(|&l| row.texts.get(l).unwrap_or_default().to_string()),
                );
                table::write_row(&mut out, separator, cells)?;
            }
        }
        (_, None) => {
            let width = args.width.unwrap_or_else(terminal_width);
            print_table(&mut out, &rows, &langs, width)?;
            if !args.weak {
                print_summary(&mut out, &units, &langs)?;
            }
        }
    }
    out.flush()?;
    Ok(if rows.is_empty() {
        Status::NotFound
    } else {
        Status::Found
    })
}

pub fn terminal_width() -> usize {
    if std::io::stdout().is_terminal() {
        if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
            return usize::from(w).max(40);
        }
    }
    120
}

/// The columns: a narrow gutter for the group, then one column per language.
fn print_table(
    out: &mut impl Write,
    rows: &[Row],
    langs: &[Lang],
    width: usize,
) -> std::io::Result<()> {
    const GUTTER: usize = 6;
    let column = (width.saturating_sub(GUTTER) / langs.len())
        .saturating_sub(2)
        .max(12);
    let header: Vec<String> = langs.iter().map(|l| pad(l.code(), column)).collect();
    writeln!(out, "{HEADER}{:GUTTER$}{}{HEADER:#}", "", header.join("  "))?;
    let mut section = String::new();
    for row in rows {
        if row.heading() != section {
            section = row.heading();
            writeln!(out, "{HEADER}{section}{HEADER:#}")?;
        }
        let cells: Vec<Vec<String>> = langs
            .iter()
            .map(|&l| row.texts.get(l).map_or_else(Vec::new, |t| wrap(t, column)))
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for line in 0..height {
            let gutter = match line {
                0 => format!("{:<GUTTER$}", row.group),
                1 => format!("{DIM}{:<GUTTER$.2}{DIM:#}", row.confidence),
                _ => " ".repeat(GUTTER),
            };
            write!(out, "{gutter}")?;
            for (n, cell) in cells.iter().enumerate() {
                let text = match (cell.get(line), line) {
                    (Some(text), _) => pad(text, column),
                    // A language with no sentence in the group: marked on the row's first line.
                    (None, 0) if cell.is_empty() => {
                        format!("{MISSING}{}{MISSING:#}", pad("—", column))
                    }
                    (None, _) => " ".repeat(column),
                };
                if n + 1 < cells.len() {
                    write!(out, "{text}  ")?;
                } else {
                    write!(out, "{}", text.trim_end())?;
                }
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// For each language, how many of its sentences have no counterpart in each other language.
fn print_summary(out: &mut impl Write, units: &[Unit], langs: &[Lang]) -> std::io::Result<()> {
    writeln!(out)?;
    for &lang in langs {
        let mut sentences = 0;
        let mut lacking = PerLang::<usize>::default();
        for unit in units {
            for link in &unit.links {
                let own = link.sentences.get(lang).len();
                sentences += own;
                for &other in langs.iter().filter(|&&o| o != lang) {
                    let compared = unit.passages.get(other).is_some() || unit.paragraphs.is_some();
                    if link.sentences.get(other).is_empty() && compared {
                        *lacking.get_mut(other) += own;
                    }
                }
            }
        }
        let gaps: Vec<String> = langs
            .iter()
            .filter(|&&o| o != lang)
            .map(|&o| format!("{} not in {o}", lacking.get(o)))
            .collect();
        writeln!(
            out,
            "{HEADER}{lang}{HEADER:#}  {sentences} sentence{}; {}",
            if sentences == 1 { "" } else { "s" },
            gaps.join(", ")
        )?;
    }
    Ok(())
}

/// `text` padded with spaces to `width` characters.
fn pad(text: &str, width: usize) -> String {
    let length = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(length)))
}

/// Word-wraps `text` into lines of at most `width` characters (a longer word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let needed = if line.is_empty() {
            0
        } else {
            line.chars().count() + 1
        };
        if needed + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_whole_within_the_width() {
        let lines = wrap("Уақытша үкімет Бүкілресейлік Құрылтай жиналысын сайлау", 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "Уақытша үкімет Бүкілресейлік Құрылтай жиналысын сайлау"
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
