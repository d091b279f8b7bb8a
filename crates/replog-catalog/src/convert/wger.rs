//! wger exercises (`english_flat.json`) to CatalogJSON exercises.
//!
//! `english_flat.json` names categories, equipment and muscles inline; wger's own API and
//! fixtures refer to them by id (`pk`). [`WgerData`] accepts both: give it the fixture files
//! (`equipment.json`, `muscles.json`, `categories.json`) as a [`WgerVocabulary`] and ids
//! resolve through them. CatalogJSON cannot express: `wger_exercise_id`, `uuid`,
//! `variation_group`, licenses and authors, and which muscles are primary. wger categories
//! are body parts (`Arms`, `Legs`); they map to the closest kind of training (noted).

use std::collections::HashMap;

use replog_core::{Catalog, Exercise};
use serde::Deserialize;

use super::build::{self, CatalogBuilder};
use super::{Conversion, ConvertError, records};

/// A reference to a category, equipment or muscle: by name or by wger id.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum WgerRef {
    /// A wger id (`pk`), resolved through a [`WgerVocabulary`].
    Id(u64),
    /// A name.
    Name(String),
}

/// One wger exercise (unknown members are ignored).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct WgerExercise {
    /// wger's id of the exercise.
    #[serde(default)]
    pub wger_exercise_id: Option<u64>,
    /// The exercise's name.
    pub name: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The category (a body part).
    #[serde(default)]
    pub category: Option<WgerRef>,
    /// Equipment (`none (bodyweight exercise)` for bodyweight).
    #[serde(default)]
    pub equipment: Vec<WgerRef>,
    /// The muscles it mainly trains.
    #[serde(default)]
    pub muscles: Vec<WgerRef>,
    /// The muscles it also trains.
    #[serde(default)]
    pub muscles_secondary: Vec<WgerRef>,
}

/// A row of a wger fixture file.
#[derive(Debug, Clone, Deserialize)]
struct FixtureRow {
    pk: u64,
    fields: FixtureFields,
}

#[derive(Debug, Clone, Deserialize)]
struct FixtureFields {
    name: String,
    #[serde(default)]
    name_en: Option<String>,
}

/// wger's id tables: equipment, muscle and category names by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WgerVocabulary {
    /// Equipment names by id.
    pub equipment: HashMap<u64, String>,
    /// Muscle names by id (the English name where wger has one, else the Latin one).
    pub muscles: HashMap<u64, String>,
    /// Category names by id.
    pub categories: HashMap<u64, String>,
}

impl WgerVocabulary {
    /// Reads wger's fixture files `equipment.json`, `muscles.json` and `categories.json`.
    ///
    /// # Errors
    /// A text that is not a fixture list, named by file and row.
    pub fn from_json(
        equipment: &str,
        muscles: &str,
        categories: &str,
    ) -> Result<Self, ConvertError> {
        Ok(Self {
            equipment: table("equipment.json", equipment)?,
            muscles: table("muscles.json", muscles)?,
            categories: table("categories.json", categories)?,
        })
    }
}

fn table(file: &str, text: &str) -> Result<HashMap<u64, String>, ConvertError> {
    let values: Vec<serde_json::Value> = serde_json::from_str(text)
        .map_err(|error| ConvertError::new(file, format!("not a wger fixture: {error}")))?;
    let rows: Vec<FixtureRow> = records("wger fixture", file, values)?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let name = match row.fields.name_en {
                Some(en) if !en.trim().is_empty() => en,
                _ => row.fields.name,
            };
            (row.pk, name)
        })
        .collect())
}

/// The wger files a caller has: the exercises and, optionally, the id tables.
#[derive(Debug, Clone, PartialEq)]
pub struct WgerData {
    /// The exercises of `english_flat.json`.
    pub exercises: Vec<WgerExercise>,
    /// The id tables, needed only when exercises refer to things by id.
    pub vocabulary: Option<WgerVocabulary>,
}

impl WgerData {
    /// Reads `english_flat.json` (an array of exercises).
    ///
    /// # Errors
    /// Text that is not a JSON array, or an exercise that does not fit [`WgerExercise`].
    pub fn from_json(
        exercises: &str,
        vocabulary: Option<WgerVocabulary>,
    ) -> Result<Self, ConvertError> {
        let values: Vec<serde_json::Value> =
            serde_json::from_str(exercises).map_err(|error| ConvertError::json("wger", &error))?;
        Ok(Self {
            exercises: records("wger", "", values)?,
            vocabulary,
        })
    }

    /// Converts the exercises to a CatalogJSON document.
    ///
    /// # Errors
    /// An id that the vocabulary does not have (or an id with no vocabulary given), or a
    /// blank name; each named by its pointer (`/3/equipment/0`).
    pub fn convert(&self) -> Result<Conversion<Catalog>, ConvertError> {
        let vocabulary = self.vocabulary.as_ref();
        let mut builder = CatalogBuilder::new();
        for (i, record) in self.exercises.iter().enumerate() {
            let at = format!("/{i}");
            let resolve = |field: &str,
                           pick: fn(&WgerVocabulary) -> &HashMap<u64, String>,
                           refs: &[WgerRef]| {
                refs.iter()
                    .enumerate()
                    .map(|(j, r)| name_of(r, vocabulary.map(pick), &format!("{at}/{field}/{j}")))
                    .collect::<Result<Vec<_>, _>>()
            };
            let equipment = resolve("equipment", |v| &v.equipment, &record.equipment)?;
            let mut muscles = resolve("muscles", |v| &v.muscles, &record.muscles)?;
            muscles.extend(resolve(
                "muscles_secondary",
                |v| &v.muscles,
                &record.muscles_secondary,
            )?);
            let category = match &record.category {
                Some(r) => Some(name_of(
                    r,
                    vocabulary.map(|v| &v.categories),
                    &format!("{at}/category"),
                )?),
                None => None,
            };
            let notes = &mut builder.notes;
            let mut exercise = Exercise::named(record.name.clone());
            exercise.aliases = record.aliases.iter().map(|a| clean_alias(a)).collect();
            exercise.equipment = build::equipment_ids(equipment.iter().map(String::as_str), notes);
            exercise.muscles = build::muscle_ids(muscles.iter().map(String::as_str), notes);
            exercise.category = build::category_of(category.as_deref(), notes);
            builder.add(&at, exercise)?;
        }
        Ok(builder.finish(Vec::new()))
    }
}

/// wger aliases sometimes end in a stray separator (`One Arm DB Rows |`).
fn clean_alias(alias: &str) -> String {
    alias
        .trim()
        .trim_end_matches(['|', ',', ';'])
        .trim_end()
        .to_owned()
}

fn name_of(
    reference: &WgerRef,
    table: Option<&HashMap<u64, String>>,
    at: &str,
) -> Result<String, ConvertError> {
    match reference {
        WgerRef::Name(name) => Ok(name.clone()),
        WgerRef::Id(id) => match table {
            Some(table) => table.get(id).cloned().ok_or_else(|| {
                ConvertError::new(at, format!("wger id {id} is not in the vocabulary given"))
            }),
            None => Err(ConvertError::new(
                at,
                format!(
                    "wger id {id} needs the id tables (equipment.json, muscles.json, categories.json)"
                ),
            )),
        },
    }
}
