//! Program generation (layer 2 of reference/001 with reference/002's incremental mode):
//! prompt, call, parse with local repair, validate against the catalog in force and the
//! athlete's equipment, re-ask only what is broken with its numbered issues, keep what
//! succeeded, and account for every token.
//!
//! ```text
//! context + request ──▶ prompt ──▶ provider ──▶ parse (repair) ──▶ validate ──▶ keep
//!                            ▲                                          │ issues
//!                            └────────────── re-ask (bounded) ◀─────────┘
//! ```

mod call;
mod check;
mod failure;
mod incremental;
mod journal;
mod progress;
mod record;
mod single;

use std::sync::Arc;
use std::time::Duration;

use replog_catalog::Validator;
use replog_core::{AthleteContext, Catalog, Exercise};
use serde::Serialize;
use sha2::{Digest, Sha256};
use web_time::Instant;

pub use failure::{FailureKind, GenerationFailure};
pub use journal::{FileJournal, Journal, JournalEntry, MemoryJournal};
pub use progress::{OnProgress, Progress, Stage};
pub use record::{CallRecord, GenerationRecord};

use crate::LlmError;
use crate::cost::PriceTable;
use crate::prompt::PromptOptions;
use crate::provider::{ErrorKind, Provider, Usage};
use crate::task::ProgramRequest;
use call::{Asker, PartError};
use check::{Checker, Whole};

/// Whole program in one call, or outline then weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Incremental for programs of more than [`AUTO_INCREMENTAL_WEEKS`] weeks (or of a length
    /// left to the model), single otherwise and for the built-in planner; a single call that is cut off by the token limit
    /// is split into the incremental calls instead of being asked again.
    #[default]
    Auto,
    /// One call for the whole program.
    Single,
    /// An outline call, then one call per week.
    Incremental,
}

/// Longer programs than this are generated week by week in [`Mode::Auto`].
pub const AUTO_INCREMENTAL_WEEKS: u32 = 4;

impl Mode {
    /// Parses `auto`, `single` or `incremental`.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Self::Auto),
            "single" => Some(Self::Single),
            "incremental" => Some(Self::Incremental),
            _ => None,
        }
    }
}

/// How a [`Generator`] works.
#[derive(Clone)]
pub struct GenerateOptions {
    /// Single, incremental or chosen by size.
    pub mode: Mode,
    /// Re-asks allowed per part after the first answer (default 2: at most 3 answers).
    pub max_rounds: u32,
    /// Week calls in flight at once in incremental mode (default 4).
    pub concurrency: usize,
    /// The prompt's options; `None` picks them for the provider
    /// ([`PromptOptions::for_provider`]).
    pub prompt: Option<PromptOptions>,
    /// Prices for the cost estimate.
    pub prices: PriceTable,
    /// Where incremental runs keep their progress (none: nothing survives a failure).
    pub journal: Option<Arc<dyn Journal>>,
    /// When the provider fails outright (unreachable, rejected, rate-limited past its
    /// retries, refusing), deliver the built-in planner's program instead, marked as such.
    pub fallback_to_planner: bool,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        Self {
            mode: Mode::Auto,
            max_rounds: 2,
            concurrency: 4,
            prompt: None,
            prices: PriceTable::default(),
            journal: None,
            fallback_to_planner: false,
        }
    }
}

impl std::fmt::Debug for GenerateOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GenerateOptions")
            .field("mode", &self.mode)
            .field("max_rounds", &self.max_rounds)
            .field("concurrency", &self.concurrency)
            .field("journal", &self.journal.is_some())
            .field("fallback_to_planner", &self.fallback_to_planner)
            .finish_non_exhaustive()
    }
}

/// What a generation starts from.
#[derive(Debug, Clone)]
pub struct GenerateInput {
    /// The athlete, as [`replog_core::build_context`] described them with the host's catalog.
    pub context: Arc<AthleteContext>,
    /// What the coach asked for.
    pub request: ProgramRequest,
    /// The host's exercises (the catalog in force): the program may name them without
    /// defining them.
    pub catalog: Vec<Exercise>,
}

