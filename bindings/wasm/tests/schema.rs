//! The CatalogJSON schemas embedded in the package (`schema/*.json`, what `catalogJsonSchema`
//! returns) equal the crates' own, so the browser's schema cannot drift from the contract.
//!
//! `REPLOG_UPDATE_SCHEMAS=1 cargo test -p replog-wasm --test schema` rewrites the files.

use std::path::Path;

use replog_core::schema::{Dialect, catalog_schema, to_string_pretty};

#[test]
fn embedded_schemas_match_the_crates() {
    let update = std::env::var_os("REPLOG_UPDATE_SCHEMAS").is_some();
    for dialect in Dialect::ALL {
        let name = format!("schema/catalog.{}.json", dialect.as_str());
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&name);
        let schema = catalog_schema(dialect).expect("the CatalogJSON schema");
        // The text `cargo run --example schema` prints: keywords in the conventional order.
        let expected = to_string_pretty(&schema).expect("a schema renders") + "\n";
        if update {
            std::fs::write(&path, &expected).expect("write the schema file");
        }
        let committed = std::fs::read_to_string(&path).expect("read the schema file");
        assert_eq!(
            committed, expected,
            "{name} is stale: run REPLOG_UPDATE_SCHEMAS=1 cargo test -p replog-wasm --test schema"
        );
        let parsed: serde_json::Value = serde_json::from_str(&committed).expect("JSON");
        assert_eq!(parsed, schema, "{name} reads back as another schema");
    }
}
