//! Estimated one-rep max (e1RM) from a set of `reps` at `weight`: the seven published
//! formulas, and the logbook's own e1RM signal built on one of them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Above this many reps an estimate is [`Confidence::Low`]: every formula was fitted on sets
/// of about ten reps or fewer, and past that they drift apart quickly (at 20 reps Brzycki
/// already says twice the weight, Lombardi 1.35 times).
const LOW_CONFIDENCE_ABOVE_REPS: u32 = 10;

/// The most reps the logbook's e1RM signal is defined for (`spec/logbook-json.md`).
const LOGGED_SET_MAX_REPS: u32 = 12;

/// A published formula for the one-rep max from a set taken to (or near) failure.
///
/// Each is a regression fitted on a different population and lift; none is "right". Epley is
/// the default because the logbook spec defines its e1RM signal with it. Sources:
///
/// - Epley, B. (1985). *Poundage Chart*. Boyd Epley Workout. Lincoln, NE: Body Enterprises.
/// - Brzycki, M. (1993). Strength testing: predicting a one-rep max from reps-to-fatigue.
///   *Journal of Physical Education, Recreation & Dance*, 64(1), 88-90.
/// - Lander, J. (1985). Maximum based on reps. *NSCA Journal*, 6(6), 60-61.
/// - Lombardi, V. P. (1989). *Beginning Weight Training*. Dubuque, IA: W. C. Brown.
/// - Mayhew, J. L., Ball, T. E., Arnold, M. D., & Bowen, J. C. (1992). Relative muscular
///   endurance performance as a predictor of bench press strength in college men and women.
///   *Journal of Applied Sport Science Research*, 6(4), 200-206.
/// - O'Conner, B., Simmons, J., & O'Shea, P. (1989). *Weight Training Today*. St. Paul, MN:
///   West Publishing.
/// - Wathan, D. (1994). Load assignment. In T. R. Baechle (Ed.), *Essentials of Strength
///   Training and Conditioning* (pp. 435-446). Champaign, IL: Human Kinetics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum E1rmFormula {
    /// Epley (1985): `w * (1 + r / 30)`.
    #[default]
    Epley,
    /// Brzycki (1993): `w * 36 / (37 - r)`; no estimate from 37 reps.
    Brzycki,
    /// Lander (1985): `100 * w / (101.3 - 2.67123 * r)`; no estimate from 38 reps.
    Lander,
    /// Lombardi (1989): `w * r^0.10`.
    Lombardi,
    /// Mayhew et al. (1992): `100 * w / (52.2 + 41.9 * e^(-0.055 * r))`.
    Mayhew,
    /// O'Conner et al. (1989): `w * (1 + 0.025 * r)`.
    // `rename_all` would make this `o_conner`; the name is one word, as it is spelled.
    #[serde(rename = "oconner")]
    OConner,
    /// Wathan (1994): `100 * w / (48.8 + 53.8 * e^(-0.075 * r))`.
    Wathan,
}

impl E1rmFormula {
    /// Every formula, in the order of the enum.
    pub const ALL: [E1rmFormula; 7] = [
        Self::Epley,
        Self::Brzycki,
        Self::Lander,
        Self::Lombardi,
        Self::Mayhew,
        Self::OConner,
        Self::Wathan,
    ];

    /// The stable snake_case name, the same as its serde name: `epley`, `brzycki`, `lander`,
    /// `lombardi`, `mayhew`, `oconner` or `wathan`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Epley => "epley",
            Self::Brzycki => "brzycki",
            Self::Lander => "lander",
            Self::Lombardi => "lombardi",
            Self::Mayhew => "mayhew",
            Self::OConner => "oconner",
            Self::Wathan => "wathan",
        }
    }

    /// The formula with this [`as_str`](Self::as_str) name (exact, lowercase).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// The estimated one-rep max from `reps` at `weight`, by this formula.
    ///
    /// One rep gives `weight` itself for every formula (a single is its own max, although
    /// most formulas do not pass through it). `None` when there is nothing to estimate from
    /// (`reps == 0`, `weight` not finite or not above 0), when `reps` is past the point where
    /// the formula's denominator reaches 0 (Brzycki from 37 reps, Lander from 38), or when the
    /// result would overflow; never NaN or infinity. Above 10 reps the estimate is
    /// [`Confidence::Low`].
    pub fn estimate(self, weight: f64, reps: u32) -> Option<E1rm> {
        if reps == 0 || !weight.is_finite() || weight <= 0.0 {
            return None;
        }
        let value = if reps == 1 {
            weight
        } else {
            self.raw(weight, f64::from(reps))?
        };
        value.is_finite().then(|| E1rm {
            value,
            confidence: Confidence::for_reps(reps),
        })
    }

    /// The formula as published, without the one-rep convention or the finiteness check.
    fn raw(self, w: f64, r: f64) -> Option<f64> {
        match self {
            Self::Epley => Some(w * (1.0 + r / 30.0)),
            Self::Brzycki => ratio(w * 36.0, 37.0 - r),
            Self::Lander => ratio(100.0 * w, 101.3 - 2.67123 * r),
            Self::Lombardi => Some(w * r.powf(0.10)),
            Self::Mayhew => ratio(100.0 * w, 52.2 + 41.9 * (-0.055 * r).exp()),
            Self::OConner => Some(w * (1.0 + 0.025 * r)),
            Self::Wathan => ratio(100.0 * w, 48.8 + 53.8 * (-0.075 * r).exp()),
        }
    }
}

