//! The built-in planner on the two sample athletes of `examples/data` (Tommy: school gym,
//! football, a flagged knee; Sarah: home gym, volleyball, no flags), with contexts built
//! with and without the free-exercise-db catalog from `../shared/data` (those cases are
//! skipped, saying so, when the shared data is absent): the programs validate clean against
//! the athlete's equipment, raise no lint errors, balance the movement patterns, honour the
//! notes, take loads from the athlete's numbers, deload in long blocks, are deterministic, and
//! come out the same through the Provider in one piece or week by week.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use replog_catalog::Validator;
use replog_core::context::{AthleteContext, ContextOptions, NoteEntry, build_context};
use replog_core::lint::{LintOptions, lint_catalog};
use replog_core::{Catalog, ExerciseIndex, Logbook, Program, Severity};
use replog_llm::planner::{LoadBasis, MODEL, Pattern, Plan, Planner};
use replog_llm::provider::{ErrorKind, FinishReason, Usage};
use replog_llm::task::{DayOutline, Part, ProgramRequest, Skeleton, Task, WeekAnswer, WeekOutline};
use replog_llm::{Provider, Request};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(name)
}

/// The free-exercise-db catalog converted to CatalogJSON, or `None` (said on stderr) when
/// `../shared/data` is absent.
fn host_catalog() -> Option<&'static Catalog> {
    static HOST: OnceLock<Option<Catalog>> = OnceLock::new();
    HOST.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/free-exercise-db/exercises.json");
        match std::fs::read_to_string(&path) {
            Ok(text) => Some(
                replog_catalog::convert::free_exercise_db::convert(&text)
                    .expect("free-exercise-db converts")
                    .value,
            ),
            Err(error) => {
                eprintln!(
                    "SKIPPED: {} ({error}): catalog cases need ../shared/data",
                    path.display()
                );
                None
            }
        }
    })
    .as_ref()
}

struct Athlete {
    logbook: Logbook,
    /// Contexts without and (when the shared data is there) with the host catalog.
    contexts: Vec<(AthleteContext, Option<&'static Catalog>)>,
}

fn athletes() -> &'static [Athlete] {
    static ATHLETES: OnceLock<Vec<Athlete>> = OnceLock::new();
    ATHLETES.get_or_init(|| {
        ["sample-logbook.json", "sarah.json"]
            .iter()
            .map(|file| {
                let bytes = std::fs::read(example(file)).expect("the sample logbook is readable");
                let logbook =
                    replog_catalog::parse_logbook(&bytes).expect("the sample logbook is valid");
                let mut contexts =
                    vec![(build_context(&logbook, &ContextOptions::default()), None)];
                if let Some(host) = host_catalog() {
                    let index = ExerciseIndex::from_catalog(host);
                    let options = ContextOptions::default().with_catalog(&index);
                    contexts.push((build_context(&logbook, &options), Some(host)));
                }
                Athlete { logbook, contexts }
            })
            .collect()
    })
}

fn tommy() -> &'static Athlete {
    &athletes()[0]
}

fn sarah() -> &'static Athlete {
    &athletes()[1]
}

fn plan(context: &AthleteContext, request: &ProgramRequest) -> Plan {
    Planner::new()
        .plan(context, request)
        .expect("the planner plans")
}

fn request(weeks: Option<u32>, days: Option<u32>) -> ProgramRequest {
    ProgramRequest {
        weeks,
        days_per_week: days,
        ..ProgramRequest::default()
    }
}

fn program(plan: &Plan) -> &Program {
    &plan.envelope.catalog.programs[0]
}

/// Every issue of the document, validated against the athlete's equipment and the host's
/// catalog when the context carried it.
fn issues(plan: &Plan, logbook: &Logbook, host: Option<&Catalog>) -> Vec<replog_core::Issue> {
    let mut validator = Validator::new().with_equipment(&logbook.equipment);
    if let Some(host) = host {
        validator = validator.with_catalog(host);
    }
    let text = serde_json::to_string(&plan.envelope.catalog).expect("serialises");
    validator.validate(text).issues().to_vec()
}

