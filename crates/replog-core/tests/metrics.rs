//! The metrics module's public behaviour: every e1RM formula against its published value, the
//! logbook's e1RM signal at its boundaries, and the RTS RPE chart and its inverses.

use replog_core::metrics::{
    Confidence, E1rm, E1rmFormula, RTS_CHART, RTS_CHART_RPES, implied_rpe, logged_set_e1rm,
    max_percent_for_reps, percent_of_1rm,
};
use serde_json::json;

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} is not {expected}"
    );
}

// ---- e1RM formulas ----

#[test]
fn every_formula_gives_its_published_value_for_100_by_5() {
    let expected = [
        (E1rmFormula::Epley, 116.67),
        (E1rmFormula::Brzycki, 112.50),
        (E1rmFormula::Lander, 113.71),
        (E1rmFormula::Lombardi, 117.46),
        (E1rmFormula::Mayhew, 119.01),
        (E1rmFormula::OConner, 112.50),
        (E1rmFormula::Wathan, 116.58),
    ];
    assert_eq!(
        expected.map(|(formula, _)| formula),
        E1rmFormula::ALL,
        "one expectation per formula"
    );
    for (formula, value) in expected {
        let estimate = formula.estimate(100.0, 5).expect("defined at 5 reps");
        assert_eq!(round2(estimate.value), value, "{formula}");
        assert_eq!(estimate.confidence, Confidence::Normal, "{formula}");
    }
}

#[test]
fn every_formula_gives_the_weight_itself_at_one_rep() {
    for formula in E1rmFormula::ALL {
        for weight in [0.5, 100.0, 142.5, 1999.0] {
            assert_eq!(
                formula.estimate(weight, 1),
                Some(E1rm {
                    value: weight,
                    confidence: Confidence::Normal
                }),
                "{formula} at {weight}"
            );
        }
    }
}

#[test]
fn estimates_grow_with_reps_over_the_fitted_range() {
    for formula in E1rmFormula::ALL {
        let values: Vec<f64> = (1..=10)
            .map(|reps| formula.estimate(100.0, reps).expect("defined").value)
            .collect();
        assert!(
            values.windows(2).all(|pair| pair[0] < pair[1]),
            "{formula}: {values:?}"
        );
    }
}

#[test]
fn no_estimate_from_zero_reps() {
    for formula in E1rmFormula::ALL {
        assert_eq!(formula.estimate(100.0, 0), None, "{formula}");
    }
}

#[test]
fn no_estimate_from_a_weight_that_is_not_positive_and_finite() {
    for formula in E1rmFormula::ALL {
        for weight in [0.0, -0.0, -5.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            for reps in [1, 5] {
                assert_eq!(
                    formula.estimate(weight, reps),
                    None,
                    "{formula} at {weight} x {reps}"
                );
            }
        }
    }
}

#[test]
fn brzycki_has_no_estimate_from_37_reps() {
    let brzycki = E1rmFormula::Brzycki;
    let at_36 = brzycki.estimate(100.0, 36).expect("denominator 1");
    assert_close(at_36.value, 3600.0);
    assert_eq!(brzycki.estimate(100.0, 37), None);
    assert_eq!(brzycki.estimate(100.0, 38), None);
    assert_eq!(brzycki.estimate(100.0, u32::MAX), None);
}

#[test]
fn lander_has_no_estimate_past_its_asymptote() {
    // 101.3 / 2.67123 = 37.92...: 37 reps is the last with a positive denominator.
    let lander = E1rmFormula::Lander;
    assert!(lander.estimate(100.0, 37).is_some());
    assert_eq!(lander.estimate(100.0, 38), None);
    assert_eq!(lander.estimate(100.0, 1000), None);
}

#[test]
fn estimates_are_never_nan_or_infinite() {
    let weights = [f64::MIN_POSITIVE, 1e-300, 1.0, 100.0, 1e300, f64::MAX];
    let reps = (0..=200).chain([1_000, 100_000, u32::MAX]);
    let mut defined = 0;
    for r in reps {
        for formula in E1rmFormula::ALL {
            for w in weights {
                if let Some(estimate) = formula.estimate(w, r) {
                    assert!(estimate.value.is_finite(), "{formula} {w} x {r}");
                    assert!(estimate.value > 0.0, "{formula} {w} x {r}");
                    defined += 1;
                }
            }
        }
    }
    assert!(defined > 1000, "only {defined} estimates were defined");
}

