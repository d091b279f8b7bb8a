//! The settings registry: one static table of every setting, with its environment variables,
//! default, kind and whether it is secret (spec/interfaces.md, "Configuration"; reference/001,
//! "Settings registry"), and the validation of a value against its entry.

/// What values a setting takes.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum SettingKind {
    /// Free text without control characters.
    Text,
    /// An `http://` or `https://` URL without whitespace.
    Url,
    /// One of a fixed set of lower-case words (matched case-insensitively, stored lower-case).
    Choice(&'static [&'static str]),
    /// A finite decimal number within `min..=max`.
    Number {
        /// The least value allowed.
        min: f64,
        /// The greatest value allowed.
        max: f64,
    },
    /// A whole number within `min..=max`.
    Integer {
        /// The least value allowed.
        min: u64,
        /// The greatest value allowed.
        max: u64,
    },
}

/// One setting of the registry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SettingDef {
    /// The key in the settings store, e.g. `llm.provider`.
    pub key: &'static str,
    /// The environment variables that override the store, first one set wins (the canonical
    /// name first, then aliases).
    pub env: &'static [&'static str],
    /// The value when neither an environment variable nor the store has one; empty means
    /// "not set" (for the model and base URL: the provider's own default).
    pub default: &'static str,
    /// Whether the value is a secret: encrypted in the store, masked for display, never
    /// logged.
    pub secret: bool,
    /// What values it takes.
    pub kind: SettingKind,
    /// One line for the admin page.
    pub description: &'static str,
}

/// The provider names `llm.provider` accepts.
pub const PROVIDER_NAMES: &[&str] = &["openai", "anthropic", "ollama", "builtin", "mock"];

/// Every setting, in the order of spec/interfaces.md's Configuration table.
pub const REGISTRY: &[SettingDef] = &[
    SettingDef {
        key: "llm.provider",
        env: &["REPLOG_LLM_PROVIDER"],
        default: "",
        secret: false,
        kind: SettingKind::Choice(PROVIDER_NAMES),
        description: "LLM provider; empty: no LLM, the built-in planner serves",
    },
    SettingDef {
        key: "llm.model",
        env: &["REPLOG_LLM_MODEL"],
        default: "",
        secret: false,
        kind: SettingKind::Text,
        description: "Model name; empty: the provider's sensible default",
    },
    SettingDef {
        key: "llm.api_key",
        env: &["REPLOG_LLM_API_KEY", "LLM_API_KEY"],
        default: "",
        secret: true,
        kind: SettingKind::Text,
        description: "API key; stored encrypted (needs REPLOG_SECRET_KEY)",
    },
    SettingDef {
        key: "llm.base_url",
        env: &["REPLOG_LLM_BASE_URL", "LLM_API_ENDPOINT"],
        default: "",
        secret: false,
        kind: SettingKind::Url,
        description: "API base URL; empty: the provider's public endpoint \
                      (OpenAI-compatible bases end in /v1; Ollama: http://127.0.0.1:11434)",
    },
    SettingDef {
        key: "llm.temperature",
        env: &["REPLOG_LLM_TEMPERATURE"],
        default: "0.7",
        secret: false,
        kind: SettingKind::Number { min: 0.0, max: 2.0 },
        description: "Sampling temperature, 0.0 to 2.0",
    },
    SettingDef {
        key: "llm.max_tokens",
        env: &["REPLOG_LLM_MAX_TOKENS"],
        default: "4096",
        secret: false,
        kind: SettingKind::Integer {
            min: 1,
            max: 1_000_000,
        },
        description: "Most output tokens per call",
    },
    SettingDef {
        key: "llm.timeout_seconds",
        env: &["REPLOG_LLM_TIMEOUT_SECONDS"],
        default: "120",
        secret: false,
        kind: SettingKind::Integer { min: 1, max: 3600 },
        description: "Seconds before one provider call is abandoned",
    },
    SettingDef {
        key: "llm.max_retries",
        env: &["REPLOG_LLM_MAX_RETRIES"],
        default: "3",
        secret: false,
        kind: SettingKind::Integer { min: 0, max: 10 },
        description: "Retries of a failed call (transport errors, rate limits)",
    },
    // An addition to spec/interfaces.md: how Anthropic is made to follow the schema.
    SettingDef {
        key: "llm.anthropic_mode",
        env: &["REPLOG_LLM_ANTHROPIC_MODE"],
        default: "structured_output",
        secret: false,
        kind: SettingKind::Choice(&["structured_output", "forced_tool"]),
        description: "Anthropic only: structured output (output_config.format) or a forced tool",
    },
];

