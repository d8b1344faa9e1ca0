//! TMX 1.4 and 1.4b (and 1.1's `lang`): a `<tu>` is a row, each of its
//! `<tuv>`s in Kazakh, Russian or English one language's text, its `<prop>`s
//! and `<note>`s kept with it. Inline markup is dropped from the text: the
//! native codes inside `<bpt>`, `<ept>`, `<it>`, `<ph>` and `<ut>` go with
//! their tags, while the text inside `<hi>` stays.
//!
//! Read by quick-xml as a stream, decoded from the encoding the byte-order
//! mark or the XML declaration gives.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use encoding_rs::Encoding;
use quick_xml::events::{BytesStart, Event};

use super::{ImportError, Row};
use crate::model::Lang;

/// The elements of a segment whose content is native code, not text.
const NATIVE_CODE: [&str; 5] = ["bpt", "ept", "it", "ph", "ut"];

pub struct TmxReader {
    path: PathBuf,
    xml: quick_xml::Reader<BufReader<Box<dyn Read>>>,
    lines: LineFinder,
    buf: Vec<u8>,
    /// Where the text first fails to be UTF-8, once read there.
    bad: Arc<AtomicU64>,
    /// The length of the byte-order mark the offsets are counted after.
    bom: u64,
    /// Where the event being read starts.
    event_start: u64,
    description: String,
    /// `<tuv>`s of other languages, by their tag; second ones of a language.
    other_languages: BTreeMap<String, usize>,
    repeated: usize,
    seen_root: bool,
    ended: bool,
}

impl TmxReader {
    pub fn open(path: &Path) -> Result<TmxReader, ImportError> {
        // Offsets are counted after a byte-order mark, which is stripped.
        let (encoding, bom) = sniff(path)?;
        let bad = Arc::new(AtomicU64::new(NONE));
        let stream = decoded(path, encoding, Some(bad.clone()))?;
        let mut xml = quick_xml::Reader::from_reader(BufReader::with_capacity(64 << 10, stream));
        xml.config_mut().check_end_names = true;
        Ok(TmxReader {
            path: path.to_owned(),
            xml,
            lines: LineFinder::new(decoded(path, encoding, None)?),
            bad,
            bom,
            event_start: 0,
            buf: Vec::new(),
            description: "TMX".to_owned(),
            other_languages: BTreeMap::new(),
            repeated: 0,
            seen_root: false,
            ended: false,
        })
    }

    fn error_at(&mut self, offset: u64, message: impl Into<String>) -> ImportError {
        let line = self.lines.line_at(offset);
        ImportError::at(&self.path, line, message)
    }

