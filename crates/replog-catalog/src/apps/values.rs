//! Reading the cells app exports hold: numbers (with decimal commas where the separator
//! allows), date-times in the spellings the apps and spreadsheets use, free-text durations.

use jiff::SignedDuration;
use jiff::civil::DateTime;
use jiff::fmt::strtime;
use replog_core::limits::{LOGGED_REPS_MAX, WEIGHT_MAX, WORKOUT_SECONDS_MAX};

use super::report::{ImportError, ImportErrorKind, ImportReport, Place};
use super::table::Row;

/// A number from a cell: `None` when empty; finite only. With `decimal_comma`, `62,5`
/// reads as 62.5 (files separated by `;`, where a comma cannot be a separator).
pub(crate) fn number(
    text: &str,
    decimal_comma: bool,
    row: u64,
    column: &str,
) -> Result<Option<f64>, ImportError> {
    if text.is_empty() {
        return Ok(None);
    }
    let swapped;
    let text = if decimal_comma && text.contains(',') && !text.contains('.') {
        swapped = text.replacen(',', ".", 1);
        swapped.as_str()
    } else {
        text
    };
    // Rust reads "inf" and "NaN" as numbers; no app writes them for a real value.
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(ImportError::bad_value(
            row,
            column,
            format!("{text:?} is not a number"),
        )),
    }
}

/// A whole count from a cell (`5` or `5.0`) between 0 and `max`.
pub(crate) fn count(
    text: &str,
    decimal_comma: bool,
    max: u64,
    row: u64,
    column: &str,
) -> Result<Option<u32>, ImportError> {
    let Some(value) = number(text, decimal_comma, row, column)? else {
        return Ok(None);
    };
    whole(value, max).map(Some).ok_or_else(|| {
        ImportError::bad_value(
            row,
            column,
            format!("{text:?} is not a whole number from 0 to {max}"),
        )
    })
}

/// `value` as a whole number from 0 to `max`, if it is one.
pub(crate) fn whole(value: f64, max: u64) -> Option<u32> {
    let in_range = value >= 0.0 && value <= max as f64 && value.fract() == 0.0;
    // In range and whole, so the conversion is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    in_range.then_some(value as u32)
}

/// `value` rounded to a whole number from 0 to `max`, if it is in range.
pub(crate) fn rounded(value: f64, max: u64) -> Option<u32> {
    whole(value.round(), max)
}

/// A load from a cell, multiplied by `factor` (a unit conversion): `None` when empty or 0
/// (no load: bodyweight); an error when negative or above what a logbook holds.
pub(crate) fn load(
    text: &str,
    decimal_comma: bool,
    factor: f64,
    row: u64,
    column: &str,
) -> Result<Option<f64>, ImportError> {
    let value = number(text, decimal_comma, row, column)?;
    checked_load(value.map(|v| v * factor), row, column)
}

/// A load in the logbook's unit: `None` when absent or 0; an error when negative or above
/// what a logbook holds.
pub(crate) fn checked_load(
    value: Option<f64>,
    row: u64,
    column: &str,
) -> Result<Option<f64>, ImportError> {
    let Some(value) = value.map(round_weight) else {
        return Ok(None);
    };
    if !(0.0..=WEIGHT_MAX).contains(&value) {
        return Err(ImportError::bad_value(
            row,
            column,
            format!("{value} is not a load from 0 to {WEIGHT_MAX}"),
        ));
    }
    Ok((value > 0.0).then_some(value))
}

/// A weight rounded to hundredths, so converted units do not carry float noise.
pub(crate) fn round_weight(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The largest `reps` a logged set holds (seconds and metres included).
pub(crate) const REPS_MAX: u64 = LOGGED_REPS_MAX;

/// How a file writes dates like `01/02/2024`: month first (US) or day first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SlashOrder {
    MonthFirst,
    DayFirst,
}

/// Reads the date-times of one column, knowing how that file orders slashed dates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateReader {
    slash: Option<SlashOrder>,
}

/// The formats tried in order, after the ISO forms jiff reads itself.
const FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%d %b %Y, %H:%M",
    "%d %b %Y %H:%M",
    "%d %B %Y, %H:%M",
    "%d %B %Y %H:%M",
    "%b %d, %Y %I:%M %p",
    "%b %d, %Y, %I:%M %p",
    "%b %d, %Y %H:%M",
    "%B %d, %Y %I:%M %p",
    "%d %b %Y",
    "%b %d, %Y",
];

impl DateReader {
    /// A reader that refuses slashed dates (whose order nothing in the file shows).
    pub(crate) fn without_slashes() -> Self {
        Self { slash: None }
    }

