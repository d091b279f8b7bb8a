//! Youth lints: set counts, intensity and plyometric volume for athletes under 18.

use super::{
    Context, EPSILON, LintOptions, SOURCE_NSCA, SOURCE_RTS, SOURCE_YOUTH, Tally, YOUTH_INTENSITY,
    YOUTH_PLYOMETRIC_CONTACTS, YOUTH_SETS, counted_reps, num, warning,
};
use crate::metrics::percent_of_1rm;
use crate::{Category, Issue, RepType};

/// A young athlete: who, and how old on the judging day.
pub(super) struct Youth<'a> {
    name: &'a str,
    age: u32,
}

impl<'a> Youth<'a> {
    /// The athlete, when the options give one with a birth date, a day to judge on, and an
    /// age on that day under the youth threshold.
    pub(super) fn of(options: &LintOptions<'a>) -> Option<Self> {
        let athlete = options.athlete?;
        let age = athlete.age_on(options.judged_on?)?;
        (age < options.thresholds.youth_age).then_some(Self {
            name: athlete.name.trim(),
            age,
        })
    }

    /// `Tommy (15)`: how messages name the athlete.
    fn who(&self) -> String {
        format!("{} ({})", self.name, self.age)
    }
}

/// `lint.youth_sets`: a prescribed exercise with more sets than the threshold (3), counting
/// every prescribed set; reported at its `sets`.
pub(super) fn youth_sets(cx: &Context<'_>, youth: &Youth<'_>, issues: &mut Vec<Issue>) {
    let limit = cx.th.youth_max_sets;
    for (loc, exercise) in cx.prescribed() {
        let count = exercise.sets.len();
        if count > limit {
            issues.push(warning(
                loc.exercise_path().join("sets"),
                YOUTH_SETS,
                format!(
                    "{} is under {}: {count} sets of {} is more than {limit} sets of an \
                     exercise ({SOURCE_YOUTH})",
                    youth.who(),
                    cx.th.youth_age,
                    exercise.exercise,
                ),
            ));
        }
    }
}

/// `lint.youth_intensity`: a set at or above the threshold (85 % of 1RM). The load is the
/// `percent_tm` as percent of 1RM; without one, the RTS chart's percent for the set's reps
/// and `rpe`; when the chart cannot say (AMRAP, timed, more than 12 reps), an `rpe` at or
/// above the RPE threshold (9). Sets with only a `weight` are not judged. Reported at
/// `percent_tm` or `rpe`.
pub(super) fn youth_intensity(cx: &Context<'_>, youth: &Youth<'_>, issues: &mut Vec<Issue>) {
    let ceiling = cx.th.youth_max_percent_1rm;
    let limit = format!("{} % of 1RM", num(ceiling));
    for (loc, s, exercise, set) in cx.sets() {
        // (member, what the set asks for, the limit it reaches)
        let (member, found, reached) = if let Some(percent_tm) = set.percent_tm {
            if cx.percent_1rm(percent_tm) + EPSILON < ceiling {
                continue;
            }
            ("percent_tm", cx.describe_tm(percent_tm), limit.clone())
        } else if let Some(rpe) = set.rpe {
            match counted_reps(set).and_then(|reps| Some((reps, percent_of_1rm(reps, rpe)?))) {
                Some((_, percent)) if percent + EPSILON < ceiling => continue,
                Some((reps, percent)) => (
                    "rpe",
                    format!(
                        "{reps} reps at RPE {} ({} % of 1RM, {SOURCE_RTS})",
                        num(rpe),
                        num(percent)
                    ),
                    limit.clone(),
                ),
                None if rpe < cx.th.youth_max_rpe => continue,
                None => (
                    "rpe",
                    format!("RPE {}", num(rpe)),
                    format!("RPE {}, about {limit}", num(cx.th.youth_max_rpe)),
                ),
            }
        } else {
            continue;
        };
        issues.push(warning(
            loc.set_path(s).join(member),
            YOUTH_INTENSITY,
            format!(
                "{} is under {}: {} at {found} is at or above {reached}, the top of the youth \
                 loading range ({SOURCE_YOUTH})",
                youth.who(),
                cx.th.youth_age,
                exercise.exercise,
            ),
        ));
    }
}

/// `lint.youth_plyometric_contacts`: a day whose exercises of category `plyometric` (in the
/// catalog in force) add up to more than the threshold (100) ground contacts. A set of `reps`
/// counts its reps, an `each_side` set twice its reps; AMRAP, timed and distance sets cannot
/// be counted and are left out. Reported at the day.
pub(super) fn youth_plyometric_contacts(
    cx: &Context<'_>,
    youth: &Youth<'_>,
    issues: &mut Vec<Issue>,
) {
    let limit = cx.th.youth_max_plyometric_contacts;
    for (w, week) in cx.program.weeks.iter().enumerate() {
        for (d, day) in week.days.iter().enumerate() {
            let mut tally = Tally::default();
            for exercise in &day.exercises {
                let plyometric = cx
                    .exercises
                    .resolve(&exercise.exercise)
                    .is_some_and(|found| found.category == Some(Category::Plyometric));
                if !plyometric {
                    continue;
                }
                let contacts = exercise
                    .sets
                    .iter()
                    .filter_map(|set| match (set.rep_type, set.reps) {
                        (RepType::Reps, Some(reps)) => Some(reps),
                        (RepType::EachSide, Some(reps)) => Some(reps.saturating_mul(2)),
                        _ => None,
                    })
                    .fold(0_u32, u32::saturating_add);
                tally.add(&exercise.exercise, contacts);
            }
            if tally.total <= limit {
                continue;
            }
            issues.push(warning(
                super::week_path(w).join("days").join(d),
                YOUTH_PLYOMETRIC_CONTACTS,
                format!(
                    "{} is under {}: day {} of week {} has {} plyometric contacts ({}), \
                     more than {limit} a session ({SOURCE_YOUTH}; {SOURCE_NSCA})",
                    youth.who(),
                    cx.th.youth_age,
                    day.number,
                    week.number,
                    tally.total,
                    tally.sources(),
                ),
            ));
        }
    }
}
