//! The training-science lints' public behaviour: every rule fires on a program built to
//! trigger it, with the numbers it judged in the message, and stays quiet on the near miss at
//! its boundary; a realistic program is clean; issues are warnings in document order; and the
//! sample document of `examples/data` gives exactly what its numbers imply.

use jiff::civil::date;
use replog_core::lint::{self, LintOptions, Thresholds, lint_catalog, lint_program};
use replog_core::{Athlete, Catalog, Exercise, ExerciseIndex, Issue, Logbook, Program, Severity};
use serde_json::{Value, json};

// ---- builders ----

/// A program from a short form: `{"goal"?, "unit"?, "is_loop"?, "weeks": [{"label"?, "days":
/// [[exercise, ...], ...]}]}`; numbers, sort orders and the name are filled in.
fn program(short: Value) -> Program {
    let mut doc = short.clone();
    let weeks: Vec<Value> = short["weeks"]
        .as_array()
        .expect("weeks")
        .iter()
        .enumerate()
        .map(|(w, week)| {
            let days: Vec<Value> = week["days"]
                .as_array()
                .expect("days")
                .iter()
                .enumerate()
                .map(|(d, exercises)| {
                    let exercises: Vec<Value> = exercises
                        .as_array()
                        .expect("exercises")
                        .iter()
                        .enumerate()
                        .map(|(e, exercise)| {
                            let mut exercise = exercise.clone();
                            exercise["sort_order"] = json!(e + 1);
                            exercise
                        })
                        .collect();
                    json!({"number": d + 1, "exercises": exercises})
                })
                .collect();
            let mut out = json!({"number": w + 1, "days": days});
            if let Some(label) = week.get("label") {
                out["label"] = label.clone();
            }
            out
        })
        .collect();
    doc["name"] = json!("Test program");
    doc["weeks"] = json!(weeks);
    serde_json::from_value(doc).expect("a well-formed program")
}

/// A prescribed exercise.
fn ex(name: &str, sets: Vec<Value>) -> Value {
    json!({"exercise": name, "sets": sets})
}

/// `n` sets of `reps` at `percent_tm`.
fn tm(n: usize, reps: u32, percent_tm: f64) -> Vec<Value> {
    vec![json!({"reps": reps, "percent_tm": percent_tm}); n]
}

/// `n` sets of `reps` with no load.
fn plain(n: usize, reps: u32) -> Vec<Value> {
    vec![json!({"reps": reps}); n]
}

/// One week of one day.
fn one_day(exercises: Vec<Value>) -> Value {
    json!({"days": [exercises]})
}

fn index() -> ExerciseIndex {
    let exercises: Vec<Exercise> = serde_json::from_value(json!([
        {"name": "Back Squat", "aliases": ["Squat"], "category": "strength",
         "muscles": ["quadriceps", "glutes"]},
        {"name": "Leg Press", "category": "strength", "muscles": ["quadriceps"]},
        {"name": "Bench Press", "category": "strength", "muscles": ["chest", "triceps"]},
        {"name": "Deadlift", "category": "strength", "muscles": ["hamstrings", "glutes", "back"]},
        {"name": "Pull Up", "category": "strength", "muscles": ["lats", "biceps"]},
        {"name": "Box Jump", "category": "plyometric", "muscles": ["quadriceps", "calves"]},
        {"name": "Lateral Bound", "category": "plyometric", "muscles": ["glutes"]},
    ]))
    .expect("exercises");
    let mut index = ExerciseIndex::new();
    index.extend(&exercises);
    index
}

fn tommy() -> Athlete {
    let mut athlete = Athlete::named("Tommy");
    athlete.birth_date = Some(date(2011, 5, 2));
    athlete
}

fn codes(issues: &[Issue]) -> Vec<String> {
    issues.iter().map(|i| i.code.to_string()).collect()
}

fn paths(issues: &[Issue]) -> Vec<String> {
    issues.iter().map(|i| i.path.to_string()).collect()
}

fn only(issues: &[Issue], code: &str) -> Vec<Issue> {
    issues
        .iter()
        .filter(|i| i.code.to_string() == format!("lint.{code}"))
        .cloned()
        .collect()
}

