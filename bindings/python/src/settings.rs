//! LLM settings (`replog_llm::settings`): the sources a `Generator` reads (explicit
//! arguments, the environment, a SQLite settings file under the environment) and the
//! settings file's writes, validated by the registry and encrypting secrets.

use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use replog_llm::settings::{MapEnv, MemoryStore, Settings, SqliteStore, lookup};

use crate::error::llm_error;

/// Explicit settings (`("llm.model", Some("gpt-4o"))`, ...) as the environment variables the
/// registry names, so they are resolved and checked exactly as the environment's would be;
/// the process environment is not read.
pub(crate) fn explicit(values: &[(&str, Option<String>)]) -> PyResult<Settings> {
    let mut pairs = Vec::new();
    for (key, value) in values {
        let Some(value) = value else { continue };
        let def =
            lookup(key).ok_or_else(|| PyValueError::new_err(format!("unknown setting {key}")))?;
        if let Some(name) = def.env.first() {
            pairs.push((*name, value.clone()));
        }
    }
    Ok(Settings::new(MemoryStore::new(), MapEnv::from_pairs(pairs)))
}

/// The process environment's settings (`REPLOG_LLM_PROVIDER`, ...).
pub(crate) fn environment() -> Settings {
    Settings::from_process_env(MemoryStore::new())
}

/// A SQLite settings file (created if missing) under the process environment.
pub(crate) fn file(py: Python<'_>, path: &PathBuf) -> PyResult<Settings> {
    let store = SqliteStore::open(path).map_err(|e| llm_error(py, e.into()))?;
    Ok(Settings::from_process_env(store))
}

/// Stores one setting (`llm.provider`, `llm.model`, `llm.api_key`, `llm.base_url`,
/// `llm.timeout_seconds`, ...) in a SQLite settings file, creating the file if needed. The
/// value is checked as the registry says; secrets (the API key) are stored encrypted with
/// `REPLOG_SECRET_KEY`. Raises `ConfigurationError` naming the key and the reason.
#[pyfunction]
fn write_setting(py: Python<'_>, path: PathBuf, key: &str, value: &str) -> PyResult<()> {
    let settings = file(py, &path)?;
    py.detach(|| settings.set(key, value))
        .map_err(|e| llm_error(py, e.into()))
}

/// Registers this module's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(write_setting, m)?)?;
    Ok(())
}
