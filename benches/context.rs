//! `build_context` on synthetic logbooks of four sessions a week: six months (six exercises
//! of 4-5 sets a session, about 2,400 sets) and five years (eight exercises of 14 sets, about
//! 100,000 sets). Throughput is reported in sets per second, so the two figures compare
//! directly: building a context is one pass over the sets, and the time per set should be
//! about the same for both sizes.
//!
//! ```text
//! cargo bench --bench context -- --warm-up-time 1 --measurement-time 3
//! ```

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use replog::core::Logbook;
use replog::core::context::{ContextOptions, SyntheticLogbook, build_context};

fn set_count(logbook: &Logbook) -> u64 {
    logbook.workouts.iter().map(|w| w.sets.len() as u64).sum()
}

fn bench_context(c: &mut Criterion) {
    let six_months = SyntheticLogbook::new(26, 4, 7).build();
    let five_years = SyntheticLogbook {
        exercises_per_session: 8,
        sets_per_exercise: Some(14),
        ..SyntheticLogbook::new(260, 4, 7)
    }
    .build();
    let options = ContextOptions::default();
    let mut group = c.benchmark_group("build_context");
    for (name, logbook) in [("6_months", &six_months), ("5_years", &five_years)] {
        let sets = set_count(logbook);
        println!("{name}: {} workouts, {sets} sets", logbook.workouts.len());
        group.throughput(Throughput::Elements(sets));
        group.bench_function(name, |b| {
            b.iter(|| build_context(black_box(logbook), black_box(&options)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_context);
criterion_main!(benches);
