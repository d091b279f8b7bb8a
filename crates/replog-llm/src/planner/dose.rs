//! How much and how hard: the training focus a goal names, the athlete's level, and for each
//! role in a day the sets, reps, intensity (percent of 1RM) and rest of each week of a block.
//!
//! Main lifts follow the NSCA load and repetition assignments by goal (NSCA, *Essentials of
//! Strength Training and Conditioning*, 4th ed.): strength at most 6 reps at 85 % of 1RM or
//! more, hypertrophy 6-12 reps at 67-85 %, muscular endurance 12 or more reps at 67 % or
//! less, power 1-2 reps at 80-90 % (single effort) or 3-5 reps at 75-85 % (multiple effort).
//! Athletes under 18 stay below 85 % of 1RM and at three sets or fewer (Faigenbaum et al.
//! 2009, NSCA youth position statement), so their strength work sits at the zone's lower
//! edge. A block is three building weeks and a lighter fourth week (Bell et al. 2022: coaches
//! deload every 4-6 weeks).

use replog_core::context::AthleteContext;
use replog_core::{RepType, Tier};

use super::notes::words;

/// What the program trains for, read from the goals' words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Focus {
    /// Maximal strength.
    Strength,
    /// Muscle size.
    Hypertrophy,
    /// Power and athleticism (sport preparation).
    Power,
    /// Muscular endurance and conditioning.
    Endurance,
    /// General fitness: moderate reps and loads.
    General,
}

impl Focus {
    /// The focus in words.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Strength => "strength",
            Self::Hypertrophy => "hypertrophy",
            Self::Power => "power",
            Self::Endurance => "muscular endurance",
            Self::General => "general strength",
        }
    }

    /// Whether the program opens each day with power or plyometric work.
    pub(crate) fn explosive(self) -> bool {
        self == Self::Power
    }
}

/// The focus the words of `text` name, first match in this order: power (including sports,
/// since sport preparation is power work), strength, hypertrophy, endurance.
pub(crate) fn focus_of(text: &str) -> Option<Focus> {
    let text = words(text);
    let has = |list: &[&str]| list.iter().any(|w| text.contains(&format!(" {w} ")));
    if has(&[
        "power",
        "powerful",
        "explosive",
        "explosiveness",
        "speed",
        "jump",
        "vertical",
        "sprint",
        "athletic",
        "athleticism",
        "sport",
        "combine",
        "football",
        "volleyball",
        "basketball",
        "soccer",
        "rugby",
        "hockey",
        "baseball",
        "lacrosse",
        "tennis",
        "track",
        "preseason",
    ]) {
        Some(Focus::Power)
    } else if has(&["strength", "strong", "stronger", "powerlifting", "max"]) {
        Some(Focus::Strength)
    } else if has(&[
        "hypertrophy",
        "muscle",
        "size",
        "mass",
        "bodybuilding",
        "bulk",
    ]) {
        Some(Focus::Hypertrophy)
    } else if has(&[
        "endurance",
        "conditioning",
        "stamina",
        "fat",
        "lean",
        "cardio",
    ]) {
        Some(Focus::Endurance)
    } else {
        None
    }
}

/// The athlete's training level.
pub(crate) fn level_of(context: &AthleteContext) -> super::library::Level {
    use super::library::Level;
    match context.athlete.tier {
        Some(Tier::Foundational) => Level::Beginner,
        Some(Tier::Intermediate | Tier::SportPerformance) => Level::Intermediate,
        None => match context.athlete.training_months {
            0..6 => Level::Beginner,
            6..24 => Level::Intermediate,
            _ => Level::Advanced,
        },
    }
}

/// What an exercise does in its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// An Olympic lift, swing or throw, first in the day.
    Power,
    /// Jumps and bounds, first in the day.
    Plyo,
    /// The day's heavy lower-body lift.
    Main,
    /// The upper-body push and pull.
    Secondary,
    /// Single-leg work.
    Accessory,
    /// Trunk work.
    Core,
    /// A carry.
    Carry,
}

/// Where a week sits in its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phase {
    /// Which block (0-based): each block starts a little heavier than the one before.
    pub(crate) block: u32,
    /// Building step 0-2, or `None` for the lighter week.
    pub(crate) step: Option<u32>,
}

