//! What a recommender proposes ([`Suggestion`]) and what the athlete is shown
//! ([`Recommendation`]): the kinds of reference/004, the prescription before and after,
//! confidence, risk, reasoning, the factors (every safety clamp among them), and
//! alternatives.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::safety::SafetyRule;

/// What a recommendation changes (reference/004's types, plus `keep_plan` for when nothing
/// should change).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationKind {
    /// More load.
    IncreaseWeight,
    /// Less load.
    DecreaseWeight,
    /// More or fewer reps.
    AdjustReps,
    /// Longer or shorter rest between sets.
    ModifyRest,
    /// Another exercise in its place.
    ChangeExercise,
    /// Warm-up sets before the work.
    AddWarmup,
    /// Technique before load.
    SuggestFormFocus,
    /// Nothing to change: do what is planned.
    KeepPlan,
}

/// The numbers of an exercise's next set or session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Prescription {
    /// Working sets.
    pub sets: u32,
    /// Reps per set.
    pub reps: u32,
    /// Load per set, in the logbook's unit; null for an unloaded exercise.
    #[serde(default)]
    pub weight: Option<f64>,
    /// Rest between sets, in seconds; null when not prescribed.
    #[serde(default)]
    pub rest_seconds: Option<u32>,
}

impl Prescription {
    /// `sets` x `reps` at `weight` with `rest_seconds` of rest.
    pub fn new(sets: u32, reps: u32, weight: Option<f64>, rest_seconds: Option<u32>) -> Self {
        Self {
            sets,
            reps,
            weight,
            rest_seconds,
        }
    }

    /// Tonnage (sets x reps x weight), or sets x reps for an unloaded exercise: the volume
    /// the +15 % rule limits.
    pub fn volume(&self) -> f64 {
        let work = f64::from(self.sets) * f64::from(self.reps);
        match self.weight {
            Some(w) if w.is_finite() && w > 0.0 => work * w,
            _ => work,
        }
    }
}

/// Another option the athlete could take instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// What it changes.
    pub kind: RecommendationKind,
    /// Its prescription (safety clamps applied, as to the main one).
    pub prescription: Prescription,
    /// What it is, in a sentence.
    pub note: String,
}

/// What a recommender (rules or a model) proposes, before the safety clamps.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// What it changes.
    pub kind: RecommendationKind,
    /// The proposed prescription.
    pub prescription: Prescription,
    /// For `change_exercise`: the exercise to do instead.
    pub substitute: Option<String>,
    /// Why.
    pub reasoning: String,
    /// What the athlete should expect.
    pub expected_outcome: String,
    /// What the recommender read, one line each.
    pub signals: Vec<String>,
    /// Other options.
    pub alternatives: Vec<Alternative>,
}

/// Why a recommendation is what it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Factor {
    /// An input the recommender read.
    Signal {
        /// What it was.
        message: String,
    },
    /// A safety rule changed the suggestion (or, for fatigue, put it under caution).
    Clamp {
        /// The rule.
        rule: SafetyRule,
        /// What changed, from what to what.
        message: String,
    },
    /// The model's suggestion was not used and the rules answered instead.
    Fallback {
        /// Why.
        message: String,
    },
}

impl Factor {
    /// The safety rule of a clamp.
    pub fn rule(&self) -> Option<SafetyRule> {
        match self {
            Self::Clamp { rule, .. } => Some(*rule),
            _ => None,
        }
    }
}

/// How risky following a recommendation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// Within established limits.
    Low,
    /// A slight increase in challenge, or training under a caution: monitor closely.
    Medium,
    /// A large change: proceed with caution.
    High,
}

/// Who proposed a recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// The rule-based recommender.
    Rules,
    /// A model.
    Model {
        /// The provider.
        provider: String,
        /// The model that answered.
        model: String,
    },
}

/// A recommendation for an exercise's next set or session, after the safety clamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The exercise.
    pub exercise: String,
    /// What it changes.
    pub kind: RecommendationKind,
    /// What was planned.
    pub original: Prescription,
    /// What to do (clamped).
    pub suggested: Prescription,
    /// For `change_exercise`: the exercise to do instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substitute: Option<String>,
    /// How far to trust it, 0.3 to 1.
    pub confidence: f64,
    /// How risky it is.
    pub risk: Risk,
    /// Why.
    pub reasoning: String,
    /// What was read and what the safety rules changed.
    pub factors: Vec<Factor>,
    /// What the athlete should expect.
    pub expected_outcome: String,
    /// Other options (clamped too).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
    /// Who proposed it.
    pub source: Source,
}

impl Recommendation {
    /// The safety rules that changed it or put it under caution, in the order applied.
    pub fn clamps(&self) -> Vec<SafetyRule> {
        self.factors.iter().filter_map(Factor::rule).collect()
    }
}
