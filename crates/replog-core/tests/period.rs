//! Report period metrics (reference/003, v2): periods and their labels, and the numbers of a
//! week and a month against values computed by hand, agreeing with the athlete context.

mod common;

use common::{assigned, day, free, prescribed, programmed, set, template};
use replog_core::context::{ContextOptions, build_context, synthetic_logbook};
use replog_core::metrics::period::{Period, PeriodKind, PeriodMetrics, period_metrics};
use replog_core::{Logbook, LoggedSet, ProgramStatus};
use serde_json::json;

#[test]
fn weeks_and_months_with_their_labels_and_predecessors() {
    let week = Period::week_of(day("2026-04-08"));
    assert_eq!(week.kind, PeriodKind::Week);
    assert_eq!(
        (week.start, week.end),
        (day("2026-04-06"), day("2026-04-12"))
    );
    assert_eq!(week.label, "2026-W15");
    let before = week.previous();
    assert_eq!(
        (before.start, before.end),
        (day("2026-03-30"), day("2026-04-05"))
    );
    assert_eq!(before.label, "2026-W14");
    assert_eq!(Period::week_of(day("2027-01-01")).label, "2026-W53");
    assert_eq!(
        Period::week_of(day("2026-01-01")).previous().label,
        "2025-W52"
    );

    let month = Period::month_of(day("2026-03-15"));
    assert_eq!(
        (month.start, month.end),
        (day("2026-03-01"), day("2026-03-31"))
    );
    assert_eq!(month.label, "2026-03");
    let february = month.previous();
    assert_eq!(
        (february.start, february.end),
        (day("2026-02-01"), day("2026-02-28"))
    );
    let december = Period::month_of(day("2026-01-31")).previous();
    assert_eq!(december.label, "2025-12");
    assert!(month.contains(day("2026-03-31")) && !month.contains(day("2026-04-01")));
    assert_eq!(Period::of(PeriodKind::Week, day("2026-04-12")), week);
    assert_eq!(
        serde_json::to_value(&week).expect("serialises"),
        json!({"kind": "week", "start": "2026-04-06", "end": "2026-04-12", "label": "2026-W15"})
    );
}

fn sets(exercise: &str, count: u32, reps: u32, weight: f64) -> Vec<LoggedSet> {
    (1..=count)
        .map(|n| set(exercise, n, reps, weight))
        .collect()
}

/// W14: bench 3x5 @ 150 (e1RM 175) on 03-31, squat 3x5 @ 200 (233.3) on 04-02.
/// W15: on 04-07 (programmed: squat 5, 5, 5 and bench 5, 5, 5, 5 prescribed) squat 3x5 @ 210
/// (245, a PR) and bench 3x5 @ 160 (186.7, a PR); on 04-09 deadlift 1x5 @ 300 (350, the
/// first, so no PR). W16: a squat on 04-14, after `as_of`.
fn logbook() -> Logbook {
    let mut logbook = Logbook::new("Tommy");
    logbook.as_of = Some(day("2026-04-12"));
    logbook.programs.push(assigned(
        template(
            "Block",
            false,
            vec![vec![(
                1,
                vec![
                    prescribed("Back Squat", 1, &[Some(5); 3]),
                    prescribed("Bench Press", 2, &[Some(5); 4]),
                ],
            )]],
        ),
        "2026-04-01",
        ProgramStatus::Active,
    ));
    let mut w15 = sets("Back Squat", 3, 5, 210.0);
    w15.extend(sets("Bench Press", 3, 5, 160.0));
    logbook.workouts = vec![
        free("2026-03-31", sets("Bench Press", 3, 5, 150.0)),
        free("2026-04-02", sets("Back Squat", 3, 5, 200.0)),
        programmed("2026-04-07", "Block", 1, 1, w15),
        free("2026-04-09", sets("Deadlift", 1, 5, 300.0)),
        free("2026-04-14", sets("Back Squat", 3, 5, 400.0)),
    ];
    logbook
}

fn metrics(period: &Period) -> PeriodMetrics {
    period_metrics(&logbook(), period, &ContextOptions::default())
}

#[test]
fn a_week_by_hand() {
    let week = metrics(&Period::week_of(day("2026-04-12")));
    assert_eq!(
        serde_json::to_value(&week).expect("serialises"),
        json!({
            "period": {"kind": "week", "start": "2026-04-06", "end": "2026-04-12", "label": "2026-W15"},
            // 3150 + 2400 + 1500
            "volume": 7050,
            "workouts": 2,
            "streak_weeks": 2,
            "prs": [
                {"date": "2026-04-07", "exercise": "Back Squat", "e1rm": 245, "weight": 210, "reps": 5},
                {"date": "2026-04-07", "exercise": "Bench Press", "e1rm": 186.7, "weight": 160, "reps": 5}
            ],
            "top_lifts": [
                {"exercise": "Back Squat", "e1rm": 245, "previous_e1rm": 233.3, "change": 11.7},
                {"exercise": "Bench Press", "e1rm": 186.7, "previous_e1rm": 175, "change": 11.7},
                {"exercise": "Deadlift", "e1rm": 350, "previous_e1rm": null, "change": null}
            ],
            // 6 of 7 prescribed sets: the fourth bench set is missing.
            "adherence": 0.86
        })
    );
}

#[test]
fn a_month_by_hand() {
    let april = metrics(&Period::month_of(day("2026-04-12")));
    assert_eq!(april.period.label, "2026-04");
    assert_eq!(april.workouts, 3, "the 04-14 workout is after as_of");
    assert_eq!(april.volume, 10_050.0);
    assert_eq!(april.prs.len(), 2);
    let lifts: Vec<(&str, f64, Option<f64>)> = april
        .top_lifts
        .iter()
        .map(|l| (l.exercise.as_str(), l.e1rm, l.previous_e1rm))
        .collect();
    assert_eq!(
        lifts,
        [
            ("Back Squat", 245.0, None),
            ("Bench Press", 186.7, Some(175.0)),
            ("Deadlift", 350.0, None)
        ]
    );
}

#[test]
fn as_of_cuts_a_period_short_and_a_later_period_is_empty() {
    let options = ContextOptions::default().with_as_of(day("2026-04-08"));
    let week = period_metrics(&logbook(), &Period::week_of(day("2026-04-08")), &options);
    assert_eq!(week.workouts, 1);
    assert_eq!(week.volume, 5550.0);
    assert_eq!(week.top_lifts.len(), 2, "no deadlift yet");

    let later = metrics(&Period::week_of(day("2026-04-14")));
    assert_eq!((later.workouts, later.volume), (0, 0.0));
    assert!(later.prs.is_empty() && later.top_lifts.is_empty());
    assert_eq!(later.adherence, None);
}

#[test]
fn period_metrics_agree_with_the_context() {
    let logbook = synthetic_logbook(26, 4, 5);
    let options = ContextOptions {
        prs: 1_000,
        ..ContextOptions::default()
    };
    let context = build_context(&logbook, &options);
    let as_of = context.as_of.expect("dated");
    for period in [Period::week_of(as_of), Period::month_of(as_of)] {
        let metrics = period_metrics(&logbook, &period, &options);
        assert_eq!(metrics.streak_weeks, context.performance.streak_weeks);
        let in_period: Vec<_> = context
            .performance
            .prs
            .iter()
            .filter(|p| period.contains(p.date))
            .cloned()
            .collect();
        assert_eq!(metrics.prs, in_period, "{}", period.label);
        assert!(metrics.workouts > 0 && metrics.volume > 0.0);
    }
}
