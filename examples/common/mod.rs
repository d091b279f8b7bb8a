//! What the example programs share: reading files and documents with errors a user can act
//! on, and the exit codes of `spec/interfaces.md` (0 success, 1 invalid input, 2 usage or an
//! unreadable file).

#![allow(dead_code)] // each example uses part of this module

use std::path::Path;
use std::process::ExitCode;

/// Exit code for a usage error or a file that cannot be read.
pub(crate) const USAGE: u8 = 2;

/// Reads a whole file, or says which file could not be read and why.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
}

/// Reads and validates a CatalogJSON file given as a host catalog (`--catalog`).
pub(crate) fn read_catalog(path: &Path) -> Result<replog::Catalog, String> {
    let bytes = read(path)?;
    replog::catalog::parse(&bytes).map_err(|error| format!("{}: {error}", path.display()))
}

/// Reads and validates a Logbook JSON file given as an argument (`--athlete`, `--logbook`).
pub(crate) fn read_logbook(path: &Path) -> Result<replog::core::Logbook, String> {
    let bytes = read(path)?;
    replog::catalog::parse_logbook(&bytes).map_err(|error| format!("{}: {error}", path.display()))
}

/// Reads the `--catalog` files: a validator whose host catalog they are, and the same
/// exercises as an index (for the context, lints and imports).
pub(crate) fn host_catalogs(
    paths: &[std::path::PathBuf],
) -> Result<(replog::Validator, replog::core::ExerciseIndex), String> {
    let mut validator = replog::Validator::new();
    let mut host = replog::core::ExerciseIndex::new();
    for path in paths {
        let catalog = read_catalog(path)?;
        host.extend(&catalog.exercises);
        validator = validator.with_catalog(&catalog);
    }
    Ok((validator, host))
}

/// The `main` of an example that checks something: parses the arguments, runs, and maps
/// the outcome to the exit codes of `spec/interfaces.md` (0 yes, 1 no, 2 usage or an
/// unreadable file, with the message on stderr).
pub(crate) fn check_main<A>(
    usage: &str,
    parse: impl FnOnce() -> Result<A, lexopt::Error>,
    run: impl FnOnce(&A) -> Result<bool, String>,
) -> ExitCode {
    let args = match parse() {
        Ok(args) => args,
        Err(error) => return usage_error(&error.to_string(), usage),
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(USAGE)
        }
    }
}

/// Prints a usage error and the usage text, and returns the usage exit code.
pub(crate) fn usage_error(message: &str, usage: &str) -> ExitCode {
    eprintln!("error: {message}\n\nusage: {usage}");
    ExitCode::from(USAGE)
}

/// Prints `value` as pretty JSON on standard output.
pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|error| error.to_string())?;
    print_text(&text)
}

/// Prints text and a newline on standard output. A reader that closed the pipe early
/// (`| head`) has all it wanted: that is not an error.
pub(crate) fn print_text(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write to standard output: {error}"))
        }
        _ => Ok(()),
    }
}

/// A date given as `YYYY-MM-DD` to `flag`, or a usage error naming the flag and the text.
pub(crate) fn parse_date(text: &str, flag: &str) -> Result<replog::core::Date, String> {
    replog::core::parse_date(text).map_err(|problem| format!("{flag} {problem}, found {text:?}"))
}
