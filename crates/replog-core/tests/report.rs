//! Reports v2 (reference/003): the numbers in a v2 payload are the metrics module's on
//! hand-built logbooks, whoever writes the words; v1 payloads and payloads without a
//! version still read and render; everything from data or a model is escaped in HTML.

mod common;

use common::{day, free, set};
use replog_core::context::{ContextOptions, synthetic_logbook};
use replog_core::metrics::period::{Period, PeriodKind, period_metrics};
use replog_core::report::{
    Action, ReportNumbers, ReportPayload, ReportV1, ReportV2, ReportWords, WrittenBy,
    deterministic_words,
};
use replog_core::{Logbook, LoggedSet, Unit};
use serde_json::json;

fn sets(exercise: &str, count: u32, reps: u32, weight: f64) -> Vec<LoggedSet> {
    (1..=count)
        .map(|n| set(exercise, n, reps, weight))
        .collect()
}

/// W14: bench 3x5 @ 150; W15: bench 3x5 @ 160 (a PR) and squat 3x5 @ 200 (its first).
fn logbook() -> Logbook {
    let mut logbook = Logbook::new("Sam");
    logbook.unit = Some(Unit::Kg);
    logbook.workouts = vec![
        free("2026-03-31", sets("Bench Press", 3, 5, 150.0)),
        free("2026-04-07", sets("Bench Press", 3, 5, 160.0)),
        free("2026-04-09", sets("Back Squat", 3, 5, 200.0)),
    ];
    logbook
}

fn model_words() -> ReportWords {
    ReportWords {
        headline: "You moved 1,000,000 kg!".into(),
        celebration: Some("Huge PR.".into()),
        action: Action {
            directive: "Rest.".into(),
            explanation: "Because.".into(),
        },
    }
}

#[test]
fn v2_numbers_are_the_metrics_modules_whoever_writes_the_words() {
    let logbook = logbook();
    let options = ContextOptions::default();
    for (kind, date) in [
        (PeriodKind::Week, "2026-04-09"),
        (PeriodKind::Month, "2026-04-09"),
        (PeriodKind::Week, "2026-03-31"),
    ] {
        let period = Period::of(kind, day(date));
        let expected = period_metrics(&logbook, &period, &options);
        for words in [
            deterministic_words(&ReportNumbers::compute(&logbook, &period, &options)),
            model_words(),
        ] {
            let numbers = ReportNumbers::compute(&logbook, &period, &options);
            let report = ReportV2::new(numbers, words, WrittenBy::rules());
            assert_eq!(report.metrics, expected, "{}", period.label);
            assert_eq!(report.unit, Some(Unit::Kg));
        }
    }
    // The synthetic six-month logbook, both period kinds, against the metrics module.
    let big = synthetic_logbook(26, 4, 11);
    for kind in [PeriodKind::Week, PeriodKind::Month] {
        let numbers = ReportNumbers::for_period_of(&big, kind, &options).expect("dated");
        let day = big.as_of().expect("dated");
        assert_eq!(
            numbers.metrics,
            period_metrics(&big, &Period::of(kind, day), &options)
        );
    }
    assert!(
        ReportNumbers::for_period_of(&Logbook::new("Empty"), PeriodKind::Week, &options).is_none()
    );
}

#[test]
fn the_deterministic_writer_says_what_the_numbers_say() {
    let logbook = logbook();
    let options = ContextOptions::default();
    let week = ReportNumbers::compute(&logbook, &Period::week_of(day("2026-04-09")), &options);
    let words = deterministic_words(&week);
    assert_eq!(
        words.headline,
        "New Bench Press record: 186.7 kg estimated 1RM"
    );
    assert_eq!(
        words.celebration.as_deref(),
        Some("You set a personal record on Bench Press: 160 kg x 5, an estimated 1RM of 186.7 kg.")
    );
    assert_eq!(words.check(), Ok(()));
    assert_eq!(
        words.action,
        Action {
            directive: "Build on the new record: keep the plan's progression.".into(),
            explanation: "1 record in 2026-W15, with the streak at 2 weeks; steady work made it."
                .into(),
        }
    );

    // A week without workouts: no PR, no celebration, an action to train.
    let empty = ReportNumbers::compute(&logbook, &Period::week_of(day("2026-04-20")), &options);
    let words = deterministic_words(&empty);
    assert_eq!(words.headline, "No workouts logged in 2026-W17");
    assert_eq!(words.celebration, None);
    assert_eq!(
        words.action.directive,
        "Log at least one workout next week."
    );

    // The first week: work, no PR (the first e1RM of a lift is not one).
    let first = ReportNumbers::compute(&logbook, &Period::week_of(day("2026-03-31")), &options);
    let words = deterministic_words(&first);
    assert_eq!(words.headline, "1 workout and 2250 kg lifted in 2026-W14");
    assert_eq!(words.celebration, None);
}

#[test]
fn a_celebration_without_a_pr_is_dropped() {
    let logbook = logbook();
    let numbers = ReportNumbers::compute(
        &logbook,
        &Period::week_of(day("2026-03-31")),
        &ContextOptions::default(),
    );
    assert!(!numbers.has_pr());
    let report = ReportV2::new(numbers, model_words(), WrittenBy::rules());
    assert_eq!(report.words.celebration, None);
}

