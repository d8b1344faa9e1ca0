//! The named analyzers: `kk`, `ru` and `en` (stemmed, one per language) and
//! `form` (the word form, not stemmed: for prefix queries and exact forms).
//!
//! Every chain is: words → NFC → script folding → lower case → stemmer; the
//! Kazakh one reads the Latin alphabet of 2021 as Cyrillic before stemming,
//! and the Russian and English ones give lemmas (every likely reading of an
//! ambiguous form, at one position) where a stemmer gives a stem.

use tantivy::tokenizer::{
    LowerCaser, TextAnalyzer, Token, TokenStream, Tokenizer, TokenizerManager,
};

use super::filters::{
    EnglishLemmas, KazakhLatin, KazakhStem, MapFilter, Nfc, ReadingsFilter, RussianLemmas,
    ScriptFold,
};
use super::memo::{Memo, OneToken};
use super::tokenizer::WordTokenizer;
use crate::model::Lang;

/// Which analyzer: a language's stemmed one, or the unstemmed word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analyzer {
    Stem(Lang),
    Form,
}

impl Analyzer {
    /// The name it is registered under with tantivy.
    pub fn name(self) -> &'static str {
        match self {
            Analyzer::Stem(lang) => lang.code(),
            Analyzer::Form => "form",
        }
    }

    /// The analyzer: the words of a text, each through the filters once per
    /// distinct word ([`Memo`]).
    pub fn build(self) -> TextAnalyzer {
        TextAnalyzer::builder(WordTokenizer::default())
            .filter(Memo {
                word: self.chain(OneToken::default()),
            })
            .build()
    }

    /// The filters over the tokens of `words`.
    fn chain<T: Tokenizer>(self, words: T) -> TextAnalyzer {
        let words = TextAnalyzer::builder(words)
            .filter(MapFilter(Nfc))
            .filter(MapFilter(ScriptFold))
            .filter(LowerCaser);
        match self {
            Analyzer::Stem(Lang::En) => words.filter(ReadingsFilter(EnglishLemmas)).build(),
            Analyzer::Stem(Lang::Ru) => words.filter(ReadingsFilter(RussianLemmas)).build(),
            Analyzer::Stem(Lang::Kk) => words
                .filter(MapFilter(KazakhLatin))
                .filter(MapFilter(KazakhStem))
                .build(),
            Analyzer::Form => words.build(),
        }
    }
}

/// Registers every analyzer with an index's tokenizer manager.
pub fn register(manager: &TokenizerManager) {
    for analyzer in Lang::ALL
        .map(Analyzer::Stem)
        .into_iter()
        .chain([Analyzer::Form])
    {
        manager.register(analyzer.name(), analyzer.build());
    }
}

/// Words that exercise every analyzer: tokenizing, folding, every stemmer.
const PROBE: &str = "Turgaу state.The People's self-determination elections выборы ёлка \
                     сайлауларының депутаттары кітабы аузы шақырылғанға Qazaqstan Бөкейханды \
                     стали архивах saılaý Qazaqstannyn' айтшы бардыңдар басқарушы жолығып келгісі";

