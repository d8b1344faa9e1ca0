//! The order of a concordance's lines, as AntConc and CQPweb order them: by
//! the word at a position left or right of the keyword, in each language's
//! alphabet; by how often the keyword's form occurs; or in corpus order; of
//! all lines or of a reproducible random sample.
//!
//! A frequent word has millions of lines, so lines are not kept: each is made
//! into bytes (the caller's printed line) as it is found, and only those bytes
//! and a compact sort key are ordered, in memory up to a bound and in sorted
//! runs on disk beyond it ([`crate::spill`]). The forms' counts
//! ([`form_counts`]) keep no line at all.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::ops::ControlFlow;

use crate::index::CorpusIndex;
use crate::model::Lang;
use crate::search::SearchError;
use crate::spill::{Sorter, Spill, DEFAULT_BOUND};

use super::{occurrences, Line, Options};

/// How the lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// As they are in the corpus.
    Corpus,
    /// By the word at a position, in its language's alphabet.
    Word(Position),
    /// The most frequent forms of the keyword first, then by form.
    Frequency,
}

/// A context position: `L1` is the first word left of the keyword, `R2` the
/// second right of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub left: bool,
    pub n: usize,
}

impl Position {
    pub const L1: Position = Position { left: true, n: 1 };
    pub const R1: Position = Position { left: false, n: 1 };

    /// Reads `L1` … `L5`, `R1` … `R5`.
    pub fn parse(s: &str) -> Result<Position, String> {
        let error = || format!("{s:?} is no position: L1…L5 or R1…R5");
        let mut chars = s.chars();
        let left = match chars.next() {
            Some('L' | 'l') => true,
            Some('R' | 'r') => false,
            _ => return Err(error()),
        };
        let n: usize = chars.as_str().parse().map_err(|_| error())?;
        if !(1..=5).contains(&n) {
            return Err(error());
        }
        Ok(Position { left, n })
    }
}

/// Which of the lines, and how many at most.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selection {
    /// A random sample of this many lines, chosen by the seed: the same
    /// lines for the same seed, on every machine.
    pub sample: Option<(usize, u64)>,
    pub limit: Option<usize>,
}

