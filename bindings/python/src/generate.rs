//! Program generation (`replog_llm::generate`): a `Generator` configured from settings (the
//! environment, a SQLite settings file, or explicit arguments), awaited on asyncio through
//! pyo3-async-runtimes on tokio, or run blocking. The same provider writes reports' words,
//! coaches, and answers the connection test (their calls and results are in `llm`).

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use replog_llm::generate::{GenerateInput, GenerateOptions, Generation, Generator, Mode, Progress};
use replog_llm::settings::Settings;
use replog_llm::task::ProgramRequest;
use replog_llm::{ProviderConfig, build_provider};

use crate::convert::from_python;
use crate::core::{coach_input, context_of, host_index, report_numbers};
use crate::error::llm_error;
use crate::llm::{
    PyConnectionCheck, awaitable, blocking, coach_answer, connection, written_report,
};
use crate::serialize::to_python;
use crate::settings;
use crate::validate::host_exercises;

/// The result of a generation: the program (a CatalogJSON document), the model's reasoning,
/// the tokens spent, the cost estimate, the time taken and who made it.
#[pyclass(name = "Generation", module = "replog", frozen, get_all)]
struct PyGeneration {
    /// The CatalogJSON document (valid against the catalog in force and the equipment).
    program: Py<PyAny>,
    /// The model's reasoning, for the coach.
    reasoning: String,
    /// `{"input_tokens", "output_tokens", "cached_tokens"}` over every attempt.
    usage: Py<PyAny>,
    /// The estimated cost in US dollars, when the price table knows the model.
    cost_usd: Option<f64>,
    /// Seconds from start to finish.
    duration: f64,
    /// The model that answered.
    model: String,
    /// The provider that answered (`openai`, `anthropic`, `ollama`, `builtin`, ...).
    provider: String,
    /// Why the configured provider failed when the built-in planner stood in (else `None`).
    fallback: Option<String>,
    /// The audit record of every call.
    record: Py<PyAny>,
}

#[pymethods]
impl PyGeneration {
    fn __repr__(&self) -> String {
        format!(
            "Generation(provider={:?}, model={:?}, duration={:.3})",
            self.provider, self.model, self.duration
        )
    }
}

fn generation(py: Python<'_>, generation: &Generation) -> PyResult<PyGeneration> {
    Ok(PyGeneration {
        program: to_python(py, &generation.catalog)?.unbind(),
        reasoning: generation.reasoning.clone(),
        usage: to_python(py, &generation.usage)?.unbind(),
        cost_usd: generation.cost_usd,
        duration: generation.duration.as_secs_f64(),
        model: generation.model.clone(),
        provider: generation.provider.clone(),
        fallback: generation.fallback.as_ref().map(|f| f.message.clone()),
        record: to_python(py, &generation.record)?.unbind(),
    })
}

/// Generates training programs with the configured provider (the built-in planner when none
/// is configured).
#[pyclass(name = "Generator", module = "replog", frozen)]
struct PyGenerator {
    generator: Arc<Generator>,
    config: ProviderConfig,
    /// Where the configuration came from (the connection test resolves it again).
    settings: Arc<Settings>,
}

fn options(
    mode: &str,
    max_rounds: u32,
    concurrency: usize,
    fallback_to_planner: bool,
) -> PyResult<GenerateOptions> {
    let mode = Mode::parse(mode).ok_or_else(|| {
        PyValueError::new_err(format!(
            "mode must be \"auto\", \"single\" or \"incremental\", found {mode:?}"
        ))
    })?;
    if concurrency == 0 {
        return Err(PyValueError::new_err("concurrency must be at least 1"));
    }
    Ok(GenerateOptions {
        mode,
        max_rounds,
        concurrency,
        fallback_to_planner,
        ..GenerateOptions::default()
    })
}

impl PyGenerator {
    fn build(py: Python<'_>, settings: Settings, options: GenerateOptions) -> PyResult<Self> {
        let llm = settings.llm().map_err(|e| llm_error(py, e.into()))?;
        let config = ProviderConfig::from_settings(&llm);
        let provider = build_provider(&config).map_err(|e| llm_error(py, e))?;
        let generator = Generator::new(Arc::from(provider)).with_options(options);
        Ok(Self {
            generator: Arc::new(generator),
            config,
            settings: Arc::new(settings),
        })
    }

