//! Where something is in an answer's text: byte offset, line and column, as an editor shows
//! them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A place in the original answer text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Position {
    /// Byte offset into the original text (a byte-order mark included).
    pub offset: usize,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1 (a byte-order mark not counted).
    pub column: usize,
}

impl Position {
    /// The start of the text.
    pub const START: Position = Position {
        offset: 0,
        line: 1,
        column: 1,
    };
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// Line starts of a text, computed once so that locating many repairs stays linear.
#[derive(Debug)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offsets where lines start; the first is 0.
    starts: Vec<usize>,
    /// Bytes before `text` in the original (a stripped byte-order mark).
    base: usize,
}

impl<'a> LineIndex<'a> {
    /// The index of `text`, which starts `base` bytes into the original.
    pub(crate) fn new(text: &'a str, base: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts, base }
    }

    /// The position of byte `offset` of `text` (clamped to the text, rounded down to a
    /// character boundary).
    pub(crate) fn locate(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let column = self
            .text
            .get(line_start..offset)
            .map_or(0, |s| s.chars().count());
        Position {
            offset: offset + self.base,
            line: line.max(1),
            column: column + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let index = LineIndex::new("ab\n“é”x\n", 3);
        assert_eq!(
            index.locate(0),
            Position {
                offset: 3,
                line: 1,
                column: 1
            }
        );
        assert_eq!(index.locate(3).line, 2);
        // “ is three bytes, é two, ” three: x is the fourth character of line 2.
        let x = "ab\n“é”".len();
        assert_eq!((index.locate(x).line, index.locate(x).column), (2, 4));
        // inside a multi-byte character: rounded down to its start
        assert_eq!(index.locate(4).column, 1);
        // past the end: clamped
        assert_eq!(index.locate(1000).line, 3);
    }
}
