//! `ushtil import FILE...`: brings aligned material into the corpus, each
//! aligned group (a TMX `<tu>`, a line of Moses files, a table row) a group
//! of a parallel table `corpus/<doc>.tsv`, then updates the index. The
//! document is the one the material names (`x-doc` properties, a `doc`
//! column: what `ushtil export` writes), else `--doc`, else the file's name.
//! Every file is read whole before any table takes its place: an import that
//! fails leaves the corpus as it was.

use std::path::PathBuf;

use ushtil::import::{self, moses::MosesReader, tabular::TableReader, tmx::TmxReader, Import};
use ushtil::model::Lang;

use super::{add, Context, Status};

#[derive(clap::Args)]
pub struct Args {
    /// Files to import: a TMX file (`.tmx`), a TSV or CSV table with a
    /// header row naming the languages (`.tsv`, `.csv`), or Moses files, one
    /// per language, named by it (`train.kk train.ru train.en`).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Import everything into this document, whatever the files say.
    #[arg(long)]
    doc: Option<String>,
    /// The languages of Moses files whose names do not give them, in the
    /// order the files are given (`--langs kk,en src.txt tgt.txt`); or of
    /// the columns of a table with no header row (`--langs en,kk opus.tsv`).
    #[arg(long, value_delimiter = ',')]
    langs: Option<Vec<Lang>>,
    /// Replace a document of the same id already in the corpus.
    #[arg(long)]
    replace: bool,
}

/// What a file given is, by its name.
enum Kind {
    Tmx,
    Table,
    Moses,
}

fn kind(path: &std::path::Path) -> Kind {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "tmx" => Kind::Tmx,
        "tsv" | "csv" | "tab" => Kind::Table,
        _ => Kind::Moses,
    }
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    for file in &args.files {
        if !file.is_file() {
            anyhow::bail!("{}: no such file", file.display());
        }
    }
    std::fs::create_dir_all(&context.corpus)?;
    let mut import = Import::new(&context.corpus, args.doc.clone(), args.replace)?;
    let mut moses: Vec<(Lang, PathBuf)> = Vec::new();
    for file in &args.files {
        let stem = import::stem(file);
        match kind(file) {
            Kind::Tmx => import.read(&mut TmxReader::open(file)?, &stem)?,
            Kind::Table => {
                let langs = args.langs.as_deref();
                import.read(&mut TableReader::open(file, langs)?, &stem)?
            }
            Kind::Moses => {
                let named = file
                    .extension()
                    .and_then(|e| Lang::from_tag(&e.to_string_lossy()));
                let given = args
                    .langs
                    .as_ref()
                    .and_then(|l| l.get(moses.len()))
                    .copied();
                let Some(lang) = given.or(named) else {
                    anyhow::bail!(
                        "{}: no language in its name (train.kk, train.ru …): --langs names \
                         the languages of the files in order",
                        file.display()
                    );
                };
                moses.push((lang, file.clone()));
            }
        }
    }
    match moses.len() {
        0 => {}
        1 => anyhow::bail!(
            "{}: one Moses file alone; its translations' files go with it (train.kk train.ru)",
            moses[0].1.display()
        ),
        _ => {
            // Named after the files' common name: `train` of train.kk, train.ru.
            let stem = import::stem(&moses[0].1);
            import.read(&mut MosesReader::open(&moses)?, &stem)?;
        }
    }
    for warning in import.warnings() {
        context.warn(warning);
    }
    let left_out = !import.warnings().is_empty();
    for done in import.commit()? {
        let langs: Vec<String> = Lang::ALL
            .iter()
            .filter(|&&l| *done.langs.get(l) > 0)
            .map(|&l| format!("{l} {}", done.langs.get(l)))
            .collect();
        let into = match done.parts {
            1 => done.table.display().to_string(),
            n => format!("{n} parts, {} …", done.table.display()),
        };
        context.note(&format!(
            "imported {} groups into {into} ({})",
            done.rows,
            langs.join(", ")
        ));
    }
    // `--no-refresh`: the index is left for the next build (or search) to update.
    if !context.refresh {
        return Ok(if left_out {
            Status::Skipped
        } else {
            Status::Found
        });
    }
    let status = add::update_index(context)?;
    Ok(match left_out {
        true => Status::Skipped,
        false => status,
    })
}
