//! `importPlan` and `applyMappings`: the import preview of `replog_catalog::ImportPlanner`.

use replog_catalog::{CatalogError, ImportPlan, ImportPlanner};
use replog_core::Catalog;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::convert::{Document, from_js, to_js};
use crate::error::{self, ErrorCode};
use crate::options::{Options, host_catalog};

/// Plans the import of a document into the host whose catalog is `catalog` (its exercises,
/// and its programs as existing programs; `options.programs` names more): `{ success: true,
/// data: ImportPlan, issues: [] }`, or `{ success: false, issues }` when the document breaks
/// a rule other than unresolved exercise references.
#[wasm_bindgen(js_name = importPlan, unchecked_return_type = "Result<ImportPlan>")]
pub fn import_plan(
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] catalog: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PlanOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let planner = planner(&catalog, options)?;
    let document = Document::read(&document, "document")?;
    match ImportPlanner::read_document(&document.bytes) {
        Ok(document) => to_js(&Planned {
            success: true,
            data: &planner.plan(&document),
            issues: &[],
        }),
        Err(failure) => to_js(&Failed {
            success: false,
            issues: &invalid_issues(failure)?,
        }),
    }
}

/// Applies a plan (as `importPlan` made it, possibly edited by the coach) to the document:
/// `{ success: true, data, issues, conflicts, plan }` with the final document to import,
/// valid against the host's catalog; otherwise `{ success: false, issues, conflicts, plan }`
/// with the final document's issues, or the conflicts for which the plan was refused (`plan`
/// is then the reviewed plan), or `plan: null` and the document's own issues.
#[wasm_bindgen(js_name = applyMappings, unchecked_return_type = "ApplyResult")]
pub fn apply_mappings(
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ImportPlan | string")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] catalog: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PlanOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let planner = planner(&catalog, options)?;
    let plan: ImportPlan = from_js(&plan, "plan", ErrorCode::InvalidPlan)?;
    let document = Document::read(&document, "document")?;
    let document: Catalog = match ImportPlanner::read_document(&document.bytes) {
        Ok(document) => document,
        Err(failure) => {
            return to_js(&Applied::<Catalog> {
                success: false,
                data: None,
                issues: &invalid_issues(failure)?,
                conflicts: &[],
                plan: None,
            });
        }
    };
    match planner.apply(&document, &plan) {
        Ok(applied) => {
            let valid = applied.is_valid();
            to_js(&Applied {
                success: valid,
                data: valid.then_some(&applied.document),
                issues: applied.validation.issues(),
                conflicts: &applied.plan.conflicts,
                plan: Some(&applied.plan),
            })
        }
        Err(refused) => to_js(&Applied::<Catalog> {
            success: false,
            data: None,
            issues: &[],
            conflicts: &refused.plan.conflicts,
            plan: Some(&refused.plan),
        }),
    }
}

/// The planner for a host catalog and `options.programs`.
fn planner(catalog: &JsValue, options: Option<JsValue>) -> Result<ImportPlanner, JsValue> {
    let options = Options::new(options)?;
    let host = host_catalog(catalog, "catalog")?;
    let programs = options.strings("programs")?.unwrap_or_default();
    Ok(ImportPlanner::from_catalog(&host).with_programs(programs))
}

/// The issues of a document the planner refused to read.
fn invalid_issues(failure: CatalogError) -> Result<Vec<replog_core::Issue>, JsValue> {
    match failure {
        CatalogError::Invalid(invalid) => Ok(invalid.issues),
        other => Err(error::new(ErrorCode::Internal, &other.to_string())),
    }
}

/// A plan made.
#[derive(Serialize)]
struct Planned<'a> {
    success: bool,
    data: &'a ImportPlan,
    issues: &'a [replog_core::Issue],
}

/// A document that could not be planned.
#[derive(Serialize)]
struct Failed<'a> {
    success: bool,
    issues: &'a [replog_core::Issue],
}

/// What applying a plan gave.
#[derive(Serialize)]
struct Applied<'a, T> {
    success: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a T>,
    issues: &'a [replog_core::Issue],
    conflicts: &'a [replog_catalog::Conflict],
    plan: Option<&'a ImportPlan>,
}
