//! Week and day numbering (`out_of_sequence`) and members that exclude or need each other
//! (`conflict`).

use crate::common::{
    PROGRAM, RULE, SET, WEEK, assert_issues, assert_issues_in, assert_valid, at, check, check_text,
    day, doc_with, only_message, program, set, week,
};
use crate::support::{doc_deload, doc_rule, doc_unit, text};
use serde_json::json;

// ---------------------------------------------------------------------------------------
// out_of_sequence

#[test]
fn week_numbers_out_of_sequence_are_reported_once() {
    let d = doc_with(
        &at(PROGRAM, "weeks"),
        json!([week(1), week(3), week(4), week(7)]),
    );
    let message = only_message(
        &check(&d),
        &at(PROGRAM, "weeks/1/number"),
        "out_of_sequence",
    );
    assert!(message.contains('3'), "{message}");
}

#[test]
fn first_week_must_be_week_1() {
    for first in [json!(0), json!(2), json!(-1)] {
        let mut d = doc_with(&at(PROGRAM, "weeks"), json!([week(1), week(2)]));
        set(&mut d, &at(WEEK, "number"), first.clone());
        assert_issues_in(
            &first.to_string(),
            &check(&d),
            &[(&at(WEEK, "number"), "out_of_sequence")],
        );
    }
}

#[test]
fn week_sequence_is_checked_per_program() {
    let mut broken = program("B");
    set(&mut broken, "/weeks/0/number", json!(2));
    let mut broken_too = program("C");
    set(&mut broken_too, "/weeks/0/number", json!(5));
    let d = doc_with("/programs", json!([program("A"), broken, broken_too]));
    assert_issues(
        &check(&d),
        &[
            ("/programs/1/weeks/0/number", "out_of_sequence"),
            ("/programs/2/weeks/0/number", "out_of_sequence"),
        ],
    );
}

#[test]
fn day_numbers_ascend_strictly() {
    let d = doc_with(&at(WEEK, "days"), json!([day(2), day(1)]));
    assert_issues(
        &check(&d),
        &[(&at(WEEK, "days/1/number"), "out_of_sequence")],
    );
    // Gaps are allowed.
    assert_valid(&check(&doc_with(
        &at(WEEK, "days"),
        json!([day(1), day(3), day(7)]),
    )));
    // Every smaller number is out of sequence.
    let d = doc_with(&at(WEEK, "days"), json!([day(5), day(1), day(2), day(6)]));
    assert_issues(
        &check(&d),
        &[
            (&at(WEEK, "days/1/number"), "out_of_sequence"),
            (&at(WEEK, "days/2/number"), "out_of_sequence"),
        ],
    );
}

#[test]
fn day_numbers_restart_in_every_week() {
    let d = doc_with(&at(PROGRAM, "weeks"), json!([week(1), week(2)]));
    assert_valid(&check(&d));
}

// ---------------------------------------------------------------------------------------
// conflict

#[test]
fn percent_tm_and_weight_conflict_at_weight() {
    let mut d = doc_with(SET, json!({ "reps": 5, "percent_tm": 70, "weight": 100 }));
    set(&mut d, &at(PROGRAM, "unit"), json!("lb"));
    assert_issues(&check(&d), &[(&at(SET, "weight"), "conflict")]);
    // Also when weight comes first in the text.
    let mut d = doc_unit();
    set(&mut d, SET, json!({}));
    let text = text(&d).replace("{}", r#"{"weight": 100, "reps": 5, "percent_tm": 70}"#);
    assert_issues(&check_text(text), &[(&at(SET, "weight"), "conflict")]);
}

#[test]
fn deload_after_failures_without_deload_percent_conflicts() {
    let mut d = doc_rule();
    set(&mut d, &at(RULE, "deload_after_failures"), json!(3));
    assert_issues(
        &check(&d),
        &[(&at(RULE, "deload_after_failures"), "conflict")],
    );
}

#[test]
fn deload_percent_without_deload_after_failures_conflicts() {
    let mut d = doc_rule();
    set(&mut d, &at(RULE, "deload_percent"), json!(10));
    assert_issues(&check(&d), &[(&at(RULE, "deload_percent"), "conflict")]);
    assert_valid(&check(&doc_deload()));
}

#[test]
fn loop_program_has_exactly_one_week() {
    let path = at(PROGRAM, "weeks");
    let mut d = doc_with(&path, json!([week(1), week(2)]));
    set(&mut d, &at(PROGRAM, "is_loop"), json!(true));
    assert_issues(&check(&d), &[(&path, "conflict")]);
    // One week, or not a loop: fine.
    assert_valid(&check(&doc_with(&at(PROGRAM, "is_loop"), json!(true))));
    let mut d = doc_with(&path, json!([week(1), week(2)]));
    set(&mut d, &at(PROGRAM, "is_loop"), json!(false));
    assert_valid(&check(&d));
    let validation = check(&doc_with(&at(PROGRAM, "is_loop"), json!(true)));
    assert!(validation.document().unwrap().programs[0].is_loop);
}
