//! Import of real app exports (Strong, Hevy, JEFIT fixtures from openweight, FitNotes and
//! Strong's `;` layouts inline) into a Logbook. Reads `../shared/data`; the fixture tests
//! skip, saying so, where that folder is absent.

// The tests compare tuples of a set's fields with the values read by hand.
#![allow(clippy::type_complexity)]

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use replog_catalog::apps::{
    AppFormat, AppImport, ImportError, ImportErrorKind, ImportOptions, import_app_export,
};
use replog_core::{Exercise, ExerciseIndex, LoggedSet, RepType, SetKind, Unit};

fn shared_data() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!(
            "SKIPPED: {} is absent; the import fixture tests need ../shared/data",
            path.display()
        );
        None
    }
}

fn fixtures_dir() -> Option<PathBuf> {
    Some(shared_data()?.join("openweight/converter-fixtures"))
}

fn fixture(name: &str) -> Option<Vec<u8>> {
    Some(std::fs::read(fixtures_dir()?.join(name)).expect("the fixture is readable"))
}

fn options(unit: Option<Unit>) -> ImportOptions<'static> {
    ImportOptions {
        unit,
        ..ImportOptions::default()
    }
}

fn run(text: &[u8], unit: Option<Unit>) -> Result<AppImport, ImportError> {
    import_app_export(text, &options(unit))
}

fn import_kg(text: &str) -> AppImport {
    run(text.as_bytes(), Some(Unit::Kg)).unwrap_or_else(|e| panic!("imports: {e}"))
}

/// What importing a fixture gives.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Imported: workouts, sets.
    Imported(usize, usize),
    /// Failed: kind, row, column.
    Failed(ImportErrorKind, Option<u64>, Option<String>),
}

use ImportErrorKind::{BadValue, Empty, NoWorkouts, UnitUnknown, UnknownFormat};
use Outcome::{Failed, Imported};

fn bad(row: u64, column: &'static str) -> Outcome {
    Failed(BadValue, Some(row), Some(column.to_owned()))
}

fn unit_needed(row: u64, column: &'static str) -> Outcome {
    Failed(UnitUnknown, Some(row), Some(column.to_owned()))
}

/// Every fixture, read by hand: the outcome with the unit given (kg) and without it.
fn expected(name: &str) -> Option<(Outcome, Outcome)> {
    let same = |outcome: Outcome| Some((outcome.clone(), outcome));
    let strong = |workouts, sets| Some((Imported(workouts, sets), unit_needed(2, "Weight")));
    let jefit = |workouts, sets, row| Some((Imported(workouts, sets), unit_needed(row, "logs")));
    match name {
        "hevy-basic.csv" => same(Imported(1, 5)),
        "hevy-exercise-notes.csv" => same(Imported(1, 3)),
        "hevy-real.csv" => same(Imported(2, 22)),
        "hevy-supersets.csv" => same(Imported(1, 6)),
        "jefit-basic.csv" => jefit(1, 6, 8),
        "jefit-multisession.csv" => jefit(3, 27, 10),
        "jefit-real.csv" => jefit(5, 83, 12),
        "strong-ai-test.csv" => strong(1, 12),
        "strong-basic.csv" => strong(1, 6),
        "strong-multiworkout.csv" => strong(2, 7),
        "strong-real.csv" => strong(2, 30),
        "exploratory/hevy-all-set-types.csv" => same(bad(6, "set_type")),
        "exploratory/hevy-date-formats.csv" => same(Imported(6, 6)),
        "exploratory/hevy-empty.csv" => same(Failed(Empty, None, None)),
        // Row 4 weighs -5; row 5 also has a cell too many.
        "exploratory/hevy-extreme-values.csv" => same(bad(4, "weight_kg")),
        "exploratory/hevy-garbage-values.csv" => same(bad(2, "start_time")),
        "exploratory/hevy-header-only.csv" => same(Failed(NoWorkouts, None, None)),
        "exploratory/hevy-lbs-only.csv" => same(Imported(1, 3)),
        "exploratory/hevy-missing-fields.csv" => same(bad(4, "start_time")),
        "exploratory/hevy-reversed-time.csv" => same(Imported(2, 2)),
        "exploratory/hevy-single-set.csv" => same(Imported(1, 1)),
        "exploratory/hevy-unicode-emoji.csv" => same(Imported(1, 3)),
        // Only the bench press (row 11) is loaded: the bodyweight rows need no unit.
        "exploratory/jefit-bodyweight.csv" => jefit(1, 12, 11),
        "exploratory/jefit-bom.csv" => jefit(1, 5, 8),
        "exploratory/jefit-crlf.csv" => jefit(1, 5, 8),
        "exploratory/jefit-decimal-weights.csv" => jefit(1, 15, 8),
        "exploratory/jefit-duplicate-sessions.csv" => same(bad(4, "_id")),
        "exploratory/jefit-empty-logs.csv" => jefit(1, 2, 10),
        "exploratory/jefit-extreme-values.csv" => Some((bad(9, "logs"), unit_needed(8, "logs"))),
        "exploratory/jefit-header-only.csv" => same(Failed(NoWorkouts, None, None)),
        "exploratory/jefit-malformed-logs.csv" => Some((bad(8, "logs"), unit_needed(8, "logs"))),
        "exploratory/jefit-many-exercises.csv" => jefit(1, 41, 8),
        "exploratory/jefit-missing-session.csv" => {
            Some((bad(9, "belongsession"), unit_needed(8, "logs")))
        }
        "exploratory/jefit-single-set.csv" => jefit(1, 1, 8),
        "exploratory/jefit-starttime-missing.csv" => jefit(3, 7, 10),
        "exploratory/jefit-starttimie-typo.csv" => jefit(2, 8, 9),
        "exploratory/jefit-unicode-exercises.csv" => jefit(1, 12, 8),
        "exploratory/jefit-zero-duration.csv" => jefit(2, 6, 9),
        "exploratory/not-a-workout.csv" => same(Failed(UnknownFormat, Some(1), None)),
        "exploratory/strong-all-set-types.csv" => strong(1, 4),
        // Every load is 0: no unit needed.
        "exploratory/strong-bodyweight-distance.csv" => same(Imported(1, 6)),
        "exploratory/strong-bom.csv" => strong(1, 1),
        "exploratory/strong-crlf.csv" => strong(1, 2),
        // `Jan 15, 2024 10:30 AM` is unquoted: its comma splits the date.
        "exploratory/strong-date-formats.csv" => Some((bad(9, "Date"), unit_needed(2, "Weight"))),
        "exploratory/strong-duration-formats.csv" => strong(10, 10),
        "exploratory/strong-empty.csv" => same(Failed(Empty, None, None)),
        "exploratory/strong-extra-columns.csv" => strong(1, 2),
        "exploratory/strong-extreme-values.csv" => {
            Some((bad(4, "Weight"), unit_needed(3, "Weight")))
        }
        "exploratory/strong-garbage-values.csv" => Some((bad(2, "Date"), unit_needed(4, "Weight"))),
        "exploratory/strong-header-only.csv" => same(Failed(NoWorkouts, None, None)),
        "exploratory/strong-many-exercises.csv" => strong(1, 26),
        "exploratory/strong-missing-fields.csv" => Some((bad(3, "Date"), unit_needed(2, "Weight"))),
        "exploratory/strong-newlines-in-notes.csv" => strong(1, 2),
        "exploratory/strong-quoted-commas.csv" => strong(1, 3),
        "exploratory/strong-single-set.csv" => strong(1, 1),
        "exploratory/strong-unicode-emoji.csv" => strong(1, 4),
        "exploratory/strong-whitespace-hell.csv" => strong(1, 2),
        _ => None,
    }
}

