//! Single mode: the whole program in one call (and its re-asks).

use std::sync::Arc;

use super::call::{Accepted, Asker, PartError, Rejection};
use super::check::{Checker, Whole};
use super::progress::Stage;
use crate::prompt::{self, PromptOptions};
use crate::task::{Part, ProgramRequest, Task};
use crate::{LlmError, parse};
use replog_core::AthleteContext;

/// Asks for the whole program and checks it.
pub(crate) async fn run(
    asker: &Asker<'_>,
    checker: &Checker,
    context: &Arc<AthleteContext>,
    request: &ProgramRequest,
    options: &PromptOptions,
    widen: bool,
) -> Result<Result<Whole, PartError>, LlmError> {
    let task = Arc::new(Task {
        context: Arc::clone(context),
        request: request.clone(),
        part: Part::Whole,
    });
    let prompt = prompt::build(task, options)?;
    asker.report(Stage::Whole);
    let result = asker
        .ask("whole", prompt, widen, |text| {
            let parsed =
                parse::parse_envelope(text).map_err(|e| Rejection::Unparseable(e.to_string()))?;
            let whole = checker
                .whole(parsed.reasoning, &parsed.catalog, request)
                .map_err(Rejection::Invalid)?;
            Ok(Accepted::new(whole, &parsed.repairs, parsed.ignored))
        })
        .await;
    Ok(result)
}
