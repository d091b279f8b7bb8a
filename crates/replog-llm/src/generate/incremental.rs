//! Incremental mode (reference/002): the outline first, then one call per week with several
//! in flight, each week checked and kept in the journal as it arrives, so a failed or
//! interrupted run resumes and pays only for the missing weeks.

use std::sync::Arc;

use futures_util::StreamExt;
use futures_util::stream;
use replog_core::{AthleteContext, Catalog, Program};

use super::call::{Asker, PartError, accept_json};
use super::check::{Checker, Whole};
use super::journal::{Journal, JournalEntry};
use super::progress::Stage;
use crate::LlmError;
use crate::prompt::{self, PromptOptions};
use crate::task::{Part, ProgramRequest, Skeleton, Task, WeekAnswer};

/// The inputs of one incremental run.
pub(crate) struct Incremental<'a> {
    pub(crate) asker: &'a Asker<'a>,
    pub(crate) checker: &'a Checker,
    pub(crate) context: &'a Arc<AthleteContext>,
    pub(crate) request: &'a ProgramRequest,
    pub(crate) options: &'a PromptOptions,
    pub(crate) journal: Option<&'a dyn Journal>,
    pub(crate) key: &'a str,
    pub(crate) concurrency: usize,
}

/// How an incremental run ended when it did not deliver: the failure and the weeks kept.
pub(crate) struct Unfinished {
    pub(crate) error: PartError,
    pub(crate) weeks_kept: Vec<u32>,
}

impl Incremental<'_> {
    fn task(&self, part: Part) -> Arc<Task> {
        Arc::new(Task {
            context: Arc::clone(self.context),
            request: self.request.clone(),
            part,
        })
    }

    fn save(&self, entry: &JournalEntry) -> Result<(), LlmError> {
        match self.journal {
            Some(journal) => journal.save(self.key, entry),
            None => Ok(()),
        }
    }

    /// Runs the generation; the outer error is a journal or prompt failure, the inner one the
    /// provider's or the answers'.
    pub(crate) async fn run(&self) -> Result<Result<(Whole, Vec<u32>), Unfinished>, LlmError> {
        let mut entry = match self.journal {
            Some(journal) => journal.load(self.key)?.unwrap_or_default(),
            None => JournalEntry::default(),
        };
        let spent_before = entry.usage;
        let skeleton = match entry.skeleton.clone() {
            Some(skeleton) => Arc::new(skeleton),
            None => match self.skeleton().await? {
                Ok(skeleton) => {
                    entry.skeleton = Some(skeleton.clone());
                    entry.usage = spent_before + self.asker.ledger().usage;
                    self.save(&entry)?;
                    Arc::new(skeleton)
                }
                Err(error) => {
                    return Ok(Err(Unfinished {
                        error,
                        weeks_kept: Vec::new(),
                    }));
                }
            },
        };
        let total = u32::try_from(skeleton.weeks.len()).unwrap_or(u32::MAX);
        self.asker.ledger().weeks_total = total;
        self.asker.report(Stage::Skeleton);
        // Weeks of an earlier run that do not fit this outline are not kept.
        entry.weeks.retain(|&n, _| n >= 1 && n <= total);
        let resumed: Vec<u32> = entry.weeks.keys().copied().collect();
        for &number in &resumed {
            self.asker.report(Stage::Resumed(number));
        }
        let missing: Vec<u32> = (1..=total)
            .filter(|n| !entry.weeks.contains_key(n))
            .collect();

        let mut arrivals = stream::iter(missing)
            .map(|number| {
                let skeleton = Arc::clone(&skeleton);
                async move { (number, self.week(number, skeleton).await) }
            })
            .buffer_unordered(self.concurrency.max(1));
        let mut first_error = None;
        while let Some((number, result)) = arrivals.next().await {
            match result? {
                Ok(week) => {
                    entry.weeks.insert(number, week);
                    entry.usage = spent_before + self.asker.ledger().usage;
                    self.save(&entry)?;
                    self.asker.report(Stage::Week(number));
                }
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        drop(arrivals);
        if let Some(error) = first_error {
            entry.usage = spent_before + self.asker.ledger().usage;
            self.save(&entry)?;
            return Ok(Err(Unfinished {
                error,
                weeks_kept: entry.weeks.keys().copied().collect(),
            }));
        }

        let (reasoning, catalog) = assemble(&skeleton, entry.weeks, self.request);
        let value = serde_json::to_value(&catalog)
            .map_err(|e| LlmError::Journal(format!("cannot encode the program: {e}")))?;
        match self.checker.whole(reasoning, &value, self.request) {
            Ok(whole) => Ok(Ok((whole, resumed))),
            Err(issues) => Ok(Err(Unfinished {
                error: PartError::Invalid(issues),
                weeks_kept: (1..=total).collect(),
            })),
        }
    }

    async fn skeleton(&self) -> Result<Result<Skeleton, PartError>, LlmError> {
        let prompt = prompt::build(self.task(Part::Skeleton), self.options)?;
        self.asker.report(Stage::Skeleton);
        Ok(self
            .asker
            .ask("skeleton", prompt, true, |text| {
                accept_json(text, |value| self.checker.skeleton(value, self.request))
            })
            .await)
    }

    async fn week(
        &self,
        number: u32,
        skeleton: Arc<Skeleton>,
    ) -> Result<Result<WeekAnswer, PartError>, LlmError> {
        let prompt = prompt::build(
            self.task(Part::Week {
                number,
                skeleton: Arc::clone(&skeleton),
            }),
            self.options,
        )?;
        let label = format!("week {number}");
        Ok(self
            .asker
            .ask(&label, prompt, true, |text| {
                accept_json(text, |value| self.checker.week(value, number, &skeleton))
            })
            .await)
    }
}

/// The outline and its weeks as one document, and the reasoning of all of them.
fn assemble(
    skeleton: &Skeleton,
    weeks: std::collections::BTreeMap<u32, WeekAnswer>,
    request: &ProgramRequest,
) -> (String, Catalog) {
    let mut reasoning = skeleton.reasoning.clone();
    let mut program_weeks = Vec::with_capacity(weeks.len());
    for (number, answer) in weeks {
        if !answer.reasoning.trim().is_empty() {
            reasoning.push_str(&format!("\n\nWeek {number}: {}", answer.reasoning.trim()));
        }
        let mut week = answer.week;
        if week.label.is_none() {
            week.label = outline_label(skeleton, number);
        }
        program_weeks.push(week);
    }
    let program = Program {
        name: request
            .name
            .clone()
            .unwrap_or_else(|| skeleton.name.clone()),
        description: skeleton.description.clone(),
        goal: skeleton.goal.clone(),
        unit: skeleton.unit,
        is_loop: false,
        weeks: program_weeks,
        progression_rules: skeleton.progression_rules.clone(),
    };
    (
        reasoning,
        Catalog::new(skeleton.exercises.clone(), vec![program]),
    )
}

fn outline_label(skeleton: &Skeleton, number: u32) -> Option<String> {
    skeleton
        .weeks
        .iter()
        .find(|w| w.number == number)
        .and_then(|w| w.label.clone())
}
