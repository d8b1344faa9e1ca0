//! The labels that open an abstract and its parts, in the forms Kazakhstani
//! journals print them, in all three languages.

use std::sync::LazyLock;

use crate::model::{Lang, Section};

/// What a label announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announces {
    /// The start of an abstract (`Abstract.`, `Андатпа.`, `Аннотация.`).
    Abstract,
    /// A labelled part of an abstract or of the body.
    Section(Section),
    /// A table caption (`Table 1.`).
    Table,
}

/// A label found at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub announces: Announces,
    pub lang: Lang,
    /// Bytes taken by the label and its full stop or colon.
    pub len: usize,
}

/// The label table, `data/labels.tsv`: a linguist's file, compiled in.
const TABLE: &str = include_str!("data/labels.tsv");

/// The labels of [`TABLE`], longest first: where two fit, the longer wins
/// (`Түйін сөздер`, keywords, before `Түйін`, an abstract).
static LABELS: LazyLock<Vec<(&'static str, Lang, Announces)>> = LazyLock::new(|| {
    let mut labels: Vec<_> = super::table_rows(TABLE)
        .map(|l| parse_row(l).unwrap_or_else(|e| panic!("data/labels.tsv: {e}: {l:?}")))
        .collect();
    labels.sort_by_key(|(word, _, _)| std::cmp::Reverse(word.chars().count()));
    labels
});

fn parse_row(row: &'static str) -> Result<(&'static str, Lang, Announces), String> {
    let mut fields = row.split('\t');
    let (Some(lang), Some(announces), Some(word), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err("expected three fields".into());
    };
    let lang: Lang = lang.parse()?;
    let announces = match announces {
        "abstract" => Announces::Abstract,
        "table" => Announces::Table,
        name => Announces::Section(
            Section::ALL
                .into_iter()
                .find(|s| s.name() == name && *s != Section::Front)
                .ok_or_else(|| format!("unknown section {name:?}"))?,
        ),
    };
    Ok((word.trim(), lang, announces))
}

/// The label that `text` starts with, if any. A label is a label only when a
/// full stop, colon or dash follows it (`Results.`, `Key words:`, `Abstract —`),
/// or it stands alone (`АННОТАЦИЯ` as the whole line), or, for a table, a
/// number (`Table 2.`). A label starts with a capital: a line that starts
/// `материалы. Выборы …` ends a sentence wrapped from the line before. Past
/// the first letter case is ignored (`KEY WORDS:`), and a Cyrillic look-alike
/// in a Latin label (`Тable`, with Cyrillic `Т`) is accepted.
pub fn label_at(text: &str) -> Option<Label> {
    if text.chars().next()?.is_lowercase() {
        return None;
    }
    // The labels by their first letter, folded and lower-cased, each list in
    // the order of LABELS: most lines start with no label's first letter, and
    // the rest are tried against a few labels, not all.
    static BY_FIRST_LETTER: LazyLock<Vec<(char, Vec<usize>)>> = LazyLock::new(|| {
        let mut by_letter: Vec<(char, Vec<usize>)> = Vec::new();
        for (n, (word, _, _)) in LABELS.iter().enumerate() {
            let Some(first) = word.chars().next().map(fold_lower) else {
                continue;
            };
            match by_letter.iter_mut().find(|(c, _)| *c == first) {
                Some((_, labels)) => labels.push(n),
                None => by_letter.push((first, vec![n])),
            }
        }
        by_letter.sort_unstable_by_key(|(c, _)| *c);
        by_letter
    });
    let first = text.chars().next().map(fold_lower)?;
    let at = BY_FIRST_LETTER
        .binary_search_by_key(&first, |(c, _)| *c)
        .ok()?;
    BY_FIRST_LETTER[at].1.iter().find_map(|&n| {
        let (word, lang, announces) = LABELS[n];
        let len = prefix_len_ignoring_case(text, word)?;
        let rest = &text[len..];
        let tail = if announces == Announces::Table {
            table_number_len(rest)?
        } else {
            stop_len(rest)?
        };
        Some(Label {
            announces,
            lang,
            len: len + tail,
        })
    })
}

