//! [`ProviderConfig`]: everything needed to build a backend, with the defaults and variable
//! names of `spec/interfaces.md`, and [`build_provider`], which picks the backend at run time.

use std::time::Duration;

use secrecy::SecretString;

use super::Provider;
use super::ProviderError;
use super::retry::RetryPolicy;
use crate::LlmError;
use crate::settings::{LlmSettings, MapEnv, MemoryStore, REGISTRY, Settings};

/// Which backend serves (`llm.provider`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ProviderKind {
    /// No LLM configured: the built-in planner serves.
    #[default]
    None,
    /// An OpenAI-compatible chat completions API.
    OpenAi,
    /// The Anthropic Messages API.
    Anthropic,
    /// A local Ollama server.
    Ollama,
    /// The built-in deterministic planner.
    Builtin,
    /// The scripted mock (feature `test-utils`).
    Mock,
}

impl ProviderKind {
    /// Parses a `llm.provider` value (case-insensitive; empty means [`ProviderKind::None`]).
    pub fn parse(value: &str) -> Option<Self> {
        Some(match value.trim().to_ascii_lowercase().as_str() {
            "" | "none" => Self::None,
            "openai" => Self::OpenAi,
            "anthropic" => Self::Anthropic,
            "ollama" => Self::Ollama,
            "builtin" => Self::Builtin,
            "mock" => Self::Mock,
            _ => return None,
        })
    }

    /// The setting value: `""`, `openai`, `anthropic`, `ollama`, `builtin` or `mock`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "",
            Self::OpenAi => "openai",
            Self::Anthropic => "anthropic",
            Self::Ollama => "ollama",
            Self::Builtin => "builtin",
            Self::Mock => "mock",
        }
    }

    /// The model used when `llm.model` is empty.
    pub fn default_model(self) -> &'static str {
        match self {
            Self::OpenAi => "gpt-4o-mini",
            Self::Anthropic => "claude-sonnet-4-5",
            Self::Ollama => "llama3.1",
            Self::Mock => "mock",
            Self::None | Self::Builtin => crate::planner::MODEL,
        }
    }

    /// The base URL used when `llm.base_url` is empty.
    pub fn default_base_url(self) -> &'static str {
        match self {
            Self::OpenAi => "https://api.openai.com/v1",
            Self::Anthropic => "https://api.anthropic.com",
            Self::Ollama => "http://127.0.0.1:11434",
            Self::None | Self::Builtin | Self::Mock => "",
        }
    }
}

/// How the Anthropic backend enforces a JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AnthropicMode {
    /// Structured output: `output_config.format` of type `json_schema`.
    #[default]
    StructuredOutput,
    /// One tool with the schema as `input_schema`, forced by `tool_choice`.
    ForcedTool,
}

impl AnthropicMode {
    /// Parses `structured_output` or `forced_tool` (also with `-`).
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "structured_output" => Some(Self::StructuredOutput),
            "forced_tool" | "tool" => Some(Self::ForcedTool),
            _ => None,
        }
    }
}

/// The three timeouts of an HTTP attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// Opening the connection (TCP and TLS).
    pub connect: Duration,
    /// From sending the request to the response headers.
    pub first_byte: Duration,
    /// The whole attempt, body included (`llm.timeout_seconds`).
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            first_byte: Duration::from_secs(120),
            total: Duration::from_secs(120),
        }
    }
}

/// Everything needed to build a provider. The settings layer fills it from the environment
/// and the store; [`ProviderConfig::from_env_map`] reads the environment variables alone.
#[derive(Debug, Clone)]
pub struct ProviderConfig {
    /// The backend (`llm.provider`).
    pub kind: ProviderKind,
    /// The model (`llm.model`); empty means the backend's default.
    pub model: String,
    /// The API key (`llm.api_key`); never printed.
    pub api_key: Option<SecretString>,
    /// The base URL (`llm.base_url`); `None` means the backend's public endpoint.
    pub base_url: Option<String>,
    /// Sampling temperature (`llm.temperature`, default 0.7).
    pub temperature: f32,
    /// Output token limit (`llm.max_tokens`, default 4096).
    pub max_tokens: u32,
    /// Timeouts; `total` is `llm.timeout_seconds` (default 120).
    pub timeouts: Timeouts,
    /// Retries after the first attempt (`llm.max_retries`, default 3).
    pub max_retries: u32,
    /// How Anthropic enforces a schema (`REPLOG_LLM_ANTHROPIC_MODE`).
    pub anthropic_mode: AnthropicMode,
}

