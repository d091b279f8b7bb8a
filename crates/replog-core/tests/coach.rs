//! Coaching recommendations (reference/004) through the public API: the rule-based
//! recommender on each situation, the clamps on any suggestion (a reckless one included),
//! limits by the athlete's age from the context, learning, and insights.

mod common;

use common::{day, free, set_rpe};
use replog_core::coach::{
    CoachInput, Factor, Feedback, PreferenceProfile, Prescription, RecommendationKind as Kind,
    Response, Risk, SafetyLimits, SafetyRule, SessionSignals, SetFeedback, Source, Suggestion,
    TimeOfDay, insights, rules,
};
use replog_core::context::{ContextOptions, Trend, build_context};
use replog_core::{Date, Logbook};

fn plan() -> Prescription {
    Prescription::new(3, 5, Some(100.0), Some(120))
}

fn last(reps: u32, rpe: f64, form: f64) -> SetFeedback {
    SetFeedback {
        reps,
        weight: Some(100.0),
        rpe: Some(rpe),
        form: Some(form),
    }
}

fn input(signals: SessionSignals) -> CoachInput {
    let mut input = CoachInput::new("Back Squat", plan());
    input.current_set = 2;
    input.signals = signals;
    input
}

#[test]
fn the_rules_answer_each_situation() {
    let with_sets = |sets: Vec<SetFeedback>| SessionSignals {
        last_sets: sets,
        ..SessionSignals::default()
    };
    let rows: Vec<(&str, CoachInput, Kind, Prescription)> = vec![
        (
            "missing equipment: change exercise",
            {
                let mut i = input(SessionSignals {
                    equipment: Some(vec!["dumbbells".into()]),
                    ..SessionSignals::default()
                });
                i.equipment_needed = vec!["barbell".into(), "squat_rack".into()];
                i.substitutes = vec!["Goblet Squat".into()];
                i
            },
            Kind::ChangeExercise,
            plan(),
        ),
        (
            "form 5: form focus, 10 % off",
            input(with_sets(vec![last(5, 7.0, 5.0)])),
            Kind::SuggestFormFocus,
            Prescription::new(3, 5, Some(90.0), Some(120)),
        ),
        (
            "fatigue 9: less load, more rest",
            input(SessionSignals {
                fatigue: Some(9.0),
                ..SessionSignals::default()
            }),
            Kind::DecreaseWeight,
            Prescription::new(3, 5, Some(90.0), Some(150)),
        ),
        (
            "first set in the morning: warm up",
            {
                let mut i = input(SessionSignals {
                    time_of_day: Some(TimeOfDay::Morning),
                    ..SessionSignals::default()
                });
                i.current_set = 1;
                i
            },
            Kind::AddWarmup,
            plan(),
        ),
        (
            "5 minutes left: shorter rest",
            input(SessionSignals {
                time_available_minutes: Some(5),
                ..SessionSignals::default()
            }),
            Kind::ModifyRest,
            Prescription::new(3, 5, Some(100.0), Some(60)),
        ),
        (
            "easy sets: more load",
            input(with_sets(vec![last(5, 6.0, 9.0), last(5, 6.5, 9.0)])),
            Kind::IncreaseWeight,
            // 2.5 % to 7.5 % by the progression preference (5 of 10: 4.7 %), to 0.5.
            Prescription::new(3, 5, Some(104.5), Some(120)),
        ),
        (
            "easy sets but no motivation: keep the plan",
            input(SessionSignals {
                motivation: Some(2.0),
                ..with_sets(vec![last(5, 6.0, 9.0)])
            }),
            Kind::KeepPlan,
            plan(),
        ),
        (
            "missed reps at RPE 10: less load",
            input(with_sets(vec![last(3, 10.0, 8.0)])),
            Kind::DecreaseWeight,
            Prescription::new(3, 5, Some(95.0), Some(120)),
        ),
        (
            "missed reps at RPE 8: a rep fewer",
            input(with_sets(vec![last(4, 8.0, 8.0)])),
            Kind::AdjustReps,
            Prescription::new(3, 4, Some(100.0), Some(120)),
        ),
        (
            "RPE 9: more rest",
            input(with_sets(vec![last(5, 9.0, 8.0)])),
            Kind::ModifyRest,
            Prescription::new(3, 5, Some(100.0), Some(150)),
        ),
        (
            "RPE 8: keep the plan",
            input(with_sets(vec![last(5, 8.0, 8.0)])),
            Kind::KeepPlan,
            plan(),
        ),
    ];
    for (name, input, kind, suggested) in rows {
        let recommendation = rules::recommend(&input);
        assert_eq!(recommendation.kind, kind, "{name}: {recommendation:?}");
        assert_eq!(recommendation.suggested, suggested, "{name}");
        assert_eq!(recommendation.source, Source::Rules);
        assert!(
            (0.3..=1.0).contains(&recommendation.confidence),
            "{name}: {}",
            recommendation.confidence
        );
        assert!(
            !recommendation.reasoning.is_empty() && !recommendation.expected_outcome.is_empty()
        );
    }
}

