//! Confidence (reference/004's `calculate_confidence`) and risk of a recommendation.

use super::SafetyLimits;
use super::profile::PreferenceProfile;
use super::recommendation::{Prescription, RecommendationKind, Risk};
use super::signals::SessionSignals;

/// reference/004's base confidence.
const BASE: f64 = 0.7;
/// Most confidence gained from history, 0.001 per interaction.
const HISTORY_BONUS_MAX: f64 = 0.2;
const HISTORY_BONUS_EACH: f64 = 0.001;
/// Bonus when the session is at one of the athlete's usual times.
const TIME_FAMILIARITY: f64 = 0.1;
/// Weight of the acceptance rate.
const ACCEPTANCE_WEIGHT: f64 = 0.2;
/// Penalty for low energy (under 4).
const LOW_ENERGY_PENALTY: f64 = 0.1;
const LOW_ENERGY_BELOW: f64 = 4.0;
/// Penalty for the rule-based fallback ("conservative recommendations with lower
/// confidence", reference/004).
pub(crate) const RULES_PENALTY: f64 = 0.1;
/// Penalty per safety clamp that changed the suggestion: a proposal that had to be
/// corrected deserves less trust (not in reference/004).
pub(crate) const CLAMP_PENALTY: f64 = 0.05;
/// The confidence range of reference/004.
pub const MIN_CONFIDENCE: f64 = 0.3;
/// The top of the range.
pub const MAX_CONFIDENCE: f64 = 1.0;

/// reference/004's confidence before the source and clamp penalties: 0.7, plus up to 0.2
/// for history, 0.1 at a usual time, 0.2 x acceptance rate, minus 0.1 for energy under 4;
/// clamped to 0.3-1.0.
pub fn confidence(profile: &PreferenceProfile, signals: &SessionSignals) -> f64 {
    let history =
        (f64::from(profile.total_interactions) * HISTORY_BONUS_EACH).min(HISTORY_BONUS_MAX);
    let familiar = signals
        .time_of_day
        .filter(|t| profile.preferred_times.contains(t))
        .map_or(0.0, |_| TIME_FAMILIARITY);
    let acceptance = profile.acceptance_rate.clamp(0.0, 1.0) * ACCEPTANCE_WEIGHT;
    let energy = signals
        .energy()
        .filter(|e| *e < LOW_ENERGY_BELOW)
        .map_or(0.0, |_| LOW_ENERGY_PENALTY);
    clamp_confidence(BASE + history + familiar + acceptance - energy)
}

/// Into 0.3-1.0, and to two decimals.
pub(crate) fn clamp_confidence(value: f64) -> f64 {
    let value = if value.is_finite() {
        value
    } else {
        MIN_CONFIDENCE
    };
    (value.clamp(MIN_CONFIDENCE, MAX_CONFIDENCE) * 100.0).round() / 100.0
}

/// How risky a (clamped) recommendation is. High: more than three quarters of the allowed
/// load step, or more than two thirds of the allowed volume step. Medium: any increase of
/// load or volume, a change of exercise, or training under a fatigue or form caution. Low:
/// everything else (less load, more rest, warm-up, form focus, keeping the plan).
pub fn risk(
    kind: RecommendationKind,
    original: &Prescription,
    suggested: &Prescription,
    signals: &SessionSignals,
    limits: &SafetyLimits,
) -> Risk {
    let load_step = match (original.weight, suggested.weight) {
        (Some(o), Some(s)) if o > 0.0 => (s - o) / o,
        _ => 0.0,
    };
    let volume_step = if original.volume() > 0.0 {
        (suggested.volume() - original.volume()) / original.volume()
    } else {
        0.0
    };
    let caution = signals
        .fatigue()
        .is_some_and(|f| f > limits.fatigue_threshold)
        || signals.form().is_some_and(|f| f < limits.form_threshold);
    if load_step > limits.max_weight_increase * 0.75 + 1e-9
        || volume_step > limits.max_volume_increase * 2.0 / 3.0 + 1e-9
    {
        Risk::High
    } else if load_step > 1e-9
        || volume_step > 1e-9
        || kind == RecommendationKind::ChangeExercise
        || caution
    {
        Risk::Medium
    } else {
        Risk::Low
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::TimeOfDay;

    #[test]
    fn confidence_follows_reference_004() {
        let fresh = PreferenceProfile::default();
        let seasoned = PreferenceProfile {
            total_interactions: 500,
            acceptance_rate: 1.0,
            preferred_times: vec![TimeOfDay::Morning],
            ..PreferenceProfile::default()
        };
        let morning = SessionSignals {
            time_of_day: Some(TimeOfDay::Morning),
            ..SessionSignals::default()
        };
        let tired = SessionSignals {
            energy: Some(2.0),
            ..SessionSignals::default()
        };
        let rows = [
            (&fresh, &SessionSignals::default(), 0.8),
            (&fresh, &tired, 0.7),
            (&seasoned, &SessionSignals::default(), 1.0),
            (&seasoned, &morning, 1.0),
            (
                &PreferenceProfile {
                    total_interactions: 50,
                    acceptance_rate: 0.0,
                    ..PreferenceProfile::default()
                },
                &tired,
                0.65,
            ),
        ];
        for (profile, signals, expected) in rows {
            assert_eq!(confidence(profile, signals), expected, "{signals:?}");
        }
        assert_eq!(clamp_confidence(0.1), MIN_CONFIDENCE);
        assert_eq!(clamp_confidence(f64::NAN), MIN_CONFIDENCE);
        assert_eq!(clamp_confidence(1.7), MAX_CONFIDENCE);
    }

    #[test]
    fn risk_grows_with_the_step() {
        let limits = SafetyLimits::default();
        let plan = Prescription::new(3, 5, Some(100.0), Some(120));
        let at = |w: f64, sets: u32| Prescription::new(sets, 5, Some(w), Some(120));
        let none = SessionSignals::default();
        let tired = SessionSignals {
            fatigue: Some(9.0),
            ..SessionSignals::default()
        };
        use RecommendationKind::*;
        let rows = [
            (IncreaseWeight, at(110.0, 3), &none, Risk::High),
            (IncreaseWeight, at(105.0, 3), &none, Risk::Medium),
            (AdjustReps, at(100.0, 4), &none, Risk::High),
            (DecreaseWeight, at(90.0, 3), &none, Risk::Low),
            (DecreaseWeight, at(90.0, 3), &tired, Risk::Medium),
            (ChangeExercise, at(100.0, 3), &none, Risk::Medium),
            (KeepPlan, at(100.0, 3), &none, Risk::Low),
        ];
        for (kind, suggested, signals, expected) in rows {
            assert_eq!(
                risk(kind, &plan, &suggested, signals, &limits),
                expected,
                "{kind:?} {suggested:?}"
            );
        }
    }
}
