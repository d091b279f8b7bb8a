//! What a generation cost: prices per million tokens by model, in a configurable table, and
//! the cost of a [`Usage`] (reference/002's token cost accounting).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::{LlmError, Usage};

/// A model's prices in US dollars per million tokens.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "PriceFields")]
pub struct Price {
    /// Prompt tokens not served from the cache.
    pub input_per_mtok: f64,
    /// Prompt tokens served from the provider's prompt cache; the input rate when a table
    /// leaves it out.
    pub cached_input_per_mtok: f64,
    /// Generated tokens.
    pub output_per_mtok: f64,
}

impl Price {
    /// A price with its cached-input rate.
    pub const fn new(
        input_per_mtok: f64,
        cached_input_per_mtok: f64,
        output_per_mtok: f64,
    ) -> Self {
        Self {
            input_per_mtok,
            cached_input_per_mtok,
            output_per_mtok,
        }
    }

    /// Nothing: a local model or the built-in planner.
    pub const FREE: Price = Price::new(0.0, 0.0, 0.0);

    /// What `usage` costs at this price, in US dollars. Cached tokens are part of
    /// `usage.input_tokens` and are priced at the cached rate.
    pub fn cost(&self, usage: &Usage) -> f64 {
        let cached = usage.cached_tokens.min(usage.input_tokens);
        let uncached = usage.input_tokens - cached;
        (uncached as f64 * self.input_per_mtok
            + cached as f64 * self.cached_input_per_mtok
            + usage.output_tokens as f64 * self.output_per_mtok)
            / 1_000_000.0
    }
}

/// A price as a table writes it: the cached rate may be left out.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PriceFields {
    input_per_mtok: f64,
    #[serde(default)]
    cached_input_per_mtok: Option<f64>,
    output_per_mtok: f64,
}

impl TryFrom<PriceFields> for Price {
    type Error = String;

    fn try_from(fields: PriceFields) -> Result<Self, String> {
        let price = Price::new(
            fields.input_per_mtok,
            fields
                .cached_input_per_mtok
                .unwrap_or(fields.input_per_mtok),
            fields.output_per_mtok,
        );
        let rates = [
            price.input_per_mtok,
            price.cached_input_per_mtok,
            price.output_per_mtok,
        ];
        if rates.iter().all(|rate| rate.is_finite() && *rate >= 0.0) {
            Ok(price)
        } else {
            Err(format!("prices must be zero or more, got {rates:?}"))
        }
    }
}

/// Prices by model name: looked up exactly, then by the longest name that begins the model's
/// (so `gpt-4o-mini-2024-07-18` gets `gpt-4o-mini`'s price, not `gpt-4o`'s).
///
/// As JSON, an object from model name to price:
/// `{"gpt-4o": {"input_per_mtok": 2.5, "cached_input_per_mtok": 1.25, "output_per_mtok": 10}}`.
///
/// ```
/// use replog_llm::{Usage, cost::PriceTable};
/// let usage = Usage { input_tokens: 24_000, output_tokens: 12_300, cached_tokens: 0 };
/// let cost = PriceTable::default().cost("gpt-4o-2024-08-06", &usage).unwrap();
/// assert!((cost - 0.183).abs() < 1e-9); // reference/002: about $0.18 per program
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct PriceTable {
    prices: BTreeMap<String, Price>,
}

impl<'de> Deserialize<'de> for PriceTable {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        BTreeMap::deserialize(deserializer).map(|prices| Self { prices })
    }
}

impl PriceTable {
    /// A table with no prices.
    pub fn empty() -> Self {
        Self {
            prices: BTreeMap::new(),
        }
    }

    /// A table read from JSON (see [`PriceTable`]); a negative price is an error.
    pub fn from_json(json: &str) -> Result<Self, LlmError> {
        serde_json::from_str(json).map_err(LlmError::PriceTable)
    }

    /// The table with `model`'s price set (replacing any it had).
    pub fn with(mut self, model: impl Into<String>, price: Price) -> Self {
        self.prices.insert(model.into(), price);
        self
    }

    /// The table with every price of `other` set over its own.
    pub fn merged(mut self, other: PriceTable) -> Self {
        self.prices.extend(other.prices);
        self
    }

    /// The price of `model`: its own entry, else the entry with the longest name that is a
    /// prefix of `model`.
    pub fn price(&self, model: &str) -> Option<&Price> {
        self.prices.get(model).or_else(|| {
            self.prices
                .iter()
                .filter(|(name, _)| model.starts_with(name.as_str()))
                .max_by_key(|(name, _)| name.len())
                .map(|(_, price)| price)
        })
    }

    /// What `usage` cost on `model`, in US dollars; `None` when the table has no price for
    /// it (unknown is not free).
    pub fn cost(&self, model: &str, usage: &Usage) -> Option<f64> {
        self.price(model).map(|price| price.cost(usage))
    }

    /// The models priced, in name order.
    pub fn models(&self) -> impl Iterator<Item = &str> {
        self.prices.keys().map(String::as_str)
    }
}

impl Default for PriceTable {
    /// List prices of a few common models, as published by OpenAI and Anthropic in October
    /// 2025 (standard tier, no batch discount; Anthropic's cache writes, which `Usage` does
    /// not count, are priced as plain input). Prices change: configure a table for real
    /// accounting. The built-in planner, the mock and Ollama's common local model families
    /// cost nothing.
    fn default() -> Self {
        Self::empty()
            // OpenAI, cached input at the published cached rate.
            .with("gpt-4o", Price::new(2.50, 1.25, 10.00))
            .with("gpt-4o-mini", Price::new(0.15, 0.075, 0.60))
            .with("gpt-4.1", Price::new(2.00, 0.50, 8.00))
            .with("gpt-4.1-mini", Price::new(0.40, 0.10, 1.60))
            .with("gpt-4.1-nano", Price::new(0.10, 0.025, 0.40))
            // Anthropic, cached input at the cache-read rate.
            .with("claude-sonnet-4-5", Price::new(3.00, 0.30, 15.00))
            .with("claude-haiku-4-5", Price::new(1.00, 0.10, 5.00))
            // Local and built-in: free.
            .with(crate::planner::MODEL, Price::FREE)
            .with("mock", Price::FREE)
            .with("llama", Price::FREE)
            .with("qwen", Price::FREE)
            .with("gemma", Price::FREE)
            .with("phi", Price::FREE)
            .with("deepseek-r1", Price::FREE)
    }
}
