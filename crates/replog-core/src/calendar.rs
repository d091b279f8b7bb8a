//! Calendar arithmetic the signals need: ISO weeks as consecutive integers, so that "the last
//! four weeks" and "consecutive weeks" are integer ranges, and whole months between dates.
//!
//! Day numbers use the proleptic Gregorian algorithms of H. Hinnant ("chrono-compatible
//! low-level date algorithms"), pure integer arithmetic that never fails for any
//! [`Date`], so no signal can panic on an extreme date.

use std::fmt;

use crate::logbook::Date;

/// Why text is not a date: [`parse_date`]'s error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not written `YYYY-MM-DD` (four digits, a hyphen, two, a hyphen, two).
    Shape,
    /// Written `YYYY-MM-DD` but no day of the calendar (`2026-02-30`, `2026-13-01`).
    NotADay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Shape => "must be a date written YYYY-MM-DD",
            Self::NotADay => "is not a day of the calendar",
        })
    }
}

impl std::error::Error for DateError {}

/// Reads a calendar date written `YYYY-MM-DD` (ISO 8601's extended calendar form, nothing
/// else: no time, no offset, no week or ordinal dates), as every document and option holds
/// dates.
///
/// The one date reader of the crates and bindings. It leaves the general date parser of the
/// date library out of builds that need only this (the browser package's size).
///
/// ```
/// use replog_core::{DateError, parse_date};
///
/// assert_eq!(parse_date("2026-02-28").map(|d| d.day()), Ok(28));
/// assert_eq!(parse_date("2026-02-30"), Err(DateError::NotADay));
/// assert_eq!(parse_date("2026-2-3"), Err(DateError::Shape));
/// ```
pub fn parse_date(text: &str) -> Result<Date, DateError> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(DateError::Shape);
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0i16, |n, &digit| n * 10 + i16::from(digit - b'0'))
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let month = i8::try_from(month).map_err(|_| DateError::NotADay)?;
    let day = i8::try_from(day).map_err(|_| DateError::NotADay)?;
    Date::new(year, month, day).map_err(|_| DateError::NotADay)
}

/// An ISO week (Monday to Sunday) as a consecutive integer: week `n + 1` follows week `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct WeekIndex(pub(crate) i64);

impl WeekIndex {
    /// The ISO week `date` falls in.
    pub(crate) fn of(date: Date) -> Self {
        // 1970-01-01 (day 0) was a Thursday, so the Monday of its week is day -3.
        Self((days_from_civil(date) + 3).div_euclid(7))
    }

    /// The week `n` weeks later (earlier for negative `n`).
    pub(crate) fn plus(self, n: i64) -> Self {
        Self(self.0.saturating_add(n))
    }

    /// The Monday the week starts on, clamped to the range of [`Date`].
    pub(crate) fn monday(self) -> Date {
        civil_from_days(self.0.saturating_mul(7).saturating_sub(3))
    }

    /// The Sunday the week ends on, clamped to the range of [`Date`].
    pub(crate) fn sunday(self) -> Date {
        civil_from_days(self.0.saturating_mul(7).saturating_add(3))
    }

    /// The ISO label, such as `2026-W14` (the ISO week-numbering year, which differs from the
    /// calendar year for a few days around New Year).
    pub(crate) fn label(self) -> String {
        let iso = self.monday().iso_week_date();
        format!("{:04}-W{:02}", iso.year(), iso.week())
    }
}

/// The last ISO week that ends on or before `as_of`: `as_of`'s own week when `as_of` is a
/// Sunday, else the week before it (a week in progress is not over yet).
pub(crate) fn last_complete_week(as_of: Date) -> WeekIndex {
    let week = WeekIndex::of(as_of);
    if as_of == week.sunday() {
        week
    } else {
        week.plus(-1)
    }
}

