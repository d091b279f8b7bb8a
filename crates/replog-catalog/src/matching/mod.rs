//! Exercise-name matching (issue 4): resolves a name from a log or a draft against a catalog
//! as `exact` (after the spec's normalisation), `alias`, `suggested` (with a confidence and up
//! to three candidates) or `new`.
//!
//! Names are compared by their movement words, with equipment split out wherever it stands
//! ("Bench Press (Dumbbell)", "Dumbbell Bench Press", "Shoulder Press, Dumbbells"),
//! abbreviations expanded (DB, BB, KB, RDL, OHP), plurals made singular, word order ignored
//! and grip or stance words counting for less. Equipment that differs is never a match; a name
//! that matches nothing well enough stays `new`, because a wrong match is worse than none.
//!
//! ```
//! use replog_catalog::matching::{MatchKind, Matcher};
//! use replog_core::Exercise;
//!
//! let mut press = Exercise::named("Dumbbell Bench Press");
//! press.equipment = vec!["dumbbell".into()];
//! let matcher = Matcher::new([&press, &Exercise::named("Barbell Bench Press")]);
//! let found = matcher.match_name("Bench Press (Dumbbell)");
//! assert_eq!(found.kind, MatchKind::Suggested);
//! assert_eq!(found.exercise.as_deref(), Some("Dumbbell Bench Press"));
//! assert_eq!(matcher.match_name("Bench Press (Kettlebell)").kind, MatchKind::New);
//! ```

mod matcher;
mod tokens;
mod vocabulary;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use matcher::{MISSING_EQUIPMENT_FACTOR, Matcher, SUGGEST_THRESHOLD};

/// How a name was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The name of a catalog exercise, after normalisation.
    Exact,
    /// An alias of a catalog exercise, after normalisation.
    Alias,
    /// Not a name the catalog knows, but like one: for a person to confirm.
    Suggested,
    /// Like no catalog exercise closely enough: a new exercise.
    New,
}

/// A catalog exercise offered for a name, with how sure the matcher is (0 to 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Candidate {
    /// The exercise's catalog name.
    pub name: String,
    /// How alike the names are, 0 to 1.
    pub confidence: f64,
}

/// The answer for one name: what it resolved to and how sure that is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NameMatch {
    /// The name as given.
    pub input: String,
    /// How it resolved.
    pub kind: MatchKind,
    /// The best candidate's catalog name; `None` for [`MatchKind::New`].
    pub exercise: Option<String>,
    /// How sure the match is, 0 to 1: 1 for exact and alias, the best candidate's score for
    /// suggested, 0 for new.
    pub confidence: f64,
    /// Up to three candidates, best first (ties in catalog order); empty for new.
    pub candidates: Vec<Candidate>,
}
