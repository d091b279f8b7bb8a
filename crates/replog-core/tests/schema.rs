//! The exported JSON Schemas, their OpenAI strict form, the rules they leave to the validator
//! and the TypeScript rendering, checked against the spec's example and a real validator.

mod common;

use std::collections::BTreeSet;

use common::{Member, fill_nulls, members, spec_envelope, spec_example, subschemas};
use replog_core::limits::NON_BLANK_PATTERN;
use replog_core::schema::{
    Dialect, UnexpressedRule, catalog_schema, catalog_typescript, check_openai_limits,
    envelope_schema, envelope_typescript, strip_strict_nulls, unexpressed_rules,
};
use replog_core::{Code, Issue, Path};
use serde_json::{Value, json};

fn base() -> Value {
    catalog_schema(Dialect::Draft202012).expect("the 2020-12 schema never fails")
}

fn compile(schema: &Value) -> jsonschema::Validator {
    jsonschema::meta::validate(schema).expect("a valid 2020-12 schema");
    jsonschema::validator_for(schema).expect("the schema compiles")
}

fn catalog_members() -> Vec<Member> {
    let schema = base();
    let mut out = Vec::new();
    members(&schema, &schema, "", &mut out);
    out
}

#[test]
fn draft_2020_12_schema_accepts_the_spec_example() {
    let validator = compile(&base());
    let example = spec_example();
    let errors: Vec<String> = validator
        .iter_errors(&example)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        validator.is_valid(&json!({"catalog_version": 1})),
        "an empty catalog is valid"
    );
}

/// A change that makes a valid document invalid.
type Breaker = Box<dyn Fn(&mut Value)>;

#[test]
fn draft_2020_12_schema_rejects_wrong_documents() {
    let validator = compile(&base());
    let set = "/programs/0/weeks/0/days/0/exercises/0/sets/0";
    let cases: Vec<(&str, Breaker)> = vec![
        (
            "unknown field",
            Box::new(|d| d["exercises"][0]["colour"] = json!("red")),
        ),
        (
            "wrong enum",
            Box::new(|d| d["programs"][0]["unit"] = json!("stone")),
        ),
        (
            "rpe 7.3",
            Box::new(move |d| d.pointer_mut(set).unwrap()["rpe"] = json!(7.3)),
        ),
        (
            "missing catalog_version",
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("catalog_version");
            }),
        ),
        (
            "label null",
            Box::new(|d| d["programs"][0]["weeks"][0]["label"] = Value::Null),
        ),
        (
            "catalog_version 2",
            Box::new(|d| d["catalog_version"] = json!(2)),
        ),
        (
            "blank name",
            Box::new(|d| d["exercises"][1]["name"] = json!(" \t ")),
        ),
        (
            "name of U+0085 only",
            Box::new(|d| d["exercises"][1]["name"] = json!("\u{85}")),
        ),
        (
            "reps 0",
            Box::new(move |d| d.pointer_mut(set).unwrap()["reps"] = json!(0)),
        ),
        (
            "reps 2.5",
            Box::new(move |d| d.pointer_mut(set).unwrap()["reps"] = json!(2.5)),
        ),
        (
            "sort_order past u32",
            Box::new(|d| {
                d["programs"][0]["weeks"][0]["days"][0]["exercises"][0]["sort_order"] =
                    json!(u64::from(u32::MAX) + 1);
            }),
        ),
        (
            "string for a number",
            Box::new(move |d| d.pointer_mut(set).unwrap()["weight"] = json!("35")),
        ),
        (
            "no weeks",
            Box::new(|d| d["programs"][0]["weeks"] = json!([])),
        ),
        (
            "lower-case superset",
            Box::new(|d| {
                d["programs"][0]["weeks"][0]["days"][0]["exercises"][1]["superset"] = json!("a");
            }),
        ),
    ];
    for (label, break_it) in cases {
        let mut document = spec_example();
        break_it(&mut document);
        assert!(
            !validator.is_valid(&document),
            "accepted a document with {label}"
        );
    }
}

