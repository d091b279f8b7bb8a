//! The Reactive Training Systems RPE chart: the percentage of 1RM a set of 1-12 reps at
//! RPE 6.5-10 corresponds to, and the inverse lookups a load lint needs.

use crate::limits::RPE_STEP;

/// The RPE of each column of [`RTS_CHART`], left to right (falling by 0.5 from 10 to 6.5).
pub const RTS_CHART_RPES: [f64; 8] = [10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0, 6.5];

/// Percentage of 1RM by reps (row `reps - 1`, 1 to 12) and RPE (columns as in
/// [`RTS_CHART_RPES`]): the chart of Mike Tuchscherer's *Reactive Training Manual*
/// (Reactive Training Systems), as RTS and most calculators publish it.
///
/// It is built on reps in reserve: `reps` at RPE `x` is the same load as `reps + (10 - x)`
/// reps at RPE 10, so each cell equals the one a row down and two columns left; half-RPE cells
/// are the mean of their whole-RPE neighbours, rounded half up to one decimal. The values are
/// the published ones, copied rather than computed, so that they match what athletes and
/// coaches read off the printed chart to the last decimal (the bottom rows reach 15.5 reps to
/// failure, beyond the RPE-10 column, and only the published table says what those are).
pub const RTS_CHART: [[f64; 8]; 12] = [
    //  10    9.5    9     8.5    8     7.5    7     6.5   <- RPE
    [100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8], // 1 rep
    [95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0],  // 2
    [92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7, 82.4],  // 3
    [89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1, 79.9],  // 4
    [86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6, 77.4],  // 5
    [83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1],  // 6
    [81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9, 72.3],  // 7
    [78.6, 77.4, 76.2, 75.1, 73.9, 72.3, 70.7, 69.4],  // 8
    [76.2, 75.1, 73.9, 72.3, 70.7, 69.4, 68.0, 66.7],  // 9
    [73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3, 64.0],  // 10
    [70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3],  // 11
    [68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6],  // 12
];

/// The percentage of 1RM at which `reps` reps come out at `rpe`, from [`RTS_CHART`].
///
/// `None` outside the chart (reps other than 1-12, RPE below 6.5 or above 10) and for an RPE
/// off the 0.5 grid, such as 8.3: the chart says nothing there, and guessing between cells
/// would give a precision it does not have.
pub fn percent_of_1rm(reps: u32, rpe: f64) -> Option<f64> {
    Some(row(reps)?[column(rpe)?])
}

/// The heaviest percentage of 1RM at which `reps` reps are still possible: the chart's RPE-10
/// column. A load above it asks for more reps than the athlete has; `None` for reps outside
/// 1-12.
pub fn max_percent_for_reps(reps: u32) -> Option<f64> {
    Some(row(reps)?[0])
}

/// The RPE that `reps` reps at `percent` of 1RM imply, if the chart covers it.
///
/// Exact on the chart's cells and linear between neighbouring columns (so 5 reps at 81.75 %
/// is RPE 8.25), since a prescribed percentage rarely lands on a printed cell. `None` for reps
/// outside 1-12, a non-finite percentage, a percentage above the RPE-10 cell (more than the
/// athlete can do for those reps) or below the RPE-6.5 cell (easier than the chart reaches).
pub fn implied_rpe(reps: u32, percent: f64) -> Option<f64> {
    let row = row(reps)?;
    // The row falls left to right, so the first cell at or below `percent` bounds it from
    // below and its left neighbour from above; NaN is at or below nothing.
    let below = row.iter().position(|&cell| cell <= percent)?;
    if below == 0 {
        return (row[0] == percent).then_some(RTS_CHART_RPES[0]);
    }
    let (upper, lower) = (row[below - 1], row[below]);
    let fraction = (percent - lower) / (upper - lower);
    Some(RTS_CHART_RPES[below] + fraction * RPE_STEP)
}

/// The chart row for `reps`, if it has one.
fn row(reps: u32) -> Option<&'static [f64; 8]> {
    let index = usize::try_from(reps).ok()?.checked_sub(1)?;
    RTS_CHART.get(index)
}

/// The chart column for `rpe`, if it is one of the chart's RPEs exactly.
fn column(rpe: f64) -> Option<usize> {
    // Exact comparison is right here: every multiple of 0.5 is exact in binary, so an RPE
    // written as 8.5 parses to exactly 8.5, and anything else is off the grid.
    RTS_CHART_RPES.iter().position(|&column| column == rpe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_covers_one_to_twelve_reps() {
        assert_eq!(row(0), None);
        assert_eq!(row(1).map(|r| r[0]), Some(100.0));
        assert_eq!(row(12).map(|r| r[0]), Some(68.0));
        assert_eq!(row(13), None);
        assert_eq!(row(u32::MAX), None);
    }

    #[test]
    fn column_finds_each_chart_rpe_and_nothing_else() {
        for (index, &rpe) in RTS_CHART_RPES.iter().enumerate() {
            assert_eq!(column(rpe), Some(index), "RPE {rpe}");
        }
        for rpe in [8.3, 8.25, 6.0, 10.5, 0.0, -8.0, f64::NAN, f64::INFINITY] {
            assert_eq!(column(rpe), None, "RPE {rpe}");
        }
    }

    #[test]
    fn column_rpes_step_by_the_catalog_rpe_step() {
        // `implied_rpe` interpolates with RPE_STEP; the columns must be that far apart.
        for pair in RTS_CHART_RPES.windows(2) {
            assert_eq!(pair[0] - pair[1], RPE_STEP);
        }
    }
}
