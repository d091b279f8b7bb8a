//! Hevy's `workouts.csv`: one row per set, `weight_kg` and/or `weight_lbs`, `distance_km`
//! and/or `distance_miles`, `set_type` normal/warmup/dropset/failure, 0-based `set_index`.

use replog_core::{Logbook, SetKind, Unit};

use super::build::{Amount, Builder, Columns, SetRow};
use super::report::{ImportError, ImportErrorKind, ImportReport, Place};
use super::table::{Header, Row, check_width, warn_unread};
use super::values::{self, DateReader, REPS_MAX};
use super::{AppFormat, ImportOptions, require_rows, units};

/// A quantity given in one or two columns of different units.
#[derive(Debug, Clone, Copy)]
struct Pair {
    /// The column read first, and the factor to the logbook's unit (or metres).
    main: Option<(usize, f64)>,
    /// The column read when the first is empty or 0 in a row.
    other: Option<(usize, f64)>,
}

impl Pair {
    /// The value of a row: the main column's, else the other's converted, with a warning.
    fn read(
        self,
        row: &Row,
        header: &Header,
        decimal_comma: bool,
        report: &mut ImportReport,
    ) -> Result<Option<f64>, ImportError> {
        let n = row.number;
        let mut value = None;
        if let Some((column, factor)) = self.main {
            value = values::number(row.get(column), decimal_comma, n, header.name(column))?
                .map(|v| v * factor);
        }
        if let (None | Some(0.0), Some((column, factor))) = (value, self.other)
            && units::loaded(row.get(column))
        {
            value = values::number(row.get(column), decimal_comma, n, header.name(column))?
                .map(|v| v * factor);
            if let Some((main, _)) = self.main {
                report.warn(
                    Place::cell(n, header.name(column)),
                    format!(
                        "{:?} is empty, so this value was converted",
                        header.name(main)
                    ),
                );
            }
        }
        Ok(value)
    }
}

