//! Validation of CatalogJSON and Logbook JSON text (`replog_catalog::Validator`), returning
//! Zod's `safeParse` shape: `{ success: true, issues, data? }` or `{ success: false, issues }`.

use napi::JsString;
use napi::bindgen_prelude::{
    Buffer, BufferSlice, Either, Env, Function, JsObjectValue, Object, Result, Unknown,
};
use napi_derive::napi;
use serde::Serialize;

use crate::error::misuse;
use crate::issue::issues;

/// JSON text: a string, or a `Buffer`/`Uint8Array` of UTF-8 (the fast path: no string copy).
pub(crate) type Text<'a> = Either<String, BufferSlice<'a>>;

/// JSON text to validate: a JavaScript string (kept as it is, so that a valid document's
/// `data` is V8's `JSON.parse` of it) or UTF-8 bytes. Declared in a module of its own and
/// named `Text` there, because napi names the TypeScript type after the alias: the same
/// `Text` (`string | Uint8Array`) as every other text argument.
mod source {
    use napi::JsString;
    use napi::bindgen_prelude::{BufferSlice, Either};

    /// A JavaScript string or UTF-8 bytes.
    pub(crate) type Text<'a> = Either<JsString<'a>, BufferSlice<'a>>;
}

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
        input: source::Text<'_>,
        options: Option<DataOption>,
    ) -> Result<Object<'env>> {
        let validator = &self.inner;
        checked(env, input, wants_data(options), |b| validator.issues(b))
    }

    /// Validates Logbook JSON text; `data: true` adds the logbook to a valid result.
    #[napi(ts_return_type = "LogbookSuccess | ValidationFailure")]
    pub fn validate_logbook<'env>(
        &self,
        env: &'env Env,
        input: source::Text<'_>,
        options: Option<DataOption>,
    ) -> Result<Object<'env>> {
        let validator = &self.inner;
        checked(env, input, wants_data(options), |b| {
            validator.logbook_issues(b)
        })
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
    input: source::Text<'_>,
    options: Option<ValidateOptions>,
) -> Result<Object<'env>> {
    let (validator, data) = from_options(options)?;
    checked(env, input, data, |b| validator.issues(b))
}

/// Validates Logbook JSON text (`spec/logbook-json.md`): `{ success, issues, data? }`.
#[napi(ts_return_type = "LogbookSuccess | ValidationFailure")]
pub fn validate_logbook<'env>(
    env: &'env Env,
    input: source::Text<'_>,
    options: Option<ValidateOptions>,
) -> Result<Object<'env>> {
    let (validator, data) = from_options(options)?;
    checked(env, input, data, |b| validator.logbook_issues(b))
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

/// `{ success, issues, data? }`: the issues from one checking pass (no document built), and
/// for a valid document requested as data, `JSON.parse` of its text: the document as written.
/// A valid document has no unknown or duplicated member and nothing the crate rewrites, so
/// this is the crate's document up to the defaults the text spells out (`is_loop: false`,
/// an empty list), which `parseCatalog` omits; `tests/validate.test.mjs` checks that the two
/// build the same typed document. Building the objects with V8's parser is what keeps `data`
/// close to `JSON.parse` + a JavaScript validator in cost.
fn checked<'env>(
    env: &'env Env,
    input: source::Text<'_>,
    data: bool,
    issues_of: impl FnOnce(&[u8]) -> Vec<replog_core::Issue>,
) -> Result<Object<'env>> {
    let (string, utf8, buffer) = match input {
        Either::A(string) => (Some(string), Some(string.into_utf8()?), None),
        Either::B(buffer) => (None, None, Some(buffer)),
    };
    let bytes: &[u8] = match (&utf8, &buffer) {
        (Some(utf8), _) => utf8.as_slice(),
        (None, Some(buffer)) => buffer,
        (None, None) => &[],
    };
    let list = issues_of(bytes);
    let success = !list.iter().any(replog_core::Issue::is_error);
    let mut object = Object::new(env)?;
    object.set("success", success)?;
    object.set("issues", issues(&list))?;
    if data && success {
        let text = match (string, bytes.strip_prefix(b"\xEF\xBB\xBF")) {
            (Some(string), None) => string,
            // Bytes, or a string with a byte order mark JSON.parse would refuse.
            (_, stripped) => {
                let stripped = stripped.unwrap_or(bytes);
                let text = std::str::from_utf8(stripped)
                    .map_err(|e| napi::Error::from_reason(e.to_string()))?;
                env.create_string(text)?
            }
        };
        object.set("data", json_parse(env, text)?)?;
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
        .parse(bytes(&input))
        .map_err(|e| napi::Error::new(napi::Status::InvalidArg, e.to_string()))?;
    to_js(env, &document)
}

/// The logbook the crate builds from Logbook JSON text; throws with every issue when it is
/// not valid.
#[napi(ts_return_type = "Logbook")]
pub fn parse_logbook<'env>(env: &'env Env, input: Text<'_>) -> Result<Unknown<'env>> {
    let logbook = replog_catalog::Validator::new()
        .parse_logbook(bytes(&input))
        .map_err(|e| napi::Error::new(napi::Status::InvalidArg, e.to_string()))?;
    to_js(env, &logbook)
}

/// A document as a JavaScript value: its JSON text handed to V8's `JSON.parse` in one call,
/// which builds the objects several times faster than one N-API call per member would.
fn to_js<'env, T: Serialize>(env: &'env Env, value: &T) -> Result<Unknown<'env>> {
    let text = serde_json::to_string(value).map_err(|e| napi::Error::from_reason(e.to_string()))?;
    json_parse(env, env.create_string(&text)?)
}
