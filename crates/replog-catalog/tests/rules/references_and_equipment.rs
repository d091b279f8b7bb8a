//! Exercise references (`unknown_exercise`) against the document and a supplied catalog,
//! and the equipment check (`equipment_unavailable`).

use crate::common::{
    DAY, PRESCRIBED, PROGRAM, RULE, assert_issues, assert_issues_in, assert_valid, at, check,
    check_text, check_with, doc, doc_with, only_message, prescribed, program, push, remove, render,
    rule, set, week,
};
use crate::support::{doc_rule, host, text};
use replog_catalog::Validator;
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// unknown_exercise

fn doc_three() -> Value {
    doc_with(
        "/exercises",
        json!([
            { "name": "Back Squat", "aliases": ["Squat"] },
            { "name": "Bench Press" },
            { "name": "Deadlift" },
        ]),
    )
}

#[test]
fn unknown_exercise_names_the_closest() {
    let path = at(PRESCRIBED, "exercise");
    let mut d = doc_three();
    set(&mut d, &path, json!("Bench Pres"));
    let message = only_message(&check(&d), &path, "unknown_exercise");
    assert!(message.contains("Bench Pres"), "{message}");
    assert!(message.contains("\"Bench Press\""), "{message}");
}

#[test]
fn references_resolve_after_normalisation_and_through_aliases() {
    for name in [
        "back squat",
        "BACK-SQUAT",
        " back_squat ",
        "squat",
        "Squat",
        " DEADLIFT ",
        "bench/press",
        "Bench.Press",
    ] {
        let mut d = doc_three();
        set(&mut d, &at(PRESCRIBED, "exercise"), json!(name));
        assert_issues_in(name, &check(&d), &[]);
    }
    // The document keeps the reference as written (trimmed).
    let mut d = doc_three();
    set(&mut d, &at(PRESCRIBED, "exercise"), json!(" squat "));
    let validation = check(&d);
    assert_eq!(
        validation.document().unwrap().programs[0].weeks[0].days[0].exercises[0].exercise,
        "squat"
    );
}

#[test]
fn references_resolve_to_a_supplied_catalog() {
    let validator = Validator::new().with_catalog(&host());
    let path = at(PRESCRIBED, "exercise");
    let mut d = doc();
    remove(&mut d, "/exercises");
    for name in ["Deadlift", "DEADLIFT", "dl", "pull-up", "Pull_Up"] {
        set(&mut d, &path, json!(name));
        assert_issues_in(name, &check_with(&validator, &d), &[]);
    }
    set(&mut d, &path, json!("Deadlfit"));
    let validation = check_with(&validator, &d);
    let message = only_message(&validation, &path, "unknown_exercise");
    assert!(message.contains("\"Deadlift\""), "{message}");
    // with_exercises does the same.
    let catalog = host();
    let validator = Validator::new().with_exercises(&catalog.exercises);
    assert_issues(&check_with(&validator, &d), &[(&path, "unknown_exercise")]);
    set(&mut d, &path, json!("DL"));
    assert_valid(&check_with(&validator, &d));
}

#[test]
fn references_resolve_to_the_document_and_the_supplied_catalog_together() {
    let validator = Validator::new().with_catalog(&host());
    let d = doc_with(
        &at(DAY, "exercises"),
        json!([
            prescribed("Back Squat", 1),
            prescribed("deadlift", 2),
            prescribed("Front Squat", 3),
        ]),
    );
    assert_issues(
        &check_with(&validator, &d),
        &[(&at(DAY, "exercises/2/exercise"), "unknown_exercise")],
    );
    // The closest name may come from either catalog.
    let d = doc_with(&at(PRESCRIBED, "exercise"), json!("Pull Ups"));
    let message = only_message(
        &check_with(&validator, &d),
        &at(PRESCRIBED, "exercise"),
        "unknown_exercise",
    );
    assert!(message.contains("\"Pull Up\""), "{message}");
}

