//! The athlete context's public behaviour: every signal of `spec/logbook-json.md` against
//! values computed by hand on small logbooks, the edge cases (no RPE, one session, AMRAP
//! sets, a loop program, free training, gaps, `as_of` in the middle, warm-up sets), name
//! grouping, determinism, the JSON shape and schema, and the size of a six-month context.

mod common;

use common::{assigned, day, free, prescribed, programmed, set, set_rpe, template};
use replog_core::context::{
    AthleteContext, ContextOptions, ExerciseStats, Trend, build_context, synthetic_logbook,
};
use replog_core::{
    Athlete, BodyWeight, CoachNote, Exercise, ExerciseIndex, GoalChange, Logbook, LoggedSet,
    ProgramStatus, SetKind, Tier, TierChange, TrainingMax, Unit,
};
use serde_json::{Value, json};

fn context(logbook: &Logbook) -> AthleteContext {
    build_context(logbook, &ContextOptions::default())
}

fn stats<'a>(context: &'a AthleteContext, exercise: &str) -> &'a ExerciseStats {
    context
        .performance
        .exercise_stats
        .iter()
        .find(|s| s.exercise == exercise)
        .unwrap_or_else(|| panic!("no stats for {exercise}"))
}

fn three(exercise: &str, weight: f64, rpe: Option<f64>) -> Vec<LoggedSet> {
    (1..=3)
        .map(|n| match rpe {
            Some(rpe) => set_rpe(exercise, n, 5, weight, rpe),
            None => set(exercise, n, 5, weight),
        })
        .collect()
}

/// Five Back Squat sessions over eight weeks ending Sunday 2026-04-12 (ISO 2026-W15):
///
/// | date | ISO week | sets | tonnage | RPEs |
/// |---|---|---|---|---|
/// | 02-17 | W08 | 3x5 @ 200 | 3000 | 7, 7, 7 |
/// | 03-03 | W10 | 3x5 @ 200 | 3000 | 7.5 on set 3 |
/// | 03-17 | W12 | 3x5 @ 210 | 3150 | 8, 8, 8 |
/// | 03-31 | W14 | 3x5 @ 220 | 3300 | none |
/// | 04-07 | W15 | 3x5 @ 230 + warm-up 5 @ 135 (RPE 5) | 3450 | 8.5 on set 3 |
fn squat_logbook() -> Logbook {
    let mut logbook = Logbook::new("Tommy");
    logbook.as_of = Some(day("2026-04-12"));
    logbook.unit = Some(Unit::Lb);
    let mut s2 = three("Back Squat", 200.0, None);
    s2[2].rpe = Some(7.5);
    let mut s5 = three("Back Squat", 230.0, None);
    s5[2].rpe = Some(8.5);
    let mut warm_up = set_rpe("Back Squat", 1, 5, 135.0, 5.0);
    warm_up.kind = SetKind::WarmUp;
    s5.insert(0, warm_up);
    logbook.workouts = vec![
        free("2026-02-17", three("Back Squat", 200.0, Some(7.0))),
        free("2026-03-03", s2),
        free("2026-03-17", three("Back Squat", 210.0, Some(8.0))),
        free("2026-03-31", three("Back Squat", 220.0, None)),
        free("2026-04-07", s5),
    ];
    logbook.training_maxes = vec![
        TrainingMax {
            exercise: "Back Squat".into(),
            weight: 250.0,
            effective_date: day("2026-03-01"),
        },
        TrainingMax {
            exercise: "back squat".into(),
            weight: 240.0,
            effective_date: day("2026-02-01"),
        },
        TrainingMax {
            exercise: "Back Squat".into(),
            weight: 260.0,
            effective_date: day("2026-04-01"),
        },
    ];
    logbook
}

