//! `ushtil export`: the corpus as JSON Lines, TMX, Moses files, TSV and CSV,
//! each read back by the tools that read them.

mod common;

use std::fs;
use std::process::Command;

use common::{repo, shared_index, stderr, ushtil};

fn export(args: &[&str]) -> std::process::Output {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let out = ushtil(&repo("corpus"), shared_index(), &all);
    assert!(out.status.success(), "{}", stderr(&out));
    out
}

/// The aligned sentence groups with a Kazakh and a Russian sentence, from the
/// TSV export read by a CSV reader: (kk, ru).
fn kk_ru_groups() -> Vec<(String, String)> {
    let out = export(&["--format", "tsv", "--langs", "kk,ru"]);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_reader(out.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["doc", "unit", "section", "kk", "ru"]
    );
    reader
        .records()
        .map(Result::unwrap)
        .filter(|r| !r[3].is_empty() && !r[4].is_empty())
        .map(|r| (r[3].to_owned(), r[4].to_owned()))
        .collect()
}

#[test]
fn tmx_is_valid_against_the_tmx_dtd_with_a_unit_per_aligned_group() {
    let out = export(&["--format", "tmx"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.tmx");
    fs::write(&file, &out.stdout).unwrap();
    // xmllint, from Debian's libxml2-utils (.ci/run installs it).
    // Valid against the TMX 1.4 DTD, which scripts/tmx-dtd.sh (run by .ci/run) fetches.
    let dtd = common::repo("target/dtd/tmx14.dtd");
    assert!(
        dtd.is_file(),
        "{} is missing: run scripts/tmx-dtd.sh",
        dtd.display()
    );
    let lint = Command::new("xmllint")
        .args(["--noout", "--nonet", "--dtdvalid"])
        .arg(&dtd)
        .arg(&file)
        .output()
        .expect("xmllint (apt-get install libxml2-utils)");
    assert!(
        lint.status.success(),
        "{}",
        String::from_utf8_lossy(&lint.stderr)
    );
    let tmx = String::from_utf8(out.stdout).unwrap();
    assert!(tmx.contains(r#"<header creationtool="ushtil""#));
    // One <tu> per aligned sentence group; the kk–ru pairs are those of TSV.
    let pairs = kk_ru_groups();
    let with_both = tmx
        .split("<tu ")
        .filter(|tu| tu.contains(r#"xml:lang="kk""#) && tu.contains(r#"xml:lang="ru""#))
        .count();
    assert_eq!(with_both, pairs.len());
    // The first Russian sentence, escaped as XML where it needs.
    let (_, ru) = &pairs[1];
    assert!(tmx.contains(&format!("<seg>{ru}</seg>")), "{ru}");
    // The English body's quote is escaped: `the &quot;Declaration`.
    assert!(tmx.contains("the &quot;Declaration of the Rights"));
}

#[test]
fn moses_files_are_line_parallel() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("train");
    let out = export(&[
        "--format",
        "moses",
        "--langs",
        "kk,ru",
        "--out",
        prefix.to_str().unwrap(),
    ]);
    let kk = fs::read_to_string(dir.path().join("train.kk")).unwrap();
    let ru = fs::read_to_string(dir.path().join("train.ru")).unwrap();
    let pairs = kk_ru_groups();
    let kk_lines: Vec<&str> = kk.lines().collect();
    let ru_lines: Vec<&str> = ru.lines().collect();
    assert_eq!(kk_lines.len(), pairs.len());
    assert_eq!(ru_lines.len(), pairs.len());
    for ((k, r), (pk, pr)) in kk_lines.iter().zip(&ru_lines).zip(&pairs) {
        assert_eq!((*k, *r), (pk.as_str(), pr.as_str()));
    }
    assert!(stderr(&out).contains(&format!("{} lines in each of", pairs.len())));
    // Without --out, a clear error.
    let out = ushtil(
        &repo("corpus"),
        shared_index(),
        &["export", "--format", "moses"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--out PREFIX"), "{}", stderr(&out));
}

#[test]
fn paragraph_level_gives_a_row_per_unit() {
    let units = common::json_lines(&export(&["--format", "json"])).len();
    let out = export(&["--format", "csv", "--level", "paragraph"]);
    let rows = csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .count();
    assert_eq!(rows, units);
}
