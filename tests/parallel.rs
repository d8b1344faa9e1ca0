//! Translated texts aligned by paragraph and sentence, measured against
//! hand-made gold the way alignment is judged: precision and recall over the
//! cross-language pairs of gold texts that land in one unit (paragraphs) or
//! one sentence group (sentences).
//!
//! The trilingual sets are scored by `shared/eval/parallel/score_alignment.py`
//! beside the repository, the measure alignment is judged by: FLORES-200's
//! development set (281 news, travel and textbook articles, one paragraph per
//! version) and excerpts of the Constitution of Kazakhstan in
//! `tests/data/parallel/trilingual/` (several paragraphs per version, laid
//! out as a PDF extractor and as plain text). The bilingual excerpts in
//! `tests/data/parallel/bilingual/` are scored here, the same way.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{json_lines, repo, ushtil};

/// A corpus holding the per-language files of `doc` from
/// `tests/data/parallel/<set>/separate/`, in the languages given.
fn corpus_of(set: &str, doc: &str, langs: &[&str]) -> tempfile::TempDir {
    let separate = repo(&format!("tests/data/parallel/{set}/separate"));
    let corpus = tempfile::tempdir().unwrap();
    for lang in langs {
        let name = format!("{doc}.{lang}.txt");
        std::fs::copy(separate.join(&name), corpus.path().join(&name)).unwrap();
    }
    corpus
}

/// The figures the scorer prints: paragraphs P, R; sentences P, R.
fn score(set: &Path, layout: &str) -> [f64; 4] {
    let scorer = repo("../shared/eval/parallel/score_alignment.py");
    assert!(
        scorer.is_file(),
        "{} is missing: the scorer comes with shared/ beside the repository",
        scorer.display()
    );
    let out = Command::new("python3")
        .arg(&scorer)
        .args(["--layout", layout, "--set"])
        .arg(set)
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_ushtil"))
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{} ({layout}):\n{text}", set.display());
    let last = text.lines().last().unwrap_or_default();
    let figures: Vec<f64> = last
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(out.status.success() && figures.len() == 4, "{text}");
    [figures[0], figures[1], figures[2], figures[3]]
}

fn assert_at_least(figures: [f64; 4], floor: f64) {
    for (name, value) in ["paragraph P", "paragraph R", "sentence P", "sentence R"]
        .iter()
        .zip(figures)
    {
        assert!(value >= floor, "{name} {value:.3} < {floor}");
    }
}

#[test]
fn flores_dev_articles_align_as_one_file_at_the_target() {
    let set = repo("../shared/eval/parallel/flores-dev");
    assert_at_least(score(&set, "combined"), 0.95);
}

#[test]
fn flores_dev_articles_align_as_one_file_per_language_at_the_target() {
    let set = repo("../shared/eval/parallel/flores-dev");
    assert_at_least(score(&set, "separate"), 0.95);
}

#[test]
fn constitution_excerpts_align_paragraph_by_paragraph_in_both_shapes() {
    // Versions whose paragraphs differ: a note only the Russian prints, a
    // commentary only the Kazakh page carries, `Раздел I.` + `Общие
    // положения` against `Section I. General Provisions`.
    let set = repo("tests/data/parallel/trilingual");
    for layout in ["combined", "separate"] {
        assert_at_least(score(&set, layout), 1.0);
    }
}

/// A gold text: its group and language.
type GoldText = (usize, String);

/// Precision and recall of the units of `doc` over pairs of gold texts.
fn pair_scores(units: &[serde_json::Value], gold: &serde_json::Value) -> (usize, usize, usize) {
    let collapse = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut owner: HashMap<GoldText, usize> = HashMap::new();
    for (group, paragraph) in gold["paragraphs"].as_array().unwrap().iter().enumerate() {
        for (lang, text) in paragraph["texts"].as_object().unwrap() {
            let text = collapse(text.as_str().unwrap());
            let unit = units.iter().position(|u| {
                u["texts"][lang.as_str()]
                    .as_str()
                    .is_some_and(|t| collapse(t).contains(&text))
            });
            if let Some(unit) = unit {
                owner.insert((group, lang.clone()), unit);
            }
        }
    }
    let texts: Vec<&GoldText> = owner.keys().collect();
    let (mut gold_pairs, mut predicted, mut right) = (0, 0, 0);
    for (n, a) in texts.iter().enumerate() {
        for b in &texts[n + 1..] {
            if a.1 == b.1 {
                continue;
            }
            let same_group = a.0 == b.0;
            let same_unit = owner[*a] == owner[*b];
            gold_pairs += usize::from(same_group);
            predicted += usize::from(same_unit);
            right += usize::from(same_group && same_unit);
        }
    }
    // Gold texts found in no unit count against recall.
    let groups = gold["paragraphs"].as_array().unwrap();
    let all_gold: usize = groups
        .iter()
        .map(|p| {
            let n = p["texts"].as_object().unwrap().len();
            n * (n - 1) / 2
        })
        .sum();
    assert!(gold_pairs <= all_gold);
    (all_gold, predicted, right)
}