    /// The next event, owned; a syntax error names its line.
    fn next_event(&mut self) -> Result<Event<'static>, ImportError> {
        self.buf.clear();
        self.event_start = self.xml.buffer_position();
        match self.xml.read_event_into(&mut self.buf) {
            Ok(event) => Ok(event.into_owned()),
            Err(error) => {
                let bad = self.bad.load(Ordering::Relaxed);
                if bad != NONE {
                    let message = format!(
                        "not UTF-8 text (byte {}), though the XML declaration says or \
                         implies UTF-8: a wrong encoding declaration?",
                        bad + 1 + self.bom
                    );
                    return Err(self.error_at(bad, message));
                }
                let at = self.xml.error_position();
                Err(self.error_at(at, error.to_string()))
            }
        }
    }

    fn read_header(&mut self, header: &BytesStart) -> Result<(), ImportError> {
        let tool = attribute(header, "creationtool").unwrap_or_default();
        let version = attribute(header, "creationtoolversion").unwrap_or_default();
        if !tool.is_empty() {
            self.description = format!("{} from {tool} {version}", self.description)
                .trim_end()
                .to_owned();
        }
        Ok(())
    }

    /// Reads a `<tu>` whose start tag was just read, to its end tag.
    fn read_tu(&mut self, tu: &BytesStart, line: u64) -> Result<Row, ImportError> {
        let mut row = Row {
            line,
            memory: crate::model::Memory {
                tuid: attribute(tu, "tuid").unwrap_or_default(),
                ..Default::default()
            },
            ..Row::default()
        };
        // The language of the `<tuv>` being read: `Some(None)` for one the
        // corpus does not take, or a second one of a language.
        let mut tuv: Option<Option<Lang>> = None;
        let mut in_seg = false;
        let mut native = 0usize;
        // A `<prop>` (its type) or `<note>` being read, and its text.
        let mut capture: Option<Option<String>> = None;
        let mut captured = String::new();
        loop {
            let event = self.next_event()?;
            let text = match &event {
                Event::Start(e) => {
                    let name = e.local_name();
                    match name.as_ref() {
                        "tuv" => {
                            let tag = attribute(e, "lang").unwrap_or_default();
                            let lang = Lang::from_tag(&tag);
                            let first = lang.filter(|&l| row.texts.get(l).is_empty());
                            match (lang, first) {
                                (None, _) => {
                                    *self.other_languages.entry(tag).or_default() += 1;
                                }
                                (Some(_), None) => self.repeated += 1,
                                _ => {}
                            }
                            tuv = Some(first);
                        }
                        "seg" => in_seg = true,
                        "prop" if tuv.is_none() => {
                            capture = Some(Some(attribute(e, "type").unwrap_or_default()));
                        }
                        "note" if tuv.is_none() => capture = Some(None),
                        n if in_seg && NATIVE_CODE.contains(&n) => native += 1,
                        _ => {}
                    }
                    continue;
                }
                Event::End(e) => {
                    let name = e.local_name();
                    match name.as_ref() {
                        "tu" => break,
                        "tuv" => tuv = None,
                        "seg" => in_seg = false,
                        "prop" | "note" if capture.is_some() => {
                            let value = std::mem::take(&mut captured).trim().to_owned();
                            match capture.take().expect("capturing") {
                                Some(kind) => keep_prop(&mut row, kind, value),
                                None => row.memory.notes.push(value),
                            }
                        }
                        n if in_seg && NATIVE_CODE.contains(&n) => {
                            native = native.saturating_sub(1)
                        }
                        _ => {}
                    }
                    continue;
                }
                Event::Text(t) => t.xml10_content().into_owned(),
                Event::CData(t) => t.xml10_content().into_owned(),
                Event::GeneralRef(r) => match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.xml10_content().into_owned();
                        match predefined(&name) {
                            Some(c) => c.to_string(),
                            None => {
                                let at = self.xml.buffer_position();
                                return Err(self.error_at(at, format!("unknown entity &{name};")));
                            }
                        }
                    }
                },
                Event::Eof => {
                    let at = self.xml.buffer_position();
                    return Err(self.error_at(
                        at,
                        format!("the file ends inside the <tu> of line {line}: cut short?"),
                    ));
                }
                _ => continue,
            };
            if capture.is_some() {
                captured.push_str(&text);
            } else if let (Some(Some(lang)), true, 0) = (tuv, in_seg, native) {
                row.texts.get_mut(lang).push_str(&text);
            }
        }
        Ok(row)
    }
}

/// ushtil's own properties place a row in its document; others are kept.
fn keep_prop(row: &mut Row, kind: String, value: String) {
    match kind.as_str() {
        "x-doc" => row.doc = Some(value),
        "x-unit" => row.unit = Some(value),
        "x-section" => row.section = Some(value),
        _ => row.memory.props.push((kind, value)),
    }
}

impl super::Reader for TmxReader {
    fn next_row(&mut self) -> Result<Option<Row>, ImportError> {
        if self.ended {
            return Ok(None);
        }
        loop {
            let event = self.next_event()?;
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    let name = e.local_name();
                    if !self.seen_root {
                        if name.as_ref() != "tmx" {
                            let at = self.xml.buffer_position();
                            let found = name.as_ref().to_owned();
                            return Err(self.error_at(
                                at,
                                format!("not a TMX file: it opens with <{found}>, not <tmx>"),
                            ));
                        }
                        self.seen_root = true;
                        if let Some(version) = attribute(e, "version") {
                            self.description = format!("TMX {version}");
                        }
                        continue;
                    }
                    match name.as_ref() {
                        "header" => self.read_header(e)?,
                        "tu" if matches!(event, Event::Start(_)) => {
                            // Where the start tag begins, not where it ends.
                            let at = self.event_start;
                            let line = self.lines.line_at(at);
                            let row = self.read_tu(e, line)?;
                            return Ok(Some(row));
                        }
                        _ => {}
                    }
                }
                Event::Eof => {
                    if !self.seen_root {
                        return Err(ImportError::at(
                            &self.path,
                            1,
                            "not a TMX file: no <tmx> in it",
                        ));
                    }
                    self.ended = true;
                    return Ok(None);
                }
                _ => {}
            }
        }
    }

    fn path(&self) -> &Path {
        &self.path
    }

    fn row_name(&self) -> &'static str {
        "<tu>"
    }

    fn description(&self) -> String {
        self.description.clone()
    }

    fn left_out(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.other_languages.is_empty() {
            let counts: Vec<String> = self
                .other_languages
                .iter()
                .map(|(tag, n)| {
                    format!(
                        "{n} in {}",
                        if tag.is_empty() { "no language" } else { tag }
                    )
                })
                .collect();
            out.push(format!(
                "{}: <tuv>s in other languages than Kazakh, Russian and English left out: {}",
                self.path.display(),
                counts.join(", ")
            ));
        }
        if self.repeated > 0 {
            out.push(format!(
                "{}: {} second <tuv>s of a language in one <tu> left out (the first is kept)",
                self.path.display(),
                self.repeated
            ));
        }
        out
    }
}

