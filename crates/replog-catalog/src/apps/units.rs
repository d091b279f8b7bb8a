//! Units: which one a file's weights are in (header, option, or a column per row), and
//! conversions to the logbook's unit and to metres.

use replog_core::Unit;

use super::report::{ImportError, ImportErrorKind, ImportReport, Place};
use super::table::Row;

/// Kilograms in a pound, exactly.
const KG_PER_LB: f64 = 0.453_592_37;

/// The factor that turns a weight in `from` into one in `to`.
pub(crate) fn factor(from: Unit, to: Unit) -> f64 {
    match (from, to) {
        (Unit::Kg, Unit::Lb) => 1.0 / KG_PER_LB,
        (Unit::Lb, Unit::Kg) => KG_PER_LB,
        _ => 1.0,
    }
}

/// The unit a weight unit cell or header suffix names: `kg`, `kgs`, `lb`, `lbs`.
pub(crate) fn weight_unit(text: &str) -> Option<Unit> {
    match text.trim().to_ascii_lowercase().as_str() {
        "kg" | "kgs" | "kilograms" => Some(Unit::Kg),
        "lb" | "lbs" | "pounds" => Some(Unit::Lb),
        _ => None,
    }
}

/// Metres in one of a distance unit: `m`, `km`, `mi`, `ft`, `yd` and their long forms.
pub(crate) fn metres_per(text: &str) -> Option<f64> {
    match text.trim().to_ascii_lowercase().as_str() {
        "m" | "meter" | "meters" | "metre" | "metres" => Some(1.0),
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => Some(1000.0),
        "mi" | "mile" | "miles" => Some(1609.344),
        "ft" | "feet" => Some(0.3048),
        "yd" | "yard" | "yards" => Some(0.9144),
        _ => None,
    }
}

/// The unit name as a person writes it.
pub(crate) fn name(unit: Unit) -> &'static str {
    match unit {
        Unit::Kg => "kg",
        Unit::Lb => "lb",
    }
}

/// The logbook's unit for a file whose header says `stated`: the header wins over the
/// option, with a warning when they differ.
pub(crate) fn stated(
    stated: Unit,
    column: &str,
    option: Option<Unit>,
    report: &mut ImportReport,
) -> Unit {
    if let Some(option) = option.filter(|&o| o != stated) {
        report.warn(
            Place {
                row: Some(1),
                column: Some(column.to_owned()),
            },
            format!(
                "the file's weights are in {} (column {column:?}), so the unit {} asked for \
                 was not used",
                name(stated),
                name(option)
            ),
        );
    }
    stated
}

/// The logbook's unit for a file whose header does not say: the option, or an error when
/// some weight needs one; `None` when every weight is empty or zero.
pub(crate) fn unstated(
    option: Option<Unit>,
    weights: impl IntoIterator<Item = (u64, bool)>,
    column: &str,
    app: &str,
) -> Result<Option<Unit>, ImportError> {
    if option.is_some() {
        return Ok(option);
    }
    match weights.into_iter().find(|&(_, loaded)| loaded) {
        None => Ok(None),
        Some((row, _)) => Err(ImportError::at(
            ImportErrorKind::UnitUnknown,
            Place::cell(row, column),
            format!(
                "the {app} export does not say whether weights are kg or lb; give the unit \
                 (ImportOptions::unit) the app was set to"
            ),
        )),
    }
}

/// Whether the cell at `column` of any row holds a non-zero number.
pub(crate) fn any_loaded(rows: &[Row], column: usize) -> bool {
    rows.iter().any(|row| loaded(row.get(column)))
}

/// Whether a cell holds a non-zero number (decimal commas allowed).
pub(crate) fn loaded(cell: &str) -> bool {
    cell.replace(',', ".")
        .parse::<f64>()
        .is_ok_and(|v| v != 0.0 && v.is_finite())
}
