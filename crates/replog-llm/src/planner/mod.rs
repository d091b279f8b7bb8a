//! The built-in planner: a deterministic program writer that needs no model. From the
//! athlete context it chooses exercises the athlete has the equipment for, balanced across
//! movement patterns; sets rep ranges and intensities by goal and level (NSCA zones); bases
//! loads on the training-max and e1RM history with a gentle weekly progression and a lighter
//! week in every block of four; honours coach notes that name an exercise or a body part and
//! the simple parts of the coach's directions; and explains every choice with the athlete's
//! own numbers.
//!
//! It answers in the same shapes a model is asked for (an [`Envelope`], a
//! [`Skeleton`](crate::task::Skeleton), a [`WeekAnswer`](crate::task::WeekAnswer)), so its
//! programs go through the same parse-validate path; see [`Planner`]'s
//! [`Provider`](crate::Provider) implementation.
//!
//! Defaults when the request leaves them out (and the directions do not say):
//! - weeks: the current program's length when it is a fixed block of 4-16 weeks, else 4 (one
//!   block: three building weeks and a deload, reference/001's "Month 4");
//! - days per week: the current program's, else the athlete's logged workouts per week
//!   (2-5), else 3.
//!
//! ```
//! use replog_core::context::{ContextOptions, build_context, synthetic_logbook};
//! use replog_llm::planner::Planner;
//! use replog_llm::task::ProgramRequest;
//!
//! let context = build_context(&synthetic_logbook(12, 3, 1), &ContextOptions::default());
//! let plan = Planner::new().plan(&context, &ProgramRequest::default()).unwrap();
//! assert!(!plan.envelope.reasoning.is_empty());
//! assert_eq!(plan.envelope.catalog.programs.len(), 1);
//! ```

mod choose;
mod dose;
mod library;
mod load;
mod notes;
mod pattern;
mod provider;
mod reasoning;

use std::collections::{BTreeMap, HashMap};

use replog_core::context::AthleteContext;
use replog_core::{
    Catalog, Day, Envelope, Exercise, PrescribedExercise, Program, Superset, Unit, Week,
};
use serde::Serialize;

use crate::LlmError;
use crate::provider::{ErrorKind, ProviderError};
use crate::task::ProgramRequest;

pub use dose::Focus;
pub use load::{LoadBasis, TM_FRACTION};
pub use pattern::Pattern;

use choose::{Candidate, Pick, Pool};
use dose::{Athlete, Role};
use library::Loading;
use notes::Constraints;

/// The provider name the planner answers to (`llm.provider = builtin`).
pub const NAME: &str = "builtin";
/// The planner's model name, reported in every response.
pub const MODEL: &str = "replog-planner-1";
/// Weeks when neither the request, the directions nor the current program say.
pub const DEFAULT_WEEKS: u32 = 4;
/// Days per week when neither the request, the directions nor the history say.
pub const DEFAULT_DAYS: u32 = 3;

/// The built-in planner. Stateless and cheap: build one with [`Planner::new`] and share it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Planner;

/// A planned program: the envelope a model would have answered with, and what the planner
/// decided on the way.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The reasoning and the CatalogJSON document (one program, and the exercises it uses
    /// that the context's catalog does not have).
    pub envelope: Envelope,
    /// Weeks in the program.
    pub weeks: u32,
    /// Training days per week.
    pub days_per_week: u32,
    /// What the program trains for.
    pub focus: Focus,
    /// Every exercise the program uses, in order of first use.
    pub exercises: Vec<PlannedExercise>,
    /// What each day of a week trains, in words (`power, squat, horizontal push, ...`), by
    /// day in the week's order.
    pub day_focus: Vec<String>,
}

/// An exercise the program uses and why it is there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedExercise {
    /// The name as the program writes it.
    pub name: String,
    /// The movement pattern it fills.
    pub pattern: Pattern,
    /// Whether the document defines it (it is not in the context's catalog).
    pub defined: bool,
    /// What its loads are based on.
    pub basis: LoadBasis,
}

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

/// Everything decided before the weeks are written, shared with the reasoning.
pub(crate) struct Draft<'c> {
    context: &'c AthleteContext,
    request: &'c ProgramRequest,
    constraints: Constraints,
    unit: Unit,
    weeks: u32,
    weeks_why: String,
    days: u32,
    days_why: String,
    focus: Focus,
    focus_from: Option<String>,
    explosive: bool,
    who: Athlete,
    equipment: Vec<String>,
    pool: Pool<'c>,
    picks: Vec<Vec<Pick>>,
    bases: BTreeMap<(Pattern, usize), (LoadBasis, Option<String>)>,
}

