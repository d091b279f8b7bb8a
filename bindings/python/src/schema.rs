//! JSON Schema of the documents in each dialect, and their TypeScript text for prompts
//! (`replog_core::schema`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use replog_core::schema::{self, Dialect};

use crate::error::core_error;
use crate::serialize::to_python;

fn dialect(name: &str) -> PyResult<Dialect> {
    Dialect::from_name(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "dialect must be \"draft2020-12\" or \"openai-strict\", found {name:?}"
        ))
    })
}

/// The JSON Schema of a CatalogJSON document (`dialect`: `draft2020-12` or `openai-strict`).
#[pyfunction]
#[pyo3(signature = (dialect="draft2020-12"))]
fn catalog_schema<'py>(py: Python<'py>, dialect: &str) -> PyResult<Bound<'py, PyAny>> {
    let value = schema::catalog_schema(self::dialect(dialect)?).map_err(|e| core_error(py, e))?;
    to_python(py, &value)
}

/// The JSON Schema of the LLM's answer, `{reasoning, catalog}`, in `dialect`.
#[pyfunction]
#[pyo3(signature = (dialect="draft2020-12"))]
fn envelope_schema<'py>(py: Python<'py>, dialect: &str) -> PyResult<Bound<'py, PyAny>> {
    let value = schema::envelope_schema(self::dialect(dialect)?).map_err(|e| core_error(py, e))?;
    to_python(py, &value)
}

/// The JSON Schema (2020-12) of a Logbook JSON document.
#[pyfunction]
fn logbook_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, &schema::logbook_schema())
}

/// The CatalogJSON types as TypeScript text, as prompts show them (`envelope`: the answer's
/// envelope rather than the bare document).
#[pyfunction]
#[pyo3(signature = (*, envelope=false))]
fn catalog_typescript(envelope: bool) -> String {
    if envelope {
        schema::envelope_typescript()
    } else {
        schema::catalog_typescript()
    }
}

/// Registers this module's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(catalog_schema, m)?)?;
    m.add_function(wrap_pyfunction!(envelope_schema, m)?)?;
    m.add_function(wrap_pyfunction!(logbook_schema, m)?)?;
    m.add_function(wrap_pyfunction!(catalog_typescript, m)?)?;
    Ok(())
}
