//! Prescribed sets and whether they were done (`spec/logbook-json.md`, `completion_rate`,
//! weekly adherence and AMRAP results).
//!
//! A workout that names a program, week and day was done against that template day; its
//! prescribed sets are the day's sets, numbered 1, 2, ... per exercise across the day in
//! `sort_order` (an exercise listed twice on a day continues its numbering). Prescribed set
//! `n` with `reps: r` is completed by a working set of the exercise with `set_number == n`
//! and at least `r` reps; an AMRAP set (`reps: null`) by one with at least 1 rep. Warm-up,
//! drop and failure sets never complete a prescribed set.

use foldhash::HashMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::history::{History, Names, program_key, programs_by_key};
use super::round;
use crate::calendar::WeekIndex;
use crate::logbook::{AssignedProgram, Date, Logbook, LoggedSet, Workout};
use crate::program::{Day, Set};

/// Prescribed sets and how many of them were completed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Sets the template prescribed.
    pub(crate) prescribed: u32,
    /// Of those, the ones completed.
    pub(crate) completed: u32,
}

impl Tally {
    /// Adds another tally to this one.
    pub(crate) fn add(&mut self, other: Tally) {
        self.prescribed += other.prescribed;
        self.completed += other.completed;
    }

    /// Completed over prescribed (0 to 1, unrounded); `None` with nothing prescribed.
    pub(crate) fn rate(self) -> Option<f64> {
        (self.prescribed > 0).then(|| f64::from(self.completed) / f64::from(self.prescribed))
    }
}

/// A prescribed AMRAP set that was logged.
pub(crate) struct Amrap<'a> {
    /// The workout's index in [`History::workouts`].
    pub(crate) workout: usize,
    /// The exercise's id in [`History::exercises`].
    pub(crate) exercise: usize,
    /// The logged set (the one with the most reps when several share the set number).
    pub(crate) set: &'a LoggedSet,
}

/// The assigned programs, looked up by the name a workout gives.
pub(crate) struct Programs<'a> {
    by_key: HashMap<String, &'a AssignedProgram>,
    /// Lookups by exact spelling, so each spelling is normalised once.
    by_spelling: HashMap<&'a str, Option<&'a AssignedProgram>>,
}

impl<'a> Programs<'a> {
    /// The logbook's assigned programs.
    pub(crate) fn new(logbook: &'a Logbook) -> Self {
        Self {
            by_key: programs_by_key(logbook),
            by_spelling: HashMap::default(),
        }
    }

    /// The template day `workout` was done against, if it names one that exists. For a loop
    /// program the week is always 1, whatever the workout says.
    pub(crate) fn day(&mut self, workout: &'a Workout) -> Option<&'a Day> {
        let name = workout.program.as_deref()?;
        let by_key = &self.by_key;
        let program = *self
            .by_spelling
            .entry(name)
            .or_insert_with(|| by_key.get(&program_key(name)).copied());
        let template = &program?.template;
        let week = if template.is_loop { 1 } else { workout.week? };
        let day = workout.day?;
        template
            .weeks
            .iter()
            .find(|w| w.number == week)?
            .days
            .iter()
            .find(|d| u32::from(d.number) == day)
    }
}

/// Counts the prescribed and completed sets of workout `index` (whose sets are already in
/// the sessions), adding them to each exercise's tally and recording logged AMRAP sets;
/// `None` when the workout has no template day.
pub(crate) fn tally_workout<'a>(
    history: &mut History<'a>,
    index: usize,
    programs: &mut Programs<'a>,
    names: &mut Names<'a>,
) -> Option<Tally> {
    let day = programs.day(history.workouts[index])?;
    // The day's sets per exercise, in sort order; a day has at most 30 exercises, so a
    // linear search beats a map.
    let mut order: Vec<&_> = day.exercises.iter().collect();
    order.sort_by_key(|e| e.sort_order);
    let mut prescribed: Vec<(usize, Vec<&'a Set>)> = Vec::new();
    for exercise in order {
        let id = names.id(&exercise.exercise, &mut history.exercises);
        match prescribed.iter_mut().find(|(known, _)| *known == id) {
            Some((_, sets)) => sets.extend(&exercise.sets),
            None => prescribed.push((id, exercise.sets.iter().collect())),
        }
    }
    let mut workout_tally = Tally::default();
    for (id, sets) in prescribed {
        let log = &mut history.exercises[id];
        let logged: &[&LoggedSet] = match log.sessions.last() {
            Some(session) if session.workout == index => &session.sets,
            _ => &[],
        };
        let mut tally = Tally::default();
        for (number, set) in (1..).zip(sets) {
            tally.prescribed += 1;
            let best = logged
                .iter()
                .filter(|s| s.set_number == number && s.is_working())
                .max_by_key(|s| s.reps);
            let Some(best) = best else { continue };
            if best.reps >= set.reps.unwrap_or(1).max(1) {
                tally.completed += 1;
                if set.is_amrap() {
                    history.amraps.push(Amrap {
                        workout: index,
                        exercise: id,
                        set: best,
                    });
                }
            }
        }
        history.exercises[id].tally.add(tally);
        workout_tally.add(tally);
    }
    Some(workout_tally)
}

/// Adherence in one ISO week: completed over prescribed sets across all exercises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AdherenceWeek {
    /// The ISO week, such as `2026-W14`.
    pub week: String,
    /// Sets prescribed in the week's programmed workouts.
    pub prescribed: u32,
    /// Of those, the ones completed.
    pub completed: u32,
    /// `completed / prescribed`, to two decimals.
    #[serde(serialize_with = "round::num")]
    pub rate: f64,
}

/// Per ISO week with prescribed sets, in date order: the weekly adherence of the spec.
pub(crate) fn weekly(history: &History<'_>) -> Vec<(WeekIndex, Tally)> {
    let mut weeks: Vec<(WeekIndex, Tally)> = Vec::new();
    for (workout, tally) in history.workouts.iter().zip(&history.tallies) {
        let Some(tally) = tally else { continue };
        let week = WeekIndex::of(workout.date);
        match weeks.last_mut() {
            Some((last, total)) if *last == week => total.add(*tally),
            _ => weeks.push((week, *tally)),
        }
    }
    weeks.retain(|(_, tally)| tally.prescribed > 0);
    weeks
}

/// The output form of a week's tally.
pub(crate) fn adherence_week(week: WeekIndex, tally: Tally) -> AdherenceWeek {
    AdherenceWeek {
        week: week.label(),
        prescribed: tally.prescribed,
        completed: tally.completed,
        rate: round::two(tally.rate().unwrap_or(0.0)),
    }
}

/// The tally of the programmed workouts dated within `from..=to`.
pub(crate) fn tally_between(history: &History<'_>, from: Date, to: Date) -> Tally {
    let mut total = Tally::default();
    for (workout, tally) in history.workouts.iter().zip(&history.tallies) {
        match tally {
            Some(tally) if (from..=to).contains(&workout.date) => total.add(*tally),
            _ => {}
        }
    }
    total
}
