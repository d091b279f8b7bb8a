//! The user messages: the shared one (the athlete's context, prior programs as examples, the
//! coach's directions, the request) and the part-specific one (whole program, outline, or
//! one week of an outline, with the answer's type text when the schema goes in the prompt).
//!
//! The shared message depends only on the athlete's context, the request and the examples
//! kept, never on the part, so every call of one generation repeats it byte for byte after
//! the system message: the identical prefix providers cache.

use std::fmt::Write as _;

use replog_core::schema::{
    Dialect, catalog_typescript, envelope_schema, render_typescript, schema_for,
};
use replog_core::{AthleteContext, CoreError};
use serde_json::{Map, Value};

use super::{PromptError, SchemaStyle};
use crate::LlmError;
use crate::provider::Output;
use crate::task::{Part, ProgramRequest, Skeleton, Task, WeekAnswer};

/// The schema names the pipeline sends, one per part.
pub(crate) const WHOLE_SCHEMA: &str = "training_program";
/// The outline's schema name.
pub(crate) const SKELETON_SCHEMA: &str = "program_skeleton";
/// One week's schema name.
pub(crate) const WEEK_SCHEMA: &str = "program_week";

/// The trimmable content of the shared message, as JSON values the budget removes from.
#[derive(Debug, Clone)]
pub(crate) struct Shared {
    /// The context without `prior_programs` (they are the examples) and without
    /// `exercise_catalog` (kept apart, in [`Shared::catalog`], to trim it entry by entry).
    pub(crate) context: Map<String, Value>,
    /// The catalog entries still in, in the catalog's order.
    pub(crate) catalog: Vec<Value>,
    /// The prior programs kept as examples, newest first.
    pub(crate) examples: Vec<Value>,
}

impl Shared {
    /// The shared content of `context`, with at most `max_examples` prior programs.
    pub(crate) fn new(context: &AthleteContext, max_examples: usize) -> Result<Self, LlmError> {
        let value = serde_json::to_value(context).map_err(CoreError::from)?;
        let Value::Object(mut context) = value else {
            // A struct always serialises as an object; anything else is a bug upstream, but
            // an empty context is a safe answer, not a panic.
            return Ok(Self {
                context: Map::new(),
                catalog: Vec::new(),
                examples: Vec::new(),
            });
        };
        // `shift_remove` keeps the other members in their order (plain `remove` swaps).
        let mut examples = array(context.shift_remove("prior_programs"));
        examples.truncate(max_examples);
        let catalog = array(context.shift_remove("exercise_catalog"));
        Ok(Self {
            context,
            catalog,
            examples,
        })
    }

    /// The context as compact JSON, the catalog entries still in back in place.
    pub(crate) fn context_json(&self) -> String {
        let mut context = self.context.clone();
        if !self.catalog.is_empty() {
            context.insert(
                "exercise_catalog".to_owned(),
                Value::Array(self.catalog.clone()),
            );
        }
        Value::Object(context).to_string()
    }
}

fn array(value: Option<Value>) -> Vec<Value> {
    match value {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    }
}

/// Checks the request's numbers against their documented ranges.
pub(crate) fn check_request(request: &ProgramRequest) -> Result<(), PromptError> {
    let checks = [
        ("weeks", request.weeks, 1..=52, "1-52"),
        ("days_per_week", request.days_per_week, 1..=7, "1-7"),
    ];
    for (field, value, allowed, range) in checks {
        if let Some(value) = value.filter(|v| !allowed.contains(v)) {
            return Err(PromptError::InvalidRequest {
                field,
                value,
                range,
            });
        }
    }
    Ok(())
}

/// Renders the shared user message.
pub(crate) fn shared_message(shared: &Shared, task: &Task) -> String {
    let mut out = String::with_capacity(8192);
    out.push_str(
        "ATHLETE CONTEXT (computed from the logbook; every number is already worked out):\n",
    );
    out.push_str(&shared.context_json());
    out.push_str(
        "\n\nPRIOR PROGRAMS (earlier programs of this athlete, newest first, as examples):\n",
    );
    if shared.examples.is_empty() {
        out.push_str("None.\n");
    }
    for example in &shared.examples {
        let _ = writeln!(out, "- {example}");
    }
    out.push_str("\nCOACH DIRECTIONS:\n");
    match task.request.directions.as_deref().map(str::trim) {
        Some(directions) if !directions.is_empty() => out.push_str(directions),
        _ => out.push_str("None given."),
    }
    out.push_str("\n\nREQUEST:\n");
    request(&mut out, &task.request, &task.context);
    out
}

