//! Token filters, one per concern: Unicode normalisation, script folding and
//! stemming (lower-casing is tantivy's own `LowerCaser`).
//!
//! Each concern is a [`TermMap`], a rewrite of one token's text; [`MapFilter`]
//! turns any of them into a tantivy `TokenFilter`. A concern that may read a
//! word several ways is a [`TermReadings`], turned into one by
//! [`ReadingsFilter`]: its readings stand at the word's position. Offsets are
//! never touched, so every token still points at the word as printed.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::{english, fold, kazakh, latin, russian};

/// A rewrite of one token's text. `buffer` is scratch space the filter keeps
/// between tokens, so a rewrite need not allocate.
pub trait TermMap: Clone + Send + Sync + 'static {
    fn map(&self, term: &mut String, buffer: &mut String);
}

/// A token filter applying a [`TermMap`] to every token.
#[derive(Clone)]
pub struct MapFilter<M>(pub M);

impl<M: TermMap> TokenFilter for MapFilter<M> {
    type Tokenizer<T: Tokenizer> = MapTokenizer<T, M>;

    fn transform<T: Tokenizer>(self, inner: T) -> MapTokenizer<T, M> {
        MapTokenizer {
            inner,
            map: self.0,
            buffer: String::new(),
        }
    }
}

#[derive(Clone)]
pub struct MapTokenizer<T, M> {
    inner: T,
    map: M,
    buffer: String,
}

impl<T: Tokenizer, M: TermMap> Tokenizer for MapTokenizer<T, M> {
    type TokenStream<'a> = MapTokenStream<'a, T::TokenStream<'a>, M>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MapTokenStream {
            tail: self.inner.token_stream(text),
            map: &self.map,
            buffer: &mut self.buffer,
        }
    }
}

pub struct MapTokenStream<'a, S, M> {
    tail: S,
    map: &'a M,
    buffer: &'a mut String,
}

impl<S: TokenStream, M: TermMap> TokenStream for MapTokenStream<'_, S, M> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.map.map(&mut self.tail.token_mut().text, self.buffer);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Unicode NFC, so that `й` typed as `и` + combining breve is the letter `й`.
#[derive(Clone, Copy)]
pub struct Nfc;

impl TermMap for Nfc {
    fn map(&self, term: &mut String, buffer: &mut String) {
        if term.is_ascii() || is_nfc_quick(term.chars()) == IsNormalized::Yes {
            return;
        }
        buffer.clear();
        buffer.extend(term.nfc());
        std::mem::swap(term, buffer);
    }
}

/// Folds Cyrillic/Latin look-alikes inside mixed-script words (see [`fold`]).
#[derive(Clone, Copy)]
pub struct ScriptFold;

impl TermMap for ScriptFold {
    fn map(&self, term: &mut String, buffer: &mut String) {
        fold::fold_word(term, buffer);
    }
}

/// Kazakh written in one of its Latin alphabets (`qazaqstan`, `saılaý`,
/// `Qazaqstannyn'`: [`latin`]), in Cyrillic, so that it is indexed and found
/// as one with Cyrillic Kazakh. Expects lower-cased input; words that could
/// be English are left alone.
#[derive(Clone, Copy)]
pub struct KazakhLatin;

impl TermMap for KazakhLatin {
    fn map(&self, term: &mut String, buffer: &mut String) {
        if let Some(alphabet) = latin::alphabet(term) {
            latin::to_cyrillic(term, alphabet, buffer);
            std::mem::swap(term, buffer);
        }
    }
}

/// The Kazakh suffix-stripping stemmer ([`kazakh::stem_into`]); expects lower-cased input.
#[derive(Clone, Copy)]
pub struct KazakhStem;

impl TermMap for KazakhStem {
    fn map(&self, term: &mut String, buffer: &mut String) {
        kazakh::stem_into(term, buffer);
        std::mem::swap(term, buffer);
    }
}

/// The readings of one token's text (a lemmatizer's several lemmas of an
/// ambiguous form). `out` is cleared by the callee; an empty `out` leaves
/// the token as it is.
pub trait TermReadings: Clone + Send + Sync + 'static {
    fn readings(&self, term: &str, out: &mut Vec<String>);
}

/// A token filter giving every reading of a token as a token of its own, at
/// the same position and offsets: the first in place of the token, the
/// others after it. A phrase then matches through any reading of each word.
#[derive(Clone)]
pub struct ReadingsFilter<R>(pub R);

impl<R: TermReadings> TokenFilter for ReadingsFilter<R> {
    type Tokenizer<T: Tokenizer> = ReadingsTokenizer<T, R>;

    fn transform<T: Tokenizer>(self, inner: T) -> ReadingsTokenizer<T, R> {
        ReadingsTokenizer {
            inner,
            readings: self.0,
            pending: Vec::new(),
        }
    }
}

#[derive(Clone)]
pub struct ReadingsTokenizer<T, R> {
    inner: T,
    readings: R,
    pending: Vec<String>,
}

impl<T: Tokenizer, R: TermReadings> Tokenizer for ReadingsTokenizer<T, R> {
    type TokenStream<'a> = ReadingsTokenStream<'a, T::TokenStream<'a>, R>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.pending.clear();
        ReadingsTokenStream {
            tail: self.inner.token_stream(text),
            readings: &self.readings,
            pending: &mut self.pending,
        }
    }
}

pub struct ReadingsTokenStream<'a, S, R> {
    tail: S,
    readings: &'a R,
    /// The readings of the current token still to give, last first.
    pending: &'a mut Vec<String>,
}

impl<S: TokenStream, R: TermReadings> TokenStream for ReadingsTokenStream<'_, S, R> {
    fn advance(&mut self) -> bool {
        // The tail's token keeps its position and offsets; only its text changes.
        if let Some(next) = self.pending.pop() {
            self.tail.token_mut().text = next;
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        self.readings
            .readings(&self.tail.token().text, self.pending);
        if self.pending.is_empty() {
            return true;
        }
        self.pending.reverse();
        let first = self.pending.pop().expect("one reading or more");
        self.tail.token_mut().text = first;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Russian by the dictionary's lemmas, Snowball for words it does not know
/// ([`russian::readings_into`]); expects lower-cased input.
#[derive(Clone, Copy)]
pub struct RussianLemmas;

impl TermReadings for RussianLemmas {
    fn readings(&self, term: &str, out: &mut Vec<String>) {
        russian::readings_into(term, out);
    }
}

/// English by the lemmas of a list, Porter2 for words it does not know
/// ([`english::readings_into`]); expects lower-cased input.
#[derive(Clone, Copy)]
pub struct EnglishLemmas;

impl TermReadings for EnglishLemmas {
    fn readings(&self, term: &str, out: &mut Vec<String>) {
        english::readings_into(term, out);
    }
}
