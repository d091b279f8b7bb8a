//! The validator's own JSON reader against serde_json, the reader it replaced.
//!
//! - Text is JSON for the validator exactly when serde_json says so, on thousands of texts
//!   mutated byte by byte (a trailing comma, a cut string, a stray digit, a control
//!   character), and an `invalid_json` issue carries serde_json's line, column and words.
//! - JSON text gives the same issues and document as the same JSON parsed by serde_json into
//!   a `Value` first (`validate_value`, which never touches the reader).
//! - Escapes, surrogate pairs and every number form read as serde_json reads them.

mod generate;

use proptest::prelude::RngCore;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use replog_catalog::Validator;
use replog_core::{Catalog, Code, Issue};
use serde_json::Value;

const TEXTS: usize = 2500;

fn below(rng: &mut TestRng, n: usize) -> usize {
    usize::try_from(rng.next_u64() % n.max(1) as u64).expect("small")
}

/// Bytes a mutation inserts: JSON's structure, the starts of literals and numbers, an
/// escape, a control character and whitespace.
const INSERTS: &[u8] = b"{}[],:\"\\ \t\n0123456789.eE+-tfnul/\x01\x1f";

/// One byte-level edit at a random place: delete, insert, replace or duplicate a short span.
fn mutate(text: &mut Vec<u8>, rng: &mut TestRng) {
    if text.is_empty() {
        text.push(INSERTS[below(rng, INSERTS.len())]);
        return;
    }
    let at = below(rng, text.len());
    match below(rng, 4) {
        0 => {
            text.remove(at);
        }
        1 => text.insert(at, INSERTS[below(rng, INSERTS.len())]),
        2 => text[at] = INSERTS[below(rng, INSERTS.len())],
        _ => {
            let end = (at + 1 + below(rng, 8)).min(text.len());
            let span = text[at..end].to_vec();
            text.splice(at..at, span);
        }
    }
}

/// Checks one text against serde_json; returns whether it was JSON.
fn agree(validator: &Validator, text: &str, context: &str) -> bool {
    let issues = validator.validate(text).into_parts().1;
    // serde_json's `IgnoredAny` skips strings and numbers without checking them; a `Value`
    // is its real parse.
    match serde_json::from_str::<Value>(text) {
        Err(error) => {
            assert_eq!(issues.len(), 1, "{context}: {issues:#?}\n{text}");
            let issue = &issues[0];
            assert_eq!(
                issue.code,
                Code::InvalidJson,
                "{context}: {issue:?}\n{text}"
            );
            // serde_json's words and place, as the validator has always reported them.
            let (line, column) = (error.line(), error.column());
            let text_of = error.to_string();
            let what = text_of
                .strip_suffix(&format!(" at line {line} column {column}"))
                .unwrap_or(&text_of);
            assert_eq!(
                issue.message,
                format!("invalid JSON at line {line}, column {column}: {what}"),
                "{context}\n{text}"
            );
            false
        }
        Ok(value) => {
            assert!(
                issues.iter().all(|issue| issue.code != Code::InvalidJson),
                "{context}: serde_json reads it, the validator does not: {issues:#?}\n{text}"
            );
            // A member given twice is a `duplicate` issue from text; a `Value` keeps one copy.
            if issues.iter().all(|issue| issue.code != Code::Duplicate) {
                let (document, issues) = validator.validate(text).into_parts();
                let (from_value, value_issues) = validator.validate_value(&value).into_parts();
                assert_eq!(issues, value_issues, "{context}\n{text}");
                assert_eq!(document, from_value, "{context}\n{text}");
            }
            true
        }
    }
}

#[test]
fn mutated_texts_are_json_exactly_when_serde_json_says_so() {
    let validator = Validator::new();
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = generate::catalog();
    let (mut json, mut not_json) = (0, 0);
    for n in 0..TEXTS {
        let catalog: Catalog = strategy.new_tree(&mut runner).expect("generates").current();
        let mut text = if n % 2 == 0 {
            serde_json::to_vec(&catalog)
        } else {
            serde_json::to_vec_pretty(&catalog)
        }
        .expect("serialises");
        let rng = runner.rng();
        let edits = below(rng, 4);
        for _ in 0..edits {
            mutate(&mut text, rng);
        }
        // The edits are ASCII, but a deletion can split a character: that is the UTF-8
        // check's business (tests/hostile.rs), not the reader's.
        let Ok(text) = String::from_utf8(text) else {
            continue;
        };
        if agree(&validator, &text, &format!("text {n}, {edits} edits")) {
            json += 1;
        } else {
            not_json += 1;
        }
    }
    // Both kinds must be well represented, or the test proves little.
    assert!(json > TEXTS / 4, "{json} JSON texts");
    assert!(not_json > TEXTS / 4, "{not_json} texts that are not JSON");
}

/// A one-program document with `name` and `weight` written as given.
fn document(name: &str, weight: &str) -> String {
    format!(
        r#"{{"catalog_version": 1, "programs": [{{"name": {name}, "weeks": [{{"number": 1,
        "days": [{{"number": 1, "exercises": [{{"exercise": "Back Squat", "sort_order": 1,
        "sets": [{{"reps": 5, "weight": {weight}}}]}}]}}]}}]}}],
        "exercises": [{{"name": "Back Squat"}}]}}"#
    )
}

