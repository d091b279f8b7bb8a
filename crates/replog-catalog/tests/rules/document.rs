//! The whole document: the spec's example, the minimal document, defaults, `catalog_version`.

use crate::common::{
    SET, SPEC_EXAMPLE, assert_issues, assert_issues_in, assert_valid, at, check, check_text, doc,
    doc_with, remove, set,
};
use crate::support::doc_rule;
use replog_catalog::Validator;
use replog_core::{AppliesTo, Catalog, Category, Every, RepType, Superset, Tier, Unit};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// The spec's example and the document

#[test]
fn spec_example_is_valid() {
    let value: Value = serde_json::from_str(SPEC_EXAMPLE).unwrap();
    assert_valid(&check(&value));
    assert_valid(&check_text(SPEC_EXAMPLE));
}

#[test]
fn spec_example_parses_into_the_catalog_it_describes() {
    let catalog = Validator::new()
        .parse(SPEC_EXAMPLE)
        .expect("the spec's example is valid");
    // The plain serde decode of trusted data reads the same model.
    let decoded: Catalog = serde_json::from_str(SPEC_EXAMPLE).unwrap();
    assert_eq!(catalog, decoded);

    assert_eq!(catalog.exercises.len(), 3);
    let clean = &catalog.exercises[0];
    assert_eq!(clean.name, "Power Clean");
    assert_eq!(clean.aliases, ["Clean", "PC"]);
    assert_eq!(clean.tier, Some(Tier::SportPerformance));
    assert_eq!(clean.category, Some(Category::Olympic));
    assert_eq!(clean.equipment, ["barbell", "bumper_plates"]);
    assert_eq!(
        clean.muscles,
        ["quadriceps", "glutes", "hamstrings", "trapezius"]
    );
    assert_eq!(
        clean.form_notes.as_deref(),
        Some("Bar close; finish tall before the catch.")
    );
    assert_eq!(catalog.exercises[1].tier, None);
    assert_eq!(catalog.exercises[1].category, Some(Category::Plyometric));
    assert_eq!(catalog.exercises[2].equipment, ["kettlebell"]);

    assert_eq!(catalog.programs.len(), 1);
    let program = &catalog.programs[0];
    assert_eq!(program.name, "Sport Performance Month 4 - Tommy");
    assert_eq!(program.goal.as_deref(), Some("football combine prep"));
    assert_eq!(program.description, None);
    assert_eq!(program.unit, Some(Unit::Lb));
    assert!(!program.is_loop);
    assert_eq!(program.weeks.len(), 1);
    let week = &program.weeks[0];
    assert_eq!(week.number, 1);
    assert_eq!(week.label.as_deref(), Some("accumulation"));
    let day = &week.days[0];
    assert_eq!(day.number, 1);
    assert_eq!(day.name.as_deref(), Some("Lower power"));
    assert_eq!(day.exercises.len(), 3);

    let clean = &day.exercises[0];
    assert_eq!(clean.exercise, "Power Clean");
    assert_eq!(clean.sort_order, 1);
    assert_eq!(clean.superset, None);
    assert_eq!(clean.sets.len(), 3);
    assert_eq!(clean.sets[0].reps, Some(3));
    assert_eq!(clean.sets[0].rep_type, RepType::Reps);
    assert_eq!(clean.sets[0].percent_tm, Some(70.0));
    assert_eq!(clean.sets[0].rest_seconds, Some(120));
    assert_eq!(clean.sets[1].percent_tm, Some(75.0));
    let amrap = &clean.sets[2];
    assert_eq!(amrap.reps, None);
    assert!(amrap.is_amrap());
    assert_eq!(amrap.percent_tm, Some(80.0));
    assert_eq!(amrap.rest_seconds, None);
    assert_eq!(amrap.notes.as_deref(), Some("AMRAP, stop at RPE 9"));

    let jump = &day.exercises[1];
    assert_eq!(jump.sort_order, 2);
    assert_eq!(jump.superset, Superset::new('A'));
    assert_eq!(jump.sets.len(), 3);
    assert!(
        jump.sets
            .iter()
            .all(|s| s.reps == Some(5) && s.weight.is_none())
    );

    let carry = &day.exercises[2];
    assert_eq!(carry.superset.map(Superset::letter), Some('A'));
    assert_eq!(carry.sets[0].rep_type, RepType::Seconds);
    assert_eq!(carry.sets[0].reps, Some(30));
    assert_eq!(carry.sets[0].weight, Some(35.0));
    assert_eq!(carry.sets[0].percent_tm, None);

    let rule = &program.progression_rules[0];
    assert_eq!(rule.exercise, "Power Clean");
    assert_eq!(rule.increment, 5.0);
    assert_eq!(rule.every, Every::Cycle);
    assert_eq!(rule.applies_to, AppliesTo::TrainingMax);
    assert_eq!(rule.deload_after_failures, Some(3));
    assert_eq!(rule.deload_percent, Some(10.0));
}

