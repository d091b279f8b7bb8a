//! Every error of the crates as a Python exception: one exhaustive conversion.
//!
//! The exception classes live in `replog/_errors.py` so that `ValidationError` can be both a
//! `ReplogError` and a `ValueError` (pydantic's shape) and carry methods; this module raises
//! them with the codes, issues, attempts and usage of the Rust error.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyModule};
use replog_catalog::CatalogError;
use replog_core::{CoreError, Issue};
use replog_llm::LlmError;
use replog_llm::generate::{FailureKind, GenerationFailure};
use replog_llm::provider::ErrorKind;

use crate::validate::PyIssue;

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// Builds an instance of the exception class `name` from `replog._errors` and returns it as
/// a `PyErr`.
fn raise(py: Python<'_>, name: &str, message: String, attrs: &[(&str, Bound<'_, PyAny>)]) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let module = ERRORS.get_or_try_init(py, || {
            PyModule::import(py, "replog._errors").map(Bound::unbind)
        })?;
        let instance = module.bind(py).getattr(name)?.call1((message,))?;
        for (key, value) in attrs {
            instance.setattr(*key, value)?;
        }
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|err| err)
}

/// Issues as a list of `replog.Issue`.
pub(crate) fn issue_list<'py>(py: Python<'py>, issues: &[Issue]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, issues.iter().map(PyIssue::from))
}

/// `ValidationError` for an invalid document of `title` (`CatalogJSON`, `Logbook JSON`).
pub(crate) fn validation_error(py: Python<'_>, title: &str, issues: &[Issue]) -> PyErr {
    match issue_list(py, issues) {
        Ok(list) => raise(
            py,
            "ValidationError",
            title.to_owned(),
            &[("issues", list.into_any())],
        ),
        Err(err) => err,
    }
}

/// `replog-catalog`'s errors.
pub(crate) fn catalog_error(py: Python<'_>, error: CatalogError) -> PyErr {
    match error {
        CatalogError::Invalid(invalid) => {
            validation_error(py, invalid.kind.name(), &invalid.issues)
        }
        CatalogError::Import(error) => raise(py, "ImportFailed", error.to_string(), &[]),
        CatalogError::Plan(error) => raise(py, "PlanError", error.to_string(), &[]),
        CatalogError::Core(error) => core_error(py, error),
        other => raise(py, "ReplogError", other.to_string(), &[]),
    }
}

/// `replog-core`'s errors.
pub(crate) fn core_error(py: Python<'_>, error: CoreError) -> PyErr {
    raise(py, "ReplogError", error.to_string(), &[])
}

/// The exception class for a generation failure's kind.
fn failure_class(kind: &FailureKind) -> &'static str {
    match kind {
        FailureKind::Provider(kind) => provider_class(kind),
        FailureKind::Invalid | FailureKind::Unparseable => "InvalidOutputError",
        _ => "GenerationError",
    }
}

fn provider_class(kind: &ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Authentication => "AuthenticationError",
        ErrorKind::RateLimit => "RateLimitError",
        ErrorKind::Timeout(_) => "ProviderTimeoutError",
        ErrorKind::Refusal => "RefusalError",
        ErrorKind::Truncated => "TruncatedError",
        ErrorKind::Server | ErrorKind::Connection | ErrorKind::MalformedResponse => {
            "ProviderUnavailableError"
        }
        ErrorKind::Configuration => "ConfigurationError",
        _ => "ProviderError",
    }
}

fn usage_dict<'py>(py: Python<'py>, usage: replog_llm::Usage) -> PyResult<Bound<'py, PyAny>> {
    let dict = PyDict::new(py);
    dict.set_item("input_tokens", usage.input_tokens)?;
    dict.set_item("output_tokens", usage.output_tokens)?;
    dict.set_item("cached_tokens", usage.cached_tokens)?;
    Ok(dict.into_any())
}

fn generation_failure(py: Python<'_>, failure: &GenerationFailure) -> PyErr {
    let attrs = || -> PyResult<Vec<(&'static str, Bound<'_, PyAny>)>> {
        Ok(vec![
            ("code", failure.kind.code().into_pyobject(py)?.into_any()),
            ("attempts", failure.attempts.into_pyobject(py)?.into_any()),
            ("usage", usage_dict(py, failure.usage)?),
            ("issues", issue_list(py, &failure.issues)?.into_any()),
            (
                "weeks_kept",
                PyList::new(py, &failure.weeks_kept)?.into_any(),
            ),
        ])
    };
    match attrs() {
        Ok(attrs) => raise(
            py,
            failure_class(&failure.kind),
            failure.to_string(),
            &attrs,
        ),
        Err(err) => err,
    }
}

/// `replog-llm`'s errors: provider failures by kind with their attempts and usage.
pub(crate) fn llm_error(py: Python<'_>, error: LlmError) -> PyErr {
    match error {
        LlmError::Generation(failure) => generation_failure(py, &failure),
        LlmError::Provider(error) => {
            let attrs = || -> PyResult<Vec<(&'static str, Bound<'_, PyAny>)>> {
                Ok(vec![
                    ("code", error.kind().code().into_pyobject(py)?.into_any()),
                    ("attempts", error.attempts().into_pyobject(py)?.into_any()),
                    ("usage", usage_dict(py, error.usage())?),
                    ("issues", PyList::empty(py).into_any()),
                    ("weeks_kept", PyList::empty(py).into_any()),
                ])
            };
            match attrs() {
                Ok(attrs) => raise(py, provider_class(error.kind()), error.to_string(), &attrs),
                Err(err) => err,
            }
        }
        LlmError::NotConfigured | LlmError::Settings(_) | LlmError::PriceTable(_) => {
            raise(py, "ConfigurationError", error.to_string(), &[])
        }
        LlmError::Core(error) => core_error(py, error),
        other => raise(py, "GenerationError", other.to_string(), &[]),
    }
}

/// A file that is not the format a converter reads.
pub(crate) fn convert_error(
    py: Python<'_>,
    error: &replog_catalog::convert::ConvertError,
) -> PyErr {
    raise(py, "ImportFailed", error.to_string(), &[])
}
