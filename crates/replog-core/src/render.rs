//! Readable renderings of programs for review: a Markdown summary a coach can scan (one table
//! per week, identical sets folded into `3 × 5 @ 80 % TM`), used by the `generate` example,
//! the bindings and the browser preview.

use std::fmt::Write;

use crate::{Catalog, Program, RepType, Set, Unit};

/// Every program of `catalog`, one after the other.
pub fn catalog_markdown(catalog: &Catalog) -> String {
    let mut out = String::new();
    for (i, program) in catalog.programs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&program_markdown(program));
    }
    out
}

/// One program: its name, goal and description, its progression rules, and a table per week
/// (day, exercise, sets).
pub fn program_markdown(program: &Program) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}", inline(&program.name));
    let weeks = program.weeks.len();
    let days = program.weeks.first().map_or(0, |w| w.days.len());
    let _ = writeln!(
        out,
        "\n{} week{}, {} training day{} a week{}",
        weeks,
        plural(weeks),
        days,
        plural(days),
        if program.is_loop { " (repeated)" } else { "" }
    );
    if let Some(goal) = &program.goal {
        let _ = writeln!(out, "\n**Goal:** {}", inline(goal));
    }
    if let Some(description) = &program.description {
        let _ = writeln!(out, "\n{}", inline(description));
    }
    if !program.progression_rules.is_empty() {
        out.push_str("\n**Progression**\n\n");
        for rule in &program.progression_rules {
            let _ = writeln!(
                out,
                "- {}: +{}{} {}",
                inline(&rule.exercise),
                number(rule.increment),
                unit_suffix(program.unit),
                serde_json::to_value(rule.every)
                    .ok()
                    .and_then(|v| v.as_str().map(|s| format!("every {}", s.replace('_', " "))))
                    .unwrap_or_default()
            );
        }
    }
    for week in &program.weeks {
        let _ = write!(out, "\n## Week {}", week.number);
        if let Some(label) = &week.label {
            let _ = write!(out, " ({})", inline(label));
        }
        out.push_str("\n\n| Day | Exercise | Sets |\n|---|---|---|\n");
        for day in &week.days {
            let day_name = match &day.name {
                Some(name) => format!("{} {}", day.number, cell(name)),
                None => day.number.to_string(),
            };
            for (i, exercise) in day.exercises.iter().enumerate() {
                let mut name = cell(&exercise.exercise);
                if let Some(group) = exercise.superset {
                    name = format!("{group}: {name}");
                }
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    if i == 0 { day_name.as_str() } else { "" },
                    name,
                    cell(&sets_summary(&exercise.sets, program.unit))
                );
            }
        }
    }
    out
}

/// The sets of one prescribed exercise, identical consecutive sets folded:
/// `3 × 5 @ 80 % TM`, `1 × AMRAP @ 100 kg, RPE 9`, `2 × 30 s`.
pub fn sets_summary(sets: &[Set], unit: Option<Unit>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sets.len() {
        let set = &sets[i];
        let mut run = 1;
        while sets.get(i + run).is_some_and(|next| next == set) {
            run += 1;
        }
        parts.push(format!("{run} × {}", one_set(set, unit)));
        i += run;
    }
    parts.join("; ")
}

fn one_set(set: &Set, unit: Option<Unit>) -> String {
    let mut text = match (set.reps, set.rep_type) {
        (None, _) => "AMRAP".to_owned(),
        (Some(n), RepType::Reps) => n.to_string(),
        (Some(n), RepType::EachSide) => format!("{n}/side"),
        (Some(n), RepType::Seconds) => format!("{n} s"),
        (Some(n), RepType::Distance) => format!("{n} m"),
    };
    if let Some(percent) = set.percent_tm {
        let _ = write!(text, " @ {} % TM", number(percent));
    } else if let Some(weight) = set.weight {
        let _ = write!(text, " @ {}{}", number(weight), unit_suffix(unit));
    }
    if let Some(rpe) = set.rpe {
        let _ = write!(text, ", RPE {}", number(rpe));
    }
    if let Some(rest) = set.rest_seconds {
        let _ = write!(text, ", rest {rest} s");
    }
    text
}

fn unit_suffix(unit: Option<Unit>) -> &'static str {
    match unit {
        Some(Unit::Kg) => " kg",
        Some(Unit::Lb) => " lb",
        None => "",
    }
}

/// `x` with at most one decimal and no trailing `.0` (`86.4`, `90`): how lints and the
/// planner's reasoning quote loads and percentages.
pub fn one_decimal(x: f64) -> String {
    let text = format!("{:.1}", (x * 10.0).round() / 10.0);
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

/// A number without a needless `.0`.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Text on one line, with Markdown's active characters escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Text for a table cell (pipes and line breaks cannot appear raw).
fn cell(text: &str) -> String {
    inline(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(reps: Option<u32>, percent: Option<f64>) -> Set {
        Set {
            reps,
            percent_tm: percent,
            ..Set::reps(1)
        }
    }

    #[test]
    fn identical_sets_fold_and_different_ones_stay_apart() {
        let sets = [
            set(Some(5), Some(80.0)),
            set(Some(5), Some(80.0)),
            set(Some(5), Some(80.0)),
            set(None, Some(85.5)),
        ];
        assert_eq!(
            sets_summary(&sets, Some(Unit::Kg)),
            "3 × 5 @ 80 % TM; 1 × AMRAP @ 85.5 % TM"
        );
    }

    #[test]
    fn weights_carry_the_unit_and_other_rep_types_their_measure() {
        let mut timed = Set::reps(30);
        timed.rep_type = RepType::Seconds;
        let mut heavy = Set::reps(3);
        heavy.weight = Some(102.5);
        heavy.rpe = Some(8.5);
        heavy.rest_seconds = Some(180);
        assert_eq!(sets_summary(&[timed], None), "1 × 30 s");
        assert_eq!(
            sets_summary(&[heavy], Some(Unit::Lb)),
            "1 × 3 @ 102.5 lb, RPE 8.5, rest 180 s"
        );
    }

    #[test]
    fn text_from_the_document_cannot_break_the_table() {
        assert_eq!(cell("Squat | *heavy*\nnext"), "Squat \\| \\*heavy\\* next");
    }
}
