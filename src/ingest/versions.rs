//! Versions: the translations of a text printed one after another in one
//! file, told apart by their language.
//!
//! Nothing marks where one version ends and the next begins: the next
//! language simply starts, often on the next line of the same page, so the
//! layout may join the last paragraph of one version to the first of the
//! next. A paragraph is therefore cut where its language changes at a line
//! that starts a sentence; and the body's blocks are then read as runs of one
//! language, a short run inside another language's (a quotation set apart)
//! staying part of it.

use super::lang;
use super::pdftext::RawParagraph;
use super::segment;
use crate::model::{Block, BlockKind, Division, Lang, Version};

/// Letters each side of a cut needs for its language to be told with care.
const LETTERS_TO_TELL: usize = 40;

/// A run of another language shorter than this share of both runs around it
/// is part of the version it stands in. A third: versions printed in turn,
/// paragraph by paragraph, run about as long as each other.
const INSERT_SHARE: f64 = 0.34;

/// At an edge of the body, a run shorter than this share of the run beside
/// it is part of that run: a title or a note in another language. A version
/// may be much shorter than the one before it (a summary after the text).
const EDGE_SHARE: f64 = 0.1;

/// Cuts paragraphs where the language changes between two of their lines,
/// at a sentence end: the line before ends a sentence, and the text from that
/// line on reads as another language than the text before it, as does the
/// next line alone (so that one line of Kazakh names in a Russian paragraph
/// cuts nothing).
pub fn split_at_language_changes(paragraphs: Vec<RawParagraph>) -> Vec<RawParagraph> {
    let mut out = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        let mut rest = paragraph;
        while let Some(at) = language_change(&rest) {
            out.push(rest.slice(0..at));
            rest = rest.slice(at..rest.text.len());
        }
        out.push(rest);
    }
    out
}

/// The byte offset of the first line of `paragraph` that starts another
/// language's text, if one does: the two lines from it read as another
/// language than the two before it, the text before it ends a sentence (or a
/// bracket: `… (см. ниже)`), and the whole text before and after it agree.
fn language_change(paragraph: &RawParagraph) -> Option<usize> {
    if paragraph.is_table || paragraph.lines.len() < 2 {
        return None;
    }
    let text = &paragraph.text;
    let starts: Vec<usize> = paragraph.lines.iter().map(|&(at, _)| at).collect();
    let at = |n: usize| starts.get(n).copied().unwrap_or(text.len());
    let lines = |from: usize, to: usize| &text[at(from)..at(to)];
    for n in 1..starts.len() {
        let (head, tail) = (text[..starts[n]].trim_end(), &text[starts[n]..]);
        if !head.ends_with(['.', '!', '?', '…', '»', '"', '”', ')']) {
            continue;
        }
        let (Some(before), Some(after)) = (
            decided(lines(n.saturating_sub(2), n)),
            decided(lines(n, n + 2)),
        ) else {
            continue;
        };
        let changes = before != after
            && letters(head) >= LETTERS_TO_TELL
            && letters(tail) >= LETTERS_TO_TELL
            && (head.ends_with(')') || segment::ends_sentence_before(head, tail))
            && lang::detect(head, before) != lang::detect(tail, after);
        if changes {
            // A title that does not tell its language (`Конституция
            // Республики Казахстан`) heads the text after it.
            let mut n = n;
            while n > 1
                && is_undecided(lines(n - 1, n))
                && segment::ends_sentence_before(text[..starts[n - 1]].trim_end(), lines(n - 1, n))
            {
                n -= 1;
            }
            return Some(starts[n]);
        }
    }
    None
}

/// The language of a text, where it tells it without a guess to fall back on.
fn decided(text: &str) -> Option<Lang> {
    let lang = lang::detect(text, Lang::Kk);
    (lang == lang::detect(text, Lang::Ru)).then_some(lang)
}

