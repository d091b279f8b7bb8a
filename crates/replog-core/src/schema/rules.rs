//! The rules of CatalogJSON v1 a schema dialect cannot express, which only the validator
//! checks: the boundary between "the schema rejects it" and "the library re-checks it".

use std::fmt;

use super::Dialect;
use crate::issue::{Code, Issue, Segment};

/// One rule of the spec a schema dialect does not check, and where the validator reports it.
///
/// The list for a dialect ([`unexpressed_rules`]) is the exact boundary between the exported
/// schema and the validator: every schema-code issue the validator reports on a document is
/// either matched by one of these rules or is a reason the dialect's schema rejects that
/// document too. For [`Dialect::OpenAiStrict`] the schema sees the document as a model
/// writes it: inside the envelope, with every absent optional member written as `null`
/// (which [`strip_strict_nulls`](super::strip_strict_nulls) removes before validation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnexpressedRule {
    /// The code of the issue the validator reports when the rule is broken.
    pub code: Code,
    /// Where the issue is reported: a JSON Pointer pattern in which `*` stands for any array
    /// index (`/programs/*/weeks`); the empty pattern is the whole document. Paths are
    /// relative to the CatalogJSON document, also for the envelope's schema (the validator
    /// validates the envelope's `catalog`).
    pub path: &'static str,
    /// The rule, as a sentence for a person or a prompt.
    pub rule: &'static str,
}

impl UnexpressedRule {
    /// Whether `issue` is this rule being broken: the same code at a path the pattern matches.
    pub fn matches(&self, issue: &Issue) -> bool {
        issue.code == self.code && self.matches_path(issue.path.segments())
    }

    /// Whether a path, as segments, fits this rule's pattern.
    fn matches_path(&self, segments: &[Segment]) -> bool {
        // `split` of "" yields one empty token, so the root needs its own case.
        let tokens: Vec<&str> = match self.path.strip_prefix('/') {
            Some(rest) => rest.split('/').collect(),
            None => Vec::new(),
        };
        tokens.len() == segments.len()
            && tokens
                .iter()
                .zip(segments)
                .all(|(token, segment)| match segment {
                    Segment::Index(_) => *token == "*",
                    Segment::Key(key) => *token != "*" && key == token,
                })
    }
}

impl fmt::Display for UnexpressedRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(document)"
        } else {
            self.path
        };
        write!(f, "{path} [{}]: {}", self.code, self.rule)
    }
}

/// The rules `dialect` cannot express, in a fixed order; see [`UnexpressedRule`].
///
/// Both dialects leave out the rules that relate values to each other (unique names, day and
/// week order, exclusive and paired members, the loop's single week, `unit` when loads are
/// absolute, `reps` bounds by `rep_type`), the ones that need data from outside the document
/// (the catalog in force, the athlete's equipment), and what only the text shows: whether it
/// is JSON at all, its size, and a member given twice in one object (a parsed value keeps one
/// of them, so no schema sees the repeat; the validator checks every occurrence, so for such
/// text the boundary holds only for its `duplicate` issues). The validator's nesting bound is
/// not listed: with its default limits it lies beyond anything a valid document needs, so
/// only a value the schema rejects anyway (an unknown member, a wrong type) can reach it; a
/// validator given lower limits is outside this boundary.
///
/// String lengths are counted after trimming, and a schema cannot trim: the 2020-12 schema
/// counts raw characters (stricter) and rejects blank strings with a pattern
/// ([`NON_BLANK_PATTERN`](crate::limits::NON_BLANK_PATTERN)), so the upper length bounds are
/// listed for both dialects. [`Dialect::OpenAiStrict`] drops `minLength`/`maxLength`
/// altogether (the pattern still rejects blank strings, so minimum lengths of 1 stay
/// expressed), and writes an absent optional member as `null`: the strict schema accepts that
/// `null` and [`strip_strict_nulls`](super::strip_strict_nulls) removes it before validation,
/// so `invalid_type` at those members is listed for that dialect.
pub fn unexpressed_rules(dialect: Dialect) -> Vec<UnexpressedRule> {
    let mut rules: Vec<UnexpressedRule> = COMMON.iter().chain(STRING_LENGTHS).map(rule).collect();
    rules.extend(MEMBERS.iter().map(|&(path, _)| UnexpressedRule {
        code: Code::Duplicate,
        path,
        rule: "A member appears at most once in its object; JSON parsers keep one of the \
               repeats, so no schema sees them.",
    }));
    if dialect == Dialect::OpenAiStrict {
        let optional = MEMBERS.iter().filter(|(_, optional)| *optional);
        rules.extend(optional.map(|&(path, _)| UnexpressedRule {
            code: Code::InvalidType,
            path,
            rule: "An absent optional member is written as null in strict output; \
                   strip_strict_nulls removes it before validation.",
        }));
    }
    rules
}

fn rule((code, path, text): &(Code, &'static str, &'static str)) -> UnexpressedRule {
    UnexpressedRule {
        code: code.clone(),
        path,
        rule: text,
    }
}

