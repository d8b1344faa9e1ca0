//! Bytes as a file's content: decoded, ingested and aligned.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = ushtil::ingest::decode::decode(bytes, None) else {
        return;
    };
    let document = ushtil::ingest::ingest("fuzz", Default::default(), &decoded.text);
    let units = ushtil::align::align(&document);
    ushtil_fuzz::check_units(&units);
});
