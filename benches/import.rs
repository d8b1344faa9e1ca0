//! The import benchmark: a TMX file of N MB, made of the FLORES-200 dev set
//! (`../shared/eval/parallel/flores-dev/flores-dev.tmx`, 997 `<tu>`s in
//! kk, ru and en) repeated with fresh `tuid`s, imported into an empty
//! corpus (`ushtil --no-refresh import`), then, with `--build`, indexed.
//! Time and peak RSS are GNU time's of each command.
//!
//! ```sh
//! cargo bench --bench import -- --sizes 100,1000 [--build]
//! ```

mod common;

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn timed(args: &[&str]) -> (f64, u64, String) {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%e %M"])
        .arg(env!("CARGO_BIN_EXE_ushtil"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("/usr/bin/time (Debian's time package) runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "ushtil {args:?}: {stderr}");
    let last = stderr.lines().last().unwrap_or("0 0").to_owned();
    let mut fields = last.split_whitespace();
    let seconds = fields.next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    let kilobytes: u64 = fields.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let said = stderr.lines().rev().nth(1).unwrap_or_default().to_owned();
    (seconds, kilobytes << 10, said)
}

/// Writes a TMX of at least `megabytes` MB: the dev set's body over and over.
fn write_tmx(path: &Path, megabytes: u64) -> (u64, usize) {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/eval/parallel/flores-dev/flores-dev.tmx");
    let text = fs::read_to_string(&source).expect("the FLORES dev TMX");
    let (head, rest) = text.split_once("<body>").expect("a <body>");
    let (body, tail) = rest.rsplit_once("</body>").expect("a </body>");
    let tus = body.matches("<tu ").count();
    let mut out = BufWriter::new(fs::File::create(path).unwrap());
    write!(out, "{head}<body>").unwrap();
    let (mut written, mut copies) = (0u64, 0);
    while written < megabytes << 20 {
        let copy = body.replace("tuid=\"", &format!("tuid=\"{copies}-"));
        out.write_all(copy.as_bytes()).unwrap();
        written += copy.len() as u64;
        copies += 1;
    }
    write!(out, "</body>{tail}").unwrap();
    out.flush().unwrap();
    (fs::metadata(path).unwrap().len(), tus * copies)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Vec<u64> = args
        .iter()
        .position(|a| a == "--sizes")
        .and_then(|i| args.get(i + 1))
        .map_or(vec![100, 1000], |s| {
            s.split(',')
                .map(|n| n.parse().expect("sizes in MB"))
                .collect()
        });
    let build = args.iter().any(|a| a == "--build");
    println!("{}\n", common::machine());
    println!("| TMX | `<tu>`s | import | MB/s | peak RSS | build | build peak RSS |");
    println!("|---|---|---|---|---|---|---|");
    for size in sizes {
        let work = tempfile::tempdir().unwrap();
        let tmx = work.path().join("memory.tmx");
        let (bytes, tus) = write_tmx(&tmx, size);
        let corpus = work.path().join("corpus");
        let index = work.path().join("index");
        let (c, i) = (corpus.to_str().unwrap(), index.to_str().unwrap());
        let (seconds, rss, said) = timed(&[
            "--no-refresh",
            "--corpus",
            c,
            "--index",
            i,
            "import",
            tmx.to_str().unwrap(),
        ]);
        eprintln!("{said}");
        let built = match build {
            true => {
                let (seconds, rss, _) = timed(&["--corpus", c, "--index", i, "build"]);
                format!("{seconds:.1} s | {} MB", rss >> 20)
            }
            false => "– | –".to_owned(),
        };
        println!(
            "| {:.0} MB | {tus} | {seconds:.1} s | {:.0} | {} MB | {built} |",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / seconds.max(0.01),
            rss >> 20
        );
    }
}
