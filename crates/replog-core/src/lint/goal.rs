//! Goal lint: prescriptions against the NSCA rep and load zones of the program's goal.

use super::load::is_labelled_lighter;
use super::{Context, GOAL_ZONE, SOURCE_NSCA, counted_reps, num, warning};
use crate::metrics::percent_of_1rm;
use crate::{Issue, PrescribedExercise};

/// One NSCA zone: a rep range and a percent-of-1RM range (NSCA, *Essentials of Strength
/// Training and Conditioning*, 4th ed., load and repetition assignments by training goal).
#[derive(Debug, Clone, Copy)]
struct Zone {
    name: &'static str,
    reps: (u32, u32),
    percent: (f64, f64),
    text: &'static str,
}

const STRENGTH: Zone = Zone {
    name: "strength",
    reps: (1, 6),
    percent: (85.0, 100.0),
    text: "at most 6 reps at 85 % of 1RM or more",
};
const HYPERTROPHY: Zone = Zone {
    name: "hypertrophy",
    reps: (6, 12),
    percent: (67.0, 85.0),
    text: "6-12 reps at 67-85 % of 1RM",
};
const ENDURANCE: Zone = Zone {
    name: "muscular endurance",
    reps: (12, u32::MAX),
    percent: (0.0, 67.0),
    text: "12 reps or more at 67 % of 1RM or less",
};
const POWER_SINGLE: Zone = Zone {
    name: "single-effort power",
    reps: (1, 2),
    percent: (80.0, 90.0),
    text: "1-2 reps at 80-90 % of 1RM",
};
const POWER_MULTIPLE: Zone = Zone {
    name: "multiple-effort power",
    reps: (3, 5),
    percent: (75.0, 85.0),
    text: "3-5 reps at 75-85 % of 1RM",
};

/// The zones a goal's words name, in this order: strength (strength, strong, stronger,
/// powerlifting), hypertrophy (hypertrophy, muscle, muscles, size, mass, bodybuilding),
/// power (power, powerful, explosive, explosiveness; both power zones), muscular endurance
/// (endurance). Words are split on anything that is not a letter and compared in lower case.
fn zones_for(goal: &str) -> Vec<Zone> {
    let goal = goal.to_lowercase();
    let words: Vec<&str> = goal.split(|c: char| !c.is_alphabetic()).collect();
    let has = |list: &[&str]| words.iter().any(|word| list.contains(word));
    let mut zones = Vec::new();
    if has(&["strength", "strong", "stronger", "powerlifting"]) {
        zones.push(STRENGTH);
    }
    if has(&[
        "hypertrophy",
        "muscle",
        "muscles",
        "size",
        "mass",
        "bodybuilding",
    ]) {
        zones.push(HYPERTROPHY);
    }
    if has(&["power", "powerful", "explosive", "explosiveness"]) {
        zones.push(POWER_SINGLE);
        zones.push(POWER_MULTIPLE);
    }
    if has(&["endurance"]) {
        zones.push(ENDURANCE);
    }
    zones
}

/// An exercise's main work: its heaviest set whose reps and percent of 1RM are known.
struct MainWork {
    reps: u32,
    percent: f64,
    /// How the load was prescribed, for the message.
    given: String,
}

/// The set with the highest percent of 1RM among those with a rep count (`reps`/`each_side`)
/// and either a `percent_tm` or an `rpe` the RTS chart turns into percent of 1RM; the first
/// on ties. Sets with only a `weight`, AMRAP and timed sets say nothing here.
fn main_work(cx: &Context<'_>, exercise: &PrescribedExercise) -> Option<MainWork> {
    let mut best: Option<MainWork> = None;
    for set in &exercise.sets {
        let Some(reps) = counted_reps(set) else {
            continue;
        };
        let work = if let Some(percent_tm) = set.percent_tm {
            MainWork {
                reps,
                percent: cx.percent_1rm(percent_tm),
                given: cx.describe_tm(percent_tm),
            }
        } else if let Some((rpe, percent)) = set
            .rpe
            .and_then(|rpe| Some((rpe, percent_of_1rm(reps, rpe)?)))
        {
            MainWork {
                reps,
                percent,
                given: format!(
                    "RPE {} ({} % of 1RM, {})",
                    num(rpe),
                    num(percent),
                    super::SOURCE_RTS
                ),
            }
        } else {
            continue;
        };
        if best.as_ref().is_none_or(|best| work.percent > best.percent) {
            best = Some(work);
        }
    }
    best
}

/// Whether main work sits in a zone, give or take the thresholds' slack.
fn fits(cx: &Context<'_>, zone: &Zone, work: &MainWork) -> bool {
    let slack = cx.th.goal_zone_rep_slack;
    let pslack = cx.th.goal_zone_percent_slack;
    let reps_ok = work.reps.saturating_add(slack) >= zone.reps.0
        && work.reps <= zone.reps.1.saturating_add(slack);
    let percent_ok =
        work.percent + pslack >= zone.percent.0 && work.percent <= zone.percent.1 + pslack;
    reps_ok && percent_ok
}

/// `lint.goal_zone`: when the program's `goal` names strength, hypertrophy, power or
/// endurance, every prescribed exercise whose main work ([`main_work`]) fits none of the
/// goal's zones, even with the slack of [`Thresholds`](super::Thresholds), warns once, at the
/// prescribed exercise. Exercises with no judgeable set, weeks labelled as lighter (a deload
/// is light on purpose; see [`is_labelled_lighter`]) and goals that name no zone are skipped.
pub(super) fn goal_zone(cx: &Context<'_>, issues: &mut Vec<Issue>) {
    let Some(goal) = cx.program.goal.as_deref() else {
        return;
    };
    let zones = zones_for(goal);
    if zones.is_empty() {
        return;
    }
    let names: Vec<&str> = zones.iter().map(|zone| zone.name).collect();
    let texts: Vec<String> = zones
        .iter()
        .map(|zone| format!("{}: {}", zone.name, zone.text))
        .collect();
    for (loc, exercise) in cx.prescribed() {
        let deload = cx
            .program
            .weeks
            .get(loc.week)
            .is_some_and(is_labelled_lighter);
        if deload {
            continue;
        }
        let Some(work) = main_work(cx, exercise) else {
            continue;
        };
        if zones.iter().any(|zone| fits(cx, zone, &work)) {
            continue;
        }
        issues.push(warning(
            loc.exercise_path(),
            GOAL_ZONE,
            format!(
                "{}: main work of {} reps at {} is outside the {} zone for the goal {goal:?} \
                 ({}; {SOURCE_NSCA})",
                exercise.exercise,
                work.reps,
                work.given,
                names.join(" or "),
                texts.join("; "),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_words_pick_their_zones() {
        let names = |goal: &str| -> Vec<&str> { zones_for(goal).iter().map(|z| z.name).collect() };
        assert_eq!(names("Get STRONGER"), ["strength"]);
        assert_eq!(names("powerlifting meet"), ["strength"]);
        assert_eq!(
            names("power & size"),
            [
                "hypertrophy",
                "single-effort power",
                "multiple-effort power"
            ]
        );
        assert_eq!(names("muscular endurance"), ["muscular endurance"]);
        assert!(names("football combine prep").is_empty());
    }
}