#[test]
fn every_signal_of_one_exercise_matches_the_hand_computation() {
    let context = context(&squat_logbook());
    let squat = stats(&context, "Back Squat");
    assert_eq!(squat.sessions, 5);
    // 230 x (1 + 5/30) = 268.33; the warm-up (135 x 5 = 157.5) never counts.
    assert_eq!(squat.best_e1rm, Some(268.3));
    assert_eq!(squat.latest_e1rm, Some(268.3));
    // RPEs of working sets in the last 6 sessions: 7, 7, 7, 7.5, 8, 8, 8, 8.5 -> 61 / 8.
    assert_eq!(squat.avg_rpe, Some(7.6));
    // Per-session means 7, 7.5, 8, 8.5: slope 0.5.
    assert_eq!(squat.rpe_trend, Trend::Rising);
    // W12-W15: 3150 + 0 + 3300 + 3450 = 9900 -> 2475 a week; W08-W11: 6000 -> +65 %.
    assert_eq!(squat.volume_per_week, 2475.0);
    assert_eq!(squat.volume_trend, Trend::Rising);
    assert_eq!(
        squat.completion_rate, None,
        "free training prescribes nothing"
    );
    assert_eq!(
        squat.recent_sets,
        [
            "2026-03-17 3x5 @ 210 (RPE 8)",
            "2026-03-31 3x5 @ 220",
            "2026-04-07 3x5 @ 230 (RPE 8.5)"
        ]
    );
    let tms: Vec<(String, f64)> = squat
        .tm_history
        .iter()
        .map(|t| (t.date.to_string(), t.weight))
        .collect();
    assert_eq!(
        tms,
        [
            ("2026-02-01".to_owned(), 240.0),
            ("2026-03-01".to_owned(), 250.0),
            ("2026-04-01".to_owned(), 260.0)
        ],
        "in date order, every spelling grouped"
    );

    // PRs: the first session (233.3) is not one, the second equals it, then three records.
    let prs: Vec<(String, f64, f64, u32)> = context
        .performance
        .prs
        .iter()
        .map(|p| (p.date.to_string(), p.e1rm, p.weight, p.reps))
        .collect();
    assert_eq!(
        prs,
        [
            ("2026-04-07".to_owned(), 268.3, 230.0, 5),
            ("2026-03-31".to_owned(), 256.7, 220.0, 5),
            ("2026-03-17".to_owned(), 245.0, 210.0, 5),
        ]
    );
    // Workouts in W14 and W15, none in W13.
    assert_eq!(context.performance.streak_weeks, 2);
    assert_eq!(context.athlete.total_workouts, 5);
    // 2026-02-17 to 2026-04-12: March 17 is one month; April 17 not reached.
    assert_eq!(context.athlete.training_months, 1);
    assert!(context.performance.weekly_adherence.is_empty());
    assert_eq!(context.performance.adherence_rate, None);
    assert!(context.performance.amrap_results.is_empty());
}

#[test]
fn as_of_in_the_middle_ignores_everything_later() {
    let mut logbook = squat_logbook();
    logbook.notes.push(CoachNote {
        date: day("2026-04-01"),
        content: "later".into(),
        is_private: false,
        pinned: true,
    });
    logbook.body_weights.push(BodyWeight {
        date: day("2026-04-01"),
        weight: 150.0,
    });
    logbook.programs.push(assigned(
        template(
            "Later",
            false,
            vec![vec![(1, vec![prescribed("Back Squat", 1, &[Some(5)])])]],
        ),
        "2026-03-25",
        ProgramStatus::Active,
    ));
    let options = ContextOptions::default().with_as_of(day("2026-03-20"));
    let context = build_context(&logbook, &options);
    assert_eq!(context.as_of, Some(day("2026-03-20")));
    let squat = stats(&context, "Back Squat");
    assert_eq!(squat.sessions, 3);
    assert_eq!(squat.best_e1rm, Some(245.0));
    // 7, 7, 7, 7.5, 8, 8, 8 -> 52.5 / 7.
    assert_eq!(squat.avg_rpe, Some(7.5));
    assert_eq!(squat.rpe_trend, Trend::Rising);
    // Friday 03-20: the last complete week is W11; W08-W11 hold 6000, W04-W07 nothing.
    // The session of 03-17 (W12, in progress) is not in the window.
    assert_eq!(squat.volume_per_week, 1500.0);
    assert_eq!(squat.volume_trend, Trend::InsufficientData);
    assert_eq!(squat.tm_history.len(), 2, "the 04-01 training max is later");
    assert_eq!(context.performance.prs.len(), 1);
    assert_eq!(
        context.performance.streak_weeks, 1,
        "W12 has a workout, W11 none"
    );
    assert_eq!(context.athlete.total_workouts, 3);
    assert!(context.coach_notes.is_empty());
    assert!(context.performance.body_weights.is_empty());
    assert_eq!(context.current_program, None, "assigned after as_of");
}

