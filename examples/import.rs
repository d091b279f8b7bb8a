//! Imports an app's CSV export (Strong, Hevy, FitNotes, JEFIT) as a Logbook JSON document.
//!
//! ```text
//! cargo run --release --example import -- FILE [--format strong|hevy|fitnotes|jefit]
//!     [--unit kg|lb] [--athlete NAME] [--catalog FILE]...
//! ```
//!
//! Prints the logbook on stdout (ready for the `context` example) and a summary of the import
//! on stderr: workouts, sets by kind, rest-timer rows skipped, names resolved against the
//! `--catalog` files and names kept as written, and every warning with its row. Exit codes: 0,
//! 1 the file cannot be imported (the row-numbered reason on stderr), 2 usage or an
//! unreadable file.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use replog::catalog::apps::{AppFormat, ImportOptions, import_app_export};
use replog::core::Unit;

const USAGE: &str = "import FILE [--format strong|hevy|fitnotes|jefit] [--unit kg|lb] [--athlete NAME] [--catalog FILE]...";

struct Args {
    file: PathBuf,
    format: Option<AppFormat>,
    unit: Option<Unit>,
    athlete: Option<String>,
    catalogs: Vec<PathBuf>,
}

/// A value of a snake_case enum, by its serialised name.
fn named<T: serde::de::DeserializeOwned>(option: &str, text: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::from(text))
        .map_err(|_| format!("{option} does not know {text:?}"))
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut file, mut format, mut unit, mut athlete) = (None, None, None, None);
    let mut catalogs = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("format") => format = Some(named("--format", &parser.value()?.string()?)?),
            Long("unit") => unit = Some(named("--unit", &parser.value()?.string()?)?),
            Long("athlete") => athlete = Some(parser.value()?.string()?),
            Long("catalog") => catalogs.push(PathBuf::from(parser.value()?)),
            Value(path) if file.is_none() => file = Some(PathBuf::from(path)),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Args {
        file: file.ok_or("missing FILE")?,
        format,
        unit,
        athlete,
        catalogs,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(error) => return common::usage_error(&error.to_string(), USAGE),
    };
    let host = match common::host_catalogs(&args.catalogs) {
        Ok((_, host)) => host,
        Err(message) => return common::usage_error(&message, USAGE),
    };
    let bytes = match common::read(&args.file) {
        Ok(bytes) => bytes,
        Err(message) => return common::usage_error(&message, USAGE),
    };
    let mut options = ImportOptions {
        format: args.format,
        unit: args.unit,
        catalog: (!host.is_empty()).then_some(&host),
        ..ImportOptions::default()
    };
    if let Some(athlete) = &args.athlete {
        options.athlete.clone_from(athlete);
    }
    let imported = match import_app_export(&bytes, &options) {
        Ok(imported) => imported,
        Err(error) => {
            eprintln!("error: {}: {error}", args.file.display());
            return ExitCode::from(1);
        }
    };
    let report = &imported.report;
    eprintln!(
        "{} export: {} rows, {} workouts, {} sets ({} working, {} warm-up, {} drop, {} failure), {} rest-timer rows skipped, {} names resolved, {} kept as written",
        imported.format.name(),
        report.rows,
        report.workouts,
        report.sets.total(),
        report.sets.working,
        report.sets.warm_up,
        report.sets.drop,
        report.sets.failure,
        report.rest_timer_rows,
        report.resolved.len(),
        report.unresolved.len(),
    );
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    match common::print_json(&imported.logbook) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
