//! replog: turn an athlete's logbook into a tailored, validated training program with an
//! LLM's help.
//!
//! This facade re-exports the crates of the family:
//!
//! - [`core`] (`replog-core`): the typed program model, validation issues, limits, schemas;
//! - [`catalog`] (`replog-catalog`): CatalogJSON v1 parsing and validation;
//! - [`llm`] (`replog-llm`): providers and generation.
//!
//! ```
//! let report = replog::catalog::validate(br#"{"catalog_version": 1}"#);
//! assert!(report.is_valid());
//! ```

pub use replog_catalog as catalog;
pub use replog_core as core;
pub use replog_llm as llm;

pub use replog_catalog::{Validation, Validator, validate};
pub use replog_core::{Catalog, Code, Issue, Path, Program, Severity};

/// The README's code blocks, compiled and run as doctests so the quick start cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