#[test]
fn one_session_without_rpe_has_no_rpe_signals_and_no_pr() {
    let mut logbook = Logbook::new("Ada");
    logbook.workouts = vec![free("2026-04-08", three("Bench Press", 100.0, None))];
    let context = context(&logbook);
    assert_eq!(
        context.as_of,
        Some(day("2026-04-08")),
        "the latest date by default"
    );
    let bench = stats(&context, "Bench Press");
    assert_eq!(bench.sessions, 1);
    assert_eq!(bench.avg_rpe, None);
    assert_eq!(bench.rpe_trend, Trend::InsufficientData);
    assert_eq!(bench.best_e1rm, Some(116.7));
    // Wednesday: its own week is not over, so the 4 weeks before it hold nothing.
    assert_eq!(bench.volume_per_week, 0.0);
    assert_eq!(bench.volume_trend, Trend::InsufficientData);
    assert!(
        context.performance.prs.is_empty(),
        "the first session is no PR"
    );
    assert_eq!(context.performance.streak_weeks, 1);
    let json = serde_json::to_value(bench).expect("serialises");
    assert!(json.get("avg_rpe").is_none(), "{json}");
    assert_eq!(json["rpe_trend"], "insufficient_data");
}

/// One set a session with these RPEs (`None`: a session without RPE), a day apart.
fn rpe_sessions(rpes: &[Option<f64>]) -> Logbook {
    let mut logbook = Logbook::new("Ada");
    logbook.workouts = (1..)
        .zip(rpes)
        .map(|(d, rpe)| {
            let date = format!("2026-03-{d:02}");
            let mut one = set("Deadlift", 1, 5, 200.0);
            one.rpe = *rpe;
            free(&date, vec![one])
        })
        .collect();
    logbook
}

#[test]
fn rpe_average_reads_the_last_six_sessions_and_the_trend_the_last_six_with_rpe() {
    let logbook = rpe_sessions(&[
        Some(10.0),
        Some(7.0),
        Some(7.0),
        None,
        Some(7.0),
        Some(7.0),
        Some(7.0),
        Some(7.9),
    ]);
    let deadlift = stats(&context(&logbook), "Deadlift").clone();
    // Last 6 sessions: 7, -, 7, 7, 7, 7.9 -> 35.9 / 5 = 7.18.
    assert_eq!(deadlift.avg_rpe, Some(7.2));
    // Last 6 with RPE: 7, 7, 7, 7, 7, 7.9 -> slope 2.25 / 17.5 = 0.129: stable. (With the
    // 10 it would fall; over the last 6 sessions, 5 points, it would rise at 0.18.)
    assert_eq!(deadlift.rpe_trend, Trend::Stable);

    let at_threshold = rpe_sessions(&[Some(7.0), Some(7.15), Some(7.3)]);
    assert_eq!(
        stats(&context(&at_threshold), "Deadlift").rpe_trend,
        Trend::Rising
    );
    let falling = rpe_sessions(&[Some(9.0), Some(8.5), Some(8.0)]);
    assert_eq!(
        stats(&context(&falling), "Deadlift").rpe_trend,
        Trend::Falling
    );
    let two = rpe_sessions(&[Some(7.0), None, Some(9.0)]);
    let two = context(&two);
    assert_eq!(stats(&two, "Deadlift").rpe_trend, Trend::InsufficientData);
    assert_eq!(stats(&two, "Deadlift").avg_rpe, Some(8.0));
}