#[test]
fn minimal_document_is_valid() {
    assert_valid(&check(&doc()));
}

#[test]
fn document_with_neither_exercises_nor_programs_is_valid() {
    let validation = check(&json!({ "catalog_version": 1 }));
    assert_valid(&validation);
    assert_eq!(validation.document(), Some(&Catalog::default()));
    let explicit = check(&json!({ "catalog_version": 1, "exercises": [], "programs": [] }));
    assert_valid(&explicit);
    assert_eq!(explicit.document(), Some(&Catalog::default()));
}

#[test]
fn absent_optional_members_take_their_defaults() {
    let validation = check(&doc_rule());
    assert_valid(&validation);
    let catalog = validation.document().unwrap();
    let program = &catalog.programs[0];
    assert!(!program.is_loop);
    assert_eq!(program.unit, Some(Unit::Kg));
    let set0 = &program.weeks[0].days[0].exercises[0].sets[0];
    assert_eq!(set0.rep_type, RepType::Reps);
    assert_eq!(set0.reps, Some(5));
    let rule = &program.progression_rules[0];
    assert_eq!(rule.applies_to, AppliesTo::TrainingMax);
    assert_eq!(rule.every, Every::Week);
    assert_eq!(rule.deload_after_failures, None);
    assert_eq!(catalog.exercises[0].aliases, Vec::<String>::new());
    assert!(catalog.exercises[0].is_bodyweight());
    // No exercises member: an empty catalog of exercises.
    let mut d = doc();
    remove(&mut d, "/exercises");
    assert_eq!(check(&d).document().unwrap().exercises, []);
}

// ---------------------------------------------------------------------------------------
// unsupported_version

#[test]
fn catalog_version_other_than_1_is_unsupported() {
    for version in [json!(2), json!(0), json!(-1), json!(2.0), json!(100)] {
        let d = doc_with("/catalog_version", version.clone());
        assert_issues_in(
            &version.to_string(),
            &check(&d),
            &[("/catalog_version", "unsupported_version")],
        );
    }
}

#[test]
fn catalog_version_of_the_wrong_type_is_invalid_type() {
    for version in [json!("1"), json!(true), json!([1]), json!({ "major": 1 })] {
        let d = doc_with("/catalog_version", version.clone());
        assert_issues_in(
            &version.to_string(),
            &check(&d),
            &[("/catalog_version", "invalid_type")],
        );
    }
}

#[test]
fn catalog_version_missing_is_required() {
    let mut d = doc();
    remove(&mut d, "/catalog_version");
    assert_issues(&check(&d), &[("/catalog_version", "required")]);
}

#[test]
fn unsupported_version_does_not_hide_other_issues() {
    let mut d = doc_with("/catalog_version", json!(2));
    set(&mut d, &at(SET, "rpe"), json!(7.3));
    assert_issues(
        &check(&d),
        &[
            ("/catalog_version", "unsupported_version"),
            (&at(SET, "rpe"), "not_multiple"),
        ],
    );
}
