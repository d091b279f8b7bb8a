//! reference/002's program schema (Nowva V2, Pydantic: metadata, weeks, workouts,
//! exercises, sets) to and from CatalogJSON programs.
//!
//! The record names the schemas (`ProgramMetadataSchema`, `WeekSchema`, `WorkoutSchema`,
//! `ExerciseSchema`, `SetSchema`, `FullProgramSchema`) but not their fields; this serde model
//! is the smallest one that carries what it describes, in its snake_case style:
//! `{ metadata: { program_name, description?, goal?, duration_weeks, days_per_week,
//! fitness_level? }, weeks: [{ week_number, phase?, workouts: [{ day_number, name?,
//! exercises: [{ name, order, notes?, sets: [{ set_number, reps, weight?,
//! intensity_percent?, rpe?, rest_seconds?, notes? }] }] }] }] }` (`reps` null for AMRAP,
//! as OpenAI strict mode writes optional members).
//!
//! What 002 cannot express (lost going there, noted): supersets, `rep_type` other than reps
//! (the count is kept and the kind written in the set's notes), the program's `unit` and
//! `is_loop`, progression rules. What CatalogJSON cannot express (lost coming here, noted):
//! `fitness_level`, `days_per_week` and `duration_weeks` (derived from the weeks),
//! `set_number` (array order).

use replog_core::{Day, PrescribedExercise, Program, RepType, Set, Unit, Week};
use serde::{Deserialize, Serialize};

use super::{Conversion, ConvertError, Notes};

/// A whole program (`FullProgramSchema`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FullProgram {
    /// The program's metadata.
    pub metadata: ProgramMetadata,
    /// The weeks.
    pub weeks: Vec<WeekSchema>,
}

/// `ProgramMetadataSchema`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgramMetadata {
    /// The program's name.
    pub program_name: String,
    /// What the program is.
    #[serde(default)]
    pub description: Option<String>,
    /// What it is for.
    #[serde(default)]
    pub goal: Option<String>,
    /// How many weeks.
    pub duration_weeks: u32,
    /// Training days a week (the most in any week).
    pub days_per_week: u32,
    /// `beginner`, `intermediate`, `advanced`.
    #[serde(default)]
    pub fitness_level: Option<String>,
}

/// `WeekSchema`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekSchema {
    /// The week's number.
    pub week_number: u32,
    /// The phase the week belongs to (`Build`).
    #[serde(default)]
    pub phase: Option<String>,
    /// The workouts.
    pub workouts: Vec<WorkoutSchema>,
}

/// `WorkoutSchema`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkoutSchema {
    /// Day of the week's schedule, 1-7.
    pub day_number: u8,
    /// The workout's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The exercises.
    pub exercises: Vec<ExerciseSchema>,
}

/// `ExerciseSchema`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExerciseSchema {
    /// The exercise's name.
    pub name: String,
    /// Position in the workout, from 1.
    pub order: u32,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// The sets.
    pub sets: Vec<SetSchema>,
}

/// `SetSchema`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetSchema {
    /// The set's number, from 1.
    pub set_number: u32,
    /// Reps; null for as many as possible.
    pub reps: Option<u32>,
    /// Absolute load.
    #[serde(default)]
    pub weight: Option<f64>,
    /// Percent of the training max.
    #[serde(default)]
    pub intensity_percent: Option<f64>,
    /// Target RPE.
    #[serde(default)]
    pub rpe: Option<f64>,
    /// Rest after the set.
    #[serde(default)]
    pub rest_seconds: Option<u32>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A CatalogJSON program in reference/002's schema.
