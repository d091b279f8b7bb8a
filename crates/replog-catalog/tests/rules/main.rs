//! Every code of the closed set and every rule of `spec/catalog-json.md`, each checked by the
//! whole issue list it produces, from text and from a parsed value.

#[path = "../common/mod.rs"]
mod common;
mod support;

mod api;
mod document;
mod duplicates;
mod enums_and_formats;
mod json_and_types;
mod ordering_and_cascades;
mod ranges;
mod references_and_equipment;
mod required_and_unknown;
mod sequence_and_conflicts;