/// A delivered program.
#[derive(Debug, Clone)]
pub struct Generation {
    /// The CatalogJSON document (valid against the catalog in force and the equipment).
    pub catalog: Catalog,
    /// Why the program is built this way, for the coach.
    pub reasoning: String,
    /// Tokens over every attempt of this run (journal-resumed parts cost nothing now).
    pub usage: Usage,
    /// The estimated cost in US dollars, when the model is in the price table.
    pub cost_usd: Option<f64>,
    /// Wall time.
    pub duration: Duration,
    /// The model that answered.
    pub model: String,
    /// The provider that served (`builtin` when the planner stood in).
    pub provider: String,
    /// Set when the configured provider failed and the planner's program was delivered.
    pub fallback: Option<GenerationFailure>,
    /// The audit record.
    pub record: GenerationRecord,
}

/// Generates programs with one provider.
pub struct Generator {
    provider: Arc<dyn Provider>,
    options: GenerateOptions,
}

impl std::fmt::Debug for Generator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Generator")
            .field("provider", &self.provider.name())
            .field("model", &self.provider.model())
            .field("options", &self.options)
            .finish()
    }
}

impl Generator {
    /// A generator over `provider` with the default options.
    pub fn new(provider: Arc<dyn Provider>) -> Self {
        Self {
            provider,
            options: GenerateOptions::default(),
        }
    }

    /// The same generator with these options.
    pub fn with_options(mut self, options: GenerateOptions) -> Self {
        self.options = options;
        self
    }

    /// The options in force.
    pub fn options(&self) -> &GenerateOptions {
        &self.options
    }

    /// The provider.
    pub fn provider(&self) -> &Arc<dyn Provider> {
        &self.provider
    }

    /// Generates a program for `input`, reporting progress to `on_progress`.
    ///
    /// # Errors
    /// [`LlmError::Generation`] with the failure's kind, the tokens spent, the weeks kept in
    /// the journal and the record; [`LlmError::Journal`] when the journal cannot be used;
    /// [`LlmError::Prompt`] when the prompt cannot be built within its budget.
    pub async fn generate(
        &self,
        input: &GenerateInput,
        on_progress: Option<OnProgress<'_>>,
    ) -> Result<Generation, LlmError> {
        match self.run(self.provider.as_ref(), input, on_progress).await {
            Err(LlmError::Generation(failure))
                if self.options.fallback_to_planner && is_outright(&failure.kind) =>
            {
                let planner = crate::planner::Planner::new();
                let mut generation = self.run(&planner, input, on_progress).await?;
                generation.usage += failure.usage;
                generation.fallback = Some(*failure);
                Ok(generation)
            }
            other => other,
        }
    }

