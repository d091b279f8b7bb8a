//! No cascade and no hiding: one issue per bad value, independent subtrees, and issues in
//! document order.

use crate::common::{
    DAY, PRESCRIBED, PROGRAM, RULE, SET, WEEK, assert_issues, assert_issues_in, at, check,
    check_text, doc_with, prescribed, program, remove, set, week,
};
use crate::support::{doc_rule, doc_unit};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// No cascade, no hiding, document order

#[test]
fn a_value_of_the_wrong_type_is_one_issue() {
    for (path, value) in [
        (at(PRESCRIBED, "sets"), json!("x")),
        (at(PRESCRIBED, "sets"), json!(0)),
        (at(PROGRAM, "weeks"), json!({})),
        (at(PROGRAM, "weeks"), json!("")),
        (at(WEEK, "days"), json!(null)),
        (
            at(DAY, "exercises"),
            json!({ "0": prescribed("Back Squat", 1) }),
        ),
        ("/programs".to_owned(), json!("Block")),
        ("/exercises".to_owned(), json!({ "name": "Back Squat" })),
        (at(PROGRAM, "name"), json!({ "name": "" })),
        (at(SET, "reps"), json!([5, 5, 5])),
        (at(DAY, "number"), json!("0")),
    ] {
        let case = format!("{path} = {value}");
        assert_issues_in(
            &case,
            &check(&doc_with(&path, value)),
            &[(&path, "invalid_type")],
        );
    }
}

#[test]
fn a_weight_of_the_wrong_type_requires_no_unit_and_conflicts_with_nothing() {
    // No further rule is checked for a value of the wrong type: not the unit it would need,
    // not the percent_tm it would exclude.
    let path = at(SET, "weight");
    for value in [json!(null), json!("100"), json!([100])] {
        let case = format!("weight {value}");
        let d = doc_with(&path, value.clone());
        assert_issues_in(&case, &check(&d), &[(&path, "invalid_type")]);
        let mut d = doc_unit();
        set(
            &mut d,
            SET,
            json!({ "reps": 5, "percent_tm": 70, "weight": value }),
        );
        assert_issues_in(&case, &check(&d), &[(&path, "invalid_type")]);
    }
}

#[test]
fn an_increment_of_the_wrong_type_requires_no_unit() {
    let mut d = doc_rule();
    remove(&mut d, &at(PROGRAM, "unit"));
    set(&mut d, &at(RULE, "increment"), json!("5"));
    assert_issues(&check(&d), &[(&at(RULE, "increment"), "invalid_type")]);
}

#[test]
fn a_deload_member_of_the_wrong_type_conflicts_with_nothing() {
    for (member, value) in [
        ("deload_after_failures", json!(null)),
        ("deload_after_failures", json!("3")),
        ("deload_percent", json!(null)),
        ("deload_percent", json!({})),
    ] {
        let path = at(RULE, member);
        let mut d = doc_rule();
        set(&mut d, &path, value.clone());
        assert_issues_in(
            &format!("{member} {value}"),
            &check(&d),
            &[(&path, "invalid_type")],
        );
    }
}

#[test]
fn a_weeks_array_of_the_wrong_type_does_not_conflict_with_is_loop() {
    let mut d = doc_with(&at(PROGRAM, "weeks"), json!({ "number": 1 }));
    set(&mut d, &at(PROGRAM, "is_loop"), json!(true));
    assert_issues(&check(&d), &[(&at(PROGRAM, "weeks"), "invalid_type")]);
}

#[test]
fn a_structural_error_in_one_program_does_not_hide_issues_in_another() {
    let mut second = program("Second");
    set(
        &mut second,
        "/weeks/0/days/0/exercises/0/sets/0/rpe",
        json!(7.3),
    );
    let rpe = "/programs/1/weeks/0/days/0/exercises/0/sets/0/rpe";
    for (first, path) in [
        (json!("oops"), "/programs/0"),
        (json!([[[]]]), "/programs/0"),
        (
            json!({ "name": "First", "weeks": "x" }),
            "/programs/0/weeks",
        ),
        (
            json!({ "name": "First", "weeks": [{ "days": {} }] }),
            "/programs/0/weeks/0/days",
        ),
    ] {
        let d = doc_with("/programs", json!([first.clone(), second.clone()]));
        let expected: &[(&str, &str)] = if path.ends_with("days") {
            &[
                ("/programs/0/weeks/0/number", "required"),
                (path, "invalid_type"),
                (rpe, "not_multiple"),
            ]
        } else {
            &[(path, "invalid_type"), (rpe, "not_multiple")]
        };
        assert_issues_in(&first.to_string(), &check(&d), expected);
    }
}

