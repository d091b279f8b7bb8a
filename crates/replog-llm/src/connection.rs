//! The admin page's "Test Connection": build the configured provider from settings and ping
//! it once, so a wrong key, URL or model shows up before a coach asks for a program.

use crate::provider::{Pong, ProviderConfig, build_provider};
use crate::settings::Settings;
use crate::{LlmError, ProviderKind};

/// What a connection test found, ready for an admin page (serialisable in the bindings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionCheck {
    /// The provider tested (`openai`, `anthropic`, `ollama`, `builtin`, `mock`).
    pub provider: ProviderKind,
    /// The model that answered (or the configured one for the built-in planner).
    pub pong: Pong,
}

/// Resolves the LLM settings (environment, then store, then defaults), builds that provider
/// and pings it once, without retries. With no provider chosen, the built-in planner serves
/// (and always answers).
///
/// # Errors
/// [`LlmError::Settings`] when a setting is invalid or a stored key cannot be decrypted,
/// and [`LlmError::Provider`] with
/// the failure's kind (authentication, rate limit, timeout, connection, ...) when the ping
/// fails. The error never contains the API key.
pub async fn test_connection(settings: &Settings) -> Result<ConnectionCheck, LlmError> {
    let config = ProviderConfig::from_settings(&settings.llm()?);
    let provider = build_provider(&config)?;
    let pong = provider.ping().await?;
    let provider = match config.kind {
        ProviderKind::None => ProviderKind::Builtin,
        kind => kind,
    };
    Ok(ConnectionCheck { provider, pong })
}
