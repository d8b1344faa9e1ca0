//! `ushtil build`: ingests, aligns and indexes the corpus. Does nothing when
//! the index already matches the corpus, unless `--force`.

use std::io::Write;

use ushtil::build::{Options, Outcome};
use ushtil::lifecycle::{count, Why};

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
    #[arg(long, default_value = "text", value_parser = output::text_or_json())]
    format: output::Format,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    let why = Why::Asked(Options {
        force: args.force,
        strict: args.strict,
    });
    let (outcome, seconds, left_out) = build(context, why)?;
    if args.format == output::Format::Json {
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

/// Builds the index ([`ushtil::lifecycle::build`]), its progress, warnings
/// and summary on standard error; returns what it did, in how many seconds,
/// and how many warnings it gave.
pub fn build(context: &Context, why: Why) -> anyhow::Result<(Outcome, f64, usize)> {
    let mut notices = Notices::new(context);
    let built = ushtil::lifecycle::build(&context.corpus, &context.index, why, &mut notices);
    notices.clear_line();
    let built = built?;
    Ok((built.outcome, built.seconds, notices.warnings))
}

/// What the index's lifecycle says, on standard error: a build's progress
/// on a terminal (one line, redrawn), its warnings and what was done, one
/// line each; nothing under `--quiet`.
pub struct Notices {
    interactive: bool,
    quiet: bool,
    /// How many warnings were given.
    pub warnings: usize,
}

impl Notices {
    pub fn new(context: &Context) -> Notices {
        Notices {
            interactive: context.interactive(),
            quiet: context.quiet,
            warnings: 0,
        }
    }

    /// Clears the progress line, where one was drawn.
    fn clear_line(&self) {
        if self.interactive {
            eprint!("\r\x1b[K");
        }
    }
}

impl ushtil::build::Progress for Notices {
    fn read(&mut self, id: &str, done: usize, total: usize) {
        if self.interactive {
            eprint!("\r\x1b[Kreading {done}/{total}: {id}");
        }
    }

    fn warn(&mut self, message: &str) {
        self.warnings += 1;
        self.clear_line();
        if !self.quiet {
            eprintln!("ushtil: warning: {message}");
        }
    }
}

impl ushtil::lifecycle::Notices for Notices {
    fn note(&mut self, message: &str) {
        self.clear_line();
        if !self.quiet {
            eprintln!("{message}");
        }
    }
}
