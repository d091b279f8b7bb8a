//! [`SqliteStore`]: the `app_settings` table of reference/001 in a SQLite file (bundled
//! SQLite, nothing to install), safe to share between threads and between processes.

use super::{SettingsError, SettingsStore};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// How long a write waits for another connection's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const CREATE_TABLE: &str = "CREATE TABLE IF NOT EXISTS app_settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
)";

// RFC 3339 UTC with milliseconds, computed by SQLite so no clock crate is needed.
const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// A settings store in the `app_settings` table of a SQLite database file.
///
/// Opening creates the table when it is missing (and adds `updated_at` to a table made by
/// reference/001's two-column schema), turns on WAL so readers never block the writer, and
/// sets a busy timeout of [`BUSY_TIMEOUT`] so that several handles, threads or processes can
/// share one file. Every error names the file.
pub struct SqliteStore {
    conn: Mutex<Connection>,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Opens (creating if need be) the database at `path` and its `app_settings` table.
    ///
    /// # Errors
    /// [`SettingsError::Sqlite`], with the path, when the file cannot be opened or is not a
    /// SQLite database, or the table cannot be created.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, SettingsError> {
        let path = path.as_ref().to_path_buf();
        let wrap = |source| SettingsError::Sqlite {
            path: path.clone(),
            source,
        };
        let conn = Connection::open(&path).map_err(wrap)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(wrap)?;
        // journal_mode answers with the mode in force; WAL cannot be set on some file systems,
        // and the store still works in the default mode there.
        let _mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(wrap)?;
        conn.execute(CREATE_TABLE, []).map_err(wrap)?;
        if !has_updated_at(&conn).map_err(wrap)? {
            conn.execute(
                "ALTER TABLE app_settings ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''",
                [],
            )
            .map_err(wrap)?;
        }
        Ok(Self {
            conn: Mutex::new(conn),
            path,
        })
    }

    /// The database file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// When `key` was last written (RFC 3339, UTC), if it is stored. Empty for rows written by
    /// a reference/001-style table that had no such column.
    ///
    /// # Errors
    /// [`SettingsError::Sqlite`] when the table cannot be read.
    pub fn updated_at(&self, key: &str) -> Result<Option<String>, SettingsError> {
        self.with_conn(|conn| {
            conn.query_row(
                "SELECT updated_at FROM app_settings WHERE key = ?1",
                params![key],
                |row| row.get(0),
            )
            .optional()
        })
    }

    fn with_conn<T>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, SettingsError> {
        // A poisoned lock means a panic elsewhere mid-call; SQLite's own transactions keep the
        // file consistent, so the connection is still usable.
        let conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        f(&conn).map_err(|source| SettingsError::Sqlite {
            path: self.path.clone(),
            source,
        })
    }
}

fn has_updated_at(conn: &Connection) -> rusqlite::Result<bool> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info('app_settings')")?;
    let names = stmt.query_map([], |row| row.get::<_, String>(0))?;
    for name in names {
        if name? == "updated_at" {
            return Ok(true);
        }
    }
    Ok(false)
}

impl SettingsStore for SqliteStore {
    fn get(&self, key: &str) -> Result<Option<String>, SettingsError> {
        self.with_conn(|conn| {
            conn.query_row(
                "SELECT value FROM app_settings WHERE key = ?1",
                params![key],
                |row| row.get(0),
            )
            .optional()
        })
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SettingsError> {
        let sql = format!(
            "INSERT INTO app_settings (key, value, updated_at) VALUES (?1, ?2, {NOW})
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
        );
        self.with_conn(|conn| conn.execute(&sql, params![key, value]).map(|_| ()))
    }

    fn delete(&self, key: &str) -> Result<bool, SettingsError> {
        self.with_conn(|conn| {
            conn.execute("DELETE FROM app_settings WHERE key = ?1", params![key])
                .map(|n| n > 0)
        })
    }

    fn list(&self) -> Result<Vec<(String, String)>, SettingsError> {
        self.with_conn(|conn| {
            let mut stmt = conn.prepare("SELECT key, value FROM app_settings ORDER BY key")?;
            let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect()
        })
    }
}
