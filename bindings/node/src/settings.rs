//! The LLM settings a call uses: its options, then the environment, then a SQLite settings
//! file, then the defaults (`replog_llm::settings`), with the crate's validation throughout.

use napi::bindgen_prelude::Result;
use napi_derive::napi;
use replog_llm::ProviderConfig;
use replog_llm::settings::{Env, MemoryStore, ProcessEnv, Settings, SqliteStore};

use crate::error::misuse;

/// LLM settings for one call; each overrides its environment variable (`spec/interfaces.md`).
#[napi(object, object_to_js = false)]
#[derive(Clone)]
pub struct LlmOptions {
    /// `openai`, `anthropic`, `ollama` or `builtin` (`REPLOG_LLM_PROVIDER`); unset: the
    /// built-in planner.
    pub provider: Option<String>,
    /// The model (`REPLOG_LLM_MODEL`).
    pub model: Option<String>,
    /// The API key (`REPLOG_LLM_API_KEY`).
    pub api_key: Option<String>,
    /// The base URL, ending in `/v1` for OpenAI-compatible servers (`REPLOG_LLM_BASE_URL`).
    pub base_url: Option<String>,
    /// Sampling temperature, 0-2 (`REPLOG_LLM_TEMPERATURE`).
    pub temperature: Option<f64>,
    /// Output token limit (`REPLOG_LLM_MAX_TOKENS`).
    pub max_tokens: Option<u32>,
    /// Timeout per call in seconds (`REPLOG_LLM_TIMEOUT_SECONDS`).
    pub timeout_seconds: Option<u32>,
    /// Retries after the first attempt (`REPLOG_LLM_MAX_RETRIES`).
    pub max_retries: Option<u32>,
    /// A SQLite settings file (the store under the environment); stored API keys need
    /// `REPLOG_SECRET_KEY`.
    pub settings_file: Option<String>,
}

/// The options as variables in front of the process environment.
struct Overrides(Vec<(&'static str, String)>);

impl Env for Overrides {
    fn var(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.clone())
            .or_else(|| ProcessEnv.var(name))
    }
}

fn overrides(options: &LlmOptions) -> Overrides {
    let mut vars = Vec::new();
    let mut put = |name: &'static str, value: Option<String>| {
        if let Some(value) = value {
            vars.push((name, value));
        }
    };
    put("REPLOG_LLM_PROVIDER", options.provider.clone());
    put("REPLOG_LLM_MODEL", options.model.clone());
    put("REPLOG_LLM_API_KEY", options.api_key.clone());
    put("REPLOG_LLM_BASE_URL", options.base_url.clone());
    put(
        "REPLOG_LLM_TEMPERATURE",
        options.temperature.map(|t| t.to_string()),
    );
    put(
        "REPLOG_LLM_MAX_TOKENS",
        options.max_tokens.map(|n| n.to_string()),
    );
    put(
        "REPLOG_LLM_TIMEOUT_SECONDS",
        options.timeout_seconds.map(|n| n.to_string()),
    );
    put(
        "REPLOG_LLM_MAX_RETRIES",
        options.max_retries.map(|n| n.to_string()),
    );
    Overrides(vars)
}

/// The settings the options describe, over the settings file when one is named.
pub(crate) fn settings(options: Option<&LlmOptions>) -> Result<Settings> {
    let empty = LlmOptions {
        provider: None,
        model: None,
        api_key: None,
        base_url: None,
        temperature: None,
        max_tokens: None,
        timeout_seconds: None,
        max_retries: None,
        settings_file: None,
    };
    let options = options.unwrap_or(&empty);
    let env = overrides(options);
    match &options.settings_file {
        Some(path) => {
            let store = SqliteStore::open(path)
                .map_err(|e| misuse(format!("options.llm.settingsFile: {e}")))?;
            Ok(Settings::new(store, env))
        }
        None => Ok(Settings::new(MemoryStore::new(), env)),
    }
}

/// The provider configuration the options, the environment and the settings file resolve to.
pub(crate) fn provider_config(options: Option<&LlmOptions>) -> Result<ProviderConfig> {
    let llm = settings(options)?
        .llm()
        .map_err(|e| misuse(format!("options.llm: {e}")))?;
    Ok(ProviderConfig::from_settings(&llm))
}

/// Stores a setting (`llm.provider`, `llm.model`, `llm.base_url`, `llm.api_key`, ...) in a
/// SQLite settings file, creating it if needed; the value is validated as the registry says,
/// and API keys are encrypted (they need `REPLOG_SECRET_KEY`). Throws with the reason when
/// the key is unknown or the value does not fit.
#[napi]
pub fn write_setting(settings_file: String, key: String, value: String) -> Result<()> {
    let store =
        SqliteStore::open(&settings_file).map_err(|e| misuse(format!("settingsFile: {e}")))?;
    Settings::new(store, ProcessEnv)
        .set(&key, &value)
        .map_err(|e| misuse(format!("{key}: {e}")))
}

/// What `testConnection` found.
#[napi(object)]
pub struct ConnectionResult {
    /// Whether the provider answered.
    pub ok: bool,
    /// The provider tested (`builtin` when none is configured).
    pub provider: Option<String>,
    /// The model that answered.
    pub model: Option<String>,
    /// The failure's kind (`authentication`, `connection`, ...) when it did not answer.
    pub kind: Option<String>,
    /// What went wrong, for a person.
    pub message: Option<String>,
}

/// Pings the configured provider once, without retries: the settings page's "Test
/// connection". Resolves to `{ ok, provider, model }` or `{ ok: false, kind, message }`.
#[napi]
pub async fn test_connection(llm: Option<LlmOptions>) -> Result<ConnectionResult> {
    let settings = settings(llm.as_ref())?;
    Ok(match replog_llm::test_connection(&settings).await {
        Ok(check) => ConnectionResult {
            ok: true,
            provider: Some(check.provider.as_str().to_owned()),
            model: Some(check.pong.model),
            kind: None,
            message: None,
        },
        Err(error) => ConnectionResult {
            ok: false,
            provider: None,
            model: None,
            kind: Some(kind(&error).to_owned()),
            message: Some(error.to_string()),
        },
    })
}

fn kind(error: &replog_llm::LlmError) -> &'static str {
    match error {
        replog_llm::LlmError::Provider(e) => e.kind().code(),
        replog_llm::LlmError::Settings(_) => "settings",
        _ => "other",
    }
}
