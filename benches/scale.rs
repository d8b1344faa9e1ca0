//! The scale benchmark: corpora of 10 MB, 100 MB and 1 GB made from the bundled
//! article, built and searched by ushtil, and the same text indexed by plain
//! tantivy (`tantivy-cli`) and scanned by `rg` as references. Writes the table
//! to BENCHMARKS.md.
//!
//! ```sh
//! cargo bench --bench scale -- --sizes 10,100,1000 [--seed 1] [--dir /tmp/ushtil-bench]
//! ```
//! `tantivy` (from `cargo install tantivy-cli`) and `rg` are used where they are
//! on the PATH (or `--tantivy PATH`); their columns say "not run" otherwise.
//! The alignment benchmark (`benches/align.rs`, a translated book of so many
//! sentences) runs in the same run and its table goes in the same report:
//! `--align-sizes 1000,10000,50000` (the default; `--align-sizes 0` leaves it out).

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use ushtil::index::CorpusIndex;
use ushtil::model::Lang;

const BUNDLED: &str = include_str!("../corpus/alash-constituent-assembly-1917.txt");

struct Settings {
    sizes: Vec<u64>,
    seed: u64,
    dir: PathBuf,
    tantivy: Option<PathBuf>,
    out: PathBuf,
    align_sizes: Vec<usize>,
}

