//! Russian searched by dictionary lemma, on real text: a journal article's
//! front matter and a FLORES passage (`../shared/eval/parallel/flores-dev`).
//! A suffix stripper cuts `Казахстан` to `казахста` and `Казахстане` to
//! `казахстан`, so the one never found the other; `стали` is `стать` or
//! `сталь`, and a search for either lemma finds it.

mod common;

use std::path::Path;

use common::{json_lines, repo, ushtil};
use serde_json::Value;

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &str, to: &str| std::fs::copy(repo(from), dir.path().join(to)).unwrap();
    copy(
        "tests/data/docs/karaganda-takuova-ru-spaced-hyphens.txt",
        "takuova.txt",
    );
    copy(
        "../shared/eval/parallel/flores-dev/combined/131-wikibooks-Luxembourg.ru-en-kk.txt",
        "luxembourg.txt",
    );
    dir
}

/// The Russian words each hit marks, hit by hit.
fn marked_russian(corpus: &Path, query: &str) -> Vec<Vec<String>> {
    let index = corpus.join("index");
    let out = ushtil(
        corpus,
        &index,
        &[
            "search", "--lang", "ru", "--format", "json", "-n", "50", query,
        ],
    );
    json_lines(&out)
        .iter()
        .map(|hit: &Value| {
            let text = hit["texts"]["ru"].as_str().unwrap_or_default();
            hit["highlights"]["ru"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    text[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize]
                        .to_owned()
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_case_form_finds_the_nominative_and_the_nominative_the_case_form() {
    let dir = corpus();
    let found = marked_russian(dir.path(), "казахстане").concat();
    assert!(found.contains(&"Казахстан".to_owned()), "{found:?}");
    assert!(found.contains(&"Казахстане".to_owned()), "{found:?}");
    let found = marked_russian(dir.path(), "казахстан").concat();
    assert!(found.contains(&"Казахстане".to_owned()), "{found:?}");
}

#[test]
fn an_ambiguous_form_is_found_by_either_lemma() {
    let dir = corpus();
    // `стали бельгийскими` "became Belgian": found as `стать` and as `сталь`.
    for query in ["стать", "сталь"] {
        let found = marked_russian(dir.path(), query).concat();
        assert!(found.contains(&"стали".to_owned()), "{query}: {found:?}");
    }
    // The verb's other forms are `стать` only: `стал` is no form of `сталь`.
    assert!(marked_russian(dir.path(), "стать")
        .concat()
        .contains(&"стал".to_owned()));
    assert!(!marked_russian(dir.path(), "сталь")
        .concat()
        .contains(&"стал".to_owned()));
}

#[test]
fn a_phrase_matches_through_the_readings_of_its_words() {
    let dir = corpus();
    let found = marked_russian(dir.path(), "\"стали бельгийскими\"");
    assert_eq!(found, [["стали бельгийскими"]]);
    // Another form of each word, in the same order: still the phrase.
    let found = marked_russian(dir.path(), "\"стал бельгийским\"");
    assert_eq!(found, [["стали бельгийскими"]]);
}
