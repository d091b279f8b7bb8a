//! The JSON reader the engine runs on: a `serde` [`Deserializer`] over text already known to
//! be UTF-8, built for the engine's one way of reading (`deserialize_any`, member names, and
//! the hints of seeds that expect a number or a string).
//!
//! Why not `serde_json::Deserializer`: measured with callgrind on a 12-week program, half of
//! a validation was serde_json's reading, most of it per-string and per-member set-up that a
//! reader which borrows every unescaped string and scans eight bytes at a time does not pay.
//! The engine's seeds are unchanged; only what drives them is.
//!
//! It accepts exactly RFC 8259 JSON, as serde_json does. On an error it records only where
//! it stopped: the message a user sees is serde_json's own, by reading the text again with
//! serde_json (see [`ReadError`]), so messages are the same as they always were, and bad text
//! is the cold path.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::scan;

/// Nesting the reader allows on its own, whatever its visitor does (serde_json's bound).
const MAX_NESTING: u32 = 128;

/// Why reading stopped: the text is not JSON at byte `at`, or a seed asked to stop (`at` is
/// `usize::MAX`). Eight bytes, so results stay in registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ReadError {
    at: usize,
}

impl ReadError {
    /// The byte offset where the text stopped being JSON; `None` when a seed stopped the read.
    pub(crate) fn syntax_at(self) -> Option<usize> {
        (self.at != usize::MAX).then_some(self.at)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.syntax_at() {
            Some(at) => write!(f, "not JSON at byte {at}"),
            None => f.write_str("stopped"),
        }
    }
}

impl std::error::Error for ReadError {}

impl de::Error for ReadError {
    #[cold]
    fn custom<T: fmt::Display>(_: T) -> Self {
        Self { at: usize::MAX }
    }
}

/// Reads one JSON text. Use `&mut Reader` as the [`Deserializer`], then [`Reader::end`].
pub(crate) struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    pos: usize,
    nesting: u32,
    /// Strings with escapes are unescaped here; the others are borrowed from the text.
    scratch: String,
}

