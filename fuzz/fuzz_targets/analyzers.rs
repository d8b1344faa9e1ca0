//! Every analyzer on any text, and the Kazakh stemmer on any word.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ushtil::model::Lang;
use ushtil::text::Analyzer;

fuzz_target!(|text: &str| {
    for analyzer in Lang::ALL
        .map(Analyzer::Stem)
        .into_iter()
        .chain([Analyzer::Form])
    {
        for token in ushtil::text::analyze(analyzer, text) {
            assert!(
                text.get(token.offset_from..token.offset_to).is_some(),
                "{analyzer:?}: {token:?}"
            );
        }
    }
    let stem = ushtil::text::kazakh::stem(text);
    if !text.chars().any(|c| matches!(c, '\u{400}'..='\u{4ff}')) {
        // Only Cyrillic words are stemmed.
        assert_eq!(stem, text);
    }
});
