//! How the two programs' items are paired: weeks and days by number, exercises by
//! normalised name and occurrence in training order, rules by exercise; and which paired
//! exercises kept their relative order.

use crate::names::normalize_name;
use crate::program::{PrescribedExercise, ProgressionRule};

/// Weeks or days paired by number: for each approved item its generated partner, and the
/// generated items left over. A repeated number pairs in order.
pub(super) struct Pairs {
    pub(super) approved: Vec<Option<usize>>,
    pub(super) unmatched_generated: Vec<usize>,
}

pub(super) fn match_by<T>(generated: &[T], approved: &[T], number: impl Fn(&T) -> u32) -> Pairs {
    let mut used = vec![false; generated.len()];
    let approved = approved
        .iter()
        .map(|item| {
            let n = number(item);
            let gi = generated
                .iter()
                .enumerate()
                .position(|(i, g)| number(g) == n && !used.get(i).copied().unwrap_or(true))?;
            if let Some(slot) = used.get_mut(gi) {
                *slot = true;
            }
            Some(gi)
        })
        .collect();
    let unmatched_generated = used
        .iter()
        .enumerate()
        .filter(|(_, used)| !**used)
        .map(|(i, _)| i)
        .collect();
    Pairs {
        approved,
        unmatched_generated,
    }
}

/// The day's exercise indices in training order: by `sort_order`, then by position.
pub(super) fn order(exercises: &[PrescribedExercise]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..exercises.len()).collect();
    order.sort_by_key(|&i| exercises.get(i).map_or(u32::MAX, |e| e.sort_order));
    order
}

/// Each exercise's key: its normalised name and which occurrence of that name it is in
/// training order (a day may hold the same lift twice, heavy then back-off).
pub(super) fn exercise_keys(exercises: &[PrescribedExercise]) -> Vec<(String, usize)> {
    let mut keys = vec![(String::new(), 0); exercises.len()];
    let mut seen: Vec<String> = Vec::with_capacity(exercises.len());
    for i in order(exercises) {
        let Some(exercise) = exercises.get(i) else {
            continue;
        };
        let name = normalize_name(&exercise.exercise);
        let occurrence = seen.iter().filter(|s| **s == name).count();
        seen.push(name.clone());
        if let Some(slot) = keys.get_mut(i) {
            *slot = (name, occurrence);
        }
    }
    keys
}

/// Each rule's key: its exercise's normalised name and which occurrence of it it is.
pub(super) fn rule_keys(rules: &[ProgressionRule]) -> Vec<(String, usize)> {
    let mut seen: Vec<String> = Vec::with_capacity(rules.len());
    rules
        .iter()
        .map(|rule| {
            let name = normalize_name(&rule.exercise);
            let occurrence = seen.iter().filter(|s| **s == name).count();
            seen.push(name.clone());
            (name, occurrence)
        })
        .collect()
}

/// Which items of `ranks` form a longest strictly increasing subsequence: the exercises that
/// kept their relative order; the others moved. Quadratic, for a day's at most 30 exercises.
pub(super) fn longest_increasing(ranks: &[usize]) -> Vec<bool> {
    let n = ranks.len();
    let mut length = vec![1usize; n];
    let mut previous = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if ranks[j] < ranks[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                previous[i] = j;
            }
        }
    }
    let mut kept = vec![false; n];
    let mut cursor = (0..n).max_by_key(|&i| (length[i], std::cmp::Reverse(i)));
    while let Some(i) = cursor {
        kept[i] = true;
        cursor = (previous[i] != usize::MAX).then_some(previous[i]);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn the_longest_increasing_run_stays_the_rest_moves() {
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
        assert_eq!(longest_increasing(&[0, 1, 2]), [true, true, true]);
        // C moved to the front of A B C
        assert_eq!(longest_increasing(&[2, 0, 1]), [false, true, true]);
        // A and B swapped: one of them moved
        assert_eq!(
            longest_increasing(&[1, 0, 2])
                .iter()
                .filter(|k| !**k)
                .count(),
            1
        );
    }
}
