//! Validation issues: problems found in a document, reported as data, never as errors.
//!
//! An [`Issue`] names where (a [`Path`] rendered as an RFC 6901 JSON Pointer), what (a [`Code`]
//! from the spec's closed set), a human message saying what was expected and what was found,
//! and a [`Severity`]. The same shape crosses every binding.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One step of a [`Path`]: an object member or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// An object member.
    Key(Cow<'static, str>),
    /// An array element.
    Index(usize),
}

impl From<&'static str> for Segment {
    fn from(key: &'static str) -> Self {
        Self::Key(Cow::Borrowed(key))
    }
}

impl From<String> for Segment {
    fn from(key: String) -> Self {
        Self::Key(Cow::Owned(key))
    }
}

impl From<usize> for Segment {
    fn from(index: usize) -> Self {
        Self::Index(index)
    }
}

/// Where an issue is: the steps from the document's root to the offending value.
///
/// Displayed and serialised as an RFC 6901 JSON Pointer (`/programs/0/weeks/1`); the empty
/// pointer is the whole document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Path(Vec<Segment>);

impl Path {
    /// The whole document.
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// A path from its segments, outermost first.
    pub fn from_segments(segments: Vec<Segment>) -> Self {
        Self(segments)
    }

    /// The segments, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this is the whole document.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// This path with one more segment at the end.
    #[must_use]
    pub fn join(mut self, segment: impl Into<Segment>) -> Self {
        self.0.push(segment.into());
        self
    }

    /// Adds a segment at the end.
    pub fn push(&mut self, segment: impl Into<Segment>) {
        self.0.push(segment.into());
    }

    /// Adds an outer segment at the front, as a result returns through a containing value.
    pub fn push_front(&mut self, segment: impl Into<Segment>) {
        self.0.insert(0, segment.into());
    }

    /// Parses an RFC 6901 JSON Pointer; members made only of digits become indices.
    pub fn parse_pointer(pointer: &str) -> Result<Self, crate::CoreError> {
        if pointer.is_empty() {
            return Ok(Self::root());
        }
        let Some(rest) = pointer.strip_prefix('/') else {
            return Err(crate::CoreError::InvalidPointer(pointer.to_owned()));
        };
        let mut segments = Vec::new();
        for raw in rest.split('/') {
            let key = unescape_token(raw)
                .ok_or_else(|| crate::CoreError::InvalidPointer(pointer.to_owned()))?;
            let is_index = !key.is_empty()
                && key.bytes().all(|b| b.is_ascii_digit())
                && (key == "0" || !key.starts_with('0'));
            match key.parse::<usize>() {
                Ok(index) if is_index => segments.push(Segment::Index(index)),
                _ => segments.push(Segment::Key(Cow::Owned(key))),
            }
        }
        Ok(Self(segments))
    }
}

fn unescape_token(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.0 {
            f.write_str("/")?;
            match segment {
                Segment::Index(index) => write!(f, "{index}")?,
                // Runs between the characters a pointer escapes go out whole: a writer that
                // escapes JSON (serde's `collect_str`) pays per call, not per byte.
                Segment::Key(key) => {
                    let mut start = 0;
                    for (at, escaped) in key.match_indices(['~', '/']) {
                        f.write_str(&key[start..at])?;
                        f.write_str(if escaped == "~" { "~0" } else { "~1" })?;
                        start = at + 1;
                    }
                    f.write_str(&key[start..])?;
                }
            }
        }
        Ok(())
    }
}

impl Serialize for Path {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Path {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let pointer = Cow::<'de, str>::deserialize(deserializer)?;
        Self::parse_pointer(&pointer).map_err(serde::de::Error::custom)
    }
}

/// What kind of problem an issue is: the closed set of `spec/catalog-json.md`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Code {
    /// The text is not JSON (or not UTF-8); the message gives line and column.
    InvalidJson,
    /// A value of the wrong JSON type.
    InvalidType,
    /// A number with a fraction where an integer is required.
    NotInteger,
    /// A required member is missing.
    Required,
    /// A member the spec does not name.
    UnknownField,
    /// A number, a string's length or an array's length below its range.
    TooSmall,
    /// A number, a string's length or an array's length above its range.
    TooBig,
    /// A string outside the field's enum.
    InvalidEnum,
    /// A string that does not match the field's pattern.
    InvalidFormat,
    /// A number off its step.
    NotMultiple,
    /// A repeated key, reported at the later occurrence.
    Duplicate,
    /// Week or day numbers out of order.
    OutOfSequence,
    /// Fields that exclude or require each other.
    Conflict,
    /// An exercise reference that does not resolve.
    UnknownExercise,
    /// A `catalog_version` other than 1.
    UnsupportedVersion,
    /// A prescribed exercise needs equipment the athlete lacks.
    EquipmentUnavailable,
    /// A training-science warning; serialised as `lint.<name>`.
    Lint(Cow<'static, str>),
}

impl Code {
    /// Every code that is not a lint, in the spec's order.
    pub const SCHEMA_CODES: [Code; 16] = [
        Self::InvalidJson,
        Self::InvalidType,
        Self::NotInteger,
        Self::Required,
        Self::UnknownField,
        Self::TooSmall,
        Self::TooBig,
        Self::InvalidEnum,
        Self::InvalidFormat,
        Self::NotMultiple,
        Self::Duplicate,
        Self::OutOfSequence,
        Self::Conflict,
        Self::UnknownExercise,
        Self::UnsupportedVersion,
        Self::EquipmentUnavailable,
    ];