fn outcome(result: &Result<AppImport, ImportError>) -> Outcome {
    match result {
        Ok(import) => Imported(import.logbook.workouts.len(), import.report.sets.total()),
        Err(error) => Failed(error.kind, error.row(), error.column().map(str::to_owned)),
    }
}

fn all_fixtures(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for sub in ["", "exploratory"] {
        for entry in std::fs::read_dir(dir.join(sub)).expect("the fixture folder is readable") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|e| e == "csv") {
                let name = path.strip_prefix(dir).expect("under the folder");
                names.push(name.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    names.sort();
    names
}

#[test]
fn every_fixture_imports_or_fails_with_the_row_read_by_hand() {
    let Some(dir) = fixtures_dir() else {
        return;
    };
    let names = all_fixtures(&dir);
    assert_eq!(names.len(), 57, "{names:?}");
    let mut missing = Vec::new();
    for name in &names {
        let bytes = std::fs::read(dir.join(name)).expect("readable");
        let with_kg = run(&bytes, Some(Unit::Kg));
        let without = run(&bytes, None);
        for result in [&with_kg, &without] {
            match result {
                Ok(import) => {
                    assert!(import.report.sets.total() > 0, "{name}");
                    assert_eq!(
                        import.report.sets.total(),
                        import
                            .logbook
                            .workouts
                            .iter()
                            .map(|w| w.sets.len())
                            .sum::<usize>()
                    );
                }
                Err(error) => {
                    assert!(!error.message.is_empty(), "{name}");
                    let whole_file = matches!(error.kind, Empty | NoWorkouts);
                    assert_eq!(error.row().is_none(), whole_file, "{name}: {error}");
                }
            }
        }
        match expected(name) {
            Some((kg, unitless)) => {
                assert_eq!(outcome(&with_kg), kg, "{name} with kg: {with_kg:?}");
                assert_eq!(outcome(&without), unitless, "{name} without a unit");
            }
            None => missing.push(format!("{name}: {:?}", outcome(&with_kg))),
        }
    }
    assert!(
        missing.is_empty(),
        "new fixtures: read them and add their outcome to `expected`: {missing:#?}"
    );
}

#[test]
fn error_messages_name_the_row_and_column() {
    let Some(bytes) = fixture("exploratory/strong-missing-fields.csv") else {
        return;
    };
    let error = run(&bytes, Some(Unit::Kg)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "row 3, column \"Date\": the date is empty"
    );
    let Some(bytes) = fixture("exploratory/jefit-malformed-logs.csv") else {
        return;
    };
    let error = run(&bytes, Some(Unit::Kg)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "row 8, column \"logs\": set 2 (\"abcxdef\") is not WEIGHTxREPS"
    );
    let Some(bytes) = fixture("exploratory/hevy-all-set-types.csv") else {
        return;
    };
    let error = run(&bytes, None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "row 6, column \"set_type\": \"99\" is not a set type (normal, warmup, dropset, failure)"
    );
    let Some(bytes) = fixture("strong-basic.csv") else {
        return;
    };
    let error = run(&bytes, None).unwrap_err();
    assert!(
        error.to_string().starts_with(
            "row 2, column \"Weight\": the Strong export does not say whether weights are kg or lb"
        ),
        "{error}"
    );
    let error = run(b"", None).unwrap_err();
    assert_eq!(error.to_string(), "the file is empty: no workouts");
}

#[test]
fn formats_are_detected_from_the_header() {
    let detect = AppFormat::detect;
    assert_eq!(
        detect("\u{feff}Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps"),
        Some(AppFormat::Strong)
    );
    assert_eq!(detect(STRONG_6), Some(AppFormat::Strong));
    assert_eq!(
        detect("Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE"),
        Some(AppFormat::Strong)
    );
    assert_eq!(
        detect("\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\""),
        Some(AppFormat::Hevy)
    );
    assert_eq!(
        detect("Date,Exercise,Category,Weight (kg),Reps,Distance,Distance Unit,Time,Comment"),
        Some(AppFormat::FitNotes)
    );
    assert_eq!(
        detect("### WORKOUT SESSIONS ###\n_id,mydate"),
        Some(AppFormat::Jefit)
    );
    assert_eq!(detect("Name,Age,City,Country"), None);
    assert_eq!(detect(""), None);
    let names: Vec<String> = [
        AppFormat::Strong,
        AppFormat::Hevy,
        AppFormat::FitNotes,
        AppFormat::Jefit,
    ]
    .iter()
    .map(|f| serde_json::to_string(f).unwrap())
    .collect();
    assert_eq!(
        names,
        ["\"strong\"", "\"hevy\"", "\"fitnotes\"", "\"jefit\""]
    );
}

#[test]
fn a_format_given_is_used_and_its_columns_required() {
    let hevy =
        "title,start_time,exercise_title,reps,weight_kg\nA,2024-01-15T10:00:00Z,Squat,5,100\n";
    let options = ImportOptions {
        format: Some(AppFormat::Strong),
        ..ImportOptions::default()
    };
    let error = import_app_export(hevy.as_bytes(), &options).unwrap_err();
    assert_eq!(error.kind, ImportErrorKind::MissingColumn);
    assert!(
        error
            .to_string()
            .starts_with("row 1: the header has no \"Date\" column"),
        "{error}"
    );
    let import = run(hevy.as_bytes(), None).unwrap();
    assert_eq!(
        (import.format, import.report.sets.total()),
        (AppFormat::Hevy, 1)
    );
}

#[test]
fn malformed_text_and_oversized_workouts_fail_on_their_row() {
    let head = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n";
    // Latin-1 "é" on row 3: not UTF-8.
    let mut bytes = format!("{head}2024-01-15 10:30:00,A,1h,Squat,1,100,5,0,0,,,\n").into_bytes();
    bytes.extend_from_slice(b"2024-01-15 10:30:00,A,1h,Caf\xe9 Squat,1,100,5,0,0,,,\n");
    let error = run(&bytes, Some(Unit::Kg)).unwrap_err();
    assert_eq!(
        (error.kind, error.row()),
        (ImportErrorKind::Malformed, Some(3))
    );
    // A cell too many on row 2.
    let text = format!("{head}2024-01-15 10:30:00,A,1h,Squat,1,100,5,0,0,,,8,extra\n");
    let error = run(text.as_bytes(), Some(Unit::Kg)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "row 2: the row has 13 cells and the header 12; a cell is missing or a separator is unquoted"
    );
    // 501 sets in one workout: the 501st is on row 502.
    let mut text = head.to_owned();
    for _ in 0..501 {
        text.push_str("2024-01-15 10:30:00,A,1h,Squat,1,100,5,0,0,,,\n");
    }
    let error = run(text.as_bytes(), Some(Unit::Kg)).unwrap_err();
    assert_eq!(
        (error.kind, error.row()),
        (ImportErrorKind::TooMany, Some(502))
    );
}

#[test]
fn columns_with_data_that_are_not_imported_are_named() {
    let Some(bytes) = fixture("exploratory/strong-extra-columns.csv") else {
        return;
    };
    let import = run(&bytes, Some(Unit::Kg)).unwrap();
    let warnings: Vec<String> = import
        .report
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        ["row 1: columns not imported: Heart Rate, Calories, Mood, Custom Field"]
    );
}

#[test]
fn strong_basic_first_set_and_workout_are_as_written() {
    let Some(bytes) = fixture("strong-basic.csv") else {
        return;
    };
    let import = run(&bytes, Some(Unit::Kg)).unwrap();
    assert_eq!(import.format, AppFormat::Strong);
    assert_eq!(import.logbook.unit, Some(Unit::Kg));
    assert_eq!(import.logbook.athlete.name, "Athlete");
    let workout = &import.logbook.workouts[0];
    assert_eq!(workout.date.to_string(), "2024-01-15");
    assert_eq!(workout.name.as_deref(), Some("Morning Workout"));
    assert_eq!(workout.duration_seconds, Some(4980));
    assert_eq!(workout.notes.as_deref(), Some("Great session"));
    let mut first = LoggedSet::new("Barbell Bench Press", 1, 5, Some(100.0));
    first.rpe = Some(8.0);
    assert_eq!(workout.sets[0], first);
    assert_eq!(workout.sets[2].notes.as_deref(), Some("Last set hard"));
    assert_eq!(workout.sets[2].rpe, Some(9.0));
    assert_eq!(workout.sets[4].rpe, Some(7.5));
    let squats: Vec<u32> = workout.sets[3..].iter().map(|s| s.set_number).collect();
    assert_eq!(squats, [1, 2, 3]);
    assert_eq!(import.report.rows, 6);
    assert!(
        import.report.warnings.is_empty(),
        "{:?}",
        import.report.warnings
    );
    assert_eq!(
        import.report.unresolved,
        ["Barbell Bench Press", "Barbell Squat"]
    );
}

#[test]
fn set_kinds_are_kept_apart_from_working_sets() {
    let Some(bytes) = fixture("exploratory/strong-all-set-types.csv") else {
        return;
    };
    let import = run(&bytes, Some(Unit::Kg)).unwrap();
    let sets = &import.logbook.workouts[0].sets;
    let kinds: Vec<SetKind> = sets.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SetKind::WarmUp,
            SetKind::Working,
            SetKind::Drop,
            SetKind::Failure
        ]
    );
    assert_eq!(
        sets.iter().map(|s| s.set_number).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    let counts = import.report.sets;
    assert_eq!(
        (counts.working, counts.warm_up, counts.drop, counts.failure),
        (1, 1, 1, 1)
    );
}

