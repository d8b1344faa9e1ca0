//! `ushtil align DOC`: writes the aligner's proposal for a document's abstracts
//! and, of a translated text, its paragraph and sentence groups to
//! `<doc>.align.tsv` beside its text, for a curator to check and correct.
//! A file already marked `status: checked` is never overwritten: the fresh
//! proposal goes to `<doc>.align.proposed.tsv` beside it instead.

use std::fs;
use std::io::Write;

use anyhow::Context as _;
use ushtil::align;

use super::{Context, Status};

#[derive(clap::Args)]
pub struct Args {
    /// A document id of the corpus, or the path of a text file.
    doc: String,
    /// Write the proposal to standard output instead of a file.
    #[arg(long)]
    stdout: bool,
    /// Confidence below which a group is counted as weak in the summary.
    #[arg(long, default_value_t = 0.7)]
    threshold: f32,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    let source = context.source(&args.doc)?;
    let document = ushtil::build::read_document(&source)?;
    // A parallel table is its own alignment, a group a row.
    if !document.given.is_empty() {
        anyhow::bail!(
            "{}: a parallel table is aligned as it is, a group a row: correct the rows there",
            source.path().display()
        );
    }
    let units = align::align(&document);
    let text = align::file::render(&document.id, &units, false);
    if args.stdout {
        anstream::stdout().write_all(text.as_bytes())?;
        return Ok(Status::Found);
    }
    let mut target = source.alignment_path();
    if let Some(existing) = &source.alignment {
        let current =
            fs::read_to_string(existing).with_context(|| existing.display().to_string())?;
        if align::file::is_checked(existing, &current)? {
            target = source.beside("align.proposed.tsv");
        }
    }
    // Never left half-written.
    ushtil::corpus::write_atomically(&target, text.as_bytes())
        .with_context(|| target.display().to_string())?;
    let groups: Vec<f32> = units
        .iter()
        .filter(|u| u.division == ushtil::model::Division::Abstract || u.paragraphs.is_some())
        .flat_map(|u| {
            let paragraphs = u.paragraphs.map(|_| u.confidence);
            paragraphs
                .into_iter()
                .chain(u.links.iter().map(|l| l.confidence))
        })
        .collect();
    let weak = groups.iter().filter(|&&c| c < args.threshold).count();
    let kept = if target == source.alignment_path() {
        String::new()
    } else {
        " (the checked file beside it is kept)".to_owned()
    };
    context.note(&format!(
        "wrote {}{kept}: {} groups, {weak} below {:.2}; check those first with `ushtil compare {} --weak`",
        target.display(),
        groups.len(),
        args.threshold,
        args.doc
    ));
    Ok(Status::Found)
}
