//! Checks an answer before it is kept: the whole program, the outline or one week, validated
//! with the CatalogJSON validator against the catalog in force and the athlete's equipment.
//! Problems come back as issues whose paths point into the answer the model wrote, so a
//! re-ask can quote them.

use replog_catalog::Validator;
use replog_core::{Catalog, Code, Issue, Path, Program, Segment};
use serde_json::Value;

use crate::task::{ProgramRequest, Skeleton, WeekAnswer};

/// The checks of one generation.
pub(crate) struct Checker {
    validator: Validator,
}

/// A whole-program answer that passed.
pub(crate) struct Whole {
    pub(crate) catalog: Catalog,
    pub(crate) reasoning: String,
}

fn issue(pointer: &[Segment], code: Code, message: impl Into<String>) -> Issue {
    Issue::new(Path::from_segments(pointer.to_vec()), code, message)
}

fn key(name: &'static str) -> Segment {
    Segment::Key(name.into())
}

fn errors(issues: Vec<Issue>) -> Vec<Issue> {
    issues.into_iter().filter(Issue::is_error).collect()
}

impl Checker {
    pub(crate) fn new(validator: Validator) -> Self {
        Self { validator }
    }

    /// The envelope's document: valid, with a first program of the requested size.
    pub(crate) fn whole(
        &self,
        reasoning: String,
        catalog: &Value,
        request: &ProgramRequest,
    ) -> Result<Whole, Vec<Issue>> {
        let (document, issues) = self.validator.validate_value(catalog).into_parts();
        let mut problems: Vec<Issue> = errors(issues)
            .into_iter()
            .map(|mut i| {
                i.path.push_front(key("catalog"));
                i
            })
            .collect();
        let Some(document) = document.filter(|_| problems.is_empty()) else {
            return Err(problems);
        };
        match document.programs.first() {
            None => problems.push(issue(
                &[key("catalog"), key("programs")],
                Code::TooSmall,
                "the document has no program: draft exactly one",
            )),
            Some(program) => size_problems(
                program.weeks.iter().map(|w| w.days.len()),
                request,
                &[
                    key("catalog"),
                    key("programs"),
                    Segment::Index(0),
                    key("weeks"),
                ],
                &mut problems,
            ),
        }
        if problems.is_empty() {
            Ok(Whole {
                catalog: document,
                reasoning,
            })
        } else {
            Err(problems)
        }
    }

    /// The outline: it decodes, its weeks and days are in sequence and of the requested size,
    /// and the exercises it defines validate.
    pub(crate) fn skeleton(
        &self,
        value: Value,
        request: &ProgramRequest,
    ) -> Result<Skeleton, Vec<Issue>> {
        let skeleton: Skeleton = serde_json::from_value(value).map_err(|e| {
            vec![issue(
                &[],
                Code::InvalidType,
                format!("the outline does not follow its schema: {e}"),
            )]
        })?;
        let mut problems = Vec::new();
        if skeleton.name.trim().is_empty() {
            problems.push(issue(&[key("name")], Code::TooSmall, "the name is blank"));
        }
        for (i, week) in skeleton.weeks.iter().enumerate() {
            let at = [key("weeks"), Segment::Index(i)];
            if usize::try_from(week.number).ok() != Some(i + 1) {
                problems.push(issue(
                    &[key("weeks"), Segment::Index(i), key("number")],
                    Code::OutOfSequence,
                    format!(
                        "week {} is in position {}: number the weeks 1, 2, ...",
                        week.number,
                        i + 1
                    ),
                ));
            }
            let mut last = 0;
            for (j, day) in week.days.iter().enumerate() {
                if day.number <= last || day.number > 7 {
                    problems.push(issue(
                        &[
                            key("weeks"),
                            Segment::Index(i),
                            key("days"),
                            Segment::Index(j),
                            key("number"),
                        ],
                        Code::OutOfSequence,
                        format!(
                            "day {} after day {last}: days are 1-7, ascending",
                            day.number
                        ),
                    ));
                }
                last = day.number;
            }
            if week.days.is_empty() {
                problems.push(issue(
                    &[at[0].clone(), at[1].clone(), key("days")],
                    Code::TooSmall,
                    "the week has no day",
                ));
            }
        }
        size_problems(
            skeleton.weeks.iter().map(|w| w.days.len()),
            request,
            &[key("weeks")],
            &mut problems,
        );
        if !skeleton.exercises.is_empty() {
            let document = Catalog::new(skeleton.exercises.clone(), Vec::new());
            let value = serde_json::to_value(&document).unwrap_or(Value::Null);
            problems.extend(errors(self.validator.validate_value(&value).into_parts().1));
        }
        if problems.is_empty() {
            Ok(skeleton)
        } else {
            Err(problems)
        }
    }

