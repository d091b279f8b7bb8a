//! The structural diff between a generated program and the one the coach approved
//! (reference/001, phase 4: what the coach changed, and which exercises they swapped).
//!
//! Weeks and days are matched by number, exercises within a day by normalised name (so a
//! reorder is a move and a swapped exercise is a removal plus an addition), sets by position,
//! progression rules by normalised exercise name; then scalar fields are compared.

mod pairing;
mod walk;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::program::Program;

/// What the coach changed between a generated program and the approved one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProgramDiff {
    /// Every change, approved program order first, then what was removed at that level.
    pub changes: Vec<Change>,
    /// Counts and the exercises swapped in and out.
    pub summary: DiffSummary,
}

impl ProgramDiff {
    /// Whether the coach approved the program unchanged.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Change {
    /// A JSON Pointer into the approved program, or into the generated one for a removal.
    pub path: String,
    /// What kind of change.
    pub kind: ChangeKind,
    /// The generated value (for a move, the generated `sort_order`); absent for an addition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    /// The approved value (for a move, the approved `sort_order`); absent for a removal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
    /// A sentence for the coach: `week 2 day 1, Back Squat set 3: reps changed from 5 to 3`.
    pub description: String,
}

/// The kinds of [`Change`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// In the approved program only.
    Added,
    /// In the generated program only.
    Removed,
    /// In both, with different values.
    Changed,
    /// An exercise in both whose place in the day's order changed.
    Moved,
}

/// The diff in numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct DiffSummary {
    /// Changes of kind `added`.
    pub added: usize,
    /// Changes of kind `removed`.
    pub removed: usize,
    /// Changes of kind `changed`.
    pub changed: usize,
    /// Changes of kind `moved`.
    pub moved: usize,
    /// Exercises the coach put into some day (approved spelling), sorted.
    pub exercises_added: Vec<String>,
    /// Exercises the coach took out of some day (generated spelling), sorted.
    pub exercises_removed: Vec<String>,
}

/// The structural diff from `generated` to `approved`.
pub fn diff_programs(generated: &Program, approved: &Program) -> ProgramDiff {
    let mut differ = walk::Differ::default();
    differ.program(generated, approved);
    let mut summary = DiffSummary {
        exercises_added: differ.exercises_added.into_iter().collect(),
        exercises_removed: differ.exercises_removed.into_iter().collect(),
        ..DiffSummary::default()
    };
    for change in &differ.changes {
        match change.kind {
            ChangeKind::Added => summary.added += 1,
            ChangeKind::Removed => summary.removed += 1,
            ChangeKind::Changed => summary.changed += 1,
            ChangeKind::Moved => summary.moved += 1,
        }
    }
    ProgramDiff {
        changes: differ.changes,
        summary,
    }
}