/// A two-week template: week 1 day 1 squats 5, 5, AMRAP and benches 5, 5; week 2 day 1
/// squats 3, 3, 3.
fn block() -> replog_core::Program {
    template(
        "Block A",
        false,
        vec![
            vec![(
                1,
                vec![
                    prescribed("Back Squat", 1, &[Some(5), Some(5), None]),
                    prescribed("Bench Press", 2, &[Some(5), Some(5)]),
                ],
            )],
            vec![(
                1,
                vec![prescribed("Back Squat", 1, &[Some(3), Some(3), Some(3)])],
            )],
        ],
    )
}

#[test]
fn completion_adherence_and_amraps_follow_the_template() {
    let mut logbook = Logbook::new("Tommy");
    let mut program = assigned(block(), "2026-03-01", ProgramStatus::Active);
    program.goal = Some("strength".into());
    logbook.programs.push(program);
    let mut warm_up = set("Back Squat", 2, 5, 135.0);
    warm_up.kind = SetKind::WarmUp;
    logbook.workouts = vec![
        // W10: squat 5, 4 (short), AMRAP 8; the warm-up numbered 2 completes nothing;
        // bench 5, 5. 4 of 5.
        programmed(
            "2026-03-02",
            "Block A",
            1,
            1,
            vec![
                warm_up,
                set("Back Squat", 1, 5, 200.0),
                set("Back Squat", 2, 4, 200.0),
                set("Back Squat", 3, 8, 200.0),
                set("Bench Press", 1, 5, 150.0),
                set("Bench Press", 2, 5, 150.0),
            ],
        ),
        // A day the template does not have: no prescribed sets.
        programmed(
            "2026-03-04",
            "Block A",
            1,
            3,
            three("Back Squat", 150.0, None),
        ),
        // W11: squat 3, 3 and set 3 missing: 2 of 3; the bench is not prescribed.
        programmed(
            "2026-03-09",
            "block a",
            2,
            1,
            vec![
                set("Back Squat", 1, 3, 220.0),
                set("Back Squat", 2, 3, 220.0),
                set("Bench Press", 1, 5, 150.0),
            ],
        ),
        // Free training counts for nothing prescribed.
        free("2026-03-11", three("Back Squat", 150.0, None)),
    ];
    let context = context(&logbook);
    assert_eq!(stats(&context, "Back Squat").completion_rate, Some(0.67));
    assert_eq!(stats(&context, "Bench Press").completion_rate, Some(1.0));
    let weeks: Vec<(String, u32, u32, f64)> = context
        .performance
        .weekly_adherence
        .iter()
        .map(|w| (w.week.clone(), w.prescribed, w.completed, w.rate))
        .collect();
    assert_eq!(
        weeks,
        [
            ("2026-W10".to_owned(), 5, 4, 0.8),
            ("2026-W11".to_owned(), 3, 2, 0.67)
        ]
    );
    assert_eq!(context.performance.adherence_rate, Some(0.75));
    let amraps = &context.performance.amrap_results;
    assert_eq!(amraps.len(), 1);
    assert_eq!(amraps[0].date, day("2026-03-02"));
    assert_eq!(amraps[0].exercise, "Back Squat");
    assert_eq!((amraps[0].reps, amraps[0].weight), (8, Some(200.0)));
    // 200 x (1 + 8/30) = 253.33.
    assert_eq!(amraps[0].e1rm, Some(253.3));

    let current = context.current_program.as_ref().expect("an active program");
    assert_eq!(current.name, "Block A");
    assert_eq!((current.weeks, current.days_per_week), (2, 1));
    assert_eq!(current.workouts_logged, 3);
    assert_eq!(current.latest_week, Some(2));
    assert_eq!(current.adherence, Some(0.75));
    assert_eq!(context.goals.cycle_goal.as_deref(), Some("strength"));
}

