//! A light lexical scan of JSON-like text, run before the real parser: where a string, a
//! comment or a bracketed value ends (to find JSON inside prose), and the rewrite of strings
//! in typographic quotes into JSON strings.
//!
//! Every position this module returns or slices at is an ASCII byte or the lead byte of a
//! typographic quote, so it always falls on a character boundary.

/// Which typographic quote pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Smart {
    /// `“` and `”`.
    Double,
    /// `‘` and `’`.
    Single,
}

/// The typographic quote starting at byte `i`, if any (all four are three bytes long).
fn smart_quote_at(bytes: &[u8], i: usize) -> Option<Smart> {
    match bytes.get(i..i + 3)? {
        [0xE2, 0x80, 0x9C | 0x9D] => Some(Smart::Double),
        [0xE2, 0x80, 0x98 | 0x99] => Some(Smart::Single),
        _ => None,
    }
}

/// Whether `text` has any typographic quote at all (the fast way out of the rewrite).
pub(crate) fn has_smart_quotes(text: &str) -> bool {
    text.contains(['\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}'])
}

/// The end (exclusive) of the string whose `quote` byte is at `i`; the text's end if the
/// string is never closed.
fn quoted_end(bytes: &[u8], i: usize, quote: u8) -> usize {
    let mut j = i + 1;
    while let Some(&b) = bytes.get(j) {
        match b {
            b'\\' => j += 2,
            _ if b == quote => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

/// The end (exclusive) of the comment starting at `i`, if one starts there.
fn comment_end(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..i + 2)? {
        b"//" => Some(
            bytes[i..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| i + p),
        ),
        b"/*" => Some(
            bytes[i + 2..]
                .windows(2)
                .position(|w| w == b"*/")
                .map_or(bytes.len(), |p| i + 2 + p + 2),
        ),
        _ => None,
    }
}

/// Whether a closing quote ending just before `after` really closes: what follows (past
/// white space) ends a JSON string's context. An apostrophe inside a word does not.
fn closes(bytes: &[u8], after: usize) -> bool {
    let next = bytes
        .get(after..)
        .and_then(|rest| rest.iter().find(|b| !b.is_ascii_whitespace()));
    matches!(next, None | Some(b':' | b',' | b'}' | b']'))
}

/// The string in typographic quotes opened at `open`: where its content ends and where its
/// closing quote ends. `None` when nothing closes it on the same line (JSON strings never
/// span lines), so the quote is left for the parser to reject.
///
/// A `“` string closes at the next `“`, `”`, or a straight `"` that ends the string's
/// context; a `‘` string closes at a `’`, `‘` or `'` that ends the context (so that the
/// apostrophe in `‘athlete’s’` stays content).
fn smart_string(bytes: &[u8], open: usize) -> Option<(usize, usize)> {
    let kind = smart_quote_at(bytes, open)?;
    let mut j = open + 3;
    while let Some(&b) = bytes.get(j) {
        match b {
            b'\\' => {
                j += 2;
                continue;
            }
            b'\n' => return None,
            _ => {}
        }
        let straight = match kind {
            Smart::Double => b'"',
            Smart::Single => b'\'',
        };
        if smart_quote_at(bytes, j) == Some(kind) && (kind == Smart::Double || closes(bytes, j + 3))
        {
            return Some((j, j + 3));
        }
        if b == straight && closes(bytes, j + 1) {
            return Some((j, j + 1));
        }
        j += 1;
    }
    None
}

/// The end (exclusive) of the object or array whose `{` or `[` is at `start`, skipping
/// strings (straight, single or typographic) and comments; `None` when the text ends first.
pub(crate) fn balanced_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'{' | b'[' => {
                depth += 1;
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                i += 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'"' | b'\'' => i = quoted_end(bytes, i, b),
            b'/' => i = comment_end(bytes, i).unwrap_or(i + 1),
            0xE2 => i = smart_string(bytes, i).map_or(i + 1, |(_, end)| end),
            _ => i += 1,
        }
    }
    None
}

