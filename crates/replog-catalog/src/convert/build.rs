//! Assembling converted exercises into a valid catalog: vocabulary lookups with notes, and
//! the name rules of CatalogJSON (lengths, uniqueness after normalisation, at most 20
//! aliases), applied by merging or renaming and always saying so.

use std::collections::{HashMap, HashSet};

use replog_core::limits::{EXERCISE_NAME_MAX, FORM_NOTES_MAX, MAX_ALIASES};
use replog_core::{Catalog, Category, Exercise, Program, normalize_name};

use super::vocabulary::{self, EquipmentWord};
use super::{Conversion, ConvertError, Notes};

/// Builds a CatalogJSON catalog from converted exercises, keeping names and aliases unique
/// after normalisation: a repeated name with the same equipment is merged into the first
/// (aliases and muscles joined), one with other equipment is renamed after its equipment.
/// Aliases that collide with any name or earlier alias are dropped, with a note.
#[derive(Debug, Default)]
pub struct CatalogBuilder {
    exercises: Vec<Exercise>,
    /// Where each exercise came from, for notes.
    origins: Vec<String>,
    names: HashMap<String, usize>,
    /// The notes so far; converters add their own.
    pub notes: Notes,
}

impl CatalogBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an exercise read at `at` (a JSON Pointer into the source) and returns the name it
    /// has in the catalog (shortened or renamed if it had to be).
    ///
    /// # Errors
    /// A name that is blank after trimming.
    pub fn add(&mut self, at: &str, mut exercise: Exercise) -> Result<String, ConvertError> {
        let name = exercise.name.trim();
        if name.is_empty() {
            return Err(ConvertError::new(format!("{at}/name"), "the name is blank"));
        }
        let mut name = name.to_owned();
        if let Some(short) = shorten(&name, EXERCISE_NAME_MAX) {
            self.notes.push(format!(
                "{at}: name {name:?} cut to {EXERCISE_NAME_MAX} characters"
            ));
            name = short;
        }
        exercise.name = name;
        if let Some(notes) = &exercise.form_notes {
            if let Some(short) = shorten(notes, FORM_NOTES_MAX) {
                self.notes
                    .push(format!("form notes cut to {FORM_NOTES_MAX} characters"));
                exercise.form_notes = Some(short);
            }
        }
        let key = normalize_name(&exercise.name);
        let Some(&first) = self.names.get(&key) else {
            return Ok(self.push(key, at, exercise));
        };
        let Some(kept) = self.exercises.get_mut(first) else {
            return Ok(self.push(key, at, exercise));
        };
        let origin = self.origins.get(first).map_or("", String::as_str);
        if same_set(&kept.equipment, &exercise.equipment) {
            self.notes.push(format!(
                "{at}: {:?} merged into {:?} ({origin}): same name and equipment",
                exercise.name, kept.name
            ));
            join(&mut kept.aliases, exercise.aliases);
            join(&mut kept.muscles, exercise.muscles);
            if kept.category.is_none() {
                kept.category = exercise.category;
            }
            if kept.form_notes.is_none() {
                kept.form_notes = exercise.form_notes;
            }
            return Ok(kept.name.clone());
        }
        let original = exercise.name.clone();
        let suffix = if exercise.equipment.is_empty() {
            "bodyweight".to_owned()
        } else {
            exercise.equipment.join(", ").replace('_', " ")
        };
        let mut n = 1;
        loop {
            let tail = if n == 1 {
                format!(" ({suffix})")
            } else {
                format!(" ({suffix} {n})")
            };
            let base_len = EXERCISE_NAME_MAX.saturating_sub(tail.chars().count());
            let base: String = original.chars().take(base_len).collect();
            let candidate = format!("{}{tail}", base.trim_end());
            let candidate_key = normalize_name(&candidate);
            if !self.names.contains_key(&candidate_key) {
                self.notes.push(format!(
                    "{at}: {original:?} renamed {candidate:?}: {:?} ({origin}) has other equipment",
                    kept.name
                ));
                exercise.aliases.retain(|a| normalize_name(a) != key);
                exercise.name = candidate;
                return Ok(self.push(candidate_key, at, exercise));
            }
            n += 1;
        }
    }

    fn push(&mut self, key: String, at: &str, exercise: Exercise) -> String {
        let name = exercise.name.clone();
        self.names.insert(key, self.exercises.len());
        self.exercises.push(exercise);
        self.origins.push(at.to_owned());
        name
    }

    /// The exercises so far, by name.
    pub fn exercises(&self) -> &[Exercise] {
        &self.exercises
    }

    /// The catalog of these exercises and `programs`, with aliases made unique, and the
    /// notes.
    pub fn finish(mut self, programs: Vec<Program>) -> Conversion<Catalog> {
        let mut taken: HashSet<String> = self.names.keys().cloned().collect();
        for (exercise, origin) in self.exercises.iter_mut().zip(&self.origins) {
            let own = normalize_name(&exercise.name);
            let aliases = std::mem::take(&mut exercise.aliases);
            for alias in aliases {
                let alias = alias.trim().to_owned();
                let key = normalize_name(&alias);
                if key.is_empty() || key == own {
                    continue;
                }
                if alias.chars().count() > EXERCISE_NAME_MAX {
                    self.notes.push(format!(
                        "{origin}: alias {alias:?} dropped: longer than {EXERCISE_NAME_MAX} characters"
                    ));
                } else if exercise.aliases.len() >= MAX_ALIASES {
                    self.notes.push(format!(
                        "{origin}: alias {alias:?} dropped: at most {MAX_ALIASES} aliases"
                    ));
                } else if !taken.insert(key) {
                    self.notes.push(format!(
                        "{origin}: alias {alias:?} of {:?} dropped: another exercise has that name or alias",
                        exercise.name
                    ));
                } else {
                    exercise.aliases.push(alias);
                }
            }
        }
        self.notes.finish(Catalog::new(self.exercises, programs))
    }
}