/// An attribute's value, by its local name (`xml:lang` as `lang`).
fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn predefined(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// The encoding of an XML file, from its byte-order mark, else from its
/// declaration (UTF-8 where it has none), and the mark's length; a
/// declaration its bytes belie is an error on line 1.
fn sniff(path: &Path) -> Result<(&'static Encoding, u64), ImportError> {
    let mut head = Vec::new();
    File::open(path)
        .and_then(|f| f.take(64 << 10).read_to_end(&mut head))
        .map_err(|e| ImportError::io(path, e))?;
    let wrong = |message: String| Err(ImportError::at(path, 1, message));
    let (bom, bom_len) = Encoding::for_bom(&head).unzip();
    let declared = declared_encoding(
        bom.map_or(std::borrow::Cow::Borrowed(&head[..]), |e| {
            std::borrow::Cow::Owned(
                e.decode_without_bom_handling(&head)
                    .0
                    .into_owned()
                    .into_bytes(),
            )
        })
        .as_ref(),
    );
    let named = match &declared {
        Some(label) => match Encoding::for_label_no_replacement(label.as_bytes()) {
            Some(encoding) => Some(encoding),
            None => {
                return wrong(format!(
                "the XML declaration names encoding \"{label}\", which is no encoding known here"
            ))
            }
        },
        None => None,
    };
    let utf16 = |e: &'static Encoding| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE;
    match (bom, named) {
        (Some(bom), Some(named)) if utf16(bom) != utf16(named) || (!utf16(bom) && named != encoding_rs::UTF_8) => wrong(format!(
            "the XML declaration says encoding \"{}\", but the file's byte-order mark says {}",
            declared.unwrap_or_default(),
            bom.name()
        )),
        (Some(bom), _) => Ok((bom, bom_len.unwrap_or(0) as u64)),
        (None, _) if head.starts_with(b"<\0") || head.starts_with(b"\0<") => {
            wrong("UTF-16 without a byte-order mark: save it as UTF-8, or as UTF-16 with one".to_owned())
        }
        (None, Some(named)) if utf16(named) => wrong(format!(
            "the XML declaration says encoding \"{}\", but the file is not UTF-16 (it has no byte-order mark and reads as 8-bit text)",
            declared.unwrap_or_default()
        )),
        (None, Some(named)) if named != encoding_rs::UTF_8 && reads_as_utf8(&head) => wrong(format!(
            "the XML declaration says encoding \"{}\", but the text is UTF-8 (correct the declaration)",
            declared.unwrap_or_default()
        )),
        (None, named) => Ok((named.unwrap_or(encoding_rs::UTF_8), 0)),
    }
}

/// Whether bytes with letters beyond ASCII are valid UTF-8 (a short cut at
/// the end of the sample allowed).
fn reads_as_utf8(head: &[u8]) -> bool {
    let valid = match std::str::from_utf8(head) {
        Ok(_) => head.len(),
        Err(e) if e.error_len().is_none() => e.valid_up_to(),
        Err(_) => return false,
    };
    head[..valid].iter().any(|b| !b.is_ascii())
}

/// The `encoding` of an XML declaration at the start of `head`.
fn declared_encoding(head: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(&head[..head.len().min(1024)]);
    let text = text.trim_start_matches('\u{feff}');
    let declaration = text.strip_prefix("<?xml")?.split("?>").next()?;
    let (_, after) = declaration.split_once("encoding")?;
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = after[1..].split(quote).next()?;
    Some(value.trim().to_owned())
}

/// The file as UTF-8: passed through (less a byte-order mark), or decoded
/// from its encoding. Given `check`, UTF-8 is checked as it passes: where
/// it is not, the offset of the first bad byte is left there.
fn decoded(
    path: &Path,
    encoding: &'static Encoding,
    check: Option<Arc<AtomicU64>>,
) -> Result<Box<dyn Read>, ImportError> {
    let file = File::open(path).map_err(|e| ImportError::io(path, e))?;
    let utf8 = encoding == encoding_rs::UTF_8;
    // Given no encoding, UTF-8 passes as it is, to be checked here.
    let stream = encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding).filter(|_| !utf8))
        .utf8_passthru(true)
        .strip_bom(true)
        .build(file);
    Ok(match check.filter(|_| utf8) {
        Some(bad) => Box::new(CheckedUtf8 {
            inner: stream,
            carry: Vec::new(),
            offset: 0,
            bad,
        }),
        None => Box::new(stream),
    })
}

