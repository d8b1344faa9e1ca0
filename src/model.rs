//! The corpus's data types, shared by every stage of the pipeline.
//!
//! A [`Document`] is what ingest makes of one source file: [`Block`]s (headings,
//! paragraphs, tables, keyword lists …), each in one language and one section,
//! each cut into [`Sentence`]s. Alignment turns a document into [`Unit`]s: the
//! passages that are indexed and shown, each holding its aligned sentence
//! groups ([`Link`]s) across the three languages.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One of the corpus's three languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    /// The display order: Kazakh, Russian, English.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// ISO 639-1 code, also the name of the language's analyzer and index field.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "kk" => Ok(Lang::Kk),
            "ru" => Ok(Lang::Ru),
            "en" => Ok(Lang::En),
            _ => Err(format!("unknown language {s:?} (expected kk, ru or en)")),
        }
    }
}

impl Lang {
    /// The language a tag names as tools write them: `kk`, `KK`, `kaz`,
    /// `kk-KZ`, `kk_Cyrl_KZ`, `ru-RU`, `rus`, `en-GB`, `eng` (BCP 47 and
    /// ISO 639-1 or 639-3, in any case); `None` for any other language.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "kk" | "kaz" => Some(Lang::Kk),
            "ru" | "rus" => Some(Lang::Ru),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A value for each language, indexed by [`Lang`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerLang<T> {
    pub kk: T,
    pub ru: T,
    pub en: T,
}

impl<T> PerLang<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }

    pub fn get_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::Kk => &mut self.kk,
            Lang::Ru => &mut self.ru,
            Lang::En => &mut self.en,
        }
    }

    pub fn from_fn(mut f: impl FnMut(Lang) -> T) -> Self {
        PerLang {
            kk: f(Lang::Kk),
            ru: f(Lang::Ru),
            en: f(Lang::En),
        }
    }

    pub fn map<U>(&self, mut f: impl FnMut(Lang, &T) -> U) -> PerLang<U> {
        PerLang::from_fn(|lang| f(lang, self.get(lang)))
    }
}

/// The divisions of a journal article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Division {
    /// What is printed about the article: classifiers (УДК, МРНТИ), DOI,
    /// title, authors, affiliations, e-mail, dates. Metadata, never aligned.
    Front,
    /// The abstracts printed in up to three languages, and their keywords.
    Abstract,
    /// The article itself, in one language or in translated versions.
    Body,
    /// The reference list and the notes on the authors, never aligned.
    Back,
}

impl Division {
    pub const ALL: [Division; 4] = [
        Division::Front,
        Division::Abstract,
        Division::Body,
        Division::Back,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Division::Front => "front",
            Division::Abstract => "abstract",
            Division::Body => "body",
            Division::Back => "back",
        }
    }
}

/// The labelled part of an abstract or body a block belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// Text before any label.
    Front,
    Introduction,
    Goals,
    Materials,
    Discussion,
    Results,
    Conclusion,
    Keywords,
    Acknowledgement,
    /// The reference list, kept out of alignment.
    References,
    /// Notes on the authors printed after the article.
    Authors,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Front,
        Section::Introduction,
        Section::Goals,
        Section::Materials,
        Section::Discussion,
        Section::Results,
        Section::Conclusion,
        Section::Keywords,
        Section::Acknowledgement,
        Section::References,
        Section::Authors,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Front => "front",
            Section::Introduction => "introduction",
            Section::Goals => "goals",
            Section::Materials => "materials",
            Section::Discussion => "discussion",
            Section::Results => "results",
            Section::Conclusion => "conclusion",
            Section::Keywords => "keywords",
            Section::Acknowledgement => "acknowledgement",
            Section::References => "references",
            Section::Authors => "authors",
        }
    }
}

/// A section path as [`Unit::section_path`] writes it (`abstract/results`,
/// `body/front`), or a division alone (`body`: its front section).
pub fn parse_section_path(path: &str) -> Option<(Division, Section)> {
    let (division, section) = path
        .trim()
        .split_once('/')
        .unwrap_or((path.trim(), "front"));
    let division = Division::ALL.into_iter().find(|d| d.name() == division)?;
    let section = Section::ALL.into_iter().find(|s| s.name() == section)?;
    Some((division, section))
}

