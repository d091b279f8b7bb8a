//! The sample logbook's program templates (`examples/data/sample-logbook.json`) are valid
//! CatalogJSON programs against the sample catalog and within the athlete's equipment, and
//! the sample data's equipment ids are the converters' vocabulary.

use replog_catalog::Validator;
use serde_json::{Value, json};

const LOGBOOK: &str = include_str!("../../../examples/data/sample-logbook.json");
const CATALOG: &str = include_str!("../../../examples/data/sample-program.json");
const SPEC_EXAMPLE: &str = include_str!("../../../examples/data/spec-example.json");
const DRAFT: &str = include_str!("../../../examples/data/llm-draft-month-5.json");

#[test]
fn every_template_of_the_sample_logbook_is_a_valid_program() {
    let logbook: Value = serde_json::from_str(LOGBOOK).expect("the sample logbook is JSON");
    let catalog = replog_catalog::parse(CATALOG.as_bytes()).expect("the sample catalog is valid");
    let equipment: Vec<&str> = logbook["equipment"]
        .as_array()
        .expect("equipment")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let validator = Validator::new()
        .with_catalog(&catalog)
        .with_equipment(&equipment);
    let programs = logbook["programs"].as_array().expect("programs");
    assert!(programs.len() >= 2);
    for program in programs {
        let document = json!({"catalog_version": 1, "programs": [program["template"]]});
        let report = validator.validate_value(&document);
        let issues: Vec<String> = report.issues().iter().map(ToString::to_string).collect();
        assert!(issues.is_empty(), "{}: {issues:#?}", program["name"]);
    }
}

/// The sample data speaks the converters' equipment vocabulary (singular snake_case ids:
/// `dumbbell`, not `dumbbells`), so that an exercise converted from free-exercise-db and the
/// athlete's equipment list compare equal.
#[test]
fn the_sample_datas_equipment_ids_are_in_their_canonical_form() {
    use replog_catalog::convert::vocabulary::canonical_equipment;
    let logbook: Value = serde_json::from_str(LOGBOOK).expect("the sample logbook is JSON");
    let mut ids: Vec<String> = logbook["equipment"]
        .as_array()
        .expect("equipment")
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    for text in [CATALOG, SPEC_EXAMPLE, DRAFT] {
        let catalog: Value = serde_json::from_str(text).expect("JSON");
        for exercise in catalog["exercises"].as_array().expect("exercises") {
            ids.extend(
                exercise["equipment"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_owned),
            );
        }
    }
    assert!(ids.iter().any(|id| id == "dumbbell"));
    for id in &ids {
        assert_eq!(canonical_equipment(id), [id.as_str()], "{id}");
    }
}