#[test]
fn a_reckless_suggestion_is_clamped_recorded_and_rated() {
    let input = input(SessionSignals {
        last_sets: vec![last(5, 6.0, 8.0)],
        ..SessionSignals::default()
    });
    let reckless = Suggestion {
        kind: Kind::IncreaseWeight,
        prescription: Prescription::new(5, 2, Some(150.0), Some(0)),
        substitute: None,
        reasoning: "Go big.".into(),
        expected_outcome: "A PR.".into(),
        signals: vec!["the model's reading".into()],
        alternatives: vec![replog_core::coach::Alternative {
            kind: Kind::AdjustReps,
            prescription: Prescription::new(3, 1, Some(100.0), Some(120)),
            note: "Singles.".into(),
        }],
    };
    let source = Source::Model {
        provider: "openai".into(),
        model: "m".into(),
    };
    let recommendation = input.finish(reckless, source.clone());
    // 150 -> 110 (+10 %), 2 -> 4 reps (80 % of 5), 0 -> 30 s rest, and 5 x 4 x 110 = 2200
    // over the 1725 allowed: the extra sets go.
    assert_eq!(
        recommendation.suggested,
        Prescription::new(3, 4, Some(110.0), Some(30))
    );
    assert_eq!(
        recommendation.clamps(),
        [
            SafetyRule::MaxWeightIncrease,
            SafetyRule::MinRepRetention,
            SafetyRule::MinRest,
            SafetyRule::MaxVolumeIncrease,
            SafetyRule::MinRepRetention,
        ]
    );
    assert_eq!(recommendation.alternatives[0].prescription.reps, 4);
    assert_eq!(recommendation.risk, Risk::High);
    assert!(
        matches!(&recommendation.factors[0], Factor::Signal { message } if message == "the model's reading")
    );
    // Four clamps on the suggestion cost 0.05 each from the model's 0.8.
    assert_eq!(recommendation.confidence, 0.6);
    assert_eq!(recommendation.source, source);
}

