//! Reviewing a plan: matching its entries to the document, recomputing each entry's facts,
//! and finding the conflicts of its decisions.

use foldhash::{HashMap, HashMapExt};
use replog_core::{Catalog, normalize_name};

use super::build::{ImportPlanner, Units, canonical_set};
use super::{
    Conflict, ConflictCode, ExerciseDecision, ExerciseMapping, ImportPlan, PlanSummary,
    ProgramDecision, ProgramPlan,
};

/// A reviewed plan and how its entries tie to the document.
#[derive(Debug, Clone)]
pub(super) struct Reviewed {
    /// The plan: entries refreshed, conflicts and summary recomputed.
    pub(super) plan: ImportPlan,
    /// The document's exercises as the plan sees them.
    pub(super) units: Units,
    /// For each exercise entry of the plan, the unit it decides (`None`: not in the
    /// document, or a second entry for the same one).
    pub(super) unit_of: Vec<Option<usize>>,
    /// For each program entry of the plan, the document program it decides.
    pub(super) program_of: Vec<Option<usize>>,
}

/// A host exercise a mapping uses.
struct Target {
    entry: usize,
    position: usize,
    name: String,
}

/// An exercise the import creates.
struct Created {
    entry: usize,
    name: String,
    /// The normalised keys it takes: its name first, then its aliases.
    keys: Vec<String>,
}

fn exercise_at(entry: usize) -> String {
    format!("/exercises/{entry}")
}

fn program_at(entry: usize) -> String {
    format!("/programs/{entry}")
}

/// An equipment list for a message.
fn equipment_text(items: &[String]) -> String {
    let ids = canonical_set(items);
    if ids.is_empty() {
        "no equipment".to_owned()
    } else {
        ids.join(", ")
    }
}

/// Pairs plan entries with the document's items by normalised name, each item once, in
/// order: `(entry -> item)`, and which items no entry claimed.
fn pair(entry_keys: &[String], item_keys: &[String]) -> (Vec<Option<usize>>, Vec<bool>) {
    // Each key's items, in order, consumed from the front.
    let mut free: HashMap<&str, std::collections::VecDeque<usize>> = HashMap::new();
    for (i, key) in item_keys.iter().enumerate() {
        free.entry(key.as_str()).or_default().push_back(i);
    }
    let mut claimed = vec![false; item_keys.len()];
    let pairs = entry_keys
        .iter()
        .map(|key| {
            let found = free.get_mut(key.as_str())?.pop_front()?;
            if let Some(slot) = claimed.get_mut(found) {
                *slot = true;
            }
            Some(found)
        })
        .collect();
    (pairs, claimed)
}

