//! The layout of an answer: `<reasoning>` blocks, JSON values (fenced or in prose) and the
//! prose around them; and the choice of the one value that is the answer.

use std::ops::Range;

use serde_json::Value;

use super::error::{ParseError, ParseErrorKind};
use super::json::parse_value;
use super::lexer::balanced_end;
use super::position::{LineIndex, Position};
use super::repair::{Repair, RepairKind};

const OPEN_TAG: &[u8] = b"<reasoning>";
const CLOSE_TAG: &[u8] = b"</reasoning>";
const BOM: char = '\u{FEFF}';

/// One part of an answer's text.
#[derive(Debug)]
enum Piece {
    /// Text that is neither reasoning nor JSON.
    Prose(Range<usize>),
    /// A `<reasoning>...</reasoning>` block: the whole block and the text inside.
    Reasoning {
        whole: Range<usize>,
        inner: Range<usize>,
    },
    /// A JSON value (or what starts like one), read.
    Json {
        span: Range<usize>,
        outcome: Result<(Value, Vec<Repair>), ParseError>,
    },
}

/// An answer split into its pieces, every JSON piece already read.
#[derive(Debug)]
pub(crate) struct Answer<'a> {
    text: &'a str,
    index: LineIndex<'a>,
    bom: bool,
    pieces: Vec<Piece>,
}

/// The value chosen as the answer, with everything else the text held.
#[derive(Debug)]
pub(crate) struct Selected {
    pub(crate) value: Value,
    /// Where the chosen value starts.
    pub(crate) at: Position,
    pub(crate) repairs: Vec<Repair>,
    /// The first `<reasoning>` block's text (trimmed, non-empty) and where its tag starts.
    pub(crate) reasoning: Option<(String, Position)>,
    pub(crate) ignored: Vec<String>,
}

