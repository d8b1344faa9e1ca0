//! A source file's bytes as text. A corpus grows from many hands: Word saves
//! "Unicode text" as UTF-16, older Russian files are in Windows-1251, KOI8-R
//! or IBM866, older Kazakh ones in KZ-1048 or PT154. In order:
//!
//! 1. a byte-order mark says UTF-8, UTF-16 LE or UTF-16 BE;
//! 2. else the encoding the document's metadata names (`encoding = "…"`);
//! 3. else UTF-8, if the bytes are UTF-8, or mostly (an error then, naming
//!    the bad byte);
//! 4. else the code page chardetng guesses, when it is one that Kazakh,
//!    Russian or English text is kept in; a Windows-1251 guess is read as
//!    KZ-1048 or PT154 where the bytes only those use for Kazakh letters
//!    (`қ`, `ұ`, `ә` …) turn up.
//!
//! Line ends come out as `\n`, whether the file had `\r\n` or a lone `\r`.
//! Nothing is replaced: a byte that the encoding cannot decode is an error
//! naming its offset.

use std::collections::HashMap;
use std::sync::LazyLock;

use encoding_rs::{Encoding, IBM866, KOI8_R, KOI8_U, UTF_8, WINDOWS_1251};

/// Text decoded from a file's bytes, and the name of the encoding it was in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why bytes are no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte where no UTF-16 byte-order mark says the file is UTF-16.
    Binary { byte: usize, utf16: bool },
    /// A byte (sequence) at `byte` that `encoding` does not decode.
    Malformed { encoding: &'static str, byte: usize },
    /// Not UTF-8, and no code page of the three languages fits.
    Unrecognised {
        byte: usize,
        looks_like: &'static str,
    },
    /// The metadata names an encoding that is not known.
    UnknownEncoding { label: String },
}

impl DecodeError {
    /// The offset in the file of the byte the error is about, if any.
    pub fn byte(&self) -> Option<usize> {
        match self {
            DecodeError::Binary { byte, .. }
            | DecodeError::Malformed { byte, .. }
            | DecodeError::Unrecognised { byte, .. } => Some(*byte),
            DecodeError::UnknownEncoding { .. } => None,
        }
    }
}

impl std::error::Error for DecodeError {}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary { byte, utf16: true } => write!(
                f,
                "a NUL byte (byte {byte}): UTF-16 without a byte-order mark? \
                 save it as UTF-8, or name the encoding (`encoding = \"UTF-16LE\"`) in its .toml"
            ),
            DecodeError::Binary { byte, utf16: false } => {
                write!(f, "a NUL byte (byte {byte}): not a text file")
            }
            DecodeError::Malformed { encoding, byte } => {
                write!(f, "not {encoding} text (byte {byte})")
            }
            DecodeError::Unrecognised { byte, looks_like } => write!(
                f,
                "not UTF-8 text (byte {byte}), and not in a code page of Kazakh, Russian or \
                 English (it looks like {looks_like}); save it as UTF-8, or name its encoding \
                 (`encoding = \"windows-1251\"`) in its .toml"
            ),
            DecodeError::UnknownEncoding { label } => write!(
                f,
                "the metadata names an unknown encoding {label:?} (UTF-8, UTF-16LE, \
                 windows-1251, KOI8-R, IBM866, KZ-1048, PT154 …)"
            ),
        }
    }
}

