//! The public validation API: a [`Validator`] configured once (host catalog, equipment,
//! limits) and used for many documents, and the [`Validation`] it returns.

use std::collections::HashSet;

use replog_core::{Catalog, Code, Exercise, Issue, Logbook, Path};
use serde::de::DeserializeSeed;
use serde::ser::SerializeStruct;

use crate::document::{Against, DocState, DocX};
use crate::engine::{Ctx, ReadError, Reader, Visit};
use crate::error::{CatalogError, DocumentKind, InvalidDocument};
use crate::logbook::{LogbookState, LogbookX};
use replog_core::ExerciseIndex;

/// Bounds on the work one document may cause, so hostile input cannot exhaust memory or the
/// stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest document, in bytes (default 16 MiB).
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects (default 32; CatalogJSON itself needs 11). Values
    /// above 100 are treated as 100, below the JSON parser's own guard.
    pub max_depth: usize,
    /// Most issues reported before validation stops (default 10,000); the last issue then
    /// says that it stopped.
    pub max_issues: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 32,
            max_issues: 10_000,
        }
    }
}

/// Validates CatalogJSON documents against a catalog in force and, optionally, the equipment
/// an athlete has. Build it once; it is cheap to share.
///
/// ```
/// use replog_catalog::Validator;
/// use replog_core::{Catalog, Exercise};
///
/// let mut clean = Exercise::named("Power Clean");
/// clean.equipment = vec!["barbell".into()];
/// let host = Catalog::new(vec![clean], vec![]);
/// let validator = Validator::new().with_catalog(&host).with_equipment(["dumbbell"]);
/// let doc = br#"{"catalog_version": 1, "programs": [{"name": "P", "weeks": [{"number": 1,
///     "days": [{"number": 1, "exercises": [{"exercise": "power clean", "sort_order": 1,
///     "sets": [{"reps": 3}]}]}]}]}]}"#;
/// let report = validator.validate(doc);
/// assert_eq!(report.issues()[0].code.as_str(), "equipment_unavailable");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Validator {
    host: ExerciseIndex,
    equipment: Option<HashSet<String>>,
    limits: Limits,
}

impl Validator {
    /// A validator with no host catalog, no equipment check and the default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a catalog's exercises to the host's existing exercises, which exercise references
    /// may resolve to besides the document's own.
    #[must_use]
    pub fn with_catalog(mut self, catalog: &Catalog) -> Self {
        self.host.extend(&catalog.exercises);
        self
    }