/// The lints of the document for the athlete on the logbook's day.
fn lints(plan: &Plan, logbook: &Logbook, host: Option<&Catalog>) -> Vec<replog_core::Issue> {
    let index = host.map(ExerciseIndex::from_catalog).unwrap_or_default();
    let options = LintOptions::new().logbook(logbook).exercises(&index);
    lint_catalog(&plan.envelope.catalog, &options)
}

#[test]
fn the_sample_logbooks_are_valid_and_differ() {
    for file in ["sample-logbook.json", "sarah.json"] {
        let bytes = std::fs::read(example(file)).unwrap();
        let report = Validator::new().validate_logbook(&bytes);
        assert!(report.is_valid(), "{file}: {:?}", report.issues());
    }
    let (t, s) = (&tommy().logbook, &sarah().logbook);
    assert_eq!(
        (t.athlete.name.as_str(), s.athlete.name.as_str()),
        ("Tommy", "Sarah")
    );
    assert!(t.equipment.iter().any(|e| e == "barbell"));
    assert!(!s.equipment.iter().any(|e| e == "barbell"));
    assert_ne!(t.athlete.goal, s.athlete.goal);
}

#[test]
fn programs_validate_clean_and_raise_no_lint_errors() {
    for athlete in athletes() {
        for (context, host) in &athlete.contexts {
            for req in [
                request(None, None),
                request(Some(8), Some(4)),
                request(Some(12), Some(2)),
            ] {
                let plan = plan(context, &req);
                let found = issues(&plan, &athlete.logbook, *host);
                assert!(
                    found.is_empty(),
                    "{}: {found:#?}",
                    athlete.logbook.athlete.name
                );
                let lints = lints(&plan, &athlete.logbook, *host);
                assert!(
                    lints.iter().all(|i| i.severity != Severity::Error),
                    "{lints:#?}"
                );
                // Beyond the requirement: the youth, load and deload rules are all met too.
                let serious: Vec<_> = lints
                    .iter()
                    .filter(|i| !i.code.as_str().ends_with("weekly_sets_per_muscle"))
                    .collect();
                assert!(
                    serious.is_empty(),
                    "{}: {serious:#?}",
                    athlete.logbook.athlete.name
                );
            }
        }
    }
}

#[test]
fn the_document_defines_what_the_catalog_lacks_and_validates_on_its_own() {
    for athlete in athletes() {
        let (context, _) = &athlete.contexts[0];
        let plan = plan(context, &ProgramRequest::default());
        assert!(plan.exercises.iter().all(|e| e.defined));
        // No host catalog at all: the document's own exercises resolve every reference.
        let found = issues(&plan, &athlete.logbook, None);
        assert!(found.is_empty(), "{found:#?}");
        assert_eq!(plan.envelope.catalog.exercises.len(), plan.exercises.len());
    }
    let Some((context, Some(host))) = tommy().contexts.get(1) else {
        return;
    };
    let plan = plan(context, &ProgramRequest::default());
    let index = ExerciseIndex::from_catalog(host);
    // From the catalog: the exercises the host has under the same name, not redefined.
    for planned in &plan.exercises {
        let in_context = context
            .exercise_catalog
            .iter()
            .any(|e| e.name == planned.name);
        assert_eq!(planned.defined, !in_context, "{}", planned.name);
    }
    assert!(
        plan.exercises
            .iter()
            .any(|e| !e.defined && index.resolve(&e.name).is_some())
    );
}

