//! Bad input against the built binary: files in other encodings are read,
//! files that cannot be read are skipped by name while the rest of the corpus
//! builds and answers, a document that fails keeps what an earlier build gave
//! it, and an index is not taken over by another corpus.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{corpus_copy, stderr, ushtil, BUNDLED};

/// How many units a search finds, by its count.
fn found(corpus: &Path, index: &Path, query: &str) -> usize {
    let out = ushtil(corpus, index, &["search", query, "--count"]);
    common::stdout(&out).trim().parse().unwrap_or(0)
}

/// What the bundled article's queries, in its three languages, find in it.
fn bundled_answers(corpus: &Path, index: &Path) -> Vec<usize> {
    [
        "Алаш",
        "Учредительное собрание",
        "Constituent Assembly",
        "сайлау",
    ]
    .iter()
    .map(|q| {
        let out = ushtil(
            corpus,
            index,
            &["search", q, "--format", "json", "-n", "1000"],
        );
        common::json_lines(&out)
            .iter()
            .filter(|hit| hit["doc"] == BUNDLED)
            .count()
    })
    .collect()
}

fn warnings(out: &Output) -> Vec<String> {
    stderr(out)
        .lines()
        .filter(|l| l.starts_with("ushtil: warning:"))
        .map(str::to_owned)
        .collect()
}

/// A short Russian text: the opening of the bundled article's Russian
/// abstract, which any build reads as Russian.
const RUSSIAN: &str = "Аннотация. Временное правительство назначило дату выборов и созыва \
    Всероссийского учредительного собрания на ноябрь 1917 года. Казахские деятели \
    партии Алаш с нетерпением ожидали выборов.\n";

#[test]
fn files_in_other_encodings_are_read_and_found() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    // What Word saves as "Unicode text": UTF-16 LE with its mark, CRLF.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            RUSSIAN
                .replace('\n', "\r\n")
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    fs::write(corpus.path().join("word-unicode.txt"), utf16).unwrap();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
    fs::write(corpus.path().join("old-windows.txt"), &cp1251).unwrap();
    let (koi8, _, _) = encoding_rs::KOI8_R.encode(RUSSIAN);
    fs::write(corpus.path().join("old-unix.txt"), &koi8).unwrap();
    // Kazakh in KZ-1048, the Kazakh Windows code page, which encoding_rs does
    // not know: `Аңдатпа. Уақытша үкімет … Алаш қайраткерлері сайлауға қатысты.`
    let kz1048 = b"\xc0\xbe\xe4\xe0\xf2\xef\xe0. \xd3\xe0\x9d\xfb\xf2\xf8\xe0 \xbf\xea\xb3\xec\xe5\xf2 \
        \xc1\xbf\xea\xb3\xeb\xf0\xe5\xf1\xe5\xe9\xeb\xb3\xea \x8d\xa2\xf0\xfb\xeb\xf2\xe0\xe9 \
        \xe6\xe8\xed\xe0\xeb\xfb\xf1\xfb\xed \xf1\xe0\xe9\xeb\xe0\xf3 \xec\xe5\xed \xf8\xe0\x9d\xfb\xf0\xf3 \
        \xea\xbf\xed\xb3\xed 1917 \xe6\xfb\xeb\xe4\xfb\xbe \x9d\xe0\xf0\xe0\xf8\xe0\xf1\xfb\xed\xe0 \
        \xe1\xe5\xeb\xe3\xb3\xeb\xe5\xe4\xb3. \xc0\xeb\xe0\xf8 \x9d\xe0\xe9\xf0\xe0\xf2\xea\xe5\xf0\xeb\xe5\xf0\xb3 \
        \xf1\xe0\xe9\xeb\xe0\xf3\xba\xe0 \x9d\xe0\xf2\xfb\xf1\xf2\xfb.\n";
    fs::write(corpus.path().join("old-kazakh.txt"), kz1048).unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("indexed 5 documents"), "{said}");
    // Its Kazakh words are found as typed: `қайраткерлері` by its stem.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["search", "қайраткер", "--format", "json", "-n", "50"],
    );
    let docs: Vec<serde_json::Value> = common::json_lines(&out);
    assert!(
        docs.iter().any(|hit| hit["doc"] == "old-kazakh"),
        "{}",
        common::stdout(&out)
    );
    // Each is found by the words it holds, as the bundled article's are.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["search", "нетерпением", "--format", "json", "-n", "50"],
    );
    let docs: std::collections::BTreeSet<String> = common::json_lines(&out)
        .iter()
        .map(|hit| hit["doc"].as_str().unwrap().to_owned())
        .collect();
    for doc in ["word-unicode", "old-windows", "old-unix", BUNDLED] {
        assert!(docs.contains(doc), "{doc}: {docs:?}");
    }
    // inspect says what was used.
    for (doc, encoding) in [
        ("word-unicode", "UTF-16LE"),
        ("old-windows", "windows-1251"),
        ("old-unix", "KOI8-R"),
        ("old-kazakh", "KZ-1048"),
    ] {
        let out = ushtil(corpus.path(), index.path(), &["inspect", doc]);
        let encoding_line = common::stdout(&out)
            .lines()
            .find(|l| l.trim_start().starts_with("encoding"))
            .map(str::to_owned)
            .unwrap_or_default();
        assert!(encoding_line.ends_with(encoding), "{doc}: {encoding_line}");
    }
}

