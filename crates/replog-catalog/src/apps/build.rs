//! Turning an app's rows into a logbook: one workout per (date-time, workout name) in file
//! order, sets numbered per exercise, names resolved against the catalog, the report kept.

use foldhash::{HashMap, HashMapExt};
use jiff::civil::DateTime;
use replog_core::limits::{
    EXERCISE_NAME_MAX, MAX_WORKOUT_SETS, MAX_WORKOUTS, NOTE_MAX, PROGRAM_NAME_MAX,
};
use replog_core::{ExerciseIndex, Logbook, LoggedSet, RepType, SetKind, Unit, Workout};

use super::report::{ImportError, ImportErrorKind, ImportReport, Place, ResolvedName};
use super::values::{REPS_MAX, rounded, too_many};

/// A set as read from a row, before numbering and name resolution.
#[derive(Debug, Clone)]
pub(crate) struct SetRow {
    /// The exercise as the app names it (trimmed, non-empty).
    pub(crate) exercise: String,
    /// What was done.
    pub(crate) amount: Amount,
    /// The load in the logbook's unit; `None` for bodyweight.
    pub(crate) weight: Option<f64>,
    /// RPE already checked to be 1-10.
    pub(crate) rpe: Option<f64>,
    /// Working, warm-up, drop or failure.
    pub(crate) kind: SetKind,
    /// The athlete's note.
    pub(crate) notes: Option<String>,
}

/// What a row says was done: reps, a time, a distance, or a mix.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Amount {
    pub(crate) reps: Option<u32>,
    pub(crate) seconds: Option<f64>,
    pub(crate) metres: Option<f64>,
}

impl Amount {
    /// The set's `reps` and `rep_type`: a distance when one is given, else reps when some
    /// were done, else a time, else the reps given (0: a failed attempt). Also the part that
    /// did not fit (a distance set's time, a rep set's time), to keep in the notes.
    fn resolve(
        self,
        row: u64,
        columns: &Columns<'_>,
    ) -> Result<(u32, RepType, Option<String>), ImportError> {
        let positive = |value: Option<f64>| value.filter(|v| *v > 0.0);
        let time_note = |seconds: Option<f64>| positive(seconds).map(|s| format!("time: {s} s"));
        if let Some(metres) = positive(self.metres) {
            let reps = rounded(metres, REPS_MAX).ok_or_else(|| {
                ImportError::bad_value(
                    row,
                    columns.distance,
                    format!("{metres} m is more than the {REPS_MAX} m a logged set holds"),
                )
            })?;
            return Ok((reps, RepType::Distance, time_note(self.seconds)));
        }
        match (self.reps, positive(self.seconds)) {
            (Some(reps), seconds) if reps > 0 => Ok((reps, RepType::Reps, time_note(seconds))),
            (_, Some(seconds)) => {
                let reps = rounded(seconds, REPS_MAX).ok_or_else(|| {
                    ImportError::bad_value(
                        row,
                        columns.seconds,
                        format!("{seconds} s is more than the {REPS_MAX} s a logged set holds"),
                    )
                })?;
                Ok((reps, RepType::Seconds, None))
            }
            (Some(reps), None) => Ok((reps, RepType::Reps, None)),
            (None, None) => Err(ImportError::bad_value(
                row,
                columns.reps,
                "the set has no reps, time or distance",
            )),
        }
    }
}

/// The names of the columns an [`Amount`] came from, for errors.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Columns<'a> {
    pub(crate) reps: &'a str,
    pub(crate) seconds: &'a str,
    pub(crate) distance: &'a str,
}

#[derive(Debug)]
struct Draft {
    at: DateTime,
    workout: Workout,
    /// Sets so far per exercise (logbook name), for `set_number`.
    counts: HashMap<String, u32>,
}

