//! Weeks, days and prescribed exercises, with the rules of their numbering and ordering.

use replog_core::limits::{
    DAY_NAME_MAX, DAY_NUMBER_MAX, DAY_NUMBER_MIN, EXERCISE_NAME_MAX, EXERCISE_NOTES_MAX,
    MAX_DAY_EXERCISES, MAX_DAYS, MAX_SETS, MIN_DAY_EXERCISES, MIN_DAYS, MIN_SETS, SORT_ORDER_MIN,
    WEEK_LABEL_MAX,
};
use replog_core::{Code, Day, PrescribedExercise, Superset, Week};
use serde::de::{self, MapAccess, SeqAccess};

use super::DocState;
use super::program::ProgramState;
use super::set::SetElems;
use crate::engine::{
    ArrayX, Ctx, Elements, Expect, IntX, Num, Quoted, Seen, StrX, element, fields, member, missing,
    next_field, required_text,
};
use replog_core::normalize_into;

/// The weeks of one program: numbered 1, 2, ... n in array order.
pub(super) struct WeekElems<'s, 'v> {
    st: &'s mut DocState<'v>,
    program: &'s mut ProgramState,
    /// How many weeks the array has, valid or not.
    pub(super) len: usize,
    /// A week number already broke the sequence (reported once per program).
    broken: bool,
}

impl<'s, 'v> WeekElems<'s, 'v> {
    pub(super) fn new(st: &'s mut DocState<'v>, program: &'s mut ProgramState) -> Self {
        Self {
            st,
            program,
            len: 0,
            broken: false,
        }
    }
}

impl<'de> Elements<'de> for WeekElems<'_, '_> {
    type Out = Week;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        index: usize,
    ) -> Result<Option<Option<Week>>, A::Error> {
        let week = element(
            seq,
            WeekX {
                ctx,
                weeks: self,
                expected: index + 1,
            },
        )?;
        if week.is_some() {
            self.len += 1;
        }
        Ok(week)
    }
}

fields! {
    /// The members of a week.
    WeekField { Number = "number", Label = "label", Days = "days" }
}

struct WeekX<'c, 's, 'v> {
    ctx: &'c mut Ctx,
    weeks: &'c mut WeekElems<'s, 'v>,
    expected: usize,
}

impl<'de> Expect<'de> for WeekX<'_, '_, '_> {
    type Out = Week;

    fn expected(&self) -> &'static str {
        "a week object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Week>, A::Error> {
        let Self {
            ctx,
            weeks,
            expected,
        } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut number, mut label, mut days) = (None, None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                WeekField::Number => {
                    number = member!(map, ctx, "number", |ctx| WeekNumberX {
                        ctx,
                        expected,
                        broken: &mut weeks.broken,
                    })?;
                }
                WeekField::Label => {
                    label = member!(map, ctx, "label", |ctx| StrX {
                        ctx,
                        field: "label",
                        min: 1,
                        max: WEEK_LABEL_MAX,
                    })?;
                }
                WeekField::Days => {
                    let elements = DayElems {
                        st: &mut *weeks.st,
                        program: &mut *weeks.program,
                        seen: 0,
                        last: 0,
                    };
                    days = member!(map, ctx, "days", |ctx| ArrayX {
                        ctx,
                        field: "days",
                        expected: "an array of days",
                        min: MIN_DAYS,
                        max: MAX_DAYS,
                        elements,
                    })?;
                }
            }
        }
        ctx.leave();
        for field in [WeekField::Number, WeekField::Days] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        Ok(match (number, days) {
            (Some(number), Some(days)) => Some(Week {
                number,
                label,
                days,
            }),
            _ => None,
        })
    }
}

/// A week's number: an integer equal to the week's position (1-based).
struct WeekNumberX<'c> {
    ctx: &'c mut Ctx,
    expected: usize,
    broken: &'c mut bool,
}

impl<'de> Expect<'de> for WeekNumberX<'_> {
    type Out = u32;

    const NUMBER: bool = true;

    fn expected(&self) -> &'static str {
        "an integer"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_num<E: de::Error>(self, value: Num) -> Result<Option<u32>, E> {
        let order = self.ctx.order;
        if let Num::F(f) = value {
            if f.fract() != 0.0 {
                let message = format!("number must be a whole number, found {value}");
                self.ctx.report(order, Code::NotInteger, message)?;
                return Ok(None);
            }
        }
        #[allow(clippy::cast_precision_loss, clippy::float_cmp)] // small whole numbers
        if value.as_f64() == self.expected as f64 {
            return Ok(u32::try_from(self.expected).ok());
        }
        if !*self.broken {
            *self.broken = true;
            let message = format!(
                "week number {value} is out of sequence: weeks are numbered 1, 2, ... in order, so this one is {}",
                self.expected
            );
            self.ctx.report(order, Code::OutOfSequence, message)?;
        }
        Ok(None)
    }
}

