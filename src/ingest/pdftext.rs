//! From the lines a PDF text extractor writes to raw paragraphs and tables.
//!
//! The extractor hard-wraps every line, may follow each with an empty line,
//! starts a new page with a line indented by one space, and does not mark
//! paragraph ends. A paragraph ends where a line ends a sentence well short of
//! the page's usual width, where a label starts the next line (`Results.`),
//! or at a table; a page break alone does not end one.

use std::sync::LazyLock;

use super::front;
use super::labels::{self, Announces, Label};
use super::segment;
use crate::model::{Repair, RepairKind};
use crate::text::russian;

/// A paragraph or table as rebuilt from the source lines.
#[derive(Debug, Clone, PartialEq)]
pub struct RawParagraph {
    /// The text, hard line breaks joined with spaces (a table's rows with `\n`).
    pub text: String,
    /// (byte offset in `text`, 1-based source line) for each source line joined in.
    pub lines: Vec<(usize, usize)>,
    pub is_table: bool,
    /// A table's rows after its caption, cut into cells.
    pub rows: Vec<Vec<String>>,
}

impl RawParagraph {
    fn new(line: &Line, is_table: bool) -> Self {
        RawParagraph {
            text: line.text.clone(),
            lines: vec![(0, line.number)],
            is_table,
            rows: Vec::new(),
        }
    }

    /// The source line that holds byte `offset` of the text.
    pub fn line_at(&self, offset: usize) -> usize {
        let i = self.lines.partition_point(|&(at, _)| at <= offset);
        self.lines[i.saturating_sub(1)].1
    }

    fn push_line(&mut self, line: &Line, separator: &str) {
        self.text.push_str(separator);
        self.lines.push((self.text.len(), line.number));
        self.text.push_str(&line.text);
    }

    /// Joins a wrapped line. A line ending in a hyphen after a letter or digit
    /// continues the word (`self-` + `determination`, `26-` + `30.12.1917`):
    /// returns the byte offset of that hyphen.
    fn join(&mut self, line: &Line) -> Option<usize> {
        // A soft hyphen ends a line only where the word was broken: it goes.
        if self.text.ends_with(SOFT_HYPHEN) {
            self.text.pop();
            self.push_line(line, "");
            return None;
        }
        let hyphenated = self.text.ends_with('-')
            && self.text[..self.text.len() - 1].ends_with(char::is_alphanumeric)
            && line.text.starts_with(char::is_alphanumeric);
        let hyphen = hyphenated.then_some(self.text.len() - 1);
        self.push_line(line, if hyphenated { "" } else { " " });
        hyphen
    }

    /// Appends another paragraph after `separator`, with its line numbers.
    pub fn append(&mut self, other: &RawParagraph, separator: &str) {
        self.text.push_str(separator);
        let offset = self.text.len();
        self.text.push_str(&other.text);
        self.lines
            .extend(other.lines.iter().map(|&(at, line)| (at + offset, line)));
    }

    /// The part of the paragraph in `range`, with its line numbers.
    pub fn slice(&self, range: std::ops::Range<usize>) -> RawParagraph {
        let first = self.line_at(range.start);
        let mut lines = vec![(0, first)];
        lines.extend(
            self.lines
                .iter()
                .filter(|&&(at, _)| at > range.start && at < range.end)
                .map(|&(at, line)| (at - range.start, line)),
        );
        RawParagraph {
            text: self.text[range].to_owned(),
            lines,
            is_table: self.is_table,
            rows: Vec::new(),
        }
    }

    /// Removes the hyphen at byte `at`, shifting the line offsets after it.
    /// Inserts a space at byte `at` (a repair cutting a word in two).
    pub(super) fn insert_space(&mut self, at: usize) {
        self.text.insert(at, ' ');
        for entry in self.lines.iter_mut().filter(|(offset, _)| *offset > at) {
            entry.0 += 1;
        }
    }

    fn remove_hyphen(&mut self, at: usize) {
        self.text.remove(at);
        for entry in self.lines.iter_mut().filter(|(offset, _)| *offset > at) {
            entry.0 -= 1;
        }
    }
}

/// Paragraphs rebuilt from a source, with the repairs made on the way.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub paragraphs: Vec<RawParagraph>,
    pub repairs: Vec<Repair>,
}

