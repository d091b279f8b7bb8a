//! Validation of CatalogJSON and Logbook JSON documents (`replog-catalog`'s `Validator`):
//! `validate_*` returns every issue, `parse_*` the document or a `ValidationError`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use replog_catalog::{Validation, Validator};
use replog_core::{Catalog, Exercise, Issue, Logbook, Segment, Severity};

use crate::convert::Document;
use crate::error::validation_error;
use crate::serialize::to_python;

/// One problem found in a document: where (`path`, a JSON Pointer, and `loc`, its segments),
/// what (`code`), a message for a person, and whether it is an `error` or a `warning`.
#[pyclass(name = "Issue", module = "replog", frozen, eq, hash)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct PyIssue(pub(crate) Issue);

impl From<Issue> for PyIssue {
    fn from(issue: Issue) -> Self {
        Self(issue)
    }
}

impl From<&Issue> for PyIssue {
    fn from(issue: &Issue) -> Self {
        Self(issue.clone())
    }
}

fn severity(issue: &Issue) -> &'static str {
    match issue.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[pymethods]
impl PyIssue {
    /// The JSON Pointer to the offending value (`""` for the whole document).
    #[getter]
    fn path(&self) -> String {
        self.0.path.to_string()
    }

    /// The path as a tuple of keys (`str`) and indexes (`int`), like pydantic's `loc`.
    #[getter]
    fn loc<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items: Vec<Bound<'py, PyAny>> = self
            .0
            .path
            .segments()
            .iter()
            .map(|segment| match segment {
                Segment::Key(key) => Ok(key.as_ref().into_pyobject(py)?.into_any()),
                Segment::Index(index) => Ok(index.into_pyobject(py)?.into_any()),
            })
            .collect::<PyResult<_>>()?;
        PyTuple::new(py, items)
    }

    /// The stable snake_case code (`required`, `not_multiple`, `lint.volume_high`, ...).
    #[getter]
    fn code(&self) -> String {
        self.0.code.as_str().into_owned()
    }

    /// What was expected and what was found.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// `"error"` or `"warning"`.
    #[getter]
    fn severity(&self) -> &'static str {
        severity(&self.0)
    }

    /// `{"path", "code", "message", "severity"}`, as the Rust examples print an issue.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("path", self.path())?;
        dict.set_item("code", self.code())?;
        dict.set_item("message", self.message())?;
        dict.set_item("severity", self.severity())?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Issue(path={:?}, code={:?}, message={:?}, severity={:?})",
            self.path(),
            self.code(),
            self.0.message,
            self.severity()
        )
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

/// The verdict on one document: `valid` (no error; warnings allowed) and every issue in
/// document order.
#[pyclass(name = "ValidationResult", module = "replog", frozen)]
pub(crate) struct PyValidationResult {
    valid: bool,
    issues: Py<PyList>,
}

#[pymethods]
impl PyValidationResult {
    /// Whether the document has no error.
    #[getter]
    fn valid(&self) -> bool {
        self.valid
    }

    /// Every issue, in document order.
    #[getter]
    fn issues(&self, py: Python<'_>) -> Py<PyList> {
        self.issues.clone_ref(py)
    }

    /// The errors alone.
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let errors = PyList::empty(py);
        for issue in self.issues.bind(py).iter() {
            if issue.cast::<PyIssue>()?.get().0.is_error() {
                errors.append(issue)?;
            }
        }
        Ok(errors)
    }

    /// `{"valid": bool, "issues": [{"path", "code", "message", "severity"}, ...]}`, the JSON
    /// the `validate` example prints.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("valid", self.valid)?;
        let issues = PyList::empty(py);
        for issue in self.issues.bind(py).iter() {
            issues.append(issue.cast::<PyIssue>()?.get().to_dict(py)?)?;
        }
        dict.set_item("issues", issues)?;
        Ok(dict)
    }

    fn __bool__(&self) -> bool {
        self.valid
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        self.issues.bind(py).len()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "ValidationResult(valid={}, issues=<{} issue(s)>)",
            if self.valid { "True" } else { "False" },
            self.issues.bind(py).len()
        )
    }
}

impl PyValidationResult {
    fn new(py: Python<'_>, issues: Vec<Issue>) -> PyResult<Self> {
        let valid = !issues.iter().any(Issue::is_error);
        let issues = PyList::new(py, issues.into_iter().map(PyIssue::from))?;
        Ok(Self {
            valid,
            issues: issues.unbind(),
        })
    }
}

/// A validator for the keyword arguments `catalogs` (host documents whose exercises
/// references may resolve to) and `equipment`.
pub(crate) fn validator(
    catalogs: Option<&Bound<'_, PyAny>>,
    equipment: Option<Vec<String>>,
) -> PyResult<Validator> {
    let mut validator = Validator::new();
    if let Some(catalogs) = catalogs {
        validator = validator.with_exercises(&host_exercises(catalogs)?);
    }
    if let Some(equipment) = equipment {
        validator = validator.with_equipment(equipment);
    }
    Ok(validator)
}

