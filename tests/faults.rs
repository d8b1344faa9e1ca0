//! Faults: a build killed (SIGKILL) at any moment leaves the last index
//! answering, and the next build completes.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use common::{corpus_copy, stderr, ushtil, BUNDLED};

/// How many units a search of the index as it is finds (no rebuild).
fn found_as_is(corpus: &Path, index: &Path) -> Option<usize> {
    let out = ushtil(
        corpus,
        index,
        &["--no-refresh", "search", "Алаш", "--count"],
    );
    if !out.status.success() {
        eprintln!("{}", stderr(&out));
        return None;
    }
    common::stdout(&out).trim().parse().ok()
}

/// A small generator of kill moments, the same on every run.
struct Moments(u64);

impl Moments {
    fn next_fraction(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_last_index_answering() {
    let corpus = corpus_copy();
    let text = fs::read(corpus.path().join(format!("{BUNDLED}.txt"))).unwrap();
    let copies: Vec<String> = (1..=8).map(|n| format!("copy-{n}.txt")).collect();
    for name in &copies {
        fs::write(corpus.path().join(name), &text).unwrap();
    }
    let index = tempfile::tempdir().unwrap();
    let first = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(first.status.success(), "{}", stderr(&first));
    // How long a whole build takes here, timed on a second one (the first
    // also warms the caches the rounds find warm): kills fall anywhere within it.
    let started = Instant::now();
    let second = ushtil(corpus.path(), index.path(), &["build", "--force"]);
    assert!(second.status.success(), "{}", stderr(&second));
    let whole = started.elapsed();
    let expected = found_as_is(corpus.path(), index.path()).unwrap();
    assert!(expected > 0);
    let binary = env!("CARGO_BIN_EXE_ushtil");
    let mut moments = Moments(17);
    let mut killed_at_work = 0;
    for round in 0..16 {
        // Half the rounds rebuild from nothing, half update the copies in place.
        let mut args = vec!["--corpus", "", "--index", "", "-q", "build"];
        let (corpus_arg, index_arg) = (
            corpus.path().to_str().unwrap(),
            index.path().to_str().unwrap(),
        );
        args[1] = corpus_arg;
        args[3] = index_arg;
        if round % 2 == 0 {
            args.push("--force");
        } else {
            for name in &copies {
                fs::write(corpus.path().join(name), &text).unwrap();
            }
        }
        let mut child = Command::new(binary)
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let at = whole.mul_f64(moments.next_fraction());
        std::thread::sleep(at);
        if child.try_wait().unwrap().is_none() {
            killed_at_work += 1;
        }
        // SIGKILL: no handler runs, nothing is cleaned up.
        let _ = child.kill();
        child.wait().unwrap();
        assert_eq!(
            found_as_is(corpus.path(), index.path()),
            Some(expected),
            "round {round}: killed after {at:?} of {whole:?}"
        );
    }
    // Most kills fell while the build was at work, not after it ended.
    assert!(killed_at_work >= 8, "{killed_at_work} of 16");
    // The next build completes, and sweeps what the killed ones left.
    let last = ushtil(corpus.path(), index.path(), &["build", "--force"]);
    assert!(last.status.success(), "{}", stderr(&last));
    assert_eq!(found_as_is(corpus.path(), index.path()), Some(expected));
    let mut left: Vec<String> = fs::read_dir(index.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left.len(), 3, "CURRENT, LOCK and one generation: {left:?}");
    assert!(left.iter().any(|n| n.starts_with("gen-")), "{left:?}");
    // A search after a killed update finds it stale and completes it itself.
    for name in &copies {
        fs::write(corpus.path().join(name), &text).unwrap();
    }
    let mut child = Command::new(binary)
        .args([
            "--corpus",
            corpus.path().to_str().unwrap(),
            "--index",
            index.path().to_str().unwrap(),
            "build",
        ])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(whole / 3);
    let _ = child.kill();
    child.wait().unwrap();
    let search = ushtil(corpus.path(), index.path(), &["search", "Алаш", "--count"]);
    assert!(search.status.success(), "{}", stderr(&search));
    assert_eq!(common::stdout(&search).trim(), expected.to_string());
}

/// Runs ushtil with files limited to `blocks` of 512 bytes and the signal
/// that limit sends ignored, so that a write past it fails as on a full disk.
fn ushtil_with_little_room(corpus: &Path, index: &Path, blocks: u32, args: &[&str]) -> Output {
    let binary = env!("CARGO_BIN_EXE_ushtil");
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f {blocks}; trap '' XFSZ; c=\"$1\"; i=\"$2\"; shift 2; \
             exec \"$0\" --color never --corpus \"$c\" --index \"$i\" \"$@\""
        ))
        .arg(binary)
        .arg(corpus)
        .arg(index)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_write_that_fails_is_a_clear_error_and_the_last_index_answers() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    // No index yet: a clear error, and no index is left that looks whole.
    let out = ushtil_with_little_room(corpus.path(), index.path(), 40, &["build"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("File too large"), "{message}");
    assert!(
        message.contains(&index.path().display().to_string()),
        "{message}"
    );
    assert!(!index.path().join("CURRENT").exists());
    // With room, it builds.
    let built = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let expected = found_as_is(corpus.path(), index.path()).unwrap();
    // A second document that does not fit: the update fails, and the last
    // index answers as it did.
    let text = fs::read(corpus.path().join(format!("{BUNDLED}.txt"))).unwrap();
    fs::write(corpus.path().join("second.txt"), &text).unwrap();
    let out = ushtil_with_little_room(corpus.path(), index.path(), 40, &["build"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("File too large"), "{}", stderr(&out));
    assert_eq!(found_as_is(corpus.path(), index.path()), Some(expected));
    // Given room, the next build completes.
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(found_as_is(corpus.path(), index.path()), Some(2 * expected));
}

/// Runs ushtil as someone who may read `index` but not write it: as root,
/// the user `nobody` (by `setpriv`, with a copy of the binary that nobody
/// can reach); as anyone else, the owner with the folders' write rights
/// taken away (root would not notice those).
struct Reader {
    binary: tempfile::TempDir,
    as_root: bool,
}

impl Reader {
    fn new() -> Reader {
        let id = Command::new("id").arg("-u").output().unwrap();
        let as_root = common::stdout(&id).trim() == "0";
        let binary = tempfile::tempdir().unwrap();
        fs::copy(env!("CARGO_BIN_EXE_ushtil"), binary.path().join("ushtil")).unwrap();
        open_to_all(binary.path());
        Reader { binary, as_root }
    }

    fn run(&self, corpus: &Path, index: &Path, args: &[&str]) -> Output {
        let folders = [index.to_owned(), live_generation(index)];
        if !self.as_root {
            folders.iter().for_each(|f| set_mode(f, 0o555));
        }
        let mut command = if self.as_root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
            c.arg(self.binary.path().join("ushtil"));
            c
        } else {
            Command::new(self.binary.path().join("ushtil"))
        };
        let out = command
            .args(["--color", "never", "--corpus"])
            .arg(corpus)
            .arg("--index")
            .arg(index)
            .args(args)
            .output()
            .unwrap();
        if !self.as_root {
            folders.iter().for_each(|f| set_mode(f, 0o755));
        }
        out
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// Readable by all, writable by the owner: as a shared folder is.
fn open_to_all(path: &Path) {
    set_mode(path, 0o755);
}

fn live_generation(index: &Path) -> std::path::PathBuf {
    index.join(fs::read_to_string(index.join("CURRENT")).unwrap().trim())
}

#[test]
fn an_index_folder_that_cannot_be_written_still_answers() {
    let corpus = corpus_copy();
    let index = tempfile::tempdir().unwrap();
    open_to_all(corpus.path());
    open_to_all(index.path());
    let built = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let expected = found_as_is(corpus.path(), index.path()).unwrap();
    let reader = Reader::new();
    // Found by one who may only read it, as it stands and as it is searched.
    let count = |out: &Output| common::stdout(out).trim().parse::<usize>().ok();
    let out = reader.run(corpus.path(), index.path(), &["search", "Алаш", "--count"]);
    assert_eq!(count(&out), Some(expected), "{}", stderr(&out));
    // The corpus grows; the reader's build is a clear error, and leaves the
    // index as it was.
    let text = fs::read(corpus.path().join(format!("{BUNDLED}.txt"))).unwrap();
    fs::write(corpus.path().join("second.txt"), &text).unwrap();
    let out = reader.run(corpus.path(), index.path(), &["build"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.contains("Permission denied"), "{message}");
    assert!(
        message.contains(&index.path().display().to_string()),
        "{message}"
    );
    // A search says the index is older than the corpus and answers from it.
    let out = reader.run(corpus.path(), index.path(), &["search", "Алаш", "--count"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&out), Some(expected));
    assert!(
        stderr(&out).contains("the index is older than the corpus and cannot be rebuilt"),
        "{}",
        stderr(&out)
    );
    // Its owner's next build takes the second document in, and still shares it.
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = reader.run(corpus.path(), index.path(), &["search", "Алаш", "--count"]);
    assert_eq!(count(&out), Some(2 * expected), "{}", stderr(&out));
}
