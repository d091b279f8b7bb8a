//! JSON Schemas of the documents in each dialect (`replog_core::schema`) and their TypeScript
//! text, as plain JavaScript values.

use napi::bindgen_prelude::Result;
use napi_derive::napi;
use replog_core::schema::{self, Dialect};

use crate::error::misuse;

fn dialect(name: Option<String>) -> Result<Dialect> {
    match name.as_deref() {
        None => Ok(Dialect::Draft202012),
        Some(name) => Dialect::from_name(name).ok_or_else(|| {
            misuse(format!(
                "dialect must be 'draft2020-12' or 'openai-strict', found {name:?}"
            ))
        }),
    }
}

fn core(error: replog_core::CoreError) -> napi::Error {
    napi::Error::from_reason(error.to_string())
}

/// The JSON Schema of a CatalogJSON v1 document in a dialect (`draft2020-12` by default, or
/// `openai-strict` for OpenAI structured outputs).
#[napi(
    ts_args_type = "dialect?: SchemaDialect",
    ts_return_type = "Record<string, unknown>"
)]
pub fn catalog_schema(dialect_name: Option<String>) -> Result<serde_json::Value> {
    schema::catalog_schema(dialect(dialect_name)?).map_err(core)
}

/// The JSON Schema of the LLM output envelope `{ reasoning, catalog }` in a dialect.
#[napi(
    ts_args_type = "dialect?: SchemaDialect",
    ts_return_type = "Record<string, unknown>"
)]
pub fn envelope_schema(dialect_name: Option<String>) -> Result<serde_json::Value> {
    schema::envelope_schema(dialect(dialect_name)?).map_err(core)
}

/// The JSON Schema (draft 2020-12) of a Logbook JSON v1 document.
#[napi(ts_return_type = "Record<string, unknown>")]
pub fn logbook_schema() -> serde_json::Value {
    schema::logbook_schema()
}

/// The CatalogJSON types as compact TypeScript (`interface Catalog { ... }`), as prompts
/// carry them and as this package's `index.d.ts` declares them.
#[napi]
pub fn catalog_typescript() -> String {
    schema::catalog_typescript()
}

/// The Logbook JSON types as compact TypeScript (`interface Logbook { ... }`).
#[napi]
pub fn logbook_typescript() -> String {
    schema::render_typescript(&schema::logbook_schema())
}
