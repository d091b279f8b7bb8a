//! Generates a training program for an athlete: the README's first command.
//!
//! ```text
//! cargo run --release --example generate -- --logbook LOGBOOK [--catalog FILE]... [--name NAME]
//!     [--weeks N] [--days N] [--directions TEXT] [--mode single|incremental|auto] [--out FILE]
//! ```
//!
//! The provider comes from the environment (`REPLOG_LLM_PROVIDER`, `REPLOG_LLM_MODEL`,
//! `REPLOG_LLM_API_KEY`, ... as `spec/interfaces.md` lists them); with none configured the
//! built-in planner drafts the program, so this runs on a fresh machine. Progress goes to
//! stderr, the summary and the reasoning to stdout, and `--out` receives the CatalogJSON
//! document, written atomically (nothing half-written when anything fails). Incremental runs
//! keep a journal in the system's temporary directory, so running the same command again after
//! a failure asks only for the missing weeks. Exit codes: 0 a valid program, 1 generation
//! failed (one line on stderr), 2 usage or an unreadable file.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use replog::core::ContextOptions;
use replog::core::build_context;
use replog::llm::generate::{
    FileJournal, GenerateInput, GenerateOptions, Generation, Generator, Mode, Progress, Stage,
};
use replog::llm::planner::Planner;
use replog::llm::task::ProgramRequest;
use replog::llm::{LlmError, Provider, ProviderConfig, ProviderKind, build_provider};

const USAGE: &str = "generate --logbook LOGBOOK [--catalog FILE]... [--name NAME] [--weeks N] \
[--days N] [--directions TEXT] [--mode single|incremental|auto] [--out FILE]";

struct Args {
    logbook: PathBuf,
    catalogs: Vec<PathBuf>,
    request: ProgramRequest,
    mode: Mode,
    out: Option<PathBuf>,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut logbook = None;
    let mut catalogs = Vec::new();
    let mut request = ProgramRequest::default();
    let mut mode = Mode::Auto;
    let mut out = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("logbook") => logbook = Some(PathBuf::from(parser.value()?)),
            Long("catalog") => catalogs.push(PathBuf::from(parser.value()?)),
            Long("name") => request.name = Some(parser.value()?.parse()?),
            Long("weeks") => {
                request.weeks = Some(bounded(parser.value()?.parse()?, "--weeks", 1, 52)?)
            }
            Long("days") => {
                request.days_per_week = Some(bounded(parser.value()?.parse()?, "--days", 1, 7)?)
            }
            Long("directions") => request.directions = Some(parser.value()?.parse()?),
            Long("mode") => {
                let text: String = parser.value()?.parse()?;
                mode = Mode::parse(&text).ok_or_else(|| {
                    format!("--mode must be single, incremental or auto, found {text:?}")
                })?;
            }
            Long("out") => out = Some(PathBuf::from(parser.value()?)),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Args {
        logbook: logbook.ok_or("missing --logbook LOGBOOK")?,
        catalogs,
        request,
        mode,
        out,
    })
}

fn bounded(value: u32, flag: &str, min: u32, max: u32) -> Result<u32, String> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{flag} must be {min}-{max}, found {value}"))
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(error) => return common::usage_error(&error.to_string(), USAGE),
    };
    // Reading the inputs is the usage half (exit 2); generating is the other (exit 1).
    let input = match read_input(&args) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    match generate(&args, &input) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

fn read_input(args: &Args) -> Result<GenerateInput, String> {
    let mut catalog = Vec::new();
    for path in &args.catalogs {
        catalog.extend(common::read_catalog(path)?.exercises);
    }
    let logbook = common::read_logbook(&args.logbook)?;
    let mut index = replog::core::ExerciseIndex::new();
    index.extend(&catalog);
    let mut options = ContextOptions::default();
    if !catalog.is_empty() {
        options = options.with_catalog(&index);
    }
    Ok(GenerateInput {
        context: Arc::new(build_context(&logbook, &options)),
        request: args.request.clone(),
        catalog,
    })
}

/// The configured provider, or the built-in planner when none is.
fn provider() -> Result<Arc<dyn Provider>, String> {
    let config = ProviderConfig::from_env_map(|name| std::env::var(name).ok())
        .map_err(|e| format!("the LLM settings: {e}"))?;
    match config.kind {
        ProviderKind::None | ProviderKind::Builtin => Ok(Arc::new(Planner::new())),
        _ => build_provider(&config)
            .map(Arc::from)
            .map_err(|e| e.to_string()),
    }
}

fn generate(args: &Args, input: &GenerateInput) -> Result<(), String> {
    let provider = provider()?;
    let options = GenerateOptions {
        mode: args.mode,
        journal: Some(Arc::new(FileJournal::new(
            std::env::temp_dir().join("replog-journal"),
        ))),
        ..GenerateOptions::default()
    };
    let generator = Generator::new(provider).with_options(options);
    let bar = progress_bar();
    let on_progress = |p: &Progress| {
        bar.set_position(u64::from(p.percent));
        bar.set_message(describe(p));
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    let result = runtime.block_on(generator.generate(input, Some(&on_progress)));
    bar.finish_and_clear();
    let generation = result.map_err(|e| match e {
        LlmError::Generation(failure) => {
            let kept = if failure.weeks_kept.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} week(s) kept; run again to resume)",
                    failure.weeks_kept.len()
                )
            };
            format!("{failure}{kept}")
        }
        other => other.to_string(),
    })?;
    if let Some(out) = &args.out {
        write_atomically(out, &generation)?;
    }
    print_summary(&generation)
}

fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(100), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos:>3}% {msg}") {
        bar.set_style(style);
    }
    bar
}

fn describe(p: &Progress) -> String {
    let stage = match p.stage {
        Stage::Whole => "drafting the program".to_owned(),
        Stage::Skeleton => "outline ready".to_owned(),
        Stage::Week(n) => format!("week {n} kept"),
        Stage::Resumed(n) => format!("week {n} resumed from the journal"),
        Stage::Done => "done".to_owned(),
    };
    format!(
        "{stage} · {} call(s) · {} tokens",
        p.attempts,
        p.usage.total()
    )
}

/// Writes the document beside its destination, then renames it over it.
fn write_atomically(path: &Path, generation: &Generation) -> Result<(), String> {
    let text = serde_json::to_string_pretty(&generation.catalog).map_err(|e| e.to_string())?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| format!("cannot write beside {}: {e}", path.display()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.write_all(b"\n"))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    file.persist(path)
        .map(drop)
        .map_err(|e| format!("cannot replace {}: {}", path.display(), e.error))
}

fn print_summary(generation: &Generation) -> Result<(), String> {
    let mut text = replog::core::render::catalog_markdown(&generation.catalog);
    text.push_str("\n## Reasoning\n\n");
    text.push_str(generation.reasoning.trim());
    text.push_str("\n\n");
    if let Some(failure) = &generation.fallback {
        text.push_str(&format!(
            "Note: the configured provider failed ({}); this is the built-in planner's program.\n",
            failure.message
        ));
    }
    let cost = match generation.cost_usd {
        None => "cost unknown".to_owned(),
        Some(0.0) => "no cost".to_owned(),
        Some(c) => format!("about ${c:.4}"),
    };
    text.push_str(&format!(
        "{} / {} · {} input + {} output tokens ({} cached) · {cost} · {:.1} s\n",
        generation.provider,
        generation.model,
        generation.usage.input_tokens,
        generation.usage.output_tokens,
        generation.usage.cached_tokens,
        generation.duration.as_secs_f64()
    ));
    common::print_text(&text)
}
