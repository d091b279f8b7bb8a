//! The prompt builder: message layout and the cached prefix, the output per part and style,
//! determinism, the rules, equipment filtering, budget trimming, re-asks, and the token
//! estimate against OpenAI's o200k tokenizer. Snapshots in `tests/snapshots/`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use replog_core::context::{ContextOptions, build_context, synthetic_logbook};
use replog_core::schema::{Dialect, envelope_schema, schema_for};
use replog_core::{AthleteContext, Code, ExerciseIndex, Issue, Logbook, ProgressionRule};
use replog_llm::prompt::{
    Prompt, PromptError, PromptOptions, SchemaStyle, Section, build, estimate_tokens, reask,
    reask_unparseable,
};
use replog_llm::task::{DayOutline, Part, ProgramRequest, Skeleton, Task, WeekAnswer, WeekOutline};
use replog_llm::{LlmError, Output, Role};
use serde_json::Value;

const LOGBOOK: &str = include_str!("../../../examples/data/sample-logbook.json");
const SAMPLE_CATALOG: &str = include_str!("../../../examples/data/sample-program.json");

fn shared_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

fn logbook() -> Logbook {
    replog_catalog::parse_logbook(LOGBOOK.as_bytes()).expect("the sample logbook is valid")
}

/// The sample athlete's context with the sample catalog (the catalog the examples use).
fn sample_context() -> Arc<AthleteContext> {
    let catalog = replog_catalog::parse(SAMPLE_CATALOG.as_bytes()).expect("a valid catalog");
    let index = ExerciseIndex::from_catalog(&catalog);
    let options = ContextOptions::default().with_catalog(&index);
    Arc::new(build_context(&logbook(), &options))
}

/// The sample athlete's context without a host catalog.
fn bare_context() -> Arc<AthleteContext> {
    Arc::new(build_context(&logbook(), &ContextOptions::default()))
}

/// The sample athlete's context with free-exercise-db converted as the host catalog.
fn free_exercise_db_context() -> Arc<AthleteContext> {
    let path = shared_data().join("free-exercise-db/exercises.json");
    let text = std::fs::read_to_string(&path).expect("free-exercise-db is in shared/data");
    let catalog = replog_catalog::convert::free_exercise_db::convert(&text)
        .expect("free-exercise-db converts")
        .value;
    let index = ExerciseIndex::from_catalog(&catalog);
    let options = ContextOptions::default().with_catalog(&index);
    Arc::new(build_context(&logbook(), &options))
}

fn request() -> ProgramRequest {
    ProgramRequest {
        name: Some("Sport Performance Month 4 - Tommy".to_owned()),
        weeks: Some(12),
        days_per_week: Some(4),
        directions: Some("Start introducing hang cleans; no depth jumps.".to_owned()),
    }
}

/// A realistic 12-week outline: three 4-week blocks, the fourth week of each lighter.
fn outline(weeks: u32) -> Arc<Skeleton> {
    let labels = ["accumulation", "accumulation", "intensification", "deload"];
    let days = [
        ("Lower power", "olympic pull, squat, single-leg"),
        ("Upper strength", "press, row, carries"),
        ("Lower strength", "hinge, plyometrics, core"),
        ("Full body speed", "jumps, cleans, conditioning"),
    ];
    let weeks = (1..=weeks)
        .map(|number| WeekOutline {
            number,
            label: Some(labels[((number - 1) % 4) as usize].to_owned()),
            days: (1_u8..)
                .zip(days)
                .map(|(number, (name, focus))| DayOutline {
                    number,
                    name: Some(name.to_owned()),
                    focus: Some(focus.to_owned()),
                })
                .collect(),
        })
        .collect();
    let rule = |exercise: &str, increment: f64| {
        serde_json::from_value::<ProgressionRule>(serde_json::json!({
            "exercise": exercise, "increment": increment, "every": "week",
            "deload_after_failures": 2, "deload_percent": 10
        }))
        .expect("a rule")
    };
    Arc::new(Skeleton {
        reasoning: "Power clean RPE has been rising (7 to 8), so the first block holds its \
                    load while hang cleans come in as the coach asked; the knee note rules \
                    out depth jumps."
            .to_owned(),
        name: "Sport Performance Month 4 - Tommy".to_owned(),
        description: Some("Three four-week blocks toward the combine.".to_owned()),
        goal: Some("football combine prep".to_owned()),
        unit: Some(replog_core::Unit::Lb),
        weeks,
        progression_rules: vec![rule("Power Clean", 5.0), rule("Back Squat", 5.0)],
        exercises: Vec::new(),
    })
}