    /// Adds exercises to the host's existing exercises.
    #[must_use]
    pub fn with_exercises<'a>(mut self, exercises: impl IntoIterator<Item = &'a Exercise>) -> Self {
        self.host.extend(exercises);
        self
    }

    /// Uses a prebuilt index as the host's existing exercises.
    #[must_use]
    pub fn with_index(mut self, index: ExerciseIndex) -> Self {
        self.host = index;
        self
    }

    /// Checks every prescribed exercise against this equipment list
    /// (`equipment_unavailable`). Names are trimmed and lower-cased.
    #[must_use]
    pub fn with_equipment<S: AsRef<str>>(mut self, equipment: impl IntoIterator<Item = S>) -> Self {
        self.equipment = Some(
            equipment
                .into_iter()
                .map(|item| item.as_ref().trim().to_lowercase())
                .collect(),
        );
        self
    }

    /// Replaces the work bounds.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Validates JSON text: every issue, in document order, and the document when it has no
    /// error. A leading UTF-8 byte order mark is ignored (RFC 8259 allows parsers to).
    pub fn validate(&self, input: impl AsRef<[u8]>) -> Validation {
        self.catalog_bytes(input.as_ref(), Mode::Build)
    }

    /// Every issue of JSON text, in document order, without building the document: the fast
    /// path when only the verdict is wanted (an upload check, a binding's `success` flag).
    pub fn issues(&self, input: impl AsRef<[u8]>) -> Vec<Issue> {
        self.catalog_bytes(input.as_ref(), Mode::Check)
            .into_parts()
            .1
    }

    /// [`validate`](Self::validate) for text already known to be UTF-8 (a host language's
    /// string): the parser skips the UTF-8 check of every JSON string.
    pub fn validate_str(&self, input: &str) -> Validation {
        self.run_str(input, Mode::Build)
    }

    /// [`issues`](Self::issues) for text already known to be UTF-8: the fast path for a host
    /// language's string.
    pub fn issues_str(&self, input: &str) -> Vec<Issue> {
        self.run_str::<Catalog>(input, Mode::Check).into_parts().1
    }

    /// [`is_valid`](Self::is_valid) for text already known to be UTF-8.
    pub fn is_valid_str(&self, input: &str) -> bool {
        self.run_str::<Catalog>(input, Mode::FirstError).is_valid()
    }

    /// Validates an already-parsed JSON value.
    pub fn validate_value(&self, value: &serde_json::Value) -> Validation {
        match self.run(value, Mode::Build) {
            Run::Done(validation) | Run::Stopped(validation) => validation,
            // `&Value` never fails to deserialize; the seeds fail only to stop.
            Run::NotJson(error) => Validation::failed(invalid_json(&error)),
        }
    }

    /// The first error in document order, or `None` when the document is valid.
    ///
    /// Some errors are only known late (a missing member when its object ends, an exercise
    /// reference when the catalog is complete) yet sort early, so this validates the whole
    /// document; [`is_valid`](Self::is_valid) is the early exit.
    pub fn first_error(&self, input: impl AsRef<[u8]>) -> Option<Issue> {
        self.issues(input).into_iter().find(Issue::is_error)
    }

    /// Whether the document is valid, stopping at the first error found.
    pub fn is_valid(&self, input: impl AsRef<[u8]>) -> bool {
        self.catalog_bytes(input.as_ref(), Mode::FirstError)
            .is_valid()
    }

    /// The document, or every issue if it has an error.
    pub fn parse(&self, input: impl AsRef<[u8]>) -> Result<Catalog, CatalogError> {
        self.validate(input).into_result()
    }

    /// Validates Logbook JSON text (`spec/logbook-json.md`): every issue, in document order,
    /// and the logbook when it has no error. Templates are checked as CatalogJSON programs
    /// against the host's catalog; logged exercise names the catalog lacks are warnings.
    pub fn validate_logbook(&self, input: impl AsRef<[u8]>) -> Validation<Logbook> {
        self.logbook_bytes(input.as_ref(), Mode::Build)
    }

    /// Every issue of Logbook JSON text, without building the logbook.
    pub fn logbook_issues(&self, input: impl AsRef<[u8]>) -> Vec<Issue> {
        self.logbook_bytes(input.as_ref(), Mode::Check)
            .into_parts()
            .1
    }

    /// [`validate_logbook`](Self::validate_logbook) for text already known to be UTF-8.
    pub fn validate_logbook_str(&self, input: &str) -> Validation<Logbook> {
        self.run_str(input, Mode::Build)
    }

    /// [`logbook_issues`](Self::logbook_issues) for text already known to be UTF-8.
    pub fn logbook_issues_str(&self, input: &str) -> Vec<Issue> {
        self.run_str::<Logbook>(input, Mode::Check).into_parts().1
    }

    /// Validates an already-parsed Logbook JSON value.
    pub fn validate_logbook_value(&self, value: &serde_json::Value) -> Validation<Logbook> {
        match self.run(value, Mode::Build) {
            Run::Done(validation) | Run::Stopped(validation) => validation,
            Run::NotJson(error) => Validation::failed(invalid_json(&error)),
        }
    }

    /// The logbook, or every issue if it has an error.
    pub fn parse_logbook(&self, input: impl AsRef<[u8]>) -> Result<Logbook, CatalogError> {
        self.validate_logbook(input).into_result()
    }

    /// [`run_bytes`](Self::run_bytes) for CatalogJSON. The generic entry points (`validate`,
    /// `issues`, ...) only call this: not generic, it is compiled once, in this crate, whatever
    /// crate calls them, and so at this crate's opt-level (the browser package builds this
    /// crate for speed and the rest of the module for size, see the workspace `Cargo.toml`).
    fn catalog_bytes(&self, input: &[u8], mode: Mode) -> Validation {
        self.run_bytes(input, mode)
    }

    /// [`catalog_bytes`](Self::catalog_bytes) for Logbook JSON.
    fn logbook_bytes(&self, input: &[u8], mode: Mode) -> Validation<Logbook> {
        self.run_bytes(input, mode)
    }

    fn run_bytes<T: ReadRoot>(&self, input: &[u8], mode: Mode) -> Validation<T> {
        let input = match self.admit(input) {
            Ok(input) => input,
            Err(too_big) => return Validation::failed(too_big),
        };
        // UTF-8 checked once for the whole text, so the reader does not check each string
        // again: about a tenth of the work on a typical program. `simdutf8` checks with the
        // machine's vector instructions (and WebAssembly SIMD), several times as fast as
        // `std::str::from_utf8` on ASCII; `std` then says where text that is not UTF-8 breaks.
        match simdutf8::basic::from_utf8(input) {
            Ok(text) => self.run_text(text, mode),
            Err(_) => match std::str::from_utf8(input) {
                Err(error) => Validation::failed(not_utf8(input, &error)),
                Ok(text) => self.run_text(text, mode),
            },
        }
    }

    /// [`run_bytes`](Self::run_bytes) over a `&str`: the same admission, then the reader,
    /// which trusts the text to be UTF-8.
    fn run_str<T: ReadRoot>(&self, input: &str, mode: Mode) -> Validation<T> {
        let admitted = match self.admit(input.as_bytes()) {
            Ok(admitted) => admitted.len(),
            Err(too_big) => return Validation::failed(too_big),
        };
        // `admit` only strips a leading U+FEFF (whole), so the rest starts on a char boundary.
        let input = input.get(input.len() - admitted..).unwrap_or(input);
        self.run_text(input, mode)
    }

    /// The text past a leading UTF-8 byte order mark, or the `too_big` issue when it exceeds
    /// the size limit.
    fn admit<'a>(&self, input: &'a [u8]) -> Result<&'a [u8], Issue> {
        let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
        if input.len() > self.limits.max_bytes {
            let message = format!(
                "the document is {} bytes, more than the limit of {} bytes",
                input.len(),
                self.limits.max_bytes
            );
            return Err(Issue::new(Path::root(), Code::TooBig, message));
        }
        Ok(input)
    }

    /// Runs the seeds over JSON text and requires nothing but whitespace after the document.
    fn run_text<T: ReadRoot>(&self, text: &str, mode: Mode) -> Validation<T> {
        let mut reader = Reader::new(text);
        match self.run(&mut reader, mode) {
            // Text after the document makes the text not JSON.
            Run::Done(validation) => match reader.end() {
                Ok(()) => validation,
                Err(error) => Validation::failed(not_json(text, error)),
            },
            // Stopped on purpose: the rest of the text was never read, and the issues say why.
            Run::Stopped(validation) => validation,
            Run::NotJson(error) => Validation::failed(not_json(text, error)),
        }
    }

    /// Runs the seeds over any deserializer.
    fn run<'de, T: ReadRoot, D: serde::Deserializer<'de>>(
        &self,
        deserializer: D,
        mode: Mode,
    ) -> Run<T, D::Error> {
        let max_depth = self.limits.max_depth.min(100);
        let build = mode == Mode::Build;
        let mut ctx = Ctx::new(
            max_depth,
            self.limits.max_issues,
            mode == Mode::FirstError,
            build,
        );
        let parsed = T::read(self, &mut ctx, deserializer);
        let stopped = ctx.stopped();
        let had_errors = ctx.errors() > 0;
        let issues = ctx.finish();
        match parsed {
            Ok(document) => Run::Done(Validation {
                document: document.filter(|_| build && !had_errors),
                issues,
            }),
            Err(_) if stopped => Run::Stopped(Validation {
                document: None,
                issues,
            }),
            Err(error) => Run::NotJson(error),
        }
    }
}