impl fmt::Display for E1rmFormula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `numerator / denominator`, or `None` where the denominator is 0 or negative: there a
/// formula has left the rep range it describes (it would say infinite or negative strength).
fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

/// An estimated one-rep max and how far to trust it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct E1rm {
    /// The estimate, in the unit of the weight it came from.
    pub value: f64,
    /// How far the set's rep count lets the formula be trusted.
    pub confidence: Confidence,
}

/// How far an [`E1rm`] can be trusted, by the rep count it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// 1 to 10 reps: within the range the formulas were fitted on.
    Normal,
    /// More than 10 reps: extrapolated; the formulas disagree widely here.
    Low,
}

impl Confidence {
    fn for_reps(reps: u32) -> Self {
        if reps > LOW_CONFIDENCE_ABOVE_REPS {
            Self::Low
        } else {
            Self::Normal
        }
    }
}

/// The e1RM of a logged set as the logbook spec defines the signal (`spec/logbook-json.md`):
/// Epley, `weight * (1 + reps / 30)`, for 2 to 12 reps; `weight` for 1 rep; undefined
/// (`None`) for 0 reps, more than 12 reps, or a set without weight.
///
/// Unlike [`E1rmFormula::estimate`] it has no confidence and a hard rep cap, so that PRs and
/// AMRAP results in the athlete context are never driven by a high-rep extrapolation. A
/// weight that is 0, negative or not finite counts as no weight: it describes an unloaded
/// set, whose e1RM of 0 would only be noise in the context.
pub fn logged_set_e1rm(weight: Option<f64>, reps: u32) -> Option<f64> {
    if reps > LOGGED_SET_MAX_REPS {
        return None;
    }
    E1rmFormula::Epley
        .estimate(weight?, reps)
        .map(|estimate| estimate.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_refuses_a_zero_or_negative_denominator() {
        assert_eq!(ratio(3.0, 2.0), Some(1.5));
        assert_eq!(ratio(3.0, 0.0), None);
        assert_eq!(ratio(3.0, -0.0), None);
        assert_eq!(ratio(3.0, -1.0), None);
    }

    #[test]
    fn confidence_turns_low_after_ten_reps() {
        assert_eq!(Confidence::for_reps(1), Confidence::Normal);
        assert_eq!(Confidence::for_reps(10), Confidence::Normal);
        assert_eq!(Confidence::for_reps(11), Confidence::Low);
        assert_eq!(Confidence::for_reps(u32::MAX), Confidence::Low);
    }

    #[test]
    fn raw_formulas_miss_the_weight_at_one_rep_so_the_convention_is_needed() {
        // If a formula passed through (w, 1) the special case in `estimate` would be dead.
        let off: Vec<E1rmFormula> = E1rmFormula::ALL
            .into_iter()
            .filter(|f| {
                let raw = f.raw(100.0, 1.0).expect("defined at one rep");
                (raw - 100.0).abs() > 0.01
            })
            .collect();
        assert!(
            off.len() >= 5,
            "only {off:?} differ from the weight at one rep"
        );
    }

    #[test]
    fn raw_denominators_end_where_documented() {
        assert!(E1rmFormula::Brzycki.raw(100.0, 36.0).is_some());
        assert!(E1rmFormula::Brzycki.raw(100.0, 37.0).is_none());
        assert!(E1rmFormula::Lander.raw(100.0, 37.0).is_some());
        assert!(E1rmFormula::Lander.raw(100.0, 38.0).is_none());
        // The exponential forms have a positive floor, so they never run out.
        assert!(E1rmFormula::Mayhew.raw(100.0, 1e6).is_some());
        assert!(E1rmFormula::Wathan.raw(100.0, 1e6).is_some());
    }
}
