//! Builders shared by the settings and secrets tests.
#![allow(dead_code, unreachable_pub)]

use replog_llm::settings::{MapEnv, MemoryStore, Settings};

/// A secret key value long enough to be accepted.
pub const KEY: &str = "test-secret-key-0123456789abcdef";
/// Another accepted key.
pub const OTHER_KEY: &str = "another-secret-key-fedcba9876543210";
/// An API key that looks like a real one.
pub const API_KEY: &str = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx1234";

/// An environment of these variables only.
pub fn env(pairs: &[(&str, &str)]) -> MapEnv {
    MapEnv::from_pairs(pairs.iter().copied())
}

/// Settings over a fresh memory store with these variables.
pub fn memory(pairs: &[(&str, &str)]) -> Settings {
    Settings::new(MemoryStore::new(), env(pairs))
}
