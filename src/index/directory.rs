//! The folder of one generation, as tantivy reads and writes it, readable by
//! those who may not write it.
//!
//! tantivy takes a lock file before it opens a segment reader, even to read,
//! and opening the lock file needs write permission. An index in a folder the
//! reader may only read (a lab's shared corpus, a read-only mount, a folder
//! whose rights were taken away) would then not open at all. The lock only
//! keeps a writer's clean-up from removing files while they are being
//! opened; whoever cannot write the folder holds no such writer, and ushtil's
//! own builders publish a new generation beside the live one rather than
//! clean up under readers. So a lock that cannot be taken for want of rights
//! is answered with one that holds nothing; every other call is the folder's.
//!
//! A folder opened for reading reads its stored units (the `.store` files)
//! block by block with `pread` instead of mapping them: a concordance of a
//! frequent word reads most of the store, and mapped, every page it read
//! would stay in the process's memory (600 MB at 1 GB) rather than in the
//! system's cache. A writer maps them, as merging reads a store whole.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback, WatchHandle,
    WritePtr, META_LOCK,
};
use tantivy::Directory;
use tantivy::HasLen;

#[derive(Debug, Clone)]
pub(crate) struct GenerationFolder {
    mapped: MmapDirectory,
    root: PathBuf,
    /// Read the stored units by `pread`, not mapped.
    reading: bool,
}

impl GenerationFolder {
    /// The folder at `path`; `reading`: for searching, not writing.
    pub(crate) fn open(path: &Path, reading: bool) -> tantivy::Result<GenerationFolder> {
        Ok(GenerationFolder {
            mapped: MmapDirectory::open(path)?,
            root: path.to_owned(),
            reading,
        })
    }
}

/// A file read a range at a time. The generation's files are never written
/// again once committed, so what it reads stays what was written. (tantivy's
/// own `WrapFile`, not exported by it, also refuses an empty range.)
#[derive(Debug)]
struct ReadAt {
    file: File,
    len: usize,
}

impl HasLen for ReadAt {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for ReadAt {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        let mut buffer = vec![0; range.len()];
        self.file.read_exact_at(&mut buffer, range.start as u64)?;
        Ok(OwnedBytes::new(buffer))
    }
}

/// Why a lock file could not be opened: the reader's rights, or the disk's.
fn for_want_of_rights(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::PermissionDenied
        || error.kind() == io::ErrorKind::ReadOnlyFilesystem
}

impl Directory for GenerationFolder {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        if self.reading && path.extension().is_some_and(|x| x == "store") {
            let full = self.root.join(path);
            let open = |full: &Path| -> io::Result<ReadAt> {
                let file = File::open(full)?;
                let len = file.metadata()?.len() as usize;
                Ok(ReadAt { file, len })
            };
            return match open(&full) {
                Ok(handle) => Ok(Arc::new(handle)),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    Err(OpenReadError::FileDoesNotExist(path.to_owned()))
                }
                Err(e) => Err(OpenReadError::wrap_io_error(e, full)),
            };
        }
        self.mapped.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.mapped.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.mapped.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.mapped.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.mapped.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.mapped.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.mapped.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.mapped.acquire_lock(lock) {
            // Only the readers' lock; a writer still needs the folder's rights.
            Err(LockError::IoError(error))
                if lock.filepath == META_LOCK.filepath && for_want_of_rights(&error) =>
            {
                Ok(DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.mapped.watch(watch_callback)
    }
}