fn assert_mentions(issue: &Issue, parts: &[&str]) {
    for part in parts {
        assert!(
            issue.message.contains(part),
            "{:?} does not mention {part:?}",
            issue.message
        );
    }
}

// ---- reps beyond the RPE-10 column ----

#[test]
fn reps_beyond_max_fires_above_the_rpe_10_cell() {
    // 96 % TM * 0.9 = 86.4 % of 1RM; 5 reps top out at 86.3 %.
    let p = program(json!({"weeks": [one_day(vec![ex("Back Squat", tm(1, 5, 96.0))])]}));
    let issues = lint_program(&p, &LintOptions::new());
    assert_eq!(codes(&issues), ["lint.reps_beyond_max"]);
    assert_eq!(
        paths(&issues),
        ["/weeks/0/days/0/exercises/0/sets/0/percent_tm"]
    );
    assert_mentions(
        &issues[0],
        &[
            "Back Squat",
            "5 reps at 96 % TM (86.4 % of 1RM)",
            "86.3 %",
            "RTS RPE chart",
        ],
    );
}

#[test]
fn reps_beyond_max_is_quiet_on_and_below_the_cell() {
    // 95.8 * 0.9 = 86.22; at a fraction of 1.0, 86.3 % TM is exactly the cell.
    let below = program(json!({"weeks": [one_day(vec![ex("Back Squat", tm(1, 5, 95.8))])]}));
    assert_eq!(lint_program(&below, &LintOptions::new()), []);
    let on = program(json!({"weeks": [one_day(vec![ex("Back Squat", tm(1, 5, 86.3))])]}));
    let options = LintOptions::new().training_max_fraction(1.0);
    assert_eq!(lint_program(&on, &options), []);
    let over = program(json!({"weeks": [one_day(vec![ex("Back Squat", tm(1, 5, 86.4))])]}));
    assert_eq!(
        codes(&lint_program(&over, &options)),
        ["lint.reps_beyond_max"]
    );
}

#[test]
fn reps_beyond_max_bounds_long_sets_by_the_12_rep_cell_and_skips_amraps() {
    // 15 reps at 80 % TM = 72 % of 1RM, above even 12 reps' 68 %; 15 at 75 % TM = 67.5 %.
    let p = program(json!({"weeks": [one_day(vec![
        ex("Back Squat", vec![json!({"reps": 15, "percent_tm": 80}),
                              json!({"reps": 15, "percent_tm": 75}),
                              json!({"reps": null, "percent_tm": 120}),
                              json!({"rep_type": "seconds", "reps": 30, "percent_tm": 120})]),
    ])]}));
    let issues = lint_program(&p, &LintOptions::new());
    assert_eq!(
        paths(&issues),
        ["/weeks/0/days/0/exercises/0/sets/0/percent_tm"]
    );
    assert_mentions(
        &issues[0],
        &[
            "15 reps at 80 % TM (72 % of 1RM)",
            "even 12 reps top out at 68 %",
        ],
    );
}

// ---- NSCA goal zones ----

#[test]
fn goal_zone_warns_once_per_exercise_outside_the_zone() {
    // Strength goal; 3 sets of 10 at 70 % TM = 63 % of 1RM: hypertrophy work.
    let p = program(json!({"goal": "Get stronger for the meet",
        "weeks": [one_day(vec![ex("Back Squat", tm(3, 10, 70.0))])]}));
    let issues = lint_program(&p, &LintOptions::new());
    assert_eq!(codes(&issues), ["lint.goal_zone"]);
    assert_eq!(paths(&issues), ["/weeks/0/days/0/exercises/0"]);
    assert_mentions(
        &issues[0],
        &[
            "Back Squat",
            "10 reps at 70 % TM (63 % of 1RM)",
            "strength",
            "at most 6 reps at 85 % of 1RM or more",
            "NSCA, Essentials",
        ],
    );
}

