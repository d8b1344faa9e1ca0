//! Ingest: a source text as a PDF extractor left it → a [`Document`] of blocks.
//!
//! A journal article opens with abstracts in up to three languages, each
//! `Abstract.`/`Андатпа.`/`Аннотация.` followed by labelled parts
//! (`Introduction.`, `Results.` … `Key words:`), then the body in one language.

pub mod decode;
pub mod front;
pub mod labels;
pub mod lang;
pub mod metadata;
pub mod pdftext;
mod prepositions;
pub mod segment;
mod settle;
pub mod table;
pub mod versions;

use std::path::{Path, PathBuf};

use decode::Decoded;
use labels::{Announces, Label};
use pdftext::RawParagraph;

use crate::model::{
    Block, BlockKind, Division, Document, Lang, Metadata, Repair, RepairKind, Section, Sentence,
    SourceFile, Table, Version,
};
use crate::text::{cutter, fold};

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: line {line}: {error}", path.display())]
    Decode {
        path: PathBuf,
        line: usize,
        error: decode::DecodeError,
    },
    #[error("{}: no text in it", path.display())]
    Empty { path: PathBuf },
    #[error("{}: named as the {named} text, but it reads as {reads}", path.display())]
    WrongLanguage {
        path: PathBuf,
        named: Lang,
        reads: Lang,
    },
    #[error("{}: no text in Kazakh, Russian or English in it", path.display())]
    NoLanguage { path: PathBuf },
    #[error("{}: line {line}: {message}", path.display())]
    Table {
        path: PathBuf,
        line: u64,
        message: String,
    },
}

/// The rows of one of the tables in `data/` (labels, front matter,
/// abbreviations, language words, hyphenation, prepositions).
pub(crate) use crate::text::table_rows;

/// Reads and ingests one source file.
pub fn ingest_file(path: &Path, id: &str, meta: Metadata) -> Result<Document, IngestError> {
    let source = read_text(path, &meta.encoding)?;
    let mut document = match path.extension().is_some_and(|e| e == "tsv") {
        true => table::read(path, id, meta, &source.text)?,
        false => ingest(id, meta, &source.text),
    };
    if document.blocks.is_empty() {
        return Err(IngestError::Empty {
            path: path.to_owned(),
        });
    }
    document.files = vec![source_file(path, &source)];
    Ok(document)
}

/// What inspect shows of a file read: its name and encoding.
pub fn source_file(path: &Path, source: &Decoded) -> SourceFile {
    SourceFile {
        path: path.display().to_string(),
        encoding: source.encoding.to_owned(),
    }
}

/// Reads a source file as text ([`decode`]: in `encoding` where that names
/// one, else as its bytes say), with something in it but white space, and
/// letters of Kazakh, Russian or English among its letters.
pub fn read_text(path: &Path, encoding: &str) -> Result<Decoded, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        path: path.to_owned(),
        source,
    })?;
    let declared = Some(encoding.trim()).filter(|e| !e.is_empty());
    let source = decode::decode(&bytes, declared).map_err(|error| {
        let byte = error.byte().unwrap_or(0);
        IngestError::Decode {
            path: path.to_owned(),
            line: 1 + bytes[..byte.min(bytes.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count(),
            error,
        }
    })?;
    if source.text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: path.to_owned(),
        });
    }
    if !has_letters_of_the_three(&source.text) {
        return Err(IngestError::NoLanguage {
            path: path.to_owned(),
        });
    }
    Ok(source)
}

/// Whether at least half the letters of a text's first pages are Latin or
/// Cyrillic: a text in Chinese or Arabic, or a binary file that happens to
/// decode, holds no text of the corpus's languages.
fn has_letters_of_the_three(text: &str) -> bool {
    let (mut ours, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(20_000) {
        all += 1;
        if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{052F}').contains(&c) {
            ours += 1;
        }
    }
    ours * 2 >= all && ours > 0
}

