//! The CatalogJSON v1 document, read and checked in one pass (`spec/catalog-json.md`).
//!
//! One module per level of the document; this one holds the root, the state shared across
//! the whole document (names, references), and the resolution of exercise references once
//! the document's own exercises are known.

mod exercise;
mod program;
mod set;
mod week;

use std::collections::HashSet;

use foldhash::HashMap;

use replog_core::limits::{CATALOG_VERSION, MAX_EXERCISES, MAX_PROGRAMS};
use replog_core::{AppliesTo, Catalog, Category, Code, Every, Path, RepType, Tier, Unit};
use serde::de::{self, MapAccess, SeqAccess};

use crate::engine::{
    ArrayX, Ctx, Elements, Expect, Named, Seen, VersionX, element, fields, member, missing,
    next_field,
};
use replog_core::ExerciseIndex;
use replog_core::normalize_into;

use exercise::ExerciseX;
pub(crate) use program::ProgramX;
pub(crate) use set::check_reps_bound;

impl Named for Tier {
    const ALL: &'static [(&'static str, Self)] = &[
        ("foundational", Self::Foundational),
        ("intermediate", Self::Intermediate),
        ("sport_performance", Self::SportPerformance),
    ];
}

impl Named for Category {
    const ALL: &'static [(&'static str, Self)] = &[
        ("strength", Self::Strength),
        ("power", Self::Power),
        ("olympic", Self::Olympic),
        ("plyometric", Self::Plyometric),
        ("conditioning", Self::Conditioning),
        ("mobility", Self::Mobility),
        ("carry", Self::Carry),
        ("core", Self::Core),
    ];
}

impl Named for Unit {
    const ALL: &'static [(&'static str, Self)] = &[("lb", Self::Lb), ("kg", Self::Kg)];
}

impl Named for RepType {
    const ALL: &'static [(&'static str, Self)] = &[
        ("reps", Self::Reps),
        ("each_side", Self::EachSide),
        ("seconds", Self::Seconds),
        ("distance", Self::Distance),
    ];
}

impl Named for Every {
    const ALL: &'static [(&'static str, Self)] = &[
        ("session", Self::Session),
        ("week", Self::Week),
        ("cycle", Self::Cycle),
    ];
}

impl Named for AppliesTo {
    const ALL: &'static [(&'static str, Self)] = &[
        ("training_max", Self::TrainingMax),
        ("weight", Self::Weight),
    ];
}

/// What the caller checks the document against.
pub(crate) struct Against<'v> {
    /// The host's existing exercises (the supplied catalogs).
    pub(crate) host: &'v ExerciseIndex,
    /// The equipment the athlete has, if programs are checked against it.
    pub(crate) equipment: Option<&'v HashSet<String>>,
}

/// Where a name or alias of the document's exercises was first given.
#[derive(Debug, Clone, Copy)]
struct NameAt {
    exercise: usize,
    alias: Option<usize>,
}

impl NameAt {
    fn path(self) -> Path {
        let path = Path::root().join("exercises").join(self.exercise);
        match self.alias {
            Some(alias) => path.join("aliases").join(alias),
            None => path.join("name"),
        }
    }
}

/// Which exercise of the catalog in force a name resolves to: all its names and aliases give
/// the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ExerciseId {
    Document(usize),
    Host(usize),
}

/// The progression rules of one program, checked once the catalog in force is known.
pub(super) struct PendingRules {
    /// The normalised names prescribed on the program's days.
    pub(super) prescribed: foldhash::HashSet<String>,
    /// Each rule's exercise: order, path, name as given, normalised key.
    pub(super) rules: Vec<(u32, Path, String, String)>,
}

/// How many name comparisons "closest name" hints may cost one document: enough for hundreds
/// of unknown names against a full catalog, and a bound on hostile input.
const SUGGESTION_BUDGET: usize = 2_000_000;

/// A prescribed exercise's reference, resolved once the document's exercises are known.
struct PendingRef {
    order: u32,
    path: Path,
    name: String,
    key: String,
}