#[test]
fn goal_zone_allows_the_slack_and_not_past_it() {
    let options = LintOptions::new().training_max_fraction(1.0);
    let lint = |goal: &str, reps: u32, percent: f64| {
        let p = program(json!({"goal": goal,
            "weeks": [one_day(vec![ex("Back Squat", tm(3, reps, percent))])]}));
        codes(&only(&lint_program(&p, &options), "goal_zone"))
    };
    // Strength: <= 6 reps at >= 85 %, give or take 2 reps and 5 points.
    assert!(lint("strength", 3, 80.0).is_empty());
    assert_eq!(lint("strength", 3, 79.9), ["lint.goal_zone"]);
    // Hypertrophy: 6-12 reps at 67-85 %.
    assert!(lint("hypertrophy", 4, 75.0).is_empty());
    assert_eq!(lint("hypertrophy", 3, 75.0), ["lint.goal_zone"]);
    assert!(lint("hypertrophy", 14, 65.0).is_empty());
    assert_eq!(lint("hypertrophy", 15, 65.0), ["lint.goal_zone"]);
    // Power takes either power zone: 1-2 reps at 80-90 % or 3-5 at 75-85 %.
    assert!(lint("explosive power", 2, 95.0).is_empty());
    assert_eq!(lint("explosive power", 2, 95.1), ["lint.goal_zone"]);
}

#[test]
fn goal_zone_skips_deload_weeks() {
    let p = program(json!({"goal": "strength", "weeks": [
        {"label": "deload", "days": [[ex("Back Squat", tm(3, 5, 50.0))]]},
    ]}));
    assert_eq!(lint_program(&p, &LintOptions::new()), []);
}

#[test]
fn goal_zone_judges_rpe_sets_through_the_chart_and_skips_unknown_goals() {
    // Hypertrophy: 6-12 reps at 67-85 %; 3 reps at RPE 9 is 89.2 % of 1RM.
    let sets = vec![json!({"reps": 3, "rpe": 9})];
    let p = program(json!({"goal": "build muscle",
        "weeks": [one_day(vec![ex("Bench Press", sets.clone())])]}));
    let issues = lint_program(&p, &LintOptions::new());
    assert_eq!(codes(&issues), ["lint.goal_zone"]);
    assert_mentions(
        &issues[0],
        &[
            "3 reps at RPE 9 (89.2 % of 1RM",
            "hypertrophy",
            "6-12 reps at 67-85 %",
        ],
    );
    let football = program(json!({"goal": "football combine prep",
        "weeks": [one_day(vec![ex("Bench Press", sets)])]}));
    assert_eq!(lint_program(&football, &LintOptions::new()), []);
}

// ---- weekly hard sets per muscle ----

/// A week of squats and leg presses: `last` sets of Back Squat on day 3.
fn leg_week(last: usize) -> Program {
    program(json!({"weeks": [{"days": [
        [ex("Back Squat", tm(5, 5, 75.0)), ex("Leg Press", plain(4, 10))],
        [ex("Squat", tm(5, 5, 75.0)), ex("Leg Press", plain(4, 10))],
        [ex("Back Squat", [tm(last, 5, 75.0), tm(3, 5, 60.0)].concat())],
    ]}]}))
}

#[test]
fn weekly_sets_per_muscle_fires_past_20_and_names_the_sources() {
    let index = index();
    let options = LintOptions::new().exercises(&index);
    // quadriceps: 5 + 4 + 5 + 4 + 3 = 21; glutes: 13. The 60 % TM (54 % 1RM) sets are warm-ups.
    let issues = lint_program(&leg_week(3), &options);
    assert_eq!(codes(&issues), ["lint.weekly_sets_per_muscle"]);
    assert_eq!(paths(&issues), ["/weeks/0"]);
    assert_mentions(
        &issues[0],
        &[
            "week 1 has 21 hard sets for quadriceps",
            "more than 20",
            "Back Squat 13, Leg Press 8",
            "Schoenfeld et al. 2017",
        ],
    );
}

#[test]
fn weekly_sets_per_muscle_is_quiet_at_20_and_without_a_catalog() {
    let index = index();
    let options = LintOptions::new().exercises(&index);
    assert_eq!(lint_program(&leg_week(2), &options), []);
    assert_eq!(lint_program(&leg_week(3), &LintOptions::new()), []);
    // Counting warm-ups too (threshold 0) puts the 20 case at 23.
    let mut thresholds = Thresholds::default();
    thresholds.hard_set_min_percent_1rm = 0.0;
    let issues = lint_program(&leg_week(2), &options.clone().thresholds(thresholds));
    assert_eq!(issues.len(), 1);
    assert_mentions(&issues[0], &["23 hard sets for quadriceps"]);
}

