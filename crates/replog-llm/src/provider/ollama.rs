//! Ollama's `/api/chat` (not streamed). A JSON Schema goes in `format` and, as Ollama
//! advises, into the prompt too; plain JSON mode is `format: "json"`. Token counts come
//! from `prompt_eval_count` and `eval_count` (Ollama reports no cache hits).

use async_trait::async_trait;
use reqwest::Url;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::http::{Transport, endpoint};
use super::retry::retry;
use super::{
    ErrorKind, FinishReason, Output, Pong, Provider, ProviderConfig, ProviderError, ProviderKind,
    Request, Response, Role, Usage, ping_request, pong,
};

/// A provider speaking to an Ollama server.
#[derive(Debug)]
pub struct OllamaProvider {
    transport: Transport,
    url: Url,
    model: String,
    temperature: f32,
    max_tokens: u32,
}

impl OllamaProvider {
    /// A provider configured by `config` (its `kind` is not checked). An API key, if given,
    /// is sent as a bearer token (for Ollama behind an authenticating proxy).
    pub fn new(config: &ProviderConfig) -> Result<Self, ProviderError> {
        let base = match config.base_url.as_deref().map(str::trim) {
            Some(url) if !url.is_empty() => url,
            _ => ProviderKind::Ollama.default_base_url(),
        };
        let model = match config.model.trim() {
            "" => ProviderKind::Ollama.default_model().to_owned(),
            m => m.to_owned(),
        };
        Ok(Self {
            transport: Transport::new(config)?,
            url: endpoint(base, "api/chat")?,
            model,
            temperature: config.temperature,
            max_tokens: config.max_tokens,
        })
    }

    crate::provider::http::transport_builders!();

    async fn attempt(&self, request: &Request) -> Result<Response, ProviderError> {
        let mut http = self
            .transport
            .post(self.url.clone())
            .json(&self.body(request));
        if let Some(key) = self.transport.secret() {
            http = http.bearer_auth(key);
        }
        let answer = self.transport.send_json(http).await?;
        let wire: ChatResponse = serde_json::from_value(answer.body).map_err(|e| {
            ProviderError::new(
                ErrorKind::MalformedResponse,
                format!("unexpected chat answer: {e}"),
            )
        })?;
        if let Some(error) = wire.error {
            return Err(ProviderError::new(
                ErrorKind::InvalidRequest,
                self.transport.scrub(&error),
            ));
        }
        let usage = Usage {
            input_tokens: wire.prompt_eval_count.unwrap_or(0),
            output_tokens: wire.eval_count.unwrap_or(0),
            cached_tokens: 0,
        };
        let finish_reason = match (wire.done_reason.as_deref(), wire.done) {
            (Some("stop"), _) | (None, Some(true)) => FinishReason::Stop,
            (Some("length"), _) => FinishReason::Length,
            (Some(other), _) => FinishReason::Other(other.to_owned()),
            (None, _) => FinishReason::Other("not done".to_owned()),
        };
        Response {
            text: wire.message.map(|m| m.content).unwrap_or_default(),
            refusal: None,
            finish_reason,
            usage,
            model: wire
                .model
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| self.model.clone()),
            latency: answer.latency,
            attempts: 1,
            elapsed: answer.latency,
        }
        .into_result()
    }

    fn body<'a>(&'a self, request: &'a Request) -> ChatRequest<'a> {
        let mut messages: Vec<WireMessage<'a>> = request
            .messages
            .iter()
            .map(|m| WireMessage {
                role: m.role.as_str(),
                content: m.content.clone(),
            })
            .collect();
        let format = match &request.output {
            Output::Text => None,
            Output::Json => Some(json!("json")),
            Output::JsonSchema { name, schema } => {
                let instruction = super::schema_instruction(name, schema);
                // Put the schema in the system prompt, after the caller's own instructions.
                match messages
                    .iter()
                    .rposition(|m| m.role == Role::System.as_str())
                {
                    Some(i) => {
                        let content = &mut messages[i].content;
                        content.push_str("\n\n");
                        content.push_str(&instruction);
                    }
                    None => messages.insert(
                        0,
                        WireMessage {
                            role: Role::System.as_str(),
                            content: instruction,
                        },
                    ),
                }
                Some(schema.clone())
            }
        };
        ChatRequest {
            model: &self.model,
            messages,
            stream: false,
            format,
            options: Options {
                temperature: request.temperature.unwrap_or(self.temperature),
                num_predict: request.max_tokens.unwrap_or(self.max_tokens),
            },
        }
    }
}

#[async_trait]
impl Provider for OllamaProvider {
    fn name(&self) -> &str {
        "ollama"
    }
    fn model(&self) -> &str {
        &self.model
    }
    async fn generate(&self, request: &Request) -> Result<Response, ProviderError> {
        let transport = &self.transport;
        retry(&transport.retry, transport.sleeper.as_ref(), |_| {
            self.attempt(request)
        })
        .await
    }
    async fn ping(&self) -> Result<Pong, ProviderError> {
        pong(self.attempt(&ping_request()).await)
    }
}

#[derive(Serialize)]
struct ChatRequest<'a> {
    model: &'a str,
    messages: Vec<WireMessage<'a>>,
    stream: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<Value>,
    options: Options,
}

#[derive(Serialize)]
struct WireMessage<'a> {
    role: &'a str,
    content: String,
}

#[derive(Serialize)]
struct Options {
    temperature: f32,
    num_predict: u32,
}

#[derive(Deserialize)]
struct ChatResponse {
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    message: Option<AnswerMessage>,
    #[serde(default)]
    done: Option<bool>,
    #[serde(default)]
    done_reason: Option<String>,
    #[serde(default)]
    prompt_eval_count: Option<u64>,
    #[serde(default)]
    eval_count: Option<u64>,
    #[serde(default)]
    error: Option<String>,
}

#[derive(Deserialize)]
struct AnswerMessage {
    #[serde(default)]
    content: String,
}
