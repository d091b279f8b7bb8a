//! Applying a reviewed plan: the final document to import, validated against the host.

use replog_core::{Catalog, Exercise};

use super::build::ImportPlanner;
use super::review::Reviewed;
use super::{Applied, ExerciseDecision, ProgramDecision};

/// Builds the final document of a reviewed plan without error conflicts and validates it
/// against the host's catalog.
pub(super) fn apply(planner: &ImportPlanner, document: &Catalog, reviewed: Reviewed) -> Applied {
    let Reviewed {
        plan,
        units,
        unit_of,
        program_of,
    } = reviewed;

    // Each exercise of the document: its decision, and the name its references take when
    // that changes (a host exercise's catalog name, or a new name).
    let mut decisions: Vec<Option<&ExerciseDecision>> = vec![None; units.units.len()];
    for (mapping, unit) in plan.exercises.iter().zip(&unit_of) {
        if let Some(slot) = unit.and_then(|u| decisions.get_mut(u)) {
            *slot = Some(&mapping.decision);
        }
    }
    let renamed: Vec<Option<String>> = decisions
        .iter()
        .map(|decision| match decision {
            Some(ExerciseDecision::Use { exercise }) => Some(
                planner
                    .host_exercise(exercise)
                    .map_or(exercise.trim(), |(_, name, _)| name)
                    .to_owned(),
            ),
            Some(ExerciseDecision::Create { name: Some(name) }) => Some(name.trim().to_owned()),
            Some(ExerciseDecision::Create { name: None }) | None => None,
        })
        .collect();

    // Exercises: the definitions kept (in document order), then the names only referenced
    // that are created, with nothing but their name. Review leaves no exercise without a
    // decision; one would be kept, never dropped.
    let mut exercises = Vec::with_capacity(units.units.len());
    for ((unit, decision), new_name) in units.units.iter().zip(&decisions).zip(&renamed) {
        if matches!(decision, Some(ExerciseDecision::Use { .. })) {
            continue;
        }
        let mut exercise = unit
            .definition
            .and_then(|i| document.exercises.get(i))
            .cloned()
            .unwrap_or_else(|| Exercise::named(unit.name.clone()));
        if let Some(name) = new_name {
            exercise.name.clone_from(name);
        }
        exercises.push(exercise);
    }

    // Programs, in document order: renamed or left out, references renamed.
    let mut program_decisions: Vec<Option<&ProgramDecision>> = vec![None; document.programs.len()];
    for (entry, program) in plan.programs.iter().zip(&program_of) {
        if let Some(slot) = program.and_then(|p| program_decisions.get_mut(p)) {
            *slot = Some(&entry.decision);
        }
    }
    let rename = |name: &mut String| {
        if let Some(new_name) = units
            .resolve(name)
            .and_then(|u| renamed.get(u))
            .and_then(Option::as_ref)
        {
            name.clone_from(new_name);
        }
    };
    let mut programs = Vec::with_capacity(document.programs.len());
    for (program, decision) in document.programs.iter().zip(&program_decisions) {
        let name = match decision {
            Some(ProgramDecision::Skip) => continue,
            Some(ProgramDecision::Create) | None => program.name.clone(),
            Some(ProgramDecision::Replace { existing }) => planner
                .host_program(existing)
                .unwrap_or(existing.trim())
                .to_owned(),
            Some(ProgramDecision::Rename { name }) => name.trim().to_owned(),
        };
        let mut program = program.clone();
        program.name = name;
        for week in &mut program.weeks {
            for day in &mut week.days {
                for prescribed in &mut day.exercises {
                    rename(&mut prescribed.exercise);
                }
            }
        }
        for rule in &mut program.progression_rules {
            rename(&mut rule.exercise);
        }
        programs.push(program);
    }

    let document = Catalog::new(exercises, programs);
    // A document built from a valid one always serialises; empty text would be reported.
    let text = serde_json::to_vec(&document).unwrap_or_default();
    let validation = planner.validator().validate(&text);
    Applied {
        document,
        validation,
        plan,
    }
}
