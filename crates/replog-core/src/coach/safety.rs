//! The safety constraints of reference/004, enforced here whatever produced a suggestion
//! (the rules or a model): at most +10 % weight, at least 80 % of the planned reps, at least
//! 30 s rest, at most +15 % volume, caution above fatigue 8/10, a load reduction when form
//! is rated below 6/10. Configurable, with stricter defaults for athletes under 18; every
//! clamp is returned as a [`Factor`] so the athlete sees what was changed and why.

use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::recommendation::{Factor, Prescription};
use super::signals::SessionSignals;

/// The age from which the adult limits apply.
pub const ADULT_AGE: u32 = 18;

/// A safety rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SafetyRule {
    /// A value that cannot be trained (negative or non-finite load, no sets) was replaced.
    InvalidValue,
    /// Form rated below the limit: the load is reduced.
    FormReduction,
    /// Fatigue above the threshold: nothing goes up.
    FatigueCaution,
    /// At most this much more weight than planned.
    MaxWeightIncrease,
    /// At least this share of the planned reps.
    MinRepRetention,
    /// At least this much rest.
    MinRest,
    /// At most this much more volume than planned.
    MaxVolumeIncrease,
}

/// The limits. `Default` is reference/004's adult set; [`SafetyLimits::youth`] the stricter
/// one for athletes under 18.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SafetyLimits {
    /// Most weight added, as a share of the planned weight (0.10).
    pub max_weight_increase: f64,
    /// Fewest reps kept, as a share of the planned reps (0.80).
    pub min_rep_retention: f64,
    /// Least rest between sets, in seconds (30).
    pub min_rest_seconds: u32,
    /// Most volume added, as a share of the planned volume (0.15).
    pub max_volume_increase: f64,
    /// Fatigue (1-10) above which nothing goes up (8).
    pub fatigue_threshold: f64,
    /// Form rating (1-10) below which the load is reduced (6).
    pub form_threshold: f64,
    /// How much the load is reduced for poor form, as a share of the planned weight (0.10).
    pub form_reduction: f64,
}

impl Default for SafetyLimits {
    fn default() -> Self {
        Self {
            max_weight_increase: 0.10,
            min_rep_retention: 0.80,
            min_rest_seconds: 30,
            max_volume_increase: 0.15,
            fatigue_threshold: 8.0,
            form_threshold: 6.0,
            form_reduction: 0.10,
        }
    }
}

impl SafetyLimits {
    /// The limits for athletes under 18: half the load step (the NSCA youth position
    /// statement, Faigenbaum et al. 2009, advises 5-10 % increases; this takes the low end),
    /// a minute's rest, +10 % volume, caution from fatigue 7, and form held to 7 with a
    /// 15 % reduction below it.
    pub fn youth() -> Self {
        Self {
            max_weight_increase: 0.05,
            min_rep_retention: 0.80,
            min_rest_seconds: 60,
            max_volume_increase: 0.10,
            fatigue_threshold: 7.0,
            form_threshold: 7.0,
            form_reduction: 0.15,
        }
    }

    /// The youth limits under 18, the adult ones from 18 or when the age is unknown.
    pub fn for_age(age: Option<u32>) -> Self {
        match age {
            Some(age) if age < ADULT_AGE => Self::youth(),
            _ => Self::default(),
        }
    }

