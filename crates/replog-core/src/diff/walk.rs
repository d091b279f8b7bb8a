//! The walk over both programs: pairs weeks, days, exercises, sets and rules, and records
//! each difference as a [`Change`] with its path and a sentence for the coach.

use std::collections::BTreeSet;
use std::fmt::Display;

use serde::Serialize;
use serde_json::Value;

use super::pairing::{exercise_keys, longest_increasing, match_by, order, rule_keys};
use super::{Change, ChangeKind};
use crate::program::{Day, PrescribedExercise, Program, ProgressionRule, Set, Week};

/// Where a matched element is in each program, and how to name it to a coach.
struct At<'a> {
    generated: &'a str,
    approved: &'a str,
    label: &'a str,
}

/// The changes found so far, and the exercises swapped in and out.
#[derive(Default)]
pub(super) struct Differ {
    pub(super) changes: Vec<Change>,
    pub(super) exercises_added: BTreeSet<String>,
    pub(super) exercises_removed: BTreeSet<String>,
}

fn json<T: Serialize + ?Sized>(value: &T) -> Value {
    // The program types serialise to JSON infallibly (no maps with non-string keys).
    serde_json::to_value(value).unwrap_or(Value::Null)
}

impl Differ {
    fn push(
        &mut self,
        path: String,
        kind: ChangeKind,
        before: Option<Value>,
        after: Option<Value>,
        description: String,
    ) {
        self.changes.push(Change {
            path,
            kind,
            before,
            after,
            description,
        });
    }

    /// Compares one member present in either program (`None` where it is absent).
    fn field<T: Serialize + PartialEq + ?Sized>(
        &mut self,
        at: &At<'_>,
        name: &str,
        before: Option<&T>,
        after: Option<&T>,
    ) {
        let label = at.label;
        match (before, after) {
            (Some(b), Some(a)) if b == a => {}
            (None, None) => {}
            (Some(b), Some(a)) => {
                let (b, a) = (json(b), json(a));
                let description = format!("{label}: {name} changed from {b} to {a}");
                self.push(
                    format!("{}/{name}", at.approved),
                    ChangeKind::Changed,
                    Some(b),
                    Some(a),
                    description,
                );
            }
            (None, Some(a)) => {
                let a = json(a);
                let description = format!("{label}: {name} set to {a}");
                self.push(
                    format!("{}/{name}", at.approved),
                    ChangeKind::Added,
                    None,
                    Some(a),
                    description,
                );
            }
            (Some(b), None) => {
                let b = json(b);
                let description = format!("{label}: {name} {b} removed");
                self.push(
                    format!("{}/{name}", at.generated),
                    ChangeKind::Removed,
                    Some(b),
                    None,
                    description,
                );
            }
        }
    }

    fn added<T: Serialize>(&mut self, path: String, value: &T, description: impl Display) {
        self.push(
            path,
            ChangeKind::Added,
            None,
            Some(json(value)),
            format!("{description} added"),
        );
    }

    fn removed<T: Serialize>(&mut self, path: String, value: &T, description: impl Display) {
        self.push(
            path,
            ChangeKind::Removed,
            Some(json(value)),
            None,
            format!("{description} removed"),
        );
    }

    pub(super) fn program(&mut self, g: &Program, a: &Program) {
        let at = At {
            generated: "",
            approved: "",
            label: "program",
        };
        self.field(&at, "name", Some(&g.name), Some(&a.name));
        self.field(
            &at,
            "description",
            g.description.as_ref(),
            a.description.as_ref(),
        );
        self.field(&at, "goal", g.goal.as_ref(), a.goal.as_ref());
        self.field(&at, "unit", g.unit.as_ref(), a.unit.as_ref());
        self.field(&at, "is_loop", Some(&g.is_loop), Some(&a.is_loop));

        let pairs = match_by(&g.weeks, &a.weeks, |w| w.number);
        for (ai, gi) in pairs.approved.iter().enumerate() {
            let Some(week) = a.weeks.get(ai) else {
                continue;
            };
            match gi.and_then(|gi| Some((gi, g.weeks.get(gi)?))) {
                Some((gi, generated)) => self.week(gi, generated, ai, week),
                None => self.added(
                    format!("/weeks/{ai}"),
                    week,
                    format_args!("week {}", week.number),
                ),
            }
        }
        for gi in pairs.unmatched_generated {
            if let Some(week) = g.weeks.get(gi) {
                self.removed(
                    format!("/weeks/{gi}"),
                    week,
                    format_args!("week {}", week.number),
                );
            }
        }

        self.rules(&g.progression_rules, &a.progression_rules);
    }

