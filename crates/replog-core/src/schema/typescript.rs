//! A compact TypeScript-style rendering of a schema, for prompts.
//!
//! Models read type declarations more reliably than JSON Schema and they cost fewer tokens
//! (reference/000 put the types in the prompt). The text is rendered from the generated
//! schema, never written by hand, so it cannot drift from the contract; it is deterministic
//! (members and declarations in a fixed order whatever order the JSON maps keep) so a prompt
//! prefix that contains it stays cacheable.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde_json::{Map, Value};

use super::walk::{def_name, required_names};
use crate::limits::NON_BLANK_PATTERN;

/// Renders a schema made by this module as TypeScript declarations: the root type (named by
/// its `title`) first, then each definition in the order it is first referred to.
///
/// Objects become `interface`s whose optional members carry `?`, string enums become unions of
/// literals, and each description becomes a one-line `/** */` comment followed by the
/// constraints in brackets (ranges, lengths, item counts, patterns) that the description does
/// not already state.
pub fn render_typescript(schema: &Value) -> String {
    let mut out = String::new();
    let mut refs = Vec::new();
    let root = schema
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or("Root");
    declare(&mut out, root, schema, &mut refs);
    let mut done = BTreeSet::from([root.to_owned()]);
    let mut next = 0;
    // `refs` grows while it is read: definitions referred to by later ones come after them.
    while let Some(name) = refs.get(next).cloned() {
        next += 1;
        if !done.insert(name.clone()) {
            continue;
        }
        if let Some(def) = schema.get("$defs").and_then(|defs| defs.get(&name)) {
            declare(&mut out, &name, def, &mut refs);
        }
    }
    out
}

/// Writes one `interface` or `type` declaration.
fn declare(out: &mut String, name: &str, schema: &Value, refs: &mut Vec<String>) {
    comment(out, "", description(schema), &[]);
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        let _ = writeln!(out, "type {name} = {};", type_of(schema, refs));
        return;
    };
    let _ = writeln!(out, "interface {name} {{");
    members(out, "  ", schema, properties, refs);
    out.push_str("}\n");
}

/// Writes an object's members: the required ones in their declared order, then the rest by
/// name.
fn members(
    out: &mut String,
    indent: &str,
    schema: &Value,
    properties: &Map<String, Value>,
    refs: &mut Vec<String>,
) {
    let required = required_names(schema);
    let mut optional: Vec<&str> = properties
        .keys()
        .map(String::as_str)
        .filter(|n| !required.contains(n))
        .collect();
    optional.sort_unstable();
    let ordered = required
        .iter()
        .copied()
        .filter(|n| properties.contains_key(*n));
    for name in ordered.chain(optional) {
        let Some(member) = properties.get(name) else {
            continue;
        };
        comment(out, indent, description(member), &constraints(member));
        let mark = if required.contains(&name) { "" } else { "?" };
        let _ = writeln!(
            out,
            "{indent}{}{mark}: {};",
            key(name),
            type_of(member, refs)
        );
    }
}

/// A one-line doc comment: the description and the constraints it does not mention.
fn comment(out: &mut String, indent: &str, description: Option<&str>, constraints: &[String]) {
    let description = description.map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "));
    let text = description.as_deref().unwrap_or("");
    let extra: Vec<&str> = constraints
        .iter()
        .map(String::as_str)
        .filter(|c| !text.contains(c))
        .collect();
    let line = match (text.is_empty(), extra.is_empty()) {
        (true, true) => return,
        (false, true) => text.to_owned(),
        (true, false) => format!("[{}]", extra.join("; ")),
        (false, false) => format!("{text} [{}]", extra.join("; ")),
    };
    let _ = writeln!(out, "{indent}/** {} */", line.replace("*/", "*\\/"));
}

fn description(schema: &Value) -> Option<&str> {
    schema
        .get("description")
        .and_then(Value::as_str)
        .filter(|d| !d.trim().is_empty())
}

/// A member name, quoted when it is not an identifier.
fn key(name: &str) -> String {
    let mut chars = name.chars();
    let plain = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if plain {
        name.to_owned()
    } else {
        Value::from(name).to_string()
    }
}

/// The TypeScript type a schema describes, noting the definitions it refers to.
fn type_of(schema: &Value, refs: &mut Vec<String>) -> String {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = def_name(reference).unwrap_or(reference).to_owned();
        refs.push(name.clone());
        return name;
    }
    if let Some(value) = schema.get("const") {
        return value.to_string();
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return union(values.iter().map(Value::to_string));
    }
    for keyword in ["anyOf", "oneOf"] {
        if let Some(branches) = schema.get(keyword).and_then(Value::as_array) {
            let types: Vec<String> = branches.iter().map(|b| type_of(b, refs)).collect();
            return union(types.into_iter());
        }
    }
    match schema.get("type") {
        Some(Value::String(t)) => type_name(t, schema, refs),
        Some(Value::Array(types)) => {
            let types: Vec<String> = types
                .iter()
                .filter_map(Value::as_str)
                .map(|t| type_name(t, schema, refs))
                .collect();
            union(types.into_iter())
        }
        _ => "unknown".to_owned(),
    }
}