// ---- week-over-week load jumps ----

#[test]
fn load_jump_fires_over_10_percent_at_the_new_top_set() {
    // 70 -> 80 % TM is +14.3 %; reported at week 2's first set at 80.
    let p = program(json!({"weeks": [
        one_day(vec![ex("Back Squat", [tm(1, 5, 65.0), tm(2, 5, 70.0)].concat())]),
        one_day(vec![ex("Back Squat", [tm(1, 5, 70.0), tm(2, 5, 80.0)].concat())]),
    ]}));
    let issues = lint_program(&p, &LintOptions::new());
    assert_eq!(codes(&issues), ["lint.load_jump"]);
    assert_eq!(
        paths(&issues),
        ["/weeks/1/days/0/exercises/0/sets/1/percent_tm"]
    );
    assert_mentions(
        &issues[0],
        &[
            "Back Squat",
            "from 70 % TM in week 1 to 80 % TM in week 2",
            "+14.3 %",
            "NSCA",
        ],
    );
}

#[test]
fn load_jump_is_quiet_at_exactly_10_percent_and_across_terms() {
    let p = program(json!({"weeks": [
        one_day(vec![ex("Back Squat", tm(3, 5, 50.0)), ex("Bench Press", tm(3, 5, 70.0))]),
        one_day(vec![ex("Back Squat", tm(3, 5, 55.0)),
                     ex("Bench Press", vec![json!({"reps": 5, "weight": 200})])]),
    ], "unit": "lb"}));
    assert_eq!(lint_program(&p, &LintOptions::new()), []);
}

#[test]
fn load_jump_compares_weights_and_looks_past_a_deload() {
    let p = program(json!({"unit": "lb", "weeks": [
        one_day(vec![ex("Bench Press", vec![json!({"reps": 5, "weight": 100})]),
                     ex("Back Squat", tm(3, 5, 80.0))]),
        one_day(vec![ex("Bench Press", vec![json!({"reps": 5, "weight": 111})]),
                     ex("Back Squat", tm(3, 5, 84.0))]),
        {"label": "Deload", "days": [[ex("Back Squat", tm(3, 5, 60.0))]]},
        one_day(vec![ex("Back Squat", tm(3, 5, 92.5))]),
    ]}));
    let issues = lint_program(&p, &LintOptions::new());
    // 100 -> 111 lb is +11 %; 84 -> 92.5 % TM (week 2, not the deload) is +10.1 %.
    assert_eq!(
        paths(&issues),
        [
            "/weeks/1/days/0/exercises/0/sets/0/weight",
            "/weeks/3/days/0/exercises/0/sets/0/percent_tm",
        ]
    );
    assert_mentions(
        &issues[0],
        &["from 100 lb in week 1 to 111 lb in week 2", "+11 %"],
    );
    assert_mentions(
        &issues[1],
        &["from 84 % TM in week 2 to 92.5 % TM in week 4", "+10.1 %"],
    );
}

#[test]
fn load_jump_after_a_lighter_week_takes_the_heavier_reference() {
    // Week 2 has less work (3 sets of 3) but a heavier top (80): the reference for week 3 is
    // the heavier of weeks 1 and 2, so 85 is +6.3 % over 80, not +21 % over 70.
    let p = program(json!({"weeks": [
        one_day(vec![ex("Back Squat", tm(5, 5, 70.0))]),
        one_day(vec![ex("Back Squat", tm(3, 3, 77.0))]),
        one_day(vec![ex("Back Squat", tm(5, 5, 85.0))]),
    ]}));
    let issues = lint_program(&p, &LintOptions::new());
    assert_eq!(
        paths(&issues),
        ["/weeks/2/days/0/exercises/0/sets/0/percent_tm"]
    );
    // Week 2 (77) is exactly +10 % over 70: quiet.
    assert_mentions(
        &issues[0],
        &["from 77 % TM in week 2 to 85 % TM in week 3", "+10.4 %"],
    );
}

// ---- lighter weeks ----

fn steady_weeks(n: usize) -> Vec<Value> {
    vec![one_day(vec![ex("Back Squat", tm(3, 10, 60.0))]); n]
}

