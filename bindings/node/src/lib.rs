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
