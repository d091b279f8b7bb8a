//! [`SettingsError`]: what can go wrong while resolving, validating or storing a setting.
//! No variant carries a secret value or the encryption key.

use super::registry::InvalidReason;
use super::secret::SecretError;
use thiserror::Error;

/// Where a value being checked came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Origin {
    /// An environment variable (named).
    Environment(&'static str),
    /// The settings store.
    Store,
    /// A value handed to [`Settings::set`](super::Settings::set).
    Input,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Environment(variable) => write!(f, "environment variable {variable}"),
            Self::Store => f.write_str("the settings store"),
            Self::Input => f.write_str("the new value"),
        }
    }
}

/// What can go wrong with settings.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum SettingsError {
    /// The key is not in the registry.
    #[error("unknown setting {key:?}")]
    UnknownKey {
        /// The key asked for.
        key: String,
    },
    /// A value does not fit its setting.
    #[error("invalid value for {key} in {origin}{}: {reason}", quoted(value.as_deref()))]
    Invalid {
        /// The setting.
        key: &'static str,
        /// Where the value came from.
        origin: Origin,
        /// The value, for settings that are not secret; `None` for secret ones.
        value: Option<String>,
        /// What is wrong with it.
        reason: InvalidReason,
    },
    /// A secret setting could not be encrypted or decrypted.
    #[error("{key}: {source}")]
    Secret {
        /// The setting.
        key: &'static str,
        /// What went wrong.
        #[source]
        source: SecretError,
    },
    /// The SQLite store failed.
    #[cfg(feature = "sqlite")]
    #[error("settings store {}: {source}", path.display())]
    Sqlite {
        /// The database file.
        path: std::path::PathBuf,
        /// SQLite's error.
        #[source]
        source: rusqlite::Error,
    },
}

fn quoted(value: Option<&str>) -> String {
    value.map_or_else(String::new, |value| format!(" ({value:?})"))
}
