//! Options objects: their members read with clear errors, and the host catalog they name.

use replog_catalog::{CatalogError, Validator};
use replog_core::Catalog;
use wasm_bindgen::JsValue;

use crate::convert::{self, Document};
use crate::error::{self, ErrorCode};

/// An options argument: absent, `undefined` and `null` mean no options.
pub(crate) struct Options(Option<JsValue>);

impl Options {
    /// Wraps an optional options argument.
    pub(crate) fn new(options: Option<JsValue>) -> Result<Self, JsValue> {
        match options {
            Some(value) if value.is_object() => Ok(Self(Some(value))),
            Some(value) if value.is_undefined() || value.is_null() => Ok(Self(None)),
            Some(_) => Err(error::new(
                ErrorCode::InvalidArgument,
                "options must be an object",
            )),
            None => Ok(Self(None)),
        }
    }

    /// A member, `None` when absent, `undefined` or `null`.
    pub(crate) fn get(&self, key: &str) -> Option<JsValue> {
        let object = self.0.as_ref()?;
        let value = js_sys::Reflect::get(object, &JsValue::from_str(key)).ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(value)
    }

    /// The host catalog of `options.catalog`.
    pub(crate) fn catalog(&self) -> Result<Option<Catalog>, JsValue> {
        self.get("catalog")
            .map(|value| host_catalog(&value, "options.catalog"))
            .transpose()
    }

    /// A list of strings member.
    pub(crate) fn strings(&self, key: &str) -> Result<Option<Vec<String>>, JsValue> {
        self.get(key)
            .map(|value| convert::strings(&value, &format!("options.{key}")))
            .transpose()
    }

    /// A string member.
    pub(crate) fn string(&self, key: &str) -> Result<Option<String>, JsValue> {
        self.get(key)
            .map(|value| {
                value.as_string().ok_or_else(|| {
                    error::new(
                        ErrorCode::InvalidArgument,
                        &format!("options.{key} must be a string"),
                    )
                })
            })
            .transpose()
    }

    /// A validator against `options.catalog` and, when `equipment` is true,
    /// `options.equipment`.
    pub(crate) fn validator(
        &self,
        equipment: bool,
    ) -> Result<(Validator, Option<Catalog>), JsValue> {
        let host = self.catalog()?;
        let mut validator = Validator::new();
        if let Some(host) = &host {
            validator = validator.with_catalog(host);
        }
        if equipment {
            if let Some(list) = self.strings("equipment")? {
                validator = validator.with_equipment(list);
            }
        }
        Ok((validator, host))
    }
}

/// A host catalog: a valid CatalogJSON document, as text or a plain value. An invalid one is
/// the caller's configuration error, thrown with its issues.
pub(crate) fn host_catalog(value: &JsValue, what: &str) -> Result<Catalog, JsValue> {
    let document = Document::read(value, what)?;
    replog_catalog::parse(&document.bytes).map_err(|failure| match failure {
        CatalogError::Invalid(invalid) => error::with_issues(
            ErrorCode::InvalidCatalog,
            &format!("{what} is not a valid CatalogJSON document: {invalid}"),
            &invalid.issues,
        ),
        other => error::new(ErrorCode::InvalidCatalog, &format!("{what}: {other}")),
    })
}
