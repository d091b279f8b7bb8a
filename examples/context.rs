//! Prints the athlete context of a logbook: the computed, compact briefing that goes into the
//! prompt (`spec/logbook-json.md`).
//!
//! ```text
//! cargo run --release --example context -- LOGBOOK [--catalog FILE]... [--as-of YYYY-MM-DD]
//! ```
//!
//! `--catalog` files are the host's exercises: logged names resolve through them, and the
//! context carries those the athlete has the equipment for. `--as-of` describes another day
//! than the logbook's (nothing after it is used). Exit codes: 0, 1 an invalid logbook (its
//! issues as `{"valid": false, "issues": [...]}` on stdout), 2 usage or an unreadable file.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use replog::core::Date;
use replog::core::context::{ContextOptions, build_context};

const USAGE: &str = "context LOGBOOK [--catalog FILE]... [--as-of YYYY-MM-DD]";

struct Args {
    logbook: PathBuf,
    catalogs: Vec<PathBuf>,
    as_of: Option<Date>,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut logbook, mut catalogs, mut as_of) = (None, Vec::new(), None);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("catalog") => catalogs.push(PathBuf::from(parser.value()?)),
            Long("as-of") => {
                as_of = Some(common::parse_date(
                    &parser.value()?.parse::<String>()?,
                    "--as-of",
                )?);
            }
            Value(path) if logbook.is_none() => logbook = Some(PathBuf::from(path)),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Args {
        logbook: logbook.ok_or("missing LOGBOOK")?,
        catalogs,
        as_of,
    })
}

fn main() -> ExitCode {
    common::check_main(USAGE, parse_args, run)
}

fn run(args: &Args) -> Result<bool, String> {
    let (validator, host) = common::host_catalogs(&args.catalogs)?;
    let bytes = common::read(&args.logbook)?;
    let report = validator.validate_logbook(&bytes);
    let Some(logbook) = report.document().filter(|_| report.is_valid()) else {
        common::print_json(&report)?;
        return Ok(false);
    };
    let mut options = ContextOptions::default();
    if !host.is_empty() {
        options = options.with_catalog(&host);
    }
    if let Some(as_of) = args.as_of {
        options = options.with_as_of(as_of);
    }
    common::print_json(&build_context(logbook, &options))?;
    Ok(true)
}
