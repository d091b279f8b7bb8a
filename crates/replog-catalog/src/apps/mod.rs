//! Import of the CSV exports of the workout apps people use (Strong, Hevy, FitNotes, JEFIT)
//! into a [`Logbook`], with a report of everything read, resolved, skipped or assumed.
//!
//! ```
//! use replog_catalog::apps::{AppFormat, ImportOptions, import_app_export};
//! use replog_core::{SetKind, Unit};
//!
//! let csv = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
//!            2024-01-15 10:30:00,Push,1h 23m,Bench Press (Barbell),W,40,10,0,0,,,\n\
//!            2024-01-15 10:30:00,Push,1h 23m,Bench Press (Barbell),1,100,5,0,0,,,8\n\
//!            2024-01-15 10:30:00,Push,1h 23m,Rest Timer,Rest Timer,0,0,0,90,,,\n";
//! let options = ImportOptions { unit: Some(Unit::Kg), ..ImportOptions::default() };
//! let import = import_app_export(csv.as_bytes(), &options)?;
//! assert_eq!(import.format, AppFormat::Strong);
//! let workout = &import.logbook.workouts[0];
//! assert_eq!(workout.duration_seconds, Some(4980));
//! assert_eq!(workout.sets[0].kind, SetKind::WarmUp);
//! assert_eq!((workout.sets[1].set_number, workout.sets[1].weight), (2, Some(100.0)));
//! assert_eq!(import.report.rest_timer_rows, 1);
//! # Ok::<(), replog_catalog::apps::ImportError>(())
//! ```

mod build;
mod fitnotes;
mod hevy;
mod jefit;
mod report;
mod strong;
mod table;
mod units;
mod values;

use replog_core::{ExerciseIndex, Logbook, Unit};
use serde::{Deserialize, Serialize};

pub use report::{
    ImportError, ImportErrorKind, ImportReport, ImportWarning, Place, ResolvedName, SetKindCounts,
};

use report::ImportErrorKind as Kind;
use table::{Header, Row};

/// The app a CSV export came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppFormat {
    /// Strong: the classic comma layout, the older `;` layout with unit columns, and
    /// Strong 6's `;` layout with units in the header.
    Strong,
    /// Hevy's `workouts.csv`.
    Hevy,
    /// FitNotes' CSV export (`"fitnotes"`: the app's name is one word).
    #[serde(rename = "fitnotes")]
    FitNotes,
    /// JEFIT's sectioned export (`### WORKOUT SESSIONS ###`, `### EXERCISE LOGS ###`).
    Jefit,
}

impl AppFormat {
    /// The app whose layout this header row is (the first line of the file, BOM and quotes
    /// allowed); `None` when it is none of them.
    pub fn detect(header: &str) -> Option<Self> {
        let header = header.trim_start_matches('\u{feff}');
        if header.trim_start().starts_with("###") {
            return header.contains("WORKOUT SESSIONS").then_some(Self::Jefit);
        }
        let text = header.lines().next().unwrap_or("");
        let row = Row {
            number: 1,
            cells: text
                .split([',', ';'])
                .map(|cell| cell.trim().to_owned())
                .collect(),
        };
        Self::detect_header(&Header::new(&row))
    }

    fn detect_header(header: &Header) -> Option<Self> {
        if header.has_all(&["exercise_title", "start_time"]) {
            Some(Self::Hevy)
        } else if header.has_all(&["Exercise Name", "Set Order"]) {
            Some(Self::Strong)
        } else if header.has_all(&["Date", "Exercise", "Category", "Reps"]) {
            Some(Self::FitNotes)
        } else if header.has_all(&["belongsession", "ename", "logs"]) {
            Some(Self::Jefit)
        } else {
            None
        }
    }

    /// The app's name as people write it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Strong => "Strong",
            Self::Hevy => "Hevy",
            Self::FitNotes => "FitNotes",
            Self::Jefit => "JEFIT",
        }
    }
}

