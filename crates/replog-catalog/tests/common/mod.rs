//! Builders and assertions shared by the integration tests: a minimal valid document as a
//! `serde_json::Value`, edits at a JSON Pointer, and checks that compare whole issue lists.

// Each test binary uses a different part of this module.
#![allow(dead_code)]

use replog_catalog::{Validation, Validator};
use serde_json::{Value, json};

/// The first program.
pub(crate) const PROGRAM: &str = "/programs/0";
/// The first week of the first program.
pub(crate) const WEEK: &str = "/programs/0/weeks/0";
/// The first day of that week.
pub(crate) const DAY: &str = "/programs/0/weeks/0/days/0";
/// The first prescribed exercise of that day.
pub(crate) const PRESCRIBED: &str = "/programs/0/weeks/0/days/0/exercises/0";
/// The first set of that prescribed exercise.
pub(crate) const SET: &str = "/programs/0/weeks/0/days/0/exercises/0/sets/0";
/// The first progression rule of the first program.
pub(crate) const RULE: &str = "/programs/0/progression_rules/0";

/// The example document of `spec/catalog-json.md`, verbatim (kept once, in `examples/data`).
pub(crate) const SPEC_EXAMPLE: &str =
    include_str!("../../../../examples/data/spec-example.json").trim_ascii_end();

/// A minimal valid document: one exercise ("Back Squat", bodyweight) and one program with one
/// week, one day, one prescribed exercise and one set of 5 reps. No unit, no rules.
pub(crate) fn doc() -> Value {
    json!({
        "catalog_version": 1,
        "exercises": [{ "name": "Back Squat" }],
        "programs": [program("Block")],
    })
}

/// A valid program named `name` prescribing one set of "Back Squat".
pub(crate) fn program(name: &str) -> Value {
    json!({ "name": name, "weeks": [week(1)] })
}

/// A valid week numbered `number` with one day.
pub(crate) fn week(number: u64) -> Value {
    json!({ "number": number, "days": [day(1)] })
}

/// A valid day numbered `number` with one prescribed exercise.
pub(crate) fn day(number: u64) -> Value {
    json!({ "number": number, "exercises": [prescribed("Back Squat", 1)] })
}

/// A prescribed exercise with one set of 5 reps.
pub(crate) fn prescribed(exercise: &str, sort_order: u64) -> Value {
    json!({ "exercise": exercise, "sort_order": sort_order, "sets": [{ "reps": 5 }] })
}

/// A valid progression rule for "Back Squat" (it needs the program's `unit`).
pub(crate) fn rule() -> Value {
    json!({ "exercise": "Back Squat", "increment": 5, "every": "week" })
}

/// The minimal document with one more edit.
pub(crate) fn doc_with(pointer: &str, value: Value) -> Value {
    let mut out = doc();
    set(&mut out, pointer, value);
    out
}

fn split(pointer: &str) -> (&str, String) {
    let cut = pointer
        .rfind('/')
        .unwrap_or_else(|| panic!("{pointer:?} is not a JSON Pointer below the root"));
    let token = pointer[cut + 1..].replace("~1", "/").replace("~0", "~");
    (&pointer[..cut], token)
}

/// Sets the value at `pointer`: inserts or replaces an object member, replaces an array
/// element, or appends when the index is the array's length. The parent must exist.
pub(crate) fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, token) = split(pointer);
    match doc.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.insert(token, value);
        }
        Some(Value::Array(items)) => {
            let index: usize = token
                .parse()
                .unwrap_or_else(|_| panic!("{token:?} is not an array index in {pointer:?}"));
            if index == items.len() {
                items.push(value);
            } else {
                items[index] = value;
            }
        }
        Some(other) => panic!("{parent:?} is {other}, not an object or array"),
        None => panic!("nothing at {parent:?}"),
    }
}

/// Removes the value at `pointer` and returns it.
pub(crate) fn remove(doc: &mut Value, pointer: &str) -> Value {
    let (parent, token) = split(pointer);
    match doc.pointer_mut(parent) {
        Some(Value::Object(map)) => map
            .remove(&token)
            .unwrap_or_else(|| panic!("nothing at {pointer:?}")),
        Some(Value::Array(items)) => items.remove(token.parse().expect("an array index")),
        _ => panic!("nothing at {parent:?}"),
    }
}

/// Appends `value` to the array at `pointer`.
pub(crate) fn push(doc: &mut Value, pointer: &str, value: Value) {
    match doc.pointer_mut(pointer) {
        Some(Value::Array(items)) => items.push(value),
        _ => panic!("no array at {pointer:?}"),
    }
}

/// Validates `doc` with the default validator, from text and from the value; see
/// [`check_with`].
pub(crate) fn check(doc: &Value) -> Validation {
    check_with(&Validator::new(), doc)
}

