//! Placeholder for the npm package `@replog/node` (napi-rs).
//!
//! This crate reserves its place in the workspace; its issue builds the binding. It will hold
//! conversions only: every rule lives in `replog-core` and `replog-catalog`.
