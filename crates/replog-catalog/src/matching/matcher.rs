//! The matcher: a catalog's names tokenised once, an inverted index from movement words to
//! the names that contain them, and the scoring of a name against the few names it shares a
//! word with.

use foldhash::{HashMap, HashMapExt};
use replog_core::{Catalog, Exercise, ExerciseIndex, normalize_into, normalize_name};

use super::tokens::{Tokens, equipment_of, tokenize};
use super::vocabulary::EquipmentSet;
use super::{Candidate, MatchKind, NameMatch};

/// The score (0 to 1) a name must reach to be suggested; below it the name is `new`.
///
/// Above two thirds, so that one movement word shared with a two-word name ("Press" and
/// "Bench Press", "Fly" and "Incline Fly") is never enough on its own.
pub const SUGGEST_THRESHOLD: f64 = 0.7;

/// What a score is multiplied by when only one of the two names says its equipment ("Bench
/// Press" against "Barbell Bench Press"): likely the same movement, but the equipment is a
/// guess. Both naming equipment and none in common is never a match.
pub const MISSING_EQUIPMENT_FACTOR: f64 = 0.9;

/// What a score is multiplied by when both names say their equipment and share some but not
/// all of it (a catalog entry done "with a barbell or dumbbells").
const PARTIAL_EQUIPMENT_FACTOR: f64 = 0.95;

/// How much a grip, stance or position word counts against a movement word's 1.
const MODIFIER_WEIGHT: f64 = 0.35;

/// How alike (Jaro-Winkler) an unknown word must be to a catalog word to stand for it: a
/// near-spelling ("banch" for "bench"), not another word.
const NEAR_SPELLING: f64 = 0.88;

/// The shortest unknown word tried as a near-spelling: short words are alike by accident.
const NEAR_SPELLING_MIN_LEN: usize = 4;

/// How many candidates a match lists.
const MAX_CANDIDATES: usize = 3;

/// One catalog name (an exercise's name or one of its aliases) as words.
#[derive(Debug, Clone)]
struct Entry {
    /// The exercise's position in the index.
    exercise: usize,
    /// Word ids and weights.
    words: Vec<(u32, f64)>,
    /// Sum of the weights.
    weight: f64,
    equipment: EquipmentSet,
}

/// A query word: the catalog words it may stand for, with how alike each is.
#[derive(Debug, Clone)]
struct QueryWord {
    ids: Vec<(u32, f64)>,
    weight: f64,
    modifier: bool,
}

/// Resolves names against a catalog; build once, match many names.
#[derive(Debug, Clone)]
pub struct Matcher {
    index: ExerciseIndex,
    entries: Vec<Entry>,
    word_ids: HashMap<String, u32>,
    words: Vec<String>,
    /// For each word id, the entries with it as a movement word, ascending.
    postings: Vec<Vec<u32>>,
}

