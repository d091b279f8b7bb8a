//! Exercise selection: the candidates for each movement pattern (what the athlete already
//! trains first, then the library's preferred variants the equipment allows, under the
//! catalog's own name when the catalog has the exercise), the day layouts, and the pick for
//! each slot of each day.

use std::collections::HashMap;

use replog_core::context::{AthleteContext, CatalogEntry, ExerciseStats};
use replog_core::normalize_name;

use super::dose::Role;
use super::library::{self, DEEP_KNEE, Entry, HIP, JUMP, LUNGE, Level, OVERHEAD};
use super::notes::{BodyPart, Cite, Constraints, words};
use super::pattern::{Pattern, classify};

/// An exercise the planner may prescribe.
#[derive(Debug, Clone)]
pub(crate) struct Candidate<'c> {
    /// The name written in the program.
    pub(crate) name: String,
    pub(crate) pattern: Pattern,
    /// What the library knows about it, if it is a library exercise.
    pub(crate) entry: Option<&'static Entry>,
    /// The context's catalog has it: the host defines it, the document need not.
    pub(crate) in_catalog: bool,
    /// The equipment it needs, in the athlete's spelling (for the document's definition).
    pub(crate) equipment: Vec<String>,
    /// The athlete's history with it.
    pub(crate) stats: Option<&'c ExerciseStats>,
    /// Asked for by the directions or a note.
    pub(crate) wanted: Option<Cite>,
}

/// An exercise the athlete trains that the program leaves out, and why.
#[derive(Debug, Clone)]
pub(crate) struct LeftOut {
    pub(crate) name: String,
    pub(crate) sessions: u32,
    pub(crate) why: String,
}

/// Every candidate, grouped by pattern in order of preference.
#[derive(Debug)]
pub(crate) struct Pool<'c> {
    pub(crate) by_pattern: HashMap<Pattern, Vec<Candidate<'c>>>,
    pub(crate) left_out: Vec<LeftOut>,
}

/// The tags a name implies when the library does not know the exercise.
fn tags_of_name(name_words: &str) -> u8 {
    let has = |w: &str| name_words.contains(&format!(" {w} "));
    let mut tags = 0;
    if has("jump") || has("bound") || has("hop") || has("jumping") {
        tags |= JUMP;
    }
    if has("overhead")
        || has("military")
        || has("snatch")
        || has("jerk")
        || name_words.contains(" shoulder press ")
        || name_words.contains(" push press ")
    {
        tags |= OVERHEAD;
    }
    if has("lunge") {
        tags |= LUNGE;
    }
    if has("pistol") {
        tags |= DEEP_KNEE;
    }
    tags
}

