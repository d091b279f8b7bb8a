//! The scripted mock, the shared retry loop without HTTP (usage summed over attempts), the
//! trait-object plumbing, and `ProviderConfig::from_env_map`.

use std::sync::Arc;
use std::time::Duration;

use replog_llm::provider::mock::MockProvider;
use replog_llm::provider::retry::{InstantSleeper, RetryPolicy};
use replog_llm::provider::{
    AnthropicMode, ErrorKind, FinishReason, Output, Provider, ProviderConfig, ProviderError,
    ProviderKind, Request, Response, Usage,
};
use replog_llm::{LlmError, build_provider};

fn usage(input: u64, output: u64, cached: u64) -> Usage {
    Usage {
        input_tokens: input,
        output_tokens: output,
        cached_tokens: cached,
    }
}

#[tokio::test]
async fn scripted_answers_in_order_and_records_requests() {
    let mock = MockProvider::new().with_model("scripted");
    mock.push_text("first").push_text("second");
    let a = Request::new("s", "one");
    let b = Request::new("s", "two").with_output(Output::Json);
    assert_eq!(mock.generate(&a).await.unwrap().text, "first");
    let second = mock.generate(&b).await.unwrap();
    assert_eq!(
        (second.text.as_str(), second.model.as_str()),
        ("second", "scripted")
    );
    assert_eq!(mock.requests(), vec![a.clone(), b]);
    assert_eq!(mock.remaining(), 0);
    let e = mock.generate(&a).await.unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Configuration);
}

#[tokio::test]
async fn retries_sum_the_usage_of_every_attempt() {
    let sleeper = Arc::new(InstantSleeper::new());
    let policy = RetryPolicy {
        jitter: 0.0,
        base_delay: Duration::from_millis(10),
        ..RetryPolicy::default()
    };
    let mock = MockProvider::new().with_retry(policy, sleeper.clone());
    mock.push_error(
        ProviderError::new(ErrorKind::MalformedResponse, "cut").with_usage(usage(100, 40, 0)),
    )
    .push_error(
        ProviderError::new(ErrorKind::RateLimit, "slow")
            .with_retry_after(Some(Duration::from_secs(2))),
    )
    .push_response(Response::text("done", "m").with_usage(usage(120, 60, 100)));
    let r = mock.generate(&Request::new("s", "u")).await.unwrap();
    assert_eq!(r.attempts, 3);
    assert_eq!(r.usage, usage(220, 100, 100));
    assert_eq!(
        sleeper.waits(),
        vec![Duration::from_millis(10), Duration::from_secs(2)]
    );
    assert_eq!(mock.requests().len(), 3);
}

#[tokio::test]
async fn at_most_four_attempts_by_default_and_usage_on_the_error() {
    let mock =
        MockProvider::new().with_retry(RetryPolicy::default(), Arc::new(InstantSleeper::new()));
    for _ in 0..6 {
        mock.push_error(ProviderError::new(ErrorKind::Server, "boom").with_usage(usage(10, 1, 0)));
    }
    let e = mock.generate(&Request::new("s", "u")).await.unwrap_err();
    assert_eq!((e.attempts(), mock.remaining()), (4, 2));
    assert_eq!(e.usage(), usage(40, 4, 0));
}

#[tokio::test]
async fn never_retried_kinds_stop_at_once() {
    for kind in [
        ErrorKind::Authentication,
        ErrorKind::InvalidRequest,
        ErrorKind::Configuration,
    ] {
        let mock =
            MockProvider::new().with_retry(RetryPolicy::default(), Arc::new(InstantSleeper::new()));
        mock.push_error(ProviderError::new(kind.clone(), "no"))
            .push_text("unused");
        let e = mock.generate(&Request::new("s", "u")).await.unwrap_err();
        assert_eq!((e.kind(), e.attempts(), mock.remaining()), (&kind, 1, 1));
    }
    let mock =
        MockProvider::new().with_retry(RetryPolicy::default(), Arc::new(InstantSleeper::new()));
    let mut refused = Response::text("", "m").with_usage(usage(5, 2, 0));
    refused.refusal = Some("no".into());
    let mut cut = Response::text("{\"a\":", "m");
    cut.finish_reason = FinishReason::Length;
    mock.push_response(refused).push_response(cut);
    let e = mock.generate(&Request::new("s", "u")).await.unwrap_err();
    assert_eq!(
        (e.kind(), e.attempts(), e.usage()),
        (&ErrorKind::Refusal, 1, usage(5, 2, 0))
    );
    let e = mock.generate(&Request::new("s", "u")).await.unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Truncated);
    assert_eq!(e.partial().unwrap().text, "{\"a\":");
}

#[tokio::test]
async fn trait_objects_and_ping() {
    let mock = Arc::new(MockProvider::new());
    mock.push_text("via arc");
    let shared: Arc<dyn Provider> = mock.clone();
    let boxed: Box<dyn Provider> = Box::new(shared.clone());
    assert_eq!(
        boxed.generate(&Request::new("s", "u")).await.unwrap().text,
        "via arc"
    );
    assert_eq!(boxed.ping().await.unwrap().model, "mock");
    mock.fail_ping(ProviderError::new(ErrorKind::Authentication, "bad key"));
    assert_eq!(
        shared.ping().await.unwrap_err().kind(),
        &ErrorKind::Authentication
    );
}

