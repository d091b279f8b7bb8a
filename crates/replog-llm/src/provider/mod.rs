//! The provider layer: one async [`Provider`] trait, the request and response types every
//! backend shares, and the backends themselves (each behind its cargo feature).
//!
//! A backend turns a [`Request`] into its own wire format, sends it with the shared HTTP
//! layer (timeouts and classification in `http`), retries through [`retry::retry`] and
//! converts the answer back into a [`Response`]. Refusals and truncated output are never
//! handed back as content: they come back as [`ProviderError`]s of kind
//! [`ErrorKind::Refusal`] and [`ErrorKind::Truncated`] carrying the partial response.

use std::ops::{Add, AddAssign};
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use serde_json::Value;

mod config;
mod error;
pub mod retry;

#[cfg(feature = "anthropic")]
pub mod anthropic;
#[cfg(feature = "http")]
mod http;
#[cfg(feature = "test-utils")]
pub mod mock;
#[cfg(feature = "ollama")]
pub mod ollama;
#[cfg(feature = "openai")]
pub mod openai;

pub use config::{AnthropicMode, ProviderConfig, ProviderKind, Timeouts, build_provider};
pub use error::{ErrorKind, ProviderError, TimeoutPhase};

/// Who speaks a [`Message`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Instructions to the model.
    System,
    /// The user's turn.
    User,
    /// An earlier answer of the model (for few-shot examples or a re-ask).
    Assistant,
}

impl Role {
    /// The name the chat APIs use: `system`, `user` or `assistant`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::User => "user",
            Self::Assistant => "assistant",
        }
    }
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Message {
    /// Who speaks.
    pub role: Role,
    /// What is said.
    pub content: String,
}

impl Message {
    /// A system message.
    pub fn system(content: impl Into<String>) -> Self {
        Self {
            role: Role::System,
            content: content.into(),
        }
    }
    /// A user message.
    pub fn user(content: impl Into<String>) -> Self {
        Self {
            role: Role::User,
            content: content.into(),
        }
    }
    /// An assistant message.
    pub fn assistant(content: impl Into<String>) -> Self {
        Self {
            role: Role::Assistant,
            content: content.into(),
        }
    }
}

/// The output a request wants.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Output {
    /// Free text.
    #[default]
    Text,
    /// Any JSON object (the provider's JSON mode where it has one).
    Json,
    /// JSON that follows a JSON Schema, enforced as strongly as the provider allows.
    JsonSchema {
        /// The schema's name (OpenAI wants `[a-zA-Z0-9_-]{1,64}`; it is also the forced
        /// tool's name for Anthropic).
        name: String,
        /// The schema, in the dialect the provider wants (OpenAI: `Dialect::OpenAiStrict`).
        schema: Value,
    },
}

/// What to ask a provider.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Request {
    /// The conversation, system messages first.
    pub messages: Vec<Message>,
    /// Sampling temperature; the provider's configured value when `None`.
    pub temperature: Option<f32>,
    /// The most output tokens; the provider's configured value when `None`.
    pub max_tokens: Option<u32>,
    /// The wanted output.
    pub output: Output,
    /// The typed task behind the prompt, when the generation pipeline sent it. HTTP
    /// backends ignore it; the built-in planner answers from it.
    pub task: Option<Arc<crate::task::Task>>,
}

impl Request {
    /// A request with one system and one user message, wanting text.
    pub fn new(system: impl Into<String>, user: impl Into<String>) -> Self {
        Self {
            messages: vec![Message::system(system), Message::user(user)],
            ..Self::default()
        }
    }
    /// The same request wanting `output`.
    pub fn with_output(mut self, output: Output) -> Self {
        self.output = output;
        self
    }
    /// The same request with this temperature.
    pub fn with_temperature(mut self, temperature: f32) -> Self {
        self.temperature = Some(temperature);
        self
    }
    /// The same request with this output token limit.
    pub fn with_max_tokens(mut self, max_tokens: u32) -> Self {
        self.max_tokens = Some(max_tokens);
        self
    }
    /// The same request carrying its typed task.
    pub fn with_task(mut self, task: Arc<crate::task::Task>) -> Self {
        self.task = Some(task);
        self
    }
    /// The system messages joined by blank lines (for APIs with one system field).
    pub fn system_text(&self) -> String {
        let parts: Vec<&str> = self
            .messages
            .iter()
            .filter(|m| m.role == Role::System)
            .map(|m| m.content.as_str())
            .collect();
        parts.join("\n\n")
    }
}

/// Tokens spent. Attempts add up with `+` and `+=`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(default)]
pub struct Usage {
    /// Prompt tokens, the cached ones included.
    pub input_tokens: u64,
    /// Generated tokens.
    pub output_tokens: u64,
    /// Prompt tokens served from the provider's prompt cache (a part of `input_tokens`).
    pub cached_tokens: u64,
}

impl Usage {
    /// Input plus output tokens.
    pub fn total(&self) -> u64 {
        self.input_tokens.saturating_add(self.output_tokens)
    }
}

impl Add for Usage {
    type Output = Usage;
    fn add(self, rhs: Usage) -> Usage {
        Usage {
            input_tokens: self.input_tokens.saturating_add(rhs.input_tokens),
            output_tokens: self.output_tokens.saturating_add(rhs.output_tokens),
            cached_tokens: self.cached_tokens.saturating_add(rhs.cached_tokens),
        }
    }
}

impl AddAssign for Usage {
    fn add_assign(&mut self, rhs: Usage) {
        *self = *self + rhs;
    }
}

impl std::iter::Sum for Usage {
    fn sum<I: Iterator<Item = Usage>>(iter: I) -> Usage {
        iter.fold(Usage::default(), Add::add)
    }
}

