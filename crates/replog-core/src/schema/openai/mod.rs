//! OpenAI's strict structured-output dialect (`response_format` `json_schema` with
//! `strict: true`), derived from the 2020-12 schema.
//!
//! Strict mode decodes the output under the schema, so it accepts only a subset of JSON
//! Schema: every object lists all of its properties in `required` and closes itself with
//! `additionalProperties: false`, an optional member is written as a required one that may be
//! `null`, and a handful of keywords are refused. The rules lost on the way are listed by
//! [`unexpressed_rules`](super::unexpressed_rules) so the library re-checks them, and
//! [`strip_strict_nulls`] turns the model's `null`s back into absent members.

mod limits;
mod nulls;

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

pub use limits::check_openai_limits;
pub use nulls::strip_strict_nulls;

use super::walk::{self, children_mut, def_name, visit_all};
use crate::CoreError;

/// The dialect's name in errors.
const DIALECT: &str = "openai-strict";

/// Keywords strict mode accepts; `format` only with a value of [`FORMATS`].
const KEEP: &[&str] = &[
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

/// Keywords strict mode refuses that may be dropped: annotations, and the string length
/// bounds, which [`unexpressed_rules`](super::unexpressed_rules) hands to the validator.
/// Any other keyword would silently loosen the schema, so it is an error instead.
const DROP: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "minLength",
    "maxLength",
];

/// Annotations: where a `$ref`'s sibling and its target both have one, the sibling wins.
const ANNOTATIONS: &[&str] = &["description", "title", "default", "examples", "$comment"];

/// The string formats strict mode supports.
const FORMATS: &[&str] = &[
    "date-time",
    "time",
    "date",
    "duration",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uuid",
];

/// The OpenAI strict form of a 2020-12 schema made by this module (or one shaped like it).
///
/// Every object gets all its properties in `required` and `additionalProperties: false`;
/// members that were optional become nullable (`[T, "null"]`, `null` added to an `enum`, or
/// `anyOf` with `{"type": "null"}` around a `$ref`); a `$ref` with siblings is replaced by
/// its definition, since strict mode refuses siblings of `$ref`; annotations, unsupported
/// `format`s and `minLength`/`maxLength` are dropped; unreachable definitions are pruned.
///
/// # Errors
///
/// [`CoreError::SchemaLimit`] when the root is not an object schema, when a keyword strict
/// mode refuses cannot be dropped without loosening the schema (`oneOf`, `allOf`,
/// `patternProperties`, an open `additionalProperties`, ...), or when the result breaks
/// OpenAI's size limits ([`check_openai_limits`]).
pub fn to_openai_strict(base: &Value) -> Result<Value, CoreError> {
    let defs = base
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut schema = base.clone();
    strictify(&mut schema, "", &defs)?;
    prune_unused_defs(&mut schema);
    if schema.get("type") != Some(&json!("object")) {
        return Err(limit(
            "the root must be an object schema (not anyOf or a $ref)".to_owned(),
        ));
    }
    check_openai_limits(&schema)?;
    Ok(schema)
}

/// A [`CoreError::SchemaLimit`] of this dialect.
fn limit(reason: String) -> CoreError {
    CoreError::SchemaLimit {
        dialect: DIALECT,
        reason,
    }
}

/// A pointer for a message: the empty pointer reads badly.
fn shown(at: &str) -> &str {
    if at.is_empty() { "the root" } else { at }
}

/// Rewrites one schema and everything below it into the strict dialect.
fn strictify(schema: &mut Value, at: &str, defs: &Map<String, Value>) -> Result<(), CoreError> {
    inline_ref_with_siblings(schema, at, defs)?;
    let obj = match schema {
        Value::Object(obj) => obj,
        Value::Bool(false) if at.ends_with("/additionalProperties") => return Ok(()),
        _ => {
            return Err(limit(format!(
                "boolean schema at {} is not supported",
                shown(at)
            )));
        }
    };
    let keys: Vec<String> = obj.keys().cloned().collect();
    for key in keys {
        if key == "format" {
            let supported = obj
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(|f| FORMATS.contains(&f));
            if !supported {
                obj.remove("format");
            }
        } else if DROP.contains(&key.as_str()) {
            obj.remove(&key);
        } else if !KEEP.contains(&key.as_str()) {
            return Err(limit(format!("`{key}` at {} is not supported", shown(at))));
        }
    }
    let is_object = obj.contains_key("properties") || has_type(obj, "object");
    if is_object {
        close_object(obj, at)?;
    }
    for (suffix, child) in children_mut(schema) {
        strictify(child, &format!("{at}{suffix}"), defs)?;
    }
    Ok(())
}

