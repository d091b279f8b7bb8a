//! The one place numbers are rounded for output, and written compactly: weights and e1RMs to
//! 0.1, rates to 0.01, and whole numbers without a trailing `.0`, so that the same logbook
//! always gives the same bytes and the context spends no tokens on noise digits.

use serde::Serializer;

/// Rounds a weight, e1RM, tonnage or RPE to one decimal.
pub(crate) fn one(value: f64) -> f64 {
    // Adding 0 turns -0 into 0, so a rounded-away negative never prints as `-0`.
    (value * 10.0).round() / 10.0 + 0.0
}

/// Rounds a rate (0 to 1) to two decimals.
pub(crate) fn two(value: f64) -> f64 {
    (value * 100.0).round() / 100.0 + 0.0
}

/// `value` as short text: one decimal at most, none when it is whole (`225`, `7.5`).
pub(crate) fn text(value: f64) -> String {
    let value = one(value);
    if is_whole(value) {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// Whether `value` is a whole number an `i64` holds exactly.
fn is_whole(value: f64) -> bool {
    value.fract() == 0.0 && value.abs() < 9.0e15
}

/// Serialises a number, a whole one as an integer (`225`, not `225.0`).
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's serialize_with passes a reference
pub(crate) fn num<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if is_whole(*value) {
        #[allow(clippy::cast_possible_truncation)] // whole and within i64 (is_whole)
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}

/// [`num`] for an optional number (`None` as null).
#[allow(clippy::ref_option)] // serde's serialize_with passes a reference
pub(crate) fn opt_num<S: Serializer>(
    value: &Option<f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => num(value, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_and_writes_whole_numbers_without_decimals() {
        assert_eq!(one(262.499_999), 262.5);
        assert_eq!(two(0.666_6), 0.67);
        assert_eq!(text(225.0), "225");
        assert_eq!(text(7.25), "7.3");
        assert_eq!(text(-0.04), "0");
        let mut out = Vec::new();
        num(&225.0, &mut serde_json::Serializer::new(&mut out)).expect("serialises");
        assert_eq!(out, b"225");
        out.clear();
        num(&0.5, &mut serde_json::Serializer::new(&mut out)).expect("serialises");
        assert_eq!(out, b"0.5");
    }
}
