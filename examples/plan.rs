//! Plans the import of a CatalogJSON file into a host (reference/001's import preview) and
//! prints the plan as JSON: each exercise of the document mapped to the host's catalog
//! (kind, confidence, candidates, references, decision), each program to create or to
//! replace, the conflicts, and a summary.
//!
//! ```text
//! cargo run --release --example plan -- FILE --catalog HOST_FILE [--catalog HOST_FILE]... [--program NAME]...
//! ```
//!
//! `--catalog` files are the host's catalog: their exercises, and their programs as existing
//! programs; `--program` names more existing host programs. Exercise references of FILE need
//! not resolve (mapping them is the plan's job); every other rule of the spec is checked.
//! Exit codes: 0 the plan is printed, 1 FILE is invalid (`{"valid": false, "issues": [...]}`
//! on stdout), 2 usage or an unreadable or invalid host catalog.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use replog::catalog::{CatalogError, ImportPlanner};

const USAGE: &str = "plan FILE --catalog HOST_FILE [--catalog HOST_FILE]... [--program NAME]...";

struct Args {
    file: PathBuf,
    catalogs: Vec<PathBuf>,
    programs: Vec<String>,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut file, mut catalogs, mut programs) = (None, Vec::new(), Vec::new());
    while let Some(arg) = parser.next()? {
        match arg {
            Long("catalog") => catalogs.push(PathBuf::from(parser.value()?)),
            Long("program") => programs.push(parser.value()?.string()?),
            Value(path) if file.is_none() => file = Some(PathBuf::from(path)),
            _ => return Err(arg.unexpected()),
        }
    }
    let file = file.ok_or("missing FILE")?;
    if catalogs.is_empty() {
        return Err("missing --catalog HOST_FILE".into());
    }
    Ok(Args {
        file,
        catalogs,
        programs,
    })
}

fn main() -> ExitCode {
    common::check_main(USAGE, parse_args, run)
}

fn run(args: &Args) -> Result<bool, String> {
    let mut host = Vec::with_capacity(args.catalogs.len());
    for path in &args.catalogs {
        host.push(common::read_catalog(path)?);
    }
    let planner = ImportPlanner::from_catalogs(&host).with_programs(&args.programs);
    let bytes = common::read(&args.file)?;
    match planner.plan_text(&bytes) {
        Ok((_, plan)) => {
            common::print_json(&plan)?;
            Ok(true)
        }
        Err(CatalogError::Invalid(invalid)) => {
            common::print_json(&serde_json::json!({"valid": false, "issues": invalid.issues}))?;
            Ok(false)
        }
        Err(error) => Err(format!("{}: {error}", args.file.display())),
    }
}