/// Reads one language's file of a document kept one file per language: a
/// text, as [`read_text`], in the language its name gives (told from its
/// first pages; a file named `.kk.txt` that holds the Russian text is
/// refused, not indexed as Kazakh).
pub fn read_version(path: &Path, lang: Lang, encoding: &str) -> Result<Decoded, IngestError> {
    let source = read_text(path, encoding)?;
    let text = &source.text;
    let mut sample = text.len().min(20_000);
    while !text.is_char_boundary(sample) {
        sample -= 1;
    }
    let reads = lang::detect(&text[..sample], lang);
    if reads != lang {
        return Err(IngestError::WrongLanguage {
            path: path.to_owned(),
            named: lang,
            reads,
        });
    }
    Ok(source)
}

/// A text without the byte-order mark that Windows editors and spreadsheets
/// put before UTF-8: no text of the file, and before the first line it
/// would hide what that line starts with (a label, a `#` comment).
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Ingests a source text, in one language or in several one after another.
pub fn ingest(id: &str, meta: Metadata, source: &str) -> Document {
    let (mut blocks, repairs) = read_blocks(source, None);
    settle::keep_to_languages(&mut blocks, &meta.languages);
    versions::settle_undecided(&mut blocks);
    let versions = versions::find(&blocks, None);
    document(id, meta, blocks, versions, repairs)
}

/// Ingests a text kept one file per language: each file's text, named by
/// its language, is that language's version.
pub fn ingest_versions(id: &str, meta: Metadata, files: &[(Lang, PathBuf, String)]) -> Document {
    let mut blocks = Vec::new();
    let mut versions = Vec::new();
    let mut repairs = Vec::new();
    let mut warnings = Vec::new();
    for (lang, path, source) in files {
        let (mut read, mut repaired) = read_blocks(source, Some(*lang));
        // A paragraph plainly in another language (the English pasted into
        // the Kazakh file) is no part of this version: said, and left out.
        read.retain(|block| {
            let letters = block.text.chars().filter(|c| c.is_alphabetic()).count();
            let reads = lang::detect(&block.text, *lang);
            let foreign = letters >= 40 && (reads == Lang::En) != (*lang == Lang::En);
            if foreign {
                warnings.push(format!(
                    "{}: line {}: a paragraph in {reads} in the {lang} text; left out",
                    path.display(),
                    block.line
                ));
            }
            !foreign
        });
        if read.is_empty() {
            let empty = IngestError::Empty { path: path.clone() };
            warnings.push(format!("{empty}; left out of {id}"));
            continue;
        }
        let offset = blocks.len();
        for block in &mut read {
            block.file = Some(*lang);
        }
        for repair in &mut repaired {
            repair.file = Some(*lang);
        }
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        versions.extend(versions::find(&read, Some(&name)).into_iter().map(|mut v| {
            v.blocks = v.blocks.start + offset..v.blocks.end + offset;
            v
        }));
        blocks.append(&mut read);
        repairs.append(&mut repaired);
    }
    let mut document = document(id, meta, blocks, versions, repairs);
    document.warnings.splice(0..0, warnings);
    document
}

/// The blocks of one source text and the repairs made to it; `lang`, where
/// the file names its language, is every block's.
fn read_blocks(source: &str, lang: Option<Lang>) -> (Vec<Block>, Vec<Repair>) {
    let source = without_bom(source);
    let layout = pdftext::paragraphs(source);
    let paragraphs = match lang {
        Some(_) => layout.paragraphs,
        None => versions::split_at_language_changes(layout.paragraphs),
    };
    let mut builder = Builder {
        forced: lang,
        ..Builder::default()
    };
    let paragraphs = front::with_kinds(paragraphs);
    let opens = opens_unlabelled_abstract(&paragraphs);
    for ((paragraph, front), opens) in paragraphs.into_iter().zip(opens) {
        match front {
            Some(kind) => builder.add_front(paragraph, kind),
            None if opens => builder.open_abstract(paragraph),
            None => builder.add(paragraph),
        }
    }
    builder.finish_abstract();
    settle::mark_other_language_headings(&mut builder.blocks);
    if lang.is_none() {
        settle::front_matter_languages(&mut builder.blocks);
    }
    let mut repairs = layout.repairs;
    repairs.extend(builder.repairs);
    repairs.sort_by_key(|r| r.line);
    (builder.blocks, repairs)
}

