//! Resolves exercise names against a catalog and prints one line of JSON per name, in input
//! order: `{"input", "kind", "exercise", "confidence", "candidates"}` (`kind` is `exact`,
//! `alias`, `suggested` or `new`; `exercise` is null for `new`).
//!
//! ```text
//! cargo run --release --example match -- --catalog FILE NAME...
//! ```
//!
//! `--catalog` may be given more than once; the catalogs' exercises are matched in the order
//! given. Exit codes: 0 success, 2 usage or an unreadable or invalid catalog file.

mod common;

use std::path::PathBuf;
use std::process::ExitCode;

use replog::catalog::matching::Matcher;

const USAGE: &str = "match --catalog FILE [--catalog FILE]... NAME...";

struct Args {
    catalogs: Vec<PathBuf>,
    names: Vec<String>,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut catalogs, mut names) = (Vec::new(), Vec::new());
    while let Some(arg) = parser.next()? {
        match arg {
            Long("catalog") => catalogs.push(PathBuf::from(parser.value()?)),
            Value(name) => names.push(name.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    if catalogs.is_empty() {
        return Err("missing --catalog FILE".into());
    }
    if names.is_empty() {
        return Err("missing NAME".into());
    }
    Ok(Args { catalogs, names })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(error) => return common::usage_error(&error.to_string(), USAGE),
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(common::USAGE)
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let mut exercises = Vec::new();
    for path in &args.catalogs {
        exercises.extend(common::read_catalog(path)?.exercises);
    }
    let matcher = Matcher::new(&exercises);
    for name in &args.names {
        let line =
            serde_json::to_string(&matcher.match_name(name)).map_err(|error| error.to_string())?;
        common::print_text(&line)?;
    }
    Ok(())
}