/// Strong 6: `;`, quoted, units in the header, `W`/`D`/`F`, a `Rest Timer` row, decimal
/// commas, `Duration (sec)`.
const STRONG_6: &str = r#""Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"
"1";"2024-03-01 18:00:00";"Push";"4980";"Bench Press (Barbell)";"W";"40";"10";"";"";"";"";"Felt strong"
"1";"2024-03-01 18:00:00";"Push";"4980";"Bench Press (Barbell)";"1";"82,5";"5";"8,5";"";"";"";""
"1";"2024-03-01 18:00:00";"Push";"4980";"Bench Press (Barbell)";"Rest Timer";"";"";"";"";"120";"";""
"1";"2024-03-01 18:00:00";"Push";"4980";"Bench Press (Barbell)";"D";"60";"8";"";"";"";"";""
"1";"2024-03-01 18:00:00";"Push";"4980";"Bench Press (Barbell)";"F";"60";"4";"10";"";"";"";""
"1";"2024-03-01 18:00:00";"Push";"4980";"Rowing (Machine)";"1";"";"";"";"2000";"480";"";""
"#;

#[test]
fn strong_6_reads_units_from_the_header_and_skips_rest_timers() {
    let import = run(STRONG_6.as_bytes(), None).unwrap();
    assert_eq!(import.format, AppFormat::Strong);
    assert_eq!(import.logbook.unit, Some(Unit::Kg));
    assert_eq!(import.report.rows, 6);
    assert_eq!(import.report.rest_timer_rows, 1);
    let workout = &import.logbook.workouts[0];
    assert_eq!(workout.duration_seconds, Some(4980));
    assert_eq!(workout.notes.as_deref(), Some("Felt strong"));
    let summary: Vec<(SetKind, u32, u32, Option<f64>, Option<f64>)> = workout
        .sets
        .iter()
        .map(|s| (s.kind, s.set_number, s.reps, s.weight, s.rpe))
        .collect();
    assert_eq!(
        summary,
        [
            (SetKind::WarmUp, 1, 10, Some(40.0), None),
            (SetKind::Working, 2, 5, Some(82.5), Some(8.5)),
            (SetKind::Drop, 3, 8, Some(60.0), None),
            (SetKind::Failure, 4, 4, Some(60.0), Some(10.0)),
            (SetKind::Working, 1, 2000, None, None),
        ]
    );
    let row = &workout.sets[4];
    assert_eq!(row.rep_type, RepType::Distance);
    assert_eq!(row.notes.as_deref(), Some("time: 480 s"));

    // The header names kg: asking for lb changes nothing but says so.
    let asked_lb = super_import(STRONG_6, Some(Unit::Lb));
    assert_eq!(asked_lb.logbook.unit, Some(Unit::Kg));
    assert_eq!(asked_lb.logbook.workouts, import.logbook.workouts);
    assert_eq!(
        asked_lb.report.warnings[0].to_string(),
        "row 1, column \"Weight (kg)\": the file's weights are in kg (column \"Weight (kg)\"), \
         so the unit lb asked for was not used"
    );
    let lbs = STRONG_6.replace("Weight (kg)", "Weight (lbs)");
    assert_eq!(super_import(&lbs, None).logbook.unit, Some(Unit::Lb));
}