/// The TypeScript for one JSON Schema `type` name.
fn type_name(name: &str, schema: &Value, refs: &mut Vec<String>) -> String {
    match name {
        "string" | "boolean" | "null" => name.to_owned(),
        "integer" | "number" => "number".to_owned(),
        "array" => {
            let item = schema
                .get("items")
                .map_or_else(|| "unknown".to_owned(), |i| type_of(i, refs));
            if item.contains(' ') {
                format!("({item})[]")
            } else {
                format!("{item}[]")
            }
        }
        "object" => match schema.get("properties").and_then(Value::as_object) {
            Some(properties) => {
                let mut inline = String::new();
                members(&mut inline, "", schema, properties, refs);
                // One line: the member comments go, the members stay.
                let members: Vec<&str> = inline.lines().filter(|l| !l.starts_with("/**")).collect();
                format!("{{ {} }}", members.join(" "))
            }
            None => "Record<string, unknown>".to_owned(),
        },
        _ => "unknown".to_owned(),
    }
}

/// `a | b`, without repeats, in first-seen order.
fn union(types: impl Iterator<Item = String>) -> String {
    let mut seen = Vec::new();
    for t in types {
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.join(" | ")
}

/// The constraints of a member, briefly, worded as the model's doc comments word them so a
/// description that already says "(1-100 characters)" is not repeated.
fn constraints(schema: &Value) -> Vec<String> {
    let mut parts = bounds(schema, "minimum", "maximum", "");
    if let Some(x) = schema.get("exclusiveMinimum") {
        parts.push(format!("greater than {}", number(x)));
    }
    if let Some(x) = schema.get("exclusiveMaximum") {
        parts.push(format!("less than {}", number(x)));
    }
    if let Some(x) = schema.get("multipleOf") {
        parts.push(format!("in steps of {}", number(x)));
    }
    parts.extend(bounds(schema, "minLength", "maxLength", " characters"));
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        parts.push(if pattern == NON_BLANK_PATTERN {
            "not blank".to_owned()
        } else {
            format!("matching /{pattern}/")
        });
    }
    if let Some(format) = schema.get("format").and_then(Value::as_str) {
        parts.push(format!("format {format}"));
    }
    parts.extend(bounds(schema, "minItems", "maxItems", ""));
    if let Some(items) = schema.get("items") {
        parts.extend(constraints(items).into_iter().map(|c| format!("each {c}")));
    }
    parts
}

/// `1-100 characters`, `at most 20`, `at least 1` from a pair of bound keywords.
fn bounds(schema: &Value, low: &str, high: &str, unit: &str) -> Vec<String> {
    // A bound at an integer type's limit (schemars' `uint32` made it) only says the value
    // fits the model; `1-4294967295` would waste a prompt's tokens.
    let bound = |keyword: &str| {
        schema
            .get(keyword)
            .filter(|v| v.as_f64().is_none_or(|v| v.abs() < TYPE_LIMIT))
            .map(number)
    };
    match (bound(low), bound(high)) {
        (Some(low), Some(high)) => vec![format!("{low}-{high}{unit}")],
        (Some(low), None) => vec![format!("at least {low}{unit}")],
        (None, Some(high)) => vec![format!("at most {high}{unit}")],
        (None, None) => Vec::new(),
    }
}

/// From here on a bound is an integer type's range, not a rule of the spec (`i32::MAX`).
const TYPE_LIMIT: f64 = 2_147_483_647.0;

/// A JSON number as people write it: `120`, not `120.0`.
fn number(value: &Value) -> String {
    match value.as_f64() {
        Some(f) if value.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        _ => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn renders_interfaces_unions_and_constraints() {
        let schema = json!({
            "title": "Root",
            "description": "The root.",
            "type": "object",
            "properties": {
                "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]$"}, "maxItems": 3},
                "size": {"description": "Size (1-9).", "type": "number", "minimum": 1.0, "maximum": 9.0, "multipleOf": 0.5},
                "kind": {"$ref": "#/$defs/Kind"},
                "name": {"type": "string", "minLength": 1, "maxLength": 10, "pattern": NON_BLANK_PATTERN},
                "n": {"type": ["integer", "null"]},
                "odd key": {"type": "object", "properties": {"a": {"type": "boolean"}}, "required": ["a"]},
            },
            "required": ["name", "n"],
            "$defs": {"Kind": {"description": "A */ kind.", "type": "string", "enum": ["a", "b"]}},
        });
        assert_eq!(
            render_typescript(&schema),
            "/** The root. */\n\
             interface Root {\n\
             \x20 /** [1-10 characters; not blank] */\n\
             \x20 name: string;\n\
             \x20 n: number | null;\n\
             \x20 kind?: Kind;\n\
             \x20 \"odd key\"?: { a: boolean; };\n\
             \x20 /** Size (1-9). [in steps of 0.5] */\n\
             \x20 size?: number;\n\
             \x20 /** [at most 3; each matching /^[a-z]$/] */\n\
             \x20 tags?: string[];\n\
             }\n\
             /** A *\\/ kind. */\n\
             type Kind = \"a\" | \"b\";\n"
        );
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number(&json!(120.0)), "120");
        assert_eq!(number(&json!(0.5)), "0.5");
        assert_eq!(number(&json!(4_294_967_295_u64)), "4294967295");
        let sort_order = json!({"type": "integer", "minimum": 1, "maximum": 4_294_967_295_u64});
        assert_eq!(constraints(&sort_order), ["at least 1"]);
    }
}