    fn input(
        logbook: &Bound<'_, PyAny>,
        request: Option<&Bound<'_, PyAny>>,
        catalogs: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<GenerateInput> {
        let index = host_index(catalogs)?;
        let context = context_of(logbook, &index)?;
        let request: ProgramRequest = match request {
            Some(request) if !request.is_none() => from_python(request, "request")?,
            _ => ProgramRequest::default(),
        };
        let catalog = match catalogs {
            Some(catalogs) => host_exercises(catalogs)?,
            None => Vec::new(),
        };
        Ok(GenerateInput {
            context: Arc::new(context),
            request,
            catalog,
        })
    }
}

/// Calls the Python progress callback with a dict; an exception in it is reported as
/// unraisable (like an asyncio callback's) rather than failing the generation.
fn progress_callback(callback: Option<Py<PyAny>>) -> impl Fn(&Progress) + Send + Sync {
    move |progress: &Progress| {
        if let Some(callback) = &callback {
            Python::attach(|py| {
                let called = to_python(py, progress).and_then(|p| callback.call1(py, (p,)));
                if let Err(err) = called {
                    err.write_unraisable(py, Some(callback.bind(py)));
                }
            });
        }
    }
}

#[pymethods]
impl PyGenerator {
    /// A generator from explicit settings (`provider`: `openai`, `anthropic`, `ollama`,
    /// `builtin`, or `None` for the built-in planner), checked as the settings registry
    /// checks them; the environment is not read.
    #[new]
    #[pyo3(signature = (*, provider=None, model=None, api_key=None, base_url=None,
        temperature=None, max_tokens=None, timeout_seconds=None, max_retries=None,
        mode="auto", max_rounds=2, concurrency=4, fallback_to_planner=false))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        provider: Option<String>,
        model: Option<String>,
        api_key: Option<String>,
        base_url: Option<String>,
        temperature: Option<f64>,
        max_tokens: Option<u32>,
        timeout_seconds: Option<u64>,
        max_retries: Option<u32>,
        mode: &str,
        max_rounds: u32,
        concurrency: usize,
        fallback_to_planner: bool,
    ) -> PyResult<Self> {
        let settings = settings::explicit(&[
            ("llm.provider", provider),
            ("llm.model", model),
            ("llm.api_key", api_key),
            ("llm.base_url", base_url),
            ("llm.temperature", temperature.map(|t| t.to_string())),
            ("llm.max_tokens", max_tokens.map(|t| t.to_string())),
            (
                "llm.timeout_seconds",
                timeout_seconds.map(|t| t.to_string()),
            ),
            ("llm.max_retries", max_retries.map(|t| t.to_string())),
        ])?;
        Self::build(
            py,
            settings,
            options(mode, max_rounds, concurrency, fallback_to_planner)?,
        )
    }

    /// A generator configured by the process environment (`REPLOG_LLM_PROVIDER`, ...).
    #[staticmethod]
    #[pyo3(signature = (*, mode="auto", max_rounds=2, concurrency=4, fallback_to_planner=false))]
    fn from_env(
        py: Python<'_>,
        mode: &str,
        max_rounds: u32,
        concurrency: usize,
        fallback_to_planner: bool,
    ) -> PyResult<Self> {
        Self::build(
            py,
            settings::environment(),
            options(mode, max_rounds, concurrency, fallback_to_planner)?,
        )
    }

    /// A generator configured by a SQLite settings file (the environment still wins, then the
    /// file, then the defaults; secrets are decrypted with `REPLOG_SECRET_KEY`).
    #[staticmethod]
    #[pyo3(signature = (path, *, mode="auto", max_rounds=2, concurrency=4, fallback_to_planner=false))]
    fn from_settings_file(
        py: Python<'_>,
        path: std::path::PathBuf,
        mode: &str,
        max_rounds: u32,
        concurrency: usize,
        fallback_to_planner: bool,
    ) -> PyResult<Self> {
        Self::build(
            py,
            settings::file(py, &path)?,
            options(mode, max_rounds, concurrency, fallback_to_planner)?,
        )
    }

    /// The provider's name (`openai`, `anthropic`, `ollama`, `builtin`).
    #[getter]
    fn provider(&self) -> String {
        self.generator.provider().name().to_owned()
    }

    /// The model asked.
    #[getter]
    fn model(&self) -> String {
        self.config.model_or_default().to_owned()
    }

    /// Generates a program for the athlete of `logbook` (a Logbook JSON document or data):
    /// an awaitable resolving to a `Generation`. `request` is `{"name", "weeks",
    /// "days_per_week", "directions"}` (each optional); `catalogs` the host's catalogs;
    /// `on_progress` is called with each progress dict (from a worker thread). Cancelling the
    /// awaiting task cancels the generation.
    #[pyo3(signature = (logbook, request=None, *, catalogs=None, on_progress=None))]
    fn generate<'py>(
        &self,
        py: Python<'py>,
        logbook: &Bound<'py, PyAny>,
        request: Option<&Bound<'py, PyAny>>,
        catalogs: Option<&Bound<'py, PyAny>>,
        on_progress: Option<Py<PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let input = Self::input(logbook, request, catalogs)?;
        let generator = Arc::clone(&self.generator);
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            let on_progress = progress_callback(on_progress);
            let result = generator.generate(&input, Some(&on_progress)).await;
            Python::attach(|py| match result {
                Ok(done) => generation(py, &done),
                Err(e) => Err(llm_error(py, e)),
            })
        })
    }

    /// `generate`, blocking until the program is ready (the GIL is released meanwhile).
    #[pyo3(signature = (logbook, request=None, *, catalogs=None, on_progress=None))]
    fn generate_sync(
        &self,
        py: Python<'_>,
        logbook: &Bound<'_, PyAny>,
        request: Option<&Bound<'_, PyAny>>,
        catalogs: Option<&Bound<'_, PyAny>>,
        on_progress: Option<Py<PyAny>>,
    ) -> PyResult<PyGeneration> {
        let input = Self::input(logbook, request, catalogs)?;
        let on_progress = progress_callback(on_progress);
        match blocking(py, self.generator.generate(&input, Some(&on_progress))) {
            Ok(done) => generation(py, &done),
            Err(e) => Err(llm_error(py, e)),
        }
    }

    /// The report of the week or month (`period`) that `as_of` falls in (default: the last
    /// workout's) with words this provider writes from the computed numbers: an awaitable
    /// resolving to `{"payload", "markdown", "html", "fallback", "usage"}`. The numbers are
    /// always the computed ones; when the model fails, or answers more than the words, the
    /// rules write them and `fallback` says why.
    #[pyo3(signature = (logbook, *, period="week", as_of=None, catalogs=None))]
    fn write_report<'py>(
        &self,
        py: Python<'py>,
        logbook: &Bound<'py, PyAny>,
        period: &str,
        as_of: Option<&str>,
        catalogs: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let numbers = report_numbers(logbook, period, as_of, catalogs)?;
        let provider = Arc::clone(self.generator.provider());
        let work = async move { replog_llm::report::write_report(&*provider, numbers).await };
        awaitable(py, work, written_report)
    }

    /// `write_report`, blocking (the GIL is released meanwhile).
    #[pyo3(signature = (logbook, *, period="week", as_of=None, catalogs=None))]
    fn write_report_sync(
        &self,
        py: Python<'_>,
        logbook: &Bound<'_, PyAny>,
        period: &str,
        as_of: Option<&str>,
        catalogs: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let numbers = report_numbers(logbook, period, as_of, catalogs)?;
        let provider = self.generator.provider();
        let written = blocking(py, replog_llm::report::write_report(&**provider, numbers));
        written_report(py, written)
    }

    /// A recommendation for one exercise's next set or session from this provider, under the
    /// same safety clamps as `replog.recommend` (whose arguments it takes): an awaitable
    /// resolving to `{"recommendation", "fallback", "usage"}`; the rules recommend when the
    /// model fails, and `fallback` says why.
    #[pyo3(signature = (exercise, planned, *, current_set=1, signals=None, context=None, profile=None))]
    #[allow(clippy::too_many_arguments)]
    fn recommend<'py>(
        &self,
        py: Python<'py>,
        exercise: String,
        planned: &Bound<'py, PyAny>,
        current_set: u32,
        signals: Option<&Bound<'py, PyAny>>,
        context: Option<&Bound<'py, PyAny>>,
        profile: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let input = coach_input(exercise, planned, current_set, signals, context, profile)?;
        let provider = Arc::clone(self.generator.provider());
        let work = async move { replog_llm::coach::recommend(&*provider, &input).await };
        awaitable(py, work, coach_answer)
    }

    /// `recommend`, blocking (the GIL is released meanwhile).
    #[pyo3(signature = (exercise, planned, *, current_set=1, signals=None, context=None, profile=None))]
    #[allow(clippy::too_many_arguments)]
    fn recommend_sync(
        &self,
        py: Python<'_>,
        exercise: String,
        planned: &Bound<'_, PyAny>,
        current_set: u32,
        signals: Option<&Bound<'_, PyAny>>,
        context: Option<&Bound<'_, PyAny>>,
        profile: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let input = coach_input(exercise, planned, current_set, signals, context, profile)?;
        let provider = self.generator.provider();
        let answer = blocking(py, replog_llm::coach::recommend(&**provider, &input));
        coach_answer(py, answer)
    }

    /// Pings the provider the settings name (resolved again, so a settings file's latest
    /// values count) once, without retries: an admin page's "Test connection". An awaitable
    /// resolving to a `ConnectionCheck`; raises the provider's error by kind
    /// (`AuthenticationError`, `ProviderUnavailableError`, ...) or `ConfigurationError`.
    fn test_connection<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let settings = Arc::clone(&self.settings);
        let work = async move { replog_llm::test_connection(&settings).await };
        awaitable(py, work, |py, outcome| {
            Ok(Py::new(py, connection(py, outcome)?)?.into_any())
        })
    }

    /// `test_connection`, blocking (the GIL is released meanwhile).
    fn test_connection_sync(&self, py: Python<'_>) -> PyResult<PyConnectionCheck> {
        let outcome = blocking(py, replog_llm::test_connection(&self.settings));
        connection(py, outcome)
    }

    fn __repr__(&self) -> String {
        format!(
            "Generator(provider={:?}, model={:?})",
            self.provider(),
            self.model()
        )
    }
}

/// Registers this module's classes.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGenerator>()?;
    m.add_class::<PyGeneration>()?;
    Ok(())
}