/// Builds the bilingual set in one shape and scores it document by document.
fn bilingual(layout: &str) -> Vec<(String, f64, f64)> {
    let set = repo("tests/data/parallel/bilingual");
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(set.join("gold.json")).unwrap()).unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let mut ids = Vec::new();
    for document in gold["documents"].as_array().unwrap() {
        let files: Vec<PathBuf> = match layout {
            "combined" => vec![set.join(document["document"].as_str().unwrap())],
            _ => document["separate"]
                .as_object()
                .unwrap()
                .values()
                .map(|p| set.join(p.as_str().unwrap()))
                .collect(),
        };
        for file in &files {
            std::fs::copy(file, corpus.path().join(file.file_name().unwrap())).unwrap();
        }
        let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
        let id = match layout {
            "combined" => name.trim_end_matches(".txt").to_owned(),
            _ => name.split('.').next().unwrap().to_owned(),
        };
        ids.push((id, document.clone()));
    }
    let out = ushtil(corpus.path(), index.path(), &["--quiet", "export"]);
    assert!(out.status.success(), "{out:?}");
    let units = json_lines(&out);
    ids.into_iter()
        .map(|(id, document)| {
            let mine: Vec<serde_json::Value> =
                units.iter().filter(|u| u["doc"] == id).cloned().collect();
            let (gold_pairs, predicted, right) = pair_scores(&mine, &document);
            let precision = right as f64 / predicted.max(1) as f64;
            let recall = right as f64 / gold_pairs.max(1) as f64;
            println!("{id} ({layout}): paragraphs P {precision:.3} R {recall:.3}");
            (id, precision, recall)
        })
        .collect()
}

#[test]
fn a_law_with_notes_only_the_kazakh_prints_aligns_around_them() {
    // The AIFC law, Article 1: four editorial notes in the Kazakh text
    // (`ЗҚАИ-ның ескертпесі!` …) and `Unofficial translation` in the English
    // have no counterpart; every other paragraph has one.
    for layout in ["combined", "separate"] {
        let scores = bilingual(layout);
        let (_, precision, recall) = scores.iter().find(|s| s.0.starts_with("aifc")).unwrap();
        assert_eq!((*precision, *recall), (1.0, 1.0), "{layout}");
    }
}

