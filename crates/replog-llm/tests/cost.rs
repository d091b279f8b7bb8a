//! The price table: lookup (exact, then longest prefix), cached tokens at the cached rate,
//! configuration from JSON, and reference/002's cost figures.

use replog_llm::cost::{Price, PriceTable};
use replog_llm::{LlmError, Usage};

fn usage(input_tokens: u64, cached_tokens: u64, output_tokens: u64) -> Usage {
    Usage {
        input_tokens,
        output_tokens,
        cached_tokens,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn reference_002_figures_for_a_12_week_program() {
    // reference/002: ~24,000 input and ~12,300 output tokens; $0.18 on gpt-4o, $0.011 on
    // gpt-4o-mini.
    let table = PriceTable::default();
    let program = usage(24_000, 0, 12_300);
    let gpt4o = table.cost("gpt-4o", &program).unwrap();
    let mini = table.cost("gpt-4o-mini", &program).unwrap();
    assert!(close(gpt4o, 0.06 + 0.123), "{gpt4o}");
    assert!(close(mini, 0.0036 + 0.00738), "{mini}");
    assert_eq!(format!("{gpt4o:.2} {mini:.3}"), "0.18 0.011");
}

#[test]
fn lookup_is_exact_then_by_the_longest_prefix() {
    let table = PriceTable::default();
    let price = |model: &str| table.price(model).copied();
    assert_eq!(price("gpt-4o-mini-2024-07-18"), price("gpt-4o-mini"));
    assert_ne!(price("gpt-4o-mini-2024-07-18"), price("gpt-4o"));
    assert_eq!(price("gpt-4o-2024-08-06"), price("gpt-4o"));
    assert_eq!(price("gpt-4.1-mini-2025-04-14"), price("gpt-4.1-mini"));
    assert_eq!(price("gpt-4.1-2025-04-14"), price("gpt-4.1"));
    assert_eq!(
        price("claude-sonnet-4-5-20250929"),
        price("claude-sonnet-4-5")
    );
    assert_eq!(
        price("claude-haiku-4-5-20251001"),
        price("claude-haiku-4-5")
    );
    assert!(price("gpt-4o").is_some() && price("claude-sonnet-4-5").is_some());
    // unknown is not free
    assert_eq!(table.cost("some-new-model", &usage(1000, 0, 1000)), None);
    assert_eq!(price("4o"), None, "a suffix is not a prefix");
}

#[test]
fn local_models_and_the_planner_cost_nothing() {
    let table = PriceTable::default();
    for model in [
        "llama3.1:8b",
        "qwen2.5:14b",
        "gemma3",
        "phi4",
        "deepseek-r1:7b",
        "mock",
        replog_llm::planner::MODEL,
    ] {
        assert_eq!(
            table.cost(model, &usage(50_000, 10_000, 20_000)),
            Some(0.0),
            "{model}"
        );
    }
}

#[test]
fn cached_tokens_are_part_of_the_input_and_priced_at_the_cached_rate() {
    let table = PriceTable::empty().with("m", Price::new(2.0, 0.5, 10.0));
    // 1M input of which 400k cached, 100k output: 600k x 2 + 400k x 0.5 + 100k x 10
    let cost = table
        .cost("m", &usage(1_000_000, 400_000, 100_000))
        .unwrap();
    assert!(close(cost, 1.2 + 0.2 + 1.0), "{cost}");
    // all cached
    let cost = table.cost("m", &usage(1_000_000, 1_000_000, 0)).unwrap();
    assert!(close(cost, 0.5), "{cost}");
    // a provider reporting more cached than input tokens: never negative, never more than
    // the input at the cached rate
    let cost = table.cost("m", &usage(1_000, 5_000, 0)).unwrap();
    assert!(close(cost, 0.0005), "{cost}");
    // usage summed over attempts costs the sum of the attempts
    let a = usage(3_000, 1_000, 700);
    let b = usage(2_500, 2_000, 900);
    let sum = table.cost("m", &(a + b)).unwrap();
    let parts = table.cost("m", &a).unwrap() + table.cost("m", &b).unwrap();
    assert!(close(sum, parts));
}

#[test]
fn a_table_is_configured_from_json_and_serialises_back() {
    let table = PriceTable::from_json(
        r#"{
            "my-vllm": {"input_per_mtok": 0.2, "output_per_mtok": 0.4},
            "gpt-4o": {"input_per_mtok": 2.0, "cached_input_per_mtok": 1.0, "output_per_mtok": 8.0}
        }"#,
    )
    .unwrap();
    assert_eq!(
        table.price("my-vllm-70b"),
        Some(&Price::new(0.2, 0.2, 0.4)),
        "no cached rate given: the input rate"
    );
    assert_eq!(table.price("gpt-4o-mini"), Some(&Price::new(2.0, 1.0, 8.0)));
    assert_eq!(table.models().collect::<Vec<_>>(), ["gpt-4o", "my-vllm"]);

    let json = serde_json::to_string(&table).unwrap();
    assert_eq!(PriceTable::from_json(&json).unwrap(), table);

    // a configured table over the defaults keeps the defaults it does not replace
    let merged = PriceTable::default().merged(table);
    assert_eq!(merged.price("gpt-4o"), Some(&Price::new(2.0, 1.0, 8.0)));
    assert_eq!(
        merged.price("gpt-4o-mini"),
        PriceTable::default().price("gpt-4o-mini")
    );
    assert_eq!(merged.price("my-vllm"), Some(&Price::new(0.2, 0.2, 0.4)));
}

#[test]
fn with_replaces_a_price() {
    let table = PriceTable::default().with("gpt-4o", Price::FREE);
    assert_eq!(
        table.cost("gpt-4o-2024-11-20", &usage(10, 0, 10)),
        Some(0.0)
    );
}

#[test]
fn bad_tables_are_errors_that_say_where() {
    for (json, needle) in [
        (
            r#"{"m": {"input_per_mtok": -1, "output_per_mtok": 1}}"#,
            "zero or more",
        ),
        (r#"{"m": {"input_per_mtok": 1}}"#, "output_per_mtok"),
        (
            r#"{"m": {"input_per_mtok": 1, "output_per_mtok": 1, "cache": 2}}"#,
            "unknown field",
        ),
        (
            r#"{"m": {"input_per_mtok": "1", "output_per_mtok": 1}}"#,
            "invalid type",
        ),
        ("{\"m\": ", "EOF"),
    ] {
        let error = PriceTable::from_json(json).unwrap_err();
        assert!(matches!(error, LlmError::PriceTable(_)), "{error:?}");
        let message = error.to_string();
        assert!(message.starts_with("invalid price table: "), "{message}");
        assert!(message.contains(needle), "{json}: {message}");
        assert!(message.contains("line 1"), "{message}");
    }
}
