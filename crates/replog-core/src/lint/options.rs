//! What the lints know beyond the program ([`LintOptions`]) and the thresholds they judge by
//! ([`Thresholds`]), each default with its source.

use crate::{Athlete, Date, ExerciseIndex, Logbook};

#[cfg(doc)]
use super::{GOAL_ZONE, lint_catalog};

/// The thresholds the rules judge by. Every default follows the source named on its field;
/// change any of them when a coach works to a different rule.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Thresholds {
    /// More hard sets than this for one muscle in one week warn. Default 20: muscle growth
    /// rises with weekly sets, 10 or more beating fewer (Schoenfeld, Ogborn & Krieger 2017,
    /// J Sports Sci 35(11)), and little evidence reaches past about 20.
    pub max_weekly_sets_per_muscle: u32,
    /// A set with `percent_tm` counts as hard when its percent of 1RM is at least this.
    /// Default 60: warm-up sets are prescribed below it (house heuristic).
    pub hard_set_min_percent_1rm: f64,
    /// A set with `rpe` and no `percent_tm` counts as hard when its RPE is at least this.
    /// Default 6: four or more reps in reserve below it (RIR-based RPE scale, Helms et al.
    /// 2016). A set with neither counts as hard, since nothing marks it as a warm-up.
    pub hard_set_min_rpe: f64,
    /// A rise of an exercise's top load over the week before of more than this many percent
    /// warns. Default 10: NSCA's load increments run from about 2.5 % to 10 % (NSCA,
    /// *Essentials*, 4th ed., progression of training loads).
    pub max_load_jump_percent: f64,
    /// More weeks than this in a row without a lighter week warn. Default 8, which leaves room
    /// for long blocks: coaches typically deload every 4-6 weeks, though periodicity varies
    /// widely (Bell et al. 2022, Front Sports Act Living 4:1073223).
    pub max_weeks_without_lighter: usize,
    /// A week with at least this many percent less work than the week before counts as a
    /// lighter week, whatever its label. Default 10 (house heuristic).
    pub lighter_week_drop_percent: f64,
    /// How many reps an exercise's main work may stray outside a goal zone's rep range before
    /// [`GOAL_ZONE`] warns: only work clearly outside the zone warns. Default 2.
    pub goal_zone_rep_slack: u32,
    /// How many points of 1RM an exercise's main work may stray outside a goal zone's load
    /// range before [`GOAL_ZONE`] warns. Default 5.
    pub goal_zone_percent_slack: f64,
    /// Athletes younger than this (whole years) get the youth rules. Default 18.
    pub youth_age: u32,
    /// More sets than this of one prescribed exercise warn for a youth. Default 3: 1-3 sets
    /// per exercise (Faigenbaum et al. 2009, NSCA youth position statement).
    pub youth_max_sets: usize,
    /// A set at or above this percent of 1RM warns for a youth. Default 85: the top of the
    /// youth loading ranges (Faigenbaum et al. 2009).
    pub youth_max_percent_1rm: f64,
    /// A set with an RPE but no load the RTS chart can turn into percent of 1RM (an AMRAP, a
    /// timed set, more than 12 reps) warns for a youth at or above this RPE. Default 9: one
    /// rep or less in reserve; on the RTS chart 4 reps at RPE 9 are already 86.3 % of 1RM.
    pub youth_max_rpe: f64,
    /// More plyometric ground contacts than this in one session warn for a youth. Default 100
    /// (Faigenbaum et al. 2009; NSCA, *Essentials*, 4th ed., beginner plyometric volume).
    pub youth_max_plyometric_contacts: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            max_weekly_sets_per_muscle: 20,
            hard_set_min_percent_1rm: 60.0,
            hard_set_min_rpe: 6.0,
            max_load_jump_percent: 10.0,
            max_weeks_without_lighter: 8,
            lighter_week_drop_percent: 10.0,
            goal_zone_rep_slack: 2,
            goal_zone_percent_slack: 5.0,
            youth_age: 18,
            youth_max_sets: 3,
            youth_max_percent_1rm: 85.0,
            youth_max_rpe: 9.0,
            youth_max_plyometric_contacts: 100,
        }
    }
}

/// The training max as a fraction of 1RM that [`LintOptions`] assumes by default: 0.9, Jim
/// Wendler's *5/3/1* convention.
pub const DEFAULT_TRAINING_MAX_FRACTION: f64 = 0.9;

/// What the lints know beyond the program: the athlete, the day, the exercises, the training
/// max convention and the thresholds. Build it with [`LintOptions::new`] and the methods.
#[derive(Debug, Clone)]
pub struct LintOptions<'a> {
    pub(super) athlete: Option<&'a Athlete>,
    pub(super) judged_on: Option<Date>,
    pub(super) exercises: Option<&'a ExerciseIndex>,
    pub(super) training_max_fraction: f64,
    pub(super) thresholds: Thresholds,
}

impl Default for LintOptions<'_> {
    fn default() -> Self {
        Self {
            athlete: None,
            judged_on: None,
            exercises: None,
            training_max_fraction: DEFAULT_TRAINING_MAX_FRACTION,
            thresholds: Thresholds::default(),
        }
    }
}

impl<'a> LintOptions<'a> {
    /// No athlete, no day, no exercise metadata, a training max of 90 % of 1RM and the default
    /// thresholds.
    pub fn new() -> Self {
        Self::default()
    }

    /// The athlete the program is for; the youth rules use the `birth_date`.
    #[must_use]
    pub fn athlete(mut self, athlete: &'a Athlete) -> Self {
        self.athlete = Some(athlete);
        self
    }

    /// The day the athlete's age is judged on: normally the day the program starts.
    #[must_use]
    pub fn judged_on(mut self, day: Date) -> Self {
        self.judged_on = Some(day);
        self
    }

    /// The logbook's athlete, and its `as_of` day ([`Logbook::as_of`]) unless a day is already
    /// set.
    #[must_use]
    pub fn logbook(mut self, logbook: &'a Logbook) -> Self {
        self.athlete = Some(&logbook.athlete);
        self.judged_on = self.judged_on.or_else(|| logbook.as_of());
        self
    }

    /// The host's exercises, for muscles and categories. Without them (and, in
    /// [`lint_catalog`], without the document's own exercises) the muscle-volume and
    /// plyometric-contact rules are skipped.
    #[must_use]
    pub fn exercises(mut self, index: &'a ExerciseIndex) -> Self {
        self.exercises = Some(index);
        self
    }

    /// The training max as a fraction of 1RM: percent of 1RM = `percent_tm` times this.
    /// Default 0.9 (Wendler's *5/3/1*); 1.0 when `percent_tm` is really percent of 1RM. A value
    /// that is not finite or not above 0 is ignored.
    #[must_use]
    pub fn training_max_fraction(mut self, fraction: f64) -> Self {
        if fraction.is_finite() && fraction > 0.0 {
            self.training_max_fraction = fraction;
        }
        self
    }

    /// Thresholds other than the defaults.
    #[must_use]
    pub fn thresholds(mut self, thresholds: Thresholds) -> Self {
        self.thresholds = thresholds;
        self
    }
}
