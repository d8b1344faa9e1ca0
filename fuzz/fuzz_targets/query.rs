//! Any query string, compiled and run against an index of the bundled corpus.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ushtil::index::CorpusIndex;
use ushtil::model::Lang;

struct Quiet;

impl ushtil::build::Progress for Quiet {
    fn warn(&mut self, _message: &str) {}
}

fn index() -> &'static CorpusIndex {
    static INDEX: OnceLock<(tempfile::TempDir, CorpusIndex)> = OnceLock::new();
    &INDEX
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let corpus = ushtil_fuzz::repo("corpus");
            ushtil::build::build(&corpus, dir.path(), Default::default(), &mut Quiet)
                .expect("the bundled corpus builds");
            let index = CorpusIndex::open(dir.path()).expect("the index opens");
            (dir, index)
        })
        .1
}

fuzz_target!(|input: &[u8]| {
    // The first byte picks the languages and whether words match exactly.
    let Some((&flags, query)) = input.split_first() else {
        return;
    };
    let Ok(query) = std::str::from_utf8(query) else {
        return;
    };
    let langs: Vec<Lang> = Lang::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, _)| flags & (1 << i) != 0)
        .map(|(_, lang)| lang)
        .collect();
    let langs = if langs.is_empty() {
        Lang::ALL.to_vec()
    } else {
        langs
    };
    let index = index();
    let Ok(compiled) = ushtil::search::compile_with(index, query, &langs, flags & 8 != 0) else {
        return;
    };
    let (hits, total) =
        ushtil::search::run_counted(index, &compiled, 10).expect("a compiled query runs");
    assert!(
        hits.len() <= total.min(10),
        "{} hits of {total}",
        hits.len()
    );
    for hit in &hits {
        for lang in Lang::ALL {
            let Some(passage) = hit.unit.passages.get(lang) else {
                assert!(hit.highlights.get(lang).is_empty());
                continue;
            };
            for range in hit.highlights.get(lang) {
                assert!(
                    passage.text.get(range.clone()).is_some(),
                    "{lang:?} {range:?}"
                );
            }
        }
    }
});
