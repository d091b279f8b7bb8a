//! The non-numeric parts of the context: who the athlete is, the programs they follow and
//! followed, the coaches' notes, their goals, and the catalog they can train from.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::adherence::Tally;
use super::history::{History, program_key};
use super::round;
use crate::calendar::whole_months;
use crate::exercise::{Category, Tier};
use crate::index::ExerciseIndex;
use crate::logbook::{AssignedProgram, Date, Logbook, ProgramStatus};

/// Who the athlete is, with the computed summaries of reference/001.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AthleteProfile {
    /// The athlete's name.
    pub name: String,
    /// Whole years of age on `as_of`, when the birth date is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// The current tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// The long-term goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// What a coach should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Whole months from the first workout to `as_of` (0 without workouts).
    pub training_months: u32,
    /// Workouts on or before `as_of`.
    pub total_workouts: u32,
    /// Earlier tiers, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tier_history: Vec<TierEntry>,
}

/// A tier the athlete was in from a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TierEntry {
    /// The day it took effect.
    pub date: Date,
    /// The tier.
    pub tier: Tier,
}

/// An assigned program, summarised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProgramSummary {
    /// The assignment's name.
    pub name: String,
    /// Where the assignment stands.
    pub status: ProgramStatus,
    /// The day it was assigned.
    pub assigned_at: Date,
    /// The cycle's goal: the assignment's, else the template's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// Weeks in the template (1 for a loop).
    pub weeks: u32,
    /// Training days in the template's busiest week.
    pub days_per_week: u32,
    /// Whether the template is one week repeated.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_loop: bool,
    /// The weeks' labels in order, when any week has one (`-` for a week without).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub week_labels: Vec<String>,
    /// Workouts logged against it on or before `as_of`.
    pub workouts_logged: u32,
    /// How far along the athlete is: the template week of the latest workout against it
    /// (absent for a loop, which is always week 1, and before the first workout).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_week: Option<u32>,
    /// Completed over prescribed sets in those workouts (0 to 1).
    #[serde(
        default,
        serialize_with = "round::opt_num",
        skip_serializing_if = "Option::is_none"
    )]
    pub adherence: Option<f64>,
}

/// A coach's note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NoteEntry {
    /// The day it was written.
    pub date: Date,
    /// The note.
    pub content: String,
    /// Seen by coaches only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    /// Kept at the top.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pinned: bool,
}

/// The athlete's goals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Goals {
    /// The long-term goal (the athlete's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_term: Option<String>,
    /// The goal of the current program's cycle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle_goal: Option<String>,
    /// Earlier long-term goals, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<GoalEntry>,
}

/// A long-term goal from a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GoalEntry {
    /// The day it was set.
    pub date: Date,
    /// The goal.
    pub goal: String,
}

/// A body-weight measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BodyWeightEntry {
    /// The day it was measured.
    pub date: Date,
    /// The body weight.
    #[serde(serialize_with = "round::num")]
    pub weight: f64,
}

/// An exercise of the catalog the athlete has the equipment for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CatalogEntry {
    /// The exercise's name.
    pub name: String,
    /// The equipment it needs (absent for bodyweight).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equipment: Vec<String>,
    /// The kind of training it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
}

/// The athlete's profile on `history.as_of`.
pub(crate) fn profile(logbook: &Logbook, history: &History<'_>) -> AthleteProfile {
    let athlete = &logbook.athlete;
    let mut tiers: Vec<TierEntry> = logbook
        .tier_history
        .iter()
        .filter(|t| t.date <= history.as_of)
        .map(|t| TierEntry {
            date: t.date,
            tier: t.tier,
        })
        .collect();
    tiers.sort_by_key(|t| t.date);
    AthleteProfile {
        name: athlete.name.clone(),
        age: athlete.age_on(history.as_of),
        tier: athlete.tier,
        goal: athlete.goal.clone(),
        notes: athlete.notes.clone(),
        training_months: history
            .dates()
            .next()
            .map_or(0, |first| whole_months(first, history.as_of)),
        total_workouts: u32::try_from(history.workouts.len()).unwrap_or(u32::MAX),
        tier_history: tiers,
    }
}

/// The current program (the newest `active` assignment made on or before `as_of`) and the
/// `limit` newest other assignments made by then, planned ones left out.
pub(crate) fn programs(
    logbook: &Logbook,
    history: &History<'_>,
    limit: usize,
) -> (Option<ProgramSummary>, Vec<ProgramSummary>) {
    let mut assigned: Vec<&AssignedProgram> = logbook
        .programs
        .iter()
        .filter(|p| p.assigned_at <= history.as_of && p.status != ProgramStatus::Planned)
        .collect();
    // Newest first; the logbook's order breaks ties (the sort is stable).
    assigned.sort_by_key(|p| std::cmp::Reverse(p.assigned_at));
    let current = assigned
        .iter()
        .position(|p| p.status == ProgramStatus::Active)
        .map(|index| assigned.remove(index));
    let summary = |program: &AssignedProgram| summarise(program, history);
    (
        current.map(summary),
        assigned.into_iter().take(limit).map(summary).collect(),
    )
}

