//! The CatalogJSON v1 document: an exercise catalog and any number of program templates.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::exercise::Exercise;
use crate::limits::{CATALOG_VERSION, MAX_EXERCISES, MAX_PROGRAMS};
use crate::program::Program;

/// A CatalogJSON v1 document (`spec/catalog-json.md`).
///
/// `Deserialize` here is a plain decode for trusted data: it checks types and unknown
/// members but none of the spec's rules. Untrusted text goes through
/// `replog_catalog::validate`, which returns every issue and builds this value in one pass.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "A CatalogJSON v1 document: an exercise catalog and any number of program templates."
)]
pub struct Catalog {
    /// Always 1.
    pub catalog_version: CatalogVersion,
    /// The exercise catalog (at most 5000).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_EXERCISES))]
    pub exercises: Vec<Exercise>,
    /// Program templates (at most 100).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = MAX_PROGRAMS))]
    pub programs: Vec<Program>,
}

impl Catalog {
    /// A document holding these exercises and programs.
    pub fn new(exercises: Vec<Exercise>, programs: Vec<Program>) -> Self {
        Self {
            catalog_version: CatalogVersion,
            exercises,
            programs,
        }
    }
}

crate::version::version_marker!(
    /// The `catalog_version` member: the constant 1.
    CatalogVersion,
    "catalog_version",
    CATALOG_VERSION
);
