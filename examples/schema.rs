//! Prints the JSON Schema of CatalogJSON v1, or of the LLM output envelope in OpenAI strict
//! form, or their TypeScript rendering for prompts.
//!
//! ```text
//! cargo run --release --example schema -- [--openai-strict | --typescript] [--envelope]
//! cargo run --release --example schema -- --logbook
//! ```
//!
//! With no option: the CatalogJSON document's schema, JSON Schema 2020-12. `--openai-strict`:
//! the envelope `{reasoning, catalog}` as OpenAI structured outputs with `strict: true` take
//! it. `--typescript`: the types as the prompt shows them. `--envelope`: the envelope rather
//! than the bare document. `--logbook`: the Logbook JSON document's schema instead. Exit codes: 0, 1 if the schema breaks a dialect's limits, 2 usage.

mod common;

use std::process::ExitCode;

use replog::core::schema::{self, Dialect};

const USAGE: &str = "schema [--openai-strict | --typescript] [--envelope] | schema --logbook";

/// What to print.
#[derive(Default)]
struct Args {
    openai_strict: bool,
    typescript: bool,
    envelope: bool,
    logbook: bool,
}

fn parse_args() -> Result<Option<Args>, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut args = Args::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("openai-strict") => args.openai_strict = true,
            Long("typescript") => args.typescript = true,
            Long("envelope") => args.envelope = true,
            Long("logbook") => args.logbook = true,
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    if args.openai_strict && args.typescript {
        return Err("--openai-strict and --typescript exclude each other".into());
    }
    if args.logbook && (args.openai_strict || args.typescript || args.envelope) {
        return Err("--logbook takes no other option".into());
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            return match common::print_text(&format!("usage: {USAGE}")) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => common::usage_error(&error, USAGE),
            };
        }
        Err(error) => return common::usage_error(&error.to_string(), USAGE),
    };
    match render(&args) {
        Ok(text) => match common::print_text(text.trim_end()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error}");
                ExitCode::from(1)
            }
        },
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}

fn render(args: &Args) -> Result<String, replog::core::CoreError> {
    if args.logbook {
        return schema::to_string_pretty(&schema::logbook_schema());
    }
    if args.typescript {
        return Ok(if args.envelope {
            schema::envelope_typescript()
        } else {
            schema::catalog_typescript()
        });
    }
    // The strict dialect is for the model's answer, which is always the envelope.
    let value = if args.openai_strict {
        schema::envelope_schema(Dialect::OpenAiStrict)?
    } else if args.envelope {
        schema::envelope_schema(Dialect::Draft202012)?
    } else {
        schema::catalog_schema(Dialect::Draft202012)?
    };
    schema::to_string_pretty(&value)
}
