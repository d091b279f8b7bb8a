//! free-exercise-db (`exercises.json`, yuhonas/free-exercise-db) to CatalogJSON exercises.
//!
//! Each record has one equipment word, primary and secondary muscles, a category and
//! numbered instructions. CatalogJSON cannot express: `force`, `level`, `mechanic`,
//! `images`, the record `id`, and which muscles are primary (all are listed, primary
//! first). The instructions become `form_notes`.

use replog_core::{Catalog, Exercise};
use serde::Deserialize;

use super::build::{self, CatalogBuilder};
use super::{Conversion, ConvertError, records};

/// One free-exercise-db record (unknown members are ignored).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FreeExercise {
    /// The record's id (its image folder name).
    #[serde(default)]
    pub id: Option<String>,
    /// The exercise's name.
    pub name: String,
    /// `beginner`, `intermediate` or `expert`.
    #[serde(default)]
    pub level: Option<String>,
    /// One equipment word, or none.
    #[serde(default)]
    pub equipment: Option<String>,
    /// The muscles it mainly trains.
    #[serde(default)]
    pub primary_muscles: Vec<String>,
    /// The muscles it also trains.
    #[serde(default)]
    pub secondary_muscles: Vec<String>,
    /// How to perform it, step by step.
    #[serde(default)]
    pub instructions: Vec<String>,
    /// The kind of exercise (`strength`, `stretching`, ...).
    #[serde(default)]
    pub category: Option<String>,
}

/// Reads free-exercise-db's `exercises.json` (an array of records).
///
/// # Errors
/// Text that is not a JSON array, or a record that does not fit [`FreeExercise`] (the error
/// names its index).
pub fn parse(text: &str) -> Result<Vec<FreeExercise>, ConvertError> {
    let values: Vec<serde_json::Value> = serde_json::from_str(text)
        .map_err(|error| ConvertError::json("free-exercise-db", &error))?;
    records("free-exercise-db", "", values)
}

/// Converts free-exercise-db's `exercises.json` to a CatalogJSON document of exercises.
///
/// # Errors
/// See [`parse`]; also a record whose name is blank.
pub fn convert(text: &str) -> Result<Conversion<Catalog>, ConvertError> {
    let mut builder = CatalogBuilder::new();
    for (i, record) in parse(text)?.into_iter().enumerate() {
        let exercise = to_exercise(&record, &mut builder);
        builder.add(&format!("/{i}"), exercise)?;
    }
    Ok(builder.finish(Vec::new()))
}

fn to_exercise(record: &FreeExercise, builder: &mut CatalogBuilder) -> Exercise {
    let notes = &mut builder.notes;
    let mut exercise = Exercise::named(record.name.clone());
    match &record.equipment {
        Some(word) => exercise.equipment = build::equipment_ids([word.as_str()], notes),
        None => notes.push("equipment null: listed as bodyweight (no equipment)"),
    }
    exercise.muscles = build::muscle_ids(
        record
            .primary_muscles
            .iter()
            .chain(&record.secondary_muscles)
            .map(String::as_str),
        notes,
    );
    exercise.category = build::category_of(record.category.as_deref(), notes);
    exercise.form_notes = build::form_notes(&record.instructions);
    exercise
}
