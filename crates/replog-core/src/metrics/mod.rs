//! Training arithmetic on sets: estimated one-rep maxes ([`E1rmFormula`], and the logbook's
//! [`logged_set_e1rm`] signal), the RTS RPE chart ([`percent_of_1rm`] and its inverses), and
//! the numbers of a report period ([`period`]).
//!
//! These numbers go into the athlete context and the load lints, computed here so the model
//! never has to derive them; everything is pure arithmetic on `f64`, so it runs unchanged in
//! every binding and in WASM.
//!
//! ```
//! use replog_core::metrics::{E1rmFormula, implied_rpe, logged_set_e1rm, percent_of_1rm};
//!
//! let estimate = E1rmFormula::Brzycki.estimate(100.0, 5).expect("5 reps at 100");
//! assert_eq!(estimate.value, 112.5);
//! assert_eq!(logged_set_e1rm(Some(100.0), 13), None); // past the signal's 12 reps
//! assert_eq!(percent_of_1rm(5, 8.0), Some(81.1));
//! assert_eq!(implied_rpe(5, 81.1), Some(8.0));
//! ```

mod e1rm;
pub mod period;
mod rpe_chart;

pub use e1rm::{Confidence, E1rm, E1rmFormula, logged_set_e1rm};
pub use period::{LiftChange, Period, PeriodKind, PeriodMetrics, period_metrics};
pub use rpe_chart::{RTS_CHART, RTS_CHART_RPES, implied_rpe, max_percent_for_reps, percent_of_1rm};
