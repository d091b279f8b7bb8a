//! The words of a report (headline, celebration, action) and the deterministic writer that
//! produces plain, correct copy from the numbers when no model is used or the model failed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::ReportNumbers;
use crate::context::round::text as num;
use crate::metrics::period::PeriodKind;
use crate::program::Unit;

/// The most characters a headline may have.
pub const HEADLINE_MAX: usize = 160;
/// The most characters a celebration, directive or explanation may have.
pub const COPY_MAX: usize = 600;

/// Below this adherence (completed over prescribed sets) the action asks for the plan to be
/// completed before anything else.
const ADHERENCE_FLOOR: f64 = 0.8;

/// What the athlete should do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// One imperative sentence: what to do in the next period.
    pub directive: String,
    /// One or two sentences on why, citing only numbers given in the report.
    pub explanation: String,
}

/// The words of a report: everything in it that is not a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportWords {
    /// A short motivating headline for the period.
    pub headline: String,
    /// Celebration copy for the period's personal records; null when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub celebration: Option<String>,
    /// The one thing to do next.
    pub action: Action,
}

/// Why a set of words cannot go into a report.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum WordsProblem {
    /// A required text is empty or only whitespace.
    #[error("the {field} is blank")]
    Blank {
        /// `headline`, `celebration`, `action.directive` or `action.explanation`.
        field: &'static str,
    },
    /// A text is longer than its limit.
    #[error("the {field} has {chars} characters, more than {max}")]
    TooLong {
        /// Which text.
        field: &'static str,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
}

impl ReportWords {
    /// Checks that every text is non-blank and within its limit ([`HEADLINE_MAX`],
    /// [`COPY_MAX`]); the first problem found.
    ///
    /// # Errors
    ///
    /// The [`WordsProblem`] of the first text that breaks a rule.
    pub fn check(&self) -> Result<(), WordsProblem> {
        check_text("headline", &self.headline, HEADLINE_MAX)?;
        if let Some(celebration) = &self.celebration {
            check_text("celebration", celebration, COPY_MAX)?;
        }
        check_text("action.directive", &self.action.directive, COPY_MAX)?;
        check_text("action.explanation", &self.action.explanation, COPY_MAX)
    }
}

fn check_text(field: &'static str, text: &str, max: usize) -> Result<(), WordsProblem> {
    if text.trim().is_empty() {
        return Err(WordsProblem::Blank { field });
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(WordsProblem::TooLong { field, chars, max });
    }
    Ok(())
}

/// Plain, correct words from the numbers alone (no model): the headline leads with the
/// newest PR, else the period's work; the celebration lists every PR; the action is the
/// first that applies of: train at all, complete the plan (adherence under 80 %), hold the
/// load on a lift whose e1RM fell, build on the records, keep the streak.
pub fn deterministic_words(numbers: &ReportNumbers) -> ReportWords {
    let m = &numbers.metrics;
    let u = unit_suffix(numbers.unit);
    let label = &m.period.label;
    let headline = match numbers.lead_pr() {
        Some(pr) => format!(
            "New {} record: {}{u} estimated 1RM",
            pr.exercise,
            num(pr.e1rm)
        ),
        None if m.workouts == 0 => format!("No workouts logged in {label}"),
        None => format!(
            "{} and {}{u} lifted in {label}",
            count(m.workouts, "workout"),
            num(m.volume)
        ),
    };
    ReportWords {
        headline,
        celebration: celebration(numbers, u),
        action: action(numbers, u),
    }
}

fn celebration(numbers: &ReportNumbers, u: &str) -> Option<String> {
    let prs = &numbers.metrics.prs;
    match prs.as_slice() {
        [] => None,
        [pr] => Some(format!(
            "You set a personal record on {}: {}{u} x {}, an estimated 1RM of {}{u}.",
            pr.exercise,
            num(pr.weight),
            pr.reps,
            num(pr.e1rm)
        )),
        _ => {
            // One entry per exercise, in the order met (newest first), with its best.
            let mut lifts: Vec<(&str, u32, f64)> = Vec::new();
            for pr in prs {
                match lifts.iter_mut().find(|(name, ..)| *name == pr.exercise) {
                    Some((_, n, best)) => {
                        *n += 1;
                        *best = best.max(pr.e1rm);
                    }
                    None => lifts.push((&pr.exercise, 1, pr.e1rm)),
                }
            }
            let list: Vec<String> = lifts
                .iter()
                .map(|(name, n, best)| match n {
                    1 => format!("{name} ({}{u})", num(*best)),
                    _ => format!("{name} ({n}, up to {}{u})", num(*best)),
                })
                .collect();
            Some(format!(
                "You set {} personal records: {}.",
                prs.len(),
                list.join(", ")
            ))
        }
    }
}