/// What a run of the seeds is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Every issue, and the document when it is valid.
    Build,
    /// Every issue; the document is checked but not kept.
    Check,
    /// Stop at the first error found.
    FirstError,
}

/// A document kind the validator reads: how to read its root.
pub trait Root: Sized + sealed::Sealed {
    /// What failing documents of this kind are called in errors.
    const KIND: DocumentKind;
}

/// How the engine reads a document kind's root value.
trait ReadRoot: Root {
    fn read<'de, D: serde::Deserializer<'de>>(
        validator: &Validator,
        ctx: &mut Ctx,
        deserializer: D,
    ) -> Result<Option<Self>, D::Error>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for replog_core::Catalog {}
    impl Sealed for replog_core::Logbook {}
}

impl Root for Catalog {
    const KIND: DocumentKind = DocumentKind::Catalog;
}

impl ReadRoot for Catalog {
    fn read<'de, D: serde::Deserializer<'de>>(
        validator: &Validator,
        ctx: &mut Ctx,
        deserializer: D,
    ) -> Result<Option<Self>, D::Error> {
        let against = Against {
            host: &validator.host,
            equipment: validator.equipment.as_ref(),
        };
        let mut st = DocState::new(against);
        Visit::new(DocX { ctx, st: &mut st }).deserialize(deserializer)
    }
}

