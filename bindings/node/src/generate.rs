//! `generateTrainingProgram`: `replog_llm::generate::Generator` as a Promise of reference/000's
//! discriminated result, with progress events and an `AbortSignal`. Everything about the LLM
//! comes back as the result union; only bad options throw.

use std::sync::Arc;

use futures_util::future::{Either as Race, select};
use napi::bindgen_prelude::{Either, Env, FnArgs, Function, Object, PromiseRaw, Result};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi_derive::napi;
use replog_core::{ContextOptions, ExerciseIndex, build_context};
use replog_llm::generate::{
    GenerateInput, GenerateOptions, Generation, GenerationFailure, Generator, Mode, Progress, Stage,
};
use replog_llm::task::ProgramRequest;
use replog_llm::{LlmError, Provider, Usage};
use tokio::sync::Notify;

use crate::documents;
use crate::error::misuse;
use crate::issue::{Issue, issues};
use crate::settings::{LlmOptions, provider_config};
use crate::validate::Text;

/// What to generate, for whom, and how.
#[napi(object, object_to_js = false)]
pub struct GenerateProgramOptions<'a> {
    /// The athlete's Logbook JSON text (`spec/logbook-json.md`).
    pub logbook: Text<'a>,
    /// CatalogJSON texts of the host's exercises (the catalog in force).
    pub catalogs: Option<Vec<Text<'a>>>,
    /// The day the program starts from (`YYYY-MM-DD`); the logbook's own day by default.
    pub as_of: Option<String>,
    /// The program's name.
    pub name: Option<String>,
    /// How many weeks (1-52).
    pub weeks: Option<u32>,
    /// Training days per week (1-7).
    pub days_per_week: Option<u32>,
    /// The coach's directions in their own words.
    pub directions: Option<String>,
    /// `single` (one call), `incremental` (an outline, then one call per week) or `auto`.
    #[napi(ts_type = "'auto' | 'single' | 'incremental'")]
    pub mode: Option<String>,
    /// Re-asks allowed per part after the first answer (default 2).
    pub max_rounds: Option<u32>,
    /// Week calls in flight at once in incremental mode (default 4).
    pub concurrency: Option<u32>,
    /// Deliver the built-in planner's program when the provider fails outright.
    pub fallback_to_planner: Option<bool>,
    /// The LLM settings: environment, then a SQLite settings file, then these overrides.
    pub llm: Option<LlmOptions>,
    /// Called on every progress event (percent, stage, weeks, tokens so far).
    #[napi(ts_type = "(event: ProgressEvent) => void")]
    pub on_progress: Option<Function<'a, ProgressEvent, ()>>,
    /// Aborts the generation: the promise resolves with the `aborted` failure.
    #[napi(ts_type = "AbortSignal")]
    pub signal: Option<Object<'a>>,
}

/// Tokens spent (`replog_llm::Usage`).
#[napi(object, object_from_js = false)]
pub struct TokenUsage {
    /// Prompt tokens, the cached ones included.
    pub input_tokens: f64,
    /// Generated tokens.
    pub output_tokens: f64,
    /// Prompt tokens served from the provider's prompt cache.
    pub cached_tokens: f64,
}

impl From<&Usage> for TokenUsage {
    #[allow(clippy::cast_precision_loss)] // token counts stay far below 2^53
    fn from(usage: &Usage) -> Self {
        Self {
            input_tokens: usage.input_tokens as f64,
            output_tokens: usage.output_tokens as f64,
            cached_tokens: usage.cached_tokens as f64,
        }
    }
}

/// One progress event (`replog_llm::generate::Progress`).
#[napi(object, object_from_js = false)]
pub struct ProgressEvent {
    /// 0-100.
    pub percent: u32,
    /// `whole`, `skeleton`, `week`, `resumed` or `done`.
    #[napi(ts_type = "'whole' | 'skeleton' | 'week' | 'resumed' | 'done'")]
    pub stage: String,
    /// The week kept or resumed, for those stages.
    pub week: Option<u32>,
    /// Weeks kept so far.
    pub weeks_done: u32,
    /// Weeks in the program (0 until known).
    pub weeks_total: u32,
    /// Provider calls so far.
    pub attempts: u32,
    /// Tokens so far.
    pub usage: TokenUsage,
}

impl From<&Progress> for ProgressEvent {
    fn from(p: &Progress) -> Self {
        let (stage, week) = match p.stage {
            Stage::Whole => ("whole", None),
            Stage::Skeleton => ("skeleton", None),
            Stage::Week(n) => ("week", Some(n)),
            Stage::Resumed(n) => ("resumed", Some(n)),
            Stage::Done => ("done", None),
        };
        Self {
            percent: u32::from(p.percent),
            stage: stage.to_owned(),
            week,
            weeks_done: p.weeks_done,
            weeks_total: p.weeks_total,
            attempts: p.attempts,
            usage: TokenUsage::from(&p.usage),
        }
    }
}

