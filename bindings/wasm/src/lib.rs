//! `@replog/wasm`: the pure crates in the browser (and in Node), with no HTTP.
//!
//! A web app validates an upload or an LLM draft before it reaches the server, with the same
//! verdicts as Rust, Python and Node, previews its import into the host's catalog, and
//! renders it for review. This crate holds conversions only: every rule lives in
//! `replog-core` and `replog-catalog`.
//!
//! Conventions of every export (STYLE.md, "JS and WASM"):
//! - a document goes in as JSON text or as a plain value (read through `JSON.stringify`);
//! - results are plain objects and arrays (never `Map`s), made by `JSON.parse` of the Rust
//!   serialisation, so they carry exactly the snake_case members of the specs;
//! - validation problems are data: `{ success: true, data, issues }` (issues then holds the
//!   warnings) or `{ success: false, issues }`;
//! - operational failures throw a `ReplogError` (an `Error` with a `code`, and `issues` when a
//!   host catalog given as an option is itself invalid).

mod context;
mod convert;
mod error;
mod matching;
mod options;
mod pending;
mod plan;
mod program;
mod schema;
mod validate;

pub use context::build_context;
pub use matching::match_exercises;
pub use plan::{apply_mappings, import_plan};
pub use program::{lint_program, render_program_markdown};
pub use schema::catalog_json_schema;
pub use validate::{validate_catalog, validate_logbook};

use wasm_bindgen::prelude::wasm_bindgen;

/// The model's TypeScript declarations, generated from the JSON Schemas of the crates
/// (`tests/typescript.rs` keeps the file equal to them).
#[wasm_bindgen(typescript_custom_section)]
const MODEL_TS: &str = include_str!("../ts/model.d.ts");

/// The declarations of the exports' inputs, options and results.
#[wasm_bindgen(typescript_custom_section)]
const API_TS: &str = include_str!("../ts/api.d.ts");
