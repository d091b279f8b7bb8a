//! Building a plan: the host's side ([`ImportPlanner`]), reading the document for planning, and
//! the document's exercises and programs as the plan sees them.

use foldhash::{HashMap, HashMapExt};
use replog_core::{Catalog, Exercise, normalize_name};
use serde_json::Value;

use super::{
    CONFIDENT, ExerciseDecision, ExerciseMapping, ImportPlan, PlanError, ProgramDecision,
    ProgramPlan,
};
use crate::convert::vocabulary::canonical_equipment;
use crate::error::CatalogError;
use crate::matching::{MatchKind, Matcher, NameMatch};
use crate::{Limits, Validator};

/// The host's side of an import: its exercise catalog and the names of its existing
/// programs. Build it once per host; it plans, reviews and applies any number of documents.
///
/// See [the module](crate::plan) for an example.
#[derive(Debug, Clone)]
pub struct ImportPlanner {
    matcher: Matcher,
    validator: Validator,
    /// The host's programs: (normalised name, name), first spelling kept.
    programs: Vec<(String, String)>,
    confident: f64,
}

impl ImportPlanner {
    /// A planner for a host with these exercises (in catalog order: ties between candidates
    /// go to the earlier) and, until [`with_programs`](Self::with_programs), no programs.
    pub fn new<'a>(exercises: impl IntoIterator<Item = &'a Exercise>) -> Self {
        Self::from_matcher(Matcher::new(exercises))
    }

    /// A planner for a host whose catalog is this document: its exercises, and its programs
    /// as the existing programs.
    pub fn from_catalog(catalog: &Catalog) -> Self {
        Self::from_catalogs([catalog])
    }

    /// A planner for a host whose catalog is these documents together: their exercises in
    /// order, and their programs as the existing programs.
    pub fn from_catalogs<'a>(catalogs: impl IntoIterator<Item = &'a Catalog>) -> Self {
        let catalogs: Vec<&Catalog> = catalogs.into_iter().collect();
        Self::new(catalogs.iter().flat_map(|catalog| &catalog.exercises)).with_programs(
            catalogs
                .iter()
                .flat_map(|catalog| &catalog.programs)
                .map(|program| program.name.as_str()),
        )
    }

    /// A planner over a matcher already built for the host's catalog.
    pub fn from_matcher(matcher: Matcher) -> Self {
        let validator = Validator::new().with_index(matcher.index().clone());
        Self {
            matcher,
            validator,
            programs: Vec::new(),
            confident: CONFIDENT,
        }
    }

    /// Adds the names of existing host programs: a document program with one of these names
    /// (after normalisation) is planned as a replacement.
    #[must_use]
    pub fn with_programs<S: AsRef<str>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        for name in names {
            let name = name.as_ref().trim();
            let key = normalize_name(name);
            if !key.is_empty() && !self.programs.iter().any(|(known, _)| *known == key) {
                self.programs.push((key, name.to_owned()));
            }
        }
        self
    }

    /// Sets the confidence (0 to 1) from which a `suggested` match is used by default
    /// ([`CONFIDENT`] unless set).
    #[must_use]
    pub fn with_confidence(mut self, confident: f64) -> Self {
        self.confident = confident;
        self
    }

    /// The matcher over the host's catalog.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The validator the final document is checked with: the host's catalog in force.
    pub fn validator(&self) -> &Validator {
        &self.validator
    }

    /// The names of the host's existing programs.
    pub fn programs(&self) -> impl Iterator<Item = &str> {
        self.programs.iter().map(|(_, name)| name.as_str())
    }

    /// Reads CatalogJSON text to plan: every rule of the spec is checked, except that
    /// exercise references need not resolve, since resolving them is the plan's job (a
    /// progression rule naming an exercise no day of its program prescribes is still an
    /// error). The final document is validated in full by [`apply`](Self::apply).
    ///
    /// # Errors
    ///
    /// [`CatalogError::Invalid`] with every issue when the text breaks any other rule.
    pub fn read_document(text: impl AsRef<[u8]>) -> Result<Catalog, CatalogError> {
        let bytes = text.as_ref();
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let value = match serde_json::from_slice::<Value>(bytes) {
            Ok(value) if bytes.len() <= Limits::default().max_bytes => value,
            // Not JSON, or too big: the validator says so in the contract's words.
            _ => return Validator::new().parse(bytes),
        };
        let mut names = Vec::new();
        referenced_names(&value, &mut names);
        let placeholders: Vec<Exercise> = names.into_iter().map(Exercise::named).collect();
        Validator::new()
            .with_exercises(&placeholders)
            .validate(bytes)
            .into_result()
    }

    /// Reads CatalogJSON text ([`read_document`](Self::read_document)) and plans its import.
    ///
    /// # Errors
    ///
    /// As [`read_document`](Self::read_document).
    pub fn plan_text(&self, text: impl AsRef<[u8]>) -> Result<(Catalog, ImportPlan), CatalogError> {
        let document = Self::read_document(text)?;
        let plan = self.plan(&document);
        Ok((document, plan))
    }

    /// Plans the import of a document (valid, as the validator or
    /// [`read_document`](Self::read_document) builds it) with the default decisions: an
    /// `exact` or `alias` match uses the host exercise; a `suggested` one uses the best
    /// candidate only when it is confident (its confidence at least the planner's, see
    /// [`CONFIDENT`], strictly above the runner-up's, and, for an exercise the document
    /// defines with equipment, that equipment the candidate's), else creates the exercise; a
    /// `new` one creates it. A program named like an existing host program (after
    /// normalisation) replaces it; any other is created.
    pub fn plan(&self, document: &Catalog) -> ImportPlan {
        self.reviewed(document, None).plan
    }

    /// Re-checks a plan the coach edited against the document: the mappings' and programs'
    /// facts (kind, candidates, references, existing program) are recomputed and their
    /// decisions kept, entries are matched to the document by name, and the conflicts and
    /// summary are recomputed. An entry for a name the document lacks stays, with a
    /// `not_in_document` error; a document name the plan lacks gets an entry with the
    /// default decision and a `missing_decision` error.
    pub fn review(&self, document: &Catalog, plan: &ImportPlan) -> ImportPlan {
        self.reviewed(document, Some(plan)).plan
    }

    /// Applies a (possibly edited) plan to the document: the final document to import,
    /// validated against the host's catalog.
    ///
    /// In the final document every reference of an exercise mapped to a host exercise names
    /// that exercise's catalog name and its definition is gone; exercises to create keep
    /// their definition (renamed if decided), and those the document only references are
    /// added with nothing but their name; programs are renamed (a replacement takes the name
    /// of the program it replaces) or left out as decided.
    ///
    /// # Errors
    ///
    /// A [`PlanError`] when the reviewed plan has any error conflict (an entry naming
    /// nothing in the document, a host exercise that does not exist, a name taken twice,
    /// ...); the reviewed plan inside lists them.
    pub fn apply(
        &self,
        document: &Catalog,
        plan: &ImportPlan,
    ) -> Result<super::Applied, PlanError> {
        let reviewed = self.reviewed(document, Some(plan));
        if !reviewed.plan.is_ready() {
            return Err(PlanError {
                plan: Box::new(reviewed.plan),
            });
        }
        Ok(super::apply::apply(self, document, reviewed))
    }

    /// The host exercise a name or alias resolves to: its catalog name and equipment.
    pub(super) fn host_exercise(&self, name: &str) -> Option<(usize, &str, &[String])> {
        let index = self.matcher.index();
        let position = index.position(&normalize_name(name))?;
        let exercise = index.exercises().get(position)?;
        Some((position, &exercise.name, &exercise.equipment))
    }

    /// The host program a name resolves to after normalisation.
    pub(super) fn host_program(&self, name: &str) -> Option<&str> {
        let key = normalize_name(name);
        self.programs
            .iter()
            .find(|(known, _)| *known == key)
            .map(|(_, name)| name.as_str())
    }

    /// A fresh mapping of one exercise of the document, with the default decision.
    pub(super) fn fresh_mapping(&self, document: &Catalog, unit: &Unit) -> ExerciseMapping {
        let definition = unit.definition.and_then(|i| document.exercises.get(i));
        let found = match definition {
            Some(exercise) => self.matcher.match_exercise(exercise),
            None => self.matcher.match_name(&unit.name),
        };
        let decision = self.default_decision(&found, definition);
        ExerciseMapping {
            name: unit.name.clone(),
            definition: unit.definition.map(|i| format!("/exercises/{i}")),
            references: unit.references.clone(),
            kind: found.kind,
            confidence: found.confidence,
            candidates: found.candidates,
            decision,
        }
    }

    fn default_decision(
        &self,
        found: &NameMatch,
        definition: Option<&Exercise>,
    ) -> ExerciseDecision {
        let create = ExerciseDecision::Create { name: None };
        let Some(best) = &found.exercise else {
            return create;
        };
        let confident = match found.kind {
            MatchKind::Exact | MatchKind::Alias => true,
            MatchKind::Suggested => {
                let runner_up = found.candidates.get(1).map_or(0.0, |c| c.confidence);
                found.confidence >= self.confident
                    && found.confidence > runner_up
                    && definition
                        .filter(|exercise| !exercise.equipment.is_empty())
                        .is_none_or(|exercise| {
                            self.host_exercise(best).is_some_and(|(_, _, host)| {
                                same_equipment(&exercise.equipment, host)
                            })
                        })
            }
            MatchKind::New => false,
        };
        if confident {
            ExerciseDecision::Use {
                exercise: best.clone(),
            }
        } else {
            create
        }
    }

    /// A fresh entry for one program of the document, with the default decision.
    pub(super) fn fresh_program(&self, name: &str) -> ProgramPlan {
        let existing = self.host_program(name).map(str::to_owned);
        let decision = match &existing {
            Some(existing) => ProgramDecision::Replace {
                existing: existing.clone(),
            },
            None => ProgramDecision::Create,
        };
        ProgramPlan {
            name: name.to_owned(),
            existing,
            decision,
        }
    }
}

