//! reference/000's `TrainingProgram` (FitnessTracker V2: program > phases > weeks > workout
//! days > exercise details) to and from CatalogJSON programs.
//!
//! The record names the types but not their members; this serde model is the smallest one
//! that carries what the record describes, in its camelCase TypeScript style:
//! `TrainingProgram { programName, description?, goal?, totalDurationWeeks, phases }`,
//! `TrainingPhase { phaseName?, weeks }`, `TrainingWeek { weekNumber, days }`,
//! `WorkoutDay { dayNumber, focus?, exercises }` and
//! `ExerciseDetail { name, sets, reps, restSeconds?, weight?, rpe?, notes? }`, where `reps`
//! is text (`"5"`, `"8-12"`, `"AMRAP"`, `"30s"`, `"8/side"`, `"20m"`).
//!
//! What 000 cannot express (lost going there, noted): per-set differences (one line per
//! exercise: the first set stands for all), `percent_tm`, per-set notes, supersets,
//! `sort_order` gaps (array order), the program's `unit` and `is_loop`, progression rules.
//! What CatalogJSON cannot express (lost coming here, noted): phases beyond a week label
//! (the phase name becomes the label of each of its weeks), `totalDurationWeeks` (derived),
//! rep ranges (the top is prescribed, the range kept in the exercise's notes).

use replog_core::limits::{MAX_SETS, REPS_MAX};
use replog_core::{Day, PrescribedExercise, Program, RepType, Set, Unit, Week};
use serde::{Deserialize, Serialize};

use super::{Conversion, ConvertError, Notes};

/// A program in reference/000's model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingProgram {
    /// The program's name.
    pub program_name: String,
    /// What the program is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// How many weeks in all.
    pub total_duration_weeks: u32,
    /// The phases, in order.
    pub phases: Vec<TrainingPhase>,
}

/// A phase: consecutive weeks with one purpose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingPhase {
    /// The phase's name (`accumulation`, `deload`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase_name: Option<String>,
    /// Its weeks.
    pub weeks: Vec<TrainingWeek>,
}

/// A week of a phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingWeek {
    /// The week's number in the program.
    pub week_number: u32,
    /// Its training days.
    pub days: Vec<WorkoutDay>,
}

/// A training day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkoutDay {
    /// Day of the week's schedule, 1-7.
    pub day_number: u8,
    /// What the day trains (`Lower power`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    /// The exercises, in order.
    pub exercises: Vec<ExerciseDetail>,
}

/// One exercise of a day: sets x reps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExerciseDetail {
    /// The exercise's name.
    pub name: String,
    /// How many sets.
    pub sets: u32,
    /// Reps per set, as text.
    pub reps: String,
    /// Rest between sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_seconds: Option<u32>,
    /// Absolute load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Target RPE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpe: Option<f64>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// A CatalogJSON program in reference/000's model.
pub fn from_program(program: &Program) -> Conversion<TrainingProgram> {
    let mut notes = Notes::new();
    if program.unit.is_some() {
        notes.push("unit: 000 has no unit for weights: dropped");
    }
    if program.is_loop {
        notes.push("is_loop: 000 cannot say a program repeats: dropped");
    }
    if !program.progression_rules.is_empty() {
        notes.push("progression_rules: 000 has none: dropped");
    }
    let mut phases: Vec<TrainingPhase> = Vec::new();
    for week in &program.weeks {
        let days = week.days.iter().map(|day| WorkoutDay {
            day_number: day.number,
            focus: day.name.clone(),
            exercises: day
                .exercises
                .iter()
                .map(|e| detail(e, &mut notes))
                .collect(),
        });
        let week_000 = TrainingWeek {
            week_number: week.number,
            days: days.collect(),
        };
        match phases.last_mut() {
            Some(phase) if phase.phase_name == week.label => phase.weeks.push(week_000),
            _ => phases.push(TrainingPhase {
                phase_name: week.label.clone(),
                weeks: vec![week_000],
            }),
        }
    }
    notes.finish(TrainingProgram {
        program_name: program.name.clone(),
        description: program.description.clone(),
        goal: program.goal.clone(),
        total_duration_weeks: u32::try_from(program.weeks.len()).unwrap_or(u32::MAX),
        phases,
    })
}

fn detail(exercise: &PrescribedExercise, notes: &mut Notes) -> ExerciseDetail {
    let first = exercise.sets.first();
    if exercise.sets.iter().any(|s| Some(s) != first) {
        notes.push("sets that differ: 000 has one line per exercise, the first set stands for all");
    }
    if exercise.superset.is_some() {
        notes.push("superset: 000 has none: dropped");
    }
    if first.is_some_and(|s| s.percent_tm.is_some()) {
        notes.push("percent_tm: 000 has no relative load: dropped");
    }
    if first.is_some_and(|s| s.notes.is_some()) {
        notes.push("set notes: 000 has notes per exercise only: dropped");
    }
    let reps = match first {
        None => "AMRAP".to_owned(),
        Some(set) => match (set.reps, set.rep_type) {
            (None, _) => "AMRAP".to_owned(),
            (Some(n), RepType::Reps) => n.to_string(),
            (Some(n), RepType::EachSide) => format!("{n}/side"),
            (Some(n), RepType::Seconds) => format!("{n}s"),
            (Some(n), RepType::Distance) => format!("{n}m"),
        },
    };
    ExerciseDetail {
        name: exercise.exercise.clone(),
        sets: u32::try_from(exercise.sets.len()).unwrap_or(u32::MAX),
        reps,
        rest_seconds: first.and_then(|s| s.rest_seconds),
        weight: first.and_then(|s| s.weight),
        rpe: first.and_then(|s| s.rpe),
        notes: exercise.notes.clone(),
    }
}

