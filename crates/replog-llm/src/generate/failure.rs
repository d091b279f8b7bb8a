//! Why a generation failed, with everything a host needs to show it and to resume it.

use std::fmt;

use replog_core::Issue;

use super::record::GenerationRecord;
use crate::provider::{ErrorKind, Usage};

/// The class of a generation failure (stable snake_case codes for the bindings).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FailureKind {
    /// The provider failed after its retries (authentication, rate limit, timeout, refusal,
    /// truncation, ...): the provider's own kind.
    Provider(ErrorKind),
    /// The answers still broke the rules after every re-ask round.
    Invalid,
    /// The answers were not JSON even after local repair, after every re-ask round.
    Unparseable,
    /// The journal could not be read or written.
    Journal,
}

impl FailureKind {
    /// The stable code: the provider kind's code (`authentication`, `rate_limit`, `timeout`,
    /// `refusal`, `truncated`, ...), `invalid_output`, `unparseable_output` or `journal`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Provider(kind) => kind.code(),
            Self::Invalid => "invalid_output",
            Self::Unparseable => "unparseable_output",
            Self::Journal => "journal",
        }
    }
}

/// A failed generation: the reason, what it cost, the weeks it kept (in the journal, for a
/// resume) and the audit record.
#[derive(Debug, Clone)]
pub struct GenerationFailure {
    /// The class of failure.
    pub kind: FailureKind,
    /// One line for the user.
    pub message: String,
    /// The last answer's remaining problems (for [`FailureKind::Invalid`]).
    pub issues: Vec<Issue>,
    /// Provider calls made.
    pub attempts: u32,
    /// Tokens spent over every attempt.
    pub usage: Usage,
    /// Weeks that validated and were kept in the journal.
    pub weeks_kept: Vec<u32>,
    /// The record of every call.
    pub record: GenerationRecord,
}

impl fmt::Display for GenerationFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "generation failed ({}): {}",
            self.kind.code(),
            self.message
        )
    }
}
