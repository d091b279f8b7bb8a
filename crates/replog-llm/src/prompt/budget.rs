//! The token estimate and the budget: what a prompt costs without a tokenizer, and what to
//! leave out, least useful first, when it costs too much.
//!
//! Trimming only ever touches the athlete's context and the examples of the shared message:
//! prior programs first, then older history (session lines, training maxes, logged lists),
//! then the catalog entries least related to what the athlete trains, then non-pinned coach
//! notes, oldest first. The rules, the request, the directions and the answer's format stay.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::estimate::estimate_tokens;
use super::sections::Shared;

/// Which part of the shared message a trim removed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Section {
    /// Prior programs shown as examples.
    PriorPrograms,
    /// An exercise's older session lines (`recent_sets`).
    RecentSets,
    /// An exercise's older training maxes (`tm_history`).
    TrainingMaxes,
    /// Older weeks of `weekly_adherence`.
    WeeklyAdherence,
    /// Older AMRAP results.
    AmrapResults,
    /// Older personal records.
    PersonalRecords,
    /// Body weights between the first and the latest.
    BodyWeights,
    /// Catalog entries the athlete has not logged.
    ExerciseCatalog,
    /// Non-pinned coach notes.
    CoachNotes,
}

/// One thing the budget removed from a prompt, for the generation record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trimmed {
    /// Where it was removed from.
    pub section: Section,
    /// What, for a person: a program's or an exercise's name, a catalog category, a note's
    /// date, or the list's name.
    pub what: String,
    /// How many items went (lines, entries, notes).
    pub count: usize,
    /// About how many tokens that saved.
    pub tokens: usize,
}

/// How many of the latest items of a history list survive trimming.
const KEEP_SESSIONS: usize = 1;
const KEEP_TRAINING_MAXES: usize = 2;
const KEEP_LOGGED: usize = 2;

/// The lists of `performance` trimmed down to their latest items, in the order they are
/// trimmed, with whether the list is oldest first.
const PERFORMANCE_LISTS: &[(&str, Section, bool)] = &[
    ("weekly_adherence", Section::WeeklyAdherence, true),
    ("amrap_results", Section::AmrapResults, true),
    ("prs", Section::PersonalRecords, false),
];

/// Removes from `shared`, least useful first, until `estimate(shared)` is at most `budget`.
/// Returns what went, or the estimate that remains when nothing more can go.
pub(crate) fn fit(
    shared: &mut Shared,
    budget: usize,
    estimate: impl Fn(&Shared) -> usize,
) -> Result<Vec<Trimmed>, usize> {
    let mut trimmed: Vec<Trimmed> = Vec::new();
    let mut trimmer = Trimmer::default();
    let mut current = estimate(shared);
    while current > budget {
        // The pieces' estimates do not add up exactly to the whole's, so trim by them and
        // check the whole again before stopping.
        let mut remaining = current;
        while remaining > budget {
            let Some(trim) = trimmer.next(shared) else {
                return Err(estimate(shared));
            };
            remaining = remaining.saturating_sub(trim.tokens);
            merge(&mut trimmed, trim);
        }
        current = estimate(shared);
    }
    Ok(trimmed)
}

/// Adds a trim, folding it into the previous one when it continues it (catalog entries of
/// one category removed one by one).
fn merge(trimmed: &mut Vec<Trimmed>, trim: Trimmed) {
    match trimmed.last_mut() {
        Some(last)
            if last.section == Section::ExerciseCatalog
                && trim.section == Section::ExerciseCatalog
                && last.what == trim.what =>
        {
            last.count += trim.count;
            last.tokens += trim.tokens;
        }
        _ => trimmed.push(trim),
    }
}

/// The stages of trimming, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Stage {
    #[default]
    Examples,
    RecentSets,
    TrainingMaxes,
    Performance,
    BodyWeights,
    Catalog,
    Notes,
    Done,
}

/// Walks the stages, one removal per call.
#[derive(Debug, Default)]
struct Trimmer {
    stage: Stage,
    /// The catalog's removal order (indices into the untrimmed catalog), made when the
    /// catalog stage starts, and how far it has got.
    catalog_order: Option<Vec<usize>>,
    catalog_next: usize,
    /// The untrimmed catalog's entries removed so far, to map indices as entries go.
    catalog_removed: Vec<bool>,
}