    /// Applies every rule to `suggested` (against `original`, the plan, and `signals`),
    /// changing it where a rule demands, and returns one factor per rule that acted, in the
    /// order applied. `label` names the prescription in the messages (`suggestion`,
    /// `alternative 1`).
    pub fn apply(
        &self,
        original: &Prescription,
        suggested: &mut Prescription,
        signals: &SessionSignals,
        label: &str,
    ) -> Vec<Factor> {
        let mut factors = Vec::new();
        let mut clamp = |rule, message: String| {
            factors.push(Factor::Clamp {
                rule,
                message: format!("{label}: {message}"),
            });
        };
        let planned = original.weight.filter(|w| w.is_finite() && *w > 0.0);

        // Nothing below works on a load that cannot exist or on zero sets.
        if let Some(w) = suggested.weight.filter(|w| !w.is_finite() || *w < 0.0) {
            suggested.weight = planned;
            clamp(
                SafetyRule::InvalidValue,
                format!("load {w} replaced by the planned {}", show(planned)),
            );
        }
        if suggested.sets == 0 {
            suggested.sets = original.sets.max(1);
            clamp(
                SafetyRule::InvalidValue,
                format!("0 sets replaced by {}", suggested.sets),
            );
        }

        if let (Some(form), Some(w)) = (signals.form(), planned) {
            if form < self.form_threshold {
                let cap = floor_tenth(w * (1.0 - self.form_reduction));
                if suggested.weight.is_none_or(|s| s > cap) {
                    let from = suggested.weight;
                    suggested.weight = Some(cap);
                    clamp(
                        SafetyRule::FormReduction,
                        format!(
                            "form rated {} (below {}): load {} -> {}",
                            tidy(form),
                            tidy(self.form_threshold),
                            show(from),
                            tidy(cap)
                        ),
                    );
                }
            }
        }

        if let Some(fatigue) = signals.fatigue().filter(|f| *f > self.fatigue_threshold) {
            let mut held = String::new();
            if let (Some(s), Some(w)) = (suggested.weight, planned) {
                if s > w {
                    suggested.weight = Some(w);
                    let _ = write!(held, ", load {} -> {}", tidy(s), tidy(w));
                }
            }
            if suggested.reps > original.reps {
                let _ = write!(held, ", reps {} -> {}", suggested.reps, original.reps);
                suggested.reps = original.reps;
            }
            if suggested.sets > original.sets.max(1) {
                let _ = write!(
                    held,
                    ", sets {} -> {}",
                    suggested.sets,
                    original.sets.max(1)
                );
                suggested.sets = original.sets.max(1);
            }
            clamp(
                SafetyRule::FatigueCaution,
                format!(
                    "fatigue {} (above {}): nothing goes up{held}",
                    tidy(fatigue),
                    tidy(self.fatigue_threshold)
                ),
            );
        }

        match (suggested.weight, planned) {
            (Some(s), Some(w)) => {
                let cap = floor_tenth(w * (1.0 + self.max_weight_increase));
                if s > cap {
                    suggested.weight = Some(cap);
                    clamp(
                        SafetyRule::MaxWeightIncrease,
                        format!(
                            "load {} -> {} (at most +{}% of {})",
                            tidy(s),
                            tidy(cap),
                            tidy(self.max_weight_increase * 100.0),
                            tidy(w)
                        ),
                    );
                }
            }
            // Load on an unloaded (or unknown) plan has no base to add a share to.
            (Some(s), None) if s > 0.0 => {
                suggested.weight = original.weight;
                clamp(
                    SafetyRule::MaxWeightIncrease,
                    format!("load {} on an unloaded plan removed", tidy(s)),
                );
            }
            _ => {}
        }

        let floor = rep_floor(original.reps, self.min_rep_retention);
        if suggested.reps < floor {
            clamp(
                SafetyRule::MinRepRetention,
                format!(
                    "reps {} -> {floor} (at least {}% of {})",
                    suggested.reps,
                    tidy(self.min_rep_retention * 100.0),
                    original.reps
                ),
            );
            suggested.reps = floor;
        }

        if let Some(rest) = suggested.rest_seconds {
            if rest < self.min_rest_seconds {
                suggested.rest_seconds = Some(self.min_rest_seconds);
                clamp(
                    SafetyRule::MinRest,
                    format!("rest {rest} s -> {} s", self.min_rest_seconds),
                );
            }
        }

        let cap = original.volume() * (1.0 + self.max_volume_increase);
        let before = suggested.volume();
        if before > cap + 1e-9 {
            fit_volume(suggested, original, cap);
            clamp(
                SafetyRule::MaxVolumeIncrease,
                format!(
                    "volume {} -> {} (at most +{}% of {}): {} x {} @ {}",
                    tidy(before),
                    tidy(suggested.volume()),
                    tidy(self.max_volume_increase * 100.0),
                    tidy(original.volume()),
                    suggested.sets,
                    suggested.reps,
                    show(suggested.weight)
                ),
            );
        }
        factors
    }
}

