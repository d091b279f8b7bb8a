//! OpenAI-compatible chat completions (`{base}/chat/completions`): OpenAI, Azure-style base
//! URLs, vLLM, llama.cpp server, LM Studio. A JSON Schema goes out as `response_format`
//! `json_schema` with `strict: true`; a server that rejects that gets `json_object` with the
//! schema in the prompt, and the provider remembers to skip the rejected form from then on.

use std::sync::atomic::{AtomicBool, Ordering};

use async_trait::async_trait;
use reqwest::Url;
use reqwest::header::HeaderValue;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::http::{Transport, endpoint};
use super::retry::retry;
use super::{
    ErrorKind, FinishReason, Output, Pong, Provider, ProviderConfig, ProviderError, ProviderKind,
    Request, Response, Role, Usage, ping_request, pong,
};

/// A provider speaking the OpenAI chat completions API.
#[derive(Debug)]
pub struct OpenAiProvider {
    transport: Transport,
    url: Url,
    model: String,
    temperature: f32,
    max_tokens: u32,
    azure: bool,
    schema_rejected: AtomicBool,
}

impl OpenAiProvider {
    /// A provider configured by `config` (its `kind` is not checked).
    pub fn new(config: &ProviderConfig) -> Result<Self, ProviderError> {
        let base = match config.base_url.as_deref().map(str::trim) {
            Some(url) if !url.is_empty() => url,
            _ => ProviderKind::OpenAi.default_base_url(),
        };
        let url = endpoint(base, "chat/completions")?;
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let azure =
            host.ends_with(".openai.azure.com") || host.ends_with(".cognitiveservices.azure.com");
        let model = match config.model.trim() {
            "" => ProviderKind::OpenAi.default_model().to_owned(),
            m => m.to_owned(),
        };
        Ok(Self {
            transport: Transport::new(config)?,
            url,
            model,
            temperature: config.temperature,
            max_tokens: config.max_tokens,
            azure,
            schema_rejected: AtomicBool::new(false),
        })
    }

    crate::provider::http::transport_builders!();

    /// Whether the server rejected `json_schema` and `json_object` is used instead.
    pub fn schema_rejected(&self) -> bool {
        self.schema_rejected.load(Ordering::Relaxed)
    }

    async fn attempt(&self, request: &Request) -> Result<Response, ProviderError> {
        let strict = matches!(request.output, Output::JsonSchema { .. }) && !self.schema_rejected();
        match self.send(request, strict).await {
            Err(e) if strict && rejects_response_format(&e) => {
                self.schema_rejected.store(true, Ordering::Relaxed);
                self.send(request, false).await
            }
            other => other,
        }
    }

