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

use std::io;
use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr, META_LOCK,
};
use tantivy::Directory;

#[derive(Debug, Clone)]
pub(crate) struct GenerationFolder(MmapDirectory);

impl GenerationFolder {
    pub(crate) fn open(path: &Path) -> tantivy::Result<GenerationFolder> {
        Ok(GenerationFolder(MmapDirectory::open(path)?))
    }
}

/// Why a lock file could not be opened: the reader's rights, or the disk's.
fn for_want_of_rights(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::PermissionDenied
        || error.kind() == io::ErrorKind::ReadOnlyFilesystem
}

impl Directory for GenerationFolder {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.0.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.0.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.0.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.0.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.0.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.0.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.0.acquire_lock(lock) {
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
        self.0.watch(watch_callback)
    }
}
