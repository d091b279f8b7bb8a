//! The converters on real third-party data (free-exercise-db, wger, exercemus, openweight
//! under `../shared/data`; skipped, saying so, where it is absent) and round trips through
//! reference/000's and reference/002's program models. Every converted document must
//! validate.

use std::path::{Path, PathBuf};

use replog_catalog::Validator;
use replog_catalog::convert::wger::{WgerData, WgerVocabulary};
use replog_catalog::convert::{Source, reference000, reference002};
use replog_core::{
    Catalog, Category, Day, Exercise, PrescribedExercise, Program, RepType, Set, Superset, Unit,
    Week,
};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn shared(relative: &str) -> Option<String> {
    let path = data_dir().join(relative);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(error) => {
            println!(
                "SKIPPED: {} is not readable ({error}); this test needs ../shared/data",
                path.display()
            );
            None
        }
    }
}

fn assert_valid(catalog: &Catalog) {
    let bytes = serde_json::to_vec(catalog).unwrap();
    let report = Validator::new().validate(&bytes);
    let errors: Vec<_> = report.issues().iter().filter(|i| i.is_error()).collect();
    assert!(
        errors.is_empty(),
        "{} errors, first: {:?}",
        errors.len(),
        errors.first()
    );
}

fn find<'a>(catalog: &'a Catalog, name: &str) -> &'a Exercise {
    catalog
        .exercises
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn free_exercise_db_converts_and_validates() {
    let Some(text) = shared("free-exercise-db/exercises.json") else {
        return;
    };
    let conversion = Source::FreeExerciseDb.convert(&text).unwrap();
    let catalog = &conversion.value;
    println!(
        "free-exercise-db: 873 records -> {} exercises",
        catalog.exercises.len()
    );
    for note in &conversion.notes {
        println!("  note: {note}");
    }
    assert_valid(catalog);
    assert_eq!(
        catalog.exercises.len(),
        873,
        "no duplicate names in this data set"
    );
    let squat = find(catalog, "Barbell Full Squat");
    assert_eq!(squat.equipment, ["barbell"]);
    assert_eq!(
        squat.muscles,
        ["quadriceps", "calves", "glutes", "hamstrings", "lower_back"]
    );
    assert_eq!(squat.category, Some(Category::Strength));
    let curl = find(catalog, "Alternate Hammer Curl");
    assert_eq!(curl.equipment, ["dumbbell"]);
    assert_eq!(curl.muscles, ["biceps", "forearms"]);
    let sit_up = find(catalog, "3/4 Sit-Up");
    assert!(sit_up.equipment.is_empty(), "body only is bodyweight");
    assert!(
        sit_up
            .form_notes
            .as_deref()
            .unwrap()
            .starts_with("Lie down on the floor")
    );
    assert!(
        conversion
            .notes
            .iter()
            .any(|n| n.starts_with("equipment \"other\" names no equipment")
                && n.ends_with("(x122)"))
    );
}

#[test]
fn wger_converts_and_validates() {
    let Some(text) = shared("wger/english_flat.json") else {
        return;
    };
    let conversion = Source::Wger.convert(&text).unwrap();
    let catalog = &conversion.value;
    println!("wger: 872 records -> {} exercises", catalog.exercises.len());
    for note in &conversion.notes {
        println!("  note: {note}");
    }
    assert_valid(catalog);
    let merged = conversion
        .notes
        .iter()
        .filter(|n| n.contains("merged into"))
        .count();
    let renamed = conversion
        .notes
        .iter()
        .filter(|n| n.contains(" renamed "))
        .count();
    assert_eq!(
        catalog.exercises.len() + merged,
        872,
        "each record kept or merged, with a note"
    );
    assert!(
        renamed > 0 && merged > 0,
        "wger repeats names: {renamed} renamed, {merged} merged"
    );
    let arnold = find(catalog, "Arnold Shoulder Press");
    assert_eq!(
        arnold.aliases,
        [
            "Dumbbell Corkscrew Press",
            "Palm-to-Palm Overhead Press",
            "Rotational Dumbbell Press",
            "Schwarzenegger Press"
        ]
    );
    assert_eq!(arnold.equipment, ["dumbbell"]);
    assert_eq!(arnold.category, Some(Category::Strength));
    let wrist = find(catalog, "Barbell Wrist Curl");
    assert_eq!(wrist.equipment, ["barbell", "bench"]);
    assert_eq!(
        wrist.muscles,
        ["shoulders", "hamstrings", "biceps", "obliques"]
    );
    assert_eq!(
        find(catalog, "Bent Over Dumbbell Rows").aliases,
        ["One Arm DB Rows"]
    );
}

