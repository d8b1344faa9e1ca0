//! The alignment file `<doc>.align.tsv`: the abstracts' sentence alignment as
//! plain, diff-friendly text a curator can correct.
//!
//! One line per aligned group: the part, then for kk, ru and en the indices of
//! the group's sentences in that language's part (`0`, `1,2`, or `-` for
//! none), the aligner's confidence, and the sentences' opening words to read
//! by. A file whose header says `status: checked` is the curator's: `build`
//! uses its groups instead of the aligner's, for as long as the document's
//! sentences still fit it.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Division, Lang, Link, PerLang, Unit};

#[derive(Debug, thiserror::Error)]
#[error("{}: line {line}: {message}", path.display())]
pub struct AlignmentFileError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

/// The groups of one abstract part, as read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct PartAlignment {
    pub section: String,
    /// The 1-based line of each group, for errors.
    pub lines: Vec<usize>,
    pub links: Vec<Link>,
}

/// An alignment file as read.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignmentFile {
    /// Checked by hand: `build` honours it.
    pub checked: bool,
    pub parts: Vec<PartAlignment>,
}

const COLUMNS: &str = "# part\tkk\tru\ten\tconfidence\topening words";

/// Writes the alignment of a document's abstract units as a file's text.
pub fn render(doc: &str, units: &[Unit], checked: bool) -> String {
    let mut out = String::new();
    let status = if checked { "checked" } else { "proposed" };
    let _ = writeln!(out, "# ushtil alignment of {doc}");
    let _ = writeln!(
        out,
        "# status: {status}    (set it to `checked` once corrected: `ushtil build` then keeps these groups)"
    );
    let _ = writeln!(out, "{COLUMNS}");
    for unit in units.iter().filter(|u| u.division == Division::Abstract) {
        for (link, texts) in unit.links.iter().zip(unit.link_texts()) {
            let ids = Lang::ALL.map(|lang| {
                let ids = link.sentences.get(lang);
                if ids.is_empty() {
                    "-".to_owned()
                } else {
                    ids.iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join(",")
                }
            });
            let openings = Lang::ALL.map(|lang| texts.get(lang).map_or("—".to_owned(), opening));
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{:.2}\t{}",
                unit.section.name(),
                ids[0],
                ids[1],
                ids[2],
                link.confidence,
                openings.join(" | ")
            );
        }
    }
    out
}

/// The first words of a sentence, enough to recognise it.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(5).collect();
    let mut opening = words.join(" ");
    if text.split_whitespace().count() > 5 {
        opening.push('…');
    }
    opening
}

/// Whether an alignment file is checked by hand, from its `# status:` line.
/// A status other than `checked` or `proposed`, or none, is an error: a
/// mistyped `checked` must not pass for a proposal, whose groups `build`
/// ignores and `ushtil align` overwrites.
pub fn is_checked(path: &Path, text: &str) -> Result<bool, AlignmentFileError> {
    let text = crate::ingest::without_bom(text);
    let error = |line: usize, message: String| AlignmentFileError {
        path: path.to_owned(),
        line,
        message,
    };
    for (n, line) in text.lines().enumerate() {
        let Some(comment) = line.strip_prefix('#') else {
            continue;
        };
        if let Some(status) = comment.trim().strip_prefix("status:") {
            let word = status.split_whitespace().next().unwrap_or_default();
            return match word.to_lowercase().as_str() {
                "checked" => Ok(true),
                "proposed" => Ok(false),
                _ => Err(error(
                    n + 1,
                    format!("the status is `checked` or `proposed`, not {word:?}"),
                )),
            };
        }
    }
    Err(error(
        1,
        "no `# status: checked` (or `proposed`) line".to_owned(),
    ))
}