impl<'de> Reader<'de> {
    pub(crate) fn new(text: &'de str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            nesting: 0,
            scratch: String::new(),
        }
    }

    /// Requires nothing but whitespace after the value read.
    pub(crate) fn end(&mut self) -> Result<(), ReadError> {
        match self.peek_past_space() {
            None => Ok(()),
            Some(_) => Err(self.error()),
        }
    }

    #[cold]
    fn error(&self) -> ReadError {
        ReadError { at: self.pos }
    }

    /// The next byte that is not JSON whitespace, without taking it.
    #[inline]
    fn peek_past_space(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.pos)?;
        // Every byte above the space is not whitespace: one comparison for most.
        if byte > b' ' {
            return Some(byte);
        }
        self.skip_space()
    }

    /// Skips the whitespace at `pos` and returns the byte after it. Runs of blanks (a
    /// pretty-printed document's indentation, two thirds of the bytes of the sample program)
    /// go a block at a time ([`scan`]).
    #[inline]
    fn skip_space(&mut self) -> Option<u8> {
        // One space between tokens, as in `": "` and `", "`, the way most writers separate.
        if let Some(&[b' ', next]) = self.bytes.get(self.pos..self.pos + 2) {
            if next > b' ' {
                self.pos += 1;
                return Some(next);
            }
        }
        loop {
            while let Some(block) = scan::block_at(self.bytes, self.pos) {
                if let Some(offset) = scan::past_blanks(block) {
                    self.pos += offset;
                    break;
                }
                self.pos += scan::BLOCK;
            }
            let byte = *self.bytes.get(self.pos)?;
            if !matches!(byte, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(byte);
            }
            self.pos += 1;
        }
    }

    /// Takes `literal` (the rest of `true`, `false` or `null` after its first byte).
    fn literal(&mut self, rest: &[u8]) -> Result<(), ReadError> {
        let end = self.pos + rest.len();
        if self.bytes.get(self.pos..end) == Some(rest) {
            self.pos = end;
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn enter(&mut self) -> Result<(), ReadError> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(self.error());
        }
        self.pos += 1;
        Ok(())
    }

    /// Takes the byte closing a container, after its last element.
    fn close(&mut self, closing: u8) -> Result<(), ReadError> {
        self.nesting -= 1;
        if self.peek_past_space() == Some(closing) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error())
        }
    }

    /// Reads a string whose opening quote is at `pos` and hands it to `visitor`.
    #[inline]
    fn string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        match self.parse_string()? {
            Some(borrowed) => visitor.visit_borrowed_str(borrowed),
            None => visitor.visit_str(&self.scratch),
        }
    }

    /// Reads a string whose opening quote is at `pos`: borrowed from the text, or `None` when
    /// it had escapes and is in the scratch buffer. Not generic, so one copy serves every
    /// visitor in a WebAssembly module, where size comes first; natively it is inlined into
    /// each visitor's reading (callgrind: 9 % fewer instructions).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn parse_string(&mut self) -> Result<Option<&'de str>, ReadError> {
        self.pos += 1;
        let start = self.pos;
        let stop = self.scan_string();
        match self.bytes.get(stop) {
            Some(b'"') => {
                self.pos = stop + 1;
                // Both ends are next to ASCII quotes, so they are char boundaries.
                let text: &'de str = self.text;
                text.get(start..stop).map(Some).ok_or_else(|| self.error())
            }
            Some(b'\\') => {
                self.pos = stop;
                self.unescape(start)?;
                Ok(None)
            }
            // A control character, or the end of the text.
            _ => {
                self.pos = stop;
                Err(self.error())
            }
        }
    }

    /// The string whose opening quote is at `pos`, when it ends within the block after the
    /// quote with no escape, as member names and most values do; `pos` is then past it. In
    /// WebAssembly, where [`Reader::parse_string`] stays a call with its result in memory,
    /// member names, and the values of seeds that expect a string, are read this way where
    /// they are used: on the sample program, 0.96-0.975x the time of the browser package for
    /// the names and 0.97-0.98x for the values (+1.7 and +2.1 KB gzipped). Natively
    /// `parse_string` is inlined already, and this cost 0.8 % more instructions.
    #[cfg(target_arch = "wasm32")]
    #[inline]
    fn short_string(&mut self) -> Option<&'de str> {
        let start = self.pos + 1;
        let stop = start + scan::string_stop(scan::block_at(self.bytes, start)?)?;
        if self.bytes.get(stop) != Some(&b'"') {
            return None;
        }
        // Both ends are next to ASCII quotes, so they are char boundaries.
        let text: &'de str = self.text;
        let name = text.get(start..stop)?;
        self.pos = stop + 1;
        Some(name)
    }

    /// The integer at the next value, when it is one of at most twelve digits, not starting
    /// with `0`, with no fraction or exponent; `pos` is then past it. Otherwise `pos` is at the
    /// value, for the general reading.
    #[cfg(target_arch = "wasm32")]
    #[inline]
    fn short_integer(&mut self) -> Option<u64> {
        const DIGITS: usize = 12;
        let first = self.peek_past_space()?;
        if !(b'1'..=b'9').contains(&first) {
            return None;
        }
        let mut value = u64::from(first - b'0');
        let mut at = self.pos + 1;
        while let Some(&byte) = self.bytes.get(at) {
            let digit = byte.wrapping_sub(b'0');
            if digit > 9 {
                if matches!(byte, b'.' | b'e' | b'E') {
                    return None;
                }
                break;
            }
            if at - self.pos == DIGITS {
                return None;
            }
            value = value * 10 + u64::from(digit);
            at += 1;
        }
        self.pos = at;
        Some(value)
    }

    /// The offset of the first `"`, `\` or control character at or after `pos` (the length of
    /// the text when there is none): a block at a time ([`scan`]) while a block is left.
    #[inline]
    fn scan_string(&self) -> usize {
        let mut at = self.pos;
        while let Some(block) = scan::block_at(self.bytes, at) {
            if let Some(offset) = scan::string_stop(block) {
                return at + offset;
            }
            at += scan::BLOCK;
        }
        while let Some(&byte) = self.bytes.get(at) {
            if byte == b'"' || byte == b'\\' || byte < 0x20 {
                return at;
            }
            at += 1;
        }
        at
    }

    /// Unescapes the string that started at `start` into the scratch buffer; `pos` is at its
    /// first backslash. Leaves `pos` past the closing quote.
    #[cold]
    fn unescape(&mut self, start: usize) -> Result<(), ReadError> {
        self.scratch.clear();
        let mut from = start;
        loop {
            let stop = self.scan_string();
            let run = self.text.get(from..stop).ok_or_else(|| self.error())?;
            self.scratch.push_str(run);
            self.pos = stop;
            match self.bytes.get(stop) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let simple = match self.bytes.get(self.pos) {
                        Some(b'"') => Some('"'),
                        Some(b'\\') => Some('\\'),
                        Some(b'/') => Some('/'),
                        Some(b'b') => Some('\u{8}'),
                        Some(b'f') => Some('\u{c}'),
                        Some(b'n') => Some('\n'),
                        Some(b'r') => Some('\r'),
                        Some(b't') => Some('\t'),
                        Some(b'u') => None,
                        _ => return Err(self.error()),
                    };
                    self.pos += 1;
                    let escaped = match simple {
                        Some(escaped) => escaped,
                        // Leaves `pos` past the hex digits.
                        None => self.unicode_escape()?,
                    };
                    self.scratch.push(escaped);
                    from = self.pos;
                }
                _ => return Err(self.error()),
            }
        }
    }

    /// Reads the four hex digits after `\u` (and a low surrogate's `\uXXXX` after a high
    /// one); lone surrogates are not text, as serde_json also holds. Leaves `pos` past them.
    fn unicode_escape(&mut self) -> Result<char, ReadError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.error());
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error());
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error()),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.error())
    }

    fn hex4(&mut self) -> Result<u32, ReadError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self
                .bytes
                .get(self.pos)
                .and_then(|&byte| char::from(byte).to_digit(16))
                .ok_or_else(|| self.error())?;
            value = value * 16 + digit;
            self.pos += 1;
        }
        Ok(value)
    }

    /// Reads a number starting at `pos` and hands it to `visitor` as serde_json would: a
    /// non-negative integer as `u64`, a negative one as `i64`, anything else (a fraction, an
    /// exponent, `-0`, an integer too large) as `f64`.
    fn number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, ReadError> {
        match self.parse_number()? {
            Number::U(n) => visitor.visit_u64(n),
            Number::I(n) => visitor.visit_i64(n),
            Number::F(n) => visitor.visit_f64(n),
        }
    }

    /// Reads a number starting at `pos`. Not generic, so one copy serves every visitor in a
    /// WebAssembly module; inlined natively, as [`Reader::parse_string`] is.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn parse_number(&mut self) -> Result<Number, ReadError> {
        let start = self.pos;
        let negative = self.bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        // The integer part: `0`, or a digit 1-9 and more digits.
        let whole_start = self.pos;
        let mut mantissa = self.digits(0);
        let whole = self.pos - whole_start;
        if whole == 0 || (whole > 1 && self.bytes.get(whole_start) == Some(&b'0')) {
            return Err(ReadError { at: whole_start });
        }
        let mut digits = whole;
        let mut scale: i64 = 0;
        let mut float = false;
        if self.bytes.get(self.pos) == Some(&b'.') {
            float = true;
            self.pos += 1;
            let fraction_start = self.pos;
            mantissa = self.digits(mantissa);
            let fraction = self.pos - fraction_start;
            if fraction == 0 {
                return Err(self.error());
            }
            digits += fraction;
            #[allow(clippy::cast_possible_wrap)] // at most the text's length
            {
                scale = -(fraction as i64);
            }
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            float = true;
            self.pos += 1;
            let sign = match self.bytes.get(self.pos) {
                Some(b'-') => {
                    self.pos += 1;
                    -1
                }
                Some(b'+') => {
                    self.pos += 1;
                    1
                }
                _ => 1,
            };
            let exponent_start = self.pos;
            let mut exponent: i64 = 0;
            while let Some(&byte) = self.bytes.get(self.pos) {
                if !byte.is_ascii_digit() {
                    break;
                }
                exponent = (exponent * 10 + i64::from(byte - b'0')).min(1 << 32);
                self.pos += 1;
            }
            if self.pos == exponent_start {
                return Err(self.error());
            }
            scale += sign * exponent;
        }
        // Up to 19 digits cannot overflow a u64, so `digits` wrapped nothing.
        if digits <= 19 {
            if !float {
                if !negative {
                    return Ok(Number::U(mantissa));
                }
                if mantissa != 0 && mantissa <= 1 << 63 {
                    #[allow(clippy::cast_possible_wrap)] // 2^63 wraps to i64::MIN, as meant
                    return Ok(Number::I((mantissa as i64).wrapping_neg()));
                }
            }
            // Exact when the digits fit in 53 bits and the power of ten is exact (Clinger's
            // fast path), as serde_json's own fast path is.
            if mantissa < 1 << 53 && (-22..=22).contains(&scale) {
                #[allow(clippy::cast_precision_loss)] // below 2^53: exact
                let m = mantissa as f64;
                let power = POW10[scale.unsigned_abs() as usize];
                let value = if scale < 0 { m / power } else { m * power };
                return Ok(Number::F(if negative { -value } else { value }));
            }
        }
        self.slow_number(start, float, negative)
    }

    /// The digits at `pos` appended to `mantissa` (wrapping: the caller counts them).
    #[inline]
    fn digits(&mut self, mut mantissa: u64) -> u64 {
        while let Some(&byte) = self.bytes.get(self.pos) {
            let digit = byte.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(digit));
            self.pos += 1;
        }
        mantissa
    }

    /// A number with more digits than a `u64` holds, or past the exact fast path: an integer
    /// that still fits its type keeps it; anything else is the `f64` serde_json reads, and out
    /// of `f64`'s range is an error (serde_json's "number out of range").
    #[cold]
    #[inline(never)]
    fn slow_number(
        &mut self,
        start: usize,
        float: bool,
        negative: bool,
    ) -> Result<Number, ReadError> {
        let text = self.text.get(start..self.pos).ok_or_else(|| self.error())?;
        if !float {
            if !negative {
                if let Ok(n) = text.parse::<u64>() {
                    return Ok(Number::U(n));
                }
            } else if let Ok(n) = text.parse::<i64>() {
                if n != 0 {
                    return Ok(Number::I(n));
                }
            }
        }
        // serde_json's own reading of the digits, so every number reads exactly as it did
        // before this reader (and as `validate_value` reads it); it also refuses out of range.
        let value: f64 = serde_json::from_str(text).map_err(|_| ReadError { at: start })?;
        Ok(Number::F(value))
    }
}