/// Why the model stopped.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FinishReason {
    /// It finished its answer (OpenAI `stop`, Anthropic `end_turn`/`stop_sequence`/`tool_use`
    /// for the forced tool, Ollama `stop`).
    Stop,
    /// It hit the token limit (`length`, `max_tokens`): the output is cut.
    Length,
    /// A content filter stopped it.
    ContentFilter,
    /// It refused (Anthropic `refusal`, or an OpenAI `refusal` field).
    Refusal,
    /// Any other reason, as the provider named it.
    Other(String),
}

/// A provider's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The generated text (for a forced tool, the tool input as JSON text).
    pub text: String,
    /// The model's refusal, if it refused.
    pub refusal: Option<String>,
    /// Why the model stopped.
    pub finish_reason: FinishReason,
    /// Tokens spent, summed over every attempt that produced this response.
    pub usage: Usage,
    /// The model that answered, as the provider named it.
    pub model: String,
    /// How long the answering attempt took.
    pub latency: Duration,
    /// How many attempts were made (1 when the first one answered).
    pub attempts: u32,
    /// Time from the first attempt's start to the answer, back-off waits included.
    pub elapsed: Duration,
}

impl Response {
    /// A successful text response from `model` (for mocks and tests).
    pub fn text(text: impl Into<String>, model: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            refusal: None,
            finish_reason: FinishReason::Stop,
            usage: Usage::default(),
            model: model.into(),
            latency: Duration::ZERO,
            attempts: 1,
            elapsed: Duration::ZERO,
        }
    }

    /// The same response with this usage.
    pub fn with_usage(mut self, usage: Usage) -> Self {
        self.usage = usage;
        self
    }

    /// Turns a refusal or a truncated answer into the matching error, so that it is never
    /// parsed as content. Backends call this on every parsed answer.
    pub fn into_result(self) -> Result<Response, ProviderError> {
        if let Some(refusal) = &self.refusal {
            let message = format!("the model refused: {refusal}");
            return Err(ProviderError::new(ErrorKind::Refusal, message).with_partial(self));
        }
        match self.finish_reason {
            FinishReason::Refusal => {
                Err(ProviderError::new(ErrorKind::Refusal, "the model refused").with_partial(self))
            }
            FinishReason::Length => Err(ProviderError::new(
                ErrorKind::Truncated,
                "the output hit the token limit and is cut",
            )
            .with_partial(self)),
            FinishReason::ContentFilter => Err(ProviderError::new(
                ErrorKind::Refusal,
                "a content filter stopped the output",
            )
            .with_partial(self)),
            _ => Ok(self),
        }
    }
}

/// What a successful [`Provider::ping`] learnt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pong {
    /// The model that answered.
    pub model: String,
    /// How long the round trip took.
    pub latency: Duration,
}

/// An LLM backend. Object safe: choose one at run time with [`build_provider`] and hold it as
/// `Box<dyn Provider>` or `Arc<dyn Provider>`.
#[async_trait]
pub trait Provider: Send + Sync {
    /// The backend's name (`openai`, `anthropic`, `ollama`, `mock`, ...).
    fn name(&self) -> &str;
    /// The configured model.
    fn model(&self) -> &str;
    /// Sends `request` and returns the answer, retrying transient failures as configured.
    async fn generate(&self, request: &Request) -> Result<Response, ProviderError>;
    /// Checks connectivity and credentials with a minimal prompt, once, without retries (the
    /// admin's "Test Connection"). A reply cut by its one-token limit counts as success.
    async fn ping(&self) -> Result<Pong, ProviderError>;
}

#[async_trait]
impl<P: Provider + ?Sized> Provider for Arc<P> {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn model(&self) -> &str {
        (**self).model()
    }
    async fn generate(&self, request: &Request) -> Result<Response, ProviderError> {
        (**self).generate(request).await
    }
    async fn ping(&self) -> Result<Pong, ProviderError> {
        (**self).ping().await
    }
}

#[async_trait]
impl<P: Provider + ?Sized> Provider for Box<P> {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn model(&self) -> &str {
        (**self).model()
    }
    async fn generate(&self, request: &Request) -> Result<Response, ProviderError> {
        (**self).generate(request).await
    }
    async fn ping(&self) -> Result<Pong, ProviderError> {
        (**self).ping().await
    }
}

/// The instruction that carries a JSON Schema in the prompt, for servers that do not enforce
/// it themselves (Ollama advises it; OpenAI's `json_object` fallback needs it).
#[cfg_attr(not(feature = "http"), allow(dead_code))]
pub(crate) fn schema_instruction(name: &str, schema: &serde_json::Value) -> String {
    let text = serde_json::to_string(schema).unwrap_or_default();
    format!("Respond with one JSON object that follows this JSON Schema ({name}):\n{text}")
}

/// The request a ping sends: one tiny prompt, one output token.
#[cfg_attr(not(feature = "http"), allow(dead_code))]
pub(crate) fn ping_request() -> Request {
    Request::new("Reply with the single word: pong", "ping")
        .with_max_tokens(1)
        .with_temperature(0.0)
}

/// Maps a ping attempt's result: a cut reply still proves the connection works.
#[cfg_attr(not(feature = "http"), allow(dead_code))]
pub(crate) fn pong(result: Result<Response, ProviderError>) -> Result<Pong, ProviderError> {
    match result {
        Ok(r) => Ok(Pong {
            model: r.model,
            latency: r.latency,
        }),
        Err(e) if e.kind() == &ErrorKind::Truncated => match e.partial() {
            Some(r) => Ok(Pong {
                model: r.model.clone(),
                latency: r.latency,
            }),
            None => Err(e),
        },
        Err(e) => Err(e),
    }
}
