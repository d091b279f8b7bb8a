//! Reading the documents a call is given (Logbook JSON, CatalogJSON, dates, names of enums):
//! a document that does not validate is misuse here and throws, naming the argument and the
//! issues (validate first with `validateCatalog`/`validateLogbook` to get them as data).

use napi::bindgen_prelude::Result;
use replog_catalog::Validator;
use replog_core::{Catalog, Date, ExerciseIndex, Logbook};
use serde::de::DeserializeOwned;

use crate::error::misuse;
use crate::validate::{Text, bytes};

/// A valid logbook, or a thrown error naming `what`.
pub(crate) fn logbook(text: &Text<'_>, what: &str) -> Result<Logbook> {
    let validator = Validator::new();
    validator
        .validate_logbook(bytes(text))
        .into_result()
        .map_err(|e| misuse(format!("{what}: {e}")))
}

/// A valid CatalogJSON document, or a thrown error naming `what`.
pub(crate) fn catalog(text: &Text<'_>, what: &str) -> Result<Catalog> {
    let validator = Validator::new();
    validator
        .validate(bytes(text))
        .into_result()
        .map_err(|e| misuse(format!("{what}: {e}")))
}

/// Every catalog of a list, each error naming its index.
pub(crate) fn catalogs(texts: Option<&[Text<'_>]>, what: &str) -> Result<Vec<Catalog>> {
    texts
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(n, text)| catalog(text, &format!("{what}[{n}]")))
        .collect()
}

/// The exercises of the catalogs as one index.
pub(crate) fn index(catalogs: &[Catalog]) -> ExerciseIndex {
    let mut index = ExerciseIndex::new();
    for catalog in catalogs {
        index.extend(&catalog.exercises);
    }
    index
}

/// A `YYYY-MM-DD` date.
pub(crate) fn date(text: &str, what: &str) -> Result<Date> {
    replog_core::parse_date(text)
        .map_err(|problem| misuse(format!("{what} {problem}, found {text:?}")))
}

/// A value of a serde enum from its name (`"kg"`, `"strong"`, ...).
pub(crate) fn named<T: DeserializeOwned>(name: &str, what: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .map_err(|e| misuse(format!("{what}: {e}")))
}

/// A JavaScript value (plain JSON data) as a crate type.
pub(crate) fn from_json<T: DeserializeOwned>(value: serde_json::Value, what: &str) -> Result<T> {
    serde_json::from_value(value).map_err(|e| misuse(format!("{what}: {e}")))
}

/// A crate value as JSON for JavaScript.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| napi::Error::from_reason(e.to_string()))
}
