//! The alignment benchmark's text and measures, shared by `benches/align.rs`
//! and the scale benchmark, which puts the same table in its report.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use std::{fs, thread};

use ushtil::ingest::segment;
use ushtil::model::{Lang, Metadata, PerLang};

pub struct Settings {
    pub sizes: Vec<usize>,
    pub seed: u64,
    pub runs: Option<usize>,
    pub timeout: f64,
    pub max_rss_mb: u64,
    pub flores: PathBuf,
    pub child: Option<usize>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            sizes: vec![1000, 10_000, 50_000],
            seed: 1,
            runs: None,
            timeout: 300.0,
            max_rss_mb: 4096,
            flores: PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/eval/parallel/flores-dev/separate"),
            child: None,
        }
    }
}

/// The settings of the command line.
pub fn settings() -> Settings {
    let mut s = Settings::default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--sizes" => {
                s.sizes = value
                    .split(',')
                    .filter_map(|v| v.trim().parse().ok())
                    .collect()
            }
            "--seed" => s.seed = value.parse().unwrap_or(1),
            "--runs" => s.runs = value.parse().ok(),
            "--timeout" => s.timeout = value.parse().unwrap_or(300.0),
            "--max-rss-mb" => s.max_rss_mb = value.parse().unwrap_or(4096),
            "--flores" => s.flores = PathBuf::from(value),
            "--child" => s.child = value.parse().ok(),
            _ => {
                i += 1; // `--bench` from cargo, and anything unknown
                continue;
            }
        }
        i += 2;
    }
    s
}

/// A small LCG (Knuth's MMIX constants): the same text for the same seed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// The FLORES articles: each language's line, and its English sentence count.
fn articles(dir: &PathBuf) -> Vec<(PerLang<String>, usize)> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| {
            panic!(
                "FLORES-200 dev articles not found at {}: {e}",
                dir.display()
            )
        })
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".en.txt")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no *.en.txt in {}", dir.display());
    let read = |name: &str, lang: Lang| {
        let path = dir.join(format!("{name}.{lang}.txt"));
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    names
        .iter()
        .map(|name| {
            let lines = PerLang::from_fn(|lang| read(name, lang));
            let sentences = segment::sentences(&lines.en).len();
            (lines, sentences)
        })
        .collect()
}

/// The three texts (one paragraph a line) and the true paragraph groups,
/// as paragraph counts in kk, ru, en.
fn generate(
    articles: &[(PerLang<String>, usize)],
    n: usize,
    seed: u64,
) -> (PerLang<String>, Vec<[usize; 3]>) {
    let mut random = Lcg(seed);
    let mut order: Vec<usize> = Vec::new();
    let mut next_article = |random: &mut Lcg| {
        if order.is_empty() {
            order = (0..articles.len()).collect(); // a fresh shuffle per pass
            for i in (1..order.len()).rev() {
                order.swap(i, random.below(i + 1));
            }
        }
        &articles[order.pop().unwrap()]
    };
    let mut texts: PerLang<String> = PerLang::default();
    let mut truth = Vec::new();
    let mut sentences = 0;
    while sentences < n {
        let roll = random.below(100);
        let (drop, split) = (roll < 2, (2..5).contains(&roll));
        let mut k = 1 + random.below(6);
        if split {
            k = k.max(2);
        }
        let picked: Vec<&(PerLang<String>, usize)> =
            (0..k).map(|_| next_article(&mut random)).collect();
        sentences += picked.iter().map(|a| a.1).sum::<usize>();
        let odd = Lang::ALL[random.below(3)];
        let mut shape = [1, 1, 1];
        for (d, lang) in Lang::ALL.into_iter().enumerate() {
            let mut lines: Vec<&str> = picked.iter().map(|a| a.0.get(lang).as_str()).collect();
            if lang == odd && drop {
                lines.remove(random.below(k));
            }
            let text = texts.get_mut(lang);
            if lang == odd && split {
                let at = 1 + random.below(k - 1);
                text.push_str(&format!(
                    "{}\n{}\n",
                    lines[..at].join(" "),
                    lines[at..].join(" ")
                ));
                shape[d] = 2;
            } else if lines.is_empty() {
                shape[d] = 0;
            } else {
                text.push_str(&lines.join(" "));
                text.push('\n');
            }
        }
        truth.push(shape);
    }
    (texts, truth)
}

