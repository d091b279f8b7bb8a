//! Logbook JSON (`spec/logbook-json.md`): the same issue contract as CatalogJSON (every issue,
//! JSON Pointer paths, the same codes), templates checked as CatalogJSON programs, and the
//! rules that span the logbook (program references, the unit).

mod common;

use common::{remove, render, set};
use replog_catalog::{CatalogError, Validation, Validator};
use replog_core::{Catalog, Exercise, Logbook, ProgramStatus, SetKind, Severity};
use serde_json::{Value, json};

/// The spec's example logbook with a real template: a 2-week program, 2 days a week, the
/// second day ending in an AMRAP set.
fn logbook() -> Value {
    json!({
        "logbook_version": 1,
        "as_of": "2026-04-12",
        "unit": "lb",
        "athlete": { "name": "Tommy", "birth_date": "2011-05-02", "tier": "sport_performance",
                     "goal": "prepare for football combine", "notes": "Plays linebacker." },
        "equipment": ["barbell", "squat_rack", "dumbbell", "kettlebell", "plyo_box"],
        "programs": [
            { "name": "Sport Performance Month 3", "assigned_at": "2026-03-15", "status": "active",
              "goal": "power", "template": {
                "name": "Sport Performance Month 3", "unit": "lb",
                "weeks": [
                    { "number": 1, "days": [
                        { "number": 1, "exercises": [
                            { "exercise": "Power Clean", "sort_order": 1,
                              "sets": [{ "reps": 3, "percent_tm": 70 }, { "reps": 3, "percent_tm": 75 }] } ] },
                        { "number": 2, "exercises": [
                            { "exercise": "Back Squat", "sort_order": 1,
                              "sets": [{ "reps": 5, "weight": 135 }, { "reps": null, "weight": 135 }] } ] } ] },
                    { "number": 2, "days": [
                        { "number": 1, "exercises": [
                            { "exercise": "Power Clean", "sort_order": 1, "sets": [{ "reps": 2 }] } ] } ] }
                ] } }
        ],
        "workouts": [
            { "date": "2026-03-16", "program": "Sport Performance Month 3", "week": 1, "day": 1,
              "sets": [ { "exercise": "Power Clean", "set_number": 1, "reps": 3, "weight": 105, "rpe": 7 },
                        { "exercise": "Power Clean", "set_number": 2, "reps": 3, "weight": 110, "rpe": 8 } ],
              "review": { "status": "approved", "notes": "Good bar path." } },
            { "date": "2026-03-18", "name": "Extra squats", "duration_seconds": 2700,
              "sets": [ { "exercise": "Back Squat", "set_number": 1, "reps": 5, "weight": 45, "kind": "warm_up" },
                        { "exercise": "Back Squat", "set_number": 2, "reps": 8, "weight": 135, "rpe": 8.5 } ] }
        ],
        "training_maxes": [ { "exercise": "Power Clean", "weight": 115, "effective_date": "2026-03-15" } ],
        "body_weights": [ { "date": "2026-03-16", "weight": 150 } ],
        "notes": [ { "date": "2026-03-20", "content": "Watch left knee on lunges", "is_private": true, "pinned": true } ],
        "goal_history": [ { "date": "2026-01-10", "goal": "general strength" } ],
        "tier_history": [ { "date": "2025-12-01", "tier": "intermediate" } ]
    })
}

/// Validates `doc` from text and from the value, asserts that they agree with each other and
/// with the check-only path, and returns the result.
fn check_with(validator: &Validator, doc: &Value) -> Validation<Logbook> {
    let text = serde_json::to_vec(doc).expect("a value serialises");
    let from_text = validator.validate_logbook(&text);
    let from_value = validator.validate_logbook_value(doc);
    assert_eq!(
        from_text,
        from_value,
        "validate_logbook and validate_logbook_value disagree:\n{}{}",
        render(from_text.issues()),
        render(from_value.issues())
    );
    assert_eq!(
        validator.logbook_issues(&text),
        from_text.issues(),
        "logbook_issues (not building) disagrees with validate_logbook"
    );
    let string = std::str::from_utf8(&text).expect("serde_json writes UTF-8");
    assert_eq!(
        validator.validate_logbook_str(string),
        from_text,
        "validate_logbook_str disagrees with validate_logbook"
    );
    assert_eq!(
        validator.logbook_issues_str(string),
        from_text.issues(),
        "logbook_issues_str disagrees with validate_logbook"
    );
    from_text
}

