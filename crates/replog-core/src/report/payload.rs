//! The versioned report payload: v1 (Markdown text, legacy) and v2 (structured), one tagged
//! type that reads both. A payload without `version` is v1, so every report ever stored
//! stays readable.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::{ReportNumbers, ReportWords};
use crate::metrics::period::PeriodMetrics;
use crate::program::Unit;

/// The `version` of a v1 payload.
pub const REPORT_V1: &str = "1.0";
/// The `version` of a v2 payload.
pub const REPORT_V2: &str = "2.0";

/// A legacy report: free Markdown written by a model, numbers and all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportV1 {
    /// The Markdown text. Members a legacy store kept beside it are ignored when read.
    pub content: String,
}

/// A structured report: computed numbers and written words, kept apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportV2 {
    /// The unit of every weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// The period and its numbers, from the metrics module.
    pub metrics: PeriodMetrics,
    /// The words.
    pub words: ReportWords,
    /// Who wrote the words.
    pub written_by: WrittenBy,
}

impl ReportV2 {
    /// The report of `numbers` with `words`. Every number comes from `numbers`; the words
    /// are text only. A celebration without a PR in the period is dropped (there is nothing
    /// to celebrate, whoever wrote it).
    pub fn new(numbers: ReportNumbers, mut words: ReportWords, written_by: WrittenBy) -> Self {
        if !numbers.has_pr() {
            words.celebration = None;
        }
        Self {
            unit: numbers.unit,
            metrics: numbers.metrics,
            words,
            written_by,
        }
    }

    /// Whether the period has a PR.
    pub fn has_pr(&self) -> bool {
        !self.metrics.prs.is_empty()
    }
}

/// Who wrote a report's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WrittenBy {
    /// The deterministic writer.
    Rules {
        /// Why a model's words are not used, when one was asked and failed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fallback: Option<String>,
    },
    /// A model.
    Model {
        /// The provider (`openai`, `anthropic`, ...).
        provider: String,
        /// The model that answered.
        model: String,
    },
}

impl WrittenBy {
    /// The deterministic writer, asked directly.
    pub fn rules() -> Self {
        Self::Rules { fallback: None }
    }
}

/// A report of either version.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportPayload {
    /// Legacy Markdown.
    V1(ReportV1),
    /// Structured (boxed: it is much larger than v1).
    V2(Box<ReportV2>),
}

impl From<ReportV1> for ReportPayload {
    fn from(report: ReportV1) -> Self {
        Self::V1(report)
    }
}

impl From<ReportV2> for ReportPayload {
    fn from(report: ReportV2) -> Self {
        Self::V2(Box::new(report))
    }
}

impl ReportPayload {
    /// The payload's `version`: [`REPORT_V1`] or [`REPORT_V2`].
    pub fn version(&self) -> &'static str {
        match self {
            Self::V1(_) => REPORT_V1,
            Self::V2(_) => REPORT_V2,
        }
    }
}

/// How a payload is written: the version tag first, then the version's members.
#[derive(Serialize)]
#[serde(tag = "version")]
enum Tagged<'a> {
    #[serde(rename = "1.0")]
    V1(&'a ReportV1),
    #[serde(rename = "2.0")]
    V2(&'a ReportV2),
}

impl Serialize for ReportPayload {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::V1(report) => Tagged::V1(report),
            Self::V2(report) => Tagged::V2(report),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ReportPayload {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // serde's tagged enums cannot default a missing tag, so the tag is read by hand.
        let mut value = Value::deserialize(deserializer)?;
        let Some(members) = value.as_object_mut() else {
            return Err(D::Error::custom("a report payload must be a JSON object"));
        };
        let version = members.remove("version");
        let is = |v: &Value, major: u64| match v {
            Value::String(s) => s == &format!("{major}") || s == &format!("{major}.0"),
            Value::Number(n) => n.as_f64() == Some(major as f64),
            _ => false,
        };
        let parsed = match version {
            None | Some(Value::Null) => ReportV1::deserialize(value).map(Self::V1),
            Some(v) if is(&v, 1) => ReportV1::deserialize(value).map(Self::V1),
            Some(v) if is(&v, 2) => ReportV2::deserialize(value).map(Self::from),
            Some(v) => {
                return Err(D::Error::custom(format_args!(
                    "unsupported report version {v}, expected \"{REPORT_V1}\" or \"{REPORT_V2}\""
                )));
            }
        };
        parsed.map_err(D::Error::custom)
    }
}
