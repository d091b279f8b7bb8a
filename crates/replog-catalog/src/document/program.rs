//! A program template and its progression rules, and the rules that span a whole program:
//! unique names, loops, the unit, rules naming prescribed exercises.

use foldhash::HashSet;

use replog_core::limits::{
    DELOAD_FAILURES_MAX, DELOAD_FAILURES_MIN, DELOAD_PERCENT_MAX, DELOAD_PERCENT_MIN,
    DESCRIPTION_MAX, EXERCISE_NAME_MAX, GOAL_MAX, INCREMENT_MAX, MAX_RULES, MAX_WEEKS, MIN_WEEKS,
    PROGRAM_NAME_MAX,
};
use replog_core::{AppliesTo, Code, Program, ProgressionRule};
use serde::de::{self, MapAccess, SeqAccess};

use super::week::WeekElems;
use super::{DocState, NAMES_ROOM, PendingRules};
use crate::engine::{
    ArrayX, BoolX, Ctx, Elements, EnumX, Expect, IntX, NumX, ReqStr, Seen, Seg, StrX, element,
    fields, member, missing, next_field, typed_member,
};
use replog_core::normalize_into;

/// What the weeks of a program tell the program about itself.
pub(super) struct ProgramState {
    /// Some set gives an absolute `weight`.
    pub(super) has_weight: bool,
    /// The normalised names of the exercises prescribed on any day.
    pub(super) prescribed: HashSet<String>,
    /// Names, exactly as written, already prescribed and resolved without an issue: a program
    /// names the same few exercises many times, and these need no second look.
    pub(super) clean: HashSet<String>,
}

impl ProgramState {
    fn new() -> Self {
        Self {
            has_weight: false,
            prescribed: HashSet::with_capacity_and_hasher(NAMES_ROOM, Default::default()),
            clean: HashSet::with_capacity_and_hasher(NAMES_ROOM, Default::default()),
        }
    }
}

fields! {
    /// The members of a program.
    ProgramField {
        Name = "name",
        Description = "description",
        Goal = "goal",
        Unit = "unit",
        IsLoop = "is_loop",
        Weeks = "weeks",
        ProgressionRules = "progression_rules",
    }
}

/// One program of the document's `programs`, at position `index`.
pub(crate) struct ProgramX<'c, 'v> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) st: &'c mut DocState<'v>,
    pub(crate) index: usize,
}

impl<'de> Expect<'de> for ProgramX<'_, '_> {
    type Out = Program;

