//! Bounded work on hostile input: oversized documents, deep nesting, issue floods and huge
//! strings each end in one clear issue, without a stack overflow, a panic or a huge message.

mod common;

use common::{
    DAY, PRESCRIBED, SET, SPEC_EXAMPLE, assert_issues, assert_issues_in, assert_valid, at,
    check_text_with, check_with, doc, doc_with, prescribed, render,
};
use replog_catalog::{Limits, Validation, Validator};
use serde_json::{Value, json};

/// Runs `work` on a thread with a 256 KiB stack, so that any recursion the input controls
/// would overflow it.
fn on_small_stack<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("small-stack".to_owned())
            .stack_size(256 * 1024)
            .spawn_scoped(scope, work)
            .expect("a thread starts")
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

fn limits(edit: impl FnOnce(&mut Limits)) -> Validator {
    let mut limits = Limits::default();
    edit(&mut limits);
    Validator::new().with_limits(limits)
}

fn nested(open: &str, close: &str, depth: usize) -> String {
    let mut out = String::with_capacity((open.len() + close.len()) * depth);
    for _ in 0..depth {
        out.push_str(open);
    }
    for _ in 0..depth {
        out.push_str(close);
    }
    out
}

const DEEP: usize = 100_000;

// ---------------------------------------------------------------------------------------
// Size

#[test]
fn document_over_a_configured_size_is_one_too_big_issue() {
    let text = serde_json::to_string(&doc_with(&at(SET, "rpe"), json!(7.3))).unwrap();
    let validator = limits(|l| l.max_bytes = text.len() - 1);
    let validation = check_text_with(&validator, &text);
    assert_issues(&validation, &[("", "too_big")]);
    let message = &validation.issues()[0].message;
    assert!(
        message.contains(&(text.len() - 1).to_string()),
        "the message gives the limit: {message}"
    );
    // At the limit, the document is read as usual.
    let validator = limits(|l| l.max_bytes = text.len());
    assert_issues(
        &check_text_with(&validator, &text),
        &[(&at(SET, "rpe"), "not_multiple")],
    );
}