#[test]
fn an_estimate_that_would_overflow_is_none() {
    assert_eq!(E1rmFormula::Epley.estimate(f64::MAX, 2), None);
    assert_eq!(E1rmFormula::Mayhew.estimate(f64::MAX, 5), None);
    // A single is the weight, however large.
    assert_eq!(
        E1rmFormula::Epley.estimate(f64::MAX, 1).map(|e| e.value),
        Some(f64::MAX)
    );
}

#[test]
fn confidence_is_low_above_ten_reps() {
    for formula in E1rmFormula::ALL {
        let confidence = |reps| formula.estimate(100.0, reps).expect("defined").confidence;
        assert_eq!(confidence(1), Confidence::Normal, "{formula}");
        assert_eq!(confidence(10), Confidence::Normal, "{formula}");
        assert_eq!(confidence(11), Confidence::Low, "{formula}");
        assert_eq!(confidence(30), Confidence::Low, "{formula}");
    }
}

#[test]
fn epley_is_the_default_formula() {
    assert_eq!(E1rmFormula::default(), E1rmFormula::Epley);
}

#[test]
fn formula_names_round_trip_through_as_str_display_and_serde() {
    let names = E1rmFormula::ALL.map(E1rmFormula::as_str);
    assert_eq!(
        names,
        [
            "epley", "brzycki", "lander", "lombardi", "mayhew", "oconner", "wathan"
        ]
    );
    for formula in E1rmFormula::ALL {
        let name = formula.as_str();
        assert_eq!(E1rmFormula::from_name(name), Some(formula));
        assert_eq!(formula.to_string(), name);
        let value = serde_json::to_value(formula).expect("serialises");
        assert_eq!(value, json!(name));
        let back: E1rmFormula = serde_json::from_value(value).expect("deserialises");
        assert_eq!(back, formula);
    }
}

#[test]
fn unknown_formula_names_are_rejected() {
    for name in ["o_conner", "OConner", "Epley", "epley ", "", "mcglothin"] {
        assert_eq!(E1rmFormula::from_name(name), None, "{name:?}");
        assert!(
            serde_json::from_value::<E1rmFormula>(json!(name)).is_err(),
            "{name:?}"
        );
    }
}

#[test]
fn an_estimate_serialises_its_value_and_confidence() {
    let estimate = E1rmFormula::Brzycki.estimate(100.0, 12).expect("defined");
    let value = serde_json::to_value(estimate).expect("serialises");
    assert_eq!(value, json!({"value": 144.0, "confidence": "low"}));
    let back: E1rm = serde_json::from_value(value).expect("deserialises");
    assert_eq!(back, estimate);
    assert_eq!(
        serde_json::to_value(Confidence::Normal).expect("serialises"),
        json!("normal")
    );
}

// ---- the logbook's e1RM signal ----

#[test]
fn logged_set_e1rm_is_the_weight_for_a_single() {
    assert_eq!(logged_set_e1rm(Some(142.5), 1), Some(142.5));
}

#[test]
fn logged_set_e1rm_is_epley_from_2_to_12_reps() {
    for reps in 2..=12 {
        let expected = 100.0 * (1.0 + f64::from(reps) / 30.0);
        let actual = logged_set_e1rm(Some(100.0), reps).expect("defined");
        assert_close(actual, expected);
    }
    assert_eq!(logged_set_e1rm(Some(100.0), 5).map(round2), Some(116.67));
    assert_close(logged_set_e1rm(Some(100.0), 12).expect("12 is in"), 140.0);
}

#[test]
fn logged_set_e1rm_is_undefined_outside_its_rep_range_or_without_weight() {
    assert_eq!(logged_set_e1rm(Some(100.0), 13), None);
    assert_eq!(logged_set_e1rm(Some(100.0), 20), None);
    assert_eq!(logged_set_e1rm(Some(100.0), 0), None);
    assert_eq!(logged_set_e1rm(None, 5), None);
    assert_eq!(logged_set_e1rm(None, 1), None);
    assert_eq!(logged_set_e1rm(Some(0.0), 5), None);
    assert_eq!(logged_set_e1rm(Some(f64::NAN), 5), None);
}

