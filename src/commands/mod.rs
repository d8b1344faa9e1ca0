//! The subcommands, one file each, and what they share: the corpus and index
//! folders, building a stale index on demand, and exit codes.

pub mod add;
pub mod align;
pub mod analyze;
pub mod build;
pub mod collocates;
pub mod compare;
pub mod concord;
pub mod export;
pub mod import;
pub mod inspect;
pub mod output;
pub mod search;
pub mod serve;
pub mod stats;
pub mod table;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use ushtil::corpus;
use ushtil::index::CorpusIndex;

/// What every command is given.
pub struct Context {
    pub corpus: PathBuf,
    pub index: PathBuf,
    pub quiet: bool,
    /// Whether commands that read the index first bring it up to date.
    pub refresh: bool,
}

impl Context {
    /// Opens the index, building it first when it is missing, older than the
    /// corpus or damaged ([`ushtil::lifecycle::open`]), saying so on standard error.
    pub fn open_index(&self) -> anyhow::Result<CorpusIndex> {
        let mut notices = build::Notices::new(self);
        Ok(ushtil::lifecycle::open(
            &self.corpus,
            &self.index,
            self.refresh,
            &mut notices,
        )?)
    }

    /// What `ask` finds in the index, as [`Context::open_index`] opens it,
    /// asked while the corpus is checked ([`ushtil::lifecycle::answer`]):
    /// `ask` computes, and its caller prints.
    pub fn answer<T>(
        &self,
        ask: impl FnMut(&CorpusIndex) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let mut notices = build::Notices::new(self);
        ushtil::lifecycle::answer(&self.corpus, &self.index, self.refresh, &mut notices, ask)
    }

    /// [`Context::open_index`], but without waiting for a build under way
    /// elsewhere: a stale index is then answered from as the last build
    /// committed it (a server's requests do not queue behind a build).
    pub fn open_index_now(&self) -> anyhow::Result<CorpusIndex> {
        let mut notices = build::Notices::new(self);
        Ok(ushtil::lifecycle::open_with(
            &self.corpus,
            &self.index,
            self.refresh,
            ushtil::lifecycle::Waiting::Never,
            &mut notices,
        )?)
    }

    /// A document of the corpus by its id, or any text file by its path.
    pub fn source(&self, doc: &str) -> anyhow::Result<corpus::Source> {
        let as_path = Path::new(doc);
        if as_path.is_file() {
            return Ok(corpus::Source::for_text(as_path.to_owned()));
        }
        if doc.contains(std::path::MAIN_SEPARATOR) || doc.ends_with(".txt") {
            anyhow::bail!("{doc}: no such file");
        }
        let (sources, skipped) = corpus::sources(&self.corpus)?;
        let source = sources
            .into_iter()
            .find(|s| s.id == doc)
            .with_context(|| format!("no document {doc:?} in {}", self.corpus.display()))?;
        // What a build would say of the document's files, said here too.
        for file in skipped.iter().filter(|f| f.document() == doc) {
            if !self.quiet {
                eprintln!("ushtil: warning: {file}");
            }
        }
        Ok(source)
    }

    /// The units `filter` keeps, in corpus order; an error where it names a
    /// document the corpus does not have.
    pub fn units_kept(
        &self,
        filter: &ushtil::search::Filter,
    ) -> anyhow::Result<Vec<ushtil::model::Unit>> {
        let index = self.open_index()?;
        let units = match filter.query(&index).map_err(|m| anyhow::anyhow!("{m}"))? {
            Some(kept) => index.units_matching(kept.as_ref())?,
            None => index.units()?,
        };
        filter.check(&index).map_err(|m| anyhow::anyhow!("{m}"))?;
        Ok(units)
    }

    /// Progress and summaries go to standard error, unless `--quiet`.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }

    /// A warning: something left out, in one line naming the file.
    pub fn warn(&self, message: &str) {
        if !self.quiet {
            eprintln!("ushtil: warning: {message}");
        }
    }

    /// Whether progress may redraw a line in place.
    pub fn interactive(&self) -> bool {
        !self.quiet && io::stderr().is_terminal()
    }
}

/// The part of the corpus a command looks at, by its documents' metadata
/// and its units' sections; each given must hold, any of several values.
#[derive(clap::Args, Debug, Default)]
pub struct FilterArgs {
    /// Only this document (or the parts an import cut it into); again for more.
    #[arg(long = "doc", value_name = "DOC")]
    pub docs: Vec<String>,
    /// Only this section: a division (abstract, body), a part (results,
    /// keywords …) or a path (abstract/results); again for more.
    #[arg(long = "section", value_name = "SECTION")]
    pub sections: Vec<String>,
    /// Only documents of these years: 1917, 1917..1925, 2000.., ..1991.
    #[arg(long, value_name = "YEARS", value_parser = ushtil::search::filter::parse_years)]
    pub year: Option<(Option<u16>, Option<u16>)>,
    /// Only documents of a journal whose name holds these words, in order.
    #[arg(long, value_name = "WORDS")]
    pub journal: Option<String>,
    /// Only documents with an author whose name holds these words; again for more.
    #[arg(long = "author", value_name = "WORDS")]
    pub authors: Vec<String>,
}

impl FilterArgs {
    pub fn filter(&self) -> ushtil::search::Filter {
        ushtil::search::Filter {
            docs: self.docs.clone(),
            sections: self.sections.clone(),
            years: self.year,
            journal: self.journal.clone(),
            authors: self.authors.clone(),
        }
    }
}

/// What a concordance is of: the query, its language, and whether forms count.
#[derive(clap::Args)]
pub struct ConcordQuery {
    /// The query: a word (all its forms, through the language's analyzer), "a phrase", or a prefix*.
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// Only this language: kk, ru or en (default: all three).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<ushtil::model::Lang>,
    /// Match the printed form only, not every form of the word.
    #[arg(long)]
    pub exact: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

impl ConcordQuery {
    /// The concordance options with this query's languages and form matching.
    pub fn options(&self, context: ushtil::concord::Context) -> ushtil::concord::Options {
        ushtil::concord::Options {
            langs: self
                .lang
                .map_or(ushtil::model::Lang::ALL.to_vec(), |l| vec![l]),
            exact: self.exact,
            context,
            filter: self.filter.filter(),
        }
    }
}

/// A count given on the command line (`-n`, `--sample`, `--width`): 1 or more.
pub fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{s:?} is not a number of 1 or more")),
    }
}

/// Exit codes, as grep and ripgrep use them.
pub enum Status {
    /// Something was found or done.
    Found,
    /// A search found nothing.
    NotFound,
    /// Done, but files were left out, each named in a warning.
    Skipped,
}

/// Turns a command's result into an exit code: 0 found, 1 nothing found,
/// 2 error (one line on standard error), 3 done with files left out (each
/// named in a warning). A closed pipe (`| head`) is no error.
pub fn finish(result: anyhow::Result<Status>) -> ExitCode {
    match result {
        Ok(Status::Found) => ExitCode::SUCCESS,
        Ok(Status::NotFound) => ExitCode::from(1),
        Ok(Status::Skipped) => ExitCode::from(3),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let _ = writeln!(io::stderr(), "ushtil: error: {}", message(&error));
            ExitCode::from(2)
        }
    }
}

/// An error and its causes on one line, each cause once
/// ([`ushtil::lifecycle::one_line`]).
pub fn message(error: &anyhow::Error) -> String {
    ushtil::lifecycle::one_line(error.as_ref())
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