/// A line of /proc/self/status, in kB.
fn status_kb(field: &str) -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| {
            l.strip_prefix(field)?
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

/// Resets VmHWM to the present RSS; false where the kernel does not allow it.
fn reset_peak() -> bool {
    fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The groups as (first paragraph, count) in each language, in order.
fn spans(shapes: impl Iterator<Item = [usize; 3]>) -> Vec<[(usize, usize); 3]> {
    let mut at = [0usize; 3];
    shapes
        .map(|shape| {
            let span = [0, 1, 2].map(|d| (at[d], shape[d]));
            (0..3).for_each(|d| at[d] += shape[d]);
            span
        })
        .collect()
}

/// One size, in this process: prints `key=value` fields on one line.
/// A child process: one size, measured, its figures printed as `result k=v …`.
pub fn child(s: &Settings, n: usize) {
    let articles = articles(&s.flores);
    let (texts, truth) = generate(&articles, n, s.seed);
    let files: Vec<(Lang, PathBuf, String)> = Lang::ALL
        .map(|l| {
            (
                l,
                PathBuf::from(format!("bench.{l}.txt")),
                texts.get(l).clone(),
            )
        })
        .to_vec();
    drop(texts);
    let input_kb = status_kb("VmRSS:");
    let resets = reset_peak();
    let runs = s.runs.unwrap_or(if n <= 10_000 { 3 } else { 1 });
    let (mut ingest_s, mut align_s) = (f64::INFINITY, f64::INFINITY);
    let (mut ingest_kb, mut align_kb) = (0, 0);
    let mut last = None;
    for run in 0..runs {
        println!("phase ingest {run}");
        let started = Instant::now();
        let doc = ushtil::ingest::ingest_versions("bench", Metadata::default(), &files);
        ingest_s = ingest_s.min(started.elapsed().as_secs_f64());
        ingest_kb = ingest_kb.max(status_kb("VmHWM:"));
        reset_peak();
        println!(
            "phase align {run} (ingest {:.2} s)",
            started.elapsed().as_secs_f64()
        );
        let started = Instant::now();
        let units = ushtil::align::align(&doc);
        align_s = align_s.min(started.elapsed().as_secs_f64());
        align_kb = align_kb.max(status_kb("VmHWM:"));
        println!(
            "phase done {run} (align {:.2} s)",
            started.elapsed().as_secs_f64()
        );
        last = Some((doc, units));
        reset_peak();
    }
    let (doc, units) = last.expect("one run");
    // The paragraph pass alone, to tell its share of align from the sentence passes'.
    let started = Instant::now();
    let _ = ushtil::align::paragraph_groups(&doc);
    let paragraph_s = started.elapsed().as_secs_f64();
    let sentences = Lang::ALL.map(|l| {
        doc.blocks
            .iter()
            .filter(|b| b.file == Some(l))
            .map(|b| b.sentences.len())
            .sum::<usize>()
    });
    let bytes = Lang::ALL.map(|l| files[l as usize].2.len());
    let found: Vec<[usize; 3]> = units
        .iter()
        .filter_map(|u| u.paragraphs)
        .map(|p| [p.kk, p.ru, p.en])
        .collect();
    let odd = |shapes: &[[usize; 3]]| shapes.iter().filter(|&&s| s != [1, 1, 1]).count();
    let predicted: HashSet<_> = spans(found.iter().copied()).into_iter().collect();
    let exact = spans(truth.iter().copied())
        .iter()
        .filter(|g| predicted.contains(*g))
        .count();
    // The groups found that are not true groups, by shape.
    let truth_spans: HashSet<_> = spans(truth.iter().copied()).into_iter().collect();
    let mut wrong = std::collections::BTreeMap::<String, usize>::new();
    for (g, shape) in spans(found.iter().copied()).iter().zip(&found) {
        if !truth_spans.contains(g) {
            *wrong
                .entry(format!("{}-{}-{}", shape[0], shape[1], shape[2]))
                .or_default() += 1;
        }
    }
    let wrong: Vec<String> = wrong.iter().map(|(s, n)| format!("{s}:{n}")).collect();
    // How well confidence tells the wrong groups: below 0.7 (compare
    // --weak's default), how many of the right and of the wrong ones.
    let confidences: Vec<f32> = units
        .iter()
        .filter(|u| u.paragraphs.is_some())
        .map(|u| u.confidence)
        .collect();
    let (mut right_weak, mut right, mut wrong_weak, mut wrong_all) = (0, 0, 0, 0);
    for (g, c) in spans(found.iter().copied()).iter().zip(&confidences) {
        let weak = usize::from(*c < 0.7);
        if truth_spans.contains(g) {
            right += 1;
            right_weak += weak;
        } else {
            wrong_all += 1;
            wrong_weak += weak;
        }
    }
    let weak = format!("{right_weak}/{right},{wrong_weak}/{wrong_all}");
    let read = Lang::ALL.map(|l| doc.blocks.iter().filter(|b| b.file == Some(l)).count());
    let written = [0, 1, 2].map(|d| truth.iter().map(|s| s[d]).sum::<usize>());
    let paragraphs = format!(
        "{}/{}/{}{}",
        read[0],
        read[1],
        read[2],
        if read == written { "" } else { "(MISREAD)" }
    );
    let low = units.iter().filter(|u| u.confidence < 0.5).count();
    println!(
        "result n={n} kk={} ru={} en={} kk_mb={:.2} ru_mb={:.2} en_mb={:.2} ingest_s={ingest_s:.3} \
         align_s={align_s:.3} paragraph_s={paragraph_s:.3} input_mb={:.0} ingest_mb={:.0} align_mb={:.0} \
         resets={resets} units={} body_units={} odd={} truth_groups={} truth_odd={} exact={exact} \
         links={} low={low} weak={weak} warnings={} paragraphs={paragraphs} wrong={}",
        sentences[0], sentences[1], sentences[2],
        bytes[0] as f64 / 1e6, bytes[1] as f64 / 1e6, bytes[2] as f64 / 1e6,
        input_kb as f64 / 1024.0, ingest_kb as f64 / 1024.0, align_kb as f64 / 1024.0,
        units.len(), found.len(), odd(&found), truth.len(), odd(&truth),
        units.iter().map(|u| u.links.len()).sum::<usize>(), doc.warnings.len(), wrong.join(","),
    );
}

/// Runs one size in a child process under a watchdog: its `key=value`
/// fields, or why it was stopped.
fn run_child(s: &Settings, n: usize) -> Result<Vec<(String, String)>, String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--child",
            &n.to_string(),
            "--seed",
            &s.seed.to_string(),
            "--flores",
        ])
        .arg(&s.flores)
        .args(
            s.runs
                .map(|r| vec!["--runs".to_owned(), r.to_string()])
                .unwrap_or_default(),
        )
        .stdout(Stdio::piped())
        .spawn()
        .expect("the benchmark re-runs itself");
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let reader = {
        let (lines, out) = (lines.clone(), child.stdout.take().unwrap());
        thread::spawn(move || {
            BufReader::new(out)
                .lines()
                .map_while(Result::ok)
                .for_each(|l| {
                    eprintln!("  [{n}] {l}");
                    lines.lock().unwrap().push(l);
                })
        })
    };
    let started = Instant::now();
    let mut peak_mb = 0;
    let stopped = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break (!status.success()).then(|| format!("child failed: {status}"));
        }
        let status = fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
        let rss_kb: u64 = status
            .lines()
            .find_map(|l| {
                l.strip_prefix("VmRSS:")?
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse()
                    .ok()
            })
            .unwrap_or(0);
        peak_mb = peak_mb.max(rss_kb / 1024);
        let seconds = started.elapsed().as_secs_f64();
        if seconds > s.timeout || peak_mb > s.max_rss_mb {
            let _ = child.kill();
            let _ = child.wait();
            break Some(format!("stopped after {seconds:.0} s at {peak_mb} MB RSS"));
        }
        thread::sleep(Duration::from_millis(100));
    };
    let _ = reader.join();
    let lines = lines.lock().unwrap();
    if let Some(why) = stopped {
        return Err(format!(
            "{why}; last: {}",
            lines.last().map_or("nothing", |l| l.as_str())
        ));
    }
    let result = lines
        .iter()
        .find_map(|l| l.strip_prefix("result "))
        .ok_or("no result")?;
    Ok(result
        .split(' ')
        .filter_map(|f| f.split_once('='))
        .map(|(k, v)| (k.into(), v.into()))
        .collect())
}

