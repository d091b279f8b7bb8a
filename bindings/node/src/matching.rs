//! Exercise-name matching (`replog_catalog::Matcher`) and import plans
//! (`replog_catalog::ImportPlanner`): what a host shows before it imports a document.

use napi::bindgen_prelude::Result;
use napi_derive::napi;
use replog_catalog::{CatalogError, ImportPlan, ImportPlanner, Matcher};

use crate::documents::{self, from_json, to_json};
use crate::error::misuse;
use crate::issue::issues_json;
use crate::validate::{Text, bytes};

/// Matches each name against the host catalogs' exercises, in input order: `{ input, kind:
/// 'exact' | 'alias' | 'suggested' | 'new', exercise, confidence, candidates }`.
#[napi(ts_return_type = "Array<NameMatch>")]
pub fn match_names(catalogs: Vec<Text<'_>>, names: Vec<String>) -> Result<serde_json::Value> {
    let catalogs = documents::catalogs(Some(&catalogs), "catalogs")?;
    let matcher = Matcher::new(catalogs.iter().flat_map(|c| &c.exercises));
    let matches: Vec<_> = names.iter().map(|name| matcher.match_name(name)).collect();
    to_json(&matches)
}

/// Options of the import-plan functions.
#[napi(object, object_to_js = false)]
pub struct PlanOptions<'a> {
    /// CatalogJSON texts of the host's exercises (and programs).
    pub catalogs: Vec<Text<'a>>,
    /// Names of the host's existing programs (a document's program of the same name updates
    /// it instead of creating one).
    pub programs: Option<Vec<String>>,
}

fn planner(options: &PlanOptions<'_>) -> Result<ImportPlanner> {
    let catalogs = documents::catalogs(Some(&options.catalogs), "options.catalogs")?;
    let planner = ImportPlanner::from_catalogs(&catalogs);
    Ok(match &options.programs {
        Some(programs) => planner.with_programs(programs),
        None => planner,
    })
}

/// The import plan of a CatalogJSON text: `{ success: true, plan }` (exercise mappings,
/// program decisions, conflicts, summary) or `{ success: false, issues }` for a document that
/// does not validate.
#[napi(
    ts_return_type = "{ success: true; plan: ImportPlan } | { success: false; issues: Array<Issue> }"
)]
pub fn plan_import(document: Text<'_>, options: PlanOptions<'_>) -> Result<serde_json::Value> {
    match planner(&options)?.plan_text(bytes(&document)) {
        Ok((_, plan)) => Ok(serde_json::json!({ "success": true, "plan": to_json(&plan)? })),
        Err(CatalogError::Invalid(invalid)) => Ok(serde_json::json!({
            "success": false,
            "issues": issues_json(&invalid.issues),
        })),
        Err(error) => Err(misuse(format!("document: {error}"))),
    }
}

/// Applies a (possibly edited) import plan to a CatalogJSON text (read as `planImport` reads
/// it: references may name exercises the plan maps): `{ success: true,
/// document, validation, plan }`, or `{ success: false, plan }` whose conflicts say why the
/// plan cannot be applied.
#[napi(
    ts_return_type = "{ success: true; document: Catalog; valid: boolean; issues: Array<Issue>; plan: ImportPlan } | { success: false; plan: ImportPlan }"
)]
pub fn apply_import_plan(
    document: Text<'_>,
    #[napi(ts_arg_type = "ImportPlan")] plan: serde_json::Value,
    options: PlanOptions<'_>,
) -> Result<serde_json::Value> {
    let document = ImportPlanner::read_document(bytes(&document))
        .map_err(|e| misuse(format!("document: {e}")))?;
    let plan: ImportPlan = from_json(plan, "plan")?;
    match planner(&options)?.apply(&document, &plan) {
        Ok(applied) => Ok(serde_json::json!({
            "success": true,
            "document": to_json(&applied.document)?,
            "valid": applied.is_valid(),
            "issues": issues_json(applied.validation.issues()),
            "plan": to_json(&applied.plan)?,
        })),
        Err(error) => Ok(serde_json::json!({ "success": false, "plan": to_json(&error.plan)? })),
    }
}

/// The JSON Schema of an import plan.
#[napi(ts_return_type = "Record<string, unknown>")]
pub fn import_plan_schema() -> serde_json::Value {
    ImportPlan::schema()
}