#[test]
fn usage_adds_up() {
    let mut total = usage(1, 2, 3) + usage(10, 20, 30);
    total += usage(100, 200, 300);
    assert_eq!(total, usage(111, 222, 333));
    assert_eq!(total.total(), 333);
    assert_eq!(
        [usage(1, 1, 0), usage(2, 2, 1)].into_iter().sum::<Usage>(),
        usage(3, 3, 1)
    );
    assert_eq!(
        usage(u64::MAX, 0, 0) + usage(1, 0, 0),
        usage(u64::MAX, 0, 0)
    );
}

fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    }
}

#[test]
fn config_defaults_from_an_empty_environment() {
    let c = ProviderConfig::from_env_map(env(&[])).unwrap();
    assert_eq!(c.kind, ProviderKind::None);
    assert_eq!((c.temperature, c.max_tokens, c.max_retries), (0.7, 4096, 3));
    assert_eq!(c.timeouts.total, Duration::from_secs(120));
    assert!(c.api_key.is_none() && c.base_url.is_none());
    // Nothing configured: the built-in planner serves.
    assert_eq!(build_provider(&c).unwrap().name(), "builtin");
    let ollama = ProviderConfig::new(ProviderKind::Ollama);
    assert_eq!(ollama.base_url_or_default(), "http://127.0.0.1:11434");
    assert_eq!(
        ProviderConfig::new(ProviderKind::OpenAi).base_url_or_default(),
        "https://api.openai.com/v1"
    );
}

#[test]
fn config_reads_every_variable_and_the_aliases() {
    let c = ProviderConfig::from_env_map(env(&[
        ("REPLOG_LLM_PROVIDER", " Anthropic "),
        ("REPLOG_LLM_MODEL", "claude-opus-4-1"),
        ("LLM_API_KEY", "sk-alias-secret"),
        ("LLM_API_ENDPOINT", "http://127.0.0.1:9/v1"),
        ("REPLOG_LLM_TEMPERATURE", "0.2"),
        ("REPLOG_LLM_MAX_TOKENS", "8192"),
        ("REPLOG_LLM_TIMEOUT_SECONDS", "30"),
        ("REPLOG_LLM_MAX_RETRIES", "0"),
        ("REPLOG_LLM_ANTHROPIC_MODE", "forced_tool"),
    ]))
    .unwrap();
    assert_eq!(c.kind, ProviderKind::Anthropic);
    assert_eq!(c.model_or_default(), "claude-opus-4-1");
    assert_eq!(c.base_url.as_deref(), Some("http://127.0.0.1:9/v1"));
    assert_eq!((c.temperature, c.max_tokens, c.max_retries), (0.2, 8192, 0));
    assert_eq!(c.timeouts.total, Duration::from_secs(30));
    assert_eq!(c.anthropic_mode, AnthropicMode::ForcedTool);
    assert!(
        !format!("{c:?}").contains("sk-alias-secret"),
        "Debug must not show the key"
    );
    assert_eq!(c.retry_policy().max_retries, 0);

    // The REPLOG_ names win over the aliases; empty values count as unset.
    let c = ProviderConfig::from_env_map(env(&[
        ("REPLOG_LLM_API_KEY", "primary"),
        ("LLM_API_KEY", "alias"),
        ("REPLOG_LLM_BASE_URL", ""),
        ("LLM_API_ENDPOINT", "http://alias/v1"),
        ("REPLOG_LLM_MODEL", " "),
        ("REPLOG_LLM_PROVIDER", "openai"),
    ]))
    .unwrap();
    use secrecy::ExposeSecret;
    assert_eq!(c.api_key.as_ref().unwrap().expose_secret(), "primary");
    assert_eq!(c.base_url.as_deref(), Some("http://alias/v1"));
    assert_eq!(c.model_or_default(), "gpt-4o-mini");
}

#[test]
fn config_rejects_bad_values_naming_the_variable() {
    for (name, value) in [
        ("REPLOG_LLM_PROVIDER", "gemini"),
        ("REPLOG_LLM_TEMPERATURE", "hot"),
        ("REPLOG_LLM_TEMPERATURE", "NaN"),
        ("REPLOG_LLM_MAX_TOKENS", "-1"),
        ("REPLOG_LLM_TIMEOUT_SECONDS", "0"),
        ("REPLOG_LLM_MAX_RETRIES", "many"),
        ("REPLOG_LLM_ANTHROPIC_MODE", "magic"),
    ] {
        let e =
            ProviderConfig::from_env_map(|n| (n == name).then(|| value.to_owned())).unwrap_err();
        assert!(e.to_string().contains(name), "{e}");
    }
}

#[tokio::test]
async fn build_provider_picks_the_backend() {
    let mock = build_provider(&ProviderConfig::new(ProviderKind::Mock)).unwrap();
    assert_eq!(mock.name(), "mock");
    let builtin = build_provider(&ProviderConfig::new(ProviderKind::Builtin)).unwrap();
    assert_eq!(
        (builtin.name(), builtin.model()),
        ("builtin", "replog-planner-1")
    );
    for (kind, name) in [
        (ProviderKind::OpenAi, "openai"),
        (ProviderKind::Anthropic, "anthropic"),
        (ProviderKind::Ollama, "ollama"),
    ] {
        assert_eq!(
            build_provider(&ProviderConfig::new(kind)).unwrap().name(),
            name
        );
    }
    let mut bad = ProviderConfig::new(ProviderKind::OpenAi);
    bad.base_url = Some("not a url".into());
    assert!(
        matches!(build_provider(&bad), Err(LlmError::Provider(e)) if e.kind() == &ErrorKind::Configuration)
    );
}
