//! Rendering a report to Markdown and to HTML. Whatever came from data or a model is
//! escaped: in Markdown by backslash-escaping the characters that would start markup, in
//! HTML by rendering that Markdown with raw HTML turned into text and links other than
//! `http`, `https`, `mailto` and relative ones dropped (a legacy v1 report is model-written
//! Markdown, so its HTML goes through the same guard).

use std::fmt::Write as _;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

use super::{ReportPayload, ReportV2};
use crate::context::round::text as num;
use crate::metrics::period::PeriodKind;
use crate::program::Unit;

/// The ASCII punctuation that opens or closes inline Markdown anywhere in a line (CommonMark
/// lets any ASCII punctuation be backslash-escaped, so escaping one costs nothing but
/// looks).
const MARKDOWN_SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&'];

/// Punctuation that only makes markup at the start of a line: list bullets.
const LINE_START_SPECIAL: &[char] = &['-', '+', '='];

/// `text` as Markdown that shows exactly that text: special characters backslash-escaped
/// and line breaks turned into spaces (so a text cannot start a heading, list or block of
/// its own).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    // Leading blanks would make an indented code block, `-` at the start a list item, and
    // `1.` or `1)` at the start an ordered one.
    let mut only_digits = true;
    for (i, c) in text.trim().chars().enumerate() {
        if c == '\n' || c == '\r' || c == '\t' {
            out.push(' ');
        } else {
            if MARKDOWN_SPECIAL.contains(&c)
                || (i == 0 && LINE_START_SPECIAL.contains(&c))
                || ((c == '.' || c == ')') && only_digits && i > 0)
            {
                out.push('\\');
            }
            out.push(c);
        }
        only_digits &= c.is_ascii_digit();
    }
}

/// Markdown rendered to HTML for display with nothing active left in it: raw HTML becomes
/// escaped text, images become their alt text, and links whose destination is not `http`,
/// `https`, `mailto` or relative become their text.
pub fn markdown_to_html(markdown: &str) -> String {
    let mut kept_links: Vec<bool> = Vec::new();
    let events =
        Parser::new_ext(markdown, Options::ENABLE_TABLES).filter_map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let keep = is_safe_url(dest_url);
                kept_links.push(keep);
                keep.then_some(event)
            }
            Event::End(TagEnd::Link) => kept_links.pop().unwrap_or(false).then_some(event),
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
            other => Some(other),
        });
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut out, events);
    out
}

/// Whether a link destination is safe to keep: `http:`, `https:`, `mailto:`, or relative
/// (no scheme before the first `/`, `?` or `#`).
fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    let head = url.split(['/', '?', '#']).next().unwrap_or_default();
    match head.split_once(':') {
        None => true,
        Some((scheme, _)) => ["http", "https", "mailto"]
            .iter()
            .any(|s| scheme.eq_ignore_ascii_case(s)),
    }
}

impl ReportPayload {
    /// The report as Markdown: a v1 report's text as it was stored, a v2 report laid out
    /// from its numbers and words.
    pub fn to_markdown(&self) -> String {
        match self {
            Self::V1(report) => report.content.clone(),
            Self::V2(report) => report.to_markdown(),
        }
    }

    /// The report as HTML for display ([`markdown_to_html`] of [`Self::to_markdown`]).
    pub fn to_html(&self) -> String {
        markdown_to_html(&self.to_markdown())
    }
}

