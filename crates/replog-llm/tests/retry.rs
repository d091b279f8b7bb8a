//! Retries against loopback servers: 429 with `Retry-After`, 500 then success, a server that
//! hangs, one that closes the connection mid-body, and one that answers with a body that is
//! not JSON. Each test asserts the attempts made and the time spent (real time with the
//! tokio sleeper, or the exact waits with the instant sleeper).

mod common;

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime};

use common::{Raw, config, fast_policy, fixture, raw_server};
use replog_llm::Provider;
use replog_llm::provider::openai::OpenAiProvider;
use replog_llm::provider::retry::{InstantSleeper, TokioSleeper};
use replog_llm::provider::{ErrorKind, ProviderKind, Request, TimeoutPhase, Timeouts, Usage};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(fixture("openai", "success_schema"), "application/json")
}

fn rate_limited(retry_after: &str) -> ResponseTemplate {
    ResponseTemplate::new(429)
        .insert_header("retry-after", retry_after)
        .set_body_raw(fixture("openai", "error_429"), "application/json")
}

fn request() -> Request {
    Request::new("You are a coach.", "Plan.")
}

fn provider(base: &str, sleeper: Arc<InstantSleeper>) -> OpenAiProvider {
    OpenAiProvider::new(&config(ProviderKind::OpenAi, base))
        .unwrap()
        .with_retry_policy(fast_policy())
        .with_sleeper(sleeper)
}

async fn attempts(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

#[tokio::test]
async fn rate_limit_honours_retry_after_seconds_in_real_time() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(rate_limited("1"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let p = OpenAiProvider::new(&config(ProviderKind::OpenAi, &server.uri()))
        .unwrap()
        .with_retry_policy(fast_policy())
        .with_sleeper(Arc::new(TokioSleeper));
    let started = Instant::now();
    let r = p
        .generate(&request())
        .await
        .expect("second attempt answers");
    let spent = started.elapsed();
    assert_eq!((r.attempts, attempts(&server).await), (2, 2));
    // The 50 ms back-off would be far shorter: the server's one second was honoured.
    assert!(
        spent >= Duration::from_secs(1) && spent < Duration::from_secs(3),
        "{spent:?}"
    );
    assert!(r.elapsed >= Duration::from_secs(1));
}

#[tokio::test]
async fn rate_limit_waits_are_the_servers_seconds_and_dates() {
    let server = MockServer::start().await;
    let in_three = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3));
    Mock::given(method("POST"))
        .respond_with(rate_limited("7"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(rate_limited(&in_three))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let sleeper = Arc::new(InstantSleeper::new());
    let started = Instant::now();
    let r = provider(&server.uri(), sleeper.clone())
        .generate(&request())
        .await
        .unwrap();
    assert_eq!((r.attempts, attempts(&server).await), (3, 3));
    let waits = sleeper.waits();
    assert_eq!(waits[0], Duration::from_secs(7));
    assert!(
        waits[1] > Duration::from_secs(1) && waits[1] <= Duration::from_secs(3),
        "{waits:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the instant sleeper did not wait"
    );
}

#[tokio::test]
async fn rate_limit_gives_up_after_four_attempts_or_on_a_too_long_wait() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(rate_limited("2"))
        .mount(&server)
        .await;
    let sleeper = Arc::new(InstantSleeper::new());
    let e = provider(&server.uri(), sleeper.clone())
        .generate(&request())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::RateLimit);
    assert_eq!((e.attempts(), attempts(&server).await), (4, 4));
    assert_eq!(sleeper.waits(), vec![Duration::from_secs(2); 3]);
    assert_eq!(e.retry_after(), Some(Duration::from_secs(2)));

    let patient = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(rate_limited("3600"))
        .mount(&patient)
        .await;
    let sleeper = Arc::new(InstantSleeper::new());
    let e = provider(&patient.uri(), sleeper.clone())
        .generate(&request())
        .await
        .unwrap_err();
    assert_eq!(
        (e.attempts(), attempts(&patient).await),
        (1, 1),
        "an hour is past max_retry_after"
    );
    assert!(sleeper.waits().is_empty());
}

#[tokio::test]
async fn server_error_then_success_backs_off_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500).set_body_string("upstream exploded"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let p = OpenAiProvider::new(&config(ProviderKind::OpenAi, &server.uri()))
        .unwrap()
        .with_retry_policy(fast_policy())
        .with_sleeper(Arc::new(TokioSleeper));
    let started = Instant::now();
    let r = p.generate(&request()).await.unwrap();
    let spent = started.elapsed();
    assert_eq!((r.attempts, attempts(&server).await), (2, 2));
    assert!(
        spent >= Duration::from_millis(50) && spent < Duration::from_secs(2),
        "{spent:?}"
    );
    assert_eq!(
        r.usage,
        Usage {
            input_tokens: 2006,
            output_tokens: 300,
            cached_tokens: 1920
        }
    );
}

#[tokio::test]
async fn persistent_server_errors_stop_after_four_attempts_with_doubling_waits() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(503).set_body_string("<html>503 Service Unavailable</html>"),
        )
        .mount(&server)
        .await;
    let sleeper = Arc::new(InstantSleeper::new());
    let e = provider(&server.uri(), sleeper.clone())
        .generate(&request())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Server);
    assert_eq!(e.status(), Some(503));
    assert_eq!((e.attempts(), attempts(&server).await), (4, 4));
    let ms: Vec<u128> = sleeper.waits().iter().map(Duration::as_millis).collect();
    assert_eq!(ms, [50, 100, 200]);
    assert!(e.to_string().contains("after 4 attempts"));
}

