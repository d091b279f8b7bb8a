//! Real third-party data: free-exercise-db (873 exercises, Unlicense) converted to a CatalogJSON
//! catalog, validated, and used as a host catalog. Reads `../shared/data`; skips, saying so,
//! where that folder is absent.

use std::path::PathBuf;

use replog_catalog::Validator;
use serde_json::{Value, json};

fn shared_data(relative: &str) -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(relative);
    match std::fs::read(&path) {
        Ok(bytes) => Some(serde_json::from_slice(&bytes).expect("the shared data file is JSON")),
        Err(error) => {
            eprintln!(
                "SKIPPED: {} is not readable ({error}); the real-data test needs ../shared/data",
                path.display()
            );
            None
        }
    }
}

/// A CatalogJSON token from free text: "e-z curl bar" -> "e_z_curl_bar".
fn token(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// free-exercise-db's record as a CatalogJSON exercise (the full converter comes with the
/// converters issue; this is what the validator needs to see real names and equipment).
fn convert(record: &Value) -> Value {
    let text = |key: &str| record[key].as_str().unwrap_or_default();
    let mut exercise = json!({ "name": text("name") });
    match text("equipment") {
        "" | "body only" => {}
        equipment => exercise["equipment"] = json!([token(equipment)]),
    }
    let muscles: Vec<String> = ["primaryMuscles", "secondaryMuscles"]
        .iter()
        .flat_map(|key| record[*key].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .map(token)
        .collect();
    if !muscles.is_empty() {
        exercise["muscles"] = json!(muscles);
    }
    let category = match text("category") {
        "stretching" => Some("mobility"),
        "plyometrics" => Some("plyometric"),
        "olympic weightlifting" => Some("olympic"),
        "cardio" => Some("conditioning"),
        "strength" | "powerlifting" | "strongman" => Some("strength"),
        _ => None,
    };
    if let Some(category) = category {
        exercise["category"] = json!(category);
    }
    let tier = match text("level") {
        "beginner" => Some("foundational"),
        "intermediate" => Some("intermediate"),
        "expert" => Some("sport_performance"),
        _ => None,
    };
    if let Some(tier) = tier {
        exercise["tier"] = json!(tier);
    }
    let steps: Vec<&str> = record["instructions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let notes: String = steps.join(" ").chars().take(2000).collect();
    if !notes.trim().is_empty() {
        exercise["form_notes"] = json!(notes);
    }
    exercise
}

fn free_exercise_db() -> Option<Value> {
    let records = shared_data("free-exercise-db/exercises.json")?;
    let exercises: Vec<Value> = records
        .as_array()
        .expect("an array of exercises")
        .iter()
        .map(convert)
        .collect();
    Some(json!({ "catalog_version": 1, "exercises": exercises }))
}

#[test]
fn free_exercise_db_converts_to_a_valid_catalog() {
    let Some(doc) = free_exercise_db() else {
        return;
    };
    let bytes = serde_json::to_vec(&doc).expect("serialises");
    let report = Validator::new().validate(&bytes);
    assert!(
        report.is_valid(),
        "issues: {:#?}",
        &report.issues()[..report.issues().len().min(10)]
    );
    let catalog = report.document().expect("a valid document");
    assert_eq!(catalog.exercises.len(), 873);
    let squat = catalog
        .exercises
        .iter()
        .find(|e| e.name == "Barbell Squat")
        .expect("Barbell Squat");
    assert_eq!(squat.equipment, ["barbell"]);
    assert_eq!(
        Validator::new().validate_value(&doc).issues(),
        report.issues()
    );
}

#[test]
fn a_program_resolves_against_free_exercise_db_as_the_host_catalog() {
    let Some(doc) = free_exercise_db() else {
        return;
    };
    let host = replog_catalog::parse(serde_json::to_vec(&doc).expect("serialises"))
        .expect("valid catalog");
    let program = json!({"catalog_version": 1, "programs": [{"name": "Home block", "weeks": [
    {"number": 1, "days": [{"number": 1, "exercises": [
        {"exercise": "barbell squat", "sort_order": 1, "sets": [{"reps": 5}]},
        {"exercise": "PUSHUPS", "sort_order": 2, "sets": [{"reps": null}]},
        {"exercise": "Dumbbell Bench-Press", "sort_order": 3, "sets": [{"reps": 10}]},
        {"exercise": "Barbel Deadlift", "sort_order": 4, "sets": [{"reps": 5}]}
    ]}]}]}]});
    let validator = Validator::new()
        .with_catalog(&host)
        .with_equipment(["dumbbell"]);
    let report = validator.validate_value(&program);
    let found: Vec<(String, String)> = report
        .issues()
        .iter()
        .map(|i| (i.path.to_string(), i.code.to_string()))
        .collect();
    let expect = |n: usize, code: &str| {
        (
            format!("/programs/0/weeks/0/days/0/exercises/{n}/exercise"),
            code.to_owned(),
        )
    };
    assert_eq!(
        found,
        [
            expect(0, "equipment_unavailable"),
            expect(3, "unknown_exercise")
        ],
        "{:#?}",
        report.issues()
    );
    assert!(
        report.issues()[0].message.contains("barbell"),
        "{}",
        report.issues()[0].message
    );
    assert!(
        report.issues()[1].message.contains("\"Barbell Deadlift\""),
        "{}",
        report.issues()[1].message
    );
}