/// Whether each paragraph opens an abstract printed with no label. One may
/// stand first in the text, after the front matter or after another
/// abstract's keyword list; it is an abstract when a keyword list follows
/// within a few paragraphs and no other label comes first (`Ключевые слова:`
/// under an unlabelled abstract), or, after the front matter, when the text
/// changes language at once, abstract after abstract (a Russian one, then
/// its English, each one paragraph).
fn opens_unlabelled_abstract(paragraphs: &[(RawParagraph, Option<BlockKind>)]) -> Vec<bool> {
    const WITHIN: usize = 4;
    /// Longer than an abstract, in words.
    const ABSTRACT_WORDS: usize = 400;
    let first_label = |p: &RawParagraph| labels::labels_in(&p.text).first().map(|&(_, l)| l);
    // A keyword list, its terms after its label: a bare label's list is the
    // paragraph after it, and opens nothing.
    let is_keywords = |p: &RawParagraph| {
        labels::label_at(&p.text).is_some_and(|l| l.announces == KEYWORDS)
            && !is_bare_keywords(&p.text)
    };
    let plain = |i: usize| {
        paragraphs.get(i).is_some_and(|(p, front)| {
            front.is_none()
                && !p.is_table
                && labels::label_at(&p.text).is_none()
                && p.text.split_whitespace().count() <= ABSTRACT_WORDS
        })
    };
    let lang_of = |i: usize| lang::detect(&paragraphs[i].0.text, Lang::En);
    let mut opens = vec![false; paragraphs.len()];
    for i in 0..paragraphs.len() {
        let may_open = i == 0
            || paragraphs[i - 1].1.is_some()
            || is_keywords(&paragraphs[i - 1].0)
            || (i >= 2 && is_bare_keywords(&paragraphs[i - 2].0.text))
            || (opens[i - 1] && plain(i - 1) && lang_of(i - 1) != lang_of(i));
        if !may_open || !plain(i) {
            continue;
        }
        let keywords_follow = paragraphs[i..]
            .iter()
            .take(WITHIN)
            .take_while(|(_, front)| front.is_none())
            .find_map(|(p, _)| first_label(p))
            .is_some_and(|l| l.announces == KEYWORDS);
        // Paragraph after paragraph in another language is a translated
        // text, unless the front matter stands just before: then abstracts,
        // of like lengths; or a short summary before a body in another
        // language (a Russian summary over a Kazakh article), alone.
        let words = |i: usize| paragraphs[i].0.text.split_whitespace().count().max(1) as f64;
        let alike = |i: usize, j: usize| (0.4..=2.5).contains(&(words(i) / words(j)));
        let after_front = i > 0 && paragraphs[i - 1].1.is_some();
        let changes = plain(i + 1) && lang_of(i) != lang_of(i + 1);
        let abstracts = after_front && changes && alike(i, i + 1);
        let summary = after_front && changes && words(i) <= 150.0 && words(i + 1) >= 2.0 * words(i);
        let follows_one = i > 0 && opens[i - 1] && alike(i - 1, i);
        opens[i] = keywords_follow || abstracts || summary || follows_one;
    }
    opens
}

const KEYWORDS: Announces = Announces::Section(Section::Keywords);

/// Whether `text` is a keyword list's label with nothing after it.
fn is_bare_keywords(text: &str) -> bool {
    labels::alone(text).is_some_and(|l| l.announces == KEYWORDS)
}