/// What closes a label: `.` or `:` (a space or a word may follow, glued as
/// extraction leaves it: `Key words:February`), a dash between spaces, or
/// the end of the line: the bytes it takes.
fn stop_len(rest: &str) -> Option<usize> {
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let after = &rest[spaces..];
    if after.is_empty() || after.starts_with('\n') {
        return Some(0);
    }
    if spaces == 0 {
        return after
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | ':'))
            .map(char::len_utf8);
    }
    // `Abstract — The article …`, `Аннотация – В статье …`; also `Key words :`.
    let dash = after
        .chars()
        .next()
        .filter(|c| matches!(c, '—' | '–' | ':'))?;
    let past = &after[dash.len_utf8()..];
    past.starts_with(char::is_whitespace)
        .then_some(spaces + dash.len_utf8())
}

/// The label that is the whole of `text` (`Key words:`, `АННОТАЦИЯ` alone
/// on its line), if it is one.
pub fn alone(text: &str) -> Option<Label> {
    label_at(text).filter(|l| text[l.len..].trim().is_empty())
}

/// Every label in `text` that stands at a sentence start (the start of the
/// text or of a line, or after `. `, `.`), as (byte offset, label).
pub fn labels_in(text: &str) -> Vec<(usize, Label)> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let line_start = at == 0 || text[..at].ends_with('\n');
        let starts_sentence = line_start || {
            let before = text[..at].trim_end();
            (before.ends_with('.') || before.ends_with(':')) && text[..at].ends_with([' ', '.'])
        };
        if starts_sentence {
            // Inside a line, a label needs its stop: `Results of the
            // elections` after a full stop is a sentence, not a label.
            let label = label_at(&text[at..])
                .filter(|l| l.announces != Announces::Table)
                .filter(|l| line_start || text[..at + l.len].ends_with(['.', ':', '—', '–']));
            if let Some(label) = label {
                found.push((at, label));
                at += label.len;
                continue;
            }
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Bytes taken by the labels that open `text` (`Abstract. Introduction. `),
/// with the spaces after them.
pub fn leading_labels_len(text: &str) -> usize {
    let mut end = 0;
    while let Some(label) = label_at(&text[end..]).filter(|l| l.announces != Announces::Table) {
        end += label.len;
        end = text.len() - text[end..].trim_start().len();
    }
    end
}

/// ` 2.` or ` 2` after `Table`: the bytes it takes.
fn table_number_len(rest: &str) -> Option<usize> {
    let digits_at = rest.len() - rest.trim_start().len();
    let digits = rest[digits_at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .count();
    if digits_at == 0 || digits == 0 {
        return None;
    }
    let end = digits_at + digits;
    Some(end + usize::from(rest[end..].starts_with('.')))
}

/// Bytes of `text` taken by `word` at its start, ignoring case and script look-alikes.
fn prefix_len_ignoring_case(text: &str, word: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for expected in word.chars() {
        let (_, got) = chars.next()?;
        if !same_letter(got, expected) {
            return None;
        }
    }
    let end = chars.next().map_or(text.len(), |(i, _)| i);
    // The label must end at a word boundary.
    let next = text[end..].chars().next();
    if next.is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(end)
}

fn same_letter(got: char, expected: char) -> bool {
    got == expected || fold_lower(got) == fold_lower(expected)
}

/// A letter lower-cased, a Cyrillic look-alike as its Latin twin. Folded in
/// upper case, where the look-alikes are (`К` is `K`, but `к` is no `k`), so
/// that a letter matches whatever its case (`КІРІСПЕ` is `Кіріспе`).
fn fold_lower(c: char) -> char {
    let upper = c.to_uppercase().next().unwrap_or(c);
    let c = crate::text::fold::fold_char(upper);
    c.to_lowercase().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Announces::Section as S;
    use Section::*;

    #[test]
    fn a_label_starts_with_a_capital_and_ignores_case_after_it() {
        // The end of a sentence wrapped from the line before, not a label.
        assert!(label_at("материалы. Выборы прошли в ноябре").is_none());
        assert!(label_at("results. The elections").is_none());
        // `К` and `Т` have Latin look-alikes only as capitals.
        let kk = label_at("КІРІСПЕ. 1917 жылы").unwrap();
        assert_eq!((kk.announces, kk.lang), (S(Introduction), Lang::Kk));
        let kk = label_at("ТҮЙІН СӨЗДЕР: Алаш").unwrap();
        assert_eq!(kk.announces, S(Keywords));
        let ru = label_at("Ключевые Слова: Алаш").unwrap();
        assert_eq!((ru.announces, ru.lang), (S(Keywords), Lang::Ru));
    }

    #[test]
    fn labels_in_all_three_languages() {
        let kk = label_at("Түйін сөздер: Ақпан төңкерісі").unwrap();
        assert_eq!((kk.announces, kk.lang), (S(Keywords), Lang::Kk));
        let ru = label_at("Выводы. 28 ноября").unwrap();
        assert_eq!((ru.announces, ru.lang), (S(Conclusion), Lang::Ru));
        let en = label_at("Key words:February Revolution").unwrap();
        assert_eq!((en.announces, en.len), (S(Keywords), "Key words:".len()));
    }

    #[test]
    fn every_row_of_the_table_reads() {
        assert!(LABELS.len() > 100);
        for (word, lang, announces) in LABELS.iter() {
            let printed = match announces {
                Announces::Table => format!("{word} 1."),
                _ => format!("{word}."),
            };
            let label = label_at(&printed).unwrap();
            // The row itself, or a longer label of the same words wins.
            assert_eq!(label.len, printed.len(), "{word}");
            assert_eq!((label.lang, label.announces), (*lang, *announces), "{word}");
        }
    }

    #[test]
    fn a_label_alone_on_its_line_or_before_a_dash() {
        let ru = label_at("АННОТАЦИЯ").unwrap();
        assert_eq!((ru.announces, ru.lang), (Announces::Abstract, Lang::Ru));
        let en = label_at("Abstract — The article studies").unwrap();
        assert_eq!(en.len, "Abstract —".len());
        let kk = label_at("ӘДЕБИЕТТЕР ТІЗІМІ").unwrap();
        assert_eq!(kk.announces, S(References));
        // A label word opening a sentence is no label.
        assert!(label_at("Abstract thinking is").is_none());
        assert!(label_at("Цель работы состоит в том").is_none());
        let text = "Аннотация\nВ статье. Цель исследования: показать.";
        let found: Vec<_> = labels_in(text)
            .into_iter()
            .map(|(at, l)| (at, l.announces))
            .collect();
        let goals = text.find("Цель").unwrap();
        assert_eq!(found, [(0, Announces::Abstract), (goals, S(Goals))]);
    }

    #[test]
    fn label_words_journals_print() {
        for (printed, announces, lang) in [
            ("Түйіндеме.", Announces::Abstract, Lang::Kk),
            ("Зерттеу әдістері.", S(Materials), Lang::Kk),
            ("Жұмыстың мақсаты:", S(Goals), Lang::Kk),
            ("Пайдаланылған әдебиеттер тізімі", S(References), Lang::Kk),
            ("Цель работы.", S(Goals), Lang::Ru),
            ("Список литературы:", S(References), Lang::Ru),
            ("The aim of the study.", S(Goals), Lang::En),
            ("Findings:", S(Results), Lang::En),
            ("Keywords:", S(Keywords), Lang::En),
        ] {
            let label = label_at(printed).unwrap();
            assert_eq!(
                (label.announces, label.lang),
                (announces, lang),
                "{printed}"
            );
        }
    }

    #[test]
    fn a_label_needs_its_stop() {
        assert!(label_at("Results of the elections were").is_none());
        assert!(label_at("Introductions.").is_none());
    }

    #[test]
    fn table_caption_with_a_cyrillic_look_alike() {
        let label = label_at("Тable 1. The list of candidates").unwrap();
        assert_eq!(label.announces, Announces::Table);
    }

    #[test]
    fn labels_inside_a_run_of_text() {
        let text = "Андатпа. Кіріспе.1917 жылдың ақпанынан кейін. Зерттеудің мақсаты мен міндеттері. «Алаш»";
        let found: Vec<Announces> = labels_in(text)
            .into_iter()
            .map(|(_, l)| l.announces)
            .collect();
        assert_eq!(found, [Announces::Abstract, S(Introduction), S(Goals)]);
    }
}
