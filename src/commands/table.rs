//! The one writer of TSV and CSV rows: concordances, collocates and
//! comparisons all go through it, quoted by the csv crate where a cell needs
//! it (a tab or comma, a quote, a line break), so that spreadsheets and
//! Python's `csv` module read every cell back exactly.

use std::io::{self, Write};

/// Which table format a command writes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Separator {
    Tab,
    Comma,
}

/// The byte-order mark Excel needs to read a CSV file as UTF-8.
pub fn write_bom(out: &mut impl Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())
}

/// Opens a table: the byte-order mark where asked for, then the header row.
pub fn write_head<I, T>(
    out: &mut impl Write,
    separator: Separator,
    bom: bool,
    header: I,
) -> io::Result<()>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    if bom {
        write_bom(out)?;
    }
    write_row(out, separator, header)
}

/// Writes one row.
pub fn write_row<I, T>(out: &mut impl Write, separator: Separator, cells: I) -> io::Result<()>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let delimiter = match separator {
        Separator::Tab => b'\t',
        Separator::Comma => b',',
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .buffer_capacity(1024)
        .from_writer(out);
    writer.write_record(cells).map_err(io::Error::other)?;
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(separator: Separator, rows: &[&[&str]]) -> String {
        let mut out = Vec::new();
        for row in rows {
            write_row(&mut out, separator, row.iter()).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn cells_that_need_quotes_get_them() {
        let text = rows(
            Separator::Tab,
            &[
                &["kk", "«Алаш» партиясы"],
                &["en", "\"Alash\" party"],
                &["ru", "a\tb"],
                &["ru", "one\ntwo"],
            ],
        );
        assert_eq!(
            text,
            "kk\t«Алаш» партиясы\nen\t\"\"\"Alash\"\" party\"\nru\t\"a\tb\"\nru\t\"one\ntwo\"\n"
        );
        let text = rows(Separator::Comma, &[&["a,b", "c"]]);
        assert_eq!(text, "\"a,b\",c\n");
    }
}
