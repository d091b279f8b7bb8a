//! The athlete context, period metrics and lints (`replog_core::{build_context, metrics,
//! lint}`): one function each, documents in, plain objects out.

use napi::bindgen_prelude::Result;
use napi_derive::napi;
use replog_core::ContextOptions;
use replog_core::lint::{LintOptions, lint_catalog};
use replog_core::metrics::{Period, PeriodKind, period_metrics};

use crate::documents::{self, to_json};
use crate::issue::{Issue, issues};
use crate::validate::Text;

/// Options of `buildContext` and `periodMetrics`.
#[napi(object, object_to_js = false)]
pub struct ContextCallOptions<'a> {
    /// CatalogJSON texts of the host's exercises: names are grouped through them and the
    /// context's catalog is them filtered to the athlete's equipment.
    pub catalogs: Option<Vec<Text<'a>>>,
    /// The day described (`YYYY-MM-DD`); the logbook's own by default.
    pub as_of: Option<String>,
}

fn with<T>(
    options: Option<&ContextCallOptions<'_>>,
    run: impl FnOnce(&ContextOptions<'_>) -> Result<T>,
) -> Result<T> {
    let catalogs = documents::catalogs(
        options.and_then(|o| o.catalogs.as_deref()),
        "options.catalogs",
    )?;
    let index = documents::index(&catalogs);
    let mut context = ContextOptions::default();
    if !index.is_empty() {
        context = context.with_catalog(&index);
    }
    if let Some(as_of) = options.and_then(|o| o.as_of.as_deref()) {
        context = context.with_as_of(documents::date(as_of, "options.asOf")?);
    }
    run(&context)
}

/// The athlete context (`AthleteContext`) of a Logbook JSON text: the compact, deterministic
/// briefing a prompt carries. Throws when the logbook is not valid.
#[napi(ts_return_type = "AthleteContext")]
pub fn build_context(
    logbook: Text<'_>,
    options: Option<ContextCallOptions<'_>>,
) -> Result<serde_json::Value> {
    let logbook = documents::logbook(&logbook, "logbook")?;
    with(options.as_ref(), |context| {
        to_json(&replog_core::build_context(&logbook, context))
    })
}

/// The metrics of the week or month containing `asOf` (volume, sessions, e1RM changes).
#[napi(js_name = "periodMetrics", ts_return_type = "Record<string, any>")]
pub fn period_metrics_of(
    logbook: Text<'_>,
    #[napi(ts_arg_type = "'week' | 'month'")] period: String,
    options: Option<ContextCallOptions<'_>>,
) -> Result<serde_json::Value> {
    let logbook = documents::logbook(&logbook, "logbook")?;
    let kind: PeriodKind = documents::named(&period, "period")?;
    with(options.as_ref(), |context| {
        let day = context
            .as_of
            .or_else(|| logbook.as_of())
            .ok_or_else(|| crate::error::misuse("the logbook has no dates: give options.asOf"))?;
        to_json(&period_metrics(&logbook, &Period::of(kind, day), context))
    })
}

/// Options of `lintCatalog`.
#[napi(object, object_to_js = false)]
pub struct LintCallOptions<'a> {
    /// The athlete's Logbook JSON text (birth date, `as_of`), for the youth rules.
    pub athlete: Option<Text<'a>>,
    /// CatalogJSON texts of the host's exercises (muscles and categories of names the
    /// document does not define).
    pub catalogs: Option<Vec<Text<'a>>>,
}

/// The training-science warnings (`lint.*`) of a valid CatalogJSON document's programs.
#[napi(js_name = "lintCatalog")]
pub fn lint_catalog_text(
    document: Text<'_>,
    options: Option<LintCallOptions<'_>>,
) -> Result<Vec<Issue>> {
    let document = documents::catalog(&document, "document")?;
    let athlete = match options.as_ref().and_then(|o| o.athlete.as_ref()) {
        Some(text) => Some(documents::logbook(text, "options.athlete")?),
        None => None,
    };
    let catalogs = documents::catalogs(
        options.as_ref().and_then(|o| o.catalogs.as_deref()),
        "options.catalogs",
    )?;
    let index = documents::index(&catalogs);
    let mut lint = LintOptions::new().exercises(&index);
    if let Some(athlete) = &athlete {
        lint = lint.logbook(athlete);
    }
    Ok(issues(&lint_catalog(&document, &lint)))
}
