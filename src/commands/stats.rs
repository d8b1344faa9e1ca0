//! `ushtil stats`: what the corpus holds: documents and units, and per
//! language units, sentences, words, how many sentences have a counterpart
//! in another language, and the vocabulary (word forms, and the analyzer's
//! terms: lemmas or stems); of one document with `--doc`.

use std::io::{BufWriter, Write};

use ushtil::model::Lang;
use ushtil::stats::{Counts, LanguageCounts};

use super::output::{self, Format};
use super::{Context, Status};

#[derive(clap::Args)]
pub struct Args {
    /// Count only this document.
    #[arg(long)]
    doc: Option<String>,
    /// Output format: text for reading, json for one JSON object.
    #[arg(long, default_value = "text", value_parser = output::text_or_json())]
    format: Format,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    let filter = ushtil::search::Filter {
        docs: args.doc.into_iter().collect(),
        ..Default::default()
    };
    let units = context.units_kept(&filter)?;
    let counts = ushtil::stats::count(&units);
    let mut out = BufWriter::new(anstream::stdout().lock());
    match args.format {
        Format::Json => {
            let json = ushtil::view::CountsView::new(&counts);
            writeln!(out, "{}", serde_json::to_string(&json)?)?;
        }
        _ => print(&mut out, &counts)?,
    }
    out.flush()?;
    Ok(Status::Found)
}

/// One row of the table: a count of one language.
type Count = fn(&LanguageCounts) -> usize;

fn print(out: &mut impl Write, counts: &Counts) -> std::io::Result<()> {
    writeln!(out, "documents  {}", counts.documents)?;
    writeln!(out, "units      {}", counts.units)?;
    writeln!(out)?;
    write!(out, "{:<18}", "")?;
    for lang in Lang::ALL {
        write!(out, "{:>10}", lang.code())?;
    }
    writeln!(out)?;
    let rows: [(&str, Count); 6] = [
        ("units", |c| c.units),
        ("sentences", |c| c.sentences),
        ("with counterpart", |c| c.aligned_sentences),
        ("words", |c| c.words),
        ("word forms", |c| c.forms),
        ("terms", |c| c.terms),
    ];
    for (name, value) in rows {
        write!(out, "{name:<18}")?;
        for lang in Lang::ALL {
            write!(out, "{:>10}", value(counts.languages.get(lang)))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
