//! Units of a document that gives its own alignment (a parallel table): its
//! groups as they are, rows of one unit joined into one.

use crate::model::{Block, Document, GivenGroup, Lang, Link, PerLang, Unit};

/// The units of `doc`'s given groups, in order. Rows that name one unit, one
/// after another, make it; a row that names none is a unit of its own. Unit
/// ids the source gives (`u007`, as `ushtil export` writes them) are kept,
/// else units are numbered in order.
pub fn units(doc: &Document) -> Vec<Unit> {
    let mut runs: Vec<&[GivenGroup]> = Vec::new();
    let mut rest = &doc.given[..];
    while let Some(first) = rest.first() {
        let len = match &first.unit {
            Some(unit) => rest
                .iter()
                .take_while(|g| g.unit.as_ref() == Some(unit))
                .count(),
            None => 1,
        };
        let (run, after) = rest.split_at(len);
        runs.push(run);
        rest = after;
    }
    let keep_ids = keeps_ids(&runs);
    runs.iter()
        .enumerate()
        .map(|(n, run)| {
            let mut unit = unit(doc, run, n);
            if keep_ids {
                unit.id = run[0].unit.clone().expect("every run named");
            }
            unit
        })
        .collect()
}

/// Whether every run names its unit as a unit id (`u` and digits), each
/// greater than the one before: ids a later export gives back as they were.
fn keeps_ids(runs: &[&[GivenGroup]]) -> bool {
    let mut last = 0;
    runs.iter().all(|run| {
        let number = run[0]
            .unit
            .as_deref()
            .and_then(|u| u.strip_prefix('u'))
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<usize>().ok());
        match number {
            Some(n) if n > last => {
                last = n;
                true
            }
            _ => false,
        }
    })
}

fn unit(doc: &Document, run: &[GivenGroup], n: usize) -> Unit {
    let blocks_of = |lang: Lang| -> Vec<&Block> {
        run.iter()
            .filter_map(|g| g.blocks.get(lang).map(|b| &doc.blocks[b]))
            .collect()
    };
    let passages = PerLang::from_fn(|lang| super::passage(&blocks_of(lang)));
    // Each row's sentences, numbered on from the rows before it.
    let mut next = PerLang::<usize>::default();
    let links = run
        .iter()
        .map(|group| {
            let sentences = PerLang::from_fn(|lang| {
                let Some(block) = group.blocks.get(lang).map(|b| &doc.blocks[b]) else {
                    return Vec::new();
                };
                let first = *next.get(lang);
                *next.get_mut(lang) += block.sentences.len();
                (first..first + block.sentences.len()).collect()
            });
            Link {
                sentences,
                confidence: 1.0,
                memory: group.memory.clone(),
            }
        })
        .collect();
    let first = Lang::ALL
        .iter()
        .find_map(|&l| run[0].blocks.get(l).map(|b| &doc.blocks[b]))
        .expect("a given group has text");
    let mut unit = super::unit(
        doc,
        n,
        first.kind,
        first.division,
        first.section,
        passages,
        links,
    );
    // Each row's cells are paragraphs of their languages, aligned as given:
    // a group of paragraphs, as a translated text's are, to compare.
    unit.paragraphs = Some(PerLang::from_fn(|lang| blocks_of(lang).len()));
    unit
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::ingest::table;
    use crate::model::Metadata;

    fn units(text: &str) -> Vec<crate::model::Unit> {
        let doc = table::read(Path::new("t.tsv"), "t", Metadata::default(), text).unwrap();
        super::units(&doc)
    }

    #[test]
    fn rows_of_one_unit_make_it_and_each_stays_a_group() {
        let units = units(
            "unit\tsection\tkk\tru\n\
             u004\tabstract/results\tБірінші. Екінші.\tПервое. Второе.\n\
             u004\tabstract/results\tҮшінші.\t\n\
             u009\tbody/front\tТөртінші.\tЧетвёртое.\n",
        );
        assert_eq!(units.len(), 2);
        let first = &units[0];
        assert_eq!(
            (first.id.as_str(), first.section_path().as_str()),
            ("u004", "abstract/results")
        );
        assert_eq!(first.links.len(), 2);
        assert_eq!(first.links[0].sentences.kk, vec![0, 1]);
        assert_eq!(first.links[1].sentences.kk, vec![2]);
        assert!(first.links[1].sentences.ru.is_empty());
        let texts = first.link_texts();
        assert_eq!(texts[0].ru, Some("Первое. Второе."));
        assert_eq!(texts[1].kk, Some("Үшінші."));
        assert_eq!(units[1].id, "u009");
    }

    #[test]
    fn rows_without_unit_ids_are_units_numbered_in_order() {
        let units = units("kk\ten\nБір.\tOne.\nЕкі.\tTwo.\n");
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["u001", "u002"]);
        // Unit names that are no ids group rows, numbered all the same.
        let named = self::units("unit\tkk\nart1\tБір.\nart1\tЕкі.\nart2\tҮш.\n");
        let ids: Vec<&str> = named.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["u001", "u002"]);
        assert_eq!(named[0].links.len(), 2);
    }
}
