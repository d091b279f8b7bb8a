//! Loads: what each exercise's load is based on (the training max, the best e1RM, a load a
//! note holds, the last load used, or effort alone), the sets of one week with their
//! `percent_tm`, `weight` or target RPE, and the progression rules of the compound lifts.
//!
//! A training max is trusted as the basis of `percent_tm` when it is at most 5 % above the
//! athlete's best e1RM; the percentage is then chosen so that the real share of 1RM is the
//! dose's (a TM at 100 % of e1RM gets lower percentages than the 90 % convention assumes).
//! A training max well above every e1RM the logbook shows would overload every set, so the
//! e1RM is the basis then and the reasoning says so.

use replog_core::metrics::{implied_rpe, percent_of_1rm};
use replog_core::{AppliesTo, Every, ProgressionRule, RepType, Set, Unit};
use serde::Serialize;

use super::choose::Candidate;
use super::dose::{Dose, Role};
use super::library::Loading;
use super::notes::{Constraints, words};

/// The training max as a share of 1RM assumed when the logbook has no e1RM to compare:
/// Wendler's *5/3/1* convention, also the lints' default.
pub const TM_FRACTION: f64 = 0.9;
/// How far above the best e1RM a training max may be and still be trusted.
const TM_TRUST: f64 = 1.05;

/// What an exercise's load is based on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LoadBasis {
    /// Sets as `percent_tm` of this training max.
    TrainingMax {
        /// The latest training max.
        training_max: f64,
        /// The training max as a share of 1RM the percentages assume.
        fraction: f64,
    },
    /// Sets as `weight`, a share of this best e1RM.
    E1rm {
        /// The best e1RM in the context.
        e1rm: f64,
    },
    /// A weight a coach's note holds the exercise at.
    Held {
        /// The weight.
        weight: f64,
    },
    /// The weight of the latest logged session (timed carries have no e1RM).
    Recent {
        /// The weight.
        weight: f64,
    },
    /// No load known: a target RPE where the RPE chart covers the reps.
    Effort,
    /// The body (or a band) is the load.
    Bodyweight,
}

impl LoadBasis {
    /// The basis of a candidate in a role; the reasoning line for bases worth explaining.
    pub(crate) fn of(
        candidate: &Candidate<'_>,
        role: Role,
        constraints: &Constraints,
        unit: Unit,
    ) -> (Self, Option<String>) {
        let u = match unit {
            Unit::Lb => "lb",
            Unit::Kg => "kg",
        };
        if let Some(hold) = constraints.hold(&words(&candidate.name)) {
            let why = format!(
                "{} held at {} {u} as the {} asks",
                candidate.name,
                num(hold.weight),
                hold.cite.describe()
            );
            return (
                Self::Held {
                    weight: hold.weight,
                },
                Some(why),
            );
        }
        let bodyweight = candidate
            .entry
            .is_some_and(|e| e.loading == Loading::Bodyweight);
        if matches!(role, Role::Plyo | Role::Core) || bodyweight {
            return (Self::Bodyweight, None);
        }
        let Some(stats) = candidate.stats else {
            return (Self::Effort, None);
        };
        let tm = stats
            .tm_history
            .last()
            .map(|t| t.weight)
            .filter(|w| *w > 0.0);
        let e1rm = stats.best_e1rm.filter(|w| *w > 0.0);
        match (tm, e1rm) {
            (Some(tm), Some(e1rm)) if tm > e1rm * TM_TRUST => {
                let why = format!(
                    "{}: the training max {} {u} is {} % of the best e1RM {} {u}, so loads come \
                     from the e1RM; consider resetting the training max to about {} {u} (90 %)",
                    candidate.name,
                    num(tm),
                    num(tm / e1rm * 100.0),
                    num(e1rm),
                    num(e1rm * TM_FRACTION),
                );
                (Self::E1rm { e1rm }, Some(why))
            }
            (Some(tm), e1rm) => {
                let fraction = e1rm.map_or(TM_FRACTION, |e| (tm / e).clamp(TM_FRACTION, 1.0));
                (
                    Self::TrainingMax {
                        training_max: tm,
                        fraction,
                    },
                    None,
                )
            }
            (None, Some(e1rm)) => (Self::E1rm { e1rm }, None),
            (None, None) => match recent_weight(&stats.recent_sets) {
                Some(weight) => (Self::Recent { weight }, None),
                None => (Self::Effort, None),
            },
        }
    }
}

