//! The per-exercise signals of `spec/logbook-json.md`: e1RM, RPE average and trend, weekly
//! volume and its trend, completion rate, and a one-line summary of each recent session.
//!
//! Load signals (e1RM, tonnage) read only working sets whose `rep_type` counts repetitions
//! (`reps` or `each_side`): 30 seconds of a carry at 35 lb is not 30 reps, and counting it as
//! such would put a carry's "e1RM" and "tonnage" beside a squat's.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::history::{ExerciseLog, Session};
use super::round;
use crate::calendar::{WeekIndex, last_complete_week};
use crate::logbook::{Date, LoggedSet};
use crate::metrics::logged_set_e1rm;
use crate::program::RepType;

/// How many of an exercise's latest sessions `avg_rpe` and `rpe_trend` look at.
pub const RPE_SESSIONS: usize = 6;
/// The least slope (RPE per session) `rpe_trend` calls rising, and minus it falling.
pub const RPE_TREND_SLOPE: f64 = 0.15;
/// The fewest sessions with RPE `rpe_trend` needs.
pub const RPE_TREND_MIN_SESSIONS: usize = 3;
/// How many ISO weeks `volume_per_week` averages over, and `volume_trend` compares.
pub const VOLUME_WEEKS: i64 = 4;
/// The least relative change `volume_trend` calls rising, and minus it falling.
pub const VOLUME_TREND_CHANGE: f64 = 0.10;

/// Slack for comparisons at a threshold: a slope of exactly 0.15 computed in floating point
/// may come out as 0.149999...
const EPSILON: f64 = 1e-9;

/// Which way a signal is moving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// Going up by at least the signal's threshold.
    Rising,
    /// Within the threshold either way.
    Stable,
    /// Going down by at least the threshold.
    Falling,
    /// Too little data to say.
    InsufficientData,
}

impl Trend {
    /// The trend of a change against a threshold (at the threshold counts as moving).
    fn of(change: f64, threshold: f64) -> Self {
        if change >= threshold - EPSILON {
            Self::Rising
        } else if change <= -threshold + EPSILON {
            Self::Falling
        } else {
            Self::Stable
        }
    }
}

/// What the context says about one exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExerciseStats {
    /// The exercise: the catalog's name when it resolves there, else the first spelling seen.
    pub exercise: String,
    /// Workouts with at least one logged set of it, on or before `as_of`.
    pub sessions: u32,
    /// The best e1RM (Epley) of any working set; absent when no set has one.
    #[serde(
        default,
        serialize_with = "round::opt_num",
        skip_serializing_if = "Option::is_none"
    )]
    pub best_e1rm: Option<f64>,
    /// The best e1RM of the latest session that has one.
    #[serde(
        default,
        serialize_with = "round::opt_num",
        skip_serializing_if = "Option::is_none"
    )]
    pub latest_e1rm: Option<f64>,
    /// Its training maxes in date order (the latest few; see `ContextOptions::tm_history`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tm_history: Vec<TmEntry>,
    /// The latest sessions, one line each, oldest first: date, working sets grouped as
    /// `sets x reps @ weight` (`s` for seconds, `m` for metres, `/side` for each side), and
    /// the mean RPE, e.g. `2026-04-10 5x5 @ 225 (RPE 8)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recent_sets: Vec<String>,
    /// Mean RPE of the working sets with RPE in the last 6 sessions; absent if none.
    #[serde(
        default,
        serialize_with = "round::opt_num",
        skip_serializing_if = "Option::is_none"
    )]
    pub avg_rpe: Option<f64>,
    /// Least-squares slope of per-session mean RPE over the last 6 sessions with RPE:
    /// rising from +0.15 a session, falling from -0.15; insufficient under 3 sessions.
    pub rpe_trend: Trend,
    /// Mean weekly tonnage (weight x reps of working sets) over the last 4 ISO weeks that
    /// end on or before `as_of`, weeks without sessions counting 0.
    #[serde(serialize_with = "round::num")]
    pub volume_per_week: f64,
    /// Tonnage of those 4 weeks against the 4 before: rising from +10 %, falling from
    /// -10 %; insufficient when the earlier 4 weeks have no tonnage.
    pub volume_trend: Trend,
    /// Of its prescribed sets in programmed workouts, the share completed (0 to 1); absent
    /// with none prescribed.
    #[serde(
        default,
        serialize_with = "round::opt_num",
        skip_serializing_if = "Option::is_none"
    )]
    pub completion_rate: Option<f64>,
}

/// A training max from a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TmEntry {
    /// The day it took effect.
    pub date: Date,
    /// The training max.
    #[serde(serialize_with = "round::num")]
    pub weight: f64,
}

