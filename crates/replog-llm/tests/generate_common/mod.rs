//! A fake LLM on a loopback port for the generation tests: it speaks the OpenAI, Anthropic or
//! Ollama protocol, tells which part of a program each request asks for (the whole program,
//! the outline, or week N) and how many times that part was asked, and answers as a script
//! says: a text (clean, fenced, tagged, sloppy, wrong), a truncated text, a refusal, or an
//! HTTP error.

#![allow(dead_code, unreachable_pub)]

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use wiremock::{Request, Respond, ResponseTemplate};

/// The wire protocol the fake speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// `POST /v1/chat/completions`.
    OpenAi,
    /// `POST /v1/messages`.
    Anthropic,
    /// `POST /api/chat`.
    Ollama,
}

impl Protocol {
    /// The path requests arrive at.
    pub fn path(self) -> &'static str {
        match self {
            Self::OpenAi => "/v1/chat/completions",
            Self::Anthropic => "/v1/messages",
            Self::Ollama => "/api/chat",
        }
    }
}

/// Which part a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Asked {
    /// The whole program.
    Whole,
    /// The outline.
    Skeleton,
    /// Week N.
    Week(u32),
}

/// One request as the script sees it.
#[derive(Debug, Clone)]
pub struct Ask {
    /// The part.
    pub part: Asked,
    /// 0 for the first ask of this part in this conversation, 1 for the first re-ask, ...
    pub round: usize,
    /// How many requests for this part arrived before this one (retries and re-asks).
    pub seen: usize,
    /// The request body.
    pub body: Value,
}

/// What the fake answers.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A complete answer.
    Text(String),
    /// An answer cut by the token limit.
    Truncated(String),
    /// A refusal.
    Refusal(String),
    /// An HTTP error status with a JSON body.
    Status(u16),
}

type Script = dyn Fn(&Ask) -> Reply + Send + Sync;

/// The fake LLM: a wiremock responder.
#[derive(Clone)]
pub struct FakeLlm {
    protocol: Protocol,
    script: Arc<Script>,
    log: Arc<Mutex<Vec<(Asked, usize)>>>,
    delay: std::time::Duration,
}

impl FakeLlm {
    /// A fake speaking `protocol` that answers as `script` says.
    pub fn new(protocol: Protocol, script: impl Fn(&Ask) -> Reply + Send + Sync + 'static) -> Self {
        Self {
            protocol,
            script: Arc::new(script),
            log: Arc::new(Mutex::new(Vec::new())),
            delay: std::time::Duration::ZERO,
        }
    }

    /// The same fake answering every request after `delay` (a model's latency).
    pub fn with_delay(mut self, delay: std::time::Duration) -> Self {
        self.delay = delay;
        self
    }

    /// Every request so far: its part and round.
    pub fn asked(&self) -> Vec<(Asked, usize)> {
        self.log.lock().expect("log").clone()
    }

    /// The weeks asked for, in arrival order (re-asks included).
    pub fn weeks_asked(&self) -> Vec<u32> {
        self.asked()
            .into_iter()
            .filter_map(|(part, _)| match part {
                Asked::Week(n) => Some(n),
                _ => None,
            })
            .collect()
    }
}

