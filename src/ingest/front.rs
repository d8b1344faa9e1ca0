//! The front matter: what a journal prints about an article around its title
//! (classifiers, DOI, title, authors, affiliations, e-mail, dates). It is the
//! document's metadata, never a paragraph of its body.
//!
//! Lines with a fixed opening (`УДК 94`, `DOI 10.…`, `Received: …`) are read
//! from the table `data/front.tsv`. Authors and affiliations are told by their
//! shape: a list of names with initials (`Ж.Б. Досмұхамедұлы, Sh. Kudaiberdiuly`),
//! a short line naming an institution or ending with a country. The title is
//! the short line of the front matter that is none of these.

use std::sync::LazyLock;

use super::pdftext::RawParagraph;
use super::{labels, segment};
use crate::model::BlockKind;

const TABLE: &str = include_str!("data/front.tsv");

struct Table {
    /// (opening, kind), longest first.
    openings: Vec<(String, BlockKind)>,
    institutions: Vec<String>,
    countries: Vec<String>,
    /// Lower-cased words that open headings (`Раздел I.`), never a surname.
    headings: Vec<String>,
    /// The first letters of month names, lower-cased.
    months: Vec<String>,
    /// The first letters of the openings, lower-cased.
    first_letters: Vec<char>,
}

static TABLE_READ: LazyLock<Table> = LazyLock::new(|| {
    let mut table = Table {
        openings: Vec::new(),
        institutions: Vec::new(),
        countries: Vec::new(),
        headings: Vec::new(),
        months: Vec::new(),
        first_letters: Vec::new(),
    };
    for row in super::table_rows(TABLE) {
        let (kind, words) = row
            .split_once('\t')
            .unwrap_or_else(|| panic!("data/front.tsv: expected two fields: {row:?}"));
        let words = words.trim().to_lowercase();
        let kind = match kind {
            "classifier" => BlockKind::Classifier,
            "doi" => BlockKind::Doi,
            "email" => BlockKind::Email,
            "dates" => BlockKind::Dates,
            "note" => BlockKind::Note,
            "institution" => {
                table.institutions.push(words);
                continue;
            }
            "country" => {
                table.countries.push(words);
                continue;
            }
            "heading" => {
                table.headings.push(words);
                continue;
            }
            "month" => {
                table.months.push(words);
                continue;
            }
            other => panic!("data/front.tsv: unknown kind {other:?}"),
        };
        table.openings.push((words, kind));
    }
    table
        .openings
        .sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    table.first_letters = table
        .openings
        .iter()
        .filter_map(|(w, _)| w.chars().next())
        .collect();
    table.first_letters.sort_unstable();
    table.first_letters.dedup();
    table
});

/// Longer than any line of front matter: a paragraph of text.
const MOST_WORDS: usize = 40;

/// The kind of a line that opens as front matter does (`УДК 94(574)`,
/// `DOI: 10.…`, `E-mail: …`, `Received 12.03.2023`), from the table.
pub fn opening_kind(text: &str) -> Option<BlockKind> {
    let text = text.trim_start_matches(['•', '*', ' ']);
    // Most lines open with no opening's first letter: told without lower-casing.
    let first = text.chars().next()?;
    if !first.is_ascii_digit()
        && !TABLE_READ
            .first_letters
            .contains(&first.to_lowercase().next().unwrap_or(first))
    {
        return None;
    }
    let lower: String = text.chars().take(40).collect::<String>().to_lowercase();
    // Counted no further than the most any kind allows.
    let words = text.split_whitespace().take(2 * MOST_WORDS + 1).count();
    TABLE_READ
        .openings
        .iter()
        .find_map(|(opening, kind)| {
            let rest = lower.strip_prefix(opening.as_str())?;
            let follows = rest.chars().next();
            let closed = opening.ends_with('/')
                || follows
                    .is_none_or(|c| c.is_whitespace() || c.is_ascii_digit() || ":.".contains(c));
            let fits = match kind {
                BlockKind::Dates => words <= 20 && text.contains(|c: char| c.is_ascii_digit()),
                BlockKind::Note => words <= 2 * MOST_WORDS,
                _ => words <= MOST_WORDS,
            };
            (closed && fits).then_some(*kind)
        })
        .or_else(|| is_date(text).then_some(BlockKind::Dates))
}