/// What kind of text a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    Table,
    Keywords,
    Acknowledgement,
    /// An entry of the reference list.
    Reference,
    // The front matter's kinds of line.
    /// The article's title.
    Title,
    /// Its authors, by initials and surname.
    Authors,
    /// Where the authors work.
    Affiliation,
    /// A subject classifier: УДК, МРНТИ, IRSTI.
    Classifier,
    Doi,
    /// An author's e-mail address.
    Email,
    /// Received, accepted, published.
    Dates,
    /// What else journals print there: the kind of article, how to cite it.
    Note,
}

/// A sentence of a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The block's language, unless the sentence is plainly in another one
    /// (a Russian quotation in an English paragraph).
    pub lang: Lang,
    pub text: String,
    /// Byte range in the block's text.
    pub span: Range<usize>,
}

/// A table as printed: its caption and its rows, cut into cells where the
/// cells can be told apart (by runs of spaces), else one cell a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub caption: String,
    pub rows: Vec<Vec<String>>,
}

/// A run of text of one kind, in one language and one section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub lang: Lang,
    pub division: Division,
    pub section: Section,
    /// The label that opened the section in this block, as printed (`Кіріспе.`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The text as printed, its label included (`Кіріспе. 1917 жылы …`),
    /// hard line breaks joined.
    pub text: String,
    /// 1-based line of the source file where the block starts.
    pub line: usize,
    pub sentences: Vec<Sentence>,
    /// For a table, its caption and cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// Where a document is one file per language, the language of the file
    /// the block was read from (`<id>.kk.txt`); `line` counts in that file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Lang>,
    /// Text plainly in a language other than the three (`deu`, `tur`,
    /// `uzb`: ISO 639-3): kept and shown, never indexed or aligned as the
    /// language `lang` names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_language: Option<String>,
}

impl Block {
    /// The text after its label: a keyword list's terms without `Key words:`.
    pub fn unlabelled(&self) -> &str {
        let text = self
            .label
            .as_deref()
            .and_then(|l| self.text.strip_prefix(l));
        text.unwrap_or(&self.text).trim_start()
    }
}

/// One language's version of a document's body: a translation printed in
/// the same file as the others, one after another, or a file of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub lang: Lang,
    /// Where the document is one file per language, the file's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based source line of its first block.
    pub line: usize,
    /// Its first block, where that reads as a title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its blocks: a range of the document's blocks, all of the body.
    pub blocks: Range<usize>,
}

/// Descriptive metadata of a document, read from the file beside it; what the
/// file leaves out may be inferred from the text (see `ingest::metadata`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub journal: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doi: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Lang>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The encoding of the document's text files, where the bytes do not say
    /// it (`windows-1251`, `KZ-1048`); empty, it is found from them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub encoding: String,
    /// Where the document is a part of a longer one cut on import
    /// (`train-0002` of `train`), that one's id: `--doc train` names it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub part_of: String,
    /// The fields that were not in the metadata file but inferred from the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty", skip_deserializing)]
    pub inferred: Vec<String>,
}

/// What ingest repaired in the printed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RepairKind {
    /// Words glued at a full stop (`state.The`): cut into two for search.
    GluedWords,
    /// A word mixing Cyrillic and Latin look-alikes (`Turgaу`): folded for
    /// search; the stored text stays as printed.
    MixedScript,
    /// A word hyphenated across a line end, joined (`само-` + `определение`).
    Hyphenation,
    /// A preposition glued to the word after it, cut off (`вкачестве` as
    /// `в качестве`).
    GluedPreposition,
    /// Runs of spaces collapsed to one.
    Spaces,
    /// Soft hyphens and zero-width characters dropped, ligatures spelt out
    /// (`ﬁ` as `fi`), an old Kazakh font's letters read as the Kazakh ones
    /// meant (`жҽне` as `және`): what no reader sees and no query types.
    Characters,
}

/// One repair, where it was made and what it made of the printed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    pub kind: RepairKind,
    /// 1-based source line.
    pub line: usize,
    pub printed: String,
    pub repaired: String,
    /// Where a document is one file per language, the language of the file
    /// `line` counts in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Lang>,
}

/// One source text as ingested.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the source file's name without its extension.
    pub id: String,
    pub meta: Metadata,
    pub blocks: Vec<Block>,
    /// The body's versions, in document order: one for a body in one
    /// language, one per language for a translated text.
    #[serde(default)]
    pub versions: Vec<Version>,
    /// What ingest repaired, in source order.
    pub repairs: Vec<Repair>,
    /// What could not be read and was left out (a version's file with no
    /// text), each naming its file: a build reports them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The files the text was read from, with their encodings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<SourceFile>,
    /// Where the source gives its own alignment (a parallel table, what a
    /// translation memory was imported as): its groups, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub given: Vec<GivenGroup>,
}

