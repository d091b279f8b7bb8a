//! Settings and secrets: the registry of spec/interfaces.md's Configuration table, resolved
//! per setting from the environment, then the settings store, then the default
//! (reference/001); validation of new values; listing for an admin page with secrets masked;
//! and API keys encrypted at rest (see [`secret`]).
//!
//! ```
//! use replog_llm::settings::{MapEnv, MemoryStore, Settings, Source};
//!
//! let env = MapEnv::from_pairs([("REPLOG_LLM_PROVIDER", "ollama")]);
//! let settings = Settings::new(MemoryStore::new(), env);
//! settings.set("llm.temperature", "0.2")?;
//! assert_eq!(settings.temperature()?, 0.2);
//! assert_eq!(settings.resolve("llm.provider")?.source,
//!            Source::Environment { variable: "REPLOG_LLM_PROVIDER" });
//! assert_eq!(settings.max_tokens()?, 4096);
//! # Ok::<(), replog_llm::settings::SettingsError>(())
//! ```

mod env;
mod error;
mod registry;
pub mod secret;
#[cfg(feature = "sqlite")]
mod sqlite;
mod store;
mod view;

pub use env::{Env, MapEnv, ProcessEnv};
pub use error::{Origin, SettingsError};
pub use registry::{InvalidReason, PROVIDER_NAMES, REGISTRY, SettingDef, SettingKind, lookup};
pub use secret::{SECRET_KEY_VAR, SecretError};
#[cfg(feature = "sqlite")]
pub use sqlite::{BUSY_TIMEOUT, SqliteStore};
pub use store::{MemoryStore, SettingsStore};
pub use view::{MASK_MIN_CHARS, SettingView, mask};

use registry::{parse_integer, parse_number};
use secrecy::{ExposeSecret, SecretString};
use std::sync::Arc;
use std::time::Duration;

/// Where a resolved value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// An environment variable (named): it overrides the store.
    Environment {
        /// The variable that was set.
        variable: &'static str,
    },
    /// The settings store.
    Store,
    /// The registry's default.
    Default,
}

impl Source {
    fn origin(self) -> Origin {
        match self {
            Self::Environment { variable } => Origin::Environment(variable),
            Self::Store | Self::Default => Origin::Store,
        }
    }
}

/// A resolved value: plain text, or a secret that shows nothing in `Debug`.
#[derive(Debug)]
pub enum Value {
    /// A setting that is not secret.
    Plain(String),
    /// A secret setting (an API key).
    Secret(SecretString),
}

impl Value {
    /// The text of a plain value; `None` for a secret.
    #[must_use]
    pub fn as_plain(&self) -> Option<&str> {
        match self {
            Self::Plain(text) => Some(text),
            Self::Secret(_) => None,
        }
    }

    fn expose(&self) -> &str {
        match self {
            Self::Plain(text) => text,
            Self::Secret(secret) => secret.expose_secret(),
        }
    }
}

/// One setting resolved: its entry, where the value came from, and the value.
#[derive(Debug)]
pub struct Resolved {
    /// The registry entry.
    pub def: &'static SettingDef,
    /// Where the value came from.
    pub source: Source,
    /// The value (empty when the default is empty).
    pub value: Value,
}

use crate::provider::AnthropicMode;
pub use crate::provider::ProviderKind;

/// Every LLM setting resolved and validated at once. `Debug` redacts the API key.
#[derive(Debug)]
pub struct LlmSettings {
    /// `llm.provider`; `None`: no LLM, the built-in planner serves.
    pub provider: Option<ProviderKind>,
    /// `llm.model`; `None`: the provider's default.
    pub model: Option<String>,
    /// `llm.api_key`, if set.
    pub api_key: Option<SecretString>,
    /// `llm.base_url`; `None`: the provider's public endpoint.
    pub base_url: Option<String>,
    /// `llm.temperature`.
    pub temperature: f64,
    /// `llm.max_tokens`.
    pub max_tokens: u32,
    /// `llm.timeout_seconds`.
    pub timeout: Duration,
    /// `llm.max_retries`.
    pub max_retries: u32,
    /// `llm.anthropic_mode`.
    pub anthropic_mode: AnthropicMode,
}

