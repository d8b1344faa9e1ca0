//! How likely each shape of group is, at each level of text: the costs
//! (−ln p) the aligners start a group's cost from.
//!
//! Sentences: journal abstracts drop and add whole sentences (in the bundled
//! article, one group in ten between Kazakh and Russian, one in three between
//! either and English), far more often than Gale and Church's parliamentary
//! data. Paragraphs: a translation keeps its original's paragraphs nearly
//! always, sometimes cuts one in two or joins two, and seldom drops one (a
//! translator's note, an editor's line); and so, a little less strictly,
//! its sentences.

/// The priors of one level of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Priors {
    /// Two versions: the moves allowed (items of A, items of B) and their cost.
    pub moves: [(usize, usize, f64); 6],
    /// Three versions: the cost of a group by how many of the three
    /// languages have no item in it (none, one, two).
    pub absent: [f64; 3],
    /// Three versions: added for each language with two items in the group.
    pub double: f64,
    /// The cost (prior and link) at which a link is as likely right as
    /// wrong: its confidence is the logistic of how far below this it costs.
    pub even_odds: f64,
}

pub const SENTENCES: Priors = Priors {
    moves: [
        (1, 1, 0.36), // p = 0.70
        (1, 0, 2.3),  // p = 0.10
        (0, 1, 2.3),  // p = 0.10
        (2, 1, 3.2),  // p = 0.04
        (1, 2, 3.2),  // p = 0.04
        (2, 2, 4.6),  // p = 0.01
    ],
    absent: [0.5, 2.0, 3.0],
    double: 3.0,
    even_odds: 1.0,
};

/// Sentences of a translated text (a law, a news story, a book): it keeps
/// its original's sentences, cutting one in two more often than it drops
/// one (in FLORES's development set, one line in sixteen is cut or joined
/// in some language, none is dropped).
pub const TRANSLATION: Priors = Priors {
    moves: [
        (1, 1, 0.2), // p = 0.82
        (1, 0, 3.9), // p = 0.02
        (0, 1, 3.9), // p = 0.02
        (2, 1, 2.6), // p = 0.07
        (1, 2, 2.6), // p = 0.07
        (2, 2, 4.6), // p = 0.01
    ],
    absent: [0.2, 4.0, 5.0],
    double: 2.0,
    even_odds: EVEN_ODDS_T,
};

pub const PARAGRAPHS: Priors = Priors {
    moves: [
        (1, 1, 0.1), // p = 0.90
        (1, 0, 4.6), // p = 0.01
        (0, 1, 4.6), // p = 0.01
        (2, 1, 3.0), // p = 0.05
        (1, 2, 3.0), // p = 0.05
        (2, 2, 4.6), // p = 0.01
    ],
    absent: [0.1, 5.0, 7.0],
    double: 3.0,
    even_odds: EVEN_ODDS_P,
};

impl Priors {
    /// The cost of a pair move of `a` and `b` items, if it is allowed.
    pub fn of_move(&self, a: usize, b: usize) -> Option<f64> {
        self.moves
            .iter()
            .find(|m| m.0 == a && m.1 == b)
            .map(|m| m.2)
    }
}

/// Where a translation's sentence link is at even odds. Set on FLORES's
/// development set, one file per language: at 3.0, 11% of the sentence
/// groups that match the gold fall below 0.7 (63% at the abstracts' 1.0),
/// and 17% of those that do not.
const EVEN_ODDS_T: f64 = 3.0;

/// Where a paragraph link is at even odds. Set on the alignment benchmark at
/// 10,000 sentences (`cargo bench --bench align`): at 6.0, 24 of the 704
/// right paragraph groups fall below 0.7, and 11 of the 20 wrong ones (at
/// 1.0, nine right groups in ten fell below it).
const EVEN_ODDS_P: f64 = 6.0;