impl Document {
    /// The name of the file that holds `lang`'s text, where the document
    /// is kept one file per language.
    pub fn file_of(&self, lang: Option<Lang>) -> Option<&str> {
        let lang = lang?;
        self.versions
            .iter()
            .find(|v| v.lang == lang && v.file.is_some())
            .and_then(|v| v.file.as_deref())
    }
}

/// One aligned group as the source gives it: a row of a parallel table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenGroup {
    /// The unit it is part of, where the source says (rows of one unit
    /// follow each other); else the group is a unit of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Its block in each language, by index in the document's blocks.
    pub blocks: PerLang<Option<usize>>,
    /// What the translation memory it came from said of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<Box<Memory>>,
}

/// A file a document's text was read from, and the encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    pub path: String,
    pub encoding: String,
}

/// One aligned sentence group: the sentences of each language that translate
/// each other (1-1, 1-2, 2-1, …), or a sentence with no counterpart (1-0).
/// Sentences are given by their index in the unit's [`Passage`] of that language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub sentences: PerLang<Vec<usize>>,
    /// How sure the aligner is of the group, from 0 to 1; 1 for a group a
    /// curator checked, or for a sentence of a text in one language only.
    #[serde(default = "certain")]
    pub confidence: f32,
    /// What the translation memory the group came from said of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<Box<Memory>>,
}

/// What a translation memory says of one of its units (a TMX `<tu>`): its
/// id, its notes and its properties (`<prop type="…">`), kept with the
/// group it became and written out again with it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Memory {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tuid: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<(String, String)>,
}

impl Memory {
    pub fn is_empty(&self) -> bool {
        self == &Memory::default()
    }
}

fn certain() -> f32 {
    1.0
}

impl Link {
    /// Sentence `index` of `lang`, alone and sure.
    pub fn alone(lang: Lang, index: usize) -> Self {
        let mut sentences = PerLang::<Vec<usize>>::default();
        sentences.get_mut(lang).push(index);
        Link {
            sentences,
            confidence: 1.0,
            memory: None,
        }
    }
}

/// A unit's text in one language: the passage and its sentences' spans.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub text: String,
    pub sentences: Vec<Range<usize>>,
}

impl Passage {
    /// The byte range of the given sentences, from the first one's start to the last one's end.
    pub fn span(&self, sentences: &[usize]) -> Option<Range<usize>> {
        let first = self.sentences.get(*sentences.first()?)?;
        let last = self.sentences.get(*sentences.last()?)?;
        Some(first.start..last.end)
    }

    /// The text of the given sentences.
    pub fn slice(&self, sentences: &[usize]) -> Option<&str> {
        self.text.get(self.span(sentences)?)
    }
}

/// An aligned unit: one passage in up to three languages, the thing that is
/// indexed, searched and shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub doc: String,
    /// Unique within the document, in document order (`u003`).
    pub id: String,
    pub kind: BlockKind,
    pub division: Division,
    pub section: Section,
    pub passages: PerLang<Option<Passage>>,
    pub links: Vec<Link>,
    /// How many paragraphs of each language the unit joins, where it is a
    /// group of aligned body paragraphs (1-1, 2-1, 1-0 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<PerLang<usize>>,
    /// How sure the aligner is that the unit's passages translate each other,
    /// from 0 to 1, on the scale of its sentence groups; 1 for a passage in
    /// one language or a group a curator checked.
    #[serde(default = "certain")]
    pub confidence: f32,
}

impl Unit {
    /// `abstract/results`, `body/discussion`.
    pub fn section_path(&self) -> String {
        format!("{}/{}", self.division.name(), self.section.name())
    }

    /// The unit's position in its document, from its id (`u003` → 3).
    pub fn ordinal(&self) -> usize {
        self.id
            .trim_start_matches('u')
            .parse()
            .unwrap_or(usize::MAX)
    }

    pub fn text(&self, lang: Lang) -> Option<&str> {
        self.passages.get(lang).as_ref().map(|p| p.text.as_str())
    }

    /// The text of each link in each language, `None` where a language has no sentence.
    pub fn link_texts(&self) -> Vec<PerLang<Option<&str>>> {
        self.links
            .iter()
            .map(|link| {
                PerLang::from_fn(|lang| {
                    let passage = self.passages.get(lang).as_ref()?;
                    passage.slice(link.sentences.get(lang))
                })
            })
            .collect()
    }
}
