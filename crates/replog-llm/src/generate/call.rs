//! One part of a generation asked for, checked and re-asked: the loop that repairs what can
//! be repaired locally, re-asks only with the numbered problems, never answers a truncation
//! with a blind re-ask, and counts every attempt's tokens.

use std::sync::{Mutex, MutexGuard};

use replog_core::Issue;
use web_time::Instant;

use super::progress::{OnProgress, Progress, Stage};
use super::record::CallRecord;
use crate::prompt::{self, Prompt};
use crate::provider::{ErrorKind, Provider, ProviderError, Request, Response, Usage};

/// Why an answer was not kept.
pub(crate) enum Rejection {
    /// Not JSON even after local repair: the parser's message.
    Unparseable(String),
    /// JSON that breaks the rules.
    Invalid(Vec<Issue>),
}

/// What a checked answer gives besides the value: the repairs and the unused text.
pub(crate) struct Accepted<T> {
    pub(crate) value: T,
    pub(crate) repairs: Vec<String>,
    pub(crate) ignored: Vec<String>,
}

impl<T> Accepted<T> {
    /// `value`, with the parser's repairs (as one line each) and the text it did not use.
    pub(crate) fn new(value: T, repairs: &[crate::parse::Repair], ignored: Vec<String>) -> Self {
        Self {
            value,
            repairs: repairs.iter().map(ToString::to_string).collect(),
            ignored,
        }
    }
}

/// Reads an answer that is one JSON object (the outline or a week) and checks it with `check`.
pub(crate) fn accept_json<T>(
    text: &str,
    check: impl FnOnce(serde_json::Value) -> Result<T, Vec<Issue>>,
) -> Result<Accepted<T>, Rejection> {
    let parsed =
        crate::parse::parse_answer(text).map_err(|e| Rejection::Unparseable(e.to_string()))?;
    let value = check(parsed.value).map_err(Rejection::Invalid)?;
    Ok(Accepted::new(value, &parsed.repairs, parsed.ignored))
}

/// How a part failed.
pub(crate) enum PartError {
    /// The provider failed (after its own retries).
    Provider(ProviderError),
    /// Still invalid after every round: the last problems.
    Invalid(Vec<Issue>),
    /// Still not JSON after every round: the last parser message.
    Unparseable(String),
}

/// The shared, mutable state of one generation: what was spent and what was said.
#[derive(Default)]
pub(crate) struct Ledger {
    pub(crate) usage: Usage,
    pub(crate) attempts: u32,
    pub(crate) calls: Vec<CallRecord>,
    pub(crate) model: Option<String>,
    pub(crate) weeks_done: u32,
    pub(crate) weeks_total: u32,
}

/// Asks for parts through one provider and keeps the ledger.
pub(crate) struct Asker<'a> {
    pub(crate) provider: &'a dyn Provider,
    pub(crate) max_rounds: u32,
    pub(crate) ledger: Mutex<Ledger>,
    pub(crate) on_progress: Option<OnProgress<'a>>,
}

impl<'a> Asker<'a> {
    pub(crate) fn new(
        provider: &'a dyn Provider,
        max_rounds: u32,
        on_progress: Option<OnProgress<'a>>,
    ) -> Self {
        Self {
            provider,
            max_rounds,
            ledger: Mutex::new(Ledger::default()),
            on_progress,
        }
    }

    /// The ledger; a poisoned lock (a panicking progress callback) still yields the data.
    pub(crate) fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.ledger
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Reports `stage` with the ledger's figures.
    pub(crate) fn report(&self, stage: Stage) {
        let Some(on_progress) = self.on_progress else {
            return;
        };
        let event = {
            let mut ledger = self.ledger();
            if let Stage::Week(_) | Stage::Resumed(_) = stage {
                ledger.weeks_done += 1;
            }
            let percent = match stage {
                Stage::Done => 100,
                Stage::Whole => 0,
                _ => super::progress::percent(ledger.weeks_done, ledger.weeks_total),
            };
            Progress {
                percent,
                stage,
                weeks_done: ledger.weeks_done,
                weeks_total: ledger.weeks_total,
                attempts: ledger.attempts,
                usage: ledger.usage,
            }
        };
        on_progress(&event);
    }

    fn note(&self, record: CallRecord, model: Option<&str>) {
        let mut ledger = self.ledger();
        ledger.usage += record.usage;
        ledger.attempts = ledger.attempts.saturating_add(record.attempts.max(1));
        if let Some(model) = model {
            ledger.model = Some(model.to_owned());
        }
        ledger.calls.push(record);
    }

    /// Asks for `prompt`'s part until `accept` keeps an answer or the rounds run out.
    ///
    /// With `widen`, a truncated answer is asked again once with twice the room (the limit it
    /// hit, doubled), never re-asked as it was; a second truncation, or any truncation
    /// without `widen`, fails the part.
    pub(crate) async fn ask<T>(
        &self,
        label: &str,
        prompt: Prompt,
        widen: bool,
        accept: impl Fn(&str) -> Result<Accepted<T>, Rejection>,
    ) -> Result<T, PartError> {
        let mut request: Request = prompt.request;
        let mut round = 0;
        let mut widened = !widen;
        loop {
            let started = Instant::now();
            let result = self.provider.generate(&request).await;
            let latency_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            let mut record = CallRecord {
                part: label.to_owned(),
                round,
                messages: request.messages.clone(),
                response: None,
                usage: Usage::default(),
                attempts: 1,
                latency_ms,
                repairs: Vec::new(),
                ignored: Vec::new(),
                problems: Vec::new(),
                error: None,
            };
            let response: Response = match result {
                Ok(response) => response,
                Err(error) => {
                    record.usage = error.usage();
                    record.attempts = error.attempts();
                    record.response = error.partial().map(|r| r.text.clone());
                    record.error = Some(error.to_string());
                    let model = error.partial().map(|r| r.model.clone());
                    self.note(record, model.as_deref());
                    if error.kind() == &ErrorKind::Truncated && !widened {
                        if let Some(room) = wider_limit(&error) {
                            widened = true;
                            request.max_tokens = Some(room);
                            continue;
                        }
                    }
                    return Err(PartError::Provider(error));
                }
            };
            record.usage = response.usage;
            record.attempts = response.attempts;
            record.response = Some(response.text.clone());
            let verdict = accept(&response.text);
            let rejection = match verdict {
                Ok(accepted) => {
                    record.repairs = accepted.repairs;
                    record.ignored = accepted.ignored;
                    self.note(record, Some(&response.model));
                    return Ok(accepted.value);
                }
                Err(rejection) => rejection,
            };
            record.problems = match &rejection {
                Rejection::Unparseable(message) => vec![message.clone()],
                Rejection::Invalid(issues) => issues.iter().map(ToString::to_string).collect(),
            };
            self.note(record, Some(&response.model));
            if round >= self.max_rounds {
                return Err(match rejection {
                    Rejection::Unparseable(message) => PartError::Unparseable(message),
                    Rejection::Invalid(issues) => PartError::Invalid(issues),
                });
            }
            round += 1;
            request = match &rejection {
                Rejection::Unparseable(message) => {
                    prompt::reask_unparseable(&request, &response.text, message)
                }
                Rejection::Invalid(issues) => prompt::reask(&request, &response.text, issues),
            };
        }
    }
}

/// Twice the output the truncated answer reached, when the provider said how much that was.
fn wider_limit(error: &ProviderError) -> Option<u32> {
    let reached = error
        .partial()
        .map(|r| r.usage.output_tokens)
        .filter(|&n| n > 0)?;
    u32::try_from(reached.saturating_mul(2)).ok()
}
