//! An assigned program: a unique name, its status, and its template read as a CatalogJSON
//! program.

use replog_core::limits::{GOAL_MAX, PROGRAM_NAME_MAX};
use replog_core::{AssignedProgram, Code, normalize_into};
use serde::de::{MapAccess, SeqAccess};

use super::{LogbookState, Shape};
use crate::document::ProgramX;
use crate::engine::{
    Ctx, DateX, Elements, EnumX, Expect, ReqStr, Seen, Seg, StrX, element, fields, member, missing,
    next_field,
};

/// The assigned programs.
pub(super) struct ProgramElems<'s, 'v> {
    pub(super) st: &'s mut LogbookState<'v>,
}

impl<'de> Elements<'de> for ProgramElems<'_, '_> {
    type Out = AssignedProgram;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        index: usize,
    ) -> Result<Option<Option<AssignedProgram>>, A::Error> {
        // Keep the position-to-shape table aligned even for a program with issues.
        if self.st.shapes.len() <= index {
            self.st.shapes.resize_with(index + 1, || None);
        }
        element(
            seq,
            AssignedX {
                ctx,
                st: &mut *self.st,
                index,
            },
        )
    }
}

fields! {
    /// The members of an assigned program.
    AssignedField {
        Name = "name",
        AssignedAt = "assigned_at",
        Status = "status",
        Goal = "goal",
        Template = "template",
    }
}

struct AssignedX<'c, 'v> {
    ctx: &'c mut Ctx,
    st: &'c mut LogbookState<'v>,
    index: usize,
}

impl<'de> Expect<'de> for AssignedX<'_, '_> {
    type Out = AssignedProgram;

    fn expected(&self) -> &'static str {
        "an assigned program object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<AssignedProgram>, A::Error> {
        let Self { ctx, st, index } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut name, mut assigned_at, mut status, mut goal, mut template) =
            (None, None, None, None, None);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                AssignedField::Name => {
                    name = member!(map, ctx, "name", |ctx| ReqStr {
                        ctx,
                        field: "name",
                        max: PROGRAM_NAME_MAX,
                    })?;
                    if let Some(name) = &name {
                        claim_name(ctx, st, name, index)?;
                    }
                }
                AssignedField::AssignedAt => {
                    assigned_at = member!(map, ctx, "assigned_at", |ctx| DateX {
                        ctx,
                        field: "assigned_at"
                    })?;
                }
                AssignedField::Status => {
                    status = member!(map, ctx, "status", |ctx| EnumX::new(ctx, "status"))?;
                }
                AssignedField::Goal => {
                    goal = member!(map, ctx, "goal", |ctx| StrX {
                        ctx,
                        field: "goal",
                        min: 0,
                        max: GOAL_MAX,
                    })?;
                }
                AssignedField::Template => {
                    // Workouts are checked against the template's weeks and days, so it is
                    // built even when the logbook is only checked; templates are small.
                    let (build, errors) = (ctx.build, ctx.errors());
                    ctx.build = true;
                    let read = member!(map, ctx, "template", |ctx| ProgramX {
                        ctx,
                        st: &mut st.templates,
                        index,
                    });
                    ctx.build = build;
                    template = read?;
                    if ctx.errors() == errors {
                        if let (Some(program), Some(slot)) = (&template, st.shapes.get_mut(index)) {
                            *slot = Some(Shape {
                                is_loop: program.is_loop,
                                days: program
                                    .weeks
                                    .iter()
                                    .map(|week| week.days.iter().map(|day| day.number).collect())
                                    .collect(),
                            });
                        }
                    }
                }
            }
        }
        ctx.leave();
        for field in [
            AssignedField::Name,
            AssignedField::AssignedAt,
            AssignedField::Status,
            AssignedField::Template,
        ] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        Ok(match (name, assigned_at, status, template) {
            (Some(name), Some(assigned_at), Some(status), Some(template)) => {
                Some(AssignedProgram {
                    name,
                    assigned_at,
                    status,
                    goal,
                    template,
                })
            }
            _ => None,
        })
    }
}

/// Claims an assigned program's name (the member `name` of the current object); reports
/// `duplicate` when an earlier program has the same name after normalisation.
fn claim_name<E: serde::de::Error>(
    ctx: &mut Ctx,
    st: &mut LogbookState<'_>,
    name: &str,
    index: usize,
) -> Result<(), E> {
    normalize_into(name, &mut st.scratch);
    if let Some(first) = st.program_names.get(st.scratch.as_str()) {
        ctx.path.push(Seg::Key("name"));
        let order = ctx.order;
        let message = format!(
            "program name \"{name}\" is the same as /programs/{first}/name after normalisation; workouts could not tell them apart"
        );
        let reported = ctx.report(order, Code::Duplicate, message);
        ctx.path.pop();
        return reported;
    }
    st.program_names.insert(st.scratch.clone(), index);
    Ok(())
}
