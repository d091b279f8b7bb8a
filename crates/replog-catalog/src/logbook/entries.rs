//! The athlete, the equipment list, and the dated entries of a logbook: training maxes, body
//! weights, coach notes, goal and tier changes.

use replog_core::limits::{
    ATHLETE_NAME_MAX, BODY_WEIGHT_MAX, GOAL_MAX, NOTE_MAX, WEIGHT_MAX, WEIGHT_MIN,
};
use replog_core::{Athlete, BodyWeight, CoachNote, Date, GoalChange, TierChange, TrainingMax};
use serde::de::{MapAccess, SeqAccess};

use super::{LogbookState, LoggedNameX};
use crate::engine::{
    BoolX, Ctx, DateX, Elements, EnumX, Expect, NameX, NumX, ReqStr, Seen, StrX, TokenX, element,
    fields, member, missing, next_field,
};

/// Elements that need nothing but the context: `$elems` visits each with `$x { ctx }`.
macro_rules! plain_elements {
    ($(#[$meta:meta])* $elems:ident => $x:ident, $out:ty) => {
        $(#[$meta])*
        pub(super) struct $elems;

        impl<'de> Elements<'de> for $elems {
            type Out = $out;

            fn next<A: SeqAccess<'de>>(
                &mut self,
                ctx: &mut Ctx,
                seq: &mut A,
                _: usize,
            ) -> Result<Option<Option<$out>>, A::Error> {
                element(seq, $x { ctx })
            }
        }
    };
}

/// A date member.
fn date<'c>(ctx: &'c mut Ctx, field: &'static str) -> DateX<'c> {
    DateX { ctx, field }
}

/// A weight member in the logbook's unit, from 0 to `max`.
fn weight(ctx: &mut Ctx, max: f64) -> NumX<'_> {
    NumX {
        ctx,
        field: "weight",
        min: WEIGHT_MIN,
        min_exclusive: false,
        max,
        step: None,
    }
}

/// Optional free text of at most `max` characters.
fn text<'c>(ctx: &'c mut Ctx, field: &'static str, max: usize) -> StrX<'c> {
    StrX {
        ctx,
        field,
        min: 0,
        max,
    }
}

fields! {
    /// The members of the athlete.
    AthleteField { Name = "name", BirthDate = "birth_date", Tier = "tier", Goal = "goal", Notes = "notes" }
}

/// The athlete.
pub(super) struct AthleteX<'c> {
    pub(super) ctx: &'c mut Ctx,
}

impl<'de> Expect<'de> for AthleteX<'_> {
    type Out = Athlete;

    fn expected(&self) -> &'static str {
        "an athlete object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Athlete>, A::Error> {
        let ctx = self.ctx;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let mut out = Athlete::named(String::new());
        let mut name = None;
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                AthleteField::Name => {
                    name = member!(map, ctx, "name", |ctx| NameX(StrX {
                        ctx,
                        field: "name",
                        min: 1,
                        max: ATHLETE_NAME_MAX,
                    }))?;
                }
                AthleteField::BirthDate => {
                    out.birth_date =
                        member!(map, ctx, "birth_date", |ctx| date(ctx, "birth_date"))?;
                }
                AthleteField::Tier => {
                    out.tier = member!(map, ctx, "tier", |ctx| EnumX::new(ctx, "tier"))?;
                }
                AthleteField::Goal => {
                    out.goal = member!(map, ctx, "goal", |ctx| text(ctx, "goal", GOAL_MAX))?;
                }
                AthleteField::Notes => {
                    out.notes = member!(map, ctx, "notes", |ctx| text(ctx, "notes", NOTE_MAX))?;
                }
            }
        }
        ctx.leave();
        if !seen.has(AthleteField::Name) {
            missing(ctx, start, AthleteField::Name)?;
        }
        Ok(name.map(|name| Athlete { name, ..out }))
    }
}

/// The equipment list: snake_case tokens.
pub(super) struct EquipmentElems;

impl<'de> Elements<'de> for EquipmentElems {
    type Out = String;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        _: usize,
    ) -> Result<Option<Option<String>>, A::Error> {
        element(
            seq,
            TokenX {
                ctx,
                field: "equipment",
            },
        )
    }
}

fields! {
    /// The members of a training max.
    TrainingMaxField { Exercise = "exercise", Weight = "weight", EffectiveDate = "effective_date" }
}

/// The training maxes.
pub(super) struct TrainingMaxElems<'s, 'v> {
    pub(super) st: &'s mut LogbookState<'v>,
}

impl<'de> Elements<'de> for TrainingMaxElems<'_, '_> {
    type Out = TrainingMax;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        _: usize,
    ) -> Result<Option<Option<TrainingMax>>, A::Error> {
        element(
            seq,
            TrainingMaxX {
                ctx,
                st: &mut *self.st,
            },
        )
    }
}

struct TrainingMaxX<'c, 'v> {
    ctx: &'c mut Ctx,
    st: &'c mut LogbookState<'v>,
}

impl<'de> Expect<'de> for TrainingMaxX<'_, '_> {
    type Out = TrainingMax;

