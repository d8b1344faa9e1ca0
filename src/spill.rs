//! Ordering more records than memory should hold. A record is a sort key and
//! a payload, both bytes. [`Sorter`] keeps records up to a bound, then sorts
//! them and writes them to a temporary file (a run); at the end the runs are
//! merged. [`Spill`] only writes records down in the order they came, to be
//! read back once their number is known (for a sample) or their keys counted
//! (for an order by frequency). Records with equal keys keep the order they came in.
//! The temporary files are anonymous: the system removes them however the
//! process ends.

use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::ControlFlow;

/// How many bytes of records a [`Sorter`] holds before it writes a run.
pub const DEFAULT_BOUND: usize = 64 << 20;

/// What a record costs in memory beyond its bytes (two vectors and its place).
const RECORD_OVERHEAD: usize = 64;

/// Records in key order, in memory up to a bound and in sorted runs beyond it.
pub struct Sorter {
    bound: usize,
    held: Vec<Record>,
    held_bytes: usize,
    runs: Vec<File>,
    arrived: u64,
}

/// A record and the place it came in, which breaks ties between equal keys.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Record {
    key: Vec<u8>,
    arrived: u64,
    payload: Vec<u8>,
}

impl Sorter {
    /// A sorter that writes a run whenever it holds `bound` bytes of records.
    pub fn new(bound: usize) -> Sorter {
        Sorter {
            bound,
            held: Vec::new(),
            held_bytes: 0,
            runs: Vec::new(),
            arrived: 0,
        }
    }

    pub fn push(&mut self, key: Vec<u8>, payload: Vec<u8>) -> io::Result<()> {
        self.held_bytes += key.len() + payload.len() + RECORD_OVERHEAD;
        self.held.push(Record {
            key,
            arrived: self.arrived,
            payload,
        });
        self.arrived += 1;
        if self.held_bytes >= self.bound {
            self.write_run()?;
        }
        Ok(())
    }

    fn write_run(&mut self) -> io::Result<()> {
        self.held.sort_unstable();
        let mut file = tempfile::tempfile()?;
        {
            let mut out = BufWriter::new(&mut file);
            for record in self.held.drain(..) {
                write_record(&mut out, &record)?;
            }
            out.flush()?;
        }
        file.seek(SeekFrom::Start(0))?;
        self.runs.push(file);
        self.held_bytes = 0;
        Ok(())
    }

    /// Hands the records to `sink` in key order (ties in the order they
    /// came), until it says stop or fails.
    pub fn finish<F>(mut self, mut sink: F) -> io::Result<()>
    where
        F: FnMut(&[u8], &[u8]) -> io::Result<ControlFlow<()>>,
    {
        if self.runs.is_empty() {
            self.held.sort_unstable();
            for record in &self.held {
                if sink(&record.key, &record.payload)?.is_break() {
                    break;
                }
            }
            return Ok(());
        }
        if !self.held.is_empty() {
            self.write_run()?;
        }
        // A k-way merge: the heap holds each run's next record.
        let mut runs: Vec<BufReader<File>> = self
            .runs
            .into_iter()
            .map(|f| BufReader::with_capacity(64 << 10, f))
            .collect();
        let mut heap = BinaryHeap::with_capacity(runs.len());
        for (i, run) in runs.iter_mut().enumerate() {
            if let Some(record) = read_record(run)? {
                heap.push(std::cmp::Reverse((record, i)));
            }
        }
        while let Some(std::cmp::Reverse((record, i))) = heap.pop() {
            if sink(&record.key, &record.payload)?.is_break() {
                break;
            }
            if let Some(next) = read_record(&mut runs[i])? {
                heap.push(std::cmp::Reverse((next, i)));
            }
        }
        Ok(())
    }
}

/// Records written down in the order they came, for one or more readings.
pub struct Spill {
    file: BufWriter<File>,
    len: u64,
}

impl Spill {
    pub fn new() -> io::Result<Spill> {
        Ok(Spill {
            file: BufWriter::with_capacity(64 << 10, tempfile::tempfile()?),
            len: 0,
        })
    }

