//! Alignment: a [`Document`]'s blocks → aligned [`Unit`]s.
//!
//! The abstracts are aligned part by part (all three `Results.` parts make one
//! unit) and, inside a part, sentence by sentence. Where the three abstracts
//! are not labelled alike, their parts are aligned one level up: as one
//! passage each. Three versions are aligned all at once ([`three_way`]), so
//! the groups agree across the languages by construction; two as a pair
//! ([`pair`]).
//!
//! A body in one language gives a unit per block. A body in several
//! languages (a translated text: the document's versions) is aligned by
//! paragraph first, three versions at once as sentences are, paragraphs
//! standing for sentences (lengths, numbers, names, headings such as
//! `5-бап` / `Статья 5` by their number); each paragraph group (1-1, 2-1,
//! 1-0 …) becomes a unit, its sentences aligned inside it.

pub mod anchors;
mod band;
pub mod correct;
pub mod file;
mod given;
pub mod pair;
pub mod priors;
pub mod three_way;

use crate::ingest::labels;
use anchors::{Anchors, Glossary};
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
    if !doc.given.is_empty() {
        return given::units(doc);
    }
    let glossary = glossary(doc);
    let mut units = Vec::new();
    for (section, blocks) in abstract_parts(doc) {
        let passages = blocks.map(|_, blocks| passage(blocks));
        let kind = Lang::ALL
            .iter()
            .find_map(|&l| blocks.get(l).first().map(|b| b.kind))
            .unwrap_or(BlockKind::Paragraph);
        let links = align_passages(&passages, &glossary);
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
    if is_translated(doc) {
        let groups = paragraph_groups(doc);
        units.extend(body_units(doc, &groups, &[], units.len()));
    } else {
        units.extend(block_units(doc, Division::Body, units.len()));
    }
    let first = units.len();
    units.extend(matter_units(doc, first));
    units
}

/// The front and back matter (title, authors …, the reference list), a
/// unit a block numbered from `first`, after the body: searchable, never aligned.
pub fn matter_units(doc: &Document, first: usize) -> Vec<Unit> {
    let mut units = block_units(doc, Division::Front, first);
    let first = first + units.len();
    units.extend(block_units(doc, Division::Back, first));
    units
}

/// A unit for each block of a division, numbered from `first`.
fn block_units(doc: &Document, division: Division, first: usize) -> Vec<Unit> {
    doc.blocks
        .iter()
        .filter(|b| b.division == division && b.other_language.is_none())
        .enumerate()
        .map(|(n, block)| {
            let (passages, links) = body_passages(block);
            unit(
                doc,
                first + n,
                block.kind,
                division,
                block.section,
                passages,
                links,
            )
        })
        .collect()
}

/// Whether the document's body is a translated text: versions in two or
/// three languages.
pub fn is_translated(doc: &Document) -> bool {
    let bodies = bodies(doc);
    Lang::ALL
        .iter()
        .filter(|&&l| !bodies.get(l).is_empty())
        .count()
        >= 2
}

/// The groups of a translated text's body paragraphs, as links whose numbers
/// are the paragraphs of each language's version (the first pass of
/// [`align`], on its own for measuring it).
pub fn paragraph_groups(doc: &Document) -> Vec<Link> {
    align_paragraphs(&bodies(doc), &glossary(doc))
}