const NAME_UNIQUE: &str = "Exercise names and aliases are unique in the document after \
    normalisation (NFKC, lower case, `-` `_` `.` `,` `/` and white space folded to one space).";
const DELOAD_PAIR: &str =
    "deload_after_failures and deload_percent are given together or not at all.";
const CATALOG_IN_FORCE: &str = "A prescribed exercise names an exercise of the catalog in \
    force: the document's exercises plus the host's.";

/// Rules neither dialect expresses. (`Code` holds a `Cow`, so the table is a `static`.)
static COMMON: &[(Code, &str, &str)] = &[
    (
        Code::InvalidJson,
        "",
        "The text is UTF-8 JSON; a schema only ever sees parsed JSON.",
    ),
    (
        Code::TooBig,
        "",
        "The document is within the validator's size limit, and has fewer \
        issues than its issue budget (past which it stops with too_big at the document).",
    ),
    (Code::Duplicate, "/exercises/*/name", NAME_UNIQUE),
    (Code::Duplicate, "/exercises/*/aliases/*", NAME_UNIQUE),
    (
        Code::Duplicate,
        "/programs/*/name",
        "Program names are unique in the document after \
        normalisation.",
    ),
    (
        Code::Conflict,
        "/programs/*/weeks",
        "A loop (is_loop true) has exactly one week.",
    ),
    (
        Code::Required,
        "/programs/*/unit",
        "unit is given when any set of the program has a \
        weight or the program has progression rules (every rule has an increment).",
    ),
    (
        Code::OutOfSequence,
        "/programs/*/weeks/*/number",
        "Weeks are numbered 1, 2, ... n in \
        array order.",
    ),
    (
        Code::Duplicate,
        "/programs/*/weeks/*/days/*/number",
        "Day numbers are unique within a \
        week.",
    ),
    (
        Code::OutOfSequence,
        "/programs/*/weeks/*/days/*/number",
        "Day numbers ascend within a \
        week.",
    ),
    (
        Code::UnknownExercise,
        "/programs/*/weeks/*/days/*/exercises/*/exercise",
        CATALOG_IN_FORCE,
    ),
    (
        Code::EquipmentUnavailable,
        "/programs/*/weeks/*/days/*/exercises/*/exercise",
        "When an \
        equipment list is given, every piece of equipment a prescribed exercise needs is on it.",
    ),
    (
        Code::Duplicate,
        "/programs/*/weeks/*/days/*/exercises/*/sort_order",
        "sort_order is \
        unique within a day.",
    ),
    (
        Code::TooBig,
        "/programs/*/weeks/*/days/*/exercises/*/sets/*/reps",
        "reps is at most 100 \
        for rep_type reps and each_side, 3600 for seconds and 10000 for distance; the schema \
        can only say 10000.",
    ),
    (
        Code::Conflict,
        "/programs/*/weeks/*/days/*/exercises/*/sets/*/weight",
        "A set has \
        percent_tm or weight, not both.",
    ),
    (
        Code::UnknownExercise,
        "/programs/*/progression_rules/*/exercise",
        "A progression rule \
        names an exercise of the catalog in force that is prescribed on some day of the same \
        program.",
    ),
    (
        Code::Conflict,
        "/programs/*/progression_rules/*/deload_after_failures",
        DELOAD_PAIR,
    ),
    (
        Code::Conflict,
        "/programs/*/progression_rules/*/deload_percent",
        DELOAD_PAIR,
    ),
];

/// Upper length bounds, counted after trimming (see [`unexpressed_rules`]).
static STRING_LENGTHS: &[(Code, &str, &str)] = &[
    (
        Code::TooBig,
        "/exercises/*/name",
        "An exercise name is at most 100 characters after \
        trimming.",
    ),
    (
        Code::TooBig,
        "/exercises/*/aliases/*",
        "An alias is at most 100 characters after \
        trimming.",
    ),
    (
        Code::TooBig,
        "/exercises/*/form_notes",
        "form_notes is at most 2000 characters after \
        trimming.",
    ),
    (
        Code::TooBig,
        "/programs/*/name",
        "A program name is at most 200 characters after \
        trimming.",
    ),
    (
        Code::TooBig,
        "/programs/*/description",
        "A program description is at most 5000 \
        characters after trimming.",
    ),
    (
        Code::TooBig,
        "/programs/*/goal",
        "A program goal is at most 500 characters after \
        trimming.",
    ),
    (
        Code::TooBig,
        "/programs/*/weeks/*/label",
        "A week label is at most 50 characters after \
        trimming.",
    ),
    (
        Code::TooBig,
        "/programs/*/weeks/*/days/*/name",
        "A day name is at most 100 characters \
        after trimming.",
    ),
    (
        Code::TooBig,
        "/programs/*/weeks/*/days/*/exercises/*/exercise",
        "A prescribed \
        exercise name is at most 100 characters after trimming.",
    ),
    (
        Code::TooBig,
        "/programs/*/weeks/*/days/*/exercises/*/notes",
        "Notes on a prescribed \
        exercise are at most 1000 characters after trimming.",
    ),
    (
        Code::TooBig,
        "/programs/*/weeks/*/days/*/exercises/*/sets/*/notes",
        "Notes on a set \
        are at most 500 characters after trimming.",
    ),
    (
        Code::TooBig,
        "/programs/*/progression_rules/*/exercise",
        "A progression rule's \
        exercise name is at most 100 characters after trimming.",
    ),
];

