//! Values across the boundary: documents in as JSON text or plain values, plain objects out.

use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{self, ErrorCode};

/// A document given to an export, as the JSON text the validator reads.
pub(crate) struct Document {
    /// The JSON text.
    pub(crate) text: String,
}

impl Document {
    /// Reads an input: a string is JSON text; any other value is serialised with
    /// `JSON.stringify`, so what is validated is what `JSON` makes of it.
    pub(crate) fn read(input: &JsValue, what: &str) -> Result<Self, JsValue> {
        if let Some(text) = input.as_string() {
            return Ok(Self { text });
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
        Ok(Self {
            text: String::from(text),
        })
    }
}

/// A serialisable value as a plain JavaScript value: one serialisation to JSON text and one
/// `JSON.parse`, which builds plain objects faster than member-by-member calls across the
/// boundary would.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|failure| {
        error::new(
            ErrorCode::Internal,
            &format!("cannot serialise the result: {failure}"),
        )
    })?;
    js_sys::JSON::parse(&text)
}

/// Reads a value that is JSON text or a plain value into a Rust type through serde_json, so
/// a malformed value is refused with serde's message (member and position).
pub(crate) fn from_js<T: serde::de::DeserializeOwned>(
    input: &JsValue,
    what: &str,
    code: ErrorCode,
) -> Result<T, JsValue> {
    let document = Document::read(input, what)?;
    serde_json::from_str(&document.text)
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
