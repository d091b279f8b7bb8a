//! The Logbook JSON v1 document, read and checked in one pass (`spec/logbook-json.md`) with
//! the engine and issue contract of CatalogJSON; embedded templates are read as CatalogJSON
//! programs.
//!
//! One module per part of the document; this one holds the root, the state shared across it,
//! and the rules that need the whole document: workouts naming an assigned program's week and
//! day, and the unit that any weight needs.

mod entries;
mod program;
mod workout;

use foldhash::HashMap;

use replog_core::limits::{
    EXERCISE_NAME_MAX, LOGBOOK_VERSION, MAX_ASSIGNED_PROGRAMS, MAX_ENTRIES, MAX_EQUIPMENT,
    MAX_WORKOUTS,
};
use replog_core::{
    Code, ExerciseIndex, Logbook, LogbookVersion, Path, ProgramStatus, ReviewStatus, SetKind,
    normalize_into,
};
use serde::de::{self, MapAccess};

use crate::document::{Against, DocState};
use crate::engine::{
    ArrayX, Ctx, DateX, EnumX, Expect, Named, Seen, VersionX, fields, member, missing, next_field,
    required_text,
};

use entries::{
    AthleteX, BodyWeightElems, EquipmentElems, GoalElems, NoteElems, TierElems, TrainingMaxElems,
};
use program::ProgramElems;
use workout::WorkoutElems;

impl Named for ProgramStatus {
    const ALL: &'static [(&'static str, Self)] = &[
        ("active", Self::Active),
        ("completed", Self::Completed),
        ("abandoned", Self::Abandoned),
        ("planned", Self::Planned),
    ];
}

impl Named for ReviewStatus {
    const ALL: &'static [(&'static str, Self)] = &[
        ("approved", Self::Approved),
        ("needs_work", Self::NeedsWork),
    ];
}

impl Named for SetKind {
    const ALL: &'static [(&'static str, Self)] = &[
        ("working", Self::Working),
        ("warm_up", Self::WarmUp),
        ("drop", Self::Drop),
        ("failure", Self::Failure),
    ];
}

/// What a valid template tells the workouts done against it.
struct Shape {
    is_loop: bool,
    /// The day numbers of each week, in week order.
    days: Vec<Vec<u8>>,
}

/// A workout's `program`, `week` and `day`, checked once every assigned program is known.
struct WorkoutRef {
    /// The workout's path and the order of its start.
    path: Path,
    order: u32,
    /// The members given, each with its order and value.
    program: Option<(u32, String)>,
    week: Option<(u32, u32)>,
    day: Option<(u32, u32)>,
}

/// State shared across the whole logbook.
pub(crate) struct LogbookState<'v> {
    /// The templates' state: exercise references resolve against the host's catalog.
    templates: DocState<'v>,
    /// Normalised assigned-program names, with the position of the first of each.
    program_names: HashMap<String, usize>,
    /// Each assigned program's template shape, by position, when the template is valid.
    shapes: Vec<Option<Shape>>,
    refs: Vec<WorkoutRef>,
    /// Some weight is given (a logged set, a training max, a body weight).
    weighed: bool,
    /// Logged exercise names by normalised key, each with a small id (its position in
    /// `spellings`); a name is checked against the catalog in force when first met.
    names: HashMap<String, u32>,
    /// The first spelling of each logged name, by id, for messages.
    spellings: Vec<String>,
    /// The id of the logged name read last (the set being read), and that name as written:
    /// sets of one exercise come in a row, so most names need no normalising.
    last_name: u32,
    last_spelling: String,
    /// A buffer for normalised names.
    scratch: String,
}

impl<'v> LogbookState<'v> {
    pub(crate) fn new(host: &'v ExerciseIndex) -> Self {
        Self {
            templates: DocState::for_templates(Against {
                host,
                equipment: None,
            }),
            program_names: HashMap::default(),
            shapes: Vec::new(),
            refs: Vec::new(),
            weighed: false,
            names: HashMap::default(),
            spellings: Vec::new(),
            last_name: 0,
            last_spelling: String::new(),
            scratch: String::new(),
        }
    }

