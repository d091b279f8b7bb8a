//! Documents from elsewhere: app exports (Strong, Hevy, FitNotes, JEFIT CSV) as Logbook JSON
//! (`replog_catalog::apps`), and exercise databases and programs in other formats as
//! CatalogJSON (`replog_catalog::convert`).

use napi::bindgen_prelude::Result;
use napi_derive::napi;
use replog_catalog::apps::{AppFormat, ImportOptions, import_app_export};
use replog_catalog::convert::Source;

use crate::documents::{self, to_json};
use crate::error::misuse;
use crate::validate::{Text, bytes};

/// Options of `importAppExport`.
#[napi(object, object_to_js = false)]
pub struct AppImportOptions<'a> {
    /// The app; detected from the header when absent.
    #[napi(ts_type = "'strong' | 'hevy' | 'fitnotes' | 'jefit'")]
    pub format: Option<String>,
    /// The unit weights are in, for files whose header does not say.
    #[napi(ts_type = "'kg' | 'lb'")]
    pub unit: Option<String>,
    /// The athlete's name in the logbook (default `Athlete`).
    pub athlete: Option<String>,
    /// CatalogJSON texts to resolve exercise names against.
    pub catalogs: Option<Vec<Text<'a>>>,
}

/// Imports an app's CSV export: `{ format, logbook, report }` (the report counts rows, sets,
/// names resolved and warnings). Throws with the row and column when the file cannot be read.
#[napi(
    js_name = "importAppExport",
    ts_return_type = "{ format: string; logbook: Logbook; report: Record<string, any> }"
)]
pub fn import_app_export_text(
    text: Text<'_>,
    options: Option<AppImportOptions<'_>>,
) -> Result<serde_json::Value> {
    let options = options.as_ref();
    let format: Option<AppFormat> = match options.and_then(|o| o.format.as_deref()) {
        Some(name) => Some(documents::named(name, "options.format")?),
        None => None,
    };
    let unit = match options.and_then(|o| o.unit.as_deref()) {
        Some(name) => Some(documents::named(name, "options.unit")?),
        None => None,
    };
    let catalogs = documents::catalogs(
        options.and_then(|o| o.catalogs.as_deref()),
        "options.catalogs",
    )?;
    let index = documents::index(&catalogs);
    let mut import = ImportOptions {
        format,
        unit,
        catalog: (!index.is_empty()).then_some(&index),
        ..ImportOptions::default()
    };
    if let Some(athlete) = options.and_then(|o| o.athlete.clone()) {
        import.athlete = athlete;
    }
    let imported =
        import_app_export(bytes(&text), &import).map_err(|e| misuse(format!("text: {e}")))?;
    Ok(serde_json::json!({
        "format": imported.format,
        "logbook": to_json(&imported.logbook)?,
        "report": to_json(&imported.report)?,
    }))
}

/// Converts another format to CatalogJSON: `{ document, notes }` (notes say what was dropped
/// or assumed). Sources: `free-exercise-db`, `wger`, `exercemus`, `openweight`.
#[napi(ts_return_type = "{ document: Catalog; notes: Array<string> }")]
pub fn convert_catalog(
    #[napi(ts_arg_type = "'free-exercise-db' | 'wger' | 'exercemus' | 'openweight'")]
    source: String,
    text: String,
) -> Result<serde_json::Value> {
    let source: Source = source.parse().map_err(|e| misuse(format!("source: {e}")))?;
    let conversion = source
        .convert(&text)
        .map_err(|e| misuse(format!("text ({source}): {e}")))?;
    Ok(serde_json::json!({
        "document": to_json(&conversion.value)?,
        "notes": conversion.notes,
    }))
}