/// The weight of the latest summarised session (`2026-04-06 2x30s @ 35 (RPE 8)`: 35).
fn recent_weight(recent: &[String]) -> Option<f64> {
    let line = recent.last()?;
    let (_, after) = line.rsplit_once(" @ ")?;
    let number: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    number
        .parse()
        .ok()
        .filter(|w: &f64| w.is_finite() && *w > 0.0)
}

/// The sets of one exercise in one week, and the top load they reach (in the terms of the
/// basis, for the next week's jump limit). `previous` is the top load of the last week that
/// was not lighter: a new top load stays within 10 % of it (NSCA's 2.5-10 % increments).
pub(crate) fn sets(
    basis: LoadBasis,
    dose: &Dose,
    unit: Unit,
    youth: bool,
    previous: Option<f64>,
) -> (Vec<Set>, Option<f64>) {
    let counted = matches!(dose.rep_type, RepType::Reps | RepType::EachSide);
    // A loaded set without a dose intensity aims at RPE 7 on the chart.
    let target = dose.intensity.or_else(|| {
        counted
            .then(|| percent_of_1rm(dose.reps.min(12), 7.0))
            .flatten()
    });
    let limit = |load: f64| match previous {
        Some(before) if load > before * 1.1 => before * 1.1,
        _ => load,
    };
    let mut set = Set::reps(dose.reps);
    set.rep_type = dose.rep_type;
    set.rest_seconds = Some(dose.rest);
    let mut top = None;
    match basis {
        LoadBasis::TrainingMax { fraction, .. } => {
            if let Some(target) = dose.intensity {
                let percent = limit(floor_to(target / fraction, 2.5)).clamp(1.0, 120.0);
                let percent = floor_to(percent, 2.5).max(2.5);
                set.percent_tm = Some(percent);
                top = Some(percent);
            } else if counted {
                set.rpe = Some(7.0);
            }
        }
        LoadBasis::E1rm { e1rm } => {
            if let Some(target) = target {
                let step = increment(unit, e1rm * target / 100.0);
                let weight = floor_to(limit(e1rm * target / 100.0), step).max(step);
                set.weight = Some(weight.min(2000.0));
                top = Some(weight);
            }
        }
        LoadBasis::Held { weight } | LoadBasis::Recent { weight } => {
            set.weight = Some(weight.clamp(0.0, 2000.0));
        }
        LoadBasis::Effort => {
            if let Some(target) = dose.intensity.filter(|_| counted) {
                set.rpe = Some(rpe_for(dose.reps, target, youth));
            }
        }
        LoadBasis::Bodyweight => {}
    }
    (vec![set; dose.sets as usize], top)
}

/// The target RPE for `reps` at `percent` of 1RM, on the half-point grid, rounded down; RPE 6
/// below the chart. For a youth it stays under 85 % of 1RM on the chart.
fn rpe_for(reps: u32, percent: f64, youth: bool) -> f64 {
    let Some(rpe) = implied_rpe(reps, percent) else {
        return 6.0;
    };
    let mut rpe = (rpe * 2.0).floor() / 2.0;
    while youth && rpe > 6.0 && percent_of_1rm(reps, rpe).is_some_and(|p| p >= 85.0) {
        rpe -= 0.5;
    }
    rpe.clamp(6.0, 9.0)
}

/// The smallest sensible load step: 5 lb (2.5 kg), or 2.5 lb (1 kg) for light loads.
fn increment(unit: Unit, load: f64) -> f64 {
    match unit {
        Unit::Lb if load >= 45.0 => 5.0,
        Unit::Lb => 2.5,
        Unit::Kg if load >= 20.0 => 2.5,
        Unit::Kg => 1.0,
    }
}

/// `value` rounded down to a multiple of `step`.
pub(crate) fn floor_to(value: f64, step: f64) -> f64 {
    ((value / step) + 1e-9).floor() * step
}

