//! Tolerant response parsing: every accepted form and repair, table-driven with the exact
//! repairs and ignored text; the errors with their positions; the output envelope's forms;
//! real data; and a property test that any envelope, however wrapped, reads back unchanged.

use std::path::Path;

use proptest::prelude::*;
use replog_llm::parse::{
    ParseError, ParseErrorKind, Parsed, RepairKind, parse_answer, parse_answer_with, parse_envelope,
};
use serde_json::{Value, json};

/// An accepted answer: the value, the repairs (as displayed: kind, line and column), the
/// ignored text and the reasoning.
struct Case {
    name: &'static str,
    text: &'static str,
    value: Value,
    repairs: &'static [&'static str],
    ignored: &'static [&'static str],
    reasoning: Option<&'static str>,
}

fn accepted() -> Vec<Case> {
    vec![
        Case {
            name: "strict",
            text: r#"{"a": 1, "b": [true, null, "x", -2.5e3]}"#,
            value: json!({"a": 1, "b": [true, null, "x", -2.5e3]}),
            repairs: &[],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "strict array with surrounding white space",
            text: "\n  [1, {\"a\": []}]\n\n",
            value: json!([1, {"a": []}]),
            repairs: &[],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "json fence",
            text: "```json\n{\"a\": 1}\n```",
            value: json!({"a": 1}),
            repairs: &[],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "bare fence holding an array",
            text: "```\n[{\"a\": 1}]\n```\n",
            value: json!([{"a": 1}]),
            repairs: &[],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "reasoning tag then JSON",
            text: "<reasoning>\nHer squat rose 8%; keep it first.\n</reasoning>\n{\"a\": 1}",
            value: json!({"a": 1}),
            repairs: &[],
            ignored: &[],
            reasoning: Some("Her squat rose 8%; keep it first."),
        },
        Case {
            name: "reasoning, fence and prose (reference/001's text mode)",
            text: "Sure!\n<reasoning>why {not}</reasoning>\n```json\n{\"a\": 1}\n```\nHope this helps.",
            value: json!({"a": 1}),
            repairs: &[],
            ignored: &["Sure!", "Hope this helps."],
            reasoning: Some("why {not}"),
        },
        Case {
            name: "prose around unfenced JSON",
            text: "Here is the program: {\"a\": \"}\"} Let me know [1].",
            value: json!({"a": "}"}),
            repairs: &[],
            ignored: &["Here is the program:", "Let me know [1]."],
            reasoning: None,
        },
        Case {
            name: "trailing commas",
            text: "{\"a\": [1, 2,],\n \"b\": 3,}",
            value: json!({"a": [1, 2], "b": 3}),
            repairs: &[
                "removed a trailing comma at line 1, column 12",
                "removed a trailing comma at line 2, column 8",
            ],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "line comment",
            text: "{\n  \"a\": 1 // one set only\n}",
            value: json!({"a": 1}),
            repairs: &["removed a // comment at line 2, column 10"],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "block comment",
            text: "{\"a\": /* percent of TM */ 70}",
            value: json!({"a": 70}),
            repairs: &["removed a /* */ comment at line 1, column 7"],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "byte-order mark",
            text: "\u{FEFF}{\"a\": 1}",
            value: json!({"a": 1}),
            repairs: &["removed a byte-order mark at line 1, column 1"],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "typographic double quotes",
            text: "{“exercise”: “Back Squat”,\n “reps”: 5}",
            value: json!({"exercise": "Back Squat", "reps": 5}),
            repairs: &[
                "read a string in typographic quotes at line 1, column 2",
                "read a string in typographic quotes at line 1, column 14",
                "read a string in typographic quotes at line 2, column 2",
            ],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "typographic single quotes keep an apostrophe",
            text: "{‘notes’: ‘athlete’s choice’}",
            value: json!({"notes": "athlete’s choice"}),
            repairs: &[
                "read a string in typographic quotes at line 1, column 2",
                "read a string in typographic quotes at line 1, column 11",
            ],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "typographic quotes inside a JSON string are content",
            text: r#"{"notes": "“slow” eccentric"}"#,
            value: json!({"notes": "“slow” eccentric"}),
            repairs: &[],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "single quotes",
            text: r#"{'notes': 'say "up"', "b": 'x'}"#,
            value: json!({"notes": "say \"up\"", "b": "x"}),
            repairs: &[
                "read a single-quoted string at line 1, column 2",
                "read a single-quoted string at line 1, column 11",
                "read a single-quoted string at line 1, column 28",
            ],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "unquoted keys",
            text: "{number: 1, sort_order: 2}",
            value: json!({"number": 1, "sort_order": 2}),
            repairs: &[
                "quoted the key \"number\" at line 1, column 2",
                "quoted the key \"sort_order\" at line 1, column 13",
            ],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "every slip at once, repairs in text order",
            text: "\u{FEFF}```json\n{reps: 'x', // c\n “b”: [1,],}\n```",
            value: json!({"reps": "x", "b": [1]}),
            repairs: &[
                "removed a byte-order mark at line 1, column 1",
                "quoted the key \"reps\" at line 2, column 2",
                "read a single-quoted string at line 2, column 8",
                "removed a // comment at line 2, column 13",
                "read a string in typographic quotes at line 3, column 2",
                "removed a trailing comma at line 3, column 9",
                "removed a trailing comma at line 3, column 11",
            ],
            ignored: &[],
            reasoning: None,
        },
        Case {
            name: "several JSON values: the largest is the answer, the others are reported",
            text: "For example {\"x\": 1}.\nAnswer:\n```json\n{\"a\": 1, \"b\": 2}\n```",
            value: json!({"a": 1, "b": 2}),
            repairs: &[],
            ignored: &["For example", "{\"x\": 1}", ".\nAnswer:"],
            reasoning: None,
        },
        Case {
            name: "a second reasoning block and an empty one are not lost",
            text: "<reasoning>first</reasoning><reasoning> </reasoning>{\"a\": 1}<reasoning>second</reasoning>",
            value: json!({"a": 1}),
            repairs: &[],
            ignored: &["<reasoning>second</reasoning>"],
            reasoning: Some("first"),
        },
        Case {
            name: "a brace in prose that is not JSON is reported, not fatal",
            text: "Use {sets, reps} below.\n{\"a\": [1, 2, 3], \"b\": \"long enough\"}",
            value: json!({"a": [1, 2, 3], "b": "long enough"}),
            repairs: &[],
            ignored: &["Use", "{sets, reps}", "below."],
            reasoning: None,
        },
    ]
}

