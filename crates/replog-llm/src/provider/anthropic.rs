//! The Anthropic Messages API (`{base}/v1/messages`). A JSON Schema is enforced either by
//! structured output (`output_config.format` of type `json_schema`) or by one tool whose
//! `input_schema` is the schema, forced with `tool_choice`, as [`AnthropicMode`] says.

use async_trait::async_trait;
use reqwest::Url;
use reqwest::header::HeaderValue;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::http::{Transport, endpoint};
use super::retry::retry;
use super::{
    AnthropicMode, ErrorKind, FinishReason, Output, Pong, Provider, ProviderConfig, ProviderError,
    ProviderKind, Request, Response, Role, Usage, ping_request, pong,
};

/// The API version header sent with every request.
const API_VERSION: &str = "2023-06-01";

/// A provider speaking the Anthropic Messages API.
#[derive(Debug)]
pub struct AnthropicProvider {
    transport: Transport,
    url: Url,
    model: String,
    temperature: f32,
    max_tokens: u32,
    mode: AnthropicMode,
}

impl AnthropicProvider {
    /// A provider configured by `config` (its `kind` is not checked).
    pub fn new(config: &ProviderConfig) -> Result<Self, ProviderError> {
        let base = match config.base_url.as_deref().map(str::trim) {
            Some(url) if !url.is_empty() => url,
            _ => ProviderKind::Anthropic.default_base_url(),
        };
        // Accept a base given with or without the version segment.
        let path = if base.trim_end_matches('/').ends_with("/v1") {
            "messages"
        } else {
            "v1/messages"
        };
        let model = match config.model.trim() {
            "" => ProviderKind::Anthropic.default_model().to_owned(),
            m => m.to_owned(),
        };
        Ok(Self {
            transport: Transport::new(config)?,
            url: endpoint(base, path)?,
            model,
            temperature: config.temperature,
            max_tokens: config.max_tokens,
            mode: config.anthropic_mode,
        })
    }

    crate::provider::http::transport_builders!();

    async fn attempt(&self, request: &Request) -> Result<Response, ProviderError> {
        let tool = match (&request.output, self.mode) {
            (Output::JsonSchema { name, .. }, AnthropicMode::ForcedTool) => Some(tool_name(name)),
            _ => None,
        };
        let body = self.body(request, tool.as_deref());
        let mut http = self
            .transport
            .post(self.url.clone())
            .header("anthropic-version", API_VERSION)
            .json(&body);
        if let Some(key) = self.transport.secret() {
            let mut value = HeaderValue::from_str(key).map_err(|_| {
                ProviderError::configuration("the API key is not a valid header value")
            })?;
            value.set_sensitive(true);
            http = http.header("x-api-key", value);
        }
        let answer = self.transport.send_json(http).await?;
        let wire: MessagesResponse = serde_json::from_value(answer.body).map_err(|e| {
            ProviderError::new(
                ErrorKind::MalformedResponse,
                format!("unexpected message: {e}"),
            )
        })?;
        let usage = wire.usage.map(Usage::from).unwrap_or_default();
        let mut text = String::new();
        let mut tool_input = None;
        for block in &wire.content {
            match block.get("type").and_then(Value::as_str) {
                Some("text") => {
                    text.push_str(block.get("text").and_then(Value::as_str).unwrap_or(""))
                }
                Some("tool_use")
                    if block.get("name").and_then(Value::as_str) == tool.as_deref() =>
                {
                    tool_input = block.get("input").map(Value::to_string);
                }
                _ => {}
            }
        }
        let finish_reason = match wire.stop_reason.as_deref() {
            None | Some("end_turn" | "stop_sequence" | "tool_use") => FinishReason::Stop,
            Some("max_tokens" | "model_context_window_exceeded") => FinishReason::Length,
            Some("refusal") => FinishReason::Refusal,
            Some(other) => FinishReason::Other(other.to_owned()),
        };
        let refusal = (finish_reason == FinishReason::Refusal).then(|| match text.trim() {
            "" => "the model declined to answer".to_owned(),
            t => t.to_owned(),
        });
        if tool.is_some() && tool_input.is_none() && finish_reason == FinishReason::Stop {
            return Err(ProviderError::new(
                ErrorKind::MalformedResponse,
                "the forced tool was not called",
            )
            .with_usage(usage));
        }
        Response {
            text: tool_input.unwrap_or(text),
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

    fn body<'a>(&'a self, request: &'a Request, tool: Option<&'a str>) -> MessagesRequest<'a> {
        let mut system = request.system_text();
        let messages = request
            .messages
            .iter()
            .filter(|m| m.role != Role::System)
            .map(|m| WireMessage {
                role: m.role.as_str(),
                content: &m.content,
            })
            .collect();
        let (mut output_config, mut tools, mut tool_choice) = (None, None, None);
        match (&request.output, tool) {
            (Output::Text, _) => {}
            (Output::Json, _) => {
                if !system.is_empty() {
                    system.push_str("\n\n");
                }
                system.push_str("Respond with one JSON object and nothing else.");
            }
            (Output::JsonSchema { schema, .. }, Some(name)) => {
                tools = Some([Tool {
                    name,
                    description: "Record the answer.",
                    input_schema: schema,
                }]);
                tool_choice = Some(ToolChoice { kind: "tool", name });
            }
            (Output::JsonSchema { schema, .. }, None) => {
                output_config = Some(OutputConfig {
                    format: Format {
                        kind: "json_schema",
                        schema,
                    },
                });
            }
        }
        MessagesRequest {
            model: &self.model,
            max_tokens: request.max_tokens.unwrap_or(self.max_tokens),
            system: (!system.is_empty()).then_some(system),
            messages,
            temperature: request.temperature.unwrap_or(self.temperature),
            output_config,
            tools,
            tool_choice,
        }
    }
}