/// The fewest reps kept: `retention` of `planned`, rounded up (80 % of 5 is 4).
fn rep_floor(planned: u32, retention: f64) -> u32 {
    let floor = (f64::from(planned) * retention.clamp(0.0, 1.0) - 1e-9).ceil();
    // Between 0 and `planned`, so the conversion is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let floor = floor.max(0.0) as u32;
    floor.min(planned)
}

/// Brings the volume down to `cap` by undoing what went up: extra sets first (not below the
/// plan's), then extra reps (not below the plan's), then load. The load was already held
/// to +10 %, so the last step only acts when the limits are set tighter than that.
fn fit_volume(p: &mut Prescription, original: &Prescription, cap: f64) {
    let per_rep = p
        .weight
        .filter(|w| w.is_finite() && *w > 0.0)
        .unwrap_or(1.0);
    let fits = |p: &Prescription| p.volume() <= cap + 1e-9;
    if !fits(p) && p.sets > original.sets {
        p.sets = original
            .sets
            .max(most(cap, f64::from(p.reps) * per_rep, p.sets));
    }
    if !fits(p) && p.reps > original.reps {
        p.reps = original
            .reps
            .max(most(cap, f64::from(p.sets) * per_rep, p.reps));
    }
    if !fits(p) {
        let work = f64::from(p.sets) * f64::from(p.reps);
        if let Some(w) = p.weight.filter(|w| *w > 0.0 && work > 0.0) {
            p.weight = Some(floor_tenth(cap / work).min(w));
        }
    }
}

/// The most whole units of `unit` volume that fit in `cap`, at most `limit`.
fn most(cap: f64, unit: f64, limit: u32) -> u32 {
    if unit <= 0.0 {
        return limit;
    }
    let n = (cap / unit + 1e-9).floor().clamp(0.0, f64::from(limit));
    // Between 0 and `limit`, so the conversion is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = n as u32;
    n
}

/// Rounds down to 0.1, so that a capped load never ends above its cap.
fn floor_tenth(value: f64) -> f64 {
    (value * 10.0 + 1e-9).floor() / 10.0
}

/// A number as short text.
fn tidy(value: f64) -> String {
    crate::context::round::text(value)
}

