//! Period metrics for reports (reference/003, v2): the numbers a weekly or monthly report
//! shows, computed here so the model only writes the words around them. They reuse the
//! athlete context's signals (tonnage, PRs, streak, adherence, e1RM), so a report and a
//! context never disagree.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::{WeekIndex, civil_from_days, days_from_civil};
use crate::context::history::{History, sessions_between};
use crate::context::{ContextOptions, PersonalRecord, adherence, records, round, signals};
use crate::logbook::{Date, Logbook};

/// How many lifts [`PeriodMetrics::top_lifts`] lists.
pub const TOP_LIFTS: usize = 3;

/// The length of a report period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
}

/// A report period: an ISO week or a calendar month.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Period {
    /// Week or month.
    pub kind: PeriodKind,
    /// The first day.
    pub start: Date,
    /// The last day.
    pub end: Date,
    /// `2026-W15` for a week, `2026-04` for a month.
    pub label: String,
}

impl Period {
    /// The ISO week (Monday to Sunday) `date` falls in.
    pub fn week_of(date: Date) -> Self {
        let week = WeekIndex::of(date);
        Self {
            kind: PeriodKind::Week,
            start: week.monday(),
            end: week.sunday(),
            label: week.label(),
        }
    }

    /// The calendar month `date` falls in.
    pub fn month_of(date: Date) -> Self {
        Self {
            kind: PeriodKind::Month,
            start: date.first_of_month(),
            end: date.last_of_month(),
            label: format!("{:04}-{:02}", date.year(), date.month()),
        }
    }

    /// The period of this kind that `date` falls in.
    pub fn of(kind: PeriodKind, date: Date) -> Self {
        match kind {
            PeriodKind::Week => Self::week_of(date),
            PeriodKind::Month => Self::month_of(date),
        }
    }

    /// The period of the same kind just before this one.
    pub fn previous(&self) -> Self {
        Self::of(self.kind, civil_from_days(days_from_civil(self.start) - 1))
    }

    /// Whether `date` is in the period.
    pub fn contains(&self, date: Date) -> bool {
        (self.start..=self.end).contains(&date)
    }
}

/// The computed numbers of a report period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PeriodMetrics {
    /// The period.
    pub period: Period,
    /// Tonnage (weight x reps of working sets) of the period's workouts.
    #[serde(serialize_with = "round::num")]
    pub volume: f64,
    /// Workouts in the period.
    pub workouts: u32,
    /// The training streak in weeks at the period's end (or `as_of`, if earlier).
    pub streak_weeks: u32,
    /// PRs set in the period, newest first.
    pub prs: Vec<PersonalRecord>,
    /// The period's top lifts by tonnage (at most [`TOP_LIFTS`]) with their best e1RM and
    /// its change from the previous period.
    pub top_lifts: Vec<LiftChange>,
    /// Completed over prescribed sets in the period's programmed workouts (0 to 1); null
    /// without any.
    #[serde(serialize_with = "round::opt_num")]
    pub adherence: Option<f64>,
}

/// A lift's best e1RM in a period against the period before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LiftChange {
    /// The exercise.
    pub exercise: String,
    /// Its best e1RM in the period.
    #[serde(serialize_with = "round::num")]
    pub e1rm: f64,
    /// Its best e1RM in the previous period, if it had one.
    #[serde(serialize_with = "round::opt_num")]
    pub previous_e1rm: Option<f64>,
    /// `e1rm - previous_e1rm`, when both are known.
    #[serde(serialize_with = "round::opt_num")]
    pub change: Option<f64>,
}

/// The metrics of `period` for `logbook`. Of `options`, `as_of` (nothing later is read,
/// default the logbook's) and `catalog` (names grouped through it) apply.
pub fn period_metrics(
    logbook: &Logbook,
    period: &Period,
    options: &ContextOptions<'_>,
) -> PeriodMetrics {
    let end = options
        .as_of_for(logbook)
        .map_or(period.end, |as_of| as_of.min(period.end));
    let history = History::build(logbook, end, options.catalog);
    let previous = period.previous();

    let mut volume = 0.0;
    let mut lifts: Vec<(f64, LiftChange)> = Vec::new();
    for log in &history.exercises {
        let sessions = sessions_between(&log.sessions, period.start, period.end);
        let tonnage: f64 = sessions.iter().map(signals::session_tonnage).sum();
        volume += tonnage;
        let best = |sessions: &[_]| {
            sessions
                .iter()
                .filter_map(signals::session_e1rm)
                .reduce(f64::max)
        };
        if let Some(e1rm) = best(sessions) {
            let before = best(sessions_between(
                &log.sessions,
                previous.start,
                previous.end,
            ));
            lifts.push((
                tonnage,
                LiftChange {
                    exercise: log.name.clone(),
                    e1rm: round::one(e1rm),
                    previous_e1rm: before.map(round::one),
                    change: before.map(|b| round::one(e1rm - b)),
                },
            ));
        }
    }
    lifts.sort_by(|(a, x), (b, y)| b.total_cmp(a).then_with(|| x.exercise.cmp(&y.exercise)));

    PeriodMetrics {
        period: period.clone(),
        volume: round::one(volume),
        workouts: u32::try_from(history.dates().filter(|d| period.contains(*d)).count())
            .unwrap_or(u32::MAX),
        streak_weeks: records::streak_weeks(&history),
        prs: records::records_between(&history, period.start, period.end),
        top_lifts: lifts
            .into_iter()
            .take(TOP_LIFTS)
            .map(|(_, lift)| lift)
            .collect(),
        adherence: adherence::tally_between(&history, period.start, period.end)
            .rate()
            .map(round::two),
    }
}
