//! Documents laid out differently from the bundled article (tests/data/docs/):
//! each ingests to the structure a careful reader finds, and a corpus of all of
//! them builds and searches.

mod common;

use std::fs;
use std::path::PathBuf;

use common::{json_lines, repo, stderr, ushtil};
use ushtil::model::{BlockKind, Division, Lang};

const DOCUMENTS: [&str; 4] = [
    "kk-ru-en",
    "ru-kk-en-russian-body",
    "english-abstract-two-column-table",
    "no-keywords-kazakh-body",
];

fn path(name: &str, ext: &str) -> PathBuf {
    repo(&format!("tests/data/docs/{name}.{ext}"))
}

fn ingest(name: &str) -> ushtil::model::Document {
    ushtil::ingest::ingest_file(&path(name, "txt"), name, Default::default()).unwrap()
}

#[test]
fn each_document_has_its_expected_structure() {
    for name in DOCUMENTS {
        common::check_expected_structure(name);
    }
}

#[test]
fn abstracts_in_any_order_align_part_by_part() {
    for name in [
        "kk-ru-en",
        "ru-kk-en-russian-body",
        "no-keywords-kazakh-body",
    ] {
        let units = ushtil::align::align(&ingest(name));
        for unit in units.iter().filter(|u| u.division == Division::Abstract) {
            assert!(
                Lang::ALL.iter().all(|&l| unit.text(l).is_some()),
                "{name}: {} lacks a language",
                unit.section_path()
            );
            // The dates of the results part are linked across all three languages.
            if unit.section.name() == "results" {
                let dates = unit
                    .link_texts()
                    .into_iter()
                    .find(|l| l.kk.is_some_and(|t| t.contains("12-14 және 28")))
                    .unwrap();
                assert!(dates.ru.unwrap().contains("12-14 и 28 ноября"), "{name}");
                assert!(
                    dates.en.unwrap().contains("November 12-14 and 28"),
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn two_column_table_keeps_its_cells() {
    let document = ingest("english-abstract-two-column-table");
    let table = document
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Table)
        .unwrap();
    let table = table.table.as_ref().unwrap();
    assert_eq!(
        table.caption,
        "Table 1. Deputies elected to the Constituent Assembly by district:"
    );
    assert_eq!(table.rows[0], ["District", "Deputies elected"]);
    assert_eq!(table.rows[3], ["Turgay region", "5"]);
    assert_eq!(table.rows.len(), 7);
}

#[test]
fn hyphen_split_by_the_line_end_is_joined_in_the_russian_body() {
    let document = ingest("ru-kk-en-russian-body");
    let body = document
        .blocks
        .iter()
        .find(|b| b.division == Division::Body)
        .unwrap();
    assert!(
        body.text.contains("на национальное самоопределение."),
        "{}",
        body.text
    );
}

#[test]
fn a_corpus_of_all_layouts_builds_and_searches() {
    let corpus = tempfile::tempdir().unwrap();
    for name in DOCUMENTS {
        fs::copy(path(name, "txt"), corpus.path().join(format!("{name}.txt"))).unwrap();
    }
    let index = tempfile::tempdir().unwrap();
    let build = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(stderr(&build).contains("indexed 4 documents"));
    // The table of the English-only document is a unit of its own.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["search", "Semirechensk", "--format", "json"],
    );
    let hits = json_lines(&out);
    assert!(hits
        .iter()
        .any(|h| h["doc"] == "english-abstract-two-column-table" && h["kind"] == "table"));
    // The Russian body is searched with the Russian analyzer: `самоопределения` finds it.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &[
            "search",
            "самоопределения",
            "--lang",
            "ru",
            "--format",
            "json",
            "-n",
            "50",
        ],
    );
    let hits = json_lines(&out);
    assert!(hits
        .iter()
        .any(|h| h["doc"] == "ru-kk-en-russian-body" && h["section"] == "body/introduction"));
    // The Kazakh body is searched with the Kazakh analyzer.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &[
            "search",
            "мұрағаттардан",
            "--lang",
            "kk",
            "--format",
            "json",
        ],
    );
    let hits = json_lines(&out);
    assert!(hits
        .iter()
        .any(|h| h["doc"] == "no-keywords-kazakh-body" && h["section"] == "body/introduction"));
}

#[test]
fn a_byte_order_mark_changes_nothing() {
    // Saved by a Windows editor: the article with a UTF-8 byte-order mark.
    let text =
        std::fs::read_to_string(common::repo(&format!("corpus/{}.txt", common::BUNDLED))).unwrap();
    let plain = ushtil::ingest::ingest("x", Default::default(), &text);
    let marked = ushtil::ingest::ingest("x", Default::default(), &format!("\u{feff}{text}"));
    assert_eq!(
        serde_json::to_value(&marked.blocks).unwrap(),
        serde_json::to_value(&plain.blocks).unwrap()
    );
    let english = ushtil::align::align(&marked)
        .into_iter()
        .filter(|u| u.passages.en.is_some())
        .count();
    assert!(english > 0);
}