/// The units of a translated text's body: one per paragraph group, numbered
/// from `first`, its sentences aligned inside it, or grouped as `sentences`
/// gives them where it does (for the n-th paragraph group, its sentence
/// groups, numbered within the group's passages), as a checked alignment
/// file does.
pub fn body_units(
    doc: &Document,
    groups: &[Link],
    sentences: &[Option<Vec<Link>>],
    first: usize,
) -> Vec<Unit> {
    let bodies = bodies(doc);
    let glossary = glossary(doc);
    let mut units = Vec::new();
    for (n, group) in groups.iter().enumerate() {
        let blocks = group
            .sentences
            .map(|lang, ids| ids.iter().map(|&i| bodies.get(lang)[i]).collect::<Vec<_>>());
        let passages = blocks.map(|_, blocks| passage(blocks));
        let links = match sentences.get(n).and_then(Option::as_ref) {
            Some(links) => links.clone(),
            // A sentence group is as sure as its paragraph group at most: a
            // paragraph the aligner left alone leaves its sentences alone.
            None => align_sentences(&passages, &glossary, &priors::TRANSLATION)
                .into_iter()
                .map(|mut link| {
                    link.confidence = link.confidence.min(group.confidence);
                    link
                })
                .collect(),
        };
        let all: Vec<&Block> = Lang::ALL
            .iter()
            .flat_map(|&l| blocks.get(l).iter().copied())
            .collect();
        let kind = match all.iter().all(|b| b.kind == all[0].kind) {
            true => all[0].kind,
            false => BlockKind::Paragraph,
        };
        let mut unit = unit(
            doc,
            first + n,
            kind,
            Division::Body,
            all[0].section,
            passages,
            links,
        );
        unit.paragraphs = Some(group.sentences.map(|_, ids| ids.len()));
        unit.confidence = group.confidence;
        units.push(unit);
    }
    units
}

/// How many paragraphs (blocks) and sentences each language's version of a
/// translated text has, paragraph by paragraph.
pub fn version_sentences(doc: &Document) -> PerLang<Vec<usize>> {
    bodies(doc).map(|_, blocks| blocks.iter().map(|b| b.sentences.len()).collect())
}

/// The body's blocks of each language's version, in order; a language
/// printed in two runs (kk, ru, kk) has both, one after the other.
fn bodies(doc: &Document) -> PerLang<Vec<&Block>> {
    let mut bodies: PerLang<Vec<&Block>> = PerLang::default();
    for version in &doc.versions {
        bodies.get_mut(version.lang).extend(
            doc.blocks[version.blocks.clone()]
                .iter()
                .filter(|b| b.division == Division::Body && b.other_language.is_none()),
        );
    }
    bodies
}

/// The groups of paragraphs (blocks) that translate each other, as links
/// whose numbers are paragraphs of each language's body.
fn align_paragraphs(bodies: &PerLang<Vec<&Block>>, glossary: &Glossary) -> Vec<Link> {
    let items = bodies.map(|lang, blocks| {
        blocks
            .iter()
            .map(|b| Item {
                chars: b.text.chars().count(),
                anchors: Anchors::of(&b.text, lang, glossary),
            })
            .collect::<Vec<_>>()
    });
    align_items(&items, &priors::PARAGRAPHS)
}

/// The glossary of a document's keyword lists.
fn glossary(doc: &Document) -> Glossary {
    let keywords = |lang: Lang| {
        doc.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Keywords && b.lang == lang)
            .map(Block::unlabelled)
    };
    Glossary::from_keywords(&PerLang::from_fn(keywords))
}

