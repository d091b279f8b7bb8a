//! openweight programs (`program.schema.json`: program > weeks > workouts > exercises >
//! sets) to CatalogJSON: one program, and the exercises it names as the document's catalog.
//!
//! CatalogJSON cannot express, and the converter notes: the program's `author` and `tags`,
//! week and workout `notes`, rep ranges (`targetRepsMin`/`targetRepsMax`: the top of the
//! range is prescribed and the range written in the set's notes), `percentageOf` other than a
//! training max (the percentage is kept as `percent_tm`), `targetRIR`, `tempo` and set
//! `type` (all three kept in the set's notes), and mixed units in one program (converted to
//! the first unit seen).

use std::collections::HashMap;

use replog_core::limits::{
    DAY_NAME_MAX, DAY_NUMBER_MAX, DESCRIPTION_MAX, EXERCISE_NOTES_MAX, MAX_DAY_EXERCISES, MAX_SETS,
    MAX_WEEKS, PERCENT_TM_MAX, PERCENT_TM_MIN, PROGRAM_NAME_MAX, REPS_MAX, REST_SECONDS_MAX,
    RPE_MAX, RPE_MIN, SET_NOTES_MAX, WEEK_LABEL_MAX, WEIGHT_MAX,
};
use replog_core::{
    Catalog, Day, Exercise, PrescribedExercise, Program, RepType, Set, Superset, Unit, Week,
    normalize_name,
};
use serde::Deserialize;

use super::build::{self, CatalogBuilder, shorten};
use super::{Conversion, ConvertError, Notes};

/// An openweight program (unknown members are ignored, as the schema allows).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OwProgram {
    /// The program's name.
    pub name: String,
    /// What the program is.
    #[serde(default)]
    pub description: Option<String>,
    /// Who wrote it.
    #[serde(default)]
    pub author: Option<String>,
    /// Labels.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The weeks.
    pub weeks: Vec<OwWeek>,
}

/// A week of an openweight program.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OwWeek {
    /// A name such as `Week 1 - 3x5`.
    #[serde(default)]
    pub name: Option<String>,
    /// Notes for the week.
    #[serde(default)]
    pub notes: Option<String>,
    /// The workouts of the week.
    pub workouts: Vec<OwWorkout>,
}

/// A workout template.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OwWorkout {
    /// The workout's name.
    pub name: String,
    /// Notes for the workout.
    #[serde(default)]
    pub notes: Option<String>,
    /// Day of the week, 1 (Monday) to 7.
    #[serde(default)]
    pub day: Option<u8>,
    /// The exercises.
    pub exercises: Vec<OwExerciseTemplate>,
}

/// An exercise of a workout template with its target sets.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwExerciseTemplate {
    /// Which exercise.
    pub exercise: OwExercise,
    /// Position in the workout from 1; array order when absent.
    #[serde(default)]
    pub order: Option<u32>,
    /// Notes for this exercise.
    #[serde(default)]
    pub notes: Option<String>,
    /// Exercises with the same id form a superset.
    #[serde(default)]
    pub superset_id: Option<u32>,
    /// The target sets.
    pub sets: Vec<OwSet>,
}

/// Which exercise to perform.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwExercise {
    /// The exercise's name.
    pub name: String,
    /// An equipment word.
    #[serde(default)]
    pub equipment: Option<String>,
    /// A body part or category.
    #[serde(default)]
    pub category: Option<String>,
    /// The muscles it trains.
    #[serde(default)]
    pub muscles_worked: Vec<String>,
}

/// A target set.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwSet {
    /// Exact reps.
    #[serde(default)]
    pub target_reps: Option<u32>,
    /// Bottom of a rep range.
    #[serde(default)]
    pub target_reps_min: Option<u32>,
    /// Top of a rep range.
    #[serde(default)]
    pub target_reps_max: Option<u32>,
    /// Absolute weight, in `unit`.
    #[serde(default)]
    pub target_weight: Option<f64>,
    /// `kg` or `lb`.
    #[serde(default)]
    pub unit: Option<String>,
    /// Percent of `percentage_of`.
    #[serde(default)]
    pub percentage: Option<f64>,
    /// What the percentage is of (`1RM`, `5RM`, `TM`).
    #[serde(default)]
    pub percentage_of: Option<String>,
    /// Target RPE, 0-10.
    #[serde(rename = "targetRPE", default)]
    pub target_rpe: Option<f64>,
    /// Target reps in reserve.
    #[serde(rename = "targetRIR", default)]
    pub target_rir: Option<u32>,
    /// Rest after the set.
    #[serde(default)]
    pub rest_seconds: Option<u32>,
    /// Tempo, `3-1-2-0`.
    #[serde(default)]
    pub tempo: Option<String>,
    /// Set type (`working`, `warmup`, `dropset`).
    #[serde(rename = "type", default)]
    pub set_type: Option<String>,
    /// Notes for the set.
    #[serde(default)]
    pub notes: Option<String>,
}

