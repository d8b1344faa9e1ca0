//! The body of the bundled article rebuilt into paragraphs, against a
//! hand-made gold (tests/data/alash-body-paragraphs.tsv).

mod common;

use std::collections::BTreeSet;

use ushtil::model::{BlockKind, Division};

fn gold_starts() -> BTreeSet<usize> {
    let text =
        std::fs::read_to_string(common::repo("tests/data/alash-body-paragraphs.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap().parse().unwrap())
        .collect()
}

fn found_starts() -> BTreeSet<usize> {
    let document = common::bundled_document();
    document
        .blocks
        .iter()
        .filter(|b| b.division == Division::Body)
        .map(|b| b.line)
        .collect()
}

#[test]
fn body_paragraph_boundaries_match_the_gold() {
    let (gold, found) = (gold_starts(), found_starts());
    let correct = gold.intersection(&found).count() as f64;
    let precision = correct / found.len() as f64;
    let recall = correct / gold.len() as f64;
    println!(
        "paragraph starts: precision {precision:.3}, recall {recall:.3} ({} gold, {} found)",
        gold.len(),
        found.len()
    );
    println!("missed: {:?}", gold.difference(&found).collect::<Vec<_>>());
    println!("extra: {:?}", found.difference(&gold).collect::<Vec<_>>());
    assert!(
        precision >= 0.98 && recall >= 0.98,
        "precision {precision:.3}, recall {recall:.3}"
    );
}

#[test]
fn page_break_does_not_split_a_paragraph() {
    // Lines opening a PDF page (indented by one space) that the gold does not
    // start a paragraph on must not start one.
    let source =
        std::fs::read_to_string(common::repo(&format!("corpus/{}.txt", common::BUNDLED))).unwrap();
    let gold = gold_starts();
    let page_starts: Vec<usize> = source
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with(' ') && !l.trim().is_empty())
        .map(|(i, _)| i + 1)
        .filter(|n| *n > 139 && !gold.contains(n))
        .collect();
    assert!(page_starts.len() >= 5, "{page_starts:?}");
    let found = found_starts();
    for line in page_starts {
        assert!(
            !found.contains(&line),
            "a paragraph starts at the page break on line {line}"
        );
    }
}

#[test]
fn both_tables_come_out_whole() {
    let document = common::bundled_document();
    let tables: Vec<_> = document
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Table)
        .collect();
    assert_eq!(tables.len(), 2);
    assert!(tables[0]
        .text
        .starts_with("Table 1. The list of candidates"));
    assert!(tables[0].text.ends_with("10 Astrakhan 320 2-1"));
    assert!(tables[1]
        .text
        .starts_with("Table 2. List of deputies elected"));
    assert!(tables[1].text.ends_with("Total: 47 33"));
    // No table row leaks into a paragraph.
    for block in document
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
    {
        assert!(!block.text.contains("Semipalatinsk 754"), "{}", block.text);
    }
}
