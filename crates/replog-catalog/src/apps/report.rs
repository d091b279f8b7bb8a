//! What an import tells its caller besides the logbook: counts, name resolution, warnings,
//! and the error that stops an import, each naming the row and column a user can find.

use std::fmt;

use replog_core::SetKind;
use serde::Serialize;
use thiserror::Error;

/// Where something was found: the 1-based row as a spreadsheet shows it (the header is row
/// 1; a quoted note spanning lines is still one row) and the column's header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The row, when one row is to blame.
    pub row: Option<u64>,
    /// The column's header as the file spells it, when one column is to blame.
    pub column: Option<String>,
}

impl Place {
    /// A place naming a row only.
    pub(crate) fn row(row: u64) -> Self {
        Self {
            row: Some(row),
            column: None,
        }
    }

    /// A place naming a row and a column.
    pub(crate) fn cell(row: u64, column: &str) -> Self {
        Self {
            row: Some(row),
            column: Some(column.to_owned()),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.column) {
            (Some(row), Some(column)) => write!(f, "row {row}, column {column:?}"),
            (Some(row), None) => write!(f, "row {row}"),
            (None, Some(column)) => write!(f, "column {column:?}"),
            (None, None) => Ok(()),
        }
    }
}

/// Why an import stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ImportErrorKind {
    /// The file holds nothing at all.
    Empty,
    /// The file has a header and no sets.
    NoWorkouts,
    /// The header is not one of the supported apps' layouts.
    UnknownFormat,
    /// A column the format needs is absent.
    MissingColumn,
    /// Nothing says whether weights are kilograms or pounds.
    UnitUnknown,
    /// The file is not well-formed CSV text (not UTF-8, a row with the wrong number of
    /// cells, an unclosed quote).
    Malformed,
    /// A cell cannot be read, or holds a value a logbook cannot hold.
    BadValue,
    /// The file holds more than a logbook may (workouts, or sets in one workout).
    TooMany,
}

impl ImportErrorKind {
    /// The kind as a stable snake_case code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::NoWorkouts => "no_workouts",
            Self::UnknownFormat => "unknown_format",
            Self::MissingColumn => "missing_column",
            Self::UnitUnknown => "unit_unknown",
            Self::Malformed => "malformed",
            Self::BadValue => "bad_value",
            Self::TooMany => "too_many",
        }
    }
}

/// An import that failed, with the row and column to look at.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
pub struct ImportError {
    /// What went wrong, as a stable code.
    pub kind: ImportErrorKind,
    /// Where, when one row or column is to blame.
    pub place: Place,
    /// What went wrong, for a person.
    pub message: String,
}

impl ImportError {
    /// An error about the whole file.
    pub(crate) fn file(kind: ImportErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            place: Place::default(),
            message: message.into(),
        }
    }

    /// An error at a place.
    pub(crate) fn at(kind: ImportErrorKind, place: Place, message: impl Into<String>) -> Self {
        Self {
            kind,
            place,
            message: message.into(),
        }
    }

    /// A cell that cannot be read.
    pub(crate) fn bad_value(row: u64, column: &str, message: impl Into<String>) -> Self {
        Self::at(ImportErrorKind::BadValue, Place::cell(row, column), message)
    }

    /// The row to look at, if one is to blame.
    pub fn row(&self) -> Option<u64> {
        self.place.row
    }

    /// The column to look at, if one is to blame.
    pub fn column(&self) -> Option<&str> {
        self.place.column.as_deref()
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place == Place::default() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

/// Something the import did that the user should know about: a value dropped, a duration
/// not understood, a unit assumed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportWarning {
    /// Where.
    pub place: Place,
    /// What happened, for a person.
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place == Place::default() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

/// How many sets of each kind were imported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SetKindCounts {
    /// Working sets.
    pub working: usize,
    /// Warm-up sets.
    pub warm_up: usize,
    /// Drop sets.
    pub drop: usize,
    /// Sets to failure.
    pub failure: usize,
}

impl SetKindCounts {
    pub(crate) fn add(&mut self, kind: SetKind) {
        match kind {
            SetKind::Working => self.working += 1,
            SetKind::WarmUp => self.warm_up += 1,
            SetKind::Drop => self.drop += 1,
            SetKind::Failure => self.failure += 1,
        }
    }

    /// Every set counted.
    pub fn total(&self) -> usize {
        self.working + self.warm_up + self.drop + self.failure
    }
}

/// An app's exercise name that the catalog knows, and the catalog's name for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolvedName {
    /// The name as the app wrote it (trimmed).
    pub app: String,
    /// The catalog's name, which the logbook uses.
    pub catalog: String,
}

/// What an import did, for the user to check.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    /// Data rows read (header and section lines not counted; rest-timer rows counted).
    pub rows: u64,
    /// Workouts in the logbook.
    pub workouts: usize,
    /// Sets in the logbook, by kind.
    pub sets: SetKindCounts,
    /// Strong's `Rest Timer` rows, which are not sets and were skipped.
    pub rest_timer_rows: u64,
    /// Exercise names the catalog resolved, each once, in the order first met.
    pub resolved: Vec<ResolvedName>,
    /// Exercise names kept as the app wrote them (no catalog, or the catalog does not know
    /// them), each once, in the order first met.
    pub unresolved: Vec<String>,
    /// Everything the import changed, dropped or assumed, in file order.
    pub warnings: Vec<ImportWarning>,
}

impl ImportReport {
    pub(crate) fn warn(&mut self, place: Place, message: impl Into<String>) {
        self.warnings.push(ImportWarning {
            place,
            message: message.into(),
        });
    }
}