    fn expected(&self) -> &'static str {
        "a program object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Program>, A::Error> {
        let Self { ctx, st, index } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let mut state = ProgramState::new();
        let (mut name, mut description, mut goal, mut unit, mut is_loop) =
            (None, None, None, None, None);
        let (mut weeks, mut rules) = (None, None);
        let (mut weeks_order, mut weeks_len) = (0, None);
        let mut rule_elems = RuleElems {
            refs: Vec::new(),
            has_increment: false,
        };
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                ProgramField::Name => {
                    name = member!(map, ctx, "name", |ctx| ReqStr {
                        ctx,
                        field: "name",
                        max: PROGRAM_NAME_MAX
                    })?;
                    if let Some(name) = &name {
                        claim_program_name(ctx, st, name, index)?;
                    }
                }
                ProgramField::Description => {
                    description = member!(map, ctx, "description", |ctx| StrX {
                        ctx,
                        field: "description",
                        min: 0,
                        max: DESCRIPTION_MAX,
                    })?;
                }
                ProgramField::Goal => {
                    goal = member!(map, ctx, "goal", |ctx| StrX {
                        ctx,
                        field: "goal",
                        min: 0,
                        max: GOAL_MAX
                    })?;
                }
                ProgramField::Unit => {
                    unit = member!(map, ctx, "unit", |ctx| EnumX::new(ctx, "unit"))?
                }
                ProgramField::IsLoop => {
                    is_loop = member!(map, ctx, "is_loop", |ctx| BoolX { ctx })?
                }
                ProgramField::Weeks => {
                    weeks_order = ctx.order + 1;
                    let mut elements = WeekElems::new(&mut *st, &mut state);
                    weeks = member!(map, ctx, "weeks", |ctx| ArrayX {
                        ctx,
                        field: "weeks",
                        expected: "an array of weeks",
                        min: MIN_WEEKS,
                        max: MAX_WEEKS,
                        elements: &mut elements,
                    })?;
                    weeks_len = weeks.is_some().then_some(elements.len);
                }
                ProgramField::ProgressionRules => {
                    rules = member!(map, ctx, "progression_rules", |ctx| ArrayX {
                        ctx,
                        field: "progression_rules",
                        expected: "an array of progression rules",
                        min: 0,
                        max: MAX_RULES,
                        elements: &mut rule_elems,
                    })?;
                }
            }
        }
        ctx.leave();
        for field in [ProgramField::Name, ProgramField::Weeks] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        if let (Some(true), Some(len)) = (is_loop, weeks_len) {
            if len != 1 {
                let message =
                    format!("a loop program (is_loop: true) has exactly 1 week, found {len}");
                ctx.report_member(weeks_order, "weeks", Code::Conflict, message)?;
            }
        }
        let mut rules_to_check = Vec::with_capacity(rule_elems.refs.len());
        let mut key = String::new();
        for rule in rule_elems.refs {
            normalize_into(&rule.name, &mut key);
            let path = ctx
                .path_with(None)
                .join("progression_rules")
                .join(rule.index)
                .join("exercise");
            rules_to_check.push((rule.order, path, rule.name, key.clone()));
        }
        let pending = PendingRules {
            prescribed: std::mem::take(&mut state.prescribed),
            rules: rules_to_check,
        };
        st.rules(ctx, pending)?;
        if !seen.has(ProgramField::Unit) && (state.has_weight || rule_elems.has_increment) {
            let message =
                "unit is required because a set gives a weight or a rule an increment".to_owned();
            ctx.report_member(start, "unit", Code::Required, message)?;
        }
        Ok(match (name, weeks) {
            (Some(name), Some(weeks)) => Some(Program {
                name,
                description,
                goal,
                unit,
                is_loop: is_loop.unwrap_or(false),
                weeks,
                progression_rules: rules.unwrap_or_default(),
            }),
            _ => None,
        })
    }
}

fn claim_program_name<E: de::Error>(
    ctx: &mut Ctx,
    st: &mut DocState<'_>,
    name: &str,
    index: usize,
) -> Result<(), E> {
    if st.history {
        return Ok(());
    }
    normalize_into(name, &mut st.scratch);
    if let Some(first) = st.program_names.get(st.scratch.as_str()) {
        ctx.path.push(Seg::Key("name"));
        let order = ctx.order;
        let message = format!(
            "program name \"{name}\" is the same as /programs/{first}/name after normalisation; program names must be unique"
        );
        let reported = ctx.report(order, Code::Duplicate, message);
        ctx.path.pop();
        return reported;
    }
    st.program_names.insert(st.scratch.clone(), index);
    Ok(())
}

/// A progression rule's exercise, checked when the program ends.
pub(super) struct RuleRef {
    order: u32,
    index: usize,
    name: String,
}

/// The rules of a program, and what they tell the program.
struct RuleElems {
    refs: Vec<RuleRef>,
    has_increment: bool,
}

impl<'de> Elements<'de> for RuleElems {
    type Out = ProgressionRule;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        index: usize,
    ) -> Result<Option<Option<ProgressionRule>>, A::Error> {
        element(
            seq,
            RuleX {
                ctx,
                elems: self,
                index,
            },
        )
    }
}

fields! {
    /// The members of a progression rule.
    RuleField {
        Exercise = "exercise",
        Increment = "increment",
        Every = "every",
        AppliesTo = "applies_to",
        DeloadAfterFailures = "deload_after_failures",
        DeloadPercent = "deload_percent",
    }
}

