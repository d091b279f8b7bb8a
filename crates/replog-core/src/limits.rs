//! The numeric bounds of CatalogJSON v1 (`spec/catalog-json.md`), declared once.
//!
//! The JSON Schema export (through `schemars` attributes on the model) and the validator in
//! `replog-catalog` both read these constants, so the two can never disagree about a bound.

/// The only `catalog_version` this library reads and writes.
pub const CATALOG_VERSION: u64 = 1;

/// Most exercises in one document.
pub const MAX_EXERCISES: usize = 5000;
/// Most programs in one document.
pub const MAX_PROGRAMS: usize = 100;

/// Longest exercise name or alias, in characters after trimming.
pub const EXERCISE_NAME_MAX: usize = 100;
/// Most aliases of one exercise.
pub const MAX_ALIASES: usize = 20;
/// Longest `form_notes`, in characters after trimming.
pub const FORM_NOTES_MAX: usize = 2000;

/// Longest program name.
pub const PROGRAM_NAME_MAX: usize = 200;
/// Longest program description.
pub const DESCRIPTION_MAX: usize = 5000;
/// Longest program goal.
pub const GOAL_MAX: usize = 500;
/// Fewest weeks in a program.
pub const MIN_WEEKS: usize = 1;
/// Most weeks in a program.
pub const MAX_WEEKS: usize = 52;
/// Most progression rules in a program.
pub const MAX_RULES: usize = 50;

/// Longest week label.
pub const WEEK_LABEL_MAX: usize = 50;
/// Fewest days in a week.
pub const MIN_DAYS: usize = 1;
/// Most days in a week.
pub const MAX_DAYS: usize = 7;

/// Smallest day number.
pub const DAY_NUMBER_MIN: u64 = 1;
/// Largest day number.
pub const DAY_NUMBER_MAX: u64 = 7;
/// Longest day name.
pub const DAY_NAME_MAX: usize = 100;
/// Fewest exercises in a day.
pub const MIN_DAY_EXERCISES: usize = 1;
/// Most exercises in a day.
pub const MAX_DAY_EXERCISES: usize = 30;

/// Smallest `sort_order`.
pub const SORT_ORDER_MIN: u64 = 1;
/// Longest notes on a prescribed exercise.
pub const EXERCISE_NOTES_MAX: usize = 1000;
/// Fewest sets of a prescribed exercise.
pub const MIN_SETS: usize = 1;
/// Most sets of a prescribed exercise.
pub const MAX_SETS: usize = 20;

/// Smallest non-null `reps`.
pub const REPS_MIN: u64 = 1;
/// Largest `reps` for `reps` and `each_side`.
pub const REPS_MAX: u64 = 100;
/// Largest `reps` for `seconds`.
pub const SECONDS_MAX: u64 = 3600;
/// Largest `reps` for `distance` (metres).
pub const DISTANCE_MAX: u64 = 10_000;
/// Smallest `percent_tm`.
pub const PERCENT_TM_MIN: f64 = 1.0;
/// Largest `percent_tm`.
pub const PERCENT_TM_MAX: f64 = 120.0;
/// Smallest absolute `weight`.
pub const WEIGHT_MIN: f64 = 0.0;
/// Largest absolute `weight`.
pub const WEIGHT_MAX: f64 = 2000.0;
/// Smallest target RPE.
pub const RPE_MIN: f64 = 1.0;
/// Largest target RPE.
pub const RPE_MAX: f64 = 10.0;
/// The step target RPEs move in.
pub const RPE_STEP: f64 = 0.5;
/// Longest rest.
pub const REST_SECONDS_MAX: u64 = 1800;
/// Longest notes on a set.
pub const SET_NOTES_MAX: usize = 500;

/// Largest progression increment (the smallest is exclusive 0).
pub const INCREMENT_MAX: f64 = 100.0;
/// Smallest `deload_after_failures`.
pub const DELOAD_FAILURES_MIN: u64 = 1;
/// Largest `deload_after_failures`.
pub const DELOAD_FAILURES_MAX: u64 = 10;
/// Smallest `deload_percent`.
pub const DELOAD_PERCENT_MIN: f64 = 1.0;
/// Largest `deload_percent`.
pub const DELOAD_PERCENT_MAX: f64 = 50.0;

/// The pattern every equipment and muscle token matches.
pub const TOKEN_PATTERN: &str = "^[a-z][a-z0-9_]*$";
/// The pattern a superset letter matches.
pub const SUPERSET_PATTERN: &str = "^[A-Z]$";
/// The pattern a required string matches: something besides white space.
///
/// The validator trims strings before it checks them; a schema cannot trim, so the exported
/// schema says "at least one character that is not white space" instead. White space is what
/// `str::trim` removes (Unicode `White_Space`), spelled out because `\S` differs by regex
/// engine: ECMA-262's, which JSON Schema uses, counts U+FEFF as space and U+0085 as not.
pub const NON_BLANK_PATTERN: &str =
    "[^\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";

// Logbook JSON (`spec/logbook-json.md`). The spec fixes the shape and leaves the bounds to
// the implementation; these keep a hostile document from costing more than a real one.

/// The only `logbook_version` this library reads and writes.
pub const LOGBOOK_VERSION: u64 = 1;
/// Longest athlete name.
pub const ATHLETE_NAME_MAX: usize = 200;
/// Longest athlete notes, coach note or workout review notes.
pub const NOTE_MAX: usize = 5000;
/// Most equipment tokens in a logbook.
pub const MAX_EQUIPMENT: usize = 200;
/// Most assigned programs in a logbook.
pub const MAX_ASSIGNED_PROGRAMS: usize = 1000;
/// Most workouts in a logbook (daily training for over 50 years).
pub const MAX_WORKOUTS: usize = 20_000;
/// Most logged sets in one workout.
pub const MAX_WORKOUT_SETS: usize = 500;
/// Most dated entries (training maxes, body weights, notes, goal and tier changes) of one kind.
pub const MAX_ENTRIES: usize = 20_000;
/// Largest logged `reps` (seconds and metres included, so the largest of the set bounds).
pub const LOGGED_REPS_MAX: u64 = DISTANCE_MAX;
/// Largest `set_number` of a logged set.
pub const SET_NUMBER_MAX: u64 = MAX_WORKOUT_SETS as u64;
/// Largest body weight, in the logbook's unit.
pub const BODY_WEIGHT_MAX: f64 = 2000.0;
/// Longest workout, in seconds (a full day).
pub const WORKOUT_SECONDS_MAX: u64 = 86_400;