#[test]
fn only_equipment_the_athlete_has() {
    for athlete in athletes() {
        for (context, host) in &athlete.contexts {
            let plan = plan(context, &request(Some(6), Some(5)));
            let own = ExerciseIndex::from_catalog(&plan.envelope.catalog);
            let host = host.map(ExerciseIndex::from_catalog).unwrap_or_default();
            for prescribed in program(&plan).prescribed_exercises() {
                let found = own
                    .resolve(&prescribed.exercise)
                    .or_else(|| host.resolve(&prescribed.exercise))
                    .unwrap_or_else(|| panic!("{} resolves", prescribed.exercise));
                for item in &found.equipment {
                    assert!(
                        athlete.logbook.equipment.contains(item),
                        "{} needs {item}",
                        prescribed.exercise
                    );
                }
            }
        }
    }
    // Sarah has no barbell: nothing of the program needs one.
    let plan = plan(&sarah().contexts[0].0, &ProgramRequest::default());
    let text = serde_json::to_string(&plan.envelope.catalog).unwrap();
    assert!(!text.contains("barbell"), "{text}");
}

#[test]
fn movement_patterns_are_balanced() {
    for athlete in athletes() {
        for (context, _) in &athlete.contexts {
            for days in 2..=6 {
                let plan = plan(context, &request(Some(4), Some(days)));
                let pattern_of = |name: &str| {
                    plan.exercises
                        .iter()
                        .find(|e| e.name == name)
                        .map(|e| e.pattern)
                        .unwrap_or_else(|| panic!("{name} is planned"))
                };
                for week in &program(&plan).weeks {
                    assert_eq!(week.days.len(), days as usize);
                    let (mut push, mut pull) = (0, 0);
                    let mut seen = Vec::new();
                    for day in &week.days {
                        for exercise in &day.exercises {
                            let pattern = pattern_of(&exercise.exercise);
                            seen.push(pattern);
                            if pattern.is_push() {
                                push += exercise.sets.len();
                            }
                            if pattern.is_pull() {
                                pull += exercise.sets.len();
                            }
                        }
                        // Every day has lower-body work, a push and a pull.
                        let patterns: Vec<Pattern> = day
                            .exercises
                            .iter()
                            .map(|e| pattern_of(&e.exercise))
                            .collect();
                        assert!(patterns.iter().any(|p| p.is_lower()), "{patterns:?}");
                        assert!(patterns.iter().any(|p| p.is_push()), "{patterns:?}");
                        assert!(patterns.iter().any(|p| p.is_pull()), "{patterns:?}");
                    }
                    assert_eq!(push, pull, "week {} pushes and pulls alike", week.number);
                    for needed in [
                        Pattern::Squat,
                        Pattern::Hinge,
                        Pattern::HorizontalPush,
                        Pattern::HorizontalPull,
                        Pattern::SingleLeg,
                        Pattern::Core,
                    ] {
                        assert!(
                            seen.contains(&needed),
                            "week {} lacks {needed:?}",
                            week.number
                        );
                    }
                    // Both are sport goals: power or jumps open the days.
                    assert!(
                        seen.iter()
                            .any(|p| matches!(p, Pattern::Power | Pattern::Plyometric))
                    );
                }
            }
        }
    }
    // Sarah has bands: she pulls vertically too.
    let plan = plan(&sarah().contexts[0].0, &ProgramRequest::default());
    assert!(
        plan.exercises
            .iter()
            .any(|e| e.pattern == Pattern::VerticalPull)
    );
}

fn names(plan: &Plan) -> Vec<String> {
    program(plan)
        .prescribed_exercises()
        .map(|e| e.exercise.to_lowercase())
        .collect()
}

const JUMPING: [&str; 6] = ["jump", "bound", "hop", "depth", "pistol", "lunge"];

