//! Program templates: Program > Week > Day > PrescribedExercise > Set, and progression rules.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::limits::{
    DAY_NAME_MAX, DAY_NUMBER_MAX, DAY_NUMBER_MIN, DELOAD_FAILURES_MAX, DELOAD_FAILURES_MIN,
    DELOAD_PERCENT_MAX, DELOAD_PERCENT_MIN, DESCRIPTION_MAX, DISTANCE_MAX, EXERCISE_NAME_MAX,
    EXERCISE_NOTES_MAX, GOAL_MAX, INCREMENT_MAX, MAX_DAY_EXERCISES, MAX_DAYS, MAX_RULES, MAX_SETS,
    MAX_WEEKS, MIN_DAY_EXERCISES, MIN_DAYS, MIN_SETS, MIN_WEEKS, NON_BLANK_PATTERN, PERCENT_TM_MAX,
    PERCENT_TM_MIN, PROGRAM_NAME_MAX, REPS_MAX, REPS_MIN, REST_SECONDS_MAX, RPE_MAX, RPE_MIN,
    RPE_STEP, SECONDS_MAX, SET_NOTES_MAX, SORT_ORDER_MIN, SUPERSET_PATTERN, WEEK_LABEL_MAX,
    WEIGHT_MAX, WEIGHT_MIN,
};

/// A program template: weeks of training days, and how loads progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// The program's name, unique in the document after normalisation (1-200 characters).
    #[schemars(length(min = 1, max = PROGRAM_NAME_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub name: String,
    /// What the program is (at most 5000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = DESCRIPTION_MAX))]
    pub description: Option<String>,
    /// What the program is for (at most 500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = GOAL_MAX))]
    pub goal: Option<String>,
    /// The unit of every `weight` and `increment`; required when any is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// A loop is one week repeated until the coach assigns something else.
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_loop: bool,
    /// The weeks, numbered 1, 2, ... in order (1-52; a loop has exactly 1).
    #[schemars(length(min = MIN_WEEKS, max = MAX_WEEKS))]
    pub weeks: Vec<Week>,
    /// How loads progress (at most 50).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_RULES))]
    pub progression_rules: Vec<ProgressionRule>,
}

impl Program {
    /// Every prescribed exercise of every day of every week, in document order.
    pub fn prescribed_exercises(&self) -> impl Iterator<Item = &PrescribedExercise> {
        self.weeks
            .iter()
            .flat_map(|w| w.days.iter())
            .flat_map(|d| d.exercises.iter())
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(value: &bool) -> bool {
    !*value
}

/// The unit of absolute loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Pounds.
    Lb,
    /// Kilograms.
    Kg,
}

/// One week of a program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Week {
    /// The week's number: 1 for the first week, then 2, 3, ...
    #[schemars(range(min = 1, max = MAX_WEEKS))]
    pub number: u32,
    /// A short label such as `deload` or `accumulation` (1-50 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = WEEK_LABEL_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub label: Option<String>,
    /// The training days, by ascending day number (1-7).
    #[schemars(length(min = MIN_DAYS, max = MAX_DAYS))]
    pub days: Vec<Day>,
}

/// One training day of a week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Day {
    /// The day of the week's schedule, 1-7, strictly ascending within the week.
    #[schemars(range(min = DAY_NUMBER_MIN, max = DAY_NUMBER_MAX))]
    pub number: u8,
    /// A name such as `Lower power` (1-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = DAY_NAME_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub name: Option<String>,
    /// The exercises of the day (1-30).
    #[schemars(length(min = MIN_DAY_EXERCISES, max = MAX_DAY_EXERCISES))]
    pub exercises: Vec<PrescribedExercise>,
}

/// An exercise prescribed on a day, with its sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrescribedExercise {
    /// The name of an exercise of the catalog in force.
    #[schemars(length(min = 1, max = EXERCISE_NAME_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub exercise: String,
    /// The position in the day, from 1; unique within the day.
    #[schemars(range(min = SORT_ORDER_MIN))]
    pub sort_order: u32,
    /// A letter shared by exercises performed alternately.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superset: Option<Superset>,
    /// Notes for this exercise on this day (at most 1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = EXERCISE_NOTES_MAX))]
    pub notes: Option<String>,
    /// The sets (1-20).
    #[schemars(length(min = MIN_SETS, max = MAX_SETS))]
    pub sets: Vec<Set>,
}

/// A superset group letter, `A` to `Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Superset(char);

impl Superset {
    /// The group with this letter, if it is an upper-case ASCII letter.
    pub fn new(letter: char) -> Option<Self> {
        letter.is_ascii_uppercase().then_some(Self(letter))
    }

    /// The group's letter.
    pub fn letter(self) -> char {
        self.0
    }
}

impl fmt::Display for Superset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Superset {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_char(self.0)
    }
}

impl<'de> Deserialize<'de> for Superset {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        let mut chars = text.chars();
        match (chars.next().and_then(Self::new), chars.next()) {
            (Some(group), None) => Ok(group),
            _ => Err(serde::de::Error::custom(format_args!(
                "superset must be one letter A-Z, got {text:?}"
            ))),
        }
    }
}

