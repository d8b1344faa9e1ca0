//! Alignment: a [`Document`]'s blocks → aligned [`Unit`]s.
//!
//! The abstracts are aligned part by part (all three `Results.` parts make one
//! unit) and, inside a part, sentence by sentence. The three languages are
//! aligned through a pivot: the other two are each aligned with it, and
//! sentences linked through it, directly or not, form one group. Groups are
//! thus consistent across the three languages by construction.
//! Every body block becomes a unit of its own language.

pub mod anchors;
pub mod pair;

use std::collections::BTreeMap;

use anchors::Anchors;
use pair::Item;

use crate::model::{
    Block, BlockKind, Division, Document, Lang, Link, Passage, PerLang, Section, Unit,
};

/// Expected length in characters of a translation per character of the Russian
/// text: Kazakh and Russian run about as long, English shorter.
fn length_per_russian_char(lang: Lang) -> f64 {
    match lang {
        Lang::Kk => 1.0,
        Lang::Ru => 1.0,
        Lang::En => 0.9,
    }
}

/// Aligns a document into units, in document order.
pub fn align(doc: &Document) -> Vec<Unit> {
    let mut units = Vec::new();
    // Abstract parts by section, in the order they first appear.
    let mut parts: Vec<(Section, PerLang<Vec<&Block>>)> = Vec::new();
    let mut body = Vec::new();
    for block in &doc.blocks {
        if block.division == Division::Abstract {
            let at = match parts.iter().position(|(s, _)| *s == block.section) {
                Some(at) => at,
                None => {
                    parts.push((block.section, PerLang::default()));
                    parts.len() - 1
                }
            };
            parts[at].1.get_mut(block.lang).push(block);
        } else {
            body.push(block);
        }
    }
    for (section, blocks) in parts {
        let passages = blocks.map(|_, blocks| passage(blocks));
        let kind = Lang::ALL
            .iter()
            .find_map(|&l| blocks.get(l).first().map(|b| b.kind))
            .unwrap_or(BlockKind::Paragraph);
        let links = align_passages(&passages);
        units.push(unit(
            doc,
            units.len(),
            kind,
            Division::Abstract,
            section,
            passages,
            links,
        ));
    }
    for block in body {
        let (passages, links) = body_passages(block);
        units.push(unit(
            doc,
            units.len(),
            block.kind,
            Division::Body,
            block.section,
            passages,
            links,
        ));
    }
    units
}

fn unit(
    doc: &Document,
    ordinal: usize,
    kind: BlockKind,
    division: Division,
    section: Section,
    passages: PerLang<Option<Passage>>,
    links: Vec<Link>,
) -> Unit {
    Unit {
        doc: doc.id.clone(),
        id: format!("u{:03}", ordinal + 1),
        kind,
        division,
        section,
        passages,
        links,
    }
}

/// A body block as passages: one in the block's language, and one in each
/// other language a sentence of it is in (a quotation), each sentence linked
/// alone, in order.
fn body_passages(block: &Block) -> (PerLang<Option<Passage>>, Vec<Link>) {
    if block.sentences.iter().all(|s| s.lang == block.lang) {
        let mut passages = PerLang::default();
        *passages.get_mut(block.lang) = passage(&[block]);
        let links = (0..block.sentences.len())
            .map(|i| {
                let mut link = Link::default();
                link.sentences.get_mut(block.lang).push(i);
                link
            })
            .collect();
        return (passages, links);
    }
    let mut passages: PerLang<Option<Passage>> = PerLang::default();
    let mut links = Vec::new();
    for sentence in &block.sentences {
        let passage = passages
            .get_mut(sentence.lang)
            .get_or_insert_with(Passage::default);
        if !passage.text.is_empty() {
            passage.text.push(' ');
        }
        let start = passage.text.len();
        passage.text.push_str(&sentence.text);
        passage.sentences.push(start..passage.text.len());
        let mut link = Link::default();
        link.sentences
            .get_mut(sentence.lang)
            .push(passage.sentences.len() - 1);
        links.push(link);
    }
    (passages, links)
}

/// The blocks of one language in one part, as one passage.
fn passage(blocks: &[&Block]) -> Option<Passage> {
    let mut passage = Passage::default();
    for block in blocks {
        if !passage.text.is_empty() {
            passage.text.push(' ');
        }
        let offset = passage.text.len();
        passage.text.push_str(&block.text);
        passage.sentences.extend(
            block
                .sentences
                .iter()
                .map(|s| s.span.start + offset..s.span.end + offset),
        );
    }
    (!passage.sentences.is_empty()).then_some(passage)
}

