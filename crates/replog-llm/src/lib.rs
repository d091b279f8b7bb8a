//! LLM integration for replog: the `Provider` trait and its backends, settings and secrets,
//! the prompt builder, tolerant response parsing, and single and incremental generation.
//!
//! The provider layer is in [`provider`], tolerant response parsing in [`parse`], token cost
//! accounting in [`cost`]; generation lands with its issues (see the README's roadmap). HTTP providers sit behind the features `openai`, `anthropic` and `ollama` (on by
//! default) so that the crate builds for WebAssembly with `default-features = false`; the
//! scripted mock sits behind `test-utils`.

pub mod settings;

use thiserror::Error;

pub mod coach;
pub mod cost;
pub mod generate;
pub mod parse;
pub mod planner;
pub mod prompt;
pub mod provider;
pub mod report;
pub mod structured;
pub mod task;

mod connection;
pub use connection::{ConnectionCheck, test_connection};

pub use planner::{Plan, Planner};
pub use provider::{
    Message, Output, Pong, Provider, ProviderConfig, ProviderError, ProviderKind, Request,
    Response, Role, Usage, build_provider,
};

/// What can go wrong while talking to an LLM or generating a program.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum LlmError {
    /// No provider is configured and none was given.
    #[error("no LLM provider is configured")]
    NotConfigured,
    /// A core operation failed.
    #[error(transparent)]
    Core(#[from] replog_core::CoreError),
    /// A setting could not be resolved, validated, stored, encrypted or decrypted.
    #[error(transparent)]
    Settings(#[from] settings::SettingsError),
    /// A provider call failed or a provider could not be built.
    #[error(transparent)]
    Provider(#[from] ProviderError),
    /// A prompt could not be built (a request out of range, a prompt over its budget).
    #[error(transparent)]
    Prompt(#[from] prompt::PromptError),
    /// A model's answer could not be read as JSON (or as the output envelope).
    #[error(transparent)]
    Parse(#[from] parse::ParseError),
    /// A price table could not be read (malformed JSON, or a price that is negative).
    #[error("invalid price table: {0}")]
    PriceTable(#[source] serde_json::Error),
    /// A generation failed: the kind, the tokens spent, the weeks kept and the record.
    #[error("{0}")]
    Generation(Box<generate::GenerationFailure>),
    /// The generation journal could not be read or written.
    #[error("generation journal: {0}")]
    Journal(String),
}
