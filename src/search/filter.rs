//! Filters: the part of the corpus a command looks at, by document, section,
//! year, journal or author, as index queries (terms, and a fast-field range
//! for the year) that a search, a concordance or an export combines with its
//! own: the index answers them, nothing is scanned.

use std::ops::Bound;

use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::index::CorpusIndex;
use crate::model::{parse_section_path, Division, Section};
use crate::text::{analyze, Analyzer};

/// What to keep; an empty filter keeps everything. Each kind of condition
/// given must hold; of several values of one kind (two documents), any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Documents by id; a document cut into parts on import (`train-0001`
    /// …) is named by the id of the whole (`train`), as their metadata says.
    pub docs: Vec<String>,
    /// Sections: a path (`abstract/results`), a division (`abstract`,
    /// `body`, `front`) or a part of any division (`results`, `keywords`).
    pub sections: Vec<String>,
    /// Years, both ends included where given.
    pub years: Option<(Option<u16>, Option<u16>)>,
    /// Words of the journal's name, in order (`Вестник КазНУ`).
    pub journal: Option<String>,
    /// Words of an author's name (`Бөкейхан`, `Dulatuly M.`).
    pub authors: Vec<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self == &Filter::default()
    }

    /// The filter as a query of the index, `None` where it keeps everything;
    /// an error names a section that is none.
    pub fn query(&self, index: &CorpusIndex) -> Result<Option<Box<dyn Query>>, String> {
        let fields = index.fields;
        let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let any = |queries: Vec<Box<dyn Query>>| -> Box<dyn Query> {
            match queries.len() {
                1 => queries.into_iter().next().expect("one"),
                _ => Box::new(BooleanQuery::new(
                    queries.into_iter().map(|q| (Occur::Should, q)).collect(),
                )),
            }
        };
        if !self.docs.is_empty() {
            let docs = self
                .docs
                .iter()
                .map(|doc| term(fields.whole, doc))
                .collect();
            all.push((Occur::Must, any(docs)));
        }
        if !self.sections.is_empty() {
            let mut places = Vec::new();
            for section in &self.sections {
                places.push(term(fields.places, &place(section)?));
            }
            all.push((Occur::Must, any(places)));
        }
        if let Some((from, to)) = self.years {
            let bound = |year: Option<u16>, inclusive: fn(Term) -> Bound<Term>| match year {
                Some(y) => inclusive(Term::from_field_u64(fields.year, u64::from(y))),
                None => Bound::Unbounded,
            };
            let range = RangeQuery::new(bound(from, Bound::Included), bound(to, Bound::Included));
            // An open range still needs a year: a document without one is out.
            let range: Box<dyn Query> = match (from, to) {
                (None, None) => Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_u64(fields.year, 0)),
                    Bound::Unbounded,
                )),
                _ => Box::new(range),
            };
            all.push((Occur::Must, range));
        }
        if let Some(journal) = &self.journal {
            all.push((Occur::Must, words(fields.journal, journal)?));
        }
        if !self.authors.is_empty() {
            let mut authors = Vec::new();
            for author in &self.authors {
                authors.push(words(fields.authors, author)?);
            }
            all.push((Occur::Must, any(authors)));
        }
        Ok(match all.len() {
            0 => None,
            _ => Some(Box::new(BooleanQuery::new(all))),
        })
    }
}

impl Filter {
    /// An error where the filter names a document the index does not hold:
    /// a mistake, not an empty answer.
    pub fn check(&self, index: &CorpusIndex) -> Result<(), String> {
        let searcher = index.reader.searcher();
        for doc in &self.docs {
            let found = searcher
                .search(
                    term(index.fields.whole, doc).as_ref(),
                    &tantivy::collector::Count,
                )
                .map_err(|e| e.to_string())?;
            if found == 0 {
                return Err(format!("{doc}: no such document in the corpus"));
            }
        }
        Ok(())
    }
}

/// The years a `--year` gives: `1917`, `1917..1925`, `1917..`, `..1925`.
pub fn parse_years(text: &str) -> Result<(Option<u16>, Option<u16>), String> {
    let year = |s: &str| -> Result<Option<u16>, String> {
        match s.trim() {
            "" => Ok(None),
            s => s
                .parse::<u16>()
                .map(Some)
                .map_err(|_| format!("{s:?} is not a year")),
        }
    };
    let (from, to) = match text.split_once("..") {
        Some((from, to)) => (year(from)?, year(to)?),
        None => {
            let y = year(text)?.ok_or("a year, or a range such as 1917..1925")?;
            (Some(y), Some(y))
        }
    };
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(format!("{from}..{to} is an empty range"));
        }
    }
    Ok((from, to))
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

/// The term a section is indexed under: a path, a division or a part.
fn place(section: &str) -> Result<String, String> {
    let name = section.trim().to_lowercase();
    let known = name.contains('/') && parse_section_path(&name).is_some()
        || Division::ALL.iter().any(|d| d.name() == name)
        || Section::ALL.iter().any(|s| s.name() == name);
    if known {
        return Ok(name);
    }
    let names: Vec<&str> = Division::ALL
        .iter()
        .map(|d| d.name())
        .chain(
            Section::ALL
                .iter()
                .map(|s| s.name())
                .filter(|&n| n != "front"),
        )
        .collect();
    Err(format!(
        "{section:?} is no section: a division or part ({}), or a path such as abstract/results",
        names.join(", ")
    ))
}

/// The words of `text` in order in a field cut by the form analyzer.
fn words(field: Field, text: &str) -> Result<Box<dyn Query>, String> {
    let terms: Vec<Term> = analyze(Analyzer::Form, text)
        .into_iter()
        .map(|t| Term::from_field_text(field, &t.text))
        .collect();
    match terms.len() {
        0 => Err(format!("{text:?} holds no word to look for")),
        1 => Ok(Box::new(TermQuery::new(
            terms[0].clone(),
            IndexRecordOption::Basic,
        ))),
        _ => Ok(Box::new(PhraseQuery::new(terms))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_one_or_a_range_open_at_either_end() {
        assert_eq!(parse_years("1917"), Ok((Some(1917), Some(1917))));
        assert_eq!(parse_years("1917..1925"), Ok((Some(1917), Some(1925))));
        assert_eq!(parse_years("2000.."), Ok((Some(2000), None)));
        assert_eq!(parse_years("..1991"), Ok((None, Some(1991))));
        assert!(parse_years("1925..1917").is_err());
        assert!(parse_years("soon").is_err());
    }

    #[test]
    fn a_section_is_a_path_a_division_or_a_part() {
        assert_eq!(place("abstract/results"), Ok("abstract/results".to_owned()));
        assert_eq!(place("Body"), Ok("body".to_owned()));
        assert_eq!(place("keywords"), Ok("keywords".to_owned()));
        let wrong = place("abstract/nowhere").unwrap_err();
        assert!(
            wrong.contains("abstract, body") && wrong.contains("results"),
            "{wrong}"
        );
    }
}