#[test]
fn an_amrap_needs_one_rep_and_a_failed_set_completes_nothing() {
    let mut logbook = Logbook::new("Tommy");
    logbook
        .programs
        .push(assigned(block(), "2026-03-01", ProgramStatus::Active));
    logbook.workouts = vec![programmed(
        "2026-03-02",
        "Block A",
        1,
        1,
        vec![
            set("Back Squat", 1, 6, 200.0),
            set("Back Squat", 2, 5, 200.0),
            set("Back Squat", 3, 0, 200.0),
        ],
    )];
    let context = context(&logbook);
    // 2 of 3 squat sets; neither bench set.
    assert_eq!(stats(&context, "Back Squat").completion_rate, Some(0.67));
    let bench = stats(&context, "Bench Press");
    assert_eq!((bench.sessions, bench.completion_rate), (0, Some(0.0)));
    assert!(context.performance.amrap_results.is_empty());
}

#[test]
fn a_loop_program_is_always_its_first_week() {
    let mut logbook = Logbook::new("Sarah");
    let looped = template(
        "Home Loop",
        true,
        vec![vec![(
            2,
            vec![prescribed(
                "Goblet Squat",
                1,
                &[Some(10), Some(10), Some(10)],
            )],
        )]],
    );
    logbook
        .programs
        .push(assigned(looped, "2026-03-01", ProgramStatus::Active));
    let sets = |last: u32| {
        vec![
            set("Goblet Squat", 1, 10, 40.0),
            set("Goblet Squat", 2, 10, 40.0),
            set("Goblet Squat", 3, last, 40.0),
        ]
    };
    logbook.workouts = vec![
        programmed("2026-03-03", "Home Loop", 1, 2, sets(10)),
        // A host that counts loop passes: still week 1.
        programmed("2026-03-10", "Home Loop", 2, 2, sets(8)),
    ];
    let context = context(&logbook);
    // 6 prescribed, 5 completed.
    assert_eq!(stats(&context, "Goblet Squat").completion_rate, Some(0.83));
    assert_eq!(context.performance.adherence_rate, Some(0.83));
    let current = context.current_program.as_ref().expect("the loop");
    assert!(current.is_loop);
    assert_eq!(current.latest_week, None);
    assert_eq!(current.workouts_logged, 2);
}

#[test]
fn gaps_break_the_streak_and_empty_weeks_count_zero() {
    let mut logbook = Logbook::new("Ada");
    // Workouts in W02, W03, W04 and W08, W09 of 2026 (W02 starts Monday 01-05).
    logbook.workouts = [
        "2026-01-06",
        "2026-01-13",
        "2026-01-20",
        "2026-02-17",
        "2026-02-24",
    ]
    .iter()
    .map(|d| free(d, vec![set("Front Squat", 1, 5, 100.0)]))
    .collect();
    let at =
        |as_of: &str| build_context(&logbook, &ContextOptions::default().with_as_of(day(as_of)));
    // Sunday of W09: W08 and W09.
    let sunday = at("2026-03-01");
    assert_eq!(sunday.performance.streak_weeks, 2);
    // W06-W09 hold 500 + 500 -> 250 a week; W02-W05 hold 1500 -> -33 %.
    let front = stats(&sunday, "Front Squat");
    assert_eq!(front.volume_per_week, 250.0);
    assert_eq!(front.volume_trend, Trend::Falling);
    // Tuesday of W10, nothing yet this week: the streak ends with W09.
    assert_eq!(at("2026-03-03").performance.streak_weeks, 2);
    // W11 with nothing in W10 or W11: broken.
    assert_eq!(at("2026-03-10").performance.streak_weeks, 0);
    // Sunday of W04: W02-W04.
    assert_eq!(at("2026-01-25").performance.streak_weeks, 3);
}