fn shown(parsed: &Parsed) -> Vec<String> {
    parsed.repairs.iter().map(ToString::to_string).collect()
}

#[test]
fn accepted_forms_give_the_value_the_exact_repairs_and_the_ignored_text() {
    for case in accepted() {
        let parsed = parse_answer(case.text).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(parsed.value, case.value, "{}", case.name);
        assert_eq!(shown(&parsed), case.repairs, "{}", case.name);
        assert_eq!(parsed.ignored, case.ignored, "{}", case.name);
        assert_eq!(parsed.reasoning.as_deref(), case.reasoning, "{}", case.name);
    }
}

#[test]
fn repair_offsets_point_into_the_original_text() {
    let text = "\u{FEFF}{“a”: 1, b: 2,}";
    let parsed = parse_answer(text).unwrap();
    let at: Vec<(&str, usize)> = parsed
        .repairs
        .iter()
        .map(|r| (&text[r.at.offset..], r.at.offset))
        .map(|(rest, offset)| {
            (
                &rest[..rest.char_indices().nth(1).map_or(rest.len(), |(i, _)| i)],
                offset,
            )
        })
        .collect();
    assert_eq!(
        at,
        vec![("\u{FEFF}", 0), ("“", 4), ("b", 16), (",", 20)],
        "BOM, the typographic quote, the key, the trailing comma"
    );
}

