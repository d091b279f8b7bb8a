//! Training-science lints: `lint.*` warnings on a program, optionally for a given athlete.
//!
//! Every finding is a [`Severity::Warning`](crate::Severity::Warning), never an error: the
//! science is contested in places, and the coach decides. Each message names the numbers it
//! judged and cites the source of its threshold; every threshold can be changed through
//! [`Thresholds`], because coaches disagree.
//!
//! | code | rule | source |
//! |---|---|---|
//! | [`REPS_BEYOND_MAX`] | a set asks for more reps than its load allows | RTS RPE chart, RPE-10 column |
//! | [`GOAL_ZONE`] | an exercise's main work sits outside the program goal's rep/load zone | NSCA, *Essentials of Strength Training and Conditioning*, 4th ed. |
//! | [`WEEKLY_SETS_PER_MUSCLE`] | more than 20 hard sets for one muscle in a week | Schoenfeld, Ogborn & Krieger 2017 |
//! | [`LOAD_JUMP`] | an exercise's top load rises more than 10 % over the week before | NSCA, *Essentials*, 4th ed. (load increments of about 2.5-10 %) |
//! | [`NO_LIGHTER_WEEK`] | more than 8 weeks in a row without a lighter week | Bell et al. 2022 (coaches deload every 4-6 weeks, with wide variation) |
//! | [`YOUTH_SETS`] | under 18: more than 3 sets of an exercise | Faigenbaum et al. 2009, NSCA youth position statement |
//! | [`YOUTH_INTENSITY`] | under 18: a set at or above 85 % of 1RM | Faigenbaum et al. 2009 |
//! | [`YOUTH_PLYOMETRIC_CONTACTS`] | under 18: more than 100 plyometric contacts in a session | Faigenbaum et al. 2009; NSCA, *Essentials*, 4th ed. |
//!
//! What each rule needs:
//! - The muscle count and the plyometric count need exercise metadata: the catalog in force
//!   ([`LintOptions::exercises`], plus the document's own exercises in [`lint_catalog`]).
//!   Without any, or for an exercise that does not resolve, those rules stay silent.
//! - The youth rules need an athlete with a `birth_date` **and** a day to judge the age on
//!   ([`LintOptions::judged_on`], or the logbook's `as_of` through [`LintOptions::logbook`]).
//!   Without a day they stay silent: the crate does no I/O, so it never reads the clock.
//! - The youth rules follow the conservative reading of the NSCA youth position statement;
//!   a meta-analysis in youth *athletes* found more sets and 80-89 % of 1RM most effective for
//!   strength (Lesinski et al. 2016, Br J Sports Med), which is why these are warnings.
//! - Loads given as `percent_tm` are turned into percent of 1RM with the assumed training
//!   max ([`LintOptions::training_max_fraction`], default 0.9).
//!
//! ```
//! use replog_core::lint::{LintOptions, lint_program};
//! use replog_core::{Day, PrescribedExercise, Program, Set, Week};
//!
//! let mut set = Set::reps(10);
//! set.percent_tm = Some(90.0); // 81 % of 1RM: nobody does 10 reps there
//! let program = Program {
//!     name: "Test".into(), description: None, goal: None, unit: None, is_loop: false,
//!     progression_rules: vec![],
//!     weeks: vec![Week { number: 1, label: None, days: vec![Day { number: 1, name: None,
//!         exercises: vec![PrescribedExercise { exercise: "Back Squat".into(), sort_order: 1,
//!             superset: None, notes: None, sets: vec![set] }] }] }],
//! };
//! let issues = lint_program(&program, &LintOptions::new());
//! assert_eq!(issues.len(), 1);
//! assert_eq!(issues[0].code.as_str(), "lint.reps_beyond_max");
//! assert_eq!(issues[0].path.to_string(), "/weeks/0/days/0/exercises/0/sets/0/percent_tm");
//! ```

mod goal;
mod load;
mod options;
mod volume;
mod youth;

use std::borrow::Cow;

pub use options::{DEFAULT_TRAINING_MAX_FRACTION, LintOptions, Thresholds};

use crate::{
    Catalog, Code, ExerciseIndex, IndexedExercise, Issue, Path, PrescribedExercise, Program,
    RepType, Set,
};

/// `lint.reps_beyond_max`: a set's load is above the RTS chart's RPE-10 cell for its reps.
pub const REPS_BEYOND_MAX: &str = "reps_beyond_max";
/// `lint.goal_zone`: an exercise's main work is outside the NSCA zone of the program's goal.
pub const GOAL_ZONE: &str = "goal_zone";
/// `lint.weekly_sets_per_muscle`: too many hard sets for one muscle in one week.
pub const WEEKLY_SETS_PER_MUSCLE: &str = "weekly_sets_per_muscle";
/// `lint.load_jump`: an exercise's top load rises too much over the week before.
pub const LOAD_JUMP: &str = "load_jump";
/// `lint.no_lighter_week`: too many weeks in a row without a lighter week.
pub const NO_LIGHTER_WEEK: &str = "no_lighter_week";
/// `lint.youth_sets`: an athlete under 18 gets too many sets of one exercise.
pub const YOUTH_SETS: &str = "youth_sets";
/// `lint.youth_intensity`: an athlete under 18 gets a set at or above the youth load ceiling.
pub const YOUTH_INTENSITY: &str = "youth_intensity";
/// `lint.youth_plyometric_contacts`: an athlete under 18 gets too many jumps in a session.
pub const YOUTH_PLYOMETRIC_CONTACTS: &str = "youth_plyometric_contacts";

