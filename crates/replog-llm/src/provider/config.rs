//! [`ProviderConfig`]: everything needed to build a backend, with the defaults and variable
//! names of `spec/interfaces.md`, and [`build_provider`], which picks the backend at run time.

use std::time::Duration;

use secrecy::SecretString;

use super::Provider;
use super::ProviderError;
use super::retry::RetryPolicy;
use crate::LlmError;

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
    /// The built-in deterministic planner (built by the generation layer, not here).
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
            Self::None | Self::Builtin => "builtin",
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

    /// Reads the `REPLOG_LLM_*` variables (and the aliases `LLM_API_KEY`, `LLM_API_ENDPOINT`)
    /// through `get`, so tests need not touch the process environment. Empty values count as
    /// unset; a value that does not parse is an error naming its variable.
    pub fn from_env_map(get: impl Fn(&str) -> Option<String>) -> Result<Self, LlmError> {
        let var = |name: &str| get(name).filter(|v| !v.trim().is_empty());
        let bad = |name: &str, value: &str| {
            LlmError::Provider(ProviderError::configuration(format!(
                "{name} has an invalid value {value:?}"
            )))
        };
        let mut config = Self::new(ProviderKind::None);
        if let Some(v) = var("REPLOG_LLM_PROVIDER") {
            config.kind = ProviderKind::parse(&v).ok_or_else(|| bad("REPLOG_LLM_PROVIDER", &v))?;
        }
        config.model = var("REPLOG_LLM_MODEL")
            .map(|v| v.trim().to_owned())
            .unwrap_or_default();
        config.api_key = var("REPLOG_LLM_API_KEY")
            .or_else(|| var("LLM_API_KEY"))
            .map(|v| SecretString::from(v.trim().to_owned()));
        config.base_url = var("REPLOG_LLM_BASE_URL")
            .or_else(|| var("LLM_API_ENDPOINT"))
            .map(|v| v.trim().to_owned());
        if let Some(v) = var("REPLOG_LLM_TEMPERATURE") {
            config.temperature = v
                .trim()
                .parse::<f32>()
                .ok()
                .filter(|t| (0.0..=2.0).contains(t))
                .ok_or_else(|| bad("REPLOG_LLM_TEMPERATURE", &v))?;
        }
        if let Some(v) = var("REPLOG_LLM_MAX_TOKENS") {
            config.max_tokens = v
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| bad("REPLOG_LLM_MAX_TOKENS", &v))?;
        }
        if let Some(v) = var("REPLOG_LLM_TIMEOUT_SECONDS") {
            let seconds = v
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s > 0.0)
                .and_then(|s| Duration::try_from_secs_f64(s).ok())
                .ok_or_else(|| bad("REPLOG_LLM_TIMEOUT_SECONDS", &v))?;
            config.timeouts.total = seconds;
            config.timeouts.first_byte = seconds;
        }
        if let Some(v) = var("REPLOG_LLM_MAX_RETRIES") {
            config.max_retries = v
                .trim()
                .parse::<u32>()
                .map_err(|_| bad("REPLOG_LLM_MAX_RETRIES", &v))?;
        }
        if let Some(v) = var("REPLOG_LLM_ANTHROPIC_MODE") {
            config.anthropic_mode =
                AnthropicMode::parse(&v).ok_or_else(|| bad("REPLOG_LLM_ANTHROPIC_MODE", &v))?;
        }
        Ok(config)
    }
}

/// Builds the backend `config` names, as a trait object.
///
/// [`ProviderKind::None`] and [`ProviderKind::Builtin`] give [`LlmError::NotConfigured`]: the
/// generation layer serves them with the built-in planner. A backend whose feature is not
/// compiled in gives a configuration error.
pub fn build_provider(config: &ProviderConfig) -> Result<Box<dyn Provider>, LlmError> {
    match config.kind {
        ProviderKind::None | ProviderKind::Builtin => Err(LlmError::NotConfigured),
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
