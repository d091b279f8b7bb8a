//! Bounded retries: a [`RetryPolicy`] (exponential back-off with jitter, `Retry-After`
//! honoured), a [`Sleeper`] that tests can make instant and measure, and [`retry`], the loop
//! every backend runs its attempts through. Usage of every attempt is summed.

use std::future::Future;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use async_trait::async_trait;

use super::{ProviderError, Response, Usage};

/// How often and how patiently to retry.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (`llm.max_retries`, default 3: at most 4 attempts).
    pub max_retries: u32,
    /// The first back-off; doubled for each further retry.
    pub base_delay: Duration,
    /// The longest back-off.
    pub max_delay: Duration,
    /// The fraction of each back-off drawn at random (0: none; 0.5: between half and all).
    pub jitter: f64,
    /// The longest `Retry-After` waited for; a longer one ends the retries at once so the
    /// caller can decide.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            jitter: 0.5,
            max_retry_after: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// No retries: one attempt.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// The back-off before retry number `retry` (0 for the first retry), before jitter.
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.min(31));
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    /// The back-off before retry number `retry` with jitter, `unit` being a draw in `[0, 1)`.
    pub fn jittered(&self, retry: u32, unit: f64) -> Duration {
        let jitter = self.jitter.clamp(0.0, 1.0);
        let unit = if unit.is_finite() {
            unit.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.backoff(retry).mul_f64(1.0 - jitter * unit)
    }

    /// How long to wait before retry number `retry` after `error`, or `None` to stop.
    pub fn delay_for(&self, retry: u32, error: &ProviderError) -> Option<Duration> {
        if !error.is_retryable() || retry >= self.max_retries {
            return None;
        }
        match error.retry_after() {
            Some(wait) if wait > self.max_retry_after => None,
            Some(wait) => Some(wait),
            None => Some(self.jittered(retry, fastrand::f64())),
        }
    }
}

/// Parses a `Retry-After` value: delay seconds or an HTTP date (relative to `now`).
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    if let Ok(seconds) = value.parse::<f64>() {
        return Duration::try_from_secs_f64(seconds).ok();
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Waits between attempts. Tests swap in [`InstantSleeper`] to run fast and see the waits.
#[async_trait]
pub trait Sleeper: Send + Sync + std::fmt::Debug {
    /// Waits `duration`.
    async fn sleep(&self, duration: Duration);
}

/// Sleeps on the tokio timer.
#[cfg(feature = "http")]
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioSleeper;

#[cfg(feature = "http")]
#[async_trait]
impl Sleeper for TokioSleeper {
    async fn sleep(&self, duration: Duration) {
        tokio::time::sleep(duration).await;
    }
}

/// Returns at once and records every wait asked for.
#[derive(Debug, Default)]
pub struct InstantSleeper {
    waits: Mutex<Vec<Duration>>,
}

impl InstantSleeper {
    /// A sleeper with no waits recorded.
    pub fn new() -> Self {
        Self::default()
    }
    /// The waits asked for so far, in order.
    pub fn waits(&self) -> Vec<Duration> {
        self.waits.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

#[async_trait]
impl Sleeper for InstantSleeper {
    async fn sleep(&self, duration: Duration) {
        self.waits
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(duration);
    }
}

/// Runs `attempt` (given the 1-based attempt number) until it succeeds, fails in a way that
/// is not retryable, or the policy's retries are spent. The result carries the number of
/// attempts, the usage of all of them and the time since the first one started.
pub async fn retry<F, Fut>(
    policy: &RetryPolicy,
    sleeper: &dyn Sleeper,
    mut attempt: F,
) -> Result<Response, ProviderError>
where
    F: FnMut(u32) -> Fut + Send,
    Fut: Future<Output = Result<Response, ProviderError>> + Send,
{
    let started = Clock::now();
    let mut usage = Usage::default();
    let mut number = 1u32;
    loop {
        match attempt(number).await {
            Ok(mut response) => {
                usage += response.usage;
                response.usage = usage;
                response.attempts = number;
                response.elapsed = started.elapsed();
                return Ok(response);
            }
            Err(mut error) => {
                usage += error.usage();
                let delay = policy.delay_for(number - 1, &error);
                error.set_totals(number, usage);
                match delay {
                    Some(delay) => sleeper.sleep(delay).await,
                    None => return Err(error),
                }
                number = number.saturating_add(1);
            }
        }
    }
}

/// A monotonic clock where one exists; `Instant::now` panics on wasm32-unknown-unknown, so
/// there the elapsed time is reported as zero.
struct Clock(Option<std::time::Instant>);

impl Clock {
    fn now() -> Self {
        if cfg!(all(target_arch = "wasm32", target_os = "unknown")) {
            Self(None)
        } else {
            Self(Some(std::time::Instant::now()))
        }
    }
    fn elapsed(&self) -> Duration {
        self.0.map(|t| t.elapsed()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::ErrorKind;

    #[test]
    fn backoff_doubles_and_caps() {
        let p = RetryPolicy {
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(350),
            ..RetryPolicy::default()
        };
        let got: Vec<u128> = (0..4).map(|r| p.backoff(r).as_millis()).collect();
        assert_eq!(got, [100, 200, 350, 350]);
        assert_eq!(p.backoff(u32::MAX), Duration::from_millis(350));
    }

    #[test]
    fn jitter_stays_within_its_fraction() {
        let p = RetryPolicy {
            base_delay: Duration::from_millis(1000),
            jitter: 0.5,
            ..RetryPolicy::default()
        };
        assert_eq!(p.jittered(0, 0.0), Duration::from_millis(1000));
        assert_eq!(p.jittered(0, 1.0), Duration::from_millis(500));
        for _ in 0..100 {
            let d = p.jittered(0, fastrand::f64());
            assert!(d >= Duration::from_millis(500) && d <= Duration::from_millis(1000));
        }
        assert_eq!(p.jittered(0, f64::NAN), Duration::from_millis(1000));
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = httpdate::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(parse_retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after("1.5", now),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("-3", now), None);
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn delay_respects_kind_budget_and_cap() {
        let p = RetryPolicy {
            jitter: 0.0,
            ..RetryPolicy::default()
        };
        let auth = ProviderError::new(ErrorKind::Authentication, "no");
        assert_eq!(p.delay_for(0, &auth), None);
        let server = ProviderError::new(ErrorKind::Server, "boom");
        assert_eq!(p.delay_for(0, &server), Some(Duration::from_millis(500)));
        assert_eq!(p.delay_for(3, &server), None);
        let limited = ProviderError::new(ErrorKind::RateLimit, "slow down")
            .with_retry_after(Some(Duration::from_secs(9)));
        assert_eq!(p.delay_for(1, &limited), Some(Duration::from_secs(9)));
        let too_long = limited.with_retry_after(Some(Duration::from_secs(3600)));
        assert_eq!(p.delay_for(1, &too_long), None);
    }
}