#[test]
fn document_over_the_default_16_mib_is_one_too_big_issue() {
    assert_eq!(Limits::default().max_bytes, 16 * 1024 * 1024);
    let huge = "a".repeat(17 * 1024 * 1024);
    let text = format!(r#"{{"catalog_version": 1, "exercises": [{{"name": "{huge}"}}]}}"#);
    let validation = Validator::new().validate(&text);
    // One issue at the root, none at /exercises/0/name: the text was never parsed.
    assert_issues(&validation, &[("", "too_big")]);
    assert!(validation.issues()[0].message.len() < 200);
    assert!(!Validator::new().is_valid(&text));
}

#[test]
fn document_just_under_the_default_size_is_read() {
    let text = format!(
        r#"{{"catalog_version": 1, "x": "{}"}}"#,
        "a".repeat(16 * 1024 * 1024 - 64)
    );
    assert!(text.len() <= Limits::default().max_bytes);
    let validation = Validator::new().validate(&text);
    assert_issues(&validation, &[("/x", "unknown_field")]);
}

// ---------------------------------------------------------------------------------------
// Nesting

#[track_caller]
fn assert_one_too_deep(validation: &Validation, path: &str) {
    assert_issues(validation, &[(path, "too_big")]);
    let message = &validation.issues()[0].message;
    assert!(
        message.contains("nest") || message.contains("deep"),
        "the message says the document nests too deep: {message}"
    );
}

#[test]
fn deep_nesting_inside_an_unknown_member_is_one_issue() {
    let arrays = format!(
        r#"{{"catalog_version": 1, "x": {}}}"#,
        nested("[", "]", DEEP)
    );
    let objects = format!(
        r#"{{"catalog_version": 1, "x": {}1{}}}"#,
        "{\"a\":".repeat(DEEP),
        "}".repeat(DEEP)
    );
    let both = format!(
        r#"{{"catalog_version": 1, "x": {}1{}}}"#,
        "[{\"a\":".repeat(DEEP / 2),
        "}]".repeat(DEEP / 2)
    );
    for text in [&arrays, &objects, &both] {
        let validation = on_small_stack(|| Validator::new().validate(text));
        assert_one_too_deep(&validation, "/x");
        assert!(!on_small_stack(|| Validator::new().is_valid(text)));
        assert!(on_small_stack(|| Validator::new().first_error(text)).is_some());
    }
}

#[test]
fn deep_nesting_inside_a_known_member_is_one_issue() {
    let cases = [
        (
            format!(
                r#"{{"catalog_version": 1, "programs": {}}}"#,
                nested("[", "]", DEEP)
            ),
            "/programs/0",
        ),
        (
            format!(r#"{{"catalog_version": {}}}"#, nested("[", "]", DEEP)),
            "/catalog_version",
        ),
        (
            format!(
                r#"{{"catalog_version": 1, "exercises": [{{"name": {}}}]}}"#,
                nested("[", "]", DEEP)
            ),
            "/exercises/0/name",
        ),
        (
            format!(
                r#"{{"catalog_version": 1, "programs": [{{"weeks": [{{"days": {}}}]}}]}}"#,
                nested("[", "]", DEEP)
            ),
            "/programs/0/weeks/0/days/0",
        ),
    ];
    for (text, path) in &cases {
        let validation = on_small_stack(|| Validator::new().validate(text));
        assert_issues_in(path, &validation, &[(path, "too_big")]);
        assert_one_too_deep(&validation, path);
    }
}

#[test]
fn deep_nesting_at_the_root_is_one_issue() {
    // An array at the root is the document itself; objects nest under the unknown member
    // "a", which holds the value that is too deep.
    for (text, path) in [
        (nested("[", "]", DEEP), ""),
        (
            format!("{}1{}", "{\"a\":".repeat(DEEP), "}".repeat(DEEP)),
            "/a",
        ),
    ] {
        let validation = on_small_stack(|| Validator::new().validate(&text));
        assert_one_too_deep(&validation, path);
    }
}

#[test]
fn a_large_configured_depth_is_still_bounded() {
    let validator = limits(|l| l.max_depth = 1_000_000);
    let text = format!(
        r#"{{"catalog_version": 1, "programs": {}}}"#,
        nested("[", "]", DEEP)
    );
    let validation = on_small_stack(|| validator.validate(&text));
    assert_one_too_deep(&validation, "/programs/0");
}

#[test]
fn deep_nesting_in_a_parsed_value_is_bounded_too() {
    // Building and dropping a deep `Value` recurses, so that happens on a large stack; only
    // the validation runs on the small one.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            // Not `json!`, which would serialise the inner value again at every level.
            let mut deep = json!(1);
            for _ in 0..DEEP {
                deep = Value::Array(vec![deep]);
            }
            let mut value = json!({ "catalog_version": 1 });
            common::set(&mut value, "/programs", deep);
            let validation = on_small_stack(|| Validator::new().validate_value(&value));
            assert_one_too_deep(&validation, "/programs/0");
        })
        .expect("a thread starts")
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
}

#[test]
fn catalog_json_needs_eleven_levels() {
    let at_depth = |depth| limits(|l| l.max_depth = depth);
    assert_valid(&check_text_with(&at_depth(11), SPEC_EXAMPLE));
    let validation = at_depth(10).validate(SPEC_EXAMPLE);
    assert_eq!(
        validation.issues().len(),
        1,
        "{}",
        render(validation.issues())
    );
    assert_eq!(validation.issues()[0].code.as_str(), "too_big");
    let value: Value = serde_json::from_str(SPEC_EXAMPLE).unwrap();
    assert_eq!(at_depth(10).validate_value(&value), validation);
}

// ---------------------------------------------------------------------------------------
// Issue floods

fn unknown_members(n: usize) -> Value {
    let mut d = doc();
    for i in 0..n {
        d.as_object_mut()
            .unwrap()
            .insert(format!("x{i:06}"), json!(i));
    }
    d
}

#[test]
fn validation_stops_after_max_issues() {
    let validator = limits(|l| l.max_issues = 5);
    let validation = check_with(&validator, &unknown_members(20));
    let mut expected: Vec<(String, &str)> = (0..5)
        .map(|i| (format!("/x{i:06}"), "unknown_field"))
        .collect();
    expected.push((String::new(), "too_big"));
    let expected: Vec<(&str, &str)> = expected.iter().map(|(p, c)| (p.as_str(), *c)).collect();
    assert_issues(&validation, &expected);
    let last = validation.issues().last().unwrap();
    assert!(last.message.contains("stopped"), "{}", last.message);
    assert!(last.message.contains('5'), "{}", last.message);
}

#[test]
fn exactly_max_issues_does_not_stop() {
    let validator = limits(|l| l.max_issues = 5);
    let validation = check_with(&validator, &unknown_members(4));
    assert_eq!(
        validation.issues().len(),
        4,
        "{}",
        render(validation.issues())
    );
}

