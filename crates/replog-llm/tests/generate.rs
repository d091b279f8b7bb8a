//! Generation end to end against loopback servers speaking the OpenAI, Anthropic and Ollama
//! protocols: clean, fenced, tagged and sloppy answers; an invalid program re-asked with its
//! numbered issues and fixed; truncation split into weeks or given more room, never re-asked
//! blindly; refusal; persistent failure with and without the planner's fallback; and a run
//! that fails in week 7 of 12, then resumes from the journal asking only for week 7.
//!
//! The fake model answers with the built-in planner's program for the sample athlete, so the
//! answers are realistic and valid unless a test breaks them on purpose.

mod common;
mod generate_common;

use std::path::Path;
use std::sync::{Arc, Mutex};

use generate_common::{Ask, Asked, CACHED, FakeLlm, INPUT, OUTPUT, Protocol, Reply};
use replog_core::{AthleteContext, ContextOptions, build_context};
use replog_llm::generate::{
    FailureKind, FileJournal, GenerateInput, GenerateOptions, Generator, Journal, Mode, Progress,
    Stage,
};
use replog_llm::provider::anthropic::AnthropicProvider;
use replog_llm::provider::ollama::OllamaProvider;
use replog_llm::provider::openai::OpenAiProvider;
use replog_llm::provider::{ErrorKind, ProviderKind};
use replog_llm::task::ProgramRequest;
use replog_llm::{LlmError, Plan, Planner, Provider, Usage};
use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

fn context() -> Arc<AthleteContext> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data/sample-logbook.json");
    let text = std::fs::read(&path).expect("the sample logbook");
    let logbook = replog_catalog::parse_logbook(&text).expect("the sample logbook is valid");
    Arc::new(build_context(&logbook, &ContextOptions::default()))
}

fn request(weeks: u32) -> ProgramRequest {
    ProgramRequest {
        name: Some("Combine Prep".into()),
        weeks: Some(weeks),
        days_per_week: Some(3),
        directions: None,
    }
}

/// The planner's program for the request: what the fake model answers.
fn plan(context: &AthleteContext, request: &ProgramRequest) -> Arc<Plan> {
    Arc::new(
        Planner::new()
            .plan(context, request)
            .expect("the planner plans"),
    )
}

fn input(weeks: u32) -> (GenerateInput, Arc<Plan>) {
    let context = context();
    let request = request(weeks);
    let plan = plan(&context, &request);
    (
        GenerateInput {
            context,
            request,
            catalog: Vec::new(),
        },
        plan,
    )
}

fn envelope_text(plan: &Plan) -> String {
    serde_json::to_string_pretty(&plan.envelope).expect("JSON")
}

/// The correct answer to a part, as compact JSON.
fn answer(plan: &Plan, part: Asked) -> String {
    match part {
        Asked::Whole => serde_json::to_string(&plan.envelope),
        Asked::Skeleton => serde_json::to_string(&plan.skeleton().expect("outline")),
        Asked::Week(n) => serde_json::to_string(&plan.week(n).expect("week")),
    }
    .expect("JSON")
}

async fn server(fake: &FakeLlm, protocol: Protocol) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(protocol.path()))
        .respond_with(fake.clone())
        .mount(&server)
        .await;
    server
}

fn provider(protocol: Protocol, server: &MockServer, max_retries: u32) -> Arc<dyn Provider> {
    let mut policy = common::fast_policy();
    policy.max_retries = max_retries;
    match protocol {
        Protocol::OpenAi => {
            let cfg = common::config(ProviderKind::OpenAi, &format!("{}/v1", server.uri()));
            Arc::new(
                OpenAiProvider::new(&cfg)
                    .expect("builds")
                    .with_retry_policy(policy),
            )
        }
        Protocol::Anthropic => {
            let cfg = common::config(ProviderKind::Anthropic, &server.uri());
            Arc::new(
                AnthropicProvider::new(&cfg)
                    .expect("builds")
                    .with_retry_policy(policy),
            )
        }
        Protocol::Ollama => {
            let cfg = common::config(ProviderKind::Ollama, &server.uri());
            Arc::new(
                OllamaProvider::new(&cfg)
                    .expect("builds")
                    .with_retry_policy(policy),
            )
        }
    }
}

fn options(mode: Mode) -> GenerateOptions {
    GenerateOptions {
        mode,
        ..GenerateOptions::default()
    }
}

