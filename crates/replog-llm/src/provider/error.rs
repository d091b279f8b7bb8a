//! [`ProviderError`]: one error type for every backend, classified by [`ErrorKind`] so that
//! the retry loop and the generation layer decide without reading messages.

use std::fmt;
use std::time::Duration;

use super::{Response, Usage};

/// Which timeout fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeoutPhase {
    /// Opening the connection.
    Connect,
    /// Waiting for the response headers after the request was sent.
    FirstByte,
    /// The whole attempt, body included.
    Total,
}

/// The class of a provider failure.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The credentials were refused (HTTP 401/403). Never retried.
    Authentication,
    /// Too many requests (HTTP 429). Retried after `Retry-After` or a back-off.
    RateLimit,
    /// The server failed (HTTP 5xx, 408, Anthropic 529). Retried with back-off.
    Server,
    /// The connection failed or closed mid-answer. Retried with back-off.
    Connection,
    /// A timeout fired. Retried with back-off.
    Timeout(TimeoutPhase),
    /// The answer was not the JSON the API documents (a proxy page, a cut body). Retried.
    MalformedResponse,
    /// The model refused or a content filter stopped it. Never retried.
    Refusal,
    /// The output hit the token limit. Never retried blindly: split the work or raise it.
    Truncated,
    /// The server rejected the request (other 4xx: bad parameters, unknown model, schema).
    InvalidRequest,
    /// The provider is not usable as configured (unknown kind, missing key, bad setting,
    /// feature not compiled in, mock script exhausted).
    Configuration,
}

impl ErrorKind {
    /// Whether another attempt may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::RateLimit
                | Self::Server
                | Self::Connection
                | Self::Timeout(_)
                | Self::MalformedResponse
        )
    }

    /// A stable snake_case code for logs and bindings.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Authentication => "authentication",
            Self::RateLimit => "rate_limit",
            Self::Server => "server",
            Self::Connection => "connection",
            Self::Timeout(TimeoutPhase::Connect) => "timeout_connect",
            Self::Timeout(TimeoutPhase::FirstByte) => "timeout_first_byte",
            Self::Timeout(TimeoutPhase::Total) => "timeout_total",
            Self::MalformedResponse => "malformed_response",
            Self::Refusal => "refusal",
            Self::Truncated => "truncated",
            Self::InvalidRequest => "invalid_request",
            Self::Configuration => "configuration",
        }
    }
}

/// A failed provider call: its kind, a message (never containing the API key), the HTTP
/// status and `Retry-After` if any, how many attempts were made, the tokens they spent, and
/// for refusals and truncation the partial response.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderError {
    kind: ErrorKind,
    message: String,
    status: Option<u16>,
    retry_after: Option<Duration>,
    attempts: u32,
    usage: Usage,
    partial: Option<Box<Response>>,
}

impl ProviderError {
    /// An error of `kind` after one attempt, with no usage.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            status: None,
            retry_after: None,
            attempts: 1,
            usage: Usage::default(),
            partial: None,
        }
    }

    /// A [`ErrorKind::Configuration`] error.
    pub fn configuration(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Configuration, message)
    }

    /// The same error with this HTTP status.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// The same error with the server's `Retry-After`.
    pub fn with_retry_after(mut self, retry_after: Option<Duration>) -> Self {
        self.retry_after = retry_after;
        self
    }

    /// The same error with this usage.
    pub fn with_usage(mut self, usage: Usage) -> Self {
        self.usage = usage;
        self
    }

    /// The same error carrying the partial response (its usage becomes the error's usage).
    pub fn with_partial(mut self, partial: Response) -> Self {
        self.usage = partial.usage;
        self.partial = Some(Box::new(partial));
        self
    }

    /// The class of failure.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
    /// What happened, in words (never the API key).
    pub fn message(&self) -> &str {
        &self.message
    }
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        self.status
    }
    /// The server's `Retry-After`, when it sent one.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }
    /// How many attempts were made before giving up.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
    /// Tokens spent by all the attempts.
    pub fn usage(&self) -> Usage {
        self.usage
    }
    /// The partial response of a refusal or truncation.
    pub fn partial(&self) -> Option<&Response> {
        self.partial.as_deref()
    }
    /// Whether another attempt may succeed (see [`ErrorKind::is_retryable`]).
    pub fn is_retryable(&self) -> bool {
        self.kind.is_retryable()
    }

    /// Records the attempt count and the usage of every attempt (the retry loop's job).
    pub(crate) fn set_totals(&mut self, attempts: u32, usage: Usage) {
        self.attempts = attempts;
        self.usage = usage;
        if let Some(partial) = &mut self.partial {
            partial.attempts = attempts;
            partial.usage = usage;
        }
    }
}

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind.code())?;
        if let Some(status) = self.status {
            write!(f, " (HTTP {status})")?;
        }
        write!(f, ": {}", self.message)?;
        if self.attempts > 1 {
            write!(f, " after {} attempts", self.attempts)?;
        }
        Ok(())
    }
}

impl std::error::Error for ProviderError {}