impl Trimmer {
    fn next(&mut self, shared: &mut Shared) -> Option<Trimmed> {
        loop {
            let trim = match self.stage {
                Stage::Examples => examples(shared),
                Stage::RecentSets => per_exercise(shared, "recent_sets", Section::RecentSets),
                Stage::TrainingMaxes => per_exercise(shared, "tm_history", Section::TrainingMaxes),
                Stage::Performance => performance_lists(shared),
                Stage::BodyWeights => body_weights(shared),
                Stage::Catalog => self.catalog(shared),
                Stage::Notes => notes(shared),
                Stage::Done => return None,
            };
            if trim.is_some() {
                return trim;
            }
            self.stage = match self.stage {
                Stage::Examples => Stage::RecentSets,
                Stage::RecentSets => Stage::TrainingMaxes,
                Stage::TrainingMaxes => Stage::Performance,
                Stage::Performance => Stage::BodyWeights,
                Stage::BodyWeights => Stage::Catalog,
                Stage::Catalog => Stage::Notes,
                Stage::Notes | Stage::Done => Stage::Done,
            };
        }
    }

    /// Removes the next catalog entry in relevance order.
    fn catalog(&mut self, shared: &mut Shared) -> Option<Trimmed> {
        let order = self
            .catalog_order
            .get_or_insert_with(|| catalog_order(shared));
        if self.catalog_removed.is_empty() {
            self.catalog_removed = vec![false; shared.catalog.len()];
        }
        let original = *order.get(self.catalog_next)?;
        self.catalog_next += 1;
        // Its place now: the original index less the entries before it already removed.
        let before = self.catalog_removed.get(..original)?;
        let at = original - before.iter().filter(|r| **r).count();
        if let Some(removed) = self.catalog_removed.get_mut(original) {
            *removed = true;
        }
        if at >= shared.catalog.len() {
            return None;
        }
        let entry = shared.catalog.remove(at);
        Some(Trimmed {
            section: Section::ExerciseCatalog,
            what: category(&entry).to_owned(),
            count: 1,
            tokens: item_tokens(&entry),
        })
    }
}

/// Tokens an array item costs: its JSON and the comma before it.
fn item_tokens(item: &Value) -> usize {
    estimate_tokens(&item.to_string()) + 1
}

fn examples(shared: &mut Shared) -> Option<Trimmed> {
    let example = shared.examples.pop()?;
    Some(Trimmed {
        section: Section::PriorPrograms,
        what: name_of(&example, "name"),
        count: 1,
        // The line's `- `, its JSON and its line break.
        tokens: estimate_tokens(&example.to_string()) + 2,
    })
}

fn name_of(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_owned()
}

fn exercise_stats(shared: &mut Shared) -> Option<&mut Vec<Value>> {
    shared
        .context
        .get_mut("performance")?
        .get_mut("exercise_stats")?
        .as_array_mut()
}

/// Cuts one exercise's `list` (oldest first) to its latest items, starting with the
/// exercise with the fewest sessions (the stats are ordered most sessions first).
fn per_exercise(shared: &mut Shared, list: &str, section: Section) -> Option<Trimmed> {
    let keep = match section {
        Section::RecentSets => KEEP_SESSIONS,
        _ => KEEP_TRAINING_MAXES,
    };
    let stats = exercise_stats(shared)?;
    let stat = stats.iter_mut().rev().find(|s| {
        s.get(list)
            .and_then(Value::as_array)
            .is_some_and(|items| items.len() > keep)
    })?;
    let what = name_of(stat, "exercise");
    let items = stat.get_mut(list)?.as_array_mut()?;
    let removed: Vec<Value> = items.drain(..items.len() - keep).collect();
    Some(Trimmed {
        section,
        what,
        count: removed.len(),
        tokens: removed.iter().map(item_tokens).sum(),
    })
}

/// Cuts the next list of `performance` to its latest items.
fn performance_lists(shared: &mut Shared) -> Option<Trimmed> {
    let performance = shared.context.get_mut("performance")?.as_object_mut()?;
    for (name, section, oldest_first) in PERFORMANCE_LISTS {
        let Some(items) = performance.get_mut(*name).and_then(Value::as_array_mut) else {
            continue;
        };
        if items.len() <= KEEP_LOGGED {
            continue;
        }
        let cut = items.len() - KEEP_LOGGED;
        let removed: Vec<Value> = if *oldest_first {
            items.drain(..cut).collect()
        } else {
            items.drain(KEEP_LOGGED..).collect()
        };
        return Some(Trimmed {
            section: *section,
            what: (*name).to_owned(),
            count: removed.len(),
            tokens: removed.iter().map(item_tokens).sum(),
        });
    }
    None
}