/// The signals of one exercise, `recent` sessions summarised and the latest `tm_history`
/// training maxes kept.
pub(crate) fn exercise_stats(
    log: &ExerciseLog<'_>,
    as_of: Date,
    recent: usize,
    tm_history: usize,
) -> ExerciseStats {
    let sessions = &log.sessions;
    let (recent_weeks, earlier_weeks) = volume_windows(sessions, as_of);
    let skip_tms = log.training_maxes.len().saturating_sub(tm_history);
    ExerciseStats {
        exercise: log.name.clone(),
        sessions: u32::try_from(sessions.len()).unwrap_or(u32::MAX),
        best_e1rm: sessions
            .iter()
            .filter_map(session_e1rm)
            .reduce(f64::max)
            .map(round::one),
        latest_e1rm: sessions.iter().rev().find_map(session_e1rm).map(round::one),
        tm_history: log.training_maxes[skip_tms..]
            .iter()
            .map(|t| TmEntry {
                date: t.effective_date,
                weight: round::one(t.weight),
            })
            .collect(),
        recent_sets: sessions[sessions.len().saturating_sub(recent)..]
            .iter()
            .map(summary)
            .collect(),
        avg_rpe: avg_rpe(sessions).map(round::one),
        rpe_trend: rpe_trend(sessions),
        volume_per_week: round::one(recent_weeks / VOLUME_WEEKS as f64),
        volume_trend: volume_trend(recent_weeks, earlier_weeks),
        completion_rate: log.tally.rate().map(round::two),
    }
}

/// Whether a set's `reps` counts repetitions, so that weight x reps means something.
fn counts_repetitions(set: &LoggedSet) -> bool {
    matches!(set.rep_type, RepType::Reps | RepType::EachSide)
}

/// The e1RM of a set for the signals: a working set counting repetitions, by the logbook's
/// e1RM definition ([`logged_set_e1rm`]).
pub(crate) fn set_e1rm(set: &LoggedSet) -> Option<f64> {
    if !set.is_working() || !counts_repetitions(set) {
        return None;
    }
    logged_set_e1rm(set.weight, set.reps)
}

/// The tonnage of a set: weight x reps for a working set counting repetitions, else 0.
pub(crate) fn set_tonnage(set: &LoggedSet) -> f64 {
    match set.weight {
        Some(weight)
            if weight.is_finite()
                && weight > 0.0
                && set.is_working()
                && counts_repetitions(set) =>
        {
            weight * f64::from(set.reps)
        }
        _ => 0.0,
    }
}

