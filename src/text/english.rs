//! English words by their lemmas, from a list of some 70,000 forms
//! (`data/english-lemmas.tsv`, from LemmInflect and the AGID), so that
//! `elections` is `election` and `elected` is `elect`: two words, which a
//! suffix stripper makes one (`elect`). Words the list does not know go
//! through Snowball's Porter2, as all words did before.
//!
//! A form of several lemmas (`saw`: `see` or `saw`; `left`: `leave` or
//! `left`) is given all of them, most likely first, so that a search for
//! either finds it.

use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// Each form of the list with its lemmas, most likely first.
static LEMMAS: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    super::table_rows(include_str!("data/english-lemmas.tsv"))
        .map(|row| {
            let (form, lemmas) = row
                .split_once('\t')
                .expect("data/english-lemmas.tsv: a row is `form<TAB>lemmas`");
            (form, lemmas.split(' ').collect())
        })
        .collect()
});

/// The readings of a lower-cased English word, most likely first, written
/// into `out` (cleared first): its lemmas if the list knows it, else its
/// Porter2 stem.
pub fn readings_into(word: &str, out: &mut Vec<String>) {
    out.clear();
    // A possessive is its noun: `People's`, `Commissars'`.
    let word = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
        .unwrap_or(word);
    match LEMMAS.get(word) {
        Some(lemmas) => out.extend(lemmas.iter().map(|l| (*l).to_owned())),
        None => {
            thread_local! {
                static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
            }
            out.push(STEMMER.with(|stemmer| stemmer.stem(word).into_owned()));
        }
    }
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
    fn an_election_is_not_the_elected() {
        assert_eq!(readings("elections"), ["election"]);
        assert_eq!(readings("election"), ["election"]);
        assert_eq!(readings("elected"), ["elect"]);
    }

    #[test]
    fn irregular_forms_meet_their_lemma() {
        assert_eq!(readings("men")[0], "man");
        assert_eq!(readings("was")[0], "be");
        assert_eq!(readings("found")[0], "find");
        assert_eq!(readings("children")[0], "child");
    }

    #[test]
    fn a_form_of_two_lemmas_keeps_both() {
        assert_eq!(readings("saw"), ["see", "saw"]);
        assert!(readings("left").contains(&"leave".to_owned()));
    }

    #[test]
    fn words_the_list_does_not_know_are_stemmed() {
        assert_eq!(readings("kurultais"), readings("kurultai"));
    }
}
