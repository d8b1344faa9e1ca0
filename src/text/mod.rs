//! Text analysis: the tokenizer and the token filters chained into the
//! per-language analyzers that index and query the corpus.

pub mod analyzers;
pub mod cutter;
pub mod english;
pub mod filters;
pub mod fold;
pub mod kazakh;
pub mod latin;
pub mod memo;
pub mod names;
pub mod russian;
pub mod tokenizer;

pub use analyzers::{
    analyze, first_terms, for_each_token, probe, register, word_places, word_terms, words,
    AnalyzedWord, Analyzer,
};

/// The rows of a table of linguistic data (`data/*.tsv` here and in
/// `ingest/`): its lines but blank ones and `#` comments.
pub(crate) fn table_rows(table: &'static str) -> impl Iterator<Item = &'static str> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// A text on one line: its runs of white space, line breaks among them, as
/// one space, and none at either end. How a table cell or an exported group
/// holds a text.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Real text in the three languages and in Latin Kazakh, for tests that hold
/// a faster way to the plain one: the test documents of ingest and the
/// bundled article.
#[cfg(test)]
pub(crate) fn real_texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for folder in ["tests/data/docs", "corpus"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    assert!(texts.len() > 20);
    texts
}
