//! `catalogJsonSchema`: the JSON Schema of CatalogJSON in a dialect.
//!
//! The schemas are the crates' own (`replog_core::schema::catalog_schema`), rendered once
//! into `schema/*.json` and embedded as text, so the module links neither schemars nor the
//! dialect conversion (about a sixth of its code). `tests/schema.rs` keeps the files equal
//! to what the crates produce.

use replog_core::schema::Dialect;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::error::{self, ErrorCode};

/// The JSON Schema of a CatalogJSON document: `"draft2020-12"` (the default) or
/// `"openai-strict"` (OpenAI structured outputs with `strict: true`).
#[wasm_bindgen(js_name = catalogJsonSchema, unchecked_return_type = "JsonSchema")]
pub fn catalog_json_schema(
    #[wasm_bindgen(unchecked_optional_param_type = "Dialect")] dialect: Option<String>,
) -> Result<JsValue, JsValue> {
    let name = dialect.as_deref().unwrap_or(Dialect::Draft202012.as_str());
    let text = Dialect::from_name(name).and_then(text).ok_or_else(|| {
        error::new(
            ErrorCode::InvalidArgument,
            &format!("unknown dialect {name:?}: expected \"draft2020-12\" or \"openai-strict\""),
        )
    })?;
    js_sys::JSON::parse(text)
}

/// The embedded schema text of a dialect (`None` for a dialect the package does not ship).
fn text(dialect: Dialect) -> Option<&'static str> {
    match dialect {
        Dialect::Draft202012 => Some(include_str!("../schema/catalog.draft2020-12.json")),
        Dialect::OpenAiStrict => Some(include_str!("../schema/catalog.openai-strict.json")),
        _ => None,
    }
}
