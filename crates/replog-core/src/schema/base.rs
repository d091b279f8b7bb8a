//! The JSON Schema 2020-12 export: schemars' output reshaped to say exactly what the spec says.
//!
//! Three schemars transforms run over the generated schema (and every subschema):
//!
//! - optional members are not nullable: schemars 1.x has no `option_add_null_type` setting
//!   (0.8 had), so an `Option<T>` member comes out as `T | null`; the spec calls a `null`
//!   where null is not allowed `invalid_type`, so the null is removed again from every member
//!   that is not `required` (`Set.reps`, required and nullable, keeps it);
//! - documented unit enums come out as `oneOf` of `const` branches; they become one
//!   `{"type": "string", "enum": [...]}` with the variants' docs folded into the description,
//!   because OpenAI's strict mode rejects `oneOf` and a prompt reads one sentence better;
//! - schemars' non-standard integer formats (`uint8`, `uint32`, ...) become the `minimum` and
//!   `maximum` the Rust type can hold (the validator cannot accept more than the model holds)
//!   and are dropped with `float`/`double`, which no validator or provider understands.

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value};

use super::walk;

/// The 2020-12 schema of `T`, with this module's transforms applied.
pub(crate) fn generate<T: JsonSchema>() -> Value {
    SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(integer_formats as fn(&mut Schema)))
        .with_transform(RecursiveTransform(unit_enums as fn(&mut Schema)))
        .with_transform(RecursiveTransform(optional_not_null as fn(&mut Schema)))
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// Removes `null` from every property an object schema does not require.
fn optional_not_null(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let required = walk::required_owned(obj);
    let Some(Value::Object(properties)) = obj.get_mut("properties") else {
        return;
    };
    for (name, property) in properties.iter_mut() {
        if !required.contains(name) {
            if let Value::Object(property) = property {
                remove_null(property);
            }
        }
    }
}

/// Makes one schema reject `null` again, undoing what schemars does for `Option<T>`.
fn remove_null(schema: &mut Map<String, Value>) {
    match schema.get_mut("type") {
        Some(Value::Array(types)) => {
            types.retain(|t| t != "null");
            if let [only] = types.as_slice() {
                let only = only.clone();
                schema.insert("type".to_owned(), only);
            }
        }
        Some(Value::String(t)) if t == "null" => {
            schema.remove("type");
        }
        _ => {}
    }
    if let Some(Value::Array(values)) = schema.get_mut("enum") {
        values.retain(|v| !v.is_null());
    }
    let single = match schema.get_mut("anyOf") {
        Some(Value::Array(branches)) => {
            branches.retain(|branch| branch != &serde_json::json!({"type": "null"}));
            match branches.as_slice() {
                [Value::Object(only)] => Some(only.clone()),
                _ => None,
            }
        }
        _ => None,
    };
    // `{description, anyOf: [{$ref}, null]}` becomes `{description, $ref}`: in 2020-12 a
    // sibling of `$ref` is a plain conjunction, so merging disjoint keywords is exact.
    if let Some(only) = single.filter(|only| only.keys().all(|k| !schema.contains_key(k))) {
        schema.remove("anyOf");
        schema.extend(only);
    }
}

/// Collapses a `oneOf` of documented string constants into one string `enum`.
fn unit_enums(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let Some(Value::Array(branches)) = obj.get("oneOf") else {
        return;
    };
    let mut variants = Vec::with_capacity(branches.len());
    for branch in branches {
        let Some(branch) = branch.as_object() else {
            return;
        };
        let is_unit = branch.get("type").and_then(Value::as_str) == Some("string")
            && branch
                .keys()
                .all(|k| matches!(k.as_str(), "type" | "const" | "description"));
        let (true, Some(value)) = (is_unit, branch.get("const").and_then(Value::as_str)) else {
            return;
        };
        variants.push((
            value.to_owned(),
            branch.get("description").and_then(Value::as_str),
        ));
    }
    let outer = obj.get("description").and_then(Value::as_str);
    let description = fold_variant_docs(outer, &variants);
    let values = variants
        .iter()
        .map(|(value, _)| Value::from(value.as_str()))
        .collect();
    obj.remove("oneOf");
    obj.insert("type".to_owned(), "string".into());
    obj.insert("enum".to_owned(), Value::Array(values));
    if let Some(description) = description {
        obj.insert("description".to_owned(), description.into());
    }
}

/// `How often ...: `session` after every session; `week` once a week.`, skipping variant docs
/// that only repeat the value (`Strength.` for `strength`).
fn fold_variant_docs(outer: Option<&str>, variants: &[(String, Option<&str>)]) -> Option<String> {
    let parts: Vec<String> = variants
        .iter()
        .filter_map(|(value, doc)| {
            let doc = (*doc)?.trim().trim_end_matches('.');
            let redundant = doc.to_lowercase() == value.replace('_', " ");
            (!redundant && !doc.is_empty()).then(|| format!("`{value}` {}", lower_first(doc)))
        })
        .collect();
    if parts.is_empty() {
        return outer.map(str::to_owned);
    }
    Some(match outer {
        Some(outer) => format!(
            "{}: {}.",
            outer.trim_end().trim_end_matches('.'),
            parts.join("; ")
        ),
        None => format!("{}.", parts.join("; ")),
    })
}