/// One non-empty source line.
#[derive(Debug, Clone)]
struct Line<'a> {
    number: usize,
    /// Trimmed, with runs of spaces collapsed.
    text: String,
    /// Characters before collapsing, for comparing against the page width.
    width: usize,
    /// The line is blank but for spaces: the extractor's mark of a page or table end.
    blank: bool,
    /// Runs of spaces inside the line were collapsed.
    collapsed: bool,
    /// The line as printed.
    printed: &'a str,
}

impl Line<'_> {
    /// The line cut at runs of two or more spaces or at tabs: a table row's
    /// cells. Cut only for a table's rows, so that prose lines are not copied.
    fn cells(&self) -> Vec<String> {
        self.printed
            .split("  ")
            .flat_map(|c| c.split('\t'))
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

fn read_lines(source: &str) -> Vec<Line<'_>> {
    let raw: Vec<&str> = source.lines().collect();
    // Double-spaced output (every line followed by an empty one) says nothing by
    // its empty lines; otherwise an empty line is a paragraph break.
    let text_lines = raw.iter().filter(|l| !l.is_empty()).count();
    let followed_by_empty = raw
        .windows(2)
        .filter(|w| !w[0].is_empty() && w[1].is_empty())
        .count();
    let double_spaced = followed_by_empty * 4 >= text_lines * 3;
    raw.iter()
        .enumerate()
        .filter(|(_, l)| !(double_spaced && l.is_empty()))
        .map(|(i, l)| Line {
            number: i + 1,
            text: collapse_spaces(&letters_only(l)),
            width: l.trim().chars().count(),
            blank: l.trim().is_empty(),
            collapsed: l.trim().contains("  "),
            printed: l,
        })
        .collect()
}

const SOFT_HYPHEN: char = '\u{ad}';

/// Characters that are no letters of the text: zero-width spaces and
/// joiners, the byte-order mark, a soft hyphen inside a line (it only says
/// where a word may break).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        SOFT_HYPHEN | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// A ligature as its letters (`ﬁ` is `fi`), and the letters an old Kazakh
/// font put for Kazakh's own: Abkhaz and Altai letters where ә ө ұ ү were
/// meant (`жҽне` is `және`, `ҧлттық` `ұлттық`, `кҥшеюі` `күшеюі`, `ҿз` `өз`,
/// `ҼОК` `ӘОК`), as extractors read PDFs typeset in it.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'ҽ' => "ә",
        'Ҽ' => "Ә",
        'ҿ' => "ө",
        'Ҿ' => "Ө",
        'ҧ' => "ұ",
        'Ҧ' => "Ұ",
        'ҥ' => "ү",
        'Ҥ' => "Ү",
        _ => return None,
    })
}

/// The line with its invisible characters dropped and its ligatures spelt
/// out; a soft hyphen at its end stays, to join the word broken there.
fn letters_only(line: &str) -> std::borrow::Cow<'_, str> {
    if !line
        .chars()
        .any(|c| is_invisible(c) || ligature(c).is_some())
    {
        return line.into();
    }
    let trimmed = line.trim_end();
    let soft_end = trimmed.ends_with(SOFT_HYPHEN);
    let mut out = String::with_capacity(line.len());
    for c in trimmed.chars() {
        match ligature(c) {
            Some(letters) => out.push_str(letters),
            None if is_invisible(c) => {}
            None => out.push(c),
        }
    }
    if soft_end {
        out.push(SOFT_HYPHEN);
    }
    out.into()
}

/// The line with each invisible character shown by its code (`\u{ad}`).
fn show_invisible(line: &str) -> String {
    line.chars()
        .map(|c| match is_invisible(c) {
            true => c.escape_unicode().to_string(),
            false => c.to_string(),
        })
        .collect()
}

/// `line` trimmed, each run of white space one space.
fn collapse_spaces(line: &str) -> String {
    let mut text = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    text
}

/// Line widths of a page, in characters.
#[derive(Debug, Clone, Copy)]
struct Widths {
    /// The usual width of a full line: the upper quartile.
    usual: usize,
    /// About the widest a line gets: the 98th percentile.
    widest: usize,
}

impl Widths {
    fn of(lines: &[Line]) -> Self {
        let mut widths: Vec<usize> = lines.iter().map(|l| l.width).filter(|&w| w >= 20).collect();
        widths.sort_unstable();
        let at = |share: usize| widths.get(widths.len() * share / 100).copied();
        Widths {
            usual: at(75).unwrap_or(80),
            widest: at(98).unwrap_or(90),
        }
    }

    /// Well short of a full line: no justified line of running text is.
    fn is_short(&self, width: usize) -> bool {
        width * 5 < self.usual * 4
    }