#[test]
fn the_knee_note_excludes_jumping_exercises() {
    for (context, _) in &tommy().contexts {
        assert!(
            context
                .coach_notes
                .iter()
                .any(|n| n.content.contains("knee"))
        );
        let plan = plan(context, &request(Some(8), Some(4)));
        for name in names(&plan) {
            assert!(!JUMPING.iter().any(|w| name.contains(w)), "{name}");
        }
        assert!(
            !plan
                .exercises
                .iter()
                .any(|e| e.pattern == Pattern::Plyometric)
        );
        let reasoning = &plan.envelope.reasoning;
        assert!(
            reasoning.contains("Watch left knee on lunges"),
            "{reasoning}"
        );
        assert!(
            reasoning.contains("Left out Box Jump (16 sessions logged)"),
            "{reasoning}"
        );
    }
    // Sarah, unflagged, jumps; the same note on her context takes the jumps away.
    let mut context = sarah().contexts[0].0.clone();
    let before = names(&plan(&context, &ProgramRequest::default()));
    assert!(
        before
            .iter()
            .any(|n| n.contains("bound") || n.contains("jump")),
        "{before:?}"
    );
    context.coach_notes.push(NoteEntry {
        date: "2026-04-11".parse().unwrap(),
        content: "Sore right knee after the tournament".into(),
        private: true,
        pinned: false,
    });
    let after = names(&plan(&context, &ProgramRequest::default()));
    assert!(
        !after.iter().any(|n| JUMPING.iter().any(|w| n.contains(w))),
        "{after:?}"
    );
}

#[test]
fn a_shoulder_note_or_the_directions_rule_out_overhead_pressing() {
    let mut context = sarah().contexts[0].0.clone();
    let before = plan(&context, &ProgramRequest::default());
    assert!(
        before
            .exercises
            .iter()
            .any(|e| e.pattern == Pattern::VerticalPush)
    );
    context.coach_notes.push(NoteEntry {
        date: "2026-04-11".parse().unwrap(),
        content: "Right shoulder irritated from serving; protect it this month.".into(),
        private: false,
        pinned: true,
    });
    let after = plan(&context, &ProgramRequest::default());
    assert!(
        !after
            .exercises
            .iter()
            .any(|e| e.pattern == Pattern::VerticalPush),
        "{:?}",
        after.exercises
    );
    assert!(after.envelope.reasoning.contains("no overhead pressing"));

    let directed = ProgramRequest {
        directions: Some(
            "No overhead work this block, 2 days a week. Start introducing hang cleans.".into(),
        ),
        ..ProgramRequest::default()
    };
    let plan = plan(&tommy().contexts[0].0, &directed);
    assert_eq!(plan.days_per_week, 2);
    assert!(
        !plan
            .exercises
            .iter()
            .any(|e| e.pattern == Pattern::VerticalPush)
    );
    assert!(
        names(&plan).iter().any(|n| n == "hang clean"),
        "{:?}",
        names(&plan)
    );
}

fn stats<'a>(context: &'a AthleteContext, name: &str) -> &'a replog_core::context::ExerciseStats {
    context
        .performance
        .exercise_stats
        .iter()
        .find(|s| s.exercise == name)
        .unwrap_or_else(|| panic!("{name} has stats"))
}