/// Aligns the sentences of up to three passages into consistent groups.
pub fn align_passages(passages: &PerLang<Option<Passage>>) -> Vec<Link> {
    let items = passages.map(|_, p| p.as_ref().map(items).unwrap_or_default());
    let present: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|&l| !items.get(l).is_empty())
        .collect();
    // The pivot is the longest version (Russian on a tie): the one least likely
    // to lack a sentence the others have.
    let Some(&pivot) = present
        .iter()
        .max_by_key(|&&l| (items.get(l).len(), l == Lang::Ru))
    else {
        return Vec::new();
    };
    // Every sentence is a node (language, index); links join nodes into groups.
    let mut groups = Groups::default();
    for (i, _) in items.get(pivot).iter().enumerate() {
        groups.add(&[(pivot, i)], (i, 1, 0));
    }
    for &other in present.iter().filter(|&&l| l != pivot) {
        let ratio = length_per_russian_char(pivot) / length_per_russian_char(other);
        let steps = pair::align(items.get(other), items.get(pivot), 1.0 / ratio);
        let mut pivot_seen = 0usize;
        for (n, step) in steps.iter().enumerate() {
            let nodes: Vec<(Lang, usize)> = step
                .a
                .iter()
                .map(|&i| (other, i))
                .chain(step.b.iter().map(|&j| (pivot, j)))
                .collect();
            // A sentence with no pivot counterpart goes just before the next pivot sentence.
            let key = match step.b.first() {
                Some(&j) => (j, 1, 0),
                None => (pivot_seen, 0, n),
            };
            pivot_seen += step.b.len();
            groups.add(&nodes, key);
        }
    }
    groups.into_links()
}

fn items(passage: &Passage) -> Vec<Item> {
    passage
        .sentences
        .iter()
        .map(|span| {
            let text = &passage.text[span.clone()];
            Item {
                chars: text.chars().count(),
                anchors: Anchors::of(text),
            }
        })
        .collect()
}

/// Where a group sorts: (pivot sentence, 1, 0) for a group holding that pivot
/// sentence; (next pivot sentence, 0, step) for one before it without any.
type SortKey = (usize, u8, usize);

/// Connected groups of sentence nodes, each with the smallest sort key it was given.
#[derive(Default)]
struct Groups {
    /// node → group number
    group_of: BTreeMap<(Lang, usize), usize>,
    /// group number → (sort key, nodes); merged groups are left empty.
    groups: Vec<(SortKey, Vec<(Lang, usize)>)>,
}

impl Groups {
    fn add(&mut self, nodes: &[(Lang, usize)], key: SortKey) {
        let mut target = None;
        for node in nodes {
            if let Some(&g) = self.group_of.get(node) {
                target = Some(match target {
                    Some(t) if t != g => self.merge(t, g),
                    _ => g,
                });
            }
        }
        let target = target.unwrap_or_else(|| {
            self.groups.push((key, Vec::new()));
            self.groups.len() - 1
        });
        let group = &mut self.groups[target];
        group.0 = group.0.min(key);
        for &node in nodes {
            if self.group_of.insert(node, target).is_none() {
                self.groups[target].1.push(node);
            }
        }
    }

    fn merge(&mut self, into: usize, from: usize) -> usize {
        let (key, nodes) = std::mem::take(&mut self.groups[from]);
        for node in &nodes {
            self.group_of.insert(*node, into);
        }
        let group = &mut self.groups[into];
        group.0 = group.0.min(key);
        group.1.extend(nodes);
        into
    }

    fn into_links(self) -> Vec<Link> {
        let mut groups: Vec<_> = self
            .groups
            .into_iter()
            .filter(|(_, nodes)| !nodes.is_empty())
            .collect();
        groups.sort_by_key(|g| g.0);
        groups
            .into_iter()
            .map(|(_, nodes)| {
                let mut link = Link::default();
                for (lang, i) in nodes {
                    link.sentences.get_mut(lang).push(i);
                }
                for lang in Lang::ALL {
                    link.sentences.get_mut(lang).sort_unstable();
                }
                link
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Metadata;

    #[test]
    fn a_quotation_in_another_language_gets_a_passage_of_its_own() {
        let source =
            "Introduction. The newspaper wrote about the elections in the Steppe District. \
                      Газета писала о выборах в Степном округе и о победе партии Алаш. \
                      The editorial board admits that it does not yet have complete information.\n";
        let document = crate::ingest::ingest("x", Metadata::default(), source);
        let block = &document.blocks[0];
        let langs: Vec<Lang> = block.sentences.iter().map(|s| s.lang).collect();
        assert_eq!(
            (block.lang, langs),
            (Lang::En, vec![Lang::En, Lang::Ru, Lang::En])
        );
        let units = align(&document);
        let unit = &units[0];
        assert!(unit.text(Lang::Ru).unwrap().starts_with("Газета писала"));
        assert_eq!(unit.passages.en.as_ref().unwrap().sentences.len(), 2);
        // The links keep the printed order: en, ru, en.
        let order: Vec<Lang> = unit
            .links
            .iter()
            .map(|l| {
                *Lang::ALL
                    .iter()
                    .find(|&&lang| !l.sentences.get(lang).is_empty())
                    .unwrap()
            })
            .collect();
        assert_eq!(order, [Lang::En, Lang::Ru, Lang::En]);
    }
}