impl ImportPlanner {
    /// Reviews `edited` against the document, or builds a fresh plan when there is none.
    pub(super) fn reviewed(&self, document: &Catalog, edited: Option<&ImportPlan>) -> Reviewed {
        let units = Units::of(document);
        let mut conflicts = Vec::new();

        // Exercise entries, matched to the document's exercises by name.
        let edited_exercises = edited.map_or(&[][..], |plan| plan.exercises.as_slice());
        let entry_keys: Vec<String> = edited_exercises
            .iter()
            .map(|entry| normalize_name(&entry.name))
            .collect();
        let unit_keys: Vec<String> = units.units.iter().map(|unit| unit.key.clone()).collect();
        let (mut unit_of, claimed) = pair(&entry_keys, &unit_keys);
        let mut exercises: Vec<ExerciseMapping> = Vec::with_capacity(units.units.len());
        for (i, entry) in edited_exercises.iter().enumerate() {
            match unit_of
                .get(i)
                .copied()
                .flatten()
                .and_then(|u| units.units.get(u))
            {
                Some(unit) => {
                    let mut mapping = self.fresh_mapping(document, unit);
                    mapping.decision = entry.decision.clone();
                    exercises.push(mapping);
                }
                None => {
                    exercises.push(entry.clone());
                    conflicts.push(unmatched_exercise(i, entry, &entry_keys, &unit_keys));
                }
            }
        }
        for (u, unit) in units.units.iter().enumerate() {
            if claimed.get(u).copied().unwrap_or(false) {
                continue;
            }
            let mapping = self.fresh_mapping(document, unit);
            if edited.is_some() {
                conflicts.push(Conflict::new(
                    ConflictCode::MissingDecision,
                    vec![exercise_at(exercises.len())],
                    format!(
                        "the plan had no decision for the document's exercise {:?}; it is added \
                         with the default decision ({}): confirm or change it",
                        unit.name,
                        describe(&mapping.decision)
                    ),
                ));
            }
            exercises.push(mapping);
            unit_of.push(Some(u));
        }

        let (targets, created) =
            self.exercise_conflicts(document, &units, &exercises, &unit_of, &mut conflicts);
        cross_conflicts(&exercises, &targets, &created, &mut conflicts);

        // Program entries, matched to the document's programs by name.
        let edited_programs = edited.map_or(&[][..], |plan| plan.programs.as_slice());
        let entry_keys: Vec<String> = edited_programs
            .iter()
            .map(|entry| normalize_name(&entry.name))
            .collect();
        let program_keys: Vec<String> = document
            .programs
            .iter()
            .map(|program| normalize_name(&program.name))
            .collect();
        let (mut program_of, claimed) = pair(&entry_keys, &program_keys);
        let mut programs: Vec<ProgramPlan> = Vec::with_capacity(document.programs.len());
        for (i, entry) in edited_programs.iter().enumerate() {
            match program_of
                .get(i)
                .copied()
                .flatten()
                .and_then(|p| document.programs.get(p))
            {
                Some(program) => {
                    let mut fresh = self.fresh_program(program.name.trim());
                    fresh.decision = entry.decision.clone();
                    programs.push(fresh);
                }
                None => {
                    programs.push(entry.clone());
                    conflicts.push(unmatched_program(i, entry, &entry_keys, &program_keys));
                }
            }
        }
        for (p, program) in document.programs.iter().enumerate() {
            if claimed.get(p).copied().unwrap_or(false) {
                continue;
            }
            let fresh = self.fresh_program(program.name.trim());
            if edited.is_some() {
                conflicts.push(Conflict::new(
                    ConflictCode::MissingDecision,
                    vec![program_at(programs.len())],
                    format!(
                        "the plan had no decision for the document's program {:?}; it is added \
                         with the default decision ({}): confirm or change it",
                        fresh.name,
                        describe_program(&fresh.decision)
                    ),
                ));
            }
            programs.push(fresh);
            program_of.push(Some(p));
        }
        let finals = self.program_conflicts(&programs, &program_of, &mut conflicts);

        let summary = self.summary(&exercises, &unit_of, &units, &programs, &finals);
        Reviewed {
            plan: ImportPlan {
                exercises,
                programs,
                conflicts,
                summary,
            },
            units,
            unit_of,
            program_of,
        }
    }

