//! Sentence alignment of two versions of a passage by dynamic programming:
//! Gale and Church's length model (a sentence and its translation have
//! proportional lengths in characters), with anchors shared by the two sides
//! lowering the cost of a link.

use super::anchors::Anchors;
use super::band::Band;
use super::priors::Priors;

/// A sentence as the aligner sees it.
#[derive(Debug, Clone)]
pub struct Item {
    pub chars: usize,
    pub anchors: Anchors,
}

/// One step of an alignment: sentences of side A and of side B, either may be
/// empty, and how sure the aligner is of it, from 0 to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
    pub confidence: f64,
}

/// How much shared anchors lower a link's cost: at full overlap, more than an
/// omission costs, so a link with clear anchors beats dropping both sentences.
const ANCHOR_WEIGHT: f64 = 6.0;

/// The cost of each number one side of a link has and the other lacks.
const NUMBER_MISMATCH: f64 = 1.5;

/// Gale and Church's variance of the length difference per character.
const VARIANCE: f64 = 6.8;

/// Tables up to this many cells are worked out whole; larger ones in a
/// band around a coarse alignment ([`Band`]).
pub(crate) const WHOLE_TABLE: usize = 1 << 20;

/// A cell costs as much as the anchors it compares: a table is worked out
/// whole up to this many anchors compared (a table of [`WHOLE_TABLE`] cells
/// of sentences with some twenty anchors each), not of paragraphs of two
/// hundred.
const WHOLE_WORK: usize = WHOLE_TABLE * 40;

/// Anchors of each kind a coarse run keeps: its smallest keys, which, keys
/// being hashes, are a fair sample that two runs holding the same words
/// sample alike.
const COARSE_SKETCH: usize = 48;

/// Sentences of the other side an omission's confidence compares it with,
/// on either side of where it stands: enough to find a translation the
/// aligner put a little off, few enough that a book costs no more per
/// sentence than an abstract.
const NEIGHBOURS: usize = 8;

/// Aligns `a` with `b`; `ratio` is the expected length of B per character of A.
pub fn align(a: &[Item], b: &[Item], ratio: f64, priors: &Priors) -> Vec<Step> {
    let path = best_path(a, b, ratio, priors);
    path.windows(2)
        .map(|w| {
            let ((i0, j0), (i, j)) = (w[0], w[1]);
            Step {
                a: (i0..i).collect(),
                b: (j0..j).collect(),
                confidence: confidence(
                    &a[i0..i],
                    &b[j0..j],
                    near(a, i0),
                    near(b, j0),
                    ratio,
                    priors,
                ),
            }
        })
        .collect()
}

/// The items within [`NEIGHBOURS`] of position `at`: what an omission there
/// is compared with.
pub(crate) fn near(items: &[Item], at: usize) -> &[Item] {
    &items[at.saturating_sub(NEIGHBOURS)..(at + NEIGHBOURS).min(items.len())]
}

/// The cells the best alignment passes, from (0, 0) to (`a.len()`, `b.len()`).
pub(crate) fn best_path(
    a: &[Item],
    b: &[Item],
    ratio: f64,
    priors: &Priors,
) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let anchors = |items: &[Item]| items.iter().map(|i| i.anchors.len()).sum::<usize>();
    let per_cell = (anchors(a) / n.max(1) + anchors(b) / m.max(1)).max(1);
    let band = if (n + 1) * (m + 1) <= WHOLE_TABLE && (n + 1) * (m + 1) * per_cell <= WHOLE_WORK {
        Band::full(n + 1, m + 1)
    } else {
        coarse_band(a, b, ratio, priors)
    };
    path_in(&band, a, b, ratio, priors)
}

/// The best path through the cells of `band`.
fn path_in(
    band: &Band,
    a: &[Item],
    b: &[Item],
    ratio: f64,
    priors: &Priors,
) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let (runs_a, runs_b) = (runs(a), runs(b));
    let mut cost = vec![f64::INFINITY; band.cells()];
    let mut back = vec![0u8; band.cells()];
    cost[0] = 0.0;
    for i in 0..=n {
        for j in band.columns(i) {
            let here = band.index(i, j).expect("a cell of its own row");
            for (k, &(di, dj, prior)) in priors.moves.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let Some(from) = band.index(i - di, j - dj) else {
                    continue;
                };
                if cost[from].is_infinite() {
                    continue;
                }
                let link = match (di, dj) {
                    (0, _) | (_, 0) => 0.0,
                    _ => span_cost(&runs_a[run(i - di, di)], &runs_b[run(j - dj, dj)], ratio),
                };
                let total = cost[from] + prior + link;
                if total < cost[here] {
                    cost[here] = total;
                    back[here] = k as u8;
                }
            }
        }
    }
    let mut path = vec![(n, m)];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(here) = band.index(i, j) else { break };
        let (di, dj, _) = priors.moves[back[here] as usize];
        i -= di;
        j -= dj;
        path.push((i, j));
    }
    path.reverse();
    path
}