/// Every lint's name (what [`Code::Lint`] carries; the code serialises as `lint.<name>`), in
/// the order the rules run, which is also the order of issues that share a path.
pub const ALL: [&str; 8] = [
    REPS_BEYOND_MAX,
    GOAL_ZONE,
    WEEKLY_SETS_PER_MUSCLE,
    LOAD_JUMP,
    NO_LIGHTER_WEEK,
    YOUTH_SETS,
    YOUTH_INTENSITY,
    YOUTH_PLYOMETRIC_CONTACTS,
];

const SOURCE_RTS: &str = "RTS RPE chart";
const SOURCE_NSCA: &str = "NSCA, Essentials of Strength Training and Conditioning, 4th ed.";
const SOURCE_VOLUME: &str = "Schoenfeld et al. 2017";
const SOURCE_DELOAD: &str = "Bell et al. 2022, coaches' deloading practices";
const SOURCE_YOUTH: &str = "Faigenbaum et al. 2009, NSCA youth position statement";

/// The training-science warnings for one program, with paths relative to the program
/// (`/weeks/0/days/1/exercises/2/sets/0/percent_tm`).
///
/// Issues come in document order: sorted by path (array elements by index, an issue at a
/// week or day before those inside it), and issues at the same path in the order of [`ALL`].
pub fn lint_program(program: &Program, options: &LintOptions<'_>) -> Vec<Issue> {
    let exercises = Exercises {
        own: None,
        host: options.exercises,
    };
    lint_with(program, options, &exercises)
}

/// The training-science warnings for every program of a document, with paths from the
/// document's root (`/programs/0/weeks/...`), program by program in document order.
///
/// Exercise names resolve against the document's own exercises first, then those of
/// [`LintOptions::exercises`], as validation resolves them.
pub fn lint_catalog(catalog: &Catalog, options: &LintOptions<'_>) -> Vec<Issue> {
    let own = ExerciseIndex::from_catalog(catalog);
    let exercises = Exercises {
        own: Some(&own),
        host: options.exercises,
    };
    let mut issues = Vec::new();
    for (p, program) in catalog.programs.iter().enumerate() {
        for mut issue in lint_with(program, options, &exercises) {
            issue.path.push_front(p);
            issue.path.push_front("programs");
            issues.push(issue);
        }
    }
    issues
}

fn lint_with(
    program: &Program,
    options: &LintOptions<'_>,
    exercises: &Exercises<'_>,
) -> Vec<Issue> {
    let cx = Context {
        program,
        exercises,
        fraction: options.training_max_fraction,
        th: &options.thresholds,
        youth: youth::Youth::of(options),
    };
    let mut issues = Vec::new();
    load::reps_beyond_max(&cx, &mut issues);
    goal::goal_zone(&cx, &mut issues);
    volume::weekly_sets_per_muscle(&cx, &mut issues);
    load::load_jump(&cx, &mut issues);
    load::no_lighter_week(&cx, &mut issues);
    if let Some(youth) = &cx.youth {
        youth::youth_sets(&cx, youth, &mut issues);
        youth::youth_intensity(&cx, youth, &mut issues);
        youth::youth_plyometric_contacts(&cx, youth, &mut issues);
    }
    // Stable: issues at one path keep the order the rules ran in.
    issues.sort_by(|a, b| a.path.cmp(&b.path));
    issues
}

/// The exercises names resolve against: the document's own first, then the host's.
struct Exercises<'a> {
    own: Option<&'a ExerciseIndex>,
    host: Option<&'a ExerciseIndex>,
}

impl Exercises<'_> {
    fn resolve(&self, name: &str) -> Option<&IndexedExercise> {
        self.own
            .and_then(|own| own.resolve(name))
            .or_else(|| self.host.and_then(|host| host.resolve(name)))
    }
}

/// What every rule reads.
struct Context<'c> {
    program: &'c Program,
    exercises: &'c Exercises<'c>,
    fraction: f64,
    th: &'c Thresholds,
    youth: Option<youth::Youth<'c>>,
}