    /// The id of a logged exercise name (the member at the current path). The first time a
    /// name is met, warns if the catalog in force does not have it: history names what was
    /// done, so this never makes the logbook invalid, and the context keeps the name.
    fn logged_name<E: de::Error>(&mut self, ctx: &mut Ctx, name: &str) -> Result<u32, E> {
        if name == self.last_spelling && !self.spellings.is_empty() {
            return Ok(self.last_name);
        }
        self.last_spelling.clear();
        self.last_spelling.push_str(name);
        normalize_into(name, &mut self.scratch);
        if let Some(&id) = self.names.get(self.scratch.as_str()) {
            return Ok(id);
        }
        let id = u32::try_from(self.spellings.len()).unwrap_or(u32::MAX);
        let key = std::mem::take(&mut self.scratch);
        let unresolved = self.templates.unresolved(name, &key);
        self.names.insert(key.clone(), id);
        self.spellings.push(name.to_owned());
        self.scratch = key;
        if let Some(message) = unresolved {
            let order = ctx.order;
            let path = ctx.path_with(None);
            let message = format!("{message}; the logbook keeps the name as written");
            ctx.warn_at(order, path, Code::UnknownExercise, message)?;
        }
        Ok(id)
    }

    /// Checks every workout's `program`, `week` and `day` against the assigned programs.
    fn check_refs<E: de::Error>(&mut self, ctx: &mut Ctx) -> Result<(), E> {
        for r in std::mem::take(&mut self.refs) {
            let at = |member: &'static str| r.path.clone().join(member);
            let Some((program_order, name)) = r.program else {
                for (member, given) in [("week", r.week), ("day", r.day)] {
                    if let Some((order, _)) = given {
                        let message = format!(
                            "{member} refers to a program's template; name the program too, or leave {member} out for free training"
                        );
                        ctx.report_at(order, at(member), Code::Conflict, message)?;
                    }
                }
                continue;
            };
            for (member, given) in [("week", r.week), ("day", r.day)] {
                if given.is_none() {
                    let message = format!(
                        "{member} is required because the workout names the program \"{name}\""
                    );
                    ctx.report_at(r.order, at(member), Code::Required, message)?;
                }
            }
            normalize_into(&name, &mut self.scratch);
            let Some(&position) = self.program_names.get(self.scratch.as_str()) else {
                let message = format!(
                    "\"{name}\" is not one of the logbook's programs; a workout names the program it was done against"
                );
                ctx.report_at(program_order, at("program"), Code::Conflict, message)?;
                continue;
            };
            // A template with issues of its own says nothing reliable about its weeks.
            let Some(Some(shape)) = self.shapes.get(position) else {
                continue;
            };
            let Some((week_order, week)) = r.week else {
                continue;
            };
            let days = if shape.is_loop {
                if week != 1 {
                    let message = format!(
                        "\"{name}\" is a loop program, so its workouts are all week 1, found week {week}"
                    );
                    ctx.report_at(week_order, at("week"), Code::Conflict, message)?;
                    continue;
                }
                shape.days.first()
            } else {
                shape.days.get(week as usize - 1)
            };
            let Some(days) = days else {
                let message = format!(
                    "\"{name}\" has {} week{}, so it has no week {week}",
                    shape.days.len(),
                    if shape.days.len() == 1 { "" } else { "s" }
                );
                ctx.report_at(week_order, at("week"), Code::Conflict, message)?;
                continue;
            };
            if let Some((day_order, day)) = r.day {
                if !days.iter().any(|&number| u32::from(number) == day) {
                    let list: Vec<String> = days.iter().map(u8::to_string).collect();
                    let message = format!(
                        "week {week} of \"{name}\" has no day {day} (its days are {})",
                        list.join(", ")
                    );
                    ctx.report_at(day_order, at("day"), Code::Conflict, message)?;
                }
            }
        }
        Ok(())
    }
}

/// An exercise name in the logbook's history (a logged set's, a training max's): required,
/// and warned about, once per name, when the catalog in force does not have it.
pub(super) struct LoggedNameX<'c, 'v> {
    pub(super) ctx: &'c mut Ctx,
    pub(super) st: &'c mut LogbookState<'v>,
}

impl<'de> Expect<'de> for LoggedNameX<'_, '_> {
    type Out = String;

    const STRING: bool = true;

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_str<E: de::Error>(self, value: &str) -> Result<Option<String>, E> {
        let Self { ctx, st } = self;
        let Some(name) = required_text(ctx, "exercise", value, EXERCISE_NAME_MAX)? else {
            return Ok(None);
        };
        st.last_name = st.logged_name(ctx, name)?;
        // Names are only kept when the logbook is built; duplicates are found by id.
        Ok(Some(if ctx.build {
            name.to_owned()
        } else {
            String::new()
        }))
    }
}

fields! {
    /// The members of a logbook.
    LogbookField {
        LogbookVersion = "logbook_version",
        AsOf = "as_of",
        Unit = "unit",
        Athlete = "athlete",
        Equipment = "equipment",
        Programs = "programs",
        Workouts = "workouts",
        TrainingMaxes = "training_maxes",
        BodyWeights = "body_weights",
        Notes = "notes",
        GoalHistory = "goal_history",
        TierHistory = "tier_history",
    }
}

