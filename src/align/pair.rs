//! Sentence alignment of two versions of a passage by dynamic programming:
//! Gale and Church's length model (a sentence and its translation have
//! proportional lengths in characters), with anchors shared by the two sides
//! lowering the cost of a link.

use super::anchors::Anchors;

/// A sentence as the aligner sees it.
#[derive(Debug, Clone)]
pub struct Item {
    pub chars: usize,
    pub anchors: Anchors,
}

/// One step of an alignment: sentences of side A and of side B, either may be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
}

/// The moves allowed, with the cost of their prior probability (−ln p).
/// Omissions are likelier than in Gale and Church's parliamentary data: journal
/// abstracts drop and add whole sentences.
const MOVES: &[(usize, usize, f64)] = &[
    (1, 1, 0.16), // p = 0.85
    (1, 0, 3.5),  // p = 0.03
    (0, 1, 3.5),  // p = 0.03
    (2, 1, 3.2),  // p = 0.04
    (1, 2, 3.2),  // p = 0.04
    (2, 2, 4.6),  // p = 0.01
];

/// How much shared anchors lower a link's cost: at full overlap, more than an
/// omission costs, so a link with clear anchors beats dropping both sentences.
const ANCHOR_WEIGHT: f64 = 6.0;

/// Gale and Church's variance of the length difference per character.
const VARIANCE: f64 = 6.8;

/// Aligns `a` with `b`; `ratio` is the expected length of B per character of A.
pub fn align(a: &[Item], b: &[Item], ratio: f64) -> Vec<Step> {
    let (n, m) = (a.len(), b.len());
    let mut cost = vec![vec![f64::INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    cost[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            for &(di, dj, prior) in MOVES {
                if di > i || dj > j || cost[i - di][j - dj].is_infinite() {
                    continue;
                }
                let step = prior + link_cost(&a[i - di..i], &b[j - dj..j], ratio);
                if cost[i - di][j - dj] + step < cost[i][j] {
                    cost[i][j] = cost[i - di][j - dj] + step;
                    back[i][j] = (di, dj);
                }
            }
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = back[i][j];
        steps.push(Step {
            a: (i - di..i).collect(),
            b: (j - dj..j).collect(),
        });
        i -= di;
        j -= dj;
    }
    steps.reverse();
    steps
}

/// The cost of linking sentences `a` with `b` beyond the move's prior:
/// length mismatch, less the anchors they share. Nothing for an omission.
fn link_cost(a: &[Item], b: &[Item], ratio: f64) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let la: usize = a.iter().map(|s| s.chars).sum();
    let lb: usize = b.iter().map(|s| s.chars).sum();
    let similarity = Anchors::union(a.iter().map(|s| &s.anchors))
        .similarity(&Anchors::union(b.iter().map(|s| &s.anchors)));
    length_cost(la as f64, lb as f64, ratio) - ANCHOR_WEIGHT * similarity
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

    fn items(texts: &[&str]) -> Vec<Item> {
        texts
            .iter()
            .map(|t| Item {
                chars: t.chars().count(),
                anchors: Anchors::of(t),
            })
            .collect()
    }

    #[test]
    fn equal_lengths_align_one_to_one() {
        let a = items(&["a".repeat(80).as_str(), "b".repeat(40).as_str()]);
        let b = items(&["c".repeat(85).as_str(), "d".repeat(38).as_str()]);
        let steps = align(&a, &b, 1.0);
        assert_eq!(
            steps,
            [
                Step {
                    a: vec![0],
                    b: vec![0]
                },
                Step {
                    a: vec![1],
                    b: vec![1]
                }
            ]
        );
    }

    #[test]
    fn sentence_without_counterpart_is_left_alone() {
        let kk = items(&[
            "Мақала барысында жалпы ғылыми және арнайы тарихи әдістер қолданылды.",
            "Зерттеудің қайнар көзі отандық және шетелдік мұрағаттардан табылған материалдар болды.",
            "Сондай-ақ, осы мақаланың қайнар көзі ретінде ХХ ғасырдың басындағы мерзімді баспа басылымдары пайдаланылды.",
        ]);
        let ru = items(&[
            "Источниковой базой исследования послужили материалы, обнаруженные в отечественных и зарубежных архивах.",
            "Также вкачестве источника для настоящей статьи были использованы публикации периодической печати начала ХХ века.",
        ]);
        let steps = align(&kk, &ru, 1.1);
        assert_eq!(
            steps[0],
            Step {
                a: vec![0],
                b: vec![]
            }
        );
        assert_eq!(
            steps[1],
            Step {
                a: vec![1],
                b: vec![0]
            }
        );
        assert_eq!(
            steps[2],
            Step {
                a: vec![2],
                b: vec![1]
            }
        );
    }

    #[test]
    fn normal_cdf_is_a_distribution() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-6);
        assert!((normal_cdf(1.96) - 0.975).abs() < 1e-3);
        assert!(normal_cdf(-3.0) < 0.01);
    }
}
