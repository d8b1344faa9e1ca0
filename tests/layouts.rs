//! Journal and news layouts from real text other than the bundled article
//! (tests/data/docs/, sources in its README): front matter, labels alone
//! on a line or in capitals, unlabelled abstracts, line-end hyphens in three
//! languages, two-letter initials, reference lists, names across scripts,
//! Kazakh in Latin letters and a fourth language.

mod common;

use std::fs;
use std::path::PathBuf;

use common::{json_lines, repo, stderr, ushtil};
use ushtil::model::{BlockKind, Division, Document, Lang, RepairKind};

const LAYOUTS: [&str; 23] = [
    "adilet-2008-kk-law-pdf",
    "kaznmu-2014-ru-compound-hyphens",
    "moluch-conscience-labels-alone-kk-ru-en",
    "karaganda-takuova-ru-spaced-hyphens",
    "enu-student-kk-old-font",
    "articlekz-valikhanov-en-abbreviations",
    "rusnauka-2015-ru-kk-degree-author",
    "yessenov-front-matter-kk-en",
    "tiltanym-ru-en-labels-alone",
    "moluch-conscience-unlabelled-kk-ru-en",
    "karaganda-2010-dulatuly-kk-ru-en",
    "kaznu-journalism-kk-ru-latin-a",
    "egi-shakarim-kk-en-capital-labels",
    "enu-shakarim-en-initials-at-line-ends",
    "articlekz-alash-heritage-en-two-letter-initials",
    "aqjol-2014-kk-references",
    "mysl-kazgazeta-ru-kazakh-letters",
    "iie-kk-russian-titles",
    "ehistory-stolypin-kk-russian-quotation",
    "abai-kz-kazakh-latin",
    "astana-akshamy-kazakh-latin",
    "turkoloji-tr-abstract",
    "daz-de-news",
];

fn path(name: &str) -> PathBuf {
    repo(&format!("tests/data/docs/{name}.txt"))
}

fn ingest(name: &str) -> Document {
    ushtil::ingest::ingest_file(&path(name), name, Default::default()).unwrap()
}

fn all_sentences(document: &Document) -> Vec<&str> {
    document
        .blocks
        .iter()
        .flat_map(|b| b.sentences.iter().map(|s| s.text.as_str()))
        .collect()
}

/// The line-end hyphens settled, as printed and as repaired.
fn hyphenations(document: &Document) -> Vec<(&str, &str)> {
    document
        .repairs
        .iter()
        .filter(|r| r.kind == RepairKind::Hyphenation)
        .map(|r| (r.printed.as_str(), r.repaired.as_str()))
        .collect()
}

#[test]
fn each_layout_has_its_expected_structure() {
    for name in LAYOUTS {
        common::check_expected_structure(name);
    }
}

#[test]
fn front_matter_is_metadata_and_never_body() {
    let document = ingest("yessenov-front-matter-kk-en");
    let meta = &document.meta;
    assert_eq!(
        meta.title,
        "XX ҒАСЫРДЫҢ БАСЫНДАҒЫ АЛАШ ҚАЙРАТКЕРЛЕРІНІҢ ҰЛТТЫҚ ИДЕЯ ТУРАЛЫ ОЙ-ПІКІРЛЕРІ"
    );
    assert_eq!(meta.authors, ["Л.Т. ДЖУМАЛИЕВА"]);
    assert_eq!(meta.doi, "10.56525/ACWP6447");
    // The Kazakh classifier `ӘӨЖ` (UDC) and МРНТИ are classifiers, not a title.
    let classifiers: Vec<&str> = document
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Classifier)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(classifiers, ["ӘӨЖ 94 (574). (075.8)", "МРНТИ 03.20.03"]);
    assert!(document.blocks.iter().all(|b| b.division != Division::Body));
    // Authors with two initials and a surname, affiliation digits glued on.
    let document = ingest("karaganda-2010-dulatuly-kk-ru-en");
    assert_eq!(document.meta.authors, ["Каренов Р.С."]);
    // Front matter is never aligned: the abstracts are, Russian with English.
    let units = ushtil::align::align(&document);
    let abstracts: Vec<_> = units
        .iter()
        .filter(|u| u.division == Division::Abstract)
        .collect();
    assert_eq!(abstracts.len(), 1);
    assert!(abstracts[0]
        .text(Lang::Ru)
        .unwrap()
        .starts_with("Обобщается"));
    assert!(abstracts[0]
        .text(Lang::En)
        .unwrap()
        .starts_with("Many-sided"));
    assert!(units
        .iter()
        .filter(|u| u.division == Division::Front)
        .all(|u| u.links.len() == 1));
}

