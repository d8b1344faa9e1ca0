//! Work shared among the cores.

/// How many threads the machine runs at once.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `work` done on `items` cut into `parts` runs of consecutive items, each run
/// on a thread of its own; the results come back in the items' order. One
/// part is worked on in the calling thread.
pub fn in_parts<T: Sync, R: Send>(
    items: &[T],
    parts: usize,
    work: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    let size = items.len().div_ceil(parts.max(1)).max(1);
    if items.len() <= size {
        return vec![work(items)];
    }
    let work = &work;
    let (first, rest) = items.split_at(size);
    std::thread::scope(|scope| {
        let workers: Vec<_> = rest
            .chunks(size)
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        // The calling thread's part: what it has built already (an
        // analyzer, a stemmer) it need not build again on a new thread.
        let mut results = vec![work(first)];
        results.extend(workers.into_iter().map(|w| {
            w.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        }));
        results
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_come_back_in_order() {
        let items: Vec<usize> = (0..1000).collect();
        let runs = in_parts(&items, 3, |part| part.to_vec());
        assert_eq!(runs.len(), 3);
        assert_eq!(runs.concat(), items);
        // No more parts than items, and one part is one run of them all.
        assert_eq!(in_parts(&items[..2], 8, <[usize]>::len), [1, 1]);
        assert_eq!(in_parts(&items, 1, <[usize]>::len), [1000]);
    }
}
