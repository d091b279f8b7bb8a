//! The built-in planner: a deterministic program writer that needs no model. From the
//! athlete context it chooses exercises the athlete has the equipment for, balanced across
//! movement patterns; sets rep ranges and intensities by goal and level (NSCA zones); bases
//! loads on the training-max and e1RM history with a gentle weekly progression and a lighter
//! week in every block of four; honours coach notes that name an exercise or a body part and
//! the simple parts of the coach's directions; and explains every choice with the athlete's
//! own numbers.
//!
//! It answers in the same shapes a model is asked for (an [`Envelope`], a
//! [`Skeleton`](crate::task::Skeleton), a [`WeekAnswer`](crate::task::WeekAnswer)), so its
//! programs go through the same parse-validate path; see [`Planner`]'s
//! [`Provider`](crate::Provider) implementation.
//!
//! Defaults when the request leaves them out (and the directions do not say):
//! - weeks: the current program's length when it is a fixed block of 4-16 weeks, else 4 (one
//!   block: three building weeks and a deload, reference/001's "Month 4");
//! - days per week: the current program's, else the athlete's logged workouts per week
//!   (2-5), else 3.
//!
//! ```
//! use replog_core::context::{ContextOptions, build_context, synthetic_logbook};
//! use replog_llm::planner::Planner;
//! use replog_llm::task::ProgramRequest;
//!
//! let context = build_context(&synthetic_logbook(12, 3, 1), &ContextOptions::default());
//! let plan = Planner::new().plan(&context, &ProgramRequest::default()).unwrap();
//! assert!(!plan.envelope.reasoning.is_empty());
//! assert_eq!(plan.envelope.catalog.programs.len(), 1);
//! ```

mod choose;
mod dose;
mod draft;
mod library;
mod load;
mod notes;
mod pattern;
mod provider;
mod reasoning;
mod write;

use std::collections::BTreeMap;

use replog_core::context::AthleteContext;
use replog_core::{Envelope, Unit};
use serde::Serialize;

use crate::LlmError;
use crate::provider::{ErrorKind, ProviderError};
use crate::task::ProgramRequest;

pub use dose::Focus;
pub use load::{LoadBasis, TM_FRACTION};
pub use pattern::Pattern;

use choose::{Candidate, Pick, Pool};
use dose::Athlete;
use notes::Constraints;

/// The provider name the planner answers to (`llm.provider = builtin`).
pub const NAME: &str = "builtin";
/// The planner's model name, reported in every response.
pub const MODEL: &str = "replog-planner-1";
/// Weeks when neither the request, the directions nor the current program say.
pub const DEFAULT_WEEKS: u32 = 4;
/// Days per week when neither the request, the directions nor the history say.
pub const DEFAULT_DAYS: u32 = 3;

/// The built-in planner. Stateless and cheap: build one with [`Planner::new`] and share it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Planner;

/// A planned program: the envelope a model would have answered with, and what the planner
/// decided on the way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The reasoning and the CatalogJSON document (one program, and the exercises it uses
    /// that the context's catalog does not have).
    pub envelope: Envelope,
    /// Weeks in the program.
    pub weeks: u32,
    /// Training days per week.
    pub days_per_week: u32,
    /// What the program trains for.
    pub focus: Focus,
    /// Every exercise the program uses, in order of first use.
    pub exercises: Vec<PlannedExercise>,
    /// What each day of a week trains, in words (`power, squat, horizontal push, ...`), by
    /// day in the week's order.
    pub day_focus: Vec<String>,
}

/// An exercise the program uses and why it is there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedExercise {
    /// The name as the program writes it.
    pub name: String,
    /// The movement pattern it fills.
    pub pattern: Pattern,
    /// Whether the document defines it (it is not in the context's catalog).
    pub defined: bool,
    /// What its loads are based on.
    pub basis: LoadBasis,
}

/// Everything decided before the weeks are written, shared with the reasoning.
pub(crate) struct Draft<'c> {
    context: &'c AthleteContext,
    request: &'c ProgramRequest,
    constraints: Constraints,
    unit: Unit,
    weeks: u32,
    weeks_why: String,
    days: u32,
    days_why: String,
    focus: Focus,
    focus_from: Option<String>,
    explosive: bool,
    who: Athlete,
    equipment: Vec<String>,
    pool: Pool<'c>,
    picks: Vec<Vec<Pick>>,
    bases: BTreeMap<(Pattern, usize), (LoadBasis, Option<String>)>,
}

impl<'c> Draft<'c> {
    fn candidate(&self, pick: &Pick) -> Option<&Candidate<'c>> {
        self.pool.of(pick.pattern).get(pick.index)
    }

    fn basis(&self, pick: &Pick) -> LoadBasis {
        self.bases
            .get(&(pick.pattern, pick.index))
            .map_or(LoadBasis::Effort, |(basis, _)| *basis)
    }
}

fn invalid(message: String) -> LlmError {
    LlmError::Provider(ProviderError::new(ErrorKind::InvalidRequest, message))
}

impl Planner {
    /// The planner.
    pub fn new() -> Self {
        Self
    }

    /// Plans a program for the athlete of `context` as `request` asks.
    ///
    /// # Errors
    /// [`LlmError::Provider`] of kind [`ErrorKind::InvalidRequest`] for a request outside
    /// CatalogJSON's limits: 0 or more than 52 weeks, 0 or more than 7 days, a name longer
    /// than 200 characters.
    pub fn plan(
        &self,
        context: &AthleteContext,
        request: &ProgramRequest,
    ) -> Result<Plan, LlmError> {
        let draft = draft::draft(context, request)?;
        Ok(write::write(&draft))
    }
}