fn failure(error: LlmError) -> Box<replog_llm::generate::GenerationFailure> {
    match error {
        LlmError::Generation(failure) => failure,
        other => panic!("expected a generation failure, got {other:?}"),
    }
}

fn per_call(calls: u64) -> Usage {
    Usage {
        input_tokens: INPUT * calls,
        output_tokens: OUTPUT * calls,
        cached_tokens: CACHED * calls,
    }
}

/// The last user message of a request body (OpenAI shape).
fn last_user_text(body: &Value) -> String {
    body["messages"]
        .as_array()
        .and_then(|m| m.iter().rev().find(|m| m["role"] == "user"))
        .and_then(|m| m["content"].as_str())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn the_planner_serves_through_the_pipeline_in_both_modes_with_the_same_program() {
    let (input, plan) = input(8);
    let planner: Arc<dyn Provider> = Arc::new(Planner::new());
    let single = Generator::new(Arc::clone(&planner))
        .with_options(options(Mode::Single))
        .generate(&input, None)
        .await
        .expect("single");
    let incremental = Generator::new(planner)
        .with_options(options(Mode::Incremental))
        .generate(&input, None)
        .await
        .expect("incremental");
    assert_eq!(single.catalog, plan.envelope.catalog);
    assert_eq!(
        incremental.catalog.programs[0].weeks,
        single.catalog.programs[0].weeks
    );
    assert_eq!(incremental.catalog.exercises, single.catalog.exercises);
    assert_eq!(single.record.calls.len(), 1);
    assert_eq!(incremental.record.calls.len(), 9, "the outline and 8 weeks");
    assert_eq!(single.usage, Usage::default());
    assert_eq!(single.cost_usd, Some(0.0));
    assert!(single.fallback.is_none());
}

#[tokio::test]
async fn twelve_weeks_incrementally_over_openai_ask_each_part_once_and_count_every_token() {
    let (input, plan) = input(12);
    let answers = Arc::clone(&plan);
    let fake = FakeLlm::new(Protocol::OpenAi, move |ask: &Ask| {
        Reply::Text(answer(&answers, ask.part))
    });
    let server = server(&fake, Protocol::OpenAi).await;
    let events = Mutex::new(Vec::<Progress>::new());
    let on_progress = |p: &Progress| events.lock().expect("events").push(p.clone());

    let generation = Generator::new(provider(Protocol::OpenAi, &server, 0))
        .with_options(options(Mode::Auto))
        .generate(&input, Some(&on_progress))
        .await
        .expect("a valid program");

    let mut weeks = fake.weeks_asked();
    weeks.sort_unstable();
    assert_eq!(weeks, (1..=12).collect::<Vec<_>>());
    assert_eq!(
        fake.asked()
            .iter()
            .filter(|(p, _)| *p == Asked::Skeleton)
            .count(),
        1
    );
    assert!(
        fake.asked().iter().all(|(p, _)| *p != Asked::Whole),
        "12 weeks go week by week"
    );
    assert_eq!(generation.record.mode, "incremental");
    assert_eq!(generation.usage, per_call(13));
    let cost = generation.cost_usd.expect("gpt-4o-mini is priced");
    assert!(cost > 0.0, "{cost}");
    assert_eq!(generation.model, "gpt-4o-mini-2024-07-18");
    let program = &generation.catalog.programs[0];
    assert_eq!(program.name, "Combine Prep");
    assert_eq!(program.weeks, plan.envelope.catalog.programs[0].weeks);
    assert!(generation.reasoning.starts_with(&plan.envelope.reasoning));

    let events = events.into_inner().expect("events");
    let percents: Vec<u8> = events.iter().map(|e| e.percent).collect();
    assert!(percents.windows(2).all(|w| w[0] <= w[1]), "{percents:?}");
    let last = events.last().expect("events");
    assert_eq!(
        (last.stage, last.percent, last.weeks_done),
        (Stage::Done, 100, 12)
    );
    assert_eq!(last.usage, per_call(13));
    let kept: Vec<u32> = events
        .iter()
        .filter_map(|e| match e.stage {
            Stage::Week(n) => Some(n),
            _ => None,
        })
        .collect();
    assert_eq!(kept.len(), 12);
}

#[tokio::test]
async fn fenced_tagged_and_sloppy_answers_are_read_and_their_repairs_recorded() {
    let (input, plan) = input(4);
    let catalog = serde_json::to_string_pretty(&plan.envelope.catalog).expect("JSON");
    let envelope = envelope_text(&plan);
    let sloppy = {
        let mut text = envelope.replacen("{\n", "{\n  // drafted for Tommy\n", 1);
        let end = text.rfind('}').expect("an object");
        text.insert(end, ',');
        text
    };
    let forms = [
        (
            "fenced",
            format!("Here is the program.\n```json\n{envelope}\n```\n"),
            0,
        ),
        (
            "tagged",
            format!(
                "<reasoning>{}</reasoning>\n```json\n{catalog}\n```",
                plan.envelope.reasoning
            ),
            0,
        ),
        ("sloppy", sloppy, 2),
    ];
    for (name, text, repairs) in forms {
        let fake = FakeLlm::new(Protocol::OpenAi, move |_: &Ask| Reply::Text(text.clone()));
        let server = server(&fake, Protocol::OpenAi).await;
        let generation = Generator::new(provider(Protocol::OpenAi, &server, 0))
            .with_options(options(Mode::Single))
            .generate(&input, None)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(generation.catalog, plan.envelope.catalog, "{name}");
        assert_eq!(generation.reasoning, plan.envelope.reasoning, "{name}");
        assert_eq!(fake.asked(), vec![(Asked::Whole, 0)], "{name}: asked once");
        assert_eq!(
            generation.record.calls[0].repairs.len(),
            repairs,
            "{name}: {:?}",
            generation.record.calls[0].repairs
        );
    }
}

#[tokio::test]
async fn an_invalid_program_is_re_asked_with_its_numbered_issues_and_fixed() {
    let (input, plan) = input(4);
    let good = envelope_text(&plan);
    let first_exercise = plan.envelope.catalog.programs[0].weeks[0].days[0].exercises[0]
        .exercise
        .clone();
    let bad = good.replacen(
        &format!("\"exercise\": \"{first_exercise}\""),
        "\"exercise\": \"Zercher Squat\"",
        1,
    );
    assert_ne!(bad, good, "the test breaks one reference");
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&bodies);
    let fake = FakeLlm::new(Protocol::OpenAi, move |ask: &Ask| {
        seen.lock().expect("bodies").push(ask.body.clone());
        Reply::Text(if ask.round == 0 {
            bad.clone()
        } else {
            good.clone()
        })
    });
    let server = server(&fake, Protocol::OpenAi).await;
    let generation = Generator::new(provider(Protocol::OpenAi, &server, 0))
        .with_options(options(Mode::Single))
        .generate(&input, None)
        .await
        .expect("fixed on the re-ask");

    assert_eq!(fake.asked(), vec![(Asked::Whole, 0), (Asked::Whole, 1)]);
    let reask = last_user_text(&bodies.lock().expect("bodies")[1]);
    assert!(
        reask.contains("1. /catalog/programs/0/weeks/0/days/0/exercises/0/exercise"),
        "{reask}"
    );
    assert!(reask.contains("unknown_exercise"), "{reask}");
    assert!(reask.contains("Zercher Squat"), "{reask}");
    assert_eq!(generation.catalog, plan.envelope.catalog);
    assert_eq!(generation.usage, per_call(2));
    assert_eq!(generation.record.calls[0].problems.len(), 1);
    assert!(generation.record.calls[1].problems.is_empty());
}

