//! Missing members (`required`), including a program's `unit` when a weight or an increment
//! needs one, and members the spec does not define (`unknown_field`).

use crate::common::{
    DAY, PRESCRIBED, PROGRAM, RULE, SET, WEEK, assert_issues, assert_issues_in, assert_valid, at,
    check, doc, doc_with, only_message, program, push, remove, set, week,
};
use crate::support::{doc_rule, doc_unit};
use serde_json::json;

// ---------------------------------------------------------------------------------------
// required

#[test]
fn required_points_at_the_missing_member() {
    for path in [
        "/catalog_version".to_owned(),
        "/exercises/0/name".to_owned(),
        at(PROGRAM, "name"),
        at(PROGRAM, "weeks"),
        at(WEEK, "number"),
        at(WEEK, "days"),
        at(DAY, "number"),
        at(DAY, "exercises"),
        at(PRESCRIBED, "exercise"),
        at(PRESCRIBED, "sort_order"),
        at(PRESCRIBED, "sets"),
        at(SET, "reps"),
    ] {
        let mut d = doc();
        if path == "/exercises/0/name" {
            push(&mut d, "/exercises", json!({ "name": "Back Squat " }));
        }
        remove(&mut d, &path);
        assert_issues_in(&path, &check(&d), &[(&path, "required")]);
    }
    for path in [
        at(RULE, "exercise"),
        at(RULE, "increment"),
        at(RULE, "every"),
    ] {
        let mut d = doc_rule();
        remove(&mut d, &path);
        assert_issues_in(&path, &check(&d), &[(&path, "required")]);
    }
}

#[test]
fn required_message_names_the_member() {
    let mut d = doc();
    remove(&mut d, &at(PROGRAM, "name"));
    let message = only_message(&check(&d), &at(PROGRAM, "name"), "required");
    assert!(message.contains("name"), "{message}");
}

#[test]
fn every_missing_member_of_an_empty_object_is_required() {
    let d = doc_with(SET, json!({}));
    assert_issues(&check(&d), &[(&at(SET, "reps"), "required")]);
    let d = doc_with(PRESCRIBED, json!({}));
    assert_issues(
        &check(&d),
        &[
            (&at(PRESCRIBED, "exercise"), "required"),
            (&at(PRESCRIBED, "sort_order"), "required"),
            (&at(PRESCRIBED, "sets"), "required"),
        ],
    );
    let d = doc_with("/programs/0", json!({}));
    assert_issues(
        &check(&d),
        &[
            (&at(PROGRAM, "name"), "required"),
            (&at(PROGRAM, "weeks"), "required"),
        ],
    );
    assert_issues(&check(&json!({})), &[("/catalog_version", "required")]);
}

#[test]
fn required_string_blank_after_trimming_is_required() {
    for (path, blank) in [
        (at(PROGRAM, "name"), json!("   ")),
        (at(PROGRAM, "name"), json!("")),
        (at(PRESCRIBED, "exercise"), json!(" \t\n")),
        ("/exercises/1/name".to_owned(), json!("\u{3000}")),
    ] {
        let mut d = doc();
        push(&mut d, "/exercises", json!({ "name": "Front Squat" }));
        set(&mut d, &path, blank.clone());
        let case = format!("{path} = {blank}");
        assert_issues_in(&case, &check(&d), &[(&path, "required")]);
    }
    let mut d = doc_rule();
    set(&mut d, &at(RULE, "exercise"), json!("  "));
    assert_issues(&check(&d), &[(&at(RULE, "exercise"), "required")]);
}

// ---------------------------------------------------------------------------------------
// unknown_field

#[test]
fn unknown_field_is_at_the_unknown_member_and_suggests_the_close_name() {
    let path = at(PRESCRIBED, "sets_count");
    let message = only_message(&check(&doc_with(&path, json!(3))), &path, "unknown_field");
    assert!(message.contains("sets_count"), "{message}");
    assert!(message.contains("\"sets\""), "{message}");

    let path = at(SET, "weigth");
    let mut d = doc_unit();
    set(&mut d, &path, json!(100));
    let message = only_message(&check(&d), &path, "unknown_field");
    assert!(message.contains("\"weight\""), "{message}");
}

#[test]
fn unknown_field_in_every_object() {
    for path in [
        "/version".to_owned(),
        "/exercises/0/alias".to_owned(),
        at(PROGRAM, "weeks_count"),
        at(WEEK, "title"),
        at(DAY, "day"),
        at(PRESCRIBED, "reps"),
        at(SET, "sets"),
    ] {
        assert_issues_in(
            &path,
            &check(&doc_with(&path, json!(1))),
            &[(&path, "unknown_field")],
        );
    }
    let mut d = doc_rule();
    set(&mut d, &at(RULE, "percent"), json!(5));
    assert_issues(&check(&d), &[(&at(RULE, "percent"), "unknown_field")]);
}

#[test]
fn unknown_field_value_is_not_checked_and_the_name_is_escaped() {
    // Whatever the value holds, the member is one issue.
    let d = doc_with(
        "/a~1b~0c",
        json!({ "programs": [{ "weeks": "x" }], "rpe": 7.3, "catalog_version": 2 }),
    );
    assert_issues(&check(&d), &[("/a~1b~0c", "unknown_field")]);
}

#[test]
fn member_names_are_case_sensitive() {
    let path = at(PROGRAM, "Name");
    let mut d = doc();
    set(&mut d, &path, json!("Block"));
    assert_issues(&check(&d), &[(&path, "unknown_field")]);
}

// ---------------------------------------------------------------------------------------
// unit

#[test]
fn unit_is_required_when_a_set_has_weight() {
    let d = doc_with(&at(SET, "weight"), json!(100));
    let message = only_message(&check(&d), &at(PROGRAM, "unit"), "required");
    assert!(message.contains("unit"), "{message}");
    let mut d = d;
    set(&mut d, &at(PROGRAM, "unit"), json!("lb"));
    assert_valid(&check(&d));
    // A weight in any week counts.
    let mut d = doc_with(&at(PROGRAM, "weeks"), json!([week(1), week(2)]));
    set(
        &mut d,
        "/programs/0/weeks/1/days/0/exercises/0/sets/0/weight",
        json!(0),
    );
    assert_issues(&check(&d), &[(&at(PROGRAM, "unit"), "required")]);
}

#[test]
fn unit_is_required_when_a_rule_has_an_increment() {
    let mut d = doc_rule();
    remove(&mut d, &at(PROGRAM, "unit"));
    assert_issues(&check(&d), &[(&at(PROGRAM, "unit"), "required")]);
}

#[test]
fn unit_is_not_required_for_percent_tm_only() {
    let d = doc_with(&at(SET, "percent_tm"), json!(75));
    assert_valid(&check(&d));
    // And is allowed when nothing needs it.
    assert_valid(&check(&doc_unit()));
}

#[test]
fn unit_is_per_program() {
    let mut heavy = program("Heavy");
    set(
        &mut heavy,
        "/weeks/0/days/0/exercises/0/sets/0/weight",
        json!(100),
    );
    let d = doc_with("/programs", json!([program("Light"), heavy]));
    let mut with_unit = d.clone();
    set(&mut with_unit, "/programs/0/unit", json!("kg"));
    assert_issues(&check(&d), &[("/programs/1/unit", "required")]);
    assert_issues(&check(&with_unit), &[("/programs/1/unit", "required")]);
}