impl JsonSchema for Superset {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Superset".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A letter A-Z shared by exercises of the day performed alternately.",
            "type": "string",
            "pattern": SUPERSET_PATTERN,
        })
    }
}

/// One prescribed set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Set {
    /// What `reps` counts; `reps` when absent.
    #[serde(default, skip_serializing_if = "RepType::is_default")]
    pub rep_type: RepType,
    /// Repetitions (or seconds, or metres, by `rep_type`); null means as many as possible.
    /// 1-100 for `reps` and `each_side`, 1-3600 for `seconds`, 1-10000 for `distance`.
    #[schemars(required, schema_with = "reps_schema")]
    pub reps: Option<u32>,
    /// Percent of the athlete's training max, 1-120; excludes `weight`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = PERCENT_TM_MIN, max = PERCENT_TM_MAX))]
    pub percent_tm: Option<f64>,
    /// Absolute load in the program's unit, 0-2000; excludes `percent_tm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = WEIGHT_MIN, max = WEIGHT_MAX))]
    pub weight: Option<f64>,
    /// Target RPE, 1-10 in steps of 0.5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = RPE_MIN, max = RPE_MAX), extend("multipleOf" = RPE_STEP))]
    pub rpe: Option<f64>,
    /// Rest after the set, 0-1800 seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = REST_SECONDS_MAX))]
    pub rest_seconds: Option<u32>,
    /// Notes for this set (at most 500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = SET_NOTES_MAX))]
    pub notes: Option<String>,
}

impl Set {
    /// A set of `reps` repetitions with nothing else prescribed.
    pub fn reps(reps: u32) -> Self {
        Self {
            rep_type: RepType::Reps,
            reps: Some(reps),
            percent_tm: None,
            weight: None,
            rpe: None,
            rest_seconds: None,
            notes: None,
        }
    }

    /// Whether the set asks for as many as possible (`reps: null`).
    pub fn is_amrap(&self) -> bool {
        self.reps.is_none()
    }

    /// The set's load, if one is prescribed.
    pub fn load(&self) -> Option<Load> {
        match (self.percent_tm, self.weight) {
            (Some(percent), _) => Some(Load::PercentTm(percent)),
            (None, Some(weight)) => Some(Load::Weight(weight)),
            (None, None) => None,
        }
    }
}

fn reps_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "Repetitions (or seconds, or metres, by rep_type); null means as many as possible. At most 100 reps, 3600 seconds, 10000 metres.",
        "type": ["integer", "null"],
        "minimum": REPS_MIN,
        "maximum": DISTANCE_MAX,
    })
}

/// A set's load: relative to the training max, or absolute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Load {
    /// Percent of the athlete's training max.
    PercentTm(f64),
    /// Absolute load in the program's unit.
    Weight(f64),
}

/// What a set's `reps` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RepType {
    /// Repetitions.
    #[default]
    Reps,
    /// Repetitions on each side.
    EachSide,
    /// Seconds.
    Seconds,
    /// Metres.
    Distance,
}

impl RepType {
    /// The largest `reps` a set of this type may prescribe.
    pub fn max_reps(self) -> u64 {
        match self {
            Self::Reps | Self::EachSide => REPS_MAX,
            Self::Seconds => SECONDS_MAX,
            Self::Distance => DISTANCE_MAX,
        }
    }

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    pub(crate) fn is_default(&self) -> bool {
        *self == Self::Reps
    }
}

/// How a program's load progresses for one exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressionRule {
    /// An exercise prescribed on some day of the same program.
    #[schemars(length(min = 1, max = EXERCISE_NAME_MAX), regex(pattern = NON_BLANK_PATTERN))]
    pub exercise: String,
    /// How much to add each time, in the program's unit (greater than 0, at most 100).
    #[schemars(range(max = INCREMENT_MAX), extend("exclusiveMinimum" = 0))]
    pub increment: f64,
    /// How often the increment is added.
    pub every: Every,
    /// What the increment is added to; `training_max` when absent.
    #[serde(default, skip_serializing_if = "AppliesTo::is_default")]
    pub applies_to: AppliesTo,
    /// After this many failed sessions in a row, deload (1-10; goes with `deload_percent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = DELOAD_FAILURES_MIN, max = DELOAD_FAILURES_MAX))]
    pub deload_after_failures: Option<u8>,
    /// How far to deload, in percent (1-50; goes with `deload_after_failures`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = DELOAD_PERCENT_MIN, max = DELOAD_PERCENT_MAX))]
    pub deload_percent: Option<f64>,
}

/// How often a progression increment is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    /// After every session of the exercise.
    Session,
    /// Once a week.
    Week,
    /// Once per pass through the program.
    Cycle,
}

/// What a progression increment is added to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppliesTo {
    /// The athlete's training max for the exercise.
    #[default]
    TrainingMax,
    /// The absolute weight of the sets.
    Weight,
}

impl AppliesTo {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    fn is_default(&self) -> bool {
        *self == Self::TrainingMax
    }
}