#[test]
fn an_encoding_named_in_the_metadata_is_used() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    // IBM866 bytes, which a guess could take for another page on so short a text.
    let (bytes, _, _) = encoding_rs::IBM866.encode(RUSSIAN);
    fs::write(corpus.path().join("dos.txt"), &bytes).unwrap();
    fs::write(corpus.path().join("dos.toml"), "encoding = \"cp866\"\n").unwrap();
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["inspect", "dos", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    assert_eq!(json["files"][0]["encoding"], "IBM866");
    assert!(json["blocks"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Временное правительство"));
    // A name that is no encoding is a one-line error naming the file.
    fs::write(
        corpus.path().join("dos.toml"),
        "encoding = \"cp-nonsense\"\n",
    )
    .unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let said = warnings(&out).join("\n");
    assert!(
        said.contains("dos.txt: line 1: the metadata names an unknown encoding \"cp-nonsense\""),
        "{said}"
    );
}

#[test]
fn bad_files_are_skipped_by_name_and_the_rest_answers() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let alone = {
        let out = ushtil(corpus.path(), index.path(), &["build"]);
        assert!(out.status.success(), "{}", stderr(&out));
        bundled_answers(corpus.path(), index.path())
    };
    assert!(alone.iter().all(|&n| n > 0), "{alone:?}");
    fs::remove_dir_all(index.path()).unwrap();
    // Every kind of unreadable file at once, in the first build of a corpus.
    let broken_utf8 = [
        "Аннотация. Хорошая строка\n\nплохой ".as_bytes(),
        b"\xff",
        " байт и дальше по-русски\n".as_bytes(),
    ]
    .concat();
    let files: [(&str, &[u8], &str); 5] = [
        (
            "scan.txt",
            b"%PDF-1.4\n\x00\x01\x02\x03",
            "scan.txt: line 2: a NUL byte (byte 9): not a text file",
        ),
        (
            "broken.txt",
            &broken_utf8,
            "broken.txt: line 3: not UTF-8 text (byte 62)",
        ),
        ("blank.txt", b"", "blank.txt: no text in it"),
        ("spaces.txt", b" \n\r\n\t\n", "spaces.txt: no text in it"),
        (
            "chinese.txt",
            "摘要。本文研究了一九一七年的选举。".as_bytes(),
            "chinese.txt: no text in Kazakh, Russian or English in it",
        ),
    ];
    for (name, bytes, _) in &files {
        fs::write(corpus.path().join(name), bytes).unwrap();
    }
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    // 3: built, with files left out.
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let said = warnings(&out);
    assert_eq!(said.len(), files.len(), "{said:?}");
    for (name, _, message) in &files {
        let line = said
            .iter()
            .find(|w| w.contains(name))
            .unwrap_or_else(|| panic!("{name}: {said:?}"));
        assert!(line.contains(message), "{line}");
        assert!(line.ends_with("skipped"), "{line}");
    }
    assert!(
        stderr(&out).contains("indexed 1 document"),
        "{}",
        stderr(&out)
    );
    assert_eq!(bundled_answers(corpus.path(), index.path()), alone);
    // Built again, the index is up to date and says again what it left out.
    let again = ushtil(corpus.path(), index.path(), &["build"]);
    assert_eq!(again.status.code(), Some(3));
    assert_eq!(warnings(&again).len(), files.len(), "{}", stderr(&again));
    assert!(stderr(&again).contains("up to date"));
    // A search answers without a word about them.
    let search = ushtil(corpus.path(), index.path(), &["search", "Алаш", "-n", "1"]);
    assert!(search.status.success());
    assert!(warnings(&search).is_empty(), "{}", stderr(&search));
    // --strict stops at the first, and writes nothing.
    let strict_index = tempfile::tempdir().unwrap();
    let strict = ushtil(corpus.path(), strict_index.path(), &["build", "--strict"]);
    assert_eq!(strict.status.code(), Some(2));
    assert_eq!(stderr(&strict).lines().count(), 1, "{}", stderr(&strict));
    assert!(!strict_index.path().join("CURRENT").exists());
}

#[test]
fn a_document_that_now_fails_keeps_its_units_from_the_last_build() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    fs::write(corpus.path().join("second.txt"), RUSSIAN).unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = found(corpus.path(), index.path(), "нетерпением");
    assert!(before >= 2, "{before}");
    // Saved over by a binary file: the build warns, and both documents still answer.
    fs::write(corpus.path().join("second.txt"), b"\x00\x01binary").unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let said = warnings(&out).join("\n");
    assert!(
        said.contains("second.txt: line 1: a NUL byte (byte 0): not a text file; second keeps its units from the last build"),
        "{said}"
    );
    assert_eq!(found(corpus.path(), index.path(), "нетерпением"), before);
    // Mended, it is read again.
    fs::write(
        corpus.path().join("second.txt"),
        RUSSIAN.replace("нетерпением", "надеждой"),
    )
    .unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        found(corpus.path(), index.path(), "нетерпением"),
        before - 1
    );
}