fn settings() -> Settings {
    let mut settings = Settings {
        sizes: vec![10, 100],
        seed: 1,
        dir: std::env::temp_dir().join("ushtil-bench"),
        tantivy: which("tantivy"),
        out: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("BENCHMARKS.md"),
        align_sizes: vec![1000, 10_000, 50_000],
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--sizes" => settings.sizes = value.split(',').filter_map(|s| s.parse().ok()).collect(),
            "--seed" => settings.seed = value.parse().unwrap_or(1),
            "--dir" => settings.dir = PathBuf::from(value),
            "--tantivy" => settings.tantivy = Some(PathBuf::from(value)),
            "--out" => settings.out = PathBuf::from(value),
            "--align-sizes" => {
                settings.align_sizes = value
                    .split(',')
                    .filter_map(|s| s.parse().ok())
                    .filter(|&n| n > 0)
                    .collect()
            }
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    settings
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

/// SplitMix64: the same corpus for the same seed on every machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A made-up word of the script of `like`, for vocabulary rank `rank`: the
/// same rank always makes the same word.
fn word(rank: u64, like: &str) -> String {
    const LATIN: [&str; 12] = [
        "ka", "ra", "lo", "zen", "mi", "tur", "sha", "bek", "ul", "dor", "an", "is",
    ];
    const CYRILLIC: [&str; 12] = [
        "қа", "ра", "ло", "зен", "мі", "тұр", "ша", "бек", "ұл", "дор", "ан", "ыс",
    ];
    let syllables = if like.chars().any(|c| c.is_ascii_alphabetic()) {
        LATIN
    } else {
        CYRILLIC
    };
    let mut r = Random(rank);
    let n = 2 + (r.next() % 3) as usize;
    let mut word: String = (0..n)
        .map(|_| syllables[(r.next() % 12) as usize])
        .collect();
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = word.chars();
        word = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    word
}

/// One document shaped like the bundled article: its lines, with some words
/// swapped for words drawn from an ever larger vocabulary (Zipf's law, so that
/// new forms keep appearing as the corpus grows, as Heaps' law has it) and
/// numbers changed.
fn document(random: &mut Random) -> String {
    let mut out = String::with_capacity(BUNDLED.len() + 1024);
    for line in BUNDLED.split_inclusive('\n') {
        let mut token = String::new();
        let flush = |token: &mut String, out: &mut String, random: &mut Random| {
            if token.is_empty() {
                return;
            }
            if token.chars().all(|c| c.is_ascii_digit()) && random.unit() < 0.5 {
                let _ = write!(out, "{}", random.next() % 2000);
            } else if token.chars().all(char::is_alphabetic) && random.unit() < 0.12 {
                // A Zipf-distributed rank: small ranks often, large ones seldom.
                let rank = (1.0 / random.unit().max(1e-9)).powf(1.1) as u64;
                out.push_str(&word(rank, token));
            } else {
                out.push_str(token);
            }
            token.clear();
        };
        for c in line.chars() {
            if c.is_alphanumeric() {
                token.push(c);
            } else {
                flush(&mut token, &mut out, random);
                out.push(c);
            }
        }
        flush(&mut token, &mut out, random);
    }
    out
}

/// Writes a corpus of about `megabytes` MB into `dir`; returns its size in bytes.
fn make_corpus(dir: &Path, megabytes: u64, seed: u64) -> u64 {
    let target = megabytes * 1_000_000;
    let marker = dir.join(".complete");
    if marker.exists() {
        return fs::read_to_string(&marker)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
    }
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).unwrap();
    let mut random = Random(seed);
    let mut written = 0u64;
    let mut n = 0;
    while written < target {
        n += 1;
        let text = document(&mut random);
        written += text.len() as u64;
        fs::write(dir.join(format!("doc-{n:06}.txt")), text).unwrap();
    }
    fs::write(&marker, written.to_string()).unwrap();
    written
}

fn ushtil() -> PathBuf {
    // Built by cargo with the benchmark, from the same sources.
    PathBuf::from(env!("CARGO_BIN_EXE_ushtil"))
}

/// Runs a command under /usr/bin/time: (wall seconds, peak resident memory in bytes).
fn timed(program: &Path, args: &[&str], stdin: Option<&Path>) -> (f64, u64) {
    let mut command = Command::new("/usr/bin/time");
    command.arg("-f").arg("%e %M").arg(program).args(args);
    command.stdout(Stdio::null()).stderr(Stdio::piped());
    if let Some(path) = stdin {
        command.stdin(fs::File::open(path).unwrap());
    }
    let output = command.output().expect("/usr/bin/time runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = stderr.lines().last().unwrap_or("0 0");
    let mut fields = last.split_whitespace();
    let seconds = fields.next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    let kilobytes: u64 = fields.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    assert!(
        output.status.success(),
        "{} {args:?} failed: {stderr}",
        program.display()
    );
    (seconds, kilobytes * 1024)
}

fn disk_size(dir: &Path) -> u64 {
    let mut total = 0;
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        total += if path.is_dir() {
            disk_size(&path)
        } else {
            entry.metadata().map_or(0, |m| m.len())
        };
    }
    total
}

/// Percentiles of a list of durations in milliseconds.
fn percentiles(mut times: Vec<f64>) -> [f64; 3] {
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    [at(0.5), at(0.95), at(0.99)]
}

/// The queries timed in process, per language: (kind, query).
fn queries(lang: Lang) -> Vec<(&'static str, &'static str)> {
    match lang {
        Lang::En => vec![
            ("rare term", "Ekibastuz"),
            ("frequent term", "elections"),
            ("phrase", "\"Constituent Assembly\""),
            ("boolean", "Alash AND party NOT Bolsheviks"),
            ("prefix", "Bukeikh*"),
        ],
        Lang::Kk => vec![
            ("rare term", "мұрағаттардан"),
            ("frequent term", "сайлау"),
            ("phrase", "\"Құрылтай жиналысы\""),
            ("boolean", "Алаш AND партиясы"),
            ("prefix", "сайла*"),
        ],
        Lang::Ru => vec![
            ("rare term", "архивах"),
            ("frequent term", "выборы"),
            ("phrase", "\"Учредительного собрания\""),
            ("boolean", "Алаш AND партия"),
            ("prefix", "выбор*"),
        ],
    }
}

fn main() {
    // The alignment benchmark measures each size in a child process: this
    // binary again, with `--child`.
    let child = common::align::settings();
    if let Some(n) = child.child {
        return common::align::child(&child, n);
    }
    let settings = settings();
    let binary = ushtil();
    let bundled = bundled_end_to_end(&binary, &settings.dir);
    let alignment = match settings.align_sizes.is_empty() {
        true => None,
        false => {
            eprintln!("== alignment: {:?} sentences", settings.align_sizes);
            let align = common::align::Settings {
                sizes: settings.align_sizes.clone(),
                seed: settings.seed,
                ..common::align::Settings::default()
            };
            Some(common::align::table(&align))
        }
    };
    fs::create_dir_all(&settings.dir).unwrap();
    let mut rows: Vec<BTreeMap<&str, String>> = Vec::new();
    for &size in &settings.sizes {
        eprintln!("== {size} MB");
        let corpus = settings.dir.join(format!("corpus-{size}mb"));
        let bytes = make_corpus(&corpus, size, settings.seed);
        let documents = fs::read_dir(&corpus)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
            })
            .count();
        let index = settings.dir.join(format!("index-{size}mb"));
        let _ = fs::remove_dir_all(&index);
        let (c, i) = (corpus.to_str().unwrap(), index.to_str().unwrap());
        let (build_seconds, build_rss) =
            timed(&binary, &["--corpus", c, "--index", i, "-q", "build"], None);
        let index_bytes = disk_size(&index);
        let mut row = BTreeMap::new();
        row.insert(
            "size",
            format!("{:.0} MB, {documents} docs", bytes as f64 / 1e6),
        );
        row.insert(
            "build",
            format!(
                "{build_seconds:.1} s, {:.1} MB/s",
                bytes as f64 / 1e6 / build_seconds.max(0.01)
            ),
        );
        row.insert("rss", format!("{:.0} MB", build_rss as f64 / 1e6));
        row.insert(
            "index",
            format!(
                "{:.0} MB ({:.2}× text)",
                index_bytes as f64 / 1e6,
                index_bytes as f64 / bytes as f64
            ),
        );

        // Plain tantivy on the same units: one JSON document per unit, three text fields.
        let units = settings.dir.join(format!("units-{size}mb.jsonl"));
        export_units(&binary, c, i, &units);
        let tantivy_row = match &settings.tantivy {
            Some(tantivy) => {
                let reference = settings.dir.join(format!("tantivy-{size}mb"));
                let _ = fs::remove_dir_all(&reference);
                fs::create_dir_all(&reference).unwrap();
                fs::write(reference.join("meta.json"), TANTIVY_META).unwrap();
                let (seconds, rss) = timed(
                    tantivy,
                    &["index", "-i", reference.to_str().unwrap()],
                    Some(&units),
                );
                row.insert(
                    "tantivy queries",
                    tantivy_queries(tantivy, &reference, &settings.dir),
                );
                format!("{seconds:.1} s ({:.0} MB RSS, {:.0} MB on disk); ushtil/tantivy time {:.2}, throughput ratio {:.2}", rss as f64 / 1e6, disk_size(&reference) as f64 / 1e6, build_seconds / seconds.max(0.01), seconds / build_seconds.max(0.01))
            }
            None => "not run (no `tantivy` binary)".to_owned(),
        };
        row.insert("tantivy", tantivy_row);

        // Search in process.
        let opened = CorpusIndex::open(&index).unwrap();
        let mut latency = String::new();
        for lang in Lang::ALL {
            for (kind, query) in queries(lang) {
                let mut times = Vec::new();
                for _ in 0..30 {
                    let started = Instant::now();
                    let _ = ushtil::search::search(&opened, query, &[lang], 10).unwrap();
                    times.push(started.elapsed().as_secs_f64() * 1000.0);
                }
                let [p50, p95, p99] = percentiles(times);
                let _ = write!(latency, "{lang} {kind}: {p50:.2}/{p95:.2}/{p99:.2}; ");
            }
        }
        row.insert("latency", latency);

        // End to end, process start to last byte (with the check of every
        // corpus file's stamp, and without it), and rg over the text.
        let checked = end_to_end(&binary, &["--corpus", c, "--index", i]);
        let as_is = end_to_end(&binary, &["--corpus", c, "--index", i, "--no-refresh"]);
        let rg = which("rg").map(|rg| {
            let mut times = Vec::new();
            for _ in 0..3 {
                let started = Instant::now();
                let _ = Command::new(&rg)
                    .args(["-c", "-i", "elections", c])
                    .output()
                    .unwrap();
                times.push(started.elapsed().as_secs_f64() * 1000.0);
            }
            percentiles(times)[0]
        });
        row.insert(
            "end to end",
            match rg {
                Some(rg) => format!(
                    "ushtil search {checked:.1} ms, with --no-refresh {as_is:.1} ms; rg {rg:.1} ms; rg/ushtil {:.1}× ({:.1}× with --no-refresh)",
                    rg / checked,
                    rg / as_is
                ),
                None => format!("ushtil search {checked:.1} ms, with --no-refresh {as_is:.1} ms; rg not run"),
            },
        );

        // A concordance of a word with about 100,000 occurrences: first line, last line.
        let word = frequent_word(&corpus, bytes, 100_000.0);
        let started = Instant::now();
        let mut child = Command::new(&binary)
            .args([
                "--corpus", c, "--index", i, "concord", word, "--lang", "en", "--format", "tsv",
            ])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let _header = lines.next();
        let _first = lines.next();
        let first = started.elapsed().as_secs_f64();
        let count = 1 + lines.count();
        let _ = child.wait();
        let total = started.elapsed().as_secs_f64();
        row.insert(
            "concordance",
            format!(
                "`{word}`: {count} lines, first after {:.0} ms, all in {total:.1} s",
                first * 1000.0
            ),
        );

        // The collocates of the same word, and of the word of a million
        // occurrences below: time and peak memory of the whole process.
        let mut collocates = Vec::new();
        for target in [100_000.0, 1_000_000.0] {
            let word = frequent_word(&corpus, bytes, target);
            let (seconds, rss) = timed(
                &binary,
                &[
                    "--corpus",
                    c,
                    "--index",
                    i,
                    "collocates",
                    word,
                    "--lang",
                    "en",
                    "--format",
                    "tsv",
                ],
                None,
            );
            collocates.push(format!(
                "`{word}` {seconds:.1} s, {:.0} MB peak",
                rss as f64 / 1e6
            ));
        }
        row.insert("collocates", collocates.join("; "));

        // A word with about 1,000,000 occurrences, sorted by its right-hand
        // word and counted: time and peak memory of the whole process.
        let word = frequent_word(&corpus, bytes, 1_000_000.0);
        let lines = Command::new(&binary)
            .args([
                "--corpus", c, "--index", i, "concord", word, "--lang", "en", "--count",
                "--format", "tsv",
            ])
            .output()
            .unwrap();
        let occurrences: u64 = String::from_utf8_lossy(&lines.stdout)
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').nth(2)?.parse::<u64>().ok())
            .sum();
        let mut measured = Vec::new();
        for extra in [&["--sort", "right"][..], &["--count"][..]] {
            let mut args = vec![
                "--corpus", c, "--index", i, "concord", word, "--lang", "en", "--format", "tsv",
            ];
            args.extend(extra);
            let (seconds, rss) = timed(&binary, &args, None);
            measured.push(format!(
                "{} {seconds:.1} s, {:.0} MB peak",
                extra.join(" "),
                rss as f64 / 1e6
            ));
        }
        row.insert(
            "large concordance",
            format!("`{word}`: {occurrences} lines; {}", measured.join("; ")),
        );

        // Adding one document.
        let added = corpus.join("zz-added.txt");
        fs::write(&added, document(&mut Random(settings.seed ^ 0xADD))).unwrap();
        let (seconds, _) = timed(&binary, &["--corpus", c, "--index", i, "-q", "build"], None);
        fs::remove_file(&added).unwrap();
        row.insert("add one", format!("{seconds:.2} s"));
        eprintln!("{row:#?}");
        rows.push(row);
        write_report(&settings, &bundled, alignment.as_deref(), &rows);
    }
}

