//! One JSON value read tolerantly: typographic quotes rewritten, then jsonc-parser with the
//! slips it can repair allowed, and every repair read back from its tokens with its place.

use std::collections::HashSet;

use jsonc_parser::ast::{self, ObjectPropName};
use jsonc_parser::errors::ParseErrorKind as JsoncKind;
use jsonc_parser::tokens::Token;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions, ParseStringErrorKind};
use serde_json::Value;

use super::error::{ParseError, ParseErrorKind};
use super::lexer::{has_smart_quotes, rewrite_smart_quotes};
use super::position::LineIndex;
use super::repair::{Repair, RepairKind};

/// What the parser may accept, each acceptance reported as a [`Repair`]. Missing commas,
/// hexadecimal, `+1`, `.5` and JSON5 escapes stay errors: they are not slips a model makes
/// while meaning JSON, and guessing would risk reading something else than was meant.
/// `NaN` and `Infinity` are scanned (so that they are named in the error) and then
/// rejected: a number must never be invented.
fn options() -> ParseOptions {
    ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: true,
        allow_trailing_commas: true,
        allow_missing_commas: false,
        allow_single_quoted_strings: true,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: true,
        allow_extended_string_escapes: false,
    }
}

/// Reads the JSON value at `span` of `text` (the whole answer; positions are located with
/// `index`), returning it with the repairs applied, in text order.
pub(crate) fn parse_value(
    text: &str,
    span: std::ops::Range<usize>,
    index: &LineIndex<'_>,
) -> Result<(Value, Vec<Repair>), ParseError> {
    let slice = text.get(span.clone()).unwrap_or_default();
    let rewritten = has_smart_quotes(slice)
        .then(|| rewrite_smart_quotes(slice))
        .flatten();
    let source = rewritten.as_ref().map_or(slice, |r| r.text.as_str());
    let mut repairs: Vec<Repair> = rewritten
        .iter()
        .flat_map(|r| &r.strings)
        .map(|&at| Repair {
            kind: RepairKind::SmartQuotes,
            at: index.locate(span.start + at),
        })
        .collect();
    let at = |offset: usize| {
        let original = rewritten.as_ref().map_or(offset, |r| r.original(offset));
        index.locate(span.start + original)
    };

    let collect = CollectOptions {
        comments: CommentCollectionStrategy::AsTokens,
        tokens: true,
    };
    let parsed = jsonc_parser::parse_to_ast(source, &collect, &options())
        .map_err(|e| convert_error(&e, source, &at))?;

    let tokens = parsed.tokens.unwrap_or_default();
    let significant = |from: usize| {
        tokens.get(from..).and_then(|rest| {
            rest.iter()
                .find(|t| !matches!(t.token, Token::CommentLine(_) | Token::CommentBlock(_)))
        })
    };
    for (i, token) in tokens.iter().enumerate() {
        let kind = match token.token {
            Token::CommentLine(_) => RepairKind::LineComment,
            Token::CommentBlock(_) => RepairKind::BlockComment,
            Token::Comma
                if significant(i + 1).is_some_and(|next| {
                    matches!(next.token, Token::CloseBrace | Token::CloseBracket)
                }) =>
            {
                RepairKind::TrailingComma
            }
            Token::String(_) if source.as_bytes().get(token.range.start) == Some(&b'\'') => {
                RepairKind::SingleQuotes
            }
            Token::Number(literal) if literal.ends_with(['N', 'y']) => {
                // `NaN`, `Infinity`, `-Infinity`: every finite literal ends in a digit.
                return Err(ParseError {
                    kind: ParseErrorKind::NonFiniteNumber {
                        literal: literal.to_owned(),
                    },
                    at: at(token.range.start),
                });
            }
            _ => continue,
        };
        repairs.push(Repair {
            kind,
            at: at(token.range.start),
        });
    }

    let Some(value) = parsed.value else {
        return Err(ParseError {
            kind: ParseErrorKind::NoJson,
            at: at(0),
        });
    };
    check_keys(&value, &mut repairs, &at)?;
    repairs.sort_by_key(|r| r.at.offset);
    Ok((Value::from(value), repairs))
}

/// Reports unquoted keys and rejects a repeated key (serde_json would keep the last one and
/// silently drop the other).
fn check_keys(
    value: &ast::Value<'_>,
    repairs: &mut Vec<Repair>,
    at: &impl Fn(usize) -> super::position::Position,
) -> Result<(), ParseError> {
    match value {
        ast::Value::Object(object) => {
            // Small objects (every object of a program) compare keys pairwise, allocation-free.
            let mut seen = (object.properties.len() > 16)
                .then(|| HashSet::with_capacity(object.properties.len()));
            for (i, property) in object.properties.iter().enumerate() {
                let (key, start) = match &property.name {
                    ObjectPropName::String(lit) => (lit.value.as_ref(), lit.range.start),
                    ObjectPropName::Word(word) => {
                        repairs.push(Repair {
                            kind: RepairKind::UnquotedKey {
                                key: word.value.to_owned(),
                            },
                            at: at(word.range.start),
                        });
                        (word.value, word.range.start)
                    }
                };
                let repeated = match &mut seen {
                    Some(seen) => !seen.insert(key),
                    None => object.properties[..i]
                        .iter()
                        .any(|earlier| earlier.name.as_str() == key),
                };
                if repeated {
                    return Err(ParseError {
                        kind: ParseErrorKind::DuplicateKey {
                            key: key.to_owned(),
                        },
                        at: at(start),
                    });
                }
                check_keys(&property.value, repairs, at)?;
            }
        }
        ast::Value::Array(array) => {
            for element in &array.elements {
                check_keys(element, repairs, at)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The parser's error in this crate's terms: running out of text is truncation, never a
/// syntax slip to repair.
fn convert_error(
    error: &jsonc_parser::errors::ParseError,
    source: &str,
    at: &impl Fn(usize) -> super::position::Position,
) -> ParseError {
    let start = error.range().start;
    let unterminated = matches!(
        error.kind(),
        JsoncKind::UnterminatedObject
            | JsoncKind::UnterminatedArray
            | JsoncKind::UnterminatedCommentBlock
            | JsoncKind::String(ParseStringErrorKind::UnterminatedStringLiteral)
    );
    if unterminated || start >= source.trim_end().len() {
        // The cut is at the end of the text, whatever the parser blamed.
        return ParseError {
            kind: ParseErrorKind::Truncated {
                detail: format!("{} from {}", error.kind(), at(start)).to_lowercase(),
            },
            at: at(source.len()),
        };
    }
    ParseError {
        kind: ParseErrorKind::Syntax {
            detail: error.kind().to_string().to_lowercase(),
        },
        at: at(start),
    }
}