/// A date alone on its line: `05 Dec 2014`, `12.03.2023`, `12 наурыз 2023 ж.`
fn is_date(text: &str) -> bool {
    // Five words at most: a longer line is told so before any is lower-cased.
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let word = word.trim_matches([',', '.', ';']);
        if word.is_empty() {
            continue;
        }
        if words.len() == 5 {
            return false;
        }
        words.push(word.to_lowercase());
    }
    let year = words.iter().any(|w| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.bytes().all(|b| b.is_ascii_digit())
            || w.split(['.', '/']).count() == 3
                && w.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b'/')
    });
    year && words.iter().all(|w| {
        w.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'/')
            || matches!(w.as_str(), "ж" | "г" | "жыл" | "года")
            || TABLE_READ.months.iter().any(|m| w.starts_with(m.as_str()))
    })
}

/// Whether `text` is a line of authors: names with initials, in either order
/// (`Л.Т. ДЖУМАЛИЕВА`, `Zh. A. Maydangalieva`, `Галиев А.А.`), joined by
/// commas or `and`/`и`/`және`, each maybe marked by an affiliation's number
/// or a star (`Такуова1*`).
pub fn is_authors(text: &str) -> bool {
    // An initial has a full stop; a line of authors is short.
    if !text.contains('.') || text.split_whitespace().nth(30).is_some() {
        return false;
    }
    // `Х.Досмұхамедұлы` is `Х. Досмұхамедұлы`.
    let mut spaced = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        spaced.push(c);
        if c == '.' && chars.peek().is_some_and(|n| n.is_uppercase()) {
            spaced.push(' ');
        }
    }
    let mut names = 0;
    let names_of = spaced.split([',', ';', '&']).flat_map(|part| {
        // `T. Mekebayev and Zh. Kumganbayev`: a conjunction joins two names.
        let mut names = vec![Vec::new()];
        for token in part
            .split_whitespace()
            .map(|t| t.trim_matches(['•', '*', '†']))
        {
            match token {
                "" => {}
                "and" | "и" | "және" | "мен" => names.push(Vec::new()),
                _ => names.last_mut().expect("one name at least").push(token),
            }
        }
        names
    });
    for tokens in names_of {
        if tokens.is_empty() {
            continue;
        }
        // A degree may come first (`К.э.н. Кабатаева К.Т.`, `Prof.`).
        let tokens = match tokens.split_first() {
            Some((first, rest)) if is_degree(first) && !rest.is_empty() => rest.to_vec(),
            _ => tokens,
        };
        // One surname and its initials, before or after it.
        let initials = tokens.iter().filter(|t| is_initials(t)).count();
        let surnames = tokens.iter().filter(|t| is_surname(t)).count();
        let heading = tokens
            .iter()
            .any(|t| TABLE_READ.headings.contains(&t.to_lowercase()));
        if heading || initials == 0 || surnames != 1 || initials + surnames != tokens.len() {
            return false;
        }
        names += 1;
    }
    names > 0
}

/// A scholarly degree or title before a name: dotted pieces, one of them
/// lower-case (`к.э.н.`, `К.и.н.`, `PhD.`), or `Prof.`, `Dr.`, `проф.`, `доц.`.
fn is_degree(token: &str) -> bool {
    let lower = token.to_lowercase();
    if matches!(
        lower.as_str(),
        "prof." | "dr." | "phd" | "phd." | "проф." | "доц." | "профессор" | "доцент"
    ) {
        return true;
    }
    let Some(body) = token.strip_suffix('.') else {
        return false;
    };
    let pieces: Vec<&str> = body.split('.').collect();
    pieces.len() >= 2
        && pieces.iter().all(|p| (1..=3).contains(&p.chars().count()))
        && pieces.iter().any(|p| p.chars().all(char::is_lowercase))
}

/// `А.`, `Zh.`, `Л.Т.`, `Zh.A.`: one or two letters a piece, each closed by a full stop.
fn is_initials(token: &str) -> bool {
    let Some(body) = token.strip_suffix('.') else {
        return false;
    };
    body.split('.').all(|piece| {
        let n = piece.chars().count();
        (1..=2).contains(&n)
            && piece.chars().next().is_some_and(char::is_uppercase)
            && piece.chars().all(char::is_alphabetic)
    })
}

