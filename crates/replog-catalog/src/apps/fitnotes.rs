//! FitNotes' CSV export: `Date,Exercise,Category,Weight (kg)|Weight (lbs),Reps,Distance,
//! Distance Unit,Time,Comment`, one row per set, one workout per day, no set kinds.

use replog_core::{Logbook, SetKind};

use super::build::{Amount, Builder, Columns, SetRow};
use super::report::{ImportError, ImportErrorKind, ImportReport, Place};
use super::table::{Header, Row, check_width, warn_unread};
use super::values::{self, DateReader, Duration, REPS_MAX};
use super::{AppFormat, ImportOptions, require_rows, units};

pub(super) fn import(
    header: &Header,
    data: &[Row],
    decimal_comma: bool,
    options: &ImportOptions<'_>,
) -> Result<(Logbook, ImportReport), ImportError> {
    require_rows(data, AppFormat::FitNotes)?;
    let date = header.require(&["Date"], 1)?;
    let exercise = header.require(&["Exercise"], 1)?;
    let reps = header.require(&["Reps"], 1)?;
    let weight = header
        .find(&[
            "Weight (kg)",
            "Weight (kgs)",
            "Weight (lbs)",
            "Weight (lb)",
            "Weight",
        ])
        .ok_or_else(|| {
            ImportError::at(
                ImportErrorKind::MissingColumn,
                Place::row(1),
                "the header has no \"Weight (kg)\" or \"Weight (lbs)\" column",
            )
        })?;
    let distance = header.find(&["Distance"]);
    let distance_unit = header.find(&["Distance Unit"]);
    let time = header.find(&["Time"]);
    let comment = header.find(&["Comment"]);

    // The category is the app's grouping of exercises, not a fact about a set.
    header.known(&["Category"]);
    let mut builder = Builder::new(options.catalog);
    warn_unread(header, data, &mut builder.report);
    let weight_name = header.name(weight);
    let unit = match weight_name
        .split_once('(')
        .and_then(|(_, unit)| units::weight_unit(unit.trim_end_matches(')')))
    {
        Some(unit) => Some(units::stated(
            unit,
            weight_name,
            options.unit,
            &mut builder.report,
        )),
        None => units::unstated(
            options.unit,
            data.iter()
                .map(|row| (row.number, units::loaded(row.get(weight)))),
            weight_name,
            "FitNotes",
        )?,
    };
    let dates = DateReader::for_column(data, date, header.name(date))?;
    let columns = Columns {
        reps: header.name(reps),
        seconds: time.map_or("Time", |c| header.name(c)),
        distance: distance.map_or("Distance", |c| header.name(c)),
    };

    for row in data {
        let n = row.number;
        if row.is_blank() {
            continue;
        }
        builder.report.rows += 1;
        check_width(row, header)?;
        // One workout per day: the time of day is not exported.
        let day = dates.read(row.get(date), n, header.name(date))?.date();
        let name = row.get(exercise);
        if name.is_empty() {
            return Err(ImportError::bad_value(
                n,
                header.name(exercise),
                "the exercise is empty",
            ));
        }
        let load = values::load(row.get(weight), decimal_comma, 1.0, n, weight_name)?;
        let metres = match distance {
            None => None,
            Some(column) => {
                let value = values::number(row.get(column), decimal_comma, n, header.name(column))?;
                match value.filter(|v| *v != 0.0) {
                    None => None,
                    Some(v) if v < 0.0 => {
                        return Err(ImportError::bad_value(
                            n,
                            header.name(column),
                            "the distance is negative",
                        ));
                    }
                    Some(v) => {
                        let text = row.cell(distance_unit);
                        let per = units::metres_per(text).ok_or_else(|| {
                            ImportError::bad_value(
                                n,
                                distance_unit.map_or("Distance Unit", |c| header.name(c)),
                                format!("{text:?} is not a distance unit (m, km, mi, ft, yd)"),
                            )
                        })?;
                        Some(v * per)
                    }
                }
            }
        };
        let time_text = row.cell(time);
        let seconds = match values::duration(time_text) {
            Duration::Seconds(s) => Some(f64::from(s)),
            Duration::Unknown => None,
            Duration::Unreadable => {
                return Err(ImportError::bad_value(
                    n,
                    columns.seconds,
                    format!("{time_text:?} is not a time (H:MM:SS)"),
                ));
            }
        };
        let amount = Amount {
            reps: values::count(row.get(reps), decimal_comma, REPS_MAX, n, columns.reps)?,
            seconds,
            metres,
        };
        let workout = builder.workout(
            n,
            (day.to_datetime(jiff::civil::Time::midnight()), ""),
            "",
            None,
            "",
        )?;
        let set = SetRow {
            exercise: name.to_owned(),
            amount,
            weight: load,
            rpe: None,
            kind: SetKind::Working,
            notes: Some(row.cell(comment).to_owned()),
        };
        builder.push(n, workout, set, &columns)?;
    }
    builder.finish(&options.athlete, unit)
}
