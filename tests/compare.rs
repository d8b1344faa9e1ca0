//! `ushtil compare` lays the translations side by side; `ushtil align` writes
//! the alignment file a curator corrects, and `build` keeps the correction.

mod common;

use std::fs;

use common::{corpus_copy, repo, stderr, stdout, ushtil, BUNDLED};
use serde_json::Value;

fn compare(args: &[&str]) -> std::process::Output {
    let index = tempfile::tempdir().unwrap();
    let mut all = vec!["compare", BUNDLED];
    all.extend_from_slice(args);
    ushtil(&repo("corpus"), index.path(), &all)
}

#[test]
fn side_by_side_with_a_dash_where_a_version_drops_a_sentence() {
    let out = compare(&["--width", "150"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // The header names the columns in the order asked for.
    let header = lines[0].split_whitespace().collect::<Vec<_>>();
    assert_eq!(header, ["kk", "ru", "en"]);
    // The Kazakh and Russian introductions have a second sentence the English lacks.
    let row = lines
        .iter()
        .find(|l| l.contains("Бірақ уақытша Үкімет"))
        .unwrap();
    assert!(row.contains("Временное правительство назначило"), "{row}");
    assert!(row.trim_end().ends_with('—'), "{row}");
    // What each version adds or drops, counted at the end.
    assert!(
        text.contains("kk  15 sentences; 1 not in ru, 6 not in en"),
        "{text}"
    );
    assert!(
        text.contains("en  8 sentences; 0 not in kk, 0 not in ru"),
        "{text}"
    );
    // No line is wider than asked.
    assert!(
        lines.iter().all(|l| l.chars().count() <= 150),
        "a line wider than 150"
    );
}

#[test]
fn languages_chosen_and_ordered() {
    let out = compare(&[
        "--langs",
        "en,kk",
        "--section",
        "materials",
        "--width",
        "100",
    ]);
    let text = stdout(&out);
    assert_eq!(
        text.lines()
            .next()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["en", "kk"]
    );
    assert!(!text.contains("Источниковой"));
    assert!(text
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("abstract/materials"));
    // JSON holds the languages asked for, and the part is named as search names it.
    let out = compare(&[
        "--langs",
        "en",
        "--section",
        "abstract/materials",
        "--format",
        "json",
    ]);
    for line in stdout(&out).lines() {
        let group: Value = serde_json::from_str(line).unwrap();
        assert_eq!(group["section"], "abstract/materials");
        assert!(
            group.get("kk").is_none() && group.get("ru").is_none(),
            "{group}"
        );
        assert!(group["sentences"].get("kk").is_none(), "{group}");
        assert!(group["sentences"]["en"].is_array());
    }
    // A part it does not have: the ones it has are named.
    let out = compare(&["--section", "methods"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("(it has introduction, goals, materials"));
}

#[test]
fn tsv_and_json_for_scripts() {
    let out = compare(&["--format", "tsv", "--section", "conclusion"]);
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "doc",
            "unit",
            "section",
            "group",
            "confidence",
            "kk",
            "ru",
            "en"
        ]
    );
    assert_eq!(rows.len(), 4);
    // The sovereign republic sentence: Kazakh and Russian, no English.
    assert!(rows[3][5].contains("егеменді республикаға айналды"));
    assert!(rows[3][6].contains("суверенную республику"));
    assert_eq!(rows[3][7], "");
    let out = compare(&["--format", "json"]);
    let groups: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(groups.len(), 15);
    for group in &groups {
        let confidence = group["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
        assert!(group["sentences"]["kk"].is_array());
        // Each sentence's text, in order, the group's text between them.
        for lang in ["kk", "ru", "en"] {
            let texts = group["sentence_texts"][lang].as_array().unwrap();
            assert_eq!(
                texts.len(),
                group["sentences"][lang].as_array().unwrap().len()
            );
            let mut rest = group[lang].as_str().unwrap_or_default();
            for text in texts {
                let text = text.as_str().unwrap();
                let at = rest
                    .find(text)
                    .unwrap_or_else(|| panic!("{text:?} in {group}"));
                assert!(rest[..at].trim().is_empty(), "{group}");
                rest = &rest[at + text.len()..];
            }
            assert!(rest.trim().is_empty(), "{group}");
        }
    }
}

#[test]
fn weak_links_are_listed_for_checking_first() {
    let all: Vec<Value> = stdout(&compare(&["--format", "json"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let weak: Vec<Value> = stdout(&compare(&[
        "--format",
        "json",
        "--weak",
        "--threshold",
        "0.7",
    ]))
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect();
    assert!(!weak.is_empty() && weak.len() < all.len());
    assert!(weak.iter().all(|g| g["confidence"].as_f64().unwrap() < 0.7));
    let below = all
        .iter()
        .filter(|g| g["confidence"].as_f64().unwrap() < 0.7)
        .count();
    assert_eq!(weak.len(), below);
}

fn materials_groups(corpus: &std::path::Path, index: &std::path::Path) -> Vec<Value> {
    let out = ushtil(corpus, index, &["export"]);
    let unit: Value = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|u| u["section"] == "abstract/materials")
        .unwrap();
    unit["sentences"].as_array().unwrap().clone()
}

#[test]
fn a_corrected_alignment_survives_a_rebuild_of_the_source() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(corpus.path(), index.path(), &["align", BUNDLED]);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = corpus.path().join(format!("{BUNDLED}.align.tsv"));
    let proposal = fs::read_to_string(&file).unwrap();
    assert!(proposal.contains("# status: proposed"));
    // A proposal is not used by build: the aligner's three materials groups stand.
    assert_eq!(materials_groups(corpus.path(), index.path()).len(), 3);
    // The curator joins the first two Kazakh materials sentences to the first
    // Russian one and marks the file checked.
    let corrected: String = proposal
        .lines()
        .filter(|l| !(l.starts_with("materials\t0\t-") || l.starts_with("materials\t1\t0")))
        .map(|l| {
            let l = l.replace("# status: proposed", "# status: checked");
            if l.starts_with("materials\t2\t1") {
                format!("materials\t0,1\t0\t-\t1\t(joined by hand)\n{l}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    fs::write(&file, corrected).unwrap();
    let groups = materials_groups(corpus.path(), index.path());
    assert_eq!(groups.len(), 2);
    assert!(groups[0]["kk"]
        .as_str()
        .unwrap()
        .starts_with("Материалдар. Мақала барысында"));
    assert!(groups[0]["kk"]
        .as_str()
        .unwrap()
        .contains("Зерттеудің қайнар көзі"));
    // The source is rebuilt (touched): the correction stays.
    let source = corpus.path().join(format!("{BUNDLED}.txt"));
    let text = fs::read_to_string(&source).unwrap();
    fs::write(&source, format!("{text}\n")).unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(
        stderr(&out).contains("1 document read again"),
        "{}",
        stderr(&out)
    );
    assert_eq!(materials_groups(corpus.path(), index.path()), groups);
    // A fresh proposal does not overwrite the checked file.
    let out = ushtil(corpus.path(), index.path(), &["align", BUNDLED]);
    assert!(
        stderr(&out).contains("align.proposed.tsv"),
        "{}",
        stderr(&out)
    );
    assert!(fs::read_to_string(&file)
        .unwrap()
        .contains("(joined by hand)"));
    assert!(corpus
        .path()
        .join(format!("{BUNDLED}.align.proposed.tsv"))
        .is_file());
}

#[test]
fn a_checked_alignment_that_no_longer_fits_stops_the_build() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let file = corpus.path().join(format!("{BUNDLED}.align.tsv"));
    fs::write(
        &file,
        "# status: checked\nresults\t0\t0\t0\t1\nresults\t1,2,3,9\t1,2,3\t1\t1\n",
    )
    .unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(
        message.contains(&format!("{BUNDLED}.align.tsv: line 3: kk sentence 9")),
        "{message}"
    );
    assert!(!index.path().join("CURRENT").exists());
}

#[test]
fn a_part_named_as_search_prints_it() {
    // `abstract/results` as search prints it, and `results` by its name.
    for section in ["abstract/results", "results"] {
        let out = compare(&["--section", section, "--format", "json"]);
        assert!(out.status.success(), "{section}: {}", stderr(&out));
        let rows = common::json_lines(&out);
        assert!(!rows.is_empty());
        assert!(
            rows.iter().all(|r| r["section"] == "abstract/results"),
            "{section}"
        );
    }
}
