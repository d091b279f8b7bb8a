//! A prescribed set, with the rules between its members: reps bounded by `rep_type`, and
//! `percent_tm` excluding `weight`.

use replog_core::limits::{
    PERCENT_TM_MAX, PERCENT_TM_MIN, REPS_MIN, REST_SECONDS_MAX, RPE_MAX, RPE_MIN, RPE_STEP,
    SET_NOTES_MAX, WEIGHT_MAX, WEIGHT_MIN,
};
use replog_core::{Code, RepType, Set};
use serde::de::{self, MapAccess, SeqAccess};

use super::program::ProgramState;
use crate::engine::{
    Ctx, Elements, EnumX, Expect, IntX, Num, NumX, Seen, StrX, element, fields, member, missing,
    next_field, typed_member,
};

/// The sets of one prescribed exercise.
pub(super) struct SetElems<'s> {
    pub(super) program: &'s mut ProgramState,
}

impl<'de> Elements<'de> for SetElems<'_> {
    type Out = Set;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        _: usize,
    ) -> Result<Option<Option<Set>>, A::Error> {
        element(
            seq,
            SetX {
                ctx,
                program: &mut *self.program,
            },
        )
    }
}

fields! {
    /// The members of a set.
    SetField {
        RepType = "rep_type",
        Reps = "reps",
        PercentTm = "percent_tm",
        Weight = "weight",
        Rpe = "rpe",
        RestSeconds = "rest_seconds",
        Notes = "notes",
    }
}

struct SetX<'c> {
    ctx: &'c mut Ctx,
    program: &'c mut ProgramState,
}

impl<'de> Expect<'de> for SetX<'_> {
    type Out = Set;

    fn expected(&self) -> &'static str {
        "a set object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Set>, A::Error> {
        let Self { ctx, program } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let mut set = Set::reps(0);
        let (mut rep_type, mut reps) = (Some(RepType::Reps), None);
        let (mut reps_order, mut weight_order) = (0, 0);
        // Given with the right type (maybe out of range): only then do they relate to others.
        let (mut has_percent, mut has_weight) = (false, false);
        let errors_before = ctx.errors();
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                SetField::RepType => {
                    rep_type = member!(map, ctx, "rep_type", |ctx| EnumX::new(ctx, "rep_type"))?
                }
                SetField::Reps => {
                    reps_order = ctx.order + 1;
                    reps = member!(map, ctx, "reps", |ctx| RepsX { ctx })?;
                }
                SetField::PercentTm => {
                    (set.percent_tm, has_percent) =
                        typed_member!(map, ctx, "percent_tm", |ctx| NumX {
                            ctx,
                            field: "percent_tm",
                            min: PERCENT_TM_MIN,
                            min_exclusive: false,
                            max: PERCENT_TM_MAX,
                            step: None,
                        })?;
                }
                SetField::Weight => {
                    weight_order = ctx.order + 1;
                    (set.weight, has_weight) = typed_member!(map, ctx, "weight", |ctx| NumX {
                        ctx,
                        field: "weight",
                        min: WEIGHT_MIN,
                        min_exclusive: false,
                        max: WEIGHT_MAX,
                        step: None,
                    })?;
                }
                SetField::Rpe => {
                    set.rpe = member!(map, ctx, "rpe", |ctx| NumX {
                        ctx,
                        field: "rpe",
                        min: RPE_MIN,
                        min_exclusive: false,
                        max: RPE_MAX,
                        step: Some(RPE_STEP),
                    })?;
                }
                SetField::RestSeconds => {
                    #[allow(clippy::cast_possible_truncation)] // checked: at most 1800
                    let rest = member!(map, ctx, "rest_seconds", |ctx| IntX {
                        ctx,
                        field: "rest_seconds",
                        min: 0,
                        max: REST_SECONDS_MAX,
                    })?
                    .map(|n| n as u32);
                    set.rest_seconds = rest;
                }
                SetField::Notes => {
                    set.notes = member!(map, ctx, "notes", |ctx| StrX {
                        ctx,
                        field: "notes",
                        min: 0,
                        max: SET_NOTES_MAX
                    })?;
                }
            }
        }
        ctx.leave();
        if !seen.has(SetField::Reps) {
            missing(ctx, start, SetField::Reps)?;
        }
        if let (Some(Some(n)), Some(rep_type)) = (reps, rep_type) {
            check_reps_bound(ctx, reps_order, n, rep_type)?;
        }
        if has_weight {
            program.has_weight = true;
            if has_percent {
                let message =
                    "weight and percent_tm exclude each other; prescribe one load".to_owned();
                ctx.report_member(weight_order, "weight", Code::Conflict, message)?;
            }
        }
        if ctx.errors() > errors_before {
            return Ok(None);
        }
        #[allow(clippy::cast_possible_truncation)] // checked: at most 10000
        match (reps, rep_type) {
            (Some(reps), Some(rep_type)) => {
                set.reps = reps.map(|n| n as u32);
                set.rep_type = rep_type;
                Ok(Some(set))
            }
            _ => Ok(None),
        }
    }
}

/// `reps`: null (as many as possible) or a whole number of at least 1; the upper bound
/// depends on `rep_type` and is checked when the set ends.
struct RepsX<'c> {
    ctx: &'c mut Ctx,
}

impl<'de> Expect<'de> for RepsX<'_> {
    type Out = Option<u64>;

    const NUMBER: bool = true;

    fn expected(&self) -> &'static str {
        "an integer or null"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_null<E: de::Error>(self) -> Result<Option<Option<u64>>, E> {
        Ok(Some(None))
    }

    fn on_num<E: de::Error>(self, value: Num) -> Result<Option<Option<u64>>, E> {
        let reps = IntX {
            ctx: self.ctx,
            field: "reps",
            min: REPS_MIN,
            max: u64::MAX,
        };
        Ok(Expect::on_num::<E>(reps, value)?.map(Some))
    }
}

/// `reps` (member of the object being read, visited at `order`) within the bound its
/// `rep_type` sets: `too_big` otherwise. `true` when within.
pub(crate) fn check_reps_bound<E: de::Error>(
    ctx: &mut Ctx,
    order: u32,
    reps: u64,
    rep_type: RepType,
) -> Result<bool, E> {
    let max = rep_type.max_reps();
    if reps <= max {
        return Ok(true);
    }
    let kind = match rep_type {
        RepType::Reps => "reps",
        RepType::EachSide => "each_side",
        RepType::Seconds => "seconds",
        RepType::Distance => "distance",
    };
    let message = format!("reps must be at most {max} when rep_type is \"{kind}\", found {reps}");
    ctx.report_member(order, "reps", Code::TooBig, message)?;
    Ok(false)
}
