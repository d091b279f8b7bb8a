//! The validation context: the path being visited, the issues found so far, and the bounds.

use std::borrow::Cow;

use replog_core::{Code, Issue, Path, Segment};
use serde::de;

/// One step of the path being visited. Known members are `'static` names, so walking the
/// document allocates nothing for paths; a [`Path`] is built only when an issue is reported.
///
/// `Copy`, so that taking a step back drops nothing.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Seg {
    Key(&'static str),
    Index(usize),
    /// A member the spec does not name, while its value is skipped: its name is the next of
    /// [`Ctx`]'s unknown names.
    Unknown,
}

/// The most steps a path can have: the reader allows 128 levels of nesting (its own bound,
/// whatever the limits), and a value is at most two steps deeper than its container (a member
/// and a step a rule reports at).
const STEPS_MAX: usize = 256;

/// The path being visited, held inline: a step costs a store and a step back a subtraction.
/// The `Vec` of steps that could own a name it replaces cost 3.5-7 % of the browser package's
/// time on the sample program against a build with no steps at all (a step for every member
/// and element, measured in Node); this takes about half that (0.975x the time of the `Vec`).
#[derive(Debug)]
pub(crate) struct Steps {
    steps: [Seg; STEPS_MAX],
    len: usize,
}

impl Steps {
    fn new() -> Self {
        Self {
            steps: [Seg::Index(0); STEPS_MAX],
            len: 0,
        }
    }

    /// Steps into `seg`.
    #[inline]
    pub(crate) fn push(&mut self, seg: Seg) {
        // Within the bound by construction (see `STEPS_MAX`), so no step is ever dropped.
        debug_assert!(self.len < STEPS_MAX, "a path deeper than the reader allows");
        if let Some(slot) = self.steps.get_mut(self.len) {
            *slot = seg;
        }
        self.len += 1;
    }

    /// Steps back out of the last step.
    #[inline]
    pub(crate) fn pop(&mut self) {
        self.len = self.len.saturating_sub(1);
    }

    fn iter(&self) -> impl Iterator<Item = &Seg> {
        self.steps.iter().take(self.len)
    }
}

/// Why the parse stopped early.
#[derive(Debug)]
enum Stop {
    /// A problem that ends the work: nesting too deep. The issue replaces all others.
    Fatal(Issue),
    /// The caller wanted only the first error, and there is one.
    FirstError,
    /// The issue budget is spent; a closing issue says so.
    TooManyIssues,
}

/// The state every seed shares while one document is validated.
#[derive(Debug)]
pub(crate) struct Ctx {
    /// The path of the value being visited.
    pub(crate) path: Steps,
    /// The names of the [`Seg::Unknown`] steps in `path`, in order.
    unknown: Vec<String>,
    /// A counter taken when each value starts: the position issues are sorted by.
    pub(crate) order: u32,
    /// Whether the document is built as well as checked. A verdict needs only the issues, so
    /// free text and arrays are then checked but not kept (names still are: rules need them).
    pub(crate) build: bool,
    issues: Vec<(u32, Issue)>,
    errors: usize,
    type_errors: usize,
    depth: usize,
    max_depth: usize,
    max_issues: usize,
    first_error_only: bool,
    stop: Option<Stop>,
}

impl Ctx {
    pub(crate) fn new(
        max_depth: usize,
        max_issues: usize,
        first_error_only: bool,
        build: bool,
    ) -> Self {
        Self {
            path: Steps::new(),
            unknown: Vec::new(),
            order: 0,
            build,
            issues: Vec::new(),
            errors: 0,
            type_errors: 0,
            depth: 0,
            max_depth,
            max_issues: max_issues.max(1),
            first_error_only,
            stop: None,
        }
    }

    /// Steps into member `name`, which the spec does not name, to skip its value.
    pub(crate) fn push_unknown(&mut self, name: String) {
        self.path.push(Seg::Unknown);
        self.unknown.push(name);
    }

    /// Steps back out of the member [`Ctx::push_unknown`] stepped into.
    pub(crate) fn pop_unknown(&mut self) {
        self.path.pop();
        self.unknown.pop();
    }