#[test]
fn a_checked_alignment_that_no_longer_fits_keeps_the_units_and_blocks_nothing() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(out.status.success());
    let alone = bundled_answers(corpus.path(), index.path());
    let file = corpus.path().join(format!("{BUNDLED}.align.tsv"));
    let checked = "# status: checked\nresults\t0\t0\t0\t1\nresults\t1,2,3,9\t1,2,3\t1\t1\n";
    fs::write(&file, checked).unwrap();
    // Another document added at the same time is built.
    fs::write(corpus.path().join("second.txt"), RUSSIAN).unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let said = warnings(&out).join("\n");
    assert!(
        said.contains(&format!("{BUNDLED}.align.tsv: line 3: kk sentence 9")),
        "{said}"
    );
    assert!(
        said.contains(&format!("{BUNDLED} keeps its units from the last build")),
        "{said}"
    );
    assert_eq!(bundled_answers(corpus.path(), index.path()), alone);
    assert!(found(corpus.path(), index.path(), "нетерпением") >= 2);
    // The file is the curator's: never rewritten.
    assert_eq!(fs::read_to_string(&file).unwrap(), checked);
}

#[test]
fn an_index_of_another_corpus_is_not_taken_over() {
    let corpus = corpus_copy();
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("second.txt"), RUSSIAN).unwrap();
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(out.status.success());
    let alone = bundled_answers(corpus.path(), index.path());
    for args in [&["build"][..], &["search", "Алаш"][..]] {
        let out = ushtil(other.path(), index.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let message = stderr(&out);
        assert_eq!(message.lines().count(), 1, "{message}");
        let name = |p: &Path| fs::canonicalize(p).unwrap().display().to_string();
        assert!(message.contains(&name(corpus.path())), "{message}");
        assert!(message.contains(&name(other.path())), "{message}");
        assert!(message.contains("--force"), "{message}");
    }
    // The index still serves its own corpus, untouched.
    assert_eq!(bundled_answers(corpus.path(), index.path()), alone);
    // Forced, it is built from the other.
    let out = ushtil(other.path(), index.path(), &["build", "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(found(other.path(), index.path(), "нетерпением") >= 1);
}

#[test]
fn an_index_moved_together_with_its_corpus_still_belongs_to_it() {
    let place = tempfile::tempdir().unwrap();
    let project = place.path().join("project");
    fs::create_dir_all(project.join("corpus")).unwrap();
    let bundled = corpus_copy();
    for entry in fs::read_dir(bundled.path()).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), project.join("corpus").join(entry.file_name())).unwrap();
    }
    let out = ushtil(&project.join("corpus"), &project.join("index"), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The project folder renamed: its index still serves its corpus.
    let moved = place.path().join("renamed");
    fs::rename(&project, &moved).unwrap();
    let out = ushtil(&moved.join("corpus"), &moved.join("index"), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("up to date"), "{}", stderr(&out));
}