/// The same kinds of query as [`queries`] asked of the plain tantivy index
/// with `tantivy bench` (10 runs; each counts the hits and takes the top 10,
/// loading no document): p50 in milliseconds and the number of hits. Its
/// default tokenizer does not stem, so a word matches its printed form only.
fn tantivy_queries(tantivy: &Path, index: &Path, dir: &Path) -> String {
    const QUERIES: [(&str, &str); 12] = [
        ("kk rare term", "kk:мұрағаттардан"),
        ("kk frequent term", "kk:сайлау"),
        ("kk phrase", "kk:\"құрылтай жиналысы\""),
        ("kk boolean", "+kk:алаш +kk:партиясы"),
        ("ru rare term", "ru:архивах"),
        ("ru frequent term", "ru:выборы"),
        ("ru phrase", "ru:\"учредительного собрания\""),
        ("ru boolean", "+ru:алаш +ru:партия"),
        ("en rare term", "en:ekibastuz"),
        ("en frequent term", "en:elections"),
        ("en phrase", "en:\"constituent assembly\""),
        ("en boolean", "+en:alash +en:party -en:bolsheviks"),
    ];
    let file = dir.join("tantivy-queries.txt");
    let lines: Vec<&str> = QUERIES.iter().map(|(_, q)| *q).collect();
    fs::write(&file, lines.join("\n") + "\n").unwrap();
    let out = Command::new(tantivy)
        .args(["bench", "-n", "10", "-i"])
        .arg(index)
        .arg("-q")
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // The SEARCH section: `query<TAB>hits<TAB>microseconds`, each query in turn.
    let search = text.split("FETCH STORE").next().unwrap_or_default();
    let mut report = String::new();
    for (kind, query) in QUERIES {
        let mut hits = 0;
        let times: Vec<f64> = search
            .lines()
            .filter_map(|l| {
                let mut fields = l.split('\t');
                (fields.next() == Some(query)).then_some(())?;
                hits = fields.next()?.parse().ok()?;
                Some(fields.next()?.parse::<f64>().ok()? / 1000.0)
            })
            .collect();
        if times.is_empty() {
            continue;
        }
        let _ = write!(
            report,
            "{kind}: {:.2} ({hits} hits); ",
            percentiles(times)[0]
        );
    }
    report
}