/// Reads an openweight program.
///
/// # Errors
/// Text that is not JSON or does not fit [`OwProgram`] (serde names the field, line and
/// column).
pub fn parse(text: &str) -> Result<OwProgram, ConvertError> {
    serde_json::from_str(text).map_err(|error| ConvertError::json("openweight program", &error))
}

/// Converts an openweight program file to a CatalogJSON document.
///
/// # Errors
/// See [`parse`]; also a structure CatalogJSON cannot hold (no weeks, more than 52 weeks,
/// more than 7 workouts a week, day numbers out of order, more than 30 exercises a day or 20
/// sets an exercise, repeated `order`, an empty name, more than 100 reps), named by its
/// pointer.
pub fn convert(text: &str) -> Result<Conversion<Catalog>, ConvertError> {
    to_catalog(&parse(text)?)
}

/// Converts a parsed openweight program to a CatalogJSON document.
///
/// # Errors
/// See [`convert`].
pub fn to_catalog(program: &OwProgram) -> Result<Conversion<Catalog>, ConvertError> {
    let mut cx = Cx {
        builder: CatalogBuilder::new(),
        names: HashMap::new(),
        unit: None,
    };
    let name = program.name.trim();
    if name.is_empty() {
        return Err(ConvertError::new("/name", "the program name is blank"));
    }
    let name = cut(name, PROGRAM_NAME_MAX, "/name", &mut cx.builder.notes);
    let description = program
        .description
        .as_deref()
        .map(|d| {
            cut(
                d.trim(),
                DESCRIPTION_MAX,
                "/description",
                &mut cx.builder.notes,
            )
        })
        .filter(|d| !d.is_empty());
    if program.author.is_some() {
        cx.builder
            .notes
            .push("/author: CatalogJSON programs have no author: dropped");
    }
    if !program.tags.is_empty() {
        cx.builder
            .notes
            .push("/tags: CatalogJSON programs have no tags: dropped");
    }
    count("/weeks", "weeks", program.weeks.len(), MAX_WEEKS)?;
    let mut weeks = Vec::new();
    for (w, week) in program.weeks.iter().enumerate() {
        weeks.push(cx.week(w, week)?);
    }
    let program = Program {
        name,
        description,
        goal: None,
        unit: cx.unit,
        is_loop: false,
        weeks,
        progression_rules: Vec::new(),
    };
    Ok(cx.builder.finish(vec![program]))
}

struct Cx {
    builder: CatalogBuilder,
    /// Catalog names by (normalised source name, equipment ids).
    names: HashMap<(String, Vec<String>), String>,
    unit: Option<Unit>,
}

fn count(at: &str, what: &str, len: usize, max: usize) -> Result<(), ConvertError> {
    if len == 0 {
        return Err(ConvertError::new(
            at,
            format!("no {what}: CatalogJSON needs at least one"),
        ));
    }
    if len > max {
        return Err(ConvertError::new(
            at,
            format!("{len} {what}: CatalogJSON allows at most {max}"),
        ));
    }
    Ok(())
}

fn cut(text: &str, max: usize, at: &str, notes: &mut Notes) -> String {
    match shorten(text, max) {
        Some(short) => {
            notes.push(format!("{at}: cut to {max} characters"));
            short
        }
        None => text.to_owned(),
    }
}