#[test]
fn loads_derive_from_the_training_max_and_the_e1rm() {
    for (context, _) in &tommy().contexts {
        let plan = plan(context, &request(Some(4), Some(3)));
        let basis = |name: &str| {
            plan.exercises
                .iter()
                .find(|e| e.name == name)
                .map(|e| e.basis)
        };
        // Back Squat: the latest training max, trusted (it equals the best e1RM).
        let squat = stats(context, "Back Squat");
        let tm = squat.tm_history.last().unwrap().weight;
        assert_eq!(tm, 175.0);
        assert_eq!(
            basis("Back Squat"),
            Some(LoadBasis::TrainingMax {
                training_max: tm,
                fraction: 1.0
            })
        );
        let week1 = &program(&plan).weeks[0];
        let squat_day = week1
            .days
            .iter()
            .flat_map(|d| &d.exercises)
            .find(|e| e.exercise == "Back Squat")
            .unwrap();
        let percent = squat_day.sets[0].percent_tm.unwrap();
        // Week 1 of a power block: 5 reps at 76 % of 1RM with the TM at 100 % of e1RM.
        assert_eq!(percent, 75.0);
        let note = squat_day.notes.as_deref().unwrap();
        // 75 % of 175 is 131.25 lb, rounded down to the 2.5 lb step.
        assert!(note.contains("TM 175 lb: 75 % = about 130 lb"), "{note}");
        // Power Clean: the TM (115) is far above the best e1RM (96.3), so the e1RM rules.
        let clean = stats(context, "Power Clean");
        let e1rm = clean.best_e1rm.unwrap();
        assert_eq!(basis("Power Clean"), Some(LoadBasis::E1rm { e1rm }));
        for set in program(&plan)
            .prescribed_exercises()
            .filter(|e| e.exercise == "Power Clean")
            .flat_map(|e| &e.sets)
        {
            let weight = set.weight.unwrap();
            assert!(
                weight <= e1rm * 0.85 && weight >= e1rm * 0.6,
                "{weight} of {e1rm}"
            );
            assert_eq!(set.percent_tm, None);
        }
        assert!(plan.envelope.reasoning.contains("best e1RM 96.3"));
        // Suitcase Carry: held at 35 lb as the note of 2026-04-10 asks.
        assert_eq!(
            basis("Suitcase Carry"),
            Some(LoadBasis::Held { weight: 35.0 })
        );
    }
    // Sarah has no training max: dumbbell loads come from her e1RMs.
    for (context, _) in &sarah().contexts {
        let plan = plan(context, &ProgramRequest::default());
        let goblet = stats(context, "Goblet Squat");
        let e1rm = goblet.best_e1rm.unwrap();
        let planned = plan
            .exercises
            .iter()
            .find(|e| e.name == "Goblet Squat")
            .unwrap();
        assert_eq!(planned.basis, LoadBasis::E1rm { e1rm });
        let first = program(&plan)
            .prescribed_exercises()
            .find(|e| e.exercise == "Goblet Squat")
            .unwrap();
        // 5 reps at 76 % of the e1RM, rounded down to a plate step.
        let expected = ((e1rm * 0.76) / 5.0).floor() * 5.0;
        assert_eq!(first.sets[0].weight, Some(expected), "e1RM {e1rm}");
        let reasoning = &plan.envelope.reasoning;
        assert!(
            reasoning.contains(&format!("best e1RM {}", fmt(e1rm))),
            "{reasoning}"
        );
        assert!(reasoning.contains("Adherence 100 %"), "{reasoning}");
    }
}