#[tokio::test]
async fn an_answer_still_invalid_after_every_round_fails_with_its_issues() {
    let (input, plan) = input(4);
    let bad = envelope_text(&plan).replacen("\"sort_order\": 1", "\"sort_order\": 0", 1);
    let fake = FakeLlm::new(Protocol::OpenAi, move |_: &Ask| Reply::Text(bad.clone()));
    let server = server(&fake, Protocol::OpenAi).await;
    let options = GenerateOptions {
        max_rounds: 1,
        ..options(Mode::Single)
    };
    let error = Generator::new(provider(Protocol::OpenAi, &server, 0))
        .with_options(options)
        .generate(&input, None)
        .await
        .expect_err("never fixed");
    let failure = failure(error);
    assert_eq!(failure.kind, FailureKind::Invalid);
    assert_eq!(failure.kind.code(), "invalid_output");
    assert_eq!(fake.asked().len(), 2, "one answer and one re-ask");
    assert_eq!(failure.attempts, 2);
    assert_eq!(failure.usage, per_call(2));
    assert!(
        failure
            .issues
            .iter()
            .any(|i| i.path.to_string().ends_with("/sort_order")),
        "{:?}",
        failure.issues
    );
}

#[tokio::test]
async fn a_truncated_single_answer_is_split_into_weeks_never_asked_again_whole() {
    let (input, plan) = input(4);
    let answers = Arc::clone(&plan);
    let fake = FakeLlm::new(Protocol::OpenAi, move |ask: &Ask| match ask.part {
        Asked::Whole => Reply::Truncated(answer(&answers, Asked::Whole)[..500].to_owned()),
        part => Reply::Text(answer(&answers, part)),
    });
    let server = server(&fake, Protocol::OpenAi).await;
    let generation = Generator::new(provider(Protocol::OpenAi, &server, 0))
        .with_options(options(Mode::Auto))
        .generate(&input, None)
        .await
        .expect("split into weeks");
    let wholes = fake
        .asked()
        .iter()
        .filter(|(p, _)| *p == Asked::Whole)
        .count();
    assert_eq!(wholes, 1, "the cut whole program is not asked for again");
    assert_eq!(fake.weeks_asked().len(), 4);
    assert_eq!(generation.record.mode, "incremental");
    assert_eq!(
        generation.catalog.programs[0].weeks,
        plan.envelope.catalog.programs[0].weeks
    );
    assert_eq!(
        generation.usage,
        per_call(6),
        "the cut answer's tokens count too"
    );
}

