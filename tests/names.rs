//! Names across scripts through `ushtil search`: a name written in one script
//! finds it in the others, and common words of one language do not match
//! unrelated words of another.

mod common;

use std::fs;

use common::{repo, stderr, stdout, ushtil, BUNDLED};
use serde_json::Value;

/// The bundled article and a short document naming Bukeikhan and Tastemir in
/// all three scripts (tests/data/docs/names-across-scripts.txt).
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        repo(&format!("corpus/{BUNDLED}.txt")),
        dir.path().join(format!("{BUNDLED}.txt")),
    )
    .unwrap();
    fs::copy(
        repo("tests/data/docs/names-across-scripts.txt"),
        dir.path().join("names.txt"),
    )
    .unwrap();
    dir
}

/// The words marked in `lang` over all hits of `query`.
fn marked(
    corpus: &std::path::Path,
    index: &std::path::Path,
    query: &str,
    lang: &str,
) -> Vec<String> {
    let out = ushtil(
        corpus,
        index,
        &[
            "search", query, "--lang", lang, "--format", "json", "-n", "100",
        ],
    );
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        stderr(&out)
    );
    let mut words = Vec::new();
    for line in stdout(&out).lines() {
        let hit: Value = serde_json::from_str(line).unwrap();
        let text = hit["texts"][lang].as_str().unwrap_or_default();
        for range in hit["highlights"][lang].as_array().unwrap() {
            let (from, to) = (
                range[0].as_u64().unwrap() as usize,
                range[1].as_u64().unwrap() as usize,
            );
            words.push(text[from..to].to_owned());
        }
    }
    words
}

#[test]
fn a_name_in_one_script_finds_it_in_the_others() {
    let (corpus, index) = (corpus(), tempfile::tempdir().unwrap());
    let (c, i) = (corpus.path(), index.path());
    // Alash finds Алаш.
    assert!(marked(c, i, "Alash", "kk").contains(&"Алаш".to_owned()));
    // Bukeikhan finds Бөкейхан (in the accusative, Бөкейханды) and Букейхан.
    assert!(marked(c, i, "Bukeikhan", "kk").contains(&"Бөкейханды".to_owned()));
    assert!(marked(c, i, "Bukeikhan", "kk").contains(&"Бөкейхан".to_owned()));
    assert!(marked(c, i, "Bukeikhan", "ru").contains(&"Букейхана".to_owned()));
    // And back: the Kazakh spelling finds the English and the Russian.
    assert!(marked(c, i, "Бөкейхан", "en").contains(&"Bukeikhan".to_owned()));
    assert!(marked(c, i, "Бөкейхан", "ru").contains(&"Букейхан".to_owned()));
    // Tastemir finds Тәстемір and Тастемир.
    assert!(marked(c, i, "Tastemir", "kk").contains(&"Тәстемір".to_owned()));
    assert!(marked(c, i, "Tastemir", "ru").contains(&"Тастемир".to_owned()));
}

#[test]
fn common_words_do_not_cross_scripts() {
    let (corpus, index) = (corpus(), tempfile::tempdir().unwrap());
    let (c, i) = (corpus.path(), index.path());
    // English `men` and Kazakh `мен` ("and") look alike in Latin letters: a
    // lower-case word is never looked up as a name, nor is a three-letter one.
    assert!(marked(c, i, "men", "kk").is_empty());
    assert!(marked(c, i, "Men", "kk").is_empty());
    // `Сайлауда` is capitalised only at the start of its sentence: no name.
    // `Sailauda` finds it all the same, as the word it spells in Latin
    // letters: every form of `сайлау` "election", as a word search does.
    let sailauda = marked(c, i, "Sailauda", "kk");
    assert!(sailauda.contains(&"Сайлауда".to_owned()), "{sailauda:?}");
    assert!(sailauda.iter().any(|w| w != "Сайлауда"), "{sailauda:?}");
    // A longer name is another name: Alashorda does not find Алаш.
    let alashorda = marked(c, i, "Alashorda", "kk");
    assert!(!alashorda.contains(&"Алаш".to_owned()), "{alashorda:?}");
    assert!(alashorda.contains(&"Алашорда".to_owned()), "{alashorda:?}");
}

#[test]
fn kazakh_latin_script_finds_cyrillic_kazakh() {
    let (corpus, index) = (corpus(), tempfile::tempdir().unwrap());
    let (c, i) = (corpus.path(), index.path());
    // `qazaq` in the Latin alphabet of 2021 is `қазақ`.
    let found = marked(c, i, "qazaq", "kk");
    assert!(
        found.iter().any(|w| w.to_lowercase().starts_with("қазақ")),
        "{found:?}"
    );
}
