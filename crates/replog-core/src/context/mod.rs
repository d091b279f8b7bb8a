//! The athlete context (`spec/logbook-json.md`): a compact, computed, deterministic briefing
//! on one athlete, built from their [`Logbook`] without any LLM, in the shape of
//! reference/001's `AthleteContext`.
//!
//! Every number is computed here so the model never derives one: per-exercise e1RM, RPE and
//! volume signals with their trends, completion and weekly adherence against the assigned
//! templates, AMRAP results, PRs and the training streak. Nothing dated after `as_of` is read.
//! Lists that grow with the length of the history are bounded by [`ContextOptions`], so a
//! five-year logbook gives a context about as long as a six-month one.
//!
//! ```
//! use replog_core::context::{ContextOptions, build_context, synthetic_logbook};
//!
//! let logbook = synthetic_logbook(26, 4, 7);
//! let context = build_context(&logbook, &ContextOptions::default());
//! assert!(context.performance.streak_weeks > 0);
//! let json = serde_json::to_string(&context).expect("serialises");
//! assert_eq!(json, serde_json::to_string(&build_context(&logbook, &ContextOptions::default())).unwrap());
//! ```

pub(crate) mod adherence;
pub(crate) mod history;
mod profile;
pub(crate) mod records;
pub(crate) mod round;
pub(crate) mod signals;
mod synthetic;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use adherence::AdherenceWeek;
pub use profile::{
    AthleteProfile, BodyWeightEntry, CatalogEntry, GoalEntry, Goals, NoteEntry, ProgramSummary,
    TierEntry,
};
pub use records::PersonalRecord;
pub use signals::{
    ExerciseStats, RPE_SESSIONS, RPE_TREND_MIN_SESSIONS, RPE_TREND_SLOPE, TmEntry, Trend,
    VOLUME_TREND_CHANGE, VOLUME_WEEKS,
};
pub use synthetic::{SyntheticLogbook, synthetic_logbook};

use crate::index::ExerciseIndex;
use crate::logbook::{Date, Logbook};
use crate::program::Unit;
use history::History;

/// How to build a context. `Default` gives the documented defaults.
#[derive(Debug, Clone, Copy)]
pub struct ContextOptions<'a> {
    /// The day the context describes; default the logbook's ([`Logbook::as_of`]).
    pub as_of: Option<Date>,
    /// The host's exercises: names of logged sets, training maxes and templates resolve
    /// through it (aliases included) to its names, and the context carries its exercises
    /// the athlete has the equipment for. Default none.
    pub catalog: Option<&'a ExerciseIndex>,
    /// Sessions summarised per exercise in `recent_sets` (default 3).
    pub recent_sessions: usize,
    /// Exercises given stats, those with the most sessions first (default 30).
    pub max_exercises: usize,
    /// Training maxes kept per exercise, the latest (default 6).
    pub tm_history: usize,
    /// ISO weeks kept in `weekly_adherence`, the latest (default 8).
    pub adherence_weeks: usize,
    /// AMRAP results kept, the latest (default 8).
    pub amrap_results: usize,
    /// PRs kept, the latest (default 6).
    pub prs: usize,
    /// Prior programs kept, the newest (default 5).
    pub prior_programs: usize,
    /// Body weights kept: the first and the latest (default 5 in all).
    pub body_weights: usize,
}

impl Default for ContextOptions<'_> {
    fn default() -> Self {
        Self {
            as_of: None,
            catalog: None,
            recent_sessions: 3,
            max_exercises: 30,
            tm_history: 6,
            adherence_weeks: 8,
            amrap_results: 8,
            prs: 6,
            prior_programs: 5,
            body_weights: 5,
        }
    }
}

impl<'a> ContextOptions<'a> {
    /// These options describing `as_of` instead of the logbook's own day.
    #[must_use]
    pub fn with_as_of(mut self, as_of: Date) -> Self {
        self.as_of = Some(as_of);
        self
    }

    /// These options with the host's catalog.
    #[must_use]
    pub fn with_catalog(mut self, catalog: &'a ExerciseIndex) -> Self {
        self.catalog = Some(catalog);
        self
    }

    /// The day described: the option's, else the logbook's.
    pub(crate) fn as_of_for(&self, logbook: &Logbook) -> Option<Date> {
        self.as_of.or_else(|| logbook.as_of())
    }
}

/// The per-athlete briefing that goes into the prompt (reference/001's `AthleteContext`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AthleteContext {
    /// The day described; absent only for a logbook without a single date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The unit of every weight in the context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// Who the athlete is.
    pub athlete: AthleteProfile,
    /// The equipment the athlete has.
    pub available_equipment: Vec<String>,
    /// The program being followed (the newest active assignment), or null.
    pub current_program: Option<ProgramSummary>,
    /// Earlier assignments, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prior_programs: Vec<ProgramSummary>,
    /// The computed training signals.
    pub performance: Performance,
    /// Every coach's note, private ones included: pinned first, then newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coach_notes: Vec<NoteEntry>,
    /// The athlete's goals.
    pub goals: Goals,
    /// The host's exercises the athlete has the equipment for (absent without a catalog).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exercise_catalog: Vec<CatalogEntry>,
}

