//! Metadata the text shows: what a document's metadata file leaves out is
//! inferred from its blocks where it can be, and marked as inferred.

use crate::model::{Block, BlockKind, Division, Lang, Metadata};

/// Fills the fields of `meta` that are empty from the document's blocks.
pub fn infer(meta: &mut Metadata, blocks: &[Block]) {
    if meta.languages.is_empty() {
        // The text's languages, not those of a DOI line, a reference list
        // or a paragraph in a fourth language.
        let text = |b: &&Block| {
            matches!(b.division, Division::Abstract | Division::Body) && b.other_language.is_none()
        };
        let any_text = blocks.iter().any(|b| text(&b));
        meta.languages = Lang::ALL
            .into_iter()
            .filter(|&l| {
                blocks
                    .iter()
                    .any(|b| b.lang == l && b.other_language.is_none() && (!any_text || text(&b)))
            })
            .collect();
        if !meta.languages.is_empty() {
            meta.inferred.push("languages".to_owned());
        }
    }
    if meta.doi.is_empty() {
        if let Some(doi) = blocks.iter().find_map(|b| find_doi(&b.text)) {
            meta.doi = doi;
            meta.inferred.push("doi".to_owned());
        }
    }
    if meta.authors.is_empty() {
        if let Some(block) = blocks.iter().find(|b| b.kind == BlockKind::Authors) {
            meta.authors = authors(&block.text);
            meta.inferred.push("authors".to_owned());
        }
    }
    if meta.title.is_empty() {
        if let Some(block) = blocks.iter().find(|b| b.kind == BlockKind::Title) {
            meta.title = block.text.trim_end_matches('.').to_owned();
            meta.inferred.push("title".to_owned());
        }
    }
    if meta.title.is_empty() {
        // Else a title is the first short block before the abstracts, if any stands there.
        let front = blocks
            .iter()
            .take_while(|b| b.division == Division::Body)
            .find(|b| {
                let words = b.text.split_whitespace().count();
                (3..=40).contains(&words) && !b.text.ends_with(':')
            });
        if let Some(block) =
            front.filter(|_| blocks.iter().any(|b| b.division == Division::Abstract))
        {
            meta.title = block.text.trim_end_matches('.').to_owned();
            meta.inferred.push("title".to_owned());
        }
    }
}

/// The names of a line of authors, without the marks that tie them to an
/// affiliation (`Такуова1*` is `Такуова`).
fn authors(line: &str) -> Vec<String> {
    line.split([',', ';'])
        .flat_map(|part| part.split(" and ").flat_map(|p| p.split(" и ")))
        .map(|name| {
            name.trim()
                .trim_start_matches('•')
                .trim_end_matches("ID")
                .trim_end_matches(|c: char| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰*† ".contains(c))
                .trim()
                .to_owned()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// A DOI (`10.` + registrant + `/` + suffix) in `text`, without trailing punctuation.
fn find_doi(text: &str) -> Option<String> {
    text.match_indices("10.").find_map(|(at, _)| {
        let candidate = text[at..].split(char::is_whitespace).next()?;
        let candidate = candidate.trim_end_matches(['.', ',', ';', ')']);
        let (registrant, suffix) = candidate.strip_prefix("10.")?.split_once('/')?;
        let valid = (4..=9).contains(&registrant.len())
            && registrant.chars().all(|c| c.is_ascii_digit() || c == '.')
            && !suffix.is_empty();
        valid.then(|| candidate.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_in_running_text() {
        assert_eq!(
            find_doi("DOI: https://doi.org/10.32523/2616-7255-2024-147-2-8-25."),
            Some("10.32523/2616-7255-2024-147-2-8-25".to_owned())
        );
        assert_eq!(find_doi("in 10.5 million"), None);
        assert_eq!(
            find_doi("page 10. 10.1000/xyz123"),
            Some("10.1000/xyz123".to_owned())
        );
        assert_eq!(find_doi("10."), None);
    }
}