    async fn run(
        &self,
        provider: &dyn Provider,
        input: &GenerateInput,
        on_progress: Option<OnProgress<'_>>,
    ) -> Result<Generation, LlmError> {
        let started = Instant::now();
        let prompt_options = self
            .options
            .prompt
            .clone()
            .unwrap_or_else(|| PromptOptions::for_provider(provider.name()));
        let validator = Validator::new()
            .with_exercises(&input.catalog)
            .with_equipment(&input.context.available_equipment);
        let checker = Checker::new(validator);
        let asker = Asker::new(provider, self.options.max_rounds, on_progress);
        let key = journal_key(provider, input, &self.options);
        let incremental = match self.options.mode {
            Mode::Single => false,
            Mode::Incremental => true,
            Mode::Auto => input
                .request
                .weeks
                .is_none_or(|w| w > AUTO_INCREMENTAL_WEEKS),
        };
        let mut mode = "single";
        let mut resumed = Vec::new();
        let mut kept = Vec::new();

        let single = if incremental {
            None
        } else {
            // In auto mode a cut whole program is split into weeks rather than given more room.
            let widen = self.options.mode != Mode::Auto;
            Some(
                single::run(
                    &asker,
                    &checker,
                    &input.context,
                    &input.request,
                    &prompt_options,
                    widen,
                )
                .await?,
            )
        };
        let outcome = match single {
            Some(Err(PartError::Provider(e)))
                if e.kind() == &ErrorKind::Truncated && self.options.mode == Mode::Auto =>
            {
                None
            }
            other => other,
        };
        let outcome = match outcome {
            Some(outcome) => outcome,
            None => {
                mode = "incremental";
                let run = incremental::Incremental {
                    asker: &asker,
                    checker: &checker,
                    context: &input.context,
                    request: &input.request,
                    options: &prompt_options,
                    journal: self.options.journal.as_deref(),
                    key: &key,
                    concurrency: self.options.concurrency,
                };
                match run.run().await? {
                    Ok((whole, from_journal)) => {
                        resumed = from_journal;
                        Ok(whole)
                    }
                    Err(unfinished) => {
                        kept = unfinished.weeks_kept;
                        Err(unfinished.error)
                    }
                }
            }
        };

        if outcome.is_ok() {
            asker.report(progress::Stage::Done);
        }
        let ledger = std::mem::take(&mut *asker.ledger());
        let model = ledger
            .model
            .clone()
            .unwrap_or_else(|| provider.model().to_owned());
        let duration = started.elapsed();
        let record = GenerationRecord {
            key: key.clone(),
            provider: provider.name().to_owned(),
            model: model.clone(),
            mode,
            context: serde_json::to_value(input.context.as_ref()).unwrap_or_default(),
            calls: ledger.calls,
            resumed_weeks: resumed,
            usage: ledger.usage,
            duration_ms: u64::try_from(duration.as_millis()).unwrap_or(u64::MAX),
        };
        match outcome {
            Ok(Whole { catalog, reasoning }) => {
                if let (Some(journal), "incremental") = (&self.options.journal, mode) {
                    journal.remove(&key)?;
                }
                Ok(Generation {
                    catalog,
                    reasoning,
                    usage: ledger.usage,
                    cost_usd: self.options.prices.cost(&model, &ledger.usage),
                    duration,
                    model,
                    provider: provider.name().to_owned(),
                    fallback: None,
                    record,
                })
            }
            Err(error) => {
                let (kind, message, issues) = match error {
                    PartError::Provider(e) => (
                        FailureKind::Provider(e.kind().clone()),
                        e.to_string(),
                        Vec::new(),
                    ),
                    PartError::Invalid(issues) => (
                        FailureKind::Invalid,
                        format!(
                            "the answers still had {} problem(s) after {} re-ask round(s); the first: {}",
                            issues.len(),
                            self.options.max_rounds,
                            issues.first().map_or_else(String::new, ToString::to_string)
                        ),
                        issues,
                    ),
                    PartError::Unparseable(message) => (
                        FailureKind::Unparseable,
                        format!(
                            "the answers were not JSON after {} re-ask round(s): {message}",
                            self.options.max_rounds
                        ),
                        Vec::new(),
                    ),
                };
                Err(LlmError::Generation(Box::new(GenerationFailure {
                    kind,
                    message,
                    issues,
                    attempts: ledger.attempts,
                    usage: ledger.usage,
                    weeks_kept: kept,
                    record,
                })))
            }
        }
    }
}

/// Failures of the provider itself, as opposed to answers that were not good enough.
fn is_outright(kind: &FailureKind) -> bool {
    match kind {
        FailureKind::Provider(kind) => {
            !matches!(kind, ErrorKind::Truncated | ErrorKind::InvalidRequest)
        }
        FailureKind::Invalid | FailureKind::Unparseable | FailureKind::Journal => false,
    }
}

/// The journal key: a SHA-256 over everything that shapes the answers (provider, model, the
/// context, the request, the catalog in force, the mode and the prompt style).
fn journal_key(
    provider: &dyn Provider,
    input: &GenerateInput,
    options: &GenerateOptions,
) -> String {
    #[derive(Serialize)]
    struct Inputs<'a> {
        provider: &'a str,
        model: &'a str,
        context: &'a AthleteContext,
        request: &'a ProgramRequest,
        catalog: &'a [Exercise],
        mode: Mode,
    }
    let inputs = Inputs {
        provider: provider.name(),
        model: provider.model(),
        context: &input.context,
        request: &input.request,
        catalog: &input.catalog,
        mode: options.mode,
    };
    let mut hasher = Sha256::new();
    // Serialising these types cannot fail (string keys, finite numbers).
    if let Ok(bytes) = serde_json::to_vec(&inputs) {
        hasher.update(&bytes);
    }
    let digest = hasher.finalize();
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}