#[test]
fn labels_alone_on_a_line_or_in_capitals_open_abstracts_that_align() {
    for (name, langs) in [
        ("tiltanym-ru-en-labels-alone", [Lang::Ru, Lang::En]),
        ("egi-shakarim-kk-en-capital-labels", [Lang::Kk, Lang::En]),
    ] {
        let document = ingest(name);
        let abstracts: Vec<_> = document
            .blocks
            .iter()
            .filter(|b| b.division == Division::Abstract)
            .collect();
        assert_eq!(abstracts.len(), 2, "{name}");
        // `Аннотация`, `ABSTRACT`: the label stays at the start of the text.
        for block in &abstracts {
            let label = block.label.as_deref().unwrap();
            assert!(block.text.starts_with(label), "{name}");
        }
        let units = ushtil::align::align(&document);
        let unit = units
            .iter()
            .find(|u| u.division == Division::Abstract)
            .unwrap();
        assert!(langs.iter().all(|&l| unit.text(l).is_some()), "{name}");
        // Sentence groups link the two languages, not one sentence apiece.
        let linked = unit
            .links
            .iter()
            .filter(|l| langs.iter().all(|&lang| !l.sentences.get(lang).is_empty()))
            .count();
        assert!(linked >= 2, "{name}: {} linked groups", linked);
    }
}

#[test]
fn unlabelled_abstracts_followed_by_keywords_align_in_three_languages() {
    let document = ingest("moluch-conscience-unlabelled-kk-ru-en");
    let units = ushtil::align::align(&document);
    let sections: Vec<&str> = units.iter().map(|u| u.section.name()).collect();
    assert_eq!(sections, ["front", "keywords"]);
    let prose = &units[0];
    assert!(Lang::ALL.iter().all(|&l| prose.text(l).is_some()));
    // Three sentences each, linked one to one to one.
    let whole = prose
        .links
        .iter()
        .filter(|l| {
            Lang::ALL
                .iter()
                .all(|&lang| l.sentences.get(lang).len() == 1)
        })
        .count();
    assert_eq!(whole, 3);
    // The keyword lists are the glossary: `ар-ұят` is `совесть` is `conscience`.
    let keywords = &units[1];
    assert!(keywords
        .text(Lang::Kk)
        .unwrap()
        .starts_with("Тірек сөздер:"));
    assert!(keywords.text(Lang::En).unwrap().contains("conscience"));
}

#[test]
fn line_end_hyphens_in_three_languages_are_settled_by_the_words() {
    let document = ingest("moluch-conscience-unlabelled-kk-ru-en");
    assert_eq!(
        hyphenations(&document),
        [
            // Compounds stay: their first parts open compounds (data/hyphenation.tsv).
            ("әлеуметтік-\nмәдени", "әлеуметтік-мәдени"),
            // `құрал` is a word, `дарын` a word too, but neither stands alone
            // elsewhere here: the typesetter's hyphen goes.
            ("құрал-\nдарын", "құралдарын"),
            ("социально-\nкультурного", "социально-культурного"),
            ("ре-\nпрезентации", "репрезентации"),
            // `концепта` is written whole two lines on.
            ("концеп-\nта", "концепта"),
            ("казах-\nском", "казахском"),
            ("repre-\nsentation", "representation"),
            ("analy-\nsis", "analysis"),
        ]
    );
    // As printed in the 2010 Karaganda abstract, in Russian and English.
    let document = ingest("karaganda-2010-dulatuly-kk-ru-en");
    let text: String = document.blocks.iter().map(|b| b.text.as_str()).collect();
    for word in ["распространение", "партии", "талантливой", "generalised"]
    {
        assert!(text.contains(word), "{word}");
    }
    // And in a Kazakh abstract whose Cyrillic is full of Latin `a`.
    let document = ingest("kaznu-journalism-kk-ru-latin-a");
    let kk = &document.blocks[0].text;
    assert!(kk.contains("қозғaлысы пaйдa болды") && kk.contains("мемлекетін"));
    assert!(kk.contains("зиялылaрының еңбектері"));
    // The mixed-script words are folded for search: `Алаш` finds `Алaш`.
    assert!(document
        .repairs
        .iter()
        .any(|r| r.kind == RepairKind::MixedScript && r.repaired == "Алаш"));
}

