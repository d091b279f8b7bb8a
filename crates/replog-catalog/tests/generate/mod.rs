//! proptest strategies that build valid CatalogJSON documents from the typed model: every
//! rule of the spec holds by construction (unique names, numbering, loads, units, bounds).

#![allow(dead_code)] // each test file uses part of this module

use proptest::prelude::*;
use replog_core::{
    AppliesTo, Catalog, Category, Day, Every, Exercise, PrescribedExercise, Program,
    ProgressionRule, RepType, Set, Superset, Tier, Unit, Week,
};

/// Words that names are made of, including non-ASCII ones that normalisation must handle.
const WORDS: &[&str] = &[
    "Back", "Front", "Squat", "Press", "Bench", "Row", "Clean", "Jerk", "Carry", "Lunge", "Übung",
    "Sprung", "Hip", "Thrust", "Pull", "Push", "Jump", "Curl", "Raise", "Plank",
];

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..=max).prop_map(|w| w.join(" "))
}

/// Free text without leading or trailing white space (the validator trims), up to `max` chars.
fn text(max: usize) -> impl Strategy<Value = String> {
    let max = max.max(1);
    proptest::string::string_regex(&format!(
        "[A-Za-z0-9äé][A-Za-z0-9 ,.;:'äé!?-]{{0,{}}}",
        max.min(60) - 1
    ))
    .expect("valid regex")
    .prop_map(|s| s.trim_end().to_owned())
}

fn token() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z][a-z0-9_]{0,12}").expect("valid regex")
}

fn exercise(index: usize) -> impl Strategy<Value = Exercise> {
    (
        words(3),
        0..3usize,
        prop::option::of(prop::sample::select(vec![
            Tier::Foundational,
            Tier::Intermediate,
            Tier::SportPerformance,
        ])),
        prop::option::of(prop::sample::select(vec![
            Category::Strength,
            Category::Olympic,
            Category::Carry,
            Category::Core,
        ])),
        prop::collection::vec(token(), 0..3),
        prop::collection::vec(token(), 0..3),
        prop::option::of(text(200)),
    )
        .prop_map(
            move |(base, aliases, tier, category, equipment, muscles, form_notes)| Exercise {
                // The position makes names and aliases unique after normalisation.
                name: format!("{base} {index}"),
                aliases: (0..aliases)
                    .map(|a| format!("{base} variant {index} {a}"))
                    .collect(),
                tier,
                category,
                equipment,
                muscles,
                form_notes,
            },
        )
}

fn set() -> impl Strategy<Value = Set> {
    let rep_type = prop::sample::select(vec![
        RepType::Reps,
        RepType::EachSide,
        RepType::Seconds,
        RepType::Distance,
    ]);
    (
        rep_type,
        any::<bool>(),
        0..3u8,
        1u32..=120,
        0u32..=4000,
        prop::option::of(2u32..=20),
        prop::option::of(0u32..=1800),
        prop::option::of(text(80)),
    )
        .prop_map(
            |(rep_type, amrap, load, pct, weight_q, rpe2, rest, notes)| {
                let max = u32::try_from(rep_type.max_reps()).expect("small");
                let mut set = Set::reps(1 + (weight_q % max));
                set.rep_type = rep_type;
                if amrap {
                    set.reps = None;
                }
                match load {
                    1 => set.percent_tm = Some(f64::from(pct)),
                    2 => set.weight = Some(f64::from(weight_q) / 2.0),
                    _ => {}
                }
                set.rpe = rpe2.map(|r| f64::from(r) / 2.0);
                set.rest_seconds = rest;
                set.notes = notes;
                set
            },
        )
}

fn day(number: u8, names: Vec<String>) -> impl Strategy<Value = Day> {
    let names = if names.is_empty() {
        vec!["Free Movement".to_owned()]
    } else {
        names
    };
    (
        prop::option::of(text(40)),
        prop::collection::vec(
            (
                prop::sample::select(names),
                prop::option::of(prop::sample::select(vec!['A', 'B'])),
                prop::option::of(text(60)),
                prop::collection::vec(set(), 1..4),
            ),
            1..4,
        ),
    )
        .prop_map(move |(name, slots)| Day {
            number,
            name,
            exercises: slots
                .into_iter()
                .enumerate()
                .map(
                    |(i, (exercise, superset, notes, sets))| PrescribedExercise {
                        exercise,
                        sort_order: u32::try_from(i + 1).expect("small"),
                        superset: superset.and_then(Superset::new),
                        notes,
                        sets,
                    },
                )
                .collect(),
        })
}