    /// The conflicts of each exercise decision on its own; returns the host exercises used
    /// and the exercises created, for the conflicts between decisions.
    fn exercise_conflicts(
        &self,
        document: &Catalog,
        units: &Units,
        exercises: &[ExerciseMapping],
        unit_of: &[Option<usize>],
        conflicts: &mut Vec<Conflict>,
    ) -> (Vec<Target>, Vec<Created>) {
        let mut targets = Vec::new();
        let mut created = Vec::new();
        for (entry, mapping) in exercises.iter().enumerate() {
            let Some(unit) = unit_of
                .get(entry)
                .copied()
                .flatten()
                .and_then(|u| units.units.get(u))
            else {
                continue;
            };
            let definition = unit.definition.and_then(|i| document.exercises.get(i));
            match &mapping.decision {
                ExerciseDecision::Use { exercise } => match self.host_exercise(exercise) {
                    None => {
                        let hint = self
                            .matcher()
                            .index()
                            .closest(&normalize_name(exercise), [])
                            .map(|name| format!(" (did you mean {name:?}?)"))
                            .unwrap_or_default();
                        conflicts.push(Conflict::new(
                            ConflictCode::UnknownHostExercise,
                            vec![format!("{}/decision/exercise", exercise_at(entry))],
                            format!(
                                "{:?} is mapped to {exercise:?}, which the host's catalog does \
                                 not have{hint}: choose a host exercise or create it",
                                mapping.name
                            ),
                        ));
                    }
                    Some((position, name, equipment)) => {
                        if let Some(own) = definition
                            && canonical_set(&own.equipment) != canonical_set(equipment)
                        {
                            conflicts.push(Conflict::new(
                                ConflictCode::EquipmentDiffers,
                                vec![exercise_at(entry)],
                                format!(
                                    "the document's {:?} needs {}; the host's {name:?} it maps \
                                     to needs {}",
                                    mapping.name,
                                    equipment_text(&own.equipment),
                                    equipment_text(equipment)
                                ),
                            ));
                        }
                        targets.push(Target {
                            entry,
                            position,
                            name: name.to_owned(),
                        });
                    }
                },
                ExerciseDecision::Create { name } => {
                    let final_name = name.as_deref().unwrap_or(&unit.name).trim();
                    if final_name.is_empty() {
                        conflicts.push(Conflict::new(
                            ConflictCode::BlankName,
                            vec![format!("{}/decision/name", exercise_at(entry))],
                            format!(
                                "{:?} is to be created under an empty name: give a name or \
                                 leave the name out to keep the document's",
                                mapping.name
                            ),
                        ));
                        continue;
                    }
                    if let Some((_, host, _)) = self.host_exercise(final_name) {
                        conflicts.push(Conflict::new(
                            ConflictCode::ExerciseExists,
                            vec![format!("{}/decision", exercise_at(entry))],
                            format!(
                                "{final_name:?} is to be created, but the host's catalog already \
                                 has it ({host:?}): use the host exercise, or create it under \
                                 another name"
                            ),
                        ));
                    }
                    let mut keys = vec![normalize_name(final_name)];
                    keys.extend(
                        definition
                            .into_iter()
                            .flat_map(|own| &own.aliases)
                            .map(|alias| normalize_name(alias))
                            .filter(|key| !key.is_empty()),
                    );
                    created.push(Created {
                        entry,
                        name: final_name.to_owned(),
                        keys,
                    });
                }
            }
        }
        // Aliases of new exercises that the host already uses.
        let used: HashMap<String, usize> = targets
            .iter()
            .map(|target| (normalize_name(&target.name), target.entry))
            .collect();
        for new in &created {
            for key in new.keys.iter().skip(1) {
                if let Some(&user) = used.get(key) {
                    conflicts.push(Conflict::new(
                        ConflictCode::ShadowedExercise,
                        vec![
                            format!("{}/decision", exercise_at(new.entry)),
                            format!("{}/decision", exercise_at(user)),
                        ],
                        format!(
                            "the new exercise {:?} has the alias {key:?}, the name of the host \
                             exercise {:?} maps to, so those references would resolve to {:?}: \
                             use a host exercise for one of them",
                            new.name,
                            exercises.get(user).map_or("", |m| m.name.as_str()),
                            new.name
                        ),
                    ));
                } else if let Some((_, host, _)) = self.host_exercise(key) {
                    conflicts.push(Conflict::new(
                        ConflictCode::AliasTaken,
                        vec![exercise_at(new.entry)],
                        format!(
                            "the new exercise {:?} has the alias {key:?}, which the host's \
                             catalog already uses for {host:?}",
                            new.name
                        ),
                    ));
                }
            }
        }
        (targets, created)
    }

