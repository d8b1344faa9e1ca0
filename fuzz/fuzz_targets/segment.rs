//! Sentences and words of any text: ranges in order, on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut end = 0;
    for range in ushtil::ingest::segment::sentences(text) {
        assert!(
            end <= range.start && range.start < range.end,
            "{range:?} after {end}"
        );
        let sentence = text
            .get(range.clone())
            .expect("a sentence on char boundaries");
        assert_eq!(sentence, sentence.trim(), "{range:?}");
        end = range.end;
    }
    let mut end = 0;
    for (at, word) in ushtil::text::cutter::words(text) {
        assert!(
            at >= end && !word.is_empty(),
            "{word:?} at {at} after {end}"
        );
        assert_eq!(text.get(at..at + word.len()), Some(word));
        end = at + word.len();
    }
});