fn check(doc: &Value) -> Validation<Logbook> {
    check_with(&Validator::new(), doc)
}

/// The whole issue list, in order, as (path, code, severity) triples.
#[track_caller]
fn assert_issues(validation: &Validation<Logbook>, expected: &[(&str, &str, Severity)]) {
    let found: Vec<(String, String, Severity)> = validation
        .issues()
        .iter()
        .map(|i| (i.path.to_string(), i.code.to_string(), i.severity))
        .collect();
    let wanted: Vec<(String, String, Severity)> = expected
        .iter()
        .map(|(p, c, s)| ((*p).to_owned(), (*c).to_owned(), *s))
        .collect();
    assert_eq!(found, wanted, "issues:\n{}", render(validation.issues()));
}

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

#[test]
fn the_spec_example_with_a_real_template_is_valid_and_reads_every_member() {
    let validation = check(&logbook());
    assert_issues(&validation, &[]);
    let logbook = validation.document().expect("a valid logbook is built");
    assert_eq!(logbook.athlete.name, "Tommy");
    assert_eq!(
        logbook.athlete.birth_date.map(|d| d.to_string()).as_deref(),
        Some("2011-05-02")
    );
    assert_eq!(logbook.programs[0].status, ProgramStatus::Active);
    assert_eq!(logbook.programs[0].template.weeks.len(), 2);
    assert_eq!(logbook.workouts[0].sets[1].rpe, Some(8.0));
    assert_eq!(logbook.workouts[1].sets[0].kind, SetKind::WarmUp);
    assert_eq!(logbook.workouts[1].duration_seconds, Some(2700));
    assert!(logbook.notes[0].is_private && logbook.notes[0].pinned);
    // What the validator built is what a plain decode of the same text gives.
    let plain: Logbook = serde_json::from_value(self::logbook()).expect("plain decode");
    assert_eq!(&plain, logbook);
    // And it writes back to JSON that reads as the same logbook.
    let written = serde_json::to_vec(logbook).expect("serialises");
    let again = Validator::new()
        .parse_logbook(&written)
        .expect("what it wrote validates");
    assert_eq!(&again, logbook);
}

#[test]
fn dates_must_be_calendar_days_written_yyyy_mm_dd() {
    let mut doc = logbook();
    set(&mut doc, "/as_of", json!("2026-4-12"));
    set(&mut doc, "/workouts/0/date", json!("2026-02-30"));
    set(
        &mut doc,
        "/body_weights/0/date",
        json!("2026-03-16T10:00:00"),
    );
    set(&mut doc, "/athlete/birth_date", json!(20110502));
    let validation = check(&doc);
    assert_issues(
        &validation,
        &[
            ("/as_of", "invalid_format", E),
            ("/athlete/birth_date", "invalid_type", E),
            ("/workouts/0/date", "invalid_format", E),
            ("/body_weights/0/date", "invalid_format", E),
        ],
    );
    let messages: Vec<&str> = validation
        .issues()
        .iter()
        .map(|i| i.message.as_str())
        .collect();
    assert_eq!(
        messages[0],
        "as_of must be a date written YYYY-MM-DD, found \"2026-4-12\""
    );
    assert_eq!(
        messages[2],
        "date is not a day of the calendar, found \"2026-02-30\""
    );
}