/// State shared across the whole document.
pub(crate) struct DocState<'v> {
    against: Against<'v>,
    /// Normalised names and aliases of the document's exercises.
    names: HashMap<String, NameAt>,
    /// The same keys in the order they were given, so "closest name" searches break ties the
    /// same way every time.
    keys: Vec<(String, usize)>,
    /// The document's exercises' names (for suggestions) and equipment, by position; the
    /// equipment is kept only when programs are checked against an equipment list.
    exercises: Vec<(String, Vec<String>)>,
    /// Normalised program names, with the position of the first program of each.
    program_names: HashMap<String, usize>,
    pending: Vec<PendingRef>,
    pending_rules: Vec<PendingRules>,
    /// Closest-name hints already computed, by normalised unknown name.
    suggestions: HashMap<String, Option<String>>,
    /// Name comparisons left for closest-name hints.
    suggestion_budget: usize,
    /// The `exercises` member has been read, so references can be resolved as they are met.
    exercises_read: bool,
    /// A buffer for normalised names.
    scratch: String,
    /// The programs are a logbook's templates, history rather than a draft: their names may
    /// repeat (the same program assigned twice), and a name the catalog in force lacks is a
    /// warning, not an error.
    pub(super) history: bool,
}

/// Room the name tables of a document or a program start with: most name fewer than 16
/// exercises, so the tables never grow (each growth is an allocation and a rehash; about 1 %
/// of the browser package's time on the sample program).
const NAMES_ROOM: usize = 16;

impl<'v> DocState<'v> {
    pub(crate) fn new(against: Against<'v>) -> Self {
        Self {
            against,
            names: HashMap::with_capacity_and_hasher(NAMES_ROOM, Default::default()),
            keys: Vec::with_capacity(NAMES_ROOM),
            exercises: Vec::new(),
            program_names: HashMap::default(),
            pending: Vec::new(),
            pending_rules: Vec::new(),
            suggestions: HashMap::default(),
            suggestion_budget: SUGGESTION_BUDGET,
            exercises_read: false,
            scratch: String::new(),
            history: false,
        }
    }

    /// The state for program templates read on their own (a logbook's), against the host's
    /// catalog only: no document exercises, names that may repeat, and catalog misses that
    /// only warn.
    pub(crate) fn for_templates(against: Against<'v>) -> Self {
        Self {
            exercises_read: true,
            history: true,
            ..Self::new(against)
        }
    }

    /// Checks a reference that only warns when it does not resolve (a logged set names what
    /// was done): `Some(message)` when there is a catalog in force and the name is not in it.
    pub(crate) fn unresolved(&mut self, name: &str, key: &str) -> Option<String> {
        if !self.checking() || self.identify(key).is_some() {
            return None;
        }
        Some(self.unknown_message(name, key))
    }

    /// Claims a name or alias of exercise `at`; reports `duplicate` at the current path if an
    /// earlier name or alias has the same key.
    fn claim_name<E: de::Error>(
        &mut self,
        ctx: &mut Ctx,
        order: u32,
        name: &str,
        at: NameAt,
    ) -> Result<(), E> {
        normalize_into(name, &mut self.scratch);
        if let Some(first) = self.names.get(self.scratch.as_str()) {
            let message = format!(
                "\"{name}\" is the same name as {} after normalisation; names and aliases must be unique",
                first.path()
            );
            return ctx.report(order, Code::Duplicate, message);
        }
        self.names.insert(self.scratch.clone(), at);
        self.keys.push((self.scratch.clone(), at.exercise));
        Ok(())
    }

    /// Resolves a prescribed exercise's reference (the member at the current path, its
    /// normalised `key`) at once when the document's exercises are known, the usual layout;
    /// otherwise keeps it until the document ends. `true` when it resolved without an issue.
    fn refer<E: de::Error>(
        &mut self,
        ctx: &mut Ctx,
        order: u32,
        name: &str,
        key: &str,
    ) -> Result<bool, E> {
        if !self.exercises_read {
            self.pending.push(PendingRef {
                order,
                path: ctx.path_with(None),
                name: name.to_owned(),
                key: key.to_owned(),
            });
            return Ok(false);
        }
        match self.check(name, key) {
            Some((code, message)) => {
                let path = ctx.path_with(None);
                self.miss(ctx, order, path, code, message).map(|()| false)
            }
            None => Ok(true),
        }
    }

    /// Resolves the references kept until the document's end.
    fn resolve<E: de::Error>(&mut self, ctx: &mut Ctx) -> Result<(), E> {
        self.exercises_read = true;
        for pending in std::mem::take(&mut self.pending) {
            if let Some((code, message)) = self.check(&pending.name, &pending.key) {
                ctx.report_at(pending.order, pending.path, code, message)?;
            }
        }
        for rules in std::mem::take(&mut self.pending_rules) {
            self.check_rules(ctx, rules)?;
        }
        Ok(())
    }