    /// So short that only a heading, a signature or a list item's last line is.
    fn is_very_short(&self, width: usize) -> bool {
        width * 5 < self.usual * 3
    }
}

/// Whether a paragraph ends between `line` and `next`. Where a line ends a
/// sentence, the paragraph ends if the line is short, or if the next line's
/// first word would have fitted on it (the typesetter would have put it
/// there), or if the line closes a quotation with its reference
/// (`… God!» (Bulletin, 1917).`). A line ending in a colon before an opening
/// quotation mark introduces a quotation set apart. A very short line ends a
/// paragraph even without a full stop (a title, a signature) when a capital or
/// a number follows.
fn ends_paragraph(paragraph: &RawParagraph, line: &Line, next: &Line, widths: Widths) -> bool {
    let next_opens = next
        .text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || matches!(c, '«' | '"' | '“'));
    if !next_opens {
        return false;
    }
    if line.text.ends_with(':') && next.text.starts_with('«') {
        return true;
    }
    // A keyword list ends at its full stop, or where the next line opens
    // a run-in heading (`Актуальность проблемы. На долю …`).
    let keywords = labels::label_at(&paragraph.text)
        .is_some_and(|l| l.announces == Announces::Section(crate::model::Section::Keywords));
    if keywords && !line.text.ends_with([',', ';', '-', '–']) {
        let run_in = next.text.split(' ').take(4).any(|w| w.ends_with('.'));
        if line.text.ends_with('.') || run_in {
            return true;
        }
    }
    // A law's article opens a paragraph, whatever the line before
    // (`… N 62-IV Заңы` then `1-бап . …`); a point of its list after a
    // semicolon or colon, whatever its case (`… құжат;` then `2) асыл …`).
    if front::is_law_heading(&next.text)
        || (line.text.ends_with([';', ':']) && opens_list_item(&next.text))
    {
        return true;
    }
    // `… -304 бет.` then `3. Мәшһүр …`: a numbered entry after a full stop,
    // though an abbreviation (`бет.`, `pp.`) holds the stop.
    if line.text.ends_with('.') && opens_numbered_point(&next.text) {
        return true;
    }
    if !segment::ends_sentence_before(&paragraph.text, &next.text) {
        return widths.is_very_short(line.width) && !line.text.ends_with([',', ';', '-', '–']);
    }
    let first_word = next.text.split(' ').next().unwrap_or("").chars().count();
    widths.is_short(line.width)
        || opens_numbered_point(&next.text)
        || line.width + 1 + first_word <= widths.widest
        || closes_quotation_with_reference(&line.text)
}

/// `2. Основополагающими принципами …`, `3) …`: a numbered point of a law
/// or a list, which opens a paragraph of its own after a sentence's end.
fn opens_numbered_point(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    (1..=3).contains(&digits)
        && (rest.starts_with(". ") || rest.starts_with(") "))
        && rest[2..].starts_with(char::is_uppercase)
}

/// `2) …`, `3. …`: an item of a numbered list, in either case.
fn opens_list_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

/// `… anyone but God!» (Bulletin…, 1917).`: a quotation mark closed, then a
/// reference in parentheses, then the full stop.
fn closes_quotation_with_reference(line: &str) -> bool {
    let Some(body) = line.strip_suffix(").") else {
        return false;
    };
    body.rfind('(')
        .is_some_and(|open| line[..open].trim_end().ends_with('»'))
}

/// Wider than any page a PDF extractor wraps: a text whose full lines are
/// wider is written one paragraph a line.
const PARAGRAPH_A_LINE: usize = 160;

/// Whether the lines were wrapped at a page's width: then most of them come
/// close to it. Written one paragraph a line, a text's lines are as long as
/// its paragraphs, most of them far from its usual width. Too few lines to
/// tell are taken as wrapped.
fn is_wrapped(lines: &[Line], widths: Widths) -> bool {
    let long: Vec<usize> = lines.iter().map(|l| l.width).filter(|&w| w >= 20).collect();
    if long.len() < 8 {
        return true;
    }
    let full = long.iter().filter(|&&w| w * 5 >= widths.usual * 4).count();
    full * 2 >= long.len()
}

/// A line of one to four digits and nothing else: a page number the
/// extractor left between two pages' text (a table's cells stay in its rows).
fn is_page_number(line: &str) -> bool {
    (1..=4).contains(&line.len()) && line.bytes().all(|b| b.is_ascii_digit())
}

