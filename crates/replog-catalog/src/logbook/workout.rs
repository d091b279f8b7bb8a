//! A workout and its logged sets: dates, the program reference (checked when the logbook
//! ends), set numbers unique per exercise, and reps bounded by their `rep_type`.

use foldhash::HashSet;

use replog_core::limits::{
    MAX_DAYS, MAX_WEEKS, MAX_WORKOUT_SETS, NOTE_MAX, PROGRAM_NAME_MAX, RPE_MAX, RPE_MIN,
    SET_NUMBER_MAX, WEIGHT_MAX, WEIGHT_MIN, WORKOUT_SECONDS_MAX,
};
use replog_core::{Code, LoggedSet, RepType, Review, SetKind, Workout};
use serde::de::{self, MapAccess, SeqAccess};

use super::{LogbookState, LoggedNameX, WorkoutRef};
use crate::document::check_reps_bound;
use crate::engine::{
    ArrayX, Ctx, DateX, Elements, EnumX, Expect, IntX, NumX, ReqStr, Seen, StrX, element, fields,
    member, missing, next_field, typed_member,
};

/// The workouts.
pub(super) struct WorkoutElems<'s, 'v> {
    pub(super) st: &'s mut LogbookState<'v>,
}

impl<'de> Elements<'de> for WorkoutElems<'_, '_> {
    type Out = Workout;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        _: usize,
    ) -> Result<Option<Option<Workout>>, A::Error> {
        element(
            seq,
            WorkoutX {
                ctx,
                st: &mut *self.st,
            },
        )
    }
}

fields! {
    /// The members of a workout.
    WorkoutField {
        Date = "date",
        Name = "name",
        DurationSeconds = "duration_seconds",
        Program = "program",
        Week = "week",
        Day = "day",
        Sets = "sets",
        Review = "review",
        Notes = "notes",
    }
}

struct WorkoutX<'c, 'v> {
    ctx: &'c mut Ctx,
    st: &'c mut LogbookState<'v>,
}

/// An integer member in `min..=max`, as `u32`.
fn small_int<E: de::Error>(visited: Result<Option<u64>, E>) -> Result<Option<u32>, E> {
    visited.map(|n| n.and_then(|n| u32::try_from(n).ok()))
}

impl<'de> Expect<'de> for WorkoutX<'_, '_> {
    type Out = Workout;