/// Reads an alignment file's text.
pub fn parse(path: &Path, text: &str) -> Result<AlignmentFile, AlignmentFileError> {
    let error = |line: usize, message: String| AlignmentFileError {
        path: path.to_owned(),
        line,
        message,
    };
    let text = crate::ingest::without_bom(text);
    let mut file = AlignmentFile {
        checked: is_checked(path, text)?,
        parts: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        let number = n + 1;
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 4 {
            return Err(error(
                number,
                format!("expected part, kk, ru, en columns, found {}", columns.len()),
            ));
        }
        let mut sentences = PerLang::<Vec<usize>>::default();
        for (lang, column) in Lang::ALL.into_iter().zip(&columns[1..4]) {
            if column.trim() == "-" {
                continue;
            }
            for id in column.split(',') {
                let id = id.trim().parse::<usize>().map_err(|_| {
                    error(
                        number,
                        format!("{lang}: {column:?} is not a list of sentence numbers or -"),
                    )
                })?;
                sentences.get_mut(lang).push(id);
            }
        }
        if Lang::ALL.iter().all(|&l| sentences.get(l).is_empty()) {
            return Err(error(number, "a group with no sentence".to_owned()));
        }
        let section = columns[0].trim().to_owned();
        let link = Link {
            sentences,
            confidence: 1.0,
        };
        match file.parts.last_mut().filter(|p| p.section == section) {
            Some(part) => {
                part.lines.push(number);
                part.links.push(link);
            }
            None => file.parts.push(PartAlignment {
                section,
                lines: vec![number],
                links: vec![link],
            }),
        }
    }
    Ok(file)
}