/// Whether two equipment lists name the same equipment, each item read through the
/// converters' vocabulary (`dumbbells` is `dumbbell`).
pub(super) fn same_equipment(a: &[String], b: &[String]) -> bool {
    canonical_set(a) == canonical_set(b)
}

/// An equipment list as sorted canonical ids, each once.
pub(super) fn canonical_set(items: &[String]) -> Vec<String> {
    let mut ids: Vec<String> = items
        .iter()
        .flat_map(|item| canonical_equipment(item))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// One exercise of the document as the plan sees it: a definition, or a name only
/// referenced, with every reference that resolves to it.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    /// The normalised name.
    pub(super) key: String,
    /// The definition's name, or the first spelling of the reference.
    pub(super) name: String,
    /// The definition's index in the document's `exercises`.
    pub(super) definition: Option<usize>,
    /// JSON Pointers to the references.
    pub(super) references: Vec<String>,
}

/// The document's exercises as the plan sees them, and how its references resolve.
#[derive(Debug, Clone, Default)]
pub(super) struct Units {
    pub(super) units: Vec<Unit>,
    /// Every key a reference may use (definitions' names and aliases, first wins, then the
    /// names only referenced) and the unit it resolves to.
    by_key: HashMap<String, usize>,
}

impl Units {
    /// The exercises of a document: its definitions in order, then each name only
    /// referenced in order of first reference; references resolve as the validator
    /// resolves them (the document's own names and aliases first).
    pub(super) fn of(document: &Catalog) -> Self {
        let mut out = Self {
            units: Vec::with_capacity(document.exercises.len()),
            by_key: HashMap::new(),
        };
        for (i, exercise) in document.exercises.iter().enumerate() {
            let position = out.units.len();
            out.units.push(Unit {
                key: normalize_name(&exercise.name),
                name: exercise.name.trim().to_owned(),
                definition: Some(i),
                references: Vec::new(),
            });
            for name in std::iter::once(&exercise.name).chain(&exercise.aliases) {
                let key = normalize_name(name);
                if !key.is_empty() {
                    out.by_key.entry(key).or_insert(position);
                }
            }
        }
        for (pointer, name) in references(document) {
            let key = normalize_name(name);
            let position = match out.by_key.get(&key) {
                Some(&position) => position,
                None => {
                    let position = out.units.len();
                    out.units.push(Unit {
                        key: key.clone(),
                        name: name.trim().to_owned(),
                        definition: None,
                        references: Vec::new(),
                    });
                    out.by_key.insert(key, position);
                    position
                }
            };
            if let Some(unit) = out.units.get_mut(position) {
                unit.references.push(pointer);
            }
        }
        out
    }