/// The days of one week: numbers 1-7, strictly ascending.
struct DayElems<'s, 'v> {
    st: &'s mut DocState<'v>,
    program: &'s mut ProgramState,
    /// The day numbers seen, as bits.
    seen: u8,
    /// The largest day number seen.
    last: u64,
}

impl<'de> Elements<'de> for DayElems<'_, '_> {
    type Out = Day;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        _: usize,
    ) -> Result<Option<Option<Day>>, A::Error> {
        element(seq, DayX { ctx, days: self })
    }
}

fields! {
    /// The members of a day.
    DayField { Number = "number", Name = "name", Exercises = "exercises" }
}

struct DayX<'c, 's, 'v> {
    ctx: &'c mut Ctx,
    days: &'c mut DayElems<'s, 'v>,
}

impl<'de> Expect<'de> for DayX<'_, '_, '_> {
    type Out = Day;

    fn expected(&self) -> &'static str {
        "a day object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Day>, A::Error> {
        let Self { ctx, days } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut number, mut name, mut exercises) = (None, None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                DayField::Number => {
                    number = member!(map, ctx, "number", |ctx| IntX {
                        ctx,
                        field: "number",
                        min: DAY_NUMBER_MIN,
                        max: DAY_NUMBER_MAX,
                    })?;
                    if let Some(n) = number {
                        number = day_in_sequence(ctx, days, n)?.then_some(n);
                    }
                }
                DayField::Name => {
                    name = member!(map, ctx, "name", |ctx| StrX {
                        ctx,
                        field: "name",
                        min: 1,
                        max: DAY_NAME_MAX
                    })?;
                }
                DayField::Exercises => {
                    let elements = PrescribedElems {
                        st: &mut *days.st,
                        program: &mut *days.program,
                        sort_orders: SortOrders::default(),
                    };
                    exercises = member!(map, ctx, "exercises", |ctx| ArrayX {
                        ctx,
                        field: "exercises",
                        expected: "an array of prescribed exercises",
                        min: MIN_DAY_EXERCISES,
                        max: MAX_DAY_EXERCISES,
                        elements,
                    })?;
                }
            }
        }
        ctx.leave();
        for field in [DayField::Number, DayField::Exercises] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        Ok(match (number, exercises) {
            #[allow(clippy::cast_possible_truncation)] // checked: 1-7
            (Some(number), Some(exercises)) => Some(Day {
                number: number as u8,
                name,
                exercises,
            }),
            _ => None,
        })
    }
}

/// Checks a valid day number against the week's earlier days (the member just read).
fn day_in_sequence<E: de::Error>(
    ctx: &mut Ctx,
    days: &mut DayElems<'_, '_>,
    n: u64,
) -> Result<bool, E> {
    let bit = 1u8 << (n - 1);
    let order = ctx.order;
    ctx.path.push(crate::engine::Seg::Key("number"));
    let result = if days.seen & bit != 0 {
        ctx.report(
            order,
            Code::Duplicate,
            format!("day number {n} is given twice in this week"),
        )
        .map(|()| false)
    } else if n < days.last {
        let message = format!(
            "day number {n} is out of sequence: it follows day {} (day numbers ascend within a week)",
            days.last
        );
        ctx.report(order, Code::OutOfSequence, message)
            .map(|()| false)
    } else {
        Ok(true)
    };
    ctx.path.pop();
    days.seen |= bit;
    days.last = days.last.max(n);
    result
}

/// The exercises of one day: sort orders unique within the day.
struct PrescribedElems<'s, 'v> {
    st: &'s mut DocState<'v>,
    program: &'s mut ProgramState,
    sort_orders: SortOrders,
}

/// The sort orders of one day: those below 64 (all of them, in practice) as bits, any others
/// in a set, so the check allocates nothing for a usual day and stays linear for a hostile one.
#[derive(Default)]
struct SortOrders {
    small: u64,
    large: Option<foldhash::HashSet<u64>>,
}

impl SortOrders {
    /// Adds `n`; `false` if the day had it already.
    fn insert(&mut self, n: u64) -> bool {
        if n < 64 {
            let bit = 1 << n;
            let new = self.small & bit == 0;
            self.small |= bit;
            return new;
        }
        self.large.get_or_insert_with(Default::default).insert(n)
    }
}

impl<'de> Elements<'de> for PrescribedElems<'_, '_> {
    type Out = PrescribedExercise;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        _: usize,
    ) -> Result<Option<Option<PrescribedExercise>>, A::Error> {
        element(seq, PrescribedX { ctx, day: self })
    }
}

