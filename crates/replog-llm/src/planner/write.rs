//! Writing the program: the weeks with their days, sets and loads, the document's own
//! exercise definitions, the progression rules, supersets and day names.

use std::collections::HashMap;

use replog_core::{
    Catalog, Day, Envelope, Exercise, PrescribedExercise, Program, RepType, Superset, Week,
};

use super::choose::{Candidate, Pick};
use super::dose::{self, Role};
use super::library::Loading;
use super::load::{self, LoadBasis};
use super::{Draft, Pattern, Plan, PlannedExercise, draft::program_name, reasoning};

/// The training days of a week with `days` days: spread so that rest days fall between.
fn day_numbers(days: u32) -> &'static [u8] {
    match days {
        0 | 1 => &[1],
        2 => &[1, 4],
        3 => &[1, 3, 5],
        4 => &[1, 2, 4, 5],
        5 => &[1, 2, 3, 5, 6],
        6 => &[1, 2, 3, 4, 5, 6],
        _ => &[1, 2, 3, 4, 5, 6, 7],
    }
}

/// Writes the weeks, the definitions, the rules and the reasoning.
pub(crate) fn write(draft: &Draft<'_>) -> Plan {
    let day_numbers = day_numbers(draft.days);
    let mut previous: HashMap<(Pattern, usize), f64> = HashMap::new();
    let mut weeks = Vec::with_capacity(draft.weeks as usize);
    for number in 1..=draft.weeks {
        let phase = dose::phase(number, draft.weeks);
        let mut days = Vec::with_capacity(draft.picks.len());
        for (d, picks) in draft.picks.iter().enumerate() {
            let mut exercises = Vec::with_capacity(picks.len());
            for pick in picks {
                let Some(candidate) = draft.candidate(pick) else {
                    continue;
                };
                let basis = draft.basis(pick);
                let rep_type = candidate.entry.map_or(
                    if candidate.pattern == Pattern::Carry {
                        RepType::Seconds
                    } else {
                        RepType::Reps
                    },
                    |e| e.rep_type,
                );
                let barbell = candidate
                    .entry
                    .map_or(matches!(basis, LoadBasis::TrainingMax { .. }), |e| {
                        e.loading == Loading::Barbell
                    });
                let dose = dose::dose(draft.focus, pick.role, phase, rep_type, barbell, draft.who);
                let key = (pick.pattern, pick.index);
                let (sets, top) = load::sets(
                    basis,
                    &dose,
                    draft.unit,
                    draft.who.youth,
                    previous.get(&key).copied(),
                );
                if let (Some(top), Some(_)) = (top, phase.step) {
                    let entry = previous.entry(key).or_insert(top);
                    *entry = entry.max(top);
                }
                exercises.push(PrescribedExercise {
                    exercise: candidate.name.clone(),
                    sort_order: u32::try_from(exercises.len() + 1).unwrap_or(u32::MAX),
                    superset: None,
                    notes: reasoning::exercise_note(candidate, basis, &sets, pick.role, draft.unit),
                    sets,
                });
            }
            pair_supersets(picks, &mut exercises);
            if exercises.is_empty() {
                continue;
            }
            days.push(Day {
                number: day_numbers.get(d).copied().unwrap_or(7),
                name: Some(day_name(draft, picks)),
                exercises,
            });
        }
        weeks.push(Week {
            number,
            label: (draft.weeks > 1).then(|| dose::label(phase).to_owned()),
            days,
        });
    }

    let mut used: Vec<(Pattern, usize, Role)> = Vec::new();
    for pick in draft.picks.iter().flatten() {
        if !used
            .iter()
            .any(|(p, i, _)| *p == pick.pattern && *i == pick.index)
        {
            used.push((pick.pattern, pick.index, pick.role));
        }
    }
    let mut exercises = Vec::new();
    let mut definitions = Vec::new();
    let mut rules = Vec::new();
    for &(pattern, index, role) in &used {
        let Some(candidate) = draft.pool.of(pattern).get(index) else {
            continue;
        };
        let basis = draft
            .bases
            .get(&(pattern, index))
            .map_or(LoadBasis::Effort, |(b, _)| *b);
        if exercises
            .iter()
            .any(|e: &PlannedExercise| e.name == candidate.name)
        {
            continue;
        }
        exercises.push(PlannedExercise {
            name: candidate.name.clone(),
            pattern,
            defined: !candidate.in_catalog,
            basis,
        });
        if !candidate.in_catalog {
            definitions.push(definition(candidate));
        }
        let compound = matches!(role, Role::Main | Role::Secondary)
            || (role == Role::Power
                && candidate
                    .entry
                    .is_some_and(|e| e.loading == Loading::Barbell));
        let loaded = candidate
            .entry
            .is_none_or(|e| e.loading != Loading::Bodyweight);
        if compound && loaded && rules.len() < 50 {
            let lower = pattern.is_lower() || role == Role::Power;
            rules.extend(load::rule(&candidate.name, basis, lower, draft.unit));
        }
    }

    let day_focus: Vec<String> = draft
        .picks
        .iter()
        .filter(|picks| !picks.is_empty())
        .map(|picks| {
            let names: Vec<&str> = picks.iter().map(|p| p.pattern.as_str()).collect();
            names.join(", ")
        })
        .collect();
    let program = Program {
        name: program_name(draft),
        description: Some(reasoning::description(draft)),
        goal: draft
            .context
            .goals
            .long_term
            .as_deref()
            .or(draft.context.goals.cycle_goal.as_deref())
            .map(|g| g.chars().take(500).collect())
            .or_else(|| Some(draft.focus.as_str().to_owned())),
        unit: Some(draft.unit),
        is_loop: draft.weeks == 1,
        weeks,
        progression_rules: rules,
    };
    let reasoning = reasoning::reasoning(draft, &program, &exercises);
    Plan {
        envelope: Envelope {
            reasoning,
            catalog: Catalog::new(definitions, vec![program]),
        },
        weeks: draft.weeks,
        days_per_week: draft.days,
        focus: draft.focus,
        exercises,
        day_focus,
    }
}