fn task(context: &Arc<AthleteContext>, part: Part) -> Arc<Task> {
    Arc::new(Task {
        context: Arc::clone(context),
        request: request(),
        part,
    })
}

fn week(number: u32, skeleton: &Arc<Skeleton>) -> Part {
    Part::Week {
        number,
        skeleton: Arc::clone(skeleton),
    }
}

fn built(context: &Arc<AthleteContext>, part: Part, options: &PromptOptions) -> Prompt {
    build(task(context, part), options).expect("the prompt builds")
}

/// Every prompt of a 12-week incremental generation, the skeleton first.
fn incremental(context: &Arc<AthleteContext>, options: &PromptOptions) -> Vec<Prompt> {
    let skeleton = outline(12);
    std::iter::once(Part::Skeleton)
        .chain((1..=12).map(|n| week(n, &skeleton)))
        .map(|part| built(context, part, options))
        .collect()
}

fn styles() -> [SchemaStyle; 3] {
    [
        SchemaStyle::Enforced(Dialect::OpenAiStrict),
        SchemaStyle::Enforced(Dialect::Draft202012),
        SchemaStyle::InPrompt,
    ]
}

fn options(style: SchemaStyle) -> PromptOptions {
    PromptOptions {
        style,
        ..PromptOptions::default()
    }
}

fn content(prompt: &Prompt, index: usize) -> &str {
    &prompt.request.messages[index].content
}

/// The athlete context JSON of a prompt's shared message (its second line).
fn context_json(prompt: &Prompt) -> Value {
    let line = content(prompt, 1).lines().nth(1).expect("the context line");
    serde_json::from_str(line).expect("the context is JSON")
}

#[test]
fn three_messages_and_the_shared_prefix_is_identical_for_every_part() {
    let context = sample_context();
    for style in styles() {
        let options = options(style);
        let prompts = incremental(&context, &options);
        let whole = built(&context, Part::Whole, &options);
        for prompt in prompts.iter().chain([&whole]) {
            let roles: Vec<Role> = prompt.request.messages.iter().map(|m| m.role).collect();
            assert_eq!(roles, [Role::System, Role::User, Role::User]);
            assert_eq!(content(prompt, 0), content(&prompts[0], 0), "{style:?}");
            assert_eq!(content(prompt, 1), content(&prompts[0], 1), "{style:?}");
            assert!(prompt.request.task.is_some());
        }
        // The part-specific message differs for every part.
        let mut tails: Vec<&str> = prompts.iter().map(|p| content(p, 2)).collect();
        tails.push(content(&whole, 2));
        tails.sort_unstable();
        tails.dedup();
        assert_eq!(tails.len(), 14);
    }
}

#[test]
fn the_system_message_is_the_same_for_every_athlete() {
    let tommy = sample_context();
    let other = Arc::new(build_context(
        &synthetic_logbook(12, 3, 5),
        &ContextOptions::default(),
    ));
    for style in styles() {
        let a = built(&tommy, Part::Skeleton, &options(style));
        let b = built(&other, Part::Whole, &options(style));
        assert_eq!(content(&a, 0), content(&b, 0));
        assert_ne!(content(&a, 1), content(&b, 1));
    }
}