/// The settings: a store and an environment, read through the registry.
///
/// Environment variables always win over the store, and the store over the default; an
/// environment variable that is empty or only whitespace counts as unset (as in
/// reference/001), and so does an empty stored value. Values are trimmed.
pub struct Settings {
    store: Arc<dyn SettingsStore>,
    env: Arc<dyn Env>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings").finish_non_exhaustive()
    }
}

impl Settings {
    /// Settings over `store`, with environment variables read from `env`.
    pub fn new(store: impl SettingsStore + 'static, env: impl Env + 'static) -> Self {
        Self {
            store: Arc::new(store),
            env: Arc::new(env),
        }
    }

    /// Settings over `store`, with the process environment.
    pub fn from_process_env(store: impl SettingsStore + 'static) -> Self {
        Self::new(store, ProcessEnv)
    }

    /// The store underneath (raw values: secrets are encrypted).
    #[must_use]
    pub fn store(&self) -> &dyn SettingsStore {
        &*self.store
    }

    /// Whether `REPLOG_SECRET_KEY` is set and usable, so that API keys can be stored (the
    /// admin page shows a warning otherwise).
    #[must_use]
    pub fn secret_key_configured(&self) -> bool {
        self.secret_key().is_ok()
    }

    /// Resolves `key`: the first of its environment variables that is set, else the stored
    /// value (decrypted for secrets), else the default. The value is not validated here; the
    /// typed getters and [`list_for_admin`](Self::list_for_admin) do that.
    ///
    /// # Errors
    /// [`SettingsError::UnknownKey`]; a store failure; for a secret in the store,
    /// [`SettingsError::Secret`] (no `REPLOG_SECRET_KEY`, wrong key, tampered or malformed).
    pub fn resolve(&self, key: &str) -> Result<Resolved, SettingsError> {
        let def = known(key)?;
        let wrap = |text: String| {
            if def.secret {
                Value::Secret(SecretString::from(text))
            } else {
                Value::Plain(text)
            }
        };
        if let Some((variable, text)) = self.env_value(def) {
            return Ok(Resolved {
                def,
                source: Source::Environment { variable },
                value: wrap(text),
            });
        }
        if let Some(raw) = self.store.get(def.key)? {
            let raw = raw.trim();
            if !raw.is_empty() {
                let value = if def.secret {
                    Value::Secret(self.decrypt(def, raw)?)
                } else {
                    Value::Plain(raw.to_owned())
                };
                return Ok(Resolved {
                    def,
                    source: Source::Store,
                    value,
                });
            }
        }
        Ok(Resolved {
            def,
            source: Source::Default,
            value: wrap(def.default.to_owned()),
        })
    }

    /// Validates `value` against the registry and stores it, encrypted for secrets. An
    /// environment variable, if set, still overrides it (the admin page shows those settings
    /// read-only).
    ///
    /// # Errors
    /// [`SettingsError::UnknownKey`]; [`SettingsError::Invalid`] (empty, a bad choice, out
    /// of range...; never showing a secret); for a secret, [`SettingsError::Secret`] when
    /// `REPLOG_SECRET_KEY` is missing or too short; a store failure.
    pub fn set(&self, key: &str, value: &str) -> Result<(), SettingsError> {
        let def = known(key)?;
        let canonical = def
            .validate(value.trim())
            .map_err(|reason| invalid(def, Origin::Input, value.trim(), reason))?;
        if def.secret {
            let canonical = SecretString::from(canonical);
            let stored = self.encrypt(def, canonical.expose_secret())?;
            self.store.set(def.key, &stored)
        } else {
            self.store.set(def.key, &canonical)
        }
    }

    /// Removes the stored value of `key`, so the environment or the default applies; `true`
    /// when there was one.
    ///
    /// # Errors
    /// [`SettingsError::UnknownKey`]; a store failure.
    pub fn reset(&self, key: &str) -> Result<bool, SettingsError> {
        self.store.delete(known(key)?.key)
    }