fn document(
    id: &str,
    mut meta: Metadata,
    blocks: Vec<Block>,
    versions: Vec<Version>,
    repairs: Vec<Repair>,
) -> Document {
    metadata::infer(&mut meta, &blocks);
    let mut warnings = Vec::new();
    // A text wholly in a fourth language has nothing to index: said once.
    let mut others: Vec<&str> = blocks
        .iter()
        .filter_map(|b| b.other_language.as_deref())
        .collect();
    if !blocks.is_empty() && others.len() == blocks.len() {
        others.sort_unstable();
        others.dedup();
        warnings.push(format!(
            "{id}: the text is in {} only, no Kazakh, Russian or English: not indexed",
            others.join(", ")
        ));
    }
    Document {
        id: id.to_owned(),
        meta,
        blocks,
        versions,
        repairs,
        warnings,
        files: Vec::new(),
        given: Vec::new(),
    }
}

/// Where the walk through the paragraphs stands.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// Before the first abstract: title, authors.
    Front,
    /// Inside an abstract in this language.
    Abstract {
        lang: Lang,
    },
    Body {
        section: Section,
    },
}

struct Builder {
    blocks: Vec<Block>,
    /// Glued words and mixed-script words found in the blocks.
    repairs: Vec<Repair>,
    place: Place,
    /// The paragraphs of the abstract being read, joined when it ends.
    abstract_text: Vec<RawParagraph>,
    body_lang: Lang,
    /// The language of every block, where the file names it.
    forced: Option<Lang>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            blocks: Vec::new(),
            repairs: Vec::new(),
            place: Place::Front,
            abstract_text: Vec::new(),
            body_lang: Lang::En,
            forced: None,
        }
    }
}

impl Builder {
    fn add(&mut self, paragraph: RawParagraph) {
        let label = labels::label_at(&paragraph.text);
        if let Some(Label {
            announces: Announces::Abstract,
            lang,
            ..
        }) = label
        {
            self.finish_abstract();
            self.place = Place::Abstract { lang };
        }
        if let Place::Abstract { lang } = self.place {
            if self.continues_abstract(&paragraph, label, lang) {
                self.abstract_text.push(paragraph);
                return;
            }
            self.finish_abstract();
            self.place = Place::Body {
                section: Section::Front,
            };
        }
        self.add_body(paragraph, label);
    }

    /// The first paragraph of an abstract printed with no label.
    fn open_abstract(&mut self, paragraph: RawParagraph) {
        self.finish_abstract();
        let lang = self
            .forced
            .unwrap_or_else(|| lang::detect(&paragraph.text, self.body_lang));
        self.place = Place::Abstract { lang };
        self.abstract_text.push(paragraph);
    }

    /// A line of the front matter: it ends an abstract being read.
    fn add_front(&mut self, paragraph: RawParagraph, kind: BlockKind) {
        self.finish_abstract();
        self.place = Place::Front;
        let lang = self
            .forced
            .unwrap_or_else(|| lang::detect(&paragraph.text, self.body_lang));
        let block = make_block(
            kind,
            lang,
            Division::Front,
            Section::Front,
            None,
            &paragraph,
        );
        self.push(block, &paragraph);
    }

    /// Whether a paragraph still belongs to the abstract being read.
    fn continues_abstract(
        &self,
        paragraph: &RawParagraph,
        label: Option<Label>,
        lang: Lang,
    ) -> bool {
        if paragraph.is_table {
            return false;
        }
        let seen: Vec<Section> = self
            .abstract_text
            .iter()
            .flat_map(|p| labels::labels_in(&p.text))
            .filter_map(|(_, l)| match l.announces {
                Announces::Section(section) => Some(section),
                _ => None,
            })
            .collect();
        // A keyword list's label alone on its line: the list is what follows.
        let bare_keywords = self
            .abstract_text
            .last()
            .is_some_and(|p| is_bare_keywords(&p.text));
        if bare_keywords && label.is_none() {
            return true;
        }
        match label.map(|l| (l.announces, l.lang)) {
            Some((Announces::Abstract, _)) => true,
            // The reference list and the notes on authors are the back matter's.
            Some((Announces::Section(Section::References | Section::Authors), _)) => false,
            Some((Announces::Section(Section::Acknowledgement), _)) => true,
            // After the keyword list only acknowledgements belong to the abstract.
            _ if seen.contains(&Section::Keywords) => false,
            // A part the abstract already had opens the body (`Кіріспе.` again,
            // after an abstract with no keyword list).
            Some((Announces::Section(section), _)) if seen.contains(&section) => false,
            // A label in another language opens the body (`Introduction.` after
            // the Russian abstract).
            Some((Announces::Section(_), label_lang)) => label_lang == lang,
            _ => lang::detect(&paragraph.text, lang) == lang,
        }
    }