    pub fn push(&mut self, key: &[u8], payload: &[u8]) -> io::Result<()> {
        write_parts(&mut self.file, key, self.len, payload)?;
        self.len += 1;
        Ok(())
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    /// Reads the records back in the order they came: the sink gets each
    /// one's place (from 0), key and payload, until it says stop.
    pub fn replay<F>(&mut self, mut sink: F) -> io::Result<()>
    where
        F: FnMut(u64, &[u8], &[u8]) -> io::Result<ControlFlow<()>>,
    {
        self.file.flush()?;
        let file = self.file.get_mut();
        file.seek(SeekFrom::Start(0))?;
        let mut reader = BufReader::with_capacity(64 << 10, &*file);
        while let Some(record) = read_record(&mut reader)? {
            if sink(record.arrived, &record.key, &record.payload)?.is_break() {
                break;
            }
        }
        drop(reader);
        file.seek(SeekFrom::End(0))?;
        Ok(())
    }
}

fn write_record(out: &mut impl Write, record: &Record) -> io::Result<()> {
    write_parts(out, &record.key, record.arrived, &record.payload)
}

/// A record on disk: key length, payload length (u32 each), place (u64),
/// key, payload; little-endian.
fn write_parts(out: &mut impl Write, key: &[u8], arrived: u64, payload: &[u8]) -> io::Result<()> {
    let length = |bytes: &[u8]| {
        u32::try_from(bytes.len())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a record over 4 GB"))
    };
    out.write_all(&length(key)?.to_le_bytes())?;
    out.write_all(&length(payload)?.to_le_bytes())?;
    out.write_all(&arrived.to_le_bytes())?;
    out.write_all(key)?;
    out.write_all(payload)
}

fn read_record(input: &mut impl Read) -> io::Result<Option<Record>> {
    let mut head = [0u8; 16];
    // The end of the file falls between records, never inside one.
    match input.read_exact(&mut head[..1]) {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        other => other?,
    }
    input.read_exact(&mut head[1..])?;
    let key_len = u32::from_le_bytes(head[0..4].try_into().unwrap()) as usize;
    let payload_len = u32::from_le_bytes(head[4..8].try_into().unwrap()) as usize;
    let arrived = u64::from_le_bytes(head[8..16].try_into().unwrap());
    let mut key = vec![0; key_len];
    input.read_exact(&mut key)?;
    let mut payload = vec![0; payload_len];
    input.read_exact(&mut payload)?;
    Ok(Some(Record {
        key,
        arrived,
        payload,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(bound: usize, records: &[(&str, &str)]) -> Vec<String> {
        let mut sorter = Sorter::new(bound);
        for (key, payload) in records {
            sorter
                .push(key.as_bytes().to_vec(), payload.as_bytes().to_vec())
                .unwrap();
        }
        let mut out = Vec::new();
        sorter
            .finish(|_, payload| {
                out.push(String::from_utf8(payload.to_vec()).unwrap());
                Ok(ControlFlow::Continue(()))
            })
            .unwrap();
        out
    }

    #[test]
    fn runs_on_disk_merge_to_the_order_of_memory() {
        // Keys from a little generator, many equal, so that ties are tested.
        let mut state = 7u64;
        let records: Vec<(String, String)> = (0..5000)
            .map(|i| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                (format!("{:02}", (state >> 33) % 50), format!("record {i}"))
            })
            .collect();
        let borrowed: Vec<(&str, &str)> = records
            .iter()
            .map(|(k, p)| (k.as_str(), p.as_str()))
            .collect();
        let in_memory = sorted(usize::MAX, &borrowed);
        // A bound of 2 KB writes dozens of runs.
        let on_disk = sorted(2048, &borrowed);
        assert_eq!(in_memory, on_disk);
        let mut expected = records.clone();
        expected.sort_by(|a, b| a.0.cmp(&b.0)); // stable: ties in the order they came
        let expected: Vec<String> = expected.into_iter().map(|(_, p)| p).collect();
        assert_eq!(on_disk, expected);
    }

    #[test]
    fn a_spill_reads_back_what_was_written_as_often_as_asked() {
        let mut spill = Spill::new().unwrap();
        for (key, payload) in [("b", "1"), ("a", "2"), ("b", "3")] {
            spill.push(key.as_bytes(), payload.as_bytes()).unwrap();
        }
        assert_eq!(spill.len(), 3);
        for _ in 0..2 {
            let mut seen = Vec::new();
            spill
                .replay(|place, key, payload| {
                    seen.push((place, key.to_vec(), payload.to_vec()));
                    Ok(ControlFlow::Continue(()))
                })
                .unwrap();
            assert_eq!(
                seen,
                [
                    (0, b"b".to_vec(), b"1".to_vec()),
                    (1, b"a".to_vec(), b"2".to_vec()),
                    (2, b"b".to_vec(), b"3".to_vec())
                ]
            );
        }
    }
}
