//! Passes over a whole document once its blocks are read: what one block
//! cannot tell alone, its neighbours or the metadata file do.

use super::lang;
use crate::model::{Block, BlockKind, Division, Lang};

/// Where the metadata file names the document's languages, Cyrillic text
/// read as the one it does not name is the other (`languages = ["kk",
/// "en"]`: a Kazakh paragraph that reads as Russian, all names and loanwords,
/// is Kazakh). A curator's word beats the guess.
pub fn keep_to_languages(blocks: &mut [Block], languages: &[Lang]) {
    let other = |lang: Lang| match lang {
        Lang::Kk => Some(Lang::Ru),
        Lang::Ru => Some(Lang::Kk),
        Lang::En => None,
    };
    let named = |lang: Lang| languages.contains(&lang);
    let fix = |lang: &mut Lang| {
        if let Some(instead) = other(*lang).filter(|&o| !named(*lang) && named(o)) {
            *lang = instead;
        }
    };
    if languages.is_empty() {
        return;
    }
    for block in blocks {
        fix(&mut block.lang);
        for sentence in &mut block.sentences {
            fix(&mut sentence.lang);
        }
    }
}

/// A line of front matter too short to tell its language by (`УДК 94`,
/// `DOI …`, `Л.Т. ДЖУМАЛИЕВА`) is in the language of the text it stands
/// over (the abstract after it), or else of the text before it.
pub fn front_matter_languages(blocks: &mut [Block]) {
    const LETTERS_TO_TELL: usize = 40;
    for i in 0..blocks.len() {
        let block = &blocks[i];
        let letters = block.text.chars().filter(|c| c.is_alphabetic()).count();
        let codes = matches!(
            block.kind,
            BlockKind::Classifier | BlockKind::Doi | BlockKind::Email | BlockKind::Dates
        );
        if block.division != Division::Front || (letters >= LETTERS_TO_TELL && !codes) {
            continue;
        }
        let text = |b: &&Block| b.division != Division::Front;
        let over = blocks[i + 1..].iter().find(text);
        let after = blocks[..i].iter().rev().find(text);
        if let Some(lang) = over.or(after).map(|b| b.lang) {
            blocks[i].lang = lang;
            for sentence in &mut blocks[i].sentences {
                sentence.lang = lang;
            }
        }
    }
}

/// A heading between two blocks in a fourth language, or before the first,
/// too short to tell by itself, is theirs where it may read so (`Früher war
/// Kasachisch eine Sprache zweiten Ranges` between German paragraphs).
pub fn mark_other_language_headings(blocks: &mut [Block]) {
    /// Fewer letters than a paragraph has: a heading's.
    const HEADING_LETTERS: usize = 60;
    let letters = |b: &Block| b.text.chars().filter(|c| c.is_alphabetic()).count();
    // Per language code, how many paragraphs are in none but that one:
    // counted once, kept as headings are marked.
    let mut not_theirs: Vec<(String, usize)> = Vec::new();
    for i in 0..blocks.len() {
        let before = i.checked_sub(1).map(|j| blocks[j].other_language.clone());
        let after = blocks.get(i + 1).map(|b| b.other_language.clone());
        // Both neighbours in that language, or one at the text's edge.
        let code = match (before, after) {
            (Some(Some(a)), Some(Some(b))) if a == b => a,
            (None, Some(Some(c))) | (Some(Some(c)), None) => c,
            _ => continue,
        };
        let block = &blocks[i];
        let block_letters = letters(block);
        let latin =
            block.text.chars().filter(char::is_ascii_alphabetic).count() * 2 > block_letters;
        // In a text all in that language but for its headings, a heading is too.
        let at = match not_theirs.iter().position(|(c, _)| *c == code) {
            Some(at) => at,
            None => {
                let count = blocks
                    .iter()
                    .filter(|b| {
                        b.other_language.as_ref() != Some(&code) && letters(b) >= HEADING_LETTERS
                    })
                    .count();
                not_theirs.push((code.clone(), count));
                not_theirs.len() - 1
            }
        };
        let all_theirs = not_theirs[at].1 == 0;
        if block.other_language.is_none()
            && latin
            && block.kind != BlockKind::Table
            && (all_theirs || lang::may_be(&block.text, &code))
        {
            if block_letters >= HEADING_LETTERS {
                not_theirs[at].1 -= 1;
            }
            blocks[i].other_language = Some(code);
        }
    }
}
