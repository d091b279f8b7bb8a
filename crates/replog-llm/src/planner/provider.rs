//! The planner as a [`Provider`]: it answers from the request's typed task, in the JSON
//! shapes a model is asked for (the whole envelope, the skeleton, or one week), so its
//! answers go through the same parse-validate path as a model's. No clock is read (the
//! crate builds for WebAssembly), so latencies are zero; no tokens are spent.

use std::time::Duration;

use async_trait::async_trait;

use super::{MODEL, NAME, Plan, Planner};
use crate::LlmError;
use crate::provider::{ErrorKind, Pong, Provider, ProviderError, Request, Response};
use crate::task::{DayOutline, Part, Skeleton, Task, WeekAnswer, WeekOutline};

impl Plan {
    /// The outline of the plan, as an incremental generation's first call asks for it: the
    /// program's metadata, each week's label and each day's slot with what it trains.
    pub fn skeleton(&self) -> Option<Skeleton> {
        let program = self.envelope.catalog.programs.first()?;
        Some(Skeleton {
            reasoning: self.envelope.reasoning.clone(),
            name: program.name.clone(),
            description: program.description.clone(),
            goal: program.goal.clone(),
            unit: program.unit,
            weeks: program
                .weeks
                .iter()
                .map(|week| WeekOutline {
                    number: week.number,
                    label: week.label.clone(),
                    days: week
                        .days
                        .iter()
                        .zip(&self.day_focus)
                        .map(|(day, focus)| DayOutline {
                            number: day.number,
                            name: day.name.clone(),
                            focus: Some(focus.clone()),
                        })
                        .collect(),
                })
                .collect(),
            progression_rules: program.progression_rules.clone(),
            exercises: self.envelope.catalog.exercises.clone(),
        })
    }

    /// Week `number` of the plan with a short reasoning, as an incremental generation's
    /// per-week call asks for it; `None` for a week the plan does not have.
    pub fn week(&self, number: u32) -> Option<WeekAnswer> {
        let program = self.envelope.catalog.programs.first()?;
        let week = program.weeks.iter().find(|w| w.number == number)?;
        let days: Vec<String> = week
            .days
            .iter()
            .map(|d| {
                let exercises: Vec<&str> =
                    d.exercises.iter().map(|e| e.exercise.as_str()).collect();
                format!("day {}: {}", d.number, exercises.join(", "))
            })
            .collect();
        let reasoning = format!(
            "Week {number} of {} ({}): {}.",
            self.weeks,
            week.label.as_deref().unwrap_or("one week repeated"),
            days.join("; ")
        );
        Some(WeekAnswer {
            reasoning,
            week: week.clone(),
        })
    }
}

fn invalid(message: impl Into<String>) -> ProviderError {
    ProviderError::new(ErrorKind::InvalidRequest, message)
}

fn provider_error(error: LlmError) -> ProviderError {
    match error {
        LlmError::Provider(error) => error,
        other => invalid(other.to_string()),
    }
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, ProviderError> {
    serde_json::to_string(value).map_err(|error| {
        ProviderError::new(
            ErrorKind::MalformedResponse,
            format!("the planner's answer did not serialise: {error}"),
        )
    })
}

impl Planner {
    /// The JSON text the planner answers `task` with: for [`Part::Whole`] the envelope, for
    /// [`Part::Skeleton`] the skeleton, for [`Part::Week`] that week. A week is planned
    /// within the skeleton it belongs to (its number of weeks, and that week's number of
    /// days, numbers, names and label), so weeks asked for one by one against the planner's
    /// own skeleton are exactly the whole program's weeks.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidRequest`] for a request outside CatalogJSON's limits or a week the
    /// skeleton does not have.
    pub fn answer(&self, task: &Task) -> Result<String, ProviderError> {
        match &task.part {
            Part::Whole => {
                let plan = self
                    .plan(&task.context, &task.request)
                    .map_err(provider_error)?;
                json(&plan.envelope)
            }
            Part::Skeleton => {
                let plan = self
                    .plan(&task.context, &task.request)
                    .map_err(provider_error)?;
                let skeleton = plan
                    .skeleton()
                    .ok_or_else(|| invalid("the planner made no program"))?;
                json(&skeleton)
            }
            Part::Week { number, skeleton } => {
                let outline = skeleton
                    .weeks
                    .iter()
                    .find(|w| w.number == *number)
                    .ok_or_else(|| {
                        invalid(format!(
                            "week {number} is not in the skeleton, which has weeks 1-{}",
                            skeleton.weeks.len()
                        ))
                    })?;
                let mut request = task.request.clone();
                request.weeks = u32::try_from(skeleton.weeks.len())
                    .ok()
                    .filter(|w| (1..=52).contains(w));
                if let Ok(days @ 1..=7) = u32::try_from(outline.days.len()) {
                    request.days_per_week = Some(days);
                }
                let plan = self.plan(&task.context, &request).map_err(provider_error)?;
                let mut answer = plan
                    .week(*number)
                    .ok_or_else(|| invalid(format!("the plan has no week {number}")))?;
                for (day, slot) in answer.week.days.iter_mut().zip(&outline.days) {
                    day.number = slot.number;
                    if slot.name.is_some() {
                        day.name.clone_from(&slot.name);
                    }
                }
                if outline.label.is_some() {
                    answer.week.label.clone_from(&outline.label);
                }
                json(&answer)
            }
        }
    }
}

#[async_trait]
impl Provider for Planner {
    fn name(&self) -> &str {
        NAME
    }

    fn model(&self) -> &str {
        MODEL
    }

    async fn generate(&self, request: &Request) -> Result<Response, ProviderError> {
        let task = request.task.as_deref().ok_or_else(|| {
            invalid(
                "the built-in planner answers from the request's task, and this request \
                 carries none: send it through the generation pipeline, which attaches one",
            )
        })?;
        Ok(Response::text(self.answer(task)?, MODEL))
    }

    async fn ping(&self) -> Result<Pong, ProviderError> {
        Ok(Pong {
            model: MODEL.to_owned(),
            latency: Duration::ZERO,
        })
    }
}