/// The whole logbook.
pub(crate) struct LogbookX<'c, 'v> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) st: &'c mut LogbookState<'v>,
}

/// An array member of `max` entries of a dated list.
fn entries<'c, L>(ctx: &'c mut Ctx, field: &'static str, elements: L) -> ArrayX<'c, L> {
    ArrayX {
        ctx,
        field,
        expected: "an array of objects",
        min: 0,
        max: MAX_ENTRIES,
        elements,
    }
}

impl<'de> Expect<'de> for LogbookX<'_, '_> {
    type Out = Logbook;

    fn expected(&self) -> &'static str {
        "a Logbook JSON object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Logbook>, A::Error> {
        let Self { ctx, st } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let mut out = Logbook::new(String::new());
        let (mut version, mut athlete) = (None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                LogbookField::LogbookVersion => {
                    version = member!(map, ctx, "logbook_version", |ctx| VersionX {
                        ctx,
                        field: "logbook_version",
                        version: LOGBOOK_VERSION,
                        format: "Logbook JSON v1",
                    })?;
                }
                LogbookField::AsOf => {
                    out.as_of = member!(map, ctx, "as_of", |ctx| DateX {
                        ctx,
                        field: "as_of"
                    })?;
                }
                LogbookField::Unit => {
                    out.unit = member!(map, ctx, "unit", |ctx| EnumX::new(ctx, "unit"))?;
                }
                LogbookField::Athlete => {
                    athlete = member!(map, ctx, "athlete", |ctx| AthleteX { ctx })?;
                }
                LogbookField::Equipment => {
                    out.equipment = member!(map, ctx, "equipment", |ctx| ArrayX {
                        ctx,
                        field: "equipment",
                        expected: "an array of snake_case names",
                        min: 0,
                        max: MAX_EQUIPMENT,
                        elements: EquipmentElems,
                    })?
                    .unwrap_or_default();
                }
                LogbookField::Programs => {
                    out.programs = member!(map, ctx, "programs", |ctx| ArrayX {
                        ctx,
                        field: "programs",
                        expected: "an array of assigned programs",
                        min: 0,
                        max: MAX_ASSIGNED_PROGRAMS,
                        elements: ProgramElems { st: &mut *st },
                    })?
                    .unwrap_or_default();
                }
                LogbookField::Workouts => {
                    out.workouts = member!(map, ctx, "workouts", |ctx| ArrayX {
                        ctx,
                        field: "workouts",
                        expected: "an array of workouts",
                        min: 0,
                        max: MAX_WORKOUTS,
                        elements: WorkoutElems { st: &mut *st },
                    })?
                    .unwrap_or_default();
                }
                LogbookField::TrainingMaxes => {
                    out.training_maxes = member!(map, ctx, "training_maxes", |ctx| entries(
                        ctx,
                        "training_maxes",
                        TrainingMaxElems { st: &mut *st }
                    ))?
                    .unwrap_or_default();
                }
                LogbookField::BodyWeights => {
                    out.body_weights = member!(map, ctx, "body_weights", |ctx| entries(
                        ctx,
                        "body_weights",
                        BodyWeightElems { st: &mut *st }
                    ))?
                    .unwrap_or_default();
                }
                LogbookField::Notes => {
                    out.notes = member!(map, ctx, "notes", |ctx| entries(ctx, "notes", NoteElems))?
                        .unwrap_or_default();
                }
                LogbookField::GoalHistory => {
                    out.goal_history = member!(map, ctx, "goal_history", |ctx| entries(
                        ctx,
                        "goal_history",
                        GoalElems
                    ))?
                    .unwrap_or_default();
                }
                LogbookField::TierHistory => {
                    out.tier_history = member!(map, ctx, "tier_history", |ctx| entries(
                        ctx,
                        "tier_history",
                        TierElems
                    ))?
                    .unwrap_or_default();
                }
            }
        }
        ctx.leave();
        for field in [LogbookField::LogbookVersion, LogbookField::Athlete] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        if st.weighed && !seen.has(LogbookField::Unit) {
            let message =
                "unit is required because the logbook gives weights (sets, training maxes or body weights)"
                    .to_owned();
            ctx.report_member(start, "unit", Code::Required, message)?;
        }
        st.check_refs(ctx)?;
        Ok(match (version, athlete) {
            (Some(()), Some(athlete)) => {
                out.logbook_version = LogbookVersion;
                out.athlete = athlete;
                Some(out)
            }
            _ => None,
        })
    }
}
