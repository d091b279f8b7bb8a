//! Expectations for the leaf values of a document (strings, tokens, enums, numbers) and for
//! arrays, plus the bounded skipper for values nothing reads.

use std::marker::PhantomData;

use replog_core::{Code, Date, parse_date};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{Ctx, Expect, Num, Quoted, Seg, Visit};

/// An optional string of at most `max` characters (and at least `min`) after trimming.
/// Produces the trimmed string.
pub(crate) struct StrX<'c> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) field: &'static str,
    pub(crate) min: usize,
    pub(crate) max: usize,
}

impl<'de> Expect<'de> for StrX<'_> {
    type Out = String;

    const STRING: bool = true;

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_str<E: de::Error>(self, value: &str) -> Result<Option<String>, E> {
        let trimmed = trim(value);
        let ok = check_length(self.ctx, self.field, trimmed, self.min, self.max)?;
        // Free text is only kept when the document is built.
        Ok(ok.then(|| {
            if self.ctx.build {
                trimmed.to_owned()
            } else {
                String::new()
            }
        }))
    }
}

/// A [`StrX`] that is a name (an alias): kept even when the document is not built, because
/// uniqueness and reference rules need it.
pub(crate) struct NameX<'c>(pub(crate) StrX<'c>);

impl<'de> Expect<'de> for NameX<'_> {
    type Out = String;

    const STRING: bool = true;

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.0.ctx
    }

    fn on_str<E: de::Error>(self, value: &str) -> Result<Option<String>, E> {
        let StrX {
            ctx,
            field,
            min,
            max,
        } = self.0;
        let trimmed = trim(value);
        Ok(check_length(ctx, field, trimmed, min, max)?.then(|| trimmed.to_owned()))
    }
}

/// A required string: one that is blank after trimming counts as missing (`required`).
pub(crate) struct ReqStr<'c> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) field: &'static str,
    pub(crate) max: usize,
}

impl<'de> Expect<'de> for ReqStr<'_> {
    type Out = String;

    const STRING: bool = true;

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_str<E: de::Error>(self, value: &str) -> Result<Option<String>, E> {
        Ok(required_text(self.ctx, self.field, value, self.max)?.map(str::to_owned))
    }
}

/// Checks a required string (blank counts as missing, `required`; longer than `max`
/// characters after trimming, `too_big`) and returns it trimmed when it passes.
pub(crate) fn required_text<'a, E: de::Error>(
    ctx: &mut Ctx,
    field: &'static str,
    value: &'a str,
    max: usize,
) -> Result<Option<&'a str>, E> {
    let trimmed = trim(value);
    if trimmed.is_empty() {
        let order = ctx.order;
        ctx.report(
            order,
            Code::Required,
            format!("{field} is required and is blank"),
        )?;
        return Ok(None);
    }
    Ok(check_length(ctx, field, trimmed, 1, max)?.then_some(trimmed))
}

/// `value` without leading and trailing whitespace, as `str::trim` has it. Text that starts
/// and ends with a visible ASCII character, as most does, is returned as it is without
/// decoding a character: `trim` goes through the generic pattern machinery, which took about
/// 1 % of the browser package's time.
#[inline]
fn trim(value: &str) -> &str {
    let visible = |byte: u8| byte.is_ascii_graphic();
    match value.as_bytes() {
        [first, .., last] if visible(*first) && visible(*last) => value,
        [only] if visible(*only) => value,
        _ => value.trim(),
    }
}

fn check_length<E: de::Error>(
    ctx: &mut Ctx,
    field: &'static str,
    trimmed: &str,
    min: usize,
    max: usize,
) -> Result<bool, E> {
    // Byte length bounds the character count from above, so most strings skip the count.
    if trimmed.len() <= max && trimmed.len() >= min.saturating_mul(4) {
        return Ok(true);
    }
    let chars = trimmed.chars().count();
    let order = ctx.order;
    if chars > max {
        ctx.report(
            order,
            Code::TooBig,
            format!("{field} must be at most {max} characters, found {chars}"),
        )?;
        return Ok(false);
    }
    if chars < min {
        let what = if chars == 0 {
            "blank".to_owned()
        } else {
            format!("{chars} characters")
        };
        ctx.report(
            order,
            Code::TooSmall,
            format!(
                "{field} must be at least {min} character{}, found {what}",
                plural(min)
            ),
        )?;
        return Ok(false);
    }
    Ok(true)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A snake_case token such as an equipment or muscle name: `^[a-z][a-z0-9_]*$`.
pub(crate) struct TokenX<'c> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) field: &'static str,
}