/// A load as short text, `none` for none.
fn show(weight: Option<f64>) -> String {
    weight.map_or_else(|| "none".to_owned(), tidy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coach::signals::SetFeedback;

    fn plan() -> Prescription {
        Prescription::new(3, 5, Some(100.0), Some(120))
    }

    fn with_form(form: f64) -> SessionSignals {
        SessionSignals {
            last_sets: vec![SetFeedback {
                reps: 5,
                weight: Some(100.0),
                rpe: None,
                form: Some(form),
            }],
            ..SessionSignals::default()
        }
    }

    fn with_fatigue(fatigue: f64) -> SessionSignals {
        SessionSignals {
            fatigue: Some(fatigue),
            ..SessionSignals::default()
        }
    }

    /// One row: limits, signals, the suggestion, what it must become, the rules that act.
    struct Row {
        name: &'static str,
        limits: SafetyLimits,
        signals: SessionSignals,
        suggested: Prescription,
        expected: Prescription,
        rules: &'static [SafetyRule],
    }

    fn p(sets: u32, reps: u32, weight: Option<f64>, rest: Option<u32>) -> Prescription {
        Prescription::new(sets, reps, weight, rest)
    }

    #[test]
    fn every_rule_clamps_and_is_recorded() {
        use SafetyRule::*;
        let adult = SafetyLimits::default();
        let youth = SafetyLimits::youth();
        let none = SessionSignals::default;
        let rows = [
            Row {
                name: "within every limit",
                limits: adult,
                signals: none(),
                suggested: p(3, 5, Some(105.0), Some(90)),
                expected: p(3, 5, Some(105.0), Some(90)),
                rules: &[],
            },
            Row {
                name: "weight +20 % to +10 %",
                limits: adult,
                signals: none(),
                suggested: p(3, 5, Some(120.0), Some(120)),
                expected: p(3, 5, Some(110.0), Some(120)),
                rules: &[MaxWeightIncrease],
            },
            Row {
                name: "youth: weight +8 % to +5 %",
                limits: youth,
                signals: none(),
                suggested: p(3, 5, Some(108.0), Some(120)),
                expected: p(3, 5, Some(105.0), Some(120)),
                rules: &[MaxWeightIncrease],
            },
            Row {
                name: "reps 2 of 5 up to 4",
                limits: adult,
                signals: none(),
                suggested: p(3, 2, Some(100.0), Some(120)),
                expected: p(3, 4, Some(100.0), Some(120)),
                rules: &[MinRepRetention],
            },
            Row {
                name: "rest 10 s up to 30 s",
                limits: adult,
                signals: none(),
                suggested: p(3, 5, Some(100.0), Some(10)),
                expected: p(3, 5, Some(100.0), Some(30)),
                rules: &[MinRest],
            },
            Row {
                name: "youth: rest 45 s up to 60 s",
                limits: youth,
                signals: none(),
                suggested: p(3, 5, Some(100.0), Some(45)),
                expected: p(3, 5, Some(100.0), Some(60)),
                rules: &[MinRest],
            },
            Row {
                name: "volume: 5 sets cut to 3 (+15 % allows 1725 of 1500)",
                limits: adult,
                signals: none(),
                suggested: p(5, 5, Some(100.0), Some(120)),
                expected: p(3, 5, Some(100.0), Some(120)),
                rules: &[MaxVolumeIncrease],
            },
            Row {
                name: "volume: extra reps cut back (3 x 7 x 100 > 1725)",
                limits: adult,
                signals: none(),
                suggested: p(3, 7, Some(100.0), Some(120)),
                expected: p(3, 5, Some(100.0), Some(120)),
                rules: &[MaxVolumeIncrease],
            },
            Row {
                name: "volume: weight and reps both up, reps give way",
                limits: adult,
                signals: none(),
                suggested: p(3, 6, Some(110.0), Some(120)),
                expected: p(3, 5, Some(110.0), Some(120)),
                rules: &[MaxVolumeIncrease],
            },
            Row {
                name: "volume: looser load limit, tighter volume limit: load gives way",
                limits: SafetyLimits {
                    max_weight_increase: 0.2,
                    max_volume_increase: 0.05,
                    ..adult
                },
                signals: none(),
                suggested: p(3, 5, Some(115.0), Some(120)),
                expected: p(3, 5, Some(105.0), Some(120)),
                rules: &[MaxVolumeIncrease],
            },
            Row {
                name: "fatigue 9 holds weight, reps and sets",
                limits: adult,
                signals: with_fatigue(9.0),
                suggested: p(4, 6, Some(105.0), Some(120)),
                expected: p(3, 5, Some(100.0), Some(120)),
                rules: &[FatigueCaution],
            },
            Row {
                name: "fatigue 8 is not above the threshold",
                limits: adult,
                signals: with_fatigue(8.0),
                suggested: p(3, 5, Some(105.0), Some(120)),
                expected: p(3, 5, Some(105.0), Some(120)),
                rules: &[],
            },
            Row {
                name: "youth: fatigue 7.5 is above 7",
                limits: youth,
                signals: with_fatigue(7.5),
                suggested: p(3, 5, Some(103.0), Some(120)),
                expected: p(3, 5, Some(100.0), Some(120)),
                rules: &[FatigueCaution],
            },
            Row {
                name: "form 5 reduces the load 10 %",
                limits: adult,
                signals: with_form(5.0),
                suggested: p(3, 5, Some(105.0), Some(120)),
                expected: p(3, 5, Some(90.0), Some(120)),
                rules: &[FormReduction],
            },
            Row {
                name: "form 5 and a suggestion already lighter than the reduction",
                limits: adult,
                signals: with_form(5.0),
                suggested: p(3, 5, Some(80.0), Some(120)),
                expected: p(3, 5, Some(80.0), Some(120)),
                rules: &[],
            },
            Row {
                name: "youth: form 6.5 is below 7, 15 % off",
                limits: youth,
                signals: with_form(6.5),
                suggested: p(3, 5, Some(100.0), Some(120)),
                expected: p(3, 5, Some(85.0), Some(120)),
                rules: &[FormReduction],
            },
            Row {
                name: "invalid load and zero sets",
                limits: adult,
                signals: none(),
                suggested: p(0, 5, Some(-20.0), Some(120)),
                expected: p(3, 5, Some(100.0), Some(120)),
                rules: &[InvalidValue, InvalidValue],
            },
            Row {
                name: "everything at once",
                limits: adult,
                signals: with_fatigue(9.5),
                suggested: p(6, 1, Some(200.0), Some(5)),
                expected: p(3, 4, Some(100.0), Some(30)),
                rules: &[FatigueCaution, MinRepRetention, MinRest],
            },
        ];
        for row in rows {
            let mut suggested = row.suggested.clone();
            let factors = row
                .limits
                .apply(&plan(), &mut suggested, &row.signals, "suggestion");
            assert_eq!(suggested, row.expected, "{}", row.name);
            let rules: Vec<SafetyRule> = factors.iter().filter_map(Factor::rule).collect();
            assert_eq!(rules, row.rules, "{}: {factors:?}", row.name);
            for factor in &factors {
                let Factor::Clamp { message, .. } = factor else {
                    panic!("only clamps")
                };
                assert!(message.starts_with("suggestion: "), "{message}");
            }
            // Applying the rules again changes nothing more (fatigue still cautions).
            let mut again = suggested.clone();
            let second = row.limits.apply(&plan(), &mut again, &row.signals, "again");
            assert_eq!(again, suggested, "{} is stable", row.name);
            assert!(
                second
                    .iter()
                    .all(|f| f.rule() == Some(SafetyRule::FatigueCaution)),
                "{}: {second:?}",
                row.name
            );
        }
    }

    #[test]
    fn unloaded_plans_count_volume_in_reps() {
        let plan = p(3, 10, None, None);
        let mut suggested = p(5, 10, None, None);
        let factors =
            SafetyLimits::default().apply(&plan, &mut suggested, &SessionSignals::default(), "s");
        assert_eq!(suggested, p(3, 10, None, None));
        assert_eq!(
            factors.iter().filter_map(Factor::rule).collect::<Vec<_>>(),
            [SafetyRule::MaxVolumeIncrease]
        );
        // 11 reps is +10 %: within the +15 %.
        let mut eleven = p(3, 11, None, None);
        let factors =
            SafetyLimits::default().apply(&plan, &mut eleven, &SessionSignals::default(), "s");
        assert!(factors.is_empty() && eleven.reps == 11);
        // Load on an unloaded plan has no base for +10 %: removed.
        let mut loaded = p(3, 10, Some(20.0), None);
        let factors =
            SafetyLimits::default().apply(&plan, &mut loaded, &SessionSignals::default(), "s");
        assert_eq!(loaded, plan);
        assert_eq!(
            factors.iter().filter_map(Factor::rule).collect::<Vec<_>>(),
            [SafetyRule::MaxWeightIncrease]
        );
    }

    #[test]
    fn limits_by_age() {
        assert_eq!(SafetyLimits::for_age(Some(14)), SafetyLimits::youth());
        assert_eq!(SafetyLimits::for_age(Some(17)), SafetyLimits::youth());
        assert_eq!(SafetyLimits::for_age(Some(18)), SafetyLimits::default());
        assert_eq!(SafetyLimits::for_age(None), SafetyLimits::default());
    }

    #[test]
    fn rep_floor_rounds_up() {
        let rows = [
            (5, 0.8, 4),
            (10, 0.8, 8),
            (3, 0.8, 3),
            (1, 0.8, 1),
            (0, 0.8, 0),
            (6, 0.8, 5),
        ];
        for (planned, retention, floor) in rows {
            assert_eq!(rep_floor(planned, retention), floor, "{planned}");
        }
    }
}