/// A generated program: valid against the catalog in force and the athlete's equipment.
#[napi(object, object_from_js = false)]
pub struct GenerationSuccess {
    /// Always `true`.
    #[napi(ts_type = "true")]
    pub success: bool,
    /// The CatalogJSON document.
    #[napi(ts_type = "Catalog")]
    pub program: serde_json::Value,
    /// Why the program is built this way, for the coach.
    pub reasoning: String,
    /// Tokens over every attempt.
    pub usage: TokenUsage,
    /// The estimated cost in US dollars, when the model's price is known.
    pub cost_usd: Option<f64>,
    /// Wall time in milliseconds.
    pub duration_ms: f64,
    /// The model that answered.
    pub model: String,
    /// The provider that served (`builtin` when the planner drafted it).
    pub provider: String,
    /// Set when the configured provider failed and the planner's program was delivered.
    pub fallback: Option<GenerationError>,
    /// The audit record (prompts' hashes, calls, usage) as JSON.
    #[napi(ts_type = "Record<string, unknown>")]
    pub record: serde_json::Value,
}

/// Why a generation failed (`replog_llm::generate::GenerationFailure`).
#[napi(object, object_from_js = false)]
pub struct GenerationError {
    /// A stable code: the provider's (`authentication`, `rate_limit`, `server`, `connection`,
    /// `timeout`, `refusal`, `truncated`, `invalid_request`, ...), `invalid_output`,
    /// `unparseable_output`, `journal`, or `aborted`.
    pub kind: String,
    /// What happened, for a person.
    pub message: String,
    /// Provider calls made.
    pub attempts: u32,
    /// Tokens spent.
    pub usage: TokenUsage,
    /// The last answer's issues, for `invalid_output`.
    pub issues: Vec<Issue>,
    /// The weeks kept (incremental mode).
    pub weeks_kept: Vec<u32>,
}

impl From<&GenerationFailure> for GenerationError {
    fn from(f: &GenerationFailure) -> Self {
        Self {
            kind: f.kind.code().to_owned(),
            message: f.message.clone(),
            attempts: f.attempts,
            usage: TokenUsage::from(&f.usage),
            issues: issues(&f.issues),
            weeks_kept: f.weeks_kept.clone(),
        }
    }
}

impl GenerationError {
    fn other(kind: &str, message: String) -> Self {
        Self {
            kind: kind.to_owned(),
            message,
            attempts: 0,
            usage: TokenUsage::from(&Usage::default()),
            issues: Vec::new(),
            weeks_kept: Vec::new(),
        }
    }
}

/// A failed generation.
#[napi(object, object_from_js = false)]
pub struct GenerationFailed {
    /// Always `false`.
    #[napi(ts_type = "false")]
    pub success: bool,
    /// Why.
    pub error: GenerationError,
}

type Outcome = Either<GenerationSuccess, GenerationFailed>;

fn failed(error: GenerationError) -> Outcome {
    Either::B(GenerationFailed {
        success: false,
        error,
    })
}

fn succeeded(g: Generation) -> Outcome {
    let program = serde_json::to_value(&g.catalog);
    let record = serde_json::to_value(&g.record).unwrap_or(serde_json::Value::Null);
    match program {
        Ok(program) => Either::A(GenerationSuccess {
            success: true,
            program,
            reasoning: g.reasoning,
            usage: TokenUsage::from(&g.usage),
            cost_usd: g.cost_usd,
            duration_ms: g.duration.as_secs_f64() * 1000.0,
            model: g.model,
            provider: g.provider,
            fallback: g.fallback.as_ref().map(GenerationError::from),
            record,
        }),
        Err(error) => failed(GenerationError::other("internal", error.to_string())),
    }
}

