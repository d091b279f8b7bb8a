//! The [`SettingsStore`] trait (the `app_settings` key-value table of reference/001) and the
//! in-memory [`MemoryStore`].
//!
//! A store keeps raw values: secret settings reach it already encrypted (`enc:...`), and it
//! does no validation; [`Settings`](super::Settings) does both.

use super::SettingsError;
use std::collections::BTreeMap;
use std::sync::{Arc, PoisonError, RwLock};

/// A key-value store of raw setting values, shared between threads.
pub trait SettingsStore: Send + Sync {
    /// The stored value of `key`, if any.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn get(&self, key: &str) -> Result<Option<String>, SettingsError>;

    /// Stores `value` under `key`, replacing any value there.
    ///
    /// # Errors
    /// When the store cannot be written.
    fn set(&self, key: &str, value: &str) -> Result<(), SettingsError>;

    /// Removes `key`; `true` when it was there.
    ///
    /// # Errors
    /// When the store cannot be written.
    fn delete(&self, key: &str) -> Result<bool, SettingsError>;

    /// Every stored `(key, value)` pair, sorted by key.
    ///
    /// # Errors
    /// When the store cannot be read.
    fn list(&self) -> Result<Vec<(String, String)>, SettingsError>;
}

impl<T: SettingsStore + ?Sized> SettingsStore for Arc<T> {
    fn get(&self, key: &str) -> Result<Option<String>, SettingsError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SettingsError> {
        (**self).set(key, value)
    }
    fn delete(&self, key: &str) -> Result<bool, SettingsError> {
        (**self).delete(key)
    }
    fn list(&self) -> Result<Vec<(String, String)>, SettingsError> {
        (**self).list()
    }
}

/// A store in memory, for tests and for hosts without a database. Its `Debug` shows the keys
/// only, since values may be (encrypted) secrets.
#[derive(Default)]
pub struct MemoryStore {
    values: RwLock<BTreeMap<String, String>>,
}

impl MemoryStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let values = self.values.read().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("MemoryStore")
            .field("keys", &values.keys().collect::<Vec<_>>())
            .finish()
    }
}

// A poisoned lock only means another thread panicked mid-call; every operation here leaves the
// map consistent, so the data is still good and is used rather than panicking again.
impl SettingsStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, SettingsError> {
        let values = self.values.read().unwrap_or_else(PoisonError::into_inner);
        Ok(values.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SettingsError> {
        let mut values = self.values.write().unwrap_or_else(PoisonError::into_inner);
        values.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn delete(&self, key: &str) -> Result<bool, SettingsError> {
        let mut values = self.values.write().unwrap_or_else(PoisonError::into_inner);
        Ok(values.remove(key).is_some())
    }

    fn list(&self) -> Result<Vec<(String, String)>, SettingsError> {
        let values = self.values.read().unwrap_or_else(PoisonError::into_inner);
        Ok(values.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
}
