//! Shared helpers for the provider tests: fixtures, configs pointed at loopback servers, and
//! a raw TCP server for the failures wiremock cannot play (a body cut mid-way).

#![allow(dead_code, unreachable_pub)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use replog_llm::provider::retry::RetryPolicy;
use replog_llm::provider::{ProviderConfig, ProviderKind, Timeouts};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// The API key the tests use; it must never show up in errors or debug output.
pub const KEY: &str = "sk-test-SECRET-0123456789";

/// A recorded payload from `tests/fixtures/<provider>/<name>.json`.
pub fn fixture(provider: &str, name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/{provider}/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A config for `kind` at `base_url` with the test key and short timeouts.
pub fn config(kind: ProviderKind, base_url: &str) -> ProviderConfig {
    let mut config = ProviderConfig::new(kind);
    config.base_url = Some(base_url.to_owned());
    config.api_key = Some(KEY.into());
    config.timeouts = Timeouts {
        connect: Duration::from_secs(2),
        first_byte: Duration::from_secs(5),
        total: Duration::from_secs(10),
    };
    config
}

/// A fast deterministic policy: 3 retries, 50 ms doubling, no jitter.
pub fn fast_policy() -> RetryPolicy {
    RetryPolicy {
        max_retries: 3,
        base_delay: Duration::from_millis(50),
        max_delay: Duration::from_secs(1),
        jitter: 0.0,
        max_retry_after: Duration::from_secs(30),
    }
}

/// The envelope schema in OpenAI strict form.
pub fn envelope_schema() -> Value {
    replog_core::schema::envelope_schema(replog_core::schema::Dialect::OpenAiStrict)
        .expect("the envelope schema exports")
}

/// What the raw server does with one connection.
#[derive(Clone, Debug)]
pub enum Raw {
    /// A 200 with a `Content-Length` larger than the bytes sent, then a close.
    CutBody(String),
    /// A complete 200 JSON answer, then a close.
    Full(String),
}

/// A loopback server answering each connection with the next `Raw` (the last one repeats);
/// returns its base URL and the count of requests it read.
pub async fn raw_server(script: Vec<Raw>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let n = seen.fetch_add(1, Ordering::SeqCst);
            let step = script[n.min(script.len() - 1)].clone();
            tokio::spawn(async move {
                read_request(&mut socket).await;
                let reply = match step {
                    Raw::CutBody(body) => {
                        let half = &body[..body.len() / 2];
                        format!(
                            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{half}",
                            body.len()
                        )
                    }
                    Raw::Full(body) => format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    ),
                };
                let _ = socket.write_all(reply.as_bytes()).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    (format!("http://{addr}/v1"), count)
}

/// Reads one HTTP request (headers and a `content-length` body).
async fn read_request(socket: &mut tokio::net::TcpStream) {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let Ok(n) = socket.read(&mut buf).await else {
            return;
        };
        if n == 0 {
            return;
        }
        data.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&data);
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if data.len() >= end + 4 + length {
                return;
            }
        }
    }
}

/// A chat completion answering `content`, as OpenAI sends it.
pub fn openai_completion(content: &str) -> wiremock::ResponseTemplate {
    wiremock::ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "gpt-4o-mini-2024-07-18",
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content, "refusal": null},
            "finish_reason": "stop"
        }],
        "usage": {"prompt_tokens": 900, "completion_tokens": 60}
    }))
}

/// An OpenAI provider at `server` with `gpt-4o-mini`, the fast retry policy and no real waits.
pub fn openai_provider(
    server: &wiremock::MockServer,
) -> replog_llm::provider::openai::OpenAiProvider {
    let mut cfg = config(ProviderKind::OpenAi, &format!("{}/v1", server.uri()));
    cfg.model = "gpt-4o-mini".into();
    replog_llm::provider::openai::OpenAiProvider::new(&cfg)
        .expect("provider builds")
        .with_retry_policy(fast_policy())
        .with_sleeper(Arc::new(replog_llm::provider::retry::InstantSleeper::new()))
}
