//! The HTTP layer the backends share: one reqwest client (rustls) per provider, the three
//! timeouts, and the classification of an answer by status into [`ErrorKind`]s. Messages
//! are scrubbed of the API key before they leave.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use reqwest::header::HeaderMap;
use reqwest::{RequestBuilder, StatusCode, Url};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

use super::retry::{RetryPolicy, Sleeper, TokioSleeper, parse_retry_after};
use super::{ErrorKind, ProviderConfig, ProviderError, TimeoutPhase, Timeouts};

/// A successful HTTP answer: its JSON body and how long the attempt took.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) body: Value,
    pub(crate) latency: Duration,
}

/// The client, timeouts, retry policy and secret of one provider.
#[derive(Debug)]
pub(crate) struct Transport {
    client: reqwest::Client,
    pub(crate) timeouts: Timeouts,
    pub(crate) retry: RetryPolicy,
    pub(crate) sleeper: Arc<dyn Sleeper>,
    secret: Option<SecretString>,
}

impl Transport {
    /// A transport configured from `config`.
    pub(crate) fn new(config: &ProviderConfig) -> Result<Self, ProviderError> {
        let client = reqwest::Client::builder()
            .connect_timeout(config.timeouts.connect)
            .user_agent(concat!("replog-llm/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                ProviderError::configuration(format!("cannot build the HTTP client: {e}"))
            })?;
        Ok(Self {
            client,
            timeouts: config.timeouts,
            retry: config.retry_policy(),
            sleeper: Arc::new(TokioSleeper),
            secret: config.api_key.clone(),
        })
    }

    /// The API key, if one is configured and not blank.
    pub(crate) fn secret(&self) -> Option<&str> {
        self.secret
            .as_ref()
            .map(|s| s.expose_secret())
            .filter(|s| !s.trim().is_empty())
    }

    /// Starts a POST to `url`.
    pub(crate) fn post(&self, url: Url) -> RequestBuilder {
        self.client.post(url)
    }

    /// Sends `request` once under the timeouts and classifies the answer.
    ///
    /// No response headers within the first-byte limit is a `FirstByte` timeout, whichever
    /// timer fires first when the two limits are equal (`llm.timeout_seconds` sets both): the
    /// headers arriving is recorded, so the outcome does not depend on timer order.
    pub(crate) async fn send_json(&self, request: RequestBuilder) -> Result<Answer, ProviderError> {
        let started = Instant::now();
        let Timeouts {
            first_byte, total, ..
        } = self.timeouts;
        let no_headers = || {
            ProviderError::new(
                ErrorKind::Timeout(TimeoutPhase::FirstByte),
                format!("no response headers within {first_byte:?}"),
            )
        };
        let headers = AtomicBool::new(false);
        let attempt = async {
            let response = match tokio::time::timeout(first_byte, request.send()).await {
                Err(_) => return Err(no_headers()),
                Ok(Err(e)) => return Err(self.transport_error(&e)),
                Ok(Ok(response)) => response,
            };
            headers.store(true, Ordering::Relaxed);
            let status = response.status();
            let retry_after = retry_after(response.headers());
            let bytes = response.bytes().await.map_err(|e| self.body_error(&e))?;
            self.classify(status, retry_after, &bytes)
        };
        let body = match tokio::time::timeout(total, attempt).await {
            Err(_) if first_byte <= total && !headers.load(Ordering::Relaxed) => {
                return Err(no_headers());
            }
            Err(_) => {
                return Err(ProviderError::new(
                    ErrorKind::Timeout(TimeoutPhase::Total),
                    format!("the attempt took longer than {total:?}"),
                ));
            }
            Ok(result) => result?,
        };
        Ok(Answer {
            body,
            latency: started.elapsed(),
        })
    }

    fn transport_error(&self, e: &reqwest::Error) -> ProviderError {
        let kind = if e.is_connect() && e.is_timeout() {
            ErrorKind::Timeout(TimeoutPhase::Connect)
        } else if e.is_timeout() {
            ErrorKind::Timeout(TimeoutPhase::Total)
        } else if e.is_builder() {
            ErrorKind::Configuration
        } else {
            ErrorKind::Connection
        };
        ProviderError::new(kind, self.scrub(&error_chain(e)))
    }

    fn body_error(&self, e: &reqwest::Error) -> ProviderError {
        let message = format!(
            "the connection failed while reading the body: {}",
            error_chain(e)
        );
        ProviderError::new(ErrorKind::Connection, self.scrub(&message))
    }

