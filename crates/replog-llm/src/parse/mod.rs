//! Tolerant reading of a model's answer: JSON from strict text, from a fenced block, after a
//! `<reasoning>` block, or among prose; local repair of the slips models make (comments,
//! trailing commas, typographic or single quotes, unquoted keys, a byte-order mark) before
//! anything is re-asked, each repair reported with its line and column; and nothing dropped
//! silently: unused text comes back in `ignored`.
//!
//! What is never repaired: a truncated answer (the pipeline must not accept a cut program),
//! `NaN`/`Infinity` (a number is never invented), a repeated key (either choice would lose
//! the other), and other malformed JSON. Each is a [`ParseError`] with its position in the
//! original text.

mod answer;
mod envelope;
mod error;
mod json;
mod lexer;
mod position;
mod repair;

use serde_json::Value;

pub use envelope::{ParsedEnvelope, parse_envelope};
pub use error::{ParseError, ParseErrorKind};
pub use position::Position;
pub use repair::{Repair, RepairKind};

use answer::Answer;

/// A model's answer, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The JSON answer.
    pub value: Value,
    /// The text of the first `<reasoning>...</reasoning>` block outside the JSON, trimmed,
    /// if any is non-empty.
    pub reasoning: Option<String>,
    /// Every local fix applied, in text order.
    pub repairs: Vec<Repair>,
    /// Non-whitespace text around the JSON that was not used, in text order: prose (code
    /// fence markers left out), other JSON values, further `<reasoning>` blocks.
    pub ignored: Vec<String>,
}

/// Reads the JSON answer in `text`. With several JSON values, the largest is the answer and
/// the others are reported in [`Parsed::ignored`].
///
/// ```
/// let text = "Here you go:\n```json\n{week: 1, 'days': [] /* rest */}\n```";
/// let parsed = replog_llm::parse::parse_answer(text)?;
/// assert_eq!(parsed.value, serde_json::json!({"week": 1, "days": []}));
/// let repairs: Vec<String> = parsed.repairs.iter().map(ToString::to_string).collect();
/// assert_eq!(repairs, [
///     "quoted the key \"week\" at line 3, column 2",
///     "read a single-quoted string at line 3, column 11",
///     "removed a /* */ comment at line 3, column 22",
/// ]);
/// assert_eq!(parsed.ignored, ["Here you go:"]);
/// # Ok::<(), replog_llm::parse::ParseError>(())
/// ```
pub fn parse_answer(text: &str) -> Result<Parsed, ParseError> {
    parse_answer_with(text, &[])
}

/// Reads the JSON answer in `text`: the largest JSON object that has all the `expected`
/// members (any JSON value when `expected` is empty); other values are reported in
/// [`Parsed::ignored`]. For the incremental mode's skeleton and week answers, whose members
/// are known.
pub fn parse_answer_with(text: &str, expected: &[&str]) -> Result<Parsed, ParseError> {
    let selected = Answer::read(text).select(
        |value| {
            expected.is_empty()
                || value
                    .as_object()
                    .is_some_and(|object| expected.iter().all(|m| object.contains_key(*m)))
        },
        || ParseErrorKind::MissingMembers {
            expected: expected.iter().map(|m| (*m).to_owned()).collect(),
        },
    )?;
    Ok(Parsed {
        value: selected.value,
        reasoning: selected.reasoning.map(|(text, _)| text),
        repairs: selected.repairs,
        ignored: selected.ignored,
    })
}
