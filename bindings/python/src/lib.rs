//! The Python package `replog` (pyo3, abi3): conversions over the replog crates, one file
//! per core module. Every rule lives in the crates; this crate only converts.

use pyo3::prelude::*;

mod catalog;
mod convert;
mod core;
mod error;
mod generate;
mod llm;
mod schema;
mod serialize;
mod settings;
mod validate;

/// The native module `replog._replog`, re-exported by the `replog` package.
#[pymodule]
fn _replog(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    validate::register(m)?;
    schema::register(m)?;
    core::register(m)?;
    catalog::register(m)?;
    generate::register(m)?;
    llm::register(m)?;
    settings::register(m)?;
    Ok(())
}
