//! The word tokenizer shared by every analyzer: Unicode word boundaries with
//! glued words cut (see [`crate::ingest::segment::words`]). Offsets point into
//! the text as printed, so highlights and concordance lines can use them.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::ingest::segment;

#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

pub struct WordTokenStream<'a> {
    words: Box<dyn Iterator<Item = (usize, &'a str)> + 'a>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            words: Box::new(segment::words(text)),
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
        self.token.offset_from = at;
        self.token.offset_to = at + word.len();
        self.token.text.clear();
        self.token.text.push_str(word);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}
