//! Any alignment file, read and applied to the bundled article (abstracts) and
//! to a translated text (body groups) as a build applies a checked one.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ushtil::model::{Document, Unit};

fn documents() -> &'static [(Document, Vec<Unit>)] {
    static DOCUMENTS: OnceLock<Vec<(Document, Vec<Unit>)>> = OnceLock::new();
    DOCUMENTS.get_or_init(|| {
        [
            "corpus/alash-constituent-assembly-1917.txt",
            "tests/data/parallel/trilingual/combined/const-art1.ru-kk-en.txt",
        ]
        .map(|text| {
            let source = ushtil::corpus::Source::for_text(ushtil_fuzz::repo(text));
            let document = ushtil::build::read_document(&source).expect("the document reads");
            let units = ushtil::align::align(&document);
            (document, units)
        })
        .into()
    })
}

fuzz_target!(|text: &str| {
    let path = Path::new("x.align.tsv");
    let Ok(file) = ushtil::align::file::parse(path, text) else {
        return;
    };
    for (document, units) in documents() {
        let mut units = units.clone();
        if ushtil::align::file::apply(path, &file, &mut units).is_err() {
            continue;
        }
        if ushtil::align::file::apply_body(path, &file, document, &mut units).is_ok() {
            ushtil_fuzz::check_units(&units);
        }
    }
});
