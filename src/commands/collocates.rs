//! `ushtil collocates QUERY`: the words that occur within a window of the
//! query's occurrences, scored by log-likelihood or log-Dice, with the raw
//! counts behind each score.

use std::io::{BufWriter, Write};

use ushtil::concord::collocates::{self, Collocate};
use ushtil::concord::Context as Around;
use ushtil::model::Lang;

use super::output::{Format, HEADER};
use super::{table, ConcordQuery, Context, Status};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    what: ConcordQuery,
    /// Words each side that count as near.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=50))]
    window: u32,
    /// The score to rank by.
    #[arg(long, value_enum, default_value = "log-likelihood")]
    measure: Measure,
    /// Leave out collocates seen together fewer times than this.
    #[arg(long, default_value_t = 2)]
    min: usize,
    /// Most collocates to list, per language.
    #[arg(long, short = 'n', default_value_t = 20, value_parser = super::at_least_one)]
    limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Open TSV or CSV with a UTF-8 byte-order mark, which Excel needs to
    /// read it as UTF-8.
    #[arg(long)]
    bom: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Measure {
    LogLikelihood,
    LogDice,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    ushtil::text::russian::load_ahead();
    let index = context.open_index()?;
    let options = args.what.options(Around::Words(args.window as usize));
    let mut found = collocates::collocates(
        &index,
        &args.what.query,
        &options,
        args.window as usize,
        args.min,
    )?;
    let score = |c: &Collocate| match args.measure {
        Measure::LogLikelihood => c.log_likelihood,
        Measure::LogDice => c.log_dice,
    };
    found.sort_by(|a, b| {
        a.lang
            .cmp(&b.lang)
            .then(score(b).total_cmp(&score(a)))
            .then(a.word.cmp(&b.word))
    });
    let mut out = BufWriter::new(anstream::stdout().lock());
    if let Some(separator) = args.format.table() {
        table::write_head(
            &mut out,
            separator,
            args.bom,
            [
                "lang",
                "collocate",
                "together",
                "frequency",
                "log_likelihood",
                "log_dice",
            ],
        )?;
    }
    let mut shown = 0;
    for lang in Lang::ALL {
        let rows: Vec<_> = found
            .iter()
            .filter(|c| c.lang == lang)
            .take(args.limit)
            .collect();
        if rows.is_empty() {
            continue;
        }
        if args.format == Format::Text {
            writeln!(out, "{HEADER}{lang}{HEADER:#}  collocate              together  frequency  log-likelihood  log-Dice")?;
        }
        for c in rows {
            shown += 1;
            match (args.format, args.format.table()) {
                (Format::Text, _) => writeln!(
                    out,
                    "    {:<24} {:>8} {:>10} {:>15.2} {:>9.2}",
                    c.word, c.together, c.frequency, c.log_likelihood, c.log_dice
                )?,
                (_, Some(separator)) => table::write_row(
                    &mut out,
                    separator,
                    [
                        c.lang.code().to_owned(),
                        c.word.clone(),
                        c.together.to_string(),
                        c.frequency.to_string(),
                        format!("{:.4}", c.log_likelihood),
                        format!("{:.4}", c.log_dice),
                    ],
                )?,
                (_, None) => writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&ushtil::view::CollocateView::new(c))?
                )?,
            }
        }
    }
    out.flush()?;
    Ok(if shown == 0 {
        Status::NotFound
    } else {
        Status::Found
    })
}