/// The phase of week `number` (1-based) of a `weeks`-week program: blocks of four weeks,
/// three building and a lighter fourth, when the program has four weeks or more.
pub(crate) fn phase(number: u32, weeks: u32) -> Phase {
    let index = number.saturating_sub(1);
    if weeks < 4 {
        return Phase {
            block: 0,
            step: Some(index.min(2)),
        };
    }
    let position = index % 4;
    Phase {
        block: index / 4,
        step: (position < 3).then_some(position),
    }
}

/// The label of a week in its phase.
pub(crate) fn label(phase: Phase) -> &'static str {
    match phase.step {
        None => "deload",
        Some(0) => "accumulation",
        Some(1) => "build",
        Some(_) => "intensification",
    }
}

/// One set's prescription before loads are worked out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Dose {
    pub(crate) sets: u32,
    pub(crate) reps: u32,
    pub(crate) rep_type: RepType,
    /// Target percent of 1RM, where a load applies.
    pub(crate) intensity: Option<f64>,
    pub(crate) rest: u32,
}

/// Who the dose is for: the limits that hold whatever the goal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Athlete {
    /// Under 18: three sets at most, below 85 % of 1RM.
    pub(crate) youth: bool,
    /// Low adherence: one set fewer on main lifts.
    pub(crate) low_adherence: bool,
}

/// The most percent of 1RM a youth is given (the ceiling is 85 %).
pub(crate) const YOUTH_CEILING: f64 = 84.0;

/// The dose of a role in a week for this focus and athlete. `rep_type` is the exercise's own
/// (timed core and carries count seconds); `barbell` says whether a power exercise is a
/// barbell lift (a few heavy reps) or a swing or throw (more reps, no percentage).
pub(crate) fn dose(
    focus: Focus,
    role: Role,
    phase: Phase,
    rep_type: RepType,
    barbell: bool,
    who: Athlete,
) -> Dose {
    let s = phase.step.unwrap_or(0).min(2) as usize;
    // Each block starts 1.5 points of 1RM heavier, at most two blocks' worth.
    let bump = f64::from(phase.block.min(2)) * 1.5;
    let (mut sets, reps, mut intensity, rest): (u32, u32, Option<f64>, u32) = match role {
        Role::Main | Role::Secondary => {
            let (reps, percent, rest) = main_wave(focus, role, s);
            let sets = if role == Role::Main { 4 } else { 3 };
            (sets, reps, Some(percent + bump), rest)
        }
        Role::Power if barbell => {
            let (reps, percent) = [(3, 75.0), (3, 78.0), (2, 82.0)][s];
            (3, reps, Some(percent + bump), 150)
        }
        Role::Power => (3, [6, 8, 8][s], None, 90),
        Role::Plyo => (3, [4, 5, 5][s], None, 90),
        Role::Accessory => {
            let reps = match focus {
                Focus::Strength | Focus::Power => [8, 8, 6][s],
                Focus::Hypertrophy | Focus::General => [10, 10, 8][s],
                Focus::Endurance => [15, 15, 12][s],
            };
            (3, reps, None, 75)
        }
        Role::Core if rep_type == RepType::Seconds => (3, [30, 35, 40][s], None, 45),
        Role::Core => (3, [8, 10, 10][s], None, 45),
        Role::Carry => (3, [30, 35, 40][s], None, 60),
    };
    if who.youth {
        sets = sets.min(3);
        intensity = intensity.map(|p| p.min(YOUTH_CEILING));
    }
    if who.low_adherence && role == Role::Main {
        sets = sets.saturating_sub(1).max(2);
    }
    if phase.step.is_none() {
        // The lighter week: a set fewer, lighter loads, the same movements.
        sets = sets.saturating_sub(1).max(2);
        intensity = intensity.map(|_| if role == Role::Power { 65.0 } else { 60.0 });
    }
    Dose {
        sets,
        reps,
        rep_type,
        intensity,
        rest,
    }
}