    async fn send(&self, request: &Request, strict: bool) -> Result<Response, ProviderError> {
        let body = self.body(request, strict);
        let mut http = self.transport.post(self.url.clone()).json(&body);
        if let Some(key) = self.transport.secret() {
            if self.azure {
                let mut value = HeaderValue::from_str(key).map_err(|_| {
                    ProviderError::configuration("the API key is not a valid header value")
                })?;
                value.set_sensitive(true);
                http = http.header("api-key", value);
            } else {
                http = http.bearer_auth(key);
            }
        }
        let answer = self.transport.send_json(http).await?;
        let wire: ChatResponse = serde_json::from_value(answer.body).map_err(|e| {
            ProviderError::new(
                ErrorKind::MalformedResponse,
                format!("unexpected chat completion: {e}"),
            )
        })?;
        let usage = wire.usage.map(Usage::from).unwrap_or_default();
        let Some(choice) = wire.choices.into_iter().next() else {
            return Err(ProviderError::new(
                ErrorKind::MalformedResponse,
                "the answer has no choices",
            )
            .with_usage(usage));
        };
        let message = choice.message.unwrap_or_default();
        let refusal = message.refusal.filter(|r| !r.trim().is_empty());
        let finish_reason = match choice.finish_reason.as_deref() {
            None | Some("stop") => FinishReason::Stop,
            Some("length") => FinishReason::Length,
            Some("content_filter") => FinishReason::ContentFilter,
            Some(other) => FinishReason::Other(other.to_owned()),
        };
        Response {
            text: message.content.unwrap_or_default(),
            refusal,
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

    fn body<'a>(&'a self, request: &'a Request, strict: bool) -> ChatRequest<'a> {
        let mut messages: Vec<WireMessage<'a>> = request
            .messages
            .iter()
            .map(|m| WireMessage {
                role: m.role.as_str(),
                content: m.content.clone(),
            })
            .collect();
        let response_format = match &request.output {
            Output::Text => None,
            Output::JsonSchema { name, schema } if strict => Some(ResponseFormat::JsonSchema {
                json_schema: JsonSchemaFormat {
                    name,
                    schema,
                    strict: true,
                },
            }),
            Output::JsonSchema { name, schema } => {
                messages.push(WireMessage {
                    role: Role::System.as_str(),
                    content: super::schema_instruction(name, schema),
                });
                Some(ResponseFormat::JsonObject)
            }
            Output::Json => {
                // json_object mode requires the word JSON somewhere in the messages.
                if !messages
                    .iter()
                    .any(|m| m.content.to_ascii_lowercase().contains("json"))
                {
                    messages.push(WireMessage {
                        role: Role::System.as_str(),
                        content: "Respond with one JSON object.".to_owned(),
                    });
                }
                Some(ResponseFormat::JsonObject)
            }
        };
        let max_tokens = request.max_tokens.unwrap_or(self.max_tokens);
        // OpenAI's own endpoints want max_completion_tokens (reasoning models refuse
        // max_tokens); the compatible servers know max_tokens.
        let official = self.azure || self.url.host_str() == Some("api.openai.com");
        ChatRequest {
            model: &self.model,
            messages,
            temperature: request.temperature.unwrap_or(self.temperature),
            max_tokens: (!official).then_some(max_tokens),
            max_completion_tokens: official.then_some(max_tokens),
            response_format,
        }
    }
}

#[async_trait]
impl Provider for OpenAiProvider {
    fn name(&self) -> &str {
        "openai"
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
        pong(self.send(&ping_request(), false).await)
    }
}

/// Whether a 4xx says the server does not take `response_format: json_schema`.
fn rejects_response_format(error: &ProviderError) -> bool {
    let message = error.message().to_ascii_lowercase();
    error.kind() == &ErrorKind::InvalidRequest
        && (message.contains("response_format") || message.contains("json_schema"))
}

#[derive(Serialize)]
struct ChatRequest<'a> {
    model: &'a str,
    messages: Vec<WireMessage<'a>>,
    temperature: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_tokens: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_completion_tokens: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response_format: Option<ResponseFormat<'a>>,
}

#[derive(Serialize)]
struct WireMessage<'a> {
    role: &'a str,
    content: String,
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ResponseFormat<'a> {
    JsonObject,
    JsonSchema { json_schema: JsonSchemaFormat<'a> },
}

#[derive(Serialize)]
struct JsonSchemaFormat<'a> {
    name: &'a str,
    schema: &'a Value,
    strict: bool,
}

#[derive(Deserialize)]
struct ChatResponse {
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    choices: Vec<Choice>,
    #[serde(default)]
    usage: Option<WireUsage>,
}

#[derive(Deserialize)]
struct Choice {
    #[serde(default)]
    message: Option<ChoiceMessage>,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Deserialize, Default)]
struct ChoiceMessage {
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    refusal: Option<String>,
}

#[derive(Deserialize)]
struct WireUsage {
    #[serde(default)]
    prompt_tokens: Option<u64>,
    #[serde(default)]
    completion_tokens: Option<u64>,
    #[serde(default)]
    prompt_tokens_details: Option<PromptDetails>,
}

#[derive(Deserialize)]
struct PromptDetails {
    #[serde(default)]
    cached_tokens: Option<u64>,
}

impl From<WireUsage> for Usage {
    fn from(u: WireUsage) -> Usage {
        Usage {
            input_tokens: u.prompt_tokens.unwrap_or(0),
            output_tokens: u.completion_tokens.unwrap_or(0),
            cached_tokens: u
                .prompt_tokens_details
                .and_then(|d| d.cached_tokens)
                .unwrap_or(0),
        }
    }
}