/// A capitalised word of letters (a hyphen or apostrophe inside), maybe
/// marked by an affiliation's number or a star: `Такуова1*`, `Сейткен¹*ID`.
fn is_surname(token: &str) -> bool {
    let token = token.trim_end_matches("ID");
    let token = token.trim_end_matches(|c: char| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰*†".contains(c));
    token.chars().count() >= 2
        && token.chars().next().is_some_and(char::is_uppercase)
        && token
            .chars()
            .all(|c| c.is_alphabetic() || "-'’".contains(c))
}

/// Whether `text` is a short line that says where authors work: an
/// institution, or a place and its country.
pub fn is_affiliation(text: &str) -> bool {
    if text.split_whitespace().count() > 30 {
        return false;
    }
    let lower = text.to_lowercase();
    let end = lower.trim_end_matches([' ', '.', ',', ';', ')']);
    TABLE_READ.institutions.iter().any(|w| lower.contains(w.as_str()))
        // `Almaty, Kazakhstan`: a place and its country, not `Республики Казахстан`.
        || (end.contains(',') && TABLE_READ.countries.iter().any(|c| end.ends_with(c.as_str())))
}

/// A line that could be a title: short, one sentence at most, not closing
/// on a full stop, comma or colon.
fn is_title_like(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=MOST_WORDS).contains(&words)
        && !text.ends_with([',', ':', ';', '.'])
        && segment::sentences(text).len() <= 1
        && text.chars().any(char::is_alphabetic)
}

/// Printed in capitals, as titles are: most of its letters upper-case.
fn is_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    letters >= 8 && upper * 10 >= letters * 9
}

/// A name in full, without initials (`Dzhumalieva Lyazzat Turebekovna`): two
/// to four capitalised words.
fn is_full_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len()) && words.iter().all(|w| is_surname(w.trim_end_matches(',')))
}

/// Whether a line opens with the heading of a law's article, chapter or
/// section, by a word of the table's `heading` rows and its number, the
/// heading closed there (`1-бап .`, `Статья 3`, `Article 1. Basic
/// concepts`): never a wrapped line of a sentence (`Article 5 of the Law`).
pub fn is_law_heading(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let lower = first.to_lowercase();
    let closed = |rest: &str| {
        let rest = rest.trim_start();
        rest.is_empty() || rest.starts_with('.')
    };
    // `1-бап`, `3-тарау`: the number first.
    if let Some((number, word)) = lower.split_once('-') {
        let word = word.trim_end_matches('.');
        if !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && TABLE_READ.headings.iter().any(|h| h == word)
        {
            return closed(&line[line.find(first).unwrap_or(0) + first.len()..])
                || first.ends_with('.');
        }
    }
    // `Статья 3`, `Article 1.`, `Раздел I.`: the word, then its number.
    let Some(number) = words.next() else {
        return false;
    };
    let digits = number.trim_end_matches('.');
    let numbered = !digits.is_empty()
        && (digits.bytes().all(|b| b.is_ascii_digit())
            || digits.chars().all(|c| matches!(c, 'I' | 'V' | 'X')));
    let after = line
        .find(number)
        .map_or("", |at| &line[at + number.len()..]);
    TABLE_READ.headings.contains(&lower)
        && !matches!(
            lower.as_str(),
            "table" | "figure" | "таблица" | "рисунок" | "кесте" | "сурет"
        )
        && numbered
        && (number.ends_with('.') || closed(after))
}

/// Whether a source line opens front matter of its own: the extractor must
/// not join it to the line before or after (a title's last line and the
/// authors under it).
pub fn stands_alone(line: &str) -> bool {
    opening_kind(line).is_some() || is_authors(line)
}