/// Reps, percent of 1RM and rest of a main or secondary lift at building step `s`.
fn main_wave(focus: Focus, role: Role, s: usize) -> (u32, f64, u32) {
    let s = s.min(2);
    let main = role == Role::Main;
    match focus {
        Focus::Strength if main => [(5, 81.0, 180), (4, 83.0, 180), (3, 85.0, 180)][s],
        Focus::Strength => [(6, 76.0, 150), (5, 79.0, 150), (5, 81.0, 150)][s],
        Focus::Power if main => [(5, 76.0, 150), (4, 79.0, 150), (3, 82.0, 150)][s],
        Focus::Power => [(8, 70.0, 120), (6, 74.0, 120), (6, 76.0, 120)][s],
        Focus::Hypertrophy => [(10, 68.0, 90), (8, 72.0, 90), (8, 74.0, 90)][s],
        Focus::Endurance => [(15, 55.0, 45), (15, 58.0, 45), (12, 62.0, 45)][s],
        Focus::General => [(8, 70.0, 120), (6, 74.0, 120), (6, 76.0, 120)][s],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use replog_core::metrics::max_percent_for_reps;

    const ADULT: Athlete = Athlete {
        youth: false,
        low_adherence: false,
    };
    const YOUTH: Athlete = Athlete {
        youth: true,
        low_adherence: false,
    };

    #[test]
    fn blocks_of_four_end_with_a_lighter_week() {
        let steps: Vec<Option<u32>> = (1..=9).map(|w| phase(w, 9).step).collect();
        assert_eq!(
            steps,
            [
                Some(0),
                Some(1),
                Some(2),
                None,
                Some(0),
                Some(1),
                Some(2),
                None,
                Some(0)
            ]
        );
        assert_eq!(phase(5, 9).block, 1);
        assert!((1..=3).all(|w| phase(w, 3).step.is_some()));
    }

    #[test]
    fn main_lifts_sit_in_their_nsca_zone_and_within_the_reps_possible() {
        for focus in [
            Focus::Strength,
            Focus::Hypertrophy,
            Focus::Power,
            Focus::Endurance,
        ] {
            for step in 0..3 {
                let p = Phase {
                    block: 0,
                    step: Some(step),
                };
                let d = dose(focus, Role::Main, p, RepType::Reps, true, ADULT);
                let percent = d.intensity.unwrap();
                let (reps, lo, hi) = match focus {
                    Focus::Strength => ((1, 6), 81.0, 100.0),
                    Focus::Hypertrophy => ((6, 12), 67.0, 85.0),
                    Focus::Power => ((3, 5), 75.0, 85.0),
                    _ => ((12, 100), 0.0, 67.0),
                };
                assert!((reps.0..=reps.1).contains(&d.reps), "{focus:?} {d:?}");
                assert!((lo..=hi).contains(&percent), "{focus:?} {d:?}");
                let most = max_percent_for_reps(d.reps.min(12)).unwrap();
                assert!(percent < most, "{focus:?} {d:?} beyond {most}");
            }
        }
    }

    #[test]
    fn youth_get_three_sets_below_85_percent() {
        for role in [
            Role::Main,
            Role::Secondary,
            Role::Power,
            Role::Plyo,
            Role::Core,
        ] {
            for block in 0..4 {
                let p = Phase {
                    block,
                    step: Some(2),
                };
                let d = dose(Focus::Strength, role, p, RepType::Reps, true, YOUTH);
                assert!(d.sets <= 3);
                assert!(d.intensity.is_none_or(|i| i < 85.0), "{role:?} {d:?}");
            }
        }
        let light = dose(
            Focus::Power,
            Role::Main,
            Phase {
                block: 0,
                step: None,
            },
            RepType::Reps,
            true,
            ADULT,
        );
        assert_eq!((light.sets, light.intensity), (3, Some(60.0)));
    }

    #[test]
    fn goals_name_their_focus() {
        assert_eq!(focus_of("prepare for football combine"), Some(Focus::Power));
        assert_eq!(focus_of("Volleyball preseason"), Some(Focus::Power));
        assert_eq!(focus_of("get stronger"), Some(Focus::Strength));
        assert_eq!(focus_of("build muscle"), Some(Focus::Hypertrophy));
        assert_eq!(focus_of("learn the lifts"), None);
    }
}