#[test]
fn version_athlete_and_required_members() {
    let mut doc = logbook();
    set(&mut doc, "/logbook_version", json!(2));
    remove(&mut doc, "/athlete/name");
    remove(&mut doc, "/workouts/0/sets/0/set_number");
    remove(&mut doc, "/training_maxes/0/effective_date");
    remove(&mut doc, "/notes/0/content");
    assert_issues(
        &check(&doc),
        &[
            ("/logbook_version", "unsupported_version", E),
            ("/athlete/name", "required", E),
            ("/workouts/0/sets/0/set_number", "required", E),
            ("/training_maxes/0/effective_date", "required", E),
            ("/notes/0/content", "required", E),
        ],
    );
    let mut doc = logbook();
    remove(&mut doc, "/athlete");
    remove(&mut doc, "/logbook_version");
    assert_issues(
        &check(&doc),
        &[
            ("/logbook_version", "required", E),
            ("/athlete", "required", E),
        ],
    );
}

#[test]
fn unknown_members_wrong_enums_and_out_of_range_numbers() {
    let mut doc = logbook();
    set(&mut doc, "/athlete/team", json!("Tigers"));
    set(&mut doc, "/programs/0/status", json!("paused"));
    set(&mut doc, "/workouts/0/sets/0/rpe", json!(11));
    set(&mut doc, "/workouts/0/sets/1/reps", json!(-1));
    set(&mut doc, "/workouts/1/sets/1/kind", json!("amrap"));
    set(&mut doc, "/equipment/1", json!("Squat Rack"));
    set(&mut doc, "/workouts/0/review/status", json!("ok"));
    let validation = check(&doc);
    assert_issues(
        &validation,
        &[
            ("/athlete/team", "unknown_field", E),
            ("/equipment/1", "invalid_format", E),
            ("/programs/0/status", "invalid_enum", E),
            ("/workouts/0/sets/0/rpe", "too_big", E),
            ("/workouts/0/sets/1/reps", "too_small", E),
            ("/workouts/0/review/status", "invalid_enum", E),
            ("/workouts/1/sets/1/kind", "invalid_enum", E),
        ],
    );
    assert!(
        validation.issues()[2]
            .message
            .contains("\"active\", \"completed\", \"abandoned\", \"planned\"")
    );
}

#[test]
fn logged_reps_are_bounded_by_their_rep_type_and_may_be_zero() {
    let mut doc = logbook();
    set(&mut doc, "/workouts/0/sets/0/reps", json!(0));
    set(&mut doc, "/workouts/0/sets/1/reps", json!(101));
    set(&mut doc, "/workouts/1/sets/1/rep_type", json!("seconds"));
    set(&mut doc, "/workouts/1/sets/1/reps", json!(3600));
    let validation = check(&doc);
    assert_issues(&validation, &[("/workouts/0/sets/1/reps", "too_big", E)]);
    assert_eq!(
        validation.issues()[0].message,
        "reps must be at most 100 when rep_type is \"reps\", found 101"
    );
}

#[test]
fn a_set_number_repeats_only_across_exercises() {
    let mut doc = logbook();
    set(&mut doc, "/workouts/0/sets/1/set_number", json!(1));
    let validation = check(&doc);
    assert_issues(
        &validation,
        &[("/workouts/0/sets/1/set_number", "duplicate", E)],
    );
    // The same number for another exercise, spelt differently, is a different exercise only
    // when the names differ after normalisation.
    let mut doc = logbook();
    set(&mut doc, "/workouts/0/sets/1/set_number", json!(1));
    set(&mut doc, "/workouts/0/sets/1/exercise", json!("Hang Clean"));
    assert_issues(&check(&doc), &[]);
    let mut doc = logbook();
    set(&mut doc, "/workouts/0/sets/1/set_number", json!(1));
    set(
        &mut doc,
        "/workouts/0/sets/1/exercise",
        json!("power-clean"),
    );
    assert_issues(
        &check(&doc),
        &[("/workouts/0/sets/1/set_number", "duplicate", E)],
    );
}