/// A label alone on its line, with no stop (`АННОТАЦИЯ`, `Keywords`): the
/// next line opens the text it labels, not a wrapped line of it. `label`
/// is the label the line opens with.
fn is_bare_label(line: &Line, label: Option<Label>) -> bool {
    label.is_some_and(|l| {
        l.len == line.text.len()
            && l.announces != Announces::Table
            && !line.text.ends_with(['.', ':'])
    })
}

/// A table row is short; a full line of many words is prose again.
fn is_prose(line: &Line, widths: Widths) -> bool {
    line.width * 100 >= widths.usual * 85 && line.text.split(' ').count() >= 8
}

/// Rebuilds paragraphs and tables from the source text.
pub fn paragraphs(source: &str) -> Layout {
    let lines = read_lines(source);
    let mut repairs: Vec<Repair> = lines
        .iter()
        .filter(|l| l.collapsed)
        .map(|l| Repair {
            kind: RepairKind::Spaces,
            line: l.number,
            printed: l.printed.trim().to_owned(),
            repaired: l.text.clone(),
            file: None,
        })
        .collect();
    repairs.extend(
        lines
            .iter()
            .filter(|l| {
                l.printed
                    .chars()
                    .any(|c| is_invisible(c) || ligature(c).is_some())
            })
            .map(|l| Repair {
                kind: RepairKind::Characters,
                line: l.number,
                printed: show_invisible(l.printed.trim()),
                repaired: l.text.trim_end_matches(SOFT_HYPHEN).to_owned(),
                file: None,
            }),
    );
    // Hyphens at line ends, as (paragraph, byte offset): settled once all words are known.
    let mut hyphens: Vec<Hyphen> = Vec::new();
    let widths = Widths::of(&lines);
    let paragraph_a_line = widths.usual > PARAGRAPH_A_LINE || !is_wrapped(&lines, widths);
    let mut out: Vec<RawParagraph> = Vec::new();
    let mut current: Option<RawParagraph> = None;
    let mut previous: Option<&Line> = None;
    let mut front_line = false;
    let mut after_bare_label = false;
    let mut caption_open = false;
    for line in &lines {
        if line.blank {
            out.extend(current.take());
            previous = None;
            continue;
        }
        if let Some(table) = current.as_mut().filter(|p| p.is_table) {
            if caption_open {
                if let Some(at) = table.join(line) {
                    hyphens.push(Hyphen::at_line_end(out.len(), at));
                }
                caption_open = !line.text.ends_with([':', '.']);
                continue;
            }
            if !is_prose(line, widths) {
                table.push_line(line, "\n");
                table.rows.push(line.cells());
                continue;
            }
            out.extend(current.take());
            previous = None;
        }
        // A page's number, alone on its line, is no text.
        if is_page_number(&line.text) {
            continue;
        }
        let label = labels::label_at(&line.text);
        let alone = front::stands_alone(&line.text);
        if label.is_some_and(|l| l.announces == Announces::Table) {
            out.extend(current.take());
            current = Some(RawParagraph::new(line, true));
            caption_open = !line.text.ends_with([':', '.']);
            continue;
        }
        match (current.as_mut(), previous) {
            (Some(paragraph), Some(before))
                if label.is_none()
                    && !after_bare_label
                    && !front_line
                    && !alone
                    && !paragraph_a_line
                    && !ends_paragraph(paragraph, before, line, widths) =>
            {
                if let Some(at) = paragraph.join(line) {
                    hyphens.push(Hyphen::at_line_end(out.len(), at));
                }
                let from = paragraph.lines.last().map_or(0, |&(at, _)| at);
                hyphens.extend(spaced_hyphens(&paragraph.text[from..]).map(|at| Hyphen {
                    paragraph: out.len(),
                    at: from + at,
                    spaced: true,
                }));
            }
            _ => {
                out.extend(current.take());
                let paragraph = RawParagraph::new(line, false);
                hyphens.extend(spaced_hyphens(&paragraph.text).map(|at| Hyphen {
                    paragraph: out.len(),
                    at,
                    spaced: true,
                }));
                current = Some(paragraph);
            }
        }
        // A front matter line, and an affiliation under one, end where they end.
        front_line = alone || (front_line && front::is_affiliation(&line.text));
        after_bare_label = is_bare_label(line, label);
        previous = Some(line);
    }
    out.extend(current);
    hyphens.sort_by_key(|h| (h.paragraph, h.at));
    repairs.extend(settle_hyphens(&mut out, &hyphens));
    repairs.extend(super::prepositions::settle(&mut out));
    repairs.sort_by_key(|r| r.line);
    Layout {
        paragraphs: out,
        repairs,
    }
}