#[test]
fn a_broken_exercise_does_not_hide_issues_in_others() {
    let d = doc_with(
        "/exercises",
        json!([{ "name": "Back Squat" }, 7, { "name": "Row" }, { "name": "row" }]),
    );
    assert_issues(
        &check(&d),
        &[
            ("/exercises/1", "invalid_type"),
            ("/exercises/3/name", "duplicate"),
        ],
    );
}

#[test]
fn a_week_of_the_wrong_type_keeps_the_numbering_of_the_next() {
    let d = doc_with(&at(PROGRAM, "weeks"), json!(["x", week(2), week(3)]));
    assert_issues(&check(&d), &[(&at(PROGRAM, "weeks/0"), "invalid_type")]);
    let mut d = doc_with(&at(PROGRAM, "weeks"), json!([week(1), week(2)]));
    set(&mut d, &at(WEEK, "number"), json!("1"));
    assert_issues(&check(&d), &[(&at(WEEK, "number"), "invalid_type")]);
}

/// A document whose issues are found in a different order from the document's: a missing
/// member (found when its object ends), a conflict (found when the set ends), an unresolved
/// exercise (found when the document ends, since `exercises` comes after `programs`), and a
/// rule checked when its program ends.
pub(crate) const ORDER_TEXT: &str = r#"{"catalog_version": 1,
 "programs": [
  {"weeks": [{"number": 1, "days": [{"number": 1, "exercises": [
      {"exercise": "Rows", "sort_order": 1,
       "sets": [{"reps": 5, "percent_tm": 70, "weight": 100}]},
      {"exercise": "Squat", "sort_order": 1,
       "sets": [{"reps": 5, "rpe": 7.3}, {"percent_tm": 70}]}]}]}],
   "progression_rules": [{"exercise": "Row", "increment": 5, "every": "week"}],
   "unit": "lb",
   "bogus": 1},
  {"name": "P2", "weeks": "x"}],
 "exercises": [{"name": "Squat"}, {"name": "Row"}],
 "extra": true}"#;

const ORDER_ISSUES: [(&str, &str); 10] = [
    ("/programs/0/name", "required"),
    (
        "/programs/0/weeks/0/days/0/exercises/0/exercise",
        "unknown_exercise",
    ),
    (
        "/programs/0/weeks/0/days/0/exercises/0/sets/0/weight",
        "conflict",
    ),
    (
        "/programs/0/weeks/0/days/0/exercises/1/sort_order",
        "duplicate",
    ),
    (
        "/programs/0/weeks/0/days/0/exercises/1/sets/0/rpe",
        "not_multiple",
    ),
    (
        "/programs/0/weeks/0/days/0/exercises/1/sets/1/reps",
        "required",
    ),
    (
        "/programs/0/progression_rules/0/exercise",
        "unknown_exercise",
    ),
    ("/programs/0/bogus", "unknown_field"),
    ("/programs/1/weeks", "invalid_type"),
    ("/extra", "unknown_field"),
];

#[test]
fn issues_come_out_in_document_order() {
    assert_issues(&check_text(ORDER_TEXT), &ORDER_ISSUES);
}

#[test]
fn issues_come_out_in_document_order_from_a_value_too() {
    // A `Value` keeps its members in text order with serde_json's `preserve_order` feature,
    // sorted by name without it; either way the value's order is its document order, and
    // the text that serialises it gives the same issues (`check` asserts that).
    let value: Value = serde_json::from_str(ORDER_TEXT).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let validation = check(&value);
    if keys == ["catalog_version", "programs", "exercises", "extra"] {
        assert_issues(&validation, &ORDER_ISSUES);
    } else {
        assert_eq!(keys, ["catalog_version", "exercises", "extra", "programs"]);
        assert_issues(
            &validation,
            &[
                ("/extra", "unknown_field"),
                ("/programs/0/name", "required"),
                ("/programs/0/bogus", "unknown_field"),
                (
                    "/programs/0/progression_rules/0/exercise",
                    "unknown_exercise",
                ),
                (
                    "/programs/0/weeks/0/days/0/exercises/0/exercise",
                    "unknown_exercise",
                ),
                (
                    "/programs/0/weeks/0/days/0/exercises/0/sets/0/weight",
                    "conflict",
                ),
                (
                    "/programs/0/weeks/0/days/0/exercises/1/sets/0/rpe",
                    "not_multiple",
                ),
                (
                    "/programs/0/weeks/0/days/0/exercises/1/sets/1/reps",
                    "required",
                ),
                (
                    "/programs/0/weeks/0/days/0/exercises/1/sort_order",
                    "duplicate",
                ),
                ("/programs/1/weeks", "invalid_type"),
            ],
        );
    }
}