fn super_import(text: &str, unit: Option<Unit>) -> AppImport {
    run(text.as_bytes(), unit).unwrap_or_else(|e| panic!("imports: {e}"))
}

#[test]
fn older_strong_converts_per_row_units() {
    let text = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes\n\
        2019-05-02 07:00:00;Legs;Squat (Barbell);1;100;kg;5;;;;;;\n\
        2019-05-02 07:00:00;Legs;Squat (Barbell);2;225;lbs;5;;;;;;\n\
        2019-05-02 07:00:00;Legs;Running;1;0;kg;0;;1,5;km;600;;\n";
    let import = super_import(text, None);
    assert_eq!(import.logbook.unit, Some(Unit::Kg));
    let sets = &import.logbook.workouts[0].sets;
    assert_eq!(sets[0].weight, Some(100.0));
    // 225 lb = 102.058 kg.
    assert_eq!(sets[1].weight, Some(102.06));
    assert_eq!((sets[2].reps, sets[2].rep_type), (1500, RepType::Distance));
    let in_lb = super_import(text, Some(Unit::Lb));
    assert_eq!(in_lb.logbook.unit, Some(Unit::Lb));
    assert_eq!(in_lb.logbook.workouts[0].sets[0].weight, Some(220.46));
    assert_eq!(in_lb.logbook.workouts[0].sets[1].weight, Some(225.0));
}

#[test]
fn durations_are_read_from_free_text() {
    let Some(bytes) = fixture("exploratory/strong-duration-formats.csv") else {
        return;
    };
    let import = run(&bytes, Some(Unit::Kg)).unwrap();
    let durations: Vec<(Option<&str>, Option<u32>)> = import
        .logbook
        .workouts
        .iter()
        .map(|w| (w.name.as_deref(), w.duration_seconds))
        .collect();
    assert_eq!(
        durations,
        [
            (Some("Dur1"), Some(4980)),
            (Some("Dur2"), Some(3300)),
            (Some("Dur3"), Some(3600)),
            (Some("Dur4"), Some(5025)),
            (Some("Dur5"), None),
            (Some("Dur6"), Some(3600)),
            (Some("Dur7"), None),
            (Some("Dur8"), None),
            (Some("Dur9"), Some(9015)),
            (Some("Dur10"), Some(45)),
        ]
    );
    let warnings: Vec<String> = import
        .report
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        ["row 6, column \"Duration\": the duration \"23:45\" was not understood and was left out"]
    );
}