#[tokio::test]
async fn a_truncated_week_gets_twice_the_room_once_then_fails() {
    let (input, plan) = input(6);
    let answers = Arc::clone(&plan);
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&bodies);
    let fake = FakeLlm::new(Protocol::OpenAi, move |ask: &Ask| match ask.part {
        Asked::Week(2) => {
            seen.lock().expect("bodies").push(ask.body.clone());
            Reply::Truncated("{\"reasoning\": \"Week 2".into())
        }
        part => Reply::Text(answer(&answers, part)),
    });
    let server = server(&fake, Protocol::OpenAi).await;
    let error = Generator::new(provider(Protocol::OpenAi, &server, 0))
        .with_options(options(Mode::Incremental))
        .generate(&input, None)
        .await
        .expect_err("week 2 never fits");
    let failure = failure(error);
    assert_eq!(failure.kind, FailureKind::Provider(ErrorKind::Truncated));
    let limits: Vec<Option<u64>> = bodies
        .lock()
        .expect("bodies")
        .iter()
        .map(|b| {
            b["max_completion_tokens"]
                .as_u64()
                .or(b["max_tokens"].as_u64())
        })
        .collect();
    assert_eq!(
        limits,
        vec![Some(4096), Some(2 * OUTPUT)],
        "first the configured limit, then twice what was reached"
    );
    let mut kept = failure.weeks_kept.clone();
    kept.sort_unstable();
    assert_eq!(kept, vec![1, 3, 4, 5, 6], "the other weeks are kept");
}

#[tokio::test]
async fn a_refusal_fails_at_once_and_is_never_parsed_as_a_program() {
    let (input, _) = input(4);
    let fake = FakeLlm::new(Protocol::OpenAi, |_: &Ask| {
        Reply::Refusal("I can't help with that.".into())
    });
    let server = server(&fake, Protocol::OpenAi).await;
    let error = Generator::new(provider(Protocol::OpenAi, &server, 3))
        .with_options(options(Mode::Single))
        .generate(&input, None)
        .await
        .expect_err("refused");
    let failure = failure(error);
    assert_eq!(failure.kind, FailureKind::Provider(ErrorKind::Refusal));
    assert_eq!(
        fake.asked().len(),
        1,
        "a refusal is not retried or re-asked"
    );
    assert!(
        failure.message.contains("I can't help with that."),
        "{}",
        failure.message
    );
    assert_eq!(failure.usage, per_call(1));
}

