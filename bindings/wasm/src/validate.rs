//! `validateCatalog` and `validateLogbook`: the verdicts of `replog_catalog::Validator`.

use replog_core::Issue;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::convert::{Document, to_js};
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
    let issues = to_js(issues)?;
    let Some(document) = document else {
        return result(None, &issues);
    };
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &"success".into(), &JsValue::TRUE)?;
    pending::define_data(&object, document.into(), input, options);
    js_sys::Reflect::set(&object, &"issues".into(), &issues)?;
    Ok(object.into())
}

/// The result object `{ success, data, issues }`, `data` present exactly when it succeeded.
pub(crate) fn result(data: Option<JsValue>, issues: &JsValue) -> Result<JsValue, JsValue> {
    let object = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&object, &key.into(), value);
    set("success", &JsValue::from_bool(data.is_some()))?;
    if let Some(data) = &data {
        set("data", data)?;
    }
    set("issues", issues)?;
    Ok(object.into())
}
