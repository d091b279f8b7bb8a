//! The words: the reasoning shown to the coach, which cites the athlete's own numbers (training
//! maxes, e1RMs, RPE and its trend, adherence, body weight, notes) for every choice, the
//! program's description, and the short note on each prescribed exercise.

use std::fmt::Write as _;

use replog_core::context::ExerciseStats;
use replog_core::{Program, Set, Unit};

use super::choose::Candidate;
use super::dose::{self, Phase, Role};
use super::load::{LoadBasis, num};
use super::{Draft, PlannedExercise};

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Lb => "lb",
        Unit::Kg => "kg",
    }
}

/// The program's description (within CatalogJSON's 5000 characters, however long the
/// athlete's name).
pub(crate) fn description(draft: &Draft<'_>) -> String {
    let lighter = if draft.weeks >= 4 {
        ", a lighter week every fourth week"
    } else {
        ""
    };
    format!(
        "{} weeks of {} training, {} days a week{lighter}, drafted by the replog built-in \
         planner from {}'s logbook{}.",
        draft.weeks,
        draft.focus.as_str(),
        draft.days,
        draft.context.athlete.name.trim(),
        draft
            .context
            .as_of
            .map(|d| format!(" as of {d}"))
            .unwrap_or_default(),
    )
    .chars()
    .take(5000)
    .collect()
}

/// The note on a prescribed exercise: what its loads come from, in numbers.
pub(crate) fn exercise_note(
    candidate: &Candidate<'_>,
    basis: LoadBasis,
    sets: &[Set],
    role: Role,
    unit: Unit,
) -> Option<String> {
    let u = unit_name(unit);
    let mut note = match basis {
        LoadBasis::TrainingMax { training_max, .. } => {
            sets.first().and_then(|s| s.percent_tm).map(|p| {
                format!(
                    "TM {} {u}: {} % = about {} {u}.",
                    num(training_max),
                    num(p),
                    num(super::load::floor_to(training_max * p / 100.0, 2.5))
                )
            })
        }
        LoadBasis::E1rm { e1rm } => Some(format!("From the best e1RM of {} {u}.", num(e1rm))),
        LoadBasis::Held { weight } => {
            Some(format!("Held at {} {u} as the coach asked.", num(weight)))
        }
        LoadBasis::Recent { weight } => Some(format!("{} {u} as last time.", num(weight))),
        LoadBasis::Effort | LoadBasis::Bodyweight => None,
    };
    let cue = match role {
        Role::Plyo => Some("Stick every landing; rest fully between sets."),
        Role::Power => Some("Fast, crisp reps; end the set when speed drops."),
        _ => None,
    };
    if let Some(cue) = cue {
        note = Some(match note {
            Some(text) => format!("{text} {cue}"),
            None => cue.to_owned(),
        });
    }
    if let Some(cite) = &candidate.wanted {
        let text = format!("Introduced as the {} asks.", cite.describe());
        note = Some(match note {
            Some(n) => format!("{n} {text}"),
            None => text,
        });
    }
    note.map(|n| n.chars().take(1000).collect())
}

/// One line about an exercise's history: `Back Squat: 19 sessions, TM 155 -> 175 lb since
/// 2026-02-01, best e1RM 175 lb, avg RPE 7.6 (falling), completion 100 %`.
fn history_line(stats: &ExerciseStats, u: &str) -> String {
    let mut line = format!("{}: {} sessions", stats.exercise, stats.sessions);
    if let (Some(first), Some(last)) = (stats.tm_history.first(), stats.tm_history.last()) {
        if stats.tm_history.len() > 1 {
            let _ = write!(
                line,
                ", TM {} -> {} {u} since {}",
                num(first.weight),
                num(last.weight),
                first.date
            );
        } else {
            let _ = write!(line, ", TM {} {u} ({})", num(last.weight), last.date);
        }
    }
    if let Some(e1rm) = stats.best_e1rm {
        let _ = write!(line, ", best e1RM {} {u}", num(e1rm));
        if let Some(latest) = stats.latest_e1rm.filter(|l| (l - e1rm).abs() > 0.05) {
            let _ = write!(line, " (latest {})", num(latest));
        }
    }
    if let Some(rpe) = stats.avg_rpe {
        let trend = serde_json::to_value(stats.rpe_trend)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
            .replace('_', " ");
        let _ = write!(line, ", avg RPE {} ({trend})", num(rpe));
    }
    if let Some(rate) = stats.completion_rate {
        let _ = write!(line, ", completion {} %", num(rate * 100.0));
    }
    line
}

