//! Reading objects: member names, unknown members, repeated members and missing members.

use std::marker::PhantomData;

use replog_core::Code;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::{Ctx, Quoted, Skip};
use replog_core::closest;

/// The members an object may have.
pub(crate) trait Fields: Sized + Copy + 'static {
    /// Every member name, in the spec's order.
    const NAMES: &'static [&'static str];

    /// The member with this name.
    fn from_name(name: &str) -> Option<Self>;

    /// The member's position in [`Fields::NAMES`].
    fn index(self) -> usize;
}

/// Declares the members of an object: an enum with one variant per member name.
macro_rules! fields {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum $name { $($variant),+ }

        impl $crate::engine::Fields for $name {
            const NAMES: &'static [&'static str] = &[$($key),+];

            #[inline]
            fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($key => Some(Self::$variant),)+
                    _ => None,
                }
            }

            fn index(self) -> usize {
                self as usize
            }
        }
    };
}
pub(crate) use fields;

enum Key<F> {
    Known(F),
    Unknown(String),
}

struct KeySeed<F>(PhantomData<F>);

impl<'de, F: Fields> DeserializeSeed<'de> for KeySeed<F> {
    type Value = Key<F>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<F>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, F: Fields> Visitor<'de> for KeySeed<F> {
    type Value = Key<F>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key<F>, E> {
        Ok(F::from_name(name).map_or_else(|| Key::Unknown(name.to_owned()), Key::Known))
    }
}

/// The members of one object seen so far, to catch a member given twice.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Seen(u32);

impl Seen {
    /// Whether member `field` was given.
    pub(crate) fn has<F: Fields>(self, field: F) -> bool {
        self.0 & (1 << field.index()) != 0
    }
}

/// Reads member names up to the next known member that has not been given before, and
/// returns it; `None` at the end of the object. Unknown and repeated members are reported
/// and their values skipped.
pub(crate) fn next_field<'de, A: MapAccess<'de>, F: Fields>(
    map: &mut A,
    ctx: &mut Ctx,
    seen: &mut Seen,
) -> Result<Option<F>, A::Error> {
    loop {
        match map.next_key_seed(KeySeed::<F>(PhantomData))? {
            None => return Ok(None),
            Some(Key::Known(field)) => {
                let bit = 1u32 << field.index();
                if seen.0 & bit == 0 {
                    seen.0 |= bit;
                    return Ok(Some(field));
                }
                ctx.order += 1;
                let name = F::NAMES[field.index()];
                let order = ctx.order;
                ctx.report_member(
                    order,
                    name,
                    Code::Duplicate,
                    format!("member {name:?} is given twice; the object keeps neither silently"),
                )?;
                map.next_value_seed(Skip(ctx))?;
            }
            Some(Key::Unknown(name)) => {
                ctx.order += 1;
                let order = ctx.order;
                let message = unknown_message(&name, F::NAMES);
                ctx.push_unknown(name);
                ctx.report(order, Code::UnknownField, message)?;
                map.next_value_seed(Skip(ctx))?;
                ctx.pop_unknown();
            }
        }
    }
}

fn unknown_message(name: &str, allowed: &[&str]) -> String {
    let hint = closest(name, allowed.iter().copied(), 0.75)
        .map(|near| format!("; did you mean \"{near}\"?"))
        .unwrap_or_default();
    format!(
        "unknown member {}{hint} (allowed: {})",
        Quoted(name),
        allowed.join(", ")
    )
}

/// Reports `required` for member `field`, missing from the object that started at `order`.
pub(crate) fn missing<E: de::Error, F: Fields>(
    ctx: &mut Ctx,
    order: u32,
    field: F,
) -> Result<(), E> {
    let name = F::NAMES[field.index()];
    ctx.report_member(order, name, Code::Required, format!("{name} is required"))
}