impl Matcher {
    /// A matcher over exercises, in catalog order (ties go to the earlier).
    pub fn new<'a>(exercises: impl IntoIterator<Item = &'a Exercise>) -> Self {
        let mut matcher = Self {
            index: ExerciseIndex::new(),
            entries: Vec::new(),
            word_ids: HashMap::new(),
            words: Vec::new(),
            postings: Vec::new(),
        };
        for exercise in exercises {
            matcher.add(exercise);
        }
        matcher
    }

    /// A matcher over a catalog's exercises.
    pub fn from_catalog(catalog: &Catalog) -> Self {
        Self::new(&catalog.exercises)
    }

    /// The index of exact names and aliases the matcher resolves through first.
    pub fn index(&self) -> &ExerciseIndex {
        &self.index
    }

    fn add(&mut self, exercise: &Exercise) {
        let position = self.index.len();
        self.index.add(exercise);
        // The name's own equipment words decide; the catalog's equipment list counts only for
        // names that do not say theirs.
        let listed = equipment_of(&exercise.equipment);
        for name in std::iter::once(&exercise.name).chain(&exercise.aliases) {
            let tokens = tokenize(name);
            let equipment = if tokens.equipment == 0 {
                listed
            } else {
                tokens.equipment
            };
            let entry_id = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
            let mut words = Vec::with_capacity(tokens.words.len());
            for word in &tokens.words {
                let id = self.intern(&word.text);
                if !word.modifier
                    && let Some(posting) = self.postings.get_mut(id as usize)
                    && posting.last() != Some(&entry_id)
                {
                    posting.push(entry_id);
                }
                words.push((id, weight(word.modifier)));
            }
            let weight = words.iter().map(|(_, w)| w).sum();
            self.entries.push(Entry {
                exercise: position,
                words,
                weight,
                equipment,
            });
        }
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.word_ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.word_ids.insert(word.to_owned(), id);
        self.words.push(word.to_owned());
        self.postings.push(Vec::new());
        id
    }

    /// Resolves one name.
    pub fn match_name(&self, name: &str) -> NameMatch {
        let mut key = String::new();
        normalize_into(name, &mut key);
        if let Some(found) = self.index.get(&key) {
            let kind = if normalize_name(&found.name) == key {
                MatchKind::Exact
            } else {
                MatchKind::Alias
            };
            return known(name, kind, &found.name);
        }
        self.suggest(name, tokenize(name))
    }

    /// Resolves an exercise defined elsewhere (a document's own exercise) by everything it
    /// says: its name, then each of its aliases, exactly (after normalisation; a hit through
    /// an alias is [`MatchKind::Alias`]); failing that, its name scored as
    /// [`match_name`](Self::match_name) does, with the equipment it lists standing in when
    /// the name names none, as it does for the catalog's own entries ("Bench Press" listing
    /// a dumbbell is the dumbbell bench press, never the barbell one).
    pub fn match_exercise(&self, exercise: &Exercise) -> NameMatch {
        let name = exercise.name.as_str();
        let mut key = String::new();
        normalize_into(name, &mut key);
        if self.index.get(&key).is_some() {
            return self.match_name(name);
        }
        for alias in &exercise.aliases {
            normalize_into(alias, &mut key);
            if let Some(found) = self.index.get(&key) {
                return known(name, MatchKind::Alias, &found.name);
            }
        }
        let mut tokens = tokenize(name);
        if tokens.equipment == 0 {
            tokens.equipment = equipment_of(&exercise.equipment);
        }
        self.suggest(name, tokens)
    }

    /// The suggestion (or `new`) for a name no catalog key equals.
    fn suggest(&self, name: &str, tokens: Tokens) -> NameMatch {
        let scored = self.scored(&tokens);
        let candidates: Vec<Candidate> = scored
            .iter()
            .filter(|(score, _)| *score >= SUGGEST_THRESHOLD)
            .take(MAX_CANDIDATES)
            .filter_map(|&(score, exercise)| {
                Some(Candidate {
                    name: self.index.exercises().get(exercise)?.name.clone(),
                    confidence: round(score),
                })
            })
            .collect();
        match candidates.first() {
            Some(best) => NameMatch {
                input: name.to_owned(),
                kind: MatchKind::Suggested,
                exercise: Some(best.name.clone()),
                confidence: best.confidence,
                candidates,
            },
            None => NameMatch {
                input: name.to_owned(),
                kind: MatchKind::New,
                exercise: None,
                confidence: 0.0,
                candidates: Vec::new(),
            },
        }
    }

    /// Every exercise sharing a movement word with the name, scored, best first (ties in
    /// catalog order), each exercise once with its best-scoring name.
    fn scored(&self, tokens: &Tokens) -> Vec<(f64, usize)> {
        let query = self.query_words(tokens);
        let mut candidates: Vec<u32> = Vec::new();
        for word in query.iter().filter(|word| !word.modifier) {
            for &(id, _) in &word.ids {
                if let Some(posting) = self.postings.get(id as usize) {
                    candidates.extend_from_slice(posting);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();

        let query_weight: f64 = query.iter().map(|w| w.weight).sum();
        let mut best: Vec<(f64, usize)> = Vec::new();
        for entry in candidates
            .iter()
            .filter_map(|&i| self.entries.get(i as usize))
        {
            let Some(factor) = equipment_factor(tokens.equipment, entry.equipment) else {
                continue;
            };
            let score = factor * similarity(&query, query_weight, entry);
            match best.last_mut() {
                // Entries of one exercise are consecutive.
                Some((top, exercise)) if *exercise == entry.exercise => *top = top.max(score),
                _ => best.push((score, entry.exercise)),
            }
        }
        best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        best
    }

    /// The catalog words each query word may stand for: itself, two catalog words it joins
    /// ("facepull" for "face pull"), or near-spellings of it.
    fn query_words(&self, tokens: &Tokens) -> Vec<QueryWord> {
        let texts: Vec<&str> = tokens.words.iter().map(|w| w.text.as_str()).collect();
        let mut out = Vec::with_capacity(texts.len());
        let mut at = 0;
        while let Some(&text) = texts.get(at) {
            let modifier = tokens.words.get(at).is_some_and(|w| w.modifier);
            if let Some(&next) = texts.get(at + 1) {
                let joined = format!("{text}{next}");
                if let Some(&id) = self.word_ids.get(&joined) {
                    out.push(QueryWord {
                        ids: vec![(id, 1.0)],
                        weight: weight(false),
                        modifier: false,
                    });
                    at += 2;
                    continue;
                }
            }
            let ids = match self.word_ids.get(text) {
                Some(&id) => vec![(id, 1.0)],
                None => self.near(text),
            };
            out.push(QueryWord {
                ids,
                weight: weight(modifier),
                modifier,
            });
            at += 1;
        }
        out
    }

    /// Catalog words spelt nearly like an unknown word.
    fn near(&self, text: &str) -> Vec<(u32, f64)> {
        if text.chars().count() < NEAR_SPELLING_MIN_LEN {
            return Vec::new();
        }
        let mut near = Vec::new();
        for (id, word) in self.words.iter().enumerate() {
            if word.len().abs_diff(text.len()) > 2 {
                continue;
            }
            let similarity = strsim::jaro_winkler(text, word);
            if similarity >= NEAR_SPELLING
                && let Ok(id) = u32::try_from(id)
            {
                near.push((id, similarity));
            }
        }
        near
    }
}

/// The answer for a name the catalog knows by this display name.
fn known(input: &str, kind: MatchKind, name: &str) -> NameMatch {
    NameMatch {
        input: input.to_owned(),
        kind,
        exercise: Some(name.to_owned()),
        confidence: 1.0,
        candidates: vec![Candidate {
            name: name.to_owned(),
            confidence: 1.0,
        }],
    }
}

fn weight(modifier: bool) -> f64 {
    if modifier { MODIFIER_WEIGHT } else { 1.0 }
}

/// Weighted Dice similarity of two word sets: twice the weight the two share over the weight
/// of both, each query word matched to at most one catalog word (words past the 64th of a
/// catalog name may be matched twice: no real name has that many).
fn similarity(query: &[QueryWord], query_weight: f64, entry: &Entry) -> f64 {
    let total = query_weight + entry.weight;
    if total <= 0.0 {
        return 0.0;
    }
    let mut used: u64 = 0;
    let mut shared = 0.0;
    for word in query {
        let mut best: Option<(usize, f64)> = None;
        for (at, (id, entry_weight)) in entry.words.iter().enumerate() {
            if at < 64 && used & (1 << at) != 0 {
                continue;
            }
            let Some(&(_, alike)) = word.ids.iter().find(|(candidate, _)| candidate == id) else {
                continue;
            };
            let value = alike * (word.weight + entry_weight) / 2.0;
            if best.is_none_or(|(_, top)| value > top) {
                best = Some((at, value));
            }
        }
        if let Some((at, value)) = best {
            if at < 64 {
                used |= 1 << at;
            }
            shared += value;
        }
    }
    (2.0 * shared / total).min(1.0)
}

/// How the equipment of a name and of a catalog name bear on a match: `None` when both say
/// theirs and none is in common.
fn equipment_factor(query: EquipmentSet, entry: EquipmentSet) -> Option<f64> {
    match (query, entry) {
        (0, 0) => Some(1.0),
        (0, _) | (_, 0) => Some(MISSING_EQUIPMENT_FACTOR),
        (q, e) if q == e => Some(1.0),
        (q, e) if q & e != 0 => Some(PARTIAL_EQUIPMENT_FACTOR),
        _ => None,
    }
}

/// Scores to three decimals, so the JSON reads cleanly and ties are ties.
fn round(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}
