//! The rule-based recommender: always answers, from the in-session signals and the
//! exercise's context signals, in a fixed order of priority (safety first). Its suggestion
//! goes through the same safety clamps as a model's.

use super::input::CoachInput;
use super::recommendation::{
    Alternative, Prescription, Recommendation, RecommendationKind as Kind, Source, Suggestion,
};
use crate::context::Trend;
use crate::context::round::text as num;

/// Last sets at or under this mean RPE, all reps done, leave room for more load.
const EASY_RPE: f64 = 7.0;
/// From this mean RPE the rest is lengthened.
const HARD_RPE: f64 = 9.0;
/// From this mean RPE (with missed reps) the load comes down.
const LIMIT_RPE: f64 = 9.5;
/// Energy or motivation under this holds progression back.
const LOW_DRIVE: f64 = 4.0;
/// Seconds a set of work takes, for the time budget.
const SET_SECONDS: u32 = 40;
/// Rest assumed when the plan gives none, in seconds.
const DEFAULT_REST: u32 = 90;

/// The rule-based recommendation for `input` (clamped and scored like any other).
pub fn recommend(input: &CoachInput) -> Recommendation {
    input.finish(suggest(input), Source::Rules)
}

/// The rules' suggestion for `input`, before the clamps. The first rule that applies wins:
/// missing equipment, poor form, fatigue, a first set with no warm-up yet when cold or
/// tired, too little time, easy last sets, failing last sets, hard last sets, context
/// signals between sessions, and otherwise the plan as it is.
pub fn suggest(input: &CoachInput) -> Suggestion {
    let plan = &input.planned;
    let s = &input.signals;
    let limits = &input.limits;
    let mut read = Vec::new();
    let out = |kind, prescription, reasoning: String, outcome: &str| Suggestion {
        kind,
        prescription,
        substitute: None,
        reasoning,
        expected_outcome: outcome.to_owned(),
        signals: Vec::new(),
        alternatives: Vec::new(),
    };

    if let Some(have) = &s.equipment {
        let missing: Vec<&str> = input
            .equipment_needed
            .iter()
            .filter(|e| !have.contains(e))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            let mut suggestion = out(
                Kind::ChangeExercise,
                plan.clone(),
                format!(
                    "{} needs {} that is not at hand.",
                    input.exercise,
                    missing.join(", ")
                ),
                "The session goes on with a movement that trains the same pattern.",
            );
            suggestion.substitute = input.substitutes.first().cloned();
            suggestion
                .signals
                .push(format!("missing equipment: {}", missing.join(", ")));
            return suggestion;
        }
    }

    if let Some(form) = s.form().filter(|f| *f < limits.form_threshold) {
        read.push(format!("worst form rating of the last sets: {}", num(form)));
        let lighter = plan.weight.map(|w| w * (1.0 - limits.form_reduction));
        let mut suggestion = out(
            Kind::SuggestFormFocus,
            Prescription {
                weight: lighter,
                ..plan.clone()
            },
            format!(
                "Form was rated {} (under {}): lighter load and full attention to technique.",
                num(form),
                num(limits.form_threshold)
            ),
            "Cleaner reps now, so the load can come back safely.",
        );
        suggestion.signals = read;
        return suggestion;
    }

    if let Some(fatigue) = s.fatigue().filter(|f| *f > limits.fatigue_threshold) {
        read.push(format!("fatigue: {}", num(fatigue)));
        let rest = plan
            .rest_seconds
            .unwrap_or(input.profile.rest_time_preference)
            + 30;
        let mut suggestion = out(
            Kind::DecreaseWeight,
            Prescription {
                weight: plan.weight.map(|w| round_half(w * 0.9)),
                rest_seconds: Some(rest),
                ..plan.clone()
            },
            format!(
                "Fatigue is {} (above {}): 10% less load and 30 s more rest.",
                num(fatigue),
                num(limits.fatigue_threshold)
            ),
            "The planned reps get done with good form despite the fatigue.",
        );
        suggestion.alternatives.push(Alternative {
            kind: Kind::ModifyRest,
            prescription: Prescription {
                rest_seconds: Some(rest + 30),
                ..plan.clone()
            },
            note: "Keep the load and take a full minute more rest.".to_owned(),
        });
        suggestion.signals = read;
        return suggestion;
    }

    let cold = s.time_of_day == Some(super::TimeOfDay::Morning)
        || s.energy().is_some_and(|e| e < LOW_DRIVE);
    if input.current_set <= 1 && s.last_sets.is_empty() && cold && plan.weight.is_some() {
        read.push("first set, early or low energy".to_owned());
        let mut suggestion = out(
            Kind::AddWarmup,
            plan.clone(),
            "First set of the exercise, early in the day or low on energy: two ramp-up sets \
             (about 50% and 75% of the load) first."
                .to_owned(),
            "The working sets start warm, with less risk of a strain.",
        );
        suggestion.signals = read;
        return suggestion;
    }

    if let Some(minutes) = s.time_available_minutes {
        let rest = plan.rest_seconds.unwrap_or(DEFAULT_REST);
        let needed = plan.sets.saturating_mul(SET_SECONDS + rest);
        let budget = minutes.saturating_mul(60);
        if needed > budget && plan.sets > 0 {
            read.push(format!("{minutes} min available"));
            let fitting = (budget / plan.sets).saturating_sub(SET_SECONDS);
            let mut suggestion = out(
                Kind::ModifyRest,
                Prescription {
                    rest_seconds: Some(fitting),
                    ..plan.clone()
                },
                format!(
                    "{} sets with {rest} s rest take about {} min; {minutes} min are left.",
                    plan.sets,
                    needed.div_ceil(60)
                ),
                "All sets fit in the time left.",
            );
            suggestion.signals = read;
            return suggestion;
        }
    }

    let rpe = s.last_rpe();
    let missed = s.last_sets.iter().any(|set| set.reps < plan.reps);
    let driven =
        s.energy().is_none_or(|e| e >= LOW_DRIVE) && s.motivation().is_none_or(|m| m >= LOW_DRIVE);
    if let Some(rpe) = rpe {
        read.push(format!("mean RPE of the last sets: {}", num(rpe)));
    }
    if missed {
        read.push("reps missed in the last sets".to_owned());
    }

    if let (Some(rpe), false, true) = (rpe, missed, driven) {
        if rpe <= EASY_RPE {
            return progress(
                input,
                read,
                format!("The last sets were RPE {} with every rep done.", num(rpe)),
            );
        }
    }
    if let Some(rpe) = rpe.filter(|r| *r >= LIMIT_RPE) {
        if missed {
            let mut suggestion = out(
                Kind::DecreaseWeight,
                Prescription {
                    weight: plan.weight.map(|w| round_half(w * 0.95)),
                    ..plan.clone()
                },
                format!("Reps were missed at RPE {}: 5% less load.", num(rpe)),
                "The planned reps get done, close to but short of failure.",
            );
            suggestion.signals = read;
            return suggestion;
        }
    }
    if missed {
        let mut suggestion = out(
            Kind::AdjustReps,
            Prescription {
                reps: plan.reps.saturating_sub(1),
                ..plan.clone()
            },
            "Reps were missed in the last sets: one rep fewer per set at the same load.".to_owned(),
            "Sets completed as written, keeping the load.",
        );
        suggestion.signals = read;
        return suggestion;
    }
    if let Some(rpe) = rpe.filter(|r| *r >= HARD_RPE) {
        let rest = plan
            .rest_seconds
            .unwrap_or(input.profile.rest_time_preference)
            + 30;
        let mut suggestion = out(
            Kind::ModifyRest,
            Prescription {
                rest_seconds: Some(rest),
                ..plan.clone()
            },
            format!("The last sets were RPE {}: 30 s more rest.", num(rpe)),
            "The next sets start better recovered.",
        );
        suggestion.signals = read;
        return suggestion;
    }

    if rpe.is_none() && driven {
        if let Some(stats) = &input.stats {
            let easy = stats.avg_rpe.is_some_and(|r| r <= EASY_RPE);
            let completing = stats.completion_rate.is_none_or(|c| c >= 0.9);
            let strain = stats.rpe_trend == Trend::Rising && stats.volume_trend != Trend::Rising;
            if let Some(avg) = stats.avg_rpe {
                read.push(format!("average RPE of recent sessions: {}", num(avg)));
            }
            if easy && completing && !strain {
                return progress(
                    input,
                    read,
                    "Recent sessions averaged an easy RPE with the plan completed.".to_owned(),
                );
            }
        }
    }

    let mut suggestion = out(
        Kind::KeepPlan,
        plan.clone(),
        "Nothing calls for a change: do the set as planned.".to_owned(),
        "Steady work at the planned load.",
    );
    suggestion.signals = read;
    suggestion
}

