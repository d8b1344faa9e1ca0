//! What survives translation and so ties a sentence to its counterparts:
//! numbers and dates (`1917`, `12-14`); words shared across the languages
//! (names, loanwords, internationalisms), compared in one Latin spelling
//! (`Алаш` / `Alash`, `Бөкейхан` / `Bukeikhan`, `публикации` / `publications`);
//! quotations; and the terms of a glossary taken from the document's own
//! keyword lists, which are parallel term lists in the three languages.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::model::{Lang, PerLang};
use crate::text::cutter;
use crate::text::names::latin_spelling;
use crate::text::{analyze, first_terms, Analyzer};

/// Letters of a word's spelling kept for comparing it across languages: long
/// enough to tell words apart, short enough to leave their endings out.
const STEM_LETTERS: usize = 5;

/// The mark of a number's key: numbers sort after every other anchor.
const NUMBER: u64 = 1 << 63;

/// The key an anchor is compared by: a hash of its spelling (`#1917`,
/// `alash`, `term 3`), with [`NUMBER`] set for a number. The aligner compares
/// every sentence with every other of a part, and sorted integers compare in
/// one merge where sets of strings would be allocated and compared letter by
/// letter.
fn key(anchor: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    anchor.hash(&mut hasher);
    match anchor.starts_with('#') {
        true => hasher.finish() | NUMBER,
        false => hasher.finish() & !NUMBER,
    }
}

/// The anchors of one sentence, as sorted keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anchors {
    keys: Vec<u64>,
}

impl Anchors {
    /// The anchors of a sentence in `lang`; `glossary` terms it holds count too.
    pub fn of(text: &str, lang: Lang, glossary: &Glossary) -> Self {
        let mut keys = Vec::new();
        if text.contains('«') || text.contains('"') {
            keys.push(key("«quotation»"));
        }
        if !glossary.terms.is_empty() {
            let stems: HashSet<String> = analyze(Analyzer::Stem(lang), text)
                .into_iter()
                .map(|t| t.text)
                .collect();
            for (n, term) in glossary.terms.iter().enumerate() {
                let words = term.get(lang);
                if !words.is_empty() && words.iter().all(|w| stems.contains(w)) {
                    keys.push(key(&format!("term {n}")));
                }
            }
        }
        let words: Vec<(usize, &str)> = cutter::words(text).collect();
        let mut n = 0;
        while n < words.len() {
            let (at, word) = words[n];
            n += 1;
            if word.chars().any(|c| c.is_ascii_digit()) {
                // The digits alone: `8-ші`, `8th` and `8` are one number, and
                // so are `9,000`, `9 000` and `9000` (a group of three digits
                // after a comma, a full stop or one space continues its number).
                let mut word = join_digit_groups(word).into_owned();
                let mut end = at + words[n - 1].1.len();
                while let Some(&(next, group)) = words.get(n) {
                    let gap = &text[end..next];
                    let spaced = gap.chars().count() == 1 && gap.chars().all(char::is_whitespace);
                    let is_group = group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit());
                    if !(spaced && is_group && word.ends_with(|c: char| c.is_ascii_digit())) {
                        break;
                    }
                    word.push_str(group);
                    end = next + group.len();
                    n += 1;
                }
                for number in word
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|n| !n.is_empty())
                {
                    keys.push(key(&format!("#{number}")));
                }
                continue;
            }
            let spelling = latin_spelling(word);
            if let Some(stem) = spelling.char_indices().nth(STEM_LETTERS - 1) {
                keys.push(key(&spelling[..stem.0 + stem.1.len_utf8()]));
            }
        }
        Anchors::from_keys(keys)
    }

    fn from_keys(mut keys: Vec<u64>) -> Self {
        keys.sort_unstable();
        keys.dedup();
        Anchors { keys }
    }

    /// Whether the sentence holds `anchor` (`#1917`, `alash`, `term 3`).
    pub fn contains(&self, anchor: &str) -> bool {
        self.keys.binary_search(&key(anchor)).is_ok()
    }

    /// The anchors of several sentences together.
    pub fn union<'a>(all: impl IntoIterator<Item = &'a Anchors>) -> Anchors {
        Anchors::from_keys(
            all.into_iter()
                .flat_map(|a| a.keys.iter().copied())
                .collect(),
        )
    }

    /// How many anchors there are.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// A sample of the anchors: the `k` smallest keys of words and the `k`
    /// smallest of numbers. Keys are hashes, so two texts holding the same
    /// words keep the same ones, and their similarity is kept roughly.
    pub fn sketch(&self, k: usize) -> Anchors {
        let numbers = self.keys.partition_point(|&key| key < NUMBER);
        let (words, numbers) = self.keys.split_at(numbers);
        let mut keys = words[..k.min(words.len())].to_vec();
        keys.extend_from_slice(&numbers[..k.min(numbers.len())]);
        Anchors { keys }
    }

    /// Dice's coefficient of the two sets: 0 for nothing shared, 1 for the same.
    pub fn similarity(&self, other: &Anchors) -> f64 {
        let total = self.keys.len() + other.keys.len();
        if total == 0 {
            return 0.0;
        }
        2.0 * shared(&self.keys, &other.keys) as f64 / total as f64
    }

    /// How many numbers one side has that the other lacks, and how many the
    /// two have in all. Translations carry numbers over, so each one lacking
    /// is evidence that the two do not translate each other.
    pub fn unmatched_numbers(&self, other: &Anchors) -> (usize, usize) {
        fn numbers(keys: &[u64]) -> &[u64] {
            &keys[keys.partition_point(|&k| k < NUMBER)..]
        }
        let (a, b) = (numbers(&self.keys), numbers(&other.keys));
        (a.len() + b.len() - 2 * shared(a, b), a.len() + b.len())
    }
}