impl<'c> Draft<'c> {
    fn candidate(&self, pick: &Pick) -> Option<&Candidate<'c>> {
        self.pool.of(pick.pattern).get(pick.index)
    }

    fn basis(&self, pick: &Pick) -> LoadBasis {
        self.bases
            .get(&(pick.pattern, pick.index))
            .map_or(LoadBasis::Effort, |(basis, _)| *basis)
    }
}

fn invalid(message: String) -> LlmError {
    LlmError::Provider(ProviderError::new(ErrorKind::InvalidRequest, message))
}

impl Planner {
    /// The planner.
    pub fn new() -> Self {
        Self
    }

    /// Plans a program for the athlete of `context` as `request` asks.
    ///
    /// # Errors
    /// [`LlmError::Provider`] of kind [`ErrorKind::InvalidRequest`] for a request outside
    /// CatalogJSON's limits: 0 or more than 52 weeks, 0 or more than 7 days, a name longer
    /// than 200 characters.
    pub fn plan(&self, context: &AthleteContext, request: &ProgramRequest) -> Result<Plan, LlmError> {
        let draft = draft(context, request)?;
        Ok(write(&draft))
    }
}

fn draft<'c>(context: &'c AthleteContext, request: &'c ProgramRequest) -> Result<Draft<'c>, LlmError> {
    if let Some(weeks) = request.weeks.filter(|w| !(1..=52).contains(w)) {
        return Err(invalid(format!("weeks must be 1-52, got {weeks}")));
    }
    if let Some(days) = request.days_per_week.filter(|d| !(1..=7).contains(d)) {
        return Err(invalid(format!("days_per_week must be 1-7, got {days}")));
    }
    if let Some(name) = &request.name {
        let length = name.trim().chars().count();
        if length > 200 {
            return Err(invalid(format!("name must be at most 200 characters, got {length}")));
        }
    }
    let unit = context.unit.unwrap_or(Unit::Lb);
    let names: Vec<String> = library::LIBRARY
        .iter()
        .map(|e| e.name.to_owned())
        .chain(context.performance.exercise_stats.iter().map(|s| s.exercise.clone()))
        .collect();
    let constraints = notes::read(&context.coach_notes, request.directions.as_deref(), &names, unit);
    let (weeks, weeks_why) = weeks(context, request, &constraints);
    let (days, days_why) = days(context, request, &constraints);
    let goals = [
        context.goals.long_term.as_deref(),
        context.goals.cycle_goal.as_deref(),
        request.directions.as_deref(),
    ];
    let (focus, focus_from) = goals
        .iter()
        .flatten()
        .find_map(|text| dose::focus_of(text).map(|f| (f, Some((*text).to_owned()))))
        .unwrap_or((Focus::General, None));
    let explosive = focus.explosive() || constraints.more_explosive.is_some();
    let who = Athlete {
        youth: context.athlete.age.is_some_and(|age| age < 18),
        low_adherence: context.performance.adherence_rate.is_some_and(|a| a < 0.8),
    };
    let equipment: Vec<String> = context
        .available_equipment
        .iter()
        .filter(|item| {
            !constraints
                .excluded_equipment
                .iter()
                .any(|(out, _)| item.contains(out.as_str()))
        })
        .cloned()
        .collect();
    let pool = Pool::build(context, &constraints, dose::level_of(context), &equipment);
    let picks = choose::assign(&pool, &choose::layout(days, explosive));
    let mut bases = BTreeMap::new();
    for pick in picks.iter().flatten() {
        if let Some(candidate) = pool.of(pick.pattern).get(pick.index) {
            bases
                .entry((pick.pattern, pick.index))
                .or_insert_with(|| LoadBasis::of(candidate, pick.role, &constraints));
        }
    }
    Ok(Draft {
        context,
        request,
        constraints,
        unit,
        weeks,
        weeks_why,
        days,
        days_why,
        focus,
        focus_from,
        explosive,
        who,
        equipment,
        pool,
        picks,
        bases,
    })
}

fn weeks(context: &AthleteContext, request: &ProgramRequest, c: &Constraints) -> (u32, String) {
    if let Some(weeks) = request.weeks {
        return (weeks, "as requested".into());
    }
    if let Some(weeks) = c.weeks {
        return (weeks, "as the directions say".into());
    }
    match &context.current_program {
        Some(p) if !p.is_loop && (4..=16).contains(&p.weeks) => {
            (p.weeks, format!("as long as the current program \"{}\"", p.name))
        }
        _ => (DEFAULT_WEEKS, "one block of four weeks (the default)".into()),
    }
}