/// The band of a table too large to work out whole: the texts aligned with
/// runs of `f` sentences taken as one (each with a sample of its anchors),
/// and the cells near that path kept.
fn coarse_band(a: &[Item], b: &[Item], ratio: f64, priors: &Priors) -> Band {
    let (n, m) = (a.len(), b.len());
    let f = (((n + 1) * (m + 1)) as f64 / WHOLE_TABLE as f64)
        .sqrt()
        .ceil() as usize
        + 1;
    let coarse = |items: &[Item]| -> Vec<Item> {
        items
            .chunks(f)
            .map(|run| {
                let joined = Item::joined(run);
                Item {
                    chars: joined.chars,
                    anchors: joined.anchors.sketch(COARSE_SKETCH),
                }
            })
            .collect()
    };
    let path = best_path(&coarse(a), &coarse(b), ratio, priors);
    // Each coarse step covers a block of fine cells; the band holds those
    // blocks, and a margin of one run around them.
    let mut cells = Vec::new();
    for w in path.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        for i in (i0 * f)..=(i1 * f).min(n) {
            cells.push((i, (j0 * f).min(m)));
            cells.push((i, (j1 * f).min(m)));
        }
    }
    Band::around(&cells, n + 1, m + 1, 2 * f)
}

/// How sure a step is. A link is as sure as its cost is low (lengths that fit,
/// anchors shared). A sentence left without counterpart is as sure as it
/// shares little with any sentence of the other side: one that shares names or
/// numbers with some sentence there may well be its translation after all.
/// Sentences left out together (a three-way group two languages have and the
/// third lacks) are as sure as the least sure of them.
pub(crate) fn confidence(
    a: &[Item],
    b: &[Item],
    all_a: &[Item],
    all_b: &[Item],
    ratio: f64,
    priors: &Priors,
) -> f64 {
    let logistic = |x: f64| 1.0 / (1.0 + (-x).exp());
    match (a, b) {
        ([], alone) | (alone, []) => {
            let others = if a.is_empty() { all_a } else { all_b };
            alone
                .iter()
                .map(|one| {
                    let closest = others
                        .iter()
                        .map(|o| o.anchors.similarity(&one.anchors))
                        .fold(0.0, f64::max);
                    (1.0 - 2.0 * closest).clamp(0.05, 0.95)
                })
                .fold(0.95, f64::min)
        }
        _ => {
            let prior = priors.of_move(a.len(), b.len()).unwrap_or(5.0);
            logistic(priors.even_odds - prior - link_cost(a, b, ratio))
        }
    }
}

/// The cost of linking sentences `a` with `b` beyond the move's prior:
/// length mismatch, less the anchors they share. Nothing for an omission.
pub(crate) fn link_cost(a: &[Item], b: &[Item], ratio: f64) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    span_cost(&Item::joined(a), &Item::joined(b), ratio)
}

/// [`link_cost`] of two runs of sentences, each already taken as one item.
/// Numbers one side lacks count in full while the two have few numbers; in
/// a paragraph of many, by their share, since translations also write some
/// numbers otherwise (`three` for `3`, `02:30` for `0230`), and a long
/// paragraph would otherwise cost more to link than to drop.
pub(crate) fn span_cost(a: &Item, b: &Item, ratio: f64) -> f64 {
    let (unmatched, numbers) = a.anchors.unmatched_numbers(&b.anchors);
    let share = (FEW_NUMBERS / numbers.max(1) as f64).min(1.0);
    length_cost(a.chars as f64, b.chars as f64, ratio)
        - ANCHOR_WEIGHT * a.anchors.similarity(&b.anchors)
        + NUMBER_MISMATCH * unmatched as f64 * share
}

/// Numbers in two passages up to which each one a side lacks counts in full.
const FEW_NUMBERS: f64 = 6.0;

/// Each item alone and joined with the next (at `2i` and `2i + 1`, see
/// [`run`]), made once rather than once per item of the other side it is
/// costed against.
pub(crate) fn runs(items: &[Item]) -> Vec<Item> {
    (0..items.len())
        .flat_map(|i| [1, 2].map(|n| Item::joined(&items[i..(i + n).min(items.len())])))
        .collect()
}

/// Where in [`runs`] the run of `len` (1 or 2) items from `start` is.
pub(crate) fn run(start: usize, len: usize) -> usize {
    start * 2 + len - 1
}

impl Item {
    /// Consecutive sentences taken as one: their lengths and anchors together.
    pub(crate) fn joined(items: &[Item]) -> Item {
        match items {
            [one] => one.clone(),
            many => Item {
                chars: many.iter().map(|s| s.chars).sum(),
                anchors: Anchors::union(many.iter().map(|s| &s.anchors)),
            },
        }
    }
}

