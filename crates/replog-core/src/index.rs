//! An index of exercises by normalised name and alias: the host's catalog, built once and
//! reused across validations.

use foldhash::HashMap;

use crate::names::{closest_key, normalize_into};
use crate::{Catalog, Category, Exercise};

/// How similar (Jaro-Winkler, 0 to 1) a name must be to be offered as the closest one: below
/// this a suggestion misleads more than it helps.
pub const SIMILAR: f64 = 0.7;

/// An exercise as the index knows it: its display name and the equipment it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedExercise {
    /// The exercise's name as given.
    pub name: String,
    /// Every piece of equipment it needs; empty for bodyweight.
    pub equipment: Vec<String>,
    /// The kind of training it is, if the catalog says.
    pub category: Option<Category>,
    /// The muscles it trains, as the catalog lists them.
    pub muscles: Vec<String>,
}

/// Exercises looked up by any of their names or aliases after normalisation
/// ([`normalize_name`](crate::normalize_name)).
///
/// When two exercises claim the same key, the first one added keeps it.
#[derive(Debug, Clone, Default)]
pub struct ExerciseIndex {
    exercises: Vec<IndexedExercise>,
    by_key: HashMap<String, usize>,
    /// Keys in the order they were added, so searches break ties the same way every time.
    keys: Vec<(String, usize)>,
}

impl ExerciseIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of a catalog's exercises.
    pub fn from_catalog(catalog: &Catalog) -> Self {
        let mut index = Self::new();
        index.extend(&catalog.exercises);
        index
    }

    /// Adds exercises.
    pub fn extend<'a>(&mut self, exercises: impl IntoIterator<Item = &'a Exercise>) {
        for exercise in exercises {
            self.add(exercise);
        }
    }

    /// Adds one exercise under its name and each alias.
    pub fn add(&mut self, exercise: &Exercise) {
        let position = self.exercises.len();
        self.exercises.push(IndexedExercise {
            name: exercise.name.trim().to_owned(),
            equipment: exercise.equipment.clone(),
            category: exercise.category,
            muscles: exercise.muscles.clone(),
        });
        let mut key = String::new();
        for name in std::iter::once(&exercise.name).chain(&exercise.aliases) {
            normalize_into(name, &mut key);
            if !key.is_empty() && !self.by_key.contains_key(&key) {
                self.by_key.insert(key.clone(), position);
                self.keys.push((key.clone(), position));
            }
        }
    }

    /// Every exercise of the index, in the order added.
    pub fn exercises(&self) -> &[IndexedExercise] {
        &self.exercises
    }

    /// How many exercises the index holds.
    pub fn len(&self) -> usize {
        self.exercises.len()
    }

    /// Whether the index holds no exercise.
    pub fn is_empty(&self) -> bool {
        self.exercises.is_empty()
    }

    /// The exercise with this name or alias, compared after normalisation.
    pub fn resolve(&self, name: &str) -> Option<&IndexedExercise> {
        let mut key = String::new();
        normalize_into(name, &mut key);
        self.get(&key)
    }

    /// The exercise with this already-normalised key.
    pub fn get(&self, key: &str) -> Option<&IndexedExercise> {
        self.by_key
            .get(key)
            .map(|&position| &self.exercises[position])
    }

    /// The position of the exercise with this already-normalised key: the same for all of an
    /// exercise's names and aliases.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// How many names and aliases the index holds: the cost of one closest-name search.
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// The display name whose key is most like `key` (Jaro-Winkler similarity at least
    /// [`SIMILAR`]), among `extra` (key, display name) pairs first and then this index; ties
    /// go to the first.
    pub fn closest<'a>(
        &'a self,
        key: &str,
        extra: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Option<&'a str> {
        let own = self.keys.iter().map(|(candidate, position)| {
            (candidate.as_str(), self.exercises[*position].name.as_str())
        });
        closest_key(key, extra.into_iter().chain(own), SIMILAR)
    }
}