#[test]
fn names_group_by_key_and_resolve_through_the_catalog() {
    let mut logbook = Logbook::new("Ada");
    logbook.equipment = vec!["barbell".into(), "squat_rack".into(), "kettlebell".into()];
    logbook.workouts = vec![
        free("2026-03-02", vec![set("back squat", 1, 5, 100.0)]),
        free("2026-03-04", vec![set("Back-Squat", 1, 5, 110.0)]),
        free("2026-03-06", vec![set("Squat", 1, 5, 120.0)]),
    ];
    let plain = context(&logbook);
    let names: Vec<(&str, u32)> = plain
        .performance
        .exercise_stats
        .iter()
        .map(|s| (s.exercise.as_str(), s.sessions))
        .collect();
    assert_eq!(
        names,
        [("back squat", 2), ("Squat", 1)],
        "first spelling seen"
    );

    let mut squat = Exercise::named("Back Squat");
    squat.aliases = vec!["Squat".into()];
    squat.equipment = vec!["barbell".into(), "squat_rack".into()];
    let mut bench = Exercise::named("Bench Press");
    bench.equipment = vec!["barbell".into(), "bench".into()];
    let mut swing = Exercise::named("Kettlebell Swing");
    swing.equipment = vec!["kettlebell".into()];
    swing.category = Some(replog_core::Category::Power);
    let catalog: ExerciseIndex = {
        let mut index = ExerciseIndex::new();
        index.extend(&[squat, bench, Exercise::named("Push Up"), swing]);
        index
    };
    let with_catalog = build_context(&logbook, &ContextOptions::default().with_catalog(&catalog));
    let squat = stats(&with_catalog, "Back Squat");
    assert_eq!(squat.sessions, 3);
    assert_eq!(with_catalog.performance.exercise_stats.len(), 1);
    let entries = serde_json::to_value(&with_catalog.exercise_catalog).expect("serialises");
    assert_eq!(
        entries,
        json!([
            {"name": "Back Squat", "equipment": ["barbell", "squat_rack"]},
            {"name": "Push Up"},
            {"name": "Kettlebell Swing", "equipment": ["kettlebell"], "category": "power"}
        ])
    );
}

fn profile_logbook() -> Logbook {
    let mut logbook = Logbook::new("Tommy");
    logbook.as_of = Some(day("2026-04-12"));
    logbook.athlete = Athlete {
        name: "Tommy".into(),
        birth_date: Some(day("2011-05-02")),
        tier: Some(Tier::SportPerformance),
        goal: Some("prepare for football combine".into()),
        notes: Some("Plays linebacker.".into()),
    };
    logbook.equipment = vec!["barbell".into()];
    let one_day = |name: &str| {
        template(
            name,
            false,
            vec![vec![(1, vec![prescribed("Power Clean", 1, &[Some(3)])])]],
        )
    };
    let mut current = assigned(one_day("Month 3"), "2026-03-15", ProgramStatus::Active);
    current.goal = Some("power".into());
    logbook.programs = vec![
        assigned(one_day("Month 1"), "2026-01-15", ProgramStatus::Completed),
        current,
        assigned(one_day("Month 2"), "2026-02-15", ProgramStatus::Abandoned),
        assigned(one_day("Month 4"), "2026-04-13", ProgramStatus::Planned),
    ];
    logbook.notes = vec![
        CoachNote {
            date: day("2026-03-01"),
            content: "Old".into(),
            is_private: false,
            pinned: false,
        },
        CoachNote {
            date: day("2026-03-20"),
            content: "Watch left knee".into(),
            is_private: true,
            pinned: true,
        },
        CoachNote {
            date: day("2026-04-01"),
            content: "Ready for more".into(),
            is_private: false,
            pinned: false,
        },
    ];
    logbook.body_weights = (1..=7)
        .map(|i| BodyWeight {
            date: day(&format!("2026-02-{:02}", i * 3)),
            weight: 140.0 + f64::from(i),
        })
        .collect();
    logbook.goal_history = vec![
        GoalChange {
            date: day("2026-01-10"),
            goal: "general strength".into(),
        },
        GoalChange {
            date: day("2025-06-01"),
            goal: "learn to lift".into(),
        },
    ];
    logbook.tier_history = vec![TierChange {
        date: day("2025-12-01"),
        tier: Tier::Intermediate,
    }];
    logbook.workouts = vec![programmed(
        "2026-03-16",
        "Month 3",
        1,
        1,
        vec![set("Power Clean", 1, 3, 105.0)],
    )];
    logbook
}