#[test]
fn each_part_asks_for_its_own_output_in_each_style() {
    let context = sample_context();
    let skeleton = outline(12);
    for dialect in Dialect::ALL {
        let options = options(SchemaStyle::Enforced(dialect));
        let expected = [
            (Part::Whole, "training_program", envelope_schema(dialect)),
            (
                Part::Skeleton,
                "program_skeleton",
                schema_for::<Skeleton>(dialect),
            ),
            (
                week(3, &skeleton),
                "program_week",
                schema_for::<WeekAnswer>(dialect),
            ),
        ];
        for (part, name, schema) in expected {
            let prompt = built(&context, part, &options);
            let want = Output::JsonSchema {
                name: name.to_owned(),
                schema: schema.expect("the schema exists in every dialect"),
            };
            assert_eq!(prompt.request.output, want);
            assert!(!content(&prompt, 2).contains("interface "));
        }
    }
    let options = options(SchemaStyle::InPrompt);
    let expected = [
        (Part::Whole, "interface Catalog {"),
        (Part::Skeleton, "interface Skeleton {"),
        (week(3, &skeleton), "interface WeekAnswer {"),
    ];
    for (part, declaration) in expected {
        let prompt = built(&context, part, &options);
        assert_eq!(prompt.request.output, Output::Text);
        assert!(content(&prompt, 2).contains(declaration), "{declaration}");
        assert!(content(&prompt, 2).contains("```json"));
    }
}

#[test]
fn provider_names_choose_the_style() {
    let style = |name: &str| PromptOptions::for_provider(name).style;
    assert_eq!(
        style("openai"),
        SchemaStyle::Enforced(Dialect::OpenAiStrict)
    );
    assert_eq!(
        style("anthropic"),
        SchemaStyle::Enforced(Dialect::Draft202012)
    );
    assert_eq!(style("ollama"), SchemaStyle::Enforced(Dialect::Draft202012));
    assert_eq!(style("mock"), SchemaStyle::InPrompt);
    assert_eq!(style("planner"), SchemaStyle::InPrompt);
    assert_eq!(PromptOptions::default().style, SchemaStyle::InPrompt);
}

#[test]
fn the_same_task_gives_byte_identical_prompts() {
    for style in styles() {
        // Two contexts built independently from the same logbook.
        let a = built(&sample_context(), week(5, &outline(12)), &options(style));
        let b = built(&sample_context(), week(5, &outline(12)), &options(style));
        assert_eq!(a, b);
        let full = built(&free_exercise_db_context(), Part::Whole, &options(style));
        let budgeted = options(style).with_token_budget(full.estimated_tokens - 200);
        let a = built(&free_exercise_db_context(), Part::Whole, &budgeted);
        let b = built(&free_exercise_db_context(), Part::Whole, &budgeted);
        assert_eq!(a, b);
        assert!(!a.trimmed.is_empty());
    }
}

#[test]
fn the_rules_of_reference_001_are_in_the_system_message() {
    let context = sample_context();
    for style in styles() {
        let prompt = built(&context, Part::Whole, &options(style));
        let system = content(&prompt, 0);
        for rule in [
            "Catalog only: prescribe only exercises from the athlete's `exercise_catalog`",
            "or an outline may define a new exercise, in its `exercises`",
            "Equipment only: every exercise uses only equipment in `available_equipment`",
            "Rep types: `rep_type` is `reps` (the default), `each_side`",
            "Sort order: number the exercises of each day 1, 2, 3",
            "Progression: include `progression_rules` for every compound lift",
            "Tailor to this athlete",
            "Reasoning: explain each important choice",
            // Rules no schema dialect expresses, in words.
            "A set has percent_tm or weight, not both.",
            "Day numbers ascend within a week.",
        ] {
            assert!(system.contains(rule), "{style:?} lacks {rule:?}");
        }
        let reasoning_tags = system.contains("<reasoning></reasoning>");
        assert_eq!(reasoning_tags, style == SchemaStyle::InPrompt);
    }
    // The strict dialect drops string lengths: the system message says them in words.
    let strict = built(
        &context,
        Part::Whole,
        &options(SchemaStyle::Enforced(Dialect::OpenAiStrict)),
    );
    assert!(content(&strict, 0).contains("A program name is at most 200 characters"));
}