/// Whether a text says nothing of whether it is Kazakh or Russian.
fn is_undecided(text: &str) -> bool {
    decided(text).is_none()
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// Gives each block whose text does not tell Kazakh from Russian (a short
/// title, `Конституция Республики Казахстан`) the language of the text it
/// heads: the next block's, or at the end the one before.
pub fn settle_undecided(blocks: &mut [Block]) {
    for n in (0..blocks.len()).rev() {
        let block = &blocks[n];
        let undecided =
            block.division == Division::Body && block.lang != Lang::En && is_undecided(&block.text);
        if !undecided {
            continue;
        }
        let neighbour = blocks
            .get(n + 1)
            .or_else(|| n.checked_sub(1).map(|p| &blocks[p]))
            .filter(|b| b.division == Division::Body && b.lang != Lang::En)
            .map(|b| b.lang);
        if let Some(lang) = neighbour {
            let block = &mut blocks[n];
            block.lang = lang;
            for sentence in &mut block.sentences {
                sentence.lang = lang;
            }
        }
    }
}

/// A run of body blocks in one language.
struct Run {
    lang: Lang,
    blocks: std::ops::Range<usize>,
    chars: usize,
}

/// The body's versions: its blocks as runs of one language each, a short
/// run inside another language's (or at an edge of the body) taken as part
/// of the run around it. `file` is the name of the file the blocks come
/// from, where the document is one file per language.
pub fn find(blocks: &[Block], file: Option<&str>) -> Vec<Version> {
    let mut runs: Vec<Run> = Vec::new();
    for (n, block) in blocks.iter().enumerate() {
        if block.division != Division::Body {
            continue;
        }
        // A paragraph in a fourth language is no version's: the run around
        // it goes on through it.
        if block.other_language.is_some() {
            if let Some(run) = runs.last_mut().filter(|r| r.blocks.end == n) {
                run.blocks.end = n + 1;
            }
            continue;
        }
        let chars = block.text.chars().count();
        match runs.last_mut() {
            Some(run) if run.lang == block.lang && run.blocks.end == n => {
                run.blocks.end = n + 1;
                run.chars += chars;
            }
            _ => runs.push(Run {
                lang: block.lang,
                blocks: n..n + 1,
                chars,
            }),
        }
    }
    // A translated text's title in a fourth version's language (`Gas
    // explosion in Hammersmith` over the Kazakh and Russian) is a version of
    // its own, not a piece of the first: an edge folds in only where the
    // rest is in one language.
    // A heading alone in another language (a journal's section line over a
    // Kazakh article) makes no translation of it, and folds into the text
    // beside it.
    let longest = runs.iter().map(|r| r.chars).max().unwrap_or(0);
    let heading_alone = |r: &Run| is_heading_alone(blocks, r);
    let mut langs: Vec<Lang> = runs
        .iter()
        .filter(|r| r.chars as f64 >= EDGE_SHARE * longest as f64 && !heading_alone(r))
        .map(|r| r.lang)
        .collect();
    langs.sort();
    langs.dedup();
    let translated = langs.len() >= 2;
    // Inserts, the shortest first, fold into the runs around them.
    loop {
        let insert = (0..runs.len())
            .filter(|&i| {
                is_insert(&runs, i, translated)
                    || (!translated && runs.len() > 1 && is_heading_alone(blocks, &runs[i]))
            })
            .min_by_key(|&i| runs[i].chars);
        let Some(i) = insert else { break };
        let run = runs.remove(i);
        let into = if i > 0 { i - 1 } else { 0 };
        let Some(host) = runs.get_mut(into) else {
            break;
        };
        host.blocks = host.blocks.start.min(run.blocks.start)..host.blocks.end.max(run.blocks.end);
        host.chars += run.chars;
        // The run after may now continue the one before: join them.
        if i > 0 && i < runs.len() && runs[i].lang == runs[i - 1].lang {
            let next = runs.remove(i);
            runs[i - 1].blocks.end = next.blocks.end;
            runs[i - 1].chars += next.chars;
        }
    }
    runs.into_iter()
        .map(|run| {
            let first = &blocks[run.blocks.start];
            let next = blocks[run.blocks.clone()].get(1);
            Version {
                lang: run.lang,
                file: file.map(str::to_owned),
                line: first.line,
                title: is_title(first, next).then(|| first.text.clone()),
                blocks: run.blocks,
            }
        })
        .collect()
}

/// Whether run `i` is a short piece of another language inside a version:
/// between two runs of one language and short beside them, or, in a text
/// not `translated`, at an edge of the body and very short beside the run
/// next to it.
/// A run of one short block: a heading, a title, a section line.
fn is_heading_alone(blocks: &[Block], run: &Run) -> bool {
    run.blocks.len() == 1 && blocks[run.blocks.start].text.split_whitespace().count() <= 20
}

fn is_insert(runs: &[Run], i: usize, translated: bool) -> bool {
    let short = |share: f64, beside: &Run| (runs[i].chars as f64) < share * beside.chars as f64;
    match (i.checked_sub(1).map(|p| &runs[p]), runs.get(i + 1)) {
        (Some(before), Some(after)) => {
            before.lang == after.lang && short(INSERT_SHARE, before) && short(INSERT_SHARE, after)
        }
        (Some(beside), None) | (None, Some(beside)) => !translated && short(EDGE_SHARE, beside),
        (None, None) => false,
    }
}

/// A version's first block is its title when it is a heading, or a short
/// line that ends no sentence, is no numbered point, and heads a longer text
/// (a point of a law printed without its number, `Қазақстан Республикасы
/// және Қазақстан атауларының мәні барабар`, is followed by a heading).
fn is_title(block: &Block, next: Option<&Block>) -> bool {
    let words = block.text.split_whitespace().count();
    let heads_text = next.is_some_and(|n| n.text.len() > 2 * block.text.len());
    block.kind == BlockKind::Heading
        || (block.kind == BlockKind::Paragraph
            && (1..=25).contains(&words)
            && block.sentences.len() == 1
            && heads_text
            && !block.text.starts_with(|c: char| c.is_ascii_digit())
            && !block.text.ends_with(['.', ':', ';', ',']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Metadata;

    /// Lines as a PDF extractor writes them: each followed by an empty line,
    /// a new page opened by a line indented by one space.
    fn extracted(lines: &[&str]) -> String {
        lines.iter().map(|l| format!("{l}\n\n")).collect()
    }

    // From the news story of Wikinews that FLORES translates (dev set, 004),
    // as the combined file lays it out: the Russian version follows the
    // English on the next page, with no mark between them.
    const ENGLISH: [&str; 3] = [
        " The protest started around 11:00 local time (UTC+1) on Whitehall opposite the police-guarded ",
        "entrance to Downing Street, the Prime Minister's official residence. Just after 11:00, ",
        "the Conservative Party were holding their Spring Forum in the Grand Connaught Rooms hotel. ",
    ];
    const RUSSIAN: [&str; 2] = [
        " Протест начался около 11:00 по местному времени (UTC+1) на улице Уайтхолл напротив охраняемого ",
        "полицией въезда на Даунинг-стрит, официальную резиденцию премьер-министра. Сразу после 11:00 ",
    ];

    #[test]
    fn a_change_of_language_at_a_page_start_ends_the_paragraph() {
        let mut lines = ENGLISH.to_vec();
        lines.extend(RUSSIAN);
        let document = crate::ingest::ingest("x", Metadata::default(), &extracted(&lines));
        let langs: Vec<Lang> = document.blocks.iter().map(|b| b.lang).collect();
        assert_eq!(langs, [Lang::En, Lang::Ru]);
        assert!(document.blocks[1].text.starts_with("Протест начался"));
        let versions: Vec<(Lang, usize)> =
            document.versions.iter().map(|v| (v.lang, v.line)).collect();
        assert_eq!(versions, [(Lang::En, 1), (Lang::Ru, 7)]);
    }

    #[test]
    fn a_line_of_kazakh_names_in_a_russian_paragraph_cuts_nothing() {
        // Kazakh letters crowd one line (`Бөкейхан`, `Дулатұлы`, `Байтұрсынұлы`),
        // but the sentence goes on in Russian.
        let source = extracted(&[
            "В газете «Қазақ» печатались статьи о выборах и о программе партии, которую составили",
            "Ә. Бөкейхан, М. Дулатұлы, А. Байтұрсынұлы, Ж. Досмұхамедұлы, Х. Досмұхамедұлы.",
            "Редакция признавала, что полных сведений о выборах в Степном крае у неё ещё не было.",
        ]);
        let document = crate::ingest::ingest("x", Metadata::default(), &source);
        assert_eq!(document.blocks.len(), 1, "{:#?}", document.blocks);
        assert_eq!(document.versions.len(), 1);
    }

    #[test]
    fn a_quotation_set_apart_stays_in_its_version() {
        // Plain text: lines wrapped, paragraphs set apart by an empty line.
        let source = "The newspaper wrote about the elections to the Constituent Assembly\n\
                      in the Steppe District and about the victory of the Alash party in them.\n\n\
                      Its correspondent in Semipalatinsk sent the figures of the count\n\
                      a week after the vote, and the editors printed them in full.\n\n\
                      «Газета писала о выборах в Степном округе».\n\n\
                      The editorial board admits that it does not yet have complete\n\
                      information about the elections in the other districts.\n\n\
                      It promised its readers to print the rest as soon as it came.\n";
        let document = crate::ingest::ingest("x", Metadata::default(), source);
        let langs: Vec<Lang> = document.blocks.iter().map(|b| b.lang).collect();
        assert_eq!(langs, [Lang::En, Lang::En, Lang::Ru, Lang::En, Lang::En]);
        assert_eq!(document.versions.len(), 1);
        assert_eq!(
            (
                document.versions[0].lang,
                document.versions[0].blocks.clone()
            ),
            (Lang::En, 0..5)
        );
    }

    #[test]
    fn a_title_in_a_language_no_version_has_stands_alone() {
        // FLORES dev, 067, Kazakh and Russian, under an English title.
        let source = "Gas explosion in Hammersmith\n\n\
                      Хабарларға сай Макбет көшесіндегі пәтер газдың жылыстауына байланысты жарылды. \
                      Көршісі газдың жылыстауы туралы қоңырау шалғаннан кейін газ компаниясының лауазымды тұлғасы репортерға сұхбат беріп жатты.\n\n\
                      Сообщается, что взрыв в квартире на улице Макбет произошел из-за утечки газа. \
                      Официальный представитель газовой компании сообщил об этом после звонка соседа об утечке газа.\n";
        let document = crate::ingest::ingest("x", Metadata::default(), source);
        let versions: Vec<Lang> = document.versions.iter().map(|v| v.lang).collect();
        assert_eq!(versions, [Lang::En, Lang::Kk, Lang::Ru]);
        let units = crate::align::align(&document);
        let mut shapes: Vec<[usize; 3]> = units
            .iter()
            .filter_map(|u| u.paragraphs)
            .map(|p| [p.kk, p.ru, p.en])
            .collect();
        // A group of one version alone may stand before or after its
        // neighbour: both cost the same.
        shapes.sort();
        assert_eq!(shapes, [[0, 0, 1], [1, 1, 0]]);
    }

    #[test]
    fn each_version_starts_with_its_title() {
        // One paragraph a line, and the next version straight after.
        let source = "Қазақстан Республикасының Конституциясы\n\
                      Біз, ортақ тарихи тағдыр біріктірген Қазақстан халқы, байырғы қазақ жерінде мемлекеттілік құра отырып, өзімізді бейбітшілік пен азаматтық татулықты қалайтын қоғам деп ұғынамыз.\n\
                      Конституция Республики Казахстан\n\
                      Мы, народ Казахстана, объединенный общей исторической судьбой, созидая государственность на исконной казахской земле, сознавая себя миролюбивым гражданским обществом.\n";
        let document = crate::ingest::ingest("x", Metadata::default(), source);
        let versions: Vec<(Lang, Option<&str>)> = document
            .versions
            .iter()
            .map(|v| (v.lang, v.title.as_deref()))
            .collect();
        assert_eq!(
            versions,
            [
                (Lang::Kk, Some("Қазақстан Республикасының Конституциясы")),
                (Lang::Ru, Some("Конституция Республики Казахстан"))
            ]
        );
    }
}
