//! `ushtil analyze`: shows what the index stores for a text, token by token
//! (word as printed, position, term), through a language's analyzer. With
//! `--words`, reads one word per line and writes exactly one term per line,
//! so that any word list can be scored against a gold lemmatisation.

use std::io::{self, BufRead, BufWriter, Read, Write};

use ushtil::model::Lang;
use ushtil::text::{analyze, first_terms, Analyzer};

use super::{Context, Status};

#[derive(clap::Args)]
pub struct Args {
    /// The analyzer's language: kk, ru or en.
    #[arg(long, value_name = "LANG")]
    lang: Lang,
    /// The text to analyze (default: standard input).
    text: Option<String>,
    /// Read one word per line from standard input; write one term per line
    /// (the words of a line that makes several are joined by a space; an
    /// empty line for a line that makes none). A word with several readings
    /// gives its most likely one, as a stemmer would; the others are shown
    /// without --words, at the same position.
    #[arg(long, conflicts_with = "text")]
    words: bool,
    /// Analyze without stemming: the word form as the `form` analyzer indexes it.
    #[arg(long)]
    form: bool,
}

pub fn run(_context: &Context, args: Args) -> anyhow::Result<Status> {
    let analyzer = if args.form {
        Analyzer::Form
    } else {
        Analyzer::Stem(args.lang)
    };
    let mut out = BufWriter::new(io::stdout().lock());
    if args.words {
        for line in io::stdin().lock().lines() {
            let terms = first_terms(analyzer, &line?);
            writeln!(out, "{}", terms.join(" "))?;
        }
    } else {
        let text = match args.text {
            Some(text) => text,
            None => {
                let mut text = String::new();
                io::stdin().read_to_string(&mut text)?;
                text
            }
        };
        for token in analyze(analyzer, &text) {
            let word = &text[token.offset_from..token.offset_to];
            writeln!(out, "{word}\t{}\t{}", token.position, token.text)?;
        }
    }
    out.flush()?;
    Ok(Status::Found)
}
