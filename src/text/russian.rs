//! Russian words by their dictionary lemmas: the OpenCorpora dictionary, as
//! the `rumorph` crate ships it, knows some 400,000 lemmas with all their
//! forms, so `архивах` is `архив` and `созыва` is `созыв`, where a suffix
//! stripper makes `арх` of the one and keeps `созыв` apart from `созыва`'s
//! `созыв`… only by luck. Words the dictionary does not know (names from
//! other languages, new coinages) go through Snowball, as all words did
//! before.
//!
//! A form the dictionary reads several ways (`стали`: the verb `стать` or
//! the noun `сталь`) is given every reading the dictionary's corpus counts
//! often enough ([`MIN_SHARE`]), most likely first, so that a search for
//! either lemma finds it.

use std::borrow::Cow;
use std::sync::OnceLock;

use rumorph::{Dictionary, Source};
use rust_stemmers::{Algorithm, Stemmer};

/// The smallest share of a form's occurrences in the dictionary's corpus a
/// lemma must have to be one of its readings. One in two hundred keeps
/// `сталь` for `стали` (about 1 in 90) and drops readings seen only by
/// chance (`быль` for `были`, `переть` for `при`).
pub const MIN_SHARE: f64 = 0.005;

/// The dictionary, loaded (and checked) once per process; `None` if the
/// bundled file cannot be read, and then every word goes through Snowball.
fn dictionary() -> Option<&'static Dictionary> {
    static DICTIONARY: OnceLock<Option<Dictionary>> = OnceLock::new();
    DICTIONARY
        .get_or_init(|| Dictionary::bundled().ok())
        .as_ref()
}

/// Starts loading the dictionary on a thread of its own, for a command about
/// to analyze a query: the load (a few milliseconds: the file is checked)
/// then runs beside the opening of the index rather than after it.
pub fn load_ahead() {
    std::thread::spawn(dictionary);
}

/// Whether the dictionary knows `word` as a Russian word form (any case).
pub fn is_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    dictionary().is_some_and(|d| d.is_known(&lower))
}

/// The grammatical cases (`Nom`, `Gen`, `Dat`, `Acc`, `Loc`, `Ins`, as
/// Universal Dependencies names them) a lower-cased Russian form can stand
/// in as a common noun, adjective, pronoun or numeral the dictionary knows,
/// in readings of at least [`MIN_SHARE`]: what a preposition before it may
/// govern. (A rare given name, `Ато`, would make a case of any three letters.)
pub fn nominal_cases(word: &str) -> Vec<&'static str> {
    const NOMINAL: [&str; 5] = ["NOUN", "ADJ", "PRON", "DET", "NUM"];
    let Some(dictionary) = dictionary() else {
        return Vec::new();
    };
    let mut cases = Vec::new();
    for analysis in dictionary.analyze(word) {
        let tag = match analysis.source {
            Source::Dictionary if analysis.prob >= MIN_SHARE => dictionary.ud_tag(analysis.ud),
            _ => None,
        };
        let case = tag
            .filter(|tag| NOMINAL.contains(&tag.pos()))
            .and_then(|tag| tag.feat("Case"));
        if let Some(case) = case.filter(|case| !cases.contains(case)) {
            cases.push(case);
        }
    }
    cases
}

/// The readings of a lower-cased Russian word, most likely first, written
/// into `out` (cleared first): its lemmas if the dictionary knows it, else
/// its Snowball stem. `ё` is written `е`, as Russian print mostly does.
pub fn readings_into(word: &str, out: &mut Vec<String>) {
    out.clear();
    let analyses = match dictionary() {
        Some(dictionary) => dictionary.analyze(word),
        None => Vec::new(),
    };
    let mut lemmas: Vec<(String, f64)> = Vec::new();
    for analysis in analyses.iter().filter(|a| a.source == Source::Dictionary) {
        let lemma = analysis.lemma.replace('ё', "е");
        match lemmas.iter_mut().find(|(known, _)| *known == lemma) {
            Some((_, share)) => *share += analysis.prob,
            None => lemmas.push((lemma, analysis.prob)),
        }
    }
    if lemmas.is_empty() {
        out.push(snowball(word));
        return;
    }
    lemmas.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (first, rest) = lemmas.split_first().expect("one lemma or more");
    out.push(first.0.clone());
    out.extend(
        rest.iter()
            .filter(|(_, share)| *share >= MIN_SHARE)
            .map(|(lemma, _)| lemma.clone()),
    );
}

/// The Snowball stem of a word the dictionary does not know.
fn snowball(word: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::Russian);
    }
    // rust-stemmers' Russian is an older Snowball that treats `ё` apart from `е`.
    let word: Cow<str> = if word.contains('ё') {
        Cow::Owned(word.replace('ё', "е"))
    } else {
        Cow::Borrowed(word)
    };
    STEMMER.with(|stemmer| stemmer.stem(&word).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(word: &str) -> Vec<String> {
        let mut out = Vec::new();
        readings_into(word, &mut out);
        out
    }

    #[test]
    fn locative_plural_and_genitive_meet_their_nominative() {
        assert_eq!(readings("архивах"), ["архив"]);
        assert_eq!(readings("архив")[0], "архив");
        assert_eq!(readings("созыва"), ["созыв"]);
        assert_eq!(readings("созыв")[0], "созыв");
    }

    #[test]
    fn verb_forms_meet_their_infinitive() {
        for form in ["избран", "избрали", "избирается", "избравший"]
        {
            assert!(
                readings(form).contains(&"избрать".to_owned())
                    || readings(form).contains(&"избирать".to_owned()),
                "{form}: {:?}",
                readings(form)
            );
        }
        assert_eq!(readings("были")[0], "быть");
    }

    #[test]
    fn an_ambiguous_form_keeps_both_readings_most_likely_first() {
        assert_eq!(readings("стали"), ["стать", "сталь"]);
    }

    #[test]
    fn readings_seen_only_by_chance_are_dropped() {
        assert_eq!(readings("при"), ["при"]);
        assert!(!readings("были").contains(&"быль".to_owned()));
    }

    #[test]
    fn words_the_dictionary_does_not_know_are_stemmed() {
        // Kazakh letters: no Russian dictionary has them.
        assert_eq!(readings("бөкейхановым"), [snowball("бөкейхановым")]);
        assert_eq!(readings("бөкейхановым"), readings("бөкейханова"));
    }

    #[test]
    fn yo_is_written_ye() {
        assert_eq!(readings("ёлки"), readings("елки"));
        assert_eq!(readings("её"), readings("ее"));
    }

    #[test]
    fn the_cases_a_preposition_may_govern() {
        // `качестве`: prepositional (locative) singular of `качество`.
        assert_eq!(nominal_cases("качестве"), ["Loc"]);
        assert!(nominal_cases("связи").contains(&"Gen"));
        // A verb has no case.
        assert!(nominal_cases("читаю").is_empty());
    }

    #[test]
    fn a_glued_preposition_is_no_word() {
        assert!(is_word("качестве") && is_word("подход") && is_word("Связи"));
        assert!(!is_word("вкачестве") && !is_word("всвязи"));
    }
}