#[test]
fn two_letter_initials_never_end_a_sentence() {
    let document = ingest("articlekz-alash-heritage-en-two-letter-initials");
    let sentences = all_sentences(&document);
    let with = |words: &str| sentences.iter().filter(|s| s.contains(words)).count();
    // One sentence names A. Bokeikhan, Zh. Aimauytuly and M. Zhumabaev;
    // another lists critics down to Sh. Eleukenov and Zh. Smagulov.
    assert_eq!(
        with("A. Bokeikhan, A. Baitursynov, Zh. Aimauytuly, M. Zhumabaev"),
        1
    );
    assert_eq!(with("Sh. Eleukenov, O. Abdimanuly"), 1);
    assert!(sentences.iter().any(|s| s.ends_with("Zh. Smagulov, and others who purposefully studied the literary and scientific heritage of the leaders of Alash.")));
    // `Sh.` at a line end, the surname on the next line.
    let document = ingest("enu-shakarim-en-initials-at-line-ends");
    let sentences = all_sentences(&document);
    assert!(sentences.contains(&"Sh. Kudaiberdiuly reveals the multifaceted nature of the mind."));
    assert!(sentences.iter().any(
        |s| s.starts_with("In the \"Doctrine of Conscience\" by Sh. Kudaiberdiyev, a disciple")
    ));
    // Initials before a surname in a list of authors: `Zh. A. Maydangalieva`.
    let document = ingest("tiltanym-ru-en-labels-alone");
    let authors = document
        .blocks
        .iter()
        .find(|b| b.text.starts_with("Zh. A."))
        .unwrap();
    assert_eq!(authors.sentences.len(), 1);
}

#[test]
fn names_in_the_other_script_leave_the_language_alone() {
    // Russian with `«Қазақ»` in Kazakh letters, title in capitals.
    let document = ingest("mysl-kazgazeta-ru-kazakh-letters");
    assert!(document.blocks.iter().all(|b| b.lang == Lang::Ru));
    assert!(document
        .blocks
        .iter()
        .flat_map(|b| &b.sentences)
        .all(|s| s.lang == Lang::Ru));
    // Kazakh quoting a Russian document's title, `П.А. Столыпиннің`.
    let document = ingest("ehistory-stolypin-kk-russian-quotation");
    let quoting = document.blocks[0]
        .sentences
        .iter()
        .find(|s| s.text.contains("«Записку Председателя Совета Министров"))
        .unwrap();
    assert_eq!(quoting.lang, Lang::Kk);
    // Kazakh naming Russian newspapers, `«Семипалатинский листок»`.
    let document = ingest("iie-kk-russian-titles");
    assert!(document
        .blocks
        .iter()
        .flat_map(|b| &b.sentences)
        .all(|s| s.lang == Lang::Kk));
}

#[test]
fn kazakh_in_latin_letters_is_kazakh_and_a_fourth_language_is_marked() {
    for name in ["abai-kz-kazakh-latin", "astana-akshamy-kazakh-latin"] {
        let document = ingest(name);
        assert!(
            document
                .blocks
                .iter()
                .all(|b| b.lang == Lang::Kk && b.other_language.is_none()),
            "{name}"
        );
    }
    for (name, code) in [("turkoloji-tr-abstract", "tur"), ("daz-de-news", "deu")] {
        let document = ingest(name);
        assert!(
            document
                .blocks
                .iter()
                .all(|b| b.other_language.as_deref() == Some(code)),
            "{name}"
        );
        // Shown, but never a unit: it is no Kazakh, Russian or English.
        assert!(ushtil::align::align(&document).is_empty(), "{name}");
    }
}

#[test]
fn the_reference_list_is_back_matter_kept_out_of_alignment() {
    let document = ingest("aqjol-2014-kk-references");
    let references = document
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Reference)
        .count();
    assert_eq!(references, 6);
    assert!(document.blocks.iter().all(|b| b.division == Division::Back));
    // `Пайдаланған əдебиеттер:` with a Latin schwa is the label all the same.
    assert_eq!(
        document.blocks[0].label.as_deref(),
        Some("Пайдаланған əдебиеттер:")
    );
    let document = ingest("tiltanym-ru-en-labels-alone");
    let units = ushtil::align::align(&document);
    for unit in units.iter().filter(|u| u.division == Division::Back) {
        let langs = Lang::ALL
            .iter()
            .filter(|&&l| unit.text(l).is_some())
            .count();
        assert_eq!(langs, 1, "{}", unit.id);
    }
    assert_eq!(
        units
            .iter()
            .filter(|u| u.kind == BlockKind::Reference)
            .count(),
        2
    );
}

