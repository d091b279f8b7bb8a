//! Follow-ups for an answer that failed: the model sees its own answer and the numbered
//! problems with their JSON Pointer paths, and is asked for the corrected answer of the same
//! part, in the same format.
//!
//! A re-ask keeps the original prompt (so the cached prefix still serves it) and only the
//! latest failed answer: earlier rounds' answers and problems are dropped, because the model
//! needs what is wrong now, and every repeated answer would be paid for again as input.

use std::fmt::Write as _;

use replog_core::{Issue, Severity};

use crate::provider::{Message, Output, Request, Role};
use crate::task::Part;

/// A follow-up that shows the model its answer and lists numbered problems with their JSON
/// Pointer paths, asking for the corrected answer of the same part.
///
/// `previous` is the request that produced `answer` (a prompt from [`build`](super::build)
/// or an earlier re-ask); the result has the same output, task, temperature and token limit.
pub fn reask(previous: &Request, answer: &str, issues: &[Issue]) -> Request {
    let what = part_name(previous);
    let mut text = String::with_capacity(256 + issues.len() * 120);
    let count = issues.len();
    let _ = writeln!(
        text,
        "Your {what} has {count} {} (each with the JSON Pointer path of the value it is about):",
        if count == 1 { "problem" } else { "problems" }
    );
    for (i, issue) in issues.iter().enumerate() {
        let path = if issue.path.is_root() {
            "(document)".to_owned()
        } else {
            issue.path.to_string()
        };
        let warning = if issue.severity == Severity::Warning {
            " (warning)"
        } else {
            ""
        };
        let _ = writeln!(
            text,
            "{}. {path}: {} [{}]{warning}",
            i + 1,
            issue.message,
            issue.code
        );
    }
    let _ = write!(
        text,
        "\nFix every problem and answer again with the complete corrected {what}, {}. Keep \
         everything the list does not mention as it was.",
        format_reminder(&previous.output)
    );
    follow_up(previous, answer, text)
}

/// The same as [`reask`] when the answer was not parseable JSON at all: one problem, the
/// parser's message (with its line and column).
pub fn reask_unparseable(previous: &Request, answer: &str, problem: &str) -> Request {
    let what = part_name(previous);
    let text = format!(
        "Your {what} could not be read as JSON: {problem}\n\nAnswer again with the complete \
         {what}, {}, as strict JSON (double quotes, no comments, no trailing commas).",
        format_reminder(&previous.output)
    );
    follow_up(previous, answer, text)
}

/// `previous` cut back to its prompt, then the answer and the follow-up.
fn follow_up(previous: &Request, answer: &str, text: String) -> Request {
    let prompt_len = previous
        .messages
        .iter()
        .position(|m| m.role == Role::Assistant)
        .unwrap_or(previous.messages.len());
    let mut messages = Vec::with_capacity(prompt_len + 2);
    messages.extend_from_slice(previous.messages.get(..prompt_len).unwrap_or_default());
    messages.push(Message::assistant(answer));
    messages.push(Message::user(text));
    Request {
        messages,
        ..previous.clone_without_messages()
    }
}

/// What the answer was, in words: the part of the task behind the request.
fn part_name(request: &Request) -> String {
    match request.task.as_deref().map(|t| &t.part) {
        Some(Part::Whole) => "program".to_owned(),
        Some(Part::Skeleton) => "outline".to_owned(),
        Some(Part::Week { number, .. }) => format!("week {number}"),
        None => "answer".to_owned(),
    }
}

fn format_reminder(output: &Output) -> &'static str {
    match output {
        Output::JsonSchema { .. } => "as one JSON object in the same response format",
        Output::Json => "as one JSON object",
        Output::Text => {
            "in the same format (<reasoning>...</reasoning>, then one ```json fenced block)"
        }
    }
}

impl Request {
    /// The request's settings, output and task without its messages (cloning the messages
    /// only to replace them would copy the whole prompt twice).
    fn clone_without_messages(&self) -> Request {
        Request {
            messages: Vec::new(),
            temperature: self.temperature,
            max_tokens: self.max_tokens,
            output: self.output.clone(),
            task: self.task.clone(),
        }
    }
}