/// Text whose typographic-quoted strings became JSON strings, with the way back to the
/// original's offsets.
#[derive(Debug)]
pub(crate) struct Rewritten {
    /// The rewritten text.
    pub(crate) text: String,
    /// `(offset in text, offset in the original)` wherever the shift between them changes.
    anchors: Vec<(usize, usize)>,
    /// Offsets in the original of the opening quote of each rewritten string.
    pub(crate) strings: Vec<usize>,
}

impl Rewritten {
    /// The original offset of byte `offset` of the rewritten text.
    pub(crate) fn original(&self, offset: usize) -> usize {
        let i = self.anchors.partition_point(|&(new, _)| new <= offset);
        match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(new, old)) => old + (offset - new),
            None => offset,
        }
    }
}

/// `src` with each string in typographic quotes (outside straight strings and comments)
/// turned into a JSON string, a straight `"` inside it escaped; `None` when there is none.
pub(crate) fn rewrite_smart_quotes(src: &str) -> Option<Rewritten> {
    let bytes = src.as_bytes();
    let mut out = String::new();
    let mut anchors = vec![(0, 0)];
    let mut strings = Vec::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' | b'\'' => i = quoted_end(bytes, i, b),
            b'/' => i = comment_end(bytes, i).unwrap_or(i + 1),
            0xE2 => match smart_string(bytes, i) {
                Some((content_end, end)) => {
                    if out.is_empty() {
                        out.reserve(src.len() + 16);
                    }
                    out.push_str(&src[copied..i]);
                    anchors.push((out.len(), i));
                    out.push('"');
                    anchors.push((out.len(), i + 3));
                    let mut segment = i + 3;
                    let mut j = i + 3;
                    while j < content_end {
                        match bytes.get(j) {
                            Some(b'\\') => j += 2,
                            Some(b'"') => {
                                out.push_str(&src[segment..j]);
                                out.push_str("\\\"");
                                anchors.push((out.len(), j + 1));
                                segment = j + 1;
                                j += 1;
                            }
                            _ => j += 1,
                        }
                    }
                    out.push_str(&src[segment..content_end]);
                    anchors.push((out.len(), content_end));
                    out.push('"');
                    anchors.push((out.len(), end));
                    strings.push(i);
                    copied = end;
                    i = end;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    if strings.is_empty() {
        return None;
    }
    out.push_str(&src[copied..]);
    Some(Rewritten {
        text: out,
        anchors,
        strings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_skips_strings_and_comments() {
        let text = r#"{"a": "}", 'b': '{', /* } */ "c": [1, {"d": 2}]} tail"#;
        let end = balanced_end(text.as_bytes(), 0);
        assert_eq!(end, Some(text.len() - " tail".len()));
        assert_eq!(balanced_end(br#"{"a": [1, 2"#, 0), None);
        assert_eq!(
            balanced_end("{“a}”: 1} x".as_bytes(), 0),
            Some("{“a}”: 1}".len())
        );
    }

    #[test]
    fn rewrites_smart_strings_and_maps_offsets_back() {
        let src = "{“name”: ‘athlete’s “day”’, \"keep\": \"“as is”\"}";
        let rewritten = rewrite_smart_quotes(src).expect("two smart strings");
        assert_eq!(
            rewritten.text,
            "{\"name\": \"athlete’s “day”\", \"keep\": \"“as is”\"}"
        );
        assert_eq!(rewritten.strings, vec![1, src.find('‘').unwrap()]);
        // `"keep"` starts at the same character in both texts
        let new = rewritten.text.find("\"keep").unwrap();
        assert_eq!(rewritten.original(new), src.find("\"keep").unwrap());
    }

    #[test]
    fn escapes_a_straight_quote_inside_and_leaves_unclosed_quotes() {
        let rewritten = rewrite_smart_quotes("[“say \"hi\" now”]").unwrap();
        assert_eq!(rewritten.text, r#"["say \"hi\" now"]"#);
        assert!(rewrite_smart_quotes("[“open\n]").is_none());
        assert!(rewrite_smart_quotes("[\"“inside”\"]").is_none());
    }
}
