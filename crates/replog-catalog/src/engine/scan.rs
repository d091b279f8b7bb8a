//! Finding the next byte the reader must look at, a block of bytes per step: eight with
//! 64-bit arithmetic everywhere, sixteen with 128-bit SIMD in WebAssembly built with
//! `simd128` (the browser package's build, `bindings/wasm/build.sh`).
//!
//! Both functions take a whole block and return the offset in it of the first byte of
//! interest, if there is one; the reader keeps the loop and the bytes past the last block.

/// How many bytes one step looks at.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
pub(super) const BLOCK: usize = 8;

/// How many bytes one step looks at.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub(super) const BLOCK: usize = 16;

/// The offset of the first `"`, `\` or control character (below U+0020) in `block`: where a
/// string's run of plain characters stops.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline]
pub(super) fn string_stop(block: &[u8; BLOCK]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const QUOTE: u64 = u64::from_ne_bytes([b'"'; 8]);
    const BACKSLASH: u64 = u64::from_ne_bytes([b'\\'; 8]);
    const SPACE: u64 = u64::from_ne_bytes([0x20; 8]);
    let word = u64::from_le_bytes(*block);
    // A byte of `x` is zero where `(x - ONES) & !x & HIGH` has its high bit; borrows only
    // ever mark bytes above the first match, and the lowest mark is exact.
    let quote = word ^ QUOTE;
    let backslash = word ^ BACKSLASH;
    let found = (quote.wrapping_sub(ONES) & !quote)
        | (backslash.wrapping_sub(ONES) & !backslash)
        | (word.wrapping_sub(SPACE) & !word);
    let found = found & HIGH;
    // The lowest marked byte is the first match.
    (found != 0).then(|| (found.trailing_zeros() / 8) as usize)
}

/// The offset of the first byte in `block` that is not a space. Runs of spaces are most of a
/// pretty-printed document's bytes (two thirds of the sample program's); the reader takes a
/// line break or a tab one byte at a time.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline]
pub(super) fn past_blanks(block: &[u8; BLOCK]) -> Option<usize> {
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    let other = u64::from_le_bytes(*block) ^ SPACES;
    // The lowest non-zero byte is the first one that is not a space.
    (other != 0).then(|| (other.trailing_zeros() / 8) as usize)
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod wide {
    use core::arch::wasm32::{
        u8x16_bitmask, u8x16_eq, u8x16_lt, u8x16_splat, u64x2, v128, v128_or,
    };

    use super::BLOCK;

    /// The block as a vector: two 64-bit loads, which LLVM makes one `v128.load`.
    #[inline(always)]
    fn load(block: &[u8; BLOCK]) -> v128 {
        let (low, high) = block.split_at(8);
        let word = |half: &[u8]| <[u8; 8]>::try_from(half).map_or(0, u64::from_le_bytes);
        u64x2(word(low), word(high))
    }

    /// The offset of the first lane whose bit is set in `mask`.
    #[inline(always)]
    fn first(mask: u16) -> Option<usize> {
        (mask != 0).then(|| mask.trailing_zeros() as usize)
    }

    /// The lanes of `block` equal to `byte`.
    #[inline(always)]
    fn eq(block: v128, byte: u8) -> v128 {
        u8x16_eq(block, u8x16_splat(byte))
    }

    /// See the 64-bit version.
    #[inline]
    pub(in crate::engine) fn string_stop(block: &[u8; BLOCK]) -> Option<usize> {
        let bytes = load(block);
        let control = u8x16_lt(bytes, u8x16_splat(0x20));
        let stops = v128_or(v128_or(eq(bytes, b'"'), eq(bytes, b'\\')), control);
        first(u8x16_bitmask(stops))
    }

    /// The offset of the first byte in `block` that is not JSON whitespace (space, line
    /// break, carriage return, tab): a line break and its indentation take one step.
    #[inline]
    pub(in crate::engine) fn past_blanks(block: &[u8; BLOCK]) -> Option<usize> {
        let bytes = load(block);
        let blank = v128_or(
            v128_or(eq(bytes, b' '), eq(bytes, b'\n')),
            v128_or(eq(bytes, b'\r'), eq(bytes, b'\t')),
        );
        first(!u8x16_bitmask(blank))
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub(super) use wide::{past_blanks, string_stop};

/// The block of [`BLOCK`] bytes at `at`, if that many are left; `at` is at most the length
/// of `bytes`, as a reader's position is.
#[inline]
pub(super) fn block_at(bytes: &[u8], at: usize) -> Option<&[u8; BLOCK]> {
    // A reference to the bytes is one load; a copy into an array is a `memcpy` call in
    // WebAssembly.
    bytes
        .get(at..at + BLOCK)
        .and_then(|block| <&[u8; BLOCK]>::try_from(block).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Blocks made mostly of the bytes the functions look for, so that every offset of a
    /// first match comes up.
    fn block() -> impl Strategy<Value = [u8; BLOCK]> {
        let byte = prop_oneof![
            Just(b' '),
            Just(b'"'),
            Just(b'\\'),
            Just(b'\n'),
            Just(b'\t'),
            Just(b'\r'),
            0u8..0x20,
            0x20u8..=0xff,
        ];
        proptest::array::uniform(byte)
    }

    proptest! {
        #[test]
        fn string_stop_is_the_first_quote_backslash_or_control(block in block()) {
            let expected = block.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            prop_assert_eq!(string_stop(&block), expected);
        }

        /// Natively, the first byte that is not a space; with SIMD, not a blank. Either way the
        /// reader takes the blanks it stops at one by one, so both skip the same bytes.
        #[test]
        fn past_blanks_stops_at_the_first_byte_to_look_at(block in block()) {
            let blank: fn(&u8) -> bool = if BLOCK == 16 {
                |b| matches!(b, b' ' | b'\n' | b'\t' | b'\r')
            } else {
                |&b| b == b' '
            };
            prop_assert_eq!(past_blanks(&block), block.iter().position(|b| !blank(b)));
        }
    }

    #[test]
    fn block_at_needs_a_whole_block() {
        let bytes = [b'x'; BLOCK + 1];
        assert!(block_at(&bytes, 1).is_some());
        assert!(block_at(&bytes, 2).is_none());
        assert!(block_at(&bytes, BLOCK + 1).is_none());
    }
}