/// The bytes of a file as text; `declared` is the encoding its metadata names.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, &bytes[bom..], bom).map(|text| decoded(text, encoding.name()));
    }
    if let Some(label) = declared {
        let page = CodePage::for_label(label).ok_or_else(|| DecodeError::UnknownEncoding {
            label: label.to_owned(),
        })?;
        return page.decode(bytes);
    }
    // Text never holds a NUL; a file that does is binary, as grep and
    // ripgrep tell them (or UTF-16 that lost its mark).
    if let Some(byte) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary {
            byte,
            utf16: looks_like_utf16(bytes),
        });
    }
    let byte = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(decoded(text.to_owned(), UTF_8.name())),
        Err(error) => error.valid_up_to(),
    };
    // Mostly good UTF-8 is UTF-8 with a bad byte (a file cut or mixed), not
    // a code page, where nearly every letter is a bad sequence.
    if mostly_utf8(bytes) {
        return Err(DecodeError::Malformed {
            encoding: UTF_8.name(),
            byte,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(Some(b"kz"), chardetng::Utf8Detection::Deny);
    let page = match guess {
        g if g == WINDOWS_1251 => kazakh_page(bytes),
        g if g == KOI8_U || g == KOI8_R => koi8(bytes),
        g if g == IBM866 || g == encoding_rs::WINDOWS_1252 => CodePage::Standard(g),
        other => {
            return Err(DecodeError::Unrecognised {
                byte,
                looks_like: other.name(),
            })
        }
    };
    page.decode(bytes)
}

/// Whether the non-ASCII characters are good UTF-8 ten times as often as
/// they are bad.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > 10 * bad
}

/// A code page: one encoding_rs knows, or a Kazakh one written as the bytes
/// in which it differs from Windows-1251 (`data/codepages.tsv`).
#[derive(Clone, Copy)]
enum CodePage {
    Standard(&'static Encoding),
    Kazakh(&'static str),
}

impl CodePage {
    fn for_label(label: &str) -> Option<CodePage> {
        let key: String = label
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match key.as_str() {
            "kz1048" | "rk1048" | "strk10482002" => Some(CodePage::Kazakh("KZ-1048")),
            "pt154" | "ptcp154" | "cp154" | "cyrillicasian" => Some(CodePage::Kazakh("PT154")),
            _ => Encoding::for_label(label.trim().as_bytes()).map(CodePage::Standard),
        }
    }

    fn decode(self, bytes: &[u8]) -> Result<Decoded, DecodeError> {
        match self {
            CodePage::Standard(encoding) => {
                strict(encoding, bytes, 0).map(|text| decoded(text, encoding.name()))
            }
            CodePage::Kazakh(name) => {
                let table = &KAZAKH_PAGES[name];
                let base = strict(WINDOWS_1251, bytes, 0)?;
                // Windows-1251 decodes every byte to one char: the Kazakh page
                // swaps the chars of its own bytes.
                let text = base
                    .chars()
                    .zip(bytes)
                    .map(|(c, b)| table.get(b).copied().unwrap_or(c))
                    .collect();
                Ok(decoded(text, name))
            }
        }
    }
}

/// The Kazakh code pages, each as byte → char where it differs from
/// Windows-1251.
static KAZAKH_PAGES: LazyLock<HashMap<&'static str, HashMap<u8, char>>> = LazyLock::new(|| {
    let mut pages: HashMap<&'static str, HashMap<u8, char>> = HashMap::new();
    for row in super::table_rows(include_str!("data/codepages.tsv")) {
        let mut fields = row.split('\t');
        let (Some(page), Some(byte), Some(c)) = (fields.next(), fields.next(), fields.next())
        else {
            panic!("data/codepages.tsv: expected three fields: {row:?}");
        };
        let byte = u8::from_str_radix(byte, 16)
            .unwrap_or_else(|_| panic!("data/codepages.tsv: not a byte in hex: {byte:?}"));
        let c = c.chars().next().expect("a character");
        pages.entry(page).or_default().insert(byte, c);
    }
    pages
});

/// Windows-1251, or the Kazakh page whose own bytes for Kazakh letters the
/// text uses. Those bytes are Serbian and Macedonian letters in Windows-1251
/// (`Ќ`, `Ў`, `Ј` …), which a Kazakh or Russian text does not hold.
fn kazakh_page(bytes: &[u8]) -> CodePage {
    let uses = |page: &str| {
        let table = &KAZAKH_PAGES[page];
        bytes.iter().filter(|b| table.contains_key(b)).count()
    };
    let (kz, pt) = (uses("KZ-1048"), uses("PT154"));
    // A page's letters where the other page has none of its own are what tell
    // them apart; PT154 reuses most bytes of KZ-1048's and adds more.
    match (kz, pt) {
        (0, 0) => CodePage::Standard(WINDOWS_1251),
        (kz, pt) if pt > kz => CodePage::Kazakh("PT154"),
        _ => CodePage::Kazakh("KZ-1048"),
    }
}

/// KOI8-R, unless the bytes where KOI8-U has its Ukrainian letters turn up.
fn koi8(bytes: &[u8]) -> CodePage {
    const UKRAINIAN: [u8; 8] = [0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD];
    match bytes.iter().any(|b| UKRAINIAN.contains(b)) {
        true => CodePage::Standard(KOI8_U),
        false => CodePage::Standard(KOI8_R),
    }
}

/// Whether the NUL bytes all fall on every other byte, as the high bytes of
/// UTF-16 text's spaces, digits and Latin letters do; a binary file has them
/// anywhere.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, _) in sample.iter().enumerate().filter(|&(_, &b)| b == 0) {
        match i % 2 {
            0 => even += 1,
            _ => odd += 1,
        }
    }
    even.max(odd) >= 4 && even.min(odd) * 20 <= even.max(odd)
}