impl<'c> Pool<'c> {
    /// The candidates for `context` under `constraints`, for an athlete of `level` with
    /// `equipment` (the context's, less what the directions rule out).
    pub(crate) fn build(
        context: &'c AthleteContext,
        constraints: &Constraints,
        level: Level,
        equipment: &[String],
    ) -> Self {
        let catalog: HashMap<String, &CatalogEntry> = context
            .exercise_catalog
            .iter()
            .map(|entry| (normalize_name(&entry.name), entry))
            .collect();
        let mask = constraints.excluded_tag_mask();
        let mut seen: Vec<String> = Vec::new();
        let mut by_pattern: HashMap<Pattern, Vec<Candidate<'c>>> = HashMap::new();
        let mut left_out = Vec::new();

        // Why a candidate may not be used, if it may not.
        let blocked = |name: &str, tags: u8, needs: &[String]| -> Option<String> {
            let name_words = words(name);
            if let Some((named, cite)) = constraints.exclusion(&name_words) {
                return Some(format!("{} named in {}", named.describe(), cite.describe()));
            }
            let hit = tags & mask;
            if hit != 0 {
                if let Some((part, cite)) = constraints
                    .flags
                    .iter()
                    .find(|(part, _)| part.excludes() & hit != 0)
                {
                    return Some(format!("{} flagged in {}", part.as_str(), cite.describe()));
                }
                if let Some((_, what, cite)) = constraints
                    .excluded_tags
                    .iter()
                    .find(|(t, _, _)| t & hit != 0)
                {
                    return Some(format!("{what} ruled out by {}", cite.describe()));
                }
            }
            constraints
                .excluded_equipment
                .iter()
                .find(|(item, _)| needs.iter().any(|n| n.contains(item.as_str())))
                .map(|(item, cite)| format!("{item} ruled out by {}", cite.describe()))
        };

        // 1. What the athlete already trains, most sessions first.
        for stats in &context.performance.exercise_stats {
            let key = normalize_name(&stats.exercise);
            let entry = library::find(&key);
            let in_catalog = catalog.get(&key);
            let pattern = match (entry, in_catalog) {
                (Some(entry), _) => entry.pattern,
                (None, Some(_)) => match classify(&stats.exercise) {
                    Some(pattern) => pattern,
                    None => continue,
                },
                (None, None) => continue,
            };
            let needs: Vec<String> = match (in_catalog, entry) {
                (Some(found), _) => found.equipment.clone(),
                (None, Some(entry)) => match spelled(entry, equipment) {
                    Some(needs) => needs,
                    None => {
                        left_out.push(LeftOut {
                            name: stats.exercise.clone(),
                            sessions: stats.sessions,
                            why: format!("needs {}", entry.equipment.join(", ")),
                        });
                        continue;
                    }
                },
                (None, None) => continue,
            };
            let tags = entry.map_or_else(|| tags_of_name(&words(&stats.exercise)), |e| e.tags);
            if let Some(why) = blocked(&stats.exercise, tags, &needs) {
                left_out.push(LeftOut {
                    name: stats.exercise.clone(),
                    sessions: stats.sessions,
                    why,
                });
                continue;
            }
            seen.push(key);
            if let Some(entry) = entry {
                seen.extend(names_of(entry));
            }
            by_pattern.entry(pattern).or_default().push(Candidate {
                name: stats.exercise.clone(),
                pattern,
                entry,
                in_catalog: in_catalog.is_some(),
                equipment: needs,
                stats: Some(stats),
                wanted: None,
            });
        }

        // 2. The library, in its order of preference.
        for entry in library::LIBRARY {
            let keys = names_of(entry);
            if keys.iter().any(|k| seen.contains(k)) || entry.level > level {
                continue;
            }
            // The library's equipment decides: catalogs often list one item where two are
            // needed (a bench press needs a bench) or none where a bar is (pull-ups).
            let Some(spelled) = spelled(entry, equipment) else {
                continue;
            };
            let found = keys.iter().find_map(|k| catalog.get(k).copied());
            let (name, needs, in_catalog) = match found {
                Some(found) => (found.name.clone(), found.equipment.clone(), true),
                None => (entry.name.to_owned(), spelled, false),
            };
            if blocked(&name, entry.tags, &needs).is_some() {
                continue;
            }
            seen.extend(keys);
            by_pattern
                .entry(entry.pattern)
                .or_default()
                .push(Candidate {
                    name,
                    pattern: entry.pattern,
                    entry: Some(entry),
                    in_catalog,
                    equipment: needs,
                    stats: None,
                    wanted: None,
                });
        }

        // 3. Preferences: what the directions or notes ask for first; with a knee flagged,
        // hip-dominant single-leg work first.
        let knee = constraints.flagged(BodyPart::Knee);
        for list in by_pattern.values_mut() {
            for candidate in list.iter_mut() {
                let name_words = words(&candidate.name);
                candidate.wanted = constraints
                    .wanted
                    .iter()
                    .find(|(named, _)| named.matches(&name_words))
                    .map(|(_, cite)| cite.clone());
            }
            list.sort_by_key(|c| {
                let hip = c.entry.is_some_and(|e| e.has(HIP));
                (
                    c.wanted.is_none(),
                    knee && c.pattern == Pattern::SingleLeg && !hip,
                )
            });
        }
        Self {
            by_pattern,
            left_out,
        }
    }

    /// The candidates for a pattern.
    pub(crate) fn of(&self, pattern: Pattern) -> &[Candidate<'c>] {
        self.by_pattern.get(&pattern).map_or(&[], Vec::as_slice)
    }
}

/// The normalised name and aliases of a library entry.
fn names_of(entry: &Entry) -> Vec<String> {
    std::iter::once(entry.name)
        .chain(entry.aliases.iter().copied())
        .map(normalize_name)
        .collect()
}

/// The entry's equipment in the athlete's spelling, if they have all of it.
fn spelled(entry: &Entry, equipment: &[String]) -> Option<Vec<String>> {
    entry
        .equipment
        .iter()
        .map(|id| library::athlete_spelling(id, equipment).map(str::to_owned))
        .collect()
}

