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
    common::assert_valid_tmx(&file);
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

/// Rows of a table as Python's `csv` module reads them (`excel-tab` for
/// TSV, `excel` for CSV), a BOM taken off as `utf-8-sig` does.
fn python_rows(bytes: &[u8], dialect: &str) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("table");
    fs::write(&path, bytes).unwrap();
    let script = "import csv, json, sys\n\
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n\
        \x20   for row in csv.reader(f, dialect=sys.argv[2]):\n\
        \x20       print(json.dumps(row, ensure_ascii=False))\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .arg(dialect)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    common::json_lines(&out)
        .into_iter()
        .map(|row| {
            row.as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn python_reads_tsv_and_csv_back_to_the_texts_of_the_tmx() {
    // Translated laws beside the article: quotation marks of every kind
    // (`"Republic of Kazakhstan"`, «Алаш»), commas, semicolons.
    let corpus = tempfile::tempdir().unwrap();
    for ext in ["txt", "toml"] {
        let name = format!("{}.{ext}", common::BUNDLED);
        fs::copy(repo(&format!("corpus/{name}")), corpus.path().join(&name)).unwrap();
    }
    let combined = repo("tests/data/parallel/trilingual/combined");
    for name in ["const-art2-3.en-ru-kk.txt", "const-art1.ru-kk-en.txt"] {
        fs::copy(combined.join(name), corpus.path().join(name)).unwrap();
    }
    // An English article with a sentence that opens on a quotation mark.
    let shakarim = "enu-shakarim-en-initials-at-line-ends.txt";
    fs::copy(
        repo("tests/data/docs").join(shakarim),
        corpus.path().join(shakarim),
    )
    .unwrap();
    let index = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = ushtil(corpus.path(), index.path(), args);
        assert!(out.status.success(), "{}", stderr(&out));
        out.stdout
    };
    let tsv = python_rows(&run(&["export", "--format", "tsv"]), "excel-tab");
    let csv = python_rows(&run(&["export", "--format", "csv", "--bom"]), "excel");
    assert_eq!(tsv, csv);
    assert_eq!(tsv[0], ["doc", "unit", "section", "kk", "ru", "en"]);
    // Each row is a <tu> of the TMX, as an XML parser reads it.
    let tmx = run(&["export", "--format", "tmx"]);
    let file = corpus.path().join("../corpus.tmx");
    fs::write(&file, &tmx).unwrap();
    let script = "import json, sys, xml.etree.ElementTree as ET\n\
        L = '{http://www.w3.org/XML/1998/namespace}lang'\n\
        for tu in ET.parse(sys.argv[1]).getroot().iter('tu'):\n\
        \x20   t = {v.get(L): v.find('seg').text or '' for v in tu.iter('tuv')}\n\
        \x20   print(json.dumps([t.get(l, '') for l in ('kk', 'ru', 'en')], ensure_ascii=False))\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&file)
        .output()
        .unwrap();
    fs::remove_file(&file).unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let groups: Vec<serde_json::Value> = common::json_lines(&out);
    assert_eq!(groups.len(), tsv.len() - 1);
    for (row, group) in tsv[1..].iter().zip(&groups) {
        let texts: Vec<&str> = group
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert_eq!(row[3..], texts[..]);
    }
    // Quotes that open a cell, and quotes inside one, come back as printed.
    let cells: Vec<&String> = tsv.iter().flat_map(|r| &r[3..]).collect();
    assert!(cells
        .iter()
        .any(|c| c.starts_with("\"White heart\", \"pure")));
    assert!(cells
        .iter()
        .any(|c| c.contains("\"Republic of Kazakhstan\"")));
    assert!(cells.iter().any(|c| c.contains('«')));
}