#[test]
fn bodyweight_timed_and_distance_sets() {
    let Some(bytes) = fixture("exploratory/strong-bodyweight-distance.csv") else {
        return;
    };
    let import = run(&bytes, None).unwrap();
    assert_eq!(import.logbook.unit, None);
    let sets: Vec<(&str, u32, RepType, Option<f64>, Option<&str>)> = import.logbook.workouts[0]
        .sets
        .iter()
        .map(|s| {
            (
                s.exercise.as_str(),
                s.reps,
                s.rep_type,
                s.weight,
                s.notes.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        sets,
        [
            (
                "Running",
                5000,
                RepType::Distance,
                None,
                Some("time: 1800 s")
            ),
            (
                "Running",
                3000,
                RepType::Distance,
                None,
                Some("time: 900 s")
            ),
            ("Pull-up", 10, RepType::Reps, None, None),
            ("Pull-up", 8, RepType::Reps, None, None),
            ("Plank", 60, RepType::Seconds, None, None),
            ("Plank", 90, RepType::Seconds, None, None),
        ]
    );
    assert_eq!(
        import.report.warnings[0].to_string(),
        "row 1, column \"Distance\": the header does not give the distance unit; distances \
         were read as metres"
    );
}

#[test]
fn rpe_outside_1_to_10_is_dropped_with_a_warning() {
    let text = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
        2024-01-01 10:00:00,A,1h,Squat,1,100,5,0,0,,,11\n\
        2024-01-01 10:00:00,A,1h,Squat,2,100,5,0,0,,,0\n\
        2024-01-01 10:00:00,A,1h,Squat,3,100,5,0,0,,,9.5\n";
    let import = import_kg(text);
    let rpes: Vec<Option<f64>> = import.logbook.workouts[0]
        .sets
        .iter()
        .map(|s| s.rpe)
        .collect();
    assert_eq!(rpes, [None, None, Some(9.5)]);
    let warnings: Vec<String> = import
        .report
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        warnings,
        [
            "row 2, column \"RPE\": RPE 11 is outside 1-10 and was dropped",
            "row 3, column \"RPE\": RPE 0 is outside 1-10 and was dropped",
        ]
    );
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_shows_them() {
    // The first record spans three lines; the bad reps are on spreadsheet row 3 (line 5).
    let text = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\r\n\
        2024-01-15 10:30:00,A,1h,Bench,1,100,5,0,0,\"one\r\ntwo\r\nthree\",,8\r\n\
        2024-01-15 10:30:00,A,1h,Bench,2,100,five,0,0,,,8\r\n";
    let error = run(text.as_bytes(), Some(Unit::Kg)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "row 3, column \"Reps\": \"five\" is not a number"
    );
    let Some(bytes) = fixture("exploratory/strong-newlines-in-notes.csv") else {
        return;
    };
    let import = run(&bytes, Some(Unit::Kg)).unwrap();
    let workout = &import.logbook.workouts[0];
    assert_eq!(
        workout.sets[0].notes.as_deref(),
        Some("Line 1\nLine 2\nLine 3")
    );
    assert_eq!(
        workout.notes.as_deref(),
        Some("Workout note line 1\nWorkout note line 2")
    );
    assert_eq!(workout.sets[1].notes.as_deref(), Some("Simple note"));
}

#[test]
fn workouts_are_grouped_by_date_time_and_name_and_sorted_by_date() {
    let text = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
        2024-02-01 10:00:00,Later,1h,Squat,1,100,5,0,0,,,\n\
        2024-01-01 10:00:00,Earlier,1h,Squat,1,90,5,0,0,,,\n\
        2024-02-01 10:00:00,Later,1h,Squat,2,100,5,0,0,,,\n\
        2024-02-01 10:00:00,Other,1h,Squat,1,50,5,0,0,,,\n";
    let import = import_kg(text);
    let workouts: Vec<(String, &str, Vec<u32>)> = import
        .logbook
        .workouts
        .iter()
        .map(|w| {
            (
                w.date.to_string(),
                w.name.as_deref().unwrap_or(""),
                w.sets.iter().map(|s| s.set_number).collect(),
            )
        })
        .collect();
    assert_eq!(
        workouts,
        [
            ("2024-01-01".to_owned(), "Earlier", vec![1]),
            ("2024-02-01".to_owned(), "Later", vec![1, 2]),
            ("2024-02-01".to_owned(), "Other", vec![1]),
        ]
    );
}

#[test]
fn slashed_dates_follow_the_files_unambiguous_ones() {
    let head = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n";
    let day_first = format!(
        "{head}03/02/2024 10:00,A,1h,Squat,1,100,5,0,0,,,\n25/02/2024 10:00,B,1h,Squat,1,100,5,0,0,,,\n"
    );
    let import = import_kg(&day_first);
    assert_eq!(import.logbook.workouts[0].date.to_string(), "2024-02-03");
    let month_first = format!(
        "{head}03/02/2024 10:00,A,1h,Squat,1,100,5,0,0,,,\n02/25/2024 10:00,B,1h,Squat,1,100,5,0,0,,,\n"
    );
    let import = import_kg(&month_first);
    let dates: Vec<String> = import
        .logbook
        .workouts
        .iter()
        .map(|w| w.date.to_string())
        .collect();
    assert_eq!(dates, ["2024-02-25", "2024-03-02"]);
    let ambiguous = format!("{head}03/02/2024 10:00,A,1h,Squat,1,100,5,0,0,,,\n");
    let error = run(ambiguous.as_bytes(), Some(Unit::Kg)).unwrap_err();
    assert_eq!((error.row(), error.column()), (Some(2), Some("Date")));
}

#[test]
fn hevy_real_numbers_sets_from_one_and_reads_its_dates() {
    let Some(bytes) = fixture("hevy-real.csv") else {
        return;
    };
    let import = run(&bytes, None).unwrap();
    assert_eq!(import.format, AppFormat::Hevy);
    assert_eq!(import.logbook.unit, Some(Unit::Kg));
    let workout = &import.logbook.workouts[0];
    assert_eq!(workout.date.to_string(), "2025-06-30");
    assert_eq!(
        workout.name.as_deref(),
        Some("Monday ? You mean international CHEST DAY !")
    );
    assert_eq!(workout.duration_seconds, Some(62 * 60));
    assert_eq!(
        workout.sets[0],
        LoggedSet::new("Incline Bench Press (Dumbbell)", 1, 13, Some(48.0))
    );
    assert_eq!(workout.sets[3].set_number, 4);
    assert_eq!(workout.sets[4].set_number, 1);
    assert_eq!(import.logbook.workouts[1].date.to_string(), "2025-07-02");
}

#[test]
fn hevy_keeps_exercise_notes_once_and_reads_word_set_types() {
    let Some(bytes) = fixture("hevy-exercise-notes.csv") else {
        return;
    };
    let import = run(&bytes, None).unwrap();
    let notes: Vec<Option<&str>> = import.logbook.workouts[0]
        .sets
        .iter()
        .map(|s| s.notes.as_deref())
        .collect();
    assert_eq!(notes, [Some("Paused reps"), None, None]);
    assert_eq!(
        import.logbook.workouts[0].notes.as_deref(),
        Some("Great session")
    );

    let text = r#""title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_lbs","reps","distance_miles","duration_seconds","rpe"
"Legs","15 Jan 2024, 10:00","15 Jan 2024, 11:05","","Squat (Barbell)",,"",0,"warmup",135,5,,,
"Legs","15 Jan 2024, 10:00","15 Jan 2024, 11:05","","Squat (Barbell)",,"",1,"normal",225,5,,,8
"Legs","15 Jan 2024, 10:00","15 Jan 2024, 11:05","","Squat (Barbell)",,"",2,"dropset",185,8,,,
"Legs","15 Jan 2024, 10:00","15 Jan 2024, 11:05","","Squat (Barbell)",,"",3,"failure",185,6,,,10
"Legs","15 Jan 2024, 10:00","15 Jan 2024, 11:05","","Plank",,"",0,"normal",,,,60,
"Legs","15 Jan 2024, 10:00","15 Jan 2024, 11:05","","Running",,"",0,"normal",,,1.5,600,
"#;
    let import = super_import(text, None);
    assert_eq!(import.logbook.unit, Some(Unit::Lb));
    assert!(
        import.report.warnings.is_empty(),
        "{:?}",
        import.report.warnings
    );
    let workout = &import.logbook.workouts[0];
    assert_eq!(workout.duration_seconds, Some(3900));
    let sets: Vec<(SetKind, u32, RepType, Option<f64>)> = workout
        .sets
        .iter()
        .map(|s| (s.kind, s.reps, s.rep_type, s.weight))
        .collect();
    assert_eq!(
        sets,
        [
            (SetKind::WarmUp, 5, RepType::Reps, Some(135.0)),
            (SetKind::Working, 5, RepType::Reps, Some(225.0)),
            (SetKind::Drop, 8, RepType::Reps, Some(185.0)),
            (SetKind::Failure, 6, RepType::Reps, Some(185.0)),
            (SetKind::Working, 60, RepType::Seconds, None),
            (SetKind::Working, 2414, RepType::Distance, None),
        ]
    );
}

#[test]
fn hevy_reads_the_unit_that_has_values() {
    let Some(bytes) = fixture("exploratory/hevy-lbs-only.csv") else {
        return;
    };
    let as_is = run(&bytes, None).unwrap();
    assert_eq!(as_is.logbook.unit, Some(Unit::Lb));
    assert_eq!(as_is.logbook.workouts[0].sets[0].weight, Some(176.37));
    let in_kg = run(&bytes, Some(Unit::Kg)).unwrap();
    assert_eq!(in_kg.logbook.unit, Some(Unit::Kg));
    // 176.37 lb = 80.0 kg.
    assert_eq!(in_kg.logbook.workouts[0].sets[0].weight, Some(80.0));
    let Some(bytes) = fixture("hevy-basic.csv") else {
        return;
    };
    let in_lb = run(&bytes, Some(Unit::Lb)).unwrap();
    assert_eq!(in_lb.logbook.unit, Some(Unit::Lb));
    assert_eq!(in_lb.logbook.workouts[0].sets[0].weight, Some(220.46));
}

#[test]
fn fitnotes_one_workout_per_day() {
    let text = "Date,Exercise,Category,Weight (kg),Reps,Distance,Distance Unit,Time,Comment\n\
        2024-02-10,Flat Barbell Bench Press,Chest,80.0,8,,,,\n\
        2024-02-10,Flat Barbell Bench Press,Chest,80.0,7,,,,Paused\n\
        2024-02-10,Running (Treadmill),Cardio,,,3.0,km,0:18:30,\n\
        2024-02-12,Plank,Abs,,,,,0:01:30,\n\
        2024-02-12,Pull Up,Back,0.0,10,,,,\n";
    let import = super_import(text, None);
    assert_eq!(import.format, AppFormat::FitNotes);
    assert_eq!(import.logbook.unit, Some(Unit::Kg));
    let days: Vec<(
        String,
        Vec<(&str, u32, u32, RepType, Option<f64>, Option<&str>)>,
    )> = import
        .logbook
        .workouts
        .iter()
        .map(|w| {
            let sets = w
                .sets
                .iter()
                .map(|s| {
                    (
                        s.exercise.as_str(),
                        s.set_number,
                        s.reps,
                        s.rep_type,
                        s.weight,
                        s.notes.as_deref(),
                    )
                })
                .collect();
            (w.date.to_string(), sets)
        })
        .collect();
    assert_eq!(
        days,
        [
            (
                "2024-02-10".to_owned(),
                vec![
                    (
                        "Flat Barbell Bench Press",
                        1,
                        8,
                        RepType::Reps,
                        Some(80.0),
                        None
                    ),
                    (
                        "Flat Barbell Bench Press",
                        2,
                        7,
                        RepType::Reps,
                        Some(80.0),
                        Some("Paused")
                    ),
                    (
                        "Running (Treadmill)",
                        1,
                        3000,
                        RepType::Distance,
                        None,
                        Some("time: 1110 s")
                    ),
                ]
            ),
            (
                "2024-02-12".to_owned(),
                vec![
                    ("Plank", 1, 90, RepType::Seconds, None, None),
                    ("Pull Up", 1, 10, RepType::Reps, None, None),
                ]
            ),
        ]
    );
}

#[test]
fn jefit_real_reads_sessions_and_logs() {
    let Some(bytes) = fixture("jefit-real.csv") else {
        return;
    };
    let import = run(&bytes, Some(Unit::Kg)).unwrap();
    assert_eq!(import.format, AppFormat::Jefit);
    let first = &import.logbook.workouts[0];
    assert_eq!(first.date.to_string(), "2024-01-08");
    assert_eq!(first.duration_seconds, Some(4500));
    assert_eq!(first.name, None);
    assert_eq!(
        first.sets[5],
        LoggedSet::new("Incline Dumbbell Press", 2, 8, Some(32.5))
    );
    let pull_up = &import.logbook.workouts[2].sets[7];
    assert_eq!(*pull_up, LoggedSet::new("Pull Up", 1, 12, None));
}

#[test]
fn names_resolve_against_free_exercise_db_or_stay_as_written() {
    let Some(data) = shared_data() else {
        return;
    };
    let bytes = std::fs::read(data.join("free-exercise-db/exercises.json")).expect("readable");
    let records: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let mut index = ExerciseIndex::new();
    for record in records.as_array().expect("an array") {
        let name = record["name"].as_str().expect("a name");
        index.add(&Exercise::named(name));
    }
    assert_eq!(index.len(), 873);
    let Some(bytes) = fixture("exploratory/strong-many-exercises.csv") else {
        return;
    };
    let options = ImportOptions {
        unit: Some(Unit::Kg),
        athlete: "Sam".to_owned(),
        catalog: Some(&index),
        ..ImportOptions::default()
    };
    let import = import_app_export(&bytes, &options).unwrap();
    assert_eq!(import.logbook.athlete.name, "Sam");
    let resolved: Vec<(&str, &str)> = import
        .report
        .resolved
        .iter()
        .map(|r| (r.app.as_str(), r.catalog.as_str()))
        .collect();
    assert_eq!(resolved, RESOLVED);
    assert_eq!(import.report.unresolved, UNRESOLVED);
    // Resolved names are the catalog's; the rest are kept as written.
    let names: Vec<&str> = import.logbook.workouts[0]
        .sets
        .iter()
        .map(|s| s.exercise.as_str())
        .step_by(2)
        .collect();
    assert_eq!(names.len(), RESOLVED.len() + UNRESOLVED.len());
    for (app, catalog) in RESOLVED {
        assert!(names.contains(&catalog), "{app} -> {catalog}");
    }
    // A name spelled otherwise takes the catalog's spelling.
    let text = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
        2024-01-15 10:30:00,A,1h,  leg-PRESS ,1,200,10,0,0,,,\n";
    let import = import_app_export(text.as_bytes(), &options).unwrap();
    assert_eq!(import.logbook.workouts[0].sets[0].exercise, "Leg Press");
    assert_eq!(import.report.resolved[0].app, "leg-PRESS");
}

/// Checked by hand against `exercises.json`: only these three are spelled as there.
const RESOLVED: [(&str, &str); 3] = [
    ("Incline Dumbbell Press", "Incline Dumbbell Press"),
    ("Barbell Squat", "Barbell Squat"),
    ("Leg Press", "Leg Press"),
];
/// free-exercise-db calls these "Barbell Bench Press - Medium Grip", "Barbell Deadlift",
/// "Bent Over Barbell Row", ... or has no such entry; they are kept as written.
const UNRESOLVED: [&str; 10] = [
    "Barbell Bench Press",
    "Cable Fly",
    "Leg Curl",
    "Deadlift",
    "Barbell Row",
    "Pull Up",
    "Overhead Press",
    "Lateral Raise",
    "Bicep Curl",
    "Tricep Pushdown",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = run(&bytes, None);
        let _ = run(&bytes, Some(Unit::Lb));
    }

    #[test]
    fn mutated_exports_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8),
        which in 0..4usize,
    ) {
        let base = [STRONG_6, FIXTURE_STRONG, FIXTURE_HEVY, FIXTURE_JEFIT][which];
        let mut bytes = base.as_bytes().to_vec();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            match op {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        for unit in [None, Some(Unit::Kg)] {
            if let Ok(import) = run(&bytes, unit) {
                for workout in &import.logbook.workouts {
                    prop_assert!(!workout.sets.is_empty());
                    for set in &workout.sets {
                        prop_assert!(set.set_number >= 1);
                        prop_assert!(set.weight.is_none_or(|w| w > 0.0 && w <= 2000.0));
                        prop_assert!(set.rpe.is_none_or(|r| (1.0..=10.0).contains(&r)));
                        prop_assert!(!set.exercise.trim().is_empty());
                    }
                }
            }
        }
    }
}