#[test]
fn the_request_and_directions_are_stated() {
    let prompt = built(&sample_context(), Part::Skeleton, &PromptOptions::default());
    let shared = content(&prompt, 1);
    assert!(shared.contains(
        "Generate \"Sport Performance Month 4 - Tommy\", a program for Tommy: 12 weeks, 4 \
         training days a week, weights in lb."
    ));
    assert!(shared.contains("COACH DIRECTIONS:\nStart introducing hang cleans; no depth jumps."));
    let open = Arc::new(Task {
        context: sample_context(),
        request: ProgramRequest::default(),
        part: Part::Whole,
    });
    let prompt = build(open, &PromptOptions::default()).expect("builds");
    let shared = content(&prompt, 1);
    assert!(shared.contains("COACH DIRECTIONS:\nNone given."));
    assert!(shared.contains("as many weeks (1-52) as the goal needs (the current program has"));
}

#[test]
fn nothing_the_athlete_lacks_equipment_for_is_in_the_prompt() {
    for context in [sample_context(), free_exercise_db_context()] {
        let prompt = built(&context, Part::Whole, &PromptOptions::default());
        let json = context_json(&prompt);
        let have: Vec<&str> = json["available_equipment"]
            .as_array()
            .expect("equipment")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let catalog = json["exercise_catalog"].as_array().expect("a catalog");
        // Exactly the context's filtered catalog, nothing added.
        let names: Vec<&str> = catalog.iter().filter_map(|e| e["name"].as_str()).collect();
        let expected: Vec<&str> = context
            .exercise_catalog
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names, expected);
        for entry in catalog {
            for item in entry["equipment"].as_array().into_iter().flatten() {
                let item = item.as_str().expect("an id");
                assert!(have.contains(&item), "{entry} needs {item}");
            }
        }
    }
    // The sample catalog's exercises that need a bench or a pull-up bar are nowhere.
    let prompt = built(&sample_context(), Part::Whole, &PromptOptions::default());
    let text: String = prompt
        .request
        .messages
        .iter()
        .map(|m| m.content.as_str())
        .collect();
    assert!(text.contains("\"name\":\"Hang Clean\""));
    assert!(!text.contains("Bench Press"));
    assert!(!text.contains("Pull Up"));
    // Without a host catalog nothing is added: the model is told to use the history.
    let bare = built(&bare_context(), Part::Whole, &PromptOptions::default());
    assert!(context_json(&bare).get("exercise_catalog").is_none());
    assert!(!content(&bare, 1).contains("Hang Clean"));
}

