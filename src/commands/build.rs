//! `ushtil build`: ingests, aligns and indexes the corpus. Does nothing when
//! the index already matches the corpus, unless `--force`.

use std::io::Write;
use std::time::Instant;

use ushtil::build::{Options, Outcome};

use super::{output, Context, Status};

#[derive(clap::Args)]
pub struct Args {
    /// Rebuild even if the index is up to date, or was built from another
    /// corpus folder.
    #[arg(long)]
    force: bool,
    /// Stop at the first document that cannot be read, and write nothing
    /// (without it, such a document is skipped with a warning, and the build
    /// exits with 3).
    #[arg(long)]
    strict: bool,
    /// Report format on standard output.
    #[arg(long, value_enum, default_value = "text")]
    format: output::ReportFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    let why = Why::Asked(Options {
        force: args.force,
        strict: args.strict,
    });
    let (outcome, seconds, left_out) = build(context, why)?;
    if args.format == output::ReportFormat::Json {
        let report = ushtil::view::BuildView::new(&outcome, seconds, &context.index);
        writeln!(anstream::stdout(), "{}", serde_json::to_string(&report)?)?;
    }
    // The rest of the corpus is built; what was left out is told by the
    // exit status.
    if left_out > 0 {
        context.note(&format!(
            "{} left out of the corpus (named above)",
            count(left_out, "file")
        ));
        return Ok(Status::Skipped);
    }
    Ok(Status::Found)
}

/// Why a build runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// `ushtil build` (or `add`, `remove`), `--force`, `--strict` or not.
    Asked(Options),
    /// A command found the index missing, stale or not opening.
    Stale,
}

/// Builds the index, reporting progress, warnings and a summary on standard
/// error; returns what it did, in how many seconds, and how many warnings.
pub fn build(context: &Context, why: Why) -> anyhow::Result<(Outcome, f64, usize)> {
    let started = Instant::now();
    let mut progress = Progress {
        interactive: context.interactive(),
        quiet: context.quiet,
        warnings: 0,
    };
    let outcome = ushtil::build::build(
        &context.corpus,
        &context.index,
        match why {
            Why::Asked(options) => options,
            Why::Stale => Options::default(),
        },
        &mut progress,
    );
    if progress.interactive {
        eprint!("\r\x1b[K");
    }
    let outcome = outcome?;
    // Asked for, a build also reads the checksums of an index it would leave
    // as it is: a damaged file there would fail searches until --force.
    if let (Outcome::UpToDate(_), Why::Asked(_)) = (&outcome, why) {
        let damaged = ushtil::index::CorpusIndex::open(&context.index)?.damaged_files()?;
        if !damaged.is_empty() {
            let names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
            context.note(&format!(
                "index {} is damaged ({}): building it anew",
                context.index.display(),
                names.join(", ")
            ));
            let anew = Options {
                force: true,
                ..Options::default()
            };
            return build(context, Why::Asked(anew));
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let manifest = outcome.manifest();
    let summary = match &outcome {
        Outcome::UpToDate(_) => format!(
            "index {} is up to date ({}, {})",
            context.index.display(),
            count(manifest.documents, "document"),
            count(manifest.units, "unit")
        ),
        Outcome::Built(_) => format!(
            "indexed {}, {} into {} in {seconds:.2} s",
            count(manifest.documents, "document"),
            count(manifest.units, "unit"),
            context.index.display()
        ),
        Outcome::Updated {
            changed, removed, ..
        } => format!(
            "updated {}: {} read again, {} removed; {}, {} in all, in {seconds:.2} s",
            context.index.display(),
            count(changed.len(), "document"),
            count(removed.len(), "document"),
            count(manifest.documents, "document"),
            count(manifest.units, "unit")
        ),
    };
    // Asked for, a build says the index is up to date; before a search, only
    // that it built (another process may have built it while this one waited).
    if why != Why::Stale || !matches!(outcome, Outcome::UpToDate(_)) {
        context.note(&summary);
    }
    Ok((outcome, seconds, progress.warnings))
}

/// A build's progress on a terminal, and its warnings, one line each.
struct Progress {
    interactive: bool,
    quiet: bool,
    warnings: usize,
}

impl ushtil::build::Progress for Progress {
    fn read(&mut self, id: &str, done: usize, total: usize) {
        if self.interactive {
            eprint!("\r\x1b[Kreading {done}/{total}: {id}");
        }
    }

    fn warn(&mut self, message: &str) {
        self.warnings += 1;
        if self.interactive {
            eprint!("\r\x1b[K");
        }
        if !self.quiet {
            eprintln!("ushtil: warning: {message}");
        }
    }
}

/// `1 document`, `2 documents`.
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
