//! The LLM output envelope: the model's reasoning beside the CatalogJSON it drafted.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;

/// What an LLM asked for a program answers with (`spec/catalog-json.md`, "LLM output
/// envelope"): the reasoning shown to the coach, and the drafted document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "The answer: the reasoning shown to the coach, and the drafted CatalogJSON document."
)]
pub struct Envelope {
    /// Why each choice was made, citing the athlete's data.
    pub reasoning: String,
    /// The drafted CatalogJSON document.
    pub catalog: Catalog,
}
