//! `replog-core`'s computations over plain Python data: athlete context, metrics, lints,
//! rendering, program diffs, reports and coaching recommendations.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use replog_core::coach::{CoachInput, Feedback, PreferenceProfile, Prescription, rules};
use replog_core::context::ContextOptions;
use replog_core::lint::{LintOptions, lint_catalog};
use replog_core::metrics::period::{Period, PeriodKind};
use replog_core::metrics::{E1rmFormula, period_metrics};
use replog_core::report::{ReportNumbers, ReportPayload, ReportV2, WrittenBy, deterministic_words};
use replog_core::{
    AthleteContext, Date, ExerciseIndex, Logbook, Program, build_context, parse_date,
};

use crate::convert::from_python;
use crate::error::issue_list;
use crate::serialize::to_python;
use crate::validate::{catalog_document, host_exercises, logbook_document};

/// A date written `YYYY-MM-DD`.
pub(crate) fn date(text: &str, what: &str) -> PyResult<Date> {
    parse_date(text)
        .map_err(|problem| PyValueError::new_err(format!("{what} {problem}, found {text:?}")))
}

/// The host index of the `catalogs` keyword argument (empty when none).
pub(crate) fn host_index(catalogs: Option<&Bound<'_, PyAny>>) -> PyResult<ExerciseIndex> {
    let mut index = ExerciseIndex::new();
    if let Some(catalogs) = catalogs {
        index.extend(&host_exercises(catalogs)?);
    }
    Ok(index)
}

fn options<'a>(index: &'a ExerciseIndex, as_of: Option<&str>) -> PyResult<ContextOptions<'a>> {
    let mut options = ContextOptions::default();
    if !index.is_empty() {
        options = options.with_catalog(index);
    }
    if let Some(as_of) = as_of {
        options = options.with_as_of(date(as_of, "as_of")?);
    }
    Ok(options)
}

/// The athlete context of a logbook (the prompt's briefing), as plain data; `catalogs` are
/// the host's catalogs, `as_of` the day described (`YYYY-MM-DD`).
#[pyfunction]
#[pyo3(signature = (logbook, *, catalogs=None, as_of=None))]
fn build_athlete_context<'py>(
    py: Python<'py>,
    logbook: &Bound<'py, PyAny>,
    catalogs: Option<&Bound<'py, PyAny>>,
    as_of: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let logbook = logbook_document(logbook)?;
    let index = host_index(catalogs)?;
    let context = build_context(&logbook, &options(&index, as_of)?);
    to_python(py, &context)
}

/// The context a generation starts from: built from a logbook (document or data) or taken
/// as an already-built context dict.
pub(crate) fn context_of(
    logbook: &Bound<'_, PyAny>,
    index: &ExerciseIndex,
) -> PyResult<AthleteContext> {
    let logbook: Logbook = logbook_document(logbook)?;
    Ok(build_context(&logbook, &options(index, None)?))
}

/// An estimated one-rep max for `weight` x `reps` by `formula` (`epley`, `brzycki`, ...):
/// `{"value", "confidence"}`, or `None` when the formula cannot estimate it.
#[pyfunction]
#[pyo3(signature = (weight, reps, *, formula="epley"))]
fn estimate_e1rm<'py>(
    py: Python<'py>,
    weight: f64,
    reps: u32,
    formula: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let formula = E1rmFormula::from_name(formula)
        .ok_or_else(|| PyValueError::new_err(format!("unknown e1RM formula {formula:?}")))?;
    formula
        .estimate(weight, reps)
        .map(|e| to_python(py, &e))
        .transpose()
}

fn period_kind(period: &str) -> PyResult<PeriodKind> {
    match period {
        "week" => Ok(PeriodKind::Week),
        "month" => Ok(PeriodKind::Month),
        other => Err(PyValueError::new_err(format!(
            "period must be \"week\" or \"month\", found {other:?}"
        ))),
    }
}

/// The last workout day on or before the logbook's own day: what a report covers by default.
fn report_day(logbook: &Logbook, as_of: Option<&str>) -> PyResult<Date> {
    if let Some(as_of) = as_of {
        return date(as_of, "as_of");
    }
    let limit = logbook.as_of.unwrap_or(Date::MAX);
    logbook
        .workouts
        .iter()
        .map(|w| w.date)
        .filter(|d| *d <= limit)
        .max()
        .or_else(|| logbook.as_of())
        .ok_or_else(|| PyValueError::new_err("the logbook has no dates: give as_of"))
}

/// The metrics of the week or month (`period`) that `as_of` falls in (default: the last
/// workout's).
#[pyfunction]
#[pyo3(signature = (logbook, *, period="week", as_of=None, catalogs=None))]
fn compute_period_metrics<'py>(
    py: Python<'py>,
    logbook: &Bound<'py, PyAny>,
    period: &str,
    as_of: Option<&str>,
    catalogs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let logbook = logbook_document(logbook)?;
    let day = report_day(&logbook, as_of)?;
    let index = host_index(catalogs)?;
    let options = options(&index, None)?.with_as_of(day);
    let metrics = period_metrics(&logbook, &Period::of(period_kind(period)?, day), &options);
    to_python(py, &metrics)
}

/// The numbers of the week or month (`period`) that `as_of` falls in (default: the last
/// workout's): what a report says, whoever writes its words.
pub(crate) fn report_numbers(
    logbook: &Bound<'_, PyAny>,
    period: &str,
    as_of: Option<&str>,
    catalogs: Option<&Bound<'_, PyAny>>,
) -> PyResult<ReportNumbers> {
    let logbook = logbook_document(logbook)?;
    let day = report_day(&logbook, as_of)?;
    let index = host_index(catalogs)?;
    let options = options(&index, None)?.with_as_of(day);
    Ok(ReportNumbers::compute(
        &logbook,
        &Period::of(period_kind(period)?, day),
        &options,
    ))
}