/// Requires every property of an object schema, nullable where it was optional, and closes it.
fn close_object(obj: &mut Map<String, Value>, at: &str) -> Result<(), CoreError> {
    if !matches!(
        obj.get("additionalProperties"),
        None | Some(Value::Bool(false))
    ) {
        // A map-like object cannot be written in strict mode; closing it would change it.
        return Err(limit(format!(
            "open additionalProperties at {} is not supported",
            shown(at)
        )));
    }
    let required = walk::required_owned(obj);
    let mut names = Vec::new();
    if let Some(Value::Object(properties)) = obj.get_mut("properties") {
        for (name, property) in properties.iter_mut() {
            if !required.contains(name) {
                make_nullable(property);
            }
            names.push(Value::from(name.as_str()));
        }
    } else {
        obj.insert("properties".to_owned(), Value::Object(Map::new()));
    }
    obj.insert("required".to_owned(), Value::Array(names));
    obj.insert("additionalProperties".to_owned(), Value::Bool(false));
    Ok(())
}

/// Whether a schema's `type` is or includes `wanted`.
fn has_type(obj: &Map<String, Value>, wanted: &str) -> bool {
    match obj.get("type") {
        Some(Value::String(t)) => t == wanted,
        Some(Value::Array(types)) => types.iter().any(|t| t == wanted),
        _ => false,
    }
}

/// Lets a schema accept `null` as well: how strict mode says "absent".
fn make_nullable(schema: &mut Value) {
    let Value::Object(obj) = schema else { return };
    let null = json!({"type": "null"});
    if let Some(reference) = obj.remove("$ref") {
        let branches = vec![json!({ "$ref": reference }), null];
        obj.insert("anyOf".to_owned(), Value::Array(branches));
        return;
    }
    if let Some(Value::Array(branches)) = obj.get_mut("anyOf") {
        if !branches.contains(&null) {
            branches.push(null);
        }
        return;
    }
    match obj.get_mut("type") {
        Some(Value::String(t)) if t != "null" => {
            let t = std::mem::take(t);
            obj.insert("type".to_owned(), json!([t, "null"]));
        }
        Some(Value::Array(types)) if !types.iter().any(|t| t == "null") => {
            types.push("null".into())
        }
        _ => {}
    }
    if let Some(Value::Array(values)) = obj.get_mut("enum") {
        if !values.contains(&Value::Null) {
            values.push(Value::Null);
        }
    }
    if let Some(value) = obj.remove("const") {
        let values = if value.is_null() {
            vec![value]
        } else {
            vec![value, Value::Null]
        };
        obj.insert("enum".to_owned(), Value::Array(values));
    }
}

/// Replaces `{"$ref": ..., "description": ...}` by the definition with the sibling merged in.
fn inline_ref_with_siblings(
    schema: &mut Value,
    at: &str,
    defs: &Map<String, Value>,
) -> Result<(), CoreError> {
    // A definition may itself be a `$ref` with siblings; a real chain is short.
    for _ in 0..16 {
        let Value::Object(obj) = schema else {
            return Ok(());
        };
        let Some(reference) = obj.get("$ref").and_then(Value::as_str) else {
            return Ok(());
        };
        if obj.len() < 2 {
            return Ok(());
        }
        let target = def_name(reference)
            .and_then(|name| defs.get(name))
            .and_then(Value::as_object);
        let Some(target) = target else {
            return Err(limit(format!(
                "unresolvable $ref {reference:?} at {}",
                shown(at)
            )));
        };
        let mut merged = target.clone();
        obj.remove("$ref");
        for (key, value) in std::mem::take(obj) {
            if merged.contains_key(&key) && !ANNOTATIONS.contains(&key.as_str()) {
                // Both constrain the value; keeping one would drop the other.
                return Err(limit(format!(
                    "`{key}` beside a $ref at {} cannot be merged",
                    shown(at)
                )));
            }
            let value = match (key.as_str(), &value, merged.get(&key)) {
                // The member's description says what it is for, the definition's what its
                // values mean (an enum's variants): the model needs both.
                ("description", Value::String(member), Some(Value::String(def)))
                    if member != def =>
                {
                    Value::String(format!("{} {def}", sentence(member)))
                }
                _ => value,
            };
            merged.insert(key, value);
        }
        *obj = merged;
    }
    Err(limit(format!("$ref chain at {} does not end", shown(at))))
}

/// `text`, ending with a full stop.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// Removes the definitions that nothing reachable from the root refers to any more (those
/// inlined where a `$ref` had siblings).
fn prune_unused_defs(schema: &mut Value) {
    let Some(Value::Object(mut defs)) = schema.as_object_mut().and_then(|o| o.remove("$defs"))
    else {
        return;
    };
    let mut used = BTreeSet::new();
    let mut pending = refs_in(schema);
    while let Some(name) = pending.pop() {
        if used.insert(name.clone()) {
            if let Some(def) = defs.get(&name) {
                pending.extend(refs_in(def));
            }
        }
    }
    defs.retain(|name, _| used.contains(name));
    if !defs.is_empty() {
        if let Some(obj) = schema.as_object_mut() {
            obj.insert("$defs".to_owned(), Value::Object(defs));
        }
    }
}