/// The document's definition of an exercise the context's catalog lacks.
fn definition(candidate: &Candidate<'_>) -> Exercise {
    let mut exercise = Exercise::named(candidate.name.clone());
    exercise.equipment.clone_from(&candidate.equipment);
    if let Some(entry) = candidate.entry {
        exercise.category = Some(entry.category);
        exercise.muscles = entry.muscles.iter().map(|m| (*m).to_owned()).collect();
    }
    exercise
}

/// Pairs the day's first push with its first pull as superset `A`: antagonists alternate
/// well and save time.
fn pair_supersets(picks: &[Pick], exercises: &mut [PrescribedExercise]) {
    let push = picks.iter().position(|p| p.pattern.is_push());
    let pull = picks.iter().position(|p| p.pattern.is_pull());
    if let (Some(push), Some(pull)) = (push, pull) {
        for i in [push, pull] {
            if let Some(exercise) = exercises.get_mut(i) {
                exercise.superset = Superset::new('A');
            }
        }
    }
}

/// A day's name from the patterns of its first two exercises (`Power and squat`), or `Full
/// body` for a single day a week.
fn day_name(draft: &Draft<'_>, picks: &[Pick]) -> String {
    if draft.days <= 1 {
        return "Full body".into();
    }
    let mut patterns = picks.iter().map(|p| p.pattern.as_str());
    let mut name = match (patterns.next(), patterns.next()) {
        (Some(a), Some(b)) => format!("{a} and {b}"),
        (Some(a), None) => a.to_owned(),
        _ => "Training".to_owned(),
    };
    if let Some(first) = name.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_days_are_spread_and_ascending() {
        for days in 1..=7 {
            let numbers = day_numbers(days);
            assert_eq!(numbers.len(), days as usize);
            assert!(numbers.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