    /// The path being visited, with `extra` appended, as a public [`Path`].
    pub(crate) fn path_with(&self, extra: Option<Segment>) -> Path {
        let mut unknown = self.unknown.iter();
        let mut segments: Vec<Segment> = self
            .path
            .iter()
            .map(|seg| match seg {
                Seg::Key(key) => Segment::Key(Cow::Borrowed(key)),
                Seg::Index(index) => Segment::Index(*index),
                Seg::Unknown => {
                    Segment::Key(Cow::Owned(unknown.next().cloned().unwrap_or_default()))
                }
            })
            .collect();
        segments.extend(extra);
        Path::from_segments(segments)
    }

    /// Reports an issue at the current path, sorted at `order`.
    #[cold]
    #[inline(never)]
    pub(crate) fn report<E: de::Error>(
        &mut self,
        order: u32,
        code: Code,
        message: String,
    ) -> Result<(), E> {
        let path = self.path_with(None);
        self.report_at(order, path, code, message)
    }

    /// Reports an issue at member `key` of the current path (a missing or unknown member).
    #[cold]
    #[inline(never)]
    pub(crate) fn report_member<E: de::Error>(
        &mut self,
        order: u32,
        key: impl Into<Segment>,
        code: Code,
        message: String,
    ) -> Result<(), E> {
        let path = self.path_with(Some(key.into()));
        self.report_at(order, path, code, message)
    }

    /// Reports an issue at an explicit path. Fails (to stop the parse) when the caller wants
    /// only the first error or the issue budget is spent.
    #[cold]
    #[inline(never)]
    pub(crate) fn report_at<E: de::Error>(
        &mut self,
        order: u32,
        path: Path,
        code: Code,
        message: String,
    ) -> Result<(), E> {
        if code == Code::InvalidType {
            self.type_errors += 1;
        }
        self.push(order, Issue::new(path, code, message))
    }

    /// Reports a warning (an issue that leaves the document valid) at an explicit path.
    #[cold]
    #[inline(never)]
    pub(crate) fn warn_at<E: de::Error>(
        &mut self,
        order: u32,
        path: Path,
        code: Code,
        message: String,
    ) -> Result<(), E> {
        self.push(order, Issue::warning(path, code, message))
    }

    fn push<E: de::Error>(&mut self, order: u32, issue: Issue) -> Result<(), E> {
        let is_error = issue.is_error();
        self.issues.push((order, issue));
        if is_error {
            self.errors += 1;
            if self.first_error_only {
                return self.halt(Stop::FirstError);
            }
        }
        if self.issues.len() >= self.max_issues {
            let limit = self.max_issues;
            self.issues.push((
                u32::MAX,
                Issue::new(
                    Path::root(),
                    Code::TooBig,
                    format!("the document has more than {limit} issues; validation stopped"),
                ),
            ));
            return self.halt(Stop::TooManyIssues);
        }
        Ok(())
    }

    /// How many errors (not warnings) have been reported.
    pub(crate) fn errors(&self) -> usize {
        self.errors
    }

    /// How many `invalid_type` issues have been reported: compared before and after a member,
    /// it tells whether the member's value had the right type, so that rules relating it to
    /// other members are skipped when it did not (one issue, not a cascade).
    pub(crate) fn type_errors(&self) -> usize {
        self.type_errors
    }

    /// Enters an array or object; fails once the nesting passes the bound.
    pub(crate) fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > self.max_depth {
            let issue = Issue::new(
                self.path_with(None),
                Code::TooBig,
                format!(
                    "the document nests deeper than {} levels here; nothing in CatalogJSON needs that",
                    self.max_depth
                ),
            );
            return self.halt(Stop::Fatal(issue));
        }
        Ok(())
    }

    /// Leaves an array or object.
    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    #[cold]
    #[inline(never)]
    fn halt<E: de::Error>(&mut self, stop: Stop) -> Result<(), E> {
        self.stop = Some(stop);
        Err(E::custom("validation stopped"))
    }

    /// Whether the parse was stopped on purpose (rather than by a syntax error).
    pub(crate) fn stopped(&self) -> bool {
        self.stop.is_some()
    }

    /// The issues in document order; a fatal issue alone.
    pub(crate) fn finish(self) -> Vec<Issue> {
        let Self {
            mut issues, stop, ..
        } = self;
        if let Some(Stop::Fatal(issue)) = stop {
            return vec![issue];
        }
        // Stable: issues with the same order stay in the order they were found.
        issues.sort_by_key(|(order, _)| *order);
        issues.into_iter().map(|(_, issue)| issue).collect()
    }
}