/// The best set e1RM of a session and the set it came from (the first of equals).
pub(crate) fn session_best<'a>(session: &Session<'a>) -> Option<(f64, &'a LoggedSet)> {
    let mut best: Option<(f64, &'a LoggedSet)> = None;
    for &set in &session.sets {
        if let Some(e1rm) = set_e1rm(set) {
            if best.is_none_or(|(top, _)| e1rm > top) {
                best = Some((e1rm, set));
            }
        }
    }
    best
}

/// The best set e1RM of a session.
pub(crate) fn session_e1rm(session: &Session<'_>) -> Option<f64> {
    session_best(session).map(|(e1rm, _)| e1rm)
}

/// The tonnage of a session.
pub(crate) fn session_tonnage(session: &Session<'_>) -> f64 {
    session.sets.iter().map(|s| set_tonnage(s)).sum()
}

/// The RPEs of a session's working sets.
fn rpes<'s>(session: &'s Session<'_>) -> impl Iterator<Item = f64> + 's {
    session
        .sets
        .iter()
        .filter(|s| s.is_working())
        .filter_map(|s| s.rpe)
}

/// Mean RPE over the working sets with RPE in the last [`RPE_SESSIONS`] sessions.
pub(crate) fn avg_rpe(sessions: &[Session<'_>]) -> Option<f64> {
    let last = &sessions[sessions.len().saturating_sub(RPE_SESSIONS)..];
    mean(last.iter().flat_map(rpes))
}

/// The least-squares slope of per-session mean RPE over the last [`RPE_SESSIONS`] sessions
/// with RPE, as a [`Trend`].
pub(crate) fn rpe_trend(sessions: &[Session<'_>]) -> Trend {
    let mut means: Vec<f64> = sessions
        .iter()
        .rev()
        .filter_map(|s| mean(rpes(s)))
        .take(RPE_SESSIONS)
        .collect();
    if means.len() < RPE_TREND_MIN_SESSIONS {
        return Trend::InsufficientData;
    }
    means.reverse();
    Trend::of(slope(&means), RPE_TREND_SLOPE)
}

/// The least-squares slope of `ys` against x = 0, 1, 2, ... (at least two points).
pub(crate) fn slope(ys: &[f64]) -> f64 {
    #[allow(clippy::cast_precision_loss)] // at most RPE_SESSIONS points
    let n = ys.len() as f64;
    let mean_x = (n - 1.0) / 2.0;
    let mean_y = ys.iter().sum::<f64>() / n;
    let (mut num, mut den) = (0.0, 0.0);
    for (x, y) in (0_u32..).map(f64::from).zip(ys) {
        num += (x - mean_x) * (y - mean_y);
        den += (x - mean_x) * (x - mean_x);
    }
    if den == 0.0 { 0.0 } else { num / den }
}

/// The tonnage of the last [`VOLUME_WEEKS`] ISO weeks that end on or before `as_of`, and of
/// the [`VOLUME_WEEKS`] before them. Reads only the sessions in those eight weeks.
pub(crate) fn volume_windows(sessions: &[Session<'_>], as_of: Date) -> (f64, f64) {
    let last = last_complete_week(as_of);
    let recent_from = last.plus(1 - VOLUME_WEEKS);
    let earlier_from = recent_from.plus(-VOLUME_WEEKS);
    let (mut recent, mut earlier) = (0.0, 0.0);
    for session in sessions.iter().rev() {
        let week = WeekIndex::of(session.date);
        if week < earlier_from {
            break;
        }
        if week > last {
            continue;
        }
        if week >= recent_from {
            recent += session_tonnage(session);
        } else {
            earlier += session_tonnage(session);
        }
    }
    (recent, earlier)
}

/// `volume_trend` from the tonnage of the recent and the earlier weeks.
pub(crate) fn volume_trend(recent: f64, earlier: f64) -> Trend {
    if earlier <= 0.0 {
        Trend::InsufficientData
    } else {
        Trend::of((recent - earlier) / earlier, VOLUME_TREND_CHANGE)
    }
}

/// The mean, or `None` for no values.
fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0_u32), |(s, c), v| (s + v, c + 1));
    (count > 0).then(|| sum / f64::from(count))
}

/// One line for a session: its date, its working sets grouped as `sets x reps @ weight` in
/// set-number order, and their mean RPE.
pub(crate) fn summary(session: &Session<'_>) -> String {
    let mut sets: Vec<&LoggedSet> = session
        .sets
        .iter()
        .copied()
        .filter(|s| s.is_working())
        .collect();
    sets.sort_by_key(|s| s.set_number);
    let mut line = session.date.to_string();
    if sets.is_empty() {
        line.push_str(" no working sets");
        return line;
    }
    let mut groups: Vec<(u32, &LoggedSet)> = Vec::new();
    for set in sets.iter().copied() {
        match groups.last_mut() {
            Some((count, first))
                if first.reps == set.reps
                    && first.weight == set.weight
                    && first.rep_type == set.rep_type =>
            {
                *count += 1;
            }
            _ => groups.push((1, set)),
        }
    }
    for (index, (count, set)) in groups.iter().enumerate() {
        line.push_str(if index == 0 { " " } else { ", " });
        let suffix = match set.rep_type {
            RepType::Reps => "",
            RepType::EachSide => "/side",
            RepType::Seconds => "s",
            RepType::Distance => "m",
        };
        line.push_str(&format!("{count}x{}{suffix}", set.reps));
        if let Some(weight) = set.weight {
            line.push_str(" @ ");
            line.push_str(&round::text(weight));
        }
    }
    if let Some(rpe) = mean(sets.iter().filter_map(|s| s.rpe)) {
        line.push_str(" (RPE ");
        line.push_str(&round::text(rpe));
        line.push(')');
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slope_of_a_line_is_its_gradient() {
        assert!((slope(&[7.0, 7.5, 8.0]) - 0.5).abs() < 1e-12);
        assert!((slope(&[8.0, 8.0, 8.0, 8.0]) - 0.0).abs() < 1e-12);
        assert!((slope(&[9.0, 8.0, 7.0, 6.0]) + 1.0).abs() < 1e-12);
        assert_eq!(slope(&[5.0]), 0.0);
    }

    #[test]
    fn trends_count_the_threshold_itself_as_moving() {
        assert_eq!(Trend::of(0.15, 0.15), Trend::Rising);
        assert_eq!(Trend::of(0.1 + 0.05, 0.15), Trend::Rising);
        assert_eq!(Trend::of(0.149, 0.15), Trend::Stable);
        assert_eq!(Trend::of(-0.15, 0.15), Trend::Falling);
        assert_eq!(volume_trend(110.0, 100.0), Trend::Rising);
        assert_eq!(volume_trend(90.0, 100.0), Trend::Falling);
        assert_eq!(volume_trend(109.0, 100.0), Trend::Stable);
        assert_eq!(volume_trend(100.0, 0.0), Trend::InsufficientData);
    }
}