/// The reasoning shown to the coach.
pub(crate) fn reasoning(draft: &Draft<'_>, program: &Program, used: &[PlannedExercise]) -> String {
    let c = draft.context;
    let u = unit_name(draft.unit);
    let mut out = String::new();
    let who = match c.athlete.age {
        Some(age) => format!("{} ({age})", c.athlete.name.trim()),
        None => c.athlete.name.trim().to_owned(),
    };
    let _ = writeln!(
        out,
        "{}: {} weeks ({}), {} days a week ({}), for {who}.",
        program.name, draft.weeks, draft.weeks_why, draft.days, draft.days_why
    );

    // Focus and dose.
    let build = |step| Phase {
        block: 0,
        step: Some(step),
    };
    let first = dose::dose(
        draft.focus,
        Role::Main,
        build(0),
        replog_core::RepType::Reps,
        true,
        draft.who,
    );
    let last = dose::dose(
        draft.focus,
        Role::Main,
        build(2),
        replog_core::RepType::Reps,
        true,
        draft.who,
    );
    let from = draft.focus_from.as_deref().map_or_else(
        || "No goal names a focus".to_owned(),
        |g| format!("The goal \"{g}\" reads as"),
    );
    let _ = writeln!(
        out,
        "{from} {}: main lifts {}-{} reps at {}-{} % of 1RM over each block's building weeks \
         (NSCA load and repetition zones){}.",
        draft.focus.as_str(),
        last.reps,
        first.reps,
        num(first.intensity.unwrap_or(0.0)),
        num(last.intensity.unwrap_or(0.0)),
        if draft.explosive {
            "; every day opens with power or jump work"
        } else {
            ""
        },
    );
    if draft.who.youth {
        let _ = writeln!(
            out,
            "{who} is under 18: at most 3 sets of an exercise and loads under 85 % of 1RM \
             (Faigenbaum et al. 2009, NSCA youth position statement)."
        );
    }
    if draft.weeks >= 4 {
        let lighter: Vec<String> = program
            .weeks
            .iter()
            .filter(|w| w.label.as_deref() == Some("deload"))
            .map(|w| w.number.to_string())
            .collect();
        let _ = writeln!(
            out,
            "Week {} {} lighter: a set fewer at about 60 % of 1RM, so the next block starts \
             fresh; each block starts 1.5 points heavier than the last.",
            lighter.join(", "),
            if lighter.len() == 1 { "is" } else { "are" },
        );
    }

    // Adherence and body weight.
    let p = &c.performance;
    if let Some(rate) = p.adherence_rate {
        let weeks = p.weekly_adherence.len();
        let effect = if draft.who.low_adherence {
            "main lifts get a set fewer until attendance settles"
        } else {
            "full volume"
        };
        let _ = writeln!(
            out,
            "Adherence {} % ({weeks} recent weeks with prescribed sets, streak {} weeks): {effect}.",
            num(rate * 100.0),
            p.streak_weeks
        );
    }
    if let (Some(first), Some(last)) = (p.body_weights.first(), p.body_weights.last()) {
        if first.date != last.date && first.weight > 0.0 {
            let change = (last.weight - first.weight) / first.weight * 100.0;
            let _ = writeln!(
                out,
                "Body weight {} -> {} {u} since {} ({}{} %){}.",
                num(first.weight),
                num(last.weight),
                first.date,
                if change >= 0.0 { "+" } else { "" },
                num(change),
                if change.abs() >= 3.0 {
                    ": loads rise in small steps (at most 10 % a week)"
                } else {
                    ""
                },
            );
        }
    }

    // Notes and directions.
    let k = &draft.constraints;
    for (part, cite) in &k.flags {
        let _ = writeln!(
            out,
            "{} flags the {}: {}.",
            capitalised(&cite.describe()),
            part.as_str(),
            part.consequence()
        );
    }
    for (named, cite) in &k.excluded {
        let _ = writeln!(
            out,
            "No {}: named in the {}.",
            named.describe(),
            cite.describe()
        );
    }
    for (_, what, cite) in &k.excluded_tags {
        let _ = writeln!(out, "No {what}: {}.", cite.describe());
    }
    for (item, cite) in &k.excluded_equipment {
        let _ = writeln!(out, "No {item}: {}.", cite.describe());
    }
    for (_, why) in draft
        .bases
        .values()
        .filter_map(|(b, why)| why.as_ref().map(|w| (b, w)))
    {
        let _ = writeln!(out, "{why}.");
    }
    if let Some(cite) = &k.more_explosive {
        let effect = if draft.focus.explosive() {
            "backs the power focus"
        } else {
            "asks for more: every day opens with power or jump work"
        };
        let _ = writeln!(out, "{} {effect}.", capitalised(&cite.describe()));
    }
    for left in &draft.pool.left_out {
        let _ = writeln!(
            out,
            "Left out {} ({} sessions logged): {}.",
            left.name, left.sessions, left.why
        );
    }

    // The exercises and their numbers.
    let mut lines = Vec::new();
    for planned in used {
        let Some(stats) = c
            .performance
            .exercise_stats
            .iter()
            .find(|s| s.exercise == planned.name)
        else {
            continue;
        };
        let basis = match planned.basis {
            LoadBasis::TrainingMax {
                training_max,
                fraction,
            } => format!(
                "; sets as percent of the {} {u} TM, chosen for a TM at {} % of 1RM",
                num(training_max),
                num(fraction * 100.0)
            ),
            LoadBasis::E1rm { e1rm } => format!("; weights from the {} {u} e1RM", num(e1rm)),
            _ => String::new(),
        };
        lines.push(format!("{}{basis}", history_line(stats, u)));
    }
    if !lines.is_empty() {
        let _ = writeln!(
            out,
            "Kept from the logbook, with the numbers behind the loads:"
        );
        for line in lines {
            let _ = writeln!(out, "- {line}.");
        }
    }
    let new: Vec<&str> = used
        .iter()
        .filter(|e| {
            !c.performance
                .exercise_stats
                .iter()
                .any(|s| s.exercise == e.name)
        })
        .map(|e| e.name.as_str())
        .collect();
    if !new.is_empty() {
        let _ = writeln!(
            out,
            "New this block, to balance the movement patterns with the equipment at hand ({}): {}.",
            draft.equipment.join(", "),
            new.join(", ")
        );
    }
    let missing: Vec<&str> = super::Pattern::ALL
        .iter()
        .filter(|p| used.iter().all(|e| e.pattern != **p))
        .filter(|p| {
            draft.days > 1
                && (draft.explosive
                    || !matches!(p, super::Pattern::Power | super::Pattern::Plyometric))
        })
        .map(|p| p.as_str())
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "Not trained this block (no exercise fits the equipment and the notes): {}.",
            missing.join(", ")
        );
    }
    let defined = used.iter().filter(|e| e.defined).count();
    let _ = write!(
        out,
        "{} exercises from the host's catalog, {defined} defined in this document.",
        used.len() - defined
    );
    out
}

fn capitalised(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}
