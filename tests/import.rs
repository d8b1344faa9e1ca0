//! `ushtil import`: translation memories (TMX), Moses files and tables
//! become parallel tables in the corpus, searchable with their counterparts;
//! what is exported imports back to the same files; bad files are refused
//! by file and line, and leave the corpus as it was.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{repo, stderr, stdout, ushtil};

/// The FLORES-200 dev set as one TMX: 997 `<tu>`s in kk, ru and en.
fn flores_tmx() -> PathBuf {
    repo("../shared/eval/parallel/flores-dev/flores-dev.tmx")
}

/// Each `<tu>`'s text in each language, white space collapsed, as Python's
/// own XML parser reads it: a reading independent of ushtil's.
fn tmx_texts(path: &Path) -> Vec<serde_json::Value> {
    let script = r#"
import json, sys, xml.etree.ElementTree as ET
LANG = '{http://www.w3.org/XML/1998/namespace}lang'
for tu in ET.parse(sys.argv[1]).getroot().iter('tu'):
    texts = {}
    for tuv in tu.iter('tuv'):
        texts[tuv.get(LANG)] = ' '.join(''.join(tuv.find('seg').itertext()).split())
    print(json.dumps(texts, ensure_ascii=False))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    common::json_lines(&out)
}

fn check(out: &Output) {
    assert!(out.status.success(), "{}", stderr(out));
}

/// The corpus folder's files, hidden ones too, with their contents.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_translation_memory_imports_whole_and_answers_with_counterparts() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let tmx = flores_tmx();
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["import", tmx.to_str().unwrap()],
    );
    check(&out);
    assert!(
        stderr(&out).contains("imported 997 groups into")
            && stderr(&out).contains("(kk 997, ru 997, en 997)"),
        "{}",
        stderr(&out)
    );
    // Kept as a document of the corpus: a build from the folder alone
    // makes the same index.
    assert!(corpus.path().join("flores-dev.tsv").is_file());
    // None lost: each <tu> is a unit, exported with the very texts it had.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["export", "--format", "tmx", "--level", "paragraph"],
    );
    check(&out);
    let exported = corpus.path().join("../exported.tmx");
    fs::write(&exported, &out.stdout).unwrap();
    let original = tmx_texts(&tmx);
    let back = tmx_texts(&exported);
    fs::remove_file(&exported).unwrap();
    assert_eq!(original.len(), 997);
    assert_eq!(back, original);
    // A Kazakh word finds its <tu>, and the hit shows the Russian and
    // English of that same <tu>.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["search", "Стэнфорд", "--lang", "kk", "--format", "json"],
    );
    check(&out);
    let hits = common::json_lines(&out);
    let first = original
        .iter()
        .find(|t| {
            t["kk"]
                .as_str()
                .unwrap()
                .contains("Стэнфорд университетінің")
        })
        .unwrap();
    let hit = hits
        .iter()
        .find(|h| h["texts"]["kk"] == first["kk"])
        .expect("the <tu> is found");
    assert_eq!(hit["texts"]["ru"], first["ru"]);
    assert_eq!(hit["texts"]["en"], first["en"]);
    // The same text as Moses files, as a TSV table with its header, and as
    // one without (OPUS's), its columns named by --langs: each imports
    // whole, every group with the texts it had.
    let work = tempfile::tempdir().unwrap();
    let prefix = work.path().join("flores");
    let prefix = prefix.to_str().unwrap();
    check(&ushtil(
        corpus.path(),
        index.path(),
        &["export", "--format", "moses", "--out", prefix],
    ));
    let tsv = work.path().join("flores.tsv");
    let out = ushtil(corpus.path(), index.path(), &["export", "--format", "tsv"]);
    check(&out);
    fs::write(&tsv, &out.stdout).unwrap();
    let lines = |lang: &str| fs::read_to_string(format!("{prefix}.{lang}")).unwrap();
    let (kk, ru, en) = (lines("kk"), lines("ru"), lines("en"));
    let opus: String = en
        .lines()
        .zip(kk.lines())
        .zip(ru.lines())
        .map(|((en, kk), ru)| format!("{en}\t{kk}\t{ru}\n"))
        .collect();
    let opus_file = work.path().join("opus.tsv");
    fs::write(&opus_file, opus).unwrap();
    let moses: Vec<String> = ["kk", "ru", "en"]
        .iter()
        .map(|l| format!("{prefix}.{l}"))
        .collect();
    let forms: [Vec<&str>; 3] = [
        vec!["import", &moses[0], &moses[1], &moses[2]],
        vec!["import", tsv.to_str().unwrap()],
        vec!["import", "--langs", "en,kk,ru", opus_file.to_str().unwrap()],
    ];
    for args in forms {
        let (corpus, index) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let out = ushtil(corpus.path(), index.path(), &args);
        check(&out);
        assert!(
            stderr(&out).contains("(kk 997, ru 997, en 997)"),
            "{args:?}: {}",
            stderr(&out)
        );
        let out = ushtil(
            corpus.path(),
            index.path(),
            &["export", "--format", "tmx", "--level", "paragraph"],
        );
        check(&out);
        let exported = work.path().join("again.tmx");
        fs::write(&exported, &out.stdout).unwrap();
        assert!(
            tmx_texts(&exported) == original,
            "{args:?}: the texts differ"
        );
    }
}