/// `9,000` → `9000`, `1.250.000` → `1250000`; `12.5` and `1917-1918` stay.
fn join_digit_groups(word: &str) -> std::borrow::Cow<'_, str> {
    let bytes = word.as_bytes();
    let joins = |i: usize| {
        matches!(bytes[i], b',' | b'.')
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.len() >= i + 4
            && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit())
    };
    if !(0..bytes.len()).any(joins) {
        return word.into();
    }
    let kept: Vec<u8> = (0..bytes.len())
        .filter(|&i| !joins(i))
        .map(|i| bytes[i])
        .collect();
    String::from_utf8(kept)
        .expect("only ASCII punctuation taken out")
        .into()
}

/// How many keys two sorted lists share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Parallel terms from the document's keyword lists: the n-th term of each
/// language's list, as the stems of its words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    terms: Vec<PerLang<Vec<String>>>,
}

impl Glossary {
    /// Pairs the keyword lists term by term where they have as many terms; a
    /// list of another length says nothing for sure about which term is which,
    /// and is left out.
    pub fn from_keywords(lists: &PerLang<Option<&str>>) -> Self {
        let split = |lang: Lang| -> Vec<Vec<String>> {
            lists
                .get(lang)
                .map(|list| {
                    list.split([',', ';'])
                        .map(|term| first_terms(Analyzer::Stem(lang), term))
                        .filter(|words| !words.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let lists = PerLang::from_fn(split);
        let lengths: Vec<usize> = Lang::ALL
            .iter()
            .map(|&l| lists.get(l).len())
            .filter(|&n| n > 0)
            .collect();
        if lengths.len() < 2 || lengths.windows(2).any(|w| w[0] != w[1]) {
            return Glossary::default();
        }
        let terms = (0..lengths[0])
            .map(|n| PerLang::from_fn(|lang| lists.get(lang).get(n).cloned().unwrap_or_default()))
            .collect();
        Glossary { terms }
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// The words, in `to`, of the terms whose words in `from` are all among `stems`.
    pub fn counterparts(&self, stems: &[String], from: Lang, to: Lang) -> Vec<String> {
        self.terms
            .iter()
            .filter(|term| {
                let words = term.get(from);
                !words.is_empty() && words.iter().all(|w| stems.contains(w))
            })
            .flat_map(|term| term.get(to).iter().cloned())
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Anchors {
        fn of_text(text: &str) -> Anchors {
            let lang = crate::ingest::lang::detect(text, Lang::En);
            Anchors::of(text, lang, &Glossary::default())
        }
    }

    #[test]
    fn names_compare_across_scripts() {
        assert_eq!(latin_spelling("Бөкейхан"), latin_spelling("Bukeikhan"));
        assert_eq!(latin_spelling("Букейхан"), latin_spelling("Bukeikhan"));
        assert_eq!(latin_spelling("Тәстемір"), latin_spelling("Tastemir"));
        assert_eq!(latin_spelling("Алаш"), latin_spelling("Alash"));
        assert_eq!(
            latin_spelling("большевиками")[..5],
            latin_spelling("Bolsheviks")[..5]
        );
    }

    #[test]
    fn shared_dates_make_sentences_similar() {
        let kk = Anchors::of_text(
            "Уақытша үкімет сайлау күнін 1917 жылдың 12-14 және 28 қарашасына белгіледі.",
        );
        let en = Anchors::of_text(
            "The Government set the date of the elections for November 12-14 and 28, 1917.",
        );
        let other = Anchors::of_text(
            "Мақала барысында жалпы ғылыми және арнайы тарихи әдістер қолданылды.",
        );
        assert!(kk.similarity(&en) > 0.2);
        assert_eq!(other.similarity(&en), 0.0);
    }

    #[test]
    fn keyword_lists_make_a_glossary() {
        let lists = PerLang {
            kk: Some("Ақпан төңкерісі, уақытша Үкімет, Құрылтай жиналысы, сайлау"),
            ru: Some(
                "Февральская революция, Временное правительство, Учредительное собрание, выборы",
            ),
            en: Some(
                "February Revolution, Provisional Government, Constituent Assembly, elections",
            ),
        };
        let glossary = Glossary::from_keywords(&lists);
        assert_eq!(glossary.len(), 4);
        // `сайлауға` and `elections` both hold term 3, `сайлау` / `elections`.
        let kk = Anchors::of(
            "Бүкілресейлік Құрылтай жиналысын сайлауға дайындық",
            Lang::Kk,
            &glossary,
        );
        let en = Anchors::of(
            "the elections to the Constituent Assembly",
            Lang::En,
            &glossary,
        );
        assert!(kk.contains("term 3") && en.contains("term 3"));
        assert!(kk.contains("term 2") && en.contains("term 2"));
        // Lists of different lengths pair nothing.
        let uneven = PerLang {
            kk: Some("сайлау"),
            ru: Some("выборы, партия"),
            en: None,
        };
        assert!(Glossary::from_keywords(&uneven).is_empty());
    }

    #[test]
    fn a_number_one_side_lacks_is_counted() {
        let kk = Anchors::of_text("Сайлау 1917 жылдың 12 қарашасында өтті.");
        let en = Anchors::of_text("The elections were held on 12 November 1917 and 28 November.");
        assert!(kk.contains("#1917") && !kk.contains("1917"));
        assert_eq!(kk.unmatched_numbers(&en), (1, 5));
        assert_eq!(en.unmatched_numbers(&kk), (1, 5));
        assert_eq!(kk.unmatched_numbers(&kk), (0, 4));
    }

    #[test]
    fn a_number_written_with_digit_groups_is_one_number() {
        let en = Anchors::of_text("About 9,000 people marched, 1,250,000 watched.");
        let ru = Anchors::of_text("Около 9000 человек шли, 1250000 смотрели.");
        assert_eq!(en.unmatched_numbers(&ru), (0, 4));
        // FLORES dev, 051: `24 000`, `24,000`; `11 000 до 22 500`, `11000-нан 22500`.
        let ru = Anchors::of_text("Из примерно 24 000 метеоритов; от 11 000 до 22 500 долл.");
        let kk = Anchors::of_text("шамамен 24 000 метеорит; 11000-нан 22500 АҚШ долларға дейін");
        let en = Anchors::of_text("approximately 24,000 meteorites, from US$11,000 to $22,500");
        assert_eq!(ru.unmatched_numbers(&kk), (0, 6));
        assert_eq!(ru.unmatched_numbers(&en), (0, 6));
        let decimal = Anchors::of_text("a rise of 12.5 per cent");
        assert!(decimal.contains("#12") && decimal.contains("#5"));
    }

    #[test]
    fn loanwords_match_their_translation() {
        let ru = Anchors::of_text("использованы публикации периодической печати");
        let en = Anchors::of_text("publications of the periodical press were used");
        assert!(ru.similarity(&en) > 0.3);
    }
}