#[test]
fn validation_stops_after_the_default_max_issues() {
    let max = Limits::default().max_issues;
    assert_eq!(max, 10_000);
    let text = serde_json::to_string(&unknown_members(max * 3)).unwrap();
    let validation = Validator::new().validate(&text);
    assert_eq!(validation.issues().len(), max + 1);
    assert!(
        validation.issues()[..max]
            .iter()
            .all(|i| i.code.as_str() == "unknown_field")
    );
    let last = validation.issues().last().unwrap();
    assert_eq!(
        (last.path.to_string(), last.code.as_str()),
        (String::new(), "too_big".into())
    );
    assert!(last.message.contains("stopped"), "{}", last.message);
}

#[test]
fn validation_stops_after_max_issues_deep_in_the_document() {
    // Issues found while nested, then the budget runs out: still one closing issue.
    let validator = limits(|l| l.max_issues = 3);
    let sets = Value::Array(vec![json!({ "reps": 5, "rpe": 7.3 }); 10]);
    let validation = check_with(&validator, &doc_with(&at(PRESCRIBED, "sets"), sets));
    assert_issues(
        &validation,
        &[
            (&at(PRESCRIBED, "sets/0/rpe"), "not_multiple"),
            (&at(PRESCRIBED, "sets/1/rpe"), "not_multiple"),
            (&at(PRESCRIBED, "sets/2/rpe"), "not_multiple"),
            ("", "too_big"),
        ],
    );
}

// ---------------------------------------------------------------------------------------
// Huge strings

#[test]
fn huge_strings_are_shortened_in_messages() {
    let huge = "Z".repeat(1 << 20);
    let cases = [
        ("/exercises/0/tier".to_owned(), json!(huge)),
        ("/exercises/0/equipment".to_owned(), json!([huge])),
        (at(PRESCRIBED, "superset"), json!(huge)),
        (at(PRESCRIBED, "sort_order"), json!(huge)),
        (at(SET, "rep_type"), json!(huge)),
        ("/programs/0/unit".to_owned(), json!(huge)),
        ("/programs/0/name".to_owned(), json!(huge)),
        ("/programs/0/weeks/0/label".to_owned(), json!(huge)),
        (at(PRESCRIBED, "exercise"), json!(huge)),
    ];
    for (path, value) in cases {
        let validation = check_with(&Validator::new(), &doc_with(&path, value));
        assert_eq!(
            validation.issues().len(),
            1,
            "{path}: {}",
            validation.issues().len()
        );
        let message = &validation.issues()[0].message;
        assert!(
            message.len() < 200,
            "{path}: a message of {} bytes",
            message.len()
        );
    }
}

#[test]
fn a_huge_unknown_member_name_is_shortened_in_the_message() {
    let name = "q".repeat(1 << 20);
    let mut d = doc();
    d.as_object_mut().unwrap().insert(name.clone(), json!(1));
    let validation = check_with(&Validator::new(), &d);
    assert_issues(&validation, &[(&format!("/{name}"), "unknown_field")]);
    let message = &validation.issues()[0].message;
    assert!(message.len() < 200, "a message of {} bytes", message.len());
}

#[test]
fn unknown_exercise_messages_stay_short() {
    // The longest reference, and a closest name as long: the message quotes both, no more.
    let mut d = doc();
    for i in 0..50 {
        let name = format!("{i:03}{}", "w".repeat(97));
        common::push(&mut d, "/exercises", json!({ "name": name }));
    }
    let reference = format!("049{}v", "w".repeat(96));
    common::set(&mut d, &at(PRESCRIBED, "exercise"), json!(reference));
    let validation = check_with(&Validator::new(), &d);
    assert_issues(
        &validation,
        &[(&at(PRESCRIBED, "exercise"), "unknown_exercise")],
    );
    let message = &validation.issues()[0].message;
    assert!(
        message.contains(&format!("049{}", "w".repeat(97))),
        "{message}"
    );
    assert!(message.len() < 300, "a message of {} bytes", message.len());
}

// ---------------------------------------------------------------------------------------
// Long arrays

#[test]
fn a_day_with_many_exercises_is_linear_work() {
    // Every element is valid on its own, so no issue budget stops the work: only the array's
    // length is wrong. 50,000 distinct sort orders are 3 MB of text; checking each against
    // every earlier one would be over a billion comparisons.
    let n = 50_000;
    let list: Vec<Value> = (1..=n).map(|i| prescribed("Back Squat", i)).collect();
    let text = serde_json::to_string(&doc_with(&at(DAY, "exercises"), Value::Array(list))).unwrap();
    // Its cost is measured by the benches; here, that nothing else is reported.
    let validation = Validator::new().validate(&text);
    assert_issues(&validation, &[(&at(DAY, "exercises"), "too_big")]);
}

