//! `ushtil search` on the bundled article: a query in any language finds the
//! passage and shows its aligned counterparts.

mod common;

use common::{repo, search_json, shared_index, stderr, stdout, ushtil};
use serde_json::Value;

fn text<'a>(hit: &'a Value, lang: &str) -> Option<&'a str> {
    hit["texts"][lang].as_str()
}

/// The words of `lang`'s text that the hit marks as matched.
fn marked<'a>(hit: &'a Value, lang: &str) -> Vec<&'a str> {
    let text = text(hit, lang).unwrap_or_default();
    hit["highlights"][lang]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &text[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect()
}

/// The unit on the election dates: Kazakh `12-14 және 28 қарашасына`.
fn election_dates_unit(hits: &[Value]) -> Option<&Value> {
    hits.iter()
        .find(|h| text(h, "kk").is_some_and(|t| t.contains("1917 жылдың 12-14 және 28 қарашасына")))
}

#[test]
fn kazakh_query_finds_election_dates_with_russian_and_english_counterparts() {
    let hits = search_json(&["сайлау"]);
    let hit = election_dates_unit(&hits).expect("the Kazakh results part is found");
    assert_eq!(hit["section"], "abstract/results");
    assert!(text(hit, "ru")
        .unwrap()
        .contains("на 12-14 и 28 ноября 1917"));
    assert!(text(hit, "en")
        .unwrap()
        .contains("for November 12-14 and 28, 1917"));
    // The Kazakh forms of `сайлау` are all marked: the bare noun in this unit.
    assert!(marked(hit, "kk")
        .iter()
        .all(|w| w.to_lowercase().starts_with("сайлау")));
    assert!(marked(hit, "kk").contains(&"сайлау"));
    // The first sentence group links the three versions of the dates sentence.
    let first = &hit["sentences"][0];
    assert!(first["kk"].as_str().unwrap().contains("12-14 және 28"));
    assert!(first["ru"].as_str().unwrap().contains("12-14 и 28 ноября"));
    assert!(first["en"]
        .as_str()
        .unwrap()
        .contains("November 12-14 and 28"));
}

#[test]
fn russian_and_english_queries_find_the_same_unit() {
    let kazakh = search_json(&["сайлау"]);
    let unit = election_dates_unit(&kazakh).unwrap()["unit"].clone();
    for (query, lang) in [("выборы", "ru"), ("election", "en")] {
        let hits = search_json(&[query, "--lang", lang, "--limit", "50"]);
        let hit = hits
            .iter()
            .find(|h| h["unit"] == unit)
            .unwrap_or_else(|| panic!("{query} finds {unit}"));
        // `выборы` finds `выборов`; `election` finds `elections`.
        let forms = marked(hit, lang);
        assert!(
            forms.contains(&if lang == "ru" {
                "выборов"
            } else {
                "elections"
            }),
            "{forms:?}"
        );
    }
}

#[test]
fn latin_turgay_finds_turgay_spelt_with_cyrillic_u() {
    let hits = search_json(&["Turgay", "--limit", "50"]);
    let mixed = "Turga\u{0443}"; // Latin `Turga` + Cyrillic `у`
    let hit = hits
        .iter()
        .find(|h| text(h, "en").is_some_and(|t| t.contains(mixed)))
        .expect("a paragraph that spells it with Cyrillic у");
    assert!(marked(hit, "en").contains(&mixed));
}

#[test]
fn state_finds_the_word_glued_to_the_next_sentence() {
    let hits = search_json(&["state", "--lang", "en", "--limit", "100"]);
    let hit = hits
        .iter()
        .find(|h| text(h, "en").is_some_and(|t| t.contains("sovereign state.The Kurultai")))
        .expect("the paragraph with `state.The`");
    let en = text(hit, "en").unwrap();
    let at = en.find("state.The").unwrap();
    let ranges = hit["highlights"]["en"].as_array().unwrap();
    assert!(ranges
        .iter()
        .any(|r| r[0] == at && r[1] == at + "state".len()));
}

