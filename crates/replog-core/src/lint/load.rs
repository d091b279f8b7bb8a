//! Load lints: reps the load makes impossible, week-over-week load jumps, and long runs of
//! weeks without a lighter one.

use std::collections::BTreeMap;

use super::{
    Context, EPSILON, LOAD_JUMP, Loc, NO_LIGHTER_WEEK, REPS_BEYOND_MAX, SOURCE_DELOAD, SOURCE_NSCA,
    SOURCE_RTS, counted_reps, num, warning, week_path,
};
use crate::metrics::{max_percent_for_reps, percent_of_1rm};
use crate::{Issue, Unit, Week};

/// The largest rep count the RTS chart has a row for.
const CHART_MAX_REPS: u32 = 12;

/// `lint.reps_beyond_max`: a set of `n` reps whose `percent_tm`, as percent of 1RM, is above
/// the RTS chart's RPE-10 cell for `n` reps. Past 12 reps the chart's 12-rep cell bounds it
/// (more reps only lower the most one can lift). AMRAP, timed and distance sets are not
/// judged; reported at the set's `percent_tm`.
pub(super) fn reps_beyond_max(cx: &Context<'_>, issues: &mut Vec<Issue>) {
    for (loc, s, exercise, set) in cx.sets() {
        let (Some(reps), Some(percent_tm)) = (counted_reps(set), set.percent_tm) else {
            continue;
        };
        let Some(max) = max_percent_for_reps(reps.min(CHART_MAX_REPS)) else {
            continue;
        };
        if cx.percent_1rm(percent_tm) > max + EPSILON {
            let bound = if reps > CHART_MAX_REPS {
                format!("even {CHART_MAX_REPS} reps top out at {} %", num(max))
            } else {
                format!("{reps} reps top out at {} %", num(max))
            };
            issues.push(warning(
                loc.set_path(s).join("percent_tm"),
                REPS_BEYOND_MAX,
                format!(
                    "{}: {reps} reps at {} is more than the load allows: {bound} of 1RM \
                     ({SOURCE_RTS}, RPE 10); lower the load or the reps",
                    exercise.exercise,
                    cx.describe_tm(percent_tm),
                ),
            ));
        }
    }
}

/// Whether a week's label marks it as lighter on purpose.
pub(super) fn is_labelled_lighter(week: &Week) -> bool {
    const WORDS: [&str; 5] = ["deload", "recover", "taper", "light", "unload"];
    week.label.as_deref().is_some_and(|label| {
        let label = label.to_lowercase();
        WORDS.iter().any(|word| label.contains(word))
    })
}

/// Which terms a load is in: loads compare only in the same terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Terms {
    PercentTm,
    Weight,
}

/// An exercise's heaviest load of one week, in one terms, and the first set that has it.
#[derive(Debug, Clone, Copy)]
struct Top {
    load: f64,
    loc: Loc,
    set: usize,
}

/// The heaviest load of each (exercise, terms) in one week.
fn week_tops(cx: &Context<'_>, week: usize) -> BTreeMap<(String, Terms), Top> {
    let mut tops = BTreeMap::new();
    for (loc, s, exercise, set) in cx.sets_in(week) {
        let load = match (set.percent_tm, set.weight) {
            (Some(percent), _) => (Terms::PercentTm, percent),
            (None, Some(weight)) => (Terms::Weight, weight),
            (None, None) => continue,
        };
        let top = Top {
            load: load.1,
            loc,
            set: s,
        };
        tops.entry((cx.key(exercise), load.0))
            .and_modify(|old: &mut Top| {
                if top.load > old.load {
                    *old = top;
                }
            })
            .or_insert(top);
    }
    tops
}

/// `lint.load_jump`: an exercise's heaviest load of a week (`percent_tm`, or `weight` when it
/// has no `percent_tm`) against its heaviest load in the same terms the week before, when
/// both weeks have one. When the week before was a lighter week ([`lighter_weeks`]), the
/// reference is the heaviest load from the last week that was not lighter up to the week
/// before, so a return from a deload is judged against the loads before it. Reported at the
/// first set with the new top load, at its `percent_tm` or `weight`.
pub(super) fn load_jump(cx: &Context<'_>, issues: &mut Vec<Issue>) {
    let weeks = &cx.program.weeks;
    let tops: Vec<_> = (0..weeks.len()).map(|w| week_tops(cx, w)).collect();
    let lighter = lighter_weeks(cx);
    let limit = cx.th.max_load_jump_percent;
    for (w, current) in tops.iter().enumerate() {
        // The week before, and the lighter weeks back to the last one that was not lighter.
        let mut window = Vec::new();
        for r in (0..w).rev() {
            window.push(r);
            if !lighter.get(r).copied().unwrap_or(false) {
                break;
            }
        }
        for (key, top) in current {
            // The heaviest reference load, the most recent on ties.
            let reference = window
                .iter()
                .filter_map(|&r| Some((r, tops.get(r)?.get(key)?)))
                .fold(None::<(usize, &Top)>, |best, (r, old)| match best {
                    Some((_, b)) if b.load >= old.load => best,
                    _ => Some((r, old)),
                });
            let Some((r, old)) = reference else { continue };
            if old.load <= 0.0 {
                continue;
            }
            let rise = (top.load - old.load) / old.load * 100.0;
            if rise <= limit + EPSILON {
                continue;
            }
            let member = match key.1 {
                Terms::PercentTm => "percent_tm",
                Terms::Weight => "weight",
            };
            let show = |load: f64| show_load(key.1, load, cx.program.unit);
            let name = exercise_name(cx, top.loc);
            let week_number = |i: usize| weeks.get(i).map_or(i + 1, |week| week.number as usize);
            issues.push(warning(
                top.loc.set_path(top.set).join(member),
                LOAD_JUMP,
                format!(
                    "{name}: top load rises from {} in week {} to {} in week {} (+{} %), more \
                     than {} % in a week; loads usually rise by about 2.5-10 % at a time \
                     ({SOURCE_NSCA})",
                    show(old.load),
                    week_number(r),
                    show(top.load),
                    week_number(w),
                    num(rise),
                    num(limit),
                ),
            ));
        }
    }
}

