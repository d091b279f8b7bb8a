//! The logbook as the signals read it: workouts on or before `as_of` in date order, and per
//! exercise (grouped by normalised name, or by the catalog exercise a name resolves to) its
//! sessions, training maxes and prescribed-set tally. Built once in one pass over the sets,
//! so every signal after it reads only the part of the history it needs.

use foldhash::HashMap;

use super::adherence::{self, Amrap, Tally};
use crate::index::ExerciseIndex;
use crate::logbook::{AssignedProgram, Date, Logbook, LoggedSet, TrainingMax, Workout};
use crate::names::normalize_into;

/// The logbook up to `as_of`, indexed for the signals.
pub(crate) struct History<'a> {
    /// The day the history ends; nothing later is in it.
    pub(crate) as_of: Date,
    /// Workouts on or before `as_of`, in date order (see [`History::build`] for ties).
    pub(crate) workouts: Vec<&'a Workout>,
    /// Each exercise, by the id [`Names`] gave it (first seen, first numbered).
    pub(crate) exercises: Vec<ExerciseLog<'a>>,
    /// Per workout (same index as `workouts`): its prescribed and completed sets, `None` for
    /// free training or a template day that cannot be found.
    pub(crate) tallies: Vec<Option<Tally>>,
    /// Every prescribed AMRAP set that was logged, in date order.
    pub(crate) amraps: Vec<Amrap<'a>>,
}

/// One exercise's history.
pub(crate) struct ExerciseLog<'a> {
    /// The name to show: the catalog's when the name resolves in it, else the first spelling
    /// seen: logged sets and the template days of programmed workouts in workout order, then
    /// training maxes.
    pub(crate) name: String,
    /// The workouts with at least one logged set of it, in date order.
    pub(crate) sessions: Vec<Session<'a>>,
    /// Its training maxes on or before `as_of`, in date order.
    pub(crate) training_maxes: Vec<&'a TrainingMax>,
    /// Its prescribed sets in programmed workouts, and how many were completed.
    pub(crate) tally: Tally,
}

/// One workout's sets of one exercise.
pub(crate) struct Session<'a> {
    /// The workout's index in [`History::workouts`].
    pub(crate) workout: usize,
    /// The workout's date.
    pub(crate) date: Date,
    /// Every logged set of the exercise in the workout, warm-ups included, in logged order.
    pub(crate) sets: Vec<&'a LoggedSet>,
}

impl<'a> History<'a> {
    /// Indexes `logbook` up to `as_of`, grouping exercise names through `catalog` when given.
    ///
    /// Workouts are ordered by date, then (for several on one day) by program, week, day and
    /// name, then by their order in the logbook, so that the order a host lists them in does
    /// not change the context unless two workouts are alike in all of these.
    pub(crate) fn build(
        logbook: &'a Logbook,
        as_of: Date,
        catalog: Option<&'a ExerciseIndex>,
    ) -> Self {
        let mut workouts: Vec<&Workout> = logbook
            .workouts
            .iter()
            .filter(|w| w.date <= as_of)
            .collect();
        workouts.sort_by(|a, b| {
            (a.date, &a.program, a.week, a.day, &a.name)
                .cmp(&(b.date, &b.program, b.week, b.day, &b.name))
        });
        let mut history = Self {
            as_of,
            tallies: Vec::with_capacity(workouts.len()),
            workouts,
            exercises: Vec::new(),
            amraps: Vec::new(),
        };
        let mut names = Names::new(catalog);
        let mut programs = adherence::Programs::new(logbook);
        for index in 0..history.workouts.len() {
            let workout = history.workouts[index];
            for set in &workout.sets {
                let id = names.id(&set.exercise, &mut history.exercises);
                let log = &mut history.exercises[id];
                match log.sessions.last_mut() {
                    Some(session) if session.workout == index => session.sets.push(set),
                    _ => log.sessions.push(Session {
                        workout: index,
                        date: workout.date,
                        sets: vec![set],
                    }),
                }
            }
            let tally = adherence::tally_workout(&mut history, index, &mut programs, &mut names);
            history.tallies.push(tally);
        }
        let mut maxes: Vec<&TrainingMax> = logbook
            .training_maxes
            .iter()
            .filter(|t| t.effective_date <= as_of)
            .collect();
        maxes.sort_by_key(|t| t.effective_date);
        for max in maxes {
            let id = names.id(&max.exercise, &mut history.exercises);
            history.exercises[id].training_maxes.push(max);
        }
        history
    }

    /// The workouts' dates, in order.
    pub(crate) fn dates(&self) -> impl DoubleEndedIterator<Item = Date> + '_ {
        self.workouts.iter().map(|w| w.date)
    }
}

/// The sessions dated within `from..=to` (sessions are in date order).
pub(crate) fn sessions_between<'s, 'a>(
    sessions: &'s [Session<'a>],
    from: Date,
    to: Date,
) -> &'s [Session<'a>] {
    let start = sessions.partition_point(|s| s.date < from);
    let end = sessions.partition_point(|s| s.date <= to);
    &sessions[start..end.max(start)]
}

/// Gives each exercise an id by its grouping key, remembering exact spellings so that the
/// name of a set is normalised once per spelling, not once per set.
pub(crate) struct Names<'a> {
    catalog: Option<&'a ExerciseIndex>,
    by_spelling: HashMap<&'a str, usize>,
    by_key: HashMap<String, usize>,
    key: String,
}

impl<'a> Names<'a> {
    fn new(catalog: Option<&'a ExerciseIndex>) -> Self {
        Self {
            catalog,
            by_spelling: HashMap::default(),
            by_key: HashMap::default(),
            key: String::new(),
        }
    }

    /// The id of the exercise `name` names, adding an empty history for a new one.
    pub(crate) fn id(&mut self, name: &'a str, exercises: &mut Vec<ExerciseLog<'a>>) -> usize {
        if let Some(&id) = self.by_spelling.get(name) {
            return id;
        }
        let resolved = self.catalog.and_then(|catalog| catalog.resolve(name));
        let display = resolved.map_or_else(|| name.trim(), |exercise| exercise.name.as_str());
        normalize_into(display, &mut self.key);
        let id = match self.by_key.get(&self.key) {
            Some(&id) => id,
            None => {
                let id = exercises.len();
                exercises.push(ExerciseLog {
                    name: display.to_owned(),
                    sessions: Vec::new(),
                    training_maxes: Vec::new(),
                    tally: Tally::default(),
                });
                self.by_key.insert(self.key.clone(), id);
                id
            }
        };
        self.by_spelling.insert(name, id);
        id
    }
}

/// The assigned program a workout names, compared after normalisation.
pub(crate) fn program_key(name: &str) -> String {
    crate::names::normalize_name(name)
}

/// Assigned programs by normalised name (the first of a name wins).
pub(crate) fn programs_by_key(logbook: &Logbook) -> HashMap<String, &AssignedProgram> {
    let mut map = HashMap::default();
    for program in &logbook.programs {
        map.entry(program_key(&program.name)).or_insert(program);
    }
    map
}
