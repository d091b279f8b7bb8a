//! The logbook: an athlete's history as a host hands it over (`spec/logbook-json.md`).
//!
//! `Deserialize` is a plain decode for trusted data, like [`crate::Catalog`]'s; untrusted
//! text goes through `replog_catalog::validate_logbook`, which reports every issue and builds
//! this value in one pass.

pub use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::exercise::Tier;
use crate::limits::{
    ATHLETE_NAME_MAX, BODY_WEIGHT_MAX, EXERCISE_NAME_MAX, GOAL_MAX, LOGBOOK_VERSION,
    LOGGED_REPS_MAX, MAX_ASSIGNED_PROGRAMS, MAX_DAYS, MAX_ENTRIES, MAX_EQUIPMENT, MAX_WEEKS,
    MAX_WORKOUT_SETS, MAX_WORKOUTS, NON_BLANK_PATTERN, NOTE_MAX, PROGRAM_NAME_MAX, RPE_MAX,
    RPE_MIN, SET_NUMBER_MAX, TOKEN_PATTERN, WEIGHT_MAX, WEIGHT_MIN, WORKOUT_SECONDS_MAX,
};
use crate::program::{Program, RepType, Unit};

/// A Logbook JSON v1 document: who the athlete is, what they have, and what they did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logbook {
    /// Always 1.
    pub logbook_version: LogbookVersion,
    /// The day the context describes; nothing after it is used. Default: the latest date in
    /// the logbook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The unit of every weight in the logbook (logged sets, training maxes, body weights);
    /// required when any is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// Who the athlete is.
    pub athlete: Athlete,
    /// The equipment the athlete has (snake_case tokens; at most 200).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_EQUIPMENT), inner(regex(pattern = TOKEN_PATTERN)))]
    pub equipment: Vec<String>,
    /// The programs the athlete has been assigned, with their templates (at most 1000).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_ASSIGNED_PROGRAMS))]
    pub programs: Vec<AssignedProgram>,
    /// The workouts the athlete logged (at most 20000).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_WORKOUTS))]
    pub workouts: Vec<Workout>,
    /// Training maxes, each effective from its date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_ENTRIES))]
    pub training_maxes: Vec<TrainingMax>,
    /// Body-weight measurements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_ENTRIES))]
    pub body_weights: Vec<BodyWeight>,
    /// The coaches' notes about the athlete, private ones included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_ENTRIES))]
    pub notes: Vec<CoachNote>,
    /// Earlier long-term goals, each from its date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_ENTRIES))]
    pub goal_history: Vec<GoalChange>,
    /// Earlier tiers, each from its date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_ENTRIES))]
    pub tier_history: Vec<TierChange>,
}

impl Logbook {
    /// An empty logbook for the named athlete: no history, no equipment, no unit.
    pub fn new(athlete: impl Into<String>) -> Self {
        Self {
            logbook_version: LogbookVersion,
            as_of: None,
            unit: None,
            athlete: Athlete::named(athlete),
            equipment: Vec::new(),
            programs: Vec::new(),
            workouts: Vec::new(),
            training_maxes: Vec::new(),
            body_weights: Vec::new(),
            notes: Vec::new(),
            goal_history: Vec::new(),
            tier_history: Vec::new(),
        }
    }

    /// The day the logbook describes: `as_of` when given, else the latest date anywhere in
    /// it (workouts, assignments, training maxes, body weights, notes, goal and tier
    /// changes); `None` for a logbook with no dates at all.
    pub fn as_of(&self) -> Option<Date> {
        self.as_of.or_else(|| self.dates().max())
    }

