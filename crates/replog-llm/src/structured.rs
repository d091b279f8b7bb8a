//! One structured call: ask a provider for a JSON answer of a type under that type's strict
//! schema, and read the answer into the type. The report writer and the recommender use it,
//! and both fall back to their deterministic counterparts on any [`StructuredError`].

use replog_core::CoreError;
use replog_core::report::WordsProblem;
use replog_core::schema::{Dialect, schema_for};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use thiserror::Error;

use crate::provider::{Output, Provider, ProviderError, Request, Response, Usage};

/// Why a structured answer could not be used.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StructuredError {
    /// The answer type's schema could not be made in the provider's dialect.
    #[error(transparent)]
    Schema(#[from] CoreError),
    /// The provider failed (after its retries).
    #[error(transparent)]
    Provider(#[from] ProviderError),
    /// The answer is not JSON of the type asked for (unknown members included).
    #[error("the answer is not the JSON asked for: {source}")]
    Malformed {
        /// The parse error.
        #[source]
        source: serde_json::Error,
        /// Tokens spent on it.
        usage: Usage,
    },
    /// The answer parsed, but its words break a rule.
    #[error("the answer's words cannot be used: {source}")]
    Words {
        /// The rule broken.
        #[source]
        source: WordsProblem,
        /// Tokens spent on it.
        usage: Usage,
    },
}

impl StructuredError {
    /// Tokens spent before the failure.
    pub fn usage(&self) -> Usage {
        match self {
            Self::Schema(_) => Usage::default(),
            Self::Provider(e) => e.usage(),
            Self::Malformed { usage, .. } | Self::Words { usage, .. } => *usage,
        }
    }
}

/// A request for a `T` under its OpenAI-strict schema (named `name`), with a system and a
/// user message. The strict form is a plain JSON Schema too, so every backend takes it.
///
/// # Errors
///
/// [`CoreError::SchemaLimit`] when `T` cannot be written in the strict dialect.
pub fn request_for<T: JsonSchema>(
    name: &str,
    system: impl Into<String>,
    user: impl Into<String>,
) -> Result<Request, CoreError> {
    let schema = schema_for::<T>(Dialect::OpenAiStrict)?;
    Ok(Request::new(system, user).with_output(Output::JsonSchema {
        name: name.to_owned(),
        schema,
    }))
}

/// Sends `request` and reads the answer as a `T`.
///
/// # Errors
///
/// [`StructuredError::Provider`] when the call fails, [`StructuredError::Malformed`] when
/// the answer is not a `T`.
pub async fn ask<T: DeserializeOwned, P: Provider + ?Sized>(
    provider: &P,
    request: &Request,
) -> Result<(T, Response), StructuredError> {
    let response = provider.generate(request).await?;
    match serde_json::from_str(strip_fence(&response.text)) {
        Ok(value) => Ok((value, response)),
        Err(source) => Err(StructuredError::Malformed {
            source,
            usage: response.usage,
        }),
    }
}

/// The JSON inside a Markdown code fence, for servers that answer in JSON mode with a fence
/// around it; other text as it is.
fn strip_fence(text: &str) -> &str {
    let text = text.trim();
    let Some(rest) = text.strip_prefix("```") else {
        return text;
    };
    let body = rest.split_once('\n').map_or("", |(_, body)| body);
    body.trim_end().strip_suffix("```").unwrap_or(body).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_are_stripped() {
        assert_eq!(strip_fence(" {\"a\":1} "), "{\"a\":1}");
        assert_eq!(strip_fence("```json\n{\"a\":1}\n```"), "{\"a\":1}");
        assert_eq!(strip_fence("```\n{\"a\":1}\n```\n"), "{\"a\":1}");
        assert_eq!(strip_fence("```"), "");
    }
}