impl Root for Logbook {
    const KIND: DocumentKind = DocumentKind::Logbook;
}

impl ReadRoot for Logbook {
    fn read<'de, D: serde::Deserializer<'de>>(
        validator: &Validator,
        ctx: &mut Ctx,
        deserializer: D,
    ) -> Result<Option<Self>, D::Error> {
        let mut st = LogbookState::new(&validator.host);
        Visit::new(LogbookX { ctx, st: &mut st }).deserialize(deserializer)
    }
}

/// How a run of the seeds ended.
enum Run<T, E> {
    /// The whole value was read.
    Done(Validation<T>),
    /// The seeds stopped the parse on purpose (too deep, too many issues, first error).
    Stopped(Validation<T>),
    /// The parser failed: the text is not JSON.
    NotJson(E),
}

/// The `invalid_json` issue of text that is not UTF-8, at the line and column (counted in
/// bytes from 1, as serde_json counts) of the first byte that starts no valid sequence.
/// Computed here rather than by running the parser over bytes, so the validation engine is
/// compiled for one reader, not two (a WebAssembly module's size).
#[cold]
fn not_utf8(input: &[u8], error: &std::str::Utf8Error) -> Issue {
    let at = error.valid_up_to();
    let (line, column) = line_and_column(input, at);
    let message = format!(
        "invalid JSON at line {line}, column {column}: the text is not UTF-8 (byte 0x{:02X} starts no valid sequence)",
        input[at]
    );
    Issue::new(Path::root(), Code::InvalidJson, message)
}

/// The `invalid_json` issue of text the reader stopped in. The message is serde_json's, by
/// reading the text again with it: the messages users have always had ("expected `,` or `]`
/// at line 3, column 9"), while the reader itself carries only an offset. The two accept the
/// same texts (a differential test holds them to it); were serde_json ever to accept what the
/// reader refused, the issue still names the line and column where the reader stopped.
#[cold]
#[inline(never)]
fn not_json(text: &str, error: ReadError) -> Issue {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let read = serde::Deserializer::deserialize_any(&mut deserializer, Sink)
        .and_then(|()| deserializer.end());
    match read {
        Err(error) => invalid_json(&error),
        Ok(_) => {
            let at = error.syntax_at().unwrap_or(0).min(text.len());
            let (line, column) = line_and_column(text.as_bytes(), at);
            let found = text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or_else(|| "the end of the text".to_owned(), |c| format!("{c:?}"));
            Issue::new(
                Path::root(),
                Code::InvalidJson,
                format!("invalid JSON at line {line}, column {column}: unexpected {found}"),
            )
        }
    }
}