/// The request in words, filling what the coach left open with what the context says.
fn request(out: &mut String, request: &ProgramRequest, context: &AthleteContext) {
    let athlete = &context.athlete.name;
    match &request.name {
        Some(name) => {
            let _ = write!(out, "Generate \"{name}\", a program for {athlete}");
        }
        None => {
            let _ = write!(
                out,
                "Generate a program for {athlete} and name it for its purpose"
            );
        }
    }
    let current = context.current_program.as_ref();
    match (request.weeks, current) {
        (Some(weeks), _) => {
            let _ = write!(out, ": {weeks} {}", plural(weeks, "week", "weeks"));
        }
        (None, Some(current)) => {
            let _ = write!(
                out,
                ": as many weeks (1-52) as the goal needs (the current program has {})",
                current.weeks
            );
        }
        (None, None) => out.push_str(": as many weeks (1-52) as the goal needs"),
    }
    match (request.days_per_week, current) {
        (Some(days), _) => {
            let _ = write!(
                out,
                ", {days} training {} a week",
                plural(days, "day", "days")
            );
        }
        (None, Some(current)) => {
            let _ = write!(
                out,
                ", training days a week as the schedule allows (the current program has {})",
                current.days_per_week
            );
        }
        (None, None) => out.push_str(", training days a week as the schedule allows"),
    }
    if let Some(unit) = context.unit {
        let unit = serde_json::to_value(unit).ok();
        if let Some(unit) = unit.as_ref().and_then(Value::as_str) {
            let _ = write!(out, ", weights in {unit}");
        }
    }
    out.push_str(
        ".\nConsider their performance trends, the coach's observations, their goals and their \
         available equipment.\n",
    );
}

