//! The import plan (issue 4, reference/001's import preview): what importing a CatalogJSON
//! document into a host would do, for a coach to review and edit before anything is written.
//!
//! A [`ImportPlanner`] holds the host's side: its exercise catalog (matched with
//! [`Matcher`](crate::matching::Matcher)) and the names of its existing programs. From a
//! document it builds an [`ImportPlan`]:
//!
//! - one [`ExerciseMapping`] per exercise of the document (each exercise it defines, and each
//!   distinct name its prescribed exercises and progression rules use that it does not
//!   define), with the matcher's kind, confidence and candidates, the JSON Pointers of every
//!   reference, and an editable [`ExerciseDecision`]: use an existing host exercise, or
//!   create the exercise;
//! - one [`ProgramPlan`] per program, with an editable [`ProgramDecision`]: create, replace
//!   an existing host program of the same name, rename, or skip;
//! - the [`Conflict`]s of the decisions, as data, and a [`PlanSummary`] of what the import
//!   would create, use, replace and skip.
//!
//! Everything serialises with stable snake_case names (the JSON Schema is
//! [`ImportPlan::schema`]), so a browser can show the plan and send back an edited copy.
//! [`ImportPlanner::review`] re-checks an edited copy; [`ImportPlanner::apply`] turns it into the final
//! document to import (references renamed to the host's names, exercises that map to host
//! exercises not redefined, programs renamed or skipped) and validates that document against
//! the host catalog again. A plan edited into an inconsistent state is refused with a
//! [`PlanError`] naming every mapping at fault; nothing is dropped silently.
//!
//! ```
//! use replog_catalog::{ExerciseDecision, MatchKind, ImportPlanner, ProgramDecision};
//! use replog_core::{Catalog, Exercise};
//!
//! let mut clean = Exercise::named("Power Clean");
//! clean.equipment = vec!["barbell".into()];
//! let planner = ImportPlanner::new([&clean]).with_programs(["Month 4"]);
//!
//! let draft = br#"{"catalog_version": 1, "programs": [{"name": "month 4", "weeks": [
//!     {"number": 1, "days": [{"number": 1, "exercises": [
//!         {"exercise": "Power Cleans", "sort_order": 1, "sets": [{"reps": 3}]},
//!         {"exercise": "Zercher Carry", "sort_order": 2, "sets": [{"reps": 30}]}]}]}]}]}"#;
//! let (document, mut plan) = planner.plan_text(draft)?;
//!
//! assert_eq!(plan.exercises[0].kind, MatchKind::Suggested);
//! assert_eq!(plan.exercises[0].decision, ExerciseDecision::Use { exercise: "Power Clean".into() });
//! assert_eq!(plan.exercises[1].decision, ExerciseDecision::Create { name: None });
//! assert_eq!(plan.programs[0].decision, ProgramDecision::Replace { existing: "Month 4".into() });
//!
//! // The coach keeps the program beside the old one instead.
//! plan.programs[0].decision = ProgramDecision::Rename { name: "Month 4 (v2)".into() };
//! let applied = planner.apply(&document, &plan)?;
//! assert!(applied.is_valid());
//! let program = &applied.document.programs[0];
//! assert_eq!(program.name, "Month 4 (v2)");
//! assert_eq!(program.weeks[0].days[0].exercises[0].exercise, "Power Clean");
//! assert_eq!(applied.document.exercises[0].name, "Zercher Carry");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod apply;
mod build;
mod review;

use std::fmt;

use replog_core::Catalog;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::Validation;
use crate::matching::{Candidate, MatchKind};

pub use build::ImportPlanner;

/// The confidence (0 to 1) from which a `suggested` match is used by default, provided the
/// best candidate is also strictly ahead of the runner-up: otherwise the default decision is
/// to create the exercise, because a wrong match is worse than none.
///
/// A name that says the same words and equipment as a host exercise scores 1; one where only
/// one side says its equipment scores 0.9 (see
/// [`MISSING_EQUIPMENT_FACTOR`](crate::matching::MISSING_EQUIPMENT_FACTOR)): "Power Cleans"
/// against a catalog whose only power clean is "Power Clean" is used, "Bench Press" against
/// one with a dumbbell, a machine and a Smith machine bench press (all 0.9) is not.
pub const CONFIDENT: f64 = 0.9;

/// What importing a document into a host would do: the exercise mappings and program
/// decisions a coach edits, the conflicts between them, and a summary.
///
/// `conflicts` and `summary` are derived from the rest: [`ImportPlanner::review`] and
/// [`ImportPlanner::apply`] recompute them and ignore whatever an edited copy says (they may be
/// left out of it).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportPlan {
    /// One mapping per exercise of the document: those it defines (in document order), then
    /// each name it only references (in order of first reference).
    pub exercises: Vec<ExerciseMapping>,
    /// One entry per program of the document, in document order.
    pub programs: Vec<ProgramPlan>,
    /// Problems of the decisions as they stand; apply refuses the plan while any is an error.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// What the import would create, use, replace and skip, as decided.
    #[serde(default)]
    pub summary: PlanSummary,
}