/// A number as serde_json hands it over.
enum Number {
    /// A non-negative integer.
    U(u64),
    /// A negative integer.
    I(i64),
    /// Anything else: a fraction, an exponent, `-0`, an integer too large for its type.
    F(f64),
}

/// The powers of ten an `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl<'de> Deserializer<'de> for &mut Reader<'de> {
    type Error = ReadError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        match self.peek_past_space() {
            Some(b'"') => self.string(visitor),
            Some(b'{') => {
                self.enter()?;
                let value = visitor.visit_map(Members {
                    reader: &mut *self,
                    first: true,
                })?;
                self.close(b'}')?;
                Ok(value)
            }
            Some(b'[') => {
                self.enter()?;
                let value = visitor.visit_seq(Elements {
                    reader: &mut *self,
                    first: true,
                })?;
                self.close(b']')?;
                Ok(value)
            }
            Some(b'-' | b'0'..=b'9') => self.number(visitor),
            Some(b't') => {
                self.pos += 1;
                self.literal(b"rue")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.pos += 1;
                self.literal(b"alse")?;
                visitor.visit_bool(false)
            }
            Some(b'n') => {
                self.pos += 1;
                self.literal(b"ull")?;
                visitor.visit_unit()
            }
            _ => Err(self.error()),
        }
    }

    /// A member name: [`Members`] has already checked that a string starts here.
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ReadError> {
        if self.bytes.get(self.pos) == Some(&b'"') {
            #[cfg(target_arch = "wasm32")]
            if let Some(name) = self.short_string() {
                return visitor.visit_borrowed_str(name);
            }
            self.string(visitor)
        } else {
            self.deserialize_any(visitor)
        }
    }

    /// `NUMBER_HINT` (engine/mod.rs): a number is expected. In WebAssembly, where
    /// `Reader::parse_number` stays a call with its result in memory, a short integer (the
    /// usual reps, sort orders and seconds) is read here; anything else as by
    /// `deserialize_any`. `STRING_HINT` likewise reads a short string (`Reader::short_string`).
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ReadError> {
        #[cfg(target_arch = "wasm32")]
        if name == super::NUMBER_HINT {
            if let Some(n) = self.short_integer() {
                return visitor.visit_u64(n);
            }
        } else if name == super::STRING_HINT && self.peek_past_space() == Some(b'"') {
            if let Some(short) = self.short_string() {
                return visitor.visit_borrowed_str(short);
            }
        }
        let _ = name;
        self.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct seq tuple
        tuple_struct map struct enum ignored_any
    }
}