/// The table of every size (each measured in a child process), and a note per size.
pub fn table(s: &Settings) -> String {
    let mut out = String::new();
    assert!(
        s.flores.is_dir(),
        "FLORES-200 dev articles not found at {} (--flores DIR)",
        s.flores.display()
    );
    let _ = writeln!(out, "| sentences kk / ru / en | MB kk / ru / en | ingest | align (paragraph pass) | peak RSS ingest / align | units (not 1-1-1) | true groups found | growth: sentences / time / memory |");
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    let mut before: Option<(f64, f64, f64)> = None;
    let mut notes = Vec::new();
    for &n in &s.sizes {
        let r = match run_child(s, n) {
            Ok(fields) => fields,
            Err(why) => {
                let _ = writeln!(out, "| {n} (target) | | {why} | | | | | |");
                before = None;
                continue;
            }
        };
        let get = |k: &str| {
            r.iter()
                .find(|(key, _)| key == k)
                .map_or("?", |(_, v)| v.as_str())
        };
        let num = |k: &str| get(k).parse::<f64>().unwrap_or(f64::NAN);
        let (time, memory) = (
            num("ingest_s") + num("align_s"),
            num("ingest_mb").max(num("align_mb")),
        );
        let growth = before.map_or("–".to_owned(), |(n0, t0, m0)| {
            format!(
                "×{:.1} / ×{:.1} / ×{:.1}",
                num("en") / n0,
                time / t0,
                memory / m0
            )
        });
        before = Some((num("en"), time, memory));
        let _ = writeln!(out,
            "| {} / {} / {} | {} / {} / {} | {:.2} s | {:.2} s ({:.2} s) | {} / {} MB | {} ({}; truth {}) | {} of {} ({:.1}%) | {growth} |",
            get("kk"), get("ru"), get("en"), get("kk_mb"), get("ru_mb"), get("en_mb"),
            num("ingest_s"), num("align_s"), num("paragraph_s"), get("ingest_mb"), get("align_mb"),
            get("units"), get("odd"), get("truth_odd"), get("exact"), get("truth_groups"),
            100.0 * num("exact") / num("truth_groups"),
        );
        notes.push(format!(
            "- {n}: {} paragraphs read kk/ru/en, {} sentence links, {} units of confidence < 0.5; \
             below 0.7 (right/all right, wrong/all wrong): {}; \
             groups found that are not true ones, by shape: {}{}",
            get("paragraphs"),
            get("links"),
            get("low"),
            get("weak"),
            if get("wrong").is_empty() {
                "none"
            } else {
                get("wrong")
            },
            if get("resets") == "true" {
                ""
            } else {
                " (peak RSS: whole run; clear_refs not writable)"
            },
        ));
    }
    let _ = writeln!(out, "\n{}", notes.join("\n"));
    out
}