#[test]
fn kazakh_sentence_dropped_by_english_shows_a_dash() {
    let hits = search_json(&["республика", "--lang", "kk"]);
    let hit = hits
        .iter()
        .find(|h| h["section"] == "abstract/conclusion")
        .expect("the conclusion");
    let group = hit["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| {
            g["kk"]
                .as_str()
                .is_some_and(|s| s.contains("егеменді республикаға айналды"))
        })
        .expect("the sovereign republic sentence");
    assert!(group["ru"]
        .as_str()
        .unwrap()
        .contains("в суверенную республику"));
    assert!(group["en"].is_null());
    // The text printer shows the missing English as a dash.
    let out = ushtil(
        &repo("corpus"),
        shared_index(),
        &["search", "республика", "--lang", "kk"],
    );
    let shown = stdout(&out);
    let kk_line = shown
        .lines()
        .position(|l| l.contains("егеменді республикаға айналды"))
        .unwrap();
    let lines: Vec<&str> = shown.lines().collect();
    assert!(lines[kk_line + 1]
        .trim_start()
        .starts_with("ru  После разгона"));
    assert_eq!(lines[kk_line + 2].trim(), "en  —");
}

#[test]
fn phrase_boolean_and_prefix_queries() {
    let phrase = search_json(&["\"Құрылтай жиналысы\"", "--lang", "kk"]);
    assert!(!phrase.is_empty());
    assert!(phrase
        .iter()
        .all(|h| text(h, "kk").unwrap().contains("Құрылтай жиналыс")));
    // Both words required by default, and with AND. A capitalised word is a
    // name too, so `Turgay` also finds the spelling `Turgai`.
    let both = search_json(&["Alash AND Turgay", "--limit", "100"]);
    assert!(both
        .iter()
        .any(|h| text(h, "en").unwrap_or_default().contains("Turgai")));
    assert!(both.iter().all(|h| {
        let en = text(h, "en").unwrap_or_default();
        en.contains("Alash")
            && ["Turgay", "Turga\u{0443}", "Turgai"]
                .iter()
                .any(|t| en.contains(t))
    }));
    let either = search_json(&["Ekibastuz OR Orenburg", "--limit", "100"]);
    let one = search_json(&["Ekibastuz", "--limit", "100"]);
    assert!(either.len() > one.len() && !one.is_empty());
    // Spellings of one name find each other: Shokay and Shokai.
    let shokay = search_json(&["Shokay", "--limit", "100"]);
    assert!(shokay.iter().any(|h| marked(h, "en").contains(&"Shokai")));
    let without = search_json(&["Alash NOT party", "--lang", "en", "--limit", "100"]);
    assert!(!without.is_empty());
    assert!(without.iter().all(|h| {
        let en = text(h, "en").unwrap().to_lowercase();
        !en.split(|c: char| !c.is_alphabetic())
            .any(|w| w == "party" || w == "parties")
    }));
    // A prefix matches word forms: `Bukeikh*` finds Bukeikhan and Bukeikhanov.
    let prefix = search_json(&["Bukeikh*", "--limit", "100"]);
    let forms: std::collections::BTreeSet<&str> =
        prefix.iter().flat_map(|h| marked(h, "en")).collect();
    assert!(
        forms.contains("Bukeikhan") && forms.contains("Bukeikhanov"),
        "{forms:?}"
    );
}

#[test]
fn malformed_query_is_a_usage_error() {
    let out = ushtil(&repo("corpus"), shared_index(), &["search", "Alash AND ("]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.starts_with("ushtil: error: query \"Alash AND (\""));
    // Places are counted in letters, Cyrillic ones too (two bytes each).
    let out = ushtil(&repo("corpus"), shared_index(), &["search", "(Алаш"]);
    assert!(
        stderr(&out).ends_with("at character 6\n"),
        "{}",
        stderr(&out)
    );
    // A spelling distance is not searched as the word and a number.
    let out = ushtil(&repo("corpus"), shared_index(), &["search", "Alash~1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not supported"), "{}", stderr(&out));
}

