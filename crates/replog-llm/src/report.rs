//! The LLM report writer (reference/003): the model writes only the words of a v2 report
//! (headline, celebration, action) through a structured call with a small strict schema.
//! It is shown the computed numbers, and the payload's numbers come from them, never from
//! its answer: an answer with anything beyond the words (a "corrected" volume, say) is not
//! the schema's and is refused. Any failure falls back to the deterministic writer, and the
//! result says so.

use replog_core::report::{ReportNumbers, ReportV2, ReportWords, WrittenBy, deterministic_words};

use crate::provider::{Provider, Request, Usage};
use crate::structured::{StructuredError, ask, request_for};

/// The schema's name in the request.
pub const WORDS_SCHEMA: &str = "report_words";

const SYSTEM: &str = "You write the words of an athlete's training report: a headline, a \
celebration of the period's personal records, and one action for the next period. The \
numbers are computed and shown to you; they are final. Use only numbers that appear in them, \
and never work out new ones. The headline has at most 160 characters; the celebration, \
directive and explanation at most 600 each. Write a celebration only when `metrics.prs` is \
not empty; otherwise set it to null. Plain text only: no Markdown, no HTML.";

/// A report and how its words were written.
#[derive(Debug)]
pub struct WrittenReport {
    /// The v2 report: numbers from the metrics, words from the model or the rules.
    pub report: ReportV2,
    /// Why the model's words were not used, when they were not.
    pub fallback: Option<StructuredError>,
    /// Tokens spent.
    pub usage: Usage,
}

/// The request the writer sends for `numbers`: the system instructions, the numbers as
/// JSON, and the words' strict schema.
///
/// # Errors
///
/// When the schema cannot be made in the strict dialect (a change to the words type would
/// have to break it).
pub fn words_request(numbers: &ReportNumbers) -> Result<Request, StructuredError> {
    let numbers = serde_json::to_string(numbers).map_err(replog_core::CoreError::from)?;
    let user = format!("The report's numbers (JSON):\n{numbers}\n\nWrite the words.");
    Ok(request_for::<ReportWords>(WORDS_SCHEMA, SYSTEM, user)?.with_temperature(0.7))
}

/// Writes the report of `numbers` with `provider`; on any failure (the call, an answer that
/// is not exactly the words, words that break their limits) the deterministic writer's
/// words are used and [`WrittenReport::fallback`] says why. The numbers are `numbers`,
/// always.
pub async fn write_report<P: Provider + ?Sized>(
    provider: &P,
    numbers: ReportNumbers,
) -> WrittenReport {
    match model_words(provider, &numbers).await {
        Ok((words, model, usage)) => WrittenReport {
            report: ReportV2::new(
                numbers,
                words,
                WrittenBy::Model {
                    provider: provider.name().to_owned(),
                    model,
                },
            ),
            fallback: None,
            usage,
        },
        Err(error) => {
            let words = deterministic_words(&numbers);
            let written_by = WrittenBy::Rules {
                fallback: Some(error.to_string()),
            };
            WrittenReport {
                report: ReportV2::new(numbers, words, written_by),
                usage: error.usage(),
                fallback: Some(error),
            }
        }
    }
}

async fn model_words<P: Provider + ?Sized>(
    provider: &P,
    numbers: &ReportNumbers,
) -> Result<(ReportWords, String, Usage), StructuredError> {
    let request = words_request(numbers)?;
    let (mut words, response): (ReportWords, _) = ask(provider, &request).await?;
    if words.celebration.is_none() && numbers.has_pr() {
        // A PR deserves its celebration even when the model forgot it.
        words.celebration = deterministic_words(numbers).celebration;
    }
    words.check().map_err(|source| StructuredError::Words {
        source,
        usage: response.usage,
    })?;
    Ok((words, response.model, response.usage))
}
