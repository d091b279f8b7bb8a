//! The one-pass validation engine: `serde` seeds that check a document while it is parsed.
//!
//! The parser drives a [`Visit`] of an [`Expect`] for every value. An `Expect` says what the
//! value should be; every JSON type it does not accept becomes one `invalid_type` issue and the
//! value is skipped (no cascade). Issues go to a [`Ctx`] with the path being visited and an
//! *order*, a counter taken when each value starts, so that issues found later (a missing
//! member, a conflict, an unresolved name) still come out in document order.
//!
//! A `serde` error only ever means "stop": the text is not JSON, the nesting is too deep, the
//! issue budget is spent, or the caller asked for the first error only. [`Ctx::stop`] says which.
//!
//! In WebAssembly every seed's `on_map` stays a function of its own (`inline(never)`, for
//! `wasm32` only). The browser package compiles this crate at opt-level 2 while the rest of the
//! module is built for size (the workspace `Cargo.toml`, `[profile.wasm-release]`): at 2, LLVM
//! inlines each object's members, their values and the reader into one function, which is what
//! makes the engine fast (0.77-0.83x the time of opt-level `s` in Node on the sample program),
//! but left to itself it also inlines whole subtrees of objects into their parents, for no
//! speed: 343 KB gzipped against 311 KB with the objects kept apart. Natively nothing is
//! forced: the whole-program build decides (forcing inlining cost 1-2 % more instructions
//! under callgrind).

mod ctx;
mod object;
mod primitives;
mod reader;
mod scan;

pub(crate) use ctx::{Ctx, Seg};
pub(crate) use object::{Fields, Seen, fields, missing, next_field};
pub(crate) use primitives::{
    ArrayX, BoolX, DateX, Elements, EnumX, IntX, NameX, Named, NumX, ReqStr, Skip, StrX, TokenX,
    VersionX, element, required_text,
};
pub(crate) use reader::{ReadError, Reader};

use std::fmt;
use std::marker::PhantomData;

use replog_core::Code;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// A JSON number as the parser saw it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Num {
    /// A non-negative integer.
    U(u64),
    /// A negative integer.
    I(i64),
    /// A number with a fraction or an exponent.
    F(f64),
}

impl Num {
    pub(crate) fn as_f64(self) -> f64 {
        #[allow(clippy::cast_precision_loss)] // range checks only; exact below 2^53
        match self {
            Self::U(n) => n as f64,
            Self::I(n) => n as f64,
            Self::F(n) => n,
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::U(n) => write!(f, "{n}"),
            Self::I(n) => write!(f, "{n}"),
            Self::F(n) => write!(f, "{n}"),
        }
    }
}

/// What a value should be, and what to do with each JSON type the parser finds.
///
/// Every method has a default that reports `invalid_type` (and skips a container), so an
/// implementation only writes the types it accepts.
pub(crate) trait Expect<'de>: Sized {
    /// What a successful visit produces.
    type Out;

    /// The expected type, for messages: "an integer", "an array of sets".
    fn expected(&self) -> &'static str;

    /// The context issues go to.
    fn ctx(&mut self) -> &mut Ctx;

    /// Whether the value should be a number: the parser is then told to expect one
    /// ([`NUMBER_HINT`]), and the engine's reader reads a short integer where it is visited.
    const NUMBER: bool = false;

    /// Whether the value should be a string: the parser is then told to expect one
    /// ([`STRING_HINT`]), and the engine's reader reads a short string where it is visited.
    const STRING: bool = false;

    /// A string (borrowed from the input or not).
    fn on_str<E: de::Error>(mut self, value: &str) -> Result<Option<Self::Out>, E> {
        let found = Found::Str(value);
        self.wrong(found)
    }

    /// A number.
    fn on_num<E: de::Error>(mut self, value: Num) -> Result<Option<Self::Out>, E> {
        self.wrong(Found::Num(value))
    }

    /// `true` or `false`.
    fn on_bool<E: de::Error>(mut self, value: bool) -> Result<Option<Self::Out>, E> {
        self.wrong(Found::Bool(value))
    }

    /// `null`.
    fn on_null<E: de::Error>(mut self) -> Result<Option<Self::Out>, E> {
        self.wrong(Found::Null)
    }

    /// An array.
    fn on_seq<A: SeqAccess<'de>>(mut self, seq: A) -> Result<Option<Self::Out>, A::Error> {
        self.wrong::<A::Error>(Found::Array)?;
        Skip::drain_seq(self.ctx(), seq)?;
        Ok(None)
    }

    /// An object.
    fn on_map<A: MapAccess<'de>>(mut self, map: A) -> Result<Option<Self::Out>, A::Error> {
        self.wrong::<A::Error>(Found::Object)?;
        Skip::drain_map(self.ctx(), map)?;
        Ok(None)
    }

    /// Reports `invalid_type` for the value being visited.
    #[cold]
    #[inline(never)]
    fn wrong<E: de::Error>(&mut self, found: Found<'_>) -> Result<Option<Self::Out>, E> {
        let expected = self.expected();
        let ctx = self.ctx();
        let order = ctx.order;
        ctx.report(
            order,
            Code::InvalidType,
            format!("expected {expected}, found {found}"),
        )?;
        Ok(None)
    }
}