impl<'a> Answer<'a> {
    /// Splits `text` and reads every JSON piece.
    pub(crate) fn read(text: &'a str) -> Self {
        let (text, bom) = match text.strip_prefix(BOM) {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        let index = LineIndex::new(text, if bom { BOM.len_utf8() } else { 0 });
        let pieces = split(text)
            .into_iter()
            .map(|piece| match piece {
                Split::Prose(range) => Piece::Prose(range),
                Split::Reasoning { whole, inner } => Piece::Reasoning { whole, inner },
                Split::Json { span, closed } => {
                    let mut outcome = parse_value(text, span.clone(), &index);
                    if !closed && let Err(error) = &mut outcome {
                        truncated(error, index.locate(span.end));
                    }
                    Piece::Json { outcome, span }
                }
            })
            .collect();
        Self {
            text,
            index,
            bom,
            pieces,
        }
    }

    /// Chooses the answer among the JSON pieces `accept` takes.
    ///
    /// - A truncated piece anywhere is the error: a cut answer is never replaced by another
    ///   value of the text.
    /// - Otherwise the largest accepted piece wins (the last of equals), unless a piece that
    ///   failed to parse is larger: then that failure is the error, since it is more likely
    ///   the real answer than a small example beside it.
    /// - With nothing accepted, `missing` describes what was looked for, at the largest
    ///   piece that parsed; with no JSON at all, the error is [`ParseErrorKind::NoJson`].
    pub(crate) fn select(
        self,
        accept: impl Fn(&Value) -> bool,
        missing: impl FnOnce() -> ParseErrorKind,
    ) -> Result<Selected, ParseError> {
        let mut best: Option<(usize, usize)> = None; // (piece index, span length)
        let mut failed: Option<(&ParseError, usize)> = None;
        let mut other: Option<(usize, usize)> = None; // (start, span length): parsed, not accepted
        for (i, piece) in self.pieces.iter().enumerate() {
            let Piece::Json { span, outcome } = piece else {
                continue;
            };
            let len = span.len();
            match outcome {
                Err(error) if matches!(error.kind, ParseErrorKind::Truncated { .. }) => {
                    return Err(error.clone());
                }
                Err(error) => {
                    if failed.is_none_or(|(_, l)| len > l) {
                        failed = Some((error, len));
                    }
                }
                Ok((value, _)) if accept(value) => {
                    if best.is_none_or(|(_, l)| len >= l) {
                        best = Some((i, len));
                    }
                }
                Ok(_) => {
                    if other.is_none_or(|(_, l)| len > l) {
                        other = Some((span.start, len));
                    }
                }
            }
        }
        if let Some((error, len)) = failed
            && best.is_none_or(|(_, l)| len > l)
        {
            return Err(error.clone());
        }
        let Some((chosen, _)) = best else {
            return Err(match other {
                Some((start, _)) => ParseError {
                    kind: missing(),
                    at: self.index.locate(start),
                },
                None => ParseError {
                    kind: ParseErrorKind::NoJson,
                    at: self.index.locate(0),
                },
            });
        };
        Ok(self.assemble(chosen))
    }

    /// The chosen piece's value and repairs; every other piece as reasoning or ignored text.
    fn assemble(self, chosen: usize) -> Selected {
        let mut selected = Selected {
            value: Value::Null,
            at: self.index.locate(0),
            repairs: Vec::new(),
            reasoning: None,
            ignored: Vec::new(),
        };
        if self.bom {
            selected.repairs.push(Repair {
                kind: RepairKind::ByteOrderMark,
                at: Position::START,
            });
        }
        let text = self.text;
        let slice = |range: &Range<usize>| text.get(range.clone()).unwrap_or_default();
        for (i, piece) in self.pieces.into_iter().enumerate() {
            match piece {
                Piece::Json { span, outcome } if i == chosen => {
                    if let Ok((value, repairs)) = outcome {
                        selected.value = value;
                        selected.repairs.extend(repairs);
                    }
                    selected.at = self.index.locate(span.start);
                }
                Piece::Json { span, .. } => selected.ignored.push(slice(&span).to_owned()),
                Piece::Reasoning { whole, inner } => {
                    let reasoning = slice(&inner).trim();
                    if selected.reasoning.is_none() && !reasoning.is_empty() {
                        selected.reasoning =
                            Some((reasoning.to_owned(), self.index.locate(whole.start)));
                    } else if !reasoning.is_empty() {
                        selected.ignored.push(slice(&whole).to_owned());
                    }
                }
                Piece::Prose(range) => {
                    if let Some(prose) = clean_prose(slice(&range)) {
                        selected.ignored.push(prose);
                    }
                }
            }
        }
        selected
    }
}

/// A value whose brackets never close fails as truncated, whatever the parser met first
/// (nesting too deep, a string cut mid-way): the text ended before the value did.
fn truncated(error: &mut ParseError, end: Position) {
    if !matches!(error.kind, ParseErrorKind::Truncated { .. }) {
        error.kind = ParseErrorKind::Truncated {
            detail: format!("{} at {}", error.kind, error.at),
        };
        error.at = end;
    }
}

/// A piece before it is read.
#[derive(Debug, PartialEq)]
enum Split {
    Prose(Range<usize>),
    Reasoning {
        whole: Range<usize>,
        inner: Range<usize>,
    },
    Json {
        span: Range<usize>,
        /// Whether its brackets balance before the text ends.
        closed: bool,
    },
}

/// Splits `text` into prose, reasoning blocks and JSON values. A JSON value starts at a `{`
/// outside reasoning, or at a `[` that opens the text or a fenced block (a `[` in prose is
/// too often a citation); it ends where its brackets balance, or at the text's end.
fn split(text: &str) -> Vec<Split> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut prose = 0;
    let mut i = 0;
    let push_prose = |pieces: &mut Vec<Split>, range: Range<usize>| {
        if !range.is_empty() {
            pieces.push(Split::Prose(range));
        }
    };
    // Once no closing tag follows an opening one, none follows any later one either: not
    // searching again keeps a text of many unclosed tags linear.
    let mut closing_tags = true;
    while let Some(&b) = bytes.get(i) {
        let json = match b {
            b'{' => true,
            b'[' => opens_json(text.get(prose..i).unwrap_or_default()),
            b'<' if closing_tags && starts_with_ignore_case(bytes, i, OPEN_TAG) => {
                let inner_start = i + OPEN_TAG.len();
                let close = find_ignore_case(bytes, inner_start, CLOSE_TAG);
                closing_tags = close.is_some();
                if let Some(p) = close {
                    push_prose(&mut pieces, prose..i);
                    let end = p + CLOSE_TAG.len();
                    pieces.push(Split::Reasoning {
                        whole: i..end,
                        inner: inner_start..p,
                    });
                    i = end;
                    prose = end;
                    continue;
                }
                false
            }
            _ => false,
        };
        if json {
            push_prose(&mut pieces, prose..i);
            let end = balanced_end(bytes, i);
            let span = i..end.unwrap_or(bytes.len());
            i = span.end;
            pieces.push(Split::Json {
                span,
                closed: end.is_some(),
            });
            prose = i;
        } else {
            i += 1;
        }
    }
    push_prose(&mut pieces, prose..bytes.len());
    pieces
}