/// The front matter's kind of each paragraph, `None` for the rest. Front
/// matter opens the document, and opens again at a line of a fixed opening
/// or a line of authors (a journal printing each language's title and
/// authors before its abstract); it ends at a label or a paragraph of text.
pub fn kinds(paragraphs: &[RawParagraph]) -> Vec<Option<BlockKind>> {
    let mut kinds: Vec<Option<BlockKind>> = vec![None; paragraphs.len()];
    let mut open = true;
    let mut author_notes = false;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let text = paragraph.text.as_str();
        if paragraph.is_table {
            open = false;
            continue;
        }
        if let Some(kind) = opening_kind(text) {
            kinds[i] = Some(kind);
            open = true;
            continue;
        }
        if let Some(label) = labels::label_at(text) {
            open = false;
            // Under `About the authors`, names are notes of the back matter.
            author_notes =
                label.announces == labels::Announces::Section(crate::model::Section::Authors);
            continue;
        }
        if author_notes {
            continue;
        }
        if is_authors(text) {
            // Front matter opening again: a title may stand just before the authors.
            let before = i.checked_sub(1).map(|j| paragraphs[j].text.as_str());
            let title_before =
                before.is_some_and(|t| is_title_like(t) && labels::label_at(t).is_none());
            if !open && title_before && kinds[i - 1].is_none() {
                kinds[i - 1] = Some(BlockKind::Title);
            }
            kinds[i] = Some(BlockKind::Authors);
            open = true;
            continue;
        }
        if !open {
            continue;
        }
        if is_affiliation(text) {
            kinds[i] = Some(BlockKind::Affiliation);
        } else if is_title_like(text) {
            kinds[i] = Some(BlockKind::Title);
        } else {
            open = false;
        }
    }
    // Front matter shows itself by a line of a fixed opening or of authors:
    // titles and institutions with neither beside them are the text's own
    // (a law's title, a translated version's, a law on an academy).
    let mut start = 0;
    while start < kinds.len() {
        let end = (start..kinds.len())
            .find(|&i| kinds[i].is_none())
            .unwrap_or(kinds.len());
        let shown = kinds[start..end]
            .iter()
            .any(|k| !matches!(k, Some(BlockKind::Title | BlockKind::Affiliation)));
        if !shown {
            kinds[start..end].fill(None);
        }
        start = end + 1;
    }
    // Before an abstract's label, the lines that name its title, authors
    // and their affiliations in that abstract's language (`Dzhumalieva
    // Lyazzat Turebekovna` over her university over `Abstract.`) are front
    // matter too, where one of them is plainly an affiliation or a title
    // in capitals, or they open the document.
    for i in 1..paragraphs.len() {
        let opens_abstract = labels::label_at(&paragraphs[i].text)
            .is_some_and(|l| l.announces == labels::Announces::Abstract);
        if !opens_abstract || kinds[i - 1].is_some() {
            continue;
        }
        let mut start = i;
        while start > 0 && kinds[start - 1].is_none() && i - start < 6 {
            let text = &paragraphs[start - 1].text;
            if paragraphs[start - 1].is_table
                || labels::label_at(text).is_some()
                || !(is_affiliation(text) || is_title_like(text))
            {
                break;
            }
            start -= 1;
        }
        // The document's first lines, over its first abstract, are its title.
        let shown = (start == 0 && start < i)
            || paragraphs[start..i]
                .iter()
                .any(|p| is_affiliation(&p.text) || is_capitals(&p.text));
        if shown {
            for j in start..i {
                kinds[j] = Some(match is_affiliation(&paragraphs[j].text) {
                    true => BlockKind::Affiliation,
                    false => BlockKind::Title,
                });
            }
        }
    }
    // A line between two affiliations is one too (an affiliation wrapped
    // over lines); a full name over an affiliation is an author.
    for i in 0..kinds.len() {
        let before = i.checked_sub(1).and_then(|j| kinds[j]);
        let after = kinds.get(i + 1).copied().flatten();
        if kinds[i] == Some(BlockKind::Title) && after == Some(BlockKind::Affiliation) {
            if before == Some(BlockKind::Affiliation) {
                kinds[i] = Some(BlockKind::Affiliation);
            } else if is_full_name(&paragraphs[i].text) {
                kinds[i] = Some(BlockKind::Authors);
            }
        }
    }
    kinds
}