    /// The unit a reference resolves to.
    pub(super) fn resolve(&self, name: &str) -> Option<usize> {
        self.by_key.get(&normalize_name(name)).copied()
    }
}

/// Every exercise reference of a document with its JSON Pointer, in document order: each
/// program's prescribed exercises, then its progression rules.
fn references(document: &Catalog) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    for (p, program) in document.programs.iter().enumerate() {
        for (w, week) in program.weeks.iter().enumerate() {
            for (d, day) in week.days.iter().enumerate() {
                for (e, prescribed) in day.exercises.iter().enumerate() {
                    out.push((
                        format!("/programs/{p}/weeks/{w}/days/{d}/exercises/{e}/exercise"),
                        prescribed.exercise.as_str(),
                    ));
                }
            }
        }
        for (r, rule) in program.progression_rules.iter().enumerate() {
            out.push((
                format!("/programs/{p}/progression_rules/{r}/exercise"),
                rule.exercise.as_str(),
            ));
        }
    }
    out
}

/// Every string an `exercise` member of a program holds in an untyped document, each once:
/// whatever shape the rest of the document has, so that reading for a plan checks
/// everything but whether those names resolve.
fn referenced_names(document: &Value, out: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    let mut add = |value: &Value| {
        if let Some(name) = value.get("exercise").and_then(Value::as_str)
            && seen.insert(name.to_owned())
        {
            out.push(name.to_owned());
        }
    };
    for program in items(document, "programs") {
        for week in items(program, "weeks") {
            for day in items(week, "days") {
                items(day, "exercises").iter().for_each(&mut add);
            }
        }
        items(program, "progression_rules")
            .iter()
            .for_each(&mut add);
    }
}

/// The array member `key` of an object, or nothing.
fn items<'v>(value: &'v Value, key: &str) -> &'v [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}
