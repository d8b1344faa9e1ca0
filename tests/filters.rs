//! Filters: `--doc`, `--section`, `--year`, `--journal` and `--author` keep
//! search, concordance, collocates and export to part of the corpus.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{repo, stderr, stdout, ushtil, BUNDLED};

/// Four documents of real text: the bundled article (2023), two journal
/// articles given the metadata their sources print, and the Constitution's
/// first article, with none.
fn corpus() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["txt", "toml"] {
        let name = format!("{BUNDLED}.{ext}");
        fs::copy(repo(&format!("corpus/{name}")), dir.path().join(name)).unwrap();
    }
    let docs = repo("tests/data/docs");
    for (id, toml) in [
        (
            "karaganda-2010-dulatuly-kk-ru-en",
            "journal = \"Bulletin of Karaganda University. Philology series\"\nyear = 2010\n",
        ),
        (
            "kaznu-journalism-kk-ru-latin-a",
            "journal = \"KazNU Bulletin. Journalism series\"\n",
        ),
    ] {
        fs::copy(
            docs.join(format!("{id}.txt")),
            dir.path().join(format!("{id}.txt")),
        )
        .unwrap();
        fs::write(dir.path().join(format!("{id}.toml")), toml).unwrap();
    }
    for lang in ["kk", "ru", "en"] {
        let name = format!("const-art1.{lang}.txt");
        fs::copy(
            repo("tests/data/parallel/trilingual/separate").join(&name),
            dir.path().join(name),
        )
        .unwrap();
    }
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(dir.path(), index.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, index)
}

