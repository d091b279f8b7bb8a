//! The athlete's preference profile (reference/004's `UserPreferenceProfile`), learned by
//! exponential moving average from feedback on recommendations, with reference/004's
//! learning-signal extraction. Serialisable: the host stores it and hands it back.

use serde::{Deserialize, Serialize};

use super::signals::{TimeOfDay, rating};

/// reference/004's default learning rate.
pub const LEARNING_RATE: f64 = 0.05;
/// How many recent responses the profile keeps for the trends of the insights.
pub const RECENT_RESPONSES: usize = 20;
/// reference/004's "sweet spot" band of difficulty: below 5 asks for more, above 8 for less.
const EASY_BELOW: f64 = 5.0;
const HARD_ABOVE: f64 = 8.0;
/// Exertion under 6 with time to spare asks for more volume (reference/004).
const LOW_EXERTION_BELOW: f64 = 6.0;
/// Exertion from 9 asks for less volume (the mirror of the rule above; not in reference/004,
/// which only ever raises volume tolerance).
const HIGH_EXERTION_FROM: f64 = 9.0;
/// Form rated under 7 asks for more emphasis on form (reference/004).
const FORM_EMPHASIS_BELOW: f64 = 7.0;

/// How the athlete answered a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// Done as recommended.
    Accepted,
    /// Done, changed.
    Modified,
    /// Not done.
    Skipped,
}

/// Feedback on one recommendation (reference/004's `/feedback` body).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// Accepted, modified or skipped.
    pub response: Response,
    /// How hard it was, 1-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<f64>,
    /// How well it worked, 1-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effectiveness: Option<f64>,
    /// RPE of the work, 1-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perceived_exertion: Option<f64>,
    /// Form rating, 1-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_quality: Option<f64>,
    /// How long it took, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_seconds: Option<u32>,
    /// How long it was expected to take, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_seconds: Option<u32>,
    /// The rest actually taken between sets, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_seconds: Option<u32>,
    /// When it was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_of_day: Option<TimeOfDay>,
}

impl Feedback {
    /// Feedback with only a response.
    pub fn new(response: Response) -> Self {
        Self {
            response,
            difficulty: None,
            effectiveness: None,
            perceived_exertion: None,
            form_quality: None,
            completion_seconds: None,
            expected_seconds: None,
            rest_seconds: None,
            time_of_day: None,
        }
    }
}

/// What one piece of feedback teaches, each signal a strength from 0 to 1
/// (reference/004's `extract_learning_signals`).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct LearningSignals {
    /// Difficulty under 5: 1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensity_increase: Option<f64>,
    /// Difficulty over 8: 1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensity_decrease: Option<f64>,
    /// Exertion under 6 and done faster than expected: 0.8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_increase: Option<f64>,
    /// Exertion 9 or more: 0.8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_decrease: Option<f64>,
    /// Form under 7: 1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_emphasis: Option<f64>,
}

/// reference/004's learning-signal extraction. Ratings out of 1-10 are ignored.
pub fn extract_learning_signals(feedback: &Feedback) -> LearningSignals {
    let mut signals = LearningSignals::default();
    if let Some(difficulty) = rating(feedback.difficulty) {
        if difficulty < EASY_BELOW {
            signals.intensity_increase = Some(1.0);
        } else if difficulty > HARD_ABOVE {
            signals.intensity_decrease = Some(1.0);
        }
    }
    if let Some(exertion) = rating(feedback.perceived_exertion) {
        let faster = matches!(
            (feedback.completion_seconds, feedback.expected_seconds),
            (Some(done), Some(expected)) if done < expected
        );
        if exertion < LOW_EXERTION_BELOW && faster {
            signals.volume_increase = Some(0.8);
        } else if exertion >= HIGH_EXERTION_FROM {
            signals.volume_decrease = Some(0.8);
        }
    }
    if rating(feedback.form_quality).is_some_and(|f| f < FORM_EMPHASIS_BELOW) {
        signals.form_emphasis = Some(1.0);
    }
    signals
}

/// reference/004's update: `current + rate * (signal - current)`.
pub fn ema(current: f64, signal: f64, rate: f64) -> f64 {
    current + rate.clamp(0.0, 1.0) * (signal - current)
}

/// What the athlete prefers, learned from feedback. Preferences are on 1-10 scales, rates
/// from 0 to 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreferenceProfile {
    /// How hard they like it.
    pub preferred_intensity: f64,
    /// How much work they tolerate.
    pub volume_tolerance: f64,
    /// Rest they take between sets, in seconds.
    pub rest_time_preference: u32,
    /// How much variety they like.
    pub exercise_variety: f64,
    /// How fast they like to progress.
    pub progression_rate: f64,
    /// How much weight they put on form.
    pub form_focus: f64,
    /// When they like to train (recommendations accepted at these times).
    pub preferred_times: Vec<TimeOfDay>,
    /// Share of recommendations accepted.
    pub acceptance_rate: f64,
    /// Share modified.
    pub modification_frequency: f64,
    /// Share skipped.
    pub skip_rate: f64,
    /// Mean effectiveness rating (1-10), once rated.
    pub effectiveness: Option<f64>,
    /// Feedback received.
    pub total_interactions: u32,
    /// The EMA's rate for preferences.
    pub learning_rate: f64,
    /// The latest responses, oldest first (at most 20).
    pub recent: Vec<Response>,
}

