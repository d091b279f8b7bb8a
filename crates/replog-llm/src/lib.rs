//! LLM integration for replog: the `Provider` trait and its backends, settings and secrets,
//! the prompt builder, tolerant response parsing, and single and incremental generation.
//!
//! Only the error type exists so far; the provider layer and generation land with their
//! issues (see the README's roadmap). HTTP providers will sit behind features so that the
//! crate builds for WebAssembly with `default-features = false`.

pub mod settings;

use thiserror::Error;

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
}