/// Finds the lines of `query`, makes each into bytes with `render` as it is
/// found, and hands the bytes to `sink` in `order`, of the lines `selection`
/// keeps. Returns how many lines were found in all (0: nothing matched).
pub fn arranged(
    index: &CorpusIndex,
    query: &str,
    options: &Options,
    order: Order,
    selection: Selection,
    render: &mut dyn FnMut(&Line) -> io::Result<Vec<u8>>,
    sink: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> Result<u64, SearchError> {
    let limit = selection.limit.unwrap_or(usize::MAX) as u64;
    let mut given = 0u64;
    let mut give = |bytes: &[u8]| -> io::Result<ControlFlow<()>> {
        sink(bytes)?;
        given += 1;
        Ok(if given >= limit {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        })
    };
    let mut found = 0u64;
    // Runs `occurrences`, handing each line to `each` until it fails or stops.
    let mut each_line = |each: &mut dyn FnMut(&Line) -> io::Result<ControlFlow<()>>| {
        let mut failure = None;
        occurrences(index, query, options, &mut |line| {
            found += 1;
            each(&line).unwrap_or_else(|e| {
                failure = Some(e);
                ControlFlow::Break(())
            })
        })?;
        failure.map_or(Ok(()), |e| Err(SearchError::Lines(e)))
    };
    match (order, selection.sample) {
        // Nothing to order or choose: each line goes out as found.
        (Order::Corpus, None) => {
            each_line(&mut |line| give(&render(line)?))?;
        }
        (Order::Word(position), None) => {
            let mut sorter = Sorter::new(DEFAULT_BOUND);
            each_line(&mut |line| {
                sorter.push(word_key(line, position), render(line)?)?;
                Ok(ControlFlow::Continue(()))
            })?;
            sorter.finish(|_, bytes| give(bytes))?;
        }
        // The key is known once every line is counted, or the sample chosen:
        // lines are written down first and read back.
        (order, sample) => {
            let mut spill = Spill::new()?;
            // How often each form occurs, whatever its language.
            let mut frequency: HashMap<String, u64> = HashMap::new();
            each_line(&mut |line| {
                let key = match order {
                    Order::Word(position) => word_key(line, position),
                    _ => {
                        let form = line.keyword.to_lowercase();
                        *frequency.entry(form.clone()).or_default() += 1;
                        form_record(line.lang, &form)
                    }
                };
                spill.push(&key, &render(line)?)?;
                Ok(ControlFlow::Continue(()))
            })?;
            let chosen: Option<HashSet<u64>> =
                sample.map(|(size, seed)| chosen_places(spill.len(), size, seed));
            let kept = |place: u64| chosen.as_ref().is_none_or(|c| c.contains(&place));
            match order {
                Order::Corpus => spill.replay(|place, _, bytes| match kept(place) {
                    true => give(bytes),
                    false => Ok(ControlFlow::Continue(())),
                })?,
                Order::Word(_) => {
                    let mut sorter = Sorter::new(DEFAULT_BOUND);
                    spill.replay(|place, key, bytes| {
                        if kept(place) {
                            sorter.push(key.to_vec(), bytes.to_vec())?;
                        }
                        Ok(ControlFlow::Continue(()))
                    })?;
                    sorter.finish(|_, bytes| give(bytes))?;
                }
                Order::Frequency => {
                    // Of a sample, the forms are counted among the lines kept.
                    if chosen.is_some() {
                        frequency.clear();
                        spill.replay(|place, key, _| {
                            if kept(place) {
                                let (_, form) = read_form_record(key);
                                *frequency.entry(form.to_owned()).or_default() += 1;
                            }
                            Ok(ControlFlow::Continue(()))
                        })?;
                    }
                    let mut sorter = Sorter::new(DEFAULT_BOUND);
                    spill.replay(|place, key, bytes| {
                        if kept(place) {
                            let (lang, form) = read_form_record(key);
                            let mut key = (u64::MAX - frequency[form]).to_be_bytes().to_vec();
                            key.extend(sort_bytes(form, lang));
                            sorter.push(key, bytes.to_vec())?;
                        }
                        Ok(ControlFlow::Continue(()))
                    })?;
                    sorter.finish(|_, bytes| give(bytes))?;
                }
            }
        }
    }
    Ok(found)
}

/// The places of a sample of `size` among `total` lines: a partial
/// Fisher–Yates shuffle of the places, whose swaps are kept in a map, so
/// that the sample costs memory for its own size only.
pub fn chosen_places(total: u64, size: usize, seed: u64) -> HashSet<u64> {
    if size as u64 >= total {
        return (0..total).collect();
    }
    let mut next = split_mix(seed);
    let mut swapped: HashMap<u64, u64> = HashMap::new();
    for i in 0..size as u64 {
        let j = i + next() % (total - i);
        let at_i = swapped.get(&i).copied().unwrap_or(i);
        let at_j = swapped.get(&j).copied().unwrap_or(j);
        swapped.insert(i, at_j);
        swapped.insert(j, at_i);
    }
    (0..size as u64).map(|i| swapped[&i]).collect()
}

/// SplitMix64: small, and the same numbers for the same seed on every machine.
fn split_mix(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The sort key of a line by the word at `position` (none sorts first).
fn word_key(line: &Line, position: Position) -> Vec<u8> {
    let words = match position.left {
        true => &line.left_words,
        false => &line.right_words,
    };
    let word = words.get(position.n - 1).map_or("", String::as_str);
    sort_bytes(word, line.lang)
}

/// What a line's order by frequency needs: its language and keyword form.
fn form_record(lang: Lang, form: &str) -> Vec<u8> {
    let mut record = vec![lang as u8];
    record.extend(form.as_bytes());
    record
}

fn read_form_record(record: &[u8]) -> (Lang, &str) {
    let lang = Lang::ALL
        .into_iter()
        .find(|&l| l as u8 == record[0])
        .expect("a language this module wrote");
    let form = std::str::from_utf8(&record[1..]).expect("a form this module wrote");
    (lang, form)
}

/// The alphabets, in their order: a word sorts by its letters' places here.
const KAZAKH: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
const RUSSIAN: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
const ENGLISH: &str = "abcdefghijklmnopqrstuvwxyz";

/// A word's sort key in its language's alphabetical order, case ignored:
/// Kazakh `ә` after `а`, `ғ` after `г`, `қ` after `к` …; letters outside the
/// alphabet after it, in code point order.
pub fn collation_key(word: &str, lang: Lang) -> Vec<u32> {
    let alphabet = match lang {
        Lang::Kk => KAZAKH,
        Lang::Ru => RUSSIAN,
        Lang::En => ENGLISH,
    };
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match alphabet.chars().position(|a| a == c) {
            Some(place) => place as u32,
            None => 1000 + c as u32,
        })
        .collect()
}

/// The collation key as bytes that compare as the key does: three bytes a
/// letter, big-endian (the largest place, 1000 past the last code point,
/// fits in 24 bits).
pub fn sort_bytes(word: &str, lang: Lang) -> Vec<u8> {
    collation_key(word, lang)
        .into_iter()
        .flat_map(|place| place.to_be_bytes()[1..].to_vec())
        .collect()
}

/// How often each form of the keyword occurs, in all and per document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormCount {
    pub lang: Lang,
    /// The form, lower-cased.
    pub form: String,
    pub count: usize,
    pub docs: BTreeMap<String, usize>,
}