#[test]
fn unknown_exercise_message_is_the_same_every_time() {
    // No name shares a letter with "Bench", so none is closer than another: the message
    // must not depend on the iteration order of a hash map.
    let mut d = doc_with(
        "/exercises",
        json!([
            { "name": "Squat" },
            { "name": "Row" },
            { "name": "Dip" },
            { "name": "Jog" },
            { "name": "Skip" },
        ]),
    );
    set(&mut d, &at(PRESCRIBED, "exercise"), json!("Bench"));
    let text = text(&d);
    let first = check_text(&text);
    for _ in 0..50 {
        assert_eq!(check_text(&text), first, "{}", render(first.issues()));
    }
}

#[test]
fn references_are_not_checked_without_any_catalog() {
    let mut d = doc();
    remove(&mut d, "/exercises");
    set(
        &mut d,
        &at(PRESCRIBED, "exercise"),
        json!("Anything At All"),
    );
    assert_valid(&check(&d));
    set(&mut d, "/exercises", json!([]));
    assert_valid(&check(&d));
}

#[test]
fn every_unresolved_reference_is_reported() {
    let d = doc_with(
        &at(DAY, "exercises"),
        json!([
            prescribed("Front Squat", 1),
            prescribed("Back Squat", 2),
            prescribed("Front Squat", 3),
        ]),
    );
    assert_issues(
        &check(&d),
        &[
            (&at(DAY, "exercises/0/exercise"), "unknown_exercise"),
            (&at(DAY, "exercises/2/exercise"), "unknown_exercise"),
        ],
    );
}

#[test]
fn rule_naming_an_exercise_not_prescribed_in_its_program() {
    // In the catalog, but not on any day of this program.
    let mut d = doc_three();
    set(&mut d, &at(PROGRAM, "unit"), json!("kg"));
    set(
        &mut d,
        &at(PROGRAM, "progression_rules"),
        json!([rule(), rule()]),
    );
    set(&mut d, &at(RULE, "exercise"), json!("Deadlift"));
    let message = only_message(&check(&d), &at(RULE, "exercise"), "unknown_exercise");
    assert!(message.contains("Deadlift"), "{message}");

    // Prescribed only in another program.
    let mut other = program("Other");
    set(
        &mut other,
        "/weeks/0/days/0/exercises/0/exercise",
        json!("Deadlift"),
    );
    push(&mut d, "/programs", other);
    assert_issues(&check(&d), &[(&at(RULE, "exercise"), "unknown_exercise")]);

    // Without any catalog the rule is still checked against the program's days.
    let mut d = doc_rule();
    remove(&mut d, "/exercises");
    set(&mut d, &at(RULE, "exercise"), json!("Deadlift"));
    assert_issues(&check(&d), &[(&at(RULE, "exercise"), "unknown_exercise")]);
}

#[test]
fn rule_naming_a_prescribed_exercise_after_normalisation_is_valid() {
    let mut d = doc_rule();
    set(&mut d, &at(RULE, "exercise"), json!("BACK-squat"));
    assert_valid(&check(&d));
    // The rules may come before the days that prescribe their exercises.
    let d = doc_with(
        PROGRAM,
        json!({
            "name": "Block",
            "progression_rules": [{ "exercise": "back squat", "increment": 5, "every": "week" }],
            "unit": "kg",
            "weeks": [week(1)],
        }),
    );
    let text = text(&d);
    assert!(text.find("progression_rules").unwrap() < text.find("\"weeks\"").unwrap());
    assert_valid(&check(&d));
}

#[test]
fn rule_naming_a_prescribed_exercise_by_alias_is_valid() {
    // The rule resolves like a prescribed exercise: to the exercise, whichever of its names
    // the day and the rule use.
    let mut d = doc_three();
    set(&mut d, &at(PROGRAM, "unit"), json!("kg"));
    set(&mut d, &at(PROGRAM, "progression_rules"), json!([rule()]));
    set(&mut d, &at(RULE, "exercise"), json!("Squat"));
    assert_valid(&check(&d));
    let mut d = doc_three();
    set(&mut d, &at(PRESCRIBED, "exercise"), json!("Squat"));
    set(&mut d, &at(PROGRAM, "unit"), json!("kg"));
    set(&mut d, &at(PROGRAM, "progression_rules"), json!([rule()]));
    assert_valid(&check(&d));
}