impl Default for PreferenceProfile {
    fn default() -> Self {
        Self {
            preferred_intensity: 5.0,
            volume_tolerance: 5.0,
            rest_time_preference: 90,
            exercise_variety: 5.0,
            progression_rate: 5.0,
            form_focus: 5.0,
            preferred_times: Vec::new(),
            acceptance_rate: 0.5,
            modification_frequency: 0.0,
            skip_rate: 0.0,
            effectiveness: None,
            total_interactions: 0,
            learning_rate: LEARNING_RATE,
            recent: Vec::new(),
        }
    }
}

impl PreferenceProfile {
    /// Learns from `feedback` and returns the signals it carried. Preferences move by
    /// [`ema`] towards 10 (an increase) or 1 (a decrease) at `learning_rate` times the
    /// signal's strength. The response rates move at `max(learning_rate, 1/n)` for the
    /// n-th feedback, so they are plain averages until there is enough history for the
    /// EMA to take over (at 0.05, from the 20th), rather than crawling from a made-up
    /// starting value.
    pub fn learn(&mut self, feedback: &Feedback) -> LearningSignals {
        let signals = extract_learning_signals(feedback);
        let lr = self.learning_rate.clamp(0.0, 1.0);
        let toward = |current: f64, up: Option<f64>, down: Option<f64>| {
            let mut value = current;
            if let Some(s) = up {
                value = ema(value, 10.0, lr * s);
            }
            if let Some(s) = down {
                value = ema(value, 1.0, lr * s);
            }
            value
        };
        self.preferred_intensity = toward(
            self.preferred_intensity,
            signals.intensity_increase,
            signals.intensity_decrease,
        );
        self.volume_tolerance = toward(
            self.volume_tolerance,
            signals.volume_increase,
            signals.volume_decrease,
        );
        self.form_focus = toward(self.form_focus, signals.form_emphasis, None);

        self.total_interactions = self.total_interactions.saturating_add(1);
        let rate = lr.max(1.0 / f64::from(self.total_interactions));
        let is = |r: Response| if feedback.response == r { 1.0 } else { 0.0 };
        self.acceptance_rate = ema(self.acceptance_rate, is(Response::Accepted), rate);
        self.modification_frequency =
            ema(self.modification_frequency, is(Response::Modified), rate);
        self.skip_rate = ema(self.skip_rate, is(Response::Skipped), rate);
        if let Some(e) = rating(feedback.effectiveness) {
            self.effectiveness = Some(self.effectiveness.map_or(e, |cur| ema(cur, e, rate)));
        }
        if let Some(rest) = feedback.rest_seconds {
            let learnt = ema(f64::from(self.rest_time_preference), f64::from(rest), lr);
            // Between two u32 values, so the conversion is exact after rounding.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let learnt = learnt.round() as u32;
            self.rest_time_preference = learnt;
        }
        if let Some(time) = feedback.time_of_day {
            if feedback.response == Response::Accepted && !self.preferred_times.contains(&time) {
                self.preferred_times.push(time);
                self.preferred_times.sort_unstable();
            }
        }
        self.recent.push(feedback.response);
        if self.recent.len() > RECENT_RESPONSES {
            self.recent.remove(0);
        }
        signals
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feedback(
        difficulty: Option<f64>,
        exertion: Option<f64>,
        times: Option<(u32, u32)>,
        form: Option<f64>,
    ) -> Feedback {
        Feedback {
            difficulty,
            perceived_exertion: exertion,
            completion_seconds: times.map(|t| t.0),
            expected_seconds: times.map(|t| t.1),
            form_quality: form,
            ..Feedback::new(Response::Accepted)
        }
    }

    #[test]
    fn every_learning_signal_from_its_feedback() {
        let none = LearningSignals::default();
        let rows: &[(&str, Feedback, LearningSignals)] = &[
            ("nothing rated", feedback(None, None, None, None), none),
            (
                "difficulty 4: easy",
                feedback(Some(4.0), None, None, None),
                LearningSignals {
                    intensity_increase: Some(1.0),
                    ..none
                },
            ),
            (
                "difficulty 5: in the band",
                feedback(Some(5.0), None, None, None),
                none,
            ),
            (
                "difficulty 8: in the band",
                feedback(Some(8.0), None, None, None),
                none,
            ),
            (
                "difficulty 9: hard",
                feedback(Some(9.0), None, None, None),
                LearningSignals {
                    intensity_decrease: Some(1.0),
                    ..none
                },
            ),
            (
                "difficulty 0: not a rating",
                feedback(Some(0.0), None, None, None),
                none,
            ),
            (
                "exertion 5, done early",
                feedback(None, Some(5.0), Some((500, 600)), None),
                LearningSignals {
                    volume_increase: Some(0.8),
                    ..none
                },
            ),
            (
                "exertion 5, done late",
                feedback(None, Some(5.0), Some((700, 600)), None),
                none,
            ),
            (
                "exertion 5, no times",
                feedback(None, Some(5.0), None, None),
                none,
            ),
            (
                "exertion 6, done early",
                feedback(None, Some(6.0), Some((500, 600)), None),
                none,
            ),
            (
                "exertion 9",
                feedback(None, Some(9.0), None, None),
                LearningSignals {
                    volume_decrease: Some(0.8),
                    ..none
                },
            ),
            (
                "form 6",
                feedback(None, None, None, Some(6.0)),
                LearningSignals {
                    form_emphasis: Some(1.0),
                    ..none
                },
            ),
            ("form 7", feedback(None, None, None, Some(7.0)), none),
            (
                "all at once",
                feedback(Some(3.0), Some(4.0), Some((1, 2)), Some(2.0)),
                LearningSignals {
                    intensity_increase: Some(1.0),
                    volume_increase: Some(0.8),
                    form_emphasis: Some(1.0),
                    ..none
                },
            ),
        ];
        for (name, feedback, expected) in rows {
            assert_eq!(extract_learning_signals(feedback), *expected, "{name}");
        }
    }

    #[test]
    fn each_signal_moves_its_preference_by_the_ema() {
        // (feedback, which preference, expected value after one update from 5)
        type Pick = fn(&PreferenceProfile) -> f64;
        let rows: &[(Feedback, Pick, f64)] = &[
            (
                feedback(Some(3.0), None, None, None),
                |p| p.preferred_intensity,
                5.25,
            ),
            (
                feedback(Some(10.0), None, None, None),
                |p| p.preferred_intensity,
                4.8,
            ),
            (
                feedback(None, Some(5.0), Some((1, 2)), None),
                |p| p.volume_tolerance,
                5.2,
            ),
            (
                feedback(None, Some(10.0), None, None),
                |p| p.volume_tolerance,
                4.84,
            ),
            (
                feedback(None, None, None, Some(4.0)),
                |p| p.form_focus,
                5.25,
            ),
            (
                feedback(Some(6.0), Some(7.0), None, Some(9.0)),
                |p| p.preferred_intensity,
                5.0,
            ),
        ];
        for (feedback, pick, expected) in rows {
            let mut profile = PreferenceProfile::default();
            profile.learn(feedback);
            assert!(
                (pick(&profile) - expected).abs() < 1e-9,
                "{feedback:?}: {}",
                pick(&profile)
            );
        }
    }

    #[test]
    fn responses_are_averaged_then_smoothed() {
        let mut profile = PreferenceProfile::default();
        for response in [
            Response::Accepted,
            Response::Skipped,
            Response::Accepted,
            Response::Modified,
        ] {
            profile.learn(&Feedback::new(response));
        }
        assert!((profile.acceptance_rate - 0.5).abs() < 1e-9);
        assert!((profile.skip_rate - 0.25).abs() < 1e-9);
        assert!((profile.modification_frequency - 0.25).abs() < 1e-9);
        assert_eq!(profile.total_interactions, 4);
        for _ in 0..40 {
            profile.learn(&Feedback::new(Response::Accepted));
        }
        assert!(profile.acceptance_rate > 0.85 && profile.acceptance_rate < 1.0);
        assert_eq!(profile.recent.len(), RECENT_RESPONSES);
    }

    #[test]
    fn effectiveness_rest_and_times_are_learnt() {
        let mut profile = PreferenceProfile::default();
        let first = Feedback {
            effectiveness: Some(8.0),
            rest_seconds: Some(190),
            time_of_day: Some(TimeOfDay::Evening),
            ..Feedback::new(Response::Accepted)
        };
        profile.learn(&first);
        assert_eq!(profile.effectiveness, Some(8.0));
        assert_eq!(profile.rest_time_preference, 95);
        assert_eq!(profile.preferred_times, [TimeOfDay::Evening]);
        let skipped = Feedback {
            effectiveness: Some(4.0),
            time_of_day: Some(TimeOfDay::Morning),
            ..Feedback::new(Response::Skipped)
        };
        profile.learn(&skipped);
        assert_eq!(profile.effectiveness, Some(6.0));
        assert_eq!(profile.preferred_times, [TimeOfDay::Evening]);
    }

    #[test]
    fn the_profile_round_trips_and_old_stores_fill_defaults() {
        let mut profile = PreferenceProfile::default();
        profile.learn(&feedback(Some(3.0), None, None, Some(5.0)));
        let json = serde_json::to_string(&profile).expect("serialises");
        let back: PreferenceProfile = serde_json::from_str(&json).expect("reads");
        assert_eq!(back, profile);
        let sparse: PreferenceProfile =
            serde_json::from_str(r#"{"acceptance_rate": 0.9}"#).expect("reads");
        assert_eq!(sparse.acceptance_rate, 0.9);
        assert_eq!(sparse.learning_rate, LEARNING_RATE);
    }
}
