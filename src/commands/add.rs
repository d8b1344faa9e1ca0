//! `ushtil add FILE...`: copies documents into the corpus (each text with the
//! `.toml` metadata and `.align.tsv` alignment beside it, and for one file per
//! language, the other languages' files), then updates the index, which reads
//! only the new documents. `ushtil remove DOC...` takes documents out again.
//! A document is read before it is copied, so that a file that cannot be read
//! never enters the corpus; every file is copied whole or not at all.

use std::fs;
use std::path::PathBuf;

use anyhow::Context as _;
use ushtil::corpus::{self, Source};

use super::{build, Context, Status};

#[derive(clap::Args)]
pub struct AddArgs {
    /// Text files to add (`<id>.txt`, or one language's `<id>.kk.txt` for a
    /// document kept one file per language).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Replace a document of the same id already in the corpus.
    #[arg(long)]
    replace: bool,
}

#[derive(clap::Args)]
pub struct RemoveArgs {
    /// Ids of the documents to remove.
    #[arg(required = true)]
    docs: Vec<String>,
}

/// Every file of a document: its texts, metadata and alignment files.
fn files_of(source: &Source) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = source.texts.iter().map(|(_, p)| p.clone()).collect();
    files.extend(source.metadata.clone());
    files.extend(source.alignment.clone());
    let proposed = source.beside("align.proposed.tsv");
    if proposed.is_file() {
        files.push(proposed);
    }
    files
}

pub fn add(context: &Context, args: AddArgs) -> anyhow::Result<Status> {
    fs::create_dir_all(&context.corpus).with_context(|| context.corpus.display().to_string())?;
    let (present, _) = corpus::sources(&context.corpus).unwrap_or_default();
    let mut sources: Vec<Source> = Vec::new();
    for file in &args.files {
        if !file.is_file() {
            anyhow::bail!("{}: no such file", file.display());
        }
        let source = Source::for_text(file.clone());
        if sources.iter().any(|s| s.id == source.id) {
            continue;
        }
        if present.iter().any(|s| s.id == source.id) && !args.replace {
            anyhow::bail!(
                "{}: the corpus has a document {} already (--replace replaces it)",
                file.display(),
                source.id
            );
        }
        // Read first: what cannot be read is not copied.
        ushtil::build::read_units(&source)?;
        sources.push(source);
    }
    for source in &sources {
        for from in files_of(source) {
            let name = from.file_name().expect("a file has a name");
            let to = context.corpus.join(name);
            let bytes = fs::read(&from).with_context(|| from.display().to_string())?;
            corpus::write_atomically(&to, &bytes).with_context(|| to.display().to_string())?;
        }
        context.note(&format!("added {}", source.id));
    }
    update_index(context)
}

pub fn remove(context: &Context, args: RemoveArgs) -> anyhow::Result<Status> {
    let (present, _) = corpus::sources(&context.corpus)?;
    let mut gone = Vec::new();
    for doc in &args.docs {
        let source = present
            .iter()
            .find(|s| &s.id == doc)
            .with_context(|| format!("no document {doc:?} in {}", context.corpus.display()))?;
        gone.push(source);
    }
    for source in gone {
        for file in files_of(source) {
            fs::remove_file(&file).with_context(|| file.display().to_string())?;
        }
        context.note(&format!("removed {}", source.id));
    }
    update_index(context)
}

/// Brings the index up to date with what changed in the corpus.
pub(super) fn update_index(context: &Context) -> anyhow::Result<Status> {
    let asked = ushtil::lifecycle::Why::Asked(ushtil::build::Options::default());
    let (_, _, left_out) = build::build(context, asked)?;
    Ok(if left_out > 0 {
        Status::Skipped
    } else {
        Status::Found
    })
}
