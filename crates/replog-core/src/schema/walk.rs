//! Walking a JSON Schema as a tree of subschemas, shared by every pass of this module.
//!
//! A schema's members are either keywords whose values are subschemas (`items`, `anyOf`,
//! `properties`, ...) or plain data (`enum`, `required`, `pattern`, ...). Every pass must
//! descend only through the former: a property named `enum` is not an `enum` keyword.

use serde_json::Value;

/// Keywords whose value is one subschema.
const SINGLE: &[&str] = &[
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "additionalItems",
    "unevaluatedItems",
    "unevaluatedProperties",
];
/// Keywords whose value is an array of subschemas.
const LIST: &[&str] = &["anyOf", "oneOf", "allOf", "prefixItems"];
/// Keywords whose value is a map from names to subschemas.
const MAP: &[&str] = &[
    "properties",
    "$defs",
    "definitions",
    "patternProperties",
    "dependentSchemas",
];

/// The direct subschemas of `schema`, each with the JSON Pointer suffix that reaches it.
pub(crate) fn children(schema: &Value) -> Vec<(String, &Value)> {
    let mut out = Vec::new();
    let Some(obj) = schema.as_object() else {
        return out;
    };
    for (key, value) in obj {
        if SINGLE.contains(&key.as_str()) {
            out.push((format!("/{}", escape(key)), value));
        } else if LIST.contains(&key.as_str()) {
            for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                out.push((format!("/{key}/{i}"), item));
            }
        } else if MAP.contains(&key.as_str()) {
            for (name, item) in value.as_object().into_iter().flatten() {
                out.push((format!("/{}/{}", escape(key), escape(name)), item));
            }
        }
    }
    out
}

/// [`children`], mutably.
pub(crate) fn children_mut(schema: &mut Value) -> Vec<(String, &mut Value)> {
    let mut out = Vec::new();
    let Some(obj) = schema.as_object_mut() else {
        return out;
    };
    for (key, value) in obj.iter_mut() {
        if SINGLE.contains(&key.as_str()) {
            out.push((format!("/{}", escape(key)), value));
        } else if LIST.contains(&key.as_str()) {
            for (i, item) in value.as_array_mut().into_iter().flatten().enumerate() {
                out.push((format!("/{key}/{i}"), item));
            }
        } else if MAP.contains(&key.as_str()) {
            for (name, item) in value.as_object_mut().into_iter().flatten() {
                out.push((format!("/{}/{}", escape(key), escape(name)), item));
            }
        }
    }
    out
}

/// Calls `visit` on `schema` and on every schema below it, with its JSON Pointer.
pub(crate) fn visit_all<'a>(schema: &'a Value, at: &str, visit: &mut impl FnMut(&str, &'a Value)) {
    visit(at, schema);
    for (suffix, child) in children(schema) {
        visit_all(child, &format!("{at}{suffix}"), visit);
    }
}

/// The schema a local `$ref` (`#/$defs/Name`) points at, following chains of references.
///
/// Returns `schema` itself when it has no `$ref`, and `None` for a reference that does not
/// resolve (or a chain so long it must be a cycle).
pub(crate) fn resolve<'a>(mut schema: &'a Value, root: &'a Value) -> Option<&'a Value> {
    // Any real chain is one or two hops; more means a cycle of bare references.
    for _ in 0..16 {
        let Some(reference) = schema.get("$ref").and_then(Value::as_str) else {
            return Some(schema);
        };
        schema = root.pointer(reference.strip_prefix('#')?)?;
    }
    None
}

/// The definition name a local `$ref` points at (`#/$defs/Set` is `Set`).
pub(crate) fn def_name(reference: &str) -> Option<&str> {
    reference
        .strip_prefix("#/$defs/")
        .filter(|name| !name.contains('/'))
}

/// Whether `schema` lets `null` through, following references.
pub(crate) fn accepts_null(schema: &Value, root: &Value) -> bool {
    let Some(schema) = resolve(schema, root) else {
        return false;
    };
    let Some(obj) = schema.as_object() else {
        return schema.as_bool().unwrap_or(false);
    };
    let type_ok = match obj.get("type") {
        None => true,
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
        Some(_) => false,
    };
    let enum_ok = obj
        .get("enum")
        .and_then(Value::as_array)
        .is_none_or(|values| values.contains(&Value::Null));
    let const_ok = obj.get("const").is_none_or(Value::is_null);
    let any_ok = ["anyOf", "oneOf"].iter().all(|key| {
        obj.get(*key)
            .and_then(Value::as_array)
            .is_none_or(|branches| branches.iter().any(|b| accepts_null(b, root)))
    });
    let all_ok = obj
        .get("allOf")
        .and_then(Value::as_array)
        .is_none_or(|branches| branches.iter().all(|b| accepts_null(b, root)));
    type_ok && enum_ok && const_ok && any_ok && all_ok
}

/// The names listed in an object schema's `required`.
pub(crate) fn required_names(schema: &Value) -> Vec<&str> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The names in an object schema's `required`, owned, for callers that go on to change the
/// schema.
pub(crate) fn required_owned(schema: &serde_json::Map<String, Value>) -> Vec<String> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .map(|names| {
            names
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Escapes one JSON Pointer reference token (RFC 6901).
pub(crate) fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn children_skip_data_keywords_and_name_their_pointers() {
        let schema = json!({
            "properties": {"enum": {"type": "string"}, "a/b": {"type": "integer"}},
            "enum": [{"type": "not a schema"}],
            "anyOf": [{"type": "null"}],
            "items": {"type": "boolean"},
        });
        let mut pointers: Vec<String> = children(&schema).into_iter().map(|(p, _)| p).collect();
        pointers.sort();
        assert_eq!(
            pointers,
            ["/anyOf/0", "/items", "/properties/a~1b", "/properties/enum"]
        );
        let mut schema = schema;
        assert_eq!(children_mut(&mut schema).len(), 4);
    }

    #[test]
    fn resolve_follows_chains_and_stops_at_cycles() {
        let root = json!({"$defs": {
            "A": {"$ref": "#/$defs/B"},
            "B": {"type": "string"},
            "C": {"$ref": "#/$defs/C"},
        }});
        assert_eq!(
            resolve(&json!({"$ref": "#/$defs/A"}), &root),
            Some(&json!({"type": "string"}))
        );
        assert_eq!(resolve(&json!({"$ref": "#/$defs/C"}), &root), None);
        assert_eq!(resolve(&json!({"$ref": "#/$defs/Missing"}), &root), None);
        assert_eq!(def_name("#/$defs/Set"), Some("Set"));
        assert_eq!(def_name("#/properties/x"), None);
    }

    #[test]
    fn accepts_null_reads_type_enum_and_branches() {
        let root = json!({"$defs": {"E": {"type": "string", "enum": ["a"]}}});
        assert!(accepts_null(&json!({"type": ["integer", "null"]}), &root));
        assert!(!accepts_null(&json!({"type": "integer"}), &root));
        assert!(!accepts_null(
            &json!({"type": ["string", "null"], "enum": ["a"]}),
            &root
        ));
        assert!(accepts_null(
            &json!({"anyOf": [{"$ref": "#/$defs/E"}, {"type": "null"}]}),
            &root
        ));
        assert!(!accepts_null(&json!({"$ref": "#/$defs/E"}), &root));
        assert!(accepts_null(&json!({}), &root));
    }
}
