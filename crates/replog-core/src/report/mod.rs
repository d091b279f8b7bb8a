//! Workout reports (reference/003): the numbers are computed here, a writer adds the words,
//! and the payload is versioned so that reports made by an older version stay readable.
//!
//! A v2 report is [`ReportNumbers`] (the period's [`PeriodMetrics`](crate::metrics::PeriodMetrics)
//! from [`metrics::period`](crate::metrics::period), and the unit) plus [`ReportWords`] (a
//! headline, a celebration when there is a PR, and an action). The words come from a model
//! (`replog-llm`'s report writer) or from [`deterministic_words`]; either way they are only
//! strings, and [`ReportV2::new`] takes every number from the `ReportNumbers`, so nothing a
//! writer says can change one. [`ReportPayload`] reads v1 (legacy Markdown text) and v2
//! (structured) payloads, a payload without `version` being v1, and renders either to
//! Markdown and to HTML with everything that came from data or a model escaped.
//!
//! ```
//! use replog_core::context::{ContextOptions, synthetic_logbook};
//! use replog_core::metrics::PeriodKind;
//! use replog_core::report::{ReportNumbers, ReportPayload, ReportV2, WrittenBy, deterministic_words};
//!
//! let logbook = synthetic_logbook(8, 3, 1);
//! let numbers = ReportNumbers::for_period_of(&logbook, PeriodKind::Week, &ContextOptions::default())
//!     .expect("the logbook has dates");
//! let words = deterministic_words(&numbers);
//! let payload = ReportPayload::from(ReportV2::new(numbers, words, WrittenBy::rules()));
//! let json = serde_json::to_string(&payload)?;
//! assert!(json.starts_with(r#"{"version":"2.0""#));
//! assert_eq!(serde_json::from_str::<ReportPayload>(&json)?, payload);
//! assert!(payload.to_markdown().starts_with("# "));
//! assert!(payload.to_html().starts_with("<h1>"));
//! # Ok::<(), serde_json::Error>(())
//! ```

mod numbers;
mod payload;
mod render;
mod words;

pub use numbers::ReportNumbers;
pub use payload::{REPORT_V1, REPORT_V2, ReportPayload, ReportV1, ReportV2, WrittenBy};
pub use render::{escape_markdown, markdown_to_html};
pub use words::{Action, COPY_MAX, HEADLINE_MAX, ReportWords, WordsProblem, deterministic_words};
