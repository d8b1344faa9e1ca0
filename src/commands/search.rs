//! `ushtil search QUERY`: finds the units that match a query in any of the
//! three languages and prints each with its aligned counterparts.

use std::io::{BufWriter, Write};

use ushtil::model::Lang;
use ushtil::search;

use super::{output, Context, Status};

#[derive(clap::Args)]
#[command(after_help = "\
Query syntax:
  сайлау               a word, in all its forms (through each language's stemmer)
  \"Құрылтай жиналысы\"  a phrase
  Алаш AND election    both (the default between words)
  Алаш OR Alash        either
  Алаш NOT party       the first without the second (also: -party)
  сайла*               words starting with a prefix (сайлау, сайлауды …)
  ru:выборы            a word in one language only
The words AND, OR, NOT and IN in capitals are operators: quote them or write
them in lower case to search for them.

Exit status: 0 if something was found, 1 if nothing was, 2 on error.")]
pub struct Args {
    /// The query (see the syntax below).
    #[arg(allow_hyphen_values = true)]
    query: String,
    /// Search only this language's text: kk, ru or en (default: all three).
    #[arg(long, value_name = "LANG")]
    lang: Option<Lang>,
    /// Most hits to show.
    #[arg(long, short = 'n', default_value_t = 10, value_parser = super::at_least_one)]
    limit: usize,
    /// Output format: text for reading (ending with how many units match),
    /// json for JSON Lines (one hit per line).
    #[arg(long, default_value = "text", value_parser = output::text_or_json())]
    format: output::Format,
    /// Show every sentence group of a hit, not only those that match.
    #[arg(long)]
    full: bool,
    /// Print only how many units match, as a number (for scripts).
    #[arg(long, short = 'c', conflicts_with_all = ["full", "format"])]
    count: bool,
    #[command(flatten)]
    filter: super::FilterArgs,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<Status> {
    ushtil::text::russian::load_ahead();
    let langs = args.lang.map_or(Lang::ALL.to_vec(), |lang| vec![lang]);
    let filter = args.filter.filter();
    // Asked while the corpus is checked; printed once the answer stands.
    let (hits, total) = context.answer(|index| {
        let mut query = search::compile(index, &args.query, &langs)?;
        query.restrict(index, &filter)?;
        anyhow::Ok(match args.count {
            true => (Vec::new(), search::count(index, &query)?),
            false => search::run_counted(index, &query, args.limit)?,
        })
    })?;
    let mut out = BufWriter::new(anstream::stdout().lock());
    if args.count {
        writeln!(out, "{total}")?;
        out.flush()?;
        return Ok(if total == 0 {
            Status::NotFound
        } else {
            Status::Found
        });
    }
    for hit in &hits {
        match args.format {
            output::Format::Json => writeln!(
                out,
                "{}",
                serde_json::to_string(&ushtil::view::UnitView::hit(hit))?
            )?,
            _ => output::print_hit(&mut out, hit, args.full)?,
        }
    }
    if args.format == output::Format::Text && !hits.is_empty() {
        let shown = match hits.len() < total {
            true => format!(", {} shown (-n shows more)", hits.len()),
            false => String::new(),
        };
        let units = if total == 1 {
            "unit matches"
        } else {
            "units match"
        };
        writeln!(out, "{total} {units}{shown}")?;
    }
    out.flush()?;
    Ok(if hits.is_empty() {
        Status::NotFound
    } else {
        Status::Found
    })
}