/// Per column of Strong's classic layout: plausible values first, then hostile ones.
const STRONG_CELLS: &[&[&str]] = &[
    &[
        "2024-01-15 10:30:00",
        "2024-01-16 09:00:00",
        "2024-01-15T10:30:00Z",
        "not-a-date",
        "",
    ],
    &["A", "B", "", "\"x, y\""],
    &["1h 23m", "", "23:45", "nope"],
    &["Squat", "Bench", "é", ""],
    &["1", "2", "W", "D", "F", "Rest Timer", "x"],
    &["100", "0", "", "62.5", "-5", "abc", "1e10"],
    &["5", "0", "8", "", "5.5"],
    &["0", "", "5000", "99999"],
    &["0", "", "60", "100000"],
    &["", "n", "\"a\nb\"", "\"a, b\""],
    &["", "w"],
    &["", "8", "11", "x"],
];

/// Per column of Hevy's layout: plausible values first, then hostile ones.
const HEVY_CELLS: &[&[&str]] = &[
    &["A", "B", ""],
    &["2024-01-15T10:00:00Z", "\"30 Jun 2025, 19:56\"", "", "x"],
    &["2024-01-15T11:00:00Z", "", "2024-01-15T09:00:00Z", "x"],
    &["", "d"],
    &["Squat", "Bench", ""],
    &["", "1"],
    &["", "n"],
    &["0", "1"],
    &["normal", "warmup", "dropset", "failure", "99"],
    &["100", "", "0", "-5"],
    &["5", "", "0", "x"],
    &["", "1.5", "20"],
    &["", "60", "100000"],
    &["", "8", "0"],
];

