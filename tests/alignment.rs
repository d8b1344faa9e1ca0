//! The bundled article's three abstracts, aligned part by part and sentence by
//! sentence, against a hand-made gold alignment (tests/data/alash-abstract-alignment.tsv).

mod common;

use std::collections::BTreeSet;

use ushtil::model::{Division, Lang, Unit};

/// One aligned group: its section and, per language, the sentences' opening words.
type Group = (String, [Vec<String>; 3]);

fn gold(path: &str) -> Vec<Group> {
    let text = std::fs::read_to_string(common::repo(path)).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "gold line {line:?}");
            let lang = |col: &str| -> Vec<String> {
                if col == "-" {
                    Vec::new()
                } else {
                    col.split(" | ").map(str::to_owned).collect()
                }
            };
            (
                cols[0].to_owned(),
                [lang(cols[1]), lang(cols[2]), lang(cols[3])],
            )
        })
        .collect()
}

/// Every sentence-to-sentence link of a set of groups, across languages, plus
/// a link to nothing for each sentence alone in its language: what precision
/// and recall are counted over.
fn links(groups: &[Group]) -> BTreeSet<(String, String)> {
    let mut links = BTreeSet::new();
    for (_, langs) in groups {
        let nodes: Vec<String> = Lang::ALL
            .iter()
            .zip(langs)
            .flat_map(|(lang, sentences)| sentences.iter().map(move |s| format!("{lang}:{s}")))
            .collect();
        for a in &nodes {
            for b in &nodes {
                if a < b && a[..2] != b[..2] {
                    links.insert((a.clone(), b.clone()));
                }
            }
            let alone = langs.iter().filter(|l| !l.is_empty()).count() == 1;
            if alone {
                links.insert((a.clone(), "-".to_owned()));
            }
        }
    }
    links
}

/// The system's groups, each sentence named by the gold's opening words for it.
fn system(units: &[Unit], gold: &[Group]) -> Vec<Group> {
    let openings: Vec<&String> = gold.iter().flat_map(|(_, l)| l.iter().flatten()).collect();
    // A sentence opening a part starts with the part's label as printed
    // (`Results. The Provisional …`); the gold names it by its words.
    let name = |sentence: &str| -> String {
        let sentence = &sentence[ushtil::ingest::labels::leading_labels_len(sentence)..];
        openings
            .iter()
            .find(|o| sentence.starts_with(o.as_str()))
            .map_or_else(|| sentence.chars().take(40).collect(), |o| o.to_string())
    };
    let mut groups = Vec::new();
    for unit in units.iter().filter(|u| u.division == Division::Abstract) {
        for link in &unit.links {
            let langs = Lang::ALL.map(|lang| {
                let passage = unit.passages.get(lang).as_ref();
                link.sentences
                    .get(lang)
                    .iter()
                    .map(|&i| name(passage.unwrap().slice(&[i]).unwrap()))
                    .collect()
            });
            groups.push((unit.section.name().to_owned(), langs));
        }
    }
    groups
}

/// Link precision and recall of `found` against `gold`, printed.
fn score(name: &str, gold: &[Group], found: &[Group]) -> (f64, f64) {
    let (gold_links, found_links) = (links(gold), links(found));
    let correct = gold_links.intersection(&found_links).count() as f64;
    let precision = correct / found_links.len() as f64;
    let recall = correct / gold_links.len() as f64;
    println!(
        "{name}: sentence links precision {precision:.3}, recall {recall:.3} ({} gold, {} found)",
        gold_links.len(),
        found_links.len()
    );
    (precision, recall)
}

#[test]
fn abstracts_align_with_the_hand_made_gold() {
    let units = ushtil::align::align(&common::bundled_document());
    let gold = gold("tests/data/alash-abstract-alignment.tsv");
    let found = system(&units, &gold);
    let (precision, recall) = score("the bundled abstracts", &gold, &found);
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "precision {precision:.3}, recall {recall:.3}"
    );
    // The groups themselves, in order, are those of the gold.
    assert_eq!(found, gold);
}

/// Abstract triples made of the bundled article's real sentences, laid out
/// without part labels (tests/data/align/).
#[test]
fn further_abstract_triples_align_with_their_gold() {
    for name in [
        "results-conclusion-one-missing-each",
        "introduction-goals-materials-unlabelled",
    ] {
        let path = common::repo(&format!("tests/data/align/{name}.txt"));
        let document = ushtil::ingest::ingest_file(&path, name, Default::default()).unwrap();
        let units = ushtil::align::align(&document);
        let gold = gold(&format!("tests/data/align/{name}.gold.tsv"));
        let found = system(&units, &gold);
        let (precision, recall) = score(name, &gold, &found);
        assert!(
            precision >= 0.95 && recall >= 0.95,
            "{name}: precision {precision:.3}, recall {recall:.3}\n{found:#?}"
        );
    }
}

#[test]
fn abstract_parts_become_units_in_all_three_languages() {
    let units = ushtil::align::align(&common::bundled_document());
    let parts: Vec<(&str, Vec<Lang>)> = units
        .iter()
        .filter(|u| u.division == Division::Abstract)
        .map(|u| {
            let langs = Lang::ALL
                .into_iter()
                .filter(|&l| u.text(l).is_some())
                .collect();
            (u.section.name(), langs)
        })
        .collect();
    let all = Lang::ALL.to_vec();
    assert_eq!(
        parts,
        [
            ("introduction", all.clone()),
            ("goals", all.clone()),
            ("materials", all.clone()),
            ("results", all.clone()),
            ("conclusion", all.clone()),
            ("keywords", all),
            ("acknowledgement", vec![Lang::Kk]),
        ]
    );
}

#[test]
fn body_paragraphs_are_english_only_units() {
    let units = ushtil::align::align(&common::bundled_document());
    let body: Vec<&Unit> = units
        .iter()
        .filter(|u| u.division == Division::Body)
        .collect();
    assert!(body.len() > 40, "{} body units", body.len());
    for unit in body {
        assert!(
            unit.text(Lang::En).is_some()
                && unit.text(Lang::Kk).is_none()
                && unit.text(Lang::Ru).is_none()
        );
        let sentences = unit.passages.en.as_ref().unwrap().sentences.len();
        assert_eq!(
            unit.links.len(),
            sentences,
            "one link per sentence in {}",
            unit.id
        );
    }
}