#[test]
fn texts_misnamed_or_clashing_are_left_out_by_name_and_the_rest_builds() {
    let separate = repo("tests/data/parallel/trilingual/separate");
    let corpus = corpus_of("trilingual", "const-art1", &["kk", "ru", "en"]);
    let index = tempfile::tempdir().unwrap();
    let russian = std::fs::read_to_string(separate.join("const-art2-3.ru.txt")).unwrap();
    let kazakh = std::fs::read_to_string(separate.join("const-art2-3.kk.txt")).unwrap();
    let english = std::fs::read_to_string(separate.join("const-art2-3.en.txt")).unwrap();
    for (name, text) in [
        ("notes.de.txt", russian.as_str()),
        ("shouting.KK.TXT", kazakh.as_str()),
        ("twice.kk.txt", kazakh.as_str()),
        ("twice.kaz.txt", kazakh.as_str()),
        ("both.txt", russian.as_str()),
        ("both.ru.txt", russian.as_str()),
        ("hollow.kk.txt", " \n\n"),
        ("hollow.ru.txt", russian.as_str()),
        ("swapped.kk.txt", russian.as_str()),
        ("swapped.en.txt", english.as_str()),
        ("pasted.ru.txt", &format!("{russian}{english}")),
        ("pasted.en.txt", english.as_str()),
    ] {
        std::fs::write(corpus.path().join(name), text).unwrap();
    }
    let out = ushtil(corpus.path(), index.path(), &["build"]);
    let errors = common::stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{errors}");
    for (file, says) in [
        ("notes.de.txt", "`de` is not a language of the corpus"),
        ("shouting.KK.TXT", "rename it shouting.kk.txt"),
        (
            "twice.kaz.txt",
            "is the kk text of the document twice already",
        ),
        ("both.ru.txt", "is the text of the document both already"),
        ("hollow.kk.txt", "no text in it"),
        ("swapped.kk.txt", "named as the kk text, but it reads as ru"),
        (
            "pasted.ru.txt",
            "line 6: a paragraph in en in the ru text; left out",
        ),
    ] {
        let line = errors.lines().find(|l| l.contains(file));
        assert!(line.is_some_and(|l| l.contains(says)), "{file}: {errors}");
    }
    // The rest is built: the Constitution in three languages, the hollow
    // document from its Russian text, one text of each clash.
    let out = ushtil(corpus.path(), index.path(), &["--quiet", "export"]);
    let units = json_lines(&out);
    let langs_of = |doc: &str| -> Vec<String> {
        let mut langs: Vec<String> = units
            .iter()
            .filter(|u| u["doc"] == doc)
            .flat_map(|u| {
                u["texts"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .filter(|(_, t)| t.is_string())
                    .map(|(l, _)| l.clone())
                    .collect::<Vec<_>>()
            })
            .collect();
        langs.sort();
        langs.dedup();
        langs
    };
    assert_eq!(langs_of("const-art1"), ["en", "kk", "ru"]);
    assert_eq!(langs_of("hollow"), ["ru"]);
    assert_eq!(langs_of("twice"), ["kk"]);
    assert_eq!(langs_of("both"), ["ru"]);
    assert_eq!(langs_of("swapped"), ["en"]);
    assert_eq!(langs_of("pasted"), ["en", "ru"]);
    // No English in the Russian passages.
    let russian_of_pasted = units
        .iter()
        .filter(|u| u["doc"] == "pasted")
        .filter_map(|u| u["texts"]["ru"].as_str())
        .collect::<String>();
    assert!(
        !russian_of_pasted.contains("The people"),
        "{russian_of_pasted}"
    );
    assert!(langs_of("notes").is_empty() && langs_of("shouting").is_empty());
}

#[test]
fn a_checked_body_alignment_is_kept_through_rebuilds() {
    let corpus = corpus_of("trilingual", "const-art2-3", &["kk", "ru", "en"]);
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(
        corpus.path(),
        index.path(),
        &["--quiet", "align", "const-art2-3"],
    );
    assert!(out.status.success(), "{out:?}");
    let path = corpus.path().join("const-art2-3.align.tsv");
    let proposal = std::fs::read_to_string(&path).unwrap();
    // The aligner gives `3-бап` / `Статья 3` / `Article 3` a group of its
    // own; the curator joins it to the point that follows, its sentences
    // kept apart, and checks the file.
    let heading = proposal
        .lines()
        .position(|l| l.starts_with("paragraphs\t1\t2\t1\t"))
        .expect("the heading's group");
    let mut lines: Vec<String> = proposal.lines().map(str::to_owned).collect();
    assert!(
        lines[heading + 2].starts_with("paragraphs\t2\t3\t2\t"),
        "{proposal}"
    );
    lines[heading] = "paragraphs\t1,2\t2,3\t1,2\t1".to_owned();
    lines.remove(heading + 2);
    let checked = lines
        .join("\n")
        .replace("status: proposed", "status: checked");
    std::fs::write(&path, checked).unwrap();
    let joined = |index: &Path| -> bool {
        let out = ushtil(corpus.path(), index, &["--quiet", "export"]);
        json_lines(&out).iter().any(|u| {
            u["texts"]["en"]
                .as_str()
                .is_some_and(|t| t.starts_with("Article 3 1. The people"))
                && u["sentences"].as_array().unwrap().len() == 2
        })
    };
    assert!(joined(index.path()));
    // The text touched (saved again): the index is rebuilt, the groups kept.
    let en = corpus.path().join("const-art2-3.en.txt");
    let text = std::fs::read_to_string(&en).unwrap();
    std::fs::write(&en, format!("{text}\n")).unwrap();
    assert!(joined(index.path()));
}

#[test]
fn an_article_with_abstracts_and_a_translated_body_gets_both() {
    // Each language's file: its abstract (from the name tests' abstracts),
    // then the body, Articles 2 and 3 of the Constitution.
    let abstracts = [
        (
            ushtil::model::Lang::Kk,
            "Андатпа. Нәтижелер. Құрылтай Алашорда үкіметінің төрағасы етіп Әлихан Бөкейханды сайлады. \
             Бұл тақырыпты тарихшы Д. Тәстемір зерттеді.\nТүйін сөздер: Алашорда, Бөкейхан, құрылтай\n",
        ),
        (
            ushtil::model::Lang::Ru,
            "Аннотация. Результаты. Курултай избрал председателем правительства Алаш-Орда Алихана \
             Букейхана. Эту тему исследовал историк Д. Тастемир.\nКлючевые слова: Алаш-Орда, Букейхан, курултай\n",
        ),
        (
            ushtil::model::Lang::En,
            "Abstract. Results. The Kurultai elected A. Bukeikhan chairman of the Alash Orda government. \
             The topic was studied by the historian D. Tastemir.\nKey words: Alash Orda, Bukeikhan, kurultai\n",
        ),
    ];
    let separate = repo("tests/data/parallel/trilingual/separate");
    let files: Vec<(ushtil::model::Lang, PathBuf, String)> = abstracts
        .iter()
        .map(|&(lang, abstract_text)| {
            let path = separate.join(format!("const-art2-3.{lang}.txt"));
            let body = std::fs::read_to_string(&path).unwrap();
            (lang, path, format!("{abstract_text}{body}"))
        })
        .collect();
    let document = ushtil::ingest::ingest_versions("x", Default::default(), &files);
    let units = ushtil::align::align(&document);
    let sections: Vec<String> = units.iter().map(|u| u.section_path()).collect();
    assert_eq!(sections[..2], ["abstract/results", "abstract/keywords"]);
    assert!(units[0].passages.kk.is_some() && units[0].passages.en.is_some());
    let body: Vec<[usize; 3]> = units
        .iter()
        .filter_map(|u| u.paragraphs)
        .map(|p| [p.kk, p.ru, p.en])
        .collect();
    // Point 4 of Article 2, the Russian footnote alone, `3-бап` / `Статья 3`
    // / `Article 3`, and points 1 and 2 of Article 3.
    assert_eq!(
        body,
        [[1, 1, 1], [0, 1, 0], [1, 1, 1], [1, 1, 1], [1, 1, 1]]
    );
}

#[test]
fn a_heading_printed_in_two_paragraphs_is_grouped_with_the_one_it_translates() {
    // `Раздел I.` + `Общие положения` against `Section I. General Provisions`.
    let separate = repo("tests/data/parallel/trilingual/separate");
    let files: Vec<(ushtil::model::Lang, PathBuf, String)> =
        [ushtil::model::Lang::Ru, ushtil::model::Lang::En]
            .into_iter()
            .map(|lang| {
                let path = separate.join(format!("const-art1.{lang}.txt"));
                let text = std::fs::read_to_string(&path).unwrap();
                (lang, path, text)
            })
            .collect();
    let document = ushtil::ingest::ingest_versions("x", Default::default(), &files);
    let units = ushtil::align::align(&document);
    let first = &units[0];
    assert_eq!(first.paragraphs.map(|p| (p.ru, p.en)), Some((2, 1)));
    assert_eq!(
        first.text(ushtil::model::Lang::Ru),
        Some("Раздел I. Общие положения")
    );
}

/// A corpus of the Constitution excerpts, one file per language, and its index.
fn constitution() -> (tempfile::TempDir, tempfile::TempDir) {
    let separate = repo("tests/data/parallel/trilingual/separate");
    let corpus = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&separate).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, corpus.path().join(path.file_name().unwrap())).unwrap();
    }
    (corpus, tempfile::tempdir().unwrap())
}