/// Collects workouts and sets in file order.
#[derive(Debug)]
pub(crate) struct Builder<'a> {
    catalog: Option<&'a ExerciseIndex>,
    drafts: Vec<Draft>,
    by_key: HashMap<(DateTime, String), usize>,
    /// App name -> logbook name, so each name is resolved and reported once.
    names: HashMap<String, String>,
    pub(crate) report: ImportReport,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(catalog: Option<&'a ExerciseIndex>) -> Self {
        Self {
            catalog,
            drafts: Vec::new(),
            by_key: HashMap::new(),
            names: HashMap::new(),
            report: ImportReport::default(),
        }
    }

    /// The workout for this date-time and key (the workout's name, or the app's session
    /// id), opened on first sight; its duration and notes are taken from the first row that
    /// gives them.
    pub(crate) fn workout(
        &mut self,
        row: u64,
        (at, key): (DateTime, &str),
        name: &str,
        duration_seconds: Option<u32>,
        notes: &str,
    ) -> Result<usize, ImportError> {
        let key = (at, key.to_owned());
        let index = match self.by_key.get(&key) {
            Some(&index) => index,
            None => {
                if self.drafts.len() >= MAX_WORKOUTS {
                    return Err(too_many(
                        row,
                        format!("the file has more than {MAX_WORKOUTS} workouts"),
                    ));
                }
                let name = self.bounded(row, "workout name", name, PROGRAM_NAME_MAX);
                let workout = Workout {
                    date: at.date(),
                    name,
                    duration_seconds,
                    program: None,
                    week: None,
                    day: None,
                    sets: Vec::new(),
                    review: None,
                    notes: None,
                };
                self.drafts.push(Draft {
                    at,
                    workout,
                    counts: HashMap::new(),
                });
                self.by_key.insert(key, self.drafts.len() - 1);
                self.drafts.len() - 1
            }
        };
        let notes = self.bounded(row, "workout notes", notes, NOTE_MAX);
        if let Some(draft) = self.drafts.get_mut(index) {
            let workout = &mut draft.workout;
            workout.duration_seconds = workout.duration_seconds.or(duration_seconds);
            if workout.notes.is_none() {
                workout.notes = notes;
            }
        }
        Ok(index)
    }

    /// Adds a set to a workout opened by [`Builder::workout`].
    pub(crate) fn push(
        &mut self,
        row: u64,
        workout: usize,
        set: SetRow,
        columns: &Columns<'_>,
    ) -> Result<(), ImportError> {
        let (reps, rep_type, extra) = set.amount.resolve(row, columns)?;
        let exercise = self.name(row, &set.exercise)?;
        let notes = match (set.notes.filter(|n| !n.is_empty()), extra) {
            (Some(notes), Some(extra)) => Some(format!("{notes} ({extra})")),
            (notes, extra) => notes.or(extra),
        };
        let notes = notes.and_then(|n| self.bounded(row, "set notes", &n, NOTE_MAX));
        let Some(draft) = self.drafts.get_mut(workout) else {
            return Ok(());
        };
        if draft.workout.sets.len() >= MAX_WORKOUT_SETS {
            return Err(too_many(
                row,
                format!("the workout has more than {MAX_WORKOUT_SETS} sets"),
            ));
        }
        let number = draft.counts.entry(exercise.clone()).or_insert(0);
        *number += 1;
        self.report.sets.add(set.kind);
        draft.workout.sets.push(LoggedSet {
            exercise,
            set_number: *number,
            reps,
            weight: set.weight,
            rpe: set.rpe,
            rep_type,
            kind: set.kind,
            notes,
        });
        Ok(())
    }

    /// The logbook name for an app's exercise name: the catalog's when it resolves.
    fn name(&mut self, row: u64, app: &str) -> Result<String, ImportError> {
        if let Some(known) = self.names.get(app) {
            return Ok(known.clone());
        }
        if app.chars().count() > EXERCISE_NAME_MAX {
            return Err(ImportError::at(
                ImportErrorKind::BadValue,
                Place::row(row),
                format!("the exercise name is longer than {EXERCISE_NAME_MAX} characters"),
            ));
        }
        let resolved = self.catalog.and_then(|catalog| catalog.resolve(app));
        let name = match resolved {
            Some(exercise) => {
                self.report.resolved.push(ResolvedName {
                    app: app.to_owned(),
                    catalog: exercise.name.clone(),
                });
                exercise.name.clone()
            }
            None => {
                self.report.unresolved.push(app.to_owned());
                app.to_owned()
            }
        };
        self.names.insert(app.to_owned(), name.clone());
        Ok(name)
    }

    /// `text` as an optional string of at most `max` characters, cut with a warning.
    fn bounded(&mut self, row: u64, what: &str, text: &str, max: usize) -> Option<String> {
        if text.is_empty() {
            return None;
        }
        if text.chars().count() <= max {
            return Some(text.to_owned());
        }
        self.report.warn(
            Place::row(row),
            format!("{what} longer than {max} characters, cut to {max}"),
        );
        Some(text.chars().take(max).collect())
    }

    /// The logbook, workouts sorted by date-time (file order among equals).
    pub(crate) fn finish(
        mut self,
        athlete: &str,
        unit: Option<Unit>,
    ) -> Result<(Logbook, ImportReport), ImportError> {
        self.drafts.retain(|draft| !draft.workout.sets.is_empty());
        if self.drafts.is_empty() {
            return Err(ImportError::file(
                ImportErrorKind::NoWorkouts,
                "no workouts: the file has no sets",
            ));
        }
        self.drafts.sort_by_key(|draft| draft.at);
        let mut logbook = Logbook::new(athlete);
        logbook.unit = unit;
        logbook.workouts = self.drafts.into_iter().map(|d| d.workout).collect();
        self.report.workouts = logbook.workouts.len();
        Ok((logbook, self.report))
    }
}
