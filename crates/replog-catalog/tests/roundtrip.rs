//! Property tests: documents built from the typed model serialise, validate clean and parse
//! back equal, through text and through a parsed value.

mod generate;

use proptest::prelude::*;
use replog_catalog::Validator;
use replog_core::Catalog;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn model_documents_round_trip_and_validate_clean(catalog in generate::catalog()) {
        let text = serde_json::to_vec_pretty(&catalog).expect("serialises");
        let report = Validator::new().validate(&text);
        prop_assert!(report.is_valid(), "issues: {:#?}\n{}", report.issues(), String::from_utf8_lossy(&text));
        prop_assert_eq!(report.document(), Some(&catalog));

        let value = serde_json::to_value(&catalog).expect("serialises");
        let from_value = Validator::new().validate_value(&value);
        prop_assert_eq!(from_value.document(), Some(&catalog));

        // The plain typed decode agrees on valid documents.
        let typed: Catalog = serde_json::from_slice(&text).expect("typed decode");
        prop_assert_eq!(typed, catalog);
    }

    #[test]
    fn equipment_check_passes_when_every_item_is_available(catalog in generate::catalog()) {
        let all: Vec<String> = catalog.exercises.iter().flat_map(|e| e.equipment.clone()).collect();
        let text = serde_json::to_vec(&catalog).expect("serialises");
        let report = Validator::new().with_equipment(&all).validate(&text);
        prop_assert!(report.is_valid(), "{:#?}", report.issues());
    }
}
