//! Progress reports (`replog_core::report`, `replog_llm::report`): the week's or month's
//! numbers with words from the rules, or from the configured LLM (the rules' words when it
//! fails), as the v2 payload, Markdown and HTML.

use napi::bindgen_prelude::{Env, PromiseRaw, Result};
use napi_derive::napi;
use replog_core::ContextOptions;
use replog_core::metrics::{Period, PeriodKind};
use replog_core::report::{ReportNumbers, ReportPayload, ReportV2, WrittenBy, deterministic_words};

use crate::documents::{self, to_json};
use crate::error::misuse;
use crate::generate::TokenUsage;
use crate::settings::{LlmOptions, provider_config};
use crate::validate::Text;

/// Options of the report functions.
#[napi(object, object_to_js = false)]
pub struct ReportOptions {
    /// `week` (default) or `month`: the period containing `asOf`.
    #[napi(ts_type = "'week' | 'month'")]
    pub period: Option<String>,
    /// The day the report is for (`YYYY-MM-DD`); the logbook's own day by default.
    pub as_of: Option<String>,
    /// The LLM settings (`writeReport` only).
    pub llm: Option<LlmOptions>,
}

/// A report: the payload (`version: 2`), its Markdown and its HTML.
#[napi(object, object_from_js = false)]
pub struct Report {
    /// The v2 payload: the numbers, the words, who wrote them.
    #[napi(ts_type = "Record<string, any>")]
    pub payload: serde_json::Value,
    /// The report as Markdown.
    pub markdown: String,
    /// The report as HTML.
    pub html: String,
    /// Why the model's words were not used, when `writeReport` fell back to the rules.
    pub fallback: Option<String>,
    /// Tokens spent (`writeReport`).
    pub usage: Option<TokenUsage>,
}

fn numbers(logbook: &Text<'_>, options: Option<&ReportOptions>) -> Result<ReportNumbers> {
    let logbook = documents::logbook(logbook, "logbook")?;
    let kind: PeriodKind = match options.and_then(|o| o.period.as_deref()) {
        Some(name) => documents::named(name, "options.period")?,
        None => PeriodKind::Week,
    };
    let as_of = match options.and_then(|o| o.as_of.as_deref()) {
        Some(text) => documents::date(text, "options.asOf")?,
        None => logbook
            .as_of()
            .ok_or_else(|| misuse("the logbook has no dates: give options.asOf"))?,
    };
    let context = ContextOptions::default().with_as_of(as_of);
    Ok(ReportNumbers::compute(
        &logbook,
        &Period::of(kind, as_of),
        &context,
    ))
}

fn report(v2: ReportV2, fallback: Option<String>, usage: Option<TokenUsage>) -> Result<Report> {
    let payload = ReportPayload::from(v2);
    Ok(Report {
        payload: to_json(&payload)?,
        markdown: payload.to_markdown(),
        html: payload.to_html(),
        fallback,
        usage,
    })
}

/// The report of a Logbook JSON text with the rules' words (no LLM).
#[napi]
pub fn build_report(logbook: Text<'_>, options: Option<ReportOptions>) -> Result<Report> {
    let numbers = numbers(&logbook, options.as_ref())?;
    let words = deterministic_words(&numbers);
    report(
        ReportV2::new(numbers, words, WrittenBy::rules()),
        None,
        None,
    )
}

/// The report with words from the configured LLM (the rules' words, and `fallback` saying
/// why, when it fails).
#[napi(ts_return_type = "Promise<Report>")]
pub fn write_report<'env>(
    env: &'env Env,
    logbook: Text<'_>,
    options: Option<ReportOptions>,
) -> Result<PromiseRaw<'env, Report>> {
    let numbers = numbers(&logbook, options.as_ref())?;
    let config = provider_config(options.as_ref().and_then(|o| o.llm.as_ref()))?;
    let provider =
        replog_llm::build_provider(&config).map_err(|e| misuse(format!("options.llm: {e}")))?;
    env.spawn_future(async move {
        let written = replog_llm::report::write_report(&*provider, numbers).await;
        report(
            written.report,
            written.fallback.map(|e| e.to_string()),
            Some(TokenUsage::from(&written.usage)),
        )
    })
}
