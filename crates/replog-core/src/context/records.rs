//! Personal records and training streaks (`spec/logbook-json.md`; the PR and streak numbers
//! of the v2 report, reference/003).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::history::{ExerciseLog, History};
use super::round;
use super::signals::session_best;
use crate::calendar::WeekIndex;
use crate::logbook::Date;

/// Slack for "exceeds": two sets of equal e1RM computed differently must not make a PR.
const EPSILON: f64 = 1e-9;

/// A personal record: a set whose e1RM exceeds the exercise's best e1RM of all earlier
/// dates. One per exercise and day (the day's best set); an exercise's first e1RM is never a
/// PR, as there is nothing earlier to beat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PersonalRecord {
    /// The day it was set.
    pub date: Date,
    /// The exercise.
    pub exercise: String,
    /// The record's value: the set's e1RM (Epley).
    #[serde(serialize_with = "round::num")]
    pub e1rm: f64,
    /// The set's weight.
    #[serde(serialize_with = "round::num")]
    pub weight: f64,
    /// The set's reps.
    pub reps: u32,
}

/// Every PR of one exercise, in date order.
pub(crate) fn exercise_records(log: &ExerciseLog<'_>) -> Vec<PersonalRecord> {
    let mut records = Vec::new();
    let mut best_before: Option<f64> = None;
    let mut sessions = log.sessions.iter().peekable();
    while let Some(first) = sessions.next() {
        // All sessions of one day compete together against the earlier days.
        let date = first.date;
        let mut day_best = session_best(first);
        while let Some(next) = sessions.next_if(|s| s.date == date) {
            if let Some((e1rm, set)) = session_best(next) {
                if day_best.is_none_or(|(top, _)| e1rm > top) {
                    day_best = Some((e1rm, set));
                }
            }
        }
        let Some((e1rm, set)) = day_best else {
            continue;
        };
        if let Some(before) = best_before {
            if e1rm > before + EPSILON {
                records.push(PersonalRecord {
                    date,
                    exercise: log.name.clone(),
                    e1rm: round::one(e1rm),
                    weight: round::one(set.weight.unwrap_or(0.0)),
                    reps: set.reps,
                });
            }
        }
        best_before = Some(best_before.map_or(e1rm, |b| b.max(e1rm)));
    }
    records
}

/// Every PR of every exercise dated within `from..=to`, newest first (then by exercise).
pub(crate) fn records_between(history: &History<'_>, from: Date, to: Date) -> Vec<PersonalRecord> {
    let mut records: Vec<PersonalRecord> = history
        .exercises
        .iter()
        .flat_map(exercise_records)
        .filter(|r| (from..=to).contains(&r.date))
        .collect();
    records.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.exercise.cmp(&b.exercise))
    });
    records
}

/// Consecutive ISO weeks with at least one workout, ending with the week of the history's
/// `as_of`, or with the week before when `as_of`'s week has no workout yet; 0 when neither
/// has one.
pub(crate) fn streak_weeks(history: &History<'_>) -> u32 {
    let current = WeekIndex::of(history.as_of);
    let mut weeks = history.dates().rev().map(WeekIndex::of);
    let Some(latest) = weeks.next() else { return 0 };
    if latest != current && latest != current.plus(-1) {
        return 0;
    }
    let mut streak = 1;
    let mut expected = latest.plus(-1);
    for week in weeks {
        if week == expected {
            streak += 1;
            expected = expected.plus(-1);
        } else if week < expected {
            break;
        }
    }
    streak
}
