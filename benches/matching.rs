//! Exercise-name matching: 1,000 names against free-exercise-db (873 exercises, read from
//! `../shared/data`; where it is absent the bench says so and measures nothing). The names are
//! the catalog's own, perturbed the ways logs write them: equipment moved into parentheses or
//! after a comma, abbreviated (DB, BB, KB), made plural, words reversed, plus names that
//! match nothing. Also the one-off cost of building the matcher. Throughput is in names per
//! second.
//!
//! ```text
//! cargo bench --bench matching -- --warm-up-time 1 --measurement-time 3
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use replog::catalog::matching::{MatchKind, Matcher};
use replog::core::Exercise;
use serde_json::Value;

const NAMES: usize = 1000;

/// free-exercise-db's first 1,000 records (all 873) as exercises: name and equipment.
fn catalog(records: &[Value]) -> Vec<Exercise> {
    records
        .iter()
        .take(1000)
        .map(|record| {
            let mut exercise = Exercise::named(record["name"].as_str().unwrap_or_default());
            if let Some(equipment) = record["equipment"].as_str()
                && equipment != "body only"
            {
                exercise.equipment = vec![equipment.replace([' ', '-'], "_")];
            }
            exercise
        })
        .collect()
}

/// A catalog name rewritten one of six ways, chosen by `i`.
fn perturbed(name: &str, equipment: &str, i: usize) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match i % 6 {
        0 => match words.split_first() {
            Some((first, rest)) => format!("{}, {first}", rest.join(" ")),
            None => name.to_owned(),
        },
        1 => name
            .replace("Dumbbell", "DB")
            .replace("Barbell", "BB")
            .replace("Kettlebell", "KB"),
        2 => {
            let without: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| !w.eq_ignore_ascii_case(equipment))
                .collect();
            format!("{} ({equipment})", without.join(" "))
        }
        3 => format!("{name}s"),
        4 => words.iter().rev().copied().collect::<Vec<_>>().join(" "),
        _ => format!("Coach Jim's {} finisher #{i}", words.last().unwrap_or(&"")),
    }
}

fn bench_matching(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/free-exercise-db/exercises.json");
    let Ok(bytes) = std::fs::read(&path) else {
        println!(
            "SKIPPED: {} is not readable; the matching bench needs ../shared/data",
            path.display()
        );
        return;
    };
    let records: Vec<Value> = serde_json::from_slice(&bytes).expect("free-exercise-db is JSON");
    let exercises = catalog(&records);
    let names: Vec<String> = (0..NAMES)
        .filter_map(|i| {
            let record = records.get(i % records.len())?;
            let name = record["name"].as_str()?;
            let equipment = record["equipment"].as_str().unwrap_or("body only");
            Some(perturbed(name, equipment, i))
        })
        .collect();
    let matcher = Matcher::new(&exercises);
    let new = names
        .iter()
        .filter(|name| matcher.match_name(name).kind == MatchKind::New)
        .count();
    println!(
        "{} names against {} exercises: {new} new",
        names.len(),
        exercises.len()
    );

    let mut group = c.benchmark_group("matching");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("match_1000_names", |b| {
        b.iter(|| {
            for name in &names {
                black_box(matcher.match_name(black_box(name)));
            }
        });
    });
    group.finish();
    c.bench_function("build_matcher_873", |b| {
        b.iter(|| Matcher::new(black_box(&exercises)));
    });
}

criterion_group!(benches, bench_matching);
criterion_main!(benches);
