//! Strong's exports: the classic comma layout, the older `;` layout with `Weight Unit` and
//! `Distance Unit` columns, and Strong 6's `;` layout with units in the header
//! (`Weight (kg)`, `Distance (meters)`, `Duration (sec)`), `W`/`D`/`F` set orders and
//! `Rest Timer` rows.

use replog_core::{Logbook, SetKind, Unit};

use super::build::{Amount, Builder, Columns, SetRow};
use super::report::{ImportError, ImportReport, Place};
use super::table::{Header, Row, check_width, warn_unread};
use super::values::{self, DateReader, Duration, REPS_MAX};
use super::{AppFormat, ImportOptions, require_rows, units};

/// How a file gives its weights' unit.
enum WeightUnit {
    /// One unit for the file (header or option); `None` when no weight needs one.
    File(Option<Unit>),
    /// A `Weight Unit` column per row, converted to this logbook unit.
    PerRow(usize, Unit),
}

/// How a file gives its distances' unit.
enum DistanceUnit {
    /// Metres per unit for the whole file.
    File(f64),
    /// A `Distance Unit` column per row.
    PerRow(usize),
}

pub(super) fn import(
    header: &Header,
    data: &[Row],
    decimal_comma: bool,
    options: &ImportOptions<'_>,
) -> Result<(Logbook, ImportReport), ImportError> {
    require_rows(data, AppFormat::Strong)?;
    let at = |names: &[&str]| header.find(names);
    let need = |names: &[&str]| header.require(names, 1);
    let date = need(&["Date"])?;
    let exercise = need(&["Exercise Name"])?;
    let order = need(&["Set Order"])?;
    let reps = need(&["Reps"])?;
    let weight = need(&[
        "Weight",
        "Weight (kg)",
        "Weight (kgs)",
        "Weight (lbs)",
        "Weight (lb)",
    ])?;
    let workout_name = at(&["Workout Name"]);
    let duration = at(&["Duration", "Duration (sec)", "Duration (seconds)"]);
    let distance = at(&[
        "Distance",
        "Distance (meters)",
        "Distance (m)",
        "Distance (km)",
        "Distance (miles)",
        "Distance (mi)",
    ]);
    let seconds = at(&["Seconds", "Seconds (sec)"]);
    let notes = at(&["Notes"]);
    let workout_notes = at(&["Workout Notes"]);
    let rpe = at(&["RPE"]);
    let set_type = at(&["Set Type"]);

    header.known(&["Workout #"]);
    let mut builder = Builder::new(options.catalog);
    let weight_name = header.name(weight);
    let weight_unit = match (suffix(weight_name), at(&["Weight Unit"])) {
        (Some(unit), _) => WeightUnit::File(Some(units::stated(
            unit,
            weight_name,
            options.unit,
            &mut builder.report,
        ))),
        (None, Some(column)) => {
            let first = data
                .iter()
                .find_map(|row| units::weight_unit(row.get(column)));
            match options.unit.or(first) {
                Some(unit) => WeightUnit::PerRow(column, unit),
                None => WeightUnit::File(unstated(options.unit, data, weight, weight_name)?),
            }
        }
        (None, None) => WeightUnit::File(unstated(options.unit, data, weight, weight_name)?),
    };
    let distance_unit = match distance {
        None => DistanceUnit::File(1.0),
        Some(column) => {
            let name = header.name(column);
            let stated = name
                .split_once('(')
                .and_then(|(_, unit)| units::metres_per(unit.trim_end_matches(')')));
            match (stated, at(&["Distance Unit"])) {
                (Some(per), _) => DistanceUnit::File(per),
                (None, Some(unit_column)) => DistanceUnit::PerRow(unit_column),
                (None, None) => {
                    if units::any_loaded(data, column) {
                        builder.report.warn(
                            Place::cell(1, name),
                            "the header does not give the distance unit; distances were read \
                             as metres",
                        );
                    }
                    DistanceUnit::File(1.0)
                }
            }
        }
    };
    // A unit column is not read when the header names the unit; the header wins.
    header.known(&["Weight Unit", "Distance Unit"]);
    warn_unread(header, data, &mut builder.report);
    let dates = DateReader::for_column(data, date, header.name(date))?;
    let columns = Columns {
        reps: header.name(reps),
        seconds: seconds.map_or("Seconds", |c| header.name(c)),
        distance: distance.map_or("Distance", |c| header.name(c)),
    };

    for row in data {
        let n = row.number;
        if row.is_blank() {
            continue;
        }
        builder.report.rows += 1;
        check_width(row, header)?;
        let order_text = row.get(order);
        if is_rest_timer(order_text) || is_rest_timer(row.get(exercise)) {
            builder.report.rest_timer_rows += 1;
            continue;
        }
        let at = dates.read(row.get(date), n, header.name(date))?;
        let name = row.get(exercise);
        if name.is_empty() {
            return Err(ImportError::bad_value(
                n,
                header.name(exercise),
                "the exercise name is empty",
            ));
        }
        let mut kind = set_kind(order_text).ok_or_else(|| {
            ImportError::bad_value(
                n,
                header.name(order),
                format!("{order_text:?} is not a set number, W, D, F or Rest Timer"),
            )
        })?;
        if let Some(column) = set_type {
            let text = row.get(column);
            if !text.is_empty() {
                kind = set_kind(text).ok_or_else(|| {
                    ImportError::bad_value(
                        n,
                        header.name(column),
                        format!("{text:?} is not a set type (Normal, Warm Up, Drop Set, Failure)"),
                    )
                })?;
            }
        }
        let load = match weight_unit {
            WeightUnit::File(_) => {
                values::load(row.get(weight), decimal_comma, 1.0, n, weight_name)?
            }
            WeightUnit::PerRow(column, unit) => {
                let text = row.get(column);
                let from = match units::weight_unit(text) {
                    Some(from) => from,
                    None if !units::loaded(row.get(weight)) => unit,
                    None => {
                        return Err(ImportError::bad_value(
                            n,
                            header.name(column),
                            format!("{text:?} is not a weight unit (kg or lbs)"),
                        ));
                    }
                };
                values::load(
                    row.get(weight),
                    decimal_comma,
                    units::factor(from, unit),
                    n,
                    weight_name,
                )?
            }
        };
        let metres = match distance {
            None => None,
            Some(column) => {
                let value = values::number(row.get(column), decimal_comma, n, header.name(column))?;
                let per = match distance_unit {
                    DistanceUnit::File(per) => per,
                    DistanceUnit::PerRow(unit_column) => {
                        let text = row.get(unit_column);
                        match units::metres_per(text) {
                            Some(per) => per,
                            None if value.is_none_or(|v| v == 0.0) => 1.0,
                            None => {
                                return Err(ImportError::bad_value(
                                    n,
                                    header.name(unit_column),
                                    format!("{text:?} is not a distance unit (m, km, mi, ft, yd)"),
                                ));
                            }
                        }
                    }
                };
                value.map(|v| v * per)
            }
        };
        if metres.is_some_and(|m| m < 0.0) {
            return Err(ImportError::bad_value(
                n,
                columns.distance,
                "the distance is negative",
            ));
        }
        let secs = match seconds {
            None => None,
            Some(column) => values::count(
                row.get(column),
                decimal_comma,
                REPS_MAX.max(86_400),
                n,
                header.name(column),
            )?
            .map(f64::from),
        };
        let amount = Amount {
            reps: values::count(row.get(reps), decimal_comma, REPS_MAX, n, columns.reps)?,
            seconds: secs,
            metres,
        };
        let rpe_value = match rpe {
            None => None,
            Some(column) => values::rpe(
                row.get(column),
                decimal_comma,
                n,
                header.name(column),
                &mut builder.report,
            )?,
        };
        let duration_text = row.cell(duration);
        let duration_seconds = match values::duration(duration_text) {
            Duration::Seconds(s) => Some(s),
            Duration::Unknown => None,
            Duration::Unreadable => {
                builder.report.warn(
                    Place::cell(n, duration.map_or("Duration", |c| header.name(c))),
                    format!("the duration {duration_text:?} was not understood and was left out"),
                );
                None
            }
        };
        let workout = builder.workout(
            n,
            (at, row.cell(workout_name)),
            row.cell(workout_name),
            duration_seconds,
            row.cell(workout_notes),
        )?;
        let set = SetRow {
            exercise: name.to_owned(),
            amount,
            weight: load,
            rpe: rpe_value,
            kind,
            notes: Some(row.cell(notes).to_owned()),
        };
        builder.push(n, workout, set, &columns)?;
    }
    let unit = match weight_unit {
        WeightUnit::File(unit) => unit,
        WeightUnit::PerRow(_, unit) => Some(unit),
    };
    builder.finish(&options.athlete, unit)
}

