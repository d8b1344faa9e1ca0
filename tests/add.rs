//! `ushtil add` and `ushtil remove`: documents copied into the corpus and
//! taken out, the index updated by reading only what changed.

mod common;

use std::fs;
use std::path::Path;

use common::{corpus_copy, repo, stderr, ushtil, BUNDLED};

fn docs_found(corpus: &Path, index: &Path, query: &str) -> Vec<String> {
    let out = ushtil(
        corpus,
        index,
        &["search", query, "--format", "json", "-n", "100"],
    );
    let mut docs: Vec<String> = common::json_lines(&out)
        .iter()
        .map(|hit| hit["doc"].as_str().unwrap().to_owned())
        .collect();
    docs.sort();
    docs.dedup();
    docs
}

#[test]
fn an_added_document_is_the_only_one_read_and_both_answer() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    assert!(ushtil(corpus.path(), index.path(), &["build"])
        .status
        .success());
    // A journal article from elsewhere (Karaganda, 2010) on Mirzhakyp Dulatuly.
    let article = repo("tests/data/docs/karaganda-2010-dulatuly-kk-ru-en.txt");
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["add", article.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("added karaganda-2010-dulatuly-kk-ru-en"),
        "{said}"
    );
    assert!(
        said.contains("1 document read again, 0 documents removed"),
        "{said}"
    );
    assert!(corpus
        .path()
        .join("karaganda-2010-dulatuly-kk-ru-en.txt")
        .is_file());
    // Both answer: `Алаш` is in both, `Дулатұлы` in the new one only.
    assert_eq!(
        docs_found(corpus.path(), index.path(), "Алаш"),
        [BUNDLED, "karaganda-2010-dulatuly-kk-ru-en"]
    );
    assert_eq!(
        docs_found(corpus.path(), index.path(), "Дулатұлы"),
        ["karaganda-2010-dulatuly-kk-ru-en"]
    );
    // Added again, it is refused: the corpus has it.
    let again = ushtil(
        corpus.path(),
        index.path(),
        &["add", article.to_str().unwrap()],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("has a document karaganda-2010-dulatuly-kk-ru-en already"));
    // Removed, its files go and the index drops only it.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["remove", "karaganda-2010-dulatuly-kk-ru-en"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("0 documents read again, 1 document removed"),
        "{}",
        stderr(&out)
    );
    assert!(!corpus
        .path()
        .join("karaganda-2010-dulatuly-kk-ru-en.txt")
        .exists());
    assert_eq!(docs_found(corpus.path(), index.path(), "Алаш"), [BUNDLED]);
    let out = ushtil(corpus.path(), index.path(), &["remove", "nothing"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_document_of_one_file_per_language_comes_with_all_its_files() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let ru = repo("tests/data/parallel/trilingual/separate/const-art1.ru.txt");
    let out = ushtil(corpus.path(), index.path(), &["add", ru.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    for lang in ["kk", "ru", "en"] {
        assert!(
            corpus
                .path()
                .join(format!("const-art1.{lang}.txt"))
                .is_file(),
            "{lang}"
        );
    }
    assert!(
        docs_found(corpus.path(), index.path(), "Республика").contains(&"const-art1".to_owned())
    );
}

#[test]
fn a_file_that_cannot_be_read_is_not_added() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let bad = elsewhere.path().join("scan.txt");
    fs::write(&bad, b"%PDF\x00\x01").unwrap();
    let out = ushtil(corpus.path(), index.path(), &["add", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("scan.txt: line 1: a NUL byte"),
        "{}",
        stderr(&out)
    );
    assert!(!corpus.path().join("scan.txt").exists());
    let names: Vec<_> = fs::read_dir(corpus.path()).unwrap().collect();
    assert_eq!(names.len(), 2, "only the bundled article's two files");
}