/// Keeps the first body weight and the latest: where the athlete started and where they are.
fn body_weights(shared: &mut Shared) -> Option<Trimmed> {
    let items = shared
        .context
        .get_mut("performance")?
        .get_mut("body_weights")?
        .as_array_mut()?;
    if items.len() <= 2 {
        return None;
    }
    let removed: Vec<Value> = items.drain(1..items.len() - 1).collect();
    Some(Trimmed {
        section: Section::BodyWeights,
        what: "body_weights".to_owned(),
        count: removed.len(),
        tokens: removed.iter().map(item_tokens).sum(),
    })
}

fn category(entry: &Value) -> &str {
    entry
        .get("category")
        .and_then(Value::as_str)
        .unwrap_or("uncategorised")
}

/// The order catalog entries go in: never one the athlete has logged; first those whose
/// category the athlete trains least (by the logged exercises' categories), and within a
/// category the last in the catalog first.
fn catalog_order(shared: &Shared) -> Vec<usize> {
    let logged: Vec<&str> = shared
        .context
        .get("performance")
        .and_then(|p| p.get("exercise_stats"))
        .and_then(Value::as_array)
        .map(|stats| {
            stats
                .iter()
                .filter_map(|s| s.get("exercise").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    let is_logged = |entry: &Value| {
        entry
            .get("name")
            .and_then(Value::as_str)
            .is_some_and(|name| logged.contains(&name))
    };
    let trained: Vec<&str> = shared
        .catalog
        .iter()
        .filter(|e| is_logged(e))
        .map(category)
        .collect();
    let weight = |entry: &Value| {
        let category = category(entry);
        trained.iter().filter(|c| **c == category).count()
    };
    let mut order: Vec<(usize, usize)> = shared
        .catalog
        .iter()
        .enumerate()
        .filter(|(_, e)| !is_logged(e))
        .map(|(i, e)| (weight(e), i))
        .collect();
    order.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    order.into_iter().map(|(_, i)| i).collect()
}

/// Removes the oldest note that is not pinned (notes are pinned first, then newest first).
fn notes(shared: &mut Shared) -> Option<Trimmed> {
    let notes = shared.context.get_mut("coach_notes")?.as_array_mut()?;
    let at = notes
        .iter()
        .rposition(|n| !n.get("pinned").and_then(Value::as_bool).unwrap_or(false))?;
    let note = notes.remove(at);
    if notes.is_empty() {
        shared.context.shift_remove("coach_notes");
    }
    Some(Trimmed {
        section: Section::CoachNotes,
        what: name_of(&note, "date"),
        count: 1,
        tokens: item_tokens(&note),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn shared(catalog: Value, stats: Value) -> Shared {
        Shared {
            context: json!({"performance": {"exercise_stats": stats}})
                .as_object()
                .cloned()
                .unwrap_or_default(),
            catalog: catalog.as_array().cloned().unwrap_or_default(),
            examples: Vec::new(),
        }
    }

    #[test]
    fn the_catalog_loses_untrained_categories_first_and_never_logged_entries() {
        let catalog = json!([
            {"name": "Squat", "category": "strength"},
            {"name": "Stretch A", "category": "mobility"},
            {"name": "Press", "category": "strength"},
            {"name": "Stretch B", "category": "mobility"},
        ]);
        let mut shared = shared(catalog, json!([{"exercise": "Squat"}]));
        assert_eq!(catalog_order(&shared), vec![3, 1, 2]);
        let mut trimmer = Trimmer {
            stage: Stage::Catalog,
            ..Trimmer::default()
        };
        let mut names = Vec::new();
        while let Some(trim) = trimmer.next(&mut shared) {
            names.push(trim.what);
        }
        assert_eq!(names, ["mobility", "mobility", "strength"]);
        assert_eq!(
            shared.catalog,
            vec![json!({"name": "Squat", "category": "strength"})]
        );
    }

    #[test]
    fn history_keeps_the_latest_lines_of_the_least_trained_exercise_first() {
        let stats = json!([
            {"exercise": "Squat", "recent_sets": ["a", "b", "c"]},
            {"exercise": "Curl", "recent_sets": ["x", "y"]},
        ]);
        let mut shared = shared(json!([]), stats);
        let first = per_exercise(&mut shared, "recent_sets", Section::RecentSets);
        assert_eq!(
            first.map(|t| (t.what, t.count)),
            Some(("Curl".to_owned(), 1))
        );
        let second = per_exercise(&mut shared, "recent_sets", Section::RecentSets);
        assert_eq!(
            second.map(|t| (t.what, t.count)),
            Some(("Squat".to_owned(), 2))
        );
        assert!(per_exercise(&mut shared, "recent_sets", Section::RecentSets).is_none());
        let stats = exercise_stats(&mut shared).cloned().unwrap_or_default();
        assert_eq!(stats[0]["recent_sets"], json!(["c"]));
    }
}