#[tokio::test]
async fn a_persistent_server_failure_is_reported_or_answered_by_the_planner_when_asked() {
    let (input, plan) = input(4);
    let fake = FakeLlm::new(Protocol::OpenAi, |_: &Ask| Reply::Status(500));
    let server = server(&fake, Protocol::OpenAi).await;

    let error = Generator::new(provider(Protocol::OpenAi, &server, 2))
        .with_options(options(Mode::Single))
        .generate(&input, None)
        .await
        .expect_err("the server never answers");
    let failure = failure(error);
    assert_eq!(failure.kind, FailureKind::Provider(ErrorKind::Server));
    assert_eq!(failure.attempts, 3, "the first attempt and 2 retries");
    assert_eq!(fake.asked().len(), 3);

    let options = GenerateOptions {
        fallback_to_planner: true,
        ..options(Mode::Single)
    };
    let generation = Generator::new(provider(Protocol::OpenAi, &server, 2))
        .with_options(options)
        .generate(&input, None)
        .await
        .expect("the planner stands in");
    assert_eq!(generation.provider, "builtin");
    assert_eq!(generation.catalog, plan.envelope.catalog);
    let fallback = generation.fallback.expect("marked as a fallback");
    assert_eq!(fallback.kind, FailureKind::Provider(ErrorKind::Server));
}

#[tokio::test]
async fn a_run_that_fails_in_week_7_of_12_resumes_from_the_journal_asking_only_for_week_7() {
    let (input, plan) = input(12);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let journal: Arc<dyn Journal> = Arc::new(FileJournal::new(dir.path()));
    let options = GenerateOptions {
        journal: Some(Arc::clone(&journal)),
        ..options(Mode::Incremental)
    };

    let answers = Arc::clone(&plan);
    let failing = FakeLlm::new(Protocol::OpenAi, move |ask: &Ask| match ask.part {
        Asked::Week(7) => Reply::Status(503),
        part => Reply::Text(answer(&answers, part)),
    });
    let server_1 = server(&failing, Protocol::OpenAi).await;
    let error = Generator::new(provider(Protocol::OpenAi, &server_1, 1))
        .with_options(options.clone())
        .generate(&input, None)
        .await
        .expect_err("week 7 fails");
    let failure = failure(error);
    assert_eq!(failure.kind, FailureKind::Provider(ErrorKind::Server));
    let mut kept = failure.weeks_kept.clone();
    kept.sort_unstable();
    assert_eq!(kept, (1..=12).filter(|&n| n != 7).collect::<Vec<_>>());
    let entries: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the journal")
        .collect();
    assert_eq!(entries.len(), 1, "one journal file, no temporary left over");

    let answers = Arc::clone(&plan);
    let working = FakeLlm::new(Protocol::OpenAi, move |ask: &Ask| {
        Reply::Text(answer(&answers, ask.part))
    });
    let server_2 = server(&working, Protocol::OpenAi).await;
    let generation = Generator::new(provider(Protocol::OpenAi, &server_2, 1))
        .with_options(options)
        .generate(&input, None)
        .await
        .expect("resumed");
    assert_eq!(
        working.asked(),
        vec![(Asked::Week(7), 0)],
        "only the missing week is paid for"
    );
    assert_eq!(generation.usage, per_call(1));
    let mut resumed = generation.record.resumed_weeks.clone();
    resumed.sort_unstable();
    assert_eq!(resumed, kept);
    assert_eq!(
        generation.catalog.programs[0].weeks,
        plan.envelope.catalog.programs[0].weeks
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("the journal").count(),
        0,
        "delivered: the entry is gone"
    );
}

#[tokio::test]
async fn anthropic_and_ollama_generate_the_same_program_over_their_own_protocols() {
    let (input, plan) = input(6);
    for protocol in [Protocol::Anthropic, Protocol::Ollama] {
        let answers = Arc::clone(&plan);
        let fake = FakeLlm::new(protocol, move |ask: &Ask| {
            Reply::Text(answer(&answers, ask.part))
        });
        let server = server(&fake, protocol).await;
        let generation = Generator::new(provider(protocol, &server, 0))
            .with_options(options(Mode::Auto))
            .generate(&input, None)
            .await
            .unwrap_or_else(|e| panic!("{protocol:?}: {e}"));
        assert_eq!(fake.weeks_asked().len(), 6, "{protocol:?}");
        assert_eq!(
            generation.catalog.programs[0].weeks, plan.envelope.catalog.programs[0].weeks,
            "{protocol:?}"
        );
        let mut expected = per_call(7);
        if protocol == Protocol::Ollama {
            expected.cached_tokens = 0; // Ollama reports no cache
        }
        assert_eq!(generation.usage, expected, "{protocol:?}");
    }
}
