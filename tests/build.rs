//! `ushtil build`, and the index that `search` builds by itself: idempotent,
//! rebuilt when the corpus changes, never left half-written by bad input.

mod common;

use std::fs;
use std::path::Path;

use common::{corpus_copy, repo, stderr, ushtil, BUNDLED};

fn current(index: &Path) -> String {
    fs::read_to_string(index.join("CURRENT")).unwrap()
}

#[test]
fn building_twice_changes_nothing() {
    let index = tempfile::tempdir().unwrap();
    let first = ushtil(&repo("corpus"), index.path(), &["build"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("indexed 1 document"));
    let generation = current(index.path());
    let listing = |dir: &Path| {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let files = listing(&index.path().join(&generation));
    let second = ushtil(&repo("corpus"), index.path(), &["build"]);
    assert!(second.status.success());
    assert!(stderr(&second).contains("up to date"));
    assert_eq!(current(index.path()), generation);
    assert_eq!(listing(&index.path().join(&generation)), files);
}

#[test]
fn search_builds_the_index_on_first_use_and_after_a_change() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(corpus.path(), index.path(), &["search", "Alash"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = current(index.path());
    // Touching the corpus makes the index stale: the next search rebuilds it.
    let source = corpus.path().join(format!("{BUNDLED}.txt"));
    let mut text = fs::read_to_string(&source).unwrap();
    text.push_str("\nConclusion. Qwertyuiop is a word added here.\n");
    fs::write(&source, text).unwrap();
    // Written in place, the folder itself unchanged: the file's own stamp
    // tells. With `--no-refresh`, the index answers as it is.
    let as_is = ushtil(
        corpus.path(),
        index.path(),
        &["--no-refresh", "search", "Qwertyuiop"],
    );
    assert_eq!(as_is.status.code(), Some(1), "{}", stderr(&as_is));
    assert!(!stderr(&as_is).contains("read again"), "{}", stderr(&as_is));
    let out = ushtil(corpus.path(), index.path(), &["search", "Qwertyuiop"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 document read again"),
        "{}",
        stderr(&out)
    );
    // Updated in place: the same generation, one commit further.
    assert_eq!(current(index.path()), first);
}

#[test]
fn build_reads_again_only_the_documents_that_changed() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    assert!(ushtil(corpus.path(), index.path(), &["build"])
        .status
        .success());
    let units = |index: &Path| -> Vec<(String, String)> {
        let out = ushtil(corpus.path(), index, &["export"]);
        common::stdout(&out)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (
                    v["doc"].as_str().unwrap().to_owned(),
                    v["unit"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let alone = units(index.path());
    // A second document: only it is read; the first keeps its units.
    let second = repo("tests/data/docs/no-keywords-kazakh-body.txt");
    fs::copy(&second, corpus.path().join("b-second.txt")).unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    assert_eq!(report["changed"], serde_json::json!(["b-second"]));
    assert_eq!(report["documents"], 2);
    let both = units(index.path());
    assert_eq!(both.len(), alone.len() + 6);
    // Corpus order: by document id, then in document order.
    assert!(both[..alone.len()].iter().all(|(doc, _)| doc == BUNDLED));
    assert_eq!(
        both[alone.len()],
        ("b-second".to_owned(), "u001".to_owned())
    );
    // Removed again: its units go, and nothing else changes.
    fs::remove_file(corpus.path().join("b-second.txt")).unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    assert_eq!(report["removed"], serde_json::json!(["b-second"]));
    assert_eq!(units(index.path()), alone);
}

#[test]
fn bad_metadata_names_the_file_and_line() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    fs::write(
        corpus.path().join(format!("{BUNDLED}.toml")),
        "title = \"x\"\nyear = \"soon\"\n",
    )
    .unwrap();
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("{BUNDLED}.toml: line 2:")),
        "{}",
        stderr(&out)
    );
    assert!(!index.path().join("CURRENT").exists());
}

#[test]
fn a_missing_corpus_is_a_clear_error() {
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(
        &index.path().join("nowhere"),
        index.path(),
        &["search", "Alash"],
    );
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(message.contains("nowhere"), "{message}");
    // The system's reason, once.
    assert_eq!(message.matches("No such file").count(), 1, "{message}");
}

#[test]
fn a_corpus_that_no_longer_builds_leaves_the_last_index_serving() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    assert!(ushtil(corpus.path(), index.path(), &["build"])
        .status
        .success());
    fs::write(corpus.path().join("broken.txt"), b"\xff\xfe").unwrap();
    let out = ushtil(corpus.path(), index.path(), &["search", "Alash"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("warning") && stderr(&out).contains("broken.txt"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn leftovers_of_interrupted_builds_are_swept() {
    let index = tempfile::tempdir().unwrap();
    // A staging folder of a process that no longer runs, and a generation never made live.
    fs::create_dir_all(index.path().join("tmp-4000000000")).unwrap();
    fs::create_dir_all(index.path().join("gen-7")).unwrap();
    assert!(ushtil(&repo("corpus"), index.path(), &["build"])
        .status
        .success());
    let mut names: Vec<String> = fs::read_dir(index.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["CURRENT", "LOCK", current(index.path()).as_str()]);
    // A build that finds the index up to date sweeps too.
    fs::create_dir_all(index.path().join("tmp-4000000001")).unwrap();
    let out = ushtil(&repo("corpus"), index.path(), &["build"]);
    assert!(stderr(&out).contains("up to date"));
    assert!(!index.path().join("tmp-4000000001").exists());
}

/// `n` searches of the bundled corpus started at once, as they end.
fn searches_at_once(index: &Path, n: usize) -> Vec<std::process::Output> {
    let searches: Vec<_> = (0..n)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_ushtil"))
                .arg("--corpus")
                .arg(repo("corpus"))
                .arg("--index")
                .arg(index)
                .args(["search", "Алаш", "-n", "1"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    searches
        .into_iter()
        .map(|s| s.wait_with_output().unwrap())
        .collect()
}

#[test]
fn searches_started_together_on_a_new_index_build_it_once() {
    let index = tempfile::tempdir().unwrap();
    let outputs = searches_at_once(index.path(), 6);
    for out in &outputs {
        assert!(out.status.success(), "{}", stderr(out));
        assert!(String::from_utf8_lossy(&out.stdout).contains("Алаш"));
    }
    // One built the index; the others waited for it and found it up to date.
    let builds = outputs
        .iter()
        .filter(|out| stderr(out).contains("indexed 1 document"))
        .count();
    assert_eq!(builds, 1);
    let generations = fs::read_dir(index.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("gen-")
        })
        .count();
    assert_eq!(generations, 1);
}

#[test]
fn a_damaged_index_is_built_anew() {
    let index = tempfile::tempdir().unwrap();
    assert!(ushtil(&repo("corpus"), index.path(), &["build"])
        .status
        .success());
    // The stored units' file of the live generation.
    let store = |index: &Path| {
        fs::read_dir(index.join(current(index)))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "store"))
            .unwrap()
    };
    let damage = |index: &Path| {
        let store = store(index);
        let bytes = fs::read(&store).unwrap();
        fs::write(&store, &bytes[..bytes.len() / 2]).unwrap();
    };
    // Answering as it is, a damaged index is a one-line error that says what to do.
    damage(index.path());
    let out = ushtil(
        &repo("corpus"),
        index.path(),
        &["--no-refresh", "search", "Алаш"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("build --force"), "{}", stderr(&out));
    // `build` does not call it up to date.
    let out = ushtil(&repo("corpus"), index.path(), &["build"]);
    assert!(
        stderr(&out).contains("indexed 1 document"),
        "{}",
        stderr(&out)
    );
    // A flipped byte inside a file, which opening the index does not show:
    // `build` reads the files' checksums before calling the index up to date.
    let store = store(index.path());
    let mut bytes = fs::read(&store).unwrap();
    bytes[100] ^= 0xff;
    fs::write(&store, &bytes).unwrap();
    let out = ushtil(&repo("corpus"), index.path(), &["build"]);
    assert!(stderr(&out).contains("is damaged"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("indexed 1 document"),
        "{}",
        stderr(&out)
    );
    // Searches mend it by themselves, one of them building, the others
    // waiting for it.
    damage(index.path());
    let outputs = searches_at_once(index.path(), 4);
    for out in &outputs {
        assert!(out.status.success(), "{}", stderr(out));
    }
    let builds = outputs
        .iter()
        .filter(|out| stderr(out).contains("indexed 1 document"))
        .count();
    assert_eq!(builds, 1);
    // A search mends it by itself.
    damage(index.path());
    let out = ushtil(&repo("corpus"), index.path(), &["search", "Алаш"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("building it anew"),
        "{}",
        stderr(&out)
    );
    assert!(common::stdout(&out).contains("Алаш"));
}

#[test]
fn an_index_whose_corpus_cannot_be_read_serves_with_a_warning() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    assert!(ushtil(corpus.path(), index.path(), &["build"])
        .status
        .success());
    // An editor's lock file, a hidden link to nowhere, is no document.
    std::os::unix::fs::symlink("user@host.1234", corpus.path().join(".#notes.txt")).unwrap();
    let out = ushtil(corpus.path(), index.path(), &["search", "Алаш"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    // A link to a file that is gone: the corpus cannot be stamped.
    std::os::unix::fs::symlink("/nonexistent/x.txt", corpus.path().join("gone.txt")).unwrap();
    let out = ushtil(corpus.path(), index.path(), &["search", "Алаш"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("gone.txt"), "{}", stderr(&out));
    // No corpus folder at all (a mistyped --corpus): answered, but said.
    let out = ushtil(
        &corpus.path().join("typo"),
        index.path(),
        &["search", "Алаш"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no corpus folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_index_path_that_is_a_file_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("index");
    fs::write(&file, "").unwrap();
    let out = ushtil(&repo("corpus"), &file, &["search", "Алаш"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a folder"), "{}", stderr(&out));
    // Left as it was.
    assert_eq!(fs::read(&file).unwrap(), b"");
}

/// What a build tells, kept.
#[derive(Default)]
struct Told(Vec<String>);

impl ushtil::build::Progress for Told {
    fn warn(&mut self, message: &str) {
        self.0.push(message.to_owned());
    }
}

impl ushtil::lifecycle::Notices for Told {
    fn note(&mut self, message: &str) {
        self.0.push(message.to_owned());
    }
}

#[test]
fn a_question_asked_beside_the_check_is_asked_again_only_of_a_rebuilt_index() {
    use ushtil::lifecycle::{answer, OpenError};
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let (corpus_dir, index_dir) = (corpus.path(), index.path().join("index"));
    let hits =
        |word: &str, told: &mut Told, asked: &mut usize| {
            answer(corpus_dir, &index_dir, true, told, |opened| {
                *asked += 1;
                let query = ushtil::search::compile(opened, word, &ushtil::model::Lang::ALL)
                    .map_err(|e| OpenError::Damaged {
                        message: e.to_string(),
                    })?;
                Ok::<usize, OpenError>(ushtil::search::count(opened, &query).unwrap())
            })
            .unwrap()
        };
    // No index yet: built first, then asked once.
    let (mut told, mut asked) = (Told::default(), 0);
    assert!(hits("Alash", &mut told, &mut asked) > 0);
    assert_eq!(asked, 1);
    // Up to date: asked once, beside the check, nothing built.
    let (mut told, mut asked) = (Told::default(), 0);
    assert_eq!(hits("Qwertyuiop", &mut told, &mut asked), 0);
    assert_eq!((asked, told.0.len()), (1, 0), "{:?}", told.0);
    // Edited in place: the answer of the index as it was is thrown away, and
    // the rebuilt index asked again finds the new word.
    let source = corpus_dir.join(format!("{BUNDLED}.txt"));
    let mut text = fs::read_to_string(&source).unwrap();
    text.push_str("\nConclusion. Qwertyuiop is a word added here.\n");
    fs::write(&source, text).unwrap();
    let (mut told, mut asked) = (Told::default(), 0);
    assert_eq!(hits("Qwertyuiop", &mut told, &mut asked), 1);
    assert_eq!(asked, 2);
    assert!(
        told.0.iter().any(|m| m.contains("read again")),
        "{:?}",
        told.0
    );
}

#[test]
fn a_build_committed_while_a_question_is_asked_has_it_asked_again() {
    use ushtil::lifecycle::{answer, OpenError};
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    let (corpus_dir, index_dir) = (corpus.path(), index.path().join("index"));
    let mut told = Told::default();
    ushtil::build::build(corpus_dir, &index_dir, Default::default(), &mut told).unwrap();
    let source = corpus_dir.join(format!("{BUNDLED}.txt"));
    let mut asked = 0;
    let found = answer(corpus_dir, &index_dir, true, &mut told, |opened| {
        asked += 1;
        if asked == 1 {
            // Another build, as another process's would, edits and commits
            // while the index opened as it was is being asked.
            let mut text = fs::read_to_string(&source).unwrap();
            text.push_str("\nConclusion. Qwertyuiop is a word added here.\n");
            fs::write(&source, text).unwrap();
            let mut other = Told::default();
            ushtil::build::build(corpus_dir, &index_dir, Default::default(), &mut other).unwrap();
        }
        let query = ushtil::search::compile(opened, "Qwertyuiop", &ushtil::model::Lang::ALL)
            .map_err(|e| OpenError::Damaged {
                message: e.to_string(),
            })?;
        Ok::<usize, OpenError>(ushtil::search::count(opened, &query).unwrap())
    })
    .unwrap();
    // Whenever the check read the corpus, the first answer was the index's
    // before the edit; the one given is the index's after it.
    assert_eq!((asked, found), (2, 1));
}