    fn add_body(&mut self, paragraph: RawParagraph, label: Option<Label>) {
        let mut section = match self.place {
            Place::Body { section } => section,
            _ => Section::Front,
        };
        let (mut kind, mut label_text) = (BlockKind::Paragraph, None);
        if paragraph.is_table {
            kind = BlockKind::Table;
        } else if let Some(Label {
            announces: Announces::Section(s),
            len,
            ..
        }) = label
        {
            section = s;
            label_text = Some(paragraph.text[..len].trim_end().to_owned());
            if paragraph.text[len..].trim().is_empty() {
                kind = BlockKind::Heading;
            }
        }
        let back = matches!(section, Section::References | Section::Authors);
        if kind == BlockKind::Paragraph && label_text.is_none() && !back && is_heading(&paragraph) {
            kind = BlockKind::Heading;
        }
        self.place = Place::Body { section };
        let lang = self
            .forced
            .unwrap_or_else(|| lang::detect(&paragraph.text, self.body_lang));
        // The reference list and the notes on the authors are back matter:
        // the body's language stays what it was.
        let division = match section {
            Section::References | Section::Authors => Division::Back,
            _ => {
                self.body_lang = lang;
                Division::Body
            }
        };
        if section == Section::References && kind == BlockKind::Paragraph {
            kind = BlockKind::Reference;
        }
        // The list under a keyword label that stood alone.
        let after_keywords_label = self
            .blocks
            .last()
            .is_some_and(|b| b.kind == BlockKind::Heading && b.section == Section::Keywords);
        if section == Section::Keywords && label_text.is_none() && after_keywords_label {
            kind = BlockKind::Keywords;
        }
        let block = make_block(kind, lang, division, section, label_text, &paragraph);
        self.push(block, &paragraph);
    }

    /// Adds a block, recording the repairs its words need for search: words
    /// glued at a full stop, and words mixing scripts.
    fn push(&mut self, block: Block, paragraph: &RawParagraph) {
        let base = paragraph.text.rfind(block.text.as_str()).unwrap_or(0);
        let text = &block.text;
        // Most blocks need neither repair, and tell so without being cut into
        // words: a glued word needs a full stop with no space after it, a
        // mixed-script word (or a Roman numeral typed in Cyrillic) a Cyrillic letter.
        let glued_maybe = text
            .match_indices('.')
            .any(|(at, _)| text[at + 1..].starts_with(|c: char| !c.is_whitespace()));
        let cyrillic = text.chars().any(fold::is_cyrillic);
        if !glued_maybe && !cyrillic {
            self.blocks.push(block);
            return;
        }
        let words: Vec<(usize, &str)> = cutter::words(text).collect();
        for pair in words.windows(2) {
            let ((at, first), (next, second)) = (pair[0], pair[1]);
            let gap = &text[at + first.len()..next];
            let capitalised = second.chars().next().is_some_and(char::is_uppercase)
                && second.chars().nth(1).is_some_and(char::is_lowercase);
            if gap.contains('.') && !gap.contains(char::is_whitespace) && capitalised {
                self.repairs.push(Repair {
                    kind: RepairKind::GluedWords,
                    line: paragraph.line_at(base + at),
                    printed: format!("{first}{gap}{second}"),
                    repaired: format!("{first}{gap} {second}"),
                    file: None,
                });
            }
        }
        let mut buffer = String::new();
        for &(at, word) in words.iter().filter(|(_, w)| fold::needs_folding(w)) {
            let mut folded = word.to_owned();
            if fold::fold_word(&mut folded, &mut buffer) && folded != word {
                self.repairs.push(Repair {
                    kind: RepairKind::MixedScript,
                    line: paragraph.line_at(base + at),
                    printed: word.to_owned(),
                    repaired: folded,
                    file: None,
                });
            }
        }
        self.blocks.push(block);
    }