/// Decodes all of `bytes` or names the offset (in the file, `skipped`
/// counting a byte-order mark) of the first byte that does not decode.
fn strict(
    encoding: &'static Encoding,
    bytes: &[u8],
    skipped: usize,
) -> Result<String, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        encoding_rs::DecoderResult::InputEmpty => Ok(text),
        encoding_rs::DecoderResult::Malformed(bad, after) => Err(DecodeError::Malformed {
            encoding: encoding.name(),
            byte: skipped + read - after as usize - bad as usize,
        }),
        // The buffer was sized for the worst case.
        encoding_rs::DecoderResult::OutputFull => Err(DecodeError::Malformed {
            encoding: encoding.name(),
            byte: skipped + read,
        }),
    }
}

/// Text with its line ends made `\n`.
fn decoded(text: String, encoding: &'static str) -> Decoded {
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    Decoded { text, encoding }
}

#[cfg(test)]
mod tests {
    use super::*;

    // From the bundled article.
    const KAZAKH: &str = "Нәтижелер. Уақытша үкімет Бүкілресейлік Құрылтай жиналысын сайлау мен шақыру күнін белгіледі. Қорытынды.\n";
    const RUSSIAN: &str = "Временное правительство назначило дату выборов и созыва Всероссийского учредительного собрания на ноябрь 1917 года.\n";

    fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    /// Text in a Kazakh page, encoded from its table.
    fn encode_kazakh(text: &str, page: &str) -> Vec<u8> {
        let table = &KAZAKH_PAGES[page];
        let mut bytes = Vec::new();
        for c in text.chars() {
            match table.iter().find(|(_, &t)| t == c) {
                Some((&b, _)) => bytes.push(b),
                None => bytes.extend(encode(&c.to_string(), WINDOWS_1251)),
            }
        }
        bytes
    }

    #[test]
    fn utf8_with_and_without_a_byte_order_mark() {
        let plain = decode(KAZAKH.as_bytes(), None).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), (KAZAKH, "UTF-8"));
        let marked = [b"\xEF\xBB\xBF".as_slice(), KAZAKH.as_bytes()].concat();
        assert_eq!(decode(&marked, None).unwrap().text, KAZAKH);
    }

    #[test]
    fn utf16_with_a_byte_order_mark() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(KAZAKH.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(KAZAKH.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(
            decode(&le, None).unwrap(),
            decoded(KAZAKH.into(), "UTF-16LE")
        );
        assert_eq!(
            decode(&be, None).unwrap(),
            decoded(KAZAKH.into(), "UTF-16BE")
        );
        // without its mark, a hint
        let bare = &le[2..];
        let first_nul = bare.iter().position(|&b| b == 0).unwrap();
        assert_eq!(
            decode(bare, None),
            Err(DecodeError::Binary {
                byte: first_nul,
                utf16: true
            })
        );
        // with the encoding named, read
        assert_eq!(decode(bare, Some("utf-16le")).unwrap().text, KAZAKH);
    }

    #[test]
    fn russian_code_pages_are_told_apart() {
        let text = RUSSIAN.repeat(3);
        for (encoding, name) in [
            (WINDOWS_1251, "windows-1251"),
            (KOI8_R, "KOI8-R"),
            (IBM866, "IBM866"),
        ] {
            let got = decode(&encode(&text, encoding), None).unwrap();
            assert_eq!((got.text.as_str(), got.encoding), (text.as_str(), name));
        }
    }

    #[test]
    fn kazakh_code_pages_are_read() {
        for page in ["KZ-1048", "PT154"] {
            let bytes = encode_kazakh(KAZAKH, page);
            let got = decode(&bytes, Some(page)).unwrap();
            assert_eq!(got.text, KAZAKH, "{page} named");
        }
        // Guessed: KZ-1048's bytes for `Қ`, `ә`, `ү` are Serbian letters in
        // Windows-1251, which no Kazakh or Russian text holds.
        let got = decode(&encode_kazakh(&KAZAKH.repeat(3), "KZ-1048"), None);
        let got = got.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(got.encoding, "KZ-1048");
        assert_eq!(got.text, KAZAKH.repeat(3));
    }

    #[test]
    fn line_ends_become_newlines() {
        let got = decode(b"one\r\ntwo\rthree\n", None).unwrap();
        assert_eq!(got.text, "one\ntwo\nthree\n");
    }

    #[test]
    fn what_is_not_text_is_refused_with_its_offset() {
        assert_eq!(
            decode(b"abc\0def", None),
            Err(DecodeError::Binary {
                byte: 3,
                utf16: false
            })
        );
        let bad = [b"\xEF\xBB\xBFok ".as_slice(), b"\xFF\xFE"].concat();
        assert_eq!(
            decode(&bad, None),
            Err(DecodeError::Malformed {
                encoding: "UTF-8",
                byte: 6
            })
        );
        assert!(matches!(
            decode(b"x", Some("no-such")),
            Err(DecodeError::UnknownEncoding { .. })
        ));
    }
}
