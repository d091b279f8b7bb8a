//! `validateCatalog` and `validateLogbook`: the verdicts of `replog_catalog::Validator`.

use replog_core::Issue;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::convert::{Document, issues_to_js};
use crate::options::Options;
use crate::pending::{self, Pending};

/// Validates a CatalogJSON document (JSON text or a plain value) against `options.catalog`
/// (the host's existing exercises) and `options.equipment`: `{ success: true, data, issues }`
/// with the warnings, or `{ success: false, issues }` with every issue in document order.
/// `data` is built when first read (see [`crate::pending`]).
#[wasm_bindgen(js_name = validateCatalog, unchecked_return_type = "Result<Catalog>")]
pub fn validate_catalog(
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    pending::forget();
    let kept = options.clone().unwrap_or(JsValue::UNDEFINED);
    let (validator, _) = Options::new(options)?.validator(true)?;
    let document = Document::read(&input, "input")?;
    let (document, issues) = validator.validate(&document.bytes).into_parts();
    outcome(document, &issues, &input, &kept)
}

/// Validates a Logbook JSON document against `options.catalog`: the same result shape as
/// [`validate_catalog`].
#[wasm_bindgen(js_name = validateLogbook, unchecked_return_type = "Result<Logbook>")]
pub fn validate_logbook(
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LogbookOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    pending::forget();
    let kept = options.clone().unwrap_or(JsValue::UNDEFINED);
    let (validator, _) = Options::new(options)?.validator(false)?;
    let document = Document::read(&input, "input")?;
    let (document, issues) = validator.validate_logbook(&document.bytes).into_parts();
    outcome(document, &issues, &input, &kept)
}

/// `{ success, data?, issues }` for a document (built only when it has no error) and its
/// issues. `data` is the typed document as the validator built it: the same value the Rust,
/// Python and Node packages give.
fn outcome<T: Into<Pending>>(
    document: Option<T>,
    issues: &[Issue],
    input: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    let issues = issues_to_js(issues)?;
    Ok(match document {
        Some(document) => pending::lazy_result(document.into(), &issues, input, options),
        None => result(None, &issues),
    })
}

/// The result object `{ success, data, issues }`, `data` present exactly when it succeeded.
pub(crate) fn result(data: Option<JsValue>, issues: &JsValue) -> JsValue {
    match &data {
        Some(data) => plain_result(true, data, issues),
        None => plain_result(false, &JsValue::UNDEFINED, issues),
    }
}

// One call across the boundary builds the object: member by member (`Reflect.set`, each key
// a string decoded from the module's memory) cost more than validating a small document.
#[wasm_bindgen(inline_js = r#"
export function plainResult(success, data, issues) {
  return success ? { success, data, issues } : { success, issues };
}
"#)]
extern "C" {
    /// `{ success: true, data, issues }`, or `{ success: false, issues }` (no `data` member).
    #[wasm_bindgen(js_name = plainResult)]
    fn plain_result(success: bool, data: &JsValue, issues: &JsValue) -> JsValue;
}
