//! `ushtil export`: writes every unit of the corpus, in corpus order, as JSON
//! Lines in the shape `search --format json` uses (without score and highlights).

use std::io::{BufWriter, Write};

use super::{output, Context, Status};

#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: ExportFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    /// JSON Lines, as every command's `--format json`: one object per unit and line.
    #[value(alias = "jsonl")]
    Json,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    let ExportFormat::Json = args.format;
    let index = context.open_index()?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for unit in index.units()? {
        writeln!(
            out,
            "{}",
            serde_json::to_string(&output::UnitJson::new(&unit, None))?
        )?;
    }
    out.flush()?;
    Ok(Status::Found)
}
