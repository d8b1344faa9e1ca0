//! The word tokenizer shared by every analyzer: Unicode word boundaries with
//! glued words cut (see [`crate::text::cutter::words`]). Offsets point into
//! the text as printed, so highlights and concordance lines can use them.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::cutter;

#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

pub struct WordTokenStream<'a> {
    text: &'a str,
    words: Box<dyn Iterator<Item = (usize, &'a str)> + 'a>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            text,
            words: Box::new(cutter::words(text)),
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((at, word)) = self.words.next() else {
            return false;
        };
        self.token.position = self.token.position.wrapping_add(1);
        let end = at + word.len() + final_apostrophe(self.text, at, word);
        self.token.offset_from = at;
        self.token.offset_to = end;
        self.token.text.clear();
        self.token.text.push_str(&self.text[at..end]);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The length of an apostrophe that ends a word of Kazakh in the Latin
/// alphabet of 2017, where it is part of a letter (`Qazaqstannyn'`: `n'` is
/// `ң`), which word boundaries leave out; 0 if there is none. A word opened
/// by an apostrophe is quoted (`'Alash'`), and keeps its closing one out.
fn final_apostrophe(text: &str, at: usize, word: &str) -> usize {
    let after = &text[at + word.len()..];
    let Some(apostrophe) = after.chars().next().filter(|&c| c == '\'' || c == '’') else {
        return 0;
    };
    let quoted = text[..at].ends_with(['\'', '’', '‘']);
    let takes_one = word
        .chars()
        .last()
        .is_some_and(|c| "agnocuyiAGNOCUYI".contains(c));
    let ends_there = !after[apostrophe.len_utf8()..].starts_with(char::is_alphanumeric);
    let latin = word
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '’');
    match !quoted && takes_one && ends_there && latin {
        true => apostrophe.len_utf8(),
        false => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut tokenizer = WordTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut words = Vec::new();
        while stream.advance() {
            let token = stream.token();
            words.push(&text[token.offset_from..token.offset_to]);
        }
        words
    }

    #[test]
    fn an_apostrophe_of_the_2017_alphabet_ends_its_word() {
        assert_eq!(
            words("Qazaqstannyn' s'ejiresi"),
            ["Qazaqstannyn'", "s'ejiresi"]
        );
        // A quoted word, and an English possessive, keep their apostrophe out.
        assert_eq!(
            words("the party 'Lenin' said"),
            ["the", "party", "Lenin", "said"]
        );
        assert_eq!(
            words("the Commissars' decree"),
            ["the", "Commissars", "decree"]
        );
    }
}