/// Validates `doc` both as JSON text and as a parsed value, asserts that both give the same
/// result (issues and document), that `issues` (which does not build the document) and
/// `is_valid` agree, and returns the result.
pub(crate) fn check_with(validator: &Validator, doc: &Value) -> Validation {
    let text = serde_json::to_vec(doc).expect("a value serialises");
    let from_text = validator.validate(&text);
    let from_value = validator.validate_value(doc);
    if from_text != from_value {
        panic!(
            "validate and validate_value disagree\n  from text:\n{}  from value:\n{}",
            render(from_text.issues()),
            render(from_value.issues()),
        );
    }
    assert_agrees(validator, &text, &from_text);
    from_text
}

/// Asserts that the check-only paths (`issues`, `is_valid`, `first_error`) agree with a full
/// validation of the same text, and that for UTF-8 text the `&str` entry points
/// (`validate_str`, `issues_str`, `is_valid_str`) give the same results as the byte ones.
fn assert_agrees(validator: &Validator, text: &[u8], validation: &Validation) {
    if let Ok(string) = std::str::from_utf8(text) {
        assert_eq!(
            &validator.validate_str(string),
            validation,
            "validate_str disagrees with validate"
        );
        assert_eq!(
            validator.issues_str(string),
            validation.issues(),
            "issues_str disagrees with validate"
        );
        assert_eq!(
            validator.is_valid_str(string),
            validation.is_valid(),
            "is_valid_str disagrees with validate"
        );
    }
    assert_eq!(
        validator.issues(text),
        validation.issues(),
        "issues (not building the document) disagrees with validate"
    );
    assert_eq!(
        validator.is_valid(text),
        validation.is_valid(),
        "is_valid disagrees with validate; issues:\n{}",
        render(validation.issues())
    );
    assert_eq!(
        validator.first_error(text).as_ref(),
        validation.errors().next(),
        "first_error is not the first error of validate"
    );
}

/// Validates raw JSON text with the default validator (for what a `Value` cannot hold:
/// member order, repeated members, bad syntax), asserting that `is_valid` agrees.
pub(crate) fn check_text(text: impl AsRef<[u8]>) -> Validation {
    check_text_with(&Validator::new(), text)
}

/// [`check_text`] with a configured validator.
pub(crate) fn check_text_with(validator: &Validator, text: impl AsRef<[u8]>) -> Validation {
    let text = text.as_ref();
    let validation = validator.validate(text);
    assert_agrees(validator, text, &validation);
    validation
}

/// One issue a line: path, code, message.
pub(crate) fn render(issues: &[replog_core::Issue]) -> String {
    if issues.is_empty() {
        return "    (none)\n".to_owned();
    }
    issues
        .iter()
        .map(|issue| {
            format!(
                "    {:?} {} ({:?}): {}\n",
                issue.path.to_string(),
                issue.code,
                issue.severity,
                issue.message
            )
        })
        .collect()
}

/// Asserts that the WHOLE issue list, in order, is exactly these `(path, code)` pairs, and
/// prints every issue with its message when it is not.
#[track_caller]
pub(crate) fn assert_issues(validation: &Validation, expected: &[(&str, &str)]) {
    assert_issues_in("", validation, expected);
}

/// [`assert_issues`] for one case of a table, named by `case` in the failure message.
#[track_caller]
pub(crate) fn assert_issues_in(case: &str, validation: &Validation, expected: &[(&str, &str)]) {
    let actual: Vec<(String, String)> = validation
        .issues()
        .iter()
        .map(|issue| (issue.path.to_string(), issue.code.to_string()))
        .collect();
    let wanted: Vec<(String, String)> = expected
        .iter()
        .map(|(path, code)| ((*path).to_owned(), (*code).to_owned()))
        .collect();
    if actual != wanted {
        let wanted_text: String = wanted
            .iter()
            .map(|(path, code)| format!("    {path:?} {code}\n"))
            .collect();
        panic!(
            "issues differ{}\n  expected:\n{}  actual:\n{}",
            if case.is_empty() {
                String::new()
            } else {
                format!(" for {case}")
            },
            if wanted.is_empty() {
                "    (none)\n"
            } else {
                &wanted_text
            },
            render(validation.issues())
        );
    }
    assert_eq!(
        validation.is_valid(),
        expected.is_empty(),
        "is_valid() disagrees with the issues{case}:\n{}",
        render(validation.issues())
    );
}

/// Asserts that the document is valid and returns nothing else than no issue.
#[track_caller]
pub(crate) fn assert_valid(validation: &Validation) {
    assert_issues(validation, &[]);
    assert!(
        validation.document().is_some(),
        "a valid document builds a Catalog"
    );
}

/// The message of the only issue, after asserting there is exactly one, at `path` with `code`.
#[track_caller]
pub(crate) fn only_message(validation: &Validation, path: &str, code: &str) -> String {
    assert_issues(validation, &[(path, code)]);
    validation.issues()[0].message.clone()
}

/// `base` and a relative pointer joined: `at(SET, "rpe")`.
pub(crate) fn at(base: &str, rest: &str) -> String {
    format!("{base}/{rest}")
}
