//! The LLM recommender (reference/004): the model proposes the next set or session of an
//! exercise through a structured call; its proposal goes through the core's safety clamps
//! like any other, and any failure falls back to the rule-based recommender, recorded in
//! the recommendation's factors.

use replog_core::coach::{
    Alternative, CoachInput, Factor, Prescription, Recommendation, RecommendationKind, Source,
    Suggestion, rules,
};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::json;

use crate::provider::{Provider, Request, Usage};
use crate::structured::{StructuredError, ask, request_for};

/// The schema's name in the request.
pub const SUGGESTION_SCHEMA: &str = "coach_suggestion";

const SYSTEM: &str = "You are a strength coach recommending what an athlete should do in the \
next set or session of one exercise. Choose one kind of change and give the full \
prescription (sets, reps, weight in the athlete's unit or null, rest in seconds or null). \
Respect the safety limits you are given: they are enforced after you answer, and a \
suggestion that breaks one is cut back. For change_exercise name the substitute. Give short \
reasoning that cites the signals, the expected outcome, and up to two alternatives.";

/// What the model answers: a suggestion in the shape the core takes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelSuggestion {
    /// The kind of change.
    pub kind: RecommendationKind,
    /// Working sets.
    pub sets: u32,
    /// Reps per set.
    pub reps: u32,
    /// Load per set, or null for an unloaded exercise.
    pub weight: Option<f64>,
    /// Rest between sets in seconds, or null.
    pub rest_seconds: Option<u32>,
    /// For change_exercise: the exercise to do instead; else null.
    pub substitute: Option<String>,
    /// Why, citing the signals.
    pub reasoning: String,
    /// What the athlete should expect.
    pub expected_outcome: String,
    /// Up to two other options.
    pub alternatives: Vec<ModelAlternative>,
}

/// Another option in the model's answer.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelAlternative {
    /// The kind of change.
    pub kind: RecommendationKind,
    /// Working sets.
    pub sets: u32,
    /// Reps per set.
    pub reps: u32,
    /// Load per set, or null.
    pub weight: Option<f64>,
    /// Rest in seconds, or null.
    pub rest_seconds: Option<u32>,
    /// What it is, in a sentence.
    pub note: String,
}

impl From<ModelSuggestion> for Suggestion {
    fn from(m: ModelSuggestion) -> Self {
        Suggestion {
            kind: m.kind,
            prescription: Prescription::new(m.sets, m.reps, m.weight, m.rest_seconds),
            substitute: m.substitute.filter(|s| !s.trim().is_empty()),
            reasoning: m.reasoning,
            expected_outcome: m.expected_outcome,
            signals: Vec::new(),
            alternatives: m
                .alternatives
                .into_iter()
                .take(2)
                .map(|a| Alternative {
                    kind: a.kind,
                    prescription: Prescription::new(a.sets, a.reps, a.weight, a.rest_seconds),
                    note: a.note,
                })
                .collect(),
        }
    }
}

/// A recommendation and how it was made.
#[derive(Debug)]
pub struct CoachAnswer {
    /// The recommendation (clamped; from the model, or from the rules on failure).
    pub recommendation: Recommendation,
    /// Why the model's suggestion was not used, when it was not.
    pub fallback: Option<StructuredError>,
    /// Tokens spent.
    pub usage: Usage,
}

/// The request the recommender sends for `input`: the exercise, plan, signals, context
/// signals, preferences and safety limits as JSON, under the suggestion's strict schema.
///
/// # Errors
///
/// When the schema cannot be made in the strict dialect.
pub fn suggestion_request(input: &CoachInput) -> Result<Request, StructuredError> {
    let profile = &input.profile;
    let brief = json!({
        "exercise": input.exercise,
        "planned": input.planned,
        "current_set": input.current_set,
        "signals": input.signals,
        "exercise_history": input.stats,
        "equipment_needed": input.equipment_needed,
        "substitutes": input.substitutes,
        "preferences": {
            "preferred_intensity": profile.preferred_intensity,
            "volume_tolerance": profile.volume_tolerance,
            "progression_rate": profile.progression_rate,
            "form_focus": profile.form_focus,
            "rest_time_preference": profile.rest_time_preference,
            "acceptance_rate": profile.acceptance_rate,
        },
        "safety_limits": input.limits,
    });
    let user = format!("The athlete and the exercise (JSON):\n{brief}\n\nRecommend.");
    Ok(request_for::<ModelSuggestion>(SUGGESTION_SCHEMA, SYSTEM, user)?.with_temperature(0.3))
}

/// Asks `provider` for a suggestion for `input` and finishes it through the core (safety
/// clamps, confidence, risk); on any failure the rule-based recommendation is returned with
/// a [`Factor::Fallback`] first among its factors.
pub async fn recommend<P: Provider + ?Sized>(provider: &P, input: &CoachInput) -> CoachAnswer {
    let answer = match suggestion_request(input) {
        Ok(request) => ask::<ModelSuggestion, P>(provider, &request).await,
        Err(error) => Err(error),
    };
    match answer {
        Ok((suggestion, response)) => CoachAnswer {
            recommendation: input.finish(
                suggestion.into(),
                Source::Model {
                    provider: provider.name().to_owned(),
                    model: response.model,
                },
            ),
            fallback: None,
            usage: response.usage,
        },
        Err(error) => {
            let mut recommendation = rules::recommend(input);
            recommendation.factors.insert(
                0,
                Factor::Fallback {
                    message: format!("the model's suggestion was not used: {error}"),
                },
            );
            CoachAnswer {
                recommendation,
                usage: error.usage(),
                fallback: Some(error),
            }
        }
    }
}
