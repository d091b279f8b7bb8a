//! Fixtures and helpers shared by the integration tests of `replog-core`.

#![allow(dead_code)] // each test file uses its own part

use serde_json::{Map, Value};

/// The example document of `spec/catalog-json.md`, verbatim (kept once, in `examples/data`).
pub(crate) const SPEC_EXAMPLE: &str =
    include_str!("../../../../examples/data/spec-example.json").trim_ascii_end();

/// The spec's example as a value.
pub(crate) fn spec_example() -> Value {
    serde_json::from_str(SPEC_EXAMPLE).expect("the spec's example is JSON")
}

/// The spec's example wrapped in the LLM output envelope.
pub(crate) fn spec_envelope() -> Value {
    serde_json::json!({"reasoning": "Power first, then plyometrics.", "catalog": spec_example()})
}

/// The schema a local `$ref` points at (or `schema` itself).
pub(crate) fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let target = reference
                .strip_prefix('#')
                .and_then(|pointer| root.pointer(pointer));
            resolve(
                target.unwrap_or_else(|| panic!("unresolvable {reference}")),
                root,
            )
        }
        None => schema,
    }
}

/// Writes `null` for every optional member `value` leaves out, walking it alongside the
/// 2020-12 schema `base`: what a model under strict mode writes, and the inverse of
/// `strip_strict_nulls`. Required members stay missing (`reps` included).
pub(crate) fn fill_nulls(value: &mut Value, base: &Value, root: &Value) {
    let base = resolve(base, root);
    match value {
        Value::Object(members) => {
            let Some(properties) = base.get("properties").and_then(Value::as_object) else {
                return;
            };
            let required = base.get("required").and_then(Value::as_array);
            for (name, property) in properties {
                let is_required =
                    required.is_some_and(|r| r.iter().any(|n| n.as_str() == Some(name.as_str())));
                if !is_required {
                    members.entry(name.clone()).or_insert(Value::Null);
                }
                if let Some(member) = members.get_mut(name) {
                    fill_nulls(member, property, root);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = base.get("items") {
                for item in items {
                    fill_nulls(item, item_schema, root);
                }
            }
        }
        _ => {}
    }
}

/// One member of the document as the schema describes it.
pub(crate) struct Member {
    /// A JSON Pointer pattern with `*` for array indices.
    pub(crate) path: String,
    /// The member's schema, `$ref` resolved.
    pub(crate) schema: Value,
    /// Whether the enclosing object requires it.
    pub(crate) required: bool,
}

/// Every member the schema describes below `schema`, depth first.
pub(crate) fn members(schema: &Value, root: &Value, path: &str, out: &mut Vec<Member>) {
    let schema = resolve(schema, root);
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (name, property) in properties {
            let member_path = format!("{path}/{name}");
            out.push(Member {
                path: member_path.clone(),
                schema: resolve(property, root).clone(),
                required: required.contains(&name.as_str()),
            });
            members(property, root, &member_path, out);
        }
    }
    if let Some(items) = schema.get("items") {
        out.push(Member {
            path: format!("{path}/*"),
            schema: resolve(items, root).clone(),
            required: false,
        });
        members(items, root, &format!("{path}/*"), out);
    }
}

/// Every schema object below `schema` (not following `$ref`), with its JSON Pointer: the
/// members of `properties`/`$defs` and the entries of `items`/`anyOf` and the like.
pub(crate) fn subschemas<'a>(
    schema: &'a Value,
    at: String,
    out: &mut Vec<(String, &'a Map<String, Value>)>,
) {
    let Some(obj) = schema.as_object() else {
        return;
    };
    out.push((at.clone(), obj));
    for (key, value) in obj {
        match key.as_str() {
            "properties" | "$defs" | "patternProperties" => {
                for (name, sub) in value.as_object().into_iter().flatten() {
                    subschemas(sub, format!("{at}/{key}/{name}"), out);
                }
            }
            "anyOf" | "oneOf" | "allOf" | "prefixItems" => {
                for (i, sub) in value.as_array().into_iter().flatten().enumerate() {
                    subschemas(sub, format!("{at}/{key}/{i}"), out);
                }
            }
            "items" | "additionalProperties" | "not" | "if" | "then" | "else" | "contains" => {
                subschemas(value, format!("{at}/{key}"), out);
            }
            _ => {}
        }
    }
}