    /// A reader for the dates in `column` of `rows`: slashed dates are read month first
    /// or day first as the file's unambiguous ones show (a day above 12), and fail when
    /// the file shows both or neither.
    pub(crate) fn for_column(rows: &[Row], column: usize, name: &str) -> Result<Self, ImportError> {
        let mut month_first: Option<u64> = None;
        let mut day_first: Option<u64> = None;
        let mut ambiguous: Option<u64> = None;
        for row in rows {
            let Some((first, second)) = slash_parts(row.get(column)) else {
                continue;
            };
            if first > 12 {
                day_first.get_or_insert(row.number);
            } else if second > 12 {
                month_first.get_or_insert(row.number);
            } else {
                ambiguous.get_or_insert(row.number);
            }
        }
        let slash = match (month_first, day_first, ambiguous) {
            (Some(us), Some(eu), _) => {
                return Err(ImportError::bad_value(
                    us.max(eu),
                    name,
                    format!(
                        "dates are written month first on row {us} and day first on row {eu}; \
                         export with ISO dates (2024-01-15)"
                    ),
                ));
            }
            (Some(_), None, _) => Some(SlashOrder::MonthFirst),
            (None, Some(_), _) => Some(SlashOrder::DayFirst),
            (None, None, Some(row)) => {
                return Err(ImportError::bad_value(
                    row,
                    name,
                    "no date in the file says whether 01/02 is January 2 or February 1; \
                     export with ISO dates (2024-01-15)",
                ));
            }
            (None, None, None) => None,
        };
        Ok(Self { slash })
    }

    /// The date-time a cell holds, as written: an offset or `Z` is dropped, because the
    /// day the athlete trained is the one on their clock.
    pub(crate) fn read(self, text: &str, row: u64, column: &str) -> Result<DateTime, ImportError> {
        if text.is_empty() {
            return Err(ImportError::bad_value(row, column, "the date is empty"));
        }
        self.parse(text).ok_or_else(|| {
            ImportError::bad_value(
                row,
                column,
                format!("{text:?} is not a date this importer reads (2024-01-15 10:30:00, 2024-01-15T10:30:00Z, 30 Jun 2025, 19:56, ...)"),
            )
        })
    }

    fn parse(self, text: &str) -> Option<DateTime> {
        if let Ok(parsed) = text.parse::<DateTime>() {
            return Some(parsed);
        }
        // `Z` or an offset: jiff's civil parser refuses `Z`, so read it as an instant's
        // broken-down fields and keep the clock time written.
        if let Ok(time) = strtime::parse("%Y-%m-%dT%H:%M:%S%.f%:z", text)
            .or_else(|_| strtime::parse("%Y-%m-%dT%H:%M:%S%.fZ", text))
            && let Ok(datetime) = time.to_datetime()
        {
            return Some(datetime);
        }
        if let Some(datetime) = FORMATS.iter().find_map(|format| datetime(format, text)) {
            return Some(datetime);
        }
        let order = self.slash?;
        let formats: &[&str] = match order {
            SlashOrder::MonthFirst => &["%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y"],
            SlashOrder::DayFirst => &["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y"],
        };
        formats.iter().find_map(|format| datetime(format, text))
    }
}

/// The date-time `text` holds in `format`, midnight when the format has no time.
fn datetime(format: &str, text: &str) -> Option<DateTime> {
    let time = strtime::parse(format, text).ok()?;
    if format.contains("%H") || format.contains("%I") {
        time.to_datetime().ok()
    } else {
        time.to_date()
            .ok()
            .map(|date| date.to_datetime(jiff::civil::Time::midnight()))
    }
}

/// The first two numbers of a slashed date `1/15/2024 ...`, if the text is one.
fn slash_parts(text: &str) -> Option<(u32, u32)> {
    let date = text.split_whitespace().next()?;
    let mut parts = date.split('/');
    let first = parts.next()?.parse().ok()?;
    let second = parts.next()?.parse().ok()?;
    let year = parts.next()?;
    (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && parts.next().is_none())
        .then_some((first, second))
}

/// What a free-text duration cell held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Duration {
    /// Nothing, or zero (the app's timer was not used).
    Unknown,
    /// A duration in seconds.
    Seconds(u32),
    /// Text this importer does not read; worth a warning.
    Unreadable,
}

/// A workout duration: `1h 23m`, `55m`, `45s`, `2h 30m 15s`, `01:23:45` (jiff's friendly
/// format), or a bare number of seconds (Strong 6's `Duration (sec)`). `23:45` is refused
/// as unreadable: minutes:seconds and hours:minutes are both plausible.
pub(crate) fn duration(text: &str) -> Duration {
    if text.is_empty() {
        return Duration::Unknown;
    }
    let seconds = if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse::<u64>().ok()
    } else {
        text.parse::<SignedDuration>()
            .ok()
            .filter(|d| !d.is_negative() && d.subsec_nanos() == 0)
            .and_then(|d| u64::try_from(d.as_secs()).ok())
    };
    match seconds {
        Some(0) => Duration::Unknown,
        Some(s) if s <= WORKOUT_SECONDS_MAX => {
            u32::try_from(s).map_or(Duration::Unreadable, Duration::Seconds)
        }
        _ => Duration::Unreadable,
    }
}