#[test]
fn the_athletes_age_in_the_context_picks_the_limits() {
    let mut logbook = Logbook::new("Tommy");
    logbook.athlete.birth_date = Some(day("2011-05-02"));
    logbook.workouts = vec![free(
        "2026-04-10",
        vec![set_rpe("Back Squat", 1, 5, 100.0, 7.0)],
    )];
    let context = build_context(&logbook, &ContextOptions::default());
    assert_eq!(context.athlete.age, Some(14));
    let youth = CoachInput::from_context(&context, "Back Squat", plan());
    assert_eq!(youth.limits, SafetyLimits::youth());
    assert_eq!(youth.stats.as_ref().map(|s| s.sessions), Some(1));

    let mut adult_book = logbook.clone();
    adult_book.athlete.birth_date = Some(day("1990-01-01"));
    let adult = CoachInput::from_context(
        &build_context(&adult_book, &ContextOptions::default()),
        "Back Squat",
        plan(),
    );
    assert_eq!(adult.limits, SafetyLimits::default());

    // The same easy sets: the teenager gets at most +5 %, the adult at most +10 %.
    let easy = SessionSignals {
        last_sets: vec![last(5, 5.0, 9.0)],
        ..SessionSignals::default()
    };
    let profile = PreferenceProfile {
        progression_rate: 10.0,
        ..PreferenceProfile::default()
    };
    for (mut input, cap) in [(youth, 105.0), (adult, 107.5)] {
        input.signals = easy.clone();
        input.profile = profile.clone();
        let recommendation = rules::recommend(&input);
        assert_eq!(recommendation.kind, Kind::IncreaseWeight);
        assert_eq!(
            recommendation.suggested.weight,
            Some(cap),
            "{:?}",
            input.limits
        );
    }
}

#[test]
fn learning_from_feedback_shows_in_confidence_and_insights() {
    let mut profile = PreferenceProfile::default();
    let before = rules::recommend(&CoachInput {
        profile: profile.clone(),
        ..input(SessionSignals::default())
    })
    .confidence;
    for _ in 0..6 {
        profile.learn(&Feedback {
            difficulty: Some(3.0),
            form_quality: Some(5.0),
            time_of_day: Some(TimeOfDay::Evening),
            ..Feedback::new(Response::Accepted)
        });
    }
    let evening = SessionSignals {
        time_of_day: Some(TimeOfDay::Evening),
        ..SessionSignals::default()
    };
    let after = rules::recommend(&CoachInput {
        profile: profile.clone(),
        ..input(evening)
    })
    .confidence;
    assert!(after > before, "{before} -> {after}");
    assert!(profile.preferred_intensity > 5.0 && profile.form_focus > 5.0);

    let json = serde_json::to_string(&profile).expect("serialises");
    assert_eq!(
        serde_json::from_str::<PreferenceProfile>(&json).expect("reads"),
        profile
    );

    let report = insights(&profile, None);
    assert_eq!(report.acceptance_rate, 1.0);
    assert_eq!(report.acceptance_trend, Trend::Stable);
    assert_eq!(report.consistency_score, Some(1.0));
    assert!(
        report
            .strong_areas
            .contains(&"follows the recommendations".to_owned())
    );
}

#[test]
fn insights_find_weak_and_strong_lifts_in_the_context() {
    let mut logbook = Logbook::new("Sam");
    // Ten weekly sessions: the squat's load climbs (volume rising), the bench stays at 80
    // while its RPE climbs (effort rising, volume flat).
    let dates = [
        "2026-02-02",
        "2026-02-09",
        "2026-02-16",
        "2026-02-23",
        "2026-03-02",
        "2026-03-09",
        "2026-03-16",
        "2026-03-23",
        "2026-03-30",
        "2026-04-06",
    ];
    for (i, date) in dates.iter().enumerate() {
        let step = f64::from(u32::try_from(i).expect("small"));
        logbook.workouts.push(free(
            date,
            vec![
                set_rpe("Back Squat", 1, 5, 100.0 + 5.0 * step, 7.0),
                set_rpe("Bench Press", 1, 5, 80.0, 5.0 + 0.5 * step),
            ],
        ));
    }
    let as_of: Date = day("2026-04-12");
    let context = build_context(&logbook, &ContextOptions::default().with_as_of(as_of));
    let report = insights(&PreferenceProfile::default(), Some(&context));
    assert!(
        report
            .strong_areas
            .iter()
            .any(|a| a.starts_with("Back Squat")),
        "{report:?}"
    );
    assert!(
        report
            .weak_areas
            .iter()
            .any(|a| a.starts_with("Bench Press: effort rising")),
        "{report:?}"
    );
    assert_eq!(report.next_focus_areas[0], report.weak_areas[0]);
}
