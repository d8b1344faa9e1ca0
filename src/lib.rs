//! ushtil: Kazakh, Russian and English scholarly text as an aligned, searchable
//! trilingual corpus.
//!
//! The pipeline, one module a stage:
//! [`corpus`] (source files) → [`ingest`] ([`model::Document`]) →
//! [`align`] ([`model::Unit`]s) → [`index`] (tantivy, analyzers from [`text`]) →
//! [`search`] ([`search::Hit`]s). The library prints nothing; the binary's
//! commands and printers do.

pub mod align;
pub mod build;
pub mod concord;
pub mod corpus;
pub mod import;
pub mod index;
pub mod ingest;
pub mod lifecycle;
pub mod model;
mod parallel;
pub mod search;
mod spill;
pub mod stats;
pub mod text;
pub mod translations;
pub mod view;
