//! A Russian preposition that a PDF extractor glued to the word after it
//! (`вкачестве` for `в качестве`, `всвязи с` for `в связи с`): the glued
//! word is found by no search for either word. It is cut where the whole is
//! no word of the dictionary and the parts are, the second in a case the
//! preposition governs (`data/prepositions.tsv`), in a Russian paragraph.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use super::lang;
use super::pdftext::RawParagraph;
use crate::model::{Lang, Repair, RepairKind};
use crate::text::cutter;
use crate::text::russian;

/// The prepositions of `data/prepositions.tsv` with the cases they govern,
/// longest first.
static PREPOSITIONS: LazyLock<Vec<(String, Vec<String>)>> = LazyLock::new(|| {
    let mut prepositions: Vec<(String, Vec<String>)> =
        super::table_rows(include_str!("data/prepositions.tsv"))
            .map(|row| match row.split('\t').collect::<Vec<_>>()[..] {
                [preposition, cases] => (
                    preposition.trim().to_owned(),
                    cases.split(',').map(|c| c.trim().to_owned()).collect(),
                ),
                _ => panic!("data/prepositions.tsv: a row is `preposition<TAB>cases`: {row:?}"),
            })
            .collect();
    prepositions.sort_by_key(|(preposition, _)| std::cmp::Reverse(preposition.len()));
    prepositions
});

/// The fewest letters of the word after a glued preposition.
const MIN_REST: usize = 3;

/// Where to cut a lower-case Russian word after a glued preposition (the
/// preposition's length in bytes), if it is one.
fn cut(word: &str) -> Option<usize> {
    if !may_be_glued(word) || russian::is_word(word) {
        return None;
    }
    PREPOSITIONS.iter().find_map(|(preposition, governed)| {
        let rest = word.strip_prefix(preposition.as_str())?;
        if rest.chars().count() < MIN_REST {
            return None;
        }
        let cases = russian::nominal_cases(rest);
        // An accusative spelt as the nominative (`бассейн`) tells nothing: a
        // compound with the preposition as its prefix (`подбассейн`) has it too.
        let nominative = cases.contains(&"Nom");
        cases
            .iter()
            .filter(|&&case| !(nominative && case == "Acc"))
            .any(|case| governed.iter().any(|g| g == case))
            .then_some(preposition.len())
    })
}

/// Whether `word` has the shape of a glued preposition: lower-case Russian
/// letters only, a preposition of the list and at least [`MIN_REST`] more.
/// Most words have not, and are told so without a look-up.
fn may_be_glued(word: &str) -> bool {
    let russian = word.chars().all(|c| matches!(c, 'а'..='я' | 'ё'));
    russian
        && word.chars().count() > MIN_REST
        && PREPOSITIONS
            .iter()
            .any(|(p, _)| word.starts_with(p.as_str()))
}

/// Cuts the glued prepositions of a document's Russian paragraphs, and
/// returns the repairs.
pub fn settle(paragraphs: &mut [RawParagraph]) -> Vec<Repair> {
    // A document repeats its words: each is looked up once.
    let mut seen: HashMap<String, Option<usize>> = HashMap::default();
    let mut repairs = Vec::new();
    for paragraph in paragraphs.iter_mut().filter(|p| !p.is_table) {
        let cuts: Vec<(usize, usize)> = cutter::words(&paragraph.text)
            .filter(|(_, word)| may_be_glued(word))
            .filter_map(|(at, word)| {
                let cut = match seen.get(word) {
                    Some(cut) => *cut,
                    None => *seen.entry(word.to_owned()).or_insert_with(|| cut(word)),
                };
                cut.map(|cut| (at, cut))
            })
            .collect();
        if cuts.is_empty() || lang::detect(&paragraph.text, Lang::Kk) != Lang::Ru {
            continue;
        }
        // From the end, so that each space leaves the earlier offsets valid.
        for &(at, cut) in cuts.iter().rev() {
            let end = paragraph.text[at..]
                .find(|c: char| !c.is_alphabetic())
                .map_or(paragraph.text.len(), |i| at + i);
            let printed = paragraph.text[at..end].to_owned();
            repairs.push(Repair {
                kind: RepairKind::GluedPreposition,
                line: paragraph.line_at(at),
                repaired: format!("{} {}", &printed[..cut], &printed[cut..]),
                printed,
                file: None,
            });
            paragraph.insert_space(at + cut);
        }
    }
    repairs.reverse();
    repairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preposition_glued_to_a_noun_in_its_case_is_cut() {
        // `в` + prepositional, `в` + `связи` (locative), `на` + `основе`.
        assert_eq!(cut("вкачестве"), Some("в".len()));
        assert_eq!(cut("всвязи"), Some("в".len()));
        assert_eq!(cut("наоснове"), Some("на".len()));
        assert_eq!(cut("сучетом"), Some("с".len()));
    }

    #[test]
    fn a_word_of_the_dictionary_is_never_cut() {
        // `под` + `ход`, `на` + `рода`, `с` + `оставить`: words as they stand.
        for word in ["подход", "народа", "составить", "вопрос", "окно"]
        {
            assert_eq!(cut(word), None, "{word}");
        }
    }

    #[test]
    fn the_rest_must_stand_in_a_case_the_preposition_governs() {
        // `о` governs the prepositional only: `о` + `роль` (nominative) is no cut.
        assert_eq!(cut("оролль"), None);
        // `к` governs the dative: `к` + `езды` (genitive) is no cut.
        assert_eq!(cut("кезды"), None);
        // A verb after the preposition: no cut.
        assert_eq!(cut("задекларируйте"), None);
        // An accusative spelt as its nominative: a prefixed compound just as well.
        assert_eq!(cut("подбассейн"), None);
        // A rare given name (`Ато`) is no reading of three letters.
        assert_eq!(cut("като"), None);
    }

    #[test]
    fn kazakh_and_capitalised_words_are_left_alone() {
        // Kazakh letters; a capital (a name, or a sentence's first word).
        assert_eq!(cut("кезінде"), None);
        assert_eq!(cut("Вкачестве"), None);
    }
}
