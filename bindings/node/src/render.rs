//! Readable renderings and the coach-edit diff (`replog_core::{render, diff}`).

use napi::bindgen_prelude::Result;
use napi_derive::napi;

use crate::documents::{self, to_json};
use crate::error::misuse;
use crate::validate::Text;

/// A CatalogJSON document as Markdown: each program's weeks, days and sets.
#[napi]
pub fn catalog_markdown(document: Text<'_>) -> Result<String> {
    Ok(replog_core::render::catalog_markdown(&documents::catalog(
        &document, "document",
    )?))
}

/// What a coach changed between a generated program and the approved one (`generated` and
/// `approved` are CatalogJSON texts; `program` names the program, the first by default).
#[napi(ts_return_type = "Record<string, any>")]
pub fn diff_programs(
    generated: Text<'_>,
    approved: Text<'_>,
    program: Option<String>,
) -> Result<serde_json::Value> {
    let generated = documents::catalog(&generated, "generated")?;
    let approved = documents::catalog(&approved, "approved")?;
    let pick = |catalog: &replog_core::Catalog, what: &str| {
        let found = match &program {
            Some(name) => catalog.programs.iter().find(|p| &p.name == name),
            None => catalog.programs.first(),
        };
        found.cloned().ok_or_else(|| {
            misuse(format!(
                "{what} has no program {}",
                program
                    .as_deref()
                    .map_or("at all".to_owned(), |n| format!("{n:?}"))
            ))
        })
    };
    let before = pick(&generated, "generated")?;
    let after = pick(&approved, "approved")?;
    to_json(&replog_core::diff_programs(&before, &after))
}
