//! The alignment file `<doc>.align.tsv`: a document's alignment as plain,
//! diff-friendly text a curator can correct.
//!
//! One line per aligned group: the part, then for kk, ru and en the indices of
//! the group's sentences in that language's part (`0`, `1,2`, or `-` for
//! none), the aligner's confidence, and the sentences' opening words to read
//! by. The abstracts' parts are named by their section (`results`). A
//! translated body has two kinds of line: `paragraphs`, a group of paragraphs
//! numbered within each language's version, then `body`, the sentence groups
//! inside it, their sentences numbered within the version too. A file whose
//! header says `status: checked` is the curator's: `build` uses its groups
//! instead of the aligner's, for as long as the document still fits it.

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

/// A group of a translated body's paragraphs and the sentence groups inside
/// it, as read from a file; numbers count within each language's version.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyGroup {
    pub line: usize,
    pub paragraphs: Link,
    /// The sentence groups and the line of each.
    pub sentences: Vec<(usize, Link)>,
}

/// An alignment file as read.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignmentFile {
    /// Checked by hand: `build` honours it.
    pub checked: bool,
    pub parts: Vec<PartAlignment>,
    /// A translated body's groups, in order.
    pub body: Vec<BodyGroup>,
}

/// The part names of a translated body's lines.
const PARAGRAPHS: &str = "paragraphs";
const BODY: &str = "body";

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
            let openings = texts.map(|_, t| t.map(opening));
            row(
                &mut out,
                unit.section.name(),
                &link.sentences,
                PerLang::default(),
                link.confidence,
                &openings,
            );
        }
    }
    // A translated body: its paragraphs and sentences counted from the
    // start of each language's version.
    let (mut paragraphs, mut sentences) =
        (PerLang::<usize>::default(), PerLang::<usize>::default());
    for unit in units.iter().filter(|u| u.paragraphs.is_some()) {
        let counts = unit.paragraphs.unwrap_or_default();
        let group = PerLang::from_fn(|lang| (0..*counts.get(lang)).collect::<Vec<_>>());
        let openings = PerLang::from_fn(|lang| unit.text(lang).map(opening));
        row(
            &mut out,
            PARAGRAPHS,
            &group,
            paragraphs,
            unit.confidence,
            &openings,
        );
        for (link, texts) in unit.links.iter().zip(unit.link_texts()) {
            let openings = texts.map(|_, t| t.map(opening));
            row(
                &mut out,
                BODY,
                &link.sentences,
                sentences,
                link.confidence,
                &openings,
            );
        }
        for lang in Lang::ALL {
            *paragraphs.get_mut(lang) += counts.get(lang);
            *sentences.get_mut(lang) += unit
                .passages
                .get(lang)
                .as_ref()
                .map_or(0, |p| p.sentences.len());
        }
    }
    out
}

/// One line: the part, each language's numbers (shifted by `offset`), the
/// confidence and the opening words.
fn row(
    out: &mut String,
    part: &str,
    ids: &PerLang<Vec<usize>>,
    offset: PerLang<usize>,
    confidence: f32,
    openings: &PerLang<Option<String>>,
) {
    let ids = Lang::ALL.map(|lang| {
        let ids = ids.get(lang);
        if ids.is_empty() {
            "-".to_owned()
        } else {
            ids.iter()
                .map(|i| (i + offset.get(lang)).to_string())
                .collect::<Vec<_>>()
                .join(",")
        }
    });
    let openings = Lang::ALL.map(|lang| openings.get(lang).clone().unwrap_or("—".to_owned()));
    let _ = writeln!(
        out,
        "{part}\t{}\t{}\t{}\t{confidence:.2}\t{}",
        ids[0],
        ids[1],
        ids[2],
        openings.join(" | ")
    );
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
        body: Vec::new(),
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
            memory: None,
        };
        if section == PARAGRAPHS {
            file.body.push(BodyGroup {
                line: number,
                paragraphs: link,
                sentences: Vec::new(),
            });
            continue;
        }
        if section == BODY {
            let Some(group) = file.body.last_mut() else {
                return Err(error(
                    number,
                    "a body sentence group before any `paragraphs` line".to_owned(),
                ));
            };
            group.sentences.push((number, link));
            continue;
        }
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
            let groups: Vec<(usize, &[usize])> = part
                .links
                .iter()
                .zip(&part.lines)
                .map(|(l, &line)| (line, l.sentences.get(lang).as_slice()))
                .collect();
            let name = format!("the {} part", part.section);
            check_groups(path, lang, &groups, 0..count, "sentence", &name, first_line)?;
        }
        unit.links = part.links.clone();
    }
    Ok(())
}