    /// The conflicts of the program decisions; returns each entry's final name (`None`:
    /// skipped, or not tied to the document).
    fn program_conflicts(
        &self,
        programs: &[ProgramPlan],
        program_of: &[Option<usize>],
        conflicts: &mut Vec<Conflict>,
    ) -> Vec<Option<String>> {
        let mut finals = Vec::with_capacity(programs.len());
        for (entry, program) in programs.iter().enumerate() {
            if program_of.get(entry).copied().flatten().is_none() {
                finals.push(None);
                continue;
            }
            let at = format!("{}/decision", program_at(entry));
            let final_name = match &program.decision {
                ProgramDecision::Create => {
                    if let Some(host) = self.host_program(&program.name) {
                        conflicts.push(Conflict::new(
                            ConflictCode::ProgramExists,
                            vec![at],
                            format!(
                                "the host already has a program named {host:?}: replace it, \
                                 rename {:?}, or skip it",
                                program.name
                            ),
                        ));
                    }
                    Some(program.name.trim().to_owned())
                }
                ProgramDecision::Replace { existing } => match self.host_program(existing) {
                    Some(host) => Some(host.to_owned()),
                    None => {
                        conflicts.push(Conflict::new(
                            ConflictCode::UnknownHostProgram,
                            vec![format!("{at}/existing")],
                            format!(
                                "{:?} is to replace {existing:?}, which is not a host program: \
                                 create, rename or skip it instead",
                                program.name
                            ),
                        ));
                        Some(existing.trim().to_owned())
                    }
                },
                ProgramDecision::Rename { name } => {
                    let name = name.trim();
                    if name.is_empty() {
                        conflicts.push(Conflict::new(
                            ConflictCode::BlankName,
                            vec![format!("{at}/name")],
                            format!("{:?} is renamed to an empty name", program.name),
                        ));
                    } else if let Some(host) = self.host_program(name) {
                        conflicts.push(Conflict::new(
                            ConflictCode::ProgramNameTaken,
                            vec![format!("{at}/name")],
                            format!(
                                "{:?} is renamed to {name:?}, the name of the host's program \
                                 {host:?}: replace {host:?} instead, or choose another name",
                                program.name
                            ),
                        ));
                    }
                    Some(name.to_owned())
                }
                ProgramDecision::Skip => None,
            };
            finals.push(final_name);
        }
        let mut first: HashMap<String, usize> = HashMap::new();
        for (entry, name) in finals.iter().enumerate() {
            let Some(name) = name else { continue };
            let key = normalize_name(name);
            if key.is_empty() {
                continue;
            }
            match first.get(&key) {
                Some(&earlier) => conflicts.push(Conflict::new(
                    ConflictCode::DuplicateProgram,
                    vec![
                        format!("{}/decision", program_at(entry)),
                        format!("{}/decision", program_at(earlier)),
                    ],
                    format!(
                        "{:?} and {:?} would both be imported as {name:?}: rename or skip one",
                        programs.get(entry).map_or("", |p| p.name.as_str()),
                        programs.get(earlier).map_or("", |p| p.name.as_str()),
                    ),
                )),
                None => {
                    first.insert(key, entry);
                }
            }
        }
        finals
    }

    /// What the decisions add up to.
    fn summary(
        &self,
        exercises: &[ExerciseMapping],
        unit_of: &[Option<usize>],
        units: &Units,
        programs: &[ProgramPlan],
        finals: &[Option<String>],
    ) -> PlanSummary {
        let mut summary = PlanSummary::default();
        let mut used_positions = std::collections::HashSet::new();
        for (mapping, unit) in exercises.iter().zip(unit_of) {
            let Some(unit) = unit.and_then(|u| units.units.get(u)) else {
                continue;
            };
            match &mapping.decision {
                ExerciseDecision::Use { exercise } => {
                    if let Some((position, name, _)) = self.host_exercise(exercise)
                        && used_positions.insert(position)
                    {
                        summary.exercises_to_use.push(name.to_owned());
                    }
                }
                ExerciseDecision::Create { name } => {
                    let name = name.as_deref().unwrap_or(&unit.name).trim();
                    if !name.is_empty() {
                        summary.exercises_to_create.push(name.to_owned());
                    }
                }
            }
        }
        for (program, final_name) in programs.iter().zip(finals) {
            let Some(final_name) = final_name else {
                if program.decision == ProgramDecision::Skip {
                    summary.programs_to_skip.push(program.name.clone());
                }
                continue;
            };
            match program.decision {
                ProgramDecision::Replace { .. } => {
                    summary.programs_to_replace.push(final_name.clone());
                }
                ProgramDecision::Create | ProgramDecision::Rename { .. } => {
                    summary.programs_to_create.push(final_name.clone());
                }
                ProgramDecision::Skip => {}
            }
        }
        summary
    }
}