#[test]
fn a_weight_anywhere_needs_the_unit() {
    let mut doc = logbook();
    remove(&mut doc, "/unit");
    let validation = check(&doc);
    assert_issues(&validation, &[("/unit", "required", E)]);
    // Without any weight the unit may be left out.
    let doc = json!({ "logbook_version": 1, "athlete": { "name": "A" },
        "workouts": [{ "date": "2026-01-05", "sets": [{ "exercise": "Push-up", "set_number": 1, "reps": 20 }] }] });
    assert_issues(&check(&doc), &[]);
    // A body weight alone needs it too.
    let doc = json!({ "logbook_version": 1, "athlete": { "name": "A" },
        "body_weights": [{ "date": "2026-01-05", "weight": 70 }] });
    assert_issues(&check(&doc), &[("/unit", "required", E)]);
}

#[test]
fn workouts_name_an_assigned_program_and_a_week_and_day_of_its_template() {
    let mut doc = logbook();
    set(&mut doc, "/workouts/0/program", json!("Month 4"));
    assert_issues(&check(&doc), &[("/workouts/0/program", "conflict", E)]);

    // Names compare after normalisation, like every name.
    let mut doc = logbook();
    set(
        &mut doc,
        "/workouts/0/program",
        json!("sport performance  month-3"),
    );
    assert_issues(&check(&doc), &[]);

    let mut doc = logbook();
    set(&mut doc, "/workouts/0/week", json!(3));
    let validation = check(&doc);
    assert_issues(&validation, &[("/workouts/0/week", "conflict", E)]);
    assert_eq!(
        validation.issues()[0].message,
        "\"Sport Performance Month 3\" has 2 weeks, so it has no week 3"
    );

    let mut doc = logbook();
    set(&mut doc, "/workouts/0/week", json!(2));
    set(&mut doc, "/workouts/0/day", json!(2));
    let validation = check(&doc);
    assert_issues(&validation, &[("/workouts/0/day", "conflict", E)]);
    assert_eq!(
        validation.issues()[0].message,
        "week 2 of \"Sport Performance Month 3\" has no day 2 (its days are 1)"
    );

    let mut doc = logbook();
    remove(&mut doc, "/workouts/0/day");
    assert_issues(&check(&doc), &[("/workouts/0/day", "required", E)]);

    let mut doc = logbook();
    set(&mut doc, "/workouts/1/week", json!(1));
    assert_issues(&check(&doc), &[("/workouts/1/week", "conflict", E)]);
}

#[test]
fn programs_may_follow_the_workouts_that_name_them() {
    let mut doc = logbook();
    let programs = remove(&mut doc, "/programs");
    set(&mut doc, "/programs", programs);
    // serde_json keeps insertion order (preserve_order), so "programs" now comes last.
    let text = serde_json::to_string(&doc).expect("serialises");
    assert!(text.find("\"workouts\"") < text.find("\"programs\""));
    assert_issues(&check(&doc), &[]);
    set(&mut doc, "/workouts/0/week", json!(5));
    assert_issues(&check(&doc), &[("/workouts/0/week", "conflict", E)]);
}

#[test]
fn a_loop_programs_workouts_are_all_week_one() {
    let mut doc = logbook();
    set(&mut doc, "/programs/0/template/is_loop", json!(true));
    let weeks = remove(&mut doc, "/programs/0/template/weeks/1");
    drop(weeks);
    assert_issues(&check(&doc), &[]);
    set(&mut doc, "/workouts/0/week", json!(2));
    let validation = check(&doc);
    assert_issues(&validation, &[("/workouts/0/week", "conflict", E)]);
    assert!(validation.issues()[0].message.contains("loop program"));
}