    /// `llm.provider`: `None` when empty (no LLM; the built-in planner serves).
    ///
    /// # Errors
    /// A store or secret failure, or a value that is not a provider name.
    pub fn provider(&self) -> Result<Option<ProviderKind>, SettingsError> {
        Ok(self
            .checked("llm.provider")?
            .as_deref()
            .and_then(ProviderKind::parse)
            .filter(|kind| *kind != ProviderKind::None))
    }

    /// `llm.model`: `None` when empty (the provider's default).
    ///
    /// # Errors
    /// A store failure, or a value with control characters.
    pub fn model(&self) -> Result<Option<String>, SettingsError> {
        self.checked("llm.model")
    }

    /// `llm.api_key`, if set.
    ///
    /// # Errors
    /// [`SettingsError::Secret`] for a stored key that cannot be decrypted (or without
    /// `REPLOG_SECRET_KEY`); a store failure; a value with control characters or spaces.
    pub fn api_key(&self) -> Result<Option<SecretString>, SettingsError> {
        let resolved = self.resolve("llm.api_key")?;
        let def = resolved.def;
        let text = resolved.value.expose();
        if text.is_empty() {
            return Ok(None);
        }
        def.validate(text)
            .map_err(|reason| invalid(def, resolved.source.origin(), text, reason))?;
        Ok(Some(SecretString::from(text.to_owned())))
    }

    /// `llm.base_url`: `None` when empty (the provider's public endpoint).
    ///
    /// # Errors
    /// A store failure, or a value that is not an http(s) URL.
    pub fn base_url(&self) -> Result<Option<String>, SettingsError> {
        self.checked("llm.base_url")
    }

    /// `llm.temperature`, within 0.0..=2.0.
    ///
    /// # Errors
    /// A store failure, or a value that is not a number in range.
    pub fn temperature(&self) -> Result<f64, SettingsError> {
        let (def, origin, text) = self.checked_or_default("llm.temperature")?;
        parse_number(&text).map_err(|reason| invalid(def, origin, &text, reason))
    }

    /// `llm.max_tokens`.
    ///
    /// # Errors
    /// A store failure, or a value that is not a whole number in range.
    pub fn max_tokens(&self) -> Result<u32, SettingsError> {
        self.integer("llm.max_tokens")
    }

    /// `llm.timeout_seconds`.
    ///
    /// # Errors
    /// A store failure, or a value that is not a whole number in range.
    pub fn timeout_seconds(&self) -> Result<u64, SettingsError> {
        self.integer("llm.timeout_seconds")
    }

    /// `llm.timeout_seconds` as a duration.
    ///
    /// # Errors
    /// As [`timeout_seconds`](Self::timeout_seconds).
    pub fn timeout(&self) -> Result<Duration, SettingsError> {
        self.timeout_seconds().map(Duration::from_secs)
    }

    /// `llm.max_retries`.
    ///
    /// # Errors
    /// A store failure, or a value that is not a whole number in range.
    pub fn max_retries(&self) -> Result<u32, SettingsError> {
        self.integer("llm.max_retries")
    }

    /// `llm.anthropic_mode`: how Anthropic is made to follow the schema.
    ///
    /// # Errors
    /// A store failure, or a value that is not a mode.
    pub fn anthropic_mode(&self) -> Result<AnthropicMode, SettingsError> {
        let (def, origin, text) = self.checked_or_default("llm.anthropic_mode")?;
        AnthropicMode::parse(&text).ok_or_else(|| {
            let allowed = match def.kind {
                SettingKind::Choice(allowed) => allowed,
                _ => &[],
            };
            invalid(def, origin, &text, InvalidReason::NotAChoice { allowed })
        })
    }

    /// Every LLM setting, resolved and validated.
    ///
    /// # Errors
    /// The first setting that fails, as its getter would.
    pub fn llm(&self) -> Result<LlmSettings, SettingsError> {
        Ok(LlmSettings {
            provider: self.provider()?,
            model: self.model()?,
            api_key: self.api_key()?,
            base_url: self.base_url()?,
            temperature: self.temperature()?,
            max_tokens: self.max_tokens()?,
            timeout: self.timeout()?,
            max_retries: self.max_retries()?,
            anthropic_mode: self.anthropic_mode()?,
        })
    }

