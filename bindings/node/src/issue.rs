//! `replog_core::Issue` as a JavaScript object: the JSON Pointer, the same path as an array
//! (Zod's `path`), the code, the message and the severity.

use napi::bindgen_prelude::Either;
use napi_derive::napi;
use replog_core::Segment;

/// One problem found in a document (`replog_core::Issue`).
#[napi(object, object_from_js = false)]
pub struct Issue {
    /// Where, as an RFC 6901 JSON Pointer (`/programs/0/weeks/1`); `""` is the whole document.
    pub path: String,
    /// The same place as an array of member names and indices (`["programs", 0, "weeks", 1]`).
    pub segments: Vec<Either<String, u32>>,
    /// What kind of problem, in stable snake_case (`required`, `unknown_exercise`, `lint.volume`).
    pub code: String,
    /// What was expected and what was found, for a person.
    pub message: String,
    /// Whether the issue makes the document invalid (`error`) or is a concern (`warning`).
    #[napi(ts_type = "'error' | 'warning'")]
    pub severity: String,
}

impl From<&replog_core::Issue> for Issue {
    fn from(issue: &replog_core::Issue) -> Self {
        let segments = issue
            .path
            .segments()
            .iter()
            .map(|segment| match segment {
                Segment::Key(key) => Either::A(key.to_string()),
                // Indices above u32 cannot occur: documents are bounded far below that.
                Segment::Index(index) => Either::B(u32::try_from(*index).unwrap_or(u32::MAX)),
            })
            .collect();
        Self {
            path: issue.path.to_string(),
            segments,
            code: issue.code.as_str().into_owned(),
            message: issue.message.clone(),
            severity: match issue.severity {
                replog_core::Severity::Error => "error",
                replog_core::Severity::Warning => "warning",
            }
            .to_owned(),
        }
    }
}

/// Converts a list of issues.
pub(crate) fn issues(list: &[replog_core::Issue]) -> Vec<Issue> {
    list.iter().map(Issue::from).collect()
}

/// Issues as JSON values of the same shape as [`Issue`], for results built as JSON.
pub(crate) fn issues_json(list: &[replog_core::Issue]) -> serde_json::Value {
    list.iter()
        .map(|issue| {
            let segments: Vec<serde_json::Value> = issue
                .path
                .segments()
                .iter()
                .map(|segment| match segment {
                    Segment::Key(key) => serde_json::Value::from(key.as_ref()),
                    Segment::Index(index) => serde_json::Value::from(*index),
                })
                .collect();
            serde_json::json!({
                "path": issue.path.to_string(),
                "segments": segments,
                "code": issue.code.as_str(),
                "message": issue.message,
                "severity": issue.severity,
            })
        })
        .collect()
}
