//! Volume lint: hard sets per muscle per week.

use std::collections::BTreeMap;

use super::{Context, EPSILON, SOURCE_VOLUME, Tally, WEEKLY_SETS_PER_MUSCLE, warning, week_path};
use crate::{Issue, Set};

/// Whether a set counts as a hard (working) set: a `percent_tm` at or above the threshold's
/// percent of 1RM, else an `rpe` at or above the threshold's RPE, else (no intensity given,
/// or only a `weight`, which says nothing about effort) yes.
pub(super) fn is_hard(cx: &Context<'_>, set: &Set) -> bool {
    if let Some(percent_tm) = set.percent_tm {
        return cx.percent_1rm(percent_tm) + EPSILON >= cx.th.hard_set_min_percent_1rm;
    }
    if let Some(rpe) = set.rpe {
        return rpe >= cx.th.hard_set_min_rpe;
    }
    true
}

/// `lint.weekly_sets_per_muscle`: per week, the hard sets ([`is_hard`]) of every exercise
/// that resolves in the catalog in force count in full for each muscle it lists; a muscle
/// with more than the threshold (20) warns, once per week and muscle, at the week, muscles in
/// alphabetical order. The message lists what the sets come from. Exercises that do not
/// resolve, or list no muscles, are not counted.
pub(super) fn weekly_sets_per_muscle(cx: &Context<'_>, issues: &mut Vec<Issue>) {
    let limit = cx.th.max_weekly_sets_per_muscle;
    for (w, week) in cx.program.weeks.iter().enumerate() {
        let mut muscles: BTreeMap<&str, Tally<'_>> = BTreeMap::new();
        for exercise in week.days.iter().flat_map(|day| &day.exercises) {
            let Some(found) = cx.exercises.resolve(&exercise.exercise) else {
                continue;
            };
            let hard = exercise.sets.iter().filter(|set| is_hard(cx, set)).count();
            let hard = u32::try_from(hard).unwrap_or(u32::MAX);
            if hard == 0 {
                continue;
            }
            let mut seen: Vec<&str> = Vec::new();
            for muscle in &found.muscles {
                if seen.contains(&muscle.as_str()) {
                    continue;
                }
                seen.push(muscle);
                muscles.entry(muscle).or_default().add(&found.name, hard);
            }
        }
        for (muscle, tally) in muscles {
            if tally.total <= limit {
                continue;
            }
            issues.push(warning(
                week_path(w),
                WEEKLY_SETS_PER_MUSCLE,
                format!(
                    "week {} has {} hard sets for {muscle}, more than {limit} a week; \
                     growth rises with weekly sets ({SOURCE_VOLUME}) but little evidence \
                     reaches past about {limit}; they come from {}",
                    week.number,
                    tally.total,
                    tally.sources(),
                ),
            ));
        }
    }
}