    /// Every date in the logbook apart from `as_of` and the athlete's birth date.
    fn dates(&self) -> impl Iterator<Item = Date> + '_ {
        let programs = self.programs.iter().map(|p| p.assigned_at);
        let workouts = self.workouts.iter().map(|w| w.date);
        let maxes = self.training_maxes.iter().map(|t| t.effective_date);
        let weights = self.body_weights.iter().map(|b| b.date);
        let notes = self.notes.iter().map(|n| n.date);
        let goals = self.goal_history.iter().map(|g| g.date);
        let tiers = self.tier_history.iter().map(|t| t.date);
        programs
            .chain(workouts)
            .chain(maxes)
            .chain(weights)
            .chain(notes)
            .chain(goals)
            .chain(tiers)
    }

    /// The assigned program with this exact name, if any.
    pub fn program(&self, name: &str) -> Option<&AssignedProgram> {
        self.programs.iter().find(|p| p.name == name)
    }
}

crate::version::version_marker!(
    /// The `logbook_version` member: the constant 1.
    LogbookVersion,
    "logbook_version",
    LOGBOOK_VERSION
);

/// Who the athlete is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Athlete {
    /// The athlete's name (1-200 characters).
    #[schemars(length(min = 1, max = ATHLETE_NAME_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub name: String,
    /// Date of birth; the youth lints apply under 18.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Date>,
    /// The athlete's current tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// The long-term goal (at most 500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = GOAL_MAX))]
    pub goal: Option<String>,
    /// What a coach should know (at most 5000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = NOTE_MAX))]
    pub notes: Option<String>,
}

impl Athlete {
    /// An athlete with only a name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            birth_date: None,
            tier: None,
            goal: None,
            notes: None,
        }
    }

    /// Whole years of age on `day`, if the birth date is known (`None` before birth).
    pub fn age_on(&self, day: Date) -> Option<u32> {
        let birth = self.birth_date?;
        if day < birth {
            return None;
        }
        let mut years = day.year() - birth.year();
        if (day.month(), day.day()) < (birth.month(), birth.day()) {
            years -= 1;
        }
        u32::try_from(years).ok()
    }
}

/// A program assigned to the athlete, with its template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignedProgram {
    /// The name workouts refer to it by; unique in the logbook after normalisation.
    #[schemars(length(min = 1, max = PROGRAM_NAME_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub name: String,
    /// The day it was assigned.
    pub assigned_at: Date,
    /// Where the assignment stands.
    pub status: ProgramStatus,
    /// The goal of this cycle (at most 500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = GOAL_MAX))]
    pub goal: Option<String>,
    /// The program template, a CatalogJSON program.
    pub template: Program,
}

/// Where a program assignment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProgramStatus {
    /// Being followed now.
    Active,
    /// Finished.
    Completed,
    /// Stopped before the end.
    Abandoned,
    /// Assigned for later.
    Planned,
}

/// One training session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workout {
    /// The day it took place.
    pub date: Date,
    /// The session's title, as the athlete's app named it (at most 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = PROGRAM_NAME_MAX))]
    pub name: Option<String>,
    /// How long the session lasted, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = WORKOUT_SECONDS_MAX))]
    pub duration_seconds: Option<u32>,
    /// The assigned program it was done against; absent for free training.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = PROGRAM_NAME_MAX))]
    pub program: Option<String>,
    /// The template's week (1 for a loop); present exactly when `program` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = MAX_WEEKS))]
    pub week: Option<u32>,
    /// The template's day number; present exactly when `program` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = MAX_DAYS))]
    pub day: Option<u32>,
    /// The sets logged (at most 500).
    #[serde(default)]
    #[schemars(length(max = MAX_WORKOUT_SETS))]
    pub sets: Vec<LoggedSet>,
    /// The coach's review of the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// The athlete's notes on the session (at most 5000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = NOTE_MAX))]
    pub notes: Option<String>,
}

impl Workout {
    /// Whether the workout was done against a program (else it is free training).
    pub fn is_programmed(&self) -> bool {
        self.program.is_some()
    }
}