#[test]
fn no_lighter_week_fires_on_the_ninth_week_in_a_row() {
    let p = program(json!({"weeks": steady_weeks(10)}));
    let issues = lint_program(&p, &LintOptions::new());
    assert_eq!(codes(&issues), ["lint.no_lighter_week"]);
    assert_eq!(paths(&issues), ["/weeks/8"]);
    assert_mentions(
        &issues[0],
        &[
            "weeks 1-9 are 9 weeks in a row without a lighter week",
            "more than 8",
            "10 % less work",
        ],
    );
}

#[test]
fn no_lighter_week_is_quiet_at_8_weeks_and_after_a_lighter_one() {
    assert_eq!(
        lint_program(
            &program(json!({"weeks": steady_weeks(8)})),
            &LintOptions::new()
        ),
        []
    );
    let mut labelled = steady_weeks(9);
    labelled[4] = json!({"label": "Recovery week", "days": [[ex("Back Squat", tm(3, 10, 60.0))]]});
    assert_eq!(
        lint_program(&program(json!({"weeks": labelled})), &LintOptions::new()),
        []
    );
    // Week 5 at 54 % TM is exactly 10 % less work (3 * 10 * 0.54 vs 0.60): lighter.
    let mut lighter = steady_weeks(9);
    lighter[4] = one_day(vec![ex("Back Squat", tm(3, 10, 54.0))]);
    assert_eq!(
        lint_program(&program(json!({"weeks": lighter})), &LintOptions::new()),
        []
    );
    // At 54.1 % TM it is not, and weeks 1-9 run unbroken.
    let mut not_lighter = steady_weeks(9);
    not_lighter[4] = one_day(vec![ex("Back Squat", tm(3, 10, 54.1))]);
    let issues = lint_program(&program(json!({"weeks": not_lighter})), &LintOptions::new());
    assert_eq!(paths(&only(&issues, "no_lighter_week")), ["/weeks/8"]);
}

#[test]
fn no_lighter_week_skips_loops() {
    // With a limit of 0 weeks, a one-week template warns at once; a loop never does.
    let mut thresholds = Thresholds::default();
    thresholds.max_weeks_without_lighter = 0;
    let options = LintOptions::new().thresholds(thresholds);
    let once = program(json!({"weeks": steady_weeks(1)}));
    assert_eq!(paths(&lint_program(&once, &options)), ["/weeks/0"]);
    let looped = program(json!({"is_loop": true, "weeks": steady_weeks(1)}));
    assert_eq!(lint_program(&looped, &options), []);
}

// ---- youth ----

fn youth_options<'a>(athlete: &'a Athlete, index: &'a ExerciseIndex) -> LintOptions<'a> {
    LintOptions::new()
        .athlete(athlete)
        .judged_on(date(2026, 9, 1))
        .exercises(index)
}

#[test]
fn youth_sets_fires_past_3_sets_of_an_exercise() {
    let (athlete, index) = (tommy(), index());
    let p = program(json!({"weeks": [one_day(vec![
        ex("Pull Up", plain(4, 5)),
        ex("Bench Press", plain(3, 5)),
    ])]}));
    let issues = lint_program(&p, &youth_options(&athlete, &index));
    assert_eq!(codes(&issues), ["lint.youth_sets"]);
    assert_eq!(paths(&issues), ["/weeks/0/days/0/exercises/0/sets"]);
    assert_mentions(
        &issues[0],
        &[
            "Tommy (15) is under 18",
            "4 sets of Pull Up",
            "more than 3",
            "Faigenbaum et al. 2009",
        ],
    );
}