/// The abstracts' blocks by part, in the order the parts first appear. Where
/// the languages' abstracts do not have the same labelled parts, their prose
/// parts are taken together as one (keywords and acknowledgements stay apart).
fn abstract_parts(doc: &Document) -> Vec<(Section, PerLang<Vec<&Block>>)> {
    let blocks: Vec<&Block> = doc
        .blocks
        .iter()
        .filter(|b| b.division == Division::Abstract && b.other_language.is_none())
        .collect();
    let is_prose = |s: Section| !matches!(s, Section::Keywords | Section::Acknowledgement);
    let sections_of = |lang: Lang| -> Vec<Section> {
        blocks
            .iter()
            .filter(|b| b.lang == lang && is_prose(b.section))
            .map(|b| b.section)
            .collect()
    };
    let present: Vec<Vec<Section>> = Lang::ALL
        .map(sections_of)
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let labelled_alike = present.windows(2).all(|w| w[0] == w[1]);
    let mut parts: Vec<(Section, PerLang<Vec<&Block>>)> = Vec::new();
    for block in blocks {
        let section = if labelled_alike || !is_prose(block.section) {
            block.section
        } else {
            Section::Front
        };
        let at = match parts.iter().position(|(s, _)| *s == section) {
            Some(at) => at,
            None => {
                parts.push((section, PerLang::default()));
                parts.len() - 1
            }
        };
        parts[at].1.get_mut(block.lang).push(block);
    }
    parts
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
        paragraphs: None,
        confidence: 1.0,
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
            .map(|i| Link::alone(block.lang, i))
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
        links.push(Link::alone(sentence.lang, passage.sentences.len() - 1));
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

/// Aligns the sentences of up to three passages into groups: three versions
/// all at once ([`three_way`]), two as a pair ([`pair`]).
pub fn align_passages(passages: &PerLang<Option<Passage>>, glossary: &Glossary) -> Vec<Link> {
    align_sentences(passages, glossary, &priors::SENTENCES)
}

fn align_sentences(
    passages: &PerLang<Option<Passage>>,
    glossary: &Glossary,
    priors: &priors::Priors,
) -> Vec<Link> {
    let items = passages.map(|lang, p| {
        p.as_ref()
            .map(|p| items(p, lang, glossary))
            .unwrap_or_default()
    });
    align_items(&items, priors)
}

/// Aligns up to three sequences of items (sentences or paragraphs) into
/// groups: three at once ([`three_way`]), two as a pair ([`pair`]), one
/// item by item.
fn align_items(items: &PerLang<Vec<Item>>, priors: &priors::Priors) -> Vec<Link> {
    let present: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|&l| !items.get(l).is_empty())
        .collect();
    if present.len() == 3 {
        let ratio = |x: Lang, y: Lang| length_per_russian_char(y) / length_per_russian_char(x);
        return three_way::align(items, ratio, priors);
    }
    match present[..] {
        [] => Vec::new(),
        [only] => (0..items.get(only).len())
            .map(|i| Link::alone(only, i))
            .collect(),
        [a, b, ..] => {
            let ratio = length_per_russian_char(b) / length_per_russian_char(a);
            pair::align(items.get(a), items.get(b), ratio, priors)
                .into_iter()
                .map(|step| {
                    let mut sentences = PerLang::<Vec<usize>>::default();
                    *sentences.get_mut(a) = step.a;
                    *sentences.get_mut(b) = step.b;
                    Link {
                        sentences,
                        confidence: step.confidence as f32,
                        memory: None,
                    }
                })
                .collect()
        }
    }
}

fn items(passage: &Passage, lang: Lang, glossary: &Glossary) -> Vec<Item> {
    passage
        .sentences
        .iter()
        .map(|span| {
            // A part's label (`Materials.`) opens its first sentence as
            // printed, but is no part of what the sentence says.
            let text = &passage.text[span.clone()];
            let text = &text[labels::leading_labels_len(text)..];
            Item {
                chars: text.chars().count(),
                anchors: Anchors::of(text, lang, glossary),
            }
        })
        .collect()
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

    #[test]
    fn abstracts_labelled_differently_are_aligned_as_one_passage() {
        let source = " Abstract. Introduction. The Provisional Government set the date of the elections for November 12-14 and 28, 1917. \
                      Results. The Provisional Government itself was overthrown by the Bolsheviks on October 25, 1917.\n\n\
                      Key words: elections, Bolsheviks\n\n\
                      \u{20}Аннотация. Временное правительство назначило дату выборов на 12-14 и 28 ноября 1917. \
                      Само Временное правительство было свергнуто большевиками 25 октября 1917 года.\n\n\
                      Ключевые слова: выборы, большевики\n\n";
        let document = crate::ingest::ingest("x", Metadata::default(), source);
        let units = align(&document);
        assert_eq!(units[0].section, Section::Front);
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = units[0]
            .links
            .iter()
            .map(|l| (l.sentences.en.clone(), l.sentences.ru.clone()))
            .collect();
        assert_eq!(pairs, [(vec![0], vec![0]), (vec![1], vec![1])]);
        assert_eq!(units[1].section, Section::Keywords);
    }
}