/// The conflicts between exercise decisions: names taken twice by new exercises, and host
/// exercises used by more than one mapping.
fn cross_conflicts(
    exercises: &[ExerciseMapping],
    targets: &[Target],
    created: &[Created],
    conflicts: &mut Vec<Conflict>,
) {
    let name_of = |entry: usize| exercises.get(entry).map_or("", |m| m.name.as_str());
    let mut owner: HashMap<&str, usize> = HashMap::new();
    for new in created {
        let mut reported = Vec::new();
        for key in &new.keys {
            match owner.get(key.as_str()) {
                Some(&other) if other != new.entry && !reported.contains(&other) => {
                    reported.push(other);
                    conflicts.push(Conflict::new(
                        ConflictCode::DuplicateExercise,
                        vec![
                            format!("{}/decision", exercise_at(new.entry)),
                            format!("{}/decision", exercise_at(other)),
                        ],
                        format!(
                            "{:?} and {:?} would both be created with the name or alias {key:?}: \
                             rename one, or use a host exercise for one",
                            name_of(new.entry),
                            name_of(other)
                        ),
                    ));
                }
                Some(_) => {}
                None => {
                    owner.insert(key, new.entry);
                }
            }
        }
    }
    // Host exercises in order of first use, each with the entries that use it.
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for target in targets {
        match group_of.get(&target.position) {
            Some(&group) => {
                if let Some((_, entries)) = groups.get_mut(group) {
                    entries.push(target.entry);
                }
            }
            None => {
                group_of.insert(target.position, groups.len());
                groups.push((&target.name, vec![target.entry]));
            }
        }
    }
    for (host, entries) in groups.into_iter().filter(|(_, e)| e.len() > 1) {
        let names: Vec<String> = entries
            .iter()
            .map(|&entry| format!("{:?}", name_of(entry)))
            .collect();
        conflicts.push(Conflict::new(
            ConflictCode::SameHostExercise,
            entries
                .iter()
                .map(|&entry| format!("{}/decision", exercise_at(entry)))
                .collect(),
            format!(
                "{} all map to the host's {host:?}: after the import they are one exercise",
                names.join(", ")
            ),
        ));
    }
}

/// The conflict of an exercise entry tied to nothing in the document.
fn unmatched_exercise(
    entry: usize,
    mapping: &ExerciseMapping,
    entry_keys: &[String],
    unit_keys: &[String],
) -> Conflict {
    let key = entry_keys.get(entry).map_or("", String::as_str);
    let earlier = unit_keys
        .iter()
        .any(|unit| unit == key)
        .then(|| entry_keys.iter().take(entry).position(|other| other == key))
        .flatten();
    match earlier {
        Some(first) => Conflict::new(
            ConflictCode::DuplicateDecision,
            vec![exercise_at(entry), exercise_at(first)],
            format!(
                "a second mapping for {:?}: remove one of the two",
                mapping.name
            ),
        ),
        None => Conflict::new(
            ConflictCode::NotInDocument,
            vec![exercise_at(entry)],
            format!(
                "the mapping for {:?} names no exercise of the document (neither defined nor \
                 referenced): remove it",
                mapping.name
            ),
        ),
    }
}

/// The conflict of a program entry tied to nothing in the document.
fn unmatched_program(
    entry: usize,
    program: &ProgramPlan,
    entry_keys: &[String],
    program_keys: &[String],
) -> Conflict {
    let key = entry_keys.get(entry).map_or("", String::as_str);
    let earlier = program_keys
        .iter()
        .any(|program| program == key)
        .then(|| entry_keys.iter().take(entry).position(|other| other == key))
        .flatten();
    match earlier {
        Some(first) => Conflict::new(
            ConflictCode::DuplicateDecision,
            vec![program_at(entry), program_at(first)],
            format!(
                "a second decision for the program {:?}: remove one of the two",
                program.name
            ),
        ),
        None => Conflict::new(
            ConflictCode::NotInDocument,
            vec![program_at(entry)],
            format!(
                "the decision for {:?} names no program of the document: remove it",
                program.name
            ),
        ),
    }
}

/// An exercise decision in words.
fn describe(decision: &ExerciseDecision) -> String {
    match decision {
        ExerciseDecision::Use { exercise } => format!("use the host's {exercise:?}"),
        ExerciseDecision::Create { name: Some(name) } => format!("create it as {name:?}"),
        ExerciseDecision::Create { name: None } => "create it".to_owned(),
    }
}

/// A program decision in words.
fn describe_program(decision: &ProgramDecision) -> String {
    match decision {
        ProgramDecision::Create => "create it".to_owned(),
        ProgramDecision::Replace { existing } => format!("replace the host's {existing:?}"),
        ProgramDecision::Rename { name } => format!("create it as {name:?}"),
        ProgramDecision::Skip => "skip it".to_owned(),
    }
}