    /// One week: it validates as the only week of the outline's program (so every rule of a
    /// week applies: days, exercises in the catalog in force, equipment, sets), and carries
    /// the number asked for.
    pub(crate) fn week(
        &self,
        mut value: Value,
        number: u32,
        skeleton: &Skeleton,
    ) -> Result<WeekAnswer, Vec<Issue>> {
        let reasoning = match value.get_mut("reasoning").map(Value::take) {
            Some(Value::String(text)) => text,
            Some(_) => {
                return Err(vec![issue(
                    &[key("reasoning")],
                    Code::InvalidType,
                    "`reasoning` must be a string",
                )]);
            }
            None => String::new(),
        };
        let Some(mut week) = value
            .get_mut("week")
            .map(Value::take)
            .filter(Value::is_object)
        else {
            return Err(vec![issue(
                &[key("week")],
                Code::Required,
                "the answer needs a `week` object",
            )]);
        };
        // The week is checked as week 1 of a one-week program; its own number is checked here.
        match week.get("number").and_then(Value::as_u64) {
            Some(n) if n == u64::from(number) => {}
            found => {
                return Err(vec![issue(
                    &[key("week"), key("number")],
                    Code::OutOfSequence,
                    format!(
                        "this answer is week {number}; found {}",
                        found.map_or("no number".to_owned(), |n| n.to_string())
                    ),
                )]);
            }
        }
        week["number"] = Value::from(1);
        let program = serde_json::json!({
            "name": skeleton.name,
            "unit": skeleton.unit,
            "weeks": [week],
        });
        let document = serde_json::json!({
            "catalog_version": 1,
            "exercises": skeleton.exercises,
            "programs": [program],
        });
        let (parsed, issues) = self.validator.validate_value(&document).into_parts();
        let problems: Vec<Issue> = errors(issues).into_iter().map(week_path).collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut week = parsed
            .and_then(|mut d| d.programs.pop())
            .and_then(|p: Program| p.weeks.into_iter().next())
            .ok_or_else(|| {
                vec![issue(
                    &[key("week")],
                    Code::Required,
                    "the week could not be read",
                )]
            })?;
        week.number = number;
        Ok(WeekAnswer { reasoning, week })
    }
}

/// Moves an issue found in the one-week wrapper document to the path of the model's answer:
/// `/programs/0/weeks/0/...` becomes `/week/...`; `/programs/0/unit` becomes the answer root.
fn week_path(mut issue: Issue) -> Issue {
    let segments = issue.path.segments();
    let prefix = [
        key("programs"),
        Segment::Index(0),
        key("weeks"),
        Segment::Index(0),
    ];
    if segments.starts_with(&prefix) {
        let mut rest = vec![key("week")];
        rest.extend_from_slice(&segments[prefix.len()..]);
        issue.path = Path::from_segments(rest);
    } else if segments.starts_with(&prefix[..2]) {
        issue.path = Path::root();
    }
    issue
}

/// Problems with the program's size against what the coach asked for.
fn size_problems(
    days: impl ExactSizeIterator<Item = usize>,
    request: &ProgramRequest,
    at: &[Segment],
    problems: &mut Vec<Issue>,
) {
    let weeks = days.len();
    if let Some(wanted) = request.weeks.and_then(|w| usize::try_from(w).ok()) {
        if weeks != wanted {
            problems.push(issue(
                at,
                if weeks < wanted {
                    Code::TooSmall
                } else {
                    Code::TooBig
                },
                format!("the coach asked for {wanted} weeks; found {weeks}"),
            ));
        }
    }
    if weeks == 0 {
        problems.push(issue(at, Code::TooSmall, "the program has no week"));
    }
    if let Some(wanted) = request.days_per_week.and_then(|d| usize::try_from(d).ok()) {
        for (i, count) in days.enumerate() {
            if count != wanted {
                let mut path = at.to_vec();
                path.extend([Segment::Index(i), key("days")]);
                problems.push(issue(
                    &path,
                    if count < wanted {
                        Code::TooSmall
                    } else {
                        Code::TooBig
                    },
                    format!(
                        "the coach asked for {wanted} training days a week; week {} has {count}",
                        i + 1
                    ),
                ));
            }
        }
    }
}