/// The elements of an array being read.
struct Elements<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
}

impl<'de> SeqAccess<'de> for Elements<'_, 'de> {
    type Error = ReadError;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ReadError> {
        let reader = &mut *self.reader;
        match reader.peek_past_space() {
            Some(b']') => return Ok(None),
            Some(b',') if !self.first => {
                // `[1,]` is not JSON: `]` starts no value.
                reader.pos += 1;
            }
            Some(_) if self.first => {}
            _ => return Err(reader.error()),
        }
        self.first = false;
        seed.deserialize(reader).map(Some)
    }
}

/// The members of an object being read.
struct Members<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = ReadError;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ReadError> {
        let reader = &mut *self.reader;
        let next = match reader.peek_past_space() {
            Some(b'}') => return Ok(None),
            Some(b',') if !self.first => {
                reader.pos += 1;
                reader.peek_past_space()
            }
            next if self.first => next,
            _ => return Err(reader.error()),
        };
        // A member name is a string; this also refuses `{"a":1,}`.
        if next != Some(b'"') {
            return Err(reader.error());
        }
        self.first = false;
        seed.deserialize(reader).map(Some)
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, ReadError> {
        let reader = &mut *self.reader;
        if reader.peek_past_space() != Some(b':') {
            return Err(reader.error());
        }
        reader.pos += 1;
        seed.deserialize(reader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A number as the reader hands it over.
    #[derive(Debug, PartialEq)]
    enum Read {
        U(u64),
        I(i64),
        F(u64),
    }

    struct Number;

    impl Visitor<'_> for Number {
        type Value = Read;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number")
        }

        fn visit_u64<E>(self, v: u64) -> Result<Read, E> {
            Ok(Read::U(v))
        }

        fn visit_i64<E>(self, v: i64) -> Result<Read, E> {
            Ok(Read::I(v))
        }

        fn visit_f64<E>(self, v: f64) -> Result<Read, E> {
            Ok(Read::F(v.to_bits()))
        }
    }