/// What the analyzers make of a probe text, as one string. An index records
/// it, so that a change to any analyzer is noticed and the index rebuilt.
pub fn probe() -> String {
    Lang::ALL
        .map(Analyzer::Stem)
        .into_iter()
        .chain([Analyzer::Form])
        .map(|a| {
            analyze(a, PROBE)
                .into_iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The tokens an analyzer makes of `text`: what the index stores for it.
pub fn analyze(analyzer: Analyzer, text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for_each_token(analyzer, text, |token| tokens.push(token.clone()));
    tokens
}

/// Hands each token an analyzer makes of `text` to `sink`, keeping none: for
/// a caller that wants a few of a long text's tokens.
pub fn for_each_token(analyzer: Analyzer, text: &str, mut sink: impl FnMut(&Token)) {
    with_built(analyzer, false, |built| {
        built.token_stream(text).process(&mut sink);
    })
}

/// `work` done with an analyzer built once per thread and kept (building
/// one, a stemmer and buffers, costs more than analysing a sentence): the
/// whole analyzer, or with `alone`, its filters over one word.
fn with_built<R>(analyzer: Analyzer, alone: bool, work: impl FnOnce(&mut TextAnalyzer) -> R) -> R {
    type Built = Vec<((Analyzer, bool), TextAnalyzer)>;
    thread_local! {
        static BUILT: std::cell::RefCell<Built> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUILT.with(|built| {
        let mut built = built.borrow_mut();
        let at = match built.iter().position(|(key, _)| *key == (analyzer, alone)) {
            Some(at) => at,
            None => {
                let made = match alone {
                    true => analyzer.chain(OneToken::default()),
                    false => analyzer.build(),
                };
                built.push(((analyzer, alone), made));
                built.len() - 1
            }
        };
        work(&mut built[at].1)
    })
}

/// A word of a text as an analyzer reads it: where it is printed, its
/// position, and its terms (one for most words; every reading of an
/// ambiguous one, most likely first).
#[derive(Debug, Clone, PartialEq)]
pub struct AnalyzedWord {
    pub offsets: std::ops::Range<usize>,
    pub position: usize,
    pub terms: Vec<String>,
}

/// The words an analyzer makes of `text`, the readings of each together.
pub fn words(analyzer: Analyzer, text: &str) -> Vec<AnalyzedWord> {
    let mut words: Vec<AnalyzedWord> = Vec::new();
    for token in analyze(analyzer, text) {
        match words.last_mut() {
            Some(word) if word.position == token.position => word.terms.push(token.text),
            _ => words.push(AnalyzedWord {
                offsets: token.offset_from..token.offset_to,
                position: token.position,
                terms: vec![token.text],
            }),
        }
    }
    words
}

/// Where the words of `text` are printed, as every analyzer's tokenizer cuts
/// them, before any filter: [`words`] without their terms.
pub fn word_places(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut places = Vec::new();
    WordTokenizer::default()
        .token_stream(text)
        .process(&mut |token| places.push(token.offset_from..token.offset_to));
    places
}

/// The terms an analyzer's filters make of one word as its tokenizer cut
/// it (a place of [`word_places`]): what [`words`] gives that word, for a
/// caller that needs the terms of a few words of a long text.
pub fn word_terms(analyzer: Analyzer, printed: &str) -> Vec<String> {
    with_built(analyzer, true, |chain| {
        let mut terms = Vec::new();
        chain
            .token_stream(printed)
            .process(&mut |token| terms.push(token.text.clone()));
        terms
    })
}

/// The most likely term of each word of `text`: what a stemmer would give.
pub fn first_terms(analyzer: Analyzer, text: &str) -> Vec<String> {
    words(analyzer, text)
        .into_iter()
        .filter_map(|word| word.terms.into_iter().next())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_words_give_the_tokens_of_the_filters_run_on_every_word() {
        let texts = crate::text::real_texts();
        let fields = |t: &Token| (t.text.clone(), t.offset_from, t.offset_to, t.position);
        for analyzer in Lang::ALL
            .map(Analyzer::Stem)
            .into_iter()
            .chain([Analyzer::Form])
        {
            let (mut remembered, mut plain) =
                (analyzer.build(), analyzer.chain(WordTokenizer::default()));
            let mut tokens = 0;
            for text in &texts {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                remembered
                    .token_stream(text)
                    .process(&mut |t| a.push(fields(t)));
                plain.token_stream(text).process(&mut |t| b.push(fields(t)));
                assert_eq!(a, b, "{analyzer:?}");
                tokens += a.len();
            }
            assert!(tokens > 10_000, "{analyzer:?}: {tokens}");
        }
    }

    #[test]
    fn the_words_of_a_text_are_its_places_each_with_its_terms_alone() {
        let mut words_seen = 0;
        for text in crate::text::real_texts() {
            for analyzer in [
                Analyzer::Form,
                Analyzer::Stem(Lang::Kk),
                Analyzer::Stem(Lang::En),
            ] {
                let whole: Vec<(std::ops::Range<usize>, Vec<String>)> = words(analyzer, &text)
                    .into_iter()
                    .map(|w| (w.offsets, w.terms))
                    .collect();
                let alone: Vec<(std::ops::Range<usize>, Vec<String>)> = word_places(&text)
                    .into_iter()
                    .map(|place| (place.clone(), word_terms(analyzer, &text[place])))
                    .collect();
                assert_eq!(whole, alone, "{analyzer:?}: {}", &text[..80]);
                words_seen += whole.len();
            }
        }
        assert!(words_seen > 10_000);
    }

    fn terms(analyzer: Analyzer, text: &str) -> Vec<String> {
        analyze(analyzer, text)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn mixed_script_name_is_found_by_its_latin_spelling() {
        let en = Analyzer::Stem(Lang::En);
        assert_eq!(terms(en, "Turgaу"), terms(en, "Turgay"));
    }

    #[test]
    fn english_forms_meet_at_their_lemma() {
        let en = Analyzer::Stem(Lang::En);
        assert_eq!(terms(en, "elections election"), ["election", "election"]);
        assert_eq!(terms(en, "elected"), ["elect"]);
    }

    #[test]
    fn russian_forms_meet_at_their_lemma() {
        let ru = Analyzer::Stem(Lang::Ru);
        assert_eq!(terms(ru, "архивах архивы"), ["архив", "архив"]);
        assert_eq!(first_terms(ru, "Созыва созыв"), ["созыв", "созыв"]);
    }

    #[test]
    fn russian_readings_of_one_word_share_its_position() {
        let text = "Они стали депутатами";
        let words = words(Analyzer::Stem(Lang::Ru), text);
        assert_eq!(words.len(), 3);
        assert_eq!(words[1].terms, ["стать", "сталь"]);
        assert_eq!(&text[words[1].offsets.clone()], "стали");
        assert_eq!(words[2].position, 2);
    }

    #[test]
    fn english_possessives_and_hyphenated_compounds_by_their_parts() {
        let en = Analyzer::Stem(Lang::En);
        assert_eq!(terms(en, "People's"), terms(en, "people"));
        assert_eq!(terms(en, "Commissars'"), terms(en, "commissars"));
        assert_eq!(
            terms(en, "self-determination"),
            [terms(en, "self"), terms(en, "determination")].concat()
        );
    }

    #[test]
    fn russian_yo_is_searched_as_ye() {
        let ru = Analyzer::Stem(Lang::Ru);
        assert_eq!(terms(ru, "её"), terms(ru, "ее"));
    }

    #[test]
    fn kazakh_case_forms_share_a_term() {
        let kk = Analyzer::Stem(Lang::Kk);
        // Accusative, dative, genitive: the term of the bare noun each time.
        let bare = terms(kk, "сайлау").pop().unwrap();
        assert_eq!(
            terms(kk, "сайлауды сайлауға сайлаудың"),
            [bare.clone(), bare.clone(), bare]
        );
    }

    #[test]
    fn kazakh_in_latin_letters_meets_its_cyrillic() {
        let kk = Analyzer::Stem(Lang::Kk);
        assert_eq!(terms(kk, "Qazaqstan"), terms(kk, "Қазақстан"));
        assert_eq!(terms(kk, "qazaqtardyñ"), terms(kk, "қазақтардың"));
        // English in the Kazakh field is left as it is.
        assert_eq!(terms(kk, "question"), ["question"]);
    }

    #[test]
    fn offsets_point_at_the_printed_word() {
        let text = "the autonomy of Kazakhstan.There have been";
        let tokens = analyze(Analyzer::Form, text);
        let there = tokens.iter().find(|t| t.text == "there").unwrap();
        assert_eq!(&text[there.offset_from..there.offset_to], "There");
    }

    #[test]
    fn nfc_joins_combining_marks() {
        // `й` as `и` + U+0306 COMBINING BREVE.
        assert_eq!(terms(Analyzer::Form, "и\u{306}"), ["й"]);
    }
}
