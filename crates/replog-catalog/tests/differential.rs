//! Differential test: the exported JSON Schema (judged by the independent `jsonschema` crate)
//! and the validator must agree on thousands of generated and mutated documents, up to the
//! rules the dialect declares it cannot express (`unexpressed_rules`).
//!
//! For every document:
//! - a document the validator accepts, the schema accepts (the schema is never stricter, so
//!   an LLM constrained by it can always produce a valid program);
//! - a validator issue of a schema code that no unexpressed rule covers means the schema
//!   rejects the document too (the schema is never looser than it claims).

mod generate;

use std::collections::BTreeMap;

use proptest::prelude::RngCore;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use replog_catalog::Validator;
use replog_core::schema::{
    Dialect, UnexpressedRule, catalog_schema, envelope_schema, strip_strict_nulls,
    unexpressed_rules,
};
use replog_core::{Code, Issue};
use serde_json::{Value, json};

const DOCUMENTS: usize = 3000;

fn runner(seed: u8) -> TestRunner {
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]);
    TestRunner::new_with_rng(Config::default(), rng)
}

fn below(rng: &mut TestRng, n: usize) -> usize {
    usize::try_from(rng.next_u64() % n.max(1) as u64).expect("small")
}

/// Every value in the document with its JSON Pointer.
fn nodes(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                nodes(
                    child,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                nodes(child, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Replaces one value of the document with something an LLM or a careless upload might write,
/// trying places until a mutation applies.
fn mutate(doc: &mut Value, rng: &mut TestRng) -> &'static str {
    let mut pointers = Vec::new();
    nodes(doc, String::new(), &mut pointers);
    for _ in 0..64 {
        let pointer = &pointers[below(rng, pointers.len())];
        let kind = below(rng, 15);
        if let Some(target) = doc.pointer_mut(pointer) {
            let applied = mutate_at(target, kind, rng);
            if applied != "none" {
                return applied;
            }
        }
    }
    "none"
}

fn mutate_at(target: &mut Value, kind: usize, rng: &mut TestRng) -> &'static str {
    match (kind, &mut *target) {
        (0, _) => {
            let wrong = [
                json!("3"),
                json!(3),
                json!(2.5),
                json!(null),
                json!(true),
                json!([]),
                json!({}),
            ];
            *target = wrong[below(rng, wrong.len())].clone();
            "wrong type"
        }
        (1, Value::Number(_)) => {
            let numbers = [
                json!(-1),
                json!(0),
                json!(0.5),
                json!(7.3),
                json!(8),
                json!(53),
                json!(101),
                json!(121),
                json!(1e6),
                json!(150),
            ];
            *target = numbers[below(rng, numbers.len())].clone();
            "number"
        }
        (2, Value::Object(map)) if !map.is_empty() => {
            let keys: Vec<String> = map.keys().cloned().collect();
            map.remove(&keys[below(rng, keys.len())]);
            "remove member"
        }
        (3, Value::Object(map)) => {
            map.insert("tempo".to_owned(), json!("3-1-1"));
            "unknown member"
        }
        (4, Value::String(_)) => {
            let strings = ["", "   ", "Bad Token", "AB", "a", "lbs", "Z"];
            *target = json!(strings[below(rng, strings.len())]);
            "string"
        }
        (5, Value::String(_)) => {
            *target = json!("x".repeat(5001));
            "long string"
        }
        (6, Value::Array(items)) if !items.is_empty() => {
            let copy = items[below(rng, items.len())].clone();
            items.push(copy);
            "repeat element"
        }
        (7, Value::Array(items)) => {
            items.clear();
            "empty array"
        }
        (8, Value::Object(map)) if map.contains_key("reps") => {
            map.insert("reps".to_owned(), json!(150 + below(rng, 5000)));
            "reps bound"
        }
        (9, Value::Object(map)) if map.contains_key("reps") => {
            map.insert("percent_tm".to_owned(), json!(70));
            map.insert("weight".to_owned(), json!(100));
            "two loads"
        }
        (10, Value::Object(map)) if map.contains_key("sets") => {
            map.insert("exercise".to_owned(), json!("Nonexistent Lift"));
            "unknown exercise"
        }
        (11, Value::Array(items)) if items.len() > 1 => {
            items.swap(0, 1);
            "swap elements"
        }
        (12, Value::Object(map)) if map.contains_key("increment") => {
            map.insert("deload_after_failures".to_owned(), json!(2));
            map.remove("deload_percent");
            "deload pair"
        }
        (13, Value::Object(map)) if map.contains_key("weeks") => {
            map.insert("is_loop".to_owned(), json!(true));
            "loop"
        }
        (14, Value::Object(map)) if map.contains_key("reps") => {
            map.insert(
                "rpe".to_owned(),
                json!([7.3, 8.25, 0.5, 10.5][below(rng, 4)]),
            );
            "rpe"
        }
        _ => "none",
    }
}

/// What the differential saw, to show it exercised both sides.
#[derive(Default)]
struct Tally {
    valid: usize,
    invalid_expressed: usize,
    invalid_unexpressed_only: usize,
    codes: BTreeMap<String, usize>,
}

/// Checks one document in one dialect; `schema_value` is what the schema judges and
/// `catalog` what the validator judges.
fn check(
    validator: &Validator,
    schema: &jsonschema::Validator,
    rules: &[UnexpressedRule],
    schema_value: &Value,
    catalog: &Value,
    tally: &mut Tally,
    context: &str,
) {
    let report = validator.validate_value(catalog);
    let text_report = validator.validate(serde_json::to_vec(catalog).expect("serialises"));
    assert_eq!(
        report.issues(),
        text_report.issues(),
        "text and value disagree: {context}"
    );
    let text = serde_json::to_vec(catalog).expect("serialises");
    assert_eq!(
        validator.issues(&text),
        report.issues(),
        "issues() disagrees: {context}"
    );
    let schema_valid = schema.is_valid(schema_value);
    let schema_errors = || -> Vec<String> {
        schema
            .iter_errors(schema_value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect()
    };
    for issue in report.errors() {
        *tally.codes.entry(issue.code.to_string()).or_default() += 1;
    }
    if report.is_valid() {
        tally.valid += 1;
        assert!(
            schema_valid,
            "the validator accepts what the schema rejects ({context}): {:?}\n{catalog:#}",
            schema_errors()
        );
        return;
    }
    let expressed: Vec<&Issue> = report
        .errors()
        .filter(|issue| !matches!(issue.code, Code::Lint(_)))
        .filter(|issue| !rules.iter().any(|rule| rule.matches(issue)))
        .collect();
    if expressed.is_empty() {
        tally.invalid_unexpressed_only += 1;
    } else {
        tally.invalid_expressed += 1;
        assert!(
            !schema_valid,
            "the schema accepts what the validator rejects for a rule the schema claims to express ({context}): {expressed:#?}\n{catalog:#}"
        );
    }
}

fn run(dialect: Dialect, seed: u8) -> Tally {
    let validator = Validator::new();
    let rules = unexpressed_rules(dialect);
    let strict = dialect == Dialect::OpenAiStrict;
    let schema_doc = if strict {
        envelope_schema(dialect)
    } else {
        catalog_schema(dialect)
    }
    .expect("schema builds");
    let schema = jsonschema::draft202012::new(&schema_doc).expect("the exported schema compiles");
    let base = catalog_schema(Dialect::Draft202012).expect("schema builds");
    let mut runner = runner(seed);
    let strategy = generate::catalog();
    let mut tally = Tally::default();
    for n in 0..DOCUMENTS {
        let catalog = strategy.new_tree(&mut runner).expect("generates").current();
        let mut doc = serde_json::to_value(&catalog).expect("serialises");
        let rng = runner.rng();
        let mut kinds = Vec::new();
        // A quarter of the documents stay as generated; the rest get one to three mutations.
        for _ in 0..below(rng, 4) {
            kinds.push(mutate(&mut doc, rng));
        }
        let context = format!("document {n}, mutations {kinds:?}");
        if strict {
            let mut envelope = json!({ "reasoning": "Because.", "catalog": doc });
            fill_strict_nulls(&mut envelope["catalog"], &base, &base);
            let mut stripped = envelope.clone();
            strip_strict_nulls(
                &mut stripped,
                &envelope_schema(Dialect::Draft202012).expect("schema builds"),
            );
            check(
                &validator,
                &schema,
                &rules,
                &envelope,
                &stripped["catalog"],
                &mut tally,
                &context,
            );
        } else {
            check(
                &validator, &schema, &rules, &doc, &doc, &mut tally, &context,
            );
        }
    }
    tally
}

/// Writes every absent optional member as `null`, as a model constrained by the strict schema
/// does.
fn fill_strict_nulls(value: &mut Value, schema: &Value, root: &Value) {
    let schema = match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => reference
            .strip_prefix("#/$defs/")
            .and_then(|name| root["$defs"].get(name))
            .unwrap_or(schema),
        None => schema,
    };
    match value {
        Value::Object(map) => {
            let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
                return;
            };
            for (key, property) in properties {
                match map.get_mut(key) {
                    Some(child) => fill_strict_nulls(child, property, root),
                    None => {
                        map.insert(key.clone(), Value::Null);
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for item in items {
                    fill_strict_nulls(item, item_schema, root);
                }
            }
        }
        _ => {}
    }
}

fn report(dialect: Dialect, tally: &Tally) {
    eprintln!(
        "differential {dialect}: {} documents: {} valid, {} invalid for a rule the schema expresses, {} invalid only for unexpressed rules; codes {:?}",
        DOCUMENTS,
        tally.valid,
        tally.invalid_expressed,
        tally.invalid_unexpressed_only,
        tally.codes
    );
    // The run must have exercised both sides and many codes, or it proves little.
    assert!(tally.valid >= DOCUMENTS / 5, "too few valid documents");
    assert!(
        tally.invalid_expressed >= DOCUMENTS / 5,
        "too few schema-detectable mutations"
    );
    assert!(
        tally.invalid_unexpressed_only >= 20,
        "too few validator-only mutations"
    );
    for code in [
        "invalid_type",
        "required",
        "unknown_field",
        "too_small",
        "too_big",
        "invalid_enum",
        "invalid_format",
        "not_multiple",
        "duplicate",
        "conflict",
        "unknown_exercise",
    ] {
        assert!(
            tally.codes.contains_key(code),
            "no {code} issue was generated: {:?}",
            tally.codes
        );
    }
}

#[test]
fn draft_2020_12_schema_agrees_with_the_validator() {
    let tally = run(Dialect::Draft202012, 7);
    report(Dialect::Draft202012, &tally);
}

#[test]
fn openai_strict_schema_agrees_with_the_validator() {
    let tally = run(Dialect::OpenAiStrict, 11);
    report(Dialect::OpenAiStrict, &tally);
}
