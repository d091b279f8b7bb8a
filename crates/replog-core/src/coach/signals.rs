//! The in-session signals a recommendation reads (reference/004's `WorkoutContext`): how the
//! athlete feels, the time and equipment at hand, and how the last sets went. Ratings out of
//! range or not finite are ignored rather than trusted.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Part of the day.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    /// Before noon.
    Morning,
    /// Noon to 6 pm.
    Afternoon,
    /// After 6 pm.
    Evening,
}

/// How one of the last sets went.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetFeedback {
    /// Reps done.
    pub reps: u32,
    /// The load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Rating of perceived exertion, 1-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpe: Option<f64>,
    /// Form rating, 1-10 (the athlete's or the coach's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<f64>,
}

/// What is known about the athlete right now.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionSignals {
    /// Energy, 1-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<f64>,
    /// Motivation, 1-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motivation: Option<f64>,
    /// Fatigue, 1-10, when the athlete rates it; otherwise it is inferred ([`Self::fatigue`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatigue: Option<f64>,
    /// Minutes left for the exercise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_available_minutes: Option<u32>,
    /// The equipment at hand (snake_case tokens); `None` when not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment: Option<Vec<String>>,
    /// Part of the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_of_day: Option<TimeOfDay>,
    /// The exercise's last sets today, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub last_sets: Vec<SetFeedback>,
}

/// A 1-10 rating, or `None` when missing, not finite or out of range.
pub(crate) fn rating(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite() && (1.0..=10.0).contains(v))
}

impl SessionSignals {
    /// Energy (1-10), if validly rated.
    pub fn energy(&self) -> Option<f64> {
        rating(self.energy)
    }

    /// Motivation (1-10), if validly rated.
    pub fn motivation(&self) -> Option<f64> {
        rating(self.motivation)
    }

    /// Mean RPE of the last sets that have one.
    pub fn last_rpe(&self) -> Option<f64> {
        mean(self.last_sets.iter().filter_map(|s| rating(s.rpe)))
    }

    /// Fatigue (1-10): the athlete's rating when given, else `11 - energy`. The last sets'
    /// RPE is not read here: a hard set is not a tired athlete, and the recommender has its
    /// own rules for hard sets.
    pub fn fatigue(&self) -> Option<f64> {
        rating(self.fatigue).or_else(|| self.energy().map(|e| 11.0 - e))
    }

    /// The worst form rating of the last sets: one ragged set is enough to act on.
    pub fn form(&self) -> Option<f64> {
        self.last_sets
            .iter()
            .filter_map(|s| rating(s.form))
            .reduce(f64::min)
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0_u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(rpe: Option<f64>, form: Option<f64>) -> SetFeedback {
        SetFeedback {
            reps: 5,
            weight: Some(100.0),
            rpe,
            form,
        }
    }

    #[test]
    fn fatigue_is_the_rating_else_from_energy() {
        let rows: &[(Option<f64>, Option<f64>, Option<f64>)] = &[
            (Some(9.0), Some(9.0), Some(9.0)),
            (None, Some(2.0), Some(9.0)),
            (None, Some(8.0), Some(3.0)),
            (None, None, None),
            (Some(42.0), None, None),
            (Some(f64::NAN), Some(10.0), Some(1.0)),
        ];
        for (fatigue, energy, expected) in rows {
            let signals = SessionSignals {
                fatigue: *fatigue,
                energy: *energy,
                last_sets: vec![set(Some(10.0), None)],
                ..SessionSignals::default()
            };
            assert_eq!(signals.fatigue(), *expected, "{fatigue:?} {energy:?}");
        }
        let signals = SessionSignals {
            last_sets: vec![
                set(Some(8.0), None),
                set(Some(9.0), None),
                set(Some(11.0), None),
            ],
            ..SessionSignals::default()
        };
        assert_eq!(signals.last_rpe(), Some(8.5));
    }

    #[test]
    fn form_is_the_worst_valid_rating() {
        let signals = SessionSignals {
            last_sets: vec![
                set(None, Some(8.0)),
                set(None, Some(5.0)),
                set(None, Some(0.0)),
            ],
            ..SessionSignals::default()
        };
        assert_eq!(signals.form(), Some(5.0));
        assert_eq!(SessionSignals::default().form(), None);
    }
}
