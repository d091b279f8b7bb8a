//! The `data` of a successful validation, read lazily: a caller that only wants the verdict
//! never pays for turning the document into JavaScript objects (serialising it to JSON text
//! and `JSON.parse`, about 60 % of a valid document's time when `data` is read).
//!
//! The result stays the plain object the types describe. Its `data` is an enumerable accessor
//! that, on first read, replaces itself with the parsed document (the same value an eager
//! result had); writing it sets it. The module keeps the typed document of the latest valid
//! result only, so memory does not grow with results nobody reads: reading `data` of an older
//! result validates its input again with its options, as given (an input or options changed
//! in the meantime make that read throw if the document is no longer valid).
//!
//! The accessor is one getter and one setter shared by every result (a small JavaScript
//! snippet, since only JavaScript sees the result as `this`); what a result needs for its
//! `data` sits in a non-enumerable symbol member. A getter made per result (a bound function
//! or closure) made V8's young-generation collections keep every parsed document alive:
//! reading `data` then cost 60 µs more per call in a loop.

use std::cell::{Cell, RefCell};

use js_sys::Function;
use replog_core::{Catalog, Logbook};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::convert::{Document, written_to_js};
use crate::error::{self, ErrorCode};
use crate::options::Options;

/// A valid document, kept until its `data` is read.
pub(crate) enum Pending {
    /// What `validateCatalog` built.
    Catalog(Catalog),
    /// What `validateLogbook` built (boxed: a logbook is six times a catalog's size).
    Logbook(Box<Logbook>),
}

impl Pending {
    /// The export that built it: 0 `validateCatalog`, 1 `validateLogbook`.
    fn kind(&self) -> f64 {
        match self {
            Self::Catalog(_) => 0.0,
            Self::Logbook(_) => 1.0,
        }
    }

    /// The document as plain JavaScript values.
    fn to_js(&self) -> Result<JsValue, JsValue> {
        written_to_js(match self {
            Self::Catalog(catalog) => replog_catalog::to_json(catalog),
            Self::Logbook(logbook) => replog_catalog::logbook_to_json(logbook),
        })
    }
}

impl From<Catalog> for Pending {
    fn from(catalog: Catalog) -> Self {
        Self::Catalog(catalog)
    }
}

impl From<Logbook> for Pending {
    fn from(logbook: Logbook) -> Self {
        Self::Logbook(Box::new(logbook))
    }
}

#[wasm_bindgen(inline_js = r#"
const pending = Symbol("replog pending data");
const plain = (result, value) => {
  delete result[pending];
  Object.defineProperty(result, "data", { value, writable: true, enumerable: true, configurable: true });
};
const accessor = {
  get() {
    const value = this[pending][0](...this[pending].slice(1));
    plain(this, value);
    return value;
  },
  set(value) {
    plain(this, value);
  },
  enumerable: true,
  configurable: true,
};
export function lazyResult(issues, take, kind, number, input, options) {
  const result = { success: true };
  Object.defineProperty(result, pending, { value: [take, kind, number, input, options], configurable: true });
  Object.defineProperty(result, "data", accessor);
  result.issues = issues;
  return result;
}
"#)]
extern "C" {
    /// `{ success: true, data, issues }` with `data` the shared accessor, which calls
    /// `take(kind, number, input, options)` on first read.
    #[wasm_bindgen(js_name = lazyResult)]
    fn lazy_result_object(
        issues: &JsValue,
        take: &Function,
        kind: f64,
        number: f64,
        input: &JsValue,
        options: &JsValue,
    ) -> JsValue;
}

thread_local! {
    /// The latest valid document and the number of the result it belongs to.
    static KEPT: RefCell<Option<(f64, Pending)>> = const { RefCell::new(None) };
    /// The number of the next result.
    static NEXT: Cell<f64> = const { Cell::new(0.0) };
    /// [`take`] as a JavaScript function, made once.
    static TAKE: Function =
        Closure::<dyn Fn(JsValue, JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(take)
            .into_js_value()
            .unchecked_into();
}

/// Frees the kept document (a validation that fails keeps none).
pub(crate) fn forget() {
    KEPT.with(|kept| kept.borrow_mut().take());
}

/// The result `{ success: true, data, issues }` of validating `input` with `options`, its
/// `data` the lazy accessor of `document`, which that validation built.
pub(crate) fn lazy_result(
    document: Pending,
    issues: &JsValue,
    input: &JsValue,
    options: &JsValue,
) -> JsValue {
    let number = NEXT.with(|next| {
        let number = next.get();
        next.set(number + 1.0);
        number
    });
    let kind = document.kind();
    KEPT.with(|kept| *kept.borrow_mut() = Some((number, document)));
    TAKE.with(|take| lazy_result_object(issues, take, kind, number, input, options))
}

/// The document of result `number`: the kept one when it is this result's, else validated
/// again from the result's input and options.
fn take(
    kind: JsValue,
    number: JsValue,
    input: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let number = number.as_f64();
    let kept = KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        match kept.take() {
            Some((kept_number, document)) if Some(kept_number) == number => Some(document),
            other => {
                *kept = other;
                None
            }
        }
    });
    match kept {
        Some(document) => document.to_js(),
        None => again(kind.as_f64() == Some(1.0), &input, options)?.to_js(),
    }
}

/// The document of an older result, validated again from its input and options.
fn again(logbook: bool, input: &JsValue, options: JsValue) -> Result<Pending, JsValue> {
    let options = Options::new(Some(options))?;
    let document = Document::read(input, "input")?;
    let rebuilt = if logbook {
        let (validator, _) = options.validator(false)?;
        validator
            .validate_logbook(&document.bytes)
            .into_parts()
            .0
            .map(Pending::from)
    } else {
        let (validator, _) = options.validator(true)?;
        validator
            .validate(&document.bytes)
            .into_parts()
            .0
            .map(Pending::from)
    };
    rebuilt.ok_or_else(|| {
        error::new(
            ErrorCode::InvalidArgument,
            "data: the input or options of this result changed since it was validated, and \
             the document is no longer valid",
        )
    })
}
