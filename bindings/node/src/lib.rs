//! The npm package `@replog/node`: conversions between JavaScript values and replog's crates.
//!
//! Every rule lives in `replog-core`, `replog-catalog` and `replog-llm`; a module here mirrors
//! one of theirs and only converts. Validation outcomes and LLM failures are values (Zod's
//! `safeParse` shape, a discriminated result); only misuse (bad options) throws.

pub mod coach;
pub mod context;
mod documents;
mod error;
pub mod generate;
pub mod imports;
pub mod issue;
pub mod matching;
pub mod render;
pub mod report;
pub mod schema;
pub mod settings;
pub mod validate;

/// The addon's Rust allocations go to mimalloc: validation allocates many small, short-lived
/// values (names, sets of seen keys, the typed document), where glibc's malloc and free cost
/// several percent of a call.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