/// The progression rule of a compound lift: the training max or the working weight goes up
/// once per pass through the program (5 lb or 2.5 kg for lower-body lifts, half that for
/// upper-body ones), and two failed sessions in a row take 10 % off.
pub(crate) fn rule(
    name: &str,
    basis: LoadBasis,
    lower: bool,
    unit: Unit,
) -> Option<ProgressionRule> {
    let applies_to = match basis {
        LoadBasis::TrainingMax { .. } => AppliesTo::TrainingMax,
        LoadBasis::E1rm { .. } | LoadBasis::Effort => AppliesTo::Weight,
        LoadBasis::Held { .. } | LoadBasis::Recent { .. } | LoadBasis::Bodyweight => return None,
    };
    let increment = match (unit, lower) {
        (Unit::Lb, true) => 5.0,
        (Unit::Lb, false) | (Unit::Kg, true) => 2.5,
        (Unit::Kg, false) => 1.0,
    };
    Some(ProgressionRule {
        exercise: name.to_owned(),
        increment,
        every: Every::Cycle,
        applies_to,
        deload_after_failures: Some(2),
        deload_percent: Some(10.0),
    })
}

/// A number with at most one decimal and no trailing `.0`.
pub(crate) use replog_core::render::one_decimal as num;

#[cfg(test)]
mod tests {
    use super::*;

    fn dose(reps: u32, intensity: Option<f64>) -> Dose {
        Dose {
            sets: 3,
            reps,
            rep_type: RepType::Reps,
            intensity,
            rest: 120,
        }
    }

    #[test]
    fn percentages_respect_the_real_share_of_1rm() {
        let basis = LoadBasis::TrainingMax {
            training_max: 175.0,
            fraction: 1.0,
        };
        let (sets, top) = super::sets(basis, &dose(5, Some(76.0)), Unit::Lb, true, None);
        assert_eq!(sets.len(), 3);
        assert_eq!(sets[0].percent_tm, Some(75.0));
        assert_eq!(top, Some(75.0));
        // A jump of more than 10 % over the week before is held to 10 %.
        let (sets, _) = sets_with_previous(basis, 60.0);
        assert_eq!(sets[0].percent_tm, Some(65.0));
    }

    fn sets_with_previous(basis: LoadBasis, previous: f64) -> (Vec<Set>, Option<f64>) {
        super::sets(basis, &dose(5, Some(80.0)), Unit::Lb, false, Some(previous))
    }

    #[test]
    fn e1rm_loads_round_down_to_plates() {
        let (sets, top) = super::sets(
            LoadBasis::E1rm { e1rm: 96.3 },
            &dose(3, Some(75.0)),
            Unit::Lb,
            true,
            None,
        );
        assert_eq!(sets[0].weight, Some(70.0));
        assert_eq!(top, Some(70.0));
        let (sets, _) = super::sets(
            LoadBasis::E1rm { e1rm: 30.0 },
            &dose(10, None),
            Unit::Kg,
            false,
            None,
        );
        // RPE 7 for 10 reps is 65.3 % of 1RM: 19.6 kg, down to 19 kg.
        assert_eq!(sets[0].weight, Some(19.0));
    }

    #[test]
    fn effort_targets_stay_under_the_youth_ceiling() {
        assert_eq!(rpe_for(3, 84.0, true), 7.0);
        assert_eq!(rpe_for(3, 84.0, false), 7.0);
        assert_eq!(rpe_for(5, 60.0, true), 6.0);
        // 2 reps at RPE 6.5 is 85 % on the chart: one step lower for a youth.
        assert_eq!(rpe_for(2, 86.0, true), 6.0);
        assert_eq!(rpe_for(2, 86.0, false), 6.5);
    }

    #[test]
    fn recent_weights_are_read_from_the_summary() {
        let lines = ["2026-04-06 2x30s @ 35 (RPE 8)".to_owned()];
        assert_eq!(recent_weight(&lines), Some(35.0));
        assert_eq!(recent_weight(&["2026-04-06 3x5/side".to_owned()]), None);
    }
}