/// −ln of the probability that sentences of these lengths translate each other.
fn length_cost(la: f64, lb: f64, ratio: f64) -> f64 {
    let mean = (la + lb / ratio) / 2.0;
    if mean == 0.0 {
        return 0.0;
    }
    let delta = (lb - la * ratio) / (mean * VARIANCE).sqrt();
    let p = 2.0 * (1.0 - normal_cdf(delta.abs()));
    -(p.max(1e-12)).ln()
}

/// The standard normal distribution function (Abramowitz and Stegun 26.2.17).
fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * x.abs());
    let poly = t
        * (0.319_381_53
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt() * poly;
    if x >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::anchors::Glossary;
    use crate::align::priors::SENTENCES;
    use crate::model::Lang;

    fn items(texts: &[&str], lang: Lang) -> Vec<Item> {
        texts
            .iter()
            .map(|t| Item {
                chars: t.chars().count(),
                anchors: Anchors::of(t, lang, &Glossary::default()),
            })
            .collect()
    }

    fn pairs(steps: &[Step]) -> Vec<(Vec<usize>, Vec<usize>)> {
        steps.iter().map(|s| (s.a.clone(), s.b.clone())).collect()
    }

    #[test]
    fn sentences_left_out_together_are_as_sure_as_the_least_sure_of_them() {
        let kazakh = items(
            &[
                "Бұл сөйлемде атау да, сан да жоқ.",
                "Алаш партиясы 1917 жылы құрылды.",
            ],
            Lang::Kk,
        );
        let english = items(&["The Alash party was founded in 1917."], Lang::En);
        let one_by_one: Vec<f64> = kazakh
            .iter()
            .map(|k| {
                confidence(
                    std::slice::from_ref(k),
                    &[],
                    &kazakh,
                    &english,
                    1.0,
                    &SENTENCES,
                )
            })
            .collect();
        // The sentence with no name or number is surely dropped; the one
        // sharing `Alash` and `1917` with the English may be its translation.
        assert!(one_by_one[0] > one_by_one[1], "{one_by_one:?}");
        let together = confidence(&kazakh, &[], &kazakh, &english, 1.0, &SENTENCES);
        assert_eq!(together, one_by_one[0].min(one_by_one[1]));
    }

    #[test]
    fn equal_lengths_align_one_to_one() {
        let a = items(
            &["a".repeat(80).as_str(), "b".repeat(40).as_str()],
            Lang::En,
        );
        let b = items(
            &["c".repeat(85).as_str(), "d".repeat(38).as_str()],
            Lang::En,
        );
        let steps = align(&a, &b, 1.0, &SENTENCES);
        assert_eq!(pairs(&steps), [(vec![0], vec![0]), (vec![1], vec![1])]);
    }

    #[test]
    fn sentence_without_counterpart_is_left_alone() {
        let kk = items(&[
            "Мақала барысында жалпы ғылыми және арнайы тарихи әдістер қолданылды.",
            "Зерттеудің қайнар көзі отандық және шетелдік мұрағаттардан табылған материалдар болды.",
            "Сондай-ақ, осы мақаланың қайнар көзі ретінде ХХ ғасырдың басындағы мерзімді баспа басылымдары пайдаланылды.",
        ], Lang::Kk);
        let ru = items(&[
            "Источниковой базой исследования послужили материалы, обнаруженные в отечественных и зарубежных архивах.",
            "Также вкачестве источника для настоящей статьи были использованы публикации периодической печати начала ХХ века.",
        ], Lang::Ru);
        let steps = align(&kk, &ru, 1.1, &SENTENCES);
        assert_eq!(
            pairs(&steps),
            [(vec![0], vec![]), (vec![1], vec![0]), (vec![2], vec![1])]
        );
        // The links share anchors (`материал…`, `ХХ`) and are surer than the omission.
        assert!(
            steps[1].confidence > 0.5 && steps[2].confidence > 0.5,
            "{steps:?}"
        );
    }

    #[test]
    fn a_long_text_aligns_in_a_band_as_it_does_whole() {
        // Sentences of lengths as varied as prose's (no period, which would
        // make shifted alignments as good), one dropped from B every 50.
        let mut seed: u64 = 1;
        let lengths: Vec<usize> = (0..1500)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                20 + (seed >> 33) as usize % 150
            })
            .collect();
        let a: Vec<Item> = lengths
            .iter()
            .map(|&n| items(&["x".repeat(n).as_str()], Lang::En).remove(0))
            .collect();
        let b: Vec<Item> = a
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 50 != 25)
            .map(|(_, item)| item.clone())
            .collect();
        assert!((a.len() + 1) * (b.len() + 1) > WHOLE_TABLE);
        let banded = best_path(&a, &b, 1.0, &SENTENCES);
        let whole = path_in(
            &Band::full(a.len() + 1, b.len() + 1),
            &a,
            &b,
            1.0,
            &SENTENCES,
        );
        assert_eq!(banded, whole);
    }

    #[test]
    fn normal_cdf_is_a_distribution() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-6);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-3);
        assert!(normal_cdf(-3.0) < 0.01);
    }
}