impl Cx {
    fn week(&mut self, w: usize, week: &OwWeek) -> Result<Week, ConvertError> {
        let at = format!("/weeks/{w}");
        if week.notes.is_some() {
            self.builder
                .notes
                .push("week notes: CatalogJSON weeks have no notes: dropped");
        }
        let label = week
            .name
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                cut(
                    l,
                    WEEK_LABEL_MAX,
                    &format!("{at}/name"),
                    &mut self.builder.notes,
                )
            });
        count(
            &format!("{at}/workouts"),
            "workouts",
            week.workouts.len(),
            DAY_NUMBER_MAX as usize,
        )?;
        let mut days: Vec<Day> = Vec::new();
        for (d, workout) in week.workouts.iter().enumerate() {
            let at = format!("{at}/workouts/{d}");
            let previous = days.last().map_or(0, |day| day.number);
            let number = workout.day.unwrap_or(previous.saturating_add(1));
            if number <= previous || u64::from(number) > DAY_NUMBER_MAX {
                return Err(ConvertError::new(
                    format!("{at}/day"),
                    format!(
                        "day {number} after day {previous}: CatalogJSON days are 1-7 in ascending order"
                    ),
                ));
            }
            days.push(self.day(&at, number, workout)?);
        }
        Ok(Week {
            number: u32::try_from(w + 1).unwrap_or(u32::MAX),
            label,
            days,
        })
    }

    fn day(&mut self, at: &str, number: u8, workout: &OwWorkout) -> Result<Day, ConvertError> {
        if workout.notes.is_some() {
            self.builder
                .notes
                .push("workout notes: CatalogJSON days have no notes: dropped");
        }
        let name = workout.name.trim();
        let name = (!name.is_empty()).then(|| {
            cut(
                name,
                DAY_NAME_MAX,
                &format!("{at}/name"),
                &mut self.builder.notes,
            )
        });
        count(
            &format!("{at}/exercises"),
            "exercises",
            workout.exercises.len(),
            MAX_DAY_EXERCISES,
        )?;
        let mut exercises: Vec<PrescribedExercise> = Vec::new();
        let mut groups: Vec<u32> = Vec::new();
        for (e, template) in workout.exercises.iter().enumerate() {
            let at = format!("{at}/exercises/{e}");
            let sort_order = template
                .order
                .unwrap_or(u32::try_from(e + 1).unwrap_or(u32::MAX));
            if exercises.iter().any(|p| p.sort_order == sort_order) {
                return Err(ConvertError::new(
                    format!("{at}/order"),
                    format!("order {sort_order} repeats in this workout"),
                ));
            }
            let superset = match template.superset_id {
                None => None,
                Some(id) => {
                    let index = groups.iter().position(|g| *g == id).unwrap_or_else(|| {
                        groups.push(id);
                        groups.len() - 1
                    });
                    let letter = u8::try_from(index)
                        .ok()
                        .filter(|i| *i < 26)
                        .map(|i| char::from(b'A' + i));
                    Some(letter.and_then(Superset::new).ok_or_else(|| {
                        ConvertError::new(
                            format!("{at}/supersetId"),
                            "more than 26 supersets in one workout",
                        )
                    })?)
                }
            };
            let exercise = self.exercise(&at, &template.exercise)?;
            count(&format!("{at}/sets"), "sets", template.sets.len(), MAX_SETS)?;
            let sets = template
                .sets
                .iter()
                .enumerate()
                .map(|(s, set)| self.set(&format!("{at}/sets/{s}"), set))
                .collect::<Result<Vec<_>, _>>()?;
            let notes = template
                .notes
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|n| {
                    cut(
                        n,
                        EXERCISE_NOTES_MAX,
                        &format!("{at}/notes"),
                        &mut self.builder.notes,
                    )
                });
            exercises.push(PrescribedExercise {
                exercise,
                sort_order,
                superset,
                notes,
                sets,
            });
        }
        Ok(Day {
            number,
            name,
            exercises,
        })
    }

    fn exercise(&mut self, at: &str, source: &OwExercise) -> Result<String, ConvertError> {
        let notes = &mut self.builder.notes;
        let equipment = build::equipment_ids(source.equipment.as_deref(), notes);
        let key = (normalize_name(&source.name), equipment.clone());
        if let Some(name) = self.names.get(&key) {
            return Ok(name.clone());
        }
        let mut exercise = Exercise::named(source.name.clone());
        exercise.equipment = equipment;
        exercise.muscles =
            build::muscle_ids(source.muscles_worked.iter().map(String::as_str), notes);
        exercise.category = build::category_of(source.category.as_deref(), notes);
        let name = self.builder.add(&format!("{at}/exercise"), exercise)?;
        self.names.insert(key, name.clone());
        Ok(name)
    }

    fn set(&mut self, at: &str, set: &OwSet) -> Result<Set, ConvertError> {
        let notes = &mut self.builder.notes;
        let mut extra: Vec<String> = Vec::new();
        let reps = match (set.target_reps, set.target_reps_min, set.target_reps_max) {
            (Some(reps), _, _) => Some(reps),
            (None, Some(min), Some(max)) => {
                notes
                    .push("rep range: the top of the range prescribed, the range in the set notes");
                extra.push(format!("{min}-{max} reps"));
                Some(max)
            }
            (None, Some(only), None) | (None, None, Some(only)) => {
                notes
                    .push("one-sided rep range: that bound prescribed, the range in the set notes");
                extra.push(if set.target_reps_min.is_some() {
                    format!("at least {only} reps")
                } else {
                    format!("at most {only} reps")
                });
                Some(only)
            }
            (None, None, None) => {
                notes.push("set without target reps: written as reps null (as many as possible)");
                None
            }
        };
        let reps = match reps {
            Some(0) => {
                notes.push("target reps 0: written as reps null (as many as possible)");
                None
            }
            Some(r) if u64::from(r) > REPS_MAX => {
                return Err(ConvertError::new(
                    format!("{at}/targetReps"),
                    format!("{r} reps: CatalogJSON allows at most {REPS_MAX}"),
                ));
            }
            other => other,
        };
        let percent_tm = match set.percentage {
            None => None,
            Some(p) => {
                if !(PERCENT_TM_MIN..=PERCENT_TM_MAX).contains(&p) {
                    return Err(ConvertError::new(
                        format!("{at}/percentage"),
                        format!(
                            "{p}%: CatalogJSON allows {PERCENT_TM_MIN}-{PERCENT_TM_MAX} percent of the training max"
                        ),
                    ));
                }
                let of = set.percentage_of.as_deref().unwrap_or("").trim();
                if !matches!(of.to_ascii_lowercase().as_str(), "tm" | "training max") {
                    notes.push(format!(
                        "percentage of {of:?} written as percent of the training max"
                    ));
                }
                Some(p)
            }
        };
        let weight = match set.target_weight {
            None => None,
            Some(weight) => {
                let unit = match set.unit.as_deref() {
                    Some("kg") => Unit::Kg,
                    Some("lb") => Unit::Lb,
                    other => {
                        return Err(ConvertError::new(
                            format!("{at}/unit"),
                            format!("targetWeight needs unit kg or lb, got {other:?}"),
                        ));
                    }
                };
                let program_unit = *self.unit.get_or_insert(unit);
                let weight = match (unit, program_unit) {
                    (Unit::Kg, Unit::Lb) => weight / 0.453_592_37,
                    (Unit::Lb, Unit::Kg) => weight * 0.453_592_37,
                    _ => weight,
                };
                if unit != program_unit {
                    notes.push("a weight in another unit than the program's first: converted");
                }
                if !(0.0..=WEIGHT_MAX).contains(&weight) {
                    return Err(ConvertError::new(
                        format!("{at}/targetWeight"),
                        format!("{weight}: CatalogJSON allows 0-{WEIGHT_MAX}"),
                    ));
                }
                if percent_tm.is_some() {
                    notes.push(
                        "a set with both percentage and weight: the weight kept in the set notes",
                    );
                    extra.push(format!(
                        "{weight} {}",
                        if program_unit == Unit::Kg { "kg" } else { "lb" }
                    ));
                    None
                } else {
                    Some(weight)
                }
            }
        };
        let rpe = match set.target_rpe {
            None => None,
            Some(r) => {
                let rounded = (r * 2.0).round() / 2.0;
                if !(RPE_MIN..=RPE_MAX).contains(&rounded) {
                    notes.push("RPE below 1: dropped, kept in the set notes");
                    extra.push(format!("RPE {r}"));
                    None
                } else {
                    if (rounded - r).abs() > f64::EPSILON {
                        notes.push("RPE rounded to a multiple of 0.5");
                    }
                    Some(rounded)
                }
            }
        };
        if let Some(rir) = set.target_rir {
            notes.push("targetRIR: kept in the set notes");
            extra.push(format!("RIR {rir}"));
        }
        if let Some(tempo) = &set.tempo {
            notes.push("tempo: kept in the set notes");
            extra.push(format!("tempo {tempo}"));
        }
        if let Some(kind) = set
            .set_type
            .as_deref()
            .map(str::trim)
            .filter(|k| !k.is_empty() && *k != "working")
        {
            notes.push("set type: kept in the set notes");
            extra.push(kind.to_owned());
        }
        let rest_seconds = set.rest_seconds.map(|r| {
            if u64::from(r) > REST_SECONDS_MAX {
                notes.push(format!("rest over {REST_SECONDS_MAX} seconds: capped"));
            }
            r.min(u32::try_from(REST_SECONDS_MAX).unwrap_or(u32::MAX))
        });
        if let Some(own) = set
            .notes
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            extra.push(own.to_owned());
        }
        let set_notes = (!extra.is_empty()).then(|| {
            cut(
                &extra.join("; "),
                SET_NOTES_MAX,
                &format!("{at}/notes"),
                notes,
            )
        });
        Ok(Set {
            rep_type: RepType::Reps,
            reps,
            percent_tm,
            weight,
            rpe,
            rest_seconds,
            notes: set_notes,
        })
    }
}