/// The text of every message of a request, in order, with its role.
fn messages(protocol: Protocol, body: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if protocol == Protocol::Anthropic {
        if let Some(system) = body["system"].as_str() {
            out.push(("system".to_owned(), system.to_owned()));
        }
        if let Some(blocks) = body["system"].as_array() {
            for b in blocks {
                out.push((
                    "system".to_owned(),
                    b["text"].as_str().unwrap_or_default().to_owned(),
                ));
            }
        }
    }
    for m in body["messages"].as_array().into_iter().flatten() {
        let role = m["role"].as_str().unwrap_or_default().to_owned();
        let text = match &m["content"] {
            Value::String(s) => s.clone(),
            Value::Array(blocks) => blocks
                .iter()
                .filter_map(|b| b["text"].as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            _ => String::new(),
        };
        out.push((role, text));
    }
    out
}

/// Reads the part from the first part-specific user message (the third message: after the
/// rules and the athlete): it names the outline, or week N, or the whole program.
pub fn part_of(protocol: Protocol, body: &Value) -> (Asked, usize) {
    let messages = messages(protocol, body);
    let round = messages
        .iter()
        .filter(|(role, _)| role == "assistant")
        .count();
    let users: Vec<&str> = messages
        .iter()
        .filter(|(role, _)| role == "user")
        .map(|(_, text)| text.as_str())
        .collect();
    let instruction = users.get(1).or(users.first()).copied().unwrap_or_default();
    (classify(instruction), round)
}

/// The part an instruction asks for: the prompt's `TASK:` line names week N, the outline
/// (step 1), or the whole program.
pub fn classify(instruction: &str) -> Asked {
    let lower = instruction.to_ascii_lowercase();
    let task = lower
        .find("task:")
        .map_or(lower.as_str(), |at| &lower[at..]);
    if let Some(rest) = task.strip_prefix("task: write week ") {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse() {
            return Asked::Week(n);
        }
    }
    if task.contains("outline only") {
        Asked::Skeleton
    } else {
        Asked::Whole
    }
}

impl Respond for FakeLlm {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let (part, round) = part_of(self.protocol, &body);
        let seen = {
            let mut log = self.log.lock().expect("log");
            let seen = log.iter().filter(|(p, _)| *p == part).count();
            log.push((part, round));
            seen
        };
        let reply = (self.script)(&Ask {
            part,
            round,
            seen,
            body,
        });
        wire(self.protocol, &reply).set_delay(self.delay)
    }
}

/// Input tokens the fake reports per request, of which `CACHED` came from the cache.
pub const INPUT: u64 = 1_000;
/// Cached input tokens per request.
pub const CACHED: u64 = 600;
/// Output tokens per request.
pub const OUTPUT: u64 = 200;

/// The reply in the protocol's wire format.
pub fn wire(protocol: Protocol, reply: &Reply) -> ResponseTemplate {
    let (text, finish, refusal) = match reply {
        Reply::Status(status) => {
            let body = json!({"error": {"message": "scripted failure", "type": "server_error"}});
            return ResponseTemplate::new(*status).set_body_json(body);
        }
        Reply::Text(t) => (t.as_str(), "stop", None),
        Reply::Truncated(t) => (t.as_str(), "length", None),
        Reply::Refusal(r) => ("", "refusal", Some(r.as_str())),
    };
    let body = match protocol {
        Protocol::OpenAi => json!({
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 1_741_569_952,
            "model": "gpt-4o-mini-2024-07-18",
            "choices": [{"index": 0, "message": {"role": "assistant",
                "content": if refusal.is_some() { Value::Null } else { Value::from(text) },
                "refusal": refusal}, "finish_reason": if finish == "refusal" { "stop" } else { finish }}],
            "usage": {"prompt_tokens": INPUT, "completion_tokens": OUTPUT, "total_tokens": INPUT + OUTPUT,
                "prompt_tokens_details": {"cached_tokens": CACHED}}
        }),
        Protocol::Anthropic => json!({
            "id": "msg_fake", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929",
            "content": [{"type": "text", "text": refusal.unwrap_or(text)}],
            "stop_reason": match finish { "length" => "max_tokens", "refusal" => "refusal", _ => "end_turn" },
            "stop_sequence": null,
            "usage": {"input_tokens": INPUT - CACHED, "cache_creation_input_tokens": 0,
                "cache_read_input_tokens": CACHED, "output_tokens": OUTPUT}
        }),
        Protocol::Ollama => json!({
            "model": "llama3.1:8b", "created_at": "2025-06-14T09:21:33.418219Z",
            "message": {"role": "assistant", "content": text},
            "done_reason": if finish == "length" { "length" } else { "stop" }, "done": true,
            "prompt_eval_count": INPUT, "eval_count": OUTPUT
        }),
    };
    ResponseTemplate::new(200).set_body_json(body)
}
