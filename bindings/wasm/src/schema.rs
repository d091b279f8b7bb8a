//! `catalogJsonSchema`: the JSON Schema of CatalogJSON in a dialect.

use replog_core::schema::{Dialect, catalog_schema};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::convert::to_js;
use crate::error::{self, ErrorCode};

/// The JSON Schema of a CatalogJSON document: `"draft2020-12"` (the default) or
/// `"openai-strict"` (OpenAI structured outputs with `strict: true`).
#[wasm_bindgen(js_name = catalogJsonSchema, unchecked_return_type = "JsonSchema")]
pub fn catalog_json_schema(
    #[wasm_bindgen(unchecked_optional_param_type = "Dialect")] dialect: Option<String>,
) -> Result<JsValue, JsValue> {
    let name = dialect.as_deref().unwrap_or(Dialect::Draft202012.as_str());
    let dialect = Dialect::from_name(name).ok_or_else(|| {
        error::new(
            ErrorCode::InvalidArgument,
            &format!("unknown dialect {name:?}: expected \"draft2020-12\" or \"openai-strict\""),
        )
    })?;
    let schema = catalog_schema(dialect)
        .map_err(|failure| error::new(ErrorCode::Internal, &failure.to_string()))?;
    to_js(&schema)
}
