//! The prompt builder: from a generation [`Task`] to the [`Request`] a provider is sent, with
//! the token estimate and what a budget trimmed. Pure: no I/O, so it builds for WebAssembly.
//!
//! Every prompt has three messages, laid out for providers' prompt caching:
//!
//! 1. system: the rules ([`rules`]), the same for every part and every athlete (it depends on
//!    the [`SchemaStyle`] only);
//! 2. user: the athlete's context, prior programs as examples, the coach's directions and
//!    the request, the same for every call of one generation (skeleton, each week, whole);
//! 3. user: what this call asks for (the whole program, the outline, or week N of the
//!    outline given) and, when the schema goes in the prompt, the answer's type text.
//!
//! ```
//! use std::sync::Arc;
//! use replog_core::context::{ContextOptions, build_context, synthetic_logbook};
//! use replog_llm::prompt::{PromptOptions, build};
//! use replog_llm::task::{Part, ProgramRequest, Task};
//!
//! let context = build_context(&synthetic_logbook(8, 3, 1), &ContextOptions::default());
//! let task = Arc::new(Task {
//!     context: Arc::new(context),
//!     request: ProgramRequest { weeks: Some(4), ..ProgramRequest::default() },
//!     part: Part::Whole,
//! });
//! let prompt = build(task, &PromptOptions::for_provider("openai"))?;
//! assert_eq!(prompt.request.messages.len(), 3);
//! assert!(prompt.estimated_tokens > 1_000);
//! # Ok::<(), replog_llm::LlmError>(())
//! ```

mod budget;
mod error;
mod estimate;
mod reask;
mod rules;
mod sections;

use std::sync::Arc;

use replog_core::schema::Dialect;

use crate::LlmError;
use crate::provider::{Message, Output, Request};
use crate::task::{Part, Task};

pub use budget::{Section, Trimmed};
pub use error::PromptError;
pub use estimate::estimate_tokens;
pub use reask::{reask, reask_unparseable};

/// How the answer's shape is conveyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SchemaStyle {
    /// Enforced by the provider: `Output::JsonSchema` in this dialect (OpenAI strict;
    /// Anthropic and Ollama take Draft202012).
    Enforced(Dialect),
    /// Rendered in the prompt as TypeScript-style type text; the answer comes as
    /// `<reasoning>` + a fenced JSON block (providers without enforcement, the mock).
    InPrompt,
}

/// How to build prompts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptOptions {
    /// How the answer's shape is conveyed.
    pub style: SchemaStyle,
    /// The most input tokens a prompt may have by [`estimate_tokens`]; `None` for no limit.
    /// Over it, the least useful parts of the context are trimmed (see [`Trimmed`]).
    pub token_budget: Option<usize>,
    /// The most prior programs shown as examples (the newest).
    pub max_examples: usize,
}

impl PromptOptions {
    /// The options for a provider by its name: `openai` enforces OpenAI's strict dialect,
    /// `anthropic` and `ollama` the 2020-12 dialect; any other (the mock, an unknown
    /// backend) gets the schema in the prompt.
    pub fn for_provider(name: &str) -> Self {
        let style = match name.to_ascii_lowercase().as_str() {
            "openai" => SchemaStyle::Enforced(Dialect::OpenAiStrict),
            "anthropic" | "ollama" => SchemaStyle::Enforced(Dialect::Draft202012),
            _ => SchemaStyle::InPrompt,
        };
        Self {
            style,
            ..Self::default()
        }
    }

    /// These options with a token budget.
    #[must_use]
    pub fn with_token_budget(mut self, budget: usize) -> Self {
        self.token_budget = Some(budget);
        self
    }
}

impl Default for PromptOptions {
    /// The schema in the prompt (it works with every provider), no budget, three examples.
    fn default() -> Self {
        Self {
            style: SchemaStyle::InPrompt,
            token_budget: None,
            max_examples: 3,
        }
    }
}