    fn classify(
        &self,
        status: StatusCode,
        retry_after: Option<Duration>,
        bytes: &[u8],
    ) -> Result<Value, ProviderError> {
        let parsed = serde_json::from_slice::<Value>(bytes);
        if status.is_success() {
            return parsed.map_err(|e| {
                let message = format!("the body is not JSON ({e}): {}", excerpt(bytes));
                ProviderError::new(ErrorKind::MalformedResponse, self.scrub(&message))
                    .with_status(status.as_u16())
            });
        }
        let kind = match status.as_u16() {
            401 | 403 => ErrorKind::Authentication,
            429 => ErrorKind::RateLimit,
            408 | 409 | 500..=599 => ErrorKind::Server,
            400..=499 => ErrorKind::InvalidRequest,
            _ => ErrorKind::MalformedResponse,
        };
        let message = match parsed.as_ref().ok().and_then(error_message) {
            Some(m) => m,
            None => excerpt(bytes),
        };
        Err(ProviderError::new(kind, self.scrub(&message))
            .with_status(status.as_u16())
            .with_retry_after(retry_after))
    }

    /// Removes the API key from `text`.
    pub(crate) fn scrub(&self, text: &str) -> String {
        match self.secret() {
            Some(secret) if secret.len() >= 4 => text.replace(secret, "[redacted]"),
            _ => text.to_owned(),
        }
    }
}

/// `base` joined with `path`, keeping the base's query (Azure-style `?api-version=`).
pub(crate) fn endpoint(base: &str, path: &str) -> Result<Url, ProviderError> {
    let mut url = Url::parse(base.trim())
        .map_err(|e| ProviderError::configuration(format!("invalid base URL {base:?}: {e}")))?;
    if url.cannot_be_a_base() || !matches!(url.scheme(), "http" | "https") {
        return Err(ProviderError::configuration(format!(
            "base URL {base:?} is not http(s)"
        )));
    }
    let joined = format!(
        "{}/{}",
        url.path().trim_end_matches('/'),
        path.trim_start_matches('/')
    );
    url.set_path(&joined);
    Ok(url)
}

/// The wait a 429 or 503 asks for: `retry-after-ms` (OpenAI) or `Retry-After`.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let millis = headers
        .get("retry-after-ms")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_millis);
    millis.or_else(|| {
        let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
        parse_retry_after(value, SystemTime::now())
    })
}

/// The message of an error body: OpenAI and Anthropic `{"error": {"message"}}`, Ollama
/// `{"error": "..."}`, or a top-level `message`.
pub(crate) fn error_message(body: &Value) -> Option<String> {
    let error = body.get("error");
    error
        .and_then(|e| e.get("message"))
        .or_else(|| error.filter(|e| e.is_string()))
        .or_else(|| body.get("message"))
        .and_then(Value::as_str)
        .map(str::to_owned)
}

/// At most 300 characters of a body, for messages.
fn excerpt(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    if text.is_empty() {
        return "(empty body)".to_owned();
    }
    match text.char_indices().nth(300) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
}

/// An error and its sources, so "connection closed" is not hidden behind "error decoding".
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// The builder methods every HTTP backend has, for a type with `transport: Transport` and
/// `url: Url` fields: written once, expanded in each backend's `impl`.
macro_rules! transport_builders {
    () => {
        /// The same provider waiting between attempts with `sleeper`.
        pub fn with_sleeper(
            mut self,
            sleeper: std::sync::Arc<dyn crate::provider::retry::Sleeper>,
        ) -> Self {
            self.transport.sleeper = sleeper;
            self
        }

        /// The same provider retrying by `policy`.
        pub fn with_retry_policy(mut self, policy: crate::provider::retry::RetryPolicy) -> Self {
            self.transport.retry = policy;
            self
        }

        /// The endpoint requests go to.
        pub fn url(&self) -> &reqwest::Url {
            &self.url
        }
    };
}
pub(crate) use transport_builders;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_keeps_query_and_slashes() {
        let u = endpoint("http://127.0.0.1:8080/v1/", "chat/completions").unwrap();
        assert_eq!(u.as_str(), "http://127.0.0.1:8080/v1/chat/completions");
        let u = endpoint(
            "https://x.example/openai/deployments/d?api-version=2024-10-21",
            "/chat/completions",
        )
        .unwrap();
        assert_eq!(
            u.as_str(),
            "https://x.example/openai/deployments/d/chat/completions?api-version=2024-10-21"
        );
        assert!(endpoint("not a url", "x").is_err());
        assert!(endpoint("ftp://x/", "x").is_err());
    }

    #[test]
    fn error_messages_of_each_provider() {
        let openai =
            serde_json::json!({"error": {"message": "bad key", "type": "invalid_request_error"}});
        assert_eq!(error_message(&openai).as_deref(), Some("bad key"));
        let ollama = serde_json::json!({"error": "model not found"});
        assert_eq!(error_message(&ollama).as_deref(), Some("model not found"));
        assert_eq!(error_message(&serde_json::json!([1])), None);
        assert_eq!(excerpt(&[b'x'; 400]).len(), 303);
        assert_eq!(excerpt(b"  "), "(empty body)");
    }
}