/// How a load reads in a message: `80 % TM`, `225 lb`.
fn show_load(terms: Terms, load: f64, unit: Option<Unit>) -> String {
    match (terms, unit) {
        (Terms::PercentTm, _) => format!("{} % TM", num(load)),
        (Terms::Weight, Some(Unit::Lb)) => format!("{} lb", num(load)),
        (Terms::Weight, Some(Unit::Kg)) => format!("{} kg", num(load)),
        (Terms::Weight, None) => num(load),
    }
}

/// The name a prescribed exercise is written with.
fn exercise_name(cx: &Context<'_>, loc: Loc) -> String {
    cx.program
        .weeks
        .get(loc.week)
        .and_then(|week| week.days.get(loc.day))
        .and_then(|day| day.exercises.get(loc.exercise))
        .map_or_else(String::new, |exercise| exercise.exercise.clone())
}

/// A week's prescribed work: the sum over its counted sets (`reps`/`each_side` with a rep
/// count) of reps times a relative intensity, which is `percent_tm / 100`, else the chart's
/// percent of 1RM for the set's reps and `rpe` over 100, else `weight` over the heaviest
/// weight the program gives that exercise, else 1 (bodyweight). AMRAP sets are left out.
fn week_work(cx: &Context<'_>, week: usize, heaviest: &BTreeMap<String, f64>) -> f64 {
    cx.sets_in(week)
        .filter_map(|(_, _, exercise, set)| {
            let reps = counted_reps(set)?;
            let intensity = if let Some(percent) = set.percent_tm {
                percent / 100.0
            } else if let Some(percent) = set.rpe.and_then(|rpe| percent_of_1rm(reps, rpe)) {
                percent / 100.0
            } else if let Some(weight) = set.weight {
                match heaviest.get(&cx.key(exercise)) {
                    Some(&top) if top > 0.0 => weight / top,
                    _ => 1.0,
                }
            } else {
                1.0
            };
            Some(f64::from(reps) * intensity)
        })
        .sum()
}

/// Which weeks are lighter: labelled so ([`is_labelled_lighter`]), or with work ([`week_work`])
/// at least the threshold (10 %) below the week before's.
fn lighter_weeks(cx: &Context<'_>) -> Vec<bool> {
    let mut heaviest: BTreeMap<String, f64> = BTreeMap::new();
    for (_, _, exercise, set) in cx.sets() {
        if let Some(weight) = set.weight {
            let top = heaviest.entry(cx.key(exercise)).or_insert(weight);
            *top = top.max(weight);
        }
    }
    let weeks = &cx.program.weeks;
    let work: Vec<f64> = (0..weeks.len())
        .map(|w| week_work(cx, w, &heaviest))
        .collect();
    let keep = 1.0 - cx.th.lighter_week_drop_percent / 100.0;
    weeks
        .iter()
        .enumerate()
        .map(|(w, week)| {
            let dropped = w
                .checked_sub(1)
                .and_then(|p| work.get(p))
                .zip(work.get(w))
                .is_some_and(|(&before, &now)| before > 0.0 && now <= before * keep + EPSILON);
            is_labelled_lighter(week) || dropped
        })
        .collect()
}

/// `lint.no_lighter_week`: more than 8 weeks in a row (by default) none of which is lighter
/// ([`lighter_weeks`]). Reported once per run, at the first week past the limit. A loop (one
/// week repeated) is skipped: how long it runs is the coach's call, not the template's.
pub(super) fn no_lighter_week(cx: &Context<'_>, issues: &mut Vec<Issue>) {
    if cx.program.is_loop {
        return;
    }
    let weeks = &cx.program.weeks;
    let lighter = lighter_weeks(cx);
    let limit = cx.th.max_weeks_without_lighter;
    let mut run = 0_usize;
    let mut first = 0_usize;
    for (w, &is_lighter) in lighter.iter().enumerate() {
        if is_lighter {
            run = 0;
            continue;
        }
        if run == 0 {
            first = w;
        }
        run += 1;
        if run == limit + 1 {
            let number = |i: usize| weeks.get(i).map_or(i + 1, |week| week.number as usize);
            issues.push(warning(
                week_path(w),
                NO_LIGHTER_WEEK,
                format!(
                    "weeks {}-{} are {run} weeks in a row without a lighter week (a deload, or \
                     at least {} % less work than the week before), more than {limit}; coaches \
                     typically plan one every 4-6 weeks ({SOURCE_DELOAD})",
                    number(first),
                    number(w),
                    num(cx.th.lighter_week_drop_percent),
                ),
            ));
        }
    }
}