/// Whether a `[` after `before` (the prose since the last piece) starts JSON: at the start
/// of the text or of a fenced block.
fn opens_json(before: &str) -> bool {
    let before = before.trim_end();
    before.is_empty()
        || before
            .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
            .ends_with("```")
}

fn starts_with_ignore_case(bytes: &[u8], at: usize, needle: &[u8]) -> bool {
    bytes
        .get(at..at + needle.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(needle))
}

/// The offset of the first `needle` at or after `from`, ASCII case ignored.
fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// Prose without its code-fence markers (```` ``` ```` and an info word such as `json`),
/// trimmed; `None` when nothing is left.
fn clean_prose(prose: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = prose;
    while let Some(p) = rest.find("```") {
        out.push_str(&rest[..p]);
        rest = &rest[p + 3..];
        let word = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+')))
            .unwrap_or(rest.len());
        // An info word ends its line; at the very end of the prose (JSON follows on the
        // same line) only a lower-case one such as `json` is taken for one.
        let info_at_end = word == rest.len()
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if rest[word..].starts_with(['\n', '\r']) || info_at_end {
            rest = &rest[word..];
        }
        out.push('\n');
    }
    out.push_str(rest);
    let trimmed = out.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_reasoning_fences_and_prose() {
        let text = "Hi <REASONING>x {y}</reasoning>\n```json\n[1]\n```\nsee [2] {\"a\": 1} bye";
        let pieces = split(text);
        let kinds: Vec<&str> = pieces
            .iter()
            .map(|p| match p {
                Split::Prose(r) | Split::Json { span: r, .. } => &text[r.clone()],
                Split::Reasoning { inner, .. } => &text[inner.clone()],
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                "Hi ",
                "x {y}",
                "\n```json\n",
                "[1]",
                "\n```\nsee [2] ",
                "{\"a\": 1}",
                " bye"
            ]
        );
    }

    #[test]
    fn an_unclosed_tag_is_prose_and_an_unclosed_value_runs_to_the_end() {
        let pieces = split("<reasoning>why {\"a\": [1,");
        assert_eq!(
            pieces,
            vec![
                Split::Prose(0..15),
                Split::Json {
                    span: 15..24,
                    closed: false
                }
            ],
            "the tag is prose, the JSON runs to the end"
        );
    }

    #[test]
    fn fence_markers_are_not_prose() {
        assert_eq!(clean_prose("\n```json\n"), None);
        assert_eq!(clean_prose("\n```\n\nThanks!"), Some("Thanks!".to_owned()));
        assert_eq!(
            clean_prose("Here:\n```javascript"),
            Some("Here:".to_owned())
        );
        assert_eq!(clean_prose("```Thanks"), Some("Thanks".to_owned()));
    }
}
