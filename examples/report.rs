//! Prints the v2 workout report of a logbook's week or month (reference/003): the JSON
//! payload, then its Markdown rendering. The numbers are computed from the logbook; the
//! words come from the deterministic writer (no LLM needed).
//!
//! ```text
//! cargo run --release --example report -- --logbook FILE [--period week|month] [--as-of YYYY-MM-DD]
//! ```
//!
//! The period is the ISO week (default) or calendar month that `--as-of` falls in.
//! `--as-of` defaults to the date of the logbook's last workout (on or before the logbook's
//! own `as_of`, when it has one), so the report covers the latest training rather than an
//! empty week that has only just begun; nothing after it is read. Exit codes: 0, 1 an
//! invalid logbook (its issues as `{"valid": false, "issues": [...]}` on stdout), 2 usage or
//! an unreadable file.

mod common;

use std::path::PathBuf;

use replog::core::Date;
use replog::core::context::ContextOptions;
use replog::core::metrics::period::{Period, PeriodKind};
use replog::core::report::{
    ReportNumbers, ReportPayload, ReportV2, WrittenBy, deterministic_words,
};

const USAGE: &str = "report --logbook FILE [--period week|month] [--as-of YYYY-MM-DD]";

struct Args {
    logbook: PathBuf,
    period: PeriodKind,
    as_of: Option<Date>,
}

fn parse_args() -> Result<Args, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let (mut logbook, mut period, mut as_of) = (None, PeriodKind::Week, None);
    while let Some(arg) = parser.next()? {
        match arg {
            Long("logbook") => logbook = Some(PathBuf::from(parser.value()?)),
            Long("period") => {
                let text: String = parser.value()?.parse()?;
                period = match text.as_str() {
                    "week" => PeriodKind::Week,
                    "month" => PeriodKind::Month,
                    _ => {
                        return Err(
                            format!("--period must be week or month, found {text:?}").into()
                        );
                    }
                };
            }
            Long("as-of") => {
                as_of = Some(common::parse_date(
                    &parser.value()?.parse::<String>()?,
                    "--as-of",
                )?);
            }
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Args {
        logbook: logbook.ok_or("missing --logbook FILE")?,
        period,
        as_of,
    })
}

fn main() -> std::process::ExitCode {
    common::check_main(USAGE, parse_args, run)
}

fn run(args: &Args) -> Result<bool, String> {
    let bytes = common::read(&args.logbook)?;
    let validation = replog::catalog::validate_logbook(&bytes);
    let Some(logbook) = validation.document().filter(|_| validation.is_valid()) else {
        common::print_json(&validation)?;
        return Ok(false);
    };
    let limit = logbook.as_of.unwrap_or(Date::MAX);
    let last_workout = logbook
        .workouts
        .iter()
        .map(|w| w.date)
        .filter(|d| *d <= limit)
        .max();
    let as_of = args
        .as_of
        .or(last_workout)
        .or_else(|| logbook.as_of())
        .ok_or("the logbook has no dates: give --as-of")?;
    let options = ContextOptions::default().with_as_of(as_of);
    let numbers = ReportNumbers::compute(logbook, &Period::of(args.period, as_of), &options);
    let words = deterministic_words(&numbers);
    let payload = ReportPayload::from(ReportV2::new(numbers, words, WrittenBy::rules()));
    common::print_json(&payload)?;
    common::print_text("")?;
    common::print_text(&payload.to_markdown())?;
    Ok(true)
}