struct RuleX<'c> {
    ctx: &'c mut Ctx,
    elems: &'c mut RuleElems,
    index: usize,
}

impl<'de> Expect<'de> for RuleX<'_> {
    type Out = ProgressionRule;

    fn expected(&self) -> &'static str {
        "a progression rule object"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn on_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<ProgressionRule>, A::Error> {
        let Self { ctx, elems, index } = self;
        ctx.enter()?;
        let start = ctx.order;
        let mut seen = Seen::default();
        let (mut exercise, mut increment, mut every, mut applies_to) = (None, None, None, None);
        let (mut failures, mut percent) = (None, None);
        let (mut failures_order, mut percent_order) = (0, 0);
        // Given with the right type (maybe out of range): only then do they relate to others.
        let (mut has_increment, mut has_failures, mut has_percent) = (false, false, false);
        while let Some(field) = next_field(&mut map, ctx, &mut seen)? {
            match field {
                RuleField::Exercise => {
                    exercise = member!(map, ctx, "exercise", |ctx| ReqStr {
                        ctx,
                        field: "exercise",
                        max: EXERCISE_NAME_MAX,
                    })?;
                    if let Some(name) = &exercise {
                        elems.refs.push(RuleRef {
                            order: ctx.order,
                            index,
                            name: name.clone(),
                        });
                    }
                }
                RuleField::Increment => {
                    (increment, has_increment) =
                        typed_member!(map, ctx, "increment", |ctx| NumX {
                            ctx,
                            field: "increment",
                            min: 0.0,
                            min_exclusive: true,
                            max: INCREMENT_MAX,
                            step: None,
                        })?;
                }
                RuleField::Every => {
                    every = member!(map, ctx, "every", |ctx| EnumX::new(ctx, "every"))?
                }
                RuleField::AppliesTo => {
                    applies_to =
                        member!(map, ctx, "applies_to", |ctx| EnumX::new(ctx, "applies_to"))?;
                }
                RuleField::DeloadAfterFailures => {
                    failures_order = ctx.order + 1;
                    (failures, has_failures) =
                        typed_member!(map, ctx, "deload_after_failures", |ctx| IntX {
                            ctx,
                            field: "deload_after_failures",
                            min: DELOAD_FAILURES_MIN,
                            max: DELOAD_FAILURES_MAX,
                        })?;
                }
                RuleField::DeloadPercent => {
                    percent_order = ctx.order + 1;
                    (percent, has_percent) =
                        typed_member!(map, ctx, "deload_percent", |ctx| NumX {
                            ctx,
                            field: "deload_percent",
                            min: DELOAD_PERCENT_MIN,
                            min_exclusive: false,
                            max: DELOAD_PERCENT_MAX,
                            step: None,
                        })?;
                }
            }
        }
        ctx.leave();
        elems.has_increment |= has_increment;
        for field in [RuleField::Exercise, RuleField::Increment, RuleField::Every] {
            if !seen.has(field) {
                missing(ctx, start, field)?;
            }
        }
        // The pair conflicts only when one is given (with the right type) and the other is absent.
        if has_failures && !seen.has(RuleField::DeloadPercent) {
            let message =
                "deload_after_failures goes with deload_percent, which is missing".to_owned();
            ctx.report_member(
                failures_order,
                "deload_after_failures",
                Code::Conflict,
                message,
            )?;
        }
        if has_percent && !seen.has(RuleField::DeloadAfterFailures) {
            let message =
                "deload_percent goes with deload_after_failures, which is missing".to_owned();
            ctx.report_member(percent_order, "deload_percent", Code::Conflict, message)?;
        }
        Ok(match (exercise, increment, every) {
            (Some(exercise), Some(increment), Some(every)) => Some(ProgressionRule {
                exercise,
                increment,
                every,
                applies_to: applies_to.unwrap_or(AppliesTo::TrainingMax),
                #[allow(clippy::cast_possible_truncation)] // checked: at most 10
                deload_after_failures: failures.map(|n| n as u8),
                deload_percent: percent,
            }),
            _ => None,
        })
    }
}