/// The paragraphs, each with its kind where it is front matter; a title
/// printed over several lines is one.
pub fn with_kinds(paragraphs: Vec<RawParagraph>) -> Vec<(RawParagraph, Option<BlockKind>)> {
    let kinds = kinds(&paragraphs);
    let mut out: Vec<(RawParagraph, Option<BlockKind>)> = Vec::with_capacity(paragraphs.len());
    for (paragraph, kind) in paragraphs.into_iter().zip(kinds) {
        match out.last_mut() {
            Some((title, Some(BlockKind::Title))) if kind == Some(BlockKind::Title) => {
                title.append(&paragraph, " ");
            }
            _ => out.push((paragraph, kind)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_by_their_opening() {
        assert_eq!(opening_kind("УДК 94(574)"), Some(BlockKind::Classifier));
        assert_eq!(
            opening_kind("ӘӨЖ 94 (574). (075.8)"),
            Some(BlockKind::Classifier)
        );
        assert_eq!(opening_kind("МРНТИ 03.20.03"), Some(BlockKind::Classifier));
        assert_eq!(opening_kind("IRSTI 03.20.00"), Some(BlockKind::Classifier));
        assert_eq!(
            opening_kind("https://doi.org/10.55491/2411-6076-2023-4-66-83"),
            Some(BlockKind::Doi)
        );
        assert_eq!(opening_kind("DOI: 10.56525/ACWP6447"), Some(BlockKind::Doi));
        assert_eq!(
            opening_kind("E-mail: seytken98@mail.ru"),
            Some(BlockKind::Email)
        );
        assert_eq!(
            opening_kind("Received: 12 March 2023; Accepted: 2 May 2023"),
            Some(BlockKind::Dates)
        );
        assert_eq!(opening_kind("05 Dec 2014"), Some(BlockKind::Dates));
        assert_eq!(opening_kind("12 наурыз 2023 ж."), Some(BlockKind::Dates));
        assert_eq!(opening_kind("1917 жылы 5 желтоқсан"), None);
        // A sentence that opens with the same word is no front matter.
        assert_eq!(
            opening_kind("Received wisdom holds that the steppe was empty."),
            None
        );
        assert_eq!(opening_kind("Удкова писала"), None);
    }

    #[test]
    fn authors_by_their_initials() {
        for authors in [
            "Л.Т. ДЖУМАЛИЕВА",
            "Zh. A. Maydangalieva, G. A. Kuzembayeva",
            "З.С. Такуова1*, Ж.С. Купеева1, К.Т. Тлеужанова1, А.Е. Мамытова2",
            "Галиев А.А., Ковальская С.И.",
            "Ә.Б. Сейткен¹*ID",
            "T. Mekebayev and Zh. Kumganbayev",
            "Х.Досмұхамедұлы",
            "К.э.н. Кабатаева К.Т.",
        ] {
            assert!(is_authors(authors), "{authors}");
        }
        for other in [
            "Kazakh national intelligence and Alash movement",
            "A. Bukeikhan was elected chairman.",
            "Раздел I.",
            "Section I. General Provisions",
            "Алаш және Құрылтай",
            "1917",
        ] {
            assert!(!is_authors(other), "{other}");
        }
    }

    #[test]
    fn headings_of_laws_by_their_word_and_number() {
        for heading in [
            "1-бап . Қазақстан Республикасының мына заңнамалық актілеріне",
            "1-бап. Осы Конституциялық заңда пайдаланылатын негізгі ұғымдар",
            "Статья 3",
            "Article 1. Basic concepts used in this Constitutional Law",
            "Раздел I. Общие положения",
        ] {
            assert!(is_law_heading(heading), "{heading}");
        }
        for line in [
            "Article 5 of the Law says",
            "1-бабында көрсетілген",
            "Table 1. Deputies",
            "Статья посвящена",
        ] {
            assert!(!is_law_heading(line), "{line}");
        }
    }

    #[test]
    fn affiliations_by_institution_or_country() {
        assert!(is_affiliation(
            "¹әл-Фараби атындағы Қазақ ұлттық университеті, Қазақстан, Алматы"
        ));
        assert!(is_affiliation("Астана қ, Қазақстан"));
        assert!(is_affiliation(
            "Kazakh Agrotechnical Research University named after S. Seifullin"
        ));
        assert!(!is_affiliation("ҰЛТТЫҚ ИДЕЯ ТУРАЛЫ ОЙ-ПІКІРЛЕРІ"));
        assert!(!is_affiliation("Конституция Республики Казахстан"));
    }

    #[test]
    fn every_row_of_the_table_reads() {
        assert!(TABLE_READ.openings.len() > 40);
        assert!(!TABLE_READ.countries.is_empty() && !TABLE_READ.institutions.is_empty());
    }
}