    /// Cuts the abstract read so far into its labelled parts, one block each.
    fn finish_abstract(&mut self) {
        let paragraphs = std::mem::take(&mut self.abstract_text);
        let Some(mut joined) = paragraphs.first().cloned() else {
            return;
        };
        // Paragraphs are joined by a line break, so that a label opening one
        // (`Алғыс айту.` after a keyword list with no full stop) is still seen.
        for paragraph in &paragraphs[1..] {
            let offset = joined.text.len() + 1;
            joined.text.push('\n');
            joined.text.push_str(&paragraph.text);
            joined.lines.extend(
                paragraph
                    .lines
                    .iter()
                    .map(|&(at, line)| (at + offset, line)),
            );
        }
        let hint = match self.place {
            Place::Abstract { lang, .. } => lang,
            _ => Lang::En,
        };
        // A part runs from its label (kept: the text stays as printed) to
        // the next part's. The abstract's own label opens the first part;
        // alone (`Abstract. Introduction. …`) it joins the part after it.
        let mut parts: Vec<(Section, Option<String>, usize, usize)> =
            vec![(Section::Front, None, 0, 0)];
        for (at, label) in labels::labels_in(&joined.text) {
            let Announces::Section(next) = label.announces else {
                continue;
            };
            let last = parts.last_mut().expect("one part at least");
            last.3 = at;
            let before = &joined.text[last.2..at];
            let end = at + label.len;
            if before[labels::leading_labels_len(before)..]
                .trim()
                .is_empty()
            {
                // The labels printed together, `Аңдатпа. Кіріспе.`, are the part's label.
                let printed = joined.text[last.2..end].trim().to_owned();
                (last.0, last.1) = (next, Some(printed));
            } else {
                let printed = joined.text[at..end].trim_end().to_owned();
                parts.push((next, Some(printed), at, at));
            }
        }
        parts.last_mut().expect("one part at least").3 = joined.text.len();
        for (section, label_text, start, end) in parts {
            let raw = &joined.text[start..end];
            let lead = raw.len() - raw.trim_start().len();
            let mut part = joined.slice(start + lead..start + lead + raw.trim().len());
            if part.text.is_empty() {
                continue;
            }
            // An abstract with no labelled parts: its label is `Abstract.`,
            // or `ABSTRACT` alone on its line.
            let label_text = label_text.or_else(|| {
                let len = labels::leading_labels_len(&part.text);
                (len > 0).then(|| part.text[..len].trim_end().to_owned())
            });
            part.text = part.text.replace('\n', " ");
            let kind = match section {
                Section::Keywords => BlockKind::Keywords,
                Section::Acknowledgement => BlockKind::Acknowledgement,
                _ => BlockKind::Paragraph,
            };
            let lang = self
                .forced
                .unwrap_or_else(|| lang::detect(&part.text, hint));
            let block = make_block(kind, lang, Division::Abstract, section, label_text, &part);
            self.push(block, &part);
        }
    }
}

/// A heading with no label: one short line of its own, not closing on a
/// full stop, comma or colon (`Қоныс аударудың қазақ шаруашылығына әсері`,
/// `Früher war Kasachisch eine Sprache zweiten Ranges`).
fn is_heading(paragraph: &RawParagraph) -> bool {
    const MOST_WORDS: usize = 12;
    let text = paragraph.text.trim();
    paragraph.lines.len() == 1
        && !paragraph.is_table
        && (1..=MOST_WORDS).contains(&text.split_whitespace().count())
        && text.chars().any(char::is_alphabetic)
        && !text.ends_with(['.', ',', ':', ';', '-', '–', '—'])
}