pub fn from_program(program: &Program) -> Conversion<FullProgram> {
    let mut notes = Notes::new();
    if program.unit.is_some() {
        notes.push("unit: 002 has no unit for weights: dropped");
    }
    if program.is_loop {
        notes.push("is_loop: 002 cannot say a program repeats: dropped");
    }
    if !program.progression_rules.is_empty() {
        notes.push("progression_rules: 002 has none: dropped");
    }
    let weeks: Vec<WeekSchema> = program
        .weeks
        .iter()
        .map(|week| WeekSchema {
            week_number: week.number,
            phase: week.label.clone(),
            workouts: week
                .days
                .iter()
                .map(|day| WorkoutSchema {
                    day_number: day.number,
                    name: day.name.clone(),
                    exercises: day
                        .exercises
                        .iter()
                        .map(|e| exercise(e, &mut notes))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let days_per_week = program
        .weeks
        .iter()
        .map(|w| w.days.len())
        .max()
        .unwrap_or(0);
    notes.finish(FullProgram {
        metadata: ProgramMetadata {
            program_name: program.name.clone(),
            description: program.description.clone(),
            goal: program.goal.clone(),
            duration_weeks: u32::try_from(program.weeks.len()).unwrap_or(u32::MAX),
            days_per_week: u32::try_from(days_per_week).unwrap_or(u32::MAX),
            fitness_level: None,
        },
        weeks,
    })
}

fn exercise(exercise: &PrescribedExercise, notes: &mut Notes) -> ExerciseSchema {
    if exercise.superset.is_some() {
        notes.push("superset: 002 has none: dropped");
    }
    let sets = exercise.sets.iter().zip(1..).map(|(set, number)| {
        let kind = match set.rep_type {
            RepType::Reps => None,
            RepType::EachSide => Some("each side"),
            RepType::Seconds => Some("seconds"),
            RepType::Distance => Some("metres"),
        };
        let mut set_notes = set.notes.clone();
        if let Some(kind) = kind {
            notes.push("rep_type: 002 counts reps only: the kind kept in the set notes");
            set_notes = Some(match set_notes {
                Some(n) => format!("{kind}; {n}"),
                None => kind.to_owned(),
            });
        }
        SetSchema {
            set_number: number,
            reps: set.reps,
            weight: set.weight,
            intensity_percent: set.percent_tm,
            rpe: set.rpe,
            rest_seconds: set.rest_seconds,
            notes: set_notes,
        }
    });
    ExerciseSchema {
        name: exercise.exercise.clone(),
        order: exercise.sort_order,
        notes: exercise.notes.clone(),
        sets: sets.collect(),
    }
}

/// reference/002's program as a CatalogJSON program (exercise names as given: the caller
/// supplies the catalog they resolve to). `unit` is the unit of the source's weights, which
/// the source does not state.
///
/// # Errors
/// A program with no weeks, named at `/weeks`. Other limits are left to the validator,
/// which reports them with CatalogJSON's paths.
pub fn to_program(
    source: &FullProgram,
    unit: Option<Unit>,
) -> Result<Conversion<Program>, ConvertError> {
    let mut notes = Notes::new();
    if source.weeks.is_empty() {
        return Err(ConvertError::new(
            "/weeks",
            "no weeks: CatalogJSON needs at least one",
        ));
    }
    let meta = &source.metadata;
    if meta.fitness_level.is_some() {
        notes.push("fitness_level: CatalogJSON programs have none: dropped");
    }
    if meta.duration_weeks as usize != source.weeks.len() {
        notes.push("duration_weeks differs from the weeks given: the weeks given kept");
    }
    let weeks = source.weeks.iter().zip(1..).map(|(week, number)| {
        if week.week_number != number {
            notes.push("week_number out of sequence: weeks renumbered in order");
        }
        Week {
            number,
            label: week.phase.clone(),
            days: week
                .workouts
                .iter()
                .map(|workout| Day {
                    number: workout.day_number,
                    name: workout.name.clone(),
                    exercises: workout
                        .exercises
                        .iter()
                        .map(|e| PrescribedExercise {
                            exercise: e.name.clone(),
                            sort_order: e.order,
                            superset: None,
                            notes: e.notes.clone(),
                            sets: e
                                .sets
                                .iter()
                                .map(|s| Set {
                                    rep_type: RepType::Reps,
                                    reps: s.reps,
                                    percent_tm: s.intensity_percent,
                                    weight: s.weight,
                                    rpe: s.rpe,
                                    rest_seconds: s.rest_seconds,
                                    notes: s.notes.clone(),
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    });
    let weeks: Vec<Week> = weeks.collect();
    Ok(notes.finish(Program {
        name: meta.program_name.clone(),
        description: meta.description.clone(),
        goal: meta.goal.clone(),
        unit,
        is_loop: false,
        weeks,
        progression_rules: Vec::new(),
    }))
}
