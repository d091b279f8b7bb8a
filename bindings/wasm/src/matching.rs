//! `matchExercises`: exercise names resolved against a host catalog by the crate's matcher.

use replog_catalog::Matcher;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::convert::{strings, to_js};
use crate::options::host_catalog;

/// Matches each name against the exercises of `catalog` (a CatalogJSON document): one
/// `NameMatch` per name, in input order (`kind` exact, alias, suggested or new).
#[wasm_bindgen(js_name = matchExercises, unchecked_return_type = "NameMatch[]")]
pub fn match_exercises(
    #[wasm_bindgen(unchecked_param_type = "string[]")] names: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] catalog: JsValue,
) -> Result<JsValue, JsValue> {
    let names = strings(&names, "names")?;
    let catalog = host_catalog(&catalog, "catalog")?;
    let matcher = Matcher::from_catalog(&catalog);
    let matches: Vec<_> = names.iter().map(|name| matcher.match_name(name)).collect();
    to_js(&matches)
}
