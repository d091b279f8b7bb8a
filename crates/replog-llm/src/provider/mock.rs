//! [`MockProvider`]: a scripted provider for tests and bindings (feature `test-utils`). It
//! answers each call with the next scripted response or error, records every request, and
//! runs through the same retry loop and refusal/truncation checks as the real backends.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;

use super::retry::{InstantSleeper, RetryPolicy, Sleeper, retry};
use super::{Pong, Provider, ProviderError, Request, Response};

/// One scripted attempt.
type Step = Result<Response, ProviderError>;

/// A scripted provider. Attempts take the script's steps in order; an exhausted script
/// answers with a configuration error.
#[derive(Debug)]
pub struct MockProvider {
    model: String,
    script: Mutex<VecDeque<Step>>,
    requests: Mutex<Vec<Request>>,
    ping_error: Mutex<Option<ProviderError>>,
    retry: RetryPolicy,
    sleeper: Arc<dyn Sleeper>,
}

impl Default for MockProvider {
    fn default() -> Self {
        Self::new()
    }
}

impl MockProvider {
    /// An empty script, model `mock`, no retries, instant waits.
    pub fn new() -> Self {
        Self {
            model: "mock".to_owned(),
            script: Mutex::new(VecDeque::new()),
            requests: Mutex::new(Vec::new()),
            ping_error: Mutex::new(None),
            retry: RetryPolicy::none(),
            sleeper: Arc::new(InstantSleeper::new()),
        }
    }

    /// The same mock answering as `model`.
    pub fn with_model(mut self, model: impl Into<String>) -> Self {
        self.model = model.into();
        self
    }

    /// The same mock retrying by `policy`, waiting with `sleeper`.
    pub fn with_retry(mut self, policy: RetryPolicy, sleeper: Arc<dyn Sleeper>) -> Self {
        self.retry = policy;
        self.sleeper = sleeper;
        self
    }

    /// Scripts a text answer from the mock's model.
    pub fn push_text(&self, text: impl Into<String>) -> &Self {
        self.push_response(Response::text(text, self.model.clone()))
    }

    /// Scripts a response (a refusal or a `Length` finish turns into the matching error).
    pub fn push_response(&self, response: Response) -> &Self {
        self.lock_script().push_back(Ok(response));
        self
    }

    /// Scripts a failed attempt.
    pub fn push_error(&self, error: ProviderError) -> &Self {
        self.lock_script().push_back(Err(error));
        self
    }

    /// Makes [`Provider::ping`] fail with `error` (it succeeds otherwise).
    pub fn fail_ping(&self, error: ProviderError) -> &Self {
        *self.ping_error.lock().unwrap_or_else(|e| e.into_inner()) = Some(error);
        self
    }

    /// Every request received, one per attempt, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// How many scripted steps are left.
    pub fn remaining(&self) -> usize {
        self.lock_script().len()
    }

    fn lock_script(&self) -> std::sync::MutexGuard<'_, VecDeque<Step>> {
        self.script.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn step(&self, request: &Request) -> Result<Response, ProviderError> {
        self.requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(request.clone());
        match self.lock_script().pop_front() {
            Some(Ok(response)) => response.into_result(),
            Some(Err(error)) => Err(error),
            None => Err(ProviderError::configuration(
                "the mock provider's script is exhausted",
            )),
        }
    }
}

#[async_trait]
impl Provider for MockProvider {
    fn name(&self) -> &str {
        "mock"
    }
    fn model(&self) -> &str {
        &self.model
    }
    async fn generate(&self, request: &Request) -> Result<Response, ProviderError> {
        retry(&self.retry, self.sleeper.as_ref(), |_| {
            let result = self.step(request);
            async move { result }
        })
        .await
    }
    async fn ping(&self) -> Result<Pong, ProviderError> {
        match self
            .ping_error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
        {
            Some(error) => Err(error),
            None => Ok(Pong {
                model: self.model.clone(),
                latency: Duration::ZERO,
            }),
        }
    }
}