    fn week(&mut self, gi: usize, g: &Week, ai: usize, a: &Week) {
        let (gp, ap) = (format!("/weeks/{gi}"), format!("/weeks/{ai}"));
        let label = format!("week {}", a.number);
        let at = At {
            generated: &gp,
            approved: &ap,
            label: &label,
        };
        self.field(&at, "label", g.label.as_ref(), a.label.as_ref());
        let pairs = match_by(&g.days, &a.days, |d| u32::from(d.number));
        for (di, gdi) in pairs.approved.iter().enumerate() {
            let Some(day) = a.days.get(di) else { continue };
            match gdi.and_then(|i| Some((i, g.days.get(i)?))) {
                Some((gdi, generated)) => {
                    let at = At {
                        generated: &format!("{gp}/days/{gdi}"),
                        approved: &format!("{ap}/days/{di}"),
                        label: &format!("{label} day {}", day.number),
                    };
                    self.day(&at, generated, day);
                }
                None => self.added(
                    format!("{ap}/days/{di}"),
                    day,
                    format_args!("{label} day {}", day.number),
                ),
            }
        }
        for gdi in pairs.unmatched_generated {
            if let Some(day) = g.days.get(gdi) {
                self.removed(
                    format!("{gp}/days/{gdi}"),
                    day,
                    format_args!("{label} day {}", day.number),
                );
            }
        }
    }

    fn day(&mut self, at: &At<'_>, g: &Day, a: &Day) {
        self.field(at, "name", g.name.as_ref(), a.name.as_ref());
        let (g_keys, a_keys) = (exercise_keys(&g.exercises), exercise_keys(&a.exercises));
        let mut matched = vec![false; g.exercises.len()];
        // (generated index, approved index) of each exercise in both, in approved day order
        let mut pairs = Vec::new();
        for &ai in &order(&a.exercises) {
            let Some(key) = a_keys.get(ai) else { continue };
            if let Some(gi) = g_keys.iter().position(|k| k == key)
                && let Some(slot) = matched.get_mut(gi)
            {
                *slot = true;
                pairs.push((gi, ai));
            }
        }
        let g_order = order(&g.exercises);
        let rank = |gi: usize| g_order.iter().position(|&i| i == gi).unwrap_or(usize::MAX);
        let kept = longest_increasing(&pairs.iter().map(|&(gi, _)| rank(gi)).collect::<Vec<_>>());
        let a_order = order(&a.exercises);
        for (k, &(gi, ai)) in pairs.iter().enumerate() {
            let (Some(ge), Some(ae)) = (g.exercises.get(gi), a.exercises.get(ai)) else {
                continue;
            };
            let ap = format!("{}/exercises/{ai}", at.approved);
            let label = format!("{}, {}", at.label, ae.exercise);
            if !kept.get(k).copied().unwrap_or(true) {
                let from = rank(gi).saturating_add(1);
                let to = a_order.iter().position(|&i| i == ai).map_or(0, |r| r + 1);
                let description = format!("{label}: moved from position {from} to {to}");
                self.push(
                    ap.clone(),
                    ChangeKind::Moved,
                    Some(json(&ge.sort_order)),
                    Some(json(&ae.sort_order)),
                    description,
                );
            }
            let gp = format!("{}/exercises/{gi}", at.generated);
            self.exercise(
                &At {
                    generated: &gp,
                    approved: &ap,
                    label: &label,
                },
                ge,
                ae,
            );
        }
        for (ai, ae) in a.exercises.iter().enumerate() {
            if !pairs.iter().any(|&(_, i)| i == ai) {
                self.exercises_added.insert(ae.exercise.clone());
                self.added(
                    format!("{}/exercises/{ai}", at.approved),
                    ae,
                    format_args!("{}: {}", at.label, ae.exercise),
                );
            }
        }
        for (gi, ge) in g.exercises.iter().enumerate() {
            if !matched.get(gi).copied().unwrap_or(true) {
                self.exercises_removed.insert(ge.exercise.clone());
                self.removed(
                    format!("{}/exercises/{gi}", at.generated),
                    ge,
                    format_args!("{}: {}", at.label, ge.exercise),
                );
            }
        }
    }