/// A v2 report as `{"payload", "markdown", "html"}`.
pub(crate) fn report_dict<'py>(py: Python<'py>, report: ReportV2) -> PyResult<Bound<'py, PyDict>> {
    let payload = ReportPayload::from(report);
    let out = PyDict::new(py);
    out.set_item("payload", to_python(py, &payload)?)?;
    out.set_item("markdown", payload.to_markdown())?;
    out.set_item("html", payload.to_html())?;
    Ok(out)
}

/// The v2 workout report of a week or month, with the deterministic words (no LLM):
/// `{"payload", "markdown", "html"}`.
#[pyfunction]
#[pyo3(signature = (logbook, *, period="week", as_of=None, catalogs=None))]
fn workout_report<'py>(
    py: Python<'py>,
    logbook: &Bound<'py, PyAny>,
    period: &str,
    as_of: Option<&str>,
    catalogs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let numbers = report_numbers(logbook, period, as_of, catalogs)?;
    let words = deterministic_words(&numbers);
    report_dict(py, ReportV2::new(numbers, words, WrittenBy::rules()))
}

/// The training-science warnings (`lint.*`) of a valid CatalogJSON document's programs, for
/// the athlete of `athlete` (a logbook) when given.
#[pyfunction]
#[pyo3(signature = (document, *, athlete=None, catalogs=None))]
fn lint<'py>(
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    athlete: Option<&Bound<'py, PyAny>>,
    catalogs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, pyo3::types::PyList>> {
    let catalog = catalog_document(document)?;
    let athlete = athlete.map(logbook_document).transpose()?;
    let index = host_index(catalogs)?;
    let mut options = LintOptions::new().exercises(&index);
    if let Some(athlete) = &athlete {
        options = options.logbook(athlete);
    }
    issue_list(py, &lint_catalog(&catalog, &options))
}

/// A CatalogJSON document as readable Markdown.
#[pyfunction]
fn catalog_markdown(document: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(replog_core::render::catalog_markdown(&catalog_document(
        document,
    )?))
}

/// What a coach changed between the generated program and the approved one (program dicts):
/// the structural diff with its summary.
#[pyfunction]
fn diff_programs<'py>(
    py: Python<'py>,
    generated: &Bound<'py, PyAny>,
    approved: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let generated: Program = from_python(generated, "generated")?;
    let approved: Program = from_python(approved, "approved")?;
    to_python(py, &replog_core::diff_programs(&generated, &approved))
}

/// What a recommender is asked about one exercise: `planned` is `{"sets", "reps", "weight",
/// "rest_seconds"}`; `signals` the session's signals; `context` an athlete context (its age
/// sets the limits, its stats the history); `profile` the learned preferences.
pub(crate) fn coach_input(
    exercise: String,
    planned: &Bound<'_, PyAny>,
    current_set: u32,
    signals: Option<&Bound<'_, PyAny>>,
    context: Option<&Bound<'_, PyAny>>,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<CoachInput> {
    let planned: Prescription = from_python(planned, "planned")?;
    let mut input = match context {
        Some(context) => {
            let context: AthleteContext = from_python(context, "context")?;
            CoachInput::from_context(&context, exercise, planned)
        }
        None => CoachInput::new(exercise, planned),
    };
    input.current_set = current_set;
    if let Some(signals) = signals {
        input.signals = from_python(signals, "signals")?;
    }
    if let Some(profile) = profile {
        input.profile = from_python(profile, "profile")?;
    }
    Ok(input)
}

/// A coaching recommendation for one exercise by the built-in rules, under the safety limits
/// (the arguments as `coach_input` reads them).
#[pyfunction]
#[pyo3(signature = (exercise, planned, *, current_set=1, signals=None, context=None, profile=None))]
fn recommend<'py>(
    py: Python<'py>,
    exercise: String,
    planned: &Bound<'py, PyAny>,
    current_set: u32,
    signals: Option<&Bound<'py, PyAny>>,
    context: Option<&Bound<'py, PyAny>>,
    profile: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let input = coach_input(exercise, planned, current_set, signals, context, profile)?;
    to_python(py, &rules::recommend(&input))
}

/// Learns from one piece of feedback: `{"profile", "signals"}`, the updated preference
/// profile (from `profile`, or a fresh one) and the signals the feedback carried.
#[pyfunction]
#[pyo3(signature = (feedback, *, profile=None))]
fn learn_preferences<'py>(
    py: Python<'py>,
    feedback: &Bound<'py, PyAny>,
    profile: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let feedback: Feedback = from_python(feedback, "feedback")?;
    let mut profile: PreferenceProfile = match profile {
        Some(profile) => from_python(profile, "profile")?,
        None => PreferenceProfile::default(),
    };
    let signals = profile.learn(&feedback);
    let out = PyDict::new(py);
    out.set_item("profile", to_python(py, &profile)?)?;
    out.set_item("signals", to_python(py, &signals)?)?;
    Ok(out)
}

/// Registers this module's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(build_athlete_context, m)?)?;
    m.add_function(wrap_pyfunction!(estimate_e1rm, m)?)?;
    m.add_function(wrap_pyfunction!(compute_period_metrics, m)?)?;
    m.add_function(wrap_pyfunction!(workout_report, m)?)?;
    m.add_function(wrap_pyfunction!(lint, m)?)?;
    m.add_function(wrap_pyfunction!(catalog_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(diff_programs, m)?)?;
    m.add_function(wrap_pyfunction!(recommend, m)?)?;
    m.add_function(wrap_pyfunction!(learn_preferences, m)?)?;
    Ok(())
}
