//! Remembers what an analyzer's filters make of each word. Most words of a
//! text have been met before, so a word seen again costs a lookup instead of
//! its normalisation, script folding, lower-casing and stemming again.
//!
//! Every filter of the chains reads one token's text alone (a [`TermMap`] or
//! a [`TermReadings`]), so what they make of a word does not depend on its
//! neighbours: the filters run on the word alone ([`OneToken`]) and their
//! terms are kept, to be put at the word's offsets and position each time.
//!
//! [`TermMap`]: super::filters::TermMap
//! [`TermReadings`]: super::filters::TermReadings

use rustc_hash::FxHashMap as HashMap;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

/// How many words are remembered before the memory is emptied and filled
/// anew (a few megabytes): a corpus's vocabulary is larger, its frequent
/// words far fewer.
const WORDS: usize = 200_000;

/// A token filter that hands each token's text to `word` (the rest of a
/// chain, on [`OneToken`]) once per distinct text and remembers its terms.
#[derive(Clone)]
pub struct Memo {
    pub word: TextAnalyzer,
}

impl TokenFilter for Memo {
    type Tokenizer<T: Tokenizer> = MemoTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> MemoTokenizer<T> {
        MemoTokenizer {
            inner,
            word: self.word,
            terms: HashMap::default(),
            pending: Vec::new(),
        }
    }
}

pub struct MemoTokenizer<T> {
    inner: T,
    word: TextAnalyzer,
    /// A word as printed, and the terms the filters make of it.
    terms: HashMap<String, Vec<String>>,
    pending: Vec<String>,
}

// A copy starts with nothing remembered: tantivy copies an analyzer for each
// field of each segment it writes, and each fills its own memory.
impl<T: Clone> Clone for MemoTokenizer<T> {
    fn clone(&self) -> Self {
        MemoTokenizer {
            inner: self.inner.clone(),
            word: self.word.clone(),
            terms: HashMap::default(),
            pending: Vec::new(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for MemoTokenizer<T> {
    type TokenStream<'a> = MemoTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.pending.clear();
        MemoTokenStream {
            tail: self.inner.token_stream(text),
            word: &mut self.word,
            terms: &mut self.terms,
            pending: &mut self.pending,
        }
    }
}

pub struct MemoTokenStream<'a, S> {
    tail: S,
    word: &'a mut TextAnalyzer,
    terms: &'a mut HashMap<String, Vec<String>>,
    /// The current word's terms still to give, last first.
    pending: &'a mut Vec<String>,
}

impl<S: TokenStream> TokenStream for MemoTokenStream<'_, S> {
    fn advance(&mut self) -> bool {
        // Each term stands at the word's position and offsets; only the text changes.
        if let Some(next) = self.pending.pop() {
            self.tail.token_mut().text = next;
            return true;
        }
        loop {
            if !self.tail.advance() {
                return false;
            }
            let printed = &self.tail.token().text;
            let terms = match self.terms.get(printed) {
                Some(terms) => terms,
                None => {
                    let mut terms = Vec::new();
                    self.word
                        .token_stream(printed)
                        .process(&mut |t| terms.push(t.text.clone()));
                    if self.terms.len() >= WORDS {
                        self.terms.clear();
                    }
                    self.terms.entry(printed.clone()).or_insert(terms)
                }
            };
            // A word the filters drop gives no token.
            let Some((first, rest)) = terms.split_first() else {
                continue;
            };
            self.pending.extend(rest.iter().rev().cloned());
            self.tail.token_mut().text.clone_from(first);
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// A tokenizer that gives its whole text as one token: a word, for the
/// filters to read alone.
#[derive(Clone, Default)]
pub struct OneToken {
    token: Token,
}

pub struct OneTokenStream<'a> {
    token: &'a mut Token,
    given: bool,
}

impl Tokenizer for OneToken {
    type TokenStream<'a> = OneTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> OneTokenStream<'a> {
        self.token.text.clear();
        self.token.text.push_str(text);
        self.token.offset_from = 0;
        self.token.offset_to = text.len();
        self.token.position = 0;
        self.token.position_length = 1;
        OneTokenStream {
            token: &mut self.token,
            given: false,
        }
    }
}

impl TokenStream for OneTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let first = !self.given;
        self.given = true;
        first
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}