#[test]
fn wger_ids_resolve_through_the_fixture_files() {
    let (Some(equipment), Some(muscles), Some(categories)) = (
        shared("wger/equipment.json"),
        shared("wger/muscles.json"),
        shared("wger/categories.json"),
    ) else {
        return;
    };
    let vocabulary = WgerVocabulary::from_json(&equipment, &muscles, &categories).unwrap();
    let record = r#"[{"name": "Cable Crunch", "category": 10, "equipment": [12], "muscles": [6, 14], "muscles_secondary": [3]}]"#;
    let catalog = WgerData::from_json(record, Some(vocabulary))
        .unwrap()
        .convert()
        .unwrap()
        .value;
    let crunch = &catalog.exercises[0];
    assert_eq!(crunch.category, Some(Category::Core));
    assert_eq!(crunch.equipment, ["cable_machine"]);
    assert_eq!(
        crunch.muscles,
        ["abdominals", "obliques", "serratus_anterior"]
    );
    let error = WgerData::from_json(record, None)
        .unwrap()
        .convert()
        .unwrap_err();
    assert_eq!(error.at, "/0/equipment/0");
    assert!(error.message.contains("needs the id tables"), "{error}");
}

#[test]
fn exercemus_converts_and_validates() {
    let Some(text) = shared("exercemus/exercises.json") else {
        return;
    };
    let conversion = Source::Exercemus.convert(&text).unwrap();
    let catalog = &conversion.value;
    println!(
        "exercemus: 872 records -> {} exercises",
        catalog.exercises.len()
    );
    for note in &conversion.notes {
        println!("  note: {note}");
    }
    assert_valid(catalog);
    assert_eq!(catalog.exercises.len(), 872);
    let skull = find(catalog, "Dumbbell Skullcrusher");
    assert_eq!(skull.aliases, ["Dumbbell French Press"]);
    assert_eq!(skull.equipment, ["dumbbell", "bench"]);
    assert_eq!(skull.muscles, ["triceps", "forearms"]);
    assert!(
        conversion
            .notes
            .iter()
            .any(|n| n.starts_with("/exercises_to_merge:"))
    );
}

#[test]
fn every_openweight_program_converts_and_validates() {
    let dir = data_dir().join("openweight/examples/programs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "SKIPPED: {} is not readable; this test needs ../shared/data",
            dir.display()
        );
        return;
    };
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let conversion = Source::Openweight
            .convert(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let catalog = &conversion.value;
        let program = &catalog.programs[0];
        println!(
            "openweight {}: {} weeks, {} exercises, notes {:?}",
            path.display(),
            program.weeks.len(),
            catalog.exercises.len(),
            conversion.notes
        );
        assert_valid(catalog);
        count += 1;
    }
    assert_eq!(count, 2);
}

#[test]
fn openweight_531_hand_checked() {
    let Some(text) = shared("openweight/examples/programs/531-bbb.json") else {
        return;
    };
    let catalog = Source::Openweight.convert(&text).unwrap().value;
    let program = &catalog.programs[0];
    assert_eq!(program.name, "5/3/1 Boring But Big");
    assert_eq!(program.weeks.len(), 4);
    assert_eq!(program.weeks[0].label.as_deref(), Some("Week 1 - 3x5"));
    let day = &program.weeks[0].days[0];
    assert_eq!((day.number, day.name.as_deref()), (1, Some("Squat Day")));
    let top = &day.exercises[0].sets[2];
    assert_eq!(
        (top.reps, top.percent_tm, top.rest_seconds),
        (Some(5), Some(85.0), Some(180))
    );
    assert_eq!(top.notes.as_deref(), Some("AMRAP"));
    let curl = &day.exercises[2];
    assert_eq!(curl.exercise, "Leg Curl");
    assert_eq!(curl.sets[0].reps, Some(15));
    assert_eq!(curl.sets[0].notes.as_deref(), Some("10-15 reps"));
    let squat = find(&catalog, "Barbell Back Squat");
    assert_eq!(squat.equipment, ["barbell"]);
}

#[test]
fn openweight_invalid_programs_fail_clearly() {
    let (Some(empty), Some(missing)) = (
        shared("openweight/examples/invalid/program-empty-weeks.json"),
        shared("openweight/examples/invalid/program-missing-weeks.json"),
    ) else {
        return;
    };
    let error = Source::Openweight.convert(&empty).unwrap_err();
    assert_eq!(error.at, "/weeks");
    assert_eq!(error.message, "no weeks: CatalogJSON needs at least one");
    let error = Source::Openweight.convert(&missing).unwrap_err();
    assert!(error.message.contains("missing field `weeks`"), "{error}");
}