#[async_trait]
impl Provider for AnthropicProvider {
    fn name(&self) -> &str {
        "anthropic"
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

/// A tool name Anthropic accepts (`[a-zA-Z0-9_-]{1,64}`) made from a schema name.
fn tool_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    if cleaned.is_empty() {
        "output".to_owned()
    } else {
        cleaned
    }
}

#[derive(Serialize)]
struct MessagesRequest<'a> {
    model: &'a str,
    max_tokens: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    system: Option<String>,
    messages: Vec<WireMessage<'a>>,
    temperature: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    output_config: Option<OutputConfig<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tools: Option<[Tool<'a>; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tool_choice: Option<ToolChoice<'a>>,
}

#[derive(Serialize)]
struct WireMessage<'a> {
    role: &'a str,
    content: &'a str,
}

#[derive(Serialize)]
struct OutputConfig<'a> {
    format: Format<'a>,
}

#[derive(Serialize)]
struct Format<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    schema: &'a Value,
}

#[derive(Serialize)]
struct Tool<'a> {
    name: &'a str,
    description: &'a str,
    input_schema: &'a Value,
}

#[derive(Serialize)]
struct ToolChoice<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    name: &'a str,
}

#[derive(Deserialize)]
struct MessagesResponse {
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    content: Vec<Value>,
    #[serde(default)]
    stop_reason: Option<String>,
    #[serde(default)]
    usage: Option<WireUsage>,
}

#[derive(Deserialize)]
struct WireUsage {
    #[serde(default)]
    input_tokens: Option<u64>,
    #[serde(default)]
    output_tokens: Option<u64>,
    #[serde(default)]
    cache_creation_input_tokens: Option<u64>,
    #[serde(default)]
    cache_read_input_tokens: Option<u64>,
}

impl From<WireUsage> for Usage {
    /// Anthropic counts cache reads and writes apart from `input_tokens`; [`Usage`] counts
    /// every prompt token as input and the cache reads as cached.
    fn from(u: WireUsage) -> Usage {
        let cached = u.cache_read_input_tokens.unwrap_or(0);
        Usage {
            input_tokens: u
                .input_tokens
                .unwrap_or(0)
                .saturating_add(cached)
                .saturating_add(u.cache_creation_input_tokens.unwrap_or(0)),
            output_tokens: u.output_tokens.unwrap_or(0),
            cached_tokens: cached,
        }
    }
}