#[test]
fn templates_are_checked_as_catalogjson_programs_and_may_repeat() {
    let mut doc = logbook();
    set(
        &mut doc,
        "/programs/0/template/weeks/0/days/0/exercises/0/sets/0/rpe",
        json!(7.3),
    );
    set(&mut doc, "/programs/0/template/weeks/1/number", json!(3));
    let validation = check(&doc);
    assert_issues(
        &validation,
        &[
            (
                "/programs/0/template/weeks/0/days/0/exercises/0/sets/0/rpe",
                "not_multiple",
                E,
            ),
            ("/programs/0/template/weeks/1/number", "out_of_sequence", E),
        ],
    );
    // A template with issues says nothing reliable about its weeks: no cascade of conflicts.
    let mut doc = logbook();
    set(&mut doc, "/programs/0/template/weeks/1/number", json!(3));
    set(&mut doc, "/workouts/0/week", json!(2));
    assert_issues(
        &check(&doc),
        &[("/programs/0/template/weeks/1/number", "out_of_sequence", E)],
    );

    // The same template assigned twice (a second cycle) is fine; the assignments' names are not.
    let mut doc = logbook();
    let mut again = doc["programs"][0].clone();
    again["name"] = json!("Sport Performance Month 3 (again)");
    common::push(&mut doc, "/programs", again.clone());
    assert_issues(&check(&doc), &[]);
    again["name"] = json!("sport performance month 3");
    common::push(&mut doc, "/programs", again);
    assert_issues(&check(&doc), &[("/programs/2/name", "duplicate", E)]);
}

#[test]
fn against_a_catalog_unknown_names_only_warn_as_logbooks_are_history() {
    let catalog = Catalog::new(
        vec![
            Exercise::named("Power Clean"),
            Exercise::named("Back Squat"),
        ],
        vec![],
    );
    let validator = Validator::new().with_catalog(&catalog);
    assert_issues(&check_with(&validator, &logbook()), &[]);

    let mut doc = logbook();
    set(
        &mut doc,
        "/workouts/1/sets/0/exercise",
        json!("Back Squats"),
    );
    set(
        &mut doc,
        "/workouts/1/sets/1/exercise",
        json!("Back Squats"),
    );
    set(&mut doc, "/training_maxes/0/exercise", json!("Box Jump"));
    set(
        &mut doc,
        "/programs/0/template/weeks/1/days/0/exercises/0/exercise",
        json!("Power Snatch"),
    );
    let validation = check_with(&validator, &doc);
    assert_issues(
        &validation,
        &[
            (
                "/programs/0/template/weeks/1/days/0/exercises/0/exercise",
                "unknown_exercise",
                W,
            ),
            ("/workouts/1/sets/0/exercise", "unknown_exercise", W),
            ("/training_maxes/0/exercise", "unknown_exercise", W),
        ],
    );
    assert_eq!(
        validation.issues()[1].message,
        "\"Back Squats\" is not an exercise of the catalog in force; the closest name is \"Back Squat\"; the logbook keeps the name as written"
    );
    // Warnings alone leave the logbook valid.
    set(
        &mut doc,
        "/programs/0/template/weeks/1/days/0/exercises/0/exercise",
        json!("Power Clean"),
    );
    let validation = check_with(&validator, &doc);
    assert!(validation.is_valid());
    assert!(validation.document().is_some());
    // Without a catalog nothing is checked against one.
    assert_issues(&check(&doc), &[]);
}

#[test]
fn parse_logbook_returns_every_issue_with_the_documents_kind() {
    let mut doc = logbook();
    set(&mut doc, "/as_of", json!("yesterday"));
    let text = serde_json::to_vec(&doc).expect("serialises");
    let Err(CatalogError::Invalid(invalid)) = replog_catalog::parse_logbook(&text) else {
        panic!("an invalid logbook must not parse");
    };
    assert_eq!(invalid.issues.len(), 1);
    assert!(
        invalid
            .to_string()
            .starts_with("invalid Logbook JSON document (1 error):")
    );
    let parsed = replog_catalog::parse_logbook(serde_json::to_vec(&logbook()).expect("json"))
        .expect("the example parses");
    assert_eq!(parsed.workouts.len(), 2);
}

#[test]
fn not_json_and_hostile_nesting_are_single_issues() {
    let validation = Validator::new().validate_logbook("{\"logbook_version\": 1,");
    assert_issues(&validation, &[("", "invalid_json", E)]);
    let deep = format!(
        "{{\"logbook_version\":1,\"athlete\":{{\"name\":\"A\"}},\"notes\":{}{}}}",
        "[".repeat(200),
        "]".repeat(200)
    );
    let validation = Validator::new().validate_logbook(deep);
    assert_eq!(
        validation.issues().len(),
        1,
        "{}",
        render(validation.issues())
    );
    assert_eq!(validation.issues()[0].code.as_str(), "too_big");
}