/// Whether `value` matches `^[a-z][a-z0-9_]*$`.
pub(crate) fn is_token(value: &str) -> bool {
    let mut bytes = value.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl<'de> Expect<'de> for TokenX<'_> {
    type Out = String;

    const STRING: bool = true;

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_str<E: de::Error>(self, value: &str) -> Result<Option<String>, E> {
        if is_token(value) {
            return Ok(Some(value.to_owned()));
        }
        let order = self.ctx.order;
        self.ctx.report(
            order,
            Code::InvalidFormat,
            format!(
                "{} must be a snake_case name matching ^[a-z][a-z0-9_]*$ (like \"pull_up_bar\"), found {}",
                self.field,
                Quoted(value)
            ),
        )?;
        Ok(None)
    }
}

/// An enum that a string names: its allowed names, for parsing and for messages.
pub(crate) trait Named: Sized + Copy + 'static {
    /// Every value with its name, in the spec's order.
    const ALL: &'static [(&'static str, Self)];
}

/// A string naming a value of `T`.
pub(crate) struct EnumX<'c, T> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) field: &'static str,
    pub(crate) kind: PhantomData<T>,
}

impl<'c, T> EnumX<'c, T> {
    pub(crate) fn new(ctx: &'c mut Ctx, field: &'static str) -> Self {
        Self {
            ctx,
            field,
            kind: PhantomData,
        }
    }
}

impl<'de, T: Named> Expect<'de> for EnumX<'_, T> {
    type Out = T;

    const STRING: bool = true;

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_str<E: de::Error>(self, value: &str) -> Result<Option<T>, E> {
        if let Some((_, found)) = T::ALL.iter().find(|(name, _)| *name == value) {
            return Ok(Some(*found));
        }
        let allowed: Vec<String> = T::ALL
            .iter()
            .map(|(name, _)| format!("\"{name}\""))
            .collect();
        let order = self.ctx.order;
        self.ctx.report(
            order,
            Code::InvalidEnum,
            format!(
                "{} must be one of {}, found {}",
                self.field,
                allowed.join(", "),
                Quoted(value)
            ),
        )?;
        Ok(None)
    }
}

/// An integer in `min..=max`. A number with a zero fraction (`3.0`) is an integer, as in JSON
/// Schema.
pub(crate) struct IntX<'c> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) field: &'static str,
    pub(crate) min: u64,
    pub(crate) max: u64,
}

impl<'de> Expect<'de> for IntX<'_> {
    type Out = u64;

    const NUMBER: bool = true;

    fn expected(&self) -> &'static str {
        "an integer"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_num<E: de::Error>(self, value: Num) -> Result<Option<u64>, E> {
        let order = self.ctx.order;
        let (field, min, max) = (self.field, self.min, self.max);
        let integer = match value {
            Num::U(n) => Some(n),
            Num::I(_) => None,
            Num::F(f) if f.fract() != 0.0 || !f.is_finite() => {
                self.ctx.report(
                    order,
                    Code::NotInteger,
                    format!("{field} must be a whole number, found {value}"),
                )?;
                return Ok(None);
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            // checked: whole, >= 0
            Num::F(f) if f >= 0.0 && f <= u64::MAX as f64 => Some(f as u64),
            Num::F(_) => None,
        };
        match integer {
            Some(n) if n < min => {
                self.ctx.report(
                    order,
                    Code::TooSmall,
                    format!("{field} must be at least {min}, found {value}"),
                )?;
                Ok(None)
            }
            Some(n) if n > max => {
                self.ctx.report(
                    order,
                    Code::TooBig,
                    format!("{field} must be at most {max}, found {value}"),
                )?;
                Ok(None)
            }
            Some(n) => Ok(Some(n)),
            // Negative, or too large for u64.
            None if value.as_f64() < 0.0 => {
                self.ctx.report(
                    order,
                    Code::TooSmall,
                    format!("{field} must be at least {min}, found {value}"),
                )?;
                Ok(None)
            }
            None => {
                self.ctx.report(
                    order,
                    Code::TooBig,
                    format!("{field} must be at most {max}, found {value}"),
                )?;
                Ok(None)
            }
        }
    }
}