/// Imports the OmegaT memory of the Constitution's Article 1, with `options`.
fn import_omegat(corpus: &Path, index: &Path, options: &[&str]) -> Output {
    let tmx = repo("tests/data/import/const-art1-omegat.tmx");
    let mut args = vec!["import"];
    args.extend_from_slice(options);
    args.push(tmx.to_str().unwrap());
    ushtil(corpus, index, &args)
}

#[test]
fn a_cat_tools_memory_keeps_its_notes_and_drops_its_tags() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let out = import_omegat(corpus.path(), index.path(), &[]);
    // One <tu> has empty segments only: named by its line, left out, and
    // the import says so by its exit status, as a build does.
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("const-art1-omegat.tmx: line 26: a <tu> with no Kazakh, Russian or English text; left out"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("(kk 2, ru 3, en 3)"),
        "{}",
        stderr(&out)
    );
    let table = fs::read_to_string(corpus.path().join("const-art1-omegat.tsv")).unwrap();
    // Language tags as tools write them (ru-RU, kk-KZ, EN-GB; TMX 1.1's
    // `lang`: RUS, kaz, eng) are the columns; <note>s and <prop>s are kept.
    assert!(table.starts_with("unit\tsection\tkk\tru\ten\ttuid\tnote\tprop\n"));
    assert!(table.contains("art1-p1\tItem 1: checked against the official Kazakh text."));
    assert!(table.contains(r#""[[""file"",""const-art1.docx""]]""#));
    // Inline codes are dropped (`<b>` in <bpt>, a line break in <ph>), the
    // text of <hi> stays.
    assert!(!table.contains("&lt;") && !table.contains("<b>") && !table.contains("<br/>"));
    assert!(table.contains("\t1. Республика Казахстан утверждает себя"));
    assert!(table.contains("являются: общественное согласие"));
    assert!(table.contains("даму; қазақстандық патриотизм; мемлекет"));
    // Searched and shown with its counterparts: the genitive `мемлекеттің`
    // (-тің) finds `мемлекет` in both items, with their translations.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["search", "мемлекеттің", "--lang", "kk", "--format", "json"],
    );
    check(&out);
    let hits = common::json_lines(&out);
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().any(|h| h["texts"]["en"]
        .as_str()
        .unwrap()
        .contains("democratic, secular, legal and social state")));
    // Its table is its alignment: `align` sends the curator there.
    let out = ushtil(corpus.path(), index.path(), &["align", "const-art1-omegat"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("const-art1-omegat.tsv: a parallel table is aligned as it is"));
    // Compared side by side, a row a <tu>: the title has no Kazakh.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["compare", "const-art1-omegat", "--format", "json"],
    );
    check(&out);
    let rows = common::json_lines(&out);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["ru"], "Статья 1");
    assert!(rows[0]["kk"].is_null());
    assert!(rows[1]["en"]
        .as_str()
        .unwrap()
        .starts_with("1. The Republic of Kazakhstan"));
    let toml = fs::read_to_string(corpus.path().join("const-art1-omegat.toml")).unwrap();
    assert!(
        toml.contains(r#"source = "TMX 1.4 from OmegaT 6.0.0_0""#),
        "{toml}"
    );
    // Exported again, each <tu> has its own id, notes and properties, and
    // the file is valid TMX; imported and exported once more, the same.
    let out = ushtil(corpus.path(), index.path(), &["export", "--format", "tmx"]);
    check(&out);
    let tmx = String::from_utf8(out.stdout).unwrap();
    assert!(tmx.contains(r#"<tu tuid="art1-p1">"#), "{tmx}");
    assert!(tmx.contains(
        "      <prop type=\"file\">const-art1.docx</prop>\n      \
         <note>Item 1: checked against the official Kazakh text.</note>\n"
    ));
    let exported = corpus.path().join("../again.tmx");
    fs::write(&exported, &tmx).unwrap();
    common::assert_valid_tmx(&exported);
    let (again, again_index) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    check(&ushtil(
        again.path(),
        again_index.path(),
        &["import", exported.to_str().unwrap()],
    ));
    fs::remove_file(&exported).unwrap();
    let out = ushtil(
        again.path(),
        again_index.path(),
        &["export", "--format", "tmx"],
    );
    assert!(String::from_utf8(out.stdout).unwrap() == tmx);
}

/// A corpus of real texts other than the bundled article: the Constitution's
/// first articles in three languages (as one file each and as one file of
/// versions), and a journal article with its abstracts in three languages.
fn trilingual_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = repo("tests/data/parallel/trilingual");
    for lang in ["kk", "ru", "en"] {
        let name = format!("const-art1.{lang}.txt");
        fs::copy(data.join("separate").join(&name), dir.path().join(name)).unwrap();
    }
    let combined = "const-art2-3.en-ru-kk.txt";
    fs::copy(
        data.join("combined").join(combined),
        dir.path().join(combined),
    )
    .unwrap();
    let article = "karaganda-2010-dulatuly-kk-ru-en.txt";
    fs::copy(
        repo("tests/data/docs").join(article),
        dir.path().join(article),
    )
    .unwrap();
    dir
}

/// Exports `corpus` in `format` (Moses files to `prefix`), to bytes.
fn export(corpus: &Path, index: &Path, format: &str, prefix: &Path) -> Vec<u8> {
    let prefix = prefix.to_str().unwrap();
    let mut args = vec!["export", "--format", format];
    if format == "moses" {
        args.extend(["--out", prefix]);
    }
    let out = ushtil(corpus, index, &args);
    check(&out);
    match format {
        "moses" => ["kk", "ru", "en"]
            .iter()
            .flat_map(|l| fs::read(format!("{prefix}.{l}")).unwrap())
            .collect(),
        _ => out.stdout,
    }
}

#[test]
fn what_is_exported_imports_back_to_the_same_files() {
    let source = trilingual_corpus();
    let index = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    for format in ["tmx", "moses", "tsv"] {
        let first = export(
            source.path(),
            index.path(),
            format,
            &work.path().join("first"),
        );
        assert!(first.len() > 3_000, "{format}: {} bytes", first.len());
        let file = work.path().join(format!("corpus.{format}"));
        fs::write(&file, &first).unwrap();
        let files: Vec<String> = match format {
            "moses" => ["kk", "ru", "en"]
                .iter()
                .map(|l| format!("{}/first.{l}", work.path().display()))
                .collect(),
            _ => vec![file.display().to_string()],
        };
        let corpus = tempfile::tempdir().unwrap();
        let again = tempfile::tempdir().unwrap();
        let mut args = vec!["import"];
        args.extend(files.iter().map(String::as_str));
        check(&ushtil(corpus.path(), again.path(), &args));
        let second = export(
            corpus.path(),
            again.path(),
            format,
            &work.path().join("second"),
        );
        assert!(first == second, "{format}: the second export differs");
        if format == "tmx" {
            common::assert_valid_tmx(&file);
            // ushtil's own TMX names each group's document: the corpus's
            // three documents come back as three.
            let names: Vec<String> = snapshot(corpus.path())
                .into_iter()
                .map(|(n, _)| n)
                .collect();
            assert!(names.contains(&"const-art1.tsv".to_owned()), "{names:?}");
            assert!(names.contains(&"karaganda-2010-dulatuly-kk-ru-en.tsv".to_owned()));
        }
    }
}

#[test]
fn a_bad_file_is_named_by_its_line_and_the_corpus_stays_as_it_was() {
    let corpus = trilingual_corpus();
    let index = tempfile::tempdir().unwrap();
    check(&ushtil(corpus.path(), index.path(), &["build"]));
    let count = |query: &str| {
        let out = ushtil(corpus.path(), index.path(), &["search", query, "--count"]);
        stdout(&out).trim().parse::<usize>().unwrap()
    };
    let before = count("Республика");
    assert!(before > 0);
    let files = snapshot(corpus.path());
    let work = tempfile::tempdir().unwrap();
    let tmx = fs::read_to_string(repo("tests/data/import/const-art1-omegat.tmx")).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = work.path().join(name);
        fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    // A <seg> that is never closed.
    let broken = tmx.replacen("</seg></tuv>", "</tuv>", 2);
    // A declaration its bytes belie: UTF-16 declared over 8-bit text, and
    // UTF-8 declared (as by default) over Windows-1251 Russian.
    let utf16 = tmx.replace(r#"encoding="UTF-8""#, r#"encoding="UTF-16""#);
    let russian_only: String = tmx
        .lines()
        .filter(|l| !l.contains("kk-KZ") && !l.contains(r#"lang="kaz""#))
        .collect::<Vec<_>>()
        .join("\n");
    let (cp1251, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&russian_only);
    assert!(!unmappable);
    // Moses files of different lengths.
    let kk = "Бірінші жол.\nЕкінші жол.\nҮшінші жол.\n";
    let en = "The first line.\nThe second line.\n";
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![write("broken.tmx", broken.as_bytes())],
            "broken.tmx: line 10: ill-formed document: expected `</seg>`, but `</tuv>` was found",
        ),
        (
            vec![write("utf16.tmx", utf16.as_bytes())],
            "utf16.tmx: line 1: the XML declaration says encoding \"UTF-16\", but the file is not UTF-16",
        ),
        (
            vec![write("cp1251.tmx", &cp1251)],
            "cp1251.tmx: line 10: not UTF-8 text (byte 525), though the XML declaration says or implies UTF-8",
        ),
        (
            vec![write("lines.kk", kk.as_bytes()), write("lines.en", en.as_bytes())],
            "lines.en: line 2: the last line, but",
        ),
        (
            vec![write("short.tsv", "kk\ten\nБірінші жол.\tThe first line.\nЕкінші жол.\n".as_bytes())],
            "short.tsv: line 3: 1 cell, but the header row has 2",
        ),
    ];
    for (files_given, message) in cases {
        let mut args = vec!["import"];
        args.extend(files_given.iter().map(String::as_str));
        let out = ushtil(corpus.path(), index.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let said = stderr(&out);
        assert_eq!(said.lines().count(), 1, "{said}");
        assert!(said.contains(message), "{said}");
        // Nothing written, not even a hidden file; the corpus answers as before.
        assert!(
            snapshot(corpus.path()) == files,
            "{message}: the corpus changed"
        );
        assert_eq!(count("Республика"), before);
    }
}

#[test]
fn an_import_beside_a_corpus_reads_only_the_new_document() {
    let corpus = trilingual_corpus();
    let index = tempfile::tempdir().unwrap();
    check(&ushtil(corpus.path(), index.path(), &["build"]));
    let out = import_omegat(corpus.path(), index.path(), &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 document read again, 0 documents removed; 4 documents"),
        "{}",
        stderr(&out)
    );
    // The same id again is refused, unless replaced.
    let again = import_omegat(corpus.path(), index.path(), &[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again)
        .contains("the corpus has a document const-art1-omegat already (--replace replaces it)"));
    let replaced = import_omegat(corpus.path(), index.path(), &["--replace"]);
    assert_eq!(replaced.status.code(), Some(3), "{}", stderr(&replaced));
    // Both the text and the memory answer the query.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["search", "зайырлы", "--format", "json", "-n", "100"],
    );
    let docs: std::collections::BTreeSet<String> = common::json_lines(&out)
        .iter()
        .map(|h| h["doc"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        docs.contains("const-art1") && docs.contains("const-art1-omegat"),
        "{docs:?}"
    );
}

#[test]
fn a_long_file_streams_into_documents_of_bounded_length() {
    // The FLORES dev set eleven times over as Moses files: 10,967 lines.
    let work = tempfile::tempdir().unwrap();
    let (first, index) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let tmx = flores_tmx();
    check(&ushtil(
        first.path(),
        index.path(),
        &["--no-refresh", "import", tmx.to_str().unwrap()],
    ));
    let prefix = work.path().join("flores");
    let out = ushtil(
        first.path(),
        index.path(),
        &[
            "export",
            "--format",
            "moses",
            "--out",
            prefix.to_str().unwrap(),
        ],
    );
    check(&out);
    let mut files = Vec::new();
    for lang in ["kk", "ru", "en"] {
        let once = fs::read_to_string(format!("{}.{lang}", prefix.display())).unwrap();
        assert_eq!(once.lines().count(), 997);
        let path = work.path().join(format!("long.{lang}"));
        fs::write(&path, once.repeat(11)).unwrap();
        files.push(path.display().to_string());
    }
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = ushtil(corpus.path(), index.path(), &args);
    check(&out);
    // Cut at 10,000 rows, so that no document's units fill the memory of a build.
    assert!(
        stderr(&out).contains("imported 10967 groups into 2 parts,"),
        "{}",
        stderr(&out)
    );
    let table = |id: &str| fs::read_to_string(corpus.path().join(format!("{id}.tsv"))).unwrap();
    assert_eq!(table("long-0001").lines().count(), 1 + 10_000);
    assert_eq!(table("long-0002").lines().count(), 1 + 967);
    // In order, and whole: exported again (`--doc long` names its parts),
    // the lines are the lines imported.
    let again = work.path().join("again");
    let out = ushtil(
        corpus.path(),
        index.path(),
        &[
            "export",
            "--format",
            "moses",
            "--doc",
            "long",
            "--out",
            again.to_str().unwrap(),
        ],
    );
    check(&out);
    for (lang, file) in ["kk", "ru", "en"].iter().zip(&files) {
        let back = fs::read(format!("{}.{lang}", again.display())).unwrap();
        assert!(back == fs::read(file).unwrap(), "{lang}");
    }
}

/// The FLORES dev set's Kazakh and English lines, in order.
fn flores_lines() -> Vec<(String, String)> {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let tmx = flores_tmx();
    check(&ushtil(
        corpus.path(),
        index.path(),
        &["--no-refresh", "import", tmx.to_str().unwrap()],
    ));
    let table = fs::read_to_string(corpus.path().join("flores-dev.tsv")).unwrap();
    table
        .lines()
        .skip(1)
        .map(|row| {
            let cells: Vec<&str> = row.split('\t').collect();
            (cells[2].to_owned(), cells[4].to_owned())
        })
        .collect()
}

#[test]
fn documents_named_like_parts_are_never_taken_for_them() {
    let lines = flores_lines();
    let work = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    // A document of its own whose id looks like a part: `decree-2024`.
    let table = |rows: &[(String, String)]| -> String {
        let mut text = "kk\ten\n".to_owned();
        for (kk, en) in rows {
            text.push_str(&format!("{kk}\t{en}\n"));
        }
        text
    };
    fs::write(corpus.path().join("decree-2024.tsv"), table(&lines[..3])).unwrap();
    let decree = work.path().join("decree.tsv");
    fs::write(&decree, table(&lines[3..5])).unwrap();
    check(&ushtil(
        corpus.path(),
        index.path(),
        &["import", decree.to_str().unwrap()],
    ));
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["import", "--replace", decree.to_str().unwrap()],
    );
    check(&out);
    assert!(
        corpus.path().join("decree-2024.tsv").is_file(),
        "replaced by its name"
    );
    // `--doc decree` is decree alone.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["export", "--doc", "decree", "--format", "tsv"],
    );
    check(&out);
    assert_eq!(stdout(&out).lines().count(), 1 + 2);
    // A document that would be named as another's part is refused, and
    // nothing is written: 10,000 rows of `clash` and one of `clash-0001`.
    let mut rows = "doc\tkk\ten\n".to_owned();
    for (kk, en) in lines.iter().cycle().take(10_001) {
        rows.push_str(&format!("clash\t{kk}\t{en}\n"));
    }
    rows.push_str(&format!("clash-0001\t{}\t{}\n", lines[0].0, lines[0].1));
    let clash = work.path().join("clash.tsv");
    fs::write(&clash, rows).unwrap();
    let before = snapshot(corpus.path());
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["import", clash.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`clash-0001` would be both a document and a part of a longer one"),
        "{}",
        stderr(&out)
    );
    assert!(snapshot(corpus.path()) == before);
}

#[test]
fn an_import_of_many_documents_keeps_few_files_open() {
    let lines = flores_lines();
    let work = tempfile::tempdir().unwrap();
    // 300 documents, their rows in turn, under a limit of 64 open files.
    let mut rows = "doc\tkk\ten\n".to_owned();
    for (n, (kk, en)) in lines.iter().enumerate().take(900) {
        rows.push_str(&format!("article-{:03}\t{kk}\t{en}\n", n % 300));
    }
    let many = work.path().join("many.tsv");
    fs::write(&many, rows).unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -n 64; exec \"$0\" --no-refresh --corpus \"$1\" import \"$2\"")
        .arg(env!("CARGO_BIN_EXE_ushtil"))
        .arg(corpus.path())
        .arg(&many)
        .output()
        .unwrap();
    check(&out);
    let tables = snapshot(corpus.path())
        .into_iter()
        .filter(|(n, _)| n.ends_with(".tsv"))
        .count();
    assert_eq!(tables, 300);
    let third = fs::read_to_string(corpus.path().join("article-002.tsv")).unwrap();
    assert_eq!(third.lines().count(), 1 + 3);
}

