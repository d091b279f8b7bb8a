//! The one error the exports throw, for operational failures (bad arguments, an invalid host
//! catalog, an edited plan that is not a plan); validation problems are returned as data.

use replog_core::Issue;
use wasm_bindgen::JsValue;

/// Why an export threw: the `code` of the `ReplogError`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ErrorCode {
    /// An argument or option of the wrong type or value.
    InvalidArgument,
    /// The host catalog given as an option is not a valid CatalogJSON document; the error's
    /// `issues` say why.
    InvalidCatalog,
    /// An import plan that does not have the plan's shape.
    InvalidPlan,
    /// A failure of the library itself (a result that cannot be serialised).
    Internal,
}

impl ErrorCode {
    fn as_str(self) -> &'static str {
        match self {
            Self::InvalidArgument => "invalid_argument",
            Self::InvalidCatalog => "invalid_catalog",
            Self::InvalidPlan => "invalid_plan",
            Self::Internal => "internal",
        }
    }
}

/// A `ReplogError` to throw.
pub(crate) fn new(code: ErrorCode, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("ReplogError");
    // Setting a member of a fresh `Error` cannot fail.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.as_str().into());
    error.into()
}

/// A `ReplogError` that carries the issues of an invalid document.
pub(crate) fn with_issues(code: ErrorCode, message: &str, issues: &[Issue]) -> JsValue {
    let error = new(code, message);
    let issues = crate::convert::issues_to_js(issues).unwrap_or(JsValue::NULL);
    let _ = js_sys::Reflect::set(&error, &"issues".into(), &issues);
    error
}
