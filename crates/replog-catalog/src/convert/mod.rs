//! Converters from other exercise and program formats to CatalogJSON (and, for the two
//! reference program models, back): one module per source, one shared vocabulary table, and
//! a common error and result type.
//!
//! Every converter reads the source through a serde model of its format, reports input it
//! cannot read as a [`ConvertError`] naming where (a JSON Pointer into the source) and what,
//! and returns a [`Conversion`] whose `notes` say what was merged, renamed, dropped or
//! approximated on the way. Nothing is dropped silently.
//!
//! Only [`vocabulary`] is built without the `convert` feature: the matcher and the import
//! plan read equipment words through it too.

#[cfg(feature = "convert")]
mod build;
#[cfg(feature = "convert")]
mod conversion;
#[cfg(feature = "convert")]
pub mod exercemus;
#[cfg(feature = "convert")]
pub mod free_exercise_db;
#[cfg(feature = "convert")]
pub mod openweight;
#[cfg(feature = "convert")]
pub mod reference000;
#[cfg(feature = "convert")]
pub mod reference002;
pub mod vocabulary;
#[cfg(feature = "convert")]
pub mod wger;

#[cfg(feature = "convert")]
pub use build::CatalogBuilder;
#[cfg(feature = "convert")]
pub(crate) use conversion::records;
#[cfg(feature = "convert")]
pub use conversion::{Conversion, ConvertError, Notes, Source, UnknownSource};