/// The hits of a search, as (doc, section).
fn hits(corpus: &Path, index: &Path, query: &str, filter: &[&str]) -> Vec<(String, String)> {
    let mut args = vec!["search", query, "--format", "json", "-n", "1000"];
    args.extend_from_slice(filter);
    let out = ushtil(corpus, index, &args);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    common::json_lines(&out)
        .iter()
        .map(|h| {
            (
                h["doc"].as_str().unwrap().to_owned(),
                h["section"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn docs(hits: &[(String, String)]) -> BTreeSet<&str> {
    hits.iter().map(|(d, _)| d.as_str()).collect()
}

/// Words all four documents print: `Қазақстан`/`Казахстан`/`Kazakhstan`, and more.
const QUERY: &str = "Қазақстан OR Казахстан OR Kazakhstan OR Алаш OR қазақ";

#[test]
fn each_filter_keeps_its_part_of_the_corpus() {
    let (corpus, index) = corpus();
    let (c, i) = (corpus.path(), index.path());
    let all = hits(c, i, QUERY, &[]);
    assert_eq!(docs(&all).len(), 4, "{:?}", docs(&all));
    // Documents, one or several.
    let one = hits(c, i, QUERY, &["--doc", "const-art1"]);
    assert_eq!(docs(&one), BTreeSet::from(["const-art1"]));
    let two = hits(c, i, QUERY, &["--doc", "const-art1", "--doc", BUNDLED]);
    assert_eq!(docs(&two), BTreeSet::from(["const-art1", BUNDLED]));
    assert_eq!(
        two.len(),
        one.len() + hits(c, i, QUERY, &["--doc", BUNDLED]).len()
    );
    // Sections: a division, a part, a path.
    let abstracts = hits(c, i, QUERY, &["--section", "abstract"]);
    assert!(!abstracts.is_empty() && abstracts.len() < all.len());
    assert!(abstracts.iter().all(|(_, s)| s.starts_with("abstract/")));
    let keywords = hits(c, i, QUERY, &["--section", "keywords"]);
    assert!(!keywords.is_empty());
    assert!(
        keywords.iter().all(|(_, s)| s.ends_with("/keywords")),
        "{keywords:?}"
    );
    let path = hits(c, i, QUERY, &["--section", "abstract/keywords"]);
    assert_eq!(path, keywords);
    // `front` is the division (titles, authors), not the text before a label.
    let front = hits(
        c,
        i,
        "Қазақстан OR Казахстан OR Kazakhstan OR Алаш OR қазақ OR Каренов OR университеті",
        &["--section", "front"],
    );
    assert!(!front.is_empty());
    assert!(
        front.iter().all(|(_, s)| s.starts_with("front/")),
        "{front:?}"
    );
    // Years: the metadata file's, a range, open at one end; a document
    // without a year is in no range.
    let y2010 = hits(c, i, QUERY, &["--year", "2010"]);
    assert_eq!(
        docs(&y2010),
        BTreeSet::from(["karaganda-2010-dulatuly-kk-ru-en"])
    );
    let range = hits(c, i, QUERY, &["--year", "2000..2030"]);
    assert_eq!(
        docs(&range),
        BTreeSet::from(["karaganda-2010-dulatuly-kk-ru-en", BUNDLED])
    );
    assert_eq!(
        docs(&hits(c, i, QUERY, &["--year", "2015.."])),
        BTreeSet::from([BUNDLED])
    );
    assert!(hits(c, i, QUERY, &["--year", "..1999"]).is_empty());
    // A journal by words of its name, in any case; an author by the name
    // the text prints (`Каренов Р.С.`), inferred where no file gives it.
    let journal = hits(c, i, QUERY, &["--journal", "kaznu bulletin"]);
    assert_eq!(
        docs(&journal),
        BTreeSet::from(["kaznu-journalism-kk-ru-latin-a"])
    );
    assert!(hits(c, i, QUERY, &["--journal", "bulletin kaznu"]).is_empty());
    let author = hits(c, i, QUERY, &["--author", "каренов"]);
    assert_eq!(
        docs(&author),
        BTreeSet::from(["karaganda-2010-dulatuly-kk-ru-en"])
    );
    // Combined: each must hold.
    let both = hits(
        c,
        i,
        QUERY,
        &["--journal", "Bulletin", "--section", "abstract"],
    );
    assert!(!both.is_empty());
    assert!(both
        .iter()
        .all(|(d, s)| d != BUNDLED && d != "const-art1" && s.starts_with("abstract/")));
    // --count agrees.
    let out = ushtil(c, i, &["search", QUERY, "--count", "--section", "abstract"]);
    assert_eq!(stdout(&out).trim(), abstracts.len().to_string());
}

#[test]
fn concordance_collocates_and_export_take_the_same_filters() {
    let (corpus, index) = corpus();
    let (c, i) = (corpus.path(), index.path());
    let lines = |filter: &[&str]| {
        let mut args = vec!["concord", "Алаш", "--format", "json"];
        args.extend_from_slice(filter);
        let out = ushtil(c, i, &args);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
        common::json_lines(&out)
    };
    let all = lines(&[]);
    let abstracts = lines(&["--section", "abstract"]);
    assert!(!abstracts.is_empty() && abstracts.len() < all.len());
    assert!(abstracts
        .iter()
        .all(|l| l["section"].as_str().unwrap().starts_with("abstract/")));
    assert!(lines(&["--year", "..2000"]).is_empty());
    // Collocates count in the part kept: fewer co-occurrences in the abstracts.
    let together = |filter: &[&str]| -> u64 {
        let mut args = vec![
            "collocates",
            "Алаш",
            "--lang",
            "kk",
            "--format",
            "json",
            "--min",
            "1",
        ];
        args.extend_from_slice(filter);
        let out = ushtil(c, i, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        common::json_lines(&out)
            .iter()
            .map(|l| l["together"].as_u64().unwrap())
            .sum()
    };
    let (everywhere, in_abstracts) = (together(&[]), together(&["--section", "abstract"]));
    assert!(
        in_abstracts > 0 && in_abstracts < everywhere,
        "{in_abstracts} {everywhere}"
    );
    // Export: only the abstracts of the one article with a year of 2010.
    let out = ushtil(
        c,
        i,
        &[
            "export",
            "--format",
            "tsv",
            "--section",
            "abstract",
            "--year",
            "2010",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<String> = stdout(&out).lines().skip(1).map(str::to_owned).collect();
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r.starts_with("karaganda-2010-dulatuly-kk-ru-en\tu001\tabstract/front\t")));
    assert_eq!(rows.len(), 4);
}

#[test]
fn a_filter_that_names_nothing_there_is_an_error() {
    let (corpus, index) = corpus();
    let (c, i) = (corpus.path(), index.path());
    for (args, message) in [
        (
            vec!["search", "Алаш", "--doc", "no-such-doc"],
            "ushtil: error: filter: no-such-doc: no such document in the corpus",
        ),
        (
            vec!["concord", "Алаш", "--section", "summary"],
            "ushtil: error: filter: \"summary\" is no section",
        ),
        (
            vec!["export", "--doc", "no-such-doc"],
            "ushtil: error: no-such-doc: no such document in the corpus",
        ),
    ] {
        let out = ushtil(c, i, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with(message), "{}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1);
    }
    let out = ushtil(c, i, &["search", "Алаш", "--year", "1925..1917"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("1925..1917 is an empty range"),
        "{}",
        stderr(&out)
    );
}