#[test]
fn a_logbook_is_not_a_catalog_and_a_catalog_is_not_a_logbook() {
    let validation = Validator::new().validate_logbook(br#"{"catalog_version": 1}"#);
    assert_issues(
        &validation,
        // Missing members sort where their object starts, as in CatalogJSON.
        &[
            ("/logbook_version", "required", E),
            ("/athlete", "required", E),
            ("/catalog_version", "unknown_field", E),
        ],
    );
}

/// The exported schema (judged by the independent `jsonschema` crate, formats asserted)
/// accepts what the validator accepts and rejects every single-member breakage the validator
/// rejects with a code a schema can express.
#[test]
fn the_exported_logbook_schema_agrees_with_the_validator() {
    let schema_doc = replog_core::schema::logbook_schema();
    let schema = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema_doc)
        .expect("the exported logbook schema compiles");
    assert!(
        schema.is_valid(&logbook()),
        "the schema rejects the valid example"
    );
    let breakages: [(&str, Value); 12] = [
        ("/logbook_version", json!(2)),
        ("/as_of", json!("2026-02-30")),
        ("/unit", json!("stone")),
        ("/athlete/name", json!(7)),
        ("/equipment/0", json!("Barbell")),
        ("/programs/0/status", json!("paused")),
        ("/programs/0/template/weeks", json!([])),
        ("/workouts/0/sets/0/reps", json!(-1)),
        ("/workouts/0/sets/0/rpe", json!(0.5)),
        ("/workouts/0/sets/0/set_number", json!(0)),
        ("/workouts/0/extra", json!(true)),
        ("/notes/0/is_private", json!("yes")),
    ];
    for (pointer, value) in breakages {
        let mut doc = logbook();
        set(&mut doc, pointer, value);
        let validation = check(&doc);
        assert!(
            !validation.is_valid(),
            "the validator accepts a broken {pointer}"
        );
        assert!(
            !schema.is_valid(&doc),
            "the schema accepts a broken {pointer}: {}",
            render(validation.issues())
        );
    }
}

/// Every JSON Pointer to a value in `doc`, the root excluded.
fn pointers(doc: &Value, prefix: &str, out: &mut Vec<String>) {
    match doc {
        Value::Object(map) => {
            for (key, value) in map {
                let here = format!("{prefix}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(here.clone());
                pointers(value, &here, out);
            }
        }
        Value::Array(items) => {
            for (index, value) in items.iter().enumerate() {
                let here = format!("{prefix}/{index}");
                out.push(here.clone());
                pointers(value, &here, out);
            }
        }
        _ => {}
    }
}

mod mutations {
    use super::*;
    use proptest::prelude::*;

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            (-3i64..60).prop_map(Value::from),
            "[a-z0-9 _-]{0,12}".prop_map(Value::from),
            Just(json!("2026-03-16")),
            Just(json!("Sport Performance Month 3")),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// Replacing or removing any value of a valid logbook never panics; text and value
        /// validation agree, the check-only path agrees, and every issue points at a value
        /// that exists in the document or at a member that is missing from an object there.
        #[test]
        fn any_single_change_gives_consistent_issues(pick in any::<prop::sample::Index>(), replacement in any_json(), delete in any::<bool>()) {
            let mut doc = logbook();
            let mut all = Vec::new();
            pointers(&doc, "", &mut all);
            let pointer = pick.get(&all).clone();
            if delete {
                remove(&mut doc, &pointer);
            } else {
                set(&mut doc, &pointer, replacement);
            }
            let validation = check(&doc);
            for issue in validation.issues() {
                let path = issue.path.to_string();
                let parent = path.rsplit_once('/').map_or("", |(parent, _)| parent);
                prop_assert!(
                    doc.pointer(&path).is_some() || doc.pointer(parent).is_some_and(Value::is_object),
                    "issue at {path} points nowhere: {}", render(validation.issues())
                );
            }
            if validation.is_valid() {
                prop_assert!(validation.document().is_some());
            }
        }
    }
}
