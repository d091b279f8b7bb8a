//! Malformed JSON (`invalid_json`), values of the wrong type (`invalid_type`) and fractions
//! where an integer is required (`not_integer`).

use crate::common::{
    DAY, PRESCRIBED, PROGRAM, RULE, SET, WEEK, assert_issues, assert_issues_in, assert_valid, at,
    check, check_text, doc, doc_with, only_message, push, set, week,
};
use crate::support::{doc_deload, doc_rule, doc_unit};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// invalid_json

#[test]
fn invalid_json_gives_line_and_column() {
    let text = "{\n  \"catalog_version\": 1,\n  \"programs\": [}\n}";
    let message = only_message(&check_text(text), "", "invalid_json");
    assert!(
        message.contains("line 3") && message.contains("column 16"),
        "{message}"
    );
}

#[test]
fn invalid_json_is_the_only_issue_even_after_other_problems() {
    // Before the syntax error: an unsupported version, an unknown member, a blank required
    // name and an RPE off its step.
    let text = r#"{"catalog_version": 2, "bogus": 1, "programs": [{"name": " ", "weeks": [
        {"number": 1, "days": [{"number": 1, "exercises": [{"exercise": "A", "sort_order": 1,
        "sets": [{"reps": 5, "rpe": 7.3}]}]}]}]}], "exercises": [1,]}"#;
    let message = only_message(&check_text(text), "", "invalid_json");
    assert!(message.contains("line 3"), "{message}");
}

#[test]
fn invalid_json_for_truncated_and_empty_text() {
    for text in [
        "",
        "   ",
        "{",
        r#"{"catalog_version": 1"#,
        r#"{"catalog_version": }"#,
    ] {
        assert_issues_in(text, &check_text(text), &[("", "invalid_json")]);
    }
}

#[test]
fn trailing_text_after_the_document_is_invalid_json() {
    for text in [
        r#"{"catalog_version": 1} x"#,
        r#"{"catalog_version": 1}{"catalog_version": 1}"#,
        r#"{"catalog_version": 1}]"#,
    ] {
        assert_issues_in(text, &check_text(text), &[("", "invalid_json")]);
    }
    // Trailing white space is not text.
    assert_valid(&check_text("{\"catalog_version\": 1}\n\t \r\n"));
}

// ---------------------------------------------------------------------------------------
// invalid_type

#[test]
fn invalid_type_string_for_an_integer() {
    for (path, value) in [
        (at(PRESCRIBED, "sort_order"), json!("3")),
        (at(SET, "reps"), json!("5")),
        (at(DAY, "number"), json!("1")),
        (at(WEEK, "number"), json!("1")),
        (at(SET, "rest_seconds"), json!("60")),
    ] {
        let validation = check(&doc_with(&path, value));
        assert_issues_in(&path, &validation, &[(&path, "invalid_type")]);
    }
}

#[test]
fn invalid_type_object_for_an_array_is_one_issue() {
    for path in [
        at(PROGRAM, "weeks"),
        at(WEEK, "days"),
        at(DAY, "exercises"),
        at(PRESCRIBED, "sets"),
        "/programs".to_owned(),
        "/exercises/0/aliases".to_owned(),
    ] {
        let validation = check(&doc_with(&path, json!({})));
        assert_issues_in(&path, &validation, &[(&path, "invalid_type")]);
    }
    // Not even when the object looks like an element.
    let validation = check(&doc_with(&at(PROGRAM, "weeks"), week(1)));
    assert_issues(&validation, &[(&at(PROGRAM, "weeks"), "invalid_type")]);
}

#[test]
fn invalid_type_null_for_a_non_nullable_optional_member() {
    let rule_paths = [
        at(RULE, "applies_to"),
        at(RULE, "deload_after_failures"),
        at(RULE, "deload_percent"),
    ];
    let paths = [
        at(WEEK, "label"),
        at(DAY, "name"),
        at(PROGRAM, "goal"),
        at(PROGRAM, "description"),
        at(PROGRAM, "unit"),
        at(PROGRAM, "is_loop"),
        at(PROGRAM, "progression_rules"),
        at(PRESCRIBED, "superset"),
        at(PRESCRIBED, "notes"),
        at(SET, "rep_type"),
        at(SET, "percent_tm"),
        at(SET, "weight"),
        at(SET, "rpe"),
        at(SET, "rest_seconds"),
        at(SET, "notes"),
        "/exercises/0/aliases".to_owned(),
        "/exercises/0/tier".to_owned(),
        "/exercises/0/category".to_owned(),
        "/exercises/0/equipment".to_owned(),
        "/exercises/0/muscles".to_owned(),
        "/exercises/0/form_notes".to_owned(),
        "/exercises".to_owned(),
        "/programs".to_owned(),
    ];
    for path in &paths {
        let mut d = doc_unit();
        set(&mut d, path, Value::Null);
        assert_issues_in(path, &check(&d), &[(path, "invalid_type")]);
    }
    for path in &rule_paths {
        let mut d = doc_deload();
        set(&mut d, path, Value::Null);
        assert_issues_in(path, &check(&d), &[(path, "invalid_type")]);
    }
}

