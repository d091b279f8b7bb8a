//! Closed value sets and patterns: `invalid_enum`, `invalid_format` and `not_multiple`.

use crate::common::{
    PRESCRIBED, PROGRAM, RULE, SET, assert_issues_in, assert_valid, at, check, doc_with,
    only_message, set,
};
use crate::support::doc_rule;
use serde_json::json;

// ---------------------------------------------------------------------------------------
// invalid_enum

#[test]
fn invalid_enum_lists_the_allowed_values() {
    let table: [(String, &str, &[&str]); 6] = [
        (
            "/exercises/0/tier".to_owned(),
            "elite",
            &["foundational", "intermediate", "sport_performance"],
        ),
        (
            "/exercises/0/category".to_owned(),
            "cardio",
            &[
                "strength",
                "power",
                "olympic",
                "plyometric",
                "conditioning",
                "mobility",
                "carry",
                "core",
            ],
        ),
        (at(PROGRAM, "unit"), "lbs", &["lb", "kg"]),
        (
            at(SET, "rep_type"),
            "time",
            &["reps", "each_side", "seconds", "distance"],
        ),
        (at(RULE, "every"), "month", &["session", "week", "cycle"]),
        (at(RULE, "applies_to"), "tm", &["training_max", "weight"]),
    ];
    for (path, bad, allowed) in table {
        let mut d = doc_rule();
        set(&mut d, &path, json!(bad));
        let validation = check(&d);
        assert_issues_in(&path, &validation, &[(&path, "invalid_enum")]);
        let message = &validation.issues()[0].message;
        for name in allowed {
            assert!(
                message.contains(&format!("\"{name}\"")),
                "{path}: {message}"
            );
        }
        assert!(message.contains(bad), "{message}");
    }
}

#[test]
fn enums_are_exact_and_case_sensitive() {
    for bad in ["LB", "Kg", " kg", "kg ", ""] {
        let path = at(PROGRAM, "unit");
        assert_issues_in(
            bad,
            &check(&doc_with(&path, json!(bad))),
            &[(&path, "invalid_enum")],
        );
    }
    for good in ["lb", "kg"] {
        assert_valid(&check(&doc_with(&at(PROGRAM, "unit"), json!(good))));
    }
}

// ---------------------------------------------------------------------------------------
// invalid_format

#[test]
fn equipment_and_muscles_match_the_token_pattern() {
    for field in ["equipment", "muscles"] {
        let path = format!("/exercises/0/{field}");
        let item = format!("{path}/1");
        assert_valid(&check(&doc_with(&path, json!(["pull_up_bar", "a1", "x"]))));
        for bad in [
            "Barbell",
            "pull-up bar",
            "1rm",
            "_band",
            "",
            "barbell ",
            "kettlebell!",
            "é",
        ] {
            let validation = check(&doc_with(&path, json!(["ok", bad])));
            assert_issues_in(
                &format!("{field} {bad:?}"),
                &validation,
                &[(&item, "invalid_format")],
            );
        }
    }
}

#[test]
fn superset_is_one_capital_letter() {
    let path = at(PRESCRIBED, "superset");
    for good in ["A", "Z"] {
        let validation = check(&doc_with(&path, json!(good)));
        assert_valid(&validation);
    }
    for bad in ["a", "AB", "", "1", " A", "Á"] {
        assert_issues_in(
            bad,
            &check(&doc_with(&path, json!(bad))),
            &[(&path, "invalid_format")],
        );
    }
}

// ---------------------------------------------------------------------------------------
// not_multiple

#[test]
fn rpe_off_the_half_step_is_not_multiple() {
    let path = at(SET, "rpe");
    let message = only_message(&check(&doc_with(&path, json!(7.3))), &path, "not_multiple");
    assert_eq!(message, "rpe must be a multiple of 0.5, got 7.3");
    for bad in [7.25, 9.9, 1.1] {
        assert_issues_in(
            &bad.to_string(),
            &check(&doc_with(&path, json!(bad))),
            &[(&path, "not_multiple")],
        );
    }
}

#[test]
fn rpe_on_the_half_step_is_valid() {
    for good in [
        json!(1),
        json!(6.5),
        json!(7.5),
        json!(8),
        json!(9.5),
        json!(10),
    ] {
        let validation = check(&doc_with(&at(SET, "rpe"), good.clone()));
        assert_issues_in(&good.to_string(), &validation, &[]);
    }
}
