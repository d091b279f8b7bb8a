//! The LLM's calls beside generation, as the `Generator` runs them: report words
//! (`replog_llm::report`), coaching (`replog_llm::coach`) and the connection test
//! (`replog_llm::test_connection`), each awaited on asyncio or run blocking, and their
//! results as Python data.

use std::future::Future;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use replog_llm::coach::CoachAnswer;
use replog_llm::report::WrittenReport;
use replog_llm::{ConnectionCheck, LlmError, Usage};

use crate::core::report_dict;
use crate::error::llm_error;
use crate::serialize::to_python;

/// An asyncio awaitable running `work` on the tokio runtime; `finish` converts its output
/// with the GIL held. Cancelling the awaiting task drops `work`.
pub(crate) fn awaitable<'py, T, F, C>(
    py: Python<'py>,
    work: F,
    finish: C,
) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = T> + Send + 'static,
    T: Send + 'static,
    C: FnOnce(Python<'_>, T) -> PyResult<Py<PyAny>> + Send + 'static,
{
    pyo3_async_runtimes::tokio::future_into_py(py, async move {
        let output = work.await;
        Python::attach(|py| finish(py, output))
    })
}

/// Runs `work` to completion on the tokio runtime, the GIL released meanwhile.
pub(crate) fn blocking<T: Send, F: Future<Output = T> + Send>(py: Python<'_>, work: F) -> T {
    let runtime = pyo3_async_runtimes::tokio::get_runtime();
    py.detach(|| runtime.block_on(work))
}

/// What a connection test found: the provider that answered, its model and the round trip.
#[pyclass(name = "ConnectionCheck", module = "replog", frozen, get_all)]
pub(crate) struct PyConnectionCheck {
    /// The provider tested (`openai`, `anthropic`, `ollama`, or `builtin` when none is
    /// configured).
    provider: String,
    /// The model that answered (the configured one for the built-in planner).
    model: String,
    /// Seconds the round trip took.
    latency: f64,
}

#[pymethods]
impl PyConnectionCheck {
    fn __repr__(&self) -> String {
        format!(
            "ConnectionCheck(provider={:?}, model={:?}, latency={:.3})",
            self.provider, self.model, self.latency
        )
    }
}

/// A connection test's outcome: the check, or the provider's error by kind.
pub(crate) fn connection(
    py: Python<'_>,
    outcome: Result<ConnectionCheck, LlmError>,
) -> PyResult<PyConnectionCheck> {
    let check = outcome.map_err(|e| llm_error(py, e))?;
    Ok(PyConnectionCheck {
        provider: check.provider.as_str().to_owned(),
        model: check.pong.model,
        latency: check.pong.latency.as_secs_f64(),
    })
}

/// `fallback` (why the model's answer was not used, else `None`) and `usage` into `out`.
fn outcome(out: &Bound<'_, PyDict>, fallback: Option<String>, usage: &Usage) -> PyResult<()> {
    out.set_item("fallback", fallback)?;
    out.set_item("usage", to_python(out.py(), usage)?)
}

/// A report the model wrote (or the rules, on failure): `{"payload", "markdown", "html",
/// "fallback", "usage"}`.
pub(crate) fn written_report(py: Python<'_>, written: WrittenReport) -> PyResult<Py<PyAny>> {
    let out = report_dict(py, written.report)?;
    outcome(
        &out,
        written.fallback.map(|e| e.to_string()),
        &written.usage,
    )?;
    Ok(out.into_any().unbind())
}

/// A recommendation the model made (or the rules, on failure): `{"recommendation",
/// "fallback", "usage"}`.
pub(crate) fn coach_answer(py: Python<'_>, answer: CoachAnswer) -> PyResult<Py<PyAny>> {
    let out = PyDict::new(py);
    out.set_item("recommendation", to_python(py, &answer.recommendation)?)?;
    outcome(&out, answer.fallback.map(|e| e.to_string()), &answer.usage)?;
    Ok(out.into_any().unbind())
}

/// Registers this module's classes.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyConnectionCheck>()?;
    Ok(())
}
