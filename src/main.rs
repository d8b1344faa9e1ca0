//! The `ushtil` command line: parses arguments and dispatches to a command.

mod commands;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Search, compare and read Kazakh, Russian and English scholarly text as one
/// aligned corpus.
///
/// A query in any of the three languages finds the matching passage and
/// shows its aligned counterparts in the other two.
#[derive(Parser)]
#[command(
    name = "ushtil",
    version,
    max_term_width = 100,
    after_help = "Exit status: 0 if something was found or done; 1 if search, concord, collocates \
                  or compare --weak found nothing; 2 on error (one line on standard error) or \
                  on a usage error."
)]
struct Cli {
    /// Folder of source documents (`<id>.txt`, with optional `<id>.toml` metadata).
    #[arg(long, global = true, value_name = "DIR", default_value = "corpus")]
    corpus: PathBuf,
    /// Folder of the index, built from the corpus on first use.
    #[arg(long, global = true, value_name = "DIR", default_value = "index")]
    index: PathBuf,
    /// When to colour the output.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    color: Color,
    /// Print no progress, summary or warning on standard error (the exit status still says when files were left out).
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Answer from the index as it is, without checking the corpus files for
    /// changes (for scripts that run many queries over a large corpus; `ushtil
    /// build` brings the index up to date). A missing index is still built.
    #[arg(long, global = true)]
    no_refresh: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    /// Colour when writing to a terminal (and NO_COLOR is unset).
    Auto,
    /// Always colour, even into a pipe.
    Always,
    /// Never colour.
    Never,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest, align and index the corpus (does nothing if the index is up to date).
    Build(commands::build::Args),
    /// Find passages in any language, shown with their aligned counterparts.
    Search(commands::search::Args),
    /// Write the corpus for other tools: JSON Lines, TMX, Moses files, TSV or CSV.
    Export(commands::export::Args),
    /// Bring aligned material into the corpus: TMX, Moses files, TSV or CSV.
    Import(commands::import::Args),
    /// Keyword in context: every occurrence of a word, sorted, counted, parallel, exported.
    Concord(commands::concord::Args),
    /// The words that occur near a word, scored (log-likelihood or log-Dice).
    Collocates(commands::collocates::Args),
    /// Show a document's translations side by side, sentence group by sentence group.
    Compare(commands::compare::Args),
    /// Write the aligner's proposal for a document to <doc>.align.tsv, for a curator to check.
    Align(commands::align::Args),
    /// Show what ingest found in a document: blocks, metadata, repairs.
    Inspect(commands::inspect::Args),
    /// Show the terms a language's analyzer makes of a text (what the index stores).
    Analyze(commands::analyze::Args),
    /// Count what the corpus holds: documents, units, sentences, words, vocabulary.
    Stats(commands::stats::Args),
    /// Copy documents into the corpus and update the index.
    Add(commands::add::AddArgs),
    /// Take documents out of the corpus and update the index.
    Remove(commands::add::RemoveArgs),
    /// Serve the corpus to a browser on this machine: search, compare, concordance, and their JSON API.
    Serve(commands::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.color {
        Color::Auto => {}
        Color::Always => anstream::ColorChoice::Always.write_global(),
        Color::Never => anstream::ColorChoice::Never.write_global(),
    }
    let context = commands::Context {
        corpus: cli.corpus,
        index: cli.index,
        quiet: cli.quiet,
        refresh: !cli.no_refresh,
    };
    let result = match cli.command {
        Command::Build(args) => commands::build::run(&context, args),
        Command::Search(args) => commands::search::run(&context, args),
        Command::Export(args) => commands::export::run(&context, args),
        Command::Import(args) => commands::import::run(&context, args),
        Command::Concord(args) => commands::concord::run(&context, args),
        Command::Collocates(args) => commands::collocates::run(&context, args),
        Command::Compare(args) => commands::compare::run(&context, args),
        Command::Stats(args) => commands::stats::run(&context, args),
        Command::Add(args) => commands::add::add(&context, args),
        Command::Remove(args) => commands::add::remove(&context, args),
        Command::Serve(args) => commands::serve::run(&context, args),
        Command::Align(args) => commands::align::run(&context, args),
        Command::Inspect(args) => commands::inspect::run(&context, args),
        Command::Analyze(args) => commands::analyze::run(&context, args),
    };
    commands::finish(result)
}
