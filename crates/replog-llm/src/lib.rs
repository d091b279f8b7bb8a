//! LLM integration for replog: the `Provider` trait and its backends, settings and secrets,
//! the prompt builder, tolerant response parsing, and single and incremental generation.
//!
//! The provider layer is in [`provider`]; generation lands with its issues (see the README's
//! roadmap). HTTP providers sit behind the features `openai`, `anthropic` and `ollama` (on by
//! default) so that the crate builds for WebAssembly with `default-features = false`; the
//! scripted mock sits behind `test-utils`.

pub mod settings;

use thiserror::Error;

pub mod planner;
pub mod provider;
pub mod task;

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
}