#[test]
fn escapes_read_as_serde_json_reads_them() {
    let validator = Validator::new();
    for name in [
        r#""plain""#,
        r#""tab\there""#,
        r#""quote \" backslash \\ slash \/ \b\f\n\r\t""#,
        r#""\u00e9t\u00C9 \u0041""#,
        r#""emoji \ud83d\ude00 after""#,
        r#""\ud83d\ude00""#,
        r#""é written, then \u00e9 escaped""#,
        r#""a long name with an escape only at its very end, past eight-byte words\n""#,
        r#""\"""#,
        r#""\\""#,
        // Not JSON: a lone surrogate, a bad escape, short hex, a raw control character.
        r#""\ud800""#,
        r#""\udc00 low first""#,
        r#""\ud83d\u0041""#,
        r#""\x41""#,
        r#""\u12""#,
        "\"raw\ttab\"",
        "\"raw\u{1}control\"",
        r#""unterminated"#,
        r#""ends in a backslash \"#,
    ] {
        let text = document(name, "100");
        agree(&validator, &text, name);
    }
}

#[test]
fn numbers_read_as_serde_json_reads_them() {
    let validator = Validator::new();
    for weight in [
        "0",
        "0.0",
        "-0",
        "-0.0",
        "100",
        "100.0",
        "72.5",
        "72.50",
        "1e2",
        "1E2",
        "1e+2",
        "1.5e-1",
        "0.1",
        "0.30000000000000004",
        "999.99999999999999999999",
        "1000",
        "1000.0000000000001",
        "1000.000000000001",
        "123456789012345678901234567890",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "4.9e-324",
        "1e-400",
        "1.7976931348623157e308",
        // Not JSON: out of range, leading zeros, a bare sign or point, a missing exponent.
        "1e400",
        "-1e400",
        "01",
        "-01",
        "-",
        "+1",
        ".5",
        "5.",
        "5.e1",
        "5e",
        "5e+",
        "0x10",
        "NaN",
        "Infinity",
    ] {
        let text = document("\"P\"", weight);
        agree(&validator, &text, weight);
    }
}

#[test]
fn structure_errors_read_as_serde_json_reads_them() {
    let validator = Validator::new();
    for text in [
        "",
        "   ",
        "{",
        "}",
        "[]",
        "[1,]",
        "[,1]",
        "{\"catalog_version\": 1,}",
        "{\"catalog_version\" 1}",
        "{\"catalog_version\": 1 \"programs\": []}",
        "{catalog_version: 1}",
        "{\"catalog_version\": 1} {}",
        "{\"catalog_version\": 1} x",
        "{\"catalog_version\": 1}\n\t \r",
        "{\"catalog_version\": 1, \"programs\": [}",
        "{\"catalog_version\": 1, \"programs\": [] ]",
        "{\"catalog_version\": tru}",
        "{\"catalog_version\": nul}",
        "{\"catalog_version\": falsey}",
        "{\"catalog_version\": true}",
        "{\"catalog_version\": null}",
        "{\"catalog_version\": 1, \"programs\": [[[[]]]]}",
        "{\"catalog_version\": 1, \"x\": {\"a\": [1, {\"b\": null}], \"c\": false}}",
    ] {
        agree(&validator, text, text);
    }
}

/// The reader keeps nothing between texts: an escape-heavy text that is not JSON leaves no
/// trace in the next one.
#[test]
fn one_validator_reads_many_texts_independently() {
    let validator = Validator::new();
    let bad = document("\"\\ud800\"", "1");
    let good = document("\"\\u00e9\"", "1");
    let first: Vec<Issue> = validator.issues(&good);
    assert_eq!(validator.issues(&bad).len(), 1);
    assert_eq!(validator.issues(&good), first);
}

/// Whitespace in every JSON form and run length (across the reader's eight-byte steps), and
/// bytes that look like whitespace but are not JSON's (form feed, vertical tab, a
/// non-breaking space), read as serde_json reads them, between every pair of tokens.
#[test]
fn whitespace_reads_as_serde_json_reads_it() {
    let validator = Validator::new();
    let compact = document("\"Block 1\"", "100");
    let mut runs: Vec<String> = (0..=19).map(|n| " ".repeat(n)).collect();
    runs.extend(
        [
            "\n",
            "\r\n",
            "\t",
            "\n\t\t",
            "\n        \t  ",
            " \x0c ",
            "\x0b",
            "\u{a0}",
            "\n\x01",
        ]
        .map(str::to_owned),
    );
    runs.extend((0..=17).map(|n| format!("\n{}", " ".repeat(n))));
    runs.extend((0..=17).map(|n| format!("{}\r\n{}", " ".repeat(n), " ".repeat(17 - n))));
    let expected = validator.validate(compact.as_str()).into_parts();
    let (mut json, mut not_json) = (0, 0);
    for run in &runs {
        // The run between every two tokens, then before and after the whole text.
        let spaced: String = compact
            .split_inclusive(['{', '}', '[', ']', ',', ':'])
            .collect::<Vec<_>>()
            .join(run);
        for text in [spaced.clone(), format!("{run}{spaced}{run}")] {
            if agree(&validator, &text, &format!("run {run:?}")) {
                json += 1;
                assert_eq!(
                    validator.validate(text.as_str()).into_parts(),
                    expected,
                    "run {run:?}"
                );
            } else {
                not_json += 1;
            }
        }
    }
    assert_eq!(not_json, 2 * 4, "four runs are not JSON whitespace");
    assert_eq!(json, 2 * (runs.len() - 4));
}
