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

// ---- logbook builders (context and period tests) ----

/// A date from `YYYY-MM-DD`.
pub(crate) fn day(text: &str) -> replog_core::Date {
    text.parse().expect("a YYYY-MM-DD date")
}

/// A working set without RPE.
pub(crate) fn set(exercise: &str, number: u32, reps: u32, weight: f64) -> replog_core::LoggedSet {
    replog_core::LoggedSet::new(exercise, number, reps, Some(weight))
}

/// A working set with an RPE.
pub(crate) fn set_rpe(
    exercise: &str,
    number: u32,
    reps: u32,
    weight: f64,
    rpe: f64,
) -> replog_core::LoggedSet {
    let mut set = set(exercise, number, reps, weight);
    set.rpe = Some(rpe);
    set
}

/// A free-training workout on `date`.
pub(crate) fn free(date: &str, sets: Vec<replog_core::LoggedSet>) -> replog_core::Workout {
    replog_core::Workout {
        date: day(date),
        name: None,
        duration_seconds: None,
        program: None,
        week: None,
        day: None,
        sets,
        review: None,
        notes: None,
    }
}

/// A workout done against `program`'s week and day.
pub(crate) fn programmed(
    date: &str,
    program: &str,
    week: u32,
    day_number: u32,
    sets: Vec<replog_core::LoggedSet>,
) -> replog_core::Workout {
    replog_core::Workout {
        program: Some(program.to_owned()),
        week: Some(week),
        day: Some(day_number),
        ..free(date, sets)
    }
}

/// A prescribed exercise: `reps` per set, `None` for an AMRAP set.
pub(crate) fn prescribed(
    exercise: &str,
    sort_order: u32,
    reps: &[Option<u32>],
) -> replog_core::PrescribedExercise {
    replog_core::PrescribedExercise {
        exercise: exercise.to_owned(),
        sort_order,
        superset: None,
        notes: None,
        sets: reps
            .iter()
            .map(|r| replog_core::Set {
                reps: *r,
                ..replog_core::Set::reps(1)
            })
            .collect(),
    }
}

/// A program template from weeks of days of prescribed exercises.
pub(crate) fn template(
    name: &str,
    is_loop: bool,
    weeks: Vec<Vec<(u8, Vec<replog_core::PrescribedExercise>)>>,
) -> replog_core::Program {
    replog_core::Program {
        name: name.to_owned(),
        description: None,
        goal: None,
        unit: None,
        is_loop,
        weeks: (1..)
            .zip(weeks)
            .map(|(number, days)| replog_core::Week {
                number,
                label: None,
                days: days
                    .into_iter()
                    .map(|(number, exercises)| replog_core::Day {
                        number,
                        name: None,
                        exercises,
                    })
                    .collect(),
            })
            .collect(),
        progression_rules: Vec::new(),
    }
}

/// An assignment of `template` on `assigned_at`.
pub(crate) fn assigned(
    template: replog_core::Program,
    assigned_at: &str,
    status: replog_core::ProgramStatus,
) -> replog_core::AssignedProgram {
    replog_core::AssignedProgram {
        name: template.name.clone(),
        assigned_at: day(assigned_at),
        status,
        goal: None,
        template,
    }
}