/// The definition names `$ref`s below `schema` point at.
fn refs_in(schema: &Value) -> Vec<String> {
    let mut names = Vec::new();
    visit_all(schema, "", &mut |_, sub| {
        if let Some(name) = sub.get("$ref").and_then(Value::as_str).and_then(def_name) {
            names.push(name.to_owned());
        }
    });
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::walk::required_names;

    /// The pointer of the first object schema below `schema` that is not closed and complete.
    fn first_open_object(schema: &Value) -> Option<String> {
        let mut found = None;
        visit_all(schema, "", &mut |at, sub| {
            let Some(props) = sub.get("properties").and_then(Value::as_object) else {
                return;
            };
            let required: BTreeSet<&str> = required_names(sub).into_iter().collect();
            let all: BTreeSet<&str> = props.keys().map(String::as_str).collect();
            if found.is_none()
                && (required != all || sub.get("additionalProperties") != Some(&json!(false)))
            {
                found = Some(at.to_owned());
            }
        });
        found
    }

    fn base() -> Value {
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Root",
            "type": "object",
            "properties": {
                "name": {"type": "string", "minLength": 1, "maxLength": 9, "pattern": "\\S"},
                "title": {"type": "string"},
                "every": {"description": "How often.", "$ref": "#/$defs/Every"},
                "unit": {"$ref": "#/$defs/Unit"},
                "n": {"type": "integer", "minimum": 1, "format": "uint32", "default": 3},
                "version": {"type": "integer", "const": 1},
                "when": {"type": "string", "format": "date"},
            },
            "required": ["name", "every", "version"],
            "additionalProperties": false,
            "$defs": {
                "Every": {"description": "Every.", "type": "string", "enum": ["week", "cycle"]},
                "Unit": {"type": "string", "enum": ["lb", "kg"]},
                "Unused": {"type": "string"},
            },
        })
    }

    #[test]
    fn strict_form_requires_everything_and_nulls_the_optional() {
        let strict = to_openai_strict(&base()).expect("within the limits");
        assert_eq!(
            strict,
            json!({
                "type": "object",
                "properties": {
                    "name": {"type": "string", "pattern": "\\S"},
                    "title": {"type": ["string", "null"]},
                    "every": {"description": "How often. Every.", "type": "string", "enum": ["week", "cycle"]},
                    "unit": {"anyOf": [{"$ref": "#/$defs/Unit"}, {"type": "null"}]},
                    "n": {"type": ["integer", "null"], "minimum": 1},
                    "version": {"type": "integer", "const": 1},
                    "when": {"type": ["string", "null"], "format": "date"},
                },
                "required": ["name", "title", "every", "unit", "n", "version", "when"],
                "additionalProperties": false,
                "$defs": {"Unit": {"type": "string", "enum": ["lb", "kg"]}},
            })
        );
        assert_eq!(first_open_object(&strict), None);
        assert_eq!(first_open_object(&base()), Some(String::new()));
    }

    #[test]
    fn keywords_that_would_loosen_the_schema_are_refused() {
        for (keyword, value) in [
            ("oneOf", json!([{"type": "string"}, {"type": "integer"}])),
            ("patternProperties", json!({"^x": {"type": "string"}})),
            ("uniqueItems", json!(true)),
        ] {
            let mut schema = base();
            schema["properties"]["extra"] = json!({keyword: value});
            let err = to_openai_strict(&schema).expect_err(keyword);
            assert!(err.to_string().contains(keyword), "{err}");
            assert!(err.to_string().contains("/properties/extra"), "{err}");
        }
        let mut open = base();
        open["additionalProperties"] = json!({"type": "string"});
        assert!(to_openai_strict(&open).is_err());
        let mut clash = base();
        clash["properties"]["every"]["enum"] = json!(["week"]);
        assert!(
            to_openai_strict(&clash).is_err(),
            "a constraint beside a $ref cannot be merged"
        );
        assert!(
            to_openai_strict(&json!({"anyOf": [{"type": "object"}, {"type": "null"}]})).is_err()
        );
    }

    #[test]
    fn nullable_forms() {
        let mut value = json!({"type": "string", "const": "x"});
        make_nullable(&mut value);
        assert_eq!(
            value,
            json!({"type": ["string", "null"], "enum": ["x", null]})
        );
        let mut value = json!({"anyOf": [{"type": "string"}, {"type": "integer"}]});
        make_nullable(&mut value);
        assert_eq!(value["anyOf"][2], json!({"type": "null"}));
        let mut value = json!({"type": ["integer", "null"]});
        make_nullable(&mut value);
        assert_eq!(value, json!({"type": ["integer", "null"]}));
    }
}