/// More load (or a rep more without load): a step of 2.5 % to 7.5 % by the athlete's
/// progression preference, rounded to 0.5; the clamps cap it.
fn progress(input: &CoachInput, read: Vec<String>, why: String) -> Suggestion {
    let plan = &input.planned;
    let step = 0.025 + 0.05 * ((input.profile.progression_rate.clamp(1.0, 10.0) - 1.0) / 9.0);
    let (kind, prescription, outcome) = match plan.weight {
        Some(w) if w > 0.0 => (
            Kind::IncreaseWeight,
            Prescription {
                weight: Some(round_half(w * (1.0 + step)).max(w + 0.5)),
                ..plan.clone()
            },
            "Progressive overload while the sets stay submaximal.",
        ),
        _ => (
            Kind::AdjustReps,
            Prescription {
                reps: plan.reps + 1,
                ..plan.clone()
            },
            "One more rep per set: progression without load.",
        ),
    };
    let alternative = Alternative {
        kind: Kind::AdjustReps,
        prescription: Prescription {
            reps: plan.reps + 1,
            ..plan.clone()
        },
        note: "Keep the load and add a rep to each set.".to_owned(),
    };
    Suggestion {
        kind,
        prescription,
        substitute: None,
        reasoning: why,
        expected_outcome: outcome.to_owned(),
        signals: read,
        alternatives: if kind == Kind::IncreaseWeight {
            vec![alternative]
        } else {
            Vec::new()
        },
    }
}

/// Rounds a load to the nearest 0.5.
fn round_half(weight: f64) -> f64 {
    (weight * 2.0).round() / 2.0
}