#[test]
fn a_corpus_of_these_layouts_builds_and_searches() {
    let corpus = tempfile::tempdir().unwrap();
    for name in LAYOUTS {
        fs::copy(path(name), corpus.path().join(format!("{name}.txt"))).unwrap();
    }
    let index = tempfile::tempdir().unwrap();
    let build = ushtil(corpus.path(), index.path(), &["build"]);
    // The German and the Turkish text have nothing to index: said, by name,
    // and the build's status says something was left out; the rest answers.
    assert_eq!(build.status.code(), Some(3), "{}", stderr(&build));
    let said = stderr(&build);
    assert!(said.contains(
        "daz-de-news: the text is in deu only, no Kazakh, Russian or English: not indexed"
    ));
    assert!(said.contains("turkoloji-tr-abstract: the text is in tur only"));
    let search = |query: &str, lang: &str| {
        let out = ushtil(
            corpus.path(),
            index.path(),
            &[
                "search", query, "--lang", lang, "--format", "json", "-n", "50",
            ],
        );
        json_lines(&out)
    };
    // German is indexed as no language: `Kasachisch` is found nowhere.
    assert!(search("Kasachisch", "en").is_empty());
    // `совесть` finds the Russian abstract, with its Kazakh and English.
    let hits = search("совесть", "ru");
    let hit = hits
        .iter()
        .find(|h| h["doc"] == "moluch-conscience-unlabelled-kk-ru-en")
        .unwrap();
    assert!(hit["texts"]["kk"].as_str().unwrap().contains("ар-ұят"));
    assert!(hit["texts"]["en"].as_str().unwrap().contains("conscience"));
    // A word the typesetter hyphenated is found whole: `репрезентации`.
    assert!(search("репрезентации", "ru")
        .iter()
        .any(|h| h["doc"] == "moluch-conscience-unlabelled-kk-ru-en"));
    // A reference is searchable, as the back matter it is.
    let hits = search("Құрбанғали", "kk");
    assert!(hits
        .iter()
        .any(|h| h["doc"] == "aqjol-2014-kk-references" && h["section"] == "back/references"));
}

#[test]
fn compounds_broken_at_their_hyphen_keep_it_and_words_broken_lose_it() {
    let document = ingest("kaznmu-2014-ru-compound-hyphens");
    assert_eq!(
        hyphenations(&document),
        [
            // Two stems joined by `-о-`, an adjective's ending: a compound.
            ("клинико-\nбиохимическое", "клинико-биохимическое"),
            ("черепно-\nмозговой", "черепно-мозговой"),
            ("менин-\nгиты", "менингиты"),
            // An abbreviation in capitals, then a word.
            ("ДВС-\nсиндромом", "ДВС-синдромом"),
            ("недостаточно-\nсти", "недостаточности"),
        ]
    );
    // Where an extractor joined the lines, the hyphen and a space stay in
    // the line: `ис- пользование`.
    let document = ingest("karaganda-takuova-ru-spaced-hyphens");
    let text = &document.blocks.last().unwrap().text;
    for word in [
        "использование",
        "международному",
        "эффективных",
        "иностранных",
    ] {
        assert!(text.contains(word), "{word}: {text}");
    }
}

#[test]
fn a_keyword_label_alone_on_its_line_heads_the_list_under_it() {
    let document = ingest("moluch-conscience-labels-alone-kk-ru-en");
    let keywords: Vec<&str> = document
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Keywords)
        .map(|b| b.unlabelled())
        .collect();
    assert_eq!(
        keywords,
        [
            "концепт, ар-ұят, сана, феномен, мораль, адамгершілік.",
            "концепт, совесть, сознание, феномен, мораль, нравственность.",
            "concept; conscience; consciousness; phenomenon; morality; moral.",
        ]
    );
    let units = ushtil::align::align(&document);
    assert!(units
        .iter()
        .all(|u| Lang::ALL.iter().all(|&l| u.text(l).is_some())));
}

