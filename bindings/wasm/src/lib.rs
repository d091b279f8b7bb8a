//! Placeholder for the browser package `@replog/wasm` (wasm-bindgen).
//!
//! This crate reserves its place in the workspace; its issue builds the binding. It will hold
//! conversions only: every rule lives in `replog-core` and `replog-catalog`.