/// One slot of a day: the pattern it trains and the role it plays.
pub(crate) type SlotSpec = (Pattern, Role);

/// The slots of each day. Days alternate between a squat day (horizontal push and pull,
/// core) and a hinge day (vertical push and pull, single-leg work, a carry), so that two days
/// cover every pattern; with `explosive`, squat days open with power work and hinge days with
/// jumps. A single day is a full-body day.
pub(crate) fn layout(days: u32, explosive: bool) -> Vec<Vec<SlotSpec>> {
    let squat_day = |full: bool| {
        let mut day = Vec::new();
        if explosive {
            day.push((Pattern::Power, Role::Power));
        }
        day.push((Pattern::Squat, Role::Main));
        day.push((Pattern::HorizontalPush, Role::Secondary));
        day.push((Pattern::HorizontalPull, Role::Secondary));
        if full {
            day.push((Pattern::Hinge, Role::Main));
        }
        day.push((Pattern::Core, Role::Core));
        day
    };
    let mut hinge_day = Vec::new();
    if explosive {
        hinge_day.push((Pattern::Plyometric, Role::Plyo));
    }
    hinge_day.extend([
        (Pattern::Hinge, Role::Main),
        (Pattern::VerticalPush, Role::Secondary),
        (Pattern::VerticalPull, Role::Secondary),
        (Pattern::SingleLeg, Role::Accessory),
        (Pattern::Carry, Role::Carry),
    ]);
    if days <= 1 {
        return vec![squat_day(true)];
    }
    (0..days)
        .map(|d| {
            if d % 2 == 0 {
                squat_day(false)
            } else {
                hinge_day.clone()
            }
        })
        .collect()
}

/// Where a pattern's work goes when nothing can fill it.
fn fallback(pattern: Pattern) -> Option<Pattern> {
    Some(match pattern {
        Pattern::Plyometric => Pattern::Power,
        Pattern::Power => Pattern::Plyometric,
        Pattern::VerticalPull => Pattern::HorizontalPull,
        Pattern::VerticalPush => Pattern::HorizontalPush,
        Pattern::Squat | Pattern::Hinge => Pattern::SingleLeg,
        Pattern::Carry => Pattern::Core,
        _ => return None,
    })
}

/// A filled slot: which candidate, for which pattern, in which role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pick {
    /// The pattern the slot asked for.
    pub(crate) asked: Pattern,
    /// The pattern of the candidate that fills it (differs after a fallback).
    pub(crate) pattern: Pattern,
    pub(crate) index: usize,
    pub(crate) role: Role,
}

/// Fills every slot of the layout. A pattern's k-th slot of the week takes its k-th
/// candidate (cycling), so a squat twice a week is two variants when there are two; an
/// exercise is never twice in one day. Slots nothing can fill are dropped.
pub(crate) fn assign(pool: &Pool<'_>, layout: &[Vec<SlotSpec>]) -> Vec<Vec<Pick>> {
    let mut used: HashMap<Pattern, usize> = HashMap::new();
    layout
        .iter()
        .map(|day| {
            let mut picks: Vec<Pick> = Vec::new();
            for &(asked, role) in day {
                let mut pattern = asked;
                let mut tries = 0;
                while pool.of(pattern).is_empty() && tries < 3 {
                    match fallback(pattern) {
                        Some(next) => pattern = next,
                        None => break,
                    }
                    tries += 1;
                }
                let list = pool.of(pattern);
                if list.is_empty() {
                    continue;
                }
                // A power slot filled with jumps plays the jump role, and the other way round.
                let role = match pattern {
                    Pattern::Power => Role::Power,
                    Pattern::Plyometric => Role::Plyo,
                    _ => role,
                };
                let count = used.entry(pattern).or_insert(0);
                let taken = |i: usize| picks.iter().any(|p| p.pattern == pattern && p.index == i);
                let start = *count % list.len();
                let Some(index) = (0..list.len())
                    .map(|k| (start + k) % list.len())
                    .find(|&i| !taken(i))
                else {
                    continue;
                };
                *count += 1;
                picks.push(Pick {
                    asked,
                    pattern,
                    index,
                    role,
                });
            }
            picks
        })
        .collect()
}
