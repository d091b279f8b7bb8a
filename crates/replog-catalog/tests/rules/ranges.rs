//! `too_small` and `too_big`: numeric ranges, reps by `rep_type`, string lengths and array
//! lengths.

use crate::common::{
    DAY, PRESCRIBED, PROGRAM, RULE, SET, WEEK, assert_issues, assert_issues_in, assert_valid, at,
    check, check_text, day, doc, doc_with, only_message, prescribed, program, push, rule, set,
    week,
};
use crate::support::{doc_deload, doc_rule, doc_unit, text};
use serde_json::{Value, json};

/// Checks one edit of `base` per case: `None` means valid, `Some(code)` one issue at `path`.
#[track_caller]
fn cases(base: fn() -> Value, path: &str, table: &[(Value, Option<&str>)]) {
    for (value, code) in table {
        let mut d = base();
        set(&mut d, path, value.clone());
        let validation = check(&d);
        let case = format!("{path} = {value}");
        match code {
            Some(code) => assert_issues_in(&case, &validation, &[(path, code)]),
            None => assert_issues_in(&case, &validation, &[]),
        }
    }
}

// ---------------------------------------------------------------------------------------
// too_small / too_big: numbers

#[test]
fn set_percent_tm_is_1_to_120() {
    cases(
        doc,
        &at(SET, "percent_tm"),
        &[
            (json!(1), None),
            (json!(120), None),
            (json!(72.5), None),
            (json!(0.99), Some("too_small")),
            (json!(0), Some("too_small")),
            (json!(-5), Some("too_small")),
            (json!(120.01), Some("too_big")),
        ],
    );
}

#[test]
fn set_weight_is_0_to_2000() {
    cases(
        doc_unit,
        &at(SET, "weight"),
        &[
            (json!(0), None),
            (json!(2000), None),
            (json!(102.5), None),
            (json!(-0.5), Some("too_small")),
            (json!(2000.5), Some("too_big")),
        ],
    );
}

#[test]
fn set_rpe_is_1_to_10() {
    cases(
        doc,
        &at(SET, "rpe"),
        &[
            (json!(1), None),
            (json!(10), None),
            (json!(0.5), Some("too_small")),
            (json!(10.5), Some("too_big")),
        ],
    );
}

#[test]
fn set_rest_seconds_is_0_to_1800() {
    cases(
        doc,
        &at(SET, "rest_seconds"),
        &[
            (json!(0), None),
            (json!(1800), None),
            (json!(1801), Some("too_big")),
            (json!(-1), Some("too_small")),
        ],
    );
}

#[test]
fn rule_increment_is_above_0_and_at_most_100() {
    cases(
        doc_rule,
        &at(RULE, "increment"),
        &[
            (json!(0.5), None),
            (json!(100), None),
            (json!(0), Some("too_small")),
            (json!(-2.5), Some("too_small")),
            (json!(100.5), Some("too_big")),
        ],
    );
}

#[test]
fn rule_deload_percent_is_1_to_50() {
    cases(
        doc_deload,
        &at(RULE, "deload_percent"),
        &[
            (json!(1), None),
            (json!(50), None),
            (json!(12.5), None),
            (json!(0.5), Some("too_small")),
            (json!(50.5), Some("too_big")),
        ],
    );
}

#[test]
fn rule_deload_after_failures_is_1_to_10() {
    cases(
        doc_deload,
        &at(RULE, "deload_after_failures"),
        &[
            (json!(1), None),
            (json!(10), None),
            (json!(0), Some("too_small")),
            (json!(11), Some("too_big")),
        ],
    );
}

#[test]
fn day_number_is_1_to_7() {
    cases(
        doc,
        &at(DAY, "number"),
        &[
            (json!(1), None),
            (json!(7), None),
            (json!(0), Some("too_small")),
            (json!(-1), Some("too_small")),
            (json!(8), Some("too_big")),
        ],
    );
}

#[test]
fn sort_order_is_at_least_1() {
    cases(
        doc,
        &at(PRESCRIBED, "sort_order"),
        &[
            (json!(1), None),
            (json!(1000), None),
            (json!(0), Some("too_small")),
            (json!(-3), Some("too_small")),
        ],
    );
}

#[test]
fn range_messages_say_the_bound_and_the_value() {
    let path = at(SET, "percent_tm");
    let message = only_message(&check(&doc_with(&path, json!(130))), &path, "too_big");
    assert!(
        message.contains("120") && message.contains("130"),
        "{message}"
    );
}

// ---------------------------------------------------------------------------------------
// reps by rep_type

fn doc_rep_type(rep_type: &str) -> Value {
    doc_with(&at(SET, "rep_type"), json!(rep_type))
}

