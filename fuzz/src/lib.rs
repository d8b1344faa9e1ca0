//! What the fuzz targets share: the repository's files and the invariants of
//! aligned units.

use std::path::{Path, PathBuf};

use ushtil::model::{Lang, Unit};

/// A path inside the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

/// Every sentence of every passage is a range on char boundaries inside its
/// text, and every group names sentences that exist.
pub fn check_units(units: &[Unit]) {
    for unit in units {
        for lang in Lang::ALL {
            let count = match unit.passages.get(lang) {
                Some(passage) => {
                    for range in &passage.sentences {
                        assert!(
                            passage.text.get(range.clone()).is_some(),
                            "{}: sentence {range:?} outside {:?}",
                            unit.id,
                            passage.text
                        );
                    }
                    passage.sentences.len()
                }
                None => 0,
            };
            for link in &unit.links {
                for &s in link.sentences.get(lang) {
                    assert!(s < count, "{}: {lang:?} sentence {s} of {count}", unit.id);
                }
            }
        }
    }
}