#[test]
fn v2_round_trips_with_its_version_first() {
    let logbook = logbook();
    let numbers = ReportNumbers::compute(
        &logbook,
        &Period::week_of(day("2026-04-09")),
        &ContextOptions::default(),
    );
    let words = deterministic_words(&numbers);
    let payload = ReportPayload::from(ReportV2::new(
        numbers,
        words,
        WrittenBy::Model {
            provider: "openai".into(),
            model: "gpt-4o-mini".into(),
        },
    ));
    let value = serde_json::to_value(&payload).expect("serialises");
    assert_eq!(value["version"], "2.0");
    assert_eq!(value["metrics"]["volume"], 5400);
    assert_eq!(value["metrics"]["prs"][0]["e1rm"], 186.7);
    assert_eq!(
        value["written_by"],
        json!({"kind": "model", "provider": "openai", "model": "gpt-4o-mini"})
    );
    let text = serde_json::to_string(&payload).expect("serialises");
    assert!(text.starts_with(r#"{"version":"2.0","#));
    let back: ReportPayload = serde_json::from_str(&text).expect("reads");
    assert_eq!(back, payload);
    assert_eq!(back.version(), "2.0");
}

#[test]
fn v1_payloads_with_or_without_a_version_read_and_render() {
    let legacy = "## Great week!\n\nYou squatted **225 lb** for 5.\n\n- Sleep more\n";
    for value in [
        json!({"content": legacy}),
        json!({"version": null, "content": legacy}),
        json!({"version": "1.0", "content": legacy}),
        json!({"version": "1", "content": legacy, "model": "gpt-3.5-turbo", "createdAt": 1_700_000_000}),
        json!({"version": 1, "content": legacy}),
    ] {
        let payload: ReportPayload = serde_json::from_value(value.clone()).expect("a v1 payload");
        assert_eq!(
            payload,
            ReportPayload::V1(ReportV1 {
                content: legacy.into()
            }),
            "{value}"
        );
        assert_eq!(payload.to_markdown(), legacy);
        assert_eq!(
            payload.to_html(),
            "<h2>Great week!</h2>\n<p>You squatted <strong>225 lb</strong> for 5.</p>\n<ul>\n<li>Sleep more</li>\n</ul>\n"
        );
        assert_eq!(
            serde_json::to_value(&payload).expect("serialises"),
            json!({"version": "1.0", "content": legacy})
        );
    }
    for (bad, message) in [
        (
            json!({"version": "3.0", "content": "x"}),
            "unsupported report version",
        ),
        (json!({"version": "2.0", "content": "x"}), "missing field"),
        (json!({"body": "x"}), "missing field `content`"),
        (json!(["x"]), "must be a JSON object"),
    ] {
        let error = serde_json::from_value::<ReportPayload>(bad.clone()).expect_err("refused");
        assert!(error.to_string().contains(message), "{bad}: {error}");
    }
}

#[test]
fn html_escapes_everything_from_data_and_the_model() {
    let mut logbook = logbook();
    for workout in &mut logbook.workouts {
        for set in &mut workout.sets {
            if set.exercise == "Bench Press" {
                set.exercise = "Bench <img src=x onerror=alert(1)>".into();
            }
        }
    }
    let numbers = ReportNumbers::compute(
        &logbook,
        &Period::week_of(day("2026-04-09")),
        &ContextOptions::default(),
    );
    let words = ReportWords {
        headline: "<script>alert('h')</script> **bold** & [x](javascript:alert(2))".into(),
        celebration: Some("# not a heading\n<b>pr</b>".into()),
        action: Action {
            directive: "1. not a list".into(),
            explanation: "`code` _em_ <!-- c -->".into(),
        },
    };
    let payload = ReportPayload::from(ReportV2::new(
        numbers,
        words,
        WrittenBy::Model {
            provider: "openai".into(),
            model: "<i>m</i>".into(),
        },
    ));
    let html = payload.to_html();
    for active in [
        "<script",
        "<img",
        "<b>",
        "<i>",
        "<!--",
        "href=",
        "<strong>bold",
        "<em>em",
        "<code>",
        "<ol>",
        "<h1>#",
    ] {
        assert!(!html.contains(active), "{active} in {html}");
    }
    for shown in [
        "&lt;script&gt;alert('h')&lt;/script&gt; **bold** &amp; [x](javascript:alert(2))",
        "Bench &lt;img src=x onerror=alert(1)&gt;",
        "# not a heading &lt;b&gt;pr&lt;/b&gt;",
        "1. not a list",
        "&lt;i&gt;m&lt;/i&gt;",
    ] {
        assert!(html.contains(shown), "{shown} not in {html}");
    }
    // The layout itself is still markup.
    assert!(html.starts_with("<h1>") && html.contains("<h2>Personal records</h2>"));

    // A legacy v1 report is model Markdown: raw HTML and script links are neutralised too.
    let v1 = ReportPayload::V1(ReportV1 {
        content: "<script>alert(1)</script>\n\n[click](javascript:alert(1)) [ok](https://example.org) ![t](https://x/p.png)".into(),
    });
    let html = v1.to_html();
    assert!(
        !html.contains("<script") && !html.contains("javascript:") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(
        html.contains(r#"<a href="https://example.org">ok</a>"#),
        "{html}"
    );
    assert!(html.contains("click") && html.contains('t'), "{html}");
}

#[test]
fn several_records_are_celebrated_once_per_lift_with_its_best() {
    let mut logbook = logbook();
    logbook
        .workouts
        .push(free("2026-04-14", sets("Bench Press", 1, 5, 170.0)));
    logbook
        .workouts
        .push(free("2026-04-16", sets("Back Squat", 1, 5, 210.0)));
    let month = ReportNumbers::compute(
        &logbook,
        &Period::month_of(day("2026-04-16")),
        &ContextOptions::default(),
    );
    assert_eq!(month.metrics.prs.len(), 3);
    assert_eq!(
        deterministic_words(&month).celebration.as_deref(),
        Some("You set 3 personal records: Back Squat (245 kg), Bench Press (2, up to 198.3 kg).")
    );
}