fn fmt(x: f64) -> String {
    let text = format!("{:.1}", (x * 10.0).round() / 10.0);
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

#[test]
fn long_blocks_have_lighter_weeks() {
    for athlete in athletes() {
        let context = &athlete.contexts[0].0;
        for weeks in [8, 12, 16] {
            let plan = plan(context, &request(Some(weeks), Some(3)));
            let program = program(&plan);
            let deloads: Vec<u32> = program
                .weeks
                .iter()
                .filter(|w| w.label.as_deref() == Some("deload"))
                .map(|w| w.number)
                .collect();
            let expected: Vec<u32> = (1..=weeks).filter(|w| w % 4 == 0).collect();
            assert_eq!(deloads, expected);
            let sets = |n: u32| -> usize {
                program.weeks[n as usize - 1]
                    .days
                    .iter()
                    .flat_map(|d| &d.exercises)
                    .map(|e| e.sets.len())
                    .sum()
            };
            assert!(sets(4) < sets(3), "the deload has fewer sets");
            assert!(!program.progression_rules.is_empty());
        }
    }
}

#[test]
fn the_same_input_gives_the_same_json() {
    for athlete in athletes() {
        for (context, _) in &athlete.contexts {
            let req = request(Some(10), Some(4));
            let a = serde_json::to_string(&plan(context, &req)).unwrap();
            let b = serde_json::to_string(&plan(context, &req)).unwrap();
            assert_eq!(a, b);
        }
    }
    let tommy =
        serde_json::to_string(&plan(&tommy().contexts[0].0, &ProgramRequest::default()).envelope)
            .unwrap();
    let sarah =
        serde_json::to_string(&plan(&sarah().contexts[0].0, &ProgramRequest::default()).envelope)
            .unwrap();
    assert_ne!(tommy, sarah, "two athletes, two programs");
}

fn task(context: &AthleteContext, req: &ProgramRequest, part: Part) -> Request {
    Request::new("system", "user").with_task(Arc::new(Task {
        context: Arc::new(context.clone()),
        request: req.clone(),
        part,
    }))
}

#[tokio::test]
async fn the_provider_answers_whole_skeleton_and_weeks_consistently() {
    let planner = Planner::new();
    assert_eq!((planner.name(), planner.model()), ("builtin", MODEL));
    assert_eq!(planner.ping().await.unwrap().model, MODEL);
    for athlete in athletes() {
        for (context, _) in &athlete.contexts {
            let req = request(Some(6), Some(3));
            let whole = planner
                .generate(&task(context, &req, Part::Whole))
                .await
                .unwrap();
            assert_eq!(whole.usage, Usage::default());
            assert_eq!(whole.finish_reason, FinishReason::Stop);
            assert_eq!(whole.model, MODEL);
            let envelope: replog_core::Envelope = serde_json::from_str(&whole.text).unwrap();
            assert_eq!(envelope, plan(context, &req).envelope);
            let program = &envelope.catalog.programs[0];

            let answer = planner
                .generate(&task(context, &req, Part::Skeleton))
                .await
                .unwrap();
            let skeleton: Skeleton = serde_json::from_str(&answer.text).unwrap();
            assert_eq!(skeleton.name, program.name);
            assert_eq!(skeleton.weeks.len(), program.weeks.len());
            assert_eq!(skeleton.progression_rules, program.progression_rules);
            let skeleton = Arc::new(skeleton);
            for (i, outline) in skeleton.weeks.iter().enumerate() {
                let part = Part::Week {
                    number: outline.number,
                    skeleton: Arc::clone(&skeleton),
                };
                let answer = planner.generate(&task(context, &req, part)).await.unwrap();
                let week: WeekAnswer = serde_json::from_str(&answer.text).unwrap();
                assert_eq!(week.week, program.weeks[i], "week {}", outline.number);
                let slots: Vec<u8> = outline.days.iter().map(|d| d.number).collect();
                let days: Vec<u8> = week.week.days.iter().map(|d| d.number).collect();
                assert_eq!(slots, days);
            }
        }
    }
}

#[tokio::test]
async fn a_foreign_skeleton_shapes_the_week() {
    let context = &sarah().contexts[0].0;
    let day = |number, name: &str| DayOutline {
        number,
        name: Some(name.into()),
        focus: None,
    };
    let skeleton = Arc::new(Skeleton {
        reasoning: "a model's outline".into(),
        name: "Preseason".into(),
        description: None,
        goal: None,
        unit: None,
        weeks: (1..=5)
            .map(|number| WeekOutline {
                number,
                label: Some(format!("phase {number}")),
                days: vec![day(2, "Tuesday lift"), day(6, "Saturday lift")],
            })
            .collect(),
        progression_rules: Vec::new(),
        exercises: Vec::new(),
    });
    let part = Part::Week {
        number: 3,
        skeleton: Arc::clone(&skeleton),
    };
    let answer = Planner::new()
        .generate(&task(context, &ProgramRequest::default(), part))
        .await
        .unwrap();
    let week: WeekAnswer = serde_json::from_str(&answer.text).unwrap();
    assert_eq!(week.week.number, 3);
    assert_eq!(week.week.label.as_deref(), Some("phase 3"));
    let days: Vec<(u8, Option<&str>)> = week
        .week
        .days
        .iter()
        .map(|d| (d.number, d.name.as_deref()))
        .collect();
    assert_eq!(
        days,
        [(2, Some("Tuesday lift")), (6, Some("Saturday lift"))]
    );

    let missing = Part::Week {
        number: 9,
        skeleton,
    };
    let error = Planner::new()
        .generate(&task(context, &ProgramRequest::default(), missing))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidRequest);
    assert!(error.message().contains("week 9"), "{}", error.message());
}