#[test]
fn logged_set_e1rm_differs_from_the_general_estimator_past_12_reps() {
    // The general estimator still answers (with low confidence); the signal does not.
    assert!(E1rmFormula::Epley.estimate(100.0, 13).is_some());
    assert_eq!(logged_set_e1rm(Some(100.0), 13), None);
}

// ---- the RTS RPE chart ----

#[test]
fn rpe_chart_gives_the_spec_values() {
    assert_eq!(percent_of_1rm(5, 8.0), Some(81.1));
    assert_eq!(percent_of_1rm(1, 9.5), Some(97.8));
    assert_eq!(percent_of_1rm(1, 10.0), Some(100.0));
}

#[test]
fn rpe_10_column_is_the_published_one_and_the_max_per_reps() {
    let published = [
        100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0,
    ];
    for (reps, percent) in (1..).zip(published) {
        assert_eq!(percent_of_1rm(reps, 10.0), Some(percent), "{reps} reps");
        assert_eq!(max_percent_for_reps(reps), Some(percent), "{reps} reps");
    }
    assert_eq!(max_percent_for_reps(0), None);
    assert_eq!(max_percent_for_reps(13), None);
}

#[test]
fn rpe_chart_falls_along_reps_and_along_falling_rpe() {
    for (r, row) in RTS_CHART.iter().enumerate() {
        for c in 0..row.len() {
            if c + 1 < row.len() {
                assert!(row[c] > row[c + 1], "row {r} column {c}");
            }
            if r + 1 < RTS_CHART.len() {
                assert!(row[c] > RTS_CHART[r + 1][c], "row {r} column {c}");
            }
        }
    }
}

#[test]
fn rpe_chart_follows_the_reps_in_reserve_diagonal() {
    // One more rep at one RPE less is the same load: the cell a row down and two columns
    // (one whole RPE) left.
    for r in 0..RTS_CHART.len() - 1 {
        for c in 2..RTS_CHART_RPES.len() {
            assert_eq!(RTS_CHART[r][c], RTS_CHART[r + 1][c - 2], "row {r} col {c}");
        }
    }
    // Half RPEs sit midway between their whole-RPE neighbours, to the printed decimal.
    for row in &RTS_CHART {
        for c in [1, 3, 5] {
            let midpoint = (row[c - 1] + row[c + 1]) / 2.0;
            assert!((row[c] - midpoint).abs() <= 0.05 + 1e-9, "{row:?} col {c}");
        }
    }
}

#[test]
fn rpe_chart_has_no_value_off_the_grid_or_outside_it() {
    for rpe in [8.3, 8.25, 6.0, 5.5, 1.0, 10.5, f64::NAN, f64::INFINITY] {
        assert_eq!(percent_of_1rm(5, rpe), None, "RPE {rpe}");
    }
    for reps in [0, 13, 100, u32::MAX] {
        assert_eq!(percent_of_1rm(reps, 8.0), None, "{reps} reps");
    }
    assert_eq!(percent_of_1rm(12, 6.5), Some(58.6));
}

#[test]
fn implied_rpe_inverts_every_cell() {
    for (reps, row) in (1..).zip(&RTS_CHART) {
        for (&percent, &rpe) in row.iter().zip(&RTS_CHART_RPES) {
            assert_eq!(percent_of_1rm(reps, rpe), Some(percent));
            assert_eq!(implied_rpe(reps, percent), Some(rpe), "{reps} at {percent}");
        }
    }
}

#[test]
fn implied_rpe_interpolates_between_columns() {
    // 5 reps: RPE 8.5 is 82.4 %, RPE 8 is 81.1 %.
    let rpe = implied_rpe(5, 81.75).expect("inside the chart");
    assert!((rpe - 8.25).abs() < 1e-9, "{rpe}");
    let near_top = implied_rpe(1, 99.0).expect("inside the chart");
    assert!(near_top > 9.5 && near_top < 10.0, "{near_top}");
}

#[test]
fn implied_rpe_is_none_outside_the_chart() {
    assert_eq!(implied_rpe(5, 86.4), None, "heavier than 5 reps allow");
    assert_eq!(implied_rpe(1, 100.5), None, "above a true max");
    assert_eq!(implied_rpe(5, 77.3), None, "easier than RPE 6.5");
    assert_eq!(implied_rpe(0, 80.0), None);
    assert_eq!(implied_rpe(13, 60.0), None);
    for percent in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(implied_rpe(5, percent), None, "{percent}");
    }
}
