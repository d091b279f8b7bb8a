//! The API around a validation (`first_error`, `is_valid`, `parse`, serialisation, reuse)
//! and the text it reads: UTF-8 and a byte order mark.

use crate::common::{
    PRESCRIBED, PROGRAM, SET, SPEC_EXAMPLE, assert_issues, assert_valid, at, check, check_text,
    check_text_with, check_with, doc, doc_with, remove, render, set,
};
use crate::ordering_and_cascades::ORDER_TEXT;
use crate::support::{host, text};
use replog_catalog::{CatalogError, Validator};
use serde_json::json;

// ---------------------------------------------------------------------------------------
// The API around a validation

fn text_of_rpe_73() -> String {
    text(&doc_with(&at(SET, "rpe"), json!(7.3)))
}

/// A missing member reported when its object ends, before an issue found earlier inside it.
fn text_missing_name_before_rpe() -> String {
    let mut d = doc_with(&at(SET, "rpe"), json!(7.3));
    remove(&mut d, &at(PROGRAM, "name"));
    text(&d)
}

/// An unknown exercise (resolved when the document ends) before an RPE off its step.
fn text_unknown_before_rpe() -> String {
    let mut d = doc();
    set(&mut d, &at(PRESCRIBED, "exercise"), json!("Front Squat"));
    set(&mut d, &at(SET, "rpe"), json!(9.9));
    text(&d)
}

fn sample_texts() -> Vec<String> {
    vec![
        SPEC_EXAMPLE.to_owned(),
        text(&doc()),
        text_of_rpe_73(),
        text_missing_name_before_rpe(),
        text_unknown_before_rpe(),
        ORDER_TEXT.to_owned(),
        "{".to_owned(),
        "[]".to_owned(),
    ]
}

#[track_caller]
fn assert_first_error_agrees(text: &str) {
    let validator = Validator::new();
    let full = validator.validate(text);
    assert_eq!(
        validator.first_error(text),
        full.errors().next().cloned(),
        "first_error for {text}\nall issues:\n{}",
        render(full.issues())
    );
    assert_eq!(
        validator.is_valid(text),
        full.is_valid(),
        "is_valid for {text}"
    );
}

#[test]
fn first_error_of_valid_and_malformed_documents() {
    assert_first_error_agrees(SPEC_EXAMPLE);
    assert_first_error_agrees(&text(&doc()));
    assert_first_error_agrees("{");
    assert_first_error_agrees(r#"{"catalog_version": 1} x"#);
}

#[test]
fn first_error_of_a_document_with_one_error() {
    assert_first_error_agrees(&text_of_rpe_73());
    assert_first_error_agrees("[]");
    assert_first_error_agrees(r#"{"catalog_version": 1, "x": 1, "programs": []}"#);
}

#[test]
fn first_error_is_the_first_error_in_document_order() {
    assert_first_error_agrees(&text_missing_name_before_rpe());
    assert_first_error_agrees(&text_unknown_before_rpe());
    assert_first_error_agrees(ORDER_TEXT);
}

#[test]
fn parse_gives_the_catalog_or_every_issue() {
    let validator = Validator::new();
    for text in sample_texts() {
        let full = validator.validate(&text);
        match validator.parse(&text) {
            Ok(catalog) => {
                assert!(full.is_valid(), "{text}");
                assert_eq!(Some(&catalog), full.document());
            }
            Err(CatalogError::Invalid(invalid)) => {
                assert!(!full.is_valid(), "{text}");
                assert_eq!(invalid.issues, full.issues(), "{text}");
                assert!(invalid.to_string().contains(&full.issues()[0].message));
            }
            Err(other) => panic!("unexpected error {other}"),
        }
        // The free functions are the default validator.
        assert_eq!(replog_catalog::validate(&text), full);
        assert_eq!(
            replog_catalog::parse(&text).ok(),
            full.clone().into_result().ok()
        );
    }
}

#[test]
fn an_invalid_document_builds_no_catalog() {
    let validation = check(&doc_with(&at(SET, "rpe"), json!(7.3)));
    assert_eq!(validation.document(), None);
    let (document, issues) = validation.clone().into_parts();
    assert_eq!(document, None);
    assert_eq!(issues, validation.issues());
    assert_eq!(validation.errors().count(), 1);
}

#[test]
fn validation_serialises_as_valid_and_issues() {
    let validation = check(&doc_with(&at(SET, "rpe"), json!(7.3)));
    assert_eq!(
        serde_json::to_value(&validation).unwrap(),
        json!({
            "valid": false,
            "issues": [{
                "path": "/programs/0/weeks/0/days/0/exercises/0/sets/0/rpe",
                "code": "not_multiple",
                "message": "rpe must be a multiple of 0.5, got 7.3",
                "severity": "error",
            }],
        })
    );
    assert_eq!(
        serde_json::to_value(check(&doc())).unwrap(),
        json!({ "valid": true, "issues": [] })
    );
    let broken = check_text("{");
    let value = serde_json::to_value(&broken).unwrap();
    assert_eq!(value["valid"], json!(false));
    assert_eq!(value["issues"][0]["path"], json!(""));
    assert_eq!(value["issues"][0]["code"], json!("invalid_json"));
}

#[test]
fn a_validator_is_reusable() {
    let validator = Validator::new()
        .with_catalog(&host())
        .with_equipment(["barbell"]);
    let good = doc();
    let bad = doc_with(&at(SET, "rpe"), json!(7.3));
    for _ in 0..3 {
        assert_valid(&check_with(&validator, &good));
        assert_issues(
            &check_with(&validator, &bad),
            &[(&at(SET, "rpe"), "not_multiple")],
        );
    }
    let validator = Validator::new().with_catalog(&host()).with_equipment([
        "barbell",
        "bumper_plates",
        "plyo_box",
        "kettlebell",
    ]);
    assert_valid(&check_text_with(&validator, SPEC_EXAMPLE));
    assert_valid(&check_text_with(&validator, SPEC_EXAMPLE));
}

// ---------------------------------------------------------------------------------------
// Text encoding: UTF-8 and the byte order mark

#[test]
fn invalid_utf8_inside_a_string_is_invalid_json() {
    let mut text = br#"{"catalog_version": 1, "programs": [{"name": "Blo"#.to_vec();
    text.push(0xFF);
    text.extend_from_slice(br#"ck", "weeks": 5}]}"#);
    assert_issues(&check_text(&text), &[("", "invalid_json")]);
    // Also inside a member nothing reads.
    let mut text = br#"{"catalog_version": 1, "x": ""#.to_vec();
    text.extend_from_slice(&[0xC3, 0x28]);
    text.extend_from_slice(br#""}"#);
    assert_issues(&check_text(&text), &[("", "invalid_json")]);
}

#[test]
fn utf8_bom_before_the_document_is_accepted() {
    let mut text = b"\xEF\xBB\xBF".to_vec();
    text.extend_from_slice(SPEC_EXAMPLE.as_bytes());
    assert_valid(&check_text(&text));
    assert!(Validator::new().parse(&text).is_ok());
    // The BOM changes nothing about the issues.
    let mut bad = b"\xEF\xBB\xBF".to_vec();
    bad.extend_from_slice(text_of_rpe_73().as_bytes());
    assert_eq!(
        check_text(&bad).issues(),
        check_text(text_of_rpe_73()).issues()
    );
}