#[test]
fn many_unknown_exercises_against_a_full_catalog_is_bounded_work() {
    // The spec's largest catalog (5,000 exercises) and 2,100 references that resolve to none
    // of them, in a 300 kB document: every one is reported. That the closest-name search is
    // bounded work is the comparison budget's unit test (`document::tests`).
    let exercises: Vec<Value> = (0..5000)
        .map(|i| json!({ "name": format!("Exercise {i}") }))
        .collect();
    let mut d = doc_with("/exercises", Value::Array(exercises));
    let weeks: Vec<Value> = (1..=14)
        .map(|w| {
            let days: Vec<Value> = (1..=5)
                .map(|n| {
                    let list: Vec<Value> = (1..=30)
                        .map(|i| prescribed(&format!("Unknown {w} {n} {i}"), i))
                        .collect();
                    json!({ "number": n, "exercises": list })
                })
                .collect();
            json!({ "number": w, "days": days })
        })
        .collect();
    common::set(&mut d, "/programs/0/weeks", Value::Array(weeks));
    let text = serde_json::to_string(&d).unwrap();
    let validation = Validator::new().validate(&text);
    assert_eq!(
        validation.issues().len(),
        2100,
        "{}",
        render(&validation.issues()[..validation.issues().len().min(3)])
    );
    assert!(
        validation
            .issues()
            .iter()
            .all(|i| i.code.as_str() == "unknown_exercise"),
        "{}",
        render(validation.issues())
    );
}

#[test]
fn a_huge_array_of_sets_is_one_issue() {
    let sets = Value::Array(vec![json!({ "reps": 5 }); 300_000]);
    let text = serde_json::to_string(&doc_with(&at(PRESCRIBED, "sets"), sets)).unwrap();
    let validation = Validator::new().validate(&text);
    assert_issues(&validation, &[(&at(PRESCRIBED, "sets"), "too_big")]);
}

// ---------------------------------------------------------------------------------------
// Encoding

#[test]
fn bytes_that_are_not_utf8_are_one_invalid_json_issue_naming_the_place() {
    let text = serde_json::to_string(&doc_with(&at(PRESCRIBED, "notes"), json!("caf_"))).unwrap();
    let column = text.find("caf_").expect("the marker is in the text") + 4;
    let mut bytes = text.into_bytes();
    // Latin-1 "é" where the UTF-8 text has "_": the byte 0xE9 starts no valid sequence here.
    bytes[column - 1] = 0xE9;
    let validation = Validator::new().validate(&bytes);
    assert_issues(&validation, &[("", "invalid_json")]);
    let message = &validation.issues()[0].message;
    assert_eq!(
        message,
        &format!(
            "invalid JSON at line 1, column {column}: the text is not UTF-8 (byte 0xE9 starts no valid sequence)"
        ),
        "the message says where and what"
    );
    assert!(!validation.is_valid());
    // On a later line, the column counts from that line's start.
    let lines = b"{\n  \"catalog_version\": 1,\n  \"x\": \"\xFF\"\n}".to_vec();
    let issues = Validator::new().issues(lines);
    assert_eq!(issues.len(), 1);
    assert!(
        issues[0]
            .message
            .starts_with("invalid JSON at line 3, column 9:"),
        "{}",
        issues[0].message
    );
    assert!(Validator::new().issues(&bytes).len() == 1);
}

#[test]
fn non_ascii_text_reads_the_same_as_its_escaped_form() {
    let plain = serde_json::to_string(&doc_with(
        &at(PRESCRIBED, "notes"),
        json!("Kniebeuge – 💪 é"),
    ))
    .unwrap();
    let escaped = plain.replace("Kniebeuge – 💪 é", r"Kniebeuge \u2013 \ud83d\udcaa \u00e9");
    assert_ne!(plain, escaped);
    let validator = Validator::new();
    let (a, b) = (validator.validate(&plain), validator.validate(&escaped));
    assert!(a.is_valid(), "{:#?}", a.issues());
    assert_eq!(a.document(), b.document(), "the same document either way");
    // A BOM before UTF-8 text is still ignored.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(plain.as_bytes());
    assert_eq!(validator.validate(&with_bom).document(), a.document());
}