/// A file with `header` and one row per entry of `rows`, each cell picked from its
/// column's pool (a pick past the pool's end is its first, plausible value).
fn rows_of(header: &str, pools: &[&[&str]], rows: &[Vec<usize>]) -> String {
    let mut text = format!("{header}\n");
    for row in rows {
        let cells: Vec<&str> = pools
            .iter()
            .zip(row)
            .map(|(pool, &pick)| pool.get(pick).copied().unwrap_or(pool[0]))
            .collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every data row either becomes one set (or a counted rest timer) or stops the import
    /// with its row named: nothing is dropped silently.
    #[test]
    fn random_rows_become_sets_or_row_numbered_errors(
        rows in proptest::collection::vec(proptest::collection::vec(0..20usize, 14), 1..6),
        hevy in any::<bool>(),
    ) {
        let (header, pools) = if hevy {
            ("title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe", HEVY_CELLS)
        } else {
            ("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE", STRONG_CELLS)
        };
        let text = rows_of(header, pools, &rows);
        match run(text.as_bytes(), Some(Unit::Kg)) {
            Ok(import) => {
                let report = &import.report;
                prop_assert_eq!(report.rows, rows.len() as u64);
                prop_assert_eq!(report.sets.total() as u64, report.rows - report.rest_timer_rows);
            }
            Err(error) => {
                let row = error.row();
                prop_assert!(
                    row.is_some_and(|r| (2..=rows.len() as u64 + 1).contains(&r))
                        || error.kind == ImportErrorKind::NoWorkouts,
                    "{}", error
                );
            }
        }
    }
}

const FIXTURE_STRONG: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n\
2024-01-15 10:30:00,Morning Workout,1h 23m,Barbell Bench Press,1,100,5,0,0,,Great session,8\n\
2024-01-15 10:30:00,Morning Workout,1h 23m,Barbell Bench Press,W,100,5,0,0,\"a, b\",,8\n";

const FIXTURE_HEVY: &str = "title,start_time,end_time,description,exercise_title,superset_id,reps,weight_kg,weight_lbs,duration_seconds,distance_km,distance_miles,rpe,set_index,set_type\n\
Morning Workout,2024-01-15T10:30:00Z,2024-01-15T12:00:00Z,Felt good,Bench Press (Barbell),,5,100,220.46,0,0,0,8,1,warmup\n\
Morning Workout,30 Jun 2025, 19:56,2024-01-15T12:00:00Z,Felt good,Bench Press (Barbell),,5,100,220.46,0,0,0,8,2,normal\n";

const FIXTURE_JEFIT: &str = "### WORKOUT SESSIONS ###\n_id,mydate,starttime,starttimie,total_time\n1,2024-01-15,1705305000,,3600\n###\n\n### EXERCISE LOGS ###\nbelongsession,ename,logs\n1,\"Barbell Bench Press\",\"100x5,100x5,0x5\"\n###\n";

/// A real Strong export becomes a logbook that validates and gives a context whose numbers
/// are the ones worked out by hand from the file.
#[test]
fn a_strong_export_imports_validates_and_builds_a_context() {
    use replog_core::context::{ContextOptions, build_context};

    let Some(text) = fixture("strong-real.csv") else {
        return;
    };
    let logbook = run(&text, Some(Unit::Lb))
        .unwrap_or_else(|e| panic!("strong-real.csv imports: {e}"))
        .logbook;
    // What the importer built is a valid logbook, as text through the validator.
    let json = serde_json::to_vec(&logbook).expect("a logbook serialises");
    let validated = replog_catalog::parse_logbook(&json)
        .unwrap_or_else(|e| panic!("the imported logbook validates: {e}"));
    assert_eq!(validated, logbook);

    let context = build_context(&logbook, &ContextOptions::default());
    let value = serde_json::to_value(&context).expect("a context serialises");
    assert_eq!(value["as_of"], "2020-09-17");
    assert_eq!(value["unit"], "lb");
    assert_eq!(value["athlete"]["total_workouts"], 2);
    assert_eq!(value["athlete"]["training_months"], 0);
    // Both workouts fall in ISO week 2020-W38.
    assert_eq!(value["performance"]["streak_weeks"], 1);
    let stats = value["performance"]["exercise_stats"]
        .as_array()
        .expect("exercise stats");
    assert_eq!(stats.len(), 6, "six exercises in the file: {stats:#?}");
    let bench = stats
        .iter()
        .find(|s| s["exercise"] == "Bench Press (Barbell)")
        .expect("the bench press has stats");
    // Best set 115 x 5: Epley 115 * (1 + 5/30) = 134.17, rounded to 0.1.
    assert_eq!(bench["best_e1rm"], 134.2);
    assert_eq!(bench["sessions"], 1);
    // No RPE anywhere in the export, no program: nothing to average or complete.
    assert_eq!(bench["avg_rpe"], serde_json::Value::Null);
    assert_eq!(bench["rpe_trend"], "insufficient_data");
    assert_eq!(bench["completion_rate"], serde_json::Value::Null);
}
