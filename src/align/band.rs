//! Which cells of an alignment table are worked out.
//!
//! A full table of two texts of 50,000 sentences each has 2.5 billion cells;
//! the path through it keeps close to its diagonal. A band holds, for each
//! row, the run of columns worth working out, found by aligning the texts
//! coarsely first (runs of sentences as one) and keeping the cells near that
//! path, as Vecalign does: time and memory grow with the texts' length.

use std::ops::Range;

/// For each row of a table, the columns worked out: a run that starts and
/// ends no earlier than the row before's.
#[derive(Debug, Clone)]
pub struct Band {
    columns: Vec<Range<usize>>,
    /// Where each row's cells start in a table of the band's cells.
    starts: Vec<usize>,
    cells: usize,
}

impl Band {
    /// Every cell of a table of `rows` × `columns`.
    pub fn full(rows: usize, columns: usize) -> Band {
        Band::new(vec![0..columns; rows])
    }

    /// The band of the given column runs, made monotone so that a path can
    /// go from its first cell to its last.
    pub fn new(mut columns: Vec<Range<usize>>) -> Band {
        for i in 1..columns.len() {
            let before = columns[i - 1].clone();
            let here = &mut columns[i];
            here.start = here.start.max(before.start).min(before.end.max(1) - 1);
            here.end = here.end.max(before.end).max(here.start + 1);
        }
        let mut starts = Vec::with_capacity(columns.len());
        let mut cells = 0;
        for run in &columns {
            starts.push(cells);
            cells += run.len();
        }
        Band {
            columns,
            starts,
            cells,
        }
    }

    pub fn cells(&self) -> usize {
        self.cells
    }

    /// The columns of row `i`.
    pub fn columns(&self, i: usize) -> Range<usize> {
        self.columns.get(i).cloned().unwrap_or(0..0)
    }

    /// The cell (`i`, `j`) in a table of the band's cells, if the band holds it.
    pub fn index(&self, i: usize, j: usize) -> Option<usize> {
        let run = self.columns.get(i)?;
        run.contains(&j).then(|| self.starts[i] + j - run.start)
    }

    /// The band around a path through a table of `rows` × `columns`, given
    /// as the cells it passes, widened by `margin` columns each side.
    pub fn around(path: &[(usize, usize)], rows: usize, columns: usize, margin: usize) -> Band {
        let mut runs: Vec<Option<Range<usize>>> = vec![None; rows];
        for &(i, j) in path {
            if let Some(run) = runs.get_mut(i) {
                let wide = j.saturating_sub(margin)..(j + margin + 1).min(columns);
                *run = Some(match run.take() {
                    Some(r) => r.start.min(wide.start)..r.end.max(wide.end),
                    None => wide,
                });
            }
        }
        // Rows the path skips (it moved two at once) take the row before's.
        let mut last = 0..1.min(columns);
        let runs = runs
            .into_iter()
            .map(|run| {
                let run = run.unwrap_or_else(|| last.clone());
                last = run.clone();
                run
            })
            .collect();
        Band::new(runs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_band_around_a_path_holds_it_and_its_margin() {
        let path = [(0, 0), (1, 1), (2, 1), (3, 2), (5, 4)];
        let band = Band::around(&path, 6, 5, 1);
        for &(i, j) in &path {
            assert!(band.index(i, j).is_some(), "({i}, {j})");
        }
        assert_eq!(band.columns(2), 0..3);
        // Row 4, skipped by the path, is bridged.
        assert!(band.index(4, 2).is_some());
        assert_eq!(band.index(0, 3), None);
        let indices: Vec<usize> = (0..6)
            .flat_map(|i| band.columns(i).map(move |j| (i, j)))
            .map(|(i, j)| band.index(i, j).unwrap())
            .collect();
        assert_eq!(indices, (0..band.cells()).collect::<Vec<_>>());
    }
}