pub(super) fn import(
    header: &Header,
    data: &[Row],
    decimal_comma: bool,
    options: &ImportOptions<'_>,
) -> Result<(Logbook, ImportReport), ImportError> {
    require_rows(data, AppFormat::Hevy)?;
    let need = |names: &[&str]| header.require(names, 1);
    let at = |names: &[&str]| header.find(names);
    let start = need(&["start_time"])?;
    let exercise = need(&["exercise_title"])?;
    let set_type = at(&["set_type"]);
    let title = at(&["title"]);
    let end = at(&["end_time"]);
    let description = at(&["description"]);
    let exercise_notes = at(&["exercise_notes"]);
    let reps = at(&["reps"]);
    let seconds = at(&["duration_seconds"]);
    let rpe = at(&["rpe"]);
    let kg = at(&["weight_kg"]);
    let lbs = at(&["weight_lbs", "weight_lb"]);
    let km = at(&["distance_km"]);
    let miles = at(&["distance_miles"]);

    // Sets are numbered again from their order; supersets have no place in a logbook.
    header.known(&["set_index", "superset_id"]);
    let mut builder = Builder::new(options.catalog);
    warn_unread(header, data, &mut builder.report);
    // Which weight column leads: the only one; else the unit asked for (kg by default),
    // unless that column is empty throughout and the other is not.
    let (unit, weight) = match (kg, lbs) {
        (None, None) => {
            return Err(ImportError::at(
                ImportErrorKind::MissingColumn,
                Place::row(1),
                "the header has neither a \"weight_kg\" nor a \"weight_lbs\" column",
            ));
        }
        (Some(kg), None) => {
            let unit = units::stated(Unit::Kg, header.name(kg), options.unit, &mut builder.report);
            (
                unit,
                Pair {
                    main: Some((kg, 1.0)),
                    other: None,
                },
            )
        }
        (None, Some(lbs)) => {
            let unit = units::stated(
                Unit::Lb,
                header.name(lbs),
                options.unit,
                &mut builder.report,
            );
            (
                unit,
                Pair {
                    main: Some((lbs, 1.0)),
                    other: None,
                },
            )
        }
        (Some(kg), Some(lbs)) => {
            let preferred = options.unit.unwrap_or(Unit::Kg);
            let (first, second, other_unit) = match preferred {
                Unit::Kg => (kg, lbs, Unit::Lb),
                Unit::Lb => (lbs, kg, Unit::Kg),
            };
            if !units::any_loaded(data, first) && units::any_loaded(data, second) {
                // The preferred column is empty throughout: read the other, converted to
                // the unit asked for, else in its own unit.
                let unit = if options.unit.is_some() {
                    preferred
                } else {
                    other_unit
                };
                builder.report.warn(
                    Place::cell(1, header.name(second)),
                    format!(
                        "{:?} is empty throughout, so weights were read from {:?} (in {})",
                        header.name(first),
                        header.name(second),
                        units::name(unit)
                    ),
                );
                let factor = units::factor(other_unit, unit);
                (
                    unit,
                    Pair {
                        main: Some((second, factor)),
                        other: None,
                    },
                )
            } else {
                let factor = units::factor(other_unit, preferred);
                (
                    preferred,
                    Pair {
                        main: Some((first, 1.0)),
                        other: Some((second, factor)),
                    },
                )
            }
        }
    };
    let distance = match (km, miles) {
        (Some(km), miles) if units::any_loaded(data, km) || miles.is_none() => Pair {
            main: Some((km, 1000.0)),
            other: miles.map(|m| (m, 1609.344)),
        },
        (km, Some(miles)) => Pair {
            main: Some((miles, 1609.344)),
            other: km.map(|k| (k, 1000.0)),
        },
        _ => Pair {
            main: None,
            other: None,
        },
    };
    let dates = DateReader::for_column(data, start, header.name(start))?;
    let end_dates = match end {
        Some(end) => Some(DateReader::for_column(data, end, header.name(end))?),
        None => None,
    };
    let columns = Columns {
        reps: reps.map_or("reps", |c| header.name(c)),
        seconds: seconds.map_or("duration_seconds", |c| header.name(c)),
        distance: km.or(miles).map_or("distance_km", |c| header.name(c)),
    };
    let mut numeric_types_noted = false;
    // (workout, exercise) pairs whose exercise notes were kept already.
    let mut noted = foldhash::HashSet::default();

    for row in data {
        let n = row.number;
        if row.is_blank() {
            continue;
        }
        builder.report.rows += 1;
        check_width(row, header)?;
        let started = dates.read(row.get(start), n, header.name(start))?;
        let name = row.get(exercise);
        if name.is_empty() {
            return Err(ImportError::bad_value(
                n,
                header.name(exercise),
                "the exercise title is empty",
            ));
        }
        let type_text = row.cell(set_type);
        let (kind, numeric) = set_kind(type_text).ok_or_else(|| {
            ImportError::bad_value(
                n,
                set_type.map_or("set_type", |c| header.name(c)),
                format!("{type_text:?} is not a set type (normal, warmup, dropset, failure)"),
            )
        })?;
        if numeric && !numeric_types_noted {
            numeric_types_noted = true;
            builder.report.warn(
                Place::cell(n, set_type.map_or("set_type", |c| header.name(c))),
                "set types are numbers; read 1 as normal, 2 warmup, 3 dropset, 4 failure",
            );
        }
        let load = weight.read(row, header, decimal_comma, &mut builder.report)?;
        let weight_column = weight.main.map_or("weight_kg", |(c, _)| header.name(c));
        let load = values::checked_load(load, n, weight_column)?;
        let metres = distance.read(row, header, decimal_comma, &mut builder.report)?;
        if metres.is_some_and(|m| m < 0.0) {
            return Err(ImportError::bad_value(
                n,
                columns.distance,
                "the distance is negative",
            ));
        }
        let secs = match seconds {
            None => None,
            Some(c) => {
                values::count(row.get(c), decimal_comma, 86_400, n, header.name(c))?.map(f64::from)
            }
        };
        let amount = Amount {
            reps: values::count(row.cell(reps), decimal_comma, REPS_MAX, n, columns.reps)?,
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
        let duration = match (end, end_dates) {
            (Some(end), Some(reader)) if !row.get(end).is_empty() => {
                let ended = reader.read(row.get(end), n, header.name(end))?;
                let seconds = started.duration_until(ended).as_secs();
                if seconds < 0 {
                    builder.report.warn(
                        Place::cell(n, header.name(end)),
                        "the workout ends before it starts; its duration was left out",
                    );
                }
                u32::try_from(seconds)
                    .ok()
                    .filter(|s| *s > 0 && *s <= 86_400)
            }
            _ => None,
        };
        let workout = builder.workout(
            n,
            (started, row.cell(title)),
            row.cell(title),
            duration,
            row.cell(description),
        )?;
        // Hevy repeats the exercise's notes on each of its sets; keep them on the first.
        let notes = row.cell(exercise_notes);
        let notes = (!notes.is_empty() && noted.insert((workout, name.to_owned())))
            .then(|| notes.to_owned());
        let set = SetRow {
            exercise: name.to_owned(),
            amount,
            weight: load,
            rpe: rpe_value,
            kind,
            notes,
        };
        builder.push(n, workout, set, &columns)?;
    }
    builder.finish(&options.athlete, Some(unit))
}

/// The kind a `set_type` cell names, and whether it was a number (the openweight fixtures
/// write 1-4; Hevy's own exports write words).
fn set_kind(text: &str) -> Option<(SetKind, bool)> {
    let kind = match text.to_ascii_lowercase().as_str() {
        "" | "normal" => (SetKind::Working, false),
        "warmup" | "warm_up" | "warm-up" => (SetKind::WarmUp, false),
        "dropset" | "drop_set" | "drop" => (SetKind::Drop, false),
        "failure" => (SetKind::Failure, false),
        "1" => (SetKind::Working, true),
        "2" => (SetKind::WarmUp, true),
        "3" => (SetKind::Drop, true),
        "4" => (SetKind::Failure, true),
        _ => return None,
    };
    Some(kind)
}