#[test]
fn reps_bounds_depend_on_rep_type() {
    for (rep_type, max) in [
        ("reps", 100),
        ("each_side", 100),
        ("seconds", 3600),
        ("distance", 10_000),
    ] {
        let path = at(SET, "reps");
        for (reps, code) in [
            (json!(1), None),
            (json!(max), None),
            (json!(null), None),
            (json!(max + 1), Some("too_big")),
            (json!(0), Some("too_small")),
            (json!(-1), Some("too_small")),
        ] {
            let mut d = doc_rep_type(rep_type);
            set(&mut d, &path, reps.clone());
            let case = format!("rep_type {rep_type}, reps {reps}");
            match code {
                Some(code) => assert_issues_in(&case, &check(&d), &[(&path, code)]),
                None => assert_issues_in(&case, &check(&d), &[]),
            }
        }
    }
    // Without rep_type, reps count repetitions.
    assert_issues(
        &check(&doc_with(&at(SET, "reps"), json!(101))),
        &[(&at(SET, "reps"), "too_big")],
    );
}

#[test]
fn reps_bound_applies_whatever_the_member_order() {
    let mut d = doc();
    set(&mut d, SET, json!({}));
    let set_text = |members: &str| text(&d).replace("{}", members);
    let path = at(SET, "reps");
    // rep_type after reps, in the text.
    assert_valid(&check_text(set_text(
        r#"{"reps": 3000, "rep_type": "seconds"}"#,
    )));
    assert_issues(
        &check_text(set_text(r#"{"reps": 3601, "rep_type": "seconds"}"#)),
        &[(&path, "too_big")],
    );
    assert_issues(
        &check_text(set_text(r#"{"reps": 101, "rep_type": "each_side"}"#)),
        &[(&path, "too_big")],
    );
}

#[test]
fn reps_bound_is_not_checked_against_an_invalid_rep_type() {
    let mut d = doc_rep_type("minutes");
    set(&mut d, &at(SET, "reps"), json!(500));
    assert_issues(&check(&d), &[(&at(SET, "rep_type"), "invalid_enum")]);
}

// ---------------------------------------------------------------------------------------
// too_small / too_big: string lengths (after trimming, in characters)

#[test]
fn string_lengths_are_counted_after_trimming() {
    let hundred = "a".repeat(100);
    let mut d = doc();
    push(
        &mut d,
        "/exercises",
        json!({ "name": format!("   {hundred}  \n") }),
    );
    let validation = check(&d);
    assert_valid(&validation);
    assert_eq!(validation.document().unwrap().exercises[1].name, hundred);

    let mut d = doc();
    push(
        &mut d,
        "/exercises",
        json!({ "name": format!(" {hundred}b ") }),
    );
    assert_issues(&check(&d), &[("/exercises/1/name", "too_big")]);
}

#[test]
fn string_lengths_count_characters_not_bytes() {
    let mut d = doc();
    push(&mut d, "/exercises", json!({ "name": "é".repeat(100) }));
    push(&mut d, "/exercises", json!({ "name": "🏋".repeat(100) }));
    assert_valid(&check(&d));
    let mut d = doc();
    push(&mut d, "/exercises", json!({ "name": "é".repeat(101) }));
    assert_issues(&check(&d), &[("/exercises/1/name", "too_big")]);
}

#[test]
fn empty_optional_strings_with_a_minimum_are_too_small() {
    for path in [
        at(WEEK, "label"),
        at(DAY, "name"),
        "/exercises/0/aliases/0".to_owned(),
    ] {
        for blank in ["", "  "] {
            let mut d = doc();
            set(&mut d, "/exercises/0/aliases", json!(["Squat"]));
            set(&mut d, &path, json!(blank));
            let case = format!("{path} = {blank:?}");
            assert_issues_in(&case, &check(&d), &[(&path, "too_small")]);
        }
    }
    // Optional strings without a minimum may be empty.
    let mut d = doc();
    set(&mut d, &at(PROGRAM, "goal"), json!(""));
    set(&mut d, &at(PROGRAM, "description"), json!(" "));
    set(&mut d, &at(PRESCRIBED, "notes"), json!(""));
    set(&mut d, &at(SET, "notes"), json!(""));
    set(&mut d, "/exercises/0/form_notes", json!(""));
    assert_valid(&check(&d));
}

#[test]
fn string_maximums() {
    let table: [(String, usize); 10] = [
        (at(PROGRAM, "name"), 200),
        (at(PROGRAM, "description"), 5000),
        (at(PROGRAM, "goal"), 500),
        (at(WEEK, "label"), 50),
        (at(DAY, "name"), 100),
        (at(PRESCRIBED, "notes"), 1000),
        (at(SET, "notes"), 500),
        ("/exercises/0/form_notes".to_owned(), 2000),
        ("/exercises/0/aliases/0".to_owned(), 100),
        ("/exercises/1/name".to_owned(), 100),
    ];
    for (path, max) in table {
        for (len, code) in [(max, None), (max + 1, Some("too_big"))] {
            let mut d = doc();
            set(&mut d, "/exercises/0/aliases", json!(["Squat"]));
            push(&mut d, "/exercises", json!({ "name": "Front Squat" }));
            set(&mut d, &path, json!("x".repeat(len)));
            let case = format!("{path} of {len} characters");
            match code {
                Some(code) => assert_issues_in(&case, &check(&d), &[(&path, code)]),
                None => assert_issues_in(&case, &check(&d), &[]),
            }
        }
    }
}

#[test]
fn references_longer_than_a_name_are_too_big() {
    let path = at(PRESCRIBED, "exercise");
    assert_issues(
        &check(&doc_with(&path, json!("x".repeat(101)))),
        &[(&path, "too_big")],
    );
    let mut d = doc_rule();
    set(&mut d, &at(RULE, "exercise"), json!("x".repeat(101)));
    assert_issues(&check(&d), &[(&at(RULE, "exercise"), "too_big")]);
}

// ---------------------------------------------------------------------------------------
// too_small / too_big: array lengths

#[test]
fn weeks_are_1_to_52() {
    let path = at(PROGRAM, "weeks");
    assert_issues(&check(&doc_with(&path, json!([]))), &[(&path, "too_small")]);
    let weeks = |n: u64| Value::Array((1..=n).map(week).collect());
    assert_valid(&check(&doc_with(&path, weeks(52))));
    assert_issues(&check(&doc_with(&path, weeks(53))), &[(&path, "too_big")]);
}

#[test]
fn days_are_1_to_7() {
    let path = at(WEEK, "days");
    assert_issues(&check(&doc_with(&path, json!([]))), &[(&path, "too_small")]);
    let days = |n: u64| Value::Array((1..=n).map(day).collect());
    assert_valid(&check(&doc_with(&path, days(7))));
    // An eighth day cannot have a valid number either.
    assert_issues(
        &check(&doc_with(&path, days(8))),
        &[(&path, "too_big"), (&at(WEEK, "days/7/number"), "too_big")],
    );
}

#[test]
fn day_exercises_are_1_to_30() {
    let path = at(DAY, "exercises");
    assert_issues(&check(&doc_with(&path, json!([]))), &[(&path, "too_small")]);
    let list = |n: u64| Value::Array((1..=n).map(|i| prescribed("Back Squat", i)).collect());
    assert_valid(&check(&doc_with(&path, list(30))));
    assert_issues(&check(&doc_with(&path, list(31))), &[(&path, "too_big")]);
}

#[test]
fn sets_are_1_to_20() {
    let path = at(PRESCRIBED, "sets");
    assert_issues(&check(&doc_with(&path, json!([]))), &[(&path, "too_small")]);
    let sets = |n: usize| Value::Array(vec![json!({ "reps": 5 }); n]);
    assert_valid(&check(&doc_with(&path, sets(20))));
    assert_issues(&check(&doc_with(&path, sets(21))), &[(&path, "too_big")]);
}

#[test]
fn aliases_are_at_most_20() {
    let path = "/exercises/0/aliases";
    let aliases = |n: usize| Value::Array((0..n).map(|i| json!(format!("Alias {i}"))).collect());
    assert_valid(&check(&doc_with(path, json!([]))));
    assert_valid(&check(&doc_with(path, aliases(20))));
    assert_issues(&check(&doc_with(path, aliases(21))), &[(path, "too_big")]);
}

#[test]
fn progression_rules_are_at_most_50() {
    let path = at(PROGRAM, "progression_rules");
    let rules = |n: usize| Value::Array(vec![rule(); n]);
    let mut d = doc_unit();
    set(&mut d, &path, json!([]));
    assert_valid(&check(&d));
    set(&mut d, &path, rules(50));
    assert_valid(&check(&d));
    set(&mut d, &path, rules(51));
    assert_issues(&check(&d), &[(&path, "too_big")]);
}

#[test]
fn programs_are_at_most_100() {
    let programs = |n: usize| Value::Array((0..n).map(|i| program(&format!("P{i}"))).collect());
    assert_valid(&check(&doc_with("/programs", programs(100))));
    assert_issues(
        &check(&doc_with("/programs", programs(101))),
        &[("/programs", "too_big")],
    );
}

#[test]
fn exercises_are_at_most_5000() {
    let exercises = |n: usize| {
        let mut list = vec![json!({ "name": "Back Squat" })];
        list.extend((1..n).map(|i| json!({ "name": format!("Exercise {i}") })));
        Value::Array(list)
    };
    assert_valid(&check(&doc_with("/exercises", exercises(5000))));
    assert_issues(
        &check(&doc_with("/exercises", exercises(5001))),
        &[("/exercises", "too_big")],
    );
}
