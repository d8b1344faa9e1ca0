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

use super::band::Band;
use super::pair::{self, Item};
use super::priors::Priors;
use crate::model::{Lang, Link, PerLang};

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
pub fn align(
    items: &PerLang<Vec<Item>>,
    ratio: impl Fn(Lang, Lang) -> f64,
    priors: &Priors,
) -> Vec<Link> {
    let langs = Lang::ALL;
    let sizes = langs.map(|l| items.get(l).len());
    let tube = Tube::for_items(items, &ratio, priors);
    let pairs = PairCosts::new(items, &ratio, &tube);
    let mut cost = vec![f64::INFINITY; tube.cells()];
    let mut back = vec![0u8; tube.cells()];
    cost[0] = 0.0;
    let moves = moves();
    for i in 0..=sizes[0] {
        for j in tube.second.columns(i) {
            for k in tube.third.columns(i) {
                let here = [i, j, k];
                let at = tube.index(here).expect("a cell of the tube");
                for (n, shape) in moves.iter().enumerate() {
                    if (0..3).any(|d| shape[d] > here[d]) {
                        continue;
                    }
                    let from = [i - shape[0], j - shape[1], k - shape[2]];
                    let Some(before) = tube.index(from).map(|f| cost[f]) else {
                        continue;
                    };
                    if before.is_infinite() {
                        continue;
                    }
                    let total = before + group_cost(&pairs, from, *shape, priors);
                    if total < cost[at] {
                        cost[at] = total;
                        back[at] = n as u8;
                    }
                }
            }
        }
    }
    let mut links = Vec::new();
    let mut here = sizes;
    while here != [0, 0, 0] {
        let Some(at) = tube.index(here) else { break };
        let shape = moves[back[at] as usize];
        let from = [here[0] - shape[0], here[1] - shape[1], here[2] - shape[2]];
        let mut sentences = PerLang::<Vec<usize>>::default();
        for (d, &lang) in langs.iter().enumerate() {
            *sentences.get_mut(lang) = (from[d]..here[d]).collect();
        }
        let confidence = confidence(items, &sentences, from, &ratio, priors) as f32;
        links.push(Link {
            sentences,
            confidence,
            memory: None,
        });
        here = from;
    }
    links.reverse();
    links
}

/// The cells of the three-dimensional table worked out: all of them for
/// short texts; for long ones, a tube around the alignments of the first
/// language with each other one, where the three-way path must run.
struct Tube {
    /// For each sentence of the first language, the sentences of the second
    /// worked out beside it.
    second: Band,
    /// And those of the third.
    third: Band,
    starts: Vec<usize>,
    cells: usize,
}

/// Cells of the tube either side of the pairs' paths.
const TUBE_MARGIN: usize = 6;

impl Tube {
    fn for_items(
        items: &PerLang<Vec<Item>>,
        ratio: &impl Fn(Lang, Lang) -> f64,
        priors: &Priors,
    ) -> Tube {
        let sizes = Lang::ALL.map(|l| items.get(l).len());
        let whole = (sizes[0] + 1) * (sizes[1] + 1) * (sizes[2] + 1);
        let band = |d: usize| -> Band {
            if whole <= pair::WHOLE_TABLE {
                return Band::full(sizes[0] + 1, sizes[d] + 1);
            }
            let (x, y) = (Lang::ALL[0], Lang::ALL[d]);
            let path = pair::best_path(items.get(x), items.get(y), ratio(x, y), priors);
            Band::around(&path, sizes[0] + 1, sizes[d] + 1, TUBE_MARGIN)
        };
        let (second, third) = (band(1), band(2));
        let mut starts = Vec::with_capacity(sizes[0] + 1);
        let mut cells = 0;
        for i in 0..=sizes[0] {
            starts.push(cells);
            cells += second.columns(i).len() * third.columns(i).len();
        }
        Tube {
            second,
            third,
            starts,
            cells,
        }
    }

    fn cells(&self) -> usize {
        self.cells
    }

    fn index(&self, [i, j, k]: [usize; 3]) -> Option<usize> {
        let (js, ks) = (self.second.columns(i), self.third.columns(i));
        if !js.contains(&j) || !ks.contains(&k) {
            return None;
        }
        Some(self.starts[i] + (j - js.start) * ks.len() + (k - ks.start))
    }

    /// The cells of each pair of languages' table the tube's groups read,
    /// with room for the two sentences a group may take back.
    fn pair_band(&self, pair: usize, sizes: [usize; 3]) -> Band {
        match PAIRS[pair] {
            (0, 1) => return self.second.clone(),
            (0, 2) => return self.third.clone(),
            _ => {}
        }
        // The second and third languages: for each sentence of the second,
        // the third's sentences beside it in some row of the tube.
        let mut runs: Vec<Option<std::ops::Range<usize>>> = vec![None; sizes[1] + 1];
        for i in 0..=sizes[0] {
            let ks = self.third.columns(i);
            for j in self.second.columns(i) {
                let run = &mut runs[j];
                *run = Some(match run.take() {
                    Some(r) => r.start.min(ks.start)..r.end.max(ks.end),
                    None => ks.clone(),
                });
            }
        }
        Band::new(runs.into_iter().map(|r| r.unwrap_or(0..0)).collect())
    }
}

/// A group's cost: its shape's prior plus the pair costs of every two
/// languages in it.
fn group_cost(pairs: &PairCosts, from: [usize; 3], shape: [usize; 3], priors: &Priors) -> f64 {
    let absent = shape.iter().filter(|&&n| n == 0).count();
    let doubles = shape.iter().filter(|&&n| n == 2).count();
    let mut cost = priors.absent[absent] + priors.double * doubles as f64;
    for (pair, (x, y)) in PAIRS.iter().enumerate() {
        if shape[*x] > 0 && shape[*y] > 0 {
            cost += pairs.get(pair, from[*x], shape[*x], from[*y], shape[*y]);
        }
    }
    cost
}