/// Reads a value with serde_json and keeps nothing. Unlike `IgnoredAny`, which serde_json
/// skips without checking escapes or number ranges, every string and number is read, so the
/// errors are those of a real parse.
struct Sink;

impl<'de> serde::de::Visitor<'de> for Sink {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Sink)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Sink)?.is_some() {
            map.next_value_seed(Sink)?;
        }
        Ok(())
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Sink {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// The line and column (counted in bytes from 1, as serde_json counts) of byte `at`.
fn line_and_column(input: &[u8], at: usize) -> (usize, usize) {
    let before = &input[..at];
    let line = 1 + before.iter().filter(|&&byte| byte == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |newline| newline + 1);
    (line, at - line_start + 1)
}

fn invalid_json(error: &serde_json::Error) -> Issue {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let what = text.strip_suffix(&suffix).unwrap_or(&text);
    let message = format!(
        "invalid JSON at line {}, column {}: {what}",
        error.line(),
        error.column()
    );
    Issue::new(Path::root(), Code::InvalidJson, message)
}

/// The outcome of validating one document: a CatalogJSON document by default, or a
/// [`Logbook`].
#[derive(Debug, Clone, PartialEq)]
pub struct Validation<T = Catalog> {
    document: Option<T>,
    issues: Vec<Issue>,
}

impl<T: Root> Validation<T> {
    fn failed(issue: Issue) -> Self {
        Self {
            document: None,
            issues: vec![issue],
        }
    }

    /// Whether the document has no error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.issues.iter().any(Issue::is_error)
    }

    /// Every issue, in document order.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// The issues that make the document invalid.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|issue| issue.is_error())
    }

    /// The document, when it is valid.
    pub fn document(&self) -> Option<&T> {
        self.document.as_ref()
    }

    /// The document (when valid) and every issue.
    pub fn into_parts(self) -> (Option<T>, Vec<Issue>) {
        (self.document, self.issues)
    }

    /// The document, or every issue if it has an error.
    pub fn into_result(self) -> Result<T, CatalogError> {
        match self.document {
            Some(document) if self.is_valid() => Ok(document),
            _ => Err(CatalogError::Invalid(Box::new(InvalidDocument {
                kind: T::KIND,
                issues: self.issues,
            }))),
        }
    }
}

/// Serialises as the `validate` example prints it: `{"valid": bool, "issues": [...]}`.
impl<T: Root> serde::Serialize for Validation<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Validation", 2)?;
        out.serialize_field("valid", &self.is_valid())?;
        out.serialize_field("issues", &self.issues)?;
        out.end()
    }
}

/// Validates JSON text with no host catalog and no equipment check.
pub fn validate(input: impl AsRef<[u8]>) -> Validation {
    Validator::new().validate(input)
}

/// Parses JSON text into a [`Catalog`], or every issue if it has an error.
pub fn parse(input: impl AsRef<[u8]>) -> Result<Catalog, CatalogError> {
    Validator::new().parse(input)
}

/// Validates Logbook JSON text with no host catalog.
pub fn validate_logbook(input: impl AsRef<[u8]>) -> Validation<Logbook> {
    Validator::new().validate_logbook(input)
}

/// Parses Logbook JSON text into a [`Logbook`], or every issue if it has an error.
pub fn parse_logbook(input: impl AsRef<[u8]>) -> Result<Logbook, CatalogError> {
    Validator::new().parse_logbook(input)
}