/// The registry entry for `key`, if there is one.
#[must_use]
pub fn lookup(key: &str) -> Option<&'static SettingDef> {
    REGISTRY.iter().find(|def| def.key == key)
}

/// Why a value does not fit its setting. Carries no part of the value.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum InvalidReason {
    /// The value is empty (use `reset` to return to the default).
    Empty,
    /// The value holds control characters (a secret also may not hold spaces).
    BadCharacters,
    /// Not an `http://` or `https://` URL without whitespace.
    NotAUrl,
    /// Not one of the allowed words.
    NotAChoice {
        /// The words allowed.
        allowed: &'static [&'static str],
    },
    /// Not a finite decimal number.
    NotANumber,
    /// Not a whole number.
    NotAnInteger,
    /// A number outside the allowed range.
    OutOfRange {
        /// The least value allowed.
        min: f64,
        /// The greatest value allowed.
        max: f64,
    },
}

impl std::fmt::Display for InvalidReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => f.write_str("it is empty (reset the setting to use its default)"),
            Self::BadCharacters => f.write_str("it holds control characters or spaces"),
            Self::NotAUrl => f.write_str("it is not an http:// or https:// URL"),
            Self::NotAChoice { allowed } => write!(f, "it is not one of {}", allowed.join(", ")),
            Self::NotANumber => f.write_str("it is not a number"),
            Self::NotAnInteger => f.write_str("it is not a whole number"),
            Self::OutOfRange { min, max } => write!(f, "it is not between {min} and {max}"),
        }
    }
}

impl SettingDef {
    /// Checks `value` (already trimmed) against this setting and returns its canonical form
    /// (choices lower-cased, numbers as written).
    ///
    /// # Errors
    /// The [`InvalidReason`] when the value does not fit.
    pub fn validate(&self, value: &str) -> Result<String, InvalidReason> {
        if value.is_empty() {
            return Err(InvalidReason::Empty);
        }
        if value.chars().any(char::is_control) || (self.secret && value.contains(' ')) {
            return Err(InvalidReason::BadCharacters);
        }
        match self.kind {
            SettingKind::Text => Ok(value.to_owned()),
            SettingKind::Url => {
                let lower = value.to_ascii_lowercase();
                let rest = lower
                    .strip_prefix("https://")
                    .or_else(|| lower.strip_prefix("http://"));
                match rest {
                    Some(host) if !host.is_empty() && !value.contains(char::is_whitespace) => {
                        Ok(value.to_owned())
                    }
                    _ => Err(InvalidReason::NotAUrl),
                }
            }
            SettingKind::Choice(allowed) => {
                let lower = value.to_ascii_lowercase();
                if allowed.contains(&lower.as_str()) {
                    Ok(lower)
                } else {
                    Err(InvalidReason::NotAChoice { allowed })
                }
            }
            SettingKind::Number { min, max } => {
                let number = parse_number(value)?;
                if (min..=max).contains(&number) {
                    Ok(value.to_owned())
                } else {
                    Err(InvalidReason::OutOfRange { min, max })
                }
            }
            SettingKind::Integer { min, max } => {
                let number = parse_integer(value)?;
                if (i128::from(min)..=i128::from(max)).contains(&number) {
                    Ok(value.to_owned())
                } else {
                    // u64 to f64 is exact for these bounds (far below 2^53).
                    #[allow(clippy::cast_precision_loss)]
                    Err(InvalidReason::OutOfRange {
                        min: min as f64,
                        max: max as f64,
                    })
                }
            }
        }
    }
}

/// Parses a finite decimal number (`NaN` and infinities, which Rust's parser accepts, are
/// refused).
pub(crate) fn parse_number(value: &str) -> Result<f64, InvalidReason> {
    match value.parse::<f64>() {
        Ok(number) if number.is_finite() => Ok(number),
        _ => Err(InvalidReason::NotANumber),
    }
}

/// Parses a whole number, negative ones included so that they are reported as out of range.
pub(crate) fn parse_integer(value: &str) -> Result<i128, InvalidReason> {
    value
        .parse::<i128>()
        .map_err(|_| InvalidReason::NotAnInteger)
}
