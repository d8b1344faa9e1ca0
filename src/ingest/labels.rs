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

use Announces::Section as S;
use Section::*;

/// Label words per language. Longer forms come first, so that `Түйін сөздер`
/// (keywords) wins over `Түйін` (summary).
const LABELS: &[(&str, Lang, Announces)] = &[
    ("Abstract", Lang::En, Announces::Abstract),
    ("Annotation", Lang::En, Announces::Abstract),
    ("Summary", Lang::En, Announces::Abstract),
    ("Introduction", Lang::En, S(Introduction)),
    ("The goals and objectives of the study", Lang::En, S(Goals)),
    ("Goals and objectives of the study", Lang::En, S(Goals)),
    ("Goals and objectives", Lang::En, S(Goals)),
    ("The purpose of the study", Lang::En, S(Goals)),
    ("Purpose", Lang::En, S(Goals)),
    ("Materials and methods", Lang::En, S(Materials)),
    ("Methods and materials", Lang::En, S(Materials)),
    ("Materials", Lang::En, S(Materials)),
    ("Methods", Lang::En, S(Materials)),
    ("Discussion", Lang::En, S(Discussion)),
    ("Results and discussion", Lang::En, S(Results)),
    ("Results", Lang::En, S(Results)),
    ("Conclusions", Lang::En, S(Conclusion)),
    ("Conclusion", Lang::En, S(Conclusion)),
    ("Key words", Lang::En, S(Keywords)),
    ("Keywords", Lang::En, S(Keywords)),
    ("Acknowledgements", Lang::En, S(Acknowledgement)),
    ("Acknowledgments", Lang::En, S(Acknowledgement)),
    ("Acknowledgement", Lang::En, S(Acknowledgement)),
    ("Funding", Lang::En, S(Acknowledgement)),
    ("Түйін сөздер", Lang::Kk, S(Keywords)),
    ("Түйінді сөздер", Lang::Kk, S(Keywords)),
    ("Кілт сөздер", Lang::Kk, S(Keywords)),
    ("Андатпа", Lang::Kk, Announces::Abstract),
    ("Аңдатпа", Lang::Kk, Announces::Abstract),
    ("Түйін", Lang::Kk, Announces::Abstract),
    ("Кіріспе", Lang::Kk, S(Introduction)),
    ("Зерттеудің мақсаты мен міндеттері", Lang::Kk, S(Goals)),
    ("Зерттеудің мақсаты", Lang::Kk, S(Goals)),
    ("Материалдар мен әдістер", Lang::Kk, S(Materials)),
    ("Әдістер мен материалдар", Lang::Kk, S(Materials)),
    ("Материалдар", Lang::Kk, S(Materials)),
    ("Талқылау", Lang::Kk, S(Discussion)),
    ("Нәтижелер", Lang::Kk, S(Results)),
    ("Қорытынды", Lang::Kk, S(Conclusion)),
    ("Алғыс айту", Lang::Kk, S(Acknowledgement)),
    ("Алғыс", Lang::Kk, S(Acknowledgement)),
    ("Қаржыландыру", Lang::Kk, S(Acknowledgement)),
    ("Аннотация", Lang::Ru, Announces::Abstract),
    ("Резюме", Lang::Ru, Announces::Abstract),
    ("Введение", Lang::Ru, S(Introduction)),
    ("Цели и задачи исследования", Lang::Ru, S(Goals)),
    ("Цель исследования", Lang::Ru, S(Goals)),
    ("Методы и материалы", Lang::Ru, S(Materials)),
    ("Материалы и методы", Lang::Ru, S(Materials)),
    ("Материалы", Lang::Ru, S(Materials)),
    ("Обсуждение", Lang::Ru, S(Discussion)),
    ("Результаты", Lang::Ru, S(Results)),
    ("Выводы", Lang::Ru, S(Conclusion)),
    ("Заключение", Lang::Ru, S(Conclusion)),
    ("Ключевые слова", Lang::Ru, S(Keywords)),
    ("Благодарности", Lang::Ru, S(Acknowledgement)),
    ("Благодарность", Lang::Ru, S(Acknowledgement)),
    ("Финансирование", Lang::Ru, S(Acknowledgement)),
    ("Table", Lang::En, Announces::Table),
    ("Таблица", Lang::Ru, Announces::Table),
    ("Кесте", Lang::Kk, Announces::Table),
];

/// The label that `text` starts with, if any. A label is a label only when a
/// full stop or colon follows it (`Results.`, `Key words:`), or, for a table,
/// a number (`Table 2.`). A label starts with a capital: a line that starts
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
            rest.chars()
                .next()
                .filter(|c| matches!(c, '.' | ':'))?
                .len_utf8()
        };
        Some(Label {
            announces,
            lang,
            len: len + tail,
        })
    })
}

/// Every label in `text` that stands at a sentence start (the start of the
/// text or of a line, or after `. `, `.`), as (byte offset, label).
pub fn labels_in(text: &str) -> Vec<(usize, Label)> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let starts_sentence = at == 0 || text[..at].ends_with('\n') || {
            let before = text[..at].trim_end();
            (before.ends_with('.') || before.ends_with(':')) && text[..at].ends_with([' ', '.'])
        };
        if starts_sentence {
            if let Some(label) = label_at(&text[at..]).filter(|l| l.announces != Announces::Table) {
                found.push((at, label));
                at += label.len;
                continue;
            }
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    found
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
