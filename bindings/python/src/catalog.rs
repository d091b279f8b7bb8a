//! `replog-catalog` beyond validation: exercise-name matching, the import plan, app-export
//! import and converters from other formats.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use replog_catalog::apps::{AppFormat, ImportOptions, import_app_export};
use replog_catalog::convert::Source;
use replog_catalog::{CatalogError, ImportPlan, ImportPlanner, Matcher};
use replog_core::{Catalog, Unit};

use crate::convert::{Document, from_python};
use crate::core::host_index;
use crate::error::{catalog_error, validation_error};
use crate::serialize::to_python;
use crate::validate::{catalog_document, host_exercises};

/// Matches exercise names against a catalog: exact, alias, suggested (with confidence and
/// candidates) or new. Build it once per catalog.
#[pyclass(name = "Matcher", module = "replog", frozen)]
struct PyMatcher(Matcher);

#[pymethods]
impl PyMatcher {
    /// A matcher over the exercises of `catalogs` (one CatalogJSON document or a list).
    #[new]
    fn new(catalogs: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Self(Matcher::new(&host_exercises(catalogs)?)))
    }

    /// `{"input", "kind", "exercise", "confidence", "candidates"}` for one name.
    fn match_name<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.match_name(name))
    }

    /// `match_name` for each name, in order.
    fn match_names<'py>(&self, py: Python<'py>, names: Vec<String>) -> PyResult<Bound<'py, PyAny>> {
        let matches: Vec<_> = names.iter().map(|name| self.0.match_name(name)).collect();
        to_python(py, &matches)
    }
}

/// Plans the import of CatalogJSON documents into a host (its catalogs' exercises and
/// programs, plus `programs`: more existing program names).
#[pyclass(name = "ImportPlanner", module = "replog", frozen)]
struct PyImportPlanner(ImportPlanner);

fn plan_document(data: &Bound<'_, PyAny>) -> PyResult<Catalog> {
    let py = data.py();
    // Exercise references need not resolve: mapping them is the plan's job.
    let read = match Document::extract(data)? {
        Document::Text(bytes) => ImportPlanner::read_document(&bytes),
        Document::Value(value) => serde_json::to_vec(&value)
            .map_err(|e| CatalogError::Core(e.into()))
            .and_then(ImportPlanner::read_document),
    };
    read.map_err(|e| match e {
        CatalogError::Invalid(invalid) => {
            validation_error(py, invalid.kind.name(), &invalid.issues)
        }
        other => catalog_error(py, other),
    })
}

#[pymethods]
impl PyImportPlanner {
    /// A planner for a host with these catalogs (one document or a list) and programs.
    #[new]
    #[pyo3(signature = (catalogs, *, programs=None))]
    fn new(catalogs: &Bound<'_, PyAny>, programs: Option<Vec<String>>) -> PyResult<Self> {
        let documents: Vec<Catalog> = if catalogs.is_instance_of::<pyo3::types::PyList>() {
            catalogs
                .try_iter()?
                .map(|c| catalog_document(&c?))
                .collect::<PyResult<_>>()?
        } else {
            vec![catalog_document(catalogs)?]
        };
        let planner =
            ImportPlanner::from_catalogs(&documents).with_programs(programs.unwrap_or_default());
        Ok(Self(planner))
    }

    /// The import plan of a document (`bytes`, `str` or data): exercise mappings, program
    /// decisions, conflicts and a summary. Raises `ValidationError` for an invalid document.
    fn plan<'py>(
        &self,
        py: Python<'py>,
        document: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let document = plan_document(document)?;
        to_python(py, &self.0.plan(&document))
    }

    /// The plan as edited by a coach, checked again: every conflict listed.
    fn review<'py>(
        &self,
        py: Python<'py>,
        document: &Bound<'py, PyAny>,
        plan: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let document = plan_document(document)?;
        let plan: ImportPlan = from_python(plan, "plan")?;
        to_python(py, &self.0.review(&document, &plan))
    }

    /// Applies a reviewed plan: `{"document", "validation", "plan"}`; raises `PlanError`
    /// when the plan has error conflicts.
    fn apply<'py>(
        &self,
        py: Python<'py>,
        document: &Bound<'py, PyAny>,
        plan: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let document = plan_document(document)?;
        let plan: ImportPlan = from_python(plan, "plan")?;
        let applied = self
            .0
            .apply(&document, &plan)
            .map_err(|e| catalog_error(py, e.into()))?;
        to_python(py, &applied)
    }

    /// The JSON Schema of an import plan.
    #[staticmethod]
    fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        to_python(py, &ImportPlan::schema())
    }
}

fn named<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> PyResult<T> {
    serde_json::from_value(serde_json::Value::from(text))
        .map_err(|_| PyValueError::new_err(format!("{what} does not know {text:?}")))
}

/// Imports an app's CSV export (Strong, Hevy, FitNotes, JEFIT) as a Logbook JSON document:
/// `{"format", "logbook", "report"}`. `format` is detected when not given; `unit` is
/// `"kg"` or `"lb"` for exports that do not say theirs. Raises `ImportFailed`.
#[pyfunction]
#[pyo3(signature = (data, *, format=None, unit=None, athlete=None, catalogs=None))]
fn import_app<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    format: Option<&str>,
    unit: Option<&str>,
    athlete: Option<String>,
    catalogs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let index = host_index(catalogs)?;
    let mut options = ImportOptions {
        format: format
            .map(|f| named::<AppFormat>("format", f))
            .transpose()?,
        unit: unit.map(|u| named::<Unit>("unit", u)).transpose()?,
        catalog: (!index.is_empty()).then_some(&index),
        ..ImportOptions::default()
    };
    if let Some(athlete) = athlete {
        options.athlete = athlete;
    }
    let bytes = match Document::extract(data)? {
        Document::Text(bytes) => bytes,
        Document::Value(_) => {
            return Err(PyValueError::new_err(
                "an app export is CSV text: give bytes or str",
            ));
        }
    };
    let imported = import_app_export(&bytes, &options).map_err(|e| catalog_error(py, e.into()))?;
    let out = PyDict::new(py);
    out.set_item("format", to_python(py, &imported.format)?)?;
    out.set_item("logbook", to_python(py, &imported.logbook)?)?;
    out.set_item("report", to_python(py, &imported.report)?)?;
    Ok(out)
}

/// Converts another format's file (`free-exercise-db`, `wger`, `exercemus`, `openweight`)
/// to CatalogJSON: `{"document", "notes"}` (what was merged, renamed, dropped or
/// approximated).
#[pyfunction]
#[pyo3(signature = (data, *, source))]
fn convert_catalog<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    source: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let source: Source = source
        .parse()
        .map_err(|e: replog_catalog::convert::UnknownSource| {
            PyValueError::new_err(e.to_string())
        })?;
    let text = match Document::extract(data)? {
        Document::Text(bytes) => String::from_utf8(bytes.into_owned())
            .map_err(|e| PyValueError::new_err(format!("not UTF-8: {e}")))?,
        Document::Value(value) => value.to_string(),
    };
    let conversion = source
        .convert(&text)
        .map_err(|e| crate::error::convert_error(py, &e))?;
    let out = PyDict::new(py);
    out.set_item("document", to_python(py, &conversion.value)?)?;
    out.set_item("notes", conversion.notes)?;
    Ok(out)
}

/// Registers this module's functions and classes.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyMatcher>()?;
    m.add_class::<PyImportPlanner>()?;
    m.add_function(wrap_pyfunction!(import_app, m)?)?;
    m.add_function(wrap_pyfunction!(convert_catalog, m)?)?;
    Ok(())
}
