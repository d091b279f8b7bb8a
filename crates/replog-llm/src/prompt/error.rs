//! Why a prompt could not be built: a task that contradicts itself, or a prompt that does not
//! fit its token budget with everything trimmable removed.

use thiserror::Error;

/// What can go wrong while building a prompt (wrapped in [`LlmError::Prompt`](crate::LlmError)).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum PromptError {
    /// The prompt needs more input tokens than the budget allows even after every trimmable
    /// part was removed (the rules, the request, the directions and the answer format are
    /// never trimmed). The estimate is that of the largest call of the generation the task
    /// belongs to, which is what the shared message is fitted to: a budget of at least it
    /// fits.
    #[error(
        "the prompt needs about {estimate} input tokens after trimming everything that may be \
         trimmed, over the budget of {budget}"
    )]
    OverBudget {
        /// The estimate after trimming.
        estimate: usize,
        /// The budget.
        budget: usize,
    },
    /// A week task names a week its outline does not have.
    #[error("week {number} is not in the outline (its weeks are {weeks})")]
    WeekNotInOutline {
        /// The week asked for.
        number: u32,
        /// The outline's week numbers, as a list (`1-12`, or `none`).
        weeks: String,
    },
    /// A member of the program request is out of its range.
    #[error("request.{field} is {value}, outside {range}")]
    InvalidRequest {
        /// The member (`weeks`, `days_per_week`).
        field: &'static str,
        /// The value given.
        value: u32,
        /// The allowed range, as text (`1-52`).
        range: &'static str,
    },
}