impl ImportPlan {
    /// Whether no conflict is an error, so that [`ImportPlanner::apply`] accepts the plan.
    pub fn is_ready(&self) -> bool {
        !self.conflicts.iter().any(Conflict::is_error)
    }

    /// The conflicts that make [`ImportPlanner::apply`] refuse the plan.
    pub fn errors(&self) -> impl Iterator<Item = &Conflict> {
        self.conflicts.iter().filter(|conflict| conflict.is_error())
    }

    /// The mapping of a document exercise name, compared after normalisation.
    pub fn mapping(&self, name: &str) -> Option<&ExerciseMapping> {
        let key = replog_core::normalize_name(name);
        self.exercises
            .iter()
            .find(|mapping| replog_core::normalize_name(&mapping.name) == key)
    }

    /// The mapping of a document exercise name, to edit its decision.
    pub fn mapping_mut(&mut self, name: &str) -> Option<&mut ExerciseMapping> {
        let key = replog_core::normalize_name(name);
        self.exercises
            .iter_mut()
            .find(|mapping| replog_core::normalize_name(&mapping.name) == key)
    }

    /// The entry of a document program name, compared after normalisation.
    pub fn program(&self, name: &str) -> Option<&ProgramPlan> {
        let key = replog_core::normalize_name(name);
        self.programs
            .iter()
            .find(|program| replog_core::normalize_name(&program.name) == key)
    }

    /// The entry of a document program name, to edit its decision.
    pub fn program_mut(&mut self, name: &str) -> Option<&mut ProgramPlan> {
        let key = replog_core::normalize_name(name);
        self.programs
            .iter_mut()
            .find(|program| replog_core::normalize_name(&program.name) == key)
    }

    /// The JSON Schema (draft 2020-12) of a serialised plan, for a browser that shows or edits
    /// one, made the way the CatalogJSON schema is.
    pub fn schema() -> serde_json::Value {
        // The 2020-12 dialect never fails (`replog_core::schema::schema_for`).
        replog_core::schema::schema_for::<Self>(replog_core::schema::Dialect::Draft202012)
            .unwrap_or_default()
    }
}

/// How one exercise of the document maps to the host's catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExerciseMapping {
    /// The exercise's name in the document: its definition's name, or the first spelling
    /// of a name the document only references. Plan entries are matched to the document
    /// by this name after normalisation.
    pub name: String,
    /// A JSON Pointer to the document's definition (`/exercises/2`); absent when the
    /// document only references the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    /// JSON Pointers to every `exercise` member of the document that resolves to this
    /// exercise (prescribed exercises and progression rules), in document order.
    pub references: Vec<String>,
    /// How the name resolved against the host's catalog.
    pub kind: MatchKind,
    /// How sure the match is, 0 to 1: 1 for exact and alias, the best candidate's score for
    /// suggested, 0 for new.
    pub confidence: f64,
    /// Up to three host exercises offered, best first; empty for new.
    pub candidates: Vec<Candidate>,
    /// What the import does with the exercise; the coach may change it.
    pub decision: ExerciseDecision,
}

/// What the import does with one exercise of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum ExerciseDecision {
    /// Use an existing host exercise: every reference is renamed to its catalog name and the
    /// document's definition, if any, is not imported.
    Use {
        /// The host exercise's catalog name (an alias is accepted and read as its exercise).
        exercise: String,
    },
    /// Create the exercise: from the document's definition, or with nothing but its name
    /// when the document only references it.
    Create {
        /// A new name for it; every reference is renamed too. Absent: the document's name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
}

/// What the import does with one program of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramPlan {
    /// The program's name in the document; plan entries are matched to the document by
    /// this name after normalisation.
    pub name: String,
    /// The host program with the same name after normalisation, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing: Option<String>,
    /// What the import does with the program; the coach may change it.
    pub decision: ProgramDecision,
}

/// What the import does with one program of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum ProgramDecision {
    /// Import it as a new program under its own name.
    Create,
    /// Import it in place of an existing host program, under that program's name.
    Replace {
        /// The host program it replaces.
        existing: String,
    },
    /// Import it as a new program under another name.
    Rename {
        /// The new name.
        name: String,
    },
    /// Leave it out of the import.
    Skip,
}

/// A problem of the decisions of a plan, found when it is built or reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// What kind of problem.
    pub code: ConflictCode,
    /// `error` when apply refuses the plan until it is resolved, `warning` when the import
    /// can go ahead but the coach should look; fixed by the code.
    pub severity: ConflictSeverity,
    /// JSON Pointers into the plan of every entry involved, the one to edit first.
    pub paths: Vec<String>,
    /// What is wrong and how to resolve it, for a person.
    pub message: String,
}

impl Conflict {
    /// A conflict with the severity its code carries.
    pub(crate) fn new(code: ConflictCode, paths: Vec<String>, message: String) -> Self {
        Self {
            severity: code.severity(),
            code,
            paths,
            message,
        }
    }

