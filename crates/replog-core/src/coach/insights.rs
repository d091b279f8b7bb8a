//! Insights for the athlete and coach (reference/004's `/insights`): a preference summary,
//! acceptance and consistency trends, and weak and strong areas from the profile and the
//! athlete context.

use serde::{Deserialize, Serialize};

use super::profile::{PreferenceProfile, Response};
use crate::context::round::text as num;
use crate::context::{AthleteContext, Trend};

/// Responses needed before a trend is called.
const TREND_MIN: usize = 4;
/// The change in acceptance between the older and the newer half called a trend.
const TREND_CHANGE: f64 = 0.1;
/// How many focus areas are suggested.
const FOCUS_AREAS: usize = 3;

/// What kind of trainee the preferences describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkoutStyle {
    /// Prefers it hard (intensity 7 or more).
    HighIntensity,
    /// Tolerates a lot of work (volume tolerance 7 or more).
    HighVolume,
    /// Puts form first (form focus 7 or more).
    TechniqueFocused,
    /// None of these stands out.
    Balanced,
}

/// The preferences in brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreferenceSummary {
    /// 1-10.
    pub preferred_intensity: f64,
    /// 1-10.
    pub volume_tolerance: f64,
    /// 1-10.
    pub progression_rate: f64,
    /// 1-10.
    pub form_focus: f64,
    /// The style they add up to.
    pub workout_style: WorkoutStyle,
}

/// What the profile and the context say about the athlete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insights {
    /// The preferences.
    pub preference_summary: PreferenceSummary,
    /// Share of recommendations accepted.
    pub acceptance_rate: f64,
    /// Acceptance in the newer half of the recent responses against the older half.
    pub acceptance_trend: Trend,
    /// How consistent the recent responses are: 1 minus the share of responses that
    /// differ from the one before (null with fewer than two).
    pub consistency_score: Option<f64>,
    /// Mean effectiveness rating (1-10), once rated.
    pub satisfaction: Option<f64>,
    /// What needs work.
    pub weak_areas: Vec<String>,
    /// What goes well.
    pub strong_areas: Vec<String>,
    /// What to work on next (the first weak areas, or progression when none).
    pub next_focus_areas: Vec<String>,
}

/// The insights of `profile`, with the exercises of `context` when given.
pub fn insights(profile: &PreferenceProfile, context: Option<&AthleteContext>) -> Insights {
    let style = if profile.form_focus >= 7.0 {
        WorkoutStyle::TechniqueFocused
    } else if profile.preferred_intensity >= 7.0 {
        WorkoutStyle::HighIntensity
    } else if profile.volume_tolerance >= 7.0 {
        WorkoutStyle::HighVolume
    } else {
        WorkoutStyle::Balanced
    };
    let (mut weak, mut strong) = (Vec::new(), Vec::new());
    if profile.form_focus >= 7.0 {
        weak.push("technique: form ratings have been low".to_owned());
    }
    if profile.total_interactions >= 5 {
        if profile.skip_rate >= 0.3 {
            weak.push(format!(
                "recommendations skipped {}% of the time",
                num(profile.skip_rate * 100.0)
            ));
        }
        if profile.acceptance_rate >= 0.8 {
            strong.push("follows the recommendations".to_owned());
        }
    }
    for stats in context
        .into_iter()
        .flat_map(|c| &c.performance.exercise_stats)
    {
        if let Some(rate) = stats.completion_rate.filter(|r| *r < 0.8) {
            weak.push(format!(
                "{}: {}% of prescribed sets completed",
                stats.exercise,
                num(rate * 100.0)
            ));
        } else if stats.rpe_trend == Trend::Rising && stats.volume_trend != Trend::Rising {
            weak.push(format!(
                "{}: effort rising without more volume",
                stats.exercise
            ));
        } else if stats.volume_trend == Trend::Rising {
            strong.push(format!("{}: volume rising", stats.exercise));
        } else if stats.sessions >= 3
            && stats.best_e1rm.is_some()
            && stats.latest_e1rm == stats.best_e1rm
        {
            strong.push(format!("{}: estimated 1RM at its best", stats.exercise));
        }
    }
    let mut focus: Vec<String> = weak.iter().take(FOCUS_AREAS).cloned().collect();
    if focus.is_empty() {
        focus.push("progressive overload on the main lifts".to_owned());
    }
    Insights {
        preference_summary: PreferenceSummary {
            preferred_intensity: round1(profile.preferred_intensity),
            volume_tolerance: round1(profile.volume_tolerance),
            progression_rate: round1(profile.progression_rate),
            form_focus: round1(profile.form_focus),
            workout_style: style,
        },
        acceptance_rate: round2(profile.acceptance_rate),
        acceptance_trend: acceptance_trend(&profile.recent),
        consistency_score: consistency(&profile.recent).map(round2),
        satisfaction: profile.effectiveness.map(round1),
        weak_areas: weak,
        strong_areas: strong,
        next_focus_areas: focus,
    }
}

fn acceptance_trend(recent: &[Response]) -> Trend {
    if recent.len() < TREND_MIN {
        return Trend::InsufficientData;
    }
    let (older, newer) = recent.split_at(recent.len() / 2);
    let rate = |half: &[Response]| {
        let accepted = half.iter().filter(|r| **r == Response::Accepted).count();
        #[allow(clippy::cast_precision_loss)] // at most 20 responses
        let rate = accepted as f64 / half.len() as f64;
        rate
    };
    let change = rate(newer) - rate(older);
    if change >= TREND_CHANGE - 1e-9 {
        Trend::Rising
    } else if change <= -TREND_CHANGE + 1e-9 {
        Trend::Falling
    } else {
        Trend::Stable
    }
}

fn consistency(recent: &[Response]) -> Option<f64> {
    if recent.len() < 2 {
        return None;
    }
    let changes = recent.windows(2).filter(|w| w[0] != w[1]).count();
    #[allow(clippy::cast_precision_loss)] // at most 20 responses
    let score = 1.0 - changes as f64 / (recent.len() - 1) as f64;
    Some(score)
}

fn round1(v: f64) -> f64 {
    crate::context::round::one(v)
}

fn round2(v: f64) -> f64 {
    crate::context::round::two(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Response::{Accepted as A, Modified as M, Skipped as S};

    #[test]
    fn trends_and_consistency_of_responses() {
        let rows: &[(&[Response], Trend, Option<f64>)] = &[
            (&[], Trend::InsufficientData, None),
            (&[A, S, A], Trend::InsufficientData, Some(0.0)),
            (&[S, S, A, A], Trend::Rising, Some(2.0 / 3.0)),
            (&[A, A, A, S, S, S], Trend::Falling, Some(0.8)),
            (&[A, M, A, M], Trend::Stable, Some(0.0)),
            (&[A, A, A, A], Trend::Stable, Some(1.0)),
        ];
        for (recent, trend, score) in rows {
            assert_eq!(acceptance_trend(recent), *trend, "{recent:?}");
            let close = match (consistency(recent), score) {
                (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                (a, b) => a == *b,
            };
            assert!(close, "{recent:?}: {:?}", consistency(recent));
        }
    }
}