    fn expected(&self) -> &'static str {
        "a workout object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Workout>, A::Error> {
        let Self { ctx, st } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let mut date = None;
        let mut out = Workout {
            date: replog_core::Date::default(),
            name: None,
            duration_seconds: None,
            program: None,
            week: None,
            day: None,
            sets: Vec::new(),
            review: None,
            notes: None,
        };
        let mut reference = WorkoutRef {
            path: ctx.path_with(None),
            order: start,
            program: None,
            week: None,
            day: None,
        };
        let mut sets_ok = true;
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                WorkoutField::Date => {
                    date = member!(map, ctx, "date", |ctx| DateX { ctx, field: "date" })?;
                }
                WorkoutField::Name => {
                    out.name = member!(map, ctx, "name", |ctx| StrX {
                        ctx,
                        field: "name",
                        min: 0,
                        max: PROGRAM_NAME_MAX,
                    })?;
                }
                WorkoutField::DurationSeconds => {
                    out.duration_seconds =
                        small_int(member!(map, ctx, "duration_seconds", |ctx| IntX {
                            ctx,
                            field: "duration_seconds",
                            min: 0,
                            max: WORKOUT_SECONDS_MAX,
                        }))?;
                }
                WorkoutField::Program => {
                    let order = ctx.order + 1;
                    let name = member!(map, ctx, "program", |ctx| ReqStr {
                        ctx,
                        field: "program",
                        max: PROGRAM_NAME_MAX,
                    })?;
                    reference.program = name.clone().map(|name| (order, name));
                    out.program = name;
                }
                WorkoutField::Week => {
                    let order = ctx.order + 1;
                    out.week = small_int(member!(map, ctx, "week", |ctx| IntX {
                        ctx,
                        field: "week",
                        min: 1,
                        max: MAX_WEEKS as u64,
                    }))?;
                    reference.week = out.week.map(|week| (order, week));
                }
                WorkoutField::Day => {
                    let order = ctx.order + 1;
                    out.day = small_int(member!(map, ctx, "day", |ctx| IntX {
                        ctx,
                        field: "day",
                        min: 1,
                        max: MAX_DAYS as u64,
                    }))?;
                    reference.day = out.day.map(|day| (order, day));
                }
                WorkoutField::Sets => {
                    let errors = ctx.errors();
                    let mut elements = SetElems {
                        st: &mut *st,
                        numbers: HashSet::default(),
                    };
                    out.sets = member!(map, ctx, "sets", |ctx| ArrayX {
                        ctx,
                        field: "sets",
                        expected: "an array of logged sets",
                        min: 0,
                        max: MAX_WORKOUT_SETS,
                        elements: &mut elements,
                    })?
                    .unwrap_or_default();
                    sets_ok = ctx.errors() == errors;
                }
                WorkoutField::Review => {
                    out.review = member!(map, ctx, "review", |ctx| ReviewX { ctx })?;
                }
                WorkoutField::Notes => {
                    out.notes = member!(map, ctx, "notes", |ctx| StrX {
                        ctx,
                        field: "notes",
                        min: 0,
                        max: NOTE_MAX,
                    })?;
                }
            }
        }
        ctx.leave();
        if !seen.has(WorkoutField::Date) {
            missing(ctx, start, WorkoutField::Date)?;
        }
        // Checked once every assigned program is known (programs may follow workouts).
        let given = |field| seen.has(field);
        if given(WorkoutField::Program) || given(WorkoutField::Week) || given(WorkoutField::Day) {
            st.refs.push(reference);
        }
        Ok(date.filter(|_| sets_ok).map(|date| Workout { date, ..out }))
    }
}

/// The sets of one workout, with the set numbers already used per exercise.
struct SetElems<'s, 'v> {
    st: &'s mut LogbookState<'v>,
    /// (exercise name id, warm-up, set number) seen in this workout: warm-ups are numbered on
    /// their own, so a template's set `n` is the logged working set `n`.
    numbers: HashSet<(u32, bool, u32)>,
}

impl<'de> Elements<'de> for SetElems<'_, '_> {
    type Out = LoggedSet;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        _: usize,
    ) -> Result<Option<Option<LoggedSet>>, A::Error> {
        let out = element(
            seq,
            LoggedSetX {
                ctx: &mut *ctx,
                st: &mut *self.st,
            },
        )?;
        if let Some(Some(set)) = &out {
            let warm_up = set.kind == SetKind::WarmUp;
            let name = self.st.last_name;
            if !self.numbers.insert((name, warm_up, set.set_number)) {
                let spelling = self
                    .st
                    .spellings
                    .get(name as usize)
                    .map_or("", String::as_str);
                let order = ctx.order;
                let message = format!(
                    "set_number {} of \"{}\" is given twice among this workout's {} sets; each has its own number",
                    set.set_number,
                    spelling,
                    if warm_up { "warm-up" } else { "working" }
                );
                ctx.report_member(order, "set_number", Code::Duplicate, message)?;
                return Ok(Some(None));
            }
        }
        Ok(out)
    }
}

fields! {
    /// The members of a logged set.
    LoggedSetField {
        Exercise = "exercise",
        SetNumber = "set_number",
        Reps = "reps",
        Weight = "weight",
        Rpe = "rpe",
        RepType = "rep_type",
        Kind = "kind",
        Notes = "notes",
    }
}

struct LoggedSetX<'c, 'v> {
    ctx: &'c mut Ctx,
    st: &'c mut LogbookState<'v>,
}

impl<'de> Expect<'de> for LoggedSetX<'_, '_> {
    type Out = LoggedSet;