/// The computed training signals of the context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Performance {
    /// Per exercise, the most sessions first (then by name).
    pub exercise_stats: Vec<ExerciseStats>,
    /// Completed over prescribed sets over every programmed workout (0 to 1).
    #[serde(
        default,
        serialize_with = "round::opt_num",
        skip_serializing_if = "Option::is_none"
    )]
    pub adherence_rate: Option<f64>,
    /// Per ISO week with prescribed sets, the latest weeks, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weekly_adherence: Vec<AdherenceWeek>,
    /// Body weights, oldest first: the first measurement and the latest ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body_weights: Vec<BodyWeightEntry>,
    /// The latest logged AMRAP sets, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amrap_results: Vec<AmrapResult>,
    /// The latest PRs, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prs: Vec<PersonalRecord>,
    /// Consecutive ISO weeks with a workout, up to `as_of`'s week (or the week before when
    /// `as_of`'s week has none yet).
    pub streak_weeks: u32,
}

/// A prescribed AMRAP set as it was done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AmrapResult {
    /// The workout's date.
    pub date: Date,
    /// The exercise.
    pub exercise: String,
    /// Reps done.
    pub reps: u32,
    /// The weight, if logged.
    #[serde(
        default,
        serialize_with = "round::opt_num",
        skip_serializing_if = "Option::is_none"
    )]
    pub weight: Option<f64>,
    /// The set's e1RM (absent past 12 reps or without weight).
    #[serde(
        default,
        serialize_with = "round::opt_num",
        skip_serializing_if = "Option::is_none"
    )]
    pub e1rm: Option<f64>,
}

/// Builds the athlete context of `logbook` (pure and deterministic: the same logbook and
/// options give byte-identical JSON).
pub fn build_context(logbook: &Logbook, options: &ContextOptions<'_>) -> AthleteContext {
    let as_of = options.as_of_for(logbook);
    // A logbook without any date has nothing dated to use; the earliest day keeps it so.
    let history = History::build(logbook, as_of.unwrap_or(Date::MIN), options.catalog);
    let (current_program, prior_programs) =
        profile::programs(logbook, &history, options.prior_programs);
    let goals = profile::goals(logbook, current_program.as_ref(), history.as_of);
    AthleteContext {
        as_of,
        unit: logbook.unit,
        athlete: profile::profile(logbook, &history),
        available_equipment: logbook.equipment.clone(),
        current_program,
        prior_programs,
        performance: performance(logbook, &history, options),
        coach_notes: profile::notes(logbook, history.as_of),
        goals,
        exercise_catalog: profile::catalog(logbook, options.catalog),
    }
}

fn performance(
    logbook: &Logbook,
    history: &History<'_>,
    options: &ContextOptions<'_>,
) -> Performance {
    let as_of = history.as_of;
    let mut logs: Vec<_> = history
        .exercises
        .iter()
        .filter(|log| {
            !log.sessions.is_empty() || !log.training_maxes.is_empty() || log.tally.prescribed > 0
        })
        .collect();
    logs.sort_by(|a, b| {
        b.sessions
            .len()
            .cmp(&a.sessions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    logs.truncate(options.max_exercises);
    let exercise_stats = logs
        .into_iter()
        .map(|log| signals::exercise_stats(log, as_of, options.recent_sessions, options.tm_history))
        .collect();

    let weeks = adherence::weekly(history);
    let mut total = adherence::Tally::default();
    for (_, tally) in &weeks {
        total.add(*tally);
    }
    let weekly_adherence = weeks[weeks.len().saturating_sub(options.adherence_weeks)..]
        .iter()
        .map(|(week, tally)| adherence::adherence_week(*week, *tally))
        .collect();

    let amraps = &history.amraps[history.amraps.len().saturating_sub(options.amrap_results)..];
    let amrap_results = amraps
        .iter()
        .map(|amrap| AmrapResult {
            date: history.workouts[amrap.workout].date,
            exercise: history.exercises[amrap.exercise].name.clone(),
            reps: amrap.set.reps,
            weight: amrap.set.weight.map(round::one),
            e1rm: signals::set_e1rm(amrap.set).map(round::one),
        })
        .collect();

    let mut prs = records::records_between(history, Date::MIN, as_of);
    prs.truncate(options.prs);

    Performance {
        exercise_stats,
        adherence_rate: total.rate().map(round::two),
        weekly_adherence,
        body_weights: profile::body_weights(logbook, as_of, options.body_weights),
        amrap_results,
        prs,
        streak_weeks: records::streak_weeks(history),
    }
}
