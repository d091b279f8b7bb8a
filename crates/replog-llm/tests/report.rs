//! The LLM report writer (reference/003): the model writes only the words, the numbers are
//! the metrics module's whatever it answers, and every failure falls back to the
//! deterministic writer, saying so. Scripted with `MockProvider`, and end to end against a
//! loopback wiremock server speaking the OpenAI protocol.

mod common;

use common::{openai_completion, openai_provider};
use replog_core::context::{ContextOptions, synthetic_logbook};
use replog_core::metrics::period::{Period, PeriodKind, period_metrics};
use replog_core::report::{ReportNumbers, ReportWords, WrittenBy, deterministic_words};
use replog_core::schema::{Dialect, schema_for};
use replog_llm::provider::mock::MockProvider;
use replog_llm::provider::{ErrorKind, Output};
use replog_llm::report::{WORDS_SCHEMA, write_report};
use replog_llm::structured::StructuredError;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Eight weeks of three sessions, and the week of its last day.
fn numbers() -> (ReportNumbers, replog_core::metrics::PeriodMetrics) {
    let logbook = synthetic_logbook(8, 3, 1);
    let options = ContextOptions::default();
    let period = Period::of(PeriodKind::Week, logbook.as_of().expect("dated"));
    let expected = period_metrics(&logbook, &period, &options);
    (
        ReportNumbers::compute(&logbook, &period, &options),
        expected,
    )
}

fn words_json() -> Value {
    json!({
        "headline": "A week of steady work",
        "celebration": null,
        "action": {"directive": "Keep the plan.", "explanation": "Everything is on track."}
    })
}

#[tokio::test]
async fn the_model_writes_the_words_and_the_numbers_are_the_metrics() {
    let (numbers, expected) = numbers();
    let mock = MockProvider::new().with_model("scripted");
    // The headline claims a number of its own; it is text, and the numbers stay computed.
    let mut answer = words_json();
    answer["headline"] = json!("You lifted 999999 this week");
    mock.push_text(answer.to_string());
    let written = write_report(&mock, numbers.clone()).await;
    assert!(written.fallback.is_none(), "{:?}", written.fallback);
    assert_eq!(written.report.metrics, expected);
    assert_eq!(written.report.words.headline, "You lifted 999999 this week");
    assert_eq!(
        written.report.written_by,
        WrittenBy::Model {
            provider: "mock".into(),
            model: "scripted".into()
        }
    );

    let sent = &mock.requests()[0];
    let Output::JsonSchema { name, schema } = &sent.output else {
        panic!("a structured request: {:?}", sent.output)
    };
    assert_eq!(name, WORDS_SCHEMA);
    assert_eq!(
        schema,
        &schema_for::<ReportWords>(Dialect::OpenAiStrict).expect("strict")
    );
    // The model is shown the computed numbers.
    let shown = &sent.messages[1].content;
    let numbers_json = serde_json::to_string(&numbers).expect("serialises");
    assert!(shown.contains(&numbers_json), "{shown}");
}

#[tokio::test]
async fn an_answer_that_tries_to_change_a_number_cannot() {
    let (numbers, expected) = numbers();
    let mock = MockProvider::new();
    let mut answer = words_json();
    answer["volume"] = json!(1_000_000);
    answer["metrics"] = json!({"volume": 1_000_000, "workouts": 99, "streak_weeks": 52});
    mock.push_text(answer.to_string());
    let written = write_report(&mock, numbers.clone()).await;
    assert!(
        matches!(written.fallback, Some(StructuredError::Malformed { .. })),
        "{:?}",
        written.fallback
    );
    assert_eq!(written.report.metrics, expected);
    assert_eq!(written.report.words, deterministic_words(&numbers));
    let WrittenBy::Rules {
        fallback: Some(reason),
    } = &written.report.written_by
    else {
        panic!("the rules wrote it: {:?}", written.report.written_by)
    };
    assert!(reason.contains("unknown field `volume`"), "{reason}");
    let json = serde_json::to_value(&written.report).expect("serialises");
    assert_ne!(json["metrics"]["volume"], 1_000_000);
    assert_ne!(json["metrics"]["workouts"], 99);
}

#[tokio::test]
async fn words_over_their_limits_fall_back() {
    let (numbers, _) = numbers();
    let mock = MockProvider::new();
    let mut answer = words_json();
    answer["headline"] = json!("x".repeat(500));
    mock.push_text(answer.to_string());
    let written = write_report(&mock, numbers.clone()).await;
    assert!(matches!(
        written.fallback,
        Some(StructuredError::Words { .. })
    ));
    assert_eq!(written.report.words, deterministic_words(&numbers));
}

#[tokio::test]
async fn end_to_end_over_the_openai_protocol() {
    let (numbers, expected) = numbers();
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .respond_with(openai_completion(&words_json().to_string()))
        .expect(1)
        .mount(&server)
        .await;
    let written = write_report(&openai_provider(&server), numbers).await;
    assert!(written.fallback.is_none(), "{:?}", written.fallback);
    assert_eq!(written.report.metrics, expected);
    assert_eq!(written.report.words.headline, "A week of steady work");
    assert_eq!(written.usage.total(), 960);
    assert_eq!(
        written.report.written_by,
        WrittenBy::Model {
            provider: "openai".into(),
            model: "gpt-4o-mini-2024-07-18".into()
        }
    );

    let requests = server.received_requests().await.expect("recorded");
    let body: Value = requests[0].body_json().expect("JSON body");
    let format = &body["response_format"];
    assert_eq!(format["type"], "json_schema");
    assert_eq!(format["json_schema"]["name"], WORDS_SCHEMA);
    assert_eq!(format["json_schema"]["strict"], true);
    assert_eq!(
        format["json_schema"]["schema"],
        schema_for::<ReportWords>(Dialect::OpenAiStrict).expect("strict")
    );
    assert_eq!(
        format["json_schema"]["schema"]["additionalProperties"],
        false
    );
}

#[tokio::test]
async fn server_errors_until_the_retries_run_out_fall_back_to_the_rules() {
    let (numbers, expected) = numbers();
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(500).set_body_json(json!({"error": {"message": "boom"}})),
        )
        .mount(&server)
        .await;
    let written = write_report(&openai_provider(&server), numbers.clone()).await;
    let Some(StructuredError::Provider(error)) = &written.fallback else {
        panic!("a provider failure: {:?}", written.fallback)
    };
    assert_eq!(error.kind(), &ErrorKind::Server);
    assert_eq!(error.attempts(), 4);
    assert_eq!(server.received_requests().await.expect("recorded").len(), 4);
    assert_eq!(written.report.metrics, expected);
    assert_eq!(written.report.words, deterministic_words(&numbers));
    assert!(matches!(
        written.report.written_by,
        WrittenBy::Rules { fallback: Some(_) }
    ));
}

#[tokio::test]
async fn an_answer_that_is_not_json_falls_back_to_the_rules() {
    let (numbers, expected) = numbers();
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(openai_completion("Great week! Volume: 12,000 lb."))
        .mount(&server)
        .await;
    let written = write_report(&openai_provider(&server), numbers.clone()).await;
    assert!(matches!(
        written.fallback,
        Some(StructuredError::Malformed { usage, .. }) if usage.total() == 960
    ));
    assert_eq!(written.report.metrics, expected);
    assert_eq!(written.report.words, deterministic_words(&numbers));
}