/// The exercises of host catalogs given as one document or a list of documents.
pub(crate) fn host_exercises(catalogs: &Bound<'_, PyAny>) -> PyResult<Vec<Exercise>> {
    let mut exercises = Vec::new();
    if catalogs.is_instance_of::<PyList>() || catalogs.is_instance_of::<PyTuple>() {
        for catalog in catalogs.try_iter()? {
            exercises.extend(catalog_document(&catalog?)?.exercises);
        }
    } else {
        exercises.extend(catalog_document(catalogs)?.exercises);
    }
    Ok(exercises)
}

/// A CatalogJSON document given as `bytes`, `str` or parsed data, or a `ValidationError`.
pub(crate) fn catalog_document(data: &Bound<'_, PyAny>) -> PyResult<Catalog> {
    catalog_with(data, &Validator::new())
}

fn catalog_with(data: &Bound<'_, PyAny>, validator: &Validator) -> PyResult<Catalog> {
    let py = data.py();
    let validation = match Document::extract(data)? {
        Document::Text(bytes) => py.detach(|| validator.validate(&bytes)),
        Document::Value(json) => validator.validate_value(&json),
    };
    into_document(py, "CatalogJSON", validation)
}

/// A Logbook JSON document given as `bytes`, `str` or parsed data, or a `ValidationError`.
pub(crate) fn logbook_document(data: &Bound<'_, PyAny>) -> PyResult<Logbook> {
    logbook_with(data, &Validator::new())
}

fn logbook_with(data: &Bound<'_, PyAny>, validator: &Validator) -> PyResult<Logbook> {
    let py = data.py();
    let validation = match Document::extract(data)? {
        Document::Text(bytes) => py.detach(|| validator.validate_logbook(&bytes)),
        Document::Value(json) => validator.validate_logbook_value(&json),
    };
    into_document(py, "Logbook JSON", validation)
}

fn into_document<T: replog_catalog::Root>(
    py: Python<'_>,
    title: &str,
    validation: Validation<T>,
) -> PyResult<T> {
    let valid = validation.is_valid();
    match validation.into_parts() {
        (Some(document), _) if valid => Ok(document),
        (_, issues) => Err(validation_error(py, title, &issues)),
    }
}

/// Validates a CatalogJSON document (`bytes`, `str` or parsed data) against the host's
/// catalogs and the athlete's equipment: every issue, in document order.
#[pyfunction]
#[pyo3(signature = (data, *, catalogs=None, equipment=None))]
pub(crate) fn validate_catalog(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    catalogs: Option<&Bound<'_, PyAny>>,
    equipment: Option<Vec<String>>,
) -> PyResult<PyValidationResult> {
    let validator = validator(catalogs, equipment)?;
    let issues = match Document::extract(data)? {
        // The verdict alone: the validator skips building the document.
        Document::Text(bytes) => py.detach(|| validator.issues(&bytes)),
        Document::Value(json) => validator.validate_value(&json).into_parts().1,
    };
    PyValidationResult::new(py, issues)
}

/// Parses a CatalogJSON document into plain Python data, or raises `ValidationError` with
/// every issue.
#[pyfunction]
#[pyo3(signature = (data, *, catalogs=None, equipment=None))]
pub(crate) fn parse_catalog<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    catalogs: Option<&Bound<'py, PyAny>>,
    equipment: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyAny>> {
    let catalog = catalog_with(data, &validator(catalogs, equipment)?)?;
    to_python(py, &catalog)
}

/// Validates a Logbook JSON document (`bytes`, `str` or parsed data); its templates are
/// checked against the host's catalogs.
#[pyfunction]
#[pyo3(signature = (data, *, catalogs=None))]
pub(crate) fn validate_logbook(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    catalogs: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyValidationResult> {
    let validator = validator(catalogs, None)?;
    let issues = match Document::extract(data)? {
        Document::Text(bytes) => py.detach(|| validator.logbook_issues(&bytes)),
        Document::Value(json) => validator.validate_logbook_value(&json).into_parts().1,
    };
    PyValidationResult::new(py, issues)
}

/// Parses a Logbook JSON document into plain Python data, or raises `ValidationError`.
#[pyfunction]
#[pyo3(signature = (data, *, catalogs=None))]
pub(crate) fn parse_logbook<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    catalogs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let logbook = logbook_with(data, &validator(catalogs, None)?)?;
    to_python(py, &logbook)
}

/// Registers this module's functions and classes.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyIssue>()?;
    m.add_class::<PyValidationResult>()?;
    m.add_function(wrap_pyfunction!(validate_catalog, m)?)?;
    m.add_function(wrap_pyfunction!(parse_catalog, m)?)?;
    m.add_function(wrap_pyfunction!(validate_logbook, m)?)?;
    m.add_function(wrap_pyfunction!(parse_logbook, m)?)?;
    Ok(())
}
