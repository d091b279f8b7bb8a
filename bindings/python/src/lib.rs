//! Placeholder for the Python package `replog` (pyo3 + maturin).
//!
//! This crate reserves its place in the workspace; its issue builds the binding. It will hold
//! conversions only: every rule lives in `replog-core` and `replog-catalog`.