/// The three pairs of languages, as dimensions of the table.
const PAIRS: [(usize, usize); 3] = [(0, 1), (0, 2), (1, 2)];

/// The link costs between one or two sentences of one language and one or
/// two of another that the tube's groups read, computed once each: the
/// table the search reads from, cell by cell.
struct PairCosts {
    bands: [Band; 3],
    /// For each cell of a pair's band, the costs of 1-1, 1-2, 2-1 and 2-2.
    costs: [Vec<[f64; 4]>; 3],
}

impl PairCosts {
    fn new(items: &PerLang<Vec<Item>>, ratio: &impl Fn(Lang, Lang) -> f64, tube: &Tube) -> Self {
        let langs = Lang::ALL;
        let sizes = langs.map(|l| items.get(l).len());
        let bands = [0, 1, 2].map(|pair| tube.pair_band(pair, sizes));
        let costs = [0, 1, 2].map(|pair| {
            let (x, y) = PAIRS[pair];
            let (a, b) = (items.get(langs[x]), items.get(langs[y]));
            let ratio = ratio(langs[x], langs[y]);
            let (runs_a, runs_b) = (pair::runs(a), pair::runs(b));
            let band = &bands[pair];
            let mut table = vec![[f64::INFINITY; 4]; band.cells()];
            // A group starts at a cell of the tube, whose two languages'
            // sentences are a cell of the pair's band.
            for i in 0..sizes[x] {
                for j in band.columns(i).filter(|&j| j < sizes[y]) {
                    let at = band.index(i, j).expect("a cell of its own row");
                    for la in 1..=2.min(sizes[x] - i) {
                        for lb in 1..=2.min(sizes[y] - j) {
                            table[at][(la - 1) * 2 + lb - 1] = pair::span_cost(
                                &runs_a[pair::run(i, la)],
                                &runs_b[pair::run(j, lb)],
                                ratio,
                            );
                        }
                    }
                }
            }
            table
        });
        PairCosts { bands, costs }
    }

    fn get(&self, pair: usize, i: usize, la: usize, j: usize, lb: usize) -> f64 {
        match self.bands[pair].index(i, j) {
            Some(at) => self.costs[pair][at][(la - 1) * 2 + lb - 1],
            None => f64::INFINITY,
        }
    }
}

/// A group is as sure as its least sure pair: each two languages in it as a
/// link, each language it lacks as an omission of the others' sentences,
/// judged against the sentences near where the group starts (`from`).
fn confidence(
    items: &PerLang<Vec<Item>>,
    group: &PerLang<Vec<usize>>,
    from: [usize; 3],
    ratio: &impl Fn(Lang, Lang) -> f64,
    priors: &Priors,
) -> f64 {
    let take = |lang: Lang| -> Vec<Item> {
        group
            .get(lang)
            .iter()
            .map(|&i| items.get(lang)[i].clone())
            .collect()
    };
    let near = |d: usize| pair::near(items.get(Lang::ALL[d]), from[d]);
    let mut sure: f64 = 1.0;
    for (x, y) in PAIRS {
        let (lx, ly) = (Lang::ALL[x], Lang::ALL[y]);
        let (a, b) = (take(lx), take(ly));
        if (a.is_empty() && b.is_empty()) || (items.get(lx).is_empty() || items.get(ly).is_empty())
        {
            continue;
        }
        sure = sure.min(pair::confidence(
            &a,
            &b,
            near(x),
            near(y),
            ratio(lx, ly),
            priors,
        ));
    }
    sure
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::anchors::Anchors;
    use crate::align::priors::PARAGRAPHS;

    fn items(lengths: impl Iterator<Item = usize>) -> Vec<Item> {
        lengths
            .map(|chars| Item {
                chars,
                anchors: Anchors::default(),
            })
            .collect()
    }

    #[test]
    fn a_summary_against_two_full_texts_aligns_in_a_tube_without_blowing_up() {
        // 1,200 paragraphs in Kazakh and English, ten in Russian: the
        // whole table would have 15 million cells.
        let long: Vec<usize> = (0..1200).map(|i| 200 + (i * 7919) % 600).collect();
        let all = PerLang {
            kk: items(long.iter().copied()),
            ru: items(long.iter().copied().step_by(120)),
            en: items(long.iter().map(|n| n * 9 / 10)),
        };
        let ratio = |x: Lang, y: Lang| match (x, y) {
            (_, Lang::En) if x != Lang::En => 0.9,
            (Lang::En, _) if y != Lang::En => 1.0 / 0.9,
            _ => 1.0,
        };
        let tube = Tube::for_items(&all, &ratio, &PARAGRAPHS);
        assert!(tube.cells() < 1_000_000, "{} cells", tube.cells());
        let links = align(&all, ratio, &PARAGRAPHS);
        // Every paragraph once, in order, in each language.
        for lang in Lang::ALL {
            let ids: Vec<usize> = links
                .iter()
                .flat_map(|l| l.sentences.get(lang).clone())
                .collect();
            assert_eq!(ids, (0..all.get(lang).len()).collect::<Vec<_>>(), "{lang}");
        }
        // Kazakh and English, of the same lengths, are linked one to one.
        let kk_en = links
            .iter()
            .filter(|l| l.sentences.kk.len() == 1 && l.sentences.en.len() == 1)
            .count();
        assert!(kk_en >= 1150, "{kk_en}");
    }
}
