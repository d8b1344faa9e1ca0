//! `ushtil concord` and `ushtil collocates` on the bundled article.

mod common;

use common::{repo, shared_index, stderr, stdout, ushtil};
use serde_json::Value;

fn concord(args: &[&str]) -> std::process::Output {
    let mut all = vec!["concord"];
    all.extend_from_slice(args);
    ushtil(&repo("corpus"), shared_index(), &all)
}

fn json_lines(args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = concord(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A language, a word, and its forms with how often each occurs.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, usize)]);

/// Every occurrence of every form, counted by hand in the source text (the
/// forms are listed with their counts), is listed exactly once.
#[test]
fn every_form_is_listed_once() {
    let cases: &[Case] = &[
        // Kazakh abstract and keywords.
        (
            "kk",
            "сайлау",
            &[
                ("сайлау", 5),
                ("сайлауды", 1),
                ("сайлауға", 1),
                ("сайлауда", 1),
            ],
        ),
        ("kk", "депутат", &[("депутаттар", 2), ("депутаттары", 1)]),
        (
            "kk",
            "үкімет",
            &[("үкімет", 3), ("үкіметтің", 1), ("үкіметі", 1)],
        ),
        // Russian abstract and keywords.
        (
            "ru",
            "выборы",
            &[("выборов", 5), ("выборах", 2), ("выборы", 1)],
        ),
        ("ru", "собрание", &[("собрания", 10), ("собрание", 1)]),
        ("ru", "правительство", &[("правительство", 5)]),
        // English abstract and body, tables included.
        ("en", "deputy", &[("deputies", 36), ("deputy", 4)]),
        ("en", "assembly", &[("assembly", 69)]),
        (
            "en",
            "party",
            &[("party", 49), ("party's", 1), ("parties", 5)],
        ),
    ];
    for (lang, word, forms) in cases {
        let lines = json_lines(&[word, "--lang", lang]);
        let mut found: std::collections::BTreeMap<String, usize> = Default::default();
        for line in &lines {
            *found
                .entry(line["keyword"].as_str().unwrap().to_lowercase())
                .or_default() += 1;
        }
        let expected: std::collections::BTreeMap<String, usize> =
            forms.iter().map(|(f, n)| (f.to_string(), *n)).collect();
        assert_eq!(found, expected, "{lang} {word}");
        // In corpus order (units are read in batches, on every core): by unit,
        // as the document runs.
        let units: Vec<&str> = lines.iter().map(|l| l["unit"].as_str().unwrap()).collect();
        assert!(
            units.windows(2).all(|w| w[0] <= w[1]),
            "{lang} {word}: out of corpus order: {units:?}"
        );
        // No occurrence twice: each (unit, left context) is one place.
        let mut places: Vec<(String, String)> = lines
            .iter()
            .map(|l| {
                (
                    l["unit"].as_str().unwrap().to_owned(),
                    l["left"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        places.sort();
        places.dedup();
        assert_eq!(
            places.len(),
            lines.len(),
            "{lang} {word}: a line listed twice"
        );
    }
}

#[test]
fn count_lists_forms_per_language_and_document() {
    let out = concord(&["сайлау", "--count", "--format", "json"]);
    let rows: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows[0]["form"], "сайлау");
    assert_eq!(rows[0]["count"], 5);
    assert_eq!(rows[0]["docs"][common::BUNDLED], 5);
    let total: u64 = rows.iter().map(|r| r["count"].as_u64().unwrap()).sum();
    assert_eq!(total, 8);
}

#[test]
fn sorted_by_the_right_and_left_word_in_each_alphabet() {
    // R1 of `сайлау`: the words after it, in Kazakh alphabetical order (а … ж … қ … м).
    let lines = json_lines(&["сайлау", "--lang", "kk", "--sort-by", "R1"]);
    let r1: Vec<String> = lines
        .iter()
        .map(|l| {
            l["right"]
                .as_str()
                .unwrap()
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("")
                .to_lowercase()
        })
        .collect();
    // (`«Алаш»`: the word inside the quotation marks.)
    assert_eq!(
        r1,
        ["алаш", "және", "және", "қазақ", "мен", "мен", "мен", "мен"]
    );
    // L1 of `выборы` in Russian order: дату, до, ожидали …
    let lines = json_lines(&["выборы", "--lang", "ru", "--sort", "left"]);
    let l1: Vec<String> = lines
        .iter()
        .map(|l| {
            l["left"]
                .as_str()
                .unwrap()
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .unwrap_or("")
                .to_lowercase()
        })
        .collect();
    let mut sorted = l1.clone();
    sorted.sort_by_key(|w| {
        w.chars()
            .map(|c| {
                "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
                    .chars()
                    .position(|a| a == c)
                    .unwrap_or(99)
            })
            .collect::<Vec<_>>()
    });
    assert_eq!(l1, sorted);
}

#[test]
fn a_sample_is_the_same_for_the_same_seed() {
    let a = json_lines(&["party", "--lang", "en", "--sample", "7", "--seed", "42"]);
    let b = json_lines(&["party", "--lang", "en", "--sample", "7", "--seed", "42"]);
    let c = json_lines(&["party", "--lang", "en", "--sample", "7", "--seed", "43"]);
    assert_eq!(a.len(), 7);
    assert_eq!(a, b);
    assert_ne!(a, c);
}

/// The words a counterpart sentence of a concordance line marks.
fn counterpart_marks(counterpart: &serde_json::Value) -> Vec<&str> {
    let text = counterpart["text"].as_str().unwrap();
    counterpart["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &text[m[0].as_u64().unwrap() as usize..m[1].as_u64().unwrap() as usize])
        .collect()
}

#[test]
fn parallel_lines_carry_the_aligned_sentences_and_counterpart_words() {
    let lines = json_lines(&["сайлау", "--lang", "kk", "--parallel"]);
    let dates = lines
        .iter()
        .find(|l| l["right"].as_str().unwrap().contains("12-14"))
        .unwrap();
    let ru = &dates["counterparts"]["ru"];
    assert!(ru["text"].as_str().unwrap().contains("12-14 и 28 ноября"));
    // The keyword lists pair сайлау with elections: the English word is marked.
    let marked = counterpart_marks(&dates["counterparts"]["en"]);
    assert!(marked.contains(&"elections"), "{marked:?}");
    // The Russian `выборов` is marked too: the only word marked.
    assert_eq!(counterpart_marks(ru), ["выборов"]);
}

#[test]
fn a_counterpart_the_keyword_lists_do_not_give_is_learned_from_the_corpus() {
    // `шақыру` "convocation" is in no keyword list; the aligned sentences
    // teach that the Russian say `созыв` for it.
    let lines = json_lines(&["шақыру", "--lang", "kk", "--parallel"]);
    let mut marked: Vec<String> = Vec::new();
    for line in &lines {
        let ru = &line["counterparts"]["ru"];
        if ru["text"].is_string() {
            marked.extend(counterpart_marks(ru).iter().map(|w| w.to_lowercase()));
        }
    }
    assert!(!lines.is_empty());
    assert!(marked.iter().any(|w| w.starts_with("созыв")), "{marked:?}");
}

#[test]
fn tsv_and_csv_open_as_columns() {
    let out = concord(&[
        "party", "--lang", "en", "--format", "csv", "-n", "3", "--sort", "right",
    ]);
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "left,keyword,right,doc,unit,lang,section,kk,ru,en"
    );
    assert_eq!(text.lines().count(), 4);
    let out = concord(&["party", "--lang", "en", "--format", "tsv"]);
    for row in stdout(&out).lines().skip(1) {
        let cells: Vec<&str> = row.split('\t').collect();
        assert_eq!(cells.len(), 10);
        assert!(cells[1].to_lowercase().starts_with("part"), "{row}");
    }
}

#[test]
fn exact_form_and_phrase() {
    let exact = json_lines(&["сайлауды", "--lang", "kk", "--exact"]);
    assert_eq!(exact.len(), 1);
    let phrase = json_lines(&["\"Constituent Assembly\"", "--lang", "en"]);
    assert!(phrase
        .iter()
        .all(|l| l["keyword"].as_str().unwrap().to_lowercase() == "constituent assembly"));
    assert!(phrase.len() > 40);
    // A phrase ending in a prefix is the phrase, not its words one by one.
    let started = json_lines(&["\"Constituent Assem\"*", "--lang", "en"]);
    assert_eq!(started.len(), phrase.len());
    assert!(started
        .iter()
        .all(|l| l["keyword"].as_str().unwrap().to_lowercase() == "constituent assembly"));
}

#[test]
fn collocates_are_scored_with_their_counts() {
    let out = ushtil(
        &repo("corpus"),
        shared_index(),
        &[
            "collocates",
            "Alash",
            "--lang",
            "en",
            "--format",
            "json",
            "-n",
            "5",
        ],
    );
    let rows: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows[0]["collocate"], "party");
    assert!(rows
        .iter()
        .all(|r| r["together"].as_u64().unwrap() <= r["frequency"].as_u64().unwrap()));
    let scores: Vec<f64> = rows
        .iter()
        .map(|r| r["log_likelihood"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn a_name_spelt_in_two_scripts_is_one_collocate() {
    // The English abstract writes Turgay four times with a Latin y and four
    // times with a Cyrillic у (U+0443), as search reads them: one word.
    let text = std::fs::read_to_string(repo("corpus/alash-constituent-assembly-1917.txt")).unwrap();
    assert_eq!(
        (
            text.matches("Turgay").count(),
            text.matches("Turga\u{443}").count()
        ),
        (4, 4)
    );
    let out = ushtil(
        &repo("corpus"),
        shared_index(),
        &[
            "collocates",
            "district",
            "--lang",
            "en",
            "--format",
            "json",
            "--min",
            "1",
            "-n",
            "1000",
        ],
    );
    let rows: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let turgay: Vec<&Value> = rows
        .iter()
        .filter(|r| ["turgay", "turga\u{443}"].contains(&r["collocate"].as_str().unwrap()))
        .collect();
    assert_eq!(turgay.len(), 1, "{turgay:?}");
    assert_eq!(turgay[0]["collocate"], "turgay");
    assert_eq!(
        turgay[0]["frequency"], 8,
        "both spellings counted in the corpus"
    );
}

#[test]
fn a_query_with_no_word_to_line_up_is_an_error() {
    // A negation alone finds units (search lists them) but no word in them.
    for query in ["-Алаш", "*"] {
        let out = concord(&["--", query]);
        assert_eq!(out.status.code(), Some(2), "{query}");
        assert!(
            stderr(&out).contains("no word, phrase or prefix"),
            "{}",
            stderr(&out)
        );
    }
    let out = ushtil(
        &repo("corpus"),
        shared_index(),
        &["collocates", "--", "-сайлау"],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_concordance_of_election_lists_no_elected() {
    // English by lemma: `elections` is `election`, `elected` is `elect`.
    let lines = json_lines(&["election", "--lang", "en"]);
    let keywords: std::collections::BTreeSet<String> = lines
        .iter()
        .map(|l| l["keyword"].as_str().unwrap().to_lowercase())
        .collect();
    assert_eq!(
        keywords.into_iter().collect::<Vec<_>>(),
        ["election", "elections"]
    );
}

/// A TSV or CSV concordance read back by a CSV reader gives exactly the
/// cells JSON gives, quotes and all (`the "Declaration of the Rights …`).
#[test]
fn tsv_and_csv_read_back_exactly() {
    let lines = json_lines(&["Declaration", "--lang", "en"]);
    assert!(!lines.is_empty());
    let quoted = lines
        .iter()
        .any(|l| l["left"].as_str().unwrap().ends_with('"'));
    assert!(quoted, "a left context that ends in a quote: {lines:?}");
    for (format, delimiter) in [("tsv", b'\t'), ("csv", b',')] {
        let out = concord(&["Declaration", "--lang", "en", "--format", format]);
        assert!(out.status.success(), "{}", stderr(&out));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(out.stdout.as_slice());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header[..3], ["left", "keyword", "right"]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), lines.len(), "{format}");
        for (row, line) in rows.iter().zip(&lines) {
            for (n, field) in ["left", "keyword", "right", "doc", "unit"]
                .iter()
                .enumerate()
            {
                // the contexts without the space next to the keyword
                let json = line[field].as_str().map(str::trim);
                assert_eq!(row.get(n), json, "{format}: {field}");
            }
        }
    }
    // With --bom, the file opens with the mark Excel reads as UTF-8.
    let out = concord(&["Declaration", "--lang", "en", "--format", "csv", "--bom"]);
    assert!(out
        .stdout
        .starts_with("\u{feff}left,keyword,right".as_bytes()));
}
