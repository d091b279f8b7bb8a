//! The computed half of a report: the period's metrics, from the metrics module, and the
//! unit they are in.

use serde::{Deserialize, Serialize};

use crate::context::{ContextOptions, PersonalRecord};
use crate::logbook::Logbook;
use crate::metrics::period::{Period, PeriodKind, PeriodMetrics, period_metrics};
use crate::program::Unit;

/// Everything numeric a report shows, computed from the logbook and never written by a
/// model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportNumbers {
    /// The unit of every weight (the logbook's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// The period's numbers ([`period_metrics`]).
    pub metrics: PeriodMetrics,
}

impl ReportNumbers {
    /// The numbers of `period` for `logbook` (of `options`, `as_of` and `catalog` apply, as
    /// in [`period_metrics`]).
    pub fn compute(logbook: &Logbook, period: &Period, options: &ContextOptions<'_>) -> Self {
        Self {
            unit: logbook.unit,
            metrics: period_metrics(logbook, period, options),
        }
    }

    /// The numbers of the week or month that the described day (`options.as_of`, else the
    /// logbook's [`Logbook::as_of`]) falls in; `None` for a logbook without any date and no
    /// `as_of` given.
    pub fn for_period_of(
        logbook: &Logbook,
        kind: PeriodKind,
        options: &ContextOptions<'_>,
    ) -> Option<Self> {
        let day = options.as_of.or_else(|| logbook.as_of())?;
        Some(Self::compute(logbook, &Period::of(kind, day), options))
    }

    /// Whether the period has a PR.
    pub fn has_pr(&self) -> bool {
        !self.metrics.prs.is_empty()
    }

    /// The PR a report leads with: the period's newest (the metrics list them newest first).
    pub fn lead_pr(&self) -> Option<&PersonalRecord> {
        self.metrics.prs.first()
    }
}
