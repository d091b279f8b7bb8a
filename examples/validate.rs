//! Validates a CatalogJSON file (or, with `--logbook`, a Logbook JSON file) and prints
//! `{"valid": bool, "issues": [...]}`.
//!
//! ```text
//! cargo run --release --example validate -- FILE [--catalog FILE]... [--equipment a,b,...]
//! cargo run --release --example validate -- --logbook FILE [--catalog FILE]...
//! cargo run --release --example validate -- FILE --lint [--athlete LOGBOOK] [--catalog FILE]...
//! ```
//!
//! `--lint` adds the training-science warnings (`lint.*`) of a valid document's programs,
//! for the athlete of `--athlete` (a Logbook JSON file: birth date and `as_of`) when given.
//!
//! `--catalog` files supply the host's existing exercises (references may resolve to them);
//! `--equipment` checks every prescribed exercise against that equipment list (CatalogJSON
//! only: a logbook carries its own). Exit codes: 0
//! valid, 1 invalid, 2 usage or an unreadable file.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use replog::core::lint::{LintOptions, lint_catalog};

const USAGE: &str = "validate [--logbook] FILE [--catalog FILE]... [--equipment a,b,...] [--lint [--athlete LOGBOOK]]";

struct Args {
    file: PathBuf,
    catalogs: Vec<PathBuf>,
    equipment: Option<Vec<String>>,
    logbook: bool,
    lint: bool,
    athlete: Option<PathBuf>,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut file, mut catalogs, mut equipment) = (None, Vec::new(), None);
    let (mut logbook, mut lint, mut athlete) = (false, false, None);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("logbook") => logbook = true,
            Long("lint") => lint = true,
            Long("athlete") => athlete = Some(PathBuf::from(parser.value()?)),
            Long("catalog") => catalogs.push(PathBuf::from(parser.value()?)),
            Long("equipment") => {
                let list: String = parser.value()?.parse()?;
                equipment = Some(
                    list.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect(),
                );
            }
            Value(path) if file.is_none() => file = Some(PathBuf::from(path)),
            _ => return Err(arg.unexpected()),
        }
    }
    let file = file.ok_or("missing FILE")?;
    if logbook && equipment.is_some() {
        return Err("--equipment applies to CatalogJSON files; a logbook lists its own".into());
    }
    if logbook && lint {
        return Err("--lint applies to CatalogJSON programs, not to a logbook".into());
    }
    if athlete.is_some() && !lint {
        return Err("--athlete is the athlete the lints judge for; give --lint too".into());
    }
    Ok(Args {
        file,
        catalogs,
        equipment,
        logbook,
        lint,
        athlete,
    })
}

fn main() -> ExitCode {
    common::check_main(USAGE, parse_args, run)
}

fn run(args: &Args) -> Result<bool, String> {
    let (mut validator, host) = common::host_catalogs(&args.catalogs)?;
    if let Some(equipment) = &args.equipment {
        validator = validator.with_equipment(equipment);
    }
    let bytes = common::read(&args.file)?;
    if args.logbook {
        let report = validator.validate_logbook(&bytes);
        common::print_json(&report)?;
        return Ok(report.is_valid());
    }
    let report = validator.validate(&bytes);
    if !args.lint {
        common::print_json(&report)?;
        return Ok(report.is_valid());
    }
    let athlete = match &args.athlete {
        Some(path) => Some(common::read_logbook(path)?),
        None => None,
    };
    let valid = report.is_valid();
    let (document, mut issues) = report.into_parts();
    if let Some(document) = &document {
        let mut options = LintOptions::new().exercises(&host);
        if let Some(athlete) = &athlete {
            options = options.logbook(athlete);
        }
        issues.extend(lint_catalog(document, &options));
    }
    common::print_json(&serde_json::json!({ "valid": valid, "issues": issues }))?;
    Ok(valid)
}
