//! The alignment benchmark: a translated text of book length, in Kazakh,
//! Russian and English, ingested (`ingest_versions`) and aligned (`align`).
//!
//! The text is made of real translations: the FLORES-200 dev articles
//! (`../shared/eval/parallel/flores-dev/separate/*.{kk,ru,en}.txt`, one line
//! per article) drawn in a seeded order and repeated until the English text
//! has N sentences (as ushtil's segmenter counts them). A paragraph is 1–6
//! articles, one paragraph a line. In about 2% of paragraphs one language
//! loses an article (the whole paragraph, where it has only one), and in
//! about 3% one language has the paragraph split in two, so that the truth
//! has 1-1-0 and 2-1-1 groups; the report says how many of the true groups
//! the aligner found exactly.
//!
//! Each size runs in a child process of its own (this binary, `--child N`),
//! so that its peak memory (VmHWM, reset between phases through
//! /proc/self/clear_refs) is its own.
//!
//! ```sh
//! cargo bench --bench align -- --sizes 1000,10000,50000 [--seed 1] [--runs 3]
//!     [--timeout 300] [--max-rss-mb 4096] [--flores DIR]
//! ```
//! Times are the best of `--runs` runs (one run above 10,000 sentences).

mod common;

use common::align;

fn main() {
    let settings = align::settings();
    if let Some(n) = settings.child {
        return align::child(&settings, n);
    }
    println!("{}\n", common::machine());
    print!("{}", align::table(&settings));
}
