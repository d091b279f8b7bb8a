//! The LLM output envelope (`spec/catalog-json.md`): `{"reasoning", "catalog"}`, a bare
//! CatalogJSON document with its reasoning in a `<reasoning>` tag, or either wrapped in one
//! more object.

use serde_json::{Map, Value};

use super::answer::Answer;
use super::error::{ParseError, ParseErrorKind};
use super::position::Position;
use super::repair::{Repair, RepairKind};

/// An answer read as the LLM output envelope.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedEnvelope {
    /// The model's reasoning: the `reasoning` member, the `<reasoning>` tag, or both (tag
    /// first, a blank line, then the member, reported as [`RepairKind::ReasoningMerged`])
    /// when their texts differ. Empty when the answer has none: whether that is acceptable
    /// is the caller's decision.
    pub reasoning: String,
    /// The CatalogJSON document, not yet validated.
    pub catalog: Value,
    /// Every local fix applied, in text order.
    pub repairs: Vec<Repair>,
    /// Non-whitespace text not used, in text order: prose, other JSON values, further
    /// `<reasoning>` blocks, and envelope members other than `reasoning` and `catalog`
    /// (as `"name": value`).
    pub ignored: Vec<String>,
}

/// How an object carries the envelope.
enum Shape {
    /// `{"reasoning", "catalog"}`.
    Envelope,
    /// A CatalogJSON document itself.
    Bare,
}

fn shape(value: &Value) -> Option<Shape> {
    let object = value.as_object()?;
    if object.contains_key("catalog") {
        Some(Shape::Envelope)
    } else if object.contains_key("catalog_version") || object.contains_key("programs") {
        Some(Shape::Bare)
    } else {
        None
    }
}

/// The only member of `value` if it wraps an envelope or a document.
fn wrapped(value: &Value) -> Option<(&String, &Value)> {
    let object = value.as_object()?;
    let mut members = object.iter();
    match (members.next(), members.next()) {
        (Some((name, inner)), None) if shape(inner).is_some() => Some((name, inner)),
        _ => None,
    }
}

/// Reads the LLM output envelope from an answer: `{"reasoning", "catalog"}` (strict, fenced,
/// or among prose), a bare CatalogJSON document with the reasoning in a `<reasoning>` tag
/// (reference/001's text mode), or either wrapped one level deeper (reported as
/// [`RepairKind::Unwrapped`]). Reasoning from a tag and from the member are never silently
/// merged or lost: see [`ParsedEnvelope::reasoning`].
///
/// ```
/// let text = "<reasoning>Squat first: her squat e1RM rose 8%.</reasoning>\n```json\n\
///             {\"catalog_version\": 1, \"programs\": [],}\n```";
/// let parsed = replog_llm::parse::parse_envelope(text)?;
/// assert_eq!(parsed.reasoning, "Squat first: her squat e1RM rose 8%.");
/// assert_eq!(parsed.catalog["catalog_version"], 1);
/// assert_eq!(parsed.repairs[0].to_string(), "removed a trailing comma at line 3, column 38");
/// # Ok::<(), replog_llm::parse::ParseError>(())
/// ```
pub fn parse_envelope(text: &str) -> Result<ParsedEnvelope, ParseError> {
    let selected = Answer::read(text).select(
        |value| shape(value).is_some() || wrapped(value).is_some(),
        || ParseErrorKind::NotAnEnvelope {
            detail: "no object with a `catalog` member, nor a CatalogJSON document".to_owned(),
        },
    )?;
    let mut repairs = selected.repairs;
    let mut ignored = selected.ignored;
    let mut value = selected.value;
    if shape(&value).is_none()
        && let Value::Object(object) = std::mem::take(&mut value)
    {
        // `select` accepted it, so its only member holds the envelope or the document.
        if let Some((member, inner)) = object.into_iter().next() {
            repairs.push(Repair {
                kind: RepairKind::Unwrapped { member },
                at: selected.at,
            });
            value = inner;
        }
    }
    let (member, catalog) = match (shape(&value), value) {
        (Some(Shape::Envelope), Value::Object(mut object)) => {
            let reasoning = take_reasoning(&mut object, selected.at)?;
            let catalog = object.shift_remove("catalog").unwrap_or_default();
            ignored.extend(
                object
                    .iter()
                    .map(|(name, value)| format!("{}: {value}", Value::from(name.as_str()))),
            );
            (reasoning, catalog)
        }
        (_, value) => (None, value),
    };
    let reasoning = match (selected.reasoning, member) {
        (Some((tag, _)), Some(member)) if tag == member.trim() => member,
        (Some((tag, at)), Some(member)) => {
            repairs.push(Repair {
                kind: RepairKind::ReasoningMerged,
                at,
            });
            format!("{tag}\n\n{member}")
        }
        (Some((tag, _)), None) => tag,
        (None, Some(member)) => member,
        (None, None) => String::new(),
    };
    repairs.sort_by_key(|r| r.at.offset);
    Ok(ParsedEnvelope {
        reasoning,
        catalog,
        repairs,
        ignored,
    })
}

/// The `reasoning` member, removed from `object`; `None` when absent, null or blank.
fn take_reasoning(
    object: &mut Map<String, Value>,
    at: Position,
) -> Result<Option<String>, ParseError> {
    match object.shift_remove("reasoning") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err(ParseError {
            kind: ParseErrorKind::NotAnEnvelope {
                detail: format!("`reasoning` must be a string, got {}", json_type(&other)),
            },
            at,
        }),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
