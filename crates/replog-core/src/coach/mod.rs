//! Per-exercise coaching recommendations (reference/004): what to change in the next set or
//! session of an exercise, from the athlete context and the in-session signals, under hard
//! safety constraints, with confidence, risk, reasoning and alternatives; a preference
//! profile learnt from feedback; and insights.
//!
//! Any recommender, the [`rules`] here or a model behind `replog-llm`, produces a
//! [`Suggestion`]; [`CoachInput::finish`] turns it into a [`Recommendation`] by applying the
//! [`SafetyLimits`] (each clamp recorded in the factors) and scoring it, so the safety rules
//! hold whoever proposed the change.
//!
//! ```
//! use replog_core::coach::{CoachInput, Prescription, RecommendationKind, SafetyRule, SetFeedback, rules};
//!
//! let mut input = CoachInput::new("Back Squat", Prescription::new(3, 5, Some(225.0), Some(180)));
//! input.current_set = 2;
//! input.signals.last_sets.push(SetFeedback { reps: 5, weight: Some(225.0), rpe: Some(6.0), form: Some(9.0) });
//! let recommendation = rules::recommend(&input);
//! assert_eq!(recommendation.kind, RecommendationKind::IncreaseWeight);
//! assert!(recommendation.suggested.weight.unwrap() <= 225.0 * 1.10);
//! assert!((0.3..=1.0).contains(&recommendation.confidence));
//! ```

mod input;
mod insights;
mod profile;
mod recommendation;
pub mod rules;
mod safety;
mod scoring;
mod signals;

pub use input::CoachInput;
pub use insights::{Insights, PreferenceSummary, WorkoutStyle, insights};
pub use profile::{
    Feedback, LEARNING_RATE, LearningSignals, PreferenceProfile, RECENT_RESPONSES, Response, ema,
    extract_learning_signals,
};
pub use recommendation::{
    Alternative, Factor, Prescription, Recommendation, RecommendationKind, Risk, Source, Suggestion,
};
pub use safety::{ADULT_AGE, SafetyLimits, SafetyRule};
pub use scoring::{MAX_CONFIDENCE, MIN_CONFIDENCE, confidence, risk};
pub use signals::{SessionSignals, SetFeedback, TimeOfDay};
