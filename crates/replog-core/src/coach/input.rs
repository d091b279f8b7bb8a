//! What a recommender is asked ([`CoachInput`]) and how any suggestion becomes a
//! recommendation ([`CoachInput::finish`]): safety clamps on it and on its alternatives,
//! then confidence and risk. Rules and models go through the same `finish`.

use super::SafetyLimits;
use super::profile::PreferenceProfile;
use super::recommendation::{Factor, Prescription, Recommendation, Source, Suggestion};
use super::scoring::{CLAMP_PENALTY, RULES_PENALTY, clamp_confidence, confidence, risk};
use super::signals::SessionSignals;
use crate::context::{AthleteContext, ExerciseStats};

/// Everything a recommendation for one exercise is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct CoachInput {
    /// The exercise.
    pub exercise: String,
    /// What is planned for its next set or session.
    pub planned: Prescription,
    /// The set about to be done (1-based; 1 before the first).
    pub current_set: u32,
    /// How the athlete is right now.
    pub signals: SessionSignals,
    /// The exercise's signals from the athlete context, when known.
    pub stats: Option<ExerciseStats>,
    /// The athlete's learnt preferences.
    pub profile: PreferenceProfile,
    /// The safety limits (by age: [`SafetyLimits::for_age`]).
    pub limits: SafetyLimits,
    /// The equipment the exercise needs (snake_case tokens).
    pub equipment_needed: Vec<String>,
    /// Exercises that can stand in for it, best first.
    pub substitutes: Vec<String>,
}

impl CoachInput {
    /// An input with adult limits, a fresh profile and no other signals.
    pub fn new(exercise: impl Into<String>, planned: Prescription) -> Self {
        Self {
            exercise: exercise.into(),
            planned,
            current_set: 1,
            signals: SessionSignals::default(),
            stats: None,
            profile: PreferenceProfile::default(),
            limits: SafetyLimits::default(),
            equipment_needed: Vec::new(),
            substitutes: Vec::new(),
        }
    }

    /// An input for an athlete: the limits for their age on the context's day, and the
    /// exercise's signals from the context (matched by exact name).
    pub fn from_context(
        context: &AthleteContext,
        exercise: impl Into<String>,
        planned: Prescription,
    ) -> Self {
        let exercise = exercise.into();
        let stats = context
            .performance
            .exercise_stats
            .iter()
            .find(|s| s.exercise == exercise)
            .cloned();
        Self {
            stats,
            limits: SafetyLimits::for_age(context.athlete.age),
            ..Self::new(exercise, planned)
        }
    }

    /// The recommendation a suggestion becomes: the safety limits applied to it and to each
    /// alternative (every clamp recorded as a factor), confidence from the profile and the
    /// signals less 0.1 for the rules and 0.05 per clamp, and the risk of what is left.
    pub fn finish(&self, suggestion: Suggestion, source: Source) -> Recommendation {
        let Suggestion {
            kind,
            prescription: mut suggested,
            substitute,
            reasoning,
            expected_outcome,
            signals,
            mut alternatives,
        } = suggestion;
        let mut factors: Vec<Factor> = signals
            .into_iter()
            .map(|message| Factor::Signal { message })
            .collect();
        let clamps = self
            .limits
            .apply(&self.planned, &mut suggested, &self.signals, "suggestion");
        let changed = clamps
            .iter()
            .filter(|f| f.rule() != Some(super::SafetyRule::FatigueCaution))
            .count();
        factors.extend(clamps);
        for (n, alternative) in (1..).zip(alternatives.iter_mut()) {
            factors.extend(self.limits.apply(
                &self.planned,
                &mut alternative.prescription,
                &self.signals,
                &format!("alternative {n}"),
            ));
        }
        let mut score = confidence(&self.profile, &self.signals);
        if source == Source::Rules {
            score -= RULES_PENALTY;
        }
        #[allow(clippy::cast_precision_loss)] // a handful of clamps
        let penalty = CLAMP_PENALTY * changed as f64;
        let risk = risk(kind, &self.planned, &suggested, &self.signals, &self.limits);
        Recommendation {
            exercise: self.exercise.clone(),
            kind,
            original: self.planned.clone(),
            suggested,
            substitute,
            confidence: clamp_confidence(score - penalty),
            risk,
            reasoning,
            factors,
            expected_outcome,
            alternatives,
            source,
        }
    }
}