fn summarise(program: &AssignedProgram, history: &History<'_>) -> ProgramSummary {
    let template = &program.template;
    let key = program_key(&program.name);
    let mut workouts = 0_u32;
    let mut latest_week = None;
    let mut tally = Tally::default();
    for (workout, workout_tally) in history.workouts.iter().zip(&history.tallies) {
        if workout
            .program
            .as_deref()
            .is_some_and(|p| program_key(p) == key)
        {
            workouts += 1;
            latest_week = workout.week.or(latest_week);
            if let Some(t) = workout_tally {
                tally.add(*t);
            }
        }
    }
    let labelled = template.weeks.iter().any(|w| w.label.is_some());
    ProgramSummary {
        name: program.name.clone(),
        status: program.status,
        assigned_at: program.assigned_at,
        goal: program.goal.clone().or_else(|| template.goal.clone()),
        weeks: u32::try_from(template.weeks.len()).unwrap_or(u32::MAX),
        days_per_week: template
            .weeks
            .iter()
            .map(|w| u32::try_from(w.days.len()).unwrap_or(u32::MAX))
            .max()
            .unwrap_or(0),
        is_loop: template.is_loop,
        week_labels: if labelled {
            template
                .weeks
                .iter()
                .map(|w| w.label.clone().unwrap_or_else(|| "-".to_owned()))
                .collect()
        } else {
            Vec::new()
        },
        workouts_logged: workouts,
        latest_week: if template.is_loop { None } else { latest_week },
        adherence: tally.rate().map(round::two),
    }
}

/// Notes written on or before `as_of`, private ones included: pinned first, then newest
/// first.
pub(crate) fn notes(logbook: &Logbook, as_of: Date) -> Vec<NoteEntry> {
    let mut notes: Vec<NoteEntry> = logbook
        .notes
        .iter()
        .filter(|n| n.date <= as_of)
        .map(|n| NoteEntry {
            date: n.date,
            content: n.content.clone(),
            private: n.is_private,
            pinned: n.pinned,
        })
        .collect();
    notes.sort_by(|a, b| b.pinned.cmp(&a.pinned).then_with(|| b.date.cmp(&a.date)));
    notes
}

/// The long-term goal, the current cycle's goal, and the goal history up to `as_of`.
pub(crate) fn goals(logbook: &Logbook, current: Option<&ProgramSummary>, as_of: Date) -> Goals {
    let mut history: Vec<GoalEntry> = logbook
        .goal_history
        .iter()
        .filter(|g| g.date <= as_of)
        .map(|g| GoalEntry {
            date: g.date,
            goal: g.goal.clone(),
        })
        .collect();
    history.sort_by_key(|g| g.date);
    Goals {
        long_term: logbook.athlete.goal.clone(),
        cycle_goal: current.and_then(|c| c.goal.clone()),
        history,
    }
}

/// Body weights up to `as_of`, oldest first: the first measurement and the latest
/// `limit - 1`, so the context shows where the athlete started and where they are.
pub(crate) fn body_weights(logbook: &Logbook, as_of: Date, limit: usize) -> Vec<BodyWeightEntry> {
    let mut all: Vec<BodyWeightEntry> = logbook
        .body_weights
        .iter()
        .filter(|b| b.date <= as_of)
        .map(|b| BodyWeightEntry {
            date: b.date,
            weight: round::one(b.weight),
        })
        .collect();
    all.sort_by_key(|b| b.date);
    if all.len() > limit && limit > 0 {
        let tail = all.split_off(all.len() - (limit - 1));
        all.truncate(1);
        all.extend(tail);
    } else if limit == 0 {
        all.clear();
    }
    all
}

/// The catalog's exercises the athlete can do: every piece of equipment they need is in the
/// logbook's `equipment` (bodyweight exercises always), in the catalog's order.
pub(crate) fn catalog(logbook: &Logbook, index: Option<&ExerciseIndex>) -> Vec<CatalogEntry> {
    let Some(index) = index else {
        return Vec::new();
    };
    index
        .exercises()
        .iter()
        .filter(|e| {
            e.equipment
                .iter()
                .all(|item| logbook.equipment.contains(item))
        })
        .map(|e| CatalogEntry {
            name: e.name.clone(),
            equipment: e.equipment.clone(),
            category: e.category,
        })
        .collect()
}
