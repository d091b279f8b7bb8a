//! The error type of `replog-core`.

use thiserror::Error;

/// What can go wrong in `replog-core` itself (problems in a document are
/// [`Issue`](crate::Issue)s, not errors).
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum CoreError {
    /// A string that is not an RFC 6901 JSON Pointer.
    #[error("not a JSON Pointer: {0:?}")]
    InvalidPointer(String),
    /// A JSON Schema dialect cannot carry the schema (a provider's size limit, say).
    #[error("the {dialect} schema breaks a limit of that dialect: {reason}")]
    SchemaLimit {
        /// The dialect's name.
        dialect: &'static str,
        /// Which limit and by how much.
        reason: String,
    },
    /// JSON (de)serialisation failed.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}