#[test]
fn repairs_serialise_as_snake_case_data_and_back() {
    let parsed = parse_answer("{a: 1, // x\n}").unwrap();
    let json = serde_json::to_value(&parsed.repairs).unwrap();
    assert_eq!(
        json,
        json!([
            {"kind": "unquoted_key", "key": "a", "at": {"offset": 1, "line": 1, "column": 2}},
            {"kind": "trailing_comma", "at": {"offset": 5, "line": 1, "column": 6}},
            {"kind": "line_comment", "at": {"offset": 7, "line": 1, "column": 8}},
        ])
    );
    let back: Vec<replog_llm::parse::Repair> = serde_json::from_value(json).unwrap();
    assert_eq!(back, parsed.repairs);
}

/// A rejected answer: the error's kind (its serde tag) and where.
struct Bad {
    name: &'static str,
    text: &'static str,
    kind: &'static str,
    line: usize,
    column: usize,
}

fn rejected() -> Vec<Bad> {
    vec![
        Bad {
            name: "truncated object",
            text: "{\"a\": [1, 2",
            kind: "truncated",
            line: 1,
            column: 12,
        },
        Bad {
            name: "truncated inside a string in a fence",
            text: "```json\n{\"a\": 1,\n \"notes\": \"slow ecc",
            kind: "truncated",
            line: 3,
            column: 20,
        },
        Bad {
            name: "truncated after a member",
            text: "{\"a\": 1,\n",
            kind: "truncated",
            line: 2,
            column: 1,
        },
        Bad {
            name: "a complete value does not hide a cut one",
            text: "{\"a\": 1}\n{\"b\": [",
            kind: "truncated",
            line: 2,
            column: 8,
        },
        Bad {
            name: "not JSON at all",
            text: "I'm sorry, I can't help with that.",
            kind: "no_json",
            line: 1,
            column: 1,
        },
        Bad {
            name: "empty",
            text: "",
            kind: "no_json",
            line: 1,
            column: 1,
        },
        Bad {
            name: "NaN is not repaired into a number",
            text: "{\"rpe\": NaN}",
            kind: "non_finite_number",
            line: 1,
            column: 9,
        },
        Bad {
            name: "Infinity",
            text: "{\n\"weight\": Infinity}",
            kind: "non_finite_number",
            line: 2,
            column: 11,
        },
        Bad {
            name: "a repeated key",
            text: "{\"reps\": 5, \"reps\": 3}",
            kind: "duplicate_key",
            line: 1,
            column: 13,
        },
        Bad {
            name: "a missing comma (where it was expected)",
            text: "{\"a\": 1\n \"b\": 2}",
            kind: "syntax",
            line: 1,
            column: 8,
        },
        Bad {
            name: "a missing colon, after typographic quotes (column in the original)",
            text: "{“a” 1}",
            kind: "syntax",
            line: 1,
            column: 6,
        },
        Bad {
            name: "a broken answer larger than a small valid example",
            text: "e.g. {\"x\": 1}\n{\"a\": 1, \"b\": [1, 2, 3] \"c\": 2}",
            kind: "syntax",
            line: 2,
            column: 24,
        },
    ]
}

