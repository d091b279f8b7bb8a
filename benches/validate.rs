//! Parse + validate a 12-week, 5-day, 6-exercise, 4-set program (about 400 KB pretty-printed),
//! valid and with 50 scattered errors, beside a plain typed `serde_json` decode of the same
//! bytes (no rules checked) as the baseline. Throughput is reported in MB/s.
//!
//! - `issues_*`: every issue, the document checked but not built (`Validator::issues`, the
//!   verdict the bindings return by default);
//! - `validate_*`: every issue and the typed document (`Validator::validate`);
//! - `is_valid_*`: stops at the first error.
//!
//! The `logbook_5y` group does the same for a five-year Logbook JSON document (four sessions a
//! week, about 100,000 logged sets): `validate_logbook` and `logbook_issues` beside a typed
//! decode of `Logbook`.
//!
//! ```text
//! cargo bench --bench validate
//! ```

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use replog::core::Logbook;
use replog::core::context::SyntheticLogbook;
use replog::{Catalog, Validator};

fn bench_validate(c: &mut Criterion) {
    let valid_doc = common::program_document(12, 5, 6, 4);
    let valid = serde_json::to_vec_pretty(&valid_doc).expect("fixture serialises");
    let invalid =
        serde_json::to_vec_pretty(&common::with_errors(valid_doc, 50)).expect("fixture serialises");
    let validator = Validator::new();
    assert!(
        validator.validate(&valid).is_valid(),
        "the valid fixture must validate"
    );
    assert_eq!(
        validator.validate(&invalid).errors().count(),
        50,
        "the fixture has 50 errors"
    );

    let mut group = c.benchmark_group("catalog_12w_5d_6e_4s");
    group.throughput(Throughput::Bytes(valid.len() as u64));
    group.bench_function("serde_json_typed_decode", |b| {
        b.iter(|| serde_json::from_slice::<Catalog>(black_box(&valid)).expect("decodes"));
    });
    group.bench_function("serde_json_value_parse", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&valid)).expect("parses"));
    });
    group.bench_function("issues_valid", |b| {
        b.iter(|| validator.issues(black_box(&valid)))
    });
    group.bench_function("validate_valid", |b| {
        b.iter(|| validator.validate(black_box(&valid)))
    });
    group.throughput(Throughput::Bytes(invalid.len() as u64));
    group.bench_function("issues_50_errors", |b| {
        b.iter(|| validator.issues(black_box(&invalid)))
    });
    group.bench_function("validate_50_errors", |b| {
        b.iter(|| validator.validate(black_box(&invalid)))
    });
    group.bench_function("is_valid_50_errors", |b| {
        b.iter(|| validator.is_valid(black_box(&invalid)))
    });
    group.finish();
}

fn bench_logbook(c: &mut Criterion) {
    let logbook = SyntheticLogbook {
        exercises_per_session: 8,
        sets_per_exercise: Some(14),
        ..SyntheticLogbook::new(260, 4, 7)
    }
    .build();
    let text = serde_json::to_vec(&logbook).expect("fixture serialises");
    let validator = Validator::new();
    let report = validator.validate_logbook(&text);
    assert!(
        report.is_valid(),
        "the synthetic logbook must validate: {:?}",
        report.issues().first()
    );
    let mut group = c.benchmark_group("logbook_5y");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("serde_json_typed_decode", |b| {
        b.iter(|| serde_json::from_slice::<Logbook>(black_box(&text)).expect("decodes"));
    });
    group.bench_function("logbook_issues", |b| {
        b.iter(|| validator.logbook_issues(black_box(&text)))
    });
    group.bench_function("validate_logbook", |b| {
        b.iter(|| validator.validate_logbook(black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench_validate, bench_logbook);
criterion_main!(benches);