    /// Whether the conflict makes [`ImportPlanner::apply`] refuse the plan.
    pub fn is_error(&self) -> bool {
        self.severity == ConflictSeverity::Error
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.paths.first().map_or("(plan)", String::as_str);
        write!(f, "{at}: {} [{}]", self.message, self.code)
    }
}

/// How serious a [`Conflict`] is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ConflictSeverity {
    /// Apply refuses the plan until the conflict is resolved.
    Error,
    /// The import can go ahead, but the coach should look.
    Warning,
}

/// The kinds of [`Conflict`], each with a fixed severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConflictCode {
    /// Error: a plan entry names an exercise or a program the document does not have.
    NotInDocument,
    /// Error: the document has an exercise or a program the plan has no entry for (the
    /// reviewed plan adds one with the default decision, for the coach to confirm).
    MissingDecision,
    /// Error: two plan entries for the same exercise or program.
    DuplicateDecision,
    /// Error: a mapping uses a host exercise the host's catalog does not have.
    UnknownHostExercise,
    /// Error: a mapping creates an exercise under a name the host's catalog already has.
    ExerciseExists,
    /// Error: two exercises the import creates share a name or an alias.
    DuplicateExercise,
    /// Error: an exercise the import creates has an alias that is the name a mapping uses
    /// for a host exercise, so those references would resolve to the new exercise.
    ShadowedExercise,
    /// Error: a rename to an empty name.
    BlankName,
    /// Error: a program created under a name the host already has (replace, rename or skip
    /// it).
    ProgramExists,
    /// Error: a program replaces a host program the host does not have.
    UnknownHostProgram,
    /// Error: a program renamed to the name of an existing host program.
    ProgramNameTaken,
    /// Error: two programs of the import end up with the same name.
    DuplicateProgram,
    /// Warning: two exercises of the document map to the same host exercise.
    SameHostExercise,
    /// Warning: a document exercise needs other equipment than the host exercise it maps to.
    EquipmentDiffers,
    /// Warning: an exercise the import creates has an alias the host's catalog already uses.
    AliasTaken,
}

impl ConflictCode {
    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotInDocument => "not_in_document",
            Self::MissingDecision => "missing_decision",
            Self::DuplicateDecision => "duplicate_decision",
            Self::UnknownHostExercise => "unknown_host_exercise",
            Self::ExerciseExists => "exercise_exists",
            Self::DuplicateExercise => "duplicate_exercise",
            Self::ShadowedExercise => "shadowed_exercise",
            Self::BlankName => "blank_name",
            Self::ProgramExists => "program_exists",
            Self::UnknownHostProgram => "unknown_host_program",
            Self::ProgramNameTaken => "program_name_taken",
            Self::DuplicateProgram => "duplicate_program",
            Self::SameHostExercise => "same_host_exercise",
            Self::EquipmentDiffers => "equipment_differs",
            Self::AliasTaken => "alias_taken",
        }
    }

    /// The severity conflicts of this code carry.
    pub fn severity(self) -> ConflictSeverity {
        match self {
            Self::SameHostExercise | Self::EquipmentDiffers | Self::AliasTaken => {
                ConflictSeverity::Warning
            }
            _ => ConflictSeverity::Error,
        }
    }
}

impl fmt::Display for ConflictCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the import would do, as decided: derived from the plan's decisions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanSummary {
    /// The exercises the import creates, by their final names.
    pub exercises_to_create: Vec<String>,
    /// The host exercises the document's exercises map to, each once, by catalog name.
    pub exercises_to_use: Vec<String>,
    /// The programs the import creates, by their final names (renamed ones included).
    pub programs_to_create: Vec<String>,
    /// The host programs the import replaces, by their names.
    pub programs_to_replace: Vec<String>,
    /// The document's programs left out of the import, by their names.
    pub programs_to_skip: Vec<String>,
}

/// An applied plan: the final document to import and its validation against the host.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Applied {
    /// The final document, as the plan builds it (also when its validation found errors).
    pub document: Catalog,
    /// The final document validated against the host's catalog.
    pub validation: Validation<Catalog>,
    /// The plan as applied: reviewed, its warnings (if any) still listed.
    pub plan: ImportPlan,
}

impl Applied {
    /// Whether the final document is valid against the host's catalog.
    pub fn is_valid(&self) -> bool {
        self.validation.is_valid()
    }
}

/// A plan [`ImportPlanner::apply`] refuses: it does not fit the document or the host, or its
/// decisions conflict. The reviewed plan inside lists every conflict.
#[derive(Debug, Clone, PartialEq, Error)]
pub struct PlanError {
    /// The plan as reviewed against the document and the host, with its conflicts.
    pub plan: Box<ImportPlan>,
}

impl PlanError {
    /// The conflicts that made the plan be refused.
    pub fn errors(&self) -> impl Iterator<Item = &Conflict> {
        self.plan.errors()
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.errors().count();
        write!(
            f,
            "the import plan cannot be applied ({count} error{}):",
            if count == 1 { "" } else { "s" }
        )?;
        for conflict in self.errors() {
            write!(f, "\n  {conflict}")?;
        }
        Ok(())
    }
}