fn plural(n: u32, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// The part-specific user message in its two pieces: what this call asks for, and (when the
/// schema goes in the prompt) the answer's format with its type text. Kept apart so that the
/// budget can price the format once for all the weeks of an outline.
pub(crate) struct PartMessage {
    /// The task: the whole program, the outline, or one week of the outline given.
    pub(crate) task: String,
    /// The answer's format and type text; empty when the provider enforces the schema.
    pub(crate) format: String,
}

impl PartMessage {
    /// The message's text.
    pub(crate) fn into_text(self) -> String {
        let mut text = self.task;
        text.push_str(&self.format);
        text
    }
}

/// Renders the part-specific user message of `part`.
pub(crate) fn part_message(part: &Part, style: &SchemaStyle) -> Result<PartMessage, LlmError> {
    Ok(PartMessage {
        task: task_text(part)?,
        format: format_text(part, style)?,
    })
}

/// What the call asks for.
pub(crate) fn task_text(part: &Part) -> Result<String, LlmError> {
    Ok(match part {
        Part::Whole => "TASK: Write the whole program in one answer: a CatalogJSON document \
             (catalog_version 1) with exactly one program in `programs`, every week and day \
             complete, and in `exercises` only new exercises you define (with the equipment \
             they need).\n"
            .to_owned(),
        Part::Skeleton => "TASK: Step 1 of an incremental generation: write the program's \
             outline only. Give its name, description, goal and unit; in `weeks` every week \
             numbered 1, 2, ... with a label (its phase, e.g. accumulation, intensification, \
             deload) and its training days (number, name, focus); and the `progression_rules` \
             of its compound lifts. No sets yet: each week is written in its own later call \
             from this outline, so the outline must carry the plan. In `exercises`, define \
             only new exercises the weeks will need that the catalog lacks (with the equipment \
             they need). The reasoning explains the whole plan.\n"
            .to_owned(),
        Part::Week { number, skeleton } => {
            let mut out = String::with_capacity(2048);
            week_task(&mut out, *number, skeleton)?;
            out
        }
    })
}

/// How to write the answer, for [`SchemaStyle::InPrompt`]; empty when it is enforced.
pub(crate) fn format_text(part: &Part, style: &SchemaStyle) -> Result<String, LlmError> {
    if let SchemaStyle::Enforced(_) = style {
        return Ok(String::new());
    }
    let (answer_type, note) = match part {
        Part::Whole => ("Catalog", ""),
        Part::Skeleton => ("Skeleton", SUMMARY_NOTE),
        Part::Week { .. } => ("WeekAnswer", SUMMARY_NOTE),
    };
    let mut out = format!(
        "\nANSWER FORMAT: <reasoning>...</reasoning>, then one ```json block holding a \
         `{answer_type}`{note}:\n"
    );
    out.push_str(&type_text(part)?);
    Ok(out)
}

/// What the `reasoning` member of an answer with its own is for, beside the tagged reasoning.
const SUMMARY_NOTE: &str = " (its `reasoning` member: a short summary of your reasoning)";

fn week_task(out: &mut String, number: u32, skeleton: &Skeleton) -> Result<(), LlmError> {
    let Some(week) = skeleton.weeks.iter().find(|w| w.number == number) else {
        let numbers: Vec<u32> = skeleton.weeks.iter().map(|w| w.number).collect();
        return Err(PromptError::WeekNotInOutline {
            number,
            weeks: week_list(&numbers),
        }
        .into());
    };
    out.push_str(
        "OUTLINE (agreed in step 1; every week is written from it in its own call, so only \
         this week's days are shown):\n",
    );
    out.push_str(&outline_json(skeleton, number)?);
    let total = skeleton.weeks.len();
    let days: Vec<String> = week.days.iter().map(|d| d.number.to_string()).collect();
    let _ = write!(
        out,
        "\n\nTASK: Write week {number} of {total} of this outline: `week.number` is {number}, \
         its days are the outline's days {} of week {number} with their names, each with its \
         exercises and sets. Follow the outline's progression rules and this week's label so \
         that the weeks, written separately, make one program: the same exercises in the same \
         day slots from week to week unless the outline's phases change them, loads moving \
         as the rules say. Only exercises of the athlete's `exercise_catalog` and of the \
         outline's `exercises` (or, without a catalog, of their history): a week cannot \
         define new exercises.\n",
        days.join(", ")
    );
    Ok(())
}

/// The outline as compact JSON with the days of week `number` only: the other weeks' days
/// repeat what this call does not need and would be paid for in every week's call.
fn outline_json(skeleton: &Skeleton, number: u32) -> Result<String, LlmError> {
    let mut value = serde_json::to_value(skeleton).map_err(CoreError::from)?;
    if let Some(weeks) = value.get_mut("weeks").and_then(Value::as_array_mut) {
        for week in weeks {
            let this = week.get("number").and_then(Value::as_u64) == Some(u64::from(number));
            if let (false, Some(week)) = (this, week.as_object_mut()) {
                week.shift_remove("days");
            }
        }
    }
    Ok(value.to_string())
}

/// `1-12` for consecutive numbers from 1, else the numbers listed.
fn week_list(numbers: &[u32]) -> String {
    let consecutive = numbers.iter().zip(1_u32..).all(|(n, i)| *n == i);
    match numbers.last() {
        None => "none".to_owned(),
        Some(last) if consecutive => format!("1-{last}"),
        Some(_) => {
            let listed: Vec<String> = numbers.iter().map(u32::to_string).collect();
            listed.join(", ")
        }
    }
}

/// The TypeScript-style declarations of the part's answer.
fn type_text(part: &Part) -> Result<String, LlmError> {
    Ok(match part {
        Part::Whole => catalog_typescript(),
        Part::Skeleton => render_typescript(&schema_for::<Skeleton>(Dialect::Draft202012)?),
        Part::Week { .. } => render_typescript(&schema_for::<WeekAnswer>(Dialect::Draft202012)?),
    })
}

/// What the request asks the provider to return for `part` in `style`.
pub(crate) fn output(part: &Part, style: &SchemaStyle) -> Result<Output, LlmError> {
    let SchemaStyle::Enforced(dialect) = style else {
        return Ok(Output::Text);
    };
    let (name, schema) = match part {
        Part::Whole => (WHOLE_SCHEMA, envelope_schema(*dialect)?),
        Part::Skeleton => (SKELETON_SCHEMA, schema_for::<Skeleton>(*dialect)?),
        Part::Week { .. } => (WEEK_SCHEMA, schema_for::<WeekAnswer>(*dialect)?),
    };
    Ok(Output::JsonSchema {
        name: name.to_owned(),
        schema,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_lists_are_ranges_when_consecutive() {
        assert_eq!(week_list(&[1, 2, 3]), "1-3");
        assert_eq!(week_list(&[1, 3]), "1, 3");
        assert_eq!(week_list(&[2, 3]), "2, 3");
        assert_eq!(week_list(&[]), "none");
    }

    #[test]
    fn out_of_range_requests_are_named() {
        let request = ProgramRequest {
            weeks: Some(53),
            ..ProgramRequest::default()
        };
        let error = check_request(&request).expect_err("53 weeks");
        assert_eq!(error.to_string(), "request.weeks is 53, outside 1-52");
        let request = ProgramRequest {
            days_per_week: Some(0),
            ..ProgramRequest::default()
        };
        assert!(check_request(&request).is_err());
        assert!(check_request(&ProgramRequest::default()).is_ok());
    }
}