fields! {
    /// The members of a prescribed exercise.
    PrescribedField {
        Exercise = "exercise",
        SortOrder = "sort_order",
        Superset = "superset",
        Notes = "notes",
        Sets = "sets",
    }
}

struct PrescribedX<'c, 's, 'v> {
    ctx: &'c mut Ctx,
    day: &'c mut PrescribedElems<'s, 'v>,
}

impl<'de> Expect<'de> for PrescribedX<'_, '_, '_> {
    type Out = PrescribedExercise;

    fn expected(&self) -> &'static str {
        "a prescribed exercise object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<PrescribedExercise>, A::Error> {
        let Self { ctx, day } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut exercise, mut sort_order, mut superset, mut notes, mut sets) =
            (None, None, None, None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                PrescribedField::Exercise => {
                    exercise = member!(map, ctx, "exercise", |ctx| RefX {
                        ctx,
                        day: &mut *day
                    })?;
                }
                PrescribedField::SortOrder => {
                    sort_order = member!(map, ctx, "sort_order", |ctx| IntX {
                        ctx,
                        field: "sort_order",
                        min: SORT_ORDER_MIN,
                        max: u64::from(u32::MAX),
                    })?;
                    if let Some(n) = sort_order {
                        if !day.sort_orders.insert(n) {
                            let order = ctx.order;
                            let message = format!("sort_order {n} is given twice in this day");
                            ctx.report_member(order, "sort_order", Code::Duplicate, message)?;
                            sort_order = None;
                        }
                    }
                }
                PrescribedField::Superset => {
                    superset = member!(map, ctx, "superset", |ctx| SupersetX { ctx })?
                }
                PrescribedField::Notes => {
                    notes = member!(map, ctx, "notes", |ctx| StrX {
                        ctx,
                        field: "notes",
                        min: 0,
                        max: EXERCISE_NOTES_MAX,
                    })?;
                }
                PrescribedField::Sets => {
                    sets = member!(map, ctx, "sets", |ctx| ArrayX {
                        ctx,
                        field: "sets",
                        expected: "an array of sets",
                        min: MIN_SETS,
                        max: MAX_SETS,
                        elements: SetElems {
                            program: &mut *day.program
                        },
                    })?;
                }
            }
        }
        ctx.leave();
        for field in [
            PrescribedField::Exercise,
            PrescribedField::SortOrder,
            PrescribedField::Sets,
        ] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        Ok(match (exercise, sort_order, sets) {
            #[allow(clippy::cast_possible_truncation)] // checked: fits u32
            (Some(exercise), Some(sort_order), Some(sets)) => Some(PrescribedExercise {
                exercise,
                sort_order: sort_order as u32,
                superset,
                notes,
                sets,
            }),
            _ => None,
        })
    }
}

/// A prescribed exercise's name: checked, noted as prescribed in the program, and resolved
/// against the catalog in force, all while the parser still holds the text.
struct RefX<'c, 'd, 's, 'v> {
    ctx: &'c mut Ctx,
    day: &'d mut PrescribedElems<'s, 'v>,
}

impl<'de> Expect<'de> for RefX<'_, '_, '_, '_> {
    type Out = String;

    const STRING: bool = true;

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_str<E: de::Error>(self, value: &str) -> Result<Option<String>, E> {
        let Self { ctx, day } = self;
        let Some(name) = required_text(ctx, "exercise", value, EXERCISE_NAME_MAX)? else {
            return Ok(None);
        };
        if !day.program.clean.contains(name) {
            let st = &mut *day.st;
            let mut key = std::mem::take(&mut st.scratch);
            normalize_into(name, &mut key);
            if !day.program.prescribed.contains(key.as_str()) {
                day.program.prescribed.insert(key.clone());
            }
            let order = ctx.order;
            let clean = st.refer(ctx, order, name, &key);
            st.scratch = key;
            if clean? {
                day.program.clean.insert(name.to_owned());
            }
        }
        Ok(Some(if ctx.build {
            name.to_owned()
        } else {
            String::new()
        }))
    }
}

/// A superset letter, `^[A-Z]$`.
struct SupersetX<'c> {
    ctx: &'c mut Ctx,
}

impl<'de> Expect<'de> for SupersetX<'_> {
    type Out = Superset;

    const STRING: bool = true;

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_str<E: de::Error>(self, value: &str) -> Result<Option<Superset>, E> {
        let mut chars = value.chars();
        if let (Some(group), None) = (chars.next().and_then(Superset::new), chars.next()) {
            return Ok(Some(group));
        }
        let order = self.ctx.order;
        let message = format!(
            "superset must be one capital letter A-Z, found {}",
            Quoted(value)
        );
        self.ctx.report(order, Code::InvalidFormat, message)?;
        Ok(None)
    }
}