/// One set as the athlete did it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoggedSet {
    /// The exercise, by name (resolved like CatalogJSON names).
    #[schemars(length(min = 1, max = EXERCISE_NAME_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub exercise: String,
    /// 1-based within that exercise in that workout; warm-up sets are numbered on their own,
    /// so the template's set `n` is the logged working set `n`.
    #[schemars(range(min = 1, max = SET_NUMBER_MAX))]
    pub set_number: u32,
    /// Repetitions (or seconds, or metres, by `rep_type`) done; 0 for a failed attempt.
    #[schemars(range(min = 0, max = LOGGED_REPS_MAX))]
    pub reps: u32,
    /// The load, in the logbook's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = WEIGHT_MIN, max = WEIGHT_MAX))]
    pub weight: Option<f64>,
    /// The rating of perceived exertion, 1-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = RPE_MIN, max = RPE_MAX))]
    pub rpe: Option<f64>,
    /// What `reps` counts.
    #[serde(default, skip_serializing_if = "RepType::is_default")]
    pub rep_type: RepType,
    /// What kind of set it was; warm-up, drop and failure sets are kept apart from working
    /// sets by the signals.
    #[serde(default, skip_serializing_if = "SetKind::is_working")]
    pub kind: SetKind,
    /// The athlete's note on the set (at most 5000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = NOTE_MAX))]
    pub notes: Option<String>,
}

impl LoggedSet {
    /// A working set of `reps` at `weight` (no RPE).
    pub fn new(
        exercise: impl Into<String>,
        set_number: u32,
        reps: u32,
        weight: Option<f64>,
    ) -> Self {
        Self {
            exercise: exercise.into(),
            set_number,
            reps,
            weight,
            rpe: None,
            rep_type: RepType::Reps,
            kind: SetKind::Working,
            notes: None,
        }
    }

    /// Whether the set counts as work: a working set with at least one rep
    /// (`spec/logbook-json.md`: "working sets are the logged sets with `reps >= 1`").
    pub fn is_working(&self) -> bool {
        self.reps >= 1 && self.kind == SetKind::Working
    }
}

/// What kind of set a logged set was (app exports mark these; the spec's sets are working).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SetKind {
    /// A working set (the default).
    #[default]
    Working,
    /// A warm-up set.
    WarmUp,
    /// A drop set after a working set.
    Drop,
    /// A set taken to failure.
    Failure,
}

impl SetKind {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    fn is_working(&self) -> bool {
        *self == Self::Working
    }
}

/// The coach's review of a workout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The verdict.
    pub status: ReviewStatus,
    /// The coach's comments (at most 5000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = NOTE_MAX))]
    pub notes: Option<String>,
}

/// A coach's verdict on a workout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Done as it should be.
    Approved,
    /// Needs attention.
    NeedsWork,
}

/// A training max, effective from its date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingMax {
    /// The exercise, by name.
    #[schemars(length(min = 1, max = EXERCISE_NAME_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub exercise: String,
    /// The training max, in the logbook's unit.
    #[schemars(range(min = WEIGHT_MIN, max = WEIGHT_MAX))]
    pub weight: f64,
    /// The day it takes effect.
    pub effective_date: Date,
}

/// A body-weight measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BodyWeight {
    /// The day it was measured.
    pub date: Date,
    /// The body weight, in the logbook's unit.
    #[schemars(range(min = 0.0, max = BODY_WEIGHT_MAX))]
    pub weight: f64,
}

/// A coach's note about the athlete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoachNote {
    /// The day it was written.
    pub date: Date,
    /// The note (1-5000 characters).
    #[schemars(length(min = 1, max = NOTE_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub content: String,
    /// Seen by coaches only (still part of the context: generation is coach-only).
    #[serde(default)]
    pub is_private: bool,
    /// Kept at the top of the list.
    #[serde(default)]
    pub pinned: bool,
}

/// A long-term goal the athlete had from a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalChange {
    /// The day the goal was set.
    pub date: Date,
    /// The goal (1-500 characters).
    #[schemars(length(min = 1, max = GOAL_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub goal: String,
}

/// A tier the athlete was in from a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TierChange {
    /// The day the tier took effect.
    pub date: Date,
    /// The tier.
    pub tier: Tier,
}