fn action(numbers: &ReportNumbers, u: &str) -> Action {
    let m = &numbers.metrics;
    let label = &m.period.label;
    let next = match m.period.kind {
        PeriodKind::Week => "week",
        PeriodKind::Month => "month",
    };
    let streak = count(m.streak_weeks, "week");
    if m.workouts == 0 {
        return Action {
            directive: format!("Log at least one workout next {next}."),
            explanation: if m.streak_weeks == 0 {
                format!("No workouts were logged in {label}; one session starts a new streak.")
            } else {
                format!("No workouts were logged in {label}; the streak stands at {streak}.")
            },
        };
    }
    if let Some(rate) = m.adherence.filter(|r| *r < ADHERENCE_FLOOR) {
        return Action {
            directive: format!("Complete every prescribed set next {next}."),
            explanation: format!(
                "You completed {}% of the prescribed sets in {label}; finishing the plan \
                 comes before adding load.",
                num(rate * 100.0)
            ),
        };
    }
    let fallen = m
        .top_lifts
        .iter()
        .find(|l| l.change.is_some_and(|c| c < 0.0));
    if let Some(lift) = fallen {
        let before = lift.previous_e1rm.map_or_else(String::new, num);
        return Action {
            directive: format!("Hold the load on {} and recover.", lift.exercise),
            explanation: format!(
                "Its best estimated 1RM went from {before}{u} to {}{u} against the previous \
                 {next}; sleep, food and crisp reps bring it back.",
                num(lift.e1rm)
            ),
        };
    }
    if numbers.has_pr() {
        return Action {
            directive: "Build on the new record: keep the plan's progression.".to_owned(),
            explanation: format!(
                "{} in {label}, with the streak at {streak}; steady work made it.",
                count(u32::try_from(m.prs.len()).unwrap_or(u32::MAX), "record")
            ),
        };
    }
    Action {
        directive: "Keep the streak going and add load only where the last sets felt easy."
            .to_owned(),
        explanation: format!(
            "{} in {label}; the streak stands at {streak}.",
            count(m.workouts, "workout")
        ),
    }
}

/// `1 workout`, `3 workouts`.
fn count(n: u32, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// ` lb`, ` kg`, or nothing without a unit.
fn unit_suffix(unit: Option<Unit>) -> &'static str {
    match unit {
        Some(Unit::Lb) => " lb",
        Some(Unit::Kg) => " kg",
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> ReportWords {
        ReportWords {
            headline: "Strong week".into(),
            celebration: None,
            action: Action {
                directive: "Sleep.".into(),
                explanation: "Because.".into(),
            },
        }
    }

    #[test]
    fn check_names_the_first_blank_or_long_text() {
        assert_eq!(words().check(), Ok(()));
        let mut blank = words();
        blank.action.directive = "  ".into();
        assert_eq!(
            blank.check(),
            Err(WordsProblem::Blank {
                field: "action.directive"
            })
        );
        let mut long = words();
        long.headline = "é".repeat(HEADLINE_MAX + 1);
        assert_eq!(
            long.check(),
            Err(WordsProblem::TooLong {
                field: "headline",
                chars: HEADLINE_MAX + 1,
                max: HEADLINE_MAX
            })
        );
        let mut celebration = words();
        celebration.celebration = Some(String::new());
        assert!(matches!(
            celebration.check(),
            Err(WordsProblem::Blank {
                field: "celebration"
            })
        ));
    }

    #[test]
    fn counts_and_units_read_naturally() {
        assert_eq!(count(1, "week"), "1 week");
        assert_eq!(count(0, "week"), "0 weeks");
        assert_eq!(unit_suffix(Some(Unit::Kg)), " kg");
        assert_eq!(unit_suffix(None), "");
    }
}