/// Checks one language's numbers in a run of groups: each of `range` in
/// exactly one group, a group a run of consecutive numbers, the groups in the
/// order of the text. `what` names the numbers (`sentence`), `part` where
/// they are counted (`the results part`).
fn check_groups(
    path: &Path,
    lang: Lang,
    groups: &[(usize, &[usize])],
    range: std::ops::Range<usize>,
    what: &str,
    part: &str,
    first_line: usize,
) -> Result<(), AlignmentFileError> {
    let error = |line: usize, message: String| AlignmentFileError {
        path: path.to_owned(),
        line,
        message,
    };
    let mut seen = BTreeSet::new();
    // The last number of the groups before, in this language.
    let mut last: Option<usize> = None;
    for &(line, ids) in groups {
        for &id in ids {
            if !range.contains(&id) {
                return Err(error(
                    line,
                    format!(
                        "{lang} {what} {id}: {part} has {what}s {} to {} in {lang}",
                        range.start,
                        range.end as i64 - 1
                    ),
                ));
            }
            if !seen.insert(id) {
                return Err(error(line, format!("{lang} {what} {id} is in two groups")));
            }
        }
        // A group is a run, and the groups follow the text: a group stands
        // for one stretch of each version.
        if ids.windows(2).any(|w| w[1] != w[0] + 1) {
            return Err(error(
                line,
                format!("{lang} {what}s {ids:?} of a group must follow each other"),
            ));
        }
        if let (Some(&first), Some(before)) = (ids.first(), last) {
            if first <= before {
                return Err(error(
                    line,
                    format!(
                        "{lang} {what} {first} comes before {what} {before} of an earlier group"
                    ),
                ));
            }
        }
        last = ids.last().copied().or(last);
    }
    if seen.len() != range.len() {
        let missing: Vec<usize> = range.filter(|i| !seen.contains(i)).collect();
        return Err(error(
            first_line,
            format!("{lang} {what}s {missing:?} of {part} are in no group"),
        ));
    }
    Ok(())
}