/// A hyphen that may break a word: at a line end (`само-` + `определение`),
/// or, where an extractor joined the lines, before a space inside a line
/// (`ис- пользование`).
#[derive(Debug, Clone, Copy)]
struct Hyphen {
    paragraph: usize,
    /// Byte offset of the hyphen in the paragraph's text.
    at: usize,
    /// A space follows it.
    spaced: bool,
}

impl Hyphen {
    fn at_line_end(paragraph: usize, at: usize) -> Self {
        Hyphen {
            paragraph,
            at,
            spaced: false,
        }
    }

    /// Bytes from the hyphen to the word's second part.
    fn gap(&self) -> usize {
        if self.spaced {
            2
        } else {
            1
        }
    }
}

/// Words after which a hyphen and a space are a suspended compound
/// (`северо- и юго-западный`, `pre- and post-war`), never a broken word.
const AFTER_SUSPENDED_HYPHEN: &[&str] = &[
    "и",
    "или",
    "а",
    "либо",
    "and",
    "or",
    "to",
    "және",
    "мен",
    "бен",
    "пен",
    "не",
    "немесе",
];

/// Offsets of the hyphens in `text` that a space follows between two
/// letters, the second lower-case: `ис- пользование`, `мем- лекетін`.
fn spaced_hyphens(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices("- ")
        .map(|(at, _)| at)
        .filter(move |&at| {
            let before = text[..at].chars().next_back();
            let next_word = text[at + 2..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            before.is_some_and(char::is_alphabetic)
                && next_word.chars().next().is_some_and(char::is_lowercase)
                && !AFTER_SUSPENDED_HYPHEN.contains(&next_word)
        })
}

/// A hyphen at a line end is kept (`self-determination`, `өзін-өзі`) unless the
/// document itself writes the word whole elsewhere, in this or another form
/// (`самоопределение` for `само-` + `определения`): then it was the
/// typesetter's, and goes.
fn settle_hyphens(paragraphs: &mut [RawParagraph], hyphens: &[Hyphen]) -> Vec<Repair> {
    if hyphens.is_empty() {
        return Vec::new();
    }
    // The document's words, lower-cased, sorted (each as often as it
    // stands): runs of letters and digits are enough to look a word's
    // start up, and to count it.
    let lower: Vec<String> = paragraphs.iter().map(|p| p.text.to_lowercase()).collect();
    let mut words: Vec<&str> = lower
        .iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    // The halves of the hyphenated words, which are not uses of their own.
    let mut at_hyphens: Vec<String> = Vec::new();
    for hyphen in hyphens {
        let (text, at) = (&paragraphs[hyphen.paragraph].text, hyphen.at);
        let before = text[..at].rsplit(|c: char| !c.is_alphanumeric()).next();
        let after = text[at + hyphen.gap()..]
            .split(|c: char| !c.is_alphanumeric())
            .next();
        at_hyphens.extend(before.into_iter().chain(after).map(str::to_lowercase));
    }
    at_hyphens.sort_unstable();
    fn count<S: AsRef<str>>(sorted: &[S], word: &str) -> usize {
        sorted.partition_point(|w| w.as_ref() <= word)
            - sorted.partition_point(|w| w.as_ref() < word)
    }
    let used_elsewhere = |part: &str| {
        let part = part.to_lowercase();
        count(&words, &part) > count(&at_hyphens, &part)
    };
    // Written whole: some word starts with the first part and the second's first letters.
    let written_whole = |first: &str, second: &str| {
        let prefix: String = first
            .chars()
            .chain(second.chars().take(5))
            .collect::<String>()
            .to_lowercase();
        let at = words.partition_point(|w| *w < prefix.as_str());
        words.get(at).is_some_and(|w| w.starts_with(&prefix))
    };
    let mut repairs = Vec::new();
    // From the end, so that removing a hyphen leaves earlier offsets valid.
    for hyphen in hyphens.iter().rev() {
        let (at, gap) = (hyphen.at, hyphen.gap());
        let paragraph = &mut paragraphs[hyphen.paragraph];
        let text = &paragraph.text;
        let start = text[..at]
            .rfind(|c: char| !c.is_alphanumeric())
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
        let end = text[at + gap..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(text.len(), |i| at + gap + i);
        let printed = &text[start..end];
        let line = paragraph.line_at(at);
        // A capital after the hyphen begins a word of a compound
        // (`Транс-Аляскалық`, `All-Russian`): the hyphen is the writer's.
        // In a line of capitals (`МЕНИ-` + `НГИТА`) a capital says nothing.
        let capitals = text[start..at].chars().all(char::is_uppercase);
        let capital = text[at + gap..].starts_with(char::is_uppercase) && !capitals;
        let (first, second) = (&text[start..at], &text[at + gap..end]);
        let joined = !capital
            && match russian_dictionary(first, second) {
                Some(joined) => joined,
                None => {
                    written_whole(first, second) || !is_compound(first, second, &used_elsewhere)
                }
            };
        let repaired = match joined {
            true => format!("{first}{second}"),
            false => printed.to_owned(),
        };
        // A hyphen and a space inside a line that stays as printed is no repair.
        if !hyphen.spaced || joined {
            repairs.push(Repair {
                kind: RepairKind::Hyphenation,
                line,
                printed: match hyphen.spaced {
                    true => printed.to_owned(),
                    false => printed.replacen('-', "-\n", 1),
                },
                repaired,
                file: None,
            });
        }
        if joined {
            for _ in 0..gap {
                paragraph.remove_hyphen(at);
            }
        }
    }
    repairs
}

/// What the Russian dictionary says of a word hyphenated at a line end: it
/// is joined if the dictionary knows it whole (`подход`) and not with the
/// hyphen, and kept if it knows it only with the hyphen (`все-таки`),
/// whatever the document writes elsewhere; `None` where it knows neither.
fn russian_dictionary(first: &str, second: &str) -> Option<bool> {
    let whole = russian::is_word(&format!("{first}{second}"));
    let hyphenated = russian::is_word(&format!("{first}-{second}"));
    (whole != hyphenated).then_some(whole)
}

/// Whether a word hyphenated at a line end is a compound, by what
/// `data/hyphenation.tsv` says: a first part of its list, two words the
/// document uses elsewhere, parts that repeat each other, or a digit.
fn is_compound(first: &str, second: &str, used_elsewhere: &dyn Fn(&str) -> bool) -> bool {
    static TABLE: LazyLock<(Vec<String>, Vec<String>)> = LazyLock::new(|| {
        let mut first_parts = Vec::new();
        let mut endings = Vec::new();
        for row in super::table_rows(include_str!("data/hyphenation.tsv")) {
            match row.split('\t').collect::<Vec<_>>()[..] {
                ["first-part", _, form] => first_parts.push(form.trim().to_lowercase()),
                ["adjective-ending", _, form] => endings.push(form.trim().to_lowercase()),
                _ => panic!("data/hyphenation.tsv: unknown row {row:?}"),
            }
        }
        (first_parts, endings)
    });
    let (first_parts, adjective_endings) = &*TABLE;
    let (a, b) = (first.to_lowercase(), second.to_lowercase());
    // `co-` + `rrelate`: no word opens with a doubled consonant.
    let mut opening = b.chars();
    if let (Some(x), Some(y)) = (opening.next(), opening.next()) {
        if x == y && !"aeiouyаеёиоуыэюяәөұүі".contains(x) {
            return false;
        }
    }
    let digit = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    let repeats = {
        let (short, long) = if a.len() <= b.len() {
            (&a, &b)
        } else {
            (&b, &a)
        };
        long.starts_with(short.as_str())
    };
    // `ДВС-` + `синдромом`: an abbreviation in capitals, then a word.
    let abbreviation = first.chars().count() >= 2
        && first.chars().all(char::is_uppercase)
        && second.chars().next().is_some_and(char::is_lowercase);
    // `клинико-` + `биохимическое`, `черепно-` + `мозговой`.
    let two_stem_adjective = a.chars().count() >= 5
        && b.chars().count() >= 6
        && a.ends_with(['о', 'е'])
        && adjective_endings.iter().any(|e| b.ends_with(e.as_str()));
    digit(&a)
        || digit(&b)
        || repeats
        || abbreviation
        || two_stem_adjective
        || first_parts.contains(&a)
        || (used_elsewhere(&a) && used_elsewhere(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines as the extractor writes them: each followed by an empty line, a new
    /// page opened by a line indented by one space.
    fn extracted(lines: &[&str]) -> String {
        lines.iter().map(|l| format!("{l}\n\n")).collect()
    }

    const FULL: &str =
        "The Kazakh regional congresses and the First Kazakh-Kyrgyz Kurultai, held during";

    #[test]
    fn page_break_does_not_end_paragraph() {
        let source = extracted(&[
            FULL,
            " 1917, unanimously demanded that the upcoming convocation of the Assembly proclaim",
            "Russia a federal democratic republic.",
        ]);
        let paragraphs = paragraphs(&source).paragraphs;
        assert_eq!(paragraphs.len(), 1);
        assert!(paragraphs[0].text.contains("during 1917, unanimously"));
        assert_eq!(
            paragraphs[0].line_at(paragraphs[0].text.find("Russia").unwrap()),
            5
        );
    }

    #[test]
    fn short_line_ending_a_sentence_ends_paragraph() {
        let source = extracted(&[
            FULL,
            "the Assembly was already forcibly dissolved.",
            "So how many Kazakh deputies from the Alash party were elected to the All-Russian",
            "Constituent Assembly?",
        ]);
        assert_eq!(paragraphs(&source).paragraphs.len(), 2);
    }

    #[test]
    fn label_at_line_start_opens_a_paragraph() {
        let source = extracted(&[
            FULL,
            "Results. After the February Revolution of 1917 in post-imperial Russia, the future of",
        ]);
        assert_eq!(paragraphs(&source).paragraphs.len(), 2);
    }

    #[test]
    fn table_rows_stay_out_of_prose() {
        let source = extracted(&[
            FULL,
            "sums up, «there should be 27 Kazakhstani deputies, 13-14 candidates for deputies.",
            " ",
            "Table 1. The list of candidates who ran for deputies on the list of the Alash party:",
            "No Areas The number of the",
            "1 Semipalatinsk 754 3-4",
            "2 Akmola 557 2-3",
            " ",
            "In the above-mentioned article, the author put forward a list of the best candidates for",
        ]);
        let paragraphs = paragraphs(&source).paragraphs;
        assert_eq!(paragraphs.len(), 3);
        assert!(paragraphs[1].is_table);
        assert_eq!(paragraphs[1].text.lines().count(), 4);
        assert!(paragraphs[2].text.starts_with("In the above-mentioned"));
    }

    #[test]
    fn table_ends_at_a_full_prose_line() {
        let source = extracted(&[
            "Table 2. List of deputies elected to the Constituent Assembly from the indigenous Kazakh",
            "people and displaced Russian peasants:",
            "1 54 Transcaspian region 2 no",
            " Total:                                            47               33  ",
            " The first kurultai created a national party, that party was called «Alash».According to",
        ]);
        let paragraphs = paragraphs(&source).paragraphs;
        assert_eq!(paragraphs.len(), 2);
        assert!(paragraphs[0].text.ends_with("Total: 47 33"));
        assert!(!paragraphs[1].is_table);
    }

    #[test]
    fn hyphen_at_line_end_joins_the_word() {
        let source = extracted(&[
            "Did the Kazakh deputies have the opportunity to achieve recognition of the right to self-",
            "determination of the Kazakh people and of all the peoples of the former empire too",
        ]);
        assert!(paragraphs(&source).paragraphs[0]
            .text
            .contains("self-determination"));
    }

    #[test]
    fn a_russian_word_the_dictionary_knows_whole_is_joined() {
        // `под` and `ход` are words of the paragraph too, which alone would
        // keep the hyphen; the dictionary knows `подход`, and not `под-ход`.
        let source = extracted(&[
            "Под Оренбургом ход событий изменился, и потребовался новый под-",
            "ход к делу.",
        ]);
        let layout = paragraphs(&source);
        assert!(
            layout.paragraphs[0].text.ends_with("новый подход к делу."),
            "{:?}",
            layout.paragraphs
        );
        // A hyphen the dictionary writes (`все-таки`) stays.
        let source = extracted(&["Выборы все-", "таки состоялись."]);
        assert!(paragraphs(&source).paragraphs[0].text.contains("все-таки"));
    }

    /// Full lines of running text, to set the page's widths.
    const BODY: [&str; 4] = [
        "the former colonial empire depended on the All-Russian Constituent Assembly, to which the",
        "Kazakh people, led by national leaders, placed great hope that it would recognize their right",
        "to national self-determination. The Constituent Assembly had to determine the state structure",
        "of Russia. The Kazakh regional congresses and the First Kazakh-Kyrgyz Kurultai, held during",
    ];

    #[test]
    fn next_word_that_would_have_fitted_starts_a_paragraph() {
        let mut lines = BODY.to_vec();
        // "For" would have fitted after "368)." on a full line: the line was ended on purpose.
        lines.extend([
            "United States and was revolutionary for pre-revolutionary Russia (Protasov, 1997: 368).",
            "For the first time in the history of Russia, women and military personnel were granted",
        ]);
        assert_eq!(paragraphs(&extracted(&lines)).paragraphs.len(), 2);
    }

    #[test]
    fn sentence_ending_at_a_full_line_continues_the_paragraph() {
        let mut lines = BODY.to_vec();
        // "According" would not have fitted: the sentence just happened to end at the margin.
        lines.extend([
            "According to the new electoral regulations, one deputy is elected out of 200,000 people.",
            "According to the calculations of the leader of «Alash» A. Bukeikhan, in 1917 the number of",
        ]);
        assert_eq!(paragraphs(&extracted(&lines)).paragraphs.len(), 1);
    }

    #[test]
    fn a_numbered_point_opens_a_paragraph() {
        // The Constitution of Kazakhstan, Article 1: the first point's last
        // line is the page's widest, so the next word would not have fitted.
        let mut lines = vec![
            "1. Республика Казахстан утверждает себя демократическим, светским, правовым и социальным",
            "государством, высшими ценностями которого являются человек, его жизнь, права и свободы.",
            "2. Основополагающими принципами деятельности Республики являются: общественное согласие и",
        ];
        lines.extend(&BODY[..2]);
        let paragraphs = paragraphs(&extracted(&lines)).paragraphs;
        assert_eq!(paragraphs.len(), 2, "{paragraphs:#?}");
        assert!(paragraphs[1].text.starts_with("2. Основополагающими"));
    }

    #[test]
    fn text_written_one_paragraph_a_line_keeps_each_line_apart() {
        // From the Constitution of Kazakhstan: a title, then the preamble.
        let source = "Конституция Республики Казахстан\n\
                      Мы, народ Казахстана, объединенный общей исторической судьбой, созидая государственность на исконной казахской земле, сознавая себя миролюбивым гражданским обществом.\n\
                      Принимаем настоящую Конституцию.\n";
        let paragraphs = paragraphs(source).paragraphs;
        assert_eq!(paragraphs.len(), 3);
        assert_eq!(paragraphs[2].text, "Принимаем настоящую Конституцию.");
    }

    #[test]
    fn a_law_written_one_paragraph_a_line_keeps_its_points_apart() {
        // The AIFC law, Article 1, as its Kazakh text is copied from the
        // register: each definition a line of its own, ending in `;`.
        let source = "\"Астана\" халықаралық қаржы орталығы туралы\n\
            Қазақстан Республикасының Конституциялық Заңы 2015 жылғы 7 желтоқсандағы № 438-V ҚРЗ.\n\
            1-бап. Осы Конституциялық заңда пайдаланылатын негізгі ұғымдар\n\
            Осы Конституциялық заңда мынадай негізгі ұғымдар пайдаланылады:\n\
            1) \"Астана\" халықаралық қаржы орталығы (бұдан әрі – Орталық) – Қазақстан Республикасының Президенті айқындайтын дәл белгіленген шекарасы бар, қаржы саласындағы ерекше құқықтық режим қолданылатын Астана қаласының шегіндегі аумақ;\n\
            2) қор биржасы – Орталықта қаржы құралдарымен сауда-саттықты ұйымдастырушылық және техникалық қамтамасыз етуді жүзеге асыратын заңды тұлға;\n\
            3) лицензиялау – лицензияның болуын талап ететін қызметті Орталықтың аумағында жүзеге асыруға рұқсат берумен байланысты іс-шаралар кешені;\n\
            Қолданушылар назарына!\n\
            Қолданушыларға ыңғайлы болуы үшін ЗҚАИ мазмұнды жасады.\n";
        let paragraphs = paragraphs(source).paragraphs;
        assert_eq!(paragraphs.len(), 9, "{paragraphs:#?}");
        assert!(paragraphs[5].text.starts_with("2) қор биржасы"));
    }

    #[test]
    fn quotation_closed_with_its_reference_ends_the_paragraph() {
        let mut lines = BODY.to_vec();
        lines.extend([
            "by cattle breeding and agriculture... Don't be afraid of anyone but God!» (Bulletin…, 1917).",
            "However, the preparations for the election of deputies to the Constituent Assembly",
        ]);
        assert_eq!(paragraphs(&extracted(&lines)).paragraphs.len(), 2);
    }
}