/// No first bad byte found.
const NONE: u64 = u64::MAX;

/// A stream of bytes that must be UTF-8, checked as they pass: at the first
/// byte that is not, reading fails (and `bad` says where).
struct CheckedUtf8<R> {
    inner: R,
    /// The start of a character cut off at the end of the last read.
    carry: Vec<u8>,
    offset: u64,
    bad: Arc<AtomicU64>,
}

impl<R: Read> Read for CheckedUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.len() < 8 {
            // Room for a carried character and more: callers here read in blocks.
            return Err(std::io::Error::other(
                "read into a buffer of 8 bytes or more",
            ));
        }
        let carried = self.carry.len();
        buf[..carried].copy_from_slice(&self.carry);
        self.carry.clear();
        let read = self.inner.read(&mut buf[carried..])?;
        let filled = carried + read;
        let (good, cut) = match std::str::from_utf8(&buf[..filled]) {
            Ok(_) => (filled, 0),
            // A character cut at the end, to be completed by the next read.
            Err(e) if e.error_len().is_none() && read > 0 => {
                (e.valid_up_to(), filled - e.valid_up_to())
            }
            Err(e) => {
                let at = self.offset + e.valid_up_to() as u64;
                self.bad.store(at, Ordering::Relaxed);
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("not UTF-8 (byte {})", at + 1),
                ));
            }
        };
        self.carry.extend_from_slice(&buf[good..filled]);
        debug_assert!(cut == self.carry.len());
        self.offset += good as u64;
        if good == 0 && read > 0 {
            // Only part of a character so far: read on.
            return self.read(buf);
        }
        Ok(good)
    }
}

/// Lines at byte offsets of a stream, asked for in increasing order: the
/// stream is read once, alongside the parser, counting line ends.
struct LineFinder {
    reader: BufReader<Box<dyn Read>>,
    offset: u64,
    line: u64,
}

impl LineFinder {
    fn new(stream: Box<dyn Read>) -> LineFinder {
        LineFinder {
            reader: BufReader::with_capacity(64 << 10, stream),
            offset: 0,
            line: 1,
        }
    }