#[test]
fn a_kazakh_query_finds_the_point_and_its_russian_and_english() {
    let (corpus, index) = constitution();
    // `референдум` in the Kazakh point 2 of Article 3 (`республикалық референдум`).
    let out = ushtil(
        corpus.path(),
        index.path(),
        &[
            "--quiet",
            "search",
            "референдум",
            "--lang",
            "kk",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let hits = json_lines(&out);
    // Also in Article 1, in the locative case: `республикалық референдумда`.
    assert_eq!(hits.len(), 2, "{hits:?}");
    let article_1 = hits[1]["texts"]["kk"].as_str().unwrap();
    assert!(article_1.contains("референдумда"), "{article_1}");
    assert!(hits[1]["texts"]["en"]
        .as_str()
        .unwrap()
        .contains("national referendum"));
    let texts = &hits[0]["texts"];
    assert!(texts["kk"]
        .as_str()
        .unwrap()
        .starts_with("Халық билікті тікелей"));
    assert!(texts["ru"]
        .as_str()
        .unwrap()
        .starts_with("2. Народ осуществляет власть"));
    assert!(texts["en"]
        .as_str()
        .unwrap()
        .starts_with("2. The people shall exercise power"));
}

#[test]
fn a_parallel_concordance_shows_the_aligned_sentences_of_a_translated_body() {
    let (corpus, index) = constitution();
    let out = ushtil(
        corpus.path(),
        index.path(),
        &[
            "--quiet",
            "concord",
            "народ",
            "--lang",
            "ru",
            "--parallel",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let lines = json_lines(&out);
    assert!(!lines.is_empty());
    let text = serde_json::to_string(&lines).unwrap();
    // `Единственным источником государственной власти является народ` and
    // its English, `The people shall be the only source of governmental power`.
    assert!(
        text.contains("The people shall be the only source"),
        "{text}"
    );
}

#[test]
fn a_language_file_given_by_its_path_brings_the_others() {
    let separate = repo("tests/data/parallel/trilingual/separate");
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(
        separate.join("const-art1.ru.txt"),
        folder.path().join("x.rus.txt"),
    )
    .unwrap();
    std::fs::copy(
        separate.join("const-art1.en.txt"),
        folder.path().join("x.en.txt"),
    )
    .unwrap();
    let index = tempfile::tempdir().unwrap();
    let path = folder.path().join("x.rus.txt");
    let out = ushtil(
        folder.path(),
        index.path(),
        &["inspect", "--format", "json", path.to_str().unwrap()],
    );
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    let files: Vec<&str> = json["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["x.rus.txt", "x.en.txt"]);
}

#[test]
fn compare_takes_a_part_of_a_law_by_its_heading_in_any_language() {
    let corpus = corpus_of("bilingual", "aifc-law-art1", &["kk", "en"]);
    let index = tempfile::tempdir().unwrap();
    let first_unit = |heading: &str| -> String {
        let out = ushtil(
            corpus.path(),
            index.path(),
            &[
                "--quiet",
                "compare",
                "aifc-law-art1",
                "--section",
                heading,
                "--format",
                "json",
            ],
        );
        assert!(out.status.success(), "{heading}: {out:?}");
        json_lines(&out)[0]["unit"].as_str().unwrap().to_owned()
    };
    // `1-бап. Осы Конституциялық заңда …` / `Article 1. Basic concepts …`,
    // by the heading's first words in either language.
    let unit = first_unit("1-бап");
    assert_eq!(first_unit("Article 1"), unit);
    let out = ushtil(
        corpus.path(),
        index.path(),
        &[
            "--quiet",
            "compare",
            "aifc-law-art1",
            "--section",
            "Article 9",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains("headings"),
        "{}",
        common::stderr(&out)
    );
}

#[test]
fn a_heading_part_runs_to_the_next_heading_not_to_the_next_short_point() {
    // `Статья 3` and its two points; the points are short sentences of the
    // law, not headings (README, "Translated texts").
    let corpus = corpus_of("trilingual", "const-art2-3", &["kk", "ru", "en"]);
    let index = tempfile::tempdir().unwrap();
    let out = ushtil(
        corpus.path(),
        index.path(),
        &[
            "--quiet",
            "compare",
            "const-art2-3",
            "--section",
            "статья 3",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let groups = json_lines(&out);
    let units: Vec<&str> = groups.iter().map(|g| g["unit"].as_str().unwrap()).collect();
    assert_eq!(units.len(), 3, "{units:?}");
    assert!(groups[0]["ru"].as_str().unwrap().starts_with("Статья 3"));
    assert!(groups[2]["en"]
        .as_str()
        .unwrap()
        .starts_with("2. The people shall exercise power"));
}