impl Context<'_> {
    /// Every prescribed exercise with its week, day and exercise indices.
    fn prescribed(&self) -> impl Iterator<Item = (Loc, &PrescribedExercise)> {
        (0..self.program.weeks.len()).flat_map(|w| self.prescribed_in(w))
    }

    /// The prescribed exercises of week `w` (none for a week that is not there).
    fn prescribed_in(&self, w: usize) -> impl Iterator<Item = (Loc, &PrescribedExercise)> {
        let days = self.program.weeks.get(w).map_or(&[][..], |week| &week.days);
        days.iter().enumerate().flat_map(move |(d, day)| {
            day.exercises.iter().enumerate().map(move |(e, exercise)| {
                let loc = Loc {
                    week: w,
                    day: d,
                    exercise: e,
                };
                (loc, exercise)
            })
        })
    }

    /// Every set with its location and its prescribed exercise.
    fn sets(&self) -> impl Iterator<Item = (Loc, usize, &PrescribedExercise, &Set)> {
        (0..self.program.weeks.len()).flat_map(|w| self.sets_in(w))
    }

    /// The sets of week `w`, like [`Context::sets`].
    fn sets_in(&self, w: usize) -> impl Iterator<Item = (Loc, usize, &PrescribedExercise, &Set)> {
        self.prescribed_in(w).flat_map(|(loc, exercise)| {
            exercise
                .sets
                .iter()
                .enumerate()
                .map(move |(s, set)| (loc, s, exercise, set))
        })
    }

    /// The percent of 1RM a `percent_tm` stands for.
    fn percent_1rm(&self, percent_tm: f64) -> f64 {
        percent_tm * self.fraction
    }

    /// How a `percent_tm` reads in a message: `95 % TM (85.5 % of 1RM)`.
    fn describe_tm(&self, percent_tm: f64) -> String {
        format!(
            "{} % TM ({} % of 1RM)",
            num(percent_tm),
            num(self.percent_1rm(percent_tm))
        )
    }

    /// The key an exercise is grouped by across days and weeks: its catalog name when it
    /// resolves (so aliases meet), else its own normalised name.
    fn key(&self, exercise: &PrescribedExercise) -> String {
        let name = self
            .exercises
            .resolve(&exercise.exercise)
            .map_or(exercise.exercise.as_str(), |found| found.name.as_str());
        crate::normalize_name(name)
    }
}

/// Where a prescribed exercise is: indices into weeks, days and exercises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Loc {
    week: usize,
    day: usize,
    exercise: usize,
}

impl Loc {
    fn day_path(self) -> Path {
        week_path(self.week).join("days").join(self.day)
    }

    fn exercise_path(self) -> Path {
        self.day_path().join("exercises").join(self.exercise)
    }

    fn set_path(self, set: usize) -> Path {
        self.exercise_path().join("sets").join(set)
    }
}

fn week_path(week: usize) -> Path {
    Path::root().join("weeks").join(week)
}

/// A `lint.*` warning.
fn warning(path: Path, name: &'static str, message: String) -> Issue {
    Issue::new(path, Code::Lint(Cow::Borrowed(name)), message)
}

/// The reps a set counts as repetitions (`reps` or `each_side`), if it says how many.
fn counted_reps(set: &Set) -> Option<u32> {
    match set.rep_type {
        RepType::Reps | RepType::EachSide => set.reps,
        RepType::Seconds | RepType::Distance => None,
    }
}

/// A count and what it comes from, per exercise name in first-appearance order.
#[derive(Debug, Default)]
struct Tally<'a> {
    total: u32,
    from: Vec<(&'a str, u32)>,
}

impl<'a> Tally<'a> {
    fn add(&mut self, name: &'a str, count: u32) {
        self.total = self.total.saturating_add(count);
        match self.from.iter_mut().find(|(seen, _)| *seen == name) {
            Some((_, sum)) => *sum = sum.saturating_add(count),
            None => self.from.push((name, count)),
        }
    }

    /// `Box Jump 15, Lateral Bound 30`.
    fn sources(&self) -> String {
        let parts: Vec<String> = self
            .from
            .iter()
            .map(|(name, count)| format!("{name} {count}"))
            .collect();
        parts.join(", ")
    }
}

/// Slack for comparisons of computed percentages, so that a value exactly on a threshold
/// (85 % TM at a fraction of 1.0) is on it and not a rounding error past it.
const EPSILON: f64 = 1e-9;

use crate::render::one_decimal as num;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_without_needless_decimals() {
        assert_eq!(num(90.0), "90");
        assert_eq!(num(86.39999), "86.4");
        assert_eq!(num(14.2857), "14.3");
        assert_eq!(num(0.04), "0");
    }

    #[test]
    fn bad_fractions_are_ignored() {
        let options = LintOptions::new()
            .training_max_fraction(f64::NAN)
            .training_max_fraction(-1.0)
            .training_max_fraction(0.0);
        assert_eq!(options.training_max_fraction, DEFAULT_TRAINING_MAX_FRACTION);
        assert_eq!(
            LintOptions::new()
                .training_max_fraction(0.85)
                .training_max_fraction,
            0.85
        );
    }
}
