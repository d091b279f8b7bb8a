//! The OpenAI-compatible backend against a loopback wiremock server with recorded payloads:
//! what is sent (URL, headers, body, schema) and what is understood.

mod common;

use common::{KEY, config, envelope_schema, fixture};
use replog_llm::provider::openai::OpenAiProvider;
use replog_llm::provider::{
    ErrorKind, FinishReason, Output, Provider, ProviderKind, Request, Usage,
};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn json_reply(status: u16, body: String) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body, "application/json")
}

fn schema_request() -> Request {
    Request::new(
        "You are a strength coach. Answer with the envelope.",
        "Plan 4 weeks.",
    )
    .with_output(Output::JsonSchema {
        name: "program_envelope".into(),
        schema: envelope_schema(),
    })
}

async fn provider(server: &MockServer) -> OpenAiProvider {
    let mut cfg = config(ProviderKind::OpenAi, &format!("{}/v1", server.uri()));
    cfg.model = "gpt-4o-mini".into();
    OpenAiProvider::new(&cfg).expect("provider builds")
}

async fn bodies(server: &MockServer) -> Vec<Value> {
    let requests = server.received_requests().await.expect("recording is on");
    requests
        .iter()
        .map(|r| r.body_json::<Value>().expect("JSON body"))
        .collect()
}

#[tokio::test]
async fn strict_schema_request_and_usage_with_cached_tokens() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .respond_with(json_reply(200, fixture("openai", "success_schema")))
        .expect(1)
        .mount(&server)
        .await;
    let p = provider(&server).await;
    let r = p.generate(&schema_request()).await.expect("success");

    assert!(r.text.starts_with("{\"reasoning\":\"Three full-body days"));
    assert_eq!(r.refusal, None);
    assert_eq!(r.finish_reason, FinishReason::Stop);
    assert_eq!(
        r.usage,
        Usage {
            input_tokens: 2006,
            output_tokens: 300,
            cached_tokens: 1920
        }
    );
    assert_eq!(r.model, "gpt-4o-mini-2024-07-18");
    assert_eq!(r.attempts, 1);
    assert!(r.latency > std::time::Duration::ZERO);

    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(sent.url.path(), "/v1/chat/completions");
    assert_eq!(
        sent.headers.get("authorization").unwrap(),
        &format!("Bearer {KEY}")
    );
    assert_eq!(
        sent.headers.get("content-type").unwrap(),
        "application/json"
    );
    let body: Value = sent.body_json().unwrap();
    assert_eq!(body["model"], "gpt-4o-mini");
    assert_eq!(
        body["messages"][0],
        json!({"role": "system", "content": "You are a strength coach. Answer with the envelope."})
    );
    assert_eq!(
        body["messages"][1],
        json!({"role": "user", "content": "Plan 4 weeks."})
    );
    assert_eq!(body["messages"].as_array().unwrap().len(), 2);
    assert!((body["temperature"].as_f64().unwrap() - 0.7).abs() < 1e-6);
    // A compatible server (not api.openai.com) gets max_tokens.
    assert_eq!(body["max_tokens"], 4096);
    assert!(body.get("max_completion_tokens").is_none());
    let format = &body["response_format"];
    assert_eq!(format["type"], "json_schema");
    assert_eq!(format["json_schema"]["name"], "program_envelope");
    assert_eq!(format["json_schema"]["strict"], true);
    assert_eq!(format["json_schema"]["schema"], envelope_schema());
}

#[tokio::test]
async fn refusal_is_an_error_never_content_and_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(json_reply(200, fixture("openai", "refusal")))
        .mount(&server)
        .await;
    let e = provider(&server)
        .await
        .generate(&schema_request())
        .await
        .expect_err("refusal");
    assert_eq!(e.kind(), &ErrorKind::Refusal);
    assert!(!e.is_retryable());
    assert_eq!(e.attempts(), 1);
    let partial = e.partial().expect("partial response");
    assert_eq!(
        partial.refusal.as_deref(),
        Some("I'm sorry, I can't assist with that request.")
    );
    assert_eq!(partial.text, "");
    assert_eq!(
        e.usage(),
        Usage {
            input_tokens: 1200,
            output_tokens: 12,
            cached_tokens: 0
        }
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn length_finish_is_truncation_with_usage_and_partial_text() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(json_reply(200, fixture("openai", "length")))
        .mount(&server)
        .await;
    let e = provider(&server)
        .await
        .generate(&schema_request())
        .await
        .expect_err("truncated");
    assert_eq!(e.kind(), &ErrorKind::Truncated);
    assert_eq!(
        e.usage(),
        Usage {
            input_tokens: 2400,
            output_tokens: 4096,
            cached_tokens: 2304
        }
    );
    let partial = e.partial().unwrap();
    assert_eq!(partial.finish_reason, FinishReason::Length);
    assert!(partial.text.ends_with("Back Squ"));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn authentication_failure_is_not_retried_and_hides_the_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(json_reply(401, fixture("openai", "error_401")))
        .mount(&server)
        .await;
    let p = provider(&server).await;
    let e = p.generate(&schema_request()).await.expect_err("401");
    assert_eq!(e.kind(), &ErrorKind::Authentication);
    assert_eq!(e.status(), Some(401));
    assert_eq!(e.attempts(), 1);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
    for text in [e.to_string(), format!("{e:?}"), format!("{p:?}")] {
        assert!(!text.contains(KEY), "key leaked in {text}");
    }
    assert!(
        e.message()
            .contains("Incorrect API key provided: [redacted]")
    );
}

