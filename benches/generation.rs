//! Incremental generation's wall time and prompt tokens: a 12-week program for the sample
//! athlete against a loopback server speaking the OpenAI protocol with a fixed latency per
//! call (500 ms), with four week calls in flight against the same 13 calls made one after
//! another (reference/002's sequential generator); and the input tokens of the whole
//! generation (estimated, and counted with o200k) against reference/002's ~24,000.
//!
//! ```text
//! cargo bench --bench generation
//! ```
//!
//! Run by `cargo test --benches` as a smoke test: no latency, and nothing measured.

#[path = "../crates/replog-llm/tests/generate_common/mod.rs"]
mod fake;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fake::{Ask, Asked, FakeLlm, Protocol, Reply};
use replog::core::{ContextOptions, build_context};
use replog::llm::generate::{GenerateInput, GenerateOptions, Generation, Generator, Mode};
use replog::llm::provider::openai::OpenAiProvider;
use replog::llm::provider::{ProviderConfig, ProviderKind};
use replog::llm::task::ProgramRequest;
use replog::llm::{Plan, Planner, Provider};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

const WEEKS: u32 = 12;
/// reference/002's input tokens for a 12-week program (its cost table).
const REFERENCE_002_INPUT_TOKENS: usize = 24_000;

fn answer(plan: &Plan, part: Asked) -> String {
    let text = match part {
        Asked::Whole => serde_json::to_string(&plan.envelope),
        Asked::Skeleton => serde_json::to_string(&plan.skeleton()),
        Asked::Week(n) => serde_json::to_string(&plan.week(n)),
    };
    text.unwrap_or_default()
}

async fn run(
    server: &MockServer,
    input: &GenerateInput,
    concurrency: usize,
) -> (Duration, Generation) {
    let mut config = ProviderConfig::new(ProviderKind::OpenAi);
    config.base_url = Some(format!("{}/v1", server.uri()));
    config.api_key = Some("sk-bench".into());
    let provider: Arc<dyn Provider> = Arc::new(OpenAiProvider::new(&config).expect("provider"));
    let options = GenerateOptions {
        mode: Mode::Incremental,
        concurrency,
        ..GenerateOptions::default()
    };
    let started = Instant::now();
    let generation = Generator::new(provider)
        .with_options(options)
        .generate(input, None)
        .await
        .expect("a valid program");
    (started.elapsed(), generation)
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let latency = if measuring {
        Duration::from_millis(500)
    } else {
        Duration::ZERO
    };

    let logbook_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample-logbook.json");
    let text = std::fs::read(&logbook_path).expect("the sample logbook");
    let logbook = replog::catalog::parse_logbook(&text).expect("a valid logbook");
    let context = Arc::new(build_context(&logbook, &ContextOptions::default()));
    let request = ProgramRequest {
        weeks: Some(WEEKS),
        days_per_week: Some(3),
        ..ProgramRequest::default()
    };
    let plan = Arc::new(Planner::new().plan(&context, &request).expect("a plan"));
    let input = GenerateInput {
        context,
        request,
        catalog: Vec::new(),
    };

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let answers = Arc::clone(&plan);
        let fake = FakeLlm::new(Protocol::OpenAi, move |ask: &Ask| Reply::Text(answer(&answers, ask.part)));
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path(Protocol::OpenAi.path()))
            .respond_with(fake.with_delay(latency))
            .mount(&server)
            .await;

        let (sequential, _) = run(&server, &input, 1).await;
        let (parallel, generation) = run(&server, &input, 4).await;
        let calls = generation.record.calls.len();
        assert_eq!(calls, 1 + WEEKS as usize, "the outline and one call per week");

        let bpe = tiktoken_rs::o200k_base().expect("o200k");
        let mut estimated = 0;
        let mut counted = 0;
        for call in &generation.record.calls {
            for message in &call.messages {
                let tokens = bpe.encode_ordinary(&message.content).len();
                estimated += replog::llm::prompt::estimate_tokens(&message.content);
                counted += tokens;
            }
        }
        // The rules and the athlete (the first two messages) are the same in every call: a
        // provider's prompt cache serves them after the first call.
        let prefix: usize = generation.record.calls[0].messages[..2]
            .iter()
            .map(|m| bpe.encode_ordinary(&m.content).len())
            .sum();
        let uncached = counted - prefix * (calls - 1);
        if !measuring {
            println!("generation bench: smoke run ok ({calls} calls)");
            return;
        }
        println!("12-week incremental generation, {} ms per call, {calls} calls", latency.as_millis());
        println!("  one after another (reference/002): {:>7.2} s", sequential.as_secs_f64());
        println!("  four weeks in flight (replog):     {:>7.2} s", parallel.as_secs_f64());
        println!("  speed-up: {:.2}x", sequential.as_secs_f64() / parallel.as_secs_f64());
        println!("input tokens of the generation (messages; the schema is sent beside them):");
        println!(
            "  estimated {estimated}, o200k {counted}; reference/002 about {REFERENCE_002_INPUT_TOKENS} ({:.2}x)",
            counted as f64 / REFERENCE_002_INPUT_TOKENS as f64
        );
        println!(
            "  shared prefix {prefix} per call; not served from a prompt cache: {uncached} ({:.2}x reference/002)",
            uncached as f64 / REFERENCE_002_INPUT_TOKENS as f64
        );
    });
}