impl ReportV2 {
    /// The report as Markdown: headline, period, numbers, records with the celebration, top
    /// lifts, the action, and who wrote the words. Every text from data or a model is
    /// escaped ([`escape_markdown`]).
    pub fn to_markdown(&self) -> String {
        let mut md = String::with_capacity(1024);
        // Writing to a String cannot fail, so the results of write! are ignored.
        let u = match self.unit {
            Some(Unit::Lb) => " lb",
            Some(Unit::Kg) => " kg",
            None => "",
        };
        let m = &self.metrics;
        let words = &self.words;
        md.push_str("# ");
        push_escaped(&mut md, &words.headline);
        md.push_str("\n\n*");
        push_escaped(&mut md, &m.period.label);
        let _ = write!(md, ": {} to {}*\n\n", m.period.start, m.period.end);
        let _ = writeln!(md, "- **Volume:** {}{u}", num(m.volume));
        let _ = writeln!(md, "- **Workouts:** {}", m.workouts);
        let weeks = if m.streak_weeks == 1 { "week" } else { "weeks" };
        let _ = writeln!(md, "- **Streak:** {} {weeks}", m.streak_weeks);
        if let Some(rate) = m.adherence {
            let _ = writeln!(md, "- **Adherence:** {}%", num(rate * 100.0));
        }
        if self.has_pr() {
            md.push_str("\n## Personal records\n\n");
            if let Some(celebration) = &words.celebration {
                push_escaped(&mut md, celebration);
                md.push_str("\n\n");
            }
            for pr in &m.prs {
                md.push_str("- ");
                push_escaped(&mut md, &pr.exercise);
                let _ = writeln!(
                    md,
                    ": {}{u} estimated 1RM ({}{u} x {}) on {}",
                    num(pr.e1rm),
                    num(pr.weight),
                    pr.reps,
                    pr.date
                );
            }
        }
        if !m.top_lifts.is_empty() {
            let previous = match m.period.kind {
                PeriodKind::Week => "previous week",
                PeriodKind::Month => "previous month",
            };
            md.push_str("\n## Top lifts\n\n");
            for lift in &m.top_lifts {
                md.push_str("- ");
                push_escaped(&mut md, &lift.exercise);
                let _ = write!(md, ": {}{u} estimated 1RM", num(lift.e1rm));
                match lift.change {
                    Some(change) if change >= 0.0 => {
                        let _ = write!(md, " (+{}{u} on the {previous})", num(change));
                    }
                    Some(change) => {
                        let _ = write!(md, " ({}{u} on the {previous})", num(change));
                    }
                    None => {}
                }
                md.push('\n');
            }
        }
        md.push_str("\n## Next\n\n**");
        push_escaped(&mut md, &words.action.directive);
        md.push_str("**\n\n");
        push_escaped(&mut md, &words.action.explanation);
        md.push_str("\n\n*");
        match &self.written_by {
            super::WrittenBy::Model { provider, model } => {
                md.push_str("Words by ");
                push_escaped(&mut md, provider);
                md.push_str(" model ");
                push_escaped(&mut md, model);
                md.push_str("; numbers computed from the logbook.");
            }
            super::WrittenBy::Rules { fallback: None } => {
                md.push_str("Words and numbers computed from the logbook.");
            }
            super::WrittenBy::Rules {
                fallback: Some(reason),
            } => {
                md.push_str("Words by the built-in writer (the model's were not used: ");
                push_escaped(&mut md, reason);
                md.push_str("); numbers computed from the logbook.");
            }
        }
        md.push_str("*\n");
        md
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_relative_links_are_safe() {
        for safe in [
            "https://example.org/a",
            "HTTP://x",
            "mailto:a@b.c",
            "/rel",
            "rel?x=a:b",
            "#top",
        ] {
            assert!(is_safe_url(safe), "{safe}");
        }
        for unsafe_url in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(!is_safe_url(unsafe_url), "{unsafe_url}");
        }
    }

    #[test]
    fn escaped_text_renders_as_itself() {
        let text = "  12. **bold** <b>x</b> [l](javascript:x) # h\n- item & `c` 1. _u_";
        assert_eq!(
            escape_markdown("- 2026-W15 (x) 3) a+b"),
            "\\- 2026-W15 (x) 3) a+b"
        );
        assert_eq!(escape_markdown("3) go"), "3\\) go");
        let html = markdown_to_html(&escape_markdown(text));
        assert_eq!(
            html,
            "<p>12. **bold** &lt;b&gt;x&lt;/b&gt; [l](javascript:x) # h - item &amp; `c` 1. _u_</p>\n"
        );
    }
}
