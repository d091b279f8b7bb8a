//! CatalogJSON v1 for replog (`spec/catalog-json.md`): parse untrusted text and check every
//! rule of the contract in one pass, returning every issue with a JSON Pointer, a code from
//! the closed set, and a message a person can act on.
//!
//! Around the validator: Logbook JSON ([`Validator::validate_logbook`]), app exports
//! ([`apps`]), exercise-name matching ([`matching`]), the import plan a coach reviews before
//! a document enters the host ([`plan`], [`ImportPlanner`]), and converters from other formats
//! ([`convert`]).
//!
//! Features (both on by default): `convert` (the converters of [`convert`]; its equipment
//! vocabulary is always built) and `apps` (app-export import, which reads CSV and dates).
//! The browser package turns both off: it needs neither, nor the `csv` reader.
//!
//! ```
//! use replog_catalog::Validator;
//!
//! let doc = br#"{"catalog_version": 1, "programs": [{"name": "Block", "weeks": [
//!     {"number": 1, "days": [{"number": 1, "exercises": [
//!         {"exercise": "Squat", "sort_order": 1, "sets": [{"reps": 5, "rpe": 7.3}]}]}]}]}]}"#;
//! let report = Validator::new().validate(doc);
//! assert!(!report.is_valid());
//! let issue = &report.issues()[0];
//! assert_eq!(issue.path.to_string(), "/programs/0/weeks/0/days/0/exercises/0/sets/0/rpe");
//! assert_eq!(issue.code.as_str(), "not_multiple");
//! assert_eq!(issue.message, "rpe must be a multiple of 0.5, got 7.3");
//! ```

#[cfg(feature = "apps")]
pub mod apps;
pub mod convert;
mod document;
mod engine;
mod error;
mod logbook;
pub mod matching;
pub mod plan;
mod validate;
mod write;

pub use error::{CatalogError, DocumentKind, InvalidDocument};
pub use matching::{Candidate, MatchKind, Matcher, NameMatch};
pub use plan::{
    Applied, CONFIDENT, Conflict, ConflictCode, ConflictSeverity, ExerciseDecision,
    ExerciseMapping, ImportPlan, ImportPlanner, PlanError, PlanSummary, ProgramDecision,
    ProgramPlan,
};
pub use replog_core::{
    ExerciseIndex, IndexedExercise, SIMILAR, closest, closest_key, normalize_into, normalize_name,
};
pub use validate::{
    Limits, Root, Validation, Validator, parse, parse_logbook, validate, validate_logbook,
};
pub use write::{logbook_to_json, to_json};
