//! "Test Connection" from settings against a loopback server speaking the OpenAI protocol:
//! the provider, URL, key and model all come from the settings, and a failure comes back
//! classified without the key in it.

mod common;

use common::{KEY, fixture};
use replog_llm::provider::ErrorKind;
use replog_llm::settings::{MapEnv, MemoryStore, Settings};
use replog_llm::{LlmError, ProviderKind, test_connection};
use serde_json::Value;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn settings(server: &MockServer, model: &str) -> Settings {
    let base = format!("{}/v1", server.uri());
    let env = MapEnv::from_pairs([
        ("REPLOG_LLM_PROVIDER", "openai"),
        ("REPLOG_LLM_BASE_URL", base.as_str()),
        ("REPLOG_LLM_API_KEY", KEY),
        ("REPLOG_LLM_MODEL", model),
    ]);
    Settings::new(MemoryStore::new(), env)
}

#[tokio::test]
async fn a_working_server_answers_the_ping_with_the_configured_key_and_model() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(fixture("openai", "success_json_object"), "application/json"),
        )
        .expect(1)
        .mount(&server)
        .await;

    let check = test_connection(&settings(&server, "gpt-4o-mini"))
        .await
        .expect("the ping succeeds");
    assert_eq!(check.provider, ProviderKind::OpenAi);
    assert!(!check.pong.model.is_empty());

    let sent = server.received_requests().await.expect("recording is on");
    let body: Value = sent[0].body_json().expect("JSON body");
    assert_eq!(body["model"], "gpt-4o-mini");
    assert_eq!(
        body["max_tokens"]
            .as_u64()
            .or(body["max_completion_tokens"].as_u64()),
        Some(1)
    );
}

#[tokio::test]
async fn a_rejected_key_is_an_authentication_error_tried_once_and_never_echoed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_raw(fixture("openai", "error_401"), "application/json"),
        )
        .expect(1)
        .mount(&server)
        .await;

    let err = test_connection(&settings(&server, "gpt-4o-mini"))
        .await
        .expect_err("a 401 fails");
    let LlmError::Provider(provider_error) = &err else {
        panic!("expected a provider error, got {err:?}");
    };
    assert_eq!(provider_error.kind(), &ErrorKind::Authentication);
    for text in [err.to_string(), format!("{err:?}")] {
        assert!(!text.contains(KEY), "the key leaked: {text}");
    }
}

#[tokio::test]
async fn with_nothing_configured_the_built_in_planner_answers() {
    let settings = Settings::new(MemoryStore::new(), MapEnv::from_pairs::<&str, &str>([]));
    let check = test_connection(&settings)
        .await
        .expect("the planner answers");
    assert_eq!(check.provider, ProviderKind::Builtin);
    assert_eq!(check.pong.model, replog_llm::planner::MODEL);
}

#[tokio::test]
async fn an_invalid_setting_is_a_settings_error() {
    let env = MapEnv::from_pairs([
        ("REPLOG_LLM_PROVIDER", "gpt"),
        ("REPLOG_LLM_MAX_RETRIES", "3"),
    ]);
    let settings = Settings::new(MemoryStore::new(), env);
    let err = test_connection(&settings)
        .await
        .expect_err("unknown provider");
    assert!(matches!(err, LlmError::Settings(_)), "{err:?}");
    assert!(err.to_string().contains("gpt"), "{err}");
}