#[test]
fn non_blank_pattern_is_the_complement_of_what_trim_removes() {
    let validator = compile(&json!({"type": "string", "pattern": NON_BLANK_PATTERN}));
    let chars = (0..0x3100)
        .chain([0xfeff, 0xffff, 0x1_f600])
        .filter_map(char::from_u32);
    for c in chars {
        let accepted = validator.is_valid(&json!(format!("  {c}  ")));
        assert_eq!(accepted, !c.is_whitespace(), "U+{:04X}", u32::from(c));
    }
    assert!(!validator.is_valid(&json!("")));
}

#[test]
fn the_schema_says_what_the_spec_says() {
    let schema = base();
    assert_eq!(
        schema["description"],
        "A CatalogJSON v1 document: an exercise catalog and any number of program templates."
    );
    assert_eq!(
        schema["$defs"]["Every"],
        json!({
            "description": "How often a progression increment is added: `session` after every \
                session of the exercise; `week` once a week; `cycle` once per pass through the program.",
            "type": "string",
            "enum": ["session", "week", "cycle"],
        })
    );
    let mut all = Vec::new();
    subschemas(&schema, String::new(), &mut all);
    for (at, sub) in &all {
        assert!(!sub.contains_key("oneOf"), "oneOf at {at}");
        assert!(!sub.contains_key("format"), "format at {at}");
    }
    // Only `reps` takes null; an absent optional member is absent, never null.
    let nullable: Vec<String> = catalog_members()
        .into_iter()
        .filter(|m| {
            m.schema["type"]
                .as_array()
                .is_some_and(|t| t.contains(&json!("null")))
        })
        .map(|m| m.path)
        .collect();
    assert_eq!(
        nullable,
        ["/programs/*/weeks/*/days/*/exercises/*/sets/*/reps"]
    );
    let sort_order = catalog_members()
        .into_iter()
        .find(|m| m.path.ends_with("/sort_order"))
        .expect("sort_order");
    assert_eq!(sort_order.schema["maximum"], json!(u32::MAX));
}

#[test]
fn draft_2020_12_envelope_accepts_the_wrapped_example() {
    let validator = compile(&envelope_schema(Dialect::Draft202012).expect("no limits"));
    assert!(validator.is_valid(&spec_envelope()));
    assert!(!validator.is_valid(&json!({"reasoning": "r", "catalog": {}})));
    assert!(!validator.is_valid(&json!({"catalog": spec_example()})));
}

/// The keywords a strict schema may contain.
const STRICT_KEYWORDS: &[&str] = &[
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "description",
    "$defs",
    "$ref",
    "anyOf",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
];

#[test]
fn openai_strict_schemas_are_closed_complete_and_plain() {
    for strict in [
        catalog_schema(Dialect::OpenAiStrict).expect("within OpenAI's limits"),
        envelope_schema(Dialect::OpenAiStrict).expect("within OpenAI's limits"),
    ] {
        assert_eq!(strict["type"], "object");
        assert!(strict.get("anyOf").is_none());
        let mut all = Vec::new();
        subschemas(&strict, String::new(), &mut all);
        assert!(all.len() > 50, "walked {} schemas", all.len());
        for (at, sub) in &all {
            for keyword in sub.keys() {
                assert!(
                    STRICT_KEYWORDS.contains(&keyword.as_str()),
                    "{keyword} at {at}"
                );
            }
            assert!(
                !sub.contains_key("format"),
                "no supported format is used, at {at}"
            );
            if sub.contains_key("$ref") {
                assert_eq!(sub.len(), 1, "a $ref with siblings at {at}");
            }
            let Some(properties) = sub.get("properties").and_then(Value::as_object) else {
                continue;
            };
            assert_eq!(
                sub.get("additionalProperties"),
                Some(&json!(false)),
                "at {at}"
            );
            let required: BTreeSet<&str> = sub["required"]
                .as_array()
                .expect("required")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            let names: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
            assert_eq!(required, names, "at {at}");
        }
        check_openai_limits(&strict).expect("within OpenAI's limits");
        compile(&strict);
    }
}