/// Generates a training program for the athlete with the configured provider (the built-in
/// planner when none is). Resolves to `{ success: true, program, reasoning, usage, costUsd,
/// durationMs, model, ... }` or `{ success: false, error: { kind, message, attempts, usage } }`;
/// throws only for bad options (an invalid logbook, an unknown mode, bad settings).
#[napi(ts_return_type = "Promise<GenerationSuccess | GenerationFailed>")]
pub fn generate_training_program<'env>(
    env: &'env Env,
    options: GenerateProgramOptions<'_>,
) -> Result<PromiseRaw<'env, Outcome>> {
    let input = input(&options)?;
    let provider: Arc<dyn Provider> = Arc::from(
        replog_llm::build_provider(&provider_config(options.llm.as_ref())?)
            .map_err(|e| misuse(format!("options.llm: {e}")))?,
    );
    let mode = match options.mode.as_deref() {
        None => Mode::Auto,
        Some(text) => Mode::parse(text).ok_or_else(|| {
            misuse(format!(
                "options.mode must be 'single', 'incremental' or 'auto', found {text:?}"
            ))
        })?,
    };
    let defaults = GenerateOptions::default();
    let generator = Generator::new(provider).with_options(GenerateOptions {
        mode,
        max_rounds: options.max_rounds.unwrap_or(defaults.max_rounds),
        concurrency: options
            .concurrency
            .map_or(defaults.concurrency, |n| n.max(1) as usize),
        fallback_to_planner: options.fallback_to_planner.unwrap_or(false),
        ..defaults
    });
    let progress: Option<
        ThreadsafeFunction<ProgressEvent, (), ProgressEvent, napi::Status, false>,
    > = match &options.on_progress {
        Some(callback) => Some(
            callback
                .build_threadsafe_function()
                .callee_handled::<false>()
                .build()?,
        ),
        None => None,
    };
    let abort = Arc::new(Notify::new());
    if let Some(signal) = &options.signal {
        if signal.get::<bool>("aborted")?.unwrap_or(false) {
            return env.spawn_future(async {
                Ok(failed(GenerationError::other("aborted", aborted_message())))
            });
        }
        listen(env, signal, Arc::clone(&abort))?;
    }
    env.spawn_future(async move {
        let on_progress = |p: &Progress| {
            if let Some(tsfn) = &progress {
                tsfn.call(
                    ProgressEvent::from(p),
                    ThreadsafeFunctionCallMode::NonBlocking,
                );
            }
        };
        let generation = generator.generate(&input, Some(&on_progress));
        let outcome = match select(Box::pin(generation), Box::pin(abort.notified())).await {
            Race::Left((Ok(generation), _)) => succeeded(generation),
            Race::Left((Err(LlmError::Generation(failure)), _)) => {
                failed(GenerationError::from(&*failure))
            }
            // A request the prompt cannot be built for (weeks or days out of range, a prompt
            // over its budget) is a bad option: the promise rejects, as misuse throws.
            Race::Left((Err(LlmError::Prompt(error)), _)) => {
                return Err(misuse(format!("options: {error}")));
            }
            Race::Left((Err(other), _)) => {
                failed(GenerationError::other("internal", other.to_string()))
            }
            Race::Right(((), _)) => failed(GenerationError::other("aborted", aborted_message())),
        };
        Ok(outcome)
    })
}

fn aborted_message() -> String {
    "the generation was aborted by its AbortSignal".to_owned()
}

/// `EventTarget.prototype.addEventListener(type, listener, options)`.
type AddEventListener<'a> = Function<'a, FnArgs<(&'a str, Function<'a, (), ()>, Object<'a>)>, ()>;

/// Wakes `abort` when the signal fires (`addEventListener('abort', ..., { once: true })`).
fn listen(env: &Env, signal: &Object<'_>, abort: Arc<Notify>) -> Result<()> {
    let add: AddEventListener<'_> = signal
        .get("addEventListener")?
        .ok_or_else(|| misuse("options.signal must be an AbortSignal"))?;
    let on_abort = env.create_function_from_closure("onAbort", move |_| {
        abort.notify_one();
        Ok(())
    })?;
    let mut once = Object::new(env)?;
    once.set("once", true)?;
    add.apply(signal, FnArgs::from(("abort", on_abort, once)))
}

/// The generator's input: the athlete's context from the logbook and the host's catalogs.
fn input(options: &GenerateProgramOptions<'_>) -> Result<GenerateInput> {
    let logbook = documents::logbook(&options.logbook, "options.logbook")?;
    let mut catalog = Vec::new();
    for (n, text) in options.catalogs.iter().flatten().enumerate() {
        let parsed = documents::catalog(text, &format!("options.catalogs[{n}]"))?;
        catalog.extend(parsed.exercises);
    }
    let mut index = ExerciseIndex::new();
    index.extend(&catalog);
    let mut context = ContextOptions::default();
    if !catalog.is_empty() {
        context = context.with_catalog(&index);
    }
    if let Some(as_of) = &options.as_of {
        context = context.with_as_of(crate::documents::date(as_of, "options.asOf")?);
    }
    Ok(GenerateInput {
        context: Arc::new(build_context(&logbook, &context)),
        request: ProgramRequest {
            name: options.name.clone(),
            weeks: options.weeks,
            days_per_week: options.days_per_week,
            directions: options.directions.clone(),
        },
        catalog,
    })
}