fn days(context: &AthleteContext, request: &ProgramRequest, c: &Constraints) -> (u32, String) {
    if let Some(days) = request.days_per_week {
        return (days, "as requested".into());
    }
    if let Some(days) = c.days {
        return (days, "as the directions say".into());
    }
    if let Some(p) = &context.current_program {
        if (1..=7).contains(&p.days_per_week) {
            return (p.days_per_week, format!("as in the current program \"{}\"", p.name));
        }
    }
    let months = context.athlete.training_months;
    if months >= 1 {
        let per_week = f64::from(context.athlete.total_workouts) / (f64::from(months) * 4.35);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to 2-5
        let days = per_week.round().clamp(2.0, 5.0) as u32;
        return (
            days,
            format!(
                "from {} workouts in {months} months (about {} a week)",
                context.athlete.total_workouts,
                load::num(per_week)
            ),
        );
    }
    (DEFAULT_DAYS, "three days (the default)".into())
}

/// The default name: the current program's with its number moved on ("Month 3" gives
/// "Month 4"), else the focus; then the athlete's name.
fn program_name(draft: &Draft<'_>) -> String {
    if let Some(name) = draft.request.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        return name.to_owned();
    }
    let athlete = draft.context.athlete.name.trim();
    let base = draft
        .context
        .current_program
        .as_ref()
        .and_then(|p| next_number(&p.name))
        .unwrap_or_else(|| {
            let mut focus = draft.focus.as_str().to_owned();
            if let Some(first) = focus.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            format!("{focus} block")
        });
    let name = if athlete.is_empty() {
        base
    } else {
        format!("{base} - {athlete}")
    };
    name.chars().take(200).collect()
}

/// `Sport Performance Month 3` as `Sport Performance Month 4`; `None` without a final number.
fn next_number(name: &str) -> Option<String> {
    let name = name.trim();
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, number) = name.split_at(name.len() - digits);
    let number: u32 = number.parse().ok()?;
    Some(format!("{head}{}", number.checked_add(1)?))
}

/// Writes the weeks, the definitions, the rules and the reasoning.
fn write(draft: &Draft<'_>) -> Plan {
    let day_numbers = day_numbers(draft.days);
    let mut previous: HashMap<(Pattern, usize), f64> = HashMap::new();
    let mut weeks = Vec::with_capacity(draft.weeks as usize);
    for number in 1..=draft.weeks {
        let phase = dose::phase(number, draft.weeks);
        let mut days = Vec::with_capacity(draft.picks.len());
        for (d, picks) in draft.picks.iter().enumerate() {
            let mut exercises = Vec::with_capacity(picks.len());
            for pick in picks {
                let Some(candidate) = draft.candidate(pick) else { continue };
                let basis = draft.basis(pick);
                let rep_type = candidate.entry.map_or(
                    if candidate.pattern == Pattern::Carry {
                        replog_core::RepType::Seconds
                    } else {
                        replog_core::RepType::Reps
                    },
                    |e| e.rep_type,
                );
                let barbell = candidate.entry.map_or(
                    matches!(basis, LoadBasis::TrainingMax { .. }),
                    |e| e.loading == Loading::Barbell,
                );
                let dose = dose::dose(draft.focus, pick.role, phase, rep_type, barbell, draft.who);
                let key = (pick.pattern, pick.index);
                let (sets, top) =
                    load::sets(basis, &dose, draft.unit, draft.who.youth, previous.get(&key).copied());
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
        if !used.iter().any(|(p, i, _)| *p == pick.pattern && *i == pick.index) {
            used.push((pick.pattern, pick.index, pick.role));
        }
    }
    let mut exercises = Vec::new();
    let mut definitions = Vec::new();
    let mut rules = Vec::new();
    for &(pattern, index, role) in &used {
        let Some(candidate) = draft.pool.of(pattern).get(index) else { continue };
        let basis = draft
            .bases
            .get(&(pattern, index))
            .map_or(LoadBasis::Effort, |(b, _)| *b);
        if exercises.iter().any(|e: &PlannedExercise| e.name == candidate.name) {
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
            || (role == Role::Power && candidate.entry.is_some_and(|e| e.loading == Loading::Barbell));
        let loaded = candidate.entry.is_none_or(|e| e.loading != Loading::Bodyweight);
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
    fn names_move_their_number_on() {
        assert_eq!(
            next_number("Sport Performance Month 3").as_deref(),
            Some("Sport Performance Month 4")
        );
        assert_eq!(next_number("Block 9").as_deref(), Some("Block 10"));
        assert_eq!(next_number("Base"), None);
        assert_eq!(next_number("99999999999"), None);
    }

    #[test]
    fn training_days_are_spread_and_ascending() {
        for days in 1..=7 {
            let numbers = day_numbers(days);
            assert_eq!(numbers.len(), days as usize);
            assert!(numbers.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