/// A number in range, optionally above an exclusive minimum and on a step.
pub(crate) struct NumX<'c> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) field: &'static str,
    pub(crate) min: f64,
    pub(crate) min_exclusive: bool,
    pub(crate) max: f64,
    pub(crate) step: Option<f64>,
}

impl<'de> Expect<'de> for NumX<'_> {
    type Out = f64;

    const NUMBER: bool = true;

    fn expected(&self) -> &'static str {
        "a number"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_num<E: de::Error>(self, value: Num) -> Result<Option<f64>, E> {
        let n = value.as_f64();
        let order = self.ctx.order;
        let field = self.field;
        if self.min_exclusive && n <= self.min {
            let min = self.min;
            self.ctx.report(
                order,
                Code::TooSmall,
                format!("{field} must be greater than {min}, found {value}"),
            )?;
            return Ok(None);
        }
        if n < self.min {
            let min = self.min;
            self.ctx.report(
                order,
                Code::TooSmall,
                format!("{field} must be at least {min}, found {value}"),
            )?;
            return Ok(None);
        }
        if n > self.max {
            let max = self.max;
            self.ctx.report(
                order,
                Code::TooBig,
                format!("{field} must be at most {max}, found {value}"),
            )?;
            return Ok(None);
        }
        if let Some(step) = self.step {
            if (n / step).fract() != 0.0 {
                self.ctx.report(
                    order,
                    Code::NotMultiple,
                    format!("{field} must be a multiple of {step}, got {value}"),
                )?;
                return Ok(None);
            }
        }
        Ok(Some(n))
    }
}

/// `true` or `false`.
pub(crate) struct BoolX<'c> {
    pub(crate) ctx: &'c mut Ctx,
}

impl<'de> Expect<'de> for BoolX<'_> {
    type Out = bool;

    fn expected(&self) -> &'static str {
        "true or false"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_bool<E: de::Error>(self, value: bool) -> Result<Option<bool>, E> {
        Ok(Some(value))
    }
}

/// The elements of an array: how to visit the element at each index.
pub(crate) trait Elements<'de> {
    /// What one valid element produces.
    type Out;

    /// Whether the elements are kept even when the document is not built (checks need them).
    const KEEP: bool = false;

    /// Visits the next element, at `index`; `None` at the end of the array, `Some(None)` for
    /// an element with an issue.
    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        index: usize,
    ) -> Result<Option<Option<Self::Out>>, A::Error>;
}

impl<'de, L: Elements<'de>> Elements<'de> for &mut L {
    type Out = L::Out;
    const KEEP: bool = L::KEEP;

    fn next<A: SeqAccess<'de>>(
        &mut self,
        ctx: &mut Ctx,
        seq: &mut A,
        index: usize,
    ) -> Result<Option<Option<Self::Out>>, A::Error> {
        (**self).next(ctx, seq, index)
    }
}

/// An array of `min..=max` elements; keeps the elements that had no issue.
pub(crate) struct ArrayX<'c, L> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) field: &'static str,
    pub(crate) expected: &'static str,
    pub(crate) min: usize,
    pub(crate) max: usize,
    pub(crate) elements: L,
}

impl<'de, L: Elements<'de>> Expect<'de> for ArrayX<'_, L> {
    type Out = Vec<L::Out>;

    fn expected(&self) -> &'static str {
        self.expected
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Option<Self::Out>, A::Error> {
        let ctx = self.ctx;
        let start = ctx.order;
        ctx.enter()?;
        let mut out = Vec::new();
        let mut index = 0;
        loop {
            ctx.path.push(Seg::Index(index));
            ctx.order += 1;
            let element = self.elements.next(ctx, &mut seq, index);
            ctx.path.pop();
            match element? {
                None => break,
                Some(Some(value)) if ctx.build || L::KEEP => out.push(value),
                Some(_) => {}
            }
            index += 1;
        }
        ctx.leave();
        let (field, min, max) = (self.field, self.min, self.max);
        if index > max {
            ctx.report(
                start,
                Code::TooBig,
                format!(
                    "{field} must have at most {max} item{}, found {index}",
                    plural(max)
                ),
            )?;
        } else if index < min {
            ctx.report(
                start,
                Code::TooSmall,
                format!(
                    "{field} must have at least {min} item{}, found {index}",
                    plural(min)
                ),
            )?;
        }
        Ok(Some(out))
    }
}