/// `ushtil search Алаш` on the bundled corpus, process start to last byte:
/// p50 of 20 runs, the index built before the first.
fn bundled_end_to_end(binary: &Path, dir: &Path) -> String {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let index = dir.join("index-bundled");
    let _ = fs::remove_dir_all(&index);
    let mut times = Vec::new();
    for run in 0..=20 {
        let started = Instant::now();
        let out = Command::new(binary)
            .arg("--corpus")
            .arg(&corpus)
            .arg("--index")
            .arg(&index)
            .args(["search", "Алаш"])
            .output()
            .unwrap();
        assert!(out.status.success());
        if run > 0 {
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
    }
    format!(
        "`ushtil search Алаш` end to end {:.1} ms (p50 of 20 runs)",
        percentiles(times)[0]
    )
}

/// The p50 of `ushtil search elections --lang en` run as a command (20 runs),
/// process start to last byte, in milliseconds.
fn end_to_end(binary: &Path, options: &[&str]) -> f64 {
    let mut times = Vec::new();
    for _ in 0..20 {
        let started = Instant::now();
        let out = Command::new(binary)
            .args(options)
            .args(["search", "elections", "--lang", "en"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    percentiles(times)[0]
}

/// Writes the table of the sizes measured so far.
fn write_report(
    settings: &Settings,
    bundled: &str,
    alignment: Option<&str>,
    rows: &[BTreeMap<&str, String>],
) {
    let mut report = String::new();
    let _ = writeln!(report, "# Benchmarks\n");
    let _ = writeln!(
        report,
        "Made by `cargo bench --bench scale -- --sizes {} --align-sizes {}` (seed {}).\n",
        settings
            .sizes
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(","),
        match settings.align_sizes.is_empty() {
            true => "0".to_owned(),
            false => settings
                .align_sizes
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(","),
        },
        settings.seed
    );
    let _ = writeln!(report, "{}\n", common::machine());
    let _ = writeln!(report, "Bundled corpus: {bundled}\n");
    for row in rows {
        let _ = writeln!(report, "## {}\n", row["size"]);
        for key in [
            "build",
            "rss",
            "index",
            "tantivy",
            "latency",
            "tantivy queries",
            "end to end",
            "concordance",
            "large concordance",
            "collocates",
            "add one",
        ] {
            if let Some(value) = row.get(key) {
                let _ = writeln!(report, "- **{key}**: {value}");
            }
        }
        let _ = writeln!(report);
    }
    let _ = writeln!(report, "Latencies are p50/p95/p99 in milliseconds, in process, top 10 hits with their aligned units loaded.\n");
    if let Some(alignment) = alignment {
        let _ = writeln!(
            report,
            "## Aligning a translated book (`benches/align.rs`), in the same run\n\n\
             Sentences kk / ru / en of FLORES-200 dev articles drawn in a seeded order (see \
             the section on book length below); times are the best of 3 runs up to 10,000 \
             sentences, one above; peak RSS is VmHWM of the phase.\n\n{alignment}"
        );
    }
    // The hand-written analysis below the marker outlives a new run.
    const MARKER: &str = "<!-- analysis: kept by the benchmark -->";
    if let Some(analysis) = fs::read_to_string(&settings.out)
        .ok()
        .and_then(|old| old.find(MARKER).map(|at| old[at..].to_owned()))
    {
        report.push_str(&analysis);
    }
    fs::File::create(&settings.out)
        .unwrap()
        .write_all(report.as_bytes())
        .unwrap();
    eprintln!("wrote {}", settings.out.display());
}

/// The English word whose occurrences in the corpus (of `bytes` in all) come
/// nearest `target`, as counted in its first documents and scaled up: a
/// concordance of about that many lines at any size where there is one.
fn frequent_word(corpus: &Path, bytes: u64, target: f64) -> &'static str {
    // Lower-case words only: a capitalised one is also looked up as a name,
    // which the count below would not see.
    const CANDIDATES: [&str; 16] = [
        "the",
        "of",
        "party",
        "elections",
        "deputies",
        "national",
        "people",
        "government",
        "power",
        "autonomy",
        "candidates",
        "voters",
        "movement",
        "newspaper",
        "federal",
        "ballot",
    ];
    let mut files: Vec<PathBuf> = fs::read_dir(corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut sample = String::new();
    for file in files {
        if sample.len() > 4 << 20 {
            break;
        }
        sample.push_str(&fs::read_to_string(file).unwrap());
        sample.push('\n');
    }
    let analyzer = ushtil::text::Analyzer::Stem(Lang::En);
    let stems: Vec<String> = ushtil::text::analyze(analyzer, &sample)
        .into_iter()
        .map(|t| t.text)
        .collect();
    let scale = bytes as f64 / sample.len().max(1) as f64;
    let count = |word: &str| {
        let stem = &ushtil::text::analyze(analyzer, word)[0].text;
        stems.iter().filter(|s| *s == stem).count() as f64 * scale
    };
    CANDIDATES
        .into_iter()
        .min_by_key(|w| (count(w) - target).abs() as u64)
        .unwrap_or("the")
}

/// The reference schema: the three languages' text, stored, with tantivy's default tokenizer.
const TANTIVY_META: &str = r#"{"index_settings":{"docstore_compression":"lz4","docstore_blocksize":16384},"segments":[],"schema":[
{"name":"kk","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}},
{"name":"ru","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}},
{"name":"en","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}}],"opstamp":0}"#;

/// The units of an index as JSON Lines with the three text fields, for tantivy-cli.
fn export_units(binary: &Path, corpus: &str, index: &str, to: &Path) {
    let out = Command::new(binary)
        .args(["--corpus", corpus, "--index", index, "export"])
        .output()
        .unwrap();
    let mut file = std::io::BufWriter::new(fs::File::create(to).unwrap());
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let unit: serde_json::Value = serde_json::from_str(line).unwrap();
        let texts = &unit["texts"];
        let doc = serde_json::json!({
            "kk": texts["kk"].as_str().unwrap_or(""),
            "ru": texts["ru"].as_str().unwrap_or(""),
            "en": texts["en"].as_str().unwrap_or(""),
        });
        writeln!(file, "{doc}").unwrap();
    }
}
