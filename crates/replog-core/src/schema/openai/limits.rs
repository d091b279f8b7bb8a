//! OpenAI's documented size limits for strict schemas, checked here so an oversized schema
//! fails when it is built rather than as an HTTP 400 in the middle of a generation.

use std::collections::BTreeSet;

use serde_json::Value;

use super::limit;
use crate::CoreError;
use crate::schema::walk::{children, def_name, visit_all};

/// Most object properties in one schema, counted over every object schema.
const MAX_PROPERTIES: usize = 5000;
/// Most levels of object nesting (the root object is level 1).
const MAX_NESTING: usize = 10;
/// Longest total of property names, definition names, enum values and const values.
const MAX_STRING_LENGTH: usize = 120_000;
/// Most enum values across all enums.
const MAX_ENUM_VALUES: usize = 1000;
/// Above this many values, one enum's values have a length budget of their own.
const LARGE_ENUM: usize = 250;
/// The total length of a large enum's string values.
const LARGE_ENUM_STRING_LENGTH: usize = 15_000;

/// Checks a strict schema against OpenAI's documented limits: at most 5000 object properties
/// in total, at most 10 levels of object nesting, at most 120,000 characters over all
/// property names, definition names, enum values and const values, at most 1000 enum values
/// in total, and at most 15,000 characters over the string values of any one enum of more
/// than 250 values.
///
/// # Errors
///
/// [`CoreError::SchemaLimit`] naming the first limit broken and by how much.
pub fn check_openai_limits(schema: &Value) -> Result<(), CoreError> {
    let mut properties = 0;
    let mut string_length = 0;
    let mut enum_values = 0;
    let mut large_enum = None;
    visit_all(schema, "", &mut |at, sub| {
        if let Some(props) = sub.get("properties").and_then(Value::as_object) {
            properties += props.len();
            string_length += props.keys().map(|k| k.chars().count()).sum::<usize>();
        }
        if let Some(defs) = sub.get("$defs").and_then(Value::as_object) {
            string_length += defs.keys().map(|k| k.chars().count()).sum::<usize>();
        }
        if let Some(values) = sub.get("enum").and_then(Value::as_array) {
            enum_values += values.len();
            string_length += values.iter().map(value_length).sum::<usize>();
            let strings: usize = values
                .iter()
                .filter_map(Value::as_str)
                .map(|s| s.chars().count())
                .sum();
            if values.len() > LARGE_ENUM
                && strings > LARGE_ENUM_STRING_LENGTH
                && large_enum.is_none()
            {
                large_enum = Some((at.to_owned(), values.len(), strings));
            }
        }
        if let Some(value) = sub.get("const") {
            string_length += value_length(value);
        }
    });
    if properties > MAX_PROPERTIES {
        return Err(limit(format!(
            "{properties} object properties, at most {MAX_PROPERTIES}"
        )));
    }
    let nesting = nesting(schema, schema, &mut BTreeSet::new());
    if nesting > MAX_NESTING {
        return Err(limit(format!(
            "{nesting} levels of object nesting, at most {MAX_NESTING}"
        )));
    }
    if string_length > MAX_STRING_LENGTH {
        return Err(limit(format!(
            "{string_length} characters of property names, definition names, enum and const \
             values, at most {MAX_STRING_LENGTH}"
        )));
    }
    if enum_values > MAX_ENUM_VALUES {
        return Err(limit(format!(
            "{enum_values} enum values, at most {MAX_ENUM_VALUES}"
        )));
    }
    if let Some((at, count, length)) = large_enum {
        return Err(limit(format!(
            "the enum at {at} has {count} values of {length} characters in total; an enum of \
             more than {LARGE_ENUM} values may have at most {LARGE_ENUM_STRING_LENGTH}"
        )));
    }
    Ok(())
}

/// The characters a value adds to the string budget: a string's own, another value's JSON.
fn value_length(value: &Value) -> usize {
    match value {
        Value::String(s) => s.chars().count(),
        other => other.to_string().len(),
    }
}

