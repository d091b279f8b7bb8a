//! The generation record kept for audit (reference/001, phase 4): what the model was shown,
//! what it answered, what was repaired or rejected, and what it all cost.

use serde::Serialize;

use crate::provider::{Message, Usage};

/// Every call of one generation, in the order they finished.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GenerationRecord {
    /// The hash of the inputs that keys the journal.
    pub key: String,
    /// The provider that served (`openai`, `builtin`, ...).
    pub provider: String,
    /// The model that answered last (the configured one before any answer).
    pub model: String,
    /// `single` or `incremental`.
    pub mode: &'static str,
    /// The athlete context the prompts were built from.
    pub context: serde_json::Value,
    /// The calls made.
    pub calls: Vec<CallRecord>,
    /// Weeks taken from the journal of an earlier run instead of being asked for again.
    pub resumed_weeks: Vec<u32>,
    /// Tokens over every call.
    pub usage: Usage,
    /// Wall time of the generation in milliseconds.
    pub duration_ms: u64,
}

/// One provider call: a part and a round of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallRecord {
    /// `whole`, `skeleton` or `week 3`.
    pub part: String,
    /// 0 for the first ask, then 1, 2, ... for each re-ask.
    pub round: u32,
    /// The conversation sent.
    pub messages: Vec<Message>,
    /// The answer's text (the partial text of a truncated answer), absent when the call failed
    /// without one.
    pub response: Option<String>,
    /// Tokens the call spent, retries included.
    pub usage: Usage,
    /// HTTP attempts the call took.
    pub attempts: u32,
    /// How long the call took in milliseconds, back-off waits included.
    pub latency_ms: u64,
    /// Local repairs applied to the answer before validation.
    pub repairs: Vec<String>,
    /// Text around the answer's JSON that was not used.
    pub ignored: Vec<String>,
    /// What was wrong with the answer (empty when it was kept).
    pub problems: Vec<String>,
    /// The failure that ended the call, if it failed.
    pub error: Option<String>,
}
