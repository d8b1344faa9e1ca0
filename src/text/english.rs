//! English words by their lemmas, from a list of some 70,000 forms
//! (`data/english-lemmas.tsv`, from LemmInflect and the AGID), so that
//! `elections` is `election` and `elected` is `elect`: two words, which a
//! suffix stripper makes one (`elect`). Words the list does not know go
//! through Snowball's Porter2, as all words did before.
//!
//! A form of several lemmas (`saw`: `see` or `saw`; `left`: `leave` or
//! `left`) is given all of them, most likely first, so that a search for
//! either finds it.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// The list: its rows, `form<TAB>lemmas`, after a block of `#` comments,
/// sorted by form (as `scripts/english-lemmas.py` writes them, and a test
/// checks). A form is found by binary search in the text as it is: a search
/// that reads a few words parses no table of 70,000 rows first.
const LIST: &str = include_str!("data/english-lemmas.tsv");

/// The rows of the list, the comments before them left out (found once).
fn rows() -> &'static str {
    static ROWS: LazyLock<&str> = LazyLock::new(|| {
        let mut at = 0;
        while LIST[at..].starts_with('#') {
            at += LIST[at..].find('\n').map_or(LIST.len() - at, |n| n + 1);
        }
        &LIST[at..]
    });
    *ROWS
}

/// The form of a row.
fn form(row: &str) -> &str {
    row.split_once('\t')
        .expect("data/english-lemmas.tsv: a row is `form<TAB>lemmas`")
        .0
}

/// The lemmas the list gives `word`, most likely first: the row found by
/// halving the rows' bytes, each cut moved back to the start of its row.
fn lemmas(word: &str) -> Option<std::str::Split<'static, char>> {
    let rows = rows();
    // Every row starting before `low` has a smaller form, every row
    // starting at `high` or after a larger one.
    let (mut low, mut high) = (0, rows.len());
    while low < high {
        let middle = low + (high - low) / 2;
        let start = rows[..middle].rfind('\n').map_or(0, |n| n + 1).max(low);
        let end = rows[start..].find('\n').map_or(rows.len(), |n| start + n);
        let row = &rows[start..end];
        match form(row).cmp(word) {
            std::cmp::Ordering::Less => low = end + 1,
            std::cmp::Ordering::Greater => high = start,
            std::cmp::Ordering::Equal => return Some(row[word.len() + 1..].split(' ')),
        }
    }
    None
}

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
    match lemmas(word) {
        Some(lemmas) => out.extend(lemmas.map(str::to_owned)),
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
    fn the_list_is_sorted_by_form_and_lists_each_form_once() {
        let rows: Vec<&str> = rows().lines().collect();
        assert!(rows.len() > 50_000);
        for pair in rows.windows(2) {
            assert!(
                form(pair[0]) < form(pair[1]),
                "{:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn every_form_of_the_list_is_found() {
        for row in rows().lines() {
            let lemmas: Vec<&str> = lemmas(form(row)).unwrap().collect();
            assert_eq!(lemmas.join(" "), row.split_once('\t').unwrap().1, "{row}");
        }
        assert!(lemmas("").is_none() && lemmas("zzzzzz").is_none() && lemmas("aaaa").is_none());
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
