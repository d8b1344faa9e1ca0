//! `ushtil inspect`: what ingest found in a document, for a curator to check.

mod common;

use common::{repo, stderr, stdout, ushtil, BUNDLED};
use serde_json::Value;

fn inspect_json(doc: &str) -> Value {
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(
        &repo("corpus"),
        index.path(),
        &["inspect", doc, "--format", "json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn blocks_of_the_bundled_article_in_order() {
    let json = inspect_json(BUNDLED);
    let blocks = json["blocks"].as_array().unwrap();
    let first: Vec<(&str, &str, &str)> = blocks
        .iter()
        .take(3)
        .map(|b| {
            (
                b["lang"].as_str().unwrap(),
                b["kind"].as_str().unwrap(),
                b["section"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        first,
        [
            ("en", "paragraph", "introduction"),
            ("en", "paragraph", "goals"),
            ("en", "paragraph", "materials")
        ]
    );
    // The Kazakh abstract's introduction: its labels, glued to the year as
    // printed, stay in the text and are told apart as its label.
    let kk = blocks.iter().find(|b| b["lang"] == "kk").unwrap();
    assert_eq!(kk["label"], "Андатпа. Кіріспе.");
    assert!(kk["text"]
        .as_str()
        .unwrap()
        .starts_with("Андатпа. Кіріспе.1917 жылдың"));
    assert_eq!(kk["line"], 34);
    // Keyword lists in all three languages, the acknowledgement in Kazakh only.
    let kinds = |kind: &str| {
        blocks
            .iter()
            .filter(|b| b["kind"] == kind)
            .map(|b| b["lang"].as_str().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds("keywords"), ["en", "kk", "ru"]);
    assert_eq!(kinds("acknowledgement"), ["kk"]);
    assert_eq!(kinds("table").len(), 2);
}

#[test]
fn metadata_from_the_file_and_repairs_recorded() {
    let json = inspect_json(BUNDLED);
    assert_eq!(json["meta"]["year"], 2023);
    assert_eq!(
        json["meta"]["languages"],
        serde_json::json!(["en", "kk", "ru"])
    );
    assert!(json["meta"].get("inferred").is_none());
    let repairs = json["repairs"].as_array().unwrap();
    let has = |kind: &str, printed: &str| {
        repairs
            .iter()
            .any(|r| r["kind"] == kind && r["printed"] == printed)
    };
    assert!(has("glued-words", "state.The"));
    assert!(has("glued-words", "Alash».According"));
    assert!(has("mixed-script", "Turga\u{0443}"));
    assert!(has("mixed-script", "\u{0422}able"));
}

#[test]
fn a_file_outside_the_corpus_with_inferred_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("note.txt");
    std::fs::write(
        &path,
        "Аннотация. Введение. Газета «Сарыарқа» писала о выборах. DOI 10.1234/abc.5\n",
    )
    .unwrap();
    let json = inspect_json(path.to_str().unwrap());
    assert_eq!(json["meta"]["languages"], serde_json::json!(["ru"]));
    assert_eq!(json["meta"]["doi"], "10.1234/abc.5");
    assert_eq!(
        json["meta"]["inferred"],
        serde_json::json!(["languages", "doi"])
    );
}

#[test]
fn text_report_shows_lines_languages_and_sections() {
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(&repo("corpus"), index.path(), &["inspect", BUNDLED]);
    let text = stdout(&out);
    assert!(text
        .lines()
        .any(|l| l.trim_start().starts_with("34  paragraph")
            && l.contains("kk")
            && l.contains("abstract/introduction")));
    assert!(text.contains("repairs: 9 glued words cut"));
    let missing = ushtil(&repo("corpus"), index.path(), &["inspect", "no-such-doc"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no document \"no-such-doc\""));
}