/// The deepest chain of object schemas below `schema`, following `$ref`s into `$defs` (a
/// definition already on the chain is recursion, which strict mode allows, so it stops there).
fn nesting(schema: &Value, root: &Value, on_chain: &mut BTreeSet<String>) -> usize {
    if let Some(name) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(def_name)
    {
        if !on_chain.insert(name.to_owned()) {
            return 0;
        }
        let depth = root
            .get("$defs")
            .and_then(|defs| defs.get(name))
            .map_or(0, |def| nesting(def, root, on_chain));
        on_chain.remove(name);
        return depth;
    }
    let is_object = schema.get("properties").is_some()
        || schema.get("type").is_some_and(|t| {
            t == "object"
                || t.as_array()
                    .is_some_and(|a| a.iter().any(|t| t == "object"))
        });
    let below = children(schema)
        .into_iter()
        .filter(|(suffix, _)| !suffix.starts_with("/$defs/"))
        .map(|(_, child)| nesting(child, root, on_chain))
        .max()
        .unwrap_or(0);
    below + usize::from(is_object)
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, json};

    use super::*;

    fn object_with(properties: Map<String, Value>) -> Value {
        json!({"type": "object", "properties": properties})
    }

    fn reason(schema: &Value) -> String {
        match check_openai_limits(schema) {
            Err(CoreError::SchemaLimit { dialect, reason }) => {
                assert_eq!(dialect, "openai-strict");
                reason
            }
            other => panic!("expected a SchemaLimit, got {other:?}"),
        }
    }

    #[test]
    fn a_small_schema_passes() {
        let schema =
            json!({"type": "object", "properties": {"a": {"type": "string", "enum": ["x"]}}});
        assert!(check_openai_limits(&schema).is_ok());
    }

    #[test]
    fn too_many_properties() {
        let props = (0..=MAX_PROPERTIES).map(|i| (format!("p{i}"), json!({"type": "string"})));
        let reason = reason(&object_with(props.collect()));
        assert!(reason.starts_with("5001 object properties"), "{reason}");
        let props = (0..MAX_PROPERTIES).map(|i| (format!("p{i}"), json!({"type": "string"})));
        assert!(check_openai_limits(&object_with(props.collect())).is_ok());
    }

    #[test]
    fn too_deep() {
        // Eleven objects inside each other, the innermost reached through a $ref.
        let mut schema = json!({"$ref": "#/$defs/Leaf"});
        for _ in 0..10 {
            schema = json!({"type": "object", "properties": {"x": schema}});
        }
        schema["$defs"] = json!({"Leaf": {"type": "object", "properties": {}}});
        assert!(reason(&schema).starts_with("11 levels"));
        // Recursion through a definition is not unbounded depth.
        let recursive = json!({"$ref": "#/$defs/Node", "$defs": {"Node": {"type": "object",
            "properties": {"next": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}]}}}}});
        assert!(check_openai_limits(&recursive).is_ok());
    }

    #[test]
    fn too_many_characters() {
        let long = "n".repeat(1000);
        let props = (0..121).map(|i| (format!("{long}{i}"), json!({"type": "string"})));
        assert!(reason(&object_with(props.collect())).contains("characters of property names"));
        let schema = json!({"type": "object", "properties": {"a": {"const": "c".repeat(120_001)}}});
        assert!(reason(&schema).contains("characters of property names"));
    }

    #[test]
    fn too_many_enum_values() {
        let values: Vec<Value> = (0..600).map(|i| json!(format!("v{i}"))).collect();
        let schema = json!({"type": "object", "properties": {
            "a": {"type": "string", "enum": values},
            "b": {"type": "string", "enum": values},
        }});
        assert!(reason(&schema).starts_with("1200 enum values"));
    }

    #[test]
    fn a_large_enum_with_long_values() {
        // 251 values of 60 characters: 15,060 in one enum of more than 250 values.
        let values: Vec<Value> = (0..251).map(|i| json!(format!("{i:0>60}"))).collect();
        let schema =
            json!({"type": "object", "properties": {"a": {"type": "string", "enum": values}}});
        let reason = reason(&schema);
        assert!(
            reason.contains("/properties/a has 251 values of 15060 characters"),
            "{reason}"
        );
        // The same length over 250 values is allowed.
        let values: Vec<Value> = (0..250).map(|i| json!(format!("{i:0>61}"))).collect();
        let schema =
            json!({"type": "object", "properties": {"a": {"type": "string", "enum": values}}});
        assert!(check_openai_limits(&schema).is_ok());
    }
}
