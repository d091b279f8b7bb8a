//! An exercise of the document's catalog, and the uniqueness of names and aliases.

use replog_core::Exercise;
use replog_core::limits::{EXERCISE_NAME_MAX, FORM_NOTES_MAX, MAX_ALIASES};
use serde::de::{MapAccess, SeqAccess};

use super::{DocState, NameAt};
use crate::engine::{
    ArrayX, Ctx, Elements, EnumX, Expect, NameX, ReqStr, Seen, StrX, TokenX, element, fields,
    member, missing, next_field,
};

fields! {
    /// The members of an exercise.
    ExerciseField {
        Name = "name",
        Aliases = "aliases",
        Tier = "tier",
        Category = "category",
        Equipment = "equipment",
        Muscles = "muscles",
        FormNotes = "form_notes",
    }
}

/// One exercise of the document's `exercises`, at position `index`.
pub(super) struct ExerciseX<'c, 'v> {
    pub(super) ctx: &'c mut Ctx,
    pub(super) st: &'c mut DocState<'v>,
    pub(super) index: usize,
}

impl<'de> Expect<'de> for ExerciseX<'_, '_> {
    type Out = Exercise;

    fn expected(&self) -> &'static str {
        "an exercise object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Exercise>, A::Error> {
        let Self { ctx, st, index } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let mut out = Exercise::named(String::new());
        let mut name_ok = false;
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                ExerciseField::Name => {
                    let name = member!(map, ctx, "name", |ctx| ReqStr {
                        ctx,
                        field: "name",
                        max: EXERCISE_NAME_MAX,
                    })?;
                    if let Some(name) = name {
                        ctx.path.push(crate::engine::Seg::Key("name"));
                        let order = ctx.order;
                        st.claim_name(
                            ctx,
                            order,
                            &name,
                            NameAt {
                                exercise: index,
                                alias: None,
                            },
                        )?;
                        ctx.path.pop();
                        out.name = name;
                        name_ok = true;
                    }
                }
                ExerciseField::Aliases => {
                    let aliases = member!(map, ctx, "aliases", |ctx| ArrayX {
                        ctx,
                        field: "aliases",
                        expected: "an array of strings",
                        min: 0,
                        max: MAX_ALIASES,
                        elements: AliasElems {
                            st: &mut *st,
                            exercise: index
                        },
                    })?;
                    out.aliases = aliases.unwrap_or_default();
                }
                ExerciseField::Tier => {
                    out.tier = member!(map, ctx, "tier", |ctx| EnumX::new(ctx, "tier"))?;
                }
                ExerciseField::Category => {
                    out.category =
                        member!(map, ctx, "category", |ctx| EnumX::new(ctx, "category"))?;
                }
                ExerciseField::Equipment => {
                    out.equipment = member!(map, ctx, "equipment", |ctx| tokens(ctx, "equipment"))?
                        .unwrap_or_default();
                }
                ExerciseField::Muscles => {
                    out.muscles = member!(map, ctx, "muscles", |ctx| tokens(ctx, "muscles"))?
                        .unwrap_or_default();
                }
                ExerciseField::FormNotes => {
                    out.form_notes = member!(map, ctx, "form_notes", |ctx| StrX {
                        ctx,
                        field: "form_notes",
                        min: 0,
                        max: FORM_NOTES_MAX,
                    })?;
                }
            }
        }
        ctx.leave();
        if !seen.has(ExerciseField::Name) {
            missing(ctx, start, ExerciseField::Name)?;
        }
        // Keep the position-to-exercise table aligned even for an exercise with issues.
        if st.exercises.len() <= index {
            st.exercises.resize_with(index + 1, Default::default);
        }
        let equipment = match st.against.equipment {
            Some(_) => out.equipment.clone(),
            None => Vec::new(),
        };
        st.exercises[index] = (out.name.clone(), equipment);
        Ok(name_ok.then_some(out))
    }
}

fn tokens<'c>(ctx: &'c mut Ctx, field: &'static str) -> ArrayX<'c, TokenElems> {
    ArrayX {
        ctx,
        field,
        expected: "an array of snake_case names",
        min: 0,
        max: usize::MAX,
        elements: TokenElems { field },
    }
}

struct TokenElems {
    field: &'static str,
}

impl<'de> Elements<'de> for TokenElems {
    type Out = String;
    // The equipment check reads an exercise's equipment.
    const KEEP: bool = true;

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
                field: self.field,
            },
        )
    }
}

struct AliasElems<'s, 'v> {
    st: &'s mut DocState<'v>,
    exercise: usize,
}

impl<'de> Elements<'de> for AliasElems<'_, '_> {
    type Out = String;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        index: usize,
    ) -> Result<Option<Option<String>>, A::Error> {
        let alias = element(
            seq,
            NameX(StrX {
                ctx: &mut *ctx,
                field: "alias",
                min: 1,
                max: EXERCISE_NAME_MAX,
            }),
        )?;
        if let Some(Some(alias)) = &alias {
            let order = ctx.order;
            let at = NameAt {
                exercise: self.exercise,
                alias: Some(index),
            };
            self.st.claim_name(ctx, order, alias, at)?;
        }
        Ok(alias)
    }
}
