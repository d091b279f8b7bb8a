//! The sample logbook's program templates (`examples/data/sample-logbook.json`) are valid
//! CatalogJSON programs against the sample catalog and within the athlete's equipment.

use replog_catalog::Validator;
use serde_json::{Value, json};

const LOGBOOK: &str = include_str!("../../../examples/data/sample-logbook.json");
const CATALOG: &str = include_str!("../../../examples/data/sample-program.json");

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
