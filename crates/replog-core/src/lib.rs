//! The typed core of replog: the training-program model of CatalogJSON v1, the logbook,
//! validation issues as data, the spec's limits, name normalisation, training metrics, and
//! the JSON Schema export in each provider's dialect.
//!
//! No I/O happens here, so the crate builds for `wasm32-unknown-unknown` and every binding
//! shares it. Parsing and validating untrusted text is `replog-catalog`'s job; it builds the
//! types of this crate.

mod calendar;
mod catalog;
pub mod coach;
pub mod context;
pub mod diff;
mod envelope;
mod error;
mod exercise;
mod index;
mod issue;
pub mod limits;
pub mod lint;
mod logbook;
pub mod metrics;
mod names;
mod program;
pub mod render;
pub mod report;
pub mod schema;
pub mod unicode;
mod version;

pub use calendar::{DateError, parse_date};
pub use catalog::{Catalog, CatalogVersion};
pub use context::{AthleteContext, ContextOptions, Trend, build_context};
pub use diff::{Change, ChangeKind, DiffSummary, ProgramDiff, diff_programs};
pub use envelope::Envelope;
pub use error::CoreError;
pub use exercise::{Category, Exercise, Tier};
pub use index::{ExerciseIndex, IndexedExercise, SIMILAR};
pub use issue::{Code, Issue, Path, Segment, Severity};
pub use logbook::{
    AssignedProgram, Athlete, BodyWeight, CoachNote, Date, GoalChange, Logbook, LogbookVersion,
    LoggedSet, ProgramStatus, Review, ReviewStatus, SetKind, TierChange, TrainingMax, Workout,
};
pub use names::{closest, closest_key, normalize_into, normalize_name};
pub use program::{
    AppliesTo, Day, Every, Load, PrescribedExercise, Program, ProgressionRule, RepType, Set,
    Superset, Unit, Week,
};
