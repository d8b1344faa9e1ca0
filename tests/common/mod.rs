//! What the integration tests share: the repository's paths, the bundled
//! article, and running the `ushtil` binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use ushtil::model::Document;

pub const BUNDLED: &str = "alash-constituent-assembly-1917";

pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

pub fn bundled_document() -> Document {
    let path = repo(&format!("corpus/{BUNDLED}.txt"));
    ushtil::ingest::ingest_file(&path, BUNDLED, Default::default())
        .expect("the bundled article ingests")
}

/// Runs `ushtil` with `args` on `corpus` and `index`.
pub fn ushtil(corpus: &Path, index: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ushtil"))
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .expect("ushtil runs")
}

/// An index of the bundled corpus, built once for all tests that only read it.
pub fn shared_index() -> &'static Path {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let out = ushtil(&repo("corpus"), dir.path(), &["--quiet", "build"]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            dir
        })
        .path()
}

/// `ushtil search` on the bundled corpus; returns the JSON hits.
pub fn search_json(args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["search", "--format", "json"];
    all.extend_from_slice(args);
    let out = ushtil(&repo("corpus"), shared_index(), &all);
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{out:?}"
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A private copy of the bundled corpus, to change without touching the repository.
pub fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["txt", "toml"] {
        let name = format!("{BUNDLED}.{ext}");
        std::fs::copy(repo(&format!("corpus/{name}")), dir.path().join(name)).unwrap();
    }
    dir
}

/// The JSON Lines a command printed.
pub fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Ingests `tests/data/docs/NAME.txt` and holds it to `NAME.expected`: one
/// block a line, its source line, kind, language (or a fourth language's
/// code), division/section and the opening words after its label.
#[allow(dead_code)]
pub fn check_expected_structure(name: &str) {
    let doc = |ext: &str| repo(&format!("tests/data/docs/{name}.{ext}"));
    let expected = std::fs::read_to_string(doc("expected")).unwrap();
    let expected: Vec<Vec<&str>> = expected
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    let document = ushtil::ingest::ingest_file(&doc("txt"), name, Default::default()).unwrap();
    let found: Vec<String> = document
        .blocks
        .iter()
        .map(|b| {
            format!(
                "{} {:?} {}",
                b.line,
                b.kind,
                b.text.chars().take(40).collect::<String>()
            )
        })
        .collect();
    assert_eq!(
        document.blocks.len(),
        expected.len(),
        "{name}: number of blocks: {found:#?}"
    );
    for (block, want) in document.blocks.iter().zip(&expected) {
        let kind = serde_json::to_value(block.kind).unwrap();
        let division = serde_json::to_value(block.division).unwrap();
        let lang = block
            .other_language
            .clone()
            .unwrap_or_else(|| block.lang.code().to_owned());
        let found = [
            block.line.to_string(),
            kind.as_str().unwrap().to_owned(),
            lang,
            format!("{}/{}", division.as_str().unwrap(), block.section.name()),
        ];
        assert_eq!(
            found.as_slice(),
            &want[..4],
            "{name}: block at line {}",
            block.line
        );
        // The label stays in the text as printed; the words after it are checked.
        let opening = want.get(4).copied().unwrap_or_default();
        assert!(
            block.unlabelled().starts_with(opening),
            "{name}: {opening:?} opens {:?}",
            block.text
        );
        if let Some(label) = &block.label {
            assert!(block.text.starts_with(label.as_str()), "{name}: {label}");
        }
    }
}

/// Checks the TMX file `path` against the TMX 1.4 DTD with xmllint (Debian's
/// libxml2-utils; the DTD is fetched by scripts/tmx-dtd.sh, both run by
/// .ci/run).
pub fn assert_valid_tmx(path: &Path) {
    let dtd = repo("target/dtd/tmx14.dtd");
    assert!(
        dtd.is_file(),
        "{} is missing: run scripts/tmx-dtd.sh",
        dtd.display()
    );
    let lint = Command::new("xmllint")
        .args(["--noout", "--nonet", "--dtdvalid"])
        .arg(&dtd)
        .arg(path)
        .output()
        .expect("xmllint (apt-get install libxml2-utils)");
    assert!(lint.status.success(), "{}", stderr(&lint));
}