    /// The first of `def`'s environment variables with a non-blank value.
    fn env_value(&self, def: &'static SettingDef) -> Option<(&'static str, String)> {
        def.env.iter().find_map(|&variable| {
            let value = self.env.var(variable)?;
            let value = value.trim();
            (!value.is_empty()).then(|| (variable, value.to_owned()))
        })
    }

    /// A plain setting resolved and validated, canonical; `None` when empty.
    fn checked(&self, key: &str) -> Result<Option<String>, SettingsError> {
        let resolved = self.resolve(key)?;
        let def = resolved.def;
        let text = resolved.value.expose();
        if text.is_empty() {
            return Ok(None);
        }
        def.validate(text)
            .map(Some)
            .map_err(|reason| invalid(def, resolved.source.origin(), text, reason))
    }

    /// A setting with a non-empty default, validated: its entry, where it came from, and the
    /// canonical text.
    fn checked_or_default(
        &self,
        key: &str,
    ) -> Result<(&'static SettingDef, Origin, String), SettingsError> {
        let resolved = self.resolve(key)?;
        let (def, origin) = (resolved.def, resolved.source.origin());
        let text = resolved.value.expose();
        let text = if text.is_empty() { def.default } else { text };
        def.validate(text)
            .map(|canonical| (def, origin, canonical))
            .map_err(|reason| invalid(def, origin, text, reason))
    }

    /// An integer setting; the registry's bounds keep it within `T`.
    fn integer<T: TryFrom<i128>>(&self, key: &str) -> Result<T, SettingsError> {
        let (def, origin, text) = self.checked_or_default(key)?;
        parse_integer(&text)
            .and_then(|n| {
                T::try_from(n).map_err(|_| InvalidReason::OutOfRange {
                    min: 0.0,
                    max: f64::from(u32::MAX),
                })
            })
            .map_err(|reason| invalid(def, origin, &text, reason))
    }

    #[cfg(feature = "secrets")]
    fn secret_key(&self) -> Result<secret::SecretKey, SecretError> {
        let value = self
            .env
            .var(SECRET_KEY_VAR)
            .ok_or(SecretError::MissingKey)?;
        secret::SecretKey::from_env_value(&value)
    }

    #[cfg(not(feature = "secrets"))]
    fn secret_key(&self) -> Result<(), SecretError> {
        Err(SecretError::Unsupported)
    }

    fn encrypt(&self, def: &'static SettingDef, plaintext: &str) -> Result<String, SettingsError> {
        let wrap = |source| SettingsError::Secret {
            key: def.key,
            source,
        };
        #[cfg(feature = "secrets")]
        {
            secret::encrypt(&self.secret_key().map_err(wrap)?, plaintext).map_err(wrap)
        }
        #[cfg(not(feature = "secrets"))]
        {
            let _ = plaintext;
            Err(wrap(
                self.secret_key().err().unwrap_or(SecretError::Unsupported),
            ))
        }
    }

    fn decrypt(&self, def: &'static SettingDef, raw: &str) -> Result<SecretString, SettingsError> {
        let wrap = |source| SettingsError::Secret {
            key: def.key,
            source,
        };
        #[cfg(feature = "secrets")]
        {
            secret::decrypt(&self.secret_key().map_err(wrap)?, raw).map_err(wrap)
        }
        #[cfg(not(feature = "secrets"))]
        {
            let _ = raw;
            Err(wrap(SecretError::Unsupported))
        }
    }
}

fn known(key: &str) -> Result<&'static SettingDef, SettingsError> {
    lookup(key).ok_or_else(|| SettingsError::UnknownKey {
        key: key.to_owned(),
    })
}

/// An [`SettingsError::Invalid`] that shows the value only for settings that are not secret.
fn invalid(
    def: &'static SettingDef,
    origin: Origin,
    value: &str,
    reason: InvalidReason,
) -> SettingsError {
    SettingsError::Invalid {
        key: def.key,
        origin,
        value: (!def.secret).then(|| value.to_owned()),
        reason,
    }
}