#[test]
fn nothing_found_exits_with_one() {
    let out = ushtil(&repo("corpus"), shared_index(), &["search", "Qwertyuiop"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = ushtil(
        &repo("corpus"),
        shared_index(),
        &["search", "Alash", "-n", "1"],
    );
    assert!(!stdout(&plain).contains('\x1b'));
    let coloured = ushtil(
        &repo("corpus"),
        shared_index(),
        &["--color", "always", "search", "Alash", "-n", "1"],
    );
    assert!(stdout(&coloured).contains("\x1b["));
}

#[test]
fn export_lists_every_unit_in_order() {
    let out = ushtil(
        &repo("corpus"),
        shared_index(),
        &["export", "--format", "json"],
    );
    assert!(out.status.success());
    // `jsonl`, the name it had, is still understood.
    let old_name = ushtil(
        &repo("corpus"),
        shared_index(),
        &["export", "--format", "jsonl"],
    );
    assert_eq!(stdout(&old_name), stdout(&out));
    let units: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = units.iter().map(|u| u["unit"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert_eq!(ids.first(), Some(&"u001"));
    assert_eq!(units[0]["section"], "abstract/introduction");
    for unit in &units {
        assert_eq!(unit["doc"], common::BUNDLED);
        assert!(unit["texts"].is_object() && unit["sentences"].is_array());
    }
    let body = units
        .iter()
        .filter(|u| u["section"].as_str().unwrap().starts_with("body/"))
        .count();
    assert!(body > 40);
}

#[test]
fn odd_queries_and_limits_answer_without_crashing() {
    let run = |args: &[&str]| ushtil(&repo("corpus"), shared_index(), args);
    // A limit far beyond the corpus is the whole corpus, not an allocation failure.
    let huge = run(&[
        "search",
        "Alash",
        "--limit",
        "4000000000",
        "--format",
        "json",
    ]);
    assert_eq!(huge.status.code(), Some(0), "{}", stderr(&huge));
    assert_eq!(
        run(&["search", "Alash", "--limit", "0"]).status.code(),
        Some(2)
    );
    let nested = format!("{}Alash{}", "(".repeat(5000), ")".repeat(5000));
    let deep = run(&["search", &nested]);
    assert_eq!(deep.status.code(), Some(2));
    assert!(stderr(&deep).contains("nested"), "{}", stderr(&deep));
    // A leading `-` is the query's NOT, not an option.
    let negated = run(&["search", "-Алаш", "--lang", "kk"]);
    assert_eq!(negated.status.code(), Some(0), "{}", stderr(&negated));
    // A hit with nothing to mark shows its text, not only its header.
    assert!(stdout(&negated)
        .lines()
        .any(|l| l.trim_start().starts_with("kk  ") && !l.ends_with('—')));
    // A language named in the query must be one the search covers.
    assert_eq!(
        run(&["search", "ru:выборы", "--lang", "en"]).status.code(),
        Some(2)
    );
}

#[test]
fn a_negation_alone_lists_units_of_the_languages_searched() {
    // `-Алаш` in Kazakh: every unit with Kazakh text that does not name Алаш,
    // not the English-only units of the body.
    let hits = search_json(&["-Алаш", "--lang", "kk", "--limit", "1000"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        let kk = text(hit, "kk").expect("every hit has Kazakh text");
        assert!(!kk.contains("Алаш"), "{kk}");
    }
    // All three languages: the body counts too.
    let all = search_json(&["-Алаш", "--limit", "1000"]);
    assert!(all.len() > hits.len() + 40);
    assert!(all.iter().any(|h| text(h, "kk").is_none()));
}

#[test]
fn a_negated_phrase_leaves_out_exactly_the_units_holding_it() {
    // Run in a debug build, this once tripped tantivy's own assertion on
    // every negated phrase (tantivy#2811).
    let ids = |query: &str| -> std::collections::BTreeSet<String> {
        search_json(&[query, "--limit", "1000"])
            .iter()
            .map(|h| format!("{}#{}", h["doc"], h["unit"]))
            .collect()
    };
    let alash = ids("Alash");
    let with_phrase = ids("Alash \"Constituent Assembly\"");
    assert!(!with_phrase.is_empty() && with_phrase.len() < alash.len());
    let expected: std::collections::BTreeSet<String> =
        alash.difference(&with_phrase).cloned().collect();
    assert_eq!(ids("Alash -\"Constituent Assembly\""), expected);
    assert_eq!(ids("Alash NOT \"Constituent Assembly\""), expected);
    // A Kazakh phrase the same way.
    let kk = ids("Алаш -\"Құрылтай жиналысы\"");
    assert!(!kk.is_empty() && kk.len() < ids("Алаш").len());
}

#[test]
fn a_word_inside_a_phrase_also_searched_marks_the_whole_phrase() {
    let hits = common::search_json(&["Provisional \"Provisional Government\"", "--lang", "en"]);
    let marks = marked(&hits[0], "en");
    assert!(marks.contains(&"Provisional Government"), "{marks:?}");
    assert!(!marks.contains(&"Provisional"), "{marks:?}");
}

#[test]
fn a_label_is_searchable_as_printed() {
    // `Кіріспе.` (introduction) stays at the start of its unit's text: the
    // Kazakh abstract's introduction is found by it, and its section says so.
    let hits = common::search_json(&["Кіріспе", "--lang", "kk"]);
    let hit = hits
        .iter()
        .find(|h| h["section"] == "abstract/introduction")
        .unwrap();
    assert!(hit["texts"]["kk"]
        .as_str()
        .unwrap()
        .starts_with("Андатпа. Кіріспе.1917 жылдың"));
}

#[test]
fn a_preposition_the_pdf_glued_to_its_noun_is_found_cut_off() {
    // The Russian abstract prints `Также вкачестве источника`: ingest cuts
    // `в` off, so that `качество` finds the sentence, marked as a word.
    let hits = common::search_json(&["\"в качестве источника\"", "--lang", "ru"]);
    let hit = hits
        .iter()
        .find(|h| text(h, "ru").is_some_and(|t| t.contains("Также в качестве источника")))
        .expect("the sentence is found by the phrase");
    assert_eq!(marked(hit, "ru"), ["в качестве источника"]);
    let hits = common::search_json(&["качество", "--lang", "ru"]);
    assert!(hits.iter().any(|h| marked(h, "ru").contains(&"качестве")));
}

#[test]
fn a_name_typed_in_lower_case_reaches_every_script() {
    // `бөкейхан` and `букейхан` as a user types them find the English
    // spelling, the only one the article prints.
    for query in ["бөкейхан", "букейхан", "bukeikhan"] {
        let hits = search_json(&[query]);
        let marks: Vec<&str> = hits.iter().flat_map(|h| marked(h, "en")).collect();
        assert!(marks.contains(&"Bukeikhan"), "{query}: {marks:?}");
    }
    // `alash` in lower case is `Алаш`; `мен` ("and", "I") is no English `men`.
    assert!(search_json(&["alash", "--lang", "kk"])
        .iter()
        .any(|h| marked(h, "kk").iter().any(|w| w.starts_with("Алаш"))));
    assert!(search_json(&["мен"])
        .iter()
        .all(|h| marked(h, "en").is_empty()));
}

#[test]
fn a_country_and_a_people_are_reached_from_each_of_their_names() {
    // `Ресей`, `Россия` and `Russia` find the same units, and mark each other.
    let units = |query: &str| -> Vec<String> {
        let mut units: Vec<String> = search_json(&[query, "-n", "100"])
            .iter()
            .map(|h| h["unit"].as_str().unwrap().to_owned())
            .collect();
        units.sort();
        units
    };
    assert_eq!(units("Ресей"), units("Russia"));
    assert_eq!(units("россия"), units("Russia"));
    let hits = search_json(&["ресей"]);
    let first = hits
        .iter()
        .find(|h| !marked(h, "kk").is_empty() && !marked(h, "ru").is_empty())
        .expect("a unit with the name in Kazakh and Russian");
    assert_eq!(marked(first, "ru"), ["России"]);
    assert_eq!(marked(first, "en"), ["Russia"]);
    // The ethnonym, which Kazakh and Russian write in lower case.
    let hits = search_json(&["қазақ"]);
    assert!(hits.iter().any(|h| marked(h, "ru").contains(&"казахов")));
    assert!(hits.iter().any(|h| marked(h, "en").contains(&"Kazakhs")));
}

#[test]
fn kazakh_in_each_latin_alphabet_and_typed_plain_finds_the_cyrillic() {
    let units = |query: &str| -> Vec<String> {
        let mut units: Vec<String> = search_json(&[query, "--lang", "kk", "-n", "100"])
            .iter()
            .map(|h| h["unit"].as_str().unwrap().to_owned())
            .collect();
        units.sort();
        units
    };
    let cyrillic = units("сайлау");
    assert!(!cyrillic.is_empty());
    // The 2018 alphabet, the 2021 one, and plain typing; then `құрылтай`.
    for query in ["saılaý", "sailau", "saylau"] {
        assert_eq!(units(query), cyrillic, "{query}");
    }
    let cyrillic = units("құрылтай");
    for query in ["Quryltaı", "Qūryltai", "quryltai"] {
        assert_eq!(units(query), cyrillic, "{query}");
    }
    // The 2017 alphabet's apostrophe is a letter's: `n'` is `ң`.
    assert_eq!(units("qazaqstannyn'"), units("қазақстанның"));
    // The Kazakh word is marked as printed.
    let hits = search_json(&["sailau", "--lang", "kk"]);
    assert!(hits.iter().any(|h| marked(h, "kk").contains(&"сайлау")));
}

#[test]
fn count_prints_how_many_units_match_and_text_ends_with_it() {
    let index = shared_index();
    let out = ushtil(&repo("corpus"), index, &["search", "сайлау", "--count"]);
    assert_eq!(out.status.code(), Some(0));
    let count: usize = stdout(&out).trim().parse().expect("a number");
    assert_eq!(count, search_json(&["сайлау", "-n", "1000"]).len());
    let out = ushtil(&repo("corpus"), index, &["search", "сайлау", "-n", "2"]);
    assert!(stdout(&out).ends_with(&format!("{count} units match, 2 shown (-n shows more)\n")));
    // Nothing found: 0, and the exit status says so.
    let out = ushtil(&repo("corpus"), index, &["search", "zzxxqq", "--count"]);
    assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(1), "0\n"));
}

#[test]
fn a_unit_of_one_language_shows_no_rows_for_the_others() {
    // The body is English only: no `kk  —` and `ru  —` under each sentence.
    let out = ushtil(
        &repo("corpus"),
        shared_index(),
        &[
            "search",
            "Bukeikhan",
            "--lang",
            "en",
            "-n",
            "3",
            "--color",
            "never",
        ],
    );
    let text = stdout(&out);
    assert!(
        text.contains("  en  According to the calculations"),
        "{text}"
    );
    assert!(
        !text.contains("  kk  —") && !text.contains("  ru  —"),
        "{text}"
    );
}

/// The distinct words of a list, sorted.
fn words(mut marked: Vec<&str>) -> Vec<&str> {
    marked.sort();
    marked.dedup();
    marked
}

#[test]
fn the_translation_of_the_matched_word_is_marked_in_the_other_languages() {
    // Learned from the aligned sentences: `сайлау` is `выборы` and `election`.
    let hits = search_json(&["сайлау"]);
    let hit = election_dates_unit(&hits).unwrap();
    assert_eq!(words(marked(hit, "ru")), ["выборов"]);
    assert_eq!(words(marked(hit, "en")), ["elections"]);
    // And back, from English; nothing else is marked where nothing is sure.
    let hits = search_json(&["elections"]);
    let hit = election_dates_unit(&hits).unwrap();
    assert_eq!(words(marked(hit, "kk")), ["сайлау"]);
    assert_eq!(words(marked(hit, "ru")), ["выборов"]);
    // Searching one language, the hits are that language's; the counterparts
    // are marked all the same.
    let hits = search_json(&["выборы", "--lang", "ru"]);
    let hit = election_dates_unit(&hits).unwrap();
    assert_eq!(words(marked(hit, "kk")), ["сайлау"]);
}

#[test]
fn a_term_the_keyword_lists_pair_is_marked_though_it_stands_once() {
    // `егемендік` stands once, in the keyword lists, too rarely to learn;
    // the lists pair it with `суверенитет` and `sovereignty`.
    let hits = search_json(&["егемендік"]);
    let hit = hits
        .iter()
        .find(|h| h["section"] == "abstract/keywords")
        .unwrap();
    assert_eq!(marked(hit, "ru"), ["суверенитет"]);
    assert_eq!(marked(hit, "en"), ["sovereignty"]);
}
