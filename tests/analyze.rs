//! `ushtil analyze`: what the index stores for a text, and one term per word
//! for scoring a stemmer against a gold lemmatisation.

use std::io::Write;
use std::process::{Command, Stdio};

fn analyze(args: &[&str], input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ushtil"))
        .arg("analyze")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn kazakh_case_forms_of_one_noun_give_one_term_per_line() {
    // Accusative, dative, locative, genitive, plural + possessive + genitive.
    let words = "сайлау\nсайлауды\nсайлауға\nсайлауда\nсайлаудың\nсайлауларының\n";
    let out = analyze(&["--lang", "kk", "--words"], words);
    let terms: Vec<&str> = out.lines().collect();
    assert_eq!(terms.len(), 6);
    assert!(
        terms
            .iter()
            .all(|t| *t == terms[0] && t.starts_with("сайла")),
        "{terms:?}"
    );
}

#[test]
fn a_line_without_a_word_still_gives_a_line() {
    assert_eq!(
        analyze(&["--lang", "ru", "--words"], "выборов\n—\nвыборы\n"),
        "выборы\n\nвыборы\n"
    );
}

#[test]
fn an_ambiguous_russian_form_shows_each_reading_at_its_position() {
    let out = analyze(&["--lang", "ru", "стали членами"], "");
    assert_eq!(out, "стали\t0\tстать\nстали\t0\tсталь\nчленами\t1\tчлен\n");
    // One term per line for a scorer: the most likely reading.
    assert_eq!(analyze(&["--lang", "ru", "--words"], "стали\n"), "стать\n");
}

#[test]
fn text_mode_shows_the_printed_word_position_and_term() {
    let out = analyze(&["--lang", "en", "Kazakhstan.There"], "");
    assert_eq!(out, "Kazakhstan\t0\tkazakhstan\nThere\t1\tthere\n");
    let out = analyze(&["--lang", "en", "--form", "Turgaу"], "");
    assert_eq!(out, "Turgaу\t0\tturgay\n");
}
