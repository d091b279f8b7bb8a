//! What every converter shares: the error naming where the source cannot be read, the
//! converted value with its notes, the note collector, and the source formats a single file
//! converts from.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use replog_core::Catalog;
use thiserror::Error;

/// Input that a converter cannot read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}: {message}", if at.is_empty() { "document" } else { at.as_str() })]
pub struct ConvertError {
    /// Where: a JSON Pointer into the source document (`""` for the whole document).
    pub at: String,
    /// What is wrong there.
    pub message: String,
}

impl ConvertError {
    /// An error at `at` saying `message`.
    pub fn new(at: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            at: at.into(),
            message: message.into(),
        }
    }

    /// The error serde_json reports for a document that does not fit a source model: the
    /// pointer is not known, so line and column say where.
    pub(crate) fn json(format: &str, error: &serde_json::Error) -> Self {
        Self::new("", format!("not a {format} document: {error}"))
    }
}

/// A converted value and what the conversion had to change to produce it.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion<T> {
    /// The converted value.
    pub value: T,
    /// What was merged, renamed, dropped or approximated, one line each; identical lines
    /// are counted rather than repeated (`... (x12)`).
    pub notes: Vec<String>,
}

/// Collects conversion notes, counting repeats so that a quirk shared by hundreds of
/// records is one line.
#[derive(Debug, Default, Clone)]
pub struct Notes {
    lines: Vec<(String, usize)>,
    seen: HashMap<String, usize>,
}

impl Notes {
    /// No notes yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one note.
    pub fn push(&mut self, note: impl Into<String>) {
        let note = note.into();
        if let Some(&at) = self.seen.get(&note) {
            if let Some(line) = self.lines.get_mut(at) {
                line.1 += 1;
            }
            return;
        }
        self.seen.insert(note.clone(), self.lines.len());
        self.lines.push((note, 1));
    }

    /// The notes in first-seen order, a repeated note once with its count.
    pub fn into_lines(self) -> Vec<String> {
        self.lines
            .into_iter()
            .map(|(note, count)| {
                if count == 1 {
                    note
                } else {
                    format!("{note} (x{count})")
                }
            })
            .collect()
    }

    /// Wraps `value` with these notes.
    pub fn finish<T>(self, value: T) -> Conversion<T> {
        Conversion {
            value,
            notes: self.into_lines(),
        }
    }
}

/// The source formats that convert to a CatalogJSON document from a single file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// free-exercise-db's `exercises.json`.
    FreeExerciseDb,
    /// wger's `english_flat.json` (names inline; see
    /// [`WgerData`](super::wger::WgerData) for the id files).
    Wger,
    /// exercemus's `exercises.json`.
    Exercemus,
    /// An openweight program (`program.schema.json`).
    Openweight,
}

impl Source {
    /// Every source, in the order the command line lists them.
    pub const ALL: [Self; 4] = [
        Self::FreeExerciseDb,
        Self::Wger,
        Self::Exercemus,
        Self::Openweight,
    ];

    /// The name the command line uses.
    pub fn name(self) -> &'static str {
        match self {
            Self::FreeExerciseDb => "free-exercise-db",
            Self::Wger => "wger",
            Self::Exercemus => "exercemus",
            Self::Openweight => "openweight",
        }
    }

    /// Converts one file of this format to a CatalogJSON document.
    pub fn convert(self, text: &str) -> Result<Conversion<Catalog>, ConvertError> {
        match self {
            Self::FreeExerciseDb => super::free_exercise_db::convert(text),
            Self::Wger => super::wger::WgerData::from_json(text, None)?.convert(),
            Self::Exercemus => super::exercemus::convert(text),
            Self::Openweight => super::openweight::convert(text),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A source name that is not one of [`Source::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown source format {0:?}; expected free-exercise-db, wger, exercemus or openweight")]
pub struct UnknownSource(pub String);

impl FromStr for Source {
    type Err = UnknownSource;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|source| source.name() == name)
            .ok_or_else(|| UnknownSource(name.to_owned()))
    }
}

/// Reads a JSON array of records one by one, so that a record that does not fit its model
/// is reported at its index (`/12: missing field `name``).
pub(crate) fn records<T: serde::de::DeserializeOwned>(
    format: &str,
    base: &str,
    values: Vec<serde_json::Value>,
) -> Result<Vec<T>, ConvertError> {
    values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            serde_json::from_value(value).map_err(|error| {
                ConvertError::new(
                    format!("{base}/{i}"),
                    format!("not a {format} record: {error}"),
                )
            })
        })
        .collect()
}