/// How to import an export.
#[derive(Debug, Clone)]
pub struct ImportOptions<'a> {
    /// The app, when known; detected from the header otherwise.
    pub format: Option<AppFormat>,
    /// The unit weights are in, for files whose header does not say (Strong classic,
    /// JEFIT); the preferred one when a file has both kg and lb columns (Hevy). A header
    /// that names one unit wins over this, with a warning.
    pub unit: Option<Unit>,
    /// The athlete's name in the logbook.
    pub athlete: String,
    /// The catalog to resolve exercise names against; names it does not know are kept as
    /// the app wrote them.
    pub catalog: Option<&'a ExerciseIndex>,
}

impl Default for ImportOptions<'_> {
    fn default() -> Self {
        Self {
            format: None,
            unit: None,
            athlete: "Athlete".to_owned(),
            catalog: None,
        }
    }
}

/// An imported export: the app it came from, the logbook, and what the import did.
#[derive(Debug, Clone, PartialEq)]
pub struct AppImport {
    /// The app the export came from.
    pub format: AppFormat,
    /// The workouts, sorted by date.
    pub logbook: Logbook,
    /// Counts, names resolved and not, warnings.
    pub report: ImportReport,
}

/// Imports an app's CSV export (UTF-8, with or without BOM, LF or CRLF, `,` or `;`).
///
/// # Errors
///
/// An [`ImportError`] naming the row and column when the file is empty or has no sets, is
/// not a known layout, does not say its unit and none is given, or holds a cell that cannot
/// be read (a bad date, non-numeric reps, a load out of range). Nothing is skipped silently:
/// what is dropped or assumed is in the report's warnings.
pub fn import_app_export(
    text: &[u8],
    options: &ImportOptions<'_>,
) -> Result<AppImport, ImportError> {
    let text = table::decode(text)?;
    if text.trim().is_empty() {
        return Err(ImportError::file(
            Kind::Empty,
            "the file is empty: no workouts",
        ));
    }
    let delimiter = table::delimiter(text);
    let rows = table::read_rows(text, delimiter)?;
    let format = match options.format {
        Some(format) => format,
        None => detect(text, &rows)?,
    };
    let (logbook, report) = match format {
        AppFormat::Jefit => jefit::import(&rows, options)?,
        _ => {
            let (first, data) = rows
                .split_first()
                .ok_or_else(|| ImportError::file(Kind::Empty, "the file is empty: no workouts"))?;
            let header = Header::new(first);
            let decimal_comma = delimiter == b';';
            match format {
                AppFormat::Strong => strong::import(&header, data, decimal_comma, options)?,
                AppFormat::Hevy => hevy::import(&header, data, decimal_comma, options)?,
                _ => fitnotes::import(&header, data, decimal_comma, options)?,
            }
        }
    };
    Ok(AppImport {
        format,
        logbook,
        report,
    })
}

fn detect(text: &str, rows: &[Row]) -> Result<AppFormat, ImportError> {
    if let Some(format) = AppFormat::detect(text) {
        return Ok(format);
    }
    let found = rows
        .first()
        .map(|row| row.cells.join(", "))
        .unwrap_or_default();
    Err(ImportError::at(
        Kind::UnknownFormat,
        Place::row(1),
        format!(
            "the header is not a Strong, Hevy, FitNotes or JEFIT export (it has {found}); \
             export the workouts again from the app as CSV"
        ),
    ))
}

/// Fails when the data rows hold no row at all: the header-only case.
pub(crate) fn require_rows(data: &[Row], format: AppFormat) -> Result<(), ImportError> {
    if data.iter().all(Row::is_blank) {
        return Err(ImportError::file(
            Kind::NoWorkouts,
            format!(
                "no workouts: the {} export has a header and no rows",
                format.name()
            ),
        ));
    }
    Ok(())
}