fn kind_tag(error: &ParseError) -> String {
    serde_json::to_value(&error.kind).unwrap()["kind"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn rejected_answers_are_errors_with_their_position() {
    for bad in rejected() {
        let error = parse_answer(bad.text).expect_err(bad.name);
        assert_eq!(kind_tag(&error), bad.kind, "{}: {error}", bad.name);
        assert_eq!(
            (error.at.line, error.at.column),
            (bad.line, bad.column),
            "{}: {error}",
            bad.name
        );
        assert!(
            error
                .to_string()
                .ends_with(&format!("at line {}, column {}", bad.line, bad.column)),
            "{error}"
        );
    }
}

#[test]
fn hostile_input_is_an_error_not_a_crash_or_a_hang() {
    let deep = "[".repeat(100_000);
    assert_eq!(kind_tag(&parse_answer(&deep).unwrap_err()), "truncated");
    let nested = format!("{deep}{}", "]".repeat(100_000));
    assert_eq!(kind_tag(&parse_answer(&nested).unwrap_err()), "syntax");
    let tags = "<reasoning>{".repeat(20_000);
    assert_eq!(kind_tag(&parse_answer(&tags).unwrap_err()), "truncated");
    let quotes = "{“".repeat(20_000);
    assert!(parse_answer(&quotes).is_err());
    let braces = "{} ".repeat(50_000);
    assert_eq!(
        parse_answer(&braces).unwrap().ignored.len(),
        49_999,
        "all but the chosen {{}}"
    );
}

#[test]
fn errors_name_what_went_wrong() {
    let error = parse_answer("{\"rpe\": -Infinity}").unwrap_err();
    assert_eq!(
        error.kind,
        ParseErrorKind::NonFiniteNumber {
            literal: "-Infinity".to_owned()
        }
    );
    assert_eq!(
        error.to_string(),
        "-Infinity is not a number JSON can hold at line 1, column 9"
    );
    let error = parse_answer("{\"a\": [1, 2").unwrap_err();
    assert!(
        error.to_string().starts_with("the JSON is cut off"),
        "{error}"
    );
    let error = parse_answer("{\"a\": 1, \"a\": 2}").unwrap_err();
    assert_eq!(
        error.to_string(),
        "the key \"a\" appears twice in one object at line 1, column 10"
    );
    let llm: replog_llm::LlmError = error.into();
    assert!(matches!(llm, replog_llm::LlmError::Parse(_)));
}

#[test]
fn expected_members_choose_among_several_objects() {
    let text = "{\"number\": 3, \"days\": [], \"extra\": \"a larger object without reasoning\"}\n\
                {\"reasoning\": \"r\", \"number\": 3}";
    let parsed = parse_answer_with(text, &["reasoning", "number"]).unwrap();
    assert_eq!(parsed.value, json!({"reasoning": "r", "number": 3}));
    assert_eq!(parsed.ignored.len(), 1);
    assert!(parsed.ignored[0].contains("extra"));

    let error = parse_answer_with("{\"x\": 1}", &["week"]).unwrap_err();
    assert_eq!(
        error.kind,
        ParseErrorKind::MissingMembers {
            expected: vec!["week".to_owned()]
        }
    );
    assert_eq!(
        error.to_string(),
        "no JSON object with the members week at line 1, column 1"
    );
}

// ---- the output envelope ----

fn catalog() -> Value {
    json!({"catalog_version": 1, "exercises": [{"name": "Box Jump"}], "programs": []})
}

#[test]
fn envelope_strict_fenced_and_tagged_forms_give_the_same_result() {
    let envelope = json!({"reasoning": "Jumps first.", "catalog": catalog()});
    let bare = serde_json::to_string_pretty(&catalog()).unwrap();
    let forms = [
        envelope.to_string(),
        format!(
            "```json\n{}\n```",
            serde_json::to_string_pretty(&envelope).unwrap()
        ),
        format!("<reasoning>Jumps first.</reasoning>\n{bare}"),
        format!("<reasoning>\nJumps first.\n</reasoning>\n\n```json\n{bare}\n```\n"),
        format!("<reasoning>Jumps first.</reasoning>{envelope}"),
    ];
    for text in &forms {
        let parsed = parse_envelope(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(parsed.reasoning, "Jumps first.", "{text}");
        assert_eq!(parsed.catalog, catalog(), "{text}");
        assert_eq!(parsed.repairs, [], "{text}");
        assert_eq!(parsed.ignored, Vec::<String>::new(), "{text}");
    }
}

#[test]
fn envelope_wrapped_one_level_deeper_is_unwrapped_and_reported() {
    let text = json!({"response": {"reasoning": "r", "catalog": catalog()}}).to_string();
    let parsed = parse_envelope(&text).unwrap();
    assert_eq!(
        (parsed.reasoning.as_str(), &parsed.catalog),
        ("r", &catalog())
    );
    assert_eq!(
        parsed.repairs.iter().map(|r| &r.kind).collect::<Vec<_>>(),
        [&RepairKind::Unwrapped {
            member: "response".to_owned()
        }]
    );
    let wrapped_bare = json!({"document": catalog()}).to_string();
    let parsed = parse_envelope(&format!("<reasoning>t</reasoning>{wrapped_bare}")).unwrap();
    assert_eq!(
        (parsed.reasoning.as_str(), &parsed.catalog),
        ("t", &catalog())
    );
}

#[test]
fn envelope_reasoning_from_tag_and_member_is_merged_visibly_never_lost() {
    let member = json!({"reasoning": "Member text.", "catalog": catalog()});
    let parsed = parse_envelope(&format!("<reasoning>Tag text.</reasoning>\n{member}")).unwrap();
    assert_eq!(parsed.reasoning, "Tag text.\n\nMember text.");
    assert_eq!(
        parsed
            .repairs
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["kept both the <reasoning> tag and the reasoning member at line 1, column 1"]
    );

    // the same text twice is kept once, and nothing is reported
    let parsed = parse_envelope(&format!("<reasoning> Member text. </reasoning>{member}")).unwrap();
    assert_eq!(parsed.reasoning, "Member text.");
    assert_eq!(parsed.repairs, []);

    // no reasoning anywhere: empty, for the caller to judge
    let parsed = parse_envelope(&json!({"catalog": catalog()}).to_string()).unwrap();
    assert_eq!(parsed.reasoning, "");
}

#[test]
fn envelope_extra_members_and_other_blocks_are_reported() {
    let schema_echo = json!({"type": "object", "properties": {"reasoning": {"type": "string"}, "catalog": {"type": "object", "description": "a long echo of the schema the prompt gave"}}});
    let answer = json!({"reasoning": "r", "catalog": catalog(), "confidence": 0.9});
    let parsed = parse_envelope(&format!("Schema: {schema_echo}\nAnswer: {answer}")).unwrap();
    assert_eq!(parsed.catalog, catalog());
    assert_eq!(
        parsed.ignored,
        [
            "Schema:".to_owned(),
            schema_echo.to_string(),
            "Answer:".to_owned(),
            "\"confidence\": 0.9".to_owned()
        ]
    );
}

#[test]
fn envelope_errors() {
    let error = parse_envelope("{\"a\": 1}").unwrap_err();
    assert_eq!(kind_tag(&error), "not_an_envelope");
    let error =
        parse_envelope(&json!({"reasoning": ["a", "b"], "catalog": {}}).to_string()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "not a program answer: `reasoning` must be a string, got an array at line 1, column 1"
    );
    let error = parse_envelope(
        "<reasoning>ok</reasoning>\n{\"reasoning\": \"r\", \"catalog\": {\"programs\": [",
    )
    .unwrap_err();
    assert_eq!(kind_tag(&error), "truncated");
    assert_eq!(
        (error.at.line, error.at.column),
        (2, 45),
        "just past the cut"
    );
}

// ---- real data ----

fn shared_data(relative: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(relative);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(error) => {
            eprintln!(
                "SKIPPED: {} is not readable ({error}); this test needs ../shared/data",
                path.display()
            );
            None
        }
    }
}

/// free-exercise-db's 873 exercises (apostrophes, quotes and slashes in real instructions)
/// with every key unquoted, a comment and a trailing comma, in a fence among prose.
#[test]
fn real_catalog_with_sloppy_keys_reads_back_exactly() {
    let Some(text) = shared_data("free-exercise-db/exercises.json") else {
        return;
    };
    let expected: Value = serde_json::from_str(&text).unwrap();
    let mut keys = 0;
    let sloppy: String = text
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if let Some(rest) = trimmed.strip_prefix('"')
                && let Some((key, after)) = rest.split_once("\": ")
                && key.chars().all(|c| c.is_ascii_alphanumeric())
            {
                keys += 1;
                format!("{}{key}: {after}\n", &line[..line.len() - trimmed.len()])
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    let sloppy = sloppy.trim_end().strip_suffix(']').unwrap();
    let answer = format!("Here is the catalog:\n```json\n{sloppy}, // all of them\n]\n```\nEnjoy.");
    let parsed = parse_answer(&answer).unwrap();
    assert_eq!(parsed.value, expected);
    assert!(keys > 873 * 5, "{keys}");
    let unquoted = parsed
        .repairs
        .iter()
        .filter(|r| matches!(r.kind, RepairKind::UnquotedKey { .. }))
        .count();
    assert_eq!(unquoted, keys);
    assert_eq!(
        parsed.repairs.len(),
        keys + 2,
        "plus the comma and the comment"
    );
    assert_eq!(parsed.ignored, ["Here is the catalog:", "Enjoy."]);
}

/// The project's own sample of a sloppy model draft is valid JSON: read as it is.
#[test]
fn the_sample_llm_draft_reads_without_repairs() {
    let text = include_str!("../../../examples/data/llm-draft-with-mistakes.json");
    let parsed =
        parse_envelope(&format!("<reasoning>draft</reasoning>\n```json\n{text}```")).unwrap();
    assert_eq!(parsed.catalog, serde_json::from_str::<Value>(text).unwrap());
    assert_eq!(parsed.repairs, []);
}

// ---- property: any envelope, however wrapped, reads back unchanged ----

fn text_with_tricky_characters() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,16}",
        "[a-z{}\\[\\]\"'“”‘’/*<>`\\\\:,. \n\t]{0,16}",
        Just("<reasoning>".to_owned()),
        Just("```json".to_owned()),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Decimals as programs hold them (72.5, 8.5). Arbitrary 17-digit floats are left
        // out: serde_json without `float_roundtrip` may read those one ulp off, parser aside.
        (-10_000_000i64..10_000_000).prop_map(|n| Value::from(n as f64 / 100.0)),
        text_with_tricky_characters().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(text_with_tricky_characters(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Prose without brackets or tags (a `{` in prose would start a JSON value).
fn tag_text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 .,;:!?%'\"\n-]{0,40}"
}

fn whitespace() -> impl Strategy<Value = String> {
    "[ \t\r\n]{0,4}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_wrapped_envelope_reads_back_unchanged(
        reasoning in text_with_tricky_characters(),
        programs in prop::collection::vec(json_value(), 0..4),
        pretty in any::<bool>(),
        fence in prop::option::of(prop_oneof![Just(""), Just("json"), Just("JSON")]),
        tag in prop::option::of(tag_text()),
        before in whitespace(),
        after in whitespace(),
    ) {
        let envelope = json!({
            "reasoning": reasoning,
            "catalog": {"catalog_version": 1, "programs": programs},
        });
        let body = if pretty {
            serde_json::to_string_pretty(&envelope).unwrap()
        } else {
            envelope.to_string()
        };
        let body = match fence {
            Some(info) => format!("```{info}\n{body}\n```"),
            None => body,
        };
        let text = match &tag {
            Some(tag) => format!("{before}<reasoning>{tag}</reasoning>{before}{body}{after}"),
            None => format!("{before}{body}{after}"),
        };

        let parsed = parse_answer(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&parsed.value, &envelope);
        prop_assert_eq!(parsed.repairs, vec![]);
        prop_assert_eq!(parsed.ignored, Vec::<String>::new());

        let parsed = parse_envelope(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&parsed.catalog, &envelope["catalog"]);
        prop_assert!(parsed.ignored.is_empty());
        let member = reasoning.trim();
        let tag = tag.as_deref().map(str::trim).filter(|t| !t.is_empty());
        prop_assert!(parsed.reasoning.contains(member));
        prop_assert!(parsed.reasoning.contains(tag.unwrap_or_default()));
        let merged = !member.is_empty() && tag.is_some_and(|t| t != member);
        prop_assert_eq!(parsed.repairs.len(), usize::from(merged));
    }
}
