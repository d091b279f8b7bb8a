//! Fixtures the benches share: a realistic program document, valid and with scattered errors.

#![allow(dead_code)] // each bench uses part of this module

use serde_json::{Value, json};

/// Exercises of the fixture catalog: name, equipment, whether it is a main lift.
const EXERCISES: &[(&str, &[&str], bool)] = &[
    ("Back Squat", &["barbell", "squat_rack"], true),
    ("Bench Press", &["barbell", "bench"], true),
    ("Deadlift", &["barbell"], true),
    ("Overhead Press", &["barbell"], true),
    ("Power Clean", &["barbell", "bumper_plates"], true),
    ("Front Squat", &["barbell", "squat_rack"], true),
    ("Romanian Deadlift", &["barbell"], false),
    ("Pull Up", &["pull_up_bar"], false),
    ("Dumbbell Row", &["dumbbell", "bench"], false),
    ("Walking Lunge", &["dumbbell"], false),
    ("Box Jump", &["plyo_box"], false),
    ("Kettlebell Swing", &["kettlebell"], false),
    ("Plank", &[], false),
    ("Suitcase Carry", &["kettlebell"], false),
    ("Face Pull", &["cable_machine"], false),
    ("Hip Thrust", &["barbell", "bench"], false),
];

/// A CatalogJSON document with one program of `weeks` weeks, `days` days a week,
/// `per_day` exercises a day and `sets` sets each, as pretty-printed JSON text.
pub(crate) fn program_document(weeks: usize, days: usize, per_day: usize, sets: usize) -> Value {
    let exercises: Vec<Value> = EXERCISES
        .iter()
        .map(|(name, equipment, _)| json!({"name": name, "equipment": equipment, "category": "strength"}))
        .collect();
    let mut program_weeks = Vec::new();
    for week in 0..weeks {
        let mut week_days = Vec::new();
        for day in 0..days {
            let mut prescribed = Vec::new();
            for slot in 0..per_day {
                let (name, _, main) = EXERCISES[(day * per_day + slot + week) % EXERCISES.len()];
                let mut week_sets = Vec::new();
                for set in 0..sets {
                    #[allow(clippy::cast_precision_loss)]
                    let value = if main {
                        json!({"reps": 5 - (week % 3), "percent_tm": 65.0 + 2.5 * (set + week % 4) as f64,
                               "rpe": 7.5, "rest_seconds": 180, "notes": "Brace, then drive."})
                    } else {
                        json!({"reps": 10, "weight": 20 + 5 * set, "rpe": 8, "rest_seconds": 90})
                    };
                    week_sets.push(value);
                }
                prescribed.push(json!({"exercise": name, "sort_order": slot + 1,
                    "notes": "Controlled tempo on the way down.", "sets": week_sets}));
            }
            week_days.push(json!({"number": day + 1, "name": format!("Day {}", day + 1), "exercises": prescribed}));
        }
        let label = if week % 4 == 3 {
            "deload"
        } else {
            "accumulation"
        };
        program_weeks.push(json!({"number": week + 1, "label": label, "days": week_days}));
    }
    let rules: Vec<Value> = EXERCISES
        .iter()
        .filter(|(_, _, main)| *main)
        .map(|(name, _, _)| {
            json!({"exercise": name, "increment": 5, "every": "cycle",
            "deload_after_failures": 3, "deload_percent": 10})
        })
        .collect();
    json!({"catalog_version": 1, "exercises": exercises, "programs": [{
        "name": "Twelve Week Block", "goal": "strength", "unit": "kg",
        "weeks": program_weeks, "progression_rules": rules}]})
}

/// The same document with `count` errors spread evenly over its sets, cycling through kinds
/// of mistakes an LLM makes: an RPE off its step, a number as a string, an unknown member,
/// a load given twice, reps out of range.
pub(crate) fn with_errors(mut doc: Value, count: usize) -> Value {
    let mut sets: Vec<&mut Value> = Vec::new();
    for week in doc["programs"][0]["weeks"]
        .as_array_mut()
        .into_iter()
        .flatten()
    {
        for day in week["days"].as_array_mut().into_iter().flatten() {
            for exercise in day["exercises"].as_array_mut().into_iter().flatten() {
                sets.extend(exercise["sets"].as_array_mut().into_iter().flatten());
            }
        }
    }
    let stride = (sets.len() / count.max(1)).max(1);
    for (n, set) in sets.into_iter().step_by(stride).take(count).enumerate() {
        match n % 5 {
            0 => set["rpe"] = json!(7.3),
            1 => set["reps"] = json!("5"),
            2 => set["tempo"] = json!("3-1-1"),
            3 => {
                set["weight"] = json!(100);
                set["percent_tm"] = json!(70);
            }
            _ => set["reps"] = json!(250),
        }
    }
    doc
}