/// Puts a checked file's groups in place of the aligner's in the abstract
/// units. Every sentence of every part must be in exactly one group: a file
/// that no longer fits the document (its text changed) is an error, never
/// applied in part.
pub fn apply(
    path: &Path,
    file: &AlignmentFile,
    units: &mut [Unit],
) -> Result<(), AlignmentFileError> {
    let error = |line: usize, message: String| AlignmentFileError {
        path: path.to_owned(),
        line,
        message,
    };
    for part in &file.parts {
        let first_line = part.lines.first().copied().unwrap_or(1);
        let unit = units
            .iter_mut()
            .find(|u| u.division == Division::Abstract && u.section.name() == part.section)
            .ok_or_else(|| {
                error(
                    first_line,
                    format!("the document has no abstract part {:?}", part.section),
                )
            })?;
        for lang in Lang::ALL {
            let count = unit
                .passages
                .get(lang)
                .as_ref()
                .map_or(0, |p| p.sentences.len());
            let mut seen = BTreeSet::new();
            // The last sentence of the groups before, in this language.
            let mut last: Option<usize> = None;
            for (link, &line) in part.links.iter().zip(&part.lines) {
                let ids = link.sentences.get(lang);
                for &id in ids {
                    if id >= count {
                        return Err(error(
                            line,
                            format!(
                                "{lang} sentence {id}: the {} part has {count} in {lang}",
                                part.section
                            ),
                        ));
                    }
                    if !seen.insert(id) {
                        return Err(error(
                            line,
                            format!("{lang} sentence {id} is in two groups"),
                        ));
                    }
                }
                // A group is a run of sentences, and the groups follow the
                // text: a group stands for one stretch of each version.
                if ids.windows(2).any(|w| w[1] != w[0] + 1) {
                    return Err(error(
                        line,
                        format!("{lang} sentences {ids:?} of a group must follow each other"),
                    ));
                }
                if let (Some(&first), Some(before)) = (ids.first(), last) {
                    if first <= before {
                        return Err(error(
                            line,
                            format!(
                                "{lang} sentence {first} comes before sentence {before} of an earlier group"
                            ),
                        ));
                    }
                }
                last = ids.last().copied().or(last);
            }
            if seen.len() != count {
                let missing: Vec<usize> = (0..count).filter(|i| !seen.contains(i)).collect();
                return Err(error(
                    first_line,
                    format!(
                        "{lang} sentences {missing:?} of the {} part are in no group",
                        part.section
                    ),
                ));
            }
        }
        unit.links = part.links.clone();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> Vec<Unit> {
        let source = " Abstract. Results. The Government set the date for November 12-14 and 28, 1917. \
                      The Government itself was overthrown on October 25, 1917.\n\n\
                      \u{20}Аннотация. Результаты. Правительство назначило дату выборов на 12-14 и 28 ноября 1917. \
                      Само правительство было свергнуто 25 октября 1917 года. Судьба выборов оказалась в руках новой власти.\n\n";
        let document = crate::ingest::ingest("x", Default::default(), source);
        crate::align::align(&document)
    }

    #[test]
    fn a_proposal_reads_back_as_it_was_written() {
        let units = units();
        let text = render("x", &units, false);
        assert!(text.contains("# status: proposed"));
        let file = parse(Path::new("x.align.tsv"), &text).unwrap();
        assert!(!file.checked);
        assert_eq!(file.parts[0].section, "results");
        let written: Vec<&PerLang<Vec<usize>>> =
            units[0].links.iter().map(|l| &l.sentences).collect();
        let read: Vec<&PerLang<Vec<usize>>> =
            file.parts[0].links.iter().map(|l| &l.sentences).collect();
        assert_eq!(written, read);
    }

    #[test]
    fn a_checked_correction_replaces_the_groups() {
        let mut units = units();
        // The curator joins the second and third Russian sentences into one group.
        let text = "# status: checked\nresults\t-\t0\t0\t1\nresults\t-\t1,2\t1\t1\n";
        let file = parse(Path::new("x.align.tsv"), text).unwrap();
        assert!(file.checked);
        apply(Path::new("x.align.tsv"), &file, &mut units).unwrap();
        assert_eq!(units[0].links[1].sentences.ru, [1, 2]);
        assert_eq!(units[0].links[1].confidence, 1.0);
    }

    #[test]
    fn a_file_that_no_longer_fits_is_an_error_naming_its_line() {
        let mut units = units();
        let text = "# status: checked\nresults\t-\t0\t0\t1\nresults\t-\t1,5\t1\t1\n";
        let file = parse(Path::new("x.align.tsv"), text).unwrap();
        let error = apply(Path::new("x.align.tsv"), &file, &mut units).unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error
            .to_string()
            .starts_with("x.align.tsv: line 3: ru sentence 5"));
        let text = "# status: checked\nresults\t-\tone\t0\n";
        let error = parse(Path::new("x.align.tsv"), text).unwrap_err();
        assert_eq!(error.line, 2);
    }

    #[test]
    fn groups_are_runs_of_sentences_in_the_order_of_the_text() {
        let apply_text = |text: &str| {
            let file = parse(Path::new("x.align.tsv"), text).unwrap();
            apply(Path::new("x.align.tsv"), &file, &mut units())
        };
        // Every sentence once, but the Russian ones in a group out of order.
        let error =
            apply_text("# status: checked\nresults\t-\t1,0\t0\nresults\t-\t2\t1\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("must follow each other"), "{error}");
        // A group that skips a sentence another group holds.
        let error =
            apply_text("# status: checked\nresults\t-\t0,2\t0\nresults\t-\t1\t1\n").unwrap_err();
        assert_eq!(error.line, 2);
        // Groups that cross: the second group's Russian comes first.
        let error =
            apply_text("# status: checked\nresults\t-\t1,2\t0\nresults\t-\t0\t1\n").unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.message.contains("earlier group"), "{error}");
    }

    #[test]
    fn a_status_other_than_checked_or_proposed_is_an_error() {
        let path = Path::new("x.align.tsv");
        assert!(is_checked(path, "# status: Checked\n").unwrap());
        assert!(!is_checked(path, "# status: proposed  (set it …)\n").unwrap());
        let error = is_checked(path, "# ushtil alignment of x\n# status: cheked\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("\"cheked\""), "{error}");
        // Saved from a spreadsheet, with a byte-order mark.
        assert!(is_checked(path, "\u{feff}# status: checked\n").unwrap());
        let error = is_checked(path, "results\t-\t0\t0\n").unwrap_err();
        assert!(error.message.contains("no `# status"), "{error}");
    }
}
