//! Words as printed: Unicode word boundaries (UAX #29), with one repair.
//! PDF extraction drops the space after a full stop, and UAX #29 keeps
//! `state.The` together as one word, so a full stop followed by a
//! capitalised word is cut. Every analyzer, the segmenter and the
//! concordance cut words here, so that they agree on what a word is.

use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

/// The words of `text` with their byte offsets, in order.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    Uax29Words::new(text)
        .flat_map(|(start, word)| split_glued(word).map(move |(i, w)| (start + i, w)))
}

/// The words of UAX #29, as `unicode_word_indices` gives them, most found
/// without its tables. Every run of text between ASCII white space is cut
/// apart from the others (no rule of UAX #29 joins a character to the white
/// space before or after it, but a combining mark, WB4, to the one before).
/// A run that is a plain word (Latin or Cyrillic letters and digits, which
/// rules WB5 and WB8–WB10 keep together, with common punctuation before or
/// after it, which none joins to them) is that word; any other run goes
/// through `unicode_word_indices`, from the white space before it on.
/// A test holds the two to the same words on every test document.
struct Uax29Words<'a> {
    text: &'a str,
    at: usize,
    /// The words of a run that is not a plain word, and where it starts.
    run: Option<(usize, UnicodeWordIndices<'a>)>,
}

impl<'a> Uax29Words<'a> {
    fn new(text: &'a str) -> Self {
        Uax29Words {
            text,
            at: 0,
            run: None,
        }
    }
}

impl<'a> Iterator for Uax29Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        loop {
            if let Some((from, words)) = &mut self.run {
                match words.next() {
                    Some((i, word)) => return Some((*from + i, word)),
                    None => self.run = None,
                }
            }
            // White space is ASCII: a byte of it is never part of a longer character.
            let bytes = self.text.as_bytes();
            let mut start = self.at;
            while start < bytes.len() && is_white(bytes[start]) {
                start += 1;
            }
            if start == bytes.len() {
                return None;
            }
            let mut end = start;
            while end < bytes.len() && !is_white(bytes[end]) {
                end += 1;
            }
            self.at = end;
            if let Some(word) = plain_word(&self.text[start..end]) {
                return Some((start + word.start, &self.text[start..end][word]));
            }
            // From the white space before that WB4 joins a combining mark at
            // the run's start to (a word, where the mark counts as a letter:
            // `\t\u{363}`): a tab, or the spaces WB3d makes one piece of; a
            // line break joins nothing.
            let before = &self.text[..start];
            let from = match before.ends_with('\t') {
                true => start - 1,
                false => start - spaces_before(before),
            };
            self.run = Some((from, self.text[from..end].unicode_word_indices()));
        }
    }
}

/// The length of the spaces (WSegSpace of UAX #29) that end `text`.
fn spaces_before(text: &str) -> usize {
    let is_space = |c: char| matches!(c, ' ' | '\u{1680}' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}' | '\u{205F}' | '\u{3000}');
    text.len() - text.trim_end_matches(is_space).len()
}

fn is_white(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0b
}

/// Where the word is in a run that is a plain word: opening punctuation,
/// then plain letters and digits, then closing punctuation only.
fn plain_word(run: &str) -> Option<std::ops::Range<usize>> {
    let mut chars = run.char_indices().peekable();
    let mut from = 0;
    while let Some((at, c)) = chars.next_if(|&(_, c)| OPENING.contains(&c)) {
        from = at + c.len_utf8();
    }
    let mut to = from;
    while let Some((at, c)) = chars.next_if(|&(_, c)| is_plain(c)) {
        to = at + c.len_utf8();
    }
    let closed = chars.all(|(_, c)| CLOSING.contains(&c));
    (to > from && closed).then_some(from..to)
}

/// Punctuation that may open or close a plain word: of UAX #29's classes
/// Other, Double_Quote, MidLetter, MidNum and MidNumLet, which join only a
/// letter or digit on both sides.
const OPENING: &[char] = &['(', '[', '«', '"', '“', '„'];
const CLOSING: &[char] = &[',', '.', ';', ':', '!', '?', ')', ']', '»', '"', '”'];

/// A letter of the Latin or Cyrillic alphabets (ALetter in UAX #29) or an
/// ASCII digit (Numeric): no combining mark, no sign.
fn is_plain(c: char) -> bool {
    matches!(c,
        'a'..='z' | 'A'..='Z' | '0'..='9'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}'
        | '\u{400}'..='\u{481}' | '\u{48A}'..='\u{4FF}')
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
    fn words_are_those_of_uax29_on_every_test_document() {
        let mut texts: Vec<String> = [
            "a \u{301}b c\u{301}d  \u{a0}e\u{a0}f\t\u{200d}g (h) «i», j.k 5.4 5,4. l'm 'n' o’p ‘q’",
            "state.The A.V.Bolshakova \u{1F1F0}\u{1F1FF}x 👩\u{200d}💻 a_b _c d_ שׁ\"א ק'ל \u{5d0}\"",
            "\r\n1917\r\nжылы\x0bҚазақ\x0cстан 1917ж. (1917–1918) «Алаш»,— x\u{ad}y z\u{200b}w",
            "ǅa Ǆ ʼn ʹa ʻokina аҁ ҁ ҂5 а҃б ѐ а̄б 3\u{2024}4 \"\" ( ) «» ,,, q\u{feff}r",
            "  \u{363} x\u{3000} \u{345} \t \u{363}\u{2003}  \u{5b0}a\t\u{363}b\n\u{345} \t\u{5b0}",
        ]
        .map(str::to_owned)
        .to_vec();
        texts.extend(crate::text::real_texts());
        for text in &texts {
            let fast: Vec<(usize, &str)> = Uax29Words::new(text).collect();
            let tables: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            assert_eq!(fast, tables, "{}", &text[..text.len().min(80)]);
        }
    }

    #[test]
    fn words_are_those_of_uax29_on_random_mixtures_of_hard_cases() {
        // Combining marks that count as letters (U+0345, U+0363, a Hebrew
        // point) and spaces beyond ASCII among them.
        let alphabet: Vec<char> =
            "aZяӘıé09 \n\t\r.,:;'’‘\"«»()[]_-–—…\u{301}\u{483}\u{345}\u{363}\u{5b0}\u{200d}\u{200b}\u{ad}\u{feff}\u{a0}\u{3000}\u{2003}\u{5d0}\u{1F1F0}٣Ωß҂×"
                .chars()
                .collect();
        let mut state = 7u64;
        for _ in 0..20_000 {
            let text: String = (0..12)
                .map(|_| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    alphabet[(state >> 33) as usize % alphabet.len()]
                })
                .collect();
            let fast: Vec<(usize, &str)> = Uax29Words::new(&text).collect();
            let tables: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            assert_eq!(fast, tables, "{text:?}");
        }
    }

    #[test]
    fn word_offsets_point_into_the_text() {
        let text = "Сайлауда «Алаш».Партия";
        for (at, word) in words(text) {
            assert_eq!(&text[at..at + word.len()], word);
        }
    }
}
