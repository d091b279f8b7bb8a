//! Builders shared by several modules of the rules suite, on top of `common`.

use crate::common::{PROGRAM, RULE, at, doc_with, rule, set};
use replog_core::{Catalog, Exercise};
use serde_json::{Value, json};

/// The minimal document with a unit, so sets may give a `weight`.
pub(crate) fn doc_unit() -> Value {
    doc_with(&at(PROGRAM, "unit"), json!("kg"))
}

/// The minimal document with a unit and one valid progression rule.
pub(crate) fn doc_rule() -> Value {
    let mut out = doc_unit();
    set(&mut out, &at(PROGRAM, "progression_rules"), json!([rule()]));
    out
}

/// A value as compact JSON text.
pub(crate) fn text(value: &Value) -> String {
    serde_json::to_string(value).unwrap()
}

/// The minimal document with a unit and a rule that deloads after 3 failures by 10%.
pub(crate) fn doc_deload() -> Value {
    let mut out = doc_rule();
    set(&mut out, &at(RULE, "deload_after_failures"), json!(3));
    set(&mut out, &at(RULE, "deload_percent"), json!(10));
    out
}

/// A supplied catalog: Deadlift (alias DL, needs a barbell) and a bodyweight Pull Up.
pub(crate) fn host() -> Catalog {
    let mut deadlift = Exercise::named("Deadlift");
    deadlift.aliases = vec!["DL".to_owned()];
    deadlift.equipment = vec!["barbell".to_owned()];
    Catalog::new(vec![deadlift, Exercise::named("Pull Up")], vec![])
}