#[test]
fn youth_intensity_fires_at_85_percent_of_1rm() {
    let (athlete, index) = (tommy(), index());
    let p = program(json!({"weeks": [one_day(vec![ex("Back Squat", vec![
        json!({"reps": 3, "percent_tm": 84.9}),
        json!({"reps": 3, "percent_tm": 85}),
        json!({"reps": 3, "rpe": 8}),
        json!({"reps": 5, "rpe": 8}),
    ])])]}));
    let options = youth_options(&athlete, &index).training_max_fraction(1.0);
    // Four sets is also a youth_sets warning, at the exercise's `sets`.
    let all = lint_program(&p, &options);
    assert_eq!(
        codes(&all),
        [
            "lint.youth_sets",
            "lint.youth_intensity",
            "lint.youth_intensity"
        ]
    );
    let issues = only(&all, "youth_intensity");
    assert_eq!(
        paths(&issues),
        [
            "/weeks/0/days/0/exercises/0/sets/1/percent_tm",
            "/weeks/0/days/0/exercises/0/sets/2/rpe",
        ]
    );
    assert_mentions(
        &issues[0],
        &[
            "Tommy (15)",
            "Back Squat at 85 % TM (85 % of 1RM)",
            "at or above 85 %",
        ],
    );
    assert_mentions(&issues[1], &["3 reps at RPE 8 (86.3 % of 1RM"]);
}

#[test]
fn youth_intensity_uses_the_rpe_when_the_chart_cannot_say() {
    let (athlete, index) = (tommy(), index());
    let p = program(json!({"weeks": [one_day(vec![ex("Back Squat", vec![
        json!({"reps": null, "rpe": 8.5}),
        json!({"reps": null, "rpe": 9}),
        json!({"reps": 3, "percent_tm": 95}),
    ])])]}));
    let issues = lint_program(&p, &youth_options(&athlete, &index));
    assert_eq!(
        paths(&issues),
        [
            "/weeks/0/days/0/exercises/0/sets/1/rpe",
            "/weeks/0/days/0/exercises/0/sets/2/percent_tm",
        ]
    );
    assert_mentions(
        &issues[0],
        &["Back Squat at RPE 9 is at or above RPE 9, about 85 % of 1RM"],
    );
    // 95 % TM at the default 0.9 is 85.5 % of 1RM.
    assert_mentions(&issues[1], &["95 % TM (85.5 % of 1RM)"]);
}

fn jumps(last_box_jumps: u32) -> Program {
    program(json!({"weeks": [one_day(vec![
        ex("Box Jump", vec![json!({"reps": 20}), json!({"reps": 20}), json!({"reps": last_box_jumps})]),
        ex("Lateral Bound", vec![json!({"rep_type": "each_side", "reps": 10}),
                                 json!({"rep_type": "each_side", "reps": 10}),
                                 json!({"rep_type": "each_side", "reps": 5}),]),
        ex("Back Squat", plain(3, 5)),
    ])]}))
}

#[test]
fn youth_plyometric_contacts_fires_past_100_a_session() {
    let (athlete, index) = (tommy(), index());
    let issues = lint_program(&jumps(11), &youth_options(&athlete, &index));
    assert_eq!(codes(&issues), ["lint.youth_plyometric_contacts"]);
    assert_eq!(paths(&issues), ["/weeks/0/days/0"]);
    assert_mentions(
        &issues[0],
        &[
            "day 1 of week 1 has 101 plyometric contacts (Box Jump 51, Lateral Bound 50)",
            "more than 100",
        ],
    );
}

#[test]
fn youth_rules_are_quiet_at_the_boundaries() {
    let (athlete, index) = (tommy(), index());
    // Exactly 100 contacts.
    assert_eq!(
        lint_program(&jumps(10), &youth_options(&athlete, &index)),
        []
    );
    // Tommy turns 18 on 2029-05-02: the day before he is a youth, on the day he is not.
    let options = |day| {
        LintOptions::new()
            .athlete(&athlete)
            .judged_on(day)
            .exercises(&index)
    };
    assert_eq!(
        codes(&lint_program(&jumps(11), &options(date(2029, 5, 1)))),
        ["lint.youth_plyometric_contacts"]
    );
    assert_eq!(lint_program(&jumps(11), &options(date(2029, 5, 2))), []);
    // No day to judge on: no youth rules. Without a catalog, no plyometric count.
    let undated = LintOptions::new().athlete(&athlete).exercises(&index);
    assert_eq!(lint_program(&jumps(11), &undated), []);
    let no_catalog = LintOptions::new()
        .athlete(&athlete)
        .judged_on(date(2026, 9, 1));
    assert_eq!(lint_program(&jumps(11), &no_catalog), []);
}

