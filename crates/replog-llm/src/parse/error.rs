//! Why an answer could not be read as JSON, and where.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::position::Position;

/// An answer that could not be read, with the line and column of the failure in the
/// original text.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[error("{kind} at {at}")]
pub struct ParseError {
    /// What went wrong.
    pub kind: ParseErrorKind,
    /// Where.
    pub at: Position,
}

/// What went wrong while reading an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The text holds no JSON object (nor a fenced or whole-text JSON value).
    NoJson,
    /// The JSON stops before it is complete: the answer was cut off. Never repaired.
    Truncated {
        /// What was left open.
        detail: String,
    },
    /// The JSON is malformed in a way that is not repaired locally.
    Syntax {
        /// The parser's description.
        detail: String,
    },
    /// `NaN` or `Infinity`, which JSON cannot hold; replacing it would invent a number.
    NonFiniteNumber {
        /// The literal found.
        literal: String,
    },
    /// An object has the same key twice; keeping either would silently drop the other.
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// JSON was found, but no object with the expected members.
    MissingMembers {
        /// The members looked for.
        expected: Vec<String>,
    },
    /// JSON was found, but it is not the LLM output envelope (nor a bare CatalogJSON
    /// document).
    NotAnEnvelope {
        /// What is wrong with it.
        detail: String,
    },
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoJson => f.write_str("no JSON object found in the answer"),
            Self::Truncated { detail } => {
                write!(f, "the JSON is cut off before it is complete ({detail})")
            }
            Self::Syntax { detail } => write!(f, "malformed JSON: {detail}"),
            Self::NonFiniteNumber { literal } => {
                write!(f, "{literal} is not a number JSON can hold")
            }
            Self::DuplicateKey { key } => write!(f, "the key {key:?} appears twice in one object"),
            Self::MissingMembers { expected } => {
                write!(f, "no JSON object with the members {}", expected.join(", "))
            }
            Self::NotAnEnvelope { detail } => write!(f, "not a program answer: {detail}"),
        }
    }
}