    fn expected(&self) -> &'static str {
        "a logged set object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<LoggedSet>, A::Error> {
        let Self { ctx, st } = self;
        ctx.enter()?;
        let start = ctx.order;
        let errors = ctx.errors();
        let mut seen = Seen::default();
        let mut out = LoggedSet::new(String::new(), 0, 0, None);
        let (mut exercise, mut set_number, mut reps) = (None, None, None);
        let (mut rep_type, mut reps_order) = (Some(RepType::Reps), 0);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                LoggedSetField::Exercise => {
                    exercise = member!(map, ctx, "exercise", |ctx| LoggedNameX {
                        ctx,
                        st: &mut *st
                    })?;
                }
                LoggedSetField::SetNumber => {
                    set_number = small_int(member!(map, ctx, "set_number", |ctx| IntX {
                        ctx,
                        field: "set_number",
                        min: 1,
                        max: SET_NUMBER_MAX,
                    }))?;
                }
                LoggedSetField::Reps => {
                    reps_order = ctx.order + 1;
                    reps = member!(map, ctx, "reps", |ctx| IntX {
                        ctx,
                        field: "reps",
                        min: 0,
                        max: u64::MAX,
                    })?;
                }
                LoggedSetField::Weight => {
                    let (weight, typed) = typed_member!(map, ctx, "weight", |ctx| NumX {
                        ctx,
                        field: "weight",
                        min: WEIGHT_MIN,
                        min_exclusive: false,
                        max: WEIGHT_MAX,
                        step: None,
                    })?;
                    out.weight = weight;
                    st.weighed |= typed;
                }
                LoggedSetField::Rpe => {
                    out.rpe = member!(map, ctx, "rpe", |ctx| NumX {
                        ctx,
                        field: "rpe",
                        min: RPE_MIN,
                        min_exclusive: false,
                        max: RPE_MAX,
                        step: None,
                    })?;
                }
                LoggedSetField::RepType => {
                    rep_type = member!(map, ctx, "rep_type", |ctx| EnumX::new(ctx, "rep_type"))?;
                }
                LoggedSetField::Kind => {
                    out.kind = member!(map, ctx, "kind", |ctx| EnumX::new(ctx, "kind"))?
                        .unwrap_or(SetKind::Working);
                }
                LoggedSetField::Notes => {
                    out.notes = member!(map, ctx, "notes", |ctx| StrX {
                        ctx,
                        field: "notes",
                        min: 0,
                        max: NOTE_MAX,
                    })?;
                }
            }
        }
        ctx.leave();
        for field in [
            LoggedSetField::Exercise,
            LoggedSetField::SetNumber,
            LoggedSetField::Reps,
        ] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        if let (Some(n), Some(rep_type)) = (reps, rep_type) {
            check_reps_bound(ctx, reps_order, n, rep_type)?;
        }
        if ctx.errors() > errors {
            return Ok(None);
        }
        Ok(match (exercise, set_number, reps, rep_type) {
            (Some(exercise), Some(set_number), Some(reps), Some(rep_type)) => Some(LoggedSet {
                exercise,
                set_number,
                reps: u32::try_from(reps).unwrap_or(u32::MAX),
                rep_type,
                ..out
            }),
            _ => None,
        })
    }
}

fields! {
    /// The members of a review.
    ReviewField { Status = "status", Notes = "notes" }
}

struct ReviewX<'c> {
    ctx: &'c mut Ctx,
}

impl<'de> Expect<'de> for ReviewX<'_> {
    type Out = Review;

    fn expected(&self) -> &'static str {
        "a review object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Review>, A::Error> {
        let ctx = self.ctx;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut status, mut notes) = (None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                ReviewField::Status => {
                    status = member!(map, ctx, "status", |ctx| EnumX::new(ctx, "status"))?;
                }
                ReviewField::Notes => {
                    notes = member!(map, ctx, "notes", |ctx| StrX {
                        ctx,
                        field: "notes",
                        min: 0,
                        max: NOTE_MAX,
                    })?;
                }
            }
        }
        ctx.leave();
        if !seen.has(ReviewField::Status) {
            missing(ctx, start, ReviewField::Status)?;
        }
        Ok(status.map(|status| Review { status, notes }))
    }
}
