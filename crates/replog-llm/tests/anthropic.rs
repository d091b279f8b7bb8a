//! The Anthropic backend against a loopback wiremock server with recorded payloads:
//! structured output and forced tool requests, refusals, truncation, usage and errors.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{KEY, config, envelope_schema, fast_policy, fixture};
use replog_llm::provider::anthropic::AnthropicProvider;
use replog_llm::provider::retry::InstantSleeper;
use replog_llm::provider::{
    AnthropicMode, ErrorKind, FinishReason, Message, Output, Provider, ProviderKind, Request, Usage,
};
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn reply(status: u16, name: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(fixture("anthropic", name), "application/json")
}

fn schema_request() -> Request {
    let mut r = Request::new("You are a strength coach.", "Plan 6 weeks.").with_output(
        Output::JsonSchema {
            name: "program envelope".into(),
            schema: envelope_schema(),
        },
    );
    r.messages
        .insert(1, Message::system("Use the athlete context."));
    r
}

fn provider(server: &MockServer, mode: AnthropicMode) -> AnthropicProvider {
    let mut cfg = config(ProviderKind::Anthropic, &server.uri());
    cfg.anthropic_mode = mode;
    cfg.max_tokens = 8000;
    AnthropicProvider::new(&cfg)
        .unwrap()
        .with_retry_policy(fast_policy())
        .with_sleeper(Arc::new(InstantSleeper::new()))
}

async fn sent(server: &MockServer) -> Vec<Value> {
    let requests = server.received_requests().await.unwrap();
    requests
        .iter()
        .map(|r| r.body_json::<Value>().unwrap())
        .collect()
}

#[tokio::test]
async fn structured_output_request_headers_and_usage() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/messages"))
        .and(header("x-api-key", KEY))
        .and(header("anthropic-version", "2023-06-01"))
        .respond_with(reply(200, "success_structured"))
        .expect(1)
        .mount(&server)
        .await;
    let r = provider(&server, AnthropicMode::StructuredOutput)
        .generate(&schema_request())
        .await
        .unwrap();
    assert!(r.text.contains("Court Power"));
    assert_eq!(r.finish_reason, FinishReason::Stop);
    assert_eq!(r.model, "claude-sonnet-4-5-20250929");
    // input = 112 uncached + 2048 read from the cache.
    assert_eq!(
        r.usage,
        Usage {
            input_tokens: 2160,
            output_tokens: 410,
            cached_tokens: 2048
        }
    );

    let body = &sent(&server).await[0];
    assert_eq!(body["model"], "claude-sonnet-4-5");
    assert_eq!(body["max_tokens"], 8000);
    assert_eq!(
        body["system"],
        "You are a strength coach.\n\nUse the athlete context."
    );
    assert_eq!(
        body["messages"],
        json!([{"role": "user", "content": "Plan 6 weeks."}])
    );
    assert_eq!(body["output_config"]["format"]["type"], "json_schema");
    assert_eq!(body["output_config"]["format"]["schema"], envelope_schema());
    assert!(body.get("tools").is_none() && body.get("tool_choice").is_none());
    let headers = &server.received_requests().await.unwrap()[0].headers;
    assert!(headers.get("authorization").is_none());
}

#[tokio::test]
async fn forced_tool_request_and_tool_input_as_text() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply(200, "success_tool"))
        .mount(&server)
        .await;
    let r = provider(&server, AnthropicMode::ForcedTool)
        .generate(&schema_request())
        .await
        .unwrap();
    let text: Value = serde_json::from_str(&r.text).unwrap();
    assert_eq!(text["program"]["name"], "Combine Prep");
    assert_eq!(
        r.usage,
        Usage {
            input_tokens: 4450,
            output_tokens: 356,
            cached_tokens: 0
        }
    );

    let body = &sent(&server).await[0];
    // The schema name is cleaned into a valid tool name.
    assert_eq!(body["tools"][0]["name"], "program_envelope");
    assert_eq!(body["tools"][0]["input_schema"], envelope_schema());
    assert_eq!(
        body["tool_choice"],
        json!({"type": "tool", "name": "program_envelope"})
    );
    assert!(body.get("output_config").is_none());
}

#[tokio::test]
async fn forced_tool_not_called_is_malformed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply(200, "success_structured"))
        .mount(&server)
        .await;
    let mut cfg = config(ProviderKind::Anthropic, &server.uri());
    cfg.anthropic_mode = AnthropicMode::ForcedTool;
    cfg.max_retries = 0;
    let e = AnthropicProvider::new(&cfg)
        .unwrap()
        .generate(&schema_request())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::MalformedResponse);
    assert_eq!(
        e.usage().output_tokens,
        410,
        "the tokens were spent all the same"
    );
}

#[tokio::test]
async fn refusal_stop_reason_is_a_refusal() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply(200, "refusal"))
        .mount(&server)
        .await;
    let e = provider(&server, AnthropicMode::StructuredOutput)
        .generate(&schema_request())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Refusal);
    assert_eq!(
        e.partial().unwrap().refusal.as_deref(),
        Some("I can't help with that.")
    );
    assert_eq!(
        e.usage(),
        Usage {
            input_tokens: 980,
            output_tokens: 9,
            cached_tokens: 0
        }
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn max_tokens_stop_reason_is_truncation() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply(200, "max_tokens"))
        .mount(&server)
        .await;
    let e = provider(&server, AnthropicMode::StructuredOutput)
        .generate(&schema_request())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Truncated);
    assert_eq!(
        e.usage(),
        Usage {
            input_tokens: 1800,
            output_tokens: 4096,
            cached_tokens: 1500
        }
    );
    assert_eq!(e.partial().unwrap().finish_reason, FinishReason::Length);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn errors_are_classified() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply(401, "error_401"))
        .mount(&server)
        .await;
    let e = provider(&server, AnthropicMode::StructuredOutput)
        .generate(&schema_request())
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (&ErrorKind::Authentication, 1));
    assert_eq!(e.message(), "invalid x-api-key");

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply(429, "error_429").insert_header("retry-after", "4"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(reply(529, "error_529"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(reply(200, "success_structured"))
        .mount(&server)
        .await;
    let sleeper = Arc::new(InstantSleeper::new());
    let p = AnthropicProvider::new(&config(ProviderKind::Anthropic, &server.uri()))
        .unwrap()
        .with_retry_policy(fast_policy())
        .with_sleeper(sleeper.clone());
    let r = p.generate(&schema_request()).await.unwrap();
    assert_eq!(r.attempts, 3, "429 then 529 overloaded then success");
    assert_eq!(
        sleeper.waits(),
        vec![Duration::from_secs(4), Duration::from_millis(100)]
    );
}

#[tokio::test]
async fn base_url_with_version_and_json_mode() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/messages"))
        .respond_with(reply(200, "success_structured"))
        .mount(&server)
        .await;
    let p = AnthropicProvider::new(&config(
        ProviderKind::Anthropic,
        &format!("{}/v1/", server.uri()),
    ))
    .unwrap();
    p.generate(&Request::new("Coach.", "Plan.").with_output(Output::Json))
        .await
        .unwrap();
    let body = &sent(&server).await[0];
    assert_eq!(
        body["system"],
        "Coach.\n\nRespond with one JSON object and nothing else."
    );
    assert!(body.get("output_config").is_none());
    let pong = p.ping().await.unwrap();
    assert_eq!(pong.model, "claude-sonnet-4-5-20250929");
    assert_eq!(sent(&server).await[1]["max_tokens"], 1);
}
