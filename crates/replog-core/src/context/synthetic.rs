//! A synthetic logbook, for benchmarks and demos: a realistic, reproducible history of any
//! length without shipping anyone's data.
//!
//! It follows one athlete through 12-week blocks of a 4-week template (accumulation,
//! accumulation, intensification, deload) with main lifts at a percentage of training maxes
//! raised every 4 weeks, AMRAP last sets, accessories progressing by weight, some RPEs, a
//! missed session now and then, a free-training session every fifth week, a two-week break
//! every half year, weekly body weights, coach notes, and goal and tier changes.

use crate::calendar::{civil_from_days, days_from_civil};
use crate::exercise::Tier;
use crate::logbook::{
    AssignedProgram, Athlete, BodyWeight, CoachNote, Date, GoalChange, Logbook, LoggedSet,
    ProgramStatus, TierChange, TrainingMax, Workout,
};
use crate::program::{
    AppliesTo, Day, Every, PrescribedExercise, Program, ProgressionRule, RepType, Set, Unit, Week,
};

/// An exercise of the synthetic athlete's training.
struct Lift {
    name: &'static str,
    /// The starting load (training max for a main lift, working weight otherwise); 0 for
    /// bodyweight.
    start: f64,
    rep_type: RepType,
    reps: u32,
}

const MAIN: [Lift; 5] = [
    lift("Back Squat", 225.0, 5),
    lift("Bench Press", 165.0, 5),
    lift("Deadlift", 275.0, 5),
    lift("Overhead Press", 105.0, 5),
    lift("Power Clean", 135.0, 3),
];

const ACCESSORIES: [Lift; 10] = [
    lift("Romanian Deadlift", 135.0, 8),
    lift("Pull Up", 0.0, 8),
    lift("Dumbbell Row", 50.0, 10),
    lift("Walking Lunge", 30.0, 10),
    lift("Hip Thrust", 135.0, 10),
    lift("Kettlebell Swing", 35.0, 15),
    lift("Face Pull", 30.0, 15),
    lift("Box Jump", 0.0, 5),
    Lift {
        name: "Plank",
        start: 0.0,
        rep_type: RepType::Seconds,
        reps: 45,
    },
    lift("Front Squat", 135.0, 6),
];

const fn lift(name: &'static str, start: f64, reps: u32) -> Lift {
    Lift {
        name,
        start,
        rep_type: RepType::Reps,
        reps,
    }
}

/// The template's weeks: label, percent of training max for the main lifts, and whether
/// the main lifts' last set is an AMRAP.
const WAVE: [(&str, f64, bool); 4] = [
    ("accumulation", 70.0, true),
    ("accumulation", 75.0, true),
    ("intensification", 80.0, true),
    ("deload", 60.0, false),
];

/// Weeks per block (one program assignment): three passes through the template.
const BLOCK_WEEKS: u32 = 12;

/// The shape of a synthetic logbook. [`synthetic_logbook`] is the usual one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntheticLogbook {
    /// Weeks of history, ending on Sunday 2026-04-12 (the logbook's `as_of`).
    pub weeks: u32,
    /// Programmed sessions a week (1-7).
    pub sessions_per_week: u32,
    /// Exercises a session: two main lifts and the rest accessories (2-15).
    pub exercises_per_session: usize,
    /// Sets per exercise; `None` for 5 on main lifts (the last an AMRAP) and 4 on accessories.
    pub sets_per_exercise: Option<u32>,
    /// Seeds the small variations (missed sessions, reps, RPEs, body weight).
    pub seed: u64,
}

impl SyntheticLogbook {
    /// `weeks` weeks of `sessions_per_week` sessions of 6 exercises with 4-5 sets each.
    pub fn new(weeks: u32, sessions_per_week: u32, seed: u64) -> Self {
        Self {
            weeks,
            sessions_per_week,
            exercises_per_session: 6,
            sets_per_exercise: None,
            seed,
        }
    }

    /// The logbook.
    pub fn build(&self) -> Logbook {
        Builder::new(self).build()
    }
}

/// A synthetic logbook of `weeks` weeks with `sessions_per_week` programmed sessions a week,
/// six exercises a session with 4-5 sets each, for benchmarks and demos: 12-week blocks of a
/// 4-week template with AMRAP last sets on the main lifts, training maxes raised every 4
/// weeks, some RPEs, missed sessions, free training every fifth week, a two-week break
/// every half year, weekly body weights, coach notes, goal and tier changes. The same
/// arguments always give the same logbook; [`SyntheticLogbook`] changes its shape.
pub fn synthetic_logbook(weeks: u32, sessions_per_week: u32, seed: u64) -> Logbook {
    SyntheticLogbook::new(weeks, sessions_per_week, seed).build()
}

