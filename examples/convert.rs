//! Converts an exercise or program file of another format to CatalogJSON and prints it;
//! what the conversion merged, renamed, dropped or approximated goes to standard error.
//!
//! ```text
//! cargo run --release --example convert -- --from free-exercise-db|wger|exercemus|openweight FILE
//! ```
//!
//! Exit codes: 0 converted, 1 unreadable input (not that format), 2 usage or a file that
//! cannot be read.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use replog::catalog::convert::Source;

const USAGE: &str = "convert --from free-exercise-db|wger|exercemus|openweight FILE";

fn parse_args() -> Result<(Source, PathBuf), lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut from, mut file) = (None, None);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("from") => {
                let name: String = parser.value()?.parse()?;
                from = Some(name.parse::<Source>().map_err(|e| e.to_string())?);
            }
            Value(path) if file.is_none() => file = Some(PathBuf::from(path)),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok((from.ok_or("missing --from")?, file.ok_or("missing FILE")?))
}

fn main() -> ExitCode {
    let (source, file) = match parse_args() {
        Ok(args) => args,
        Err(error) => return common::usage_error(&error.to_string(), USAGE),
    };
    let bytes = match common::read(&file) {
        Ok(bytes) => bytes,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(common::USAGE);
        }
    };
    let converted = std::str::from_utf8(&bytes)
        .map_err(|error| format!("not UTF-8: {error}"))
        .and_then(|text| source.convert(text).map_err(|error| error.to_string()));
    match converted {
        Ok(conversion) => {
            for note in &conversion.notes {
                eprintln!("note: {note}");
            }
            match common::print_json(&conversion.value) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::from(1)
                }
            }
        }
        Err(message) => {
            eprintln!("error: {} ({source}): {message}", file.display());
            ExitCode::from(1)
        }
    }
}