    /// The stable snake_case name (`lint.` and the lint's name for a lint).
    pub fn as_str(&self) -> Cow<'static, str> {
        let name = match self {
            Self::InvalidJson => "invalid_json",
            Self::InvalidType => "invalid_type",
            Self::NotInteger => "not_integer",
            Self::Required => "required",
            Self::UnknownField => "unknown_field",
            Self::TooSmall => "too_small",
            Self::TooBig => "too_big",
            Self::InvalidEnum => "invalid_enum",
            Self::InvalidFormat => "invalid_format",
            Self::NotMultiple => "not_multiple",
            Self::Duplicate => "duplicate",
            Self::OutOfSequence => "out_of_sequence",
            Self::Conflict => "conflict",
            Self::UnknownExercise => "unknown_exercise",
            Self::UnsupportedVersion => "unsupported_version",
            Self::EquipmentUnavailable => "equipment_unavailable",
            Self::Lint(name) => return Cow::Owned(format!("lint.{name}")),
        };
        Cow::Borrowed(name)
    }

    /// The code with this name, if it is one of the closed set or a `lint.` code.
    pub fn from_name(name: &str) -> Option<Self> {
        if let Some(lint) = name.strip_prefix("lint.") {
            return (!lint.is_empty()).then(|| Self::Lint(Cow::Owned(lint.to_owned())));
        }
        Self::SCHEMA_CODES
            .into_iter()
            .find(|code| code.as_str() == name)
    }

    /// The severity issues of this code carry: warnings for lints, errors for the rest.
    pub fn severity(&self) -> Severity {
        match self {
            Self::Lint(_) => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = Cow::<'de, str>::deserialize(deserializer)?;
        Self::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown issue code {name:?}")))
    }
}

/// How serious an issue is: a document is valid when it has no [`Severity::Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document breaks the contract.
    Error,
    /// A training-science concern (`lint.*`); the document is still valid.
    Warning,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Issue {
    /// Where: a JSON Pointer to the offending value (to the missing member for `required`).
    pub path: Path,
    /// What kind of problem.
    pub code: Code,
    /// What was expected and what was found, for a person.
    pub message: String,
    /// Whether it makes the document invalid.
    pub severity: Severity,
}

impl Issue {
    /// An issue with the severity its code carries.
    pub fn new(path: Path, code: Code, message: impl Into<String>) -> Self {
        let severity = code.severity();
        Self {
            path,
            code,
            message: message.into(),
            severity,
        }
    }

    /// An issue that is only a warning, whatever its code: a `unknown_exercise` in a
    /// logbook's history, for one, names what happened and cannot be wrong.
    pub fn warning(path: Path, code: Code, message: impl Into<String>) -> Self {
        Self {
            path,
            code,
            message: message.into(),
            severity: Severity::Warning,
        }
    }

    /// Whether the issue makes the document invalid.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_root() {
            "(document)".to_owned()
        } else {
            self.path.to_string()
        };
        write!(f, "{path}: {} [{}]", self.message, self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_and_round_trips() {
        let path = Path::root()
            .join("programs")
            .join(0)
            .join("a/b~c".to_owned());
        assert_eq!(path.to_string(), "/programs/0/a~1b~0c");
        assert_eq!(Path::parse_pointer(&path.to_string()).unwrap(), path);
        assert_eq!(Path::parse_pointer("").unwrap(), Path::root());
        assert!(Path::parse_pointer("programs").is_err());
        assert!(Path::parse_pointer("/a~2").is_err());
        // A leading zero is a key, not an index (RFC 6901 array indices have none).
        assert_eq!(
            Path::parse_pointer("/01").unwrap().segments(),
            &[Segment::from("01".to_owned())]
        );
    }

    proptest::proptest! {
        /// Any keys, with `~` and `/` anywhere (adjacent, first, last, alone) and characters
        /// of every UTF-8 length: the pointer is each key with `~` as `~0` and `/` as `~1`,
        /// and it parses back to the same path.
        #[test]
        fn any_keys_escape_and_round_trip(keys in proptest::collection::vec("[~/a\u{e9}\u{4e2d}\u{1f600}]{0,6}", 0..5)) {
            let mut path = Path::root();
            let mut expected = String::new();
            for key in &keys {
                path = path.join(key.clone());
                expected.push('/');
                expected.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            proptest::prop_assert_eq!(path.to_string(), expected);
            proptest::prop_assert_eq!(Path::parse_pointer(&path.to_string()).unwrap(), path);
        }
    }

    #[test]
    fn codes_round_trip_through_their_names() {
        for code in Code::SCHEMA_CODES {
            assert_eq!(Code::from_name(&code.as_str()), Some(code.clone()));
        }
        let lint = Code::Lint("hard_sets".into());
        assert_eq!(lint.as_str(), "lint.hard_sets");
        assert_eq!(Code::from_name("lint.hard_sets"), Some(lint.clone()));
        assert_eq!(lint.severity(), Severity::Warning);
        assert_eq!(Code::from_name("nope"), None);
        assert_eq!(Code::from_name("lint."), None);
    }

    #[test]
    fn issue_serialises_in_the_spec_shape() {
        let issue = Issue::new(
            Path::root().join("programs").join(0).join("name"),
            Code::Required,
            "program name is required",
        );
        let json = serde_json::to_value(&issue).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"path": "/programs/0/name", "code": "required",
                "message": "program name is required", "severity": "error"})
        );
        let back: Issue = serde_json::from_value(json).unwrap();
        assert_eq!(back, issue);
    }
}