    fn exercise(&mut self, at: &At<'_>, g: &PrescribedExercise, a: &PrescribedExercise) {
        self.field(at, "exercise", Some(&g.exercise), Some(&a.exercise));
        self.field(at, "superset", g.superset.as_ref(), a.superset.as_ref());
        self.field(at, "notes", g.notes.as_ref(), a.notes.as_ref());
        let longest = g.sets.len().max(a.sets.len());
        for i in 0..longest {
            let label = format!("{} set {}", at.label, i + 1);
            let (gp, ap) = (
                format!("{}/sets/{i}", at.generated),
                format!("{}/sets/{i}", at.approved),
            );
            match (g.sets.get(i), a.sets.get(i)) {
                (Some(gs), Some(set)) => self.set(
                    &At {
                        generated: &gp,
                        approved: &ap,
                        label: &label,
                    },
                    gs,
                    set,
                ),
                (None, Some(set)) => self.added(ap, set, label),
                (Some(gs), None) => self.removed(gp, gs, label),
                (None, None) => {}
            }
        }
    }

    fn set(&mut self, at: &At<'_>, g: &Set, a: &Set) {
        self.field(at, "rep_type", Some(&g.rep_type), Some(&a.rep_type));
        self.field(at, "reps", Some(&g.reps), Some(&a.reps));
        self.field(
            at,
            "percent_tm",
            g.percent_tm.as_ref(),
            a.percent_tm.as_ref(),
        );
        self.field(at, "weight", g.weight.as_ref(), a.weight.as_ref());
        self.field(at, "rpe", g.rpe.as_ref(), a.rpe.as_ref());
        self.field(
            at,
            "rest_seconds",
            g.rest_seconds.as_ref(),
            a.rest_seconds.as_ref(),
        );
        self.field(at, "notes", g.notes.as_ref(), a.notes.as_ref());
    }

    fn rules(&mut self, g: &[ProgressionRule], a: &[ProgressionRule]) {
        let (g_keys, a_keys) = (rule_keys(g), rule_keys(a));
        let mut matched = vec![false; g.len()];
        for (ai, rule) in a.iter().enumerate() {
            let ap = format!("/progression_rules/{ai}");
            let label = format!("progression rule for {}", rule.exercise);
            let found = a_keys
                .get(ai)
                .and_then(|key| g_keys.iter().position(|k| k == key));
            match found.and_then(|gi| Some((gi, g.get(gi)?))) {
                Some((gi, generated)) => {
                    if let Some(slot) = matched.get_mut(gi) {
                        *slot = true;
                    }
                    let gp = format!("/progression_rules/{gi}");
                    let at = At {
                        generated: &gp,
                        approved: &ap,
                        label: &label,
                    };
                    self.field(
                        &at,
                        "exercise",
                        Some(&generated.exercise),
                        Some(&rule.exercise),
                    );
                    self.field(
                        &at,
                        "increment",
                        Some(&generated.increment),
                        Some(&rule.increment),
                    );
                    self.field(&at, "every", Some(&generated.every), Some(&rule.every));
                    self.field(
                        &at,
                        "applies_to",
                        Some(&generated.applies_to),
                        Some(&rule.applies_to),
                    );
                    self.field(
                        &at,
                        "deload_after_failures",
                        generated.deload_after_failures.as_ref(),
                        rule.deload_after_failures.as_ref(),
                    );
                    self.field(
                        &at,
                        "deload_percent",
                        generated.deload_percent.as_ref(),
                        rule.deload_percent.as_ref(),
                    );
                }
                None => self.added(ap, rule, label),
            }
        }
        for (gi, rule) in g.iter().enumerate() {
            if !matched.get(gi).copied().unwrap_or(true) {
                self.removed(
                    format!("/progression_rules/{gi}"),
                    rule,
                    format_args!("progression rule for {}", rule.exercise),
                );
            }
        }
    }
}
