//! The decisions before any week is written: the request checked against CatalogJSON's
//! limits, the notes and directions read, the number of weeks and days, the focus, the
//! exercise pool and the day slots, each exercise's load basis, and the program's name.

use std::collections::BTreeMap;

use replog_core::Unit;
use replog_core::context::AthleteContext;

use super::choose::{self, Pool};
use super::dose::{self, Athlete, Focus};
use super::load::{self, LoadBasis};
use super::notes::{self, Constraints};
use super::{DEFAULT_DAYS, DEFAULT_WEEKS, Draft, invalid, library};
use crate::LlmError;
use crate::task::ProgramRequest;

pub(crate) fn draft<'c>(
    context: &'c AthleteContext,
    request: &'c ProgramRequest,
) -> Result<Draft<'c>, LlmError> {
    if let Some(weeks) = request.weeks.filter(|w| !(1..=52).contains(w)) {
        return Err(invalid(format!("weeks must be 1-52, got {weeks}")));
    }
    if let Some(days) = request.days_per_week.filter(|d| !(1..=7).contains(d)) {
        return Err(invalid(format!("days_per_week must be 1-7, got {days}")));
    }
    if let Some(name) = &request.name {
        let length = name.trim().chars().count();
        if length > 200 {
            return Err(invalid(format!(
                "name must be at most 200 characters, got {length}"
            )));
        }
    }
    let unit = context.unit.unwrap_or(Unit::Lb);
    let names: Vec<String> = library::LIBRARY
        .iter()
        .map(|e| e.name.to_owned())
        .chain(
            context
                .performance
                .exercise_stats
                .iter()
                .map(|s| s.exercise.clone()),
        )
        .collect();
    let constraints = notes::read(
        &context.coach_notes,
        request.directions.as_deref(),
        &names,
        unit,
    );
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
                .or_insert_with(|| LoadBasis::of(candidate, pick.role, &constraints, unit));
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
        Some(p) if !p.is_loop && (4..=16).contains(&p.weeks) => (
            p.weeks,
            format!("as long as the current program \"{}\"", p.name),
        ),
        _ => (
            DEFAULT_WEEKS,
            "one block of four weeks (the default)".into(),
        ),
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
            return (
                p.days_per_week,
                format!("as in the current program \"{}\"", p.name),
            );
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
pub(crate) fn program_name(draft: &Draft<'_>) -> String {
    if let Some(name) = draft
        .request
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
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
}