/// splitmix64: small, fast and reproducible everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..1.
    fn unit(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss)] // 53 bits, exactly representable
        let value = (self.next() >> 11) as f64;
        value / (1_u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

struct Builder<'s> {
    shape: &'s SyntheticLogbook,
    rng: Rng,
    first_day: i64,
    sessions: u32,
}

impl<'s> Builder<'s> {
    fn new(shape: &'s SyntheticLogbook) -> Self {
        let last = days_from_civil(Date::constant(2026, 4, 12));
        Self {
            shape,
            rng: Rng(shape.seed),
            first_day: last - i64::from(shape.weeks) * 7 + 1,
            sessions: shape.sessions_per_week.clamp(1, 7),
        }
    }

    fn day(&self, week: u32, offset: u32) -> Date {
        civil_from_days(self.first_day + i64::from(week) * 7 + i64::from(offset))
    }

    /// The exercises of template day `day` (0-based): two main lifts, then accessories.
    fn day_lifts(&self, day: u32) -> Vec<&'static Lift> {
        let day = day as usize;
        let count = self.shape.exercises_per_session.clamp(2, 15);
        let mut lifts = vec![&MAIN[day % MAIN.len()], &MAIN[(day + 2) % MAIN.len()]];
        for k in 0..count - 2 {
            lifts.push(&ACCESSORIES[(day * 3 + k) % ACCESSORIES.len()]);
        }
        lifts
    }

    fn sets_for(&self, lift: &Lift) -> u32 {
        let main = MAIN.iter().any(|m| m.name == lift.name);
        self.shape
            .sets_per_exercise
            .unwrap_or(if main { 5 } else { 4 })
            .clamp(1, 20)
    }

    fn template(&self, name: &str, goal: &str) -> Program {
        let weeks = (1_u32..)
            .zip(WAVE)
            .map(|(number, (label, percent, amrap))| Week {
                number,
                label: Some(label.to_owned()),
                days: (0..self.sessions)
                    .map(|day| self.template_day(day, percent, amrap))
                    .collect(),
            })
            .collect();
        Program {
            name: name.to_owned(),
            description: Some(
                "Four-week wave: two accumulation weeks, one heavier, a deload.".into(),
            ),
            goal: Some(goal.to_owned()),
            unit: Some(Unit::Lb),
            is_loop: false,
            weeks,
            progression_rules: MAIN
                .iter()
                .map(|lift| ProgressionRule {
                    exercise: lift.name.to_owned(),
                    increment: 5.0,
                    every: Every::Cycle,
                    applies_to: AppliesTo::TrainingMax,
                    deload_after_failures: Some(3),
                    deload_percent: Some(10.0),
                })
                .collect(),
        }
    }

    fn template_day(&self, day: u32, percent: f64, amrap: bool) -> Day {
        let exercises = (1_u32..)
            .zip(self.day_lifts(day))
            .map(|(sort_order, lift)| {
                let main = sort_order <= 2;
                let count = self.sets_for(lift);
                let sets = (1..=count)
                    .map(|n| Set {
                        rep_type: lift.rep_type,
                        reps: if main && amrap && n == count {
                            None
                        } else {
                            Some(lift.reps)
                        },
                        percent_tm: main.then_some(percent),
                        weight: None,
                        rpe: None,
                        rest_seconds: Some(if main { 180 } else { 90 }),
                        notes: None,
                    })
                    .collect();
                PrescribedExercise {
                    exercise: lift.name.to_owned(),
                    sort_order,
                    superset: None,
                    notes: None,
                    sets,
                }
            })
            .collect();
        Day {
            number: u8::try_from(day + 1).unwrap_or(7),
            name: Some(format!("Day {}", day + 1)),
            exercises,
        }
    }

    fn build(mut self) -> Logbook {
        let shape = *self.shape;
        let mut logbook = Logbook::new("Sam Synthetic");
        logbook.as_of = Some(self.day(shape.weeks.max(1) - 1, 6));
        logbook.unit = Some(Unit::Lb);
        logbook.athlete = Athlete {
            name: "Sam Synthetic".into(),
            birth_date: Some(Date::constant(2004, 9, 14)),
            tier: Some(Tier::Intermediate),
            goal: Some("squat 1.75x body weight".into()),
            notes: Some("Plays rugby on weekends; trains before school.".into()),
        };
        logbook.equipment = [
            "barbell",
            "squat_rack",
            "bench",
            "dumbbell",
            "kettlebell",
            "plyo_box",
            "pull_up_bar",
            "cable_machine",
        ]
        .map(String::from)
        .to_vec();
        logbook.tier_history.push(TierChange {
            date: self.day(0, 0),
            tier: Tier::Foundational,
        });
        logbook.goal_history.push(GoalChange {
            date: self.day(0, 0),
            goal: "learn the main lifts".into(),
        });
        let goals = ["strength", "hypertrophy", "power"];
        let mut maxes: Vec<f64> = MAIN.iter().map(|l| l.start).collect();
        let mut body_weight = 165.0;
        for week in 0..shape.weeks {
            let block = week / BLOCK_WEEKS;
            let in_block = week % BLOCK_WEEKS;
            let program = format!("Block {}", block + 1);
            if in_block == 0 {
                let goal = goals[block as usize % goals.len()];
                let last_block = (shape.weeks - 1) / BLOCK_WEEKS == block;
                logbook.programs.push(AssignedProgram {
                    name: program.clone(),
                    assigned_at: self.day(week, 0),
                    status: if last_block {
                        ProgramStatus::Active
                    } else {
                        ProgramStatus::Completed
                    },
                    goal: Some(goal.into()),
                    template: self.template(&program, goal),
                });
                if block > 0 {
                    logbook.tier_history.push(TierChange {
                        date: self.day(week, 0),
                        tier: Tier::Intermediate,
                    });
                    logbook.tier_history.dedup_by_key(|t| t.tier);
                }
            }
            if week % 4 == 0 {
                for (lift, max) in MAIN.iter().zip(&mut maxes) {
                    if week > 0 {
                        *max += if lift.start >= 200.0 { 10.0 } else { 5.0 };
                    }
                    logbook.training_maxes.push(TrainingMax {
                        exercise: lift.name.into(),
                        weight: *max,
                        effective_date: self.day(week, 0),
                    });
                }
            }
            body_weight += 0.1 + (self.rng.unit() - 0.5) * 0.8;
            logbook.body_weights.push(BodyWeight {
                date: self.day(week, 0),
                weight: (body_weight * 10.0).round() / 10.0,
            });
            if week % 6 == 2 {
                let (content, private, pinned) = if week == 2 {
                    ("Watch left knee on lunges; stop at any pain.", true, true)
                } else {
                    ("Bar speed good; keep the same warm-up.", false, false)
                };
                logbook.notes.push(CoachNote {
                    date: self.day(week, 2),
                    content: content.into(),
                    is_private: private,
                    pinned,
                });
            }
            if week % 26 == 19 || week % 26 == 20 {
                continue; // a two-week break every half year
            }
            for day in 0..self.sessions {
                if self.rng.chance(0.05) {
                    continue; // a missed session
                }
                let free = week % 5 == 4 && day + 1 == self.sessions;
                let workout = self.workout(week, day, &maxes, (!free).then_some(&program));
                logbook.workouts.push(workout);
            }
        }
        logbook
    }

    fn workout(&mut self, week: u32, day: u32, maxes: &[f64], program: Option<&String>) -> Workout {
        let wave = (week % BLOCK_WEEKS % 4) as usize;
        let (_, percent, amrap) = WAVE[wave];
        let mut sets = Vec::new();
        for (slot, lift) in self.day_lifts(day).into_iter().enumerate() {
            let main = slot < 2;
            let weight = if main {
                let index = MAIN.iter().position(|m| m.name == lift.name).unwrap_or(0);
                Some(((maxes[index] * percent / 100.0) / 5.0).round() * 5.0)
            } else if lift.start > 0.0 {
                Some(lift.start + 5.0 * f64::from(week / 6))
            } else {
                None
            };
            let count = self.sets_for(lift);
            for n in 1..=count {
                let mut reps = lift.reps;
                if main && amrap && n == count {
                    reps += 1 + (self.rng.next() % 5) as u32;
                } else if self.rng.chance(0.04) {
                    reps = reps.saturating_sub(1);
                }
                let mut set = LoggedSet::new(lift.name, n, reps, weight);
                set.rep_type = lift.rep_type;
                if n == count && self.rng.chance(if main { 0.8 } else { 0.3 }) {
                    let rpe = 6.5 + 0.5 * wave as f64 + (self.rng.next() % 3) as f64 * 0.5;
                    set.rpe = Some(rpe.min(10.0));
                }
                sets.push(set);
            }
        }
        let offset = day * 7 / self.sessions;
        Workout {
            date: self.day(week, offset),
            name: Some(format!("Day {}", day + 1)),
            duration_seconds: Some(3600 + 60 * (u32::try_from(sets.len()).unwrap_or(0))),
            program: program.cloned(),
            week: program.map(|_| u32::try_from(wave).unwrap_or(0) + 1),
            day: program.map(|_| day + 1),
            sets,
            review: None,
            notes: None,
        }
    }
}
