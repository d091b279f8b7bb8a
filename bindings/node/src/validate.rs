//! Validation of CatalogJSON and Logbook JSON text (`replog_catalog::Validator`), returning
//! Zod's `safeParse` shape: `{ success: true, issues, data? }` or `{ success: false, issues }`.

use napi::bindgen_prelude::{
    Buffer, BufferSlice, Either, Env, Function, JsObjectValue, Object, Result, Unknown,
};
use napi_derive::napi;
use replog_catalog::{Root, Validation};
use serde::Serialize;

use crate::error::misuse;
use crate::issue::issues;

/// JSON text: a string, or a `Buffer`/`Uint8Array` of UTF-8 (the fast path: no string copy).
pub(crate) type Text<'a> = Either<String, BufferSlice<'a>>;

/// The bytes of [`Text`].
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
    /// Whether a valid result carries the document as `data` (a JavaScript object). Off by
    /// default: the verdict alone is the fast path.
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
        let bytes: &[u8] = match text {
            Either::A(string) => string.as_bytes(),
            Either::B(buffer) => buffer,
        };
        let catalog = replog_catalog::parse(bytes)
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
        catalog_result(env, &self.inner, bytes(&input), wants_data(options))
    }

    /// Validates Logbook JSON text; `data: true` adds the logbook to a valid result.
    #[napi(ts_return_type = "LogbookSuccess | ValidationFailure")]
    pub fn validate_logbook<'env>(
        &self,
        env: &'env Env,
        input: Text<'_>,
        options: Option<DataOption>,
    ) -> Result<Object<'env>> {
        logbook_result(env, &self.inner, bytes(&input), wants_data(options))
    }

    /// Whether CatalogJSON text is valid, stopping at the first error.
    #[napi]
    pub fn is_valid(&self, input: Text<'_>) -> bool {
        self.inner.is_valid(bytes(&input))
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
    /// The document, when requested.
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
    /// The logbook, when requested.
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
    /// Whether a valid result carries the document as `data`.
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
    catalog_result(env, &validator, bytes(&input), data)
}

/// Validates Logbook JSON text (`spec/logbook-json.md`): `{ success, issues, data? }`.
#[napi(ts_return_type = "LogbookSuccess | ValidationFailure")]
pub fn validate_logbook<'env>(
    env: &'env Env,
    input: Text<'_>,
    options: Option<ValidateOptions>,
) -> Result<Object<'env>> {
    let (validator, data) = from_options(options)?;
    logbook_result(env, &validator, bytes(&input), data)
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

fn catalog_result<'env>(
    env: &'env Env,
    validator: &replog_catalog::Validator,
    input: &[u8],
    data: bool,
) -> Result<Object<'env>> {
    if data {
        result(env, validator.validate(input))
    } else {
        verdict(env, &validator.issues(input))
    }
}

fn logbook_result<'env>(
    env: &'env Env,
    validator: &replog_catalog::Validator,
    input: &[u8],
    data: bool,
) -> Result<Object<'env>> {
    if data {
        result(env, validator.validate_logbook(input))
    } else {
        verdict(env, &validator.logbook_issues(input))
    }
}

/// `{ success, issues }` from the issues alone.
fn verdict<'env>(env: &'env Env, list: &[replog_core::Issue]) -> Result<Object<'env>> {
    let mut object = Object::new(env)?;
    object.set("success", !list.iter().any(replog_core::Issue::is_error))?;
    object.set("issues", issues(list))?;
    Ok(object)
}

/// `{ success, issues, data }` from a validation that built the document.
fn result<'env, T: Root + Serialize>(
    env: &'env Env,
    validation: Validation<T>,
) -> Result<Object<'env>> {
    let (document, list) = validation.into_parts();
    let mut object = Object::new(env)?;
    object.set("success", document.is_some())?;
    object.set("issues", issues(&list))?;
    if let Some(document) = document {
        object.set("data", to_js(env, &document)?)?;
    }
    Ok(object)
}

/// A document as a JavaScript value: its JSON text handed to V8's `JSON.parse` in one call,
/// which builds the objects several times faster than one N-API call per member would.
fn to_js<'env, T: Serialize>(env: &'env Env, value: &T) -> Result<Unknown<'env>> {
    let text = serde_json::to_string(value).map_err(|e| napi::Error::from_reason(e.to_string()))?;
    let json: Object<'_> = env.get_global()?.get_named_property("JSON")?;
    let parse: Function<'_, String, Unknown<'_>> = json.get_named_property("parse")?;
    parse.call(text)
}