/// Whole months from `from` to `to` (0 when `to` is not later): a month counts once its day
/// of the month is reached again, so 2026-01-31 to 2026-02-28 is 0 months and to 2026-03-31
/// is 2.
pub(crate) fn whole_months(from: Date, to: Date) -> u32 {
    let months = |d: Date| i32::from(d.year()) * 12 + i32::from(d.month());
    let mut count = months(to) - months(from);
    if to.day() < from.day() {
        count -= 1;
    }
    u32::try_from(count).unwrap_or(0)
}

/// Days since 1970-01-01 (negative before).
pub(crate) fn days_from_civil(date: Date) -> i64 {
    let (mut y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    if m <= 2 {
        y -= 1;
    }
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01, clamped to [`Date::MIN`]..=[`Date::MAX`].
pub(crate) fn civil_from_days(days: i64) -> Date {
    let days = days.clamp(days_from_civil(Date::MIN), days_from_civil(Date::MAX));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // In range by the clamp above, so the conversions and the constructor cannot fail.
    let (y, m, d) = (
        i16::try_from(y).unwrap_or(9999),
        i8::try_from(m).unwrap_or(1),
        i8::try_from(d).unwrap_or(1),
    );
    Date::new(y, m, d).unwrap_or(Date::MAX)
}

#[cfg(test)]
mod tests {
    #[test]
    fn parse_date_reads_only_the_extended_calendar_form() {
        assert_eq!(
            parse_date("2024-02-29").map(|d| (d.year(), d.month(), d.day())),
            Ok((2024, 2, 29))
        );
        assert_eq!(parse_date("0000-01-01").map(|d| d.year()), Ok(0));
        for not_a_day in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-01-00",
        ] {
            assert_eq!(
                parse_date(not_a_day),
                Err(DateError::NotADay),
                "{not_a_day}"
            );
        }
        for shape in [
            "",
            "2026-1-01",
            "2026-01-01T00:00",
            "+2026-01-01",
            "20260101",
            "2026/01/01",
            "\u{ff12}026-01-01",
            "2026-01-1 ",
        ] {
            assert_eq!(parse_date(shape), Err(DateError::Shape), "{shape:?}");
        }
    }

    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn day_numbers_round_trip_and_agree_with_jiff() {
        let epoch = date("1970-01-01");
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2026-04-12",
            "1969-12-31",
            "0001-01-01",
        ] {
            let d = date(text);
            let days = days_from_civil(d);
            assert_eq!(civil_from_days(days), d, "{text}");
            let span = epoch.until(d).expect("in range");
            assert_eq!(i64::from(span.get_days()), days, "{text}");
        }
        assert_eq!(civil_from_days(i64::MAX), Date::MAX);
        assert_eq!(civil_from_days(i64::MIN), Date::MIN);
    }

    #[test]
    fn weeks_run_monday_to_sunday_with_iso_labels() {
        let week = WeekIndex::of(date("2026-04-12")); // a Sunday
        assert_eq!(week.monday(), date("2026-04-06"));
        assert_eq!(week.sunday(), date("2026-04-12"));
        assert_eq!(WeekIndex::of(date("2026-04-06")), week);
        assert_eq!(WeekIndex::of(date("2026-04-13")), week.plus(1));
        assert_eq!(week.label(), "2026-W15");
        // 2027-01-01 is a Friday of ISO week 2026-W53.
        assert_eq!(WeekIndex::of(date("2027-01-01")).label(), "2026-W53");
        assert_eq!(last_complete_week(date("2026-04-12")), week);
        assert_eq!(last_complete_week(date("2026-04-11")), week.plus(-1));
        assert_eq!(WeekIndex::of(Date::MAX).sunday(), Date::MAX);
    }

    #[test]
    fn whole_months_count_a_month_once_its_day_comes_round() {
        assert_eq!(whole_months(date("2026-01-31"), date("2026-02-28")), 0);
        assert_eq!(whole_months(date("2026-01-31"), date("2026-03-31")), 2);
        assert_eq!(whole_months(date("2026-01-15"), date("2026-04-14")), 2);
        assert_eq!(whole_months(date("2026-01-15"), date("2026-04-15")), 3);
        assert_eq!(whole_months(date("2026-04-15"), date("2026-01-15")), 0);
    }
}