#[test]
fn invalid_type_null_for_a_required_member_is_not_required() {
    for path in [
        at(PROGRAM, "name"),
        at(PROGRAM, "weeks"),
        at(WEEK, "number"),
        at(WEEK, "days"),
        at(DAY, "number"),
        at(DAY, "exercises"),
        at(PRESCRIBED, "exercise"),
        at(PRESCRIBED, "sort_order"),
        at(PRESCRIBED, "sets"),
        "/exercises/0/name".to_owned(),
        "/catalog_version".to_owned(),
    ] {
        let mut d = doc_with(&path, Value::Null);
        if path == "/exercises/0/name" {
            // Keep the reference resolvable through another exercise.
            push(&mut d, "/exercises", json!({ "name": "Back Squat " }));
        }
        let validation = check(&d);
        assert_issues_in(&path, &validation, &[(&path, "invalid_type")]);
    }
}

#[test]
fn invalid_type_for_the_whole_document() {
    for value in [
        json!([]),
        json!([{ "catalog_version": 1 }]),
        json!("x"),
        json!(1),
        json!(null),
        json!(true),
    ] {
        let validation = check(&value);
        assert_issues_in(&value.to_string(), &validation, &[("", "invalid_type")]);
    }
}

#[test]
fn invalid_type_for_strings_enums_and_booleans() {
    for (path, value) in [
        (at(PROGRAM, "name"), json!(5)),
        (at(PROGRAM, "unit"), json!(1)),
        (at(PROGRAM, "is_loop"), json!("true")),
        (at(PROGRAM, "is_loop"), json!(0)),
        (at(PRESCRIBED, "exercise"), json!(["Back Squat"])),
        (at(PRESCRIBED, "superset"), json!(1)),
        (at(SET, "rep_type"), json!(["reps"])),
        (at(SET, "percent_tm"), json!("70")),
        (at(SET, "rpe"), json!(true)),
        (
            "/exercises/0/tier".to_owned(),
            json!({ "name": "intermediate" }),
        ),
        ("/exercises/0/form_notes".to_owned(), json!(12)),
    ] {
        let case = format!("{path} = {value}");
        let validation = check(&doc_with(&path, value));
        assert_issues_in(&case, &validation, &[(&path, "invalid_type")]);
    }
}

#[test]
fn invalid_type_for_array_elements() {
    for (path, value) in [
        ("/programs/0", json!("Block")),
        ("/exercises/0", json!(["Back Squat"])),
        ("/exercises/0/aliases/0", json!(7)),
        ("/exercises/0/equipment/0", json!(null)),
        ("/exercises/0/muscles/0", json!({})),
        ("/programs/0/weeks/0", json!(1)),
        ("/programs/0/weeks/0/days/0", json!([])),
        (
            "/programs/0/weeks/0/days/0/exercises/0",
            json!("Back Squat"),
        ),
        ("/programs/0/weeks/0/days/0/exercises/0/sets/0", json!(5)),
    ] {
        let mut d = doc();
        if path.starts_with("/exercises/0/") {
            set(&mut d, "/exercises/0/aliases", json!(["Squat"]));
            set(&mut d, "/exercises/0/equipment", json!(["barbell"]));
            set(&mut d, "/exercises/0/muscles", json!(["quadriceps"]));
        }
        if path == "/exercises/0" {
            // The reference resolves to another exercise.
            push(&mut d, "/exercises", json!({ "name": "back squat" }));
        }
        set(&mut d, path, value);
        assert_issues_in(path, &check(&d), &[(path, "invalid_type")]);
    }
}

// ---------------------------------------------------------------------------------------
// not_integer

#[test]
fn not_integer_for_a_fraction_where_an_integer_is_required() {
    for (path, value) in [
        (at(PRESCRIBED, "sort_order"), json!(1.5)),
        (at(SET, "reps"), json!(5.5)),
        (at(SET, "rest_seconds"), json!(90.5)),
        (at(DAY, "number"), json!(1.5)),
        (at(WEEK, "number"), json!(1.5)),
        ("/catalog_version".to_owned(), json!(1.5)),
    ] {
        let case = format!("{path} = {value}");
        assert_issues_in(
            &case,
            &check(&doc_with(&path, value)),
            &[(&path, "not_integer")],
        );
    }
    let mut d = doc_rule();
    set(&mut d, &at(RULE, "deload_after_failures"), json!(2.5));
    set(&mut d, &at(RULE, "deload_percent"), json!(10));
    assert_issues(
        &check(&d),
        &[(&at(RULE, "deload_after_failures"), "not_integer")],
    );
}

#[test]
fn whole_numbers_written_with_a_fraction_are_integers() {
    let mut d = doc_rule();
    set(&mut d, "/catalog_version", json!(1.0));
    set(&mut d, &at(WEEK, "number"), json!(1.0));
    set(&mut d, &at(DAY, "number"), json!(1.0));
    set(&mut d, &at(PRESCRIBED, "sort_order"), json!(1.0));
    set(&mut d, &at(SET, "reps"), json!(3.0));
    set(&mut d, &at(SET, "rest_seconds"), json!(60.0));
    set(&mut d, &at(RULE, "deload_after_failures"), json!(3.0));
    set(&mut d, &at(RULE, "deload_percent"), json!(10));
    let validation = check(&d);
    assert_valid(&validation);
    let catalog = validation.document().unwrap();
    let program = &catalog.programs[0];
    let set0 = &program.weeks[0].days[0].exercises[0].sets[0];
    assert_eq!(set0.reps, Some(3));
    assert_eq!(set0.rest_seconds, Some(60));
    assert_eq!(program.weeks[0].days[0].exercises[0].sort_order, 1);
    assert_eq!(program.progression_rules[0].deload_after_failures, Some(3));
}
