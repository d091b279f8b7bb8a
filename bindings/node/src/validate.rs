//! Validation of CatalogJSON and Logbook JSON text (`replog_catalog::Validator`), returning
//! Zod's `safeParse` shape: `{ success: true, issues, data? }` or `{ success: false, issues }`.

use napi::JsString;
use napi::bindgen_prelude::{
    Buffer, BufferSlice, Either, Env, Function, JsObjectValue, Object, Result, Unknown,
};
use napi_derive::napi;
use replog_core::{Catalog, Issue, Logbook};
use serde::Serialize;

use crate::error::misuse;
use crate::issue::issues;

/// JSON text: a string, or a `Buffer`/`Uint8Array` of UTF-8 (no string copy).
pub(crate) type Text<'a> = Either<String, BufferSlice<'a>>;

/// The bytes of [`Text`]. A string's go through the validator's byte path too: it checks
/// UTF-8 once for the whole text (about 1 % of a validation) and then parses as `&str`.
pub(crate) fn bytes<'a>(text: &'a Text<'_>) -> &'a [u8] {
    match text {
        Either::A(string) => string.as_bytes(),
        Either::B(buffer) => buffer,
    }
}

/// How a validator is configured: the host's catalog and the athlete's equipment.
#[napi(object, object_to_js = false)]
pub struct ValidatorOptions {
    /// CatalogJSON documents (text) whose exercises the host already has: references may
    /// resolve to them besides the document's own.
    pub catalogs: Option<Vec<Either<String, Buffer>>>,
    /// The equipment the athlete has: every prescribed exercise is checked against it
    /// (`equipment_unavailable`). CatalogJSON only.
    pub equipment: Option<Vec<String>>,
}

/// Per-call options of a validation.
#[napi(object, object_to_js = false)]
pub struct ValidateOptions {
    /// CatalogJSON documents (text) whose exercises the host already has.
    pub catalogs: Option<Vec<Either<String, Buffer>>>,
    /// The equipment the athlete has.
    pub equipment: Option<Vec<String>>,
    /// Whether a valid result carries the document as `data`: the crate's typed document
    /// (defaults it omits, numbers as the model holds them), as `parseCatalog` and
    /// `parseLogbook` return it. Off by default: the verdict alone is the fast path.
    pub data: Option<bool>,
}

/// Builds the crate's validator from options; a host catalog that is not valid CatalogJSON
/// is misuse and throws, naming the catalog and its issues.
pub(crate) fn build(
    catalogs: Option<&[Either<String, Buffer>]>,
    equipment: Option<&[String]>,
) -> Result<replog_catalog::Validator> {
    let mut validator = replog_catalog::Validator::new();
    for (n, text) in catalogs.unwrap_or_default().iter().enumerate() {
        let host = replog_catalog::Validator::new();
        let catalog = match text {
            Either::A(string) => host.validate_str(string),
            Either::B(buffer) => host.validate(buffer),
        }
        .into_result()
        .map_err(|error| misuse(format!("options.catalogs[{n}]: {error}")))?;
        validator = validator.with_catalog(&catalog);
    }
    if let Some(equipment) = equipment {
        validator = validator.with_equipment(equipment);
    }
    Ok(validator)
}

/// A validator configured once (host catalog, equipment) for many documents.
#[napi]
pub struct Validator {
    inner: replog_catalog::Validator,
}

#[napi]
impl Validator {
    /// A validator with the host's catalogs and the athlete's equipment; throws when a host
    /// catalog is not valid CatalogJSON.
    #[napi(constructor)]
    pub fn new(options: Option<ValidatorOptions>) -> Result<Self> {
        let options = options.unwrap_or(ValidatorOptions {
            catalogs: None,
            equipment: None,
        });
        Ok(Self {
            inner: build(options.catalogs.as_deref(), options.equipment.as_deref())?,
        })
    }