    /// Checks a program's progression rules now if the catalog in force is known, else when
    /// the document ends.
    pub(super) fn rules<E: de::Error>(
        &mut self,
        ctx: &mut Ctx,
        rules: PendingRules,
    ) -> Result<(), E> {
        if rules.rules.is_empty() {
            return Ok(());
        }
        if self.exercises_read {
            self.check_rules(ctx, rules)
        } else {
            self.pending_rules.push(rules);
            Ok(())
        }
    }

    /// A rule's exercise resolves like a prescribed one, and is the same exercise as one
    /// prescribed on a day of its program (by any of its names).
    fn check_rules<E: de::Error>(&mut self, ctx: &mut Ctx, rules: PendingRules) -> Result<(), E> {
        let checking = self.checking();
        let mut prescribed_ids: Option<foldhash::HashSet<ExerciseId>> = None;
        for (order, path, name, key) in rules.rules {
            if checking && self.identify(&key).is_none() {
                let message = self.unknown_message(&name, &key);
                self.miss(ctx, order, path, Code::UnknownExercise, message)?;
                continue;
            }
            if rules.prescribed.contains(&key) {
                continue;
            }
            if checking {
                let ids = prescribed_ids.get_or_insert_with(|| {
                    rules
                        .prescribed
                        .iter()
                        .filter_map(|k| self.identify(k))
                        .collect()
                });
                if self.identify(&key).is_some_and(|id| ids.contains(&id)) {
                    continue;
                }
            }
            let message = format!(
                "the rule's exercise \"{name}\" is not prescribed on any day of this program"
            );
            ctx.report_at(order, path, Code::UnknownExercise, message)?;
        }
        Ok(())
    }

    /// Reports a reference the catalog in force does not serve: an error in a draft, a
    /// warning in history.
    fn miss<E: de::Error>(
        &self,
        ctx: &mut Ctx,
        order: u32,
        path: Path,
        code: Code,
        message: String,
    ) -> Result<(), E> {
        if self.history {
            let message = format!("{message}; the logbook keeps the name as written");
            ctx.warn_at(order, path, code, message)
        } else {
            ctx.report_at(order, path, code, message)
        }
    }

    /// Whether references are checked: only when there is a catalog in force at all.
    fn checking(&self) -> bool {
        !(self.names.is_empty() && self.against.host.is_empty())
    }

    /// The exercise a normalised name resolves to: the document's own first, then the host's.
    fn identify(&self, key: &str) -> Option<ExerciseId> {
        match self.names.get(key) {
            Some(at) => Some(ExerciseId::Document(at.exercise)),
            None => self.against.host.position(key).map(ExerciseId::Host),
        }
    }

    /// What is wrong with a reference, if anything: it does not resolve against the catalog
    /// in force (the document's exercises, then the host's), or the exercise needs equipment
    /// the athlete lacks. With no catalog at all, references are not checked.
    fn check(&mut self, name: &str, key: &str) -> Option<(Code, String)> {
        let host = self.against.host;
        if !self.checking() {
            return None;
        }
        let needs = match self.names.get(key) {
            Some(at) => self
                .exercises
                .get(at.exercise)
                .map(|(_, equipment)| equipment.as_slice()),
            None => host.get(key).map(|exercise| exercise.equipment.as_slice()),
        };
        match needs {
            None => Some((Code::UnknownExercise, self.unknown_message(name, key))),
            Some(needs) => self
                .missing_equipment(name, needs)
                .map(|message| (Code::EquipmentUnavailable, message)),
        }
    }

    fn unknown_message(&mut self, name: &str, key: &str) -> String {
        let near = match self.suggestions.get(key) {
            Some(near) => near.clone(),
            None => {
                let near = self.closest(key);
                self.suggestions.insert(key.to_owned(), near.clone());
                near
            }
        };
        match near {
            Some(near) => format!(
                "\"{name}\" is not an exercise of the catalog in force; the closest name is \"{near}\""
            ),
            None => format!(
                "\"{name}\" is not an exercise of the catalog in force, and no exercise there has a similar name"
            ),
        }
    }

    /// The closest name in the catalog in force, while the comparison budget lasts.
    fn closest(&mut self, key: &str) -> Option<String> {
        let cost = self.keys.len() + self.against.host.key_count();
        if cost > self.suggestion_budget {
            return None;
        }
        self.suggestion_budget -= cost;
        let own = self.keys.iter().filter_map(|(candidate, exercise)| {
            let display = self
                .exercises
                .get(*exercise)
                .map(|(name, _)| name.as_str())?;
            Some((candidate.as_str(), display))
        });
        self.against.host.closest(key, own).map(str::to_owned)
    }