#[test]
fn profile_programs_notes_goals_and_body_weights() {
    let context = context(&profile_logbook());
    let value = serde_json::to_value(&context).expect("serialises");
    assert_eq!(
        value["athlete"],
        json!({"name": "Tommy", "age": 14, "tier": "sport_performance",
               "goal": "prepare for football combine", "notes": "Plays linebacker.",
               "training_months": 0, "total_workouts": 1,
               "tier_history": [{"date": "2025-12-01", "tier": "intermediate"}]})
    );
    assert_eq!(
        value["current_program"],
        json!({"name": "Month 3", "status": "active", "assigned_at": "2026-03-15",
               "goal": "power", "weeks": 1, "days_per_week": 1, "workouts_logged": 1,
               "latest_week": 1, "adherence": 1})
    );
    let prior: Vec<&str> = context
        .prior_programs
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        prior,
        ["Month 2", "Month 1"],
        "newest first, planned left out"
    );
    assert_eq!(
        value["coach_notes"],
        json!([
            {"date": "2026-03-20", "content": "Watch left knee", "private": true, "pinned": true},
            {"date": "2026-04-01", "content": "Ready for more"},
            {"date": "2026-03-01", "content": "Old"}
        ])
    );
    assert_eq!(
        value["goals"],
        json!({"long_term": "prepare for football combine", "cycle_goal": "power",
               "history": [{"date": "2025-06-01", "goal": "learn to lift"},
                           {"date": "2026-01-10", "goal": "general strength"}]})
    );
    // The first of seven and the latest four.
    assert_eq!(
        value["performance"]["body_weights"],
        json!([
            {"date": "2026-02-03", "weight": 141},
            {"date": "2026-02-12", "weight": 144},
            {"date": "2026-02-15", "weight": 145},
            {"date": "2026-02-18", "weight": 146},
            {"date": "2026-02-21", "weight": 147}
        ])
    );
    assert_eq!(value["available_equipment"], json!(["barbell"]));
}

#[test]
fn an_empty_logbook_gives_an_empty_context() {
    let context = context(&Logbook::new("Nobody"));
    let value = serde_json::to_value(&context).expect("serialises");
    assert_eq!(
        value,
        json!({"athlete": {"name": "Nobody", "training_months": 0, "total_workouts": 0},
               "available_equipment": [], "current_program": null,
               "performance": {"exercise_stats": [], "streak_weeks": 0}, "goals": {}})
    );
}

/// A deterministic shuffle (an LCG), so a failure reproduces.
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from((seed >> 33) % (i as u64 + 1)).expect("small");
        items.swap(i, j);
    }
}

#[test]
fn the_same_logbook_gives_the_same_bytes_whatever_its_order() {
    let logbook = synthetic_logbook(26, 4, 11);
    let options = ContextOptions::default();
    let first = serde_json::to_string(&build_context(&logbook, &options)).expect("serialises");
    let again = serde_json::to_string(&build_context(&logbook, &options)).expect("serialises");
    assert_eq!(first, again);
    for seed in [1, 2, 3] {
        let mut shuffled = logbook.clone();
        shuffle(&mut shuffled.workouts, seed);
        shuffle(&mut shuffled.training_maxes, seed);
        shuffle(&mut shuffled.body_weights, seed);
        shuffle(&mut shuffled.notes, seed);
        shuffle(&mut shuffled.programs, seed);
        assert_ne!(shuffled.workouts, logbook.workouts);
        let json = serde_json::to_string(&build_context(&shuffled, &options)).expect("serialises");
        assert_eq!(json, first, "seed {seed}");
    }
}