    /// Validates CatalogJSON text; `data: true` adds the document to a valid result.
    #[napi(ts_return_type = "CatalogSuccess | ValidationFailure")]
    pub fn validate_catalog<'env>(
        &self,
        env: &'env Env,
        input: Text<'_>,
        options: Option<DataOption>,
    ) -> Result<Object<'env>> {
        result(env, catalog(&self.inner, &input, wants_data(options)))
    }

    /// Validates Logbook JSON text; `data: true` adds the logbook to a valid result.
    #[napi(ts_return_type = "LogbookSuccess | ValidationFailure")]
    pub fn validate_logbook<'env>(
        &self,
        env: &'env Env,
        input: Text<'_>,
        options: Option<DataOption>,
    ) -> Result<Object<'env>> {
        result(env, logbook(&self.inner, &input, wants_data(options)))
    }

    /// Whether CatalogJSON text is valid, stopping at the first error.
    #[napi]
    pub fn is_valid(&self, input: Text<'_>) -> bool {
        let validator = &self.inner;
        validator.is_valid(bytes(&input))
    }
}

/// A valid CatalogJSON document: its warnings, and the document when `data: true` asked.
// Declares the TypeScript type; the value is built field by field (see `result`).
#[allow(dead_code)]
#[napi(object, object_from_js = false)]
pub struct CatalogSuccess {
    /// Always `true`.
    #[napi(ts_type = "true")]
    pub success: bool,
    /// Warnings only (a valid document has no error).
    pub issues: Vec<crate::issue::Issue>,
    /// The crate's typed document, when requested (`data: true`).
    #[napi(ts_type = "Catalog")]
    pub data: Option<serde_json::Value>,
}

/// A valid Logbook JSON document: its warnings, and the logbook when `data: true` asked.
// Declares the TypeScript type; the value is built field by field (see `result`).
#[allow(dead_code)]
#[napi(object, object_from_js = false)]
pub struct LogbookSuccess {
    /// Always `true`.
    #[napi(ts_type = "true")]
    pub success: bool,
    /// Warnings only (a logged name the catalog lacks, for one).
    pub issues: Vec<crate::issue::Issue>,
    /// The crate's typed logbook, when requested (`data: true`).
    #[napi(ts_type = "Logbook")]
    pub data: Option<serde_json::Value>,
}

/// An invalid document: every issue, errors and warnings, in document order.
// Declares the TypeScript type; the value is built field by field (see `result`).
#[allow(dead_code)]
#[napi(object, object_from_js = false)]
pub struct ValidationFailure {
    /// Always `false`.
    #[napi(ts_type = "false")]
    pub success: bool,
    /// Every issue, in document order.
    pub issues: Vec<crate::issue::Issue>,
}

/// Whether to return the document.
#[napi(object, object_to_js = false)]
pub struct DataOption {
    /// Whether a valid result carries the crate's typed document as `data`.
    pub data: Option<bool>,
}

fn wants_data(options: Option<DataOption>) -> bool {
    options.and_then(|o| o.data).unwrap_or(false)
}

/// Validates CatalogJSON text: `{ success, issues, data? }` (Zod's `safeParse` shape). Issues
/// that are only warnings leave `success` true. Throws only for bad options.
#[napi(ts_return_type = "CatalogSuccess | ValidationFailure")]
pub fn validate_catalog<'env>(
    env: &'env Env,
    input: Text<'_>,
    options: Option<ValidateOptions>,
) -> Result<Object<'env>> {
    let (validator, data) = from_options(options)?;
    result(env, catalog(&validator, &input, data))
}

/// Validates Logbook JSON text (`spec/logbook-json.md`): `{ success, issues, data? }`.
#[napi(ts_return_type = "LogbookSuccess | ValidationFailure")]
pub fn validate_logbook<'env>(
    env: &'env Env,
    input: Text<'_>,
    options: Option<ValidateOptions>,
) -> Result<Object<'env>> {
    let (validator, data) = from_options(options)?;
    result(env, logbook(&validator, &input, data))
}

