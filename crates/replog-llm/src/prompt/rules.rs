//! The system message: the rules of reference/001 for drafting a program, the rules the
//! answer's schema dialect cannot express (in words), and how to write the answer.
//!
//! The text depends on the [`SchemaStyle`] only, never on the athlete or the part asked for,
//! so every call of every generation with one provider starts with the same bytes and the
//! provider's prompt cache serves them.

use std::fmt::Write as _;

use replog_core::Code;
use replog_core::schema::{Dialect, unexpressed_rules};

use super::SchemaStyle;

/// Who the model is and what it must do, before the numbered rules.
const ROLE: &str = "You are a strength and conditioning programming assistant. You draft \
training programs for one athlete at a time from their logbook data; a human coach reviews, \
edits and approves every draft before the athlete sees it.";

/// The rules of reference/001, numbered so that a re-ask can refer to them.
const RULES: &[&str] = &[
    "Catalog only: prescribe only exercises from the athlete's `exercise_catalog`, spelled \
     exactly as there. When the context has no `exercise_catalog`, use the exercises of \
     `performance.exercise_stats` and well-known exercises that need only the available \
     equipment. Only a whole CatalogJSON document or an outline may define a new exercise, in \
     its `exercises` with the equipment it needs; never invent one elsewhere.",
    "Equipment only: every exercise uses only equipment in `available_equipment` (an \
     exercise without equipment is bodyweight). Nothing the athlete lacks may appear, not even \
     as an option in notes.",
    "Rep types: `rep_type` is `reps` (the default), `each_side` (reps per side), `seconds` \
     (holds, carries, intervals) or `distance` (metres). `reps: null` means as many as \
     possible (AMRAP, max time, max distance); say where to stop in the set's notes.",
    "Sort order: number the exercises of each day 1, 2, 3, ... in the order they are \
     performed (`sort_order`, unique within the day): power and Olympic lifts first, then \
     main strength lifts, then accessories, core and conditioning. Exercises performed \
     alternately share a capital `superset` letter.",
    "Loads: give `percent_tm` for an exercise with a training max in `tm_history`, otherwise \
     `weight` in the program's `unit` (the context's unit), or `rpe`; never `percent_tm` and \
     `weight` on the same set. Base loads on the latest e1RM and training max, not the best \
     ever, and keep rpe in steps of 0.5.",
    "Progression: include `progression_rules` for every compound lift (squat, hinge, press, \
     pull, Olympic lift) that carries a load, with an increment the athlete can sustain \
     (smaller for a young or fast-growing athlete, upper-body lifts and rising RPE) and a \
     deload after repeated failures. Progress loads across the weeks, and make a longer \
     block's lighter week clearly lighter.",
    "Tailor to this athlete: build on their trends (rising RPE or falling completion means \
     hold or reduce; low RPE with full completion means there is room to progress), their \
     adherence and schedule, their goals, age and tier, and every coach note. A note that \
     flags an injury or a body part rules out the movements that load it. The coach's \
     directions come before these general preferences, but never before safety or \
     equipment.",
    "Reasoning: explain each important choice in plain words for the coach, citing the \
     athlete's numbers (e1RM, RPE trend, completion, adherence, training maxes) and notes, \
     and say what was left out and why.",
];

/// Renders the system message for `style`.
pub(crate) fn system(style: &SchemaStyle) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(ROLE);
    out.push_str("\n\nRULES:\n");
    for (i, rule) in RULES.iter().enumerate() {
        let _ = writeln!(out, "{}. {rule}", i + 1);
    }
    let dialect = match style {
        SchemaStyle::Enforced(dialect) => *dialect,
        // The type text is rendered from the 2020-12 schema; its brackets carry the same
        // constraints, so the same rules are left to say in words.
        SchemaStyle::InPrompt => Dialect::Draft202012,
    };
    out.push_str("\nTHE ANSWER'S FORMAT CANNOT CHECK THESE RULES, SO FOLLOW THEM EXACTLY:\n");
    for line in unexpressed(dialect) {
        out.push_str("- ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("\nANSWER:\n");
    out.push_str(match style {
        SchemaStyle::Enforced(_) => {
            "Answer with one JSON object in the response format the request names, and \
             nothing else. Put the reasoning in its `reasoning` member, first."
        }
        SchemaStyle::InPrompt => {
            "First write your reasoning inside <reasoning></reasoning> tags. Then write the \
             answer as one JSON value of the type the last message gives, in one ```json \
             fenced code block, and nothing after it. Plain JSON only: no comments, no \
             trailing commas, leave out optional members you do not use."
        }
    });
    out.push('\n');
    out
}

/// The rules `dialect` leaves to the validator, each sentence once (the tables repeat a rule
/// at every path it applies to, and the sentences say where on their own).
fn unexpressed(dialect: Dialect) -> Vec<&'static str> {
    let mut lines: Vec<&'static str> = Vec::new();
    for rule in unexpressed_rules(dialect) {
        // Rules on the text as a whole (that it is JSON, its size) and the strict dialect's
        // `null` for an absent member are the format's business, not choices the model
        // makes about the program.
        if rule.path.is_empty() || rule.code == Code::InvalidType {
            continue;
        }
        if !lines.contains(&rule.rule) {
            lines.push(rule.rule);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_sentence_appears_once() {
        let text = system(&SchemaStyle::Enforced(Dialect::OpenAiStrict));
        let unique = "Exercise names and aliases are unique in the document";
        assert_eq!(text.matches(unique).count(), 1, "{text}");
        assert!(!text.contains("strip_strict_nulls"));
        assert!(text.contains("\n- A loop (is_loop true) has exactly one week.\n"));
        assert!(!text.contains("issue budget"));
    }

    #[test]
    fn the_style_changes_only_the_answer_instructions() {
        let enforced = system(&SchemaStyle::Enforced(Dialect::Draft202012));
        let in_prompt = system(&SchemaStyle::InPrompt);
        let split = |text: &str| text.split("\nANSWER:\n").next().map(str::to_owned);
        assert_eq!(split(&enforced), split(&in_prompt));
        assert!(in_prompt.contains("<reasoning></reasoning>"));
        assert!(!enforced.contains("<reasoning>"));
    }
}