fn make_block(
    kind: BlockKind,
    lang: Lang,
    division: Division,
    section: Section,
    label: Option<String>,
    paragraph: &RawParagraph,
) -> Block {
    let raw = &paragraph.text;
    let lead = raw.len() - raw.trim_start().len();
    let text = raw.trim().to_owned();
    let line = paragraph.line_at(lead);
    let spans = match kind {
        BlockKind::Paragraph | BlockKind::Acknowledgement => {
            labelled_sentences(&text, label.as_deref(), segment::sentences(&text))
        }
        BlockKind::Table => line_spans(&text),
        // A keyword list is one unit of meaning, as are a reference and a
        // line of the front matter; a table's rows are its sentences.
        _ => std::iter::once(0..text.len()).collect(),
    };
    let sentences = spans
        .into_iter()
        .map(|span| {
            let sentence = &text[span.clone()];
            Sentence {
                lang: sentence_lang(sentence, lang, kind),
                text: sentence.to_owned(),
                span,
            }
        })
        .collect();
    let table = (kind == BlockKind::Table).then(|| Table {
        caption: text.lines().next().unwrap_or_default().to_owned(),
        rows: paragraph.rows.clone(),
    });
    let other_language = match kind {
        BlockKind::Paragraph | BlockKind::Acknowledgement | BlockKind::Keywords => {
            lang::other_language(&text).map(str::to_owned)
        }
        _ => None,
    };
    Block {
        kind,
        lang,
        division,
        section,
        label,
        text,
        line,
        sentences,
        table,
        file: None,
        other_language,
    }
}

/// Sentences with the labels that open the text (`Abstract. Introduction.`)
/// made part of the first sentence after them: a label is no sentence of
/// its own, and the three languages' labels need not count alike.
fn labelled_sentences(
    text: &str,
    label: Option<&str>,
    mut spans: Vec<std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    let printed = label.filter(|l| text.starts_with(l)).map_or(0, str::len);
    let labels_end = labels::leading_labels_len(text).max(printed);
    while spans.len() > 1 && spans[0].end <= labels_end {
        let first = spans.remove(0);
        spans[0].start = first.start;
    }
    spans
}

/// A sentence's language: its block's, unless it is long enough to tell and
/// plainly in another language.
fn sentence_lang(sentence: &str, block_lang: Lang, kind: BlockKind) -> Lang {
    let words = sentence
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if kind == BlockKind::Table || words < 4 {
        return block_lang;
    }
    lang::detect(sentence, block_lang)
}