/// The unit a header like `Weight (kg)` names.
fn suffix(name: &str) -> Option<Unit> {
    let (_, unit) = name.split_once('(')?;
    units::weight_unit(unit.trim_end_matches(')'))
}

fn unstated(
    option: Option<Unit>,
    data: &[Row],
    weight: usize,
    column: &str,
) -> Result<Option<Unit>, ImportError> {
    let weights = data
        .iter()
        .map(|row| (row.number, units::loaded(row.get(weight))));
    units::unstated(option, weights, column, "Strong")
}

fn is_rest_timer(text: &str) -> bool {
    text.eq_ignore_ascii_case("rest timer")
}

/// The kind a `Set Order` or `Set Type` cell names: a number is a working set; `W`, `D`,
/// `F` (Strong 6) and the spelled-out names are warm-up, drop and failure.
fn set_kind(text: &str) -> Option<SetKind> {
    if text.is_empty() || text.bytes().all(|b| b.is_ascii_digit()) {
        return Some(SetKind::Working);
    }
    let key: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "normal" | "working" | "work" => Some(SetKind::Working),
        "w" | "warmup" => Some(SetKind::WarmUp),
        "d" | "drop" | "dropset" => Some(SetKind::Drop),
        "f" | "failure" => Some(SetKind::Failure),
        _ => None,
    }
}