    /// The line of byte `target` (1-based); an offset before one asked
    /// already gives the line reached.
    fn line_at(&mut self, target: u64) -> u64 {
        while self.offset < target {
            let Ok(chunk) = self.reader.fill_buf() else {
                break;
            };
            if chunk.is_empty() {
                break;
            }
            let take = chunk.len().min((target - self.offset) as usize);
            self.line += chunk[..take].iter().filter(|&&b| b == b'\n').count() as u64;
            self.offset += take as u64;
            self.reader.consume(take);
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::super::Reader as _;
    use super::*;

    fn rows(xml: &str) -> (Result<Vec<Row>, ImportError>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.tmx");
        std::fs::write(&path, xml).unwrap();
        let mut reader = match TmxReader::open(&path) {
            Ok(reader) => reader,
            Err(e) => return (Err(e), Vec::new()),
        };
        let mut rows = Vec::new();
        loop {
            match reader.next_row() {
                Ok(Some(row)) => rows.push(row),
                Ok(None) => break,
                Err(e) => return (Err(e), reader.left_out()),
            }
        }
        (Ok(rows), reader.left_out())
    }

    const HEAD: &str =
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n";

    #[test]
    fn ushtils_own_props_place_the_row_and_others_are_kept() {
        let (rows, _) = rows(&format!(
            "{HEAD}<tu tuid=\"7\"><prop type=\"x-doc\">const-art1</prop><prop type=\"x-unit\">u003</prop>\
             <prop type=\"x-section\">body/front</prop><prop type=\"client\">adilet</prop>\
             <tuv xml:lang=\"en\"><seg>Article 1</seg></tuv></tu></body></tmx>"
        ));
        let row = &rows.unwrap()[0];
        assert_eq!(row.doc.as_deref(), Some("const-art1"));
        assert_eq!(row.unit.as_deref(), Some("u003"));
        assert_eq!(row.section.as_deref(), Some("body/front"));
        assert_eq!(
            row.memory.props,
            vec![("client".to_owned(), "adilet".to_owned())]
        );
        assert_eq!(row.memory.tuid, "7");
    }

    #[test]
    fn entities_and_cdata_are_text_and_other_languages_are_left_out() {
        let (rows, left_out) = rows(&format!(
            "{HEAD}<tu><tuv xml:lang=\"ru\"><seg>&#171;Алаш&#187; &amp; <![CDATA[<Орда>]]></seg></tuv>\
             <tuv xml:lang=\"de\"><seg>Astana</seg></tuv><tuv xml:lang=\"ru\"><seg>Алаш</seg></tuv></tu></body></tmx>"
        ));
        let row = &rows.unwrap()[0];
        assert_eq!(row.texts.ru, "«Алаш» & <Орда>");
        assert_eq!(left_out.len(), 2, "{left_out:?}");
        assert!(left_out[0].ends_with("left out: 1 in de"), "{left_out:?}");
        assert!(
            left_out[1].contains("1 second <tuv>s of a language"),
            "{left_out:?}"
        );
    }

    #[test]
    fn a_file_cut_short_or_of_another_kind_is_an_error_on_its_line() {
        let (cut, _) = rows(&format!("{HEAD}<tu><tuv xml:lang=\"en\">\n<seg>Article 1"));
        let cut = cut.unwrap_err().to_string();
        assert!(cut.contains("t.tmx: line 4:"), "{cut}");
        let (other, _) = rows("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"></xliff>");
        let other = other.unwrap_err().to_string();
        assert!(
            other.ends_with("line 2: not a TMX file: it opens with <xliff>, not <tmx>"),
            "{other}"
        );
        let (unknown, _) = rows(&format!(
            "{HEAD}<tu><tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu></body></tmx>"
        ));
        assert!(unknown
            .unwrap_err()
            .to_string()
            .contains("unknown entity &nbsp;"));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_as_trados_saves_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("trados.tmx");
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n{}<tu><tuv xml:lang=\"kk-KZ\"><seg>1-бап</seg></tuv>\
             <tuv xml:lang=\"en-US\"><seg>Article 1</seg></tuv></tu></body></tmx>",
            &HEAD[22..]
        );
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(&path, &bytes).unwrap();
        let mut reader = TmxReader::open(&path).unwrap();
        let row = reader.next_row().unwrap().unwrap();
        assert_eq!(
            (row.texts.kk.as_str(), row.texts.en.as_str()),
            ("1-бап", "Article 1")
        );
        assert_eq!(row.line, 3);
    }

    #[test]
    fn a_bad_byte_is_counted_from_the_start_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bom.tmx");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(format!("{HEAD}<tu><tuv xml:lang=\"ru\"><seg>").bytes());
        let bad = bytes.len();
        bytes.extend(b"\xD1\xF2</seg></tuv></tu></body></tmx>");
        std::fs::write(&path, &bytes).unwrap();
        let mut reader = TmxReader::open(&path).unwrap();
        let error = reader.next_row().unwrap_err().to_string();
        assert!(
            error.contains(&format!("line 3: not UTF-8 text (byte {})", bad + 1)),
            "{error}"
        );
    }

    #[test]
    fn a_declared_8_bit_encoding_is_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("koi8.tmx");
        let xml = format!("<?xml version=\"1.0\" encoding=\"KOI8-R\"?>\n{}<tu><tuv xml:lang=\"ru\"><seg>Статья 1</seg></tuv></tu></body></tmx>", &HEAD[22..]);
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(&xml);
        std::fs::write(&path, &bytes).unwrap();
        let mut reader = TmxReader::open(&path).unwrap();
        assert_eq!(reader.next_row().unwrap().unwrap().texts.ru, "Статья 1");
    }
}
