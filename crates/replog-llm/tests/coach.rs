//! The LLM recommender (reference/004) end to end against a loopback wiremock server
//! speaking the OpenAI protocol: the model's suggestion goes through the core's safety
//! clamps, and a server that keeps failing, or an answer that is not the schema's, falls
//! back to the rules with the failure recorded.

mod common;

use common::{openai_completion, openai_provider};
use replog_core::coach::{
    CoachInput, Factor, Prescription, RecommendationKind, SafetyLimits, SafetyRule, SessionSignals,
    SetFeedback, Source, rules,
};
use replog_core::schema::{Dialect, schema_for};
use replog_llm::coach::{ModelSuggestion, SUGGESTION_SCHEMA, recommend};
use replog_llm::provider::ErrorKind;
use replog_llm::provider::mock::MockProvider;
use replog_llm::structured::StructuredError;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A 15-year-old's squat, 3 x 5 at 100 with 90 s rest, after an easy first set.
fn input() -> CoachInput {
    let mut input = CoachInput::new("Back Squat", Prescription::new(3, 5, Some(100.0), Some(90)));
    input.limits = SafetyLimits::for_age(Some(15));
    input.current_set = 2;
    input.signals = SessionSignals {
        energy: Some(8.0),
        last_sets: vec![SetFeedback {
            reps: 5,
            weight: Some(100.0),
            rpe: Some(6.0),
            form: Some(9.0),
        }],
        ..SessionSignals::default()
    };
    input
}

/// An aggressive answer: +50 % load, five sets, 10 s rest, and an alternative of singles.
fn aggressive() -> String {
    json!({
        "kind": "increase_weight",
        "sets": 5,
        "reps": 5,
        "weight": 150,
        "rest_seconds": 10,
        "substitute": null,
        "reasoning": "RPE 6 leaves a lot in the tank.",
        "expected_outcome": "A big jump.",
        "alternatives": [
            {"kind": "adjust_reps", "sets": 3, "reps": 1, "weight": 100, "rest_seconds": 90, "note": "Singles."}
        ]
    })
    .to_string()
}

#[tokio::test]
async fn the_models_suggestion_is_clamped_by_the_core() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .respond_with(openai_completion(&aggressive()))
        .expect(1)
        .mount(&server)
        .await;
    let answer = recommend(&openai_provider(&server), &input()).await;
    assert!(answer.fallback.is_none(), "{:?}", answer.fallback);
    let r = &answer.recommendation;
    assert_eq!(r.kind, RecommendationKind::IncreaseWeight);
    // Youth limits: +5 % load, 60 s rest, +10 % volume (1650 of 1500: 3 x 5 x 105 = 1575).
    assert_eq!(r.suggested, Prescription::new(3, 5, Some(105.0), Some(60)));
    assert_eq!(
        r.clamps(),
        [
            SafetyRule::MaxWeightIncrease,
            SafetyRule::MinRest,
            SafetyRule::MaxVolumeIncrease,
            SafetyRule::MinRepRetention,
        ]
    );
    assert_eq!(r.alternatives[0].prescription.reps, 4);
    assert_eq!(
        r.source,
        Source::Model {
            provider: "openai".into(),
            model: "gpt-4o-mini-2024-07-18".into()
        }
    );
    assert_eq!(r.reasoning, "RPE 6 leaves a lot in the tank.");
    assert_eq!(answer.usage.total(), 960); // the recorded 900 in + 60 out

    let requests = server.received_requests().await.expect("recorded");
    let body: Value = requests[0].body_json().expect("JSON body");
    let format = &body["response_format"]["json_schema"];
    assert_eq!(format["name"], SUGGESTION_SCHEMA);
    assert_eq!(format["strict"], true);
    assert_eq!(
        format["schema"],
        schema_for::<ModelSuggestion>(Dialect::OpenAiStrict).expect("strict")
    );
    // The model is told the limits it will be held to and the athlete's last sets.
    let user = body["messages"][1]["content"].as_str().expect("text");
    assert!(user.contains(r#""max_weight_increase":0.05"#), "{user}");
    assert!(user.contains(r#""rpe":6.0"#), "{user}");
}

#[tokio::test]
async fn server_errors_until_the_retries_run_out_fall_back_to_the_rules() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(503).set_body_json(json!({"error": {"message": "overloaded"}})),
        )
        .mount(&server)
        .await;
    let answer = recommend(&openai_provider(&server), &input()).await;
    let Some(StructuredError::Provider(error)) = &answer.fallback else {
        panic!("a provider failure: {:?}", answer.fallback)
    };
    assert_eq!(error.kind(), &ErrorKind::Server);
    assert_eq!(server.received_requests().await.expect("recorded").len(), 4);
    let r = &answer.recommendation;
    assert_eq!(r.source, Source::Rules);
    assert!(
        matches!(&r.factors[0], Factor::Fallback { message } if message.contains("overloaded") || message.contains("503")),
        "{:?}",
        r.factors
    );
    // Apart from the recorded fallback, it is the rules' recommendation.
    let mut rules_only = rules::recommend(&input());
    rules_only.factors.insert(0, r.factors[0].clone());
    assert_eq!(*r, rules_only);
    assert_eq!(r.kind, RecommendationKind::IncreaseWeight);
    assert!(r.suggested.weight.is_some_and(|w| w <= 105.0));
}

#[tokio::test]
async fn an_answer_outside_the_schema_falls_back_to_the_rules() {
    for text in [
        "Add 20 lb.".to_owned(),
        json!({"kind": "yolo", "sets": 3, "reps": 5}).to_string(),
        aggressive().replace("\"sets\":5", "\"sets\":-5"),
    ] {
        let mock = MockProvider::new();
        mock.push_text(text.clone());
        let answer = recommend(&mock, &input()).await;
        assert!(
            matches!(answer.fallback, Some(StructuredError::Malformed { .. })),
            "{text}: {:?}",
            answer.fallback
        );
        assert_eq!(answer.recommendation.source, Source::Rules);
        assert!(matches!(
            answer.recommendation.factors[0],
            Factor::Fallback { .. }
        ));
    }
}