fn from_options(options: Option<ValidateOptions>) -> Result<(replog_catalog::Validator, bool)> {
    match options {
        None => Ok((replog_catalog::Validator::new(), false)),
        Some(o) => Ok((
            build(o.catalogs.as_deref(), o.equipment.as_deref())?,
            o.data.unwrap_or(false),
        )),
    }
}

/// The issues of CatalogJSON text and, when `data` asks, the document the crate builds (only
/// when valid); without `data`, the check-only pass that builds nothing.
fn catalog(
    validator: &replog_catalog::Validator,
    input: &Text<'_>,
    data: bool,
) -> (Option<Catalog>, Vec<Issue>) {
    if data {
        validator.validate(bytes(input)).into_parts()
    } else {
        let list = validator.issues(bytes(input));
        (None, list)
    }
}

/// [`catalog`] for Logbook JSON.
fn logbook(
    validator: &replog_catalog::Validator,
    input: &Text<'_>,
    data: bool,
) -> (Option<Logbook>, Vec<Issue>) {
    if data {
        let validation = validator.validate_logbook(bytes(input));
        validation.into_parts()
    } else {
        let list = validator.logbook_issues(bytes(input));
        (None, list)
    }
}

/// `{ success, issues, data? }`: `data` is the crate's typed document (what Rust's
/// `Validation::document()` holds, as the Python and wasm packages give it), with its
/// defaults and numbers as the model has them, not `JSON.parse` of the input.
fn result<'env, T: Serialize>(
    env: &'env Env,
    (document, list): (Option<T>, Vec<Issue>),
) -> Result<Object<'env>> {
    let success = !list.iter().any(Issue::is_error);
    let mut object = Object::new(env)?;
    object.set("success", success)?;
    object.set("issues", issues(&list))?;
    if let Some(document) = document.filter(|_| success) {
        object.set("data", to_js(env, &document)?)?;
    }
    Ok(object)
}

/// `JSON.parse(text)`.
fn json_parse<'env>(env: &'env Env, text: JsString<'_>) -> Result<Unknown<'env>> {
    let json: Object<'_> = env.get_global()?.get_named_property("JSON")?;
    let parse: Function<'_, JsString<'_>, Unknown<'env>> = json.get_named_property("parse")?;
    parse.call(text)
}

/// The CatalogJSON document the crate builds from the text (Zod's `parse`): throws with every
/// issue when the document is not valid.
#[napi(ts_return_type = "Catalog")]
pub fn parse_catalog<'env>(
    env: &'env Env,
    input: Text<'_>,
    options: Option<ValidatorOptions>,
) -> Result<Unknown<'env>> {
    let validator = match &options {
        Some(o) => build(o.catalogs.as_deref(), o.equipment.as_deref())?,
        None => replog_catalog::Validator::new(),
    };
    let document = validator
        .validate(bytes(&input))
        .into_result()
        .map_err(|e| napi::Error::new(napi::Status::InvalidArg, e.to_string()))?;
    to_js(env, &document)
}

/// The logbook the crate builds from Logbook JSON text; throws with every issue when it is
/// not valid.
#[napi(ts_return_type = "Logbook")]
pub fn parse_logbook<'env>(env: &'env Env, input: Text<'_>) -> Result<Unknown<'env>> {
    let validator = replog_catalog::Validator::new();
    let logbook = validator
        .validate_logbook(bytes(&input))
        .into_result()
        .map_err(|e| napi::Error::new(napi::Status::InvalidArg, e.to_string()))?;
    to_js(env, &logbook)
}

/// A document as a JavaScript value: its JSON text handed to V8's `JSON.parse` in one call,
/// which builds the objects several times faster than one N-API call per member would.
fn to_js<'env, T: Serialize>(env: &'env Env, value: &T) -> Result<Unknown<'env>> {
    let text = serde_json::to_string(value).map_err(|e| napi::Error::from_reason(e.to_string()))?;
    json_parse(env, env.create_string(&text)?)
}