    fn expected(&self) -> &'static str {
        "a training max object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<TrainingMax>, A::Error> {
        let Self { ctx, st } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut exercise, mut weight_kg, mut effective) = (None, None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                TrainingMaxField::Exercise => {
                    exercise = member!(map, ctx, "exercise", |ctx| LoggedNameX {
                        ctx,
                        st: &mut *st
                    })?;
                }
                TrainingMaxField::Weight => {
                    weight_kg = member!(map, ctx, "weight", |ctx| weight(ctx, WEIGHT_MAX))?;
                    st.weighed |= weight_kg.is_some();
                }
                TrainingMaxField::EffectiveDate => {
                    effective = member!(map, ctx, "effective_date", |ctx| date(
                        ctx,
                        "effective_date"
                    ))?;
                }
            }
        }
        ctx.leave();
        for field in [
            TrainingMaxField::Exercise,
            TrainingMaxField::Weight,
            TrainingMaxField::EffectiveDate,
        ] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        Ok(match (exercise, weight_kg, effective) {
            (Some(exercise), Some(weight), Some(effective_date)) => Some(TrainingMax {
                exercise,
                weight,
                effective_date,
            }),
            _ => None,
        })
    }
}

fields! {
    /// The members of a body weight.
    BodyWeightField { Date = "date", Weight = "weight" }
}

/// The body weights.
pub(super) struct BodyWeightElems<'s, 'v> {
    pub(super) st: &'s mut LogbookState<'v>,
}

impl<'de> Elements<'de> for BodyWeightElems<'_, '_> {
    type Out = BodyWeight;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        _: usize,
    ) -> Result<Option<Option<BodyWeight>>, A::Error> {
        let out = element(seq, BodyWeightX { ctx })?;
        self.st.weighed |= matches!(out, Some(Some(_)));
        Ok(out)
    }
}

struct BodyWeightX<'c> {
    ctx: &'c mut Ctx,
}

impl<'de> Expect<'de> for BodyWeightX<'_> {
    type Out = BodyWeight;

    fn expected(&self) -> &'static str {
        "a body weight object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<BodyWeight>, A::Error> {
        let ctx = self.ctx;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut day, mut kilos) = (None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                BodyWeightField::Date => day = member!(map, ctx, "date", |ctx| date(ctx, "date"))?,
                BodyWeightField::Weight => {
                    kilos = member!(map, ctx, "weight", |ctx| weight(ctx, BODY_WEIGHT_MAX))?;
                }
            }
        }
        ctx.leave();
        for field in [BodyWeightField::Date, BodyWeightField::Weight] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        Ok(day
            .zip(kilos)
            .map(|(date, weight)| BodyWeight { date, weight }))
    }
}

fields! {
    /// The members of a coach note.
    NoteField { Date = "date", Content = "content", IsPrivate = "is_private", Pinned = "pinned" }
}

plain_elements!(
    /// The coach notes.
    NoteElems => NoteX, CoachNote
);

struct NoteX<'c> {
    ctx: &'c mut Ctx,
}

impl<'de> Expect<'de> for NoteX<'_> {
    type Out = CoachNote;

    fn expected(&self) -> &'static str {
        "a note object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<CoachNote>, A::Error> {
        let ctx = self.ctx;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut day, mut content, mut is_private, mut pinned) = (None, None, None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                NoteField::Date => day = member!(map, ctx, "date", |ctx| date(ctx, "date"))?,
                NoteField::Content => {
                    content = member!(map, ctx, "content", |ctx| ReqStr {
                        ctx,
                        field: "content",
                        max: NOTE_MAX
                    })?;
                }
                NoteField::IsPrivate => {
                    is_private = member!(map, ctx, "is_private", |ctx| BoolX { ctx })?;
                }
                NoteField::Pinned => pinned = member!(map, ctx, "pinned", |ctx| BoolX { ctx })?,
            }
        }
        ctx.leave();
        for field in [NoteField::Date, NoteField::Content] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        Ok(day.zip(content).map(|(date, content)| CoachNote {
            date,
            content,
            is_private: is_private.unwrap_or(false),
            pinned: pinned.unwrap_or(false),
        }))
    }
}

fields! {
    /// The members of a goal change.
    GoalField { Date = "date", Goal = "goal" }
}

plain_elements!(
    /// The goal history.
    GoalElems => GoalX, GoalChange
);

struct GoalX<'c> {
    ctx: &'c mut Ctx,
}

impl<'de> Expect<'de> for GoalX<'_> {
    type Out = GoalChange;

    fn expected(&self) -> &'static str {
        "a goal object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<GoalChange>, A::Error> {
        let ctx = self.ctx;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut day, mut goal) = (None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                GoalField::Date => day = member!(map, ctx, "date", |ctx| date(ctx, "date"))?,
                GoalField::Goal => {
                    goal = member!(map, ctx, "goal", |ctx| ReqStr {
                        ctx,
                        field: "goal",
                        max: GOAL_MAX
                    })?;
                }
            }
        }
        ctx.leave();
        for field in [GoalField::Date, GoalField::Goal] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        Ok(day.zip(goal).map(|(date, goal)| GoalChange { date, goal }))
    }
}

fields! {
    /// The members of a tier change.
    TierField { Date = "date", Tier = "tier" }
}

plain_elements!(
    /// The tier history.
    TierElems => TierX, TierChange
);

struct TierX<'c> {
    ctx: &'c mut Ctx,
}

impl<'de> Expect<'de> for TierX<'_> {
    type Out = TierChange;

    fn expected(&self) -> &'static str {
        "a tier object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<TierChange>, A::Error> {
        let ctx = self.ctx;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut day, mut tier) = (None::<Date>, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                TierField::Date => day = member!(map, ctx, "date", |ctx| date(ctx, "date"))?,
                TierField::Tier => tier = member!(map, ctx, "tier", |ctx| EnumX::new(ctx, "tier"))?,
            }
        }
        ctx.leave();
        for field in [TierField::Date, TierField::Tier] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        Ok(day.zip(tier).map(|(date, tier)| TierChange { date, tier }))
    }
}