    fn missing_equipment(&self, name: &str, needs: &[String]) -> Option<String> {
        let available = self.against.equipment?;
        let missing: Vec<&str> = needs
            .iter()
            .map(String::as_str)
            .filter(|item| !available.contains(*item))
            .collect();
        if missing.is_empty() {
            return None;
        }
        Some(format!(
            "\"{name}\" needs {}, which the equipment list lacks",
            missing.join(", ")
        ))
    }
}

fields! {
    /// The members of the document.
    DocField { CatalogVersion = "catalog_version", Exercises = "exercises", Programs = "programs" }
}

/// The whole document.
pub(crate) struct DocX<'c, 'v> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) st: &'c mut DocState<'v>,
}

impl<'de> Expect<'de> for DocX<'_, '_> {
    type Out = Catalog;

    fn expected(&self) -> &'static str {
        "a CatalogJSON object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Catalog>, A::Error> {
        let Self { ctx, st } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut version, mut exercises, mut programs) = (None, None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                DocField::CatalogVersion => {
                    version = member!(map, ctx, "catalog_version", |ctx| VersionX {
                        ctx,
                        field: "catalog_version",
                        version: CATALOG_VERSION,
                        format: "CatalogJSON v1",
                    })?;
                }
                DocField::Exercises => {
                    exercises = member!(map, ctx, "exercises", |ctx| ArrayX {
                        ctx,
                        field: "exercises",
                        expected: "an array of exercises",
                        min: 0,
                        max: MAX_EXERCISES,
                        elements: ExerciseElems { st: &mut *st },
                    })?;
                    st.exercises_read = true;
                }
                DocField::Programs => {
                    programs = member!(map, ctx, "programs", |ctx| ArrayX {
                        ctx,
                        field: "programs",
                        expected: "an array of programs",
                        min: 0,
                        max: MAX_PROGRAMS,
                        elements: ProgramElems { st: &mut *st },
                    })?;
                }
            }
        }
        ctx.leave();
        if !seen.has(DocField::CatalogVersion) {
            missing(ctx, start, DocField::CatalogVersion)?;
        }
        st.resolve(ctx)?;
        Ok(version
            .map(|()| Catalog::new(exercises.unwrap_or_default(), programs.unwrap_or_default())))
    }
}

struct ExerciseElems<'s, 'v> {
    st: &'s mut DocState<'v>,
}

impl<'de> Elements<'de> for ExerciseElems<'_, '_> {
    type Out = replog_core::Exercise;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        index: usize,
    ) -> Result<Option<Option<Self::Out>>, A::Error> {
        element(
            seq,
            ExerciseX {
                ctx,
                st: &mut *self.st,
                index,
            },
        )
    }
}

struct ProgramElems<'s, 'v> {
    st: &'s mut DocState<'v>,
}

impl<'de> Elements<'de> for ProgramElems<'_, '_> {
    type Out = replog_core::Program;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        index: usize,
    ) -> Result<Option<Option<Self::Out>>, A::Error> {
        element(
            seq,
            ProgramX {
                ctx,
                st: &mut *self.st,
                index,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use replog_core::Exercise;

    /// The closest-name search spends a budget of name comparisons: once it is spent, an
    /// unknown name costs nothing more, however many follow. Counted, not timed.
    #[test]
    fn closest_name_searches_stop_when_the_comparison_budget_is_spent() {
        let mut host = ExerciseIndex::new();
        let exercises: Vec<Exercise> = (0..5000)
            .map(|i| Exercise::named(format!("Exercise {i}")))
            .collect();
        host.extend(&exercises);
        let mut st = DocState::new(Against {
            host: &host,
            equipment: None,
        });
        let cost = host.key_count();
        assert_eq!(cost, 5000);
        let mut searches = 0;
        for i in 0..2100 {
            let before = st.suggestion_budget;
            // A near miss, so a search that runs finds it.
            let found = st.closest(&format!("exercise {i}x"));
            if st.suggestion_budget < before {
                searches += 1;
                assert_eq!(before - st.suggestion_budget, cost);
                assert!(found.is_some(), "a search that ran finds the near name");
            } else {
                assert_eq!(found, None, "no budget, no search, no hint");
            }
        }
        assert_eq!(searches, SUGGESTION_BUDGET / cost);
        assert!(st.suggestion_budget < cost);
    }
}
