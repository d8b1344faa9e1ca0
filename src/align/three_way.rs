//! Sentence alignment of three versions at once, by dynamic programming over
//! all three sentence sequences together.
//!
//! Aligning the languages pair by pair goes wrong where each translation drops
//! a different sentence: two sentences that are not each other's translation
//! get linked because neither has its true counterpart in the other. Judged
//! together, the third version settles it (the Kazakh and English sentences on
//! the overthrow share their dates; the Russian one beside them shares none).
//! A group's cost is its shape's prior plus the pair costs of every two
//! languages in it (lengths, shared anchors, numbers one lacks).

use super::pair::{self, Item};
use crate::model::{Lang, Link, PerLang};

/// Prior cost (−ln p) of a group's shape, by how many of the three languages
/// have no sentence in it. One version dropping a sentence is common in
/// journal abstracts; a sentence in one version only, less so.
const ABSENT: [f64; 3] = [0.5, 2.0, 3.0];

/// Added for each language with two sentences in the group (1-1-2, 2-1-0 …).
const DOUBLE: f64 = 3.0;

/// The sizes a group may take in each language: none, one or two sentences
/// (1-1-1, 1-1-0, 2-1-1, 2-2-1 …), never none in all three.
fn moves() -> Vec<[usize; 3]> {
    let mut moves = Vec::new();
    for a in 0..=2 {
        for b in 0..=2 {
            for c in 0..=2 {
                if [a, b, c] != [0, 0, 0] {
                    moves.push([a, b, c]);
                }
            }
        }
    }
    moves
}

/// Aligns the sentences of three languages; `ratio(x, y)` is the expected
/// length of y per character of x.
pub fn align(items: &PerLang<Vec<Item>>, ratio: impl Fn(Lang, Lang) -> f64) -> Vec<Link> {
    let langs = Lang::ALL;
    let sizes = langs.map(|l| items.get(l).len());
    let index = |p: [usize; 3]| (p[0] * (sizes[1] + 1) + p[1]) * (sizes[2] + 1) + p[2];
    let cells = (sizes[0] + 1) * (sizes[1] + 1) * (sizes[2] + 1);
    let mut cost = vec![f64::INFINITY; cells];
    let mut back = vec![[0usize; 3]; cells];
    cost[0] = 0.0;
    let moves = moves();
    let pairs = PairCosts::new(items, &ratio);
    for i in 0..=sizes[0] {
        for j in 0..=sizes[1] {
            for k in 0..=sizes[2] {
                let here = [i, j, k];
                for shape in &moves {
                    if (0..3).any(|d| shape[d] > here[d]) {
                        continue;
                    }
                    let from = [i - shape[0], j - shape[1], k - shape[2]];
                    let before = cost[index(from)];
                    if before.is_infinite() {
                        continue;
                    }
                    let total = before + group_cost(&pairs, from, *shape);
                    if total < cost[index(here)] {
                        cost[index(here)] = total;
                        back[index(here)] = *shape;
                    }
                }
            }
        }
    }
    let mut links = Vec::new();
    let mut here = sizes;
    while here != [0, 0, 0] {
        let shape = back[index(here)];
        let from = [here[0] - shape[0], here[1] - shape[1], here[2] - shape[2]];
        let mut sentences = PerLang::<Vec<usize>>::default();
        for (d, &lang) in langs.iter().enumerate() {
            *sentences.get_mut(lang) = (from[d]..here[d]).collect();
        }
        let confidence = confidence(items, &sentences, &ratio) as f32;
        links.push(Link {
            sentences,
            confidence,
        });
        here = from;
    }
    links.reverse();
    links
}

fn group_cost(pairs: &PairCosts, from: [usize; 3], shape: [usize; 3]) -> f64 {
    let absent = shape.iter().filter(|&&n| n == 0).count();
    let doubles = shape.iter().filter(|&&n| n == 2).count();
    let mut cost = ABSENT[absent] + DOUBLE * doubles as f64;
    for (pair, (x, y)) in PAIRS.iter().enumerate() {
        if shape[*x] > 0 && shape[*y] > 0 {
            cost += pairs.get(pair, from[*x], shape[*x], from[*y], shape[*y]);
        }
    }
    cost
}

/// The three pairs of languages, as dimensions of the table.
const PAIRS: [(usize, usize); 3] = [(0, 1), (0, 2), (1, 2)];

/// Every link cost between one or two sentences of one language and one or two
/// of another, computed once: the table the search reads from, cell by cell.
struct PairCosts {
    sizes: [usize; 3],
    costs: [Vec<f64>; 3],
}

impl PairCosts {
    fn new(items: &PerLang<Vec<Item>>, ratio: &impl Fn(Lang, Lang) -> f64) -> Self {
        let langs = Lang::ALL;
        let sizes = langs.map(|l| items.get(l).len());
        let costs = PAIRS.map(|(x, y)| {
            let (a, b) = (items.get(langs[x]), items.get(langs[y]));
            let ratio = ratio(langs[x], langs[y]);
            let (runs_a, runs_b) = (runs(a), runs(b));
            let mut table = vec![f64::INFINITY; sizes[x] * 2 * sizes[y] * 2];
            for i in 0..sizes[x] {
                for la in 1..=2.min(sizes[x] - i) {
                    for j in 0..sizes[y] {
                        for lb in 1..=2.min(sizes[y] - j) {
                            let at = ((i * 2 + la - 1) * sizes[y] + j) * 2 + lb - 1;
                            table[at] = pair::span_cost(
                                &runs_a[i * 2 + la - 1],
                                &runs_b[j * 2 + lb - 1],
                                ratio,
                            );
                        }
                    }
                }
            }
            table
        });
        PairCosts { sizes, costs }
    }

    fn get(&self, pair: usize, i: usize, la: usize, j: usize, lb: usize) -> f64 {
        let y = PAIRS[pair].1;
        self.costs[pair][((i * 2 + la - 1) * self.sizes[y] + j) * 2 + lb - 1]
    }
}

/// Each sentence alone and joined with the next (at `2i` and `2i + 1`), made
/// once rather than once per sentence of the other language it is costed against.
fn runs(items: &[Item]) -> Vec<Item> {
    (0..items.len())
        .flat_map(|i| [1, 2].map(|n| Item::joined(&items[i..(i + n).min(items.len())])))
        .collect()
}

/// A group is as sure as its least sure pair: each two languages in it as a
/// link, each language it lacks as an omission of the others' sentences.
fn confidence(
    items: &PerLang<Vec<Item>>,
    group: &PerLang<Vec<usize>>,
    ratio: &impl Fn(Lang, Lang) -> f64,
) -> f64 {
    let take = |lang: Lang| -> Vec<Item> {
        group
            .get(lang)
            .iter()
            .map(|&i| items.get(lang)[i].clone())
            .collect()
    };
    let mut sure: f64 = 1.0;
    for x in Lang::ALL {
        for y in Lang::ALL.into_iter().filter(|&y| y > x) {
            let (a, b) = (take(x), take(y));
            if (a.is_empty() && b.is_empty())
                || (items.get(x).is_empty() || items.get(y).is_empty())
            {
                continue;
            }
            sure = sure.min(pair::confidence(
                &a,
                &b,
                items.get(x),
                items.get(y),
                ratio(x, y),
            ));
        }
    }
    sure
}
