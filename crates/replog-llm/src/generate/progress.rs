//! Progress events of a generation, for a progress bar or a job-status endpoint.

use serde::Serialize;

use crate::provider::Usage;

/// What a generation is doing when it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "week", rename_all = "snake_case")]
pub enum Stage {
    /// Asking for the whole program in one call.
    Whole,
    /// Asking for the outline (incremental mode).
    Skeleton,
    /// A week arrived, was validated and kept (incremental mode).
    Week(u32),
    /// A week was found in the journal of an earlier run and not asked for again.
    Resumed(u32),
    /// The program is assembled and valid.
    Done,
}

/// One progress event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// 0 to 100.
    pub percent: u8,
    /// What just happened.
    pub stage: Stage,
    /// Weeks kept so far.
    pub weeks_done: u32,
    /// Weeks in the program (0 until the outline is known).
    pub weeks_total: u32,
    /// Provider calls made so far (every attempt of every part and round).
    pub attempts: u32,
    /// Tokens spent so far, over every attempt.
    pub usage: Usage,
}

/// A receiver of progress events; called from the task that runs the generation.
pub type OnProgress<'a> = &'a (dyn Fn(&Progress) + Send + Sync);

/// The percentage for `done` of `total` weeks: the outline counts as the first 5 %.
pub(crate) fn percent(done: u32, total: u32) -> u8 {
    if total == 0 {
        return 5;
    }
    let share = u64::from(done.min(total)) * 95 / u64::from(total);
    u8::try_from(5 + share).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn percent_runs_from_the_outline_to_one_hundred() {
        assert_eq!(percent(0, 0), 5);
        assert_eq!(percent(0, 12), 5);
        assert_eq!(percent(6, 12), 52);
        assert_eq!(percent(12, 12), 100);
        assert_eq!(percent(13, 12), 100);
    }
}
