//! A fixed amount of work for instruction counts, which stay repeatable where wall-clock
//! times do not (a shared 2-core VM): validates the bench document N times in one mode.
//!
//! ```text
//! cargo bench --bench instructions --no-run
//! valgrind --tool=callgrind target/release/deps/instructions-* MODE N
//! ```
//!
//! MODE is `typed` (plain `serde_json` decode), `validate`, `issues` or `none` (fixture only)
//! for the CatalogJSON bench document, or `logbook-typed`, `logbook-validate`,
//! `logbook-issues`, `logbook-none` for a one-year Logbook JSON document (four sessions a
//! week, eight exercises of 14 sets: about 23,000 sets).
//! Instructions per document: (count with N iterations - count with `none`) / N.
//!
//! With `REPLOG_BENCH_FILE=PATH` set, the CatalogJSON modes read that file instead of the
//! bench document (for example the planner's 12-week program the package benches use).

mod common;

use std::hint::black_box;
use std::process::ExitCode;

use replog::core::Logbook;
use replog::core::context::SyntheticLogbook;
use replog::{Catalog, Validator};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mode = args.next().unwrap_or_else(|| "validate".to_owned());
    let Some(runs) = args.next().map_or(Some(20), |n| n.parse::<usize>().ok()) else {
        eprintln!("usage: instructions [typed|validate|issues|none] [N]");
        return ExitCode::from(2);
    };
    let text = if mode.starts_with("logbook") {
        let logbook = SyntheticLogbook {
            exercises_per_session: 8,
            sets_per_exercise: Some(14),
            ..SyntheticLogbook::new(52, 4, 7)
        }
        .build();
        serde_json::to_vec(&logbook).expect("fixture serialises")
    } else if let Some(path) = std::env::var_os("REPLOG_BENCH_FILE") {
        match std::fs::read(&path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!(
                    "cannot read {}: {error}",
                    std::path::Path::new(&path).display()
                );
                return ExitCode::from(2);
            }
        }
    } else {
        serde_json::to_vec_pretty(&common::program_document(12, 5, 6, 4))
            .expect("fixture serialises")
    };
    let validator = Validator::new();
    for _ in 0..runs {
        match mode.as_str() {
            "typed" => drop(black_box(serde_json::from_slice::<Catalog>(black_box(
                &text,
            )))),
            "validate" => drop(black_box(validator.validate(black_box(&text)))),
            "issues" => drop(black_box(validator.issues(black_box(&text)))),
            "logbook-typed" => drop(black_box(serde_json::from_slice::<Logbook>(black_box(
                &text,
            )))),
            "logbook-validate" => drop(black_box(validator.validate_logbook(black_box(&text)))),
            "logbook-issues" => drop(black_box(validator.logbook_issues(black_box(&text)))),
            "none" | "logbook-none" => {}
            _ => {
                eprintln!("unknown mode {mode:?}: [logbook-]typed, validate, issues or none");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