/// A JSON value as messages describe it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Found<'a> {
    Str(&'a str),
    Num(Num),
    Bool(bool),
    Null,
    Array,
    Object,
}

impl fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Str(s) => write!(f, "the string {}", Quoted(s)),
            Self::Num(n) => write!(f, "the number {n}"),
            Self::Bool(b) => write!(f, "{b}"),
            Self::Null => f.write_str("null"),
            Self::Array => f.write_str("an array"),
            Self::Object => f.write_str("an object"),
        }
    }
}

/// A string quoted for a message, shortened past 60 characters so that a hostile value cannot
/// make a message as large as the document.
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 60;
        match self.0.char_indices().nth(SHOWN) {
            Some((cut, _)) => write!(f, "{:?}...", &self.0[..cut]),
            None => write!(f, "{:?}", self.0),
        }
    }
}

/// Adapts an [`Expect`] to `serde`: the seed asks for any type and dispatches on what it gets.
pub(crate) struct Visit<'de, X>(pub(crate) X, PhantomData<fn(&'de ())>);

impl<'de, X: Expect<'de>> Visit<'de, X> {
    pub(crate) fn new(expect: X) -> Self {
        Self(expect, PhantomData)
    }
}

impl<'de, X: Expect<'de>> DeserializeSeed<'de> for Visit<'de, X> {
    type Value = Option<X::Out>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        if X::NUMBER {
            deserializer.deserialize_newtype_struct(NUMBER_HINT, self)
        } else if X::STRING {
            deserializer.deserialize_newtype_struct(STRING_HINT, self)
        } else {
            deserializer.deserialize_any(self)
        }
    }
}

/// The name of the newtype a seed that expects a number asks the parser for: the engine's
/// reader takes it as "a number is expected here" and reads a short integer on the spot;
/// any other parser (`serde_json::Value`) visits the newtype, and the seed reads whatever
/// value is there, as with `deserialize_any`. serde has no other way to hint a type that
/// leaves every type acceptable.
pub(crate) const NUMBER_HINT: &str = "replog::number";

/// [`NUMBER_HINT`] for a seed that expects a string.
pub(crate) const STRING_HINT: &str = "replog::string";

impl<'de, X: Expect<'de>> Visitor<'de> for Visit<'de, X> {
    type Value = Option<X::Out>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.expected())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.0.on_bool(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.0.on_num(if v >= 0 {
            Num::U(v.unsigned_abs())
        } else {
            Num::I(v)
        })
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.0.on_num(Num::U(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.0.on_num(Num::F(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.0.on_str(v)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.on_null()
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.on_null()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.on_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.on_map(map)
    }

    /// A parser other than the engine's answering a hint ([`NUMBER_HINT`], [`STRING_HINT`]):
    /// whatever the value is.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// Visits the value of member `key` of the object being read with the expectation that
/// `|ctx| expr` builds; the member's path segment and order are set for the duration.
///
/// A macro rather than a function: the expectation borrows the context, and a closure cannot
/// return a borrow of its argument.
macro_rules! member {
    ($map:expr, $ctx:expr, $key:literal, |$c:ident| $make:expr) => {{
        $ctx.path.push($crate::engine::Seg::Key($key));
        $ctx.order += 1;
        let out = {
            let $c = &mut *$ctx;
            serde::de::MapAccess::next_value_seed(&mut $map, $crate::engine::Visit::new($make))
        };
        $ctx.path.pop();
        out
    }};
}
pub(crate) use member;

/// [`member!`], also saying whether the value had the right type (it may still be out of
/// range): `(value, typed)`. Rules relating a member to others apply only when it did, so a
/// wrong type gives one issue, not a cascade.
macro_rules! typed_member {
    ($map:expr, $ctx:expr, $key:literal, |$c:ident| $make:expr) => {{
        let before = $ctx.type_errors();
        let out = $crate::engine::member!($map, $ctx, $key, |$c| $make);
        out.map(|value| (value, $ctx.type_errors() == before))
    }};
}
pub(crate) use typed_member;