fn line_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            spans.push(at..at + line.len());
        }
        at += line.len() + 1;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLED: &str = include_str!("../../corpus/alash-constituent-assembly-1917.txt");

    /// Every block's sentences and words point into its text, whatever the input.
    fn check(source: &str) {
        let document = ingest("x", Metadata::default(), source);
        for block in &document.blocks {
            for sentence in &block.sentences {
                assert_eq!(&block.text[sentence.span.clone()], sentence.text);
                for (at, word) in cutter::words(&sentence.text) {
                    let at = sentence.span.start + at;
                    assert_eq!(&block.text[at..at + word.len()], word);
                }
            }
        }
    }

    #[test]
    fn any_cut_of_the_bundled_article_ingests_without_panic() {
        let boundaries: Vec<usize> = BUNDLED
            .char_indices()
            .map(|(i, _)| i)
            .step_by(611)
            .collect();
        for (n, &start) in boundaries.iter().enumerate() {
            let end = boundaries[(n * 7 + 3) % boundaries.len()].max(start);
            check(&BUNDLED[start..end]);
        }
    }

    #[test]
    fn odd_inputs_ingest_without_panic() {
        for source in [
            "",
            " ",
            "\n\n\n",
            ".",
            "10.",
            "Abstract.",
            "Key words:",
            "Table 1.",
            "Андатпа. Кіріспе.",
            "«»()..!!??",
            "(((((",
            "a-\n\n-b",
            " Аннотация. Введение.\n\nТаблица 2\n\n ",
        ] {
            check(source);
        }
    }

    #[test]
    fn the_languages_of_the_metadata_file_decide_between_kazakh_and_russian() {
        // Names in their Russian forms only: read as Russian when nothing
        // says otherwise.
        let source = "Алаш: Бөкейханов, Байтұрсынов, Дулатов. Орынбор, 1913.\n";
        let guessed = ingest("x", Metadata::default(), source);
        assert_eq!(guessed.blocks[0].lang, Lang::Ru);
        let meta = Metadata {
            languages: vec![Lang::Kk, Lang::En],
            ..Metadata::default()
        };
        let told = ingest("x", meta, source);
        assert_eq!(told.blocks[0].lang, Lang::Kk);
        assert!(told.blocks[0].sentences.iter().all(|s| s.lang == Lang::Kk));
    }

    #[test]
    fn soft_hyphens_zero_width_characters_and_ligatures_are_no_letters() {
        let source = "The popu\u{ad}lation of the steppe was count\u{ad}\n                      ed by the of\u{fb01}cials of the Turgay re\u{200b}gion in 1917, as the\n                      Kurultai asked.\n";
        let document = ingest("x", Metadata::default(), source);
        let text = &document.blocks[0].text;
        assert!(
            text.starts_with(
                "The population of the steppe was counted by the officials of the Turgay region"
            ),
            "{text}"
        );
        let repairs = document
            .repairs
            .iter()
            .filter(|r| r.kind == RepairKind::Characters)
            .count();
        assert_eq!(repairs, 2);
    }

    #[test]
    fn a_hyphen_at_a_line_end_goes_between_parts_that_are_no_words() {
        // `popu` and `lation` are no words: the hyphen was the typesetter's,
        // though the document never writes `population` whole.
        let source = "Before the elections the Kazakh popu-\n                      lation of the Turgay region was counted by the self-\n                      appointed committees, and the self-\n                      determination of the steppe was put to the vote.\n";
        let document = ingest("x", Metadata::default(), source);
        let text = &document.blocks[0].text;
        assert!(text.contains("Kazakh population of"), "{text}");
        // `self` opens compounds (data/hyphenation.tsv).
        assert!(
            text.contains("self-appointed") && text.contains("self-determination"),
            "{text}"
        );
        // Russian: `иссле-` + `дование` is one word; `научно-` opens a compound.
        let source = "В статье приведены результаты иссле-\n                      дования, проведенного в рамках научно-\n                      исследовательского проекта института.\n";
        let text = &ingest("x", Metadata::default(), source).blocks[0].text;
        assert!(text.contains("исследования, проведенного"), "{text}");
        assert!(text.contains("научно-исследовательского"), "{text}");
    }

    #[test]
    fn hyphen_at_line_end_goes_where_the_document_writes_the_word_whole() {
        let source = "Казахи требовали национального само-\n\nопределения и автономии в составе России и Федерации.\n\n\
                      Право на самоопределение признавалось всеми партиями того времени в России.\n\n";
        let document = ingest("x", Metadata::default(), source);
        assert!(
            document.blocks[0].text.contains("самоопределения"),
            "{}",
            document.blocks[0].text
        );
        let repair = document
            .repairs
            .iter()
            .find(|r| r.kind == RepairKind::Hyphenation)
            .unwrap();
        // Recorded at the line the hyphen ends.
        assert_eq!(
            (repair.line, repair.repaired.as_str()),
            (1, "самоопределения")
        );
        // With no such evidence the hyphen stays: Kazakh writes `өзін-өзі` with one.
        let source =
            "Қазақтардың ұлттық өзін-\n\nөзі анықтау құқығын мойындайтынына үміт артты.\n\n";
        let document = ingest("x", Metadata::default(), source);
        assert!(document.blocks[0].text.contains("өзін-өзі"));
        // A capital after the hyphen: a compound, though the Russian version
        // beside it writes `Трансаляскинский` whole.
        let source =
            "Мұнай Транс-\n\nАляскалық құбыр жүйесі арқылы тасымалданады деп хабарлады.\n\n\
                      Нефть поступает по Трансаляскинскому нефтепроводу, сообщила компания.\n\n";
        let document = ingest("x", Metadata::default(), source);
        assert!(
            document.blocks[0].text.contains("Транс-Аляскалық"),
            "{}",
            document.blocks[0].text
        );
    }
}