/// `text` cut to `max` characters (trailing space trimmed) if it is longer.
pub(crate) fn shorten(text: &str, max: usize) -> Option<String> {
    (text.chars().count() > max).then(|| {
        text.chars()
            .take(max)
            .collect::<String>()
            .trim_end()
            .to_owned()
    })
}

fn same_set(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

/// Appends the items of `more` that `into` lacks.
pub(crate) fn join(into: &mut Vec<String>, more: Vec<String>) {
    for item in more {
        if !into.contains(&item) {
            into.push(item);
        }
    }
}

/// The equipment ids of source words; unspecified and unknown words are noted.
pub(crate) fn equipment_ids<'a>(
    words: impl IntoIterator<Item = &'a str>,
    notes: &mut Notes,
) -> Vec<String> {
    let mut ids = Vec::new();
    for word in words {
        match vocabulary::equipment(word) {
            Some(EquipmentWord::Ids(known)) => {
                join(&mut ids, known.iter().map(|id| (*id).to_owned()).collect());
            }
            Some(EquipmentWord::Unspecified) => notes.push(format!(
                "equipment {word:?} names no equipment: left out (the exercise may need some)"
            )),
            None => match vocabulary::token(word) {
                Some(id) => {
                    notes.push(format!(
                        "equipment {word:?} not in the vocabulary: kept as {id:?}"
                    ));
                    join(&mut ids, vec![id]);
                }
                None => notes.push(format!("equipment {word:?} has no usable id: dropped")),
            },
        }
    }
    ids
}

/// The muscle ids of source words; unknown words are kept as tokens and noted.
pub(crate) fn muscle_ids<'a>(
    words: impl IntoIterator<Item = &'a str>,
    notes: &mut Notes,
) -> Vec<String> {
    let mut ids = Vec::new();
    for word in words {
        match vocabulary::muscle(word) {
            Some(id) => join(&mut ids, vec![id.to_owned()]),
            None => match vocabulary::token(word) {
                Some(id) => {
                    notes.push(format!(
                        "muscle {word:?} not in the vocabulary: kept as {id:?}"
                    ));
                    join(&mut ids, vec![id]);
                }
                None => notes.push(format!("muscle {word:?} has no usable id: dropped")),
            },
        }
    }
    ids
}

/// The category of a source word; approximations and unknown words are noted.
pub(crate) fn category_of(word: Option<&str>, notes: &mut Notes) -> Option<Category> {
    let word = word?.trim();
    if word.is_empty() {
        return None;
    }
    match vocabulary::category(word) {
        Some(found) => {
            if !found.exact {
                notes.push(format!(
                    "category {word:?} approximated as {:?}",
                    found.category
                ));
            }
            Some(found.category)
        }
        None => {
            notes.push(format!(
                "category {word:?} has no CatalogJSON category: left out"
            ));
            None
        }
    }
}

/// Instructions as form notes: the steps joined by spaces, `None` when there are none.
pub(crate) fn form_notes(steps: &[String]) -> Option<String> {
    let text = steps
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty()).then_some(text)
}