#[test]
fn unreadable_records_are_named_by_index_and_field() {
    let error = Source::FreeExerciseDb
        .convert(r#"[{"name": "A"}, {"nam": "B"}]"#)
        .unwrap_err();
    assert_eq!(error.at, "/1");
    assert!(error.message.contains("missing field `name`"), "{error}");
    let error = Source::FreeExerciseDb
        .convert(r#"[{"name": "  "}]"#)
        .unwrap_err();
    assert_eq!(
        (error.at.as_str(), error.message.as_str()),
        ("/0/name", "the name is blank")
    );
    let error = Source::Exercemus
        .convert(r#"{"exercises": [{"name": 3}]}"#)
        .unwrap_err();
    assert_eq!(error.at, "/exercises/0");
    assert!(
        Source::Wger
            .convert("not json")
            .unwrap_err()
            .message
            .contains("line 1")
    );
}

#[test]
fn duplicates_are_merged_or_renamed_with_notes() {
    let text = r#"[
        {"name": "Squat", "equipment": "barbell", "primaryMuscles": ["quadriceps"]},
        {"name": "squat", "equipment": "barbell", "primaryMuscles": ["glutes"]},
        {"name": "SQUAT", "equipment": "dumbbell"}
    ]"#;
    let conversion = Source::FreeExerciseDb.convert(text).unwrap();
    let names: Vec<_> = conversion
        .value
        .exercises
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Squat", "SQUAT (dumbbell)"]);
    assert_eq!(
        conversion.value.exercises[0].muscles,
        ["quadriceps", "glutes"]
    );
    assert_eq!(conversion.notes.len(), 2, "{:?}", conversion.notes);
    assert!(conversion.notes[0].starts_with("/1: \"squat\" merged into \"Squat\""));
    assert!(conversion.notes[1].starts_with("/2: \"SQUAT\" renamed \"SQUAT (dumbbell)\""));
    assert_valid(&conversion.value);
}

fn set(reps: Option<u32>) -> Set {
    Set {
        rest_seconds: Some(90),
        rpe: Some(8.0),
        ..Set::reps(1)
    }
    .with_reps(reps)
}

trait WithReps {
    fn with_reps(self, reps: Option<u32>) -> Self;
}

impl WithReps for Set {
    fn with_reps(mut self, reps: Option<u32>) -> Self {
        self.reps = reps;
        self
    }
}

fn prescribed(name: &str, order: u32, sets: Vec<Set>) -> PrescribedExercise {
    PrescribedExercise {
        exercise: name.into(),
        sort_order: order,
        superset: None,
        notes: None,
        sets,
    }
}

/// A program both reference models express completely.
fn common_program() -> Program {
    let mut timed = set(Some(30));
    timed.rep_type = RepType::Seconds;
    let mut heavy = set(Some(5));
    heavy.weight = Some(100.0);
    let day = |number, name: &str| Day {
        number,
        name: Some(name.into()),
        exercises: vec![
            prescribed("Back Squat", 1, vec![heavy.clone(); 3]),
            PrescribedExercise {
                notes: Some("slow".into()),
                ..prescribed("Plank", 2, vec![timed.clone(); 2])
            },
            prescribed("Push-up", 3, vec![set(None)]),
        ],
    };
    Program {
        name: "Block".into(),
        description: Some("Three weeks".into()),
        goal: Some("strength".into()),
        unit: Some(Unit::Kg),
        is_loop: false,
        weeks: vec![
            Week {
                number: 1,
                label: Some("accumulation".into()),
                days: vec![day(1, "Lower"), day(3, "Upper")],
            },
            Week {
                number: 2,
                label: Some("accumulation".into()),
                days: vec![day(1, "Lower")],
            },
            Week {
                number: 3,
                label: Some("deload".into()),
                days: vec![day(2, "Full")],
            },
        ],
        progression_rules: Vec::new(),
    }
}

#[test]
fn reference000_round_trip() {
    let original = common_program();
    let there = reference000::from_program(&original);
    assert!(
        there.notes.iter().all(|n| n.starts_with("unit")),
        "{:?}",
        there.notes
    );
    let phases: Vec<_> = there
        .value
        .phases
        .iter()
        .map(|p| (p.phase_name.as_deref(), p.weeks.len()))
        .collect();
    assert_eq!(phases, [(Some("accumulation"), 2), (Some("deload"), 1)]);
    let plank = &there.value.phases[0].weeks[0].days[0].exercises[1];
    assert_eq!((plank.sets, plank.reps.as_str()), (2, "30s"));
    let json = serde_json::to_string(&there.value).unwrap();
    let parsed: reference000::TrainingProgram = serde_json::from_str(&json).unwrap();
    let back = reference000::to_program(&parsed, Some(Unit::Kg)).unwrap();
    assert!(back.notes.is_empty(), "{:?}", back.notes);
    assert_eq!(back.value, original);
    assert_valid(&Catalog::new(Vec::new(), vec![back.value]));
}

#[test]
fn reference000_lossy_fields() {
    let mut program = common_program();
    program.is_loop = false;
    let squat = &mut program.weeks[0].days[0].exercises[0];
    squat.superset = Superset::new('A');
    squat.sets[2].reps = Some(3); // sets that differ
    squat.sets[0].notes = Some("belt".into());
    program.weeks[0].days[0].exercises[2].sets[0].percent_tm = Some(70.0);
    let there = reference000::from_program(&program);
    for lost in [
        "unit",
        "sets that differ",
        "superset",
        "set notes",
        "percent_tm",
    ] {
        assert!(
            there.notes.iter().any(|n| n.starts_with(lost)),
            "{lost} not noted: {:?}",
            there.notes
        );
    }
    let back = reference000::to_program(&there.value, Some(Unit::Kg))
        .unwrap()
        .value;
    let squat = &back.weeks[0].days[0].exercises[0];
    assert_eq!(
        (
            squat.superset,
            squat.sets[2].reps,
            squat.sets[0].notes.as_ref()
        ),
        (None, Some(5), None)
    );
    // Coming from 000: a rep range is prescribed at its top, the range in the notes.
    let mut range = there.value.clone();
    range.phases[0].weeks[0].days[0].exercises[0].reps = "8-12".into();
    let converted = reference000::to_program(&range, Some(Unit::Kg)).unwrap();
    let squat = &converted.value.weeks[0].days[0].exercises[0];
    assert_eq!(
        (squat.sets[0].reps, squat.notes.as_deref()),
        (Some(12), Some("8-12 reps"))
    );
    assert!(converted.notes.iter().any(|n| n.starts_with("rep range")));
    range.phases[0].weeks[0].days[0].exercises[0].reps = "lots".into();
    let error = reference000::to_program(&range, None).unwrap_err();
    assert_eq!(error.at, "/phases/0/weeks/0/days/0/exercises/0/reps");
}

#[test]
fn reference002_round_trip() {
    let mut original = common_program();
    // 002 counts reps only: keep the sets it expresses, and per-set variety, which it has.
    for week in &mut original.weeks {
        for day in &mut week.days {
            let plank = &mut day.exercises[1];
            for s in &mut plank.sets {
                s.rep_type = RepType::Reps;
            }
            plank.sets[1].percent_tm = Some(60.0);
            day.exercises[0].sets[2].notes = Some("top set".into());
        }
    }
    let there = reference002::from_program(&original);
    assert!(
        there.notes.iter().all(|n| n.starts_with("unit")),
        "{:?}",
        there.notes
    );
    assert_eq!(
        (
            there.value.metadata.duration_weeks,
            there.value.metadata.days_per_week
        ),
        (3, 2)
    );
    let json = serde_json::to_string(&there.value).unwrap();
    let parsed: reference002::FullProgram = serde_json::from_str(&json).unwrap();
    let back = reference002::to_program(&parsed, Some(Unit::Kg)).unwrap();
    assert!(back.notes.is_empty(), "{:?}", back.notes);
    assert_eq!(back.value, original);
    assert_valid(&Catalog::new(Vec::new(), vec![back.value]));
}

#[test]
fn reference002_lossy_fields() {
    let mut program = common_program();
    program.weeks[0].days[0].exercises[0].superset = Superset::new('B');
    let there = reference002::from_program(&program);
    for lost in ["unit", "superset", "rep_type"] {
        assert!(
            there.notes.iter().any(|n| n.starts_with(lost)),
            "{lost} not noted: {:?}",
            there.notes
        );
    }
    let plank = &there.value.weeks[0].workouts[0].exercises[1].sets[0];
    assert_eq!(
        (plank.reps, plank.notes.as_deref()),
        (Some(30), Some("seconds"))
    );
    let mut source = there.value.clone();
    source.metadata.fitness_level = Some("beginner".into());
    let back = reference002::to_program(&source, None).unwrap();
    assert!(back.notes.iter().any(|n| n.starts_with("fitness_level")));
    let plank = &back.value.weeks[0].days[0].exercises[1];
    assert_eq!(
        (plank.sets[0].rep_type, plank.superset),
        (RepType::Reps, None)
    );
    assert_eq!(back.value.weeks[0].days[0].exercises[0].superset, None);
    source.weeks.clear();
    assert_eq!(
        reference002::to_program(&source, None).unwrap_err().at,
        "/weeks"
    );
}