/// reference/000's program as a CatalogJSON program (exercise names as given: the caller
/// supplies the catalog they resolve to). `unit` is the unit of the source's weights, which
/// the source does not state.
///
/// # Errors
/// A day with 0 or more than 20 sets, or reps text that is not one of the forms above;
/// named by its pointer (`/phases/0/weeks/1/days/0/exercises/2/reps`).
pub fn to_program(
    source: &TrainingProgram,
    unit: Option<Unit>,
) -> Result<Conversion<Program>, ConvertError> {
    let mut notes = Notes::new();
    let mut weeks = Vec::new();
    for (p, phase) in source.phases.iter().enumerate() {
        for (w, week) in phase.weeks.iter().enumerate() {
            let at = format!("/phases/{p}/weeks/{w}");
            let mut days = Vec::new();
            for (d, day) in week.days.iter().enumerate() {
                let mut exercises = Vec::new();
                for (e, detail) in day.exercises.iter().enumerate() {
                    let at = format!("{at}/days/{d}/exercises/{e}");
                    exercises.push(prescribed(&at, e, detail, &mut notes)?);
                }
                days.push(Day {
                    number: day.day_number,
                    name: day.focus.clone(),
                    exercises,
                });
            }
            if week.week_number as usize != weeks.len() + 1 {
                notes.push("weekNumber out of sequence: weeks renumbered in order");
            }
            weeks.push(Week {
                number: u32::try_from(weeks.len() + 1).unwrap_or(u32::MAX),
                label: phase.phase_name.clone(),
                days,
            });
        }
    }
    if source.total_duration_weeks as usize != weeks.len() {
        notes.push("totalDurationWeeks differs from the weeks given: the weeks given kept");
    }
    Ok(notes.finish(Program {
        name: source.program_name.clone(),
        description: source.description.clone(),
        goal: source.goal.clone(),
        unit,
        is_loop: false,
        weeks,
        progression_rules: Vec::new(),
    }))
}

fn prescribed(
    at: &str,
    e: usize,
    detail: &ExerciseDetail,
    notes: &mut Notes,
) -> Result<PrescribedExercise, ConvertError> {
    if detail.sets == 0 || detail.sets as usize > MAX_SETS {
        return Err(ConvertError::new(
            format!("{at}/sets"),
            format!("{} sets: CatalogJSON allows 1-{MAX_SETS}", detail.sets),
        ));
    }
    let (rep_type, reps, range) = parse_reps(&detail.reps)
        .ok_or_else(|| ConvertError::new(format!("{at}/reps"), format!("reps {:?} is not a count, a range, AMRAP, seconds (30s), metres (20m) or per side (8/side)", detail.reps)))?;
    let mut exercise_notes = detail.notes.clone();
    if let Some(range) = range {
        notes.push("rep range: the top prescribed, the range kept in the exercise notes");
        exercise_notes = Some(match exercise_notes {
            Some(n) => format!("{range} reps; {n}"),
            None => format!("{range} reps"),
        });
    }
    let set = Set {
        rep_type,
        reps,
        percent_tm: None,
        weight: detail.weight,
        rpe: detail.rpe,
        rest_seconds: detail.rest_seconds,
        notes: None,
    };
    Ok(PrescribedExercise {
        exercise: detail.name.clone(),
        sort_order: u32::try_from(e + 1).unwrap_or(u32::MAX),
        superset: None,
        notes: exercise_notes,
        sets: vec![set; detail.sets as usize],
    })
}

/// `"5"`, `"8-12"` (top, with the range), `"AMRAP"`/`"max"`, `"30s"`, `"20m"`, `"8/side"`.
fn parse_reps(text: &str) -> Option<(RepType, Option<u32>, Option<String>)> {
    let t = text.trim().to_ascii_lowercase();
    if matches!(t.as_str(), "amrap" | "max" | "as many as possible") {
        return Some((RepType::Reps, None, None));
    }
    let number = |s: &str| s.trim().parse::<u32>().ok().filter(|n| *n >= 1);
    if let Some(n) = t
        .strip_suffix("/side")
        .or_else(|| t.strip_suffix(" each side"))
        .and_then(number)
    {
        return Some((RepType::EachSide, Some(n), None));
    }
    if let Some(n) = t
        .strip_suffix("sec")
        .or_else(|| t.strip_suffix('s'))
        .and_then(number)
    {
        return Some((RepType::Seconds, Some(n), None));
    }
    if let Some(n) = t.strip_suffix('m').and_then(number) {
        return Some((RepType::Distance, Some(n), None));
    }
    if let Some((low, high)) = t.split_once('-') {
        let (low, high) = (number(low)?, number(high)?);
        return (low <= high && u64::from(high) <= REPS_MAX)
            .then(|| (RepType::Reps, Some(high), Some(format!("{low}-{high}"))));
    }
    number(&t).map(|n| (RepType::Reps, Some(n), None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reps_text_forms() {
        assert_eq!(parse_reps("5"), Some((RepType::Reps, Some(5), None)));
        assert_eq!(
            parse_reps(" 8-12 "),
            Some((RepType::Reps, Some(12), Some("8-12".into())))
        );
        assert_eq!(parse_reps("AMRAP"), Some((RepType::Reps, None, None)));
        assert_eq!(parse_reps("30s"), Some((RepType::Seconds, Some(30), None)));
        assert_eq!(parse_reps("20m"), Some((RepType::Distance, Some(20), None)));
        assert_eq!(
            parse_reps("8/side"),
            Some((RepType::EachSide, Some(8), None))
        );
        assert_eq!(parse_reps("12-8"), None);
        assert_eq!(parse_reps("0"), None);
        assert_eq!(parse_reps("lots"), None);
    }
}