#[test]
fn a_logbook_gives_the_athlete_and_its_day() {
    let index = index();
    let mut logbook = Logbook::new("Tommy");
    logbook.athlete.birth_date = Some(date(2011, 5, 2));
    logbook.as_of = Some(date(2026, 9, 1));
    let issues = lint_program(
        &jumps(11),
        &LintOptions::new().logbook(&logbook).exercises(&index),
    );
    assert_eq!(codes(&issues), ["lint.youth_plyometric_contacts"]);
    assert_mentions(&issues[0], &["Tommy (15)"]);
    // A day set explicitly wins over the logbook's.
    let later = LintOptions::new()
        .judged_on(date(2030, 1, 1))
        .logbook(&logbook)
        .exercises(&index);
    assert_eq!(lint_program(&jumps(11), &later), []);
}

// ---- whole programs ----

/// A four-week strength block for an adult: 5s, 3s, 1s, deload.
fn strength_block() -> Program {
    let week = |reps: u32, top: f64, label: &str| {
        json!({"label": label, "days": [
            [ex("Back Squat", [tm(1, reps, top - 10.0), tm(1, reps, top - 5.0), tm(1, reps, top)].concat()),
             ex("Pull Up", plain(3, 8))],
            [ex("Bench Press", [tm(1, reps, top - 10.0), tm(1, reps, top - 5.0), tm(1, reps, top)].concat()),
             ex("Deadlift", [tm(1, reps, top - 10.0), tm(1, reps, top)].concat())],
        ]})
    };
    program(json!({"goal": "strength", "weeks": [
        week(5, 90.0, "5s"), week(3, 95.0, "3s"), week(1, 100.0, "1s"),
        json!({"label": "deload", "days": [
            [ex("Back Squat", tm(3, 5, 60.0)), ex("Pull Up", plain(2, 8))],
            [ex("Bench Press", tm(3, 5, 60.0)), ex("Deadlift", tm(2, 5, 60.0))],
        ]}),
    ]}))
}

#[test]
fn a_realistic_strength_block_is_clean() {
    let index = index();
    let mut adult = Athlete::named("Dana");
    adult.birth_date = Some(date(1990, 3, 14));
    let options = LintOptions::new()
        .athlete(&adult)
        .judged_on(date(2026, 9, 1))
        .exercises(&index);
    assert_eq!(lint_program(&strength_block(), &options), []);
}

#[test]
fn issues_are_warnings_in_document_order_every_time() {
    let (athlete, index) = (tommy(), index());
    let p = program(json!({"goal": "strength", "weeks": [
        one_day(vec![ex("Back Squat", tm(4, 5, 70.0))]),
        one_day(vec![ex("Back Squat", tm(4, 5, 96.0)), ex("Box Jump", plain(3, 40))]),
    ]}));
    let options = youth_options(&athlete, &index);
    let issues = lint_program(&p, &options);
    assert!(
        issues
            .iter()
            .all(|i| i.severity == Severity::Warning && !i.is_error())
    );
    let sorted = {
        let mut sorted = issues.clone();
        sorted.sort_by(|a, b| a.path.cmp(&b.path));
        sorted
    };
    assert_eq!(issues, sorted);
    assert_eq!(lint_program(&p, &options), issues);
    let w1 = "/weeks/1/days/0/exercises/0";
    assert_eq!(
        issues
            .iter()
            .map(|i| format!("{} {}", i.path, i.code))
            .collect::<Vec<_>>(),
        [
            "/weeks/0/days/0/exercises/0 lint.goal_zone".to_owned(),
            "/weeks/0/days/0/exercises/0/sets lint.youth_sets".to_owned(),
            "/weeks/1/days/0 lint.youth_plyometric_contacts".to_owned(),
            format!("{w1}/sets lint.youth_sets"),
            // At one path, rules come in the order of lint::ALL.
            format!("{w1}/sets/0/percent_tm lint.reps_beyond_max"),
            format!("{w1}/sets/0/percent_tm lint.load_jump"),
            format!("{w1}/sets/0/percent_tm lint.youth_intensity"),
            format!("{w1}/sets/1/percent_tm lint.reps_beyond_max"),
            format!("{w1}/sets/1/percent_tm lint.youth_intensity"),
            format!("{w1}/sets/2/percent_tm lint.reps_beyond_max"),
            format!("{w1}/sets/2/percent_tm lint.youth_intensity"),
            format!("{w1}/sets/3/percent_tm lint.reps_beyond_max"),
            format!("{w1}/sets/3/percent_tm lint.youth_intensity"),
        ]
    );
    assert_eq!(lint::ALL.len(), 8);
}