fn week(number: u32, names: Vec<String>) -> impl Strategy<Value = Week> {
    // A subset of the week's seven days, ascending.
    (
        prop::sample::subsequence((1..=7u8).collect::<Vec<_>>(), 1..4),
        prop::option::of(text(20)),
    )
        .prop_flat_map(move |(numbers, label)| {
            let days: Vec<_> = numbers.into_iter().map(|n| day(n, names.clone())).collect();
            (days, Just(label))
        })
        .prop_map(move |(days, label)| Week {
            number,
            label,
            days,
        })
}

fn program(index: usize, names: Vec<String>) -> impl Strategy<Value = Program> {
    (
        any::<bool>(),
        1..4u32,
        prop::option::of(text(100)),
        prop::option::of(text(100)),
        prop::sample::select(vec![Unit::Lb, Unit::Kg]),
        words(3),
    )
        .prop_flat_map(move |(is_loop, weeks, description, goal, unit, base)| {
            let count = if is_loop { 1 } else { weeks };
            let weeks: Vec<_> = (1..=count).map(|n| week(n, names.clone())).collect();
            (
                Just((
                    is_loop,
                    description,
                    goal,
                    unit,
                    format!("{base} program {index}"),
                )),
                weeks,
                prop::collection::vec(
                    (
                        1..=200u32,
                        prop::sample::select(vec![Every::Session, Every::Week, Every::Cycle]),
                        any::<bool>(),
                        1..=10u8,
                        1..=50u32,
                    ),
                    0..3,
                ),
            )
        })
        .prop_map(|((is_loop, description, goal, unit, name), weeks, rules)| {
            let prescribed: Vec<String> = {
                let mut seen = Vec::new();
                for e in weeks
                    .iter()
                    .flat_map(|w| &w.days)
                    .flat_map(|d| &d.exercises)
                {
                    if !seen.contains(&e.exercise) {
                        seen.push(e.exercise.clone());
                    }
                }
                seen
            };
            let progression_rules: Vec<ProgressionRule> = rules
                .into_iter()
                .enumerate()
                .map(
                    |(i, (inc2, every, deload, failures, percent))| ProgressionRule {
                        exercise: prescribed[i % prescribed.len()].clone(),
                        increment: f64::from(inc2) / 2.0,
                        every,
                        applies_to: if i % 2 == 0 {
                            AppliesTo::TrainingMax
                        } else {
                            AppliesTo::Weight
                        },
                        deload_after_failures: deload.then_some(failures),
                        deload_percent: deload.then_some(f64::from(percent)),
                    },
                )
                .collect();
            let needs_unit = !progression_rules.is_empty()
                || weeks
                    .iter()
                    .flat_map(|w| &w.days)
                    .flat_map(|d| &d.exercises)
                    .flat_map(|e| &e.sets)
                    .any(|s| s.weight.is_some());
            Program {
                name,
                description,
                goal,
                unit: needs_unit.then_some(unit),
                is_loop,
                weeks,
                progression_rules,
            }
        })
}

/// A valid CatalogJSON document: up to 6 exercises and 3 programs whose references resolve.
pub(crate) fn catalog() -> impl Strategy<Value = Catalog> {
    (0..6usize, 0..3usize)
        .prop_flat_map(|(exercises, programs)| {
            let exercises: Vec<_> = (0..exercises).map(exercise).collect();
            (exercises, Just(programs))
        })
        .prop_flat_map(|(exercises, programs)| {
            let names: Vec<String> = exercises.iter().map(|e| e.name.clone()).collect();
            let programs: Vec<_> = (0..programs).map(|i| program(i, names.clone())).collect();
            (Just(exercises), programs)
        })
        .prop_map(|(exercises, programs)| Catalog::new(exercises, programs))
}
