//! `ushtil stats`: what the corpus holds, in total and per document.

mod common;

use std::fs;

use common::{corpus_copy, stderr, ushtil, BUNDLED};
use serde_json::Value;

fn stats(corpus: &std::path::Path, index: &std::path::Path, args: &[&str]) -> Value {
    let mut all = vec!["stats", "--format", "json"];
    all.extend_from_slice(args);
    let out = ushtil(corpus, index, &all);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&common::stdout(&out)).unwrap()
}

#[test]
fn counts_add_up_over_documents_and_vocabulary_does_not() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let one = stats(corpus.path(), index.path(), &[]);
    assert_eq!(one["documents"], 1);
    // The bundled article: its abstract in three languages, its body in English.
    let export = ushtil(corpus.path(), index.path(), &["export"]);
    assert_eq!(one["units"], common::json_lines(&export).len());
    for lang in ["kk", "ru", "en"] {
        let l = &one["languages"][lang];
        let n = |field: &str| l[field].as_u64().unwrap();
        assert!(
            n("units") > 0 && n("sentences") >= n("units"),
            "{lang}: {l}"
        );
        assert!(n("aligned_sentences") <= n("sentences"), "{lang}: {l}");
        // fewer forms than words, fewer terms than forms: forms of one lemma meet
        assert!(
            n("words") > n("forms") && n("forms") > n("terms"),
            "{lang}: {l}"
        );
    }
    // Its Kazakh and Russian abstracts are aligned throughout with another language.
    assert_eq!(
        one["languages"]["ru"]["aligned_sentences"],
        one["languages"]["ru"]["sentences"]
    );
    // A second copy doubles the counts, not the vocabulary.
    fs::copy(
        corpus.path().join(format!("{BUNDLED}.txt")),
        corpus.path().join("copy.txt"),
    )
    .unwrap();
    let two = stats(corpus.path(), index.path(), &[]);
    assert_eq!(two["documents"], 2);
    assert_eq!(two["units"], 2 * one["units"].as_u64().unwrap());
    for lang in ["kk", "ru", "en"] {
        for field in ["units", "sentences", "aligned_sentences", "words"] {
            let (a, b) = (
                &one["languages"][lang][field],
                &two["languages"][lang][field],
            );
            assert_eq!(b.as_u64(), a.as_u64().map(|n| 2 * n), "{lang} {field}");
        }
        for field in ["forms", "terms"] {
            assert_eq!(two["languages"][lang][field], one["languages"][lang][field]);
        }
    }
    // One document's counts with --doc.
    assert_eq!(stats(corpus.path(), index.path(), &["--doc", "copy"]), one);
    let out = ushtil(corpus.path(), index.path(), &["stats", "--doc", "nothing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nothing: no such document"),
        "{}",
        stderr(&out)
    );
}