#[tokio::test]
async fn rejected_json_schema_falls_back_to_json_object_and_remembers() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(json_reply(400, fixture("openai", "error_400_schema")))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(json_reply(200, fixture("openai", "success_json_object")))
        .mount(&server)
        .await;
    let p = provider(&server).await;
    let r = p
        .generate(&schema_request())
        .await
        .expect("fallback answers");
    assert_eq!(
        r.text,
        "{\"reasoning\":\"fallback\",\"program\":{\"name\":\"Base\",\"weeks\":2}}"
    );
    assert_eq!(
        r.usage,
        Usage {
            input_tokens: 900,
            output_tokens: 50,
            cached_tokens: 0
        }
    );
    assert!(p.schema_rejected());
    p.generate(&schema_request()).await.expect("second call");

    let sent = bodies(&server).await;
    assert_eq!(sent.len(), 3, "one rejected, two json_object");
    assert_eq!(sent[0]["response_format"]["type"], "json_schema");
    for body in &sent[1..] {
        assert_eq!(body["response_format"], json!({"type": "json_object"}));
        let messages = body["messages"].as_array().unwrap();
        let last = messages.last().unwrap();
        assert_eq!(last["role"], "system");
        let content = last["content"].as_str().unwrap();
        assert!(content.contains("JSON Schema (program_envelope)"));
        assert!(content.contains(&serde_json::to_string(&envelope_schema()).unwrap()));
    }
}

#[tokio::test]
async fn json_mode_mentions_json_and_text_mode_sends_no_format() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(json_reply(200, fixture("openai", "success_json_object")))
        .mount(&server)
        .await;
    let p = provider(&server).await;
    let json_request = Request::new("Be brief.", "Plan.")
        .with_output(Output::Json)
        .with_temperature(0.2);
    p.generate(&json_request).await.unwrap();
    p.generate(&Request::new("Be brief.", "Plan.").with_max_tokens(64))
        .await
        .unwrap();
    let sent = bodies(&server).await;
    assert_eq!(sent[0]["response_format"], json!({"type": "json_object"}));
    assert_eq!(
        sent[0]["messages"][2],
        json!({"role": "system", "content": "Respond with one JSON object."})
    );
    assert!((sent[0]["temperature"].as_f64().unwrap() - 0.2).abs() < 1e-6);
    assert!(sent[1].get("response_format").is_none());
    assert_eq!(sent[1]["max_tokens"], 64);
}

#[tokio::test]
async fn azure_style_base_url_keeps_its_query() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/openai/deployments/gpt4o/chat/completions"))
        .respond_with(json_reply(200, fixture("openai", "success_schema")))
        .expect(1)
        .mount(&server)
        .await;
    let base = format!(
        "{}/openai/deployments/gpt4o?api-version=2024-10-21",
        server.uri()
    );
    let p = OpenAiProvider::new(&config(ProviderKind::OpenAi, &base)).unwrap();
    p.generate(&schema_request()).await.expect("answers");
    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(sent.url.query(), Some("api-version=2024-10-21"));
}

#[tokio::test]
async fn ping_sends_one_token_and_accepts_a_cut_reply() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(json_reply(200, fixture("openai", "length")))
        .mount(&server)
        .await;
    let p = provider(&server).await;
    let pong = p.ping().await.expect("ping succeeds");
    assert_eq!(pong.model, "gpt-4o-mini-2024-07-18");
    let sent = bodies(&server).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["max_tokens"], 1);
}

#[tokio::test]
async fn ping_reports_bad_credentials_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(json_reply(401, fixture("openai", "error_401")))
        .mount(&server)
        .await;
    let e = provider(&server).await.ping().await.expect_err("401");
    assert_eq!(e.kind(), &ErrorKind::Authentication);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn chosen_at_run_time_from_settings() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .respond_with(json_reply(200, fixture("openai", "success_schema")))
        .mount(&server)
        .await;
    let base = format!("{}/v1", server.uri());
    let env = |name: &str| match name {
        "REPLOG_LLM_PROVIDER" => Some("openai".to_owned()),
        "LLM_API_KEY" => Some(KEY.to_owned()),
        "LLM_API_ENDPOINT" => Some(base.clone()),
        "REPLOG_LLM_MODEL" => Some("qwen2.5".to_owned()),
        _ => None,
    };
    let cfg = replog_llm::ProviderConfig::from_env_map(env).unwrap();
    let p: Box<dyn Provider> = replog_llm::build_provider(&cfg).unwrap();
    assert_eq!((p.name(), p.model()), ("openai", "qwen2.5"));
    p.generate(&schema_request()).await.unwrap();
    let sent = bodies(&server).await;
    assert_eq!(sent[0]["model"], "qwen2.5");
}
