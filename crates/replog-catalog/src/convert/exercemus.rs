//! exercemus (`exercises.json`, exercemus/exercises) to CatalogJSON exercises.
//!
//! The file is an object with the vocabularies (`categories`, `equipment`, `muscles`,
//! `muscle_groups`) and `exercises`; `exercises_to_merge` holds wger records that upstream
//! has not merged yet and is not converted (a note counts them). CatalogJSON cannot express:
//! `variation_on` links, `description` beside the instructions (used only when there are no
//! instructions), `tips`, `tempo`, `video`, licenses, and which muscles are primary.

use replog_core::{Catalog, Exercise};
use serde::Deserialize;

use super::build::{self, CatalogBuilder};
use super::{Conversion, ConvertError, records};

/// The exercemus file: its exercises and the records waiting to be merged.
#[derive(Debug, Clone, Deserialize)]
struct File {
    exercises: Vec<serde_json::Value>,
    #[serde(default)]
    exercises_to_merge: Vec<serde_json::Value>,
}

/// One exercemus exercise (unknown members are ignored).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ExercemusExercise {
    /// The exercise's name.
    pub name: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The kind of exercise (`strength`, `stretching`, ...).
    #[serde(default)]
    pub category: Option<String>,
    /// Equipment words (`none` for bodyweight).
    #[serde(default)]
    pub equipment: Vec<String>,
    /// The muscles it mainly trains.
    #[serde(default)]
    pub primary_muscles: Vec<String>,
    /// The muscles it also trains.
    #[serde(default)]
    pub secondary_muscles: Vec<String>,
    /// How to perform it, step by step.
    #[serde(default)]
    pub instructions: Vec<String>,
    /// A description.
    #[serde(default)]
    pub description: Option<String>,
}

/// Converts exercemus's `exercises.json` to a CatalogJSON document of exercises.
///
/// # Errors
/// Text that is not an exercemus file, or an exercise that does not fit
/// [`ExercemusExercise`] (named by its pointer, `/exercises/12`), or a blank name.
pub fn convert(text: &str) -> Result<Conversion<Catalog>, ConvertError> {
    let file: File =
        serde_json::from_str(text).map_err(|error| ConvertError::json("exercemus", &error))?;
    let exercises: Vec<ExercemusExercise> = records("exercemus", "/exercises", file.exercises)?;
    let mut builder = CatalogBuilder::new();
    for (i, record) in exercises.into_iter().enumerate() {
        let notes = &mut builder.notes;
        let mut exercise = Exercise::named(record.name);
        exercise.aliases = record.aliases;
        exercise.equipment =
            build::equipment_ids(record.equipment.iter().map(String::as_str), notes);
        exercise.muscles = build::muscle_ids(
            record
                .primary_muscles
                .iter()
                .chain(&record.secondary_muscles)
                .map(String::as_str),
            notes,
        );
        exercise.category = build::category_of(record.category.as_deref(), notes);
        exercise.form_notes = build::form_notes(&record.instructions).or_else(|| {
            record
                .description
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty())
        });
        builder.add(&format!("/exercises/{i}"), exercise)?;
    }
    if !file.exercises_to_merge.is_empty() {
        builder.notes.push(format!(
            "/exercises_to_merge: {} records upstream has not merged yet were not converted",
            file.exercises_to_merge.len()
        ));
    }
    Ok(builder.finish(Vec::new()))
}
