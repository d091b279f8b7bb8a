//! `duplicate`: names and aliases after normalisation, day numbers, sort orders and members
//! given twice.

use crate::common::{
    DAY, WEEK, assert_issues, assert_valid, at, check, check_text, day, doc_with, only_message,
    prescribed, program,
};
use serde_json::json;

// ---------------------------------------------------------------------------------------
// duplicate

#[test]
fn duplicate_name_and_later_alias_after_normalisation() {
    let d = doc_with(
        "/exercises",
        json!([
            { "name": "Back Squat" },
            { "name": "DB bench-press" },
            { "name": "Floor Press", "aliases": ["db  Bench Press"] },
        ]),
    );
    let message = only_message(&check(&d), "/exercises/2/aliases/0", "duplicate");
    assert!(message.contains("/exercises/1/name"), "{message}");
}

#[test]
fn duplicate_alias_and_later_name() {
    let d = doc_with(
        "/exercises",
        json!([
            { "name": "Back Squat", "aliases": ["Squat"] },
            { "name": "squat" },
        ]),
    );
    assert_issues(&check(&d), &[("/exercises/1/name", "duplicate")]);
}

#[test]
fn duplicate_exercise_names_at_the_later_one() {
    let d = doc_with(
        "/exercises",
        json!([{ "name": "Back Squat" }, { "name": "Deadlift" }, { "name": "back_squat" }]),
    );
    assert_issues(&check(&d), &[("/exercises/2/name", "duplicate")]);
}

#[test]
fn duplicate_alias_of_the_same_exercise() {
    // In text order: name first, then the alias that repeats it.
    let text = r#"{"catalog_version": 1, "exercises": [
        {"name": "Back Squat", "aliases": ["Squat", "back-squat"]}]}"#;
    assert_issues(
        &check_text(text),
        &[("/exercises/0/aliases/1", "duplicate")],
    );
    // Two aliases of one exercise.
    let d = doc_with("/exercises/0/aliases", json!(["B-S", "b_s"]));
    assert_issues(&check(&d), &[("/exercises/0/aliases/1", "duplicate")]);
}

#[test]
fn duplicate_names_after_nfkc_and_case_folding() {
    let d = doc_with(
        "/exercises",
        json!([{ "name": "Back Squat" }, { "name": "ＢＥＮＣＨ" }, { "name": "bench" }]),
    );
    assert_issues(&check(&d), &[("/exercises/2/name", "duplicate")]);
}

#[test]
fn different_names_are_not_duplicates() {
    let d = doc_with(
        "/exercises",
        json!([
            { "name": "Back Squat" },
            { "name": "DB Bench Press" },
            { "name": "Dumbbell Bench Press", "aliases": ["Bench Press"] },
        ]),
    );
    assert_valid(&check(&d));
}

#[test]
fn duplicate_program_names_after_normalisation() {
    let d = doc_with(
        "/programs",
        json!([program("Block A"), program("Block B"), program(" block-a ")]),
    );
    assert_issues(&check(&d), &[("/programs/2/name", "duplicate")]);
}

#[test]
fn duplicate_day_numbers() {
    let d = doc_with(&at(WEEK, "days"), json!([day(1), day(3), day(3)]));
    assert_issues(&check(&d), &[(&at(WEEK, "days/2/number"), "duplicate")]);
}

#[test]
fn duplicate_sort_orders() {
    let d = doc_with(
        &at(DAY, "exercises"),
        json!([
            prescribed("Back Squat", 2),
            prescribed("Back Squat", 1),
            prescribed("Back Squat", 2)
        ]),
    );
    assert_issues(
        &check(&d),
        &[(&at(DAY, "exercises/2/sort_order"), "duplicate")],
    );
    // Large sort orders too, on both sides of 64 (kept as bits below it, in a set above).
    let d = doc_with(
        &at(DAY, "exercises"),
        json!([
            prescribed("Back Squat", 63),
            prescribed("Back Squat", 64),
            prescribed("Back Squat", 4_000_000_000_u64),
            prescribed("Back Squat", 64),
            prescribed("Back Squat", 4_000_000_000_u64),
            prescribed("Back Squat", 63)
        ]),
    );
    assert_issues(
        &check(&d),
        &[
            (&at(DAY, "exercises/3/sort_order"), "duplicate"),
            (&at(DAY, "exercises/4/sort_order"), "duplicate"),
            (&at(DAY, "exercises/5/sort_order"), "duplicate"),
        ],
    );
    // Sort orders need not start at 1 or be contiguous, and are per day.
    let d = doc_with(
        &at(WEEK, "days"),
        json!([
            { "number": 1, "exercises": [prescribed("Back Squat", 5), prescribed("Back Squat", 9)] },
            { "number": 2, "exercises": [prescribed("Back Squat", 5)] },
        ]),
    );
    assert_valid(&check(&d));
}

#[test]
fn member_given_twice_is_duplicate_at_the_repeat() {
    let text = r#"{"catalog_version": 1, "programs": [{"name": "a", "name": "b", "weeks": [
        {"number": 1, "days": [{"number": 1, "exercises": [
            {"exercise": "Back Squat", "sort_order": 1, "sets": [{"reps": 5}]}]}]}]}]}"#;
    assert_issues(&check_text(text), &[("/programs/0/name", "duplicate")]);
    let text = r#"{"catalog_version": 1, "catalog_version": 1}"#;
    assert_issues(&check_text(text), &[("/catalog_version", "duplicate")]);
    // The repeated value is reported even when both are the same and valid.
    let text = r#"{"catalog_version": 1, "exercises": [{"name": "A", "tier": "foundational",
        "tier": "foundational"}]}"#;
    assert_issues(&check_text(text), &[("/exercises/0/tier", "duplicate")]);
}
