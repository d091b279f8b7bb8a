//! `lintProgram` and `renderProgramMarkdown`: the training-science warnings and the readable
//! summary of a document's programs (`replog_core::lint`, `replog_core::render`).

use replog_catalog::Validator;
use replog_core::lint::{LintOptions, lint_catalog};
use replog_core::render::{catalog_markdown, program_markdown};
use replog_core::{ExerciseIndex, Logbook, normalize_name};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::convert::{Document, issues_to_js, written_to_js};
use crate::error::{self, ErrorCode};
use crate::options::Options;
use crate::validate::result;

/// Validates a CatalogJSON document (against `options.catalog` and `options.equipment`) and,
/// when it is valid, adds the training-science warnings (`lint.*`) of its programs, for the
/// athlete of `options.logbook` (a Logbook JSON document: birth date and day) when given:
/// `{ success: true, data, issues }` with the validator's warnings then the lints, or
/// `{ success: false, issues }`.
#[wasm_bindgen(js_name = lintProgram, unchecked_return_type = "Result<Catalog>")]
pub fn lint_program(
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LintOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = Options::new(options)?;
    let athlete = options
        .get("logbook")
        .map(|value| read_logbook(&value))
        .transpose()?;
    let (validator, host) = options.validator(true)?;
    let document = Document::read(&input, "input")?;
    let (catalog, mut issues) = validator.validate(&document.bytes).into_parts();
    let Some(catalog) = catalog else {
        return Ok(result(None, &issues_to_js(&issues)?));
    };
    let index = host
        .as_ref()
        .map(ExerciseIndex::from_catalog)
        .unwrap_or_default();
    let mut lint = LintOptions::new().exercises(&index);
    if let Some(athlete) = &athlete {
        lint = lint.logbook(athlete);
    }
    issues.extend(lint_catalog(&catalog, &lint));
    Ok(result(
        Some(written_to_js(replog_catalog::to_json(&catalog))?),
        &issues_to_js(&issues)?,
    ))
}

/// A readable Markdown summary of a valid CatalogJSON document's programs for review (one
/// table per week), or of the one named `options.program`: `{ success: true, data: string,
/// issues }` or `{ success: false, issues }`.
#[wasm_bindgen(js_name = renderProgramMarkdown, unchecked_return_type = "Result<string>")]
pub fn render_program_markdown(
    #[wasm_bindgen(unchecked_param_type = "DocumentInput")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RenderOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = Options::new(options)?;
    let name = options.string("program")?;
    let (validator, _) = options.validator(false)?;
    let document = Document::read(&input, "input")?;
    let (catalog, issues) = validator.validate(&document.bytes).into_parts();
    let issues_js = issues_to_js(&issues)?;
    let Some(catalog) = catalog else {
        return Ok(result(None, &issues_js));
    };
    let markdown = match name {
        None => catalog_markdown(&catalog),
        Some(name) => {
            let key = normalize_name(&name);
            let program = catalog
                .programs
                .iter()
                .find(|program| normalize_name(&program.name) == key)
                .ok_or_else(|| {
                    error::new(
                        ErrorCode::InvalidArgument,
                        &format!("options.program: the document has no program named {name:?}"),
                    )
                })?;
            program_markdown(program)
        }
    };
    Ok(result(Some(JsValue::from_str(&markdown)), &issues_js))
}

/// The athlete's logbook of `options.logbook`, which must be valid.
fn read_logbook(value: &JsValue) -> Result<Logbook, JsValue> {
    let document = Document::read(value, "options.logbook")?;
    let (logbook, issues) = Validator::new()
        .validate_logbook(&document.bytes)
        .into_parts();
    logbook.ok_or_else(|| {
        error::with_issues(
            ErrorCode::InvalidArgument,
            "options.logbook is not a valid Logbook JSON document",
            &issues,
        )
    })
}