/// Every member of the document, and whether it is optional (strict mode writes an absent
/// optional member as `null`). A test checks this against the schema.
static MEMBERS: &[(&str, bool)] = &[
    ("/catalog_version", false),
    ("/exercises", true),
    ("/programs", true),
    ("/exercises/*/name", false),
    ("/exercises/*/aliases", true),
    ("/exercises/*/tier", true),
    ("/exercises/*/category", true),
    ("/exercises/*/equipment", true),
    ("/exercises/*/muscles", true),
    ("/exercises/*/form_notes", true),
    ("/programs/*/name", false),
    ("/programs/*/description", true),
    ("/programs/*/goal", true),
    ("/programs/*/unit", true),
    ("/programs/*/is_loop", true),
    ("/programs/*/weeks", false),
    ("/programs/*/progression_rules", true),
    ("/programs/*/weeks/*/number", false),
    ("/programs/*/weeks/*/label", true),
    ("/programs/*/weeks/*/days", false),
    ("/programs/*/weeks/*/days/*/number", false),
    ("/programs/*/weeks/*/days/*/name", true),
    ("/programs/*/weeks/*/days/*/exercises", false),
    ("/programs/*/weeks/*/days/*/exercises/*/exercise", false),
    ("/programs/*/weeks/*/days/*/exercises/*/sort_order", false),
    ("/programs/*/weeks/*/days/*/exercises/*/superset", true),
    ("/programs/*/weeks/*/days/*/exercises/*/notes", true),
    ("/programs/*/weeks/*/days/*/exercises/*/sets", false),
    (
        "/programs/*/weeks/*/days/*/exercises/*/sets/*/rep_type",
        true,
    ),
    ("/programs/*/weeks/*/days/*/exercises/*/sets/*/reps", false),
    (
        "/programs/*/weeks/*/days/*/exercises/*/sets/*/percent_tm",
        true,
    ),
    ("/programs/*/weeks/*/days/*/exercises/*/sets/*/weight", true),
    ("/programs/*/weeks/*/days/*/exercises/*/sets/*/rpe", true),
    (
        "/programs/*/weeks/*/days/*/exercises/*/sets/*/rest_seconds",
        true,
    ),
    ("/programs/*/weeks/*/days/*/exercises/*/sets/*/notes", true),
    ("/programs/*/progression_rules/*/exercise", false),
    ("/programs/*/progression_rules/*/increment", false),
    ("/programs/*/progression_rules/*/every", false),
    ("/programs/*/progression_rules/*/applies_to", true),
    (
        "/programs/*/progression_rules/*/deload_after_failures",
        true,
    ),
    ("/programs/*/progression_rules/*/deload_percent", true),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Path;

    fn issue(code: Code, pointer: &str) -> Issue {
        Issue::new(Path::parse_pointer(pointer).expect("a pointer"), code, "m")
    }

    #[test]
    fn patterns_match_indices_keys_and_the_root() {
        let rules = unexpressed_rules(Dialect::Draft202012);
        let matched = |code: Code, pointer: &str| {
            let issue = issue(code, pointer);
            rules.iter().any(|r| r.matches(&issue))
        };
        assert!(matched(
            Code::Conflict,
            "/programs/0/weeks/2/days/1/exercises/0/sets/3/weight"
        ));
        assert!(matched(Code::Conflict, "/programs/4/weeks"));
        assert!(matched(Code::TooBig, ""));
        assert!(matched(Code::Duplicate, "/exercises/3/aliases/1"));
        // Wrong code, a key where an index belongs, a longer or shorter path: no match.
        assert!(!matched(Code::InvalidType, "/programs/4/weeks"));
        assert!(!matched(Code::Conflict, "/programs/x/weeks"));
        assert!(!matched(Code::Conflict, "/programs/0/weeks/0"));
        assert!(!matched(Code::Conflict, "/programs"));
        assert!(!matched(Code::InvalidType, "/programs/0/weeks/0/label"));
    }

    #[test]
    fn strict_adds_nulls_and_keeps_the_common_rules() {
        let base = unexpressed_rules(Dialect::Draft202012);
        let strict = unexpressed_rules(Dialect::OpenAiStrict);
        assert!(base.iter().all(|r| strict.contains(r)));
        let optional = MEMBERS.iter().filter(|(_, optional)| *optional).count();
        assert_eq!(strict.len(), base.len() + optional);
        let label = issue(Code::InvalidType, "/programs/0/weeks/0/label");
        assert!(strict.iter().any(|r| r.matches(&label)));
        assert!(!base.iter().any(|r| r.matches(&label)));
        let shown = strict
            .iter()
            .find(|r| r.code == Code::InvalidJson)
            .map(ToString::to_string);
        assert_eq!(
            shown.as_deref(),
            Some(
                "(document) [invalid_json]: The text is UTF-8 JSON; a schema only ever sees parsed JSON."
            )
        );
    }
}
