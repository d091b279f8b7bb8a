//! Per-exercise coaching recommendations (`replog_core::coach`, `replog_llm::coach`): the
//! rules, or the configured LLM under the same safety clamps.

use napi::bindgen_prelude::{Env, PromiseRaw, Result};
use napi_derive::napi;
use replog_core::coach::{
    CoachInput, PreferenceProfile, Prescription, SafetyLimits, SessionSignals, rules,
};
use serde::Deserialize;

use crate::documents::{from_json, to_json};
use crate::error::misuse;
use crate::generate::TokenUsage;
use crate::settings::{LlmOptions, provider_config};

/// `CoachInput` as plain data (snake_case, as the crate serialises its parts).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    exercise: String,
    planned: Prescription,
    #[serde(default = "first_set")]
    current_set: u32,
    #[serde(default)]
    signals: SessionSignals,
    #[serde(default)]
    profile: Option<PreferenceProfile>,
    #[serde(default)]
    limits: Option<SafetyLimits>,
    #[serde(default)]
    age: Option<u32>,
    #[serde(default)]
    equipment_needed: Vec<String>,
    #[serde(default)]
    substitutes: Vec<String>,
}

fn first_set() -> u32 {
    1
}

fn input(value: serde_json::Value) -> Result<CoachInput> {
    let input: Input = from_json(value, "input")?;
    let mut coach = CoachInput::new(input.exercise, input.planned);
    coach.current_set = input.current_set;
    coach.signals = input.signals;
    if let Some(profile) = input.profile {
        coach.profile = profile;
    }
    coach.limits = match (input.limits, input.age) {
        (Some(limits), _) => limits,
        (None, age) => SafetyLimits::for_age(age),
    };
    coach.equipment_needed = input.equipment_needed;
    coach.substitutes = input.substitutes;
    Ok(coach)
}

/// The rules' recommendation for the next set or session of an exercise: `{ kind, suggested,
/// confidence, risk, reasoning, factors, alternatives, source }`, clamped by the safety
/// limits (from `limits`, or `age`, or the adult defaults).
#[napi(
    ts_args_type = "input: CoachRequest",
    ts_return_type = "Record<string, any>"
)]
pub fn recommend(input_value: serde_json::Value) -> Result<serde_json::Value> {
    to_json(&rules::recommend(&input(input_value)?))
}

/// A recommendation from the configured LLM, under the same clamps; the rules' when the
/// model fails (`fallback` says why).
#[napi(
    ts_args_type = "input: CoachRequest, llm?: LlmOptions | undefined | null",
    ts_return_type = "Promise<{ recommendation: Record<string, any>; fallback: string | null; usage: TokenUsage }>"
)]
pub fn recommend_with_llm<'env>(
    env: &'env Env,
    input_value: serde_json::Value,
    llm: Option<LlmOptions>,
) -> Result<PromiseRaw<'env, serde_json::Value>> {
    let coach = input(input_value)?;
    let config = provider_config(llm.as_ref())?;
    let provider = replog_llm::build_provider(&config).map_err(|e| misuse(format!("llm: {e}")))?;
    env.spawn_future(async move {
        let answer = replog_llm::coach::recommend(&*provider, &coach).await;
        let usage = TokenUsage::from(&answer.usage);
        Ok(serde_json::json!({
            "recommendation": to_json(&answer.recommendation)?,
            "fallback": answer.fallback.map(|e| e.to_string()),
            "usage": {
                "inputTokens": usage.input_tokens,
                "outputTokens": usage.output_tokens,
                "cachedTokens": usage.cached_tokens,
            },
        }))
    })
}