#[test]
fn rule_naming_an_unknown_exercise_is_unknown_even_when_a_day_names_it_too() {
    // "resolves like a prescribed exercise": both references fail to resolve.
    let mut d = doc_three();
    set(&mut d, &at(PRESCRIBED, "exercise"), json!("Front Squat"));
    set(&mut d, &at(PROGRAM, "unit"), json!("kg"));
    set(&mut d, &at(PROGRAM, "progression_rules"), json!([rule()]));
    set(&mut d, &at(RULE, "exercise"), json!("Front Squat"));
    assert_issues(
        &check(&d),
        &[
            (&at(PRESCRIBED, "exercise"), "unknown_exercise"),
            (&at(RULE, "exercise"), "unknown_exercise"),
        ],
    );
}

// ---------------------------------------------------------------------------------------
// equipment_unavailable

fn doc_equipment() -> Value {
    let mut d = doc_with(
        "/exercises",
        json!([
            { "name": "Power Clean", "aliases": ["Clean"], "equipment": ["barbell", "bumper_plates"] },
            { "name": "Push Up", "equipment": [] },
            { "name": "Box Jump", "equipment": ["plyo_box"] },
            { "name": "Burpee" },
        ]),
    );
    set(
        &mut d,
        &at(DAY, "exercises"),
        json!([
            prescribed("Power Clean", 1),
            prescribed("push-up", 2),
            prescribed("BOX JUMP", 3),
            prescribed("burpee", 4),
            prescribed("clean", 5),
        ]),
    );
    d
}

#[test]
fn equipment_unavailable_names_what_is_missing() {
    let validator = Validator::new().with_equipment(["dumbbell", "plyo_box"]);
    let validation = check_with(&validator, &doc_equipment());
    assert_issues(
        &validation,
        &[
            (&at(DAY, "exercises/0/exercise"), "equipment_unavailable"),
            (&at(DAY, "exercises/4/exercise"), "equipment_unavailable"),
        ],
    );
    let message = &validation.issues()[0].message;
    assert!(
        message.contains("barbell") && message.contains("bumper_plates"),
        "{message}"
    );

    let validator = Validator::new().with_equipment(["barbell", "plyo_box"]);
    let validation = check_with(&validator, &doc_equipment());
    assert_eq!(
        validation.issues().len(),
        2,
        "{}",
        render(validation.issues())
    );
    let message = &validation.issues()[0].message;
    assert!(
        message.contains("bumper_plates") && !message.contains("barbell"),
        "{message}"
    );

    let validator = Validator::new().with_equipment(["barbell", "bumper_plates", "plyo_box"]);
    assert_valid(&check_with(&validator, &doc_equipment()));
}

#[test]
fn bodyweight_exercises_always_pass() {
    let validator = Validator::new().with_equipment(Vec::<String>::new());
    let validation = check_with(&validator, &doc_equipment());
    assert_issues(
        &validation,
        &[
            (&at(DAY, "exercises/0/exercise"), "equipment_unavailable"),
            (&at(DAY, "exercises/2/exercise"), "equipment_unavailable"),
            (&at(DAY, "exercises/4/exercise"), "equipment_unavailable"),
        ],
    );
}

#[test]
fn no_equipment_check_without_an_equipment_list() {
    assert_valid(&check(&doc_equipment()));
}

#[test]
fn equipment_of_a_supplied_catalog_exercise_is_checked() {
    let mut d = doc();
    remove(&mut d, "/exercises");
    set(&mut d, &at(PRESCRIBED, "exercise"), json!("DL"));
    let validator = Validator::new()
        .with_catalog(&host())
        .with_equipment(["pull_up_bar"]);
    let message = only_message(
        &check_with(&validator, &d),
        &at(PRESCRIBED, "exercise"),
        "equipment_unavailable",
    );
    assert!(message.contains("barbell"), "{message}");
    let validator = Validator::new()
        .with_catalog(&host())
        .with_equipment([" Barbell "]);
    assert_valid(&check_with(&validator, &d));
}

#[test]
fn unknown_exercise_is_not_also_equipment_unavailable() {
    let mut d = doc_equipment();
    set(&mut d, &at(PRESCRIBED, "exercise"), json!("Hang Clean"));
    let validator = Validator::new().with_equipment(["barbell", "bumper_plates", "plyo_box"]);
    assert_issues(
        &check_with(&validator, &d),
        &[(&at(PRESCRIBED, "exercise"), "unknown_exercise")],
    );
}