#[tokio::test]
async fn a_request_without_a_task_or_outside_the_limits_is_refused() {
    let planner = Planner::new();
    let error = planner
        .generate(&Request::new("system", "user"))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidRequest);
    assert!(
        error.message().contains("carries none"),
        "{}",
        error.message()
    );
    let context = &tommy().contexts[0].0;
    for (req, says) in [
        (request(Some(0), None), "weeks must be 1-52, got 0"),
        (request(Some(53), None), "weeks must be 1-52, got 53"),
        (request(None, Some(0)), "days_per_week must be 1-7, got 0"),
        (request(None, Some(8)), "days_per_week must be 1-7, got 8"),
    ] {
        let error = planner
            .generate(&task(context, &req, Part::Whole))
            .await
            .unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::InvalidRequest);
        assert_eq!(error.message(), says);
    }
    let long = ProgramRequest {
        name: Some("x".repeat(201)),
        ..ProgramRequest::default()
    };
    assert!(Planner::new().plan(context, &long).is_err());
}

#[test]
fn defaults_come_from_the_current_program() {
    let context = &tommy().contexts[0].0;
    let current = context.current_program.as_ref().unwrap();
    let plan = plan(context, &ProgramRequest::default());
    assert_eq!(
        (plan.weeks, plan.days_per_week),
        (current.weeks, current.days_per_week)
    );
    assert_eq!(program(&plan).name, "Sport Performance Month 4 - Tommy");
    let named = ProgramRequest {
        name: Some("  Combine prep  ".into()),
        ..ProgramRequest::default()
    };
    assert_eq!(program(&self::plan(context, &named)).name, "Combine prep");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_request_gives_a_valid_program(
        weeks in 1_u32..=16,
        days in 1_u32..=6,
        who in 0_usize..2,
        with_catalog in any::<bool>(),
        directions in prop::sample::select(vec![
            None,
            Some("no overhead"),
            Some("no jumps, 3 days"),
            Some("Start introducing hang cleans"),
        ]),
    ) {
        let athlete = &athletes()[who];
        let (context, host) = athlete
            .contexts
            .get(usize::from(with_catalog))
            .unwrap_or(&athlete.contexts[0]);
        let req = ProgramRequest {
            weeks: Some(weeks),
            days_per_week: Some(days),
            directions: directions.map(str::to_owned),
            ..ProgramRequest::default()
        };
        let plan = plan(context, &req);
        prop_assert_eq!(program(&plan).weeks.len(), weeks as usize);
        prop_assert!(program(&plan).weeks.iter().all(|w| w.days.len() == days as usize));
        let found = issues(&plan, &athlete.logbook, *host);
        prop_assert!(found.is_empty(), "{:#?}", found);
        let lints = lints(&plan, &athlete.logbook, *host);
        prop_assert!(lints.iter().all(|i| i.severity != Severity::Error));
    }
}

#[test]
fn an_unusual_context_still_gives_a_valid_program() {
    // A long name, no equipment, no history, no notes, a note in kilograms: bodyweight work
    // within CatalogJSON's limits.
    let mut context = sarah().contexts[0].0.clone();
    context.athlete.name = "S".repeat(6000);
    context.available_equipment.clear();
    context.performance.exercise_stats.clear();
    context.current_program = None;
    context.unit = Some(replog_core::Unit::Kg);
    context.coach_notes = vec![NoteEntry {
        date: "2026-04-11".parse().unwrap(),
        content: "Ankle sprained; no jumping, keep carries at 16kg".into(),
        private: false,
        pinned: false,
    }];
    let plan = plan(&context, &request(Some(5), Some(2)));
    let text = serde_json::to_string(&plan.envelope.catalog).unwrap();
    let report = Validator::new()
        .with_equipment(Vec::<String>::new())
        .validate(&text);
    assert!(report.issues().is_empty(), "{:#?}", report.issues());
    assert!(
        !names(&plan)
            .iter()
            .any(|n| JUMPING[..3].iter().any(|w| n.contains(w)))
    );
    assert!(
        plan.envelope.reasoning.contains("flags the ankle"),
        "{}",
        plan.envelope.reasoning
    );
}
