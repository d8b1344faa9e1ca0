//! Words as printed: Unicode word boundaries (UAX #29), with one repair.
//! PDF extraction drops the space after a full stop, and UAX #29 keeps
//! `state.The` together as one word, so a full stop followed by a
//! capitalised word is cut. Every analyzer, the segmenter and the
//! concordance cut words here, so that they agree on what a word is.

use unicode_segmentation::UnicodeSegmentation;

/// The words of `text` with their byte offsets, in order.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    text.unicode_word_indices()
        .flat_map(|(start, word)| split_glued(word).map(move |(i, w)| (start + i, w)))
}

/// Cuts a UAX #29 word at each full stop that glues two words: `state.The`,
/// `A.V.Bolshakova` → `A.V` + `Bolshakova`. Keeps `L.G`, `e.g`, `5.4`.
fn split_glued(word: &str) -> GluedPieces<'_> {
    GluedPieces { word, at: 0 }
}

/// The pieces of a word cut at its glued full stops, found as they are asked
/// for: no allocation for the common word with no full stop.
struct GluedPieces<'a> {
    word: &'a str,
    at: usize,
}

impl<'a> Iterator for GluedPieces<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        while self.at < self.word.len() {
            let rest = &self.word[self.at..];
            let cut = rest
                .match_indices('.')
                .map(|(i, _)| i)
                .find(|&i| starts_capitalised_word(&rest[i + 1..]));
            let start = self.at;
            let piece = match cut {
                Some(i) => {
                    self.at += i + 1;
                    &rest[..i]
                }
                None => {
                    self.at = self.word.len();
                    rest
                }
            };
            if !piece.is_empty() {
                return Some((start, piece));
            }
        }
        None
    }
}

/// An upper-case letter followed by a lower-case one: the start of a word, not an initial.
pub(crate) fn starts_capitalised_word(s: &str) -> bool {
    let mut chars = s.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_list(text: &str) -> Vec<&str> {
        words(text).map(|(_, w)| w).collect()
    }

    #[test]
    fn glued_words_are_cut() {
        assert_eq!(
            word_list("state.The Kurultai"),
            ["state", "The", "Kurultai"]
        );
        assert_eq!(word_list("«Alash».According"), ["Alash", "According"]);
        assert_eq!(
            word_list("Кіріспе.1917 жылдың"),
            ["Кіріспе", "1917", "жылдың"]
        );
        assert_eq!(word_list("A.V.Bolshakova"), ["A.V", "Bolshakova"]);
        assert_eq!(word_list("L.G. Protasov 5.4"), ["L.G", "Protasov", "5.4"]);
    }

    #[test]
    fn word_offsets_point_into_the_text() {
        let text = "Сайлауда «Алаш».Партия";
        for (at, word) in words(text) {
            assert_eq!(&text[at..at + word.len()], word);
        }
    }
}