/// The forms of `query`'s matches and how often each occurs, per language
/// (in the order of `Lang`), the most frequent first, then in alphabetical
/// order; no line is kept.
pub fn form_counts(
    index: &CorpusIndex,
    query: &str,
    options: &Options,
) -> Result<Vec<FormCount>, SearchError> {
    let mut counts: BTreeMap<(Lang, String), BTreeMap<String, usize>> = BTreeMap::new();
    occurrences(index, query, options, &mut |line| {
        let docs = counts
            .entry((line.lang, line.keyword.to_lowercase()))
            .or_default();
        match docs.get_mut(&line.doc) {
            Some(n) => *n += 1,
            None => {
                docs.insert(line.doc, 1);
            }
        }
        ControlFlow::Continue(())
    })?;
    let mut rows: Vec<FormCount> = counts
        .into_iter()
        .map(|((lang, form), docs)| FormCount {
            lang,
            count: docs.values().sum(),
            form,
            docs,
        })
        .collect();
    rows.sort_by_cached_key(|r| {
        (
            r.lang,
            std::cmp::Reverse(r.count),
            collation_key(&r.form, r.lang),
        )
    });
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_letters_sort_in_kazakh_order() {
        let mut words = vec![
            "қазақ",
            "көп",
            "ғасыр",
            "гүл",
            "әке",
            "ана",
            "өмір",
            "орын",
            "ұлт",
            "үй",
            "іс",
            "ыдыс",
        ];
        words.sort_by_key(|w| collation_key(w, Lang::Kk));
        assert_eq!(
            words,
            [
                "ана",
                "әке",
                "гүл",
                "ғасыр",
                "көп",
                "қазақ",
                "орын",
                "өмір",
                "ұлт",
                "үй",
                "ыдыс",
                "іс"
            ]
        );
    }

    #[test]
    fn russian_yo_sorts_after_ye() {
        let mut words = vec!["ёлка", "ель", "жук"];
        words.sort_by_key(|w| collation_key(w, Lang::Ru));
        assert_eq!(words, ["ель", "ёлка", "жук"]);
    }

    #[test]
    fn positions_read_as_antconc_writes_them() {
        assert_eq!(Position::parse("L1"), Ok(Position::L1));
        assert_eq!(Position::parse("R3"), Ok(Position { left: false, n: 3 }));
        assert!(
            Position::parse("X1").is_err()
                && Position::parse("R9").is_err()
                && Position::parse("").is_err()
                && Position::parse("Л1").is_err()
        );
    }

    #[test]
    fn latin_words_in_a_kazakh_line_sort_after_the_kazakh_alphabet() {
        let mut words = vec!["Bolshevik", "әке", "ана", "я"];
        words.sort_by_key(|w| collation_key(w, Lang::Kk));
        assert_eq!(words, ["ана", "әке", "я", "Bolshevik"]);
        let mut words = vec!["zemstvo", "Alash", "élite"];
        words.sort_by_key(|w| collation_key(w, Lang::En));
        assert_eq!(words, ["Alash", "zemstvo", "élite"]);
    }

    #[test]
    fn sort_bytes_order_words_as_their_collation_keys_do() {
        let words = [
            "",
            "а",
            "ана",
            "анар",
            "әке",
            "я",
            "Bolshevik",
            "ǅ",
            "😀",
            "қазақ",
            "Қазақ",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    sort_bytes(a, Lang::Kk).cmp(&sort_bytes(b, Lang::Kk)),
                    collation_key(a, Lang::Kk).cmp(&collation_key(b, Lang::Kk)),
                    "{a:?} against {b:?}"
                );
            }
        }
    }

    #[test]
    fn a_sample_is_the_partial_shuffle_of_every_place() {
        // The same places as a shuffle of the whole list of places would give.
        let (total, size, seed) = (1000u64, 37usize, 42u64);
        let mut next = split_mix(seed);
        let mut places: Vec<u64> = (0..total).collect();
        for i in 0..size {
            let j = i + (next() % (places.len() - i) as u64) as usize;
            places.swap(i, j);
        }
        let whole: HashSet<u64> = places[..size].iter().copied().collect();
        assert_eq!(chosen_places(total, size, seed), whole);
        assert_eq!(chosen_places(total, size, seed).len(), size);
        assert_ne!(chosen_places(total, size, seed + 1), whole);
        assert_eq!(chosen_places(5, 10, seed).len(), 5);
    }
}