#[test]
fn lint_catalog_resolves_the_documents_exercises_before_the_hosts() {
    // The host says Leg Press trains quadriceps; the document's own Leg Press says glutes.
    let p = leg_week(3);
    let host = index();
    let options = LintOptions::new().exercises(&host);
    let with_host = lint_catalog(&Catalog::new(vec![], vec![p.clone()]), &options);
    assert_eq!(paths(&with_host), ["/programs/0/weeks/0"]);
    assert_mentions(&with_host[0], &["21 hard sets for quadriceps"]);
    let own: Vec<Exercise> =
        serde_json::from_value(json!([{"name": "Leg Press", "muscles": ["glutes"]}]))
            .expect("exercise");
    let with_own = lint_catalog(&Catalog::new(own, vec![p.clone(), p]), &options);
    // Now quadriceps has 13 and glutes 13 + 8 = 21, in each of the two programs.
    assert_eq!(
        paths(&with_own),
        ["/programs/0/weeks/0", "/programs/1/weeks/0"]
    );
    assert_mentions(
        &with_own[1],
        &["21 hard sets for glutes", "Back Squat 13, Leg Press 8"],
    );
}

// ---- the sample document ----

const SAMPLE: &str = include_str!("../../../examples/data/sample-program.json");

#[test]
fn the_sample_program_is_clean_for_tommy_at_a_90_percent_training_max() {
    let catalog: Catalog = serde_json::from_str(SAMPLE).expect("the sample is a catalog");
    let athlete = tommy();
    let options = LintOptions::new()
        .athlete(&athlete)
        .judged_on(date(2026, 9, 1));
    // Its heaviest set is 85 % TM = 76.5 % of 1RM; at most 3 sets an exercise; 15 and 30
    // contacts a session; glutes peak at 18 hard sets (week 3).
    assert_eq!(lint_catalog(&catalog, &options), []);
}

#[test]
fn the_sample_program_at_a_training_max_equal_to_1rm() {
    let catalog: Catalog = serde_json::from_str(SAMPLE).expect("the sample is a catalog");
    let athlete = tommy();
    let options = LintOptions::new()
        .athlete(&athlete)
        .judged_on(date(2026, 9, 1))
        .training_max_fraction(1.0);
    let issues = lint_catalog(&catalog, &options);
    // Weeks 2 and 3: every glute exercise's 3 sets are at 60 % or more, 7 exercises = 21;
    // week 3's Power Clean AMRAP at 85 % TM is now 85 % of 1RM.
    assert_eq!(
        issues
            .iter()
            .map(|i| format!("{} {}", i.path, i.code))
            .collect::<Vec<_>>(),
        [
            "/programs/0/weeks/1 lint.weekly_sets_per_muscle",
            "/programs/0/weeks/2 lint.weekly_sets_per_muscle",
            "/programs/0/weeks/2/days/0/exercises/0/sets/2/percent_tm lint.youth_intensity",
        ]
    );
    let sources = "Power Clean 3, Box Jump 3, Back Squat 3, Hang Clean 3, Pistol Squat 3, \
                   Romanian Deadlift 3, Lateral Bound 3";
    assert_mentions(&issues[0], &["week 2 has 21 hard sets for glutes", sources]);
    assert_mentions(&issues[1], &["week 3 has 21 hard sets for glutes", sources]);
    assert_mentions(
        &issues[2],
        &["Tommy (15)", "Power Clean at 85 % TM (85 % of 1RM)"],
    );
    // The day Tommy turns 18 only the volume warnings remain.
    let adult = LintOptions::new()
        .athlete(&athlete)
        .judged_on(date(2029, 5, 2))
        .training_max_fraction(1.0);
    assert_eq!(
        codes(&lint_catalog(&catalog, &adult)),
        ["lint.weekly_sets_per_muscle"; 2]
    );
    assert_eq!(only(&issues, "youth_intensity").len(), 1);
}
