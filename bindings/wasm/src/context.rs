//! `buildContext`: the athlete context of a logbook (`replog_core::build_context`).

use replog_core::ExerciseIndex;
use replog_core::context::{ContextOptions, build_context as core_build_context};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::convert::{Document, issues_to_js, to_js};
use crate::error::{self, ErrorCode};
use crate::options::Options;
use crate::validate::result;

/// Validates a Logbook JSON document against `options.catalog` and builds its athlete
/// context (as of `options.asOf`, `YYYY-MM-DD`, default the logbook's own day): `{ success:
/// true, data: AthleteContext, issues }` or `{ success: false, issues }`.
#[wasm_bindgen(js_name = buildContext, unchecked_return_type = "Result<AthleteContext>")]
pub fn build_context(
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] logbook: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ContextOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = Options::new(options)?;
    let as_of = match options.string("asOf")? {
        Some(text) => Some(replog_core::parse_date(&text).map_err(|failure| {
            error::new(
                ErrorCode::InvalidArgument,
                &format!("options.asOf {failure}, found {text:?}"),
            )
        })?),
        None => None,
    };
    let (validator, host) = options.validator(false)?;
    let document = Document::read(&logbook, "logbook")?;
    let report = validator.validate_logbook(&document.bytes);
    let issues = issues_to_js(report.issues())?;
    let Some(logbook) = report.document().filter(|_| report.is_valid()) else {
        return Ok(result(None, &issues));
    };
    let index = host.as_ref().map(ExerciseIndex::from_catalog);
    let mut context = ContextOptions::default();
    if let Some(index) = index.as_ref().filter(|index| !index.is_empty()) {
        context = context.with_catalog(index);
    }
    if let Some(as_of) = as_of {
        context = context.with_as_of(as_of);
    }
    Ok(result(
        Some(to_js(&core_build_context(logbook, &context))?),
        &issues,
    ))
}