/// Skips a value nothing reads (an unknown member, a value of the wrong type), still bounding
/// its nesting.
pub(crate) struct Skip<'c>(pub(crate) &'c mut Ctx);

impl Skip<'_> {
    pub(crate) fn drain_seq<'de, A: SeqAccess<'de>>(
        ctx: &mut Ctx,
        mut seq: A,
    ) -> Result<(), A::Error> {
        ctx.enter()?;
        while seq.next_element_seed(Skip(ctx))?.is_some() {}
        ctx.leave();
        Ok(())
    }

    pub(crate) fn drain_map<'de, A: MapAccess<'de>>(
        ctx: &mut Ctx,
        mut map: A,
    ) -> Result<(), A::Error> {
        ctx.enter()?;
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value_seed(Skip(ctx))?;
        }
        ctx.leave();
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Skip<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Skip::drain_seq(self.0, seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        Skip::drain_map(self.0, map)
    }
}

/// Visits the next element of `seq` with `expect`.
pub(crate) fn element<'de, A, X>(seq: &mut A, expect: X) -> Result<Option<Option<X::Out>>, A::Error>
where
    A: SeqAccess<'de>,
    X: Expect<'de>,
{
    seq.next_element_seed(Visit::new(expect))
}

/// A calendar date written `YYYY-MM-DD` (ISO 8601's extended calendar form, nothing else).
pub(crate) struct DateX<'c> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) field: &'static str,
}

impl<'de> Expect<'de> for DateX<'_> {
    type Out = Date;

    const STRING: bool = true;

    fn expected(&self) -> &'static str {
        "a date string (YYYY-MM-DD)"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_str<E: de::Error>(self, value: &str) -> Result<Option<Date>, E> {
        let problem = match parse_date(value) {
            Ok(date) => return Ok(Some(date)),
            Err(problem) => problem,
        };
        let order = self.ctx.order;
        self.ctx.report(
            order,
            Code::InvalidFormat,
            format!("{} {problem}, found {}", self.field, Quoted(value)),
        )?;
        Ok(None)
    }
}

/// A document's version member: an integer that must be `version`.
pub(crate) struct VersionX<'c> {
    pub(crate) ctx: &'c mut Ctx,
    pub(crate) field: &'static str,
    pub(crate) version: u64,
    /// The format and version this library reads, for messages: "CatalogJSON v1".
    pub(crate) format: &'static str,
}

impl<'de> Expect<'de> for VersionX<'_> {
    type Out = ();

    const NUMBER: bool = true;

    fn expected(&self) -> &'static str {
        "an integer"
    }

    fn ctx(&mut self) -> &mut Ctx {
        self.ctx
    }

    fn on_num<E: de::Error>(self, value: Num) -> Result<Option<()>, E> {
        let Self {
            ctx,
            field,
            version,
            format,
        } = self;
        let order = ctx.order;
        #[allow(clippy::float_cmp, clippy::cast_precision_loss)] // an exact small integer
        let (code, message) = match value {
            Num::U(n) if n == version => return Ok(Some(())),
            Num::F(f) if f == version as f64 => return Ok(Some(())),
            Num::F(f) if f.fract() != 0.0 => (
                Code::NotInteger,
                format!("{field} must be a whole number, found {value}"),
            ),
            _ => (
                Code::UnsupportedVersion,
                format!("{field} must be {version} (this library reads {format}), found {value}"),
            ),
        };
        ctx.report(order, code, message)?;
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The shortcut for text between visible ASCII characters trims as `str::trim` does.
        #[test]
        fn trim_is_str_trim(value in "[ \\t\\n\\u{a0}\\u{3000}a-z~!é]{0,6}") {
            prop_assert_eq!(super::trim(&value), value.trim());
        }
    }
}