/// Lower-cases the first letter of a sentence, unless it starts an acronym (`RPE`).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second) if !second.is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

/// Turns schemars' integer `format`s into bounds and drops the formats no one understands.
fn integer_formats(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let Some(format) = obj.get("format").and_then(Value::as_str) else {
        return;
    };
    let range: Option<(Value, Value)> = match format {
        "uint8" => Some((0.into(), u8::MAX.into())),
        "uint16" => Some((0.into(), u16::MAX.into())),
        "uint32" | "uint" => Some((0.into(), u32::MAX.into())),
        "uint64" => Some((0.into(), u64::MAX.into())),
        "int8" => Some((i8::MIN.into(), i8::MAX.into())),
        "int16" => Some((i16::MIN.into(), i16::MAX.into())),
        "int32" | "int" => Some((i32::MIN.into(), i32::MAX.into())),
        "int64" => Some((i64::MIN.into(), i64::MAX.into())),
        "float" | "double" => None,
        _ => return,
    };
    obj.remove("format");
    let Some((low, high)) = range else { return };
    tighten(obj, "minimum", low, |new, old| new > old);
    tighten(obj, "maximum", high, |new, old| new < old);
}

/// Sets `keyword` to `bound` unless the schema already has a bound at least as tight.
fn tighten(
    obj: &mut Map<String, Value>,
    keyword: &str,
    bound: Value,
    tighter: impl Fn(f64, f64) -> bool,
) {
    let new = bound.as_f64().unwrap_or(f64::NAN);
    let keep = obj
        .get(keyword)
        .and_then(Value::as_f64)
        .is_some_and(|old| !tighter(new, old));
    if !keep {
        obj.insert(keyword.to_owned(), bound);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn run(transform: fn(&mut Schema), value: Value) -> Value {
        let mut schema = Schema::try_from(value).expect("an object schema");
        transform(&mut schema);
        schema.to_value()
    }

    #[test]
    fn optional_members_lose_null_and_required_ones_keep_it() {
        let schema = json!({
            "type": "object",
            "properties": {
                "reps": {"type": ["integer", "null"]},
                "label": {"type": ["string", "null"], "minLength": 1},
                "unit": {"description": "d", "anyOf": [{"$ref": "#/$defs/Unit"}, {"type": "null"}]},
                "tag": {"type": ["string", "null"], "enum": ["a", null]},
            },
            "required": ["reps"],
        });
        let out = run(optional_not_null, schema);
        assert_eq!(
            out["properties"]["reps"],
            json!({"type": ["integer", "null"]})
        );
        assert_eq!(
            out["properties"]["label"],
            json!({"type": "string", "minLength": 1})
        );
        assert_eq!(
            out["properties"]["unit"],
            json!({"description": "d", "$ref": "#/$defs/Unit"})
        );
        assert_eq!(
            out["properties"]["tag"],
            json!({"type": "string", "enum": ["a"]})
        );
    }

    #[test]
    fn documented_unit_enums_become_one_enum_with_folded_docs() {
        let schema = json!({
            "description": "How often.",
            "oneOf": [
                {"type": "string", "const": "session", "description": "After every session."},
                {"type": "string", "const": "week", "description": "Week."},
                {"type": "string", "const": "rpe_cap", "description": "RPE ceiling."},
            ],
        });
        assert_eq!(
            run(unit_enums, schema),
            json!({
                "type": "string",
                "enum": ["session", "week", "rpe_cap"],
                "description": "How often: `session` after every session; `rpe_cap` RPE ceiling.",
            })
        );
        // A oneOf that is not made of string constants is left alone.
        let mixed = json!({"oneOf": [{"type": "string", "const": "a"}, {"type": "integer"}]});
        assert_eq!(run(unit_enums, mixed.clone()), mixed);
    }

    #[test]
    fn integer_formats_become_bounds() {
        let out = run(
            integer_formats,
            json!({"type": "integer", "format": "uint8", "maximum": 7}),
        );
        assert_eq!(out, json!({"type": "integer", "minimum": 0, "maximum": 7}));
        let out = run(
            integer_formats,
            json!({"type": "integer", "format": "uint32", "minimum": 1}),
        );
        assert_eq!(
            out,
            json!({"type": "integer", "minimum": 1, "maximum": u32::MAX})
        );
        let out = run(
            integer_formats,
            json!({"type": "number", "format": "double"}),
        );
        assert_eq!(out, json!({"type": "number"}));
        let out = run(integer_formats, json!({"type": "string", "format": "date"}));
        assert_eq!(out, json!({"type": "string", "format": "date"}));
    }
}