/// A built prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// The messages and the wanted output, carrying the task (see [`Request::with_task`]).
    pub request: Request,
    /// The input token estimate of the messages and, when enforced, the schema.
    pub estimated_tokens: usize,
    /// What the budget removed, in order (serialisable, for the generation record).
    pub trimmed: Vec<Trimmed>,
}

/// Builds the prompt of `task`.
///
/// With a budget, the shared message is trimmed to fit the largest part of the generation
/// the task belongs to (the whole program's, the outline's, or this part's, whichever is
/// largest), not just this part, so the skeleton and every week of one generation trim alike
/// and keep their common prefix.
///
/// # Errors
///
/// [`LlmError::Prompt`] for a request out of range, a week the outline lacks, or a prompt
/// over its budget after every trim; [`LlmError::Core`] if a schema cannot be made in the
/// dialect asked for.
pub fn build(task: Arc<Task>, options: &PromptOptions) -> Result<Prompt, LlmError> {
    sections::check_request(&task.request)?;
    let style = &options.style;
    let system = rules::system(style);
    let part = sections::part_message(&task.part, style)?;
    let output = sections::output(&task.part, style)?;
    let mut shared = sections::Shared::new(&task.context, options.max_examples)?;

    // Priced in pieces, exactly as `largest_tail` prices every part, so this call's tail is
    // never above the reserve the shared message is fitted against.
    let tail = estimate_tokens(&part.task) + estimate_tokens(&part.format) + schema_tokens(&output);
    let overhead = 3 * estimate::MESSAGE_OVERHEAD;
    let trimmed = match options.token_budget {
        None => Vec::new(),
        Some(budget) => {
            let fixed = estimate_tokens(&system) + largest_tail(&task, style)? + overhead;
            let estimate = |shared: &sections::Shared| {
                fixed + estimate_tokens(&sections::shared_message(shared, &task))
            };
            budget::fit(&mut shared, budget, estimate)
                .map_err(|estimate| PromptError::OverBudget { estimate, budget })?
        }
    };
    let shared = sections::shared_message(&shared, &task);
    let estimated_tokens = estimate_tokens(&system) + estimate_tokens(&shared) + tail + overhead;
    let request = Request {
        messages: vec![
            Message::system(system),
            Message::user(shared),
            Message::user(part.into_text()),
        ],
        output,
        ..Request::default()
    }
    .with_task(task);
    Ok(Prompt {
        request,
        estimated_tokens,
        trimmed,
    })
}

/// Tokens the provider is sent for the output's schema (zero when it is in the prompt).
fn schema_tokens(output: &Output) -> usize {
    match output {
        Output::JsonSchema { schema, .. } => estimate_tokens(&schema.to_string()),
        Output::Text | Output::Json => 0,
    }
}

/// The largest part-specific tail of any call of the generation this task belongs to that
/// is known now: the whole program's, the outline's and, for a week, every week's of its
/// outline (this call's among them). Fitting the shared message against it rather than this
/// call's own tail gives every call of the generation the same shared message.
fn largest_tail(task: &Task, style: &SchemaStyle) -> Result<usize, LlmError> {
    // The format and the schema depend on the kind of part only: price them once a kind.
    let fixed = |part: &Part| -> Result<usize, LlmError> {
        Ok(estimate_tokens(&sections::format_text(part, style)?)
            + schema_tokens(&sections::output(part, style)?))
    };
    let priced = |part: &Part| -> Result<usize, LlmError> {
        Ok(estimate_tokens(&sections::task_text(part)?) + fixed(part)?)
    };
    let mut largest = priced(&Part::Whole)?.max(priced(&Part::Skeleton)?);
    if let Part::Week { skeleton, .. } = &task.part {
        let mut week_fixed = None;
        for week in &skeleton.weeks {
            let part = Part::Week {
                number: week.number,
                skeleton: Arc::clone(skeleton),
            };
            let fixed = match week_fixed {
                Some(tokens) => tokens,
                None => *week_fixed.insert(fixed(&part)?),
            };
            largest = largest.max(estimate_tokens(&sections::task_text(&part)?) + fixed);
        }
    }
    Ok(largest)
}
