//! The index's lifecycle: opening the index of a corpus, checked against the
//! corpus first and built when it is missing, stale, or does not open; and
//! builds, with the check of an index left as it is. Everything said on the
//! way goes to one [`Notices`] sink: the command line prints it on standard
//! error, a server would log it.

use std::path::Path;
use std::time::Instant;

use crate::build::{self, BuildError, Options, Outcome, Progress};
use crate::index::{self, CorpusIndex, IndexError};

/// Where a build's progress, its warnings and what was done are told.
pub trait Notices: Progress {
    /// What was done, in one line (`indexed 1 document, 82 units into index in 0.08 s`).
    fn note(&mut self, message: &str);
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Build(#[from] BuildError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("cannot open the index (`ushtil build --force` builds it anew): {message}")]
    Damaged { message: String },
}

/// Why a build runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Asked for (`ushtil build`, `add`, `import` …), with its options.
    Asked(Options),
    /// The index was missing, stale or did not open when a command needed it.
    Stale,
}

/// What a build did, and in how many seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub outcome: Outcome,
    pub seconds: f64,
}

/// Builds the index of `corpus` in `index`, as [`build::build`] does, and
/// says what it did. Asked for, a build also reads the checksums of an index
/// it would leave as it is, and builds a damaged one anew.
pub fn build(
    corpus: &Path,
    index: &Path,
    why: Why,
    notices: &mut dyn Notices,
) -> Result<Built, BuildError> {
    let started = Instant::now();
    let options = match why {
        Why::Asked(options) => options,
        Why::Stale => Options::default(),
    };
    let outcome = build::build(corpus, index, options, notices)?;
    if let (Outcome::UpToDate(_), Why::Asked(_)) = (&outcome, why) {
        let damaged = CorpusIndex::open(index)?.damaged_files()?;
        if !damaged.is_empty() {
            let names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
            notices.note(&format!(
                "index {} is damaged ({}): building it anew",
                index.display(),
                names.join(", ")
            ));
            let anew = Options {
                force: true,
                ..options
            };
            return build(corpus, index, Why::Asked(anew), notices);
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    // Asked for, a build says the index is up to date; before a search, only
    // that it built (another process may have built it while this one waited).
    if why != Why::Stale || !matches!(outcome, Outcome::UpToDate(_)) {
        notices.note(&summary(&outcome, seconds, index));
    }
    Ok(Built { outcome, seconds })
}

/// What a build did, in one line.
pub fn summary(outcome: &Outcome, seconds: f64, index: &Path) -> String {
    let manifest = outcome.manifest();
    match outcome {
        Outcome::UpToDate(_) => format!(
            "index {} is up to date ({}, {})",
            index.display(),
            count(manifest.documents, "document"),
            count(manifest.units, "unit")
        ),
        Outcome::Built(_) => format!(
            "indexed {}, {} into {} in {seconds:.2} s",
            count(manifest.documents, "document"),
            count(manifest.units, "unit"),
            index.display()
        ),
        Outcome::Updated {
            changed, removed, ..
        } => format!(
            "updated {}: {} read again, {} removed; {}, {} in all, in {seconds:.2} s",
            index.display(),
            count(changed.len(), "document"),
            count(removed.len(), "document"),
            count(manifest.documents, "document"),
            count(manifest.units, "unit")
        ),
    }
}

/// `1 document`, `2 documents`.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// Opens the index of `corpus` in `index`, building it first when it is
/// missing or older than the corpus. Without `refresh`, an existing index
/// is used as it is; so it is, with a warning, when the corpus folder is
/// gone or cannot be read through, or the index cannot be rebuilt (a
/// folder its reader may not write). A damaged index is built anew.
pub fn open(
    corpus: &Path,
    index: &Path,
    refresh: bool,
    notices: &mut dyn Notices,
) -> Result<CorpusIndex, OpenError> {
    open_with(corpus, index, refresh, Waiting::ForBuild, notices)
}

/// Asks `ask` of the index of `corpus` as [`open`] would open it, without
/// waiting for the corpus to be checked first: the index as it is answers
/// while the check (a stamp per file: at 20,000 documents, as long as the
/// search) runs beside it on another core. Only when the check finds the
/// index stale, or cannot tell, or the index does not open as it is, is the
/// answer thrown away and `ask` asked again of what [`open`] gives. So `ask`
/// must only compute, and leave printing to its caller.
pub fn answer<T, E: From<OpenError>>(
    corpus: &Path,
    index: &Path,
    refresh: bool,
    notices: &mut dyn Notices,
    mut ask: impl FnMut(&CorpusIndex) -> Result<T, E>,
) -> Result<T, E> {
    // What the index serves as it is opened: the check compares the corpus
    // with it, and a build that commits meanwhile (another process's) changes
    // it, and then the answer is not taken.
    let served = index::manifest(index).filter(|m| m.is_compatible());
    if let Some(served) = served.filter(|_| refresh && corpus.is_dir()) {
        let (stamps, answer) = std::thread::scope(|scope| {
            let check = scope.spawn(|| crate::corpus::fingerprint(corpus));
            let answer = CorpusIndex::open(index).ok().map(|opened| ask(&opened));
            (check.join(), answer)
        });
        let current = matches!(&stamps, Ok(Ok(stamps)) if served.is_current(stamps));
        if let (true, Some(answer)) = (current, answer) {
            if index::manifest(index).as_ref() == Some(&served) {
                return answer;
            }
        }
    }
    let opened = open(corpus, index, refresh, notices)?;
    ask(&opened)
}

/// Whether opening a stale index waits for a build under way elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// Wait for it, then answer from what it built (a command).
    ForBuild,
    /// Answer at once from the index the last build committed (a server,
    /// whose other requests must not wait on one).
    Never,
}

/// [`open`], waiting or not for a build another holds.
pub fn open_with(
    corpus: &Path,
    index: &Path,
    refresh: bool,
    waiting: Waiting,
    notices: &mut dyn Notices,
) -> Result<CorpusIndex, OpenError> {
    let indexed = index::manifest(index).is_some();
    if indexed && refresh && !corpus.is_dir() {
        notices.warn(&format!(
            "no corpus folder {}: answering from the index as it is",
            corpus.display()
        ));
    }
    let use_as_is = (!refresh || !corpus.is_dir()) && indexed;
    let checked = match use_as_is {
        true => Ok(false),
        false => build::is_stale(corpus, index),
    };
    let stale = match checked {
        Ok(stale) => stale,
        // A corpus folder that cannot be read through leaves the index serving.
        Err(error) if indexed => {
            notices.warn(&format!(
                "cannot tell whether the index is up to date: {}",
                one_line(&error)
            ));
            false
        }
        Err(error) => return Err(error.into()),
    };
    let building = || waiting == Waiting::Never && indexed && index::is_building(index);
    if stale && !building() {
        match build(corpus, index, Why::Stale, notices) {
            Ok(_) => {}
            // A corpus that no longer builds leaves the last good index
            // serving; an index of another corpus does not serve this one.
            Err(error)
                if index::manifest(index).is_some()
                    && !matches!(error, BuildError::OtherCorpus { .. }) =>
            {
                notices.warn(&format!(
                    "the index is older than the corpus and cannot be rebuilt: {}",
                    one_line(&error)
                ));
            }
            Err(error) => return Err(error.into()),
        }
    }
    match CorpusIndex::open(index) {
        Ok(opened) => Ok(opened),
        // A damaged index is built anew from the corpus, where there is one.
        Err(damage) if refresh && corpus.exists() => {
            notices.warn(&format!(
                "the index does not open ({}); building it anew",
                one_line(&damage)
            ));
            // Not forced: a build that waited for another one mending the
            // index finds it mended.
            build(corpus, index, Why::Stale, notices)?;
            CorpusIndex::open(index).map_err(damaged)
        }
        Err(damage) => Err(damaged(damage)),
    }
}

fn damaged(error: IndexError) -> OpenError {
    OpenError::Damaged {
        message: one_line(&error),
    }
}

/// An error and its causes on one line, each cause once: tantivy's errors
/// repeat their cause in their own text.
pub fn one_line(error: &(dyn std::error::Error + 'static)) -> String {
    let mut line = String::new();
    let mut cause = Some(error);
    while let Some(error) = cause {
        let text = error.to_string();
        if !text.is_empty() && !line.contains(&text) {
            if !line.is_empty() {
                line.push_str(": ");
            }
            line.push_str(&text);
        }
        cause = error.source();
    }
    line
}