/// An RPE cell: `None` when empty; a number outside 1-10 is dropped with a warning in
/// `report` naming the cell (never silently); an error when not a number.
pub(crate) fn rpe(
    text: &str,
    decimal_comma: bool,
    row: u64,
    column: &str,
    report: &mut ImportReport,
) -> Result<Option<f64>, ImportError> {
    Ok(match number(text, decimal_comma, row, column)? {
        None => None,
        Some(value) if (1.0..=10.0).contains(&value) => Some(value),
        Some(value) => {
            report.warn(
                Place::cell(row, column),
                format!("RPE {value} is outside 1-10 and was dropped"),
            );
            None
        }
    })
}

/// An error for a file with more of something than a logbook holds.
pub(crate) fn too_many(row: u64, message: impl Into<String>) -> ImportError {
    ImportError::at(ImportErrorKind::TooMany, Place::row(row), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<DateTime> {
        DateReader {
            slash: Some(SlashOrder::MonthFirst),
        }
        .parse(text)
    }

    #[test]
    fn every_date_spelling_in_the_fixtures_reads_as_the_clock_time_written() {
        let expected: DateTime = "2024-01-15T10:30:00".parse().unwrap();
        for text in [
            "2024-01-15 10:30:00",
            "2024-01-15T10:30:00Z",
            "2024-01-15T10:30:00",
            "2024-01-15T10:30:00+05:30",
            "01/15/2024 10:30",
            "15 Jan 2024 10:30",
            "Jan 15, 2024 10:30 AM",
            "15 Jan 2024, 10:30",
        ] {
            assert_eq!(read(text), Some(expected), "{text}");
        }
        assert_eq!(
            read("2024-01-15"),
            Some("2024-01-15T00:00:00".parse().unwrap())
        );
        assert_eq!(
            read("30 Jun 2025, 19:56"),
            Some("2025-06-30T19:56:00".parse().unwrap())
        );
        assert_eq!(
            read("Jan 15, 2024 12:00 PM"),
            Some("2024-01-15T12:00:00".parse().unwrap())
        );
        assert_eq!(read("not-a-date"), None);
        assert_eq!(read("2024-02-30 10:00:00"), None);
    }

    #[test]
    fn durations_read_the_free_text_forms() {
        assert_eq!(duration("1h 23m"), Duration::Seconds(4980));
        assert_eq!(duration("55m"), Duration::Seconds(3300));
        assert_eq!(duration("1h 0m"), Duration::Seconds(3600));
        assert_eq!(duration("1h"), Duration::Seconds(3600));
        assert_eq!(duration("01:23:45"), Duration::Seconds(5025));
        assert_eq!(duration("2h 30m 15s"), Duration::Seconds(9015));
        assert_eq!(duration("45s"), Duration::Seconds(45));
        assert_eq!(duration("3600"), Duration::Seconds(3600));
        assert_eq!(duration("0m"), Duration::Unknown);
        assert_eq!(duration(""), Duration::Unknown);
        assert_eq!(duration("23:45"), Duration::Unreadable);
        assert_eq!(duration("nope"), Duration::Unreadable);
        assert_eq!(duration("-1h"), Duration::Unreadable);
        assert_eq!(duration("99999999999999999999"), Duration::Unreadable);
        assert_eq!(duration("25h"), Duration::Unreadable);
    }

    #[test]
    fn numbers_refuse_what_is_not_a_finite_number() {
        assert_eq!(number("62,5", true, 2, "Weight").unwrap(), Some(62.5));
        assert!(number("62,5", false, 2, "Weight").is_err());
        for text in ["inf", "Infinity", "NaN", "abc"] {
            let error = number(text, false, 7, "Weight").unwrap_err();
            assert_eq!(
                error.to_string(),
                format!("row 7, column \"Weight\": {text:?} is not a number")
            );
        }
        assert_eq!(count("5.0", false, 100, 2, "Reps").unwrap(), Some(5));
        assert!(count("5.5", false, 100, 2, "Reps").is_err());
        assert!(count("-1", false, 100, 2, "Reps").is_err());
        assert_eq!(load("0", false, 1.0, 2, "Weight").unwrap(), None);
        assert!(load("-5", false, 1.0, 2, "Weight").is_err());
        assert!(load("1e10", false, 1.0, 2, "Weight").is_err());
    }
}
