//! Text analysis: the tokenizer and the token filters chained into the
//! per-language analyzers that index and query the corpus.

pub mod analyzers;
pub mod filters;
pub mod fold;
pub mod kazakh;
pub mod names;
pub mod russian;
pub mod tokenizer;

pub use analyzers::{analyze, first_terms, probe, register, words, AnalyzedWord, Analyzer};
