//! The local fixes the tolerant parser applies before anything is re-asked, each reported
//! with where it was made.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::position::Position;

/// One local fix applied to an answer, and where in the original text it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    /// What was fixed.
    #[serde(flatten)]
    pub kind: RepairKind,
    /// Where: the start of the fixed token (or of the JSON value, for whole-value fixes).
    pub at: Position,
}

/// What a [`Repair`] fixed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum RepairKind {
    /// A byte-order mark at the start of the text, removed.
    ByteOrderMark,
    /// A `//` comment, removed.
    LineComment,
    /// A `/* */` comment, removed.
    BlockComment,
    /// A comma before a closing `}` or `]`, removed.
    TrailingComma,
    /// A string delimited by typographic quotes (`“…”` or `‘…’`), read as a JSON string.
    SmartQuotes,
    /// A string delimited by `'`, read as a JSON string.
    SingleQuotes,
    /// An object key without quotes, read as a string.
    UnquotedKey {
        /// The key.
        key: String,
    },
    /// The answer's members were wrapped in one more object; its only member was unwrapped.
    Unwrapped {
        /// The wrapper's member name.
        member: String,
    },
    /// A `<reasoning>` tag and a `reasoning` member with different texts were both kept:
    /// the tag's text, a blank line, then the member's.
    ReasoningMerged,
}

impl fmt::Display for RepairKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ByteOrderMark => f.write_str("removed a byte-order mark"),
            Self::LineComment => f.write_str("removed a // comment"),
            Self::BlockComment => f.write_str("removed a /* */ comment"),
            Self::TrailingComma => f.write_str("removed a trailing comma"),
            Self::SmartQuotes => f.write_str("read a string in typographic quotes"),
            Self::SingleQuotes => f.write_str("read a single-quoted string"),
            Self::UnquotedKey { key } => write!(f, "quoted the key {key:?}"),
            Self::Unwrapped { member } => {
                write!(f, "unwrapped the answer from the member {member:?}")
            }
            Self::ReasoningMerged => {
                f.write_str("kept both the <reasoning> tag and the reasoning member")
            }
        }
    }
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}", self.kind, self.at)
    }
}