#[test]
fn strict_envelope_accepts_the_example_with_nulls_and_strip_restores_it() {
    let strict = envelope_schema(Dialect::OpenAiStrict).expect("within OpenAI's limits");
    let base_envelope = envelope_schema(Dialect::Draft202012).expect("2020-12");
    let validator = compile(&strict);
    let mut answer = spec_envelope();
    assert!(
        !validator.is_valid(&answer),
        "strict mode requires every member"
    );
    fill_nulls(&mut answer, &base_envelope, &base_envelope);
    let errors: Vec<String> = validator
        .iter_errors(&answer)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(answer["catalog"]["exercises"][1]["aliases"], Value::Null);
    assert_eq!(answer["catalog"]["programs"][0]["description"], Value::Null);

    strip_strict_nulls(&mut answer, &base_envelope);
    assert_eq!(answer, spec_envelope());
    let amrap = "/catalog/programs/0/weeks/0/days/0/exercises/0/sets/2/reps";
    assert_eq!(
        answer.pointer(amrap),
        Some(&Value::Null),
        "reps: null means AMRAP and stays"
    );
}

#[test]
fn strip_leaves_nulls_the_validator_must_see() {
    let base_envelope = envelope_schema(Dialect::Draft202012).expect("2020-12");
    let mut answer = json!({"reasoning": null, "catalog": {"catalog_version": 1,
        "exercises": [{"name": null, "tier": null}], "programs": null}});
    strip_strict_nulls(&mut answer, &base_envelope);
    assert_eq!(
        answer,
        json!({"reasoning": null, "catalog": {"catalog_version": 1, "exercises": [{"name": null}]}})
    );
}

fn rule_at(rules: &[UnexpressedRule], code: &Code, path: &str) -> bool {
    rules.iter().any(|r| &r.code == code && r.path == path)
}

#[test]
fn unexpressed_rules_cover_every_dropped_bound_and_member() {
    let base_rules = unexpressed_rules(Dialect::Draft202012);
    let strict_rules = unexpressed_rules(Dialect::OpenAiStrict);
    let members = catalog_members();
    for member in &members {
        if let Some(max) = member.schema.get("maxLength") {
            for rules in [&base_rules, &strict_rules] {
                let rule = rules
                    .iter()
                    .find(|r| r.code == Code::TooBig && r.path == member.path)
                    .unwrap_or_else(|| panic!("no too_big rule at {}", member.path));
                assert!(
                    rule.rule.contains(&format!("at most {max} characters")),
                    "{rule}"
                );
            }
        }
        if let Some(min) = member.schema.get("minLength") {
            // Strict mode drops minLength; the pattern keeps a minimum of 1.
            assert_eq!(min, 1, "at {}", member.path);
            assert_eq!(
                member.schema["pattern"], NON_BLANK_PATTERN,
                "at {}",
                member.path
            );
        }
        if member.path.ends_with("/*") {
            continue;
        }
        assert!(
            rule_at(&base_rules, &Code::Duplicate, &member.path),
            "{}",
            member.path
        );
        let strict_null = rule_at(&strict_rules, &Code::InvalidType, &member.path);
        assert_eq!(
            strict_null, !member.required,
            "invalid_type rule at {}",
            member.path
        );
        assert!(!rule_at(&base_rules, &Code::InvalidType, &member.path));
    }
    let paths: BTreeSet<&str> = members.iter().map(|m| m.path.as_str()).collect();
    for rule in &strict_rules {
        assert!(
            rule.path.is_empty() || paths.contains(rule.path),
            "no such member: {rule}"
        );
    }
}

