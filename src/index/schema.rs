//! The index schema: per language, a stemmed field (`kk`, `ru`, `en`, searched
//! by default), a word-form field (`kk_form` …, for prefix queries) and a
//! name-key field (`kk_names` …, for names across scripts), plus the unit's
//! identity, what filters name it by (section, and its document's year,
//! journal and authors), and the whole unit stored as JSON for display.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};

use crate::model::{Lang, PerLang};
use crate::text::Analyzer;

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub doc: Field,
    /// The document a `--doc` names it by: its own id, or for a part cut on
    /// import, the id of the whole (`Metadata::part_of`).
    pub whole: Field,
    pub unit: Field,
    /// Position of the unit in its document, for listing units in order.
    pub ordinal: Field,
    pub section: Field,
    /// The codes of the languages the unit has text in (`kk`, `en`).
    pub langs: Field,
    /// The unit as JSON: passages and links.
    pub stored: Field,
    /// What a filter may name the unit's section by: its path
    /// (`abstract/results`), its division (`abstract`) and its part (`results`).
    pub places: Field,
    /// Its document's year (a fast field, for ranges), journal and authors
    /// (words, as the form analyzer cuts them).
    pub year: Field,
    pub journal: Field,
    pub authors: Field,
    stems: PerLang<Field>,
    forms: PerLang<Field>,
    names: PerLang<Field>,
}

impl Fields {
    pub fn stem(&self, lang: Lang) -> Field {
        *self.stems.get(lang)
    }

    pub fn form(&self, lang: Lang) -> Field {
        *self.forms.get(lang)
    }

    /// The name keys of a language's passage ([`crate::text::names`]).
    pub fn names(&self, lang: Lang) -> Field {
        *self.names.get(lang)
    }

    /// The fields of an existing index's schema, if it is ushtil's.
    pub fn of(schema: &Schema) -> Option<Fields> {
        let field = |name: &str| schema.get_field(name).ok();
        let per_lang = |suffix: &str| -> Option<PerLang<Field>> {
            Some(PerLang {
                kk: field(&format!("kk{suffix}"))?,
                ru: field(&format!("ru{suffix}"))?,
                en: field(&format!("en{suffix}"))?,
            })
        };
        Some(Fields {
            doc: field("doc")?,
            whole: field("whole")?,
            unit: field("unit")?,
            ordinal: field("ordinal")?,
            section: field("section")?,
            langs: field("langs")?,
            stored: field("stored")?,
            places: field("places")?,
            year: field("year")?,
            journal: field("journal")?,
            authors: field("authors")?,
            stems: per_lang("")?,
            forms: per_lang("_form")?,
            names: per_lang("_names")?,
        })
    }
}

fn analyzed(analyzer: Analyzer) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer.name())
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let doc = builder.add_text_field("doc", STRING | STORED | FAST);
    let whole = builder.add_text_field("whole", STRING);
    let unit = builder.add_text_field("unit", STRING | STORED);
    let ordinal =
        builder.add_u64_field("ordinal", NumericOptions::default().set_stored().set_fast());
    let section = builder.add_text_field("section", STRING | STORED);
    let langs = builder.add_text_field("langs", STRING);
    let stored = builder.add_text_field("stored", STORED);
    let places = builder.add_text_field("places", STRING);
    let year = builder.add_u64_field("year", NumericOptions::default().set_indexed().set_fast());
    let journal = builder.add_text_field("journal", analyzed(Analyzer::Form));
    let authors = builder.add_text_field("authors", analyzed(Analyzer::Form));
    let stems = PerLang::from_fn(|lang| {
        builder.add_text_field(lang.code(), analyzed(Analyzer::Stem(lang)))
    });
    let forms = PerLang::from_fn(|lang| {
        builder.add_text_field(&format!("{}_form", lang.code()), analyzed(Analyzer::Form))
    });
    let names = PerLang::from_fn(|lang| {
        let keys = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(Analyzer::Form.name())
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        builder.add_text_field(&format!("{}_names", lang.code()), keys)
    });
    let fields = Fields {
        doc,
        whole,
        unit,
        ordinal,
        section,
        langs,
        stored,
        places,
        year,
        journal,
        authors,
        stems,
        forms,
        names,
    };
    (builder.build(), fields)
}