#[test]
fn a_budget_trims_the_least_useful_parts_first_and_keeps_the_rest() {
    let context = free_exercise_db_context();
    let full = built(&context, Part::Whole, &PromptOptions::default());
    assert!(full.trimmed.is_empty());
    let order = |section: Section| match section {
        Section::PriorPrograms => 0,
        Section::RecentSets => 1,
        Section::TrainingMaxes => 2,
        Section::WeeklyAdherence | Section::AmrapResults | Section::PersonalRecords => 3,
        Section::BodyWeights => 4,
        Section::ExerciseCatalog => 5,
        Section::CoachNotes => 6,
        _ => 7,
    };
    let mut last_sections = 0;
    for cut in [10, 200, 600, 2_000, 5_000] {
        let budget = full.estimated_tokens - cut;
        let prompt = built(
            &context,
            Part::Whole,
            &PromptOptions::default().with_token_budget(budget),
        );
        assert!(
            prompt.estimated_tokens <= budget,
            "{} > {budget}",
            prompt.estimated_tokens
        );
        assert!(!prompt.trimmed.is_empty());
        let ranks: Vec<u8> = prompt.trimmed.iter().map(|t| order(t.section)).collect();
        assert!(ranks.is_sorted(), "{:?}", prompt.trimmed);
        assert_eq!(prompt.trimmed[0].section, Section::PriorPrograms);
        assert!(ranks.len() >= last_sections);
        last_sections = ranks.len();
        // The rules, the request, the directions and the answer format are untouched.
        assert_eq!(content(&prompt, 0), content(&full, 0));
        assert_eq!(content(&prompt, 2), content(&full, 2));
        let shared = content(&prompt, 1);
        assert!(
            shared.ends_with(
                content(&full, 1)
                    .split_once("\nCOACH DIRECTIONS:")
                    .expect("directions")
                    .1
            )
        );
        // Logged exercises' catalog entries and pinned notes stay.
        let json = context_json(&prompt);
        let logged: Vec<&str> = context
            .performance
            .exercise_stats
            .iter()
            .map(|s| s.exercise.as_str())
            .collect();
        let kept: Vec<&str> = json["exercise_catalog"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["name"].as_str())
            .collect();
        for entry in &context.exercise_catalog {
            if logged.contains(&entry.name.as_str()) {
                assert!(
                    kept.contains(&entry.name.as_str()),
                    "{} was trimmed",
                    entry.name
                );
            }
        }
        let pinned = json["coach_notes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|n| n["pinned"] == true)
            .count();
        assert_eq!(
            pinned,
            context.coach_notes.iter().filter(|n| n.pinned).count()
        );
    }
    // The catalog stage removes whole categories' worth of entries, counted per category.
    let prompt = built(
        &context,
        Part::Whole,
        &PromptOptions::default().with_token_budget(full.estimated_tokens - 5_000),
    );
    let catalog: usize = prompt
        .trimmed
        .iter()
        .filter(|t| t.section == Section::ExerciseCatalog)
        .map(|t| t.count)
        .sum();
    let kept = context_json(&prompt)["exercise_catalog"]
        .as_array()
        .map_or(0, Vec::len);
    assert_eq!(kept + catalog, context.exercise_catalog.len());
}

#[test]
fn the_trimmed_prefix_is_still_shared_by_the_outline_and_every_week() {
    let context = free_exercise_db_context();
    let full = built(&context, Part::Skeleton, &PromptOptions::default());
    for style in styles() {
        let options = options(style).with_token_budget(full.estimated_tokens - 1_500);
        let prompts = incremental(&context, &options);
        for prompt in &prompts {
            assert!(!prompt.trimmed.is_empty());
            assert_eq!(prompt.trimmed, prompts[0].trimmed);
            assert_eq!(content(prompt, 1), content(&prompts[0], 1));
        }
    }
}

#[test]
fn a_prompt_that_cannot_fit_names_its_estimate_and_the_budget() {
    let context = sample_context();
    let options = PromptOptions::default().with_token_budget(1_000);
    let error = build(task(&context, Part::Whole), &options).expect_err("too small");
    let LlmError::Prompt(PromptError::OverBudget { estimate, budget }) = &error else {
        panic!("{error:?}");
    };
    assert_eq!(*budget, 1_000);
    assert!(*estimate > 1_000);
    let message = error.to_string();
    assert!(
        message.contains(&estimate.to_string()) && message.contains("1000"),
        "{message}"
    );
    // The estimate is the least the prompt can be trimmed to: that budget fits, with every
    // stage used, the non-pinned notes last and oldest first; one token less does not fit.
    let fits = PromptOptions::default().with_token_budget(*estimate);
    let prompt = built(&context, Part::Whole, &fits);
    assert!(prompt.estimated_tokens <= *estimate);
    let last = prompt.trimmed.last().expect("trimmed");
    assert_eq!(last.section, Section::CoachNotes);
    let notes: Vec<&str> = prompt
        .trimmed
        .iter()
        .filter(|t| t.section == Section::CoachNotes)
        .map(|t| t.what.as_str())
        .collect();
    let mut unpinned: Vec<String> = context
        .coach_notes
        .iter()
        .filter(|n| !n.pinned)
        .map(|n| n.date.to_string())
        .collect();
    unpinned.sort();
    assert_eq!(notes, unpinned);
    let json = context_json(&prompt);
    assert!(
        json["coach_notes"]
            .as_array()
            .is_some_and(|n| n.iter().all(|n| n["pinned"] == true))
    );
    assert!(content(&prompt, 1).contains("Start introducing hang cleans; no depth jumps."));
    let over = PromptOptions::default().with_token_budget(*estimate - 1);
    assert!(build(task(&context, Part::Whole), &over).is_err());
}

#[test]
fn bad_tasks_are_errors_that_say_what_is_wrong() {
    let skeleton = outline(4);
    let error = build(
        task(&sample_context(), week(5, &skeleton)),
        &PromptOptions::default(),
    )
    .expect_err("no week 5");
    assert_eq!(
        error.to_string(),
        "week 5 is not in the outline (its weeks are 1-4)"
    );
    let bad = Arc::new(Task {
        context: sample_context(),
        request: ProgramRequest {
            days_per_week: Some(8),
            ..request()
        },
        part: Part::Whole,
    });
    let error = build(bad, &PromptOptions::default()).expect_err("8 days");
    assert_eq!(error.to_string(), "request.days_per_week is 8, outside 1-7");
}

fn issue(pointer: &str, code: Code, message: &str) -> Issue {
    Issue::new(
        replog_core::Path::parse_pointer(pointer).expect("a pointer"),
        code,
        message,
    )
}

#[test]
fn a_reask_shows_the_answer_and_numbers_the_problems_with_their_paths() {
    let prompt = built(
        &sample_context(),
        week(2, &outline(12)),
        &options(SchemaStyle::Enforced(Dialect::OpenAiStrict)),
    );
    let issues = [
        issue(
            "/week/days/0/exercises/2/sets/0/rpe",
            Code::NotMultiple,
            "rpe must be a multiple of 0.5, got 7.3",
        ),
        issue(
            "/week/days/1/exercises/0/exercise",
            Code::UnknownExercise,
            "unknown exercise \"Hang Snatch\"; did you mean \"Hang Clean\"?",
        ),
    ];
    let first = reask(&prompt.request, "{\"answer\": 1}", &issues);
    assert_eq!(first.messages.len(), 5);
    assert_eq!(first.messages[..3], prompt.request.messages[..]);
    assert_eq!(first.messages[3].role, Role::Assistant);
    assert_eq!(first.messages[3].content, "{\"answer\": 1}");
    assert_eq!(first.messages[4].role, Role::User);
    assert_eq!(first.output, prompt.request.output);
    assert_eq!(first.task, prompt.request.task);
    insta::assert_snapshot!("reask_week", first.messages[4].content);
    let text = &first.messages[4].content;
    assert!(text.contains("1. /week/days/0/exercises/2/sets/0/rpe: rpe must be a multiple of 0.5, got 7.3 [not_multiple]"));
    assert!(text.contains("2. /week/days/1/exercises/0/exercise: "));
    // A second round replaces the first round's answer and problems.
    let second = reask(&first, "{\"answer\": 2}", &issues[..1]);
    assert_eq!(second.messages.len(), 5);
    assert_eq!(second.messages[3].content, "{\"answer\": 2}");
    assert!(
        second.messages[4]
            .content
            .starts_with("Your week 2 has 1 problem")
    );
}

#[test]
fn an_unparseable_answer_is_reasked_with_the_parser_message() {
    let prompt = built(&sample_context(), Part::Whole, &PromptOptions::default());
    let problem = "expected `,` or `}` at line 3 column 7";
    let request = reask_unparseable(&prompt.request, "{\"reasoning\": \"x\"\n  oops", problem);
    assert_eq!(request.messages.len(), 5);
    assert_eq!(request.output, Output::Text);
    insta::assert_snapshot!("reask_unparseable_whole", request.messages[4].content);
    assert!(request.messages[4].content.contains(problem));
}

#[test]
fn snapshots_of_every_message() {
    let context = sample_context();
    let skeleton = outline(12);
    for (style, name) in [
        (
            SchemaStyle::Enforced(Dialect::OpenAiStrict),
            "openai_strict",
        ),
        (SchemaStyle::Enforced(Dialect::Draft202012), "draft2020"),
        (SchemaStyle::InPrompt, "in_prompt"),
    ] {
        let options = options(style);
        let whole = built(&context, Part::Whole, &options);
        insta::assert_snapshot!(format!("system_{name}"), content(&whole, 0));
        insta::assert_snapshot!(format!("whole_{name}"), content(&whole, 2));
        let outline = built(&context, Part::Skeleton, &options);
        insta::assert_snapshot!(format!("skeleton_{name}"), content(&outline, 2));
        let week = built(&context, week(7, &skeleton), &options);
        insta::assert_snapshot!(format!("week_{name}"), content(&week, 2));
    }
    let shared = built(&context, Part::Whole, &PromptOptions::default());
    insta::assert_snapshot!("shared_sample_athlete", content(&shared, 1));
}

/// o200k tokens of a prompt as a provider counts them: the messages, the schema sent beside
/// them, and the same per-message overhead the estimate adds.
fn o200k(bpe: &tiktoken_rs::CoreBPE, prompt: &Prompt) -> usize {
    let messages: usize = prompt
        .request
        .messages
        .iter()
        .map(|m| bpe.encode_ordinary(&m.content).len() + 4)
        .sum();
    let schema = match &prompt.request.output {
        Output::JsonSchema { schema, .. } => bpe.encode_ordinary(&schema.to_string()).len(),
        _ => 0,
    };
    messages + schema
}

fn within(estimate: usize, measured: usize, what: &str) {
    let error = (estimate as f64 - measured as f64).abs() / measured as f64;
    assert!(
        error <= 0.15,
        "{what}: estimate {estimate}, o200k {measured} ({:.1} %)",
        error * 100.0
    );
}

#[test]
fn the_token_estimate_is_within_15_percent_of_o200k_on_real_prompts() {
    let bpe = tiktoken_rs::o200k_base().expect("the o200k vocabulary is bundled");
    for (label, context) in [
        ("no catalog", bare_context()),
        ("sample catalog", sample_context()),
        ("free-exercise-db", free_exercise_db_context()),
    ] {
        for style in styles() {
            let options = options(style);
            let prompts = incremental(&context, &options);
            let whole = built(&context, Part::Whole, &options);
            // Each text on its own: the rules, the context, the part messages, the schemas.
            for prompt in prompts.iter().take(2).chain([&whole]) {
                for message in &prompt.request.messages {
                    let measured = bpe.encode_ordinary(&message.content).len();
                    within(
                        estimate_tokens(&message.content),
                        measured,
                        &format!("{label} {style:?} message"),
                    );
                }
                if let Output::JsonSchema { schema, .. } = &prompt.request.output {
                    let text = schema.to_string();
                    within(
                        estimate_tokens(&text),
                        bpe.encode_ordinary(&text).len(),
                        "schema",
                    );
                }
            }
            // And the totals of a 12-week incremental generation and of a single call.
            let estimate: usize = prompts.iter().map(|p| p.estimated_tokens).sum();
            let measured: usize = prompts.iter().map(|p| o200k(&bpe, p)).sum();
            within(estimate, measured, "12-week incremental");
            within(whole.estimated_tokens, o200k(&bpe, &whole), "single call");
            // The prefix every call after the first may be served from the provider's cache.
            let prefix: usize = prompts[0].request.messages[..2]
                .iter()
                .map(|m| bpe.encode_ordinary(&m.content).len() + 4)
                .sum();
            println!(
                "{label}, {style:?}: 12-week incremental (skeleton + 12 weeks) estimate {estimate}, \
                 o200k {measured} (shared prefix {prefix} a call, so {} not cacheable); single \
                 call estimate {}, o200k {}",
                measured - 12 * prefix,
                whole.estimated_tokens,
                o200k(&bpe, &whole)
            );
        }
    }
}