#[test]
fn the_context_round_trips_and_matches_its_schema() {
    let context = build_context(&profile_logbook(), &ContextOptions::default());
    let text = serde_json::to_string(&context).expect("serialises");
    let back: AthleteContext = serde_json::from_str(&text).expect("deserialises");
    assert_eq!(back, context);
    let schema = serde_json::to_value(schemars::schema_for!(AthleteContext)).expect("schema");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let synthetic = build_context(&synthetic_logbook(26, 4, 3), &ContextOptions::default());
    for value in [
        serde_json::to_value(&context).expect("serialises"),
        serde_json::to_value(&synthetic).expect("serialises"),
    ] {
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    // Every property of every object in the schema is documented.
    let mut undocumented = Vec::new();
    walk_properties(&schema, "", &mut undocumented);
    assert!(undocumented.is_empty(), "undocumented: {undocumented:?}");
}

fn walk_properties(schema: &Value, at: &str, undocumented: &mut Vec<String>) {
    match schema {
        Value::Object(members) => {
            if let Some(Value::Object(properties)) = members.get("properties") {
                for (name, property) in properties {
                    if property.get("description").is_none() && property.get("$ref").is_none() {
                        undocumented.push(format!("{at}/{name}"));
                    }
                }
            }
            for (key, value) in members {
                walk_properties(value, &format!("{at}/{key}"), undocumented);
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| walk_properties(v, at, undocumented)),
        _ => {}
    }
}

#[test]
fn a_six_month_context_fits_in_about_four_thousand_tokens() {
    let logbook = synthetic_logbook(26, 4, 7);
    let sets: usize = logbook.workouts.iter().map(|w| w.sets.len()).sum();
    let context = build_context(&logbook, &ContextOptions::default());
    let json = serde_json::to_string(&context).expect("serialises");
    let bpe = tiktoken_rs::o200k_base().expect("the o200k vocabulary is bundled");
    let tokens = bpe.encode_ordinary(&json).len();
    println!(
        "six-month context: {} workouts, {sets} sets, {} exercises -> {} bytes, {tokens} o200k tokens",
        logbook.workouts.len(),
        context.performance.exercise_stats.len(),
        json.len()
    );
    assert!(
        context.performance.exercise_stats.len() >= 12,
        "a realistic spread of exercises"
    );
    assert!(sets > 2_000, "a realistic amount of training: {sets} sets");
    assert!(tokens <= 4_000, "{tokens} tokens");
}

#[test]
fn the_sample_logbook_deserialises_and_has_sensible_signals() {
    let text = include_str!("../../../examples/data/sample-logbook.json");
    let logbook: Logbook = serde_json::from_str(text).expect("the sample is a Logbook");
    let context = context(&logbook);
    assert_eq!(context.athlete.name, "Tommy");
    assert_eq!(context.athlete.age, Some(14));
    assert!(context.athlete.total_workouts >= 25);
    assert!(context.athlete.training_months >= 2);
    let current = context.current_program.as_ref().expect("an active program");
    assert_eq!(current.status, ProgramStatus::Active);
    assert!(current.workouts_logged > 0);
    assert!(!context.prior_programs.is_empty());
    assert!(context.performance.streak_weeks >= 2);
    let rate = context
        .performance
        .adherence_rate
        .expect("programmed workouts");
    assert!((0.7..=1.0).contains(&rate), "adherence {rate}");
    assert!(!context.performance.amrap_results.is_empty());
    assert!(!context.performance.prs.is_empty());
    let clean = stats(&context, "Power Clean");
    assert!(clean.best_e1rm.is_some() && clean.avg_rpe.is_some());
    assert!(!clean.tm_history.is_empty());
    assert_ne!(clean.rpe_trend, Trend::InsufficientData);
    assert!(context.coach_notes[0].pinned && context.coach_notes[0].private);
    assert!(!context.goals.history.is_empty());
    assert!(!context.athlete.tier_history.is_empty());
}
