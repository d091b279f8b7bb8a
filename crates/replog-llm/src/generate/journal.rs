//! The generation journal: what an incremental generation already has (the outline and the
//! finished weeks), keyed by a hash of its inputs, so that an interrupted or failed run
//! resumes and pays only for what is missing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::LlmError;
use crate::provider::Usage;
use crate::task::{Skeleton, WeekAnswer};

/// What a run has kept so far.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct JournalEntry {
    /// The outline, once it validated.
    pub skeleton: Option<Skeleton>,
    /// The weeks that validated, by number.
    pub weeks: BTreeMap<u32, WeekAnswer>,
    /// Tokens spent by the runs that wrote this entry.
    pub usage: Usage,
}

/// Where a generation keeps its progress. Implementations must write atomically: an entry is
/// either the old one or the new one, never half of each.
pub trait Journal: Send + Sync {
    /// The entry stored under `key`, if any.
    ///
    /// # Errors
    /// [`LlmError::Journal`] when the store cannot be read or holds something unreadable.
    fn load(&self, key: &str) -> Result<Option<JournalEntry>, LlmError>;
    /// Stores `entry` under `key`, replacing what was there.
    ///
    /// # Errors
    /// [`LlmError::Journal`] when the store cannot be written.
    fn save(&self, key: &str, entry: &JournalEntry) -> Result<(), LlmError>;
    /// Forgets `key` (after the program was delivered).
    ///
    /// # Errors
    /// [`LlmError::Journal`] when the store cannot be written.
    fn remove(&self, key: &str) -> Result<(), LlmError>;
}

/// A journal in memory: resumes within one process.
#[derive(Debug, Default)]
pub struct MemoryJournal {
    entries: Mutex<HashMap<String, JournalEntry>>,
}

impl MemoryJournal {
    /// An empty journal.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Journal for MemoryJournal {
    fn load(&self, key: &str) -> Result<Option<JournalEntry>, LlmError> {
        let entries = self.entries.lock().map_err(|_| poisoned())?;
        Ok(entries.get(key).cloned())
    }
    fn save(&self, key: &str, entry: &JournalEntry) -> Result<(), LlmError> {
        let mut entries = self.entries.lock().map_err(|_| poisoned())?;
        entries.insert(key.to_owned(), entry.clone());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), LlmError> {
        let mut entries = self.entries.lock().map_err(|_| poisoned())?;
        entries.remove(key);
        Ok(())
    }
}

fn poisoned() -> LlmError {
    LlmError::Journal("the in-memory journal's lock is poisoned".into())
}

/// A journal of JSON files in a directory, one per key, each replaced atomically (written to
/// a temporary file beside it, then renamed over it).
#[derive(Debug, Clone)]
pub struct FileJournal {
    dir: PathBuf,
}

impl FileJournal {
    /// A journal in `dir`, created on the first save.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }
}

fn io_error(path: &Path, action: &str, error: &std::io::Error) -> LlmError {
    LlmError::Journal(format!("cannot {action} {}: {error}", path.display()))
}

impl Journal for FileJournal {
    fn load(&self, key: &str) -> Result<Option<JournalEntry>, LlmError> {
        let path = self.path(key);
        let text = match std::fs::read(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error(&path, "read", &e)),
        };
        serde_json::from_slice(&text).map(Some).map_err(|e| {
            LlmError::Journal(format!("{} is not a journal entry: {e}", path.display()))
        })
    }

    fn save(&self, key: &str, entry: &JournalEntry) -> Result<(), LlmError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| io_error(&self.dir, "create", &e))?;
        let path = self.path(key);
        let temp = self.dir.join(format!(".{key}.json.tmp"));
        let text = serde_json::to_vec(entry)
            .map_err(|e| LlmError::Journal(format!("cannot encode the journal entry: {e}")))?;
        std::fs::write(&temp, text).map_err(|e| io_error(&temp, "write", &e))?;
        std::fs::rename(&temp, &path).map_err(|e| io_error(&path, "replace", &e))
    }

    fn remove(&self, key: &str) -> Result<(), LlmError> {
        let path = self.path(key);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_error(&path, "remove", &e)),
        }
    }
}
