//! The model's TypeScript declarations shipped in the package (`ts/model.d.ts`) equal the
//! rendering of the crates' JSON Schemas, so the types cannot drift from the contract.
//!
//! `REPLOG_UPDATE_TYPES=1 cargo test -p replog-wasm --test typescript` rewrites the file.

use std::collections::BTreeMap;
use std::path::Path;

use replog_catalog::{ImportPlan, NameMatch};
use replog_core::AthleteContext;
use replog_core::schema::{Dialect, catalog_schema, logbook_schema, render_typescript, schema_for};

/// One exported declaration: its doc comment and body, named.
fn declarations(text: &str, out: &mut Vec<(String, String)>) {
    let mut pending = String::new();
    for line in text.lines() {
        let starts = line.starts_with("interface ") || line.starts_with("type ");
        if line.starts_with("/**") && !pending.contains("interface ") && !pending.contains("type ")
        {
            pending.push_str(line);
            pending.push('\n');
            continue;
        }
        if starts {
            let name = line
                .split([' ', '<', '='])
                .nth(1)
                .unwrap_or_default()
                .to_owned();
            out.push((name, format!("{pending}export {line}\n")));
            pending.clear();
            continue;
        }
        if line.starts_with("/**") {
            pending.push_str(line);
            pending.push('\n');
            continue;
        }
        match out.last_mut() {
            Some((_, body)) => {
                body.push_str(line);
                body.push('\n');
            }
            None => panic!("a line outside any declaration: {line}"),
        }
    }
}

fn rendered() -> String {
    let schemas = [
        catalog_schema(Dialect::Draft202012).expect("the CatalogJSON schema"),
        logbook_schema(),
        schema_for::<AthleteContext>(Dialect::Draft202012).expect("the context schema"),
        ImportPlan::schema(),
        schema_for::<NameMatch>(Dialect::Draft202012).expect("the match schema"),
    ];
    let mut all = Vec::new();
    for schema in &schemas {
        declarations(&render_typescript(schema), &mut all);
    }
    // The schemas share definitions (Exercise, Program, ...): each is declared once, and a
    // name declared twice must mean the same type.
    let mut seen = BTreeMap::new();
    let mut out = String::from(
        "// Generated from the crates' JSON Schemas by tests/typescript.rs; do not edit.\n",
    );
    for (name, body) in all {
        match seen.get(&name) {
            Some(previous) => assert_eq!(previous, &body, "{name} declared two ways"),
            None => {
                out.push_str(&body);
                seen.insert(name, body);
            }
        }
    }
    out
}

#[test]
fn model_declarations_match_the_schemas() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ts/model.d.ts");
    let expected = rendered();
    if std::env::var_os("REPLOG_UPDATE_TYPES").is_some() {
        std::fs::write(&path, &expected).expect("write ts/model.d.ts");
    }
    let committed = std::fs::read_to_string(&path).expect("read ts/model.d.ts");
    assert_eq!(
        committed, expected,
        "ts/model.d.ts is stale: run REPLOG_UPDATE_TYPES=1 cargo test -p replog-wasm --test typescript"
    );
    for name in [
        "Catalog",
        "Logbook",
        "AthleteContext",
        "ImportPlan",
        "NameMatch",
    ] {
        assert!(
            committed.contains(&format!("export interface {name} ")),
            "{name} is not declared"
        );
    }
}