#[test]
fn an_old_kazakh_fonts_letters_are_read_as_the_kazakh_ones() {
    // `жҽне`, `ҧлттық`, `кҥшеюі`, `ҿз`, `ҼОК` as an old font printed them.
    let document = ingest("enu-student-kk-old-font");
    let text: String = document.blocks.iter().map(|b| b.text.as_str()).collect();
    for word in ["және", "ұлттық", "күшеюі", "өз септігін", "ӘОК"] {
        assert!(text.contains(word), "{word}");
    }
    assert!(!text.contains(['ҽ', 'ҧ', 'ҥ', 'ҿ', 'Ҽ']));
    assert!(document
        .repairs
        .iter()
        .any(|r| r.kind == RepairKind::Characters));
}

#[test]
fn an_abbreviation_before_a_number_ends_a_sentence_before_a_word() {
    // `art.` abbreviates only before a number: `fine art. In addition` ends one.
    let document = ingest("articlekz-valikhanov-en-abbreviations");
    let sentences = all_sentences(&document);
    assert!(sentences
        .iter()
        .any(|s| s.ends_with("the realistic direction of Kazakh fine art.")));
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("In addition, it has")));
    // `Ch.` and `CH.` before the name stay inside their sentences.
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("The aim of this article is to study Ch. Valikhanov's")));
    assert!(sentences
        .iter()
        .any(|s| s.contains("plans of CH. Valikhanov, made")));
}

#[test]
fn a_short_summary_over_a_body_in_another_language_is_no_translation() {
    // A one-sentence Russian summary over a Kazakh article, its author
    // named with a degree (`К.э.н. Кабатаева К.Т.`).
    let document = ingest("rusnauka-2015-ru-kk-degree-author");
    assert!(document
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Authors && b.text == "К.э.н. Кабатаева К.Т."));
    assert!(!ushtil::align::is_translated(&document));
    let units = ushtil::align::align(&document);
    let body_in_two = units.iter().filter(|u| {
        u.division == Division::Body
            && Lang::ALL.iter().filter(|&&l| u.text(l).is_some()).count() > 1
    });
    assert_eq!(body_in_two.count(), 0);
}

#[test]
fn any_cut_of_these_layouts_ingests_and_points_into_its_text() {
    // Cut anywhere (mid-word, mid-label, mid-line), each document still
    // ingests, and every sentence and word points into its block's text.
    for name in LAYOUTS {
        let text = fs::read_to_string(path(name)).unwrap();
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(97).collect();
        for (n, &start) in cuts.iter().enumerate() {
            let end = cuts[(n * 5 + 3) % cuts.len()].max(start);
            let document = ushtil::ingest::ingest(name, Default::default(), &text[start..end]);
            for block in &document.blocks {
                for sentence in &block.sentences {
                    assert_eq!(&block.text[sentence.span.clone()], sentence.text, "{name}");
                    for (at, word) in ushtil::text::cutter::words(&sentence.text) {
                        let at = sentence.span.start + at;
                        assert_eq!(&block.text[at..at + word.len()], word, "{name}");
                    }
                }
            }
            ushtil::align::align(&document);
        }
    }
}

#[test]
fn compare_shows_the_languages_a_document_has() {
    // Russian and English abstracts: two columns, no column of `—` for Kazakh.
    let name = "tiltanym-ru-en-labels-alone";
    let corpus = tempfile::tempdir().unwrap();
    fs::copy(path(name), corpus.path().join(format!("{name}.txt"))).unwrap();
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["--quiet", "compare", name, "--width", "90"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = common::stdout(&out);
    let header = text.lines().next().unwrap();
    assert_eq!(header.split_whitespace().collect::<Vec<_>>(), ["ru", "en"]);
    assert!(text.contains("en  4 sentences; 1 not in ru"), "{text}");
    // Asked for, Kazakh is shown; and JSON keeps all three for scripts.
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["--quiet", "compare", name, "--format", "json"],
    );
    let rows = json_lines(&out);
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r.get("kk").is_some_and(|v| v.is_null()) && r.get("ru").is_some()));
}

#[test]
fn a_laws_articles_and_points_open_their_own_paragraphs() {
    // Wrapped as a PDF prints it: `1-бап .` after a line that ends no
    // sentence, and points `1)` after a colon or a semicolon, in lower case.
    let document = ingest("adilet-2008-kk-law-pdf");
    let openings: Vec<String> = document
        .blocks
        .iter()
        .map(|b| {
            b.text
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    for opening in [
        "1-бап .",
        "1. \"Асыл",
        "1) 1-бап",
        "\"1-бап. Осы",
        "1) асыл",
    ] {
        assert!(
            openings.iter().any(|o| o == opening),
            "{opening}: {openings:?}"
        );
    }
}