    fn read(text: &str) -> Result<Read, ReadError> {
        let mut reader = Reader::new(text);
        let value = (&mut reader).deserialize_any(Number)?;
        reader.end()?;
        Ok(value)
    }

    #[test]
    fn integers_keep_their_kind() {
        assert_eq!(read("0"), Ok(Read::U(0)));
        assert_eq!(read("18446744073709551615"), Ok(Read::U(u64::MAX)));
        assert_eq!(read("-1"), Ok(Read::I(-1)));
        assert_eq!(read("-9223372036854775808"), Ok(Read::I(i64::MIN)));
        assert_eq!(read("-0"), Ok(Read::F((-0.0f64).to_bits())));
        assert_eq!(
            read("18446744073709551616"),
            Ok(Read::F(1.8446744073709552e19f64.to_bits()))
        );
        assert_eq!(
            read("-9223372036854775809"),
            Ok(Read::F((-9.223372036854776e18f64).to_bits()))
        );
        assert!(read("1e309").is_err());
    }

    proptest! {
        /// Any finite double, written the shortest way and in exponent form, reads back
        /// bit for bit.
        #[test]
        fn doubles_round_trip(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            prop_assume!(value.is_finite());
            for text in [format!("{value:?}"), format!("{value:e}"), format!("{value:E}")] {
                prop_assert_eq!(read(&text), Ok(Read::F(bits)), "{}", text);
            }
        }

        /// Any decimal in JSON's grammar reads as serde_json reads it.
        #[test]
        fn decimals_read_as_serde_json_reads_them(
            negative in any::<bool>(),
            whole in "(0|[1-9][0-9]{0,24})",
            fraction in proptest::option::of("[0-9]{1,24}"),
            exponent in proptest::option::of(-340i32..340),
        ) {
            let mut text = String::new();
            if negative { text.push('-'); }
            text.push_str(&whole);
            if let Some(fraction) = &fraction { text.push('.'); text.push_str(fraction); }
            if let Some(exponent) = exponent { text.push_str(&format!("e{exponent}")); }
            let expected = serde_json::from_str::<serde_json::Number>(&text);
            match (read(&text), expected) {
                (Ok(Read::F(bits)), Ok(number)) => {
                    prop_assert!(number.is_f64(), "{}", text);
                    prop_assert_eq!(Some(bits), number.as_f64().map(f64::to_bits), "{}", text);
                }
                (Ok(Read::U(n)), Ok(number)) => prop_assert_eq!(Some(n), number.as_u64(), "{}", text),
                (Ok(Read::I(n)), Ok(number)) => prop_assert_eq!(Some(n), number.as_i64(), "{}", text),
                (Err(_), Err(_)) => {}
                (ours, theirs) => prop_assert!(false, "{}: {:?} against {:?}", text, ours, theirs),
            }
        }
    }
}