/// Puts a checked file's groups of a translated body in place of the
/// aligner's: its paragraph groups, and inside each its sentence groups
/// where the file gives them (else the aligner's for that group). Every
/// paragraph and every sentence must be in exactly one group, and a sentence
/// group inside its paragraph group.
pub fn apply_body(
    path: &Path,
    file: &AlignmentFile,
    document: &crate::model::Document,
    units: &mut Vec<Unit>,
) -> Result<(), AlignmentFileError> {
    let Some(first) = file.body.first() else {
        return Ok(());
    };
    if !crate::align::is_translated(document) {
        return Err(AlignmentFileError {
            path: path.to_owned(),
            line: first.line,
            message: "the document's body is not a translated text: it has no paragraph groups"
                .to_owned(),
        });
    }
    let counts = crate::align::version_sentences(document);
    for lang in Lang::ALL {
        let groups: Vec<(usize, &[usize])> = file
            .body
            .iter()
            .map(|g| (g.line, g.paragraphs.sentences.get(lang).as_slice()))
            .collect();
        let paragraphs = counts.get(lang).len();
        check_groups(
            path,
            lang,
            &groups,
            0..paragraphs,
            "paragraph",
            "the body",
            first.line,
        )?;
    }
    // Each group's sentences, from the first of its first paragraph.
    let starts = counts.map(|_, c| {
        let mut at = 0;
        let mut starts = vec![0];
        for n in c {
            at += n;
            starts.push(at);
        }
        starts
    });
    let mut sentences = Vec::new();
    for group in &file.body {
        if group.sentences.is_empty() {
            sentences.push(None);
            continue;
        }
        let span = PerLang::from_fn(|lang| {
            let ids = group.paragraphs.sentences.get(lang);
            match (ids.first(), ids.last()) {
                (Some(&a), Some(&b)) => starts.get(lang)[a]..starts.get(lang)[b + 1],
                _ => 0..0,
            }
        });
        for lang in Lang::ALL {
            let groups: Vec<(usize, &[usize])> = group
                .sentences
                .iter()
                .map(|(line, l)| (*line, l.sentences.get(lang).as_slice()))
                .collect();
            let part = format!("the paragraph group of line {}", group.line);
            check_groups(
                path,
                lang,
                &groups,
                span.get(lang).clone(),
                "sentence",
                &part,
                group.line,
            )?;
        }
        let local = group
            .sentences
            .iter()
            .map(|(_, link)| Link {
                sentences: link
                    .sentences
                    .map(|lang, ids| ids.iter().map(|i| i - span.get(lang).start).collect()),
                confidence: 1.0,
                memory: None,
            })
            .collect::<Vec<_>>();
        sentences.push(Some(local));
    }
    let groups: Vec<Link> = file.body.iter().map(|g| g.paragraphs.clone()).collect();
    units.retain(|u| u.division == Division::Abstract);
    let mut body = crate::align::body_units(document, &groups, &sentences, units.len());
    units.append(&mut body);
    let first = units.len();
    units.extend(crate::align::matter_units(document, first));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

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

    /// Article 3 of the Constitution of Kazakhstan in Russian and English,
    /// one paragraph a line: a heading and two numbered points.
    fn translated() -> crate::model::Document {
        let files = [
            (
                Lang::Ru,
                "Статья 3\n1. Единственным источником государственной власти является народ.\n\
                 2. Народ осуществляет власть непосредственно через республиканский референдум и свободные выборы. \
                 Он также делегирует осуществление своей власти государственным органам.\n",
            ),
            (
                Lang::En,
                "Article 3\n1. The people shall be the only source of governmental power.\n\
                 2. The people shall exercise power directly through national referendum and free elections, \
                 as well as delegate the execution of their ability to state institutions.\n",
            ),
        ];
        let files: Vec<(Lang, PathBuf, String)> = files
            .iter()
            .map(|(l, t)| (*l, PathBuf::from(format!("x.{l}.txt")), t.to_string()))
            .collect();
        crate::ingest::ingest_versions("x", Default::default(), &files)
    }

    #[test]
    fn a_translated_body_reads_back_as_it_was_written() {
        let document = translated();
        let units = crate::align::align(&document);
        let shapes: Vec<Option<PerLang<usize>>> = units.iter().map(|u| u.paragraphs).collect();
        let one = Some(PerLang {
            kk: 0,
            ru: 1,
            en: 1,
        });
        assert_eq!(shapes, [one, one, one]);
        let text = render("x", &units, false);
        assert!(text.contains("paragraphs\t-\t2\t2\t"), "{text}");
        // The Russian second point has two sentences, the English one.
        assert!(text.contains("body\t-\t2,3\t2\t"), "{text}");
        let file = parse(Path::new("x.align.tsv"), &text).unwrap();
        assert_eq!(file.body.len(), 3);
        let mut applied = units.clone();
        apply_body(Path::new("x.align.tsv"), &file, &document, &mut applied).unwrap();
        let links = |units: &[Unit]| -> Vec<Vec<PerLang<Vec<usize>>>> {
            units
                .iter()
                .map(|u| u.links.iter().map(|l| l.sentences.clone()).collect())
                .collect()
        };
        assert_eq!(links(&applied), links(&units));
    }

    #[test]
    fn a_checked_body_regroups_paragraphs_and_sentences() {
        let document = translated();
        let mut units = crate::align::align(&document);
        // The curator joins the heading to the first point, and cuts the
        // second point's sentences one by one, leaving the second Russian
        // one without counterpart.
        let text = "# status: checked\n\
                    paragraphs\t-\t0,1\t0,1\n\
                    paragraphs\t-\t2\t2\n\
                    body\t-\t2\t2\n\
                    body\t-\t3\t-\n";
        let file = parse(Path::new("x.align.tsv"), text).unwrap();
        apply_body(Path::new("x.align.tsv"), &file, &document, &mut units).unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(
            units[0].paragraphs,
            Some(PerLang {
                kk: 0,
                ru: 2,
                en: 2
            })
        );
        assert!(units[0]
            .text(Lang::Ru)
            .unwrap()
            .starts_with("Статья 3 1. Единственным"));
        let second: Vec<(Vec<usize>, Vec<usize>)> = units[1]
            .links
            .iter()
            .map(|l| (l.sentences.ru.clone(), l.sentences.en.clone()))
            .collect();
        assert_eq!(second, [(vec![0], vec![0]), (vec![1], vec![])]);
        assert_eq!(units[1].confidence, 1.0);
    }

    #[test]
    fn a_checked_body_that_does_not_fit_is_an_error_naming_its_line() {
        let document = translated();
        let check = |text: &str| {
            let file = parse(Path::new("x.align.tsv"), text).unwrap();
            let mut units = crate::align::align(&document);
            apply_body(Path::new("x.align.tsv"), &file, &document, &mut units).unwrap_err()
        };
        // A paragraph left out.
        let error = check("# status: checked\nparagraphs\t-\t0,1\t0,1\n");
        assert!(error.message.contains("ru paragraphs [2]"), "{error}");
        // A sentence group reaching outside its paragraph group.
        let error = check(
            "# status: checked\nparagraphs\t-\t0,1\t0,1\nbody\t-\t0,1,2\t0,1\nparagraphs\t-\t2\t2\n",
        );
        assert_eq!(error.line, 3, "{error}");
        // Sentence groups before any paragraph group.
        let error = parse(
            Path::new("x.align.tsv"),
            "# status: checked\nbody\t-\t0\t0\n",
        )
        .unwrap_err();
        assert_eq!(error.line, 2);
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
