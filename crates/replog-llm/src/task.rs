//! What a generation asks for: the coach's [`ProgramRequest`], the typed [`Task`] behind each
//! prompt, and the shapes of the answers (whole program, skeleton, one week).
//!
//! Every [`Request`](crate::Request) the generation pipeline sends carries its task. HTTP
//! backends ignore it and read the prompt; a provider that works from data rather than text
//! (the built-in planner) answers from the task alone, in the same JSON shapes a model is
//! asked for, so both go through one parse-validate path.

use std::sync::Arc;

use replog_core::{AthleteContext, Exercise, ProgressionRule, Unit, Week};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the coach asks for. Every field is optional: the planner and the prompt choose from
/// the athlete's context (goal, level, schedule) what is not given.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramRequest {
    /// The program's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How many weeks (1-52).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u32>,
    /// Training days per week (1-7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_per_week: Option<u32>,
    /// The coach's directions in their own words ("no overhead pressing, shoulder rehab").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directions: Option<String>,
}

/// Which part of the program a call asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// The whole program in one answer: a [`replog_core::Envelope`].
    Whole,
    /// The outline first (incremental mode): a [`Skeleton`].
    Skeleton,
    /// One week of an outline already agreed (incremental mode): a [`WeekAnswer`].
    Week {
        /// The week's number, 1-based.
        number: u32,
        /// The outline the week belongs to.
        skeleton: Arc<Skeleton>,
    },
}

/// The typed task behind one prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// The athlete, as the context builder described them (catalog filtered to their
    /// equipment).
    pub context: Arc<AthleteContext>,
    /// What the coach asked for.
    pub request: ProgramRequest,
    /// What this call asks for.
    pub part: Part,
}

/// The outline of a program that an incremental generation asks for before its weeks: the
/// program's metadata, each week's label and each day's slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Skeleton {
    /// Why the program is shaped this way, citing the athlete's data.
    pub reasoning: String,
    /// The program's name (1-200 characters).
    pub name: String,
    /// What the program is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What the program is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// The unit of every weight in the program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// The weeks, numbered 1, 2, ... in order.
    pub weeks: Vec<WeekOutline>,
    /// How loads progress.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progression_rules: Vec<ProgressionRule>,
    /// Exercises the weeks will use that the catalog in force lacks, defined here once so
    /// every week can name them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exercises: Vec<Exercise>,
}

/// One week of a [`Skeleton`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeekOutline {
    /// The week's number, 1-based.
    pub number: u32,
    /// A short label such as `deload` or `accumulation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The training days.
    pub days: Vec<DayOutline>,
}

/// One day slot of a [`WeekOutline`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayOutline {
    /// The day of the week's schedule, 1-7.
    pub number: u8,
    /// A name such as `Lower power`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What the day trains (movement patterns, muscles, energy system).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
}

/// The answer to one week's call of an incremental generation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WeekAnswer {
    /// Why this week is built this way (may be short).
    pub reasoning: String,
    /// The week, with the number asked for.
    pub week: Week,
}
