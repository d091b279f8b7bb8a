//! Values across the boundary: documents in as JSON text or plain values, plain objects out.

use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{self, ErrorCode};

/// A document given to an export, as the UTF-8 bytes of the JSON text the validator reads.
///
/// Exports hand the bytes to the validator's entry points (`validate`, `validate_logbook`,
/// ...), which check them as UTF-8 once, with `simdutf8` (WebAssembly SIMD), and call a
/// function that is not generic: the validation engine is then compiled once, in
/// `replog-catalog`, at that crate's opt-level (2 in the `wasm-release` profile, see the
/// workspace `Cargo.toml`), not again in this crate at "s".
pub(crate) struct Document {
    /// The JSON text's UTF-8 bytes.
    pub(crate) bytes: Vec<u8>,
}

impl Document {
    /// Reads an input: a string is JSON text; any other value is serialised with
    /// `JSON.stringify`, so what is validated is what `JSON` makes of it.
    pub(crate) fn read(input: &JsValue, what: &str) -> Result<Self, JsValue> {
        if let Some(text) = input.dyn_ref::<js_sys::JsString>() {
            return Ok(Self::utf8(text));
        }
        if input.is_undefined() || input.is_function() || input.is_symbol() {
            return Err(error::new(
                ErrorCode::InvalidArgument,
                &format!("{what} must be JSON text or a plain object"),
            ));
        }
        // Throws on cycles and BigInt values: the caller's value is not JSON.
        let text = js_sys::JSON::stringify(input).map_err(|thrown| {
            error::new(
                ErrorCode::InvalidArgument,
                &format!(
                    "{what} cannot be serialised as JSON: {}",
                    message_of(&thrown)
                ),
            )
        })?;
        Ok(Self::utf8(&text))
    }

    /// A string's UTF-8 bytes, encoded by the host's `TextEncoder`: wasm-bindgen's own string
    /// passing copies ASCII one character at a time in JavaScript, about 90 µs for a 31 KB
    /// document in Node against 10 µs this way. Lone surrogates become U+FFFD either way.
    ///
    /// Text that is all ASCII (most JSON) has as many UTF-8 bytes as UTF-16 units, so it is
    /// encoded straight into the buffer the validator reads (`encodeInto`), with no
    /// intermediate array on the JavaScript heap; other text takes `encode` and one copy.
    fn utf8(text: &js_sys::JsString) -> Self {
        let units = text.length();
        let mut bytes = vec![0; units as usize];
        // The buffer's address in the module's memory, for the JavaScript view over it.
        #[allow(clippy::cast_possible_truncation)] // addresses are 32 bits in wasm32
        let at = bytes.as_mut_ptr() as usize as u32;
        let written = ENCODER
            .with(|encoder| encode_ascii_into(encoder, text, &wasm_bindgen::memory(), at, units));
        if written != units {
            bytes = ENCODER.with(|encoder| encoder.encode(text)).to_vec();
        }
        // `TextEncoder` writes UTF-8 only; the validator still checks it, as it checks any bytes
        // it is given (one pass, with SIMD).
        Self { bytes }
    }
}

#[wasm_bindgen(inline_js = r#"
export function encodeAsciiInto(encoder, text, memory, at, room) {
  const { read, written } = encoder.encodeInto(text, new Uint8Array(memory.buffer, at, room));
  return read === text.length ? written : -1;
}
"#)]
extern "C" {
    /// Encodes `text` into `room` bytes of the module's memory at `at`: the bytes written when
    /// all of it fitted (as it does when it is ASCII), or -1 (`u32::MAX`).
    #[wasm_bindgen(js_name = encodeAsciiInto)]
    fn encode_ascii_into(
        encoder: &TextEncoder,
        text: &js_sys::JsString,
        memory: &JsValue,
        at: u32,
        room: u32,
    ) -> u32;
}

#[wasm_bindgen]
extern "C" {
    /// The host's `TextEncoder` (browsers, Node 11 and later).
    type TextEncoder;

    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;

    /// `encoder.encode(text)`: the UTF-8 bytes of a string.
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &js_sys::JsString) -> js_sys::Uint8Array;
}

thread_local! {
    /// One encoder for every call.
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A serialisable value as a plain JavaScript value: one serialisation to JSON text and one
/// `JSON.parse`, which builds plain objects faster than member-by-member calls across the
/// boundary would.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    written_to_js(serde_json::to_string(value))
}

/// JSON text, or why it could not be written, as plain JavaScript values. A typed document's
/// text comes from [`replog_catalog::to_json`] or [`replog_catalog::logbook_to_json`], which
/// compile at the engine's opt-level (2), where a `serde_json::to_string` in this crate would
/// compile at "s".
pub(crate) fn written_to_js<E: std::fmt::Display>(
    text: Result<String, E>,
) -> Result<JsValue, JsValue> {
    let text = text.map_err(|failure| {
        error::new(
            ErrorCode::Internal,
            &format!("cannot serialise the result: {failure}"),
        )
    })?;
    js_sys::JSON::parse(&text)
}

/// Issues as a plain JavaScript array: [`to_js`], except that no issues (the common case) is
/// a new empty array without serialising and parsing `[]`.
pub(crate) fn issues_to_js(issues: &[replog_core::Issue]) -> Result<JsValue, JsValue> {
    if issues.is_empty() {
        return Ok(js_sys::Array::new().into());
    }
    to_js(issues)
}

/// Reads a value that is JSON text or a plain value into a Rust type through serde_json, so
/// a malformed value is refused with serde's message (member and position).
pub(crate) fn from_js<T: serde::de::DeserializeOwned>(
    input: &JsValue,
    what: &str,
    code: ErrorCode,
) -> Result<T, JsValue> {
    let document = Document::read(input, what)?;
    serde_json::from_slice(&document.bytes)
        .map_err(|failure| error::new(code, &format!("{what} is malformed: {failure}")))
}

/// A list of strings given as a JavaScript array.
pub(crate) fn strings(input: &JsValue, what: &str) -> Result<Vec<String>, JsValue> {
    let array = input.dyn_ref::<js_sys::Array>().ok_or_else(|| {
        error::new(
            ErrorCode::InvalidArgument,
            &format!("{what} must be an array of strings"),
        )
    })?;
    array
        .iter()
        .enumerate()
        .map(|(i, item)| {
            item.as_string().ok_or_else(|| {
                error::new(
                    ErrorCode::InvalidArgument,
                    &format!("{what}[{i}] must be a string"),
                )
            })
        })
        .collect()
}

/// The message of a thrown JavaScript value.
fn message_of(thrown: &JsValue) -> String {
    match thrown.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => thrown.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}