impl Default for ProviderConfig {
    fn default() -> Self {
        Self::new(ProviderKind::None)
    }
}

impl ProviderConfig {
    /// The defaults of `spec/interfaces.md` for `kind`.
    pub fn new(kind: ProviderKind) -> Self {
        Self {
            kind,
            model: String::new(),
            api_key: None,
            base_url: None,
            temperature: 0.7,
            max_tokens: 4096,
            timeouts: Timeouts::default(),
            max_retries: 3,
            anthropic_mode: AnthropicMode::default(),
        }
    }

    /// The model to use: the configured one or the backend's default.
    pub fn model_or_default(&self) -> &str {
        match self.model.trim() {
            "" => self.kind.default_model(),
            model => model,
        }
    }

    /// The base URL to use: the configured one or the backend's public endpoint.
    pub fn base_url_or_default(&self) -> &str {
        match self.base_url.as_deref().map(str::trim) {
            Some(url) if !url.is_empty() => url,
            _ => self.kind.default_base_url(),
        }
    }

    /// The retry policy: the default back-off with `max_retries`.
    pub fn retry_policy(&self) -> RetryPolicy {
        RetryPolicy {
            max_retries: self.max_retries,
            ..RetryPolicy::default()
        }
    }

    /// The configuration the resolved settings describe (`Settings::llm`: environment, then
    /// store, then default). No provider configured gives [`ProviderKind::None`].
    pub fn from_settings(settings: &LlmSettings) -> Self {
        let mut config = Self::new(settings.provider.unwrap_or(ProviderKind::None));
        config.model = settings.model.clone().unwrap_or_default();
        config.api_key.clone_from(&settings.api_key);
        config.base_url.clone_from(&settings.base_url);
        #[allow(clippy::cast_possible_truncation)] // the registry bounds it to 0-2
        let temperature = settings.temperature as f32;
        config.temperature = temperature;
        config.max_tokens = settings.max_tokens;
        config.timeouts.total = settings.timeout;
        config.timeouts.first_byte = settings.timeout;
        config.max_retries = settings.max_retries;
        config.anthropic_mode = settings.anthropic_mode;
        config
    }

    /// Reads the settings' variables (`REPLOG_LLM_*` and the aliases `LLM_API_KEY`,
    /// `LLM_API_ENDPOINT`) through `get` alone, with no store, so tests need not touch the
    /// process environment: the same resolution and validation as [`Settings`], whose
    /// registry names the variables. A value that does not fit is an error naming its
    /// variable.
    ///
    /// # Errors
    /// [`LlmError::Settings`] for the first value that does not fit its setting.
    pub fn from_env_map(get: impl Fn(&str) -> Option<String>) -> Result<Self, LlmError> {
        let env = MapEnv::from_pairs(
            REGISTRY
                .iter()
                .flat_map(|def| def.env.iter())
                .filter_map(|&name| get(name).map(|value| (name, value))),
        );
        let settings = Settings::new(MemoryStore::new(), env);
        Ok(Self::from_settings(&settings.llm()?))
    }
}

/// Builds the backend `config` names, as a trait object.
///
/// [`ProviderKind::None`] (nothing configured) and [`ProviderKind::Builtin`] give the built-in
/// [`Planner`](crate::planner::Planner), which needs no model and no network. A backend whose
/// feature is not compiled in gives a configuration error.
pub fn build_provider(config: &ProviderConfig) -> Result<Box<dyn Provider>, LlmError> {
    match config.kind {
        ProviderKind::None | ProviderKind::Builtin => Ok(Box::new(crate::planner::Planner::new())),
        #[cfg(feature = "openai")]
        ProviderKind::OpenAi => Ok(Box::new(super::openai::OpenAiProvider::new(config)?)),
        #[cfg(feature = "anthropic")]
        ProviderKind::Anthropic => Ok(Box::new(super::anthropic::AnthropicProvider::new(config)?)),
        #[cfg(feature = "ollama")]
        ProviderKind::Ollama => Ok(Box::new(super::ollama::OllamaProvider::new(config)?)),
        #[cfg(feature = "test-utils")]
        ProviderKind::Mock => Ok(Box::new(super::mock::MockProvider::new())),
        #[allow(unreachable_patterns)]
        other => Err(LlmError::Provider(ProviderError::configuration(format!(
            "the {} provider is not compiled in (enable the replog-llm feature of that name)",
            other.as_str()
        )))),
    }
}
