//! Turning strict-mode output back into the base contract: `null` stood for "absent".

use serde_json::Value;

use crate::schema::walk::{accepts_null, required_names, resolve};

/// Removes, from a value written under a strict schema, every member that is `null` only
/// because the strict transform made it nullable, so the value can go through the normal
/// validator.
///
/// `base` is the 2020-12 schema the strict one was made from (for the LLM output envelope,
/// [`envelope_schema`](crate::schema::envelope_schema)`(Dialect::Draft202012)`). The value is
/// walked alongside it, following `$ref`s into `$defs`: a member is removed when it is `null`,
/// its property is not `required` there and the base schema does not itself accept `null`
/// for it. So `"label": null` goes, while `"reps": null` (required, and nullable in the base
/// contract: as many as possible) stays, and so does a `null` the base schema rejects in a
/// required member, for the validator to report.
pub fn strip_strict_nulls(value: &mut Value, base: &Value) {
    strip(value, base, base);
}

fn strip(value: &mut Value, schema: &Value, root: &Value) {
    let Some(schema) = resolve(schema, root) else {
        return;
    };
    if let Some(branches) = schema.get("allOf").and_then(Value::as_array) {
        for branch in branches {
            strip(value, branch, root);
        }
    }
    for keyword in ["anyOf", "oneOf"] {
        // Only an unambiguous union says which branch the value was written under.
        let Some(branches) = schema.get(keyword).and_then(Value::as_array) else {
            continue;
        };
        let mut candidates = branches.iter().filter(|b| !is_null_schema(b, root));
        if let (Some(only), None) = (candidates.next(), candidates.next()) {
            strip(value, only, root);
        }
    }
    match value {
        Value::Object(members) => {
            let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
                return;
            };
            let required = required_names(schema);
            members.retain(|name, member| {
                let made_nullable = properties.get(name).is_some_and(|property| {
                    !required.contains(&name.as_str()) && !accepts_null(property, root)
                });
                !(member.is_null() && made_nullable)
            });
            for (name, member) in members.iter_mut() {
                if let Some(property) = properties.get(name) {
                    strip(member, property, root);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = schema.get("items") {
                for item in items {
                    strip(item, item_schema, root);
                }
            }
        }
        _ => {}
    }
}

/// Whether a schema accepts nothing but `null` (`{"type": "null"}`).
fn is_null_schema(schema: &Value, root: &Value) -> bool {
    resolve(schema, root)
        .and_then(|s| s.get("type"))
        .is_some_and(|t| t == "null")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn removes_only_the_nulls_strict_mode_added() {
        let base = json!({
            "type": "object",
            "properties": {
                "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}},
                "note": {"type": "string"},
                "name": {"type": "string"},
            },
            "required": ["name"],
            "$defs": {"Item": {
                "type": "object",
                "properties": {
                    "reps": {"type": ["integer", "null"]},
                    "label": {"type": "string"},
                    "maybe": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                },
                "required": ["reps"],
            }},
        });
        let mut value = json!({
            "items": [{"reps": null, "label": null, "maybe": null}, {"reps": 3, "label": "x"}],
            "note": null,
            "name": null,
            "unknown": null,
        });
        strip_strict_nulls(&mut value, &base);
        assert_eq!(
            value,
            json!({
                "items": [{"reps": null, "maybe": null}, {"reps": 3, "label": "x"}],
                "name": null,
                "unknown": null,
            })
        );
    }
}