#[test]
fn rules_match_issues_the_validator_reports() {
    let rules = unexpressed_rules(Dialect::Draft202012);
    let matched = |code: Code, pointer: &str| {
        let issue = Issue::new(Path::parse_pointer(pointer).expect("pointer"), code, "m");
        rules.iter().any(|r| r.matches(&issue))
    };
    assert!(matched(
        Code::Conflict,
        "/programs/0/weeks/0/days/0/exercises/0/sets/0/weight"
    ));
    assert!(matched(
        Code::Conflict,
        "/programs/1/progression_rules/0/deload_percent"
    ));
    assert!(matched(Code::Conflict, "/programs/2/weeks"));
    assert!(matched(Code::Required, "/programs/0/unit"));
    assert!(matched(Code::OutOfSequence, "/programs/0/weeks/3/number"));
    assert!(matched(
        Code::UnknownExercise,
        "/programs/0/progression_rules/2/exercise"
    ));
    assert!(matched(
        Code::EquipmentUnavailable,
        "/programs/0/weeks/0/days/1/exercises/4/exercise"
    ));
    assert!(matched(
        Code::TooBig,
        "/programs/0/weeks/0/days/0/exercises/0/sets/0/reps"
    ));
    assert!(
        matched(Code::Duplicate, "/programs/0/weeks/0/label"),
        "a member given twice"
    );
    assert!(matched(Code::InvalidJson, ""));
    // What the schema checks is not in the list.
    assert!(!matched(Code::Required, "/programs/0/name"));
    assert!(!matched(
        Code::TooSmall,
        "/programs/0/weeks/0/days/0/exercises/0/sets/0/reps"
    ));
    assert!(!matched(Code::InvalidType, "/programs/0/weeks/0/label"));
    assert!(!matched(Code::UnknownField, "/programs/0/colour"));
    assert!(!matched(
        Code::NotMultiple,
        "/programs/0/weeks/0/days/0/exercises/0/sets/0/rpe"
    ));
}

#[test]
fn typescript_is_deterministic_complete_and_compact() {
    let ts = catalog_typescript();
    assert_eq!(ts, catalog_typescript());
    let schema = base();
    let defs = schema["$defs"].as_object().expect("$defs");
    for name in defs.keys().map(String::as_str).chain(["Catalog"]) {
        let declared = ts.contains(&format!("interface {name} {{\n"))
            || ts.contains(&format!("type {name} = "));
        assert!(declared, "{name} is not declared");
    }
    let lines: Vec<&str> = ts.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "/** A CatalogJSON v1 document: an exercise catalog and any number of program templates. */",
            "interface Catalog {",
            "  /** Always 1. */",
        ]
    );
    for expected in [
        "  catalog_version: 1;",
        "  exercises?: Exercise[];",
        "type Every = \"session\" | \"week\" | \"cycle\";",
        "  reps: number | null;",
        "  rep_type?: RepType;",
        "  /** The position in the day, from 1; unique within the day. [at least 1] */",
        "  sort_order: number;",
        "  /** Target RPE, 1-10 in steps of 0.5. */",
        "  /** A letter shared by exercises performed alternately. [matching /^[A-Z]$/] */",
    ] {
        assert!(
            lines.contains(&expected),
            "missing line {expected:?} in\n{ts}"
        );
    }
    for line in &lines {
        if line.trim_start().starts_with("/**") {
            assert!(
                line.ends_with(" */"),
                "a comment over more than one line: {line}"
            );
        }
    }
    assert!(
        ts.len() < 8000,
        "{} characters is too long for every prompt",
        ts.len()
    );

    let envelope = envelope_typescript();
    let lines: Vec<&str> = envelope.lines().collect();
    assert_eq!(
        lines[1..4],
        [
            "interface Envelope {",
            "  /** Why each choice was made, citing the athlete's data. */",
            "  reasoning: string;"
        ]
    );
    assert!(lines.contains(&"  catalog: Catalog;"));
    assert!(envelope.ends_with(&ts[ts.find("/** An exercise").expect("Exercise")..]));
}