/// A server that holds every request for 5 s before it answers.
async fn hanging_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok().set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    server
}

/// An OpenAI provider for `server` with these limits and retries, sleeping no back-off.
fn timed_provider(
    server: &MockServer,
    first_byte: Duration,
    total: Duration,
    max_retries: u32,
) -> OpenAiProvider {
    let mut cfg = config(ProviderKind::OpenAi, &server.uri());
    cfg.timeouts.first_byte = first_byte;
    cfg.timeouts.total = total;
    cfg.max_retries = max_retries;
    OpenAiProvider::new(&cfg)
        .unwrap()
        .with_sleeper(Arc::new(InstantSleeper::new()))
}

#[tokio::test]
async fn a_hanging_server_times_out_at_first_byte_on_every_attempt() {
    let server = hanging_server().await;
    let mut cfg = config(ProviderKind::OpenAi, &server.uri());
    cfg.timeouts = Timeouts {
        connect: Duration::from_secs(1),
        first_byte: Duration::from_millis(200),
        total: Duration::from_secs(2),
    };
    let sleeper = Arc::new(InstantSleeper::new());
    let p = OpenAiProvider::new(&cfg)
        .unwrap()
        .with_retry_policy(fast_policy())
        .with_sleeper(sleeper);
    let started = Instant::now();
    let e = p.generate(&request()).await.unwrap_err();
    let spent = started.elapsed();
    assert_eq!(e.kind(), &ErrorKind::Timeout(TimeoutPhase::FirstByte));
    assert_eq!((e.attempts(), attempts(&server).await), (4, 4));
    // Four attempts of 200 ms each, no back-off time (instant sleeper).
    assert!(
        spent >= Duration::from_millis(800) && spent < Duration::from_millis(2500),
        "{spent:?}"
    );
}

/// `llm.timeout_seconds` sets the first-byte and the total limits alike: a server that never
/// sends its headers is then a first-byte timeout every time, not whichever timer fires first.
#[tokio::test]
async fn equal_limits_and_no_headers_are_a_first_byte_timeout() {
    let server = hanging_server().await;
    let limit = Duration::from_millis(20);
    let p = timed_provider(&server, limit, limit, 0);
    for round in 0..25 {
        let e = p.generate(&request()).await.unwrap_err();
        assert_eq!(
            e.kind(),
            &ErrorKind::Timeout(TimeoutPhase::FirstByte),
            "round {round}: {e}"
        );
    }
}

#[tokio::test]
async fn the_total_timeout_bounds_an_attempt() {
    let server = hanging_server().await;
    let p = timed_provider(
        &server,
        Duration::from_secs(10),
        Duration::from_millis(300),
        1,
    );
    let started = Instant::now();
    let e = p.generate(&request()).await.unwrap_err();
    let spent = started.elapsed();
    assert_eq!(e.kind(), &ErrorKind::Timeout(TimeoutPhase::Total));
    assert_eq!(
        (e.attempts(), attempts(&server).await),
        (2, 2),
        "llm.max_retries = 1"
    );
    assert!(
        spent >= Duration::from_millis(600) && spent < Duration::from_secs(2),
        "{spent:?}"
    );
}

#[tokio::test]
async fn a_connection_closed_mid_body_is_retried() {
    let body = fixture("openai", "success_schema");
    let (base, count) = raw_server(vec![Raw::CutBody(body.clone()), Raw::Full(body)]).await;
    let sleeper = Arc::new(InstantSleeper::new());
    let r = provider(&base, sleeper.clone())
        .generate(&request())
        .await
        .expect("second answers");
    assert_eq!((r.attempts, count.load(Ordering::SeqCst)), (2, 2));
    assert_eq!(sleeper.waits(), vec![Duration::from_millis(50)]);

    let (base, count) = raw_server(vec![Raw::CutBody(fixture("openai", "success_schema"))]).await;
    let e = provider(&base, Arc::new(InstantSleeper::new()))
        .generate(&request())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Connection);
    assert_eq!((e.attempts(), count.load(Ordering::SeqCst)), (4, 4));
}

#[tokio::test]
async fn a_body_that_is_not_json_is_retried_then_reported() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw("<html><body>502 Bad Gateway</body></html>", "text/html"),
        )
        .mount(&server)
        .await;
    let sleeper = Arc::new(InstantSleeper::new());
    let e = provider(&server.uri(), sleeper.clone())
        .generate(&request())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::MalformedResponse);
    assert_eq!((e.attempts(), attempts(&server).await), (4, 4));
    assert!(e.message().contains("502 Bad Gateway"));
    assert_eq!(sleeper.waits().len(), 3);
}

#[tokio::test]
async fn a_refused_connection_is_a_connection_failure() {
    // Bind then drop a listener so the port is closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let e = provider(
        &format!("http://127.0.0.1:{port}/v1"),
        Arc::new(InstantSleeper::new()),
    )
    .generate(&request())
    .await
    .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Connection);
    assert_eq!(e.attempts(), 4);
}