#[test]
fn what_a_build_would_refuse_is_refused_or_mended_on_import() {
    let work = tempfile::tempdir().unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    // A section that is none, named by its line.
    let tmx = fs::read_to_string(repo("tests/data/import/const-art1-omegat.tmx")).unwrap();
    let bad = tmx.replacen(
        "<prop type=\"file\">",
        "<prop type=\"x-section\">bogus/nowhere</prop><prop type=\"file\">",
        1,
    );
    let file = work.path().join("section.tmx");
    fs::write(&file, bad).unwrap();
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["import", file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("section.tmx: line 8: `bogus/nowhere` is no section"),
        "{}",
        stderr(&out)
    );
    // A control character in a cell (a NUL a tool left) becomes a space.
    let nul = work.path().join("nul.tsv");
    fs::write(&nul, "kk\ten\nБірінші\u{0}жол.\tThe first\u{c}line.\n").unwrap();
    check(&ushtil(
        corpus.path(),
        index.path(),
        &["import", nul.to_str().unwrap()],
    ));
    let table = fs::read_to_string(corpus.path().join("nul.tsv")).unwrap();
    assert!(table.contains("Бірінші жол.\t\tThe first line."), "{table}");
    // An empty Moses file beside a full one: no line 0.
    let (empty, full) = (work.path().join("e.kk"), work.path().join("e.en"));
    fs::write(&empty, "").unwrap();
    fs::write(&full, "One line.\n").unwrap();
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["import", empty.to_str().unwrap(), full.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("e.kk: no lines, but"),
        "{}",
        stderr(&out)
    );
}
