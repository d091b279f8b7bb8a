//! The Ollama backend against a loopback wiremock server with recorded payloads: `format`
//! and the schema in the prompt, token counts, truncation and errors.

mod common;

use common::{config, envelope_schema, fixture};
use replog_llm::provider::ollama::OllamaProvider;
use replog_llm::provider::{
    ErrorKind, Output, Provider, ProviderConfig, ProviderKind, Request, Usage,
};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn reply(status: u16, name: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(fixture("ollama", name), "application/json")
}

fn keyless(server: &MockServer) -> ProviderConfig {
    let mut cfg = config(ProviderKind::Ollama, &server.uri());
    cfg.api_key = None;
    cfg.model = "llama3.1:8b".into();
    cfg.max_retries = 0;
    cfg
}

async fn sent(server: &MockServer) -> Vec<Value> {
    let requests = server.received_requests().await.unwrap();
    requests
        .iter()
        .map(|r| r.body_json::<Value>().unwrap())
        .collect()
}

#[tokio::test]
async fn schema_in_format_and_prompt_with_token_counts() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/chat"))
        .respond_with(reply(200, "success"))
        .expect(1)
        .mount(&server)
        .await;
    let p = OllamaProvider::new(&keyless(&server)).unwrap();
    let request = Request::new("You are a coach.", "Plan 4 weeks.")
        .with_output(Output::JsonSchema {
            name: "envelope".into(),
            schema: envelope_schema(),
        })
        .with_max_tokens(2000);
    let r = p.generate(&request).await.unwrap();
    assert!(r.text.contains("Dumbbell Base"));
    assert_eq!(
        r.usage,
        Usage {
            input_tokens: 1426,
            output_tokens: 298,
            cached_tokens: 0
        }
    );
    assert_eq!(r.model, "llama3.1:8b");

    let body = &sent(&server).await[0];
    assert_eq!(body["model"], "llama3.1:8b");
    assert_eq!(body["stream"], false);
    assert_eq!(body["format"], envelope_schema());
    assert_eq!(body["options"]["num_predict"], 2000);
    assert!((body["options"]["temperature"].as_f64().unwrap() - 0.7).abs() < 1e-6);
    let system = body["messages"][0]["content"].as_str().unwrap();
    assert!(system.starts_with(
        "You are a coach.\n\nRespond with one JSON object that follows this JSON Schema (envelope):\n"
    ));
    assert!(system.contains(&serde_json::to_string(&envelope_schema()).unwrap()));
    assert_eq!(
        body["messages"][1],
        json!({"role": "user", "content": "Plan 4 weeks."})
    );
    let headers = &server.received_requests().await.unwrap()[0].headers;
    assert!(headers.get("authorization").is_none(), "no key, no header");
}

#[tokio::test]
async fn json_mode_and_text_mode() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply(200, "success"))
        .mount(&server)
        .await;
    let p = OllamaProvider::new(&keyless(&server)).unwrap();
    p.generate(&Request::new("Coach.", "Plan.").with_output(Output::Json))
        .await
        .unwrap();
    p.generate(&Request::new("Coach.", "Plan.")).await.unwrap();
    let bodies = sent(&server).await;
    assert_eq!(bodies[0]["format"], "json");
    assert!(bodies[1].get("format").is_none());
    assert_eq!(bodies[1]["messages"][0]["content"], "Coach.");
}

#[tokio::test]
async fn length_is_truncation_with_counts() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply(200, "length"))
        .mount(&server)
        .await;
    let e = OllamaProvider::new(&keyless(&server))
        .unwrap()
        .generate(&Request::new("a", "b"))
        .await
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Truncated);
    assert_eq!(
        e.usage(),
        Usage {
            input_tokens: 1426,
            output_tokens: 4096,
            cached_tokens: 0
        }
    );
}

#[tokio::test]
async fn unknown_model_is_an_invalid_request_not_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply(404, "error_404"))
        .mount(&server)
        .await;
    let mut cfg = keyless(&server);
    cfg.max_retries = 3;
    let e = OllamaProvider::new(&cfg)
        .unwrap()
        .generate(&Request::new("a", "b"))
        .await
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::InvalidRequest);
    assert_eq!(
        e.message(),
        "model \"llama9:70b\" not found, try pulling it first"
    );
    assert_eq!(
        (
            e.attempts(),
            server.received_requests().await.unwrap().len()
        ),
        (1, 1)
    );
}

#[tokio::test]
async fn ping_and_default_model() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(reply(200, "length"))
        .mount(&server)
        .await;
    let mut cfg = keyless(&server);
    cfg.model = String::new();
    let p = OllamaProvider::new(&cfg).unwrap();
    assert_eq!(p.model(), "llama3.1");
    assert_eq!(p.ping().await.unwrap().model, "llama3.1:8b");
    assert_eq!(sent(&server).await[0]["options"]["num_predict"], 1);
}
