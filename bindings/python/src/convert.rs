//! Python data into JSON values and the crates' serde types: the one place where the
//! package's plain Python data (dicts, lists, str, int, float, bool, None) is read. The way
//! back, typed results into Python data, is `serialize`.

use std::borrow::Cow;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple,
};
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

/// Deeper Python data than this is refused rather than risking the stack; the validator's own
/// nesting limit (32) is far below it, so no valid document comes near.
const MAX_DEPTH: usize = 128;

/// A document as the caller handed it: JSON text (borrowed when it was `bytes`) or data that
/// is already parsed.
pub(crate) enum Document<'a> {
    /// JSON text.
    Text(Cow<'a, [u8]>),
    /// Parsed data (a dict, usually).
    Value(Value),
}

impl<'a> Document<'a> {
    /// Reads `bytes`, `bytearray`, `str` or parsed data (`dict`, `list`, ...).
    pub(crate) fn extract(data: &'a Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(bytes) = data.cast::<PyBytes>() {
            return Ok(Self::Text(Cow::Borrowed(bytes.as_bytes())));
        }
        if let Ok(text) = data.cast::<PyString>() {
            return Ok(Self::Text(match text.to_cow()? {
                Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
                Cow::Owned(text) => Cow::Owned(text.into_bytes()),
            }));
        }
        if let Ok(array) = data.cast::<PyByteArray>() {
            return Ok(Self::Text(Cow::Owned(array.to_vec())));
        }
        Ok(Self::Value(to_value(data)?))
    }
}

/// Converts Python data to a JSON value; anything that is not JSON data is a `TypeError`
/// naming where it is (a JSON Pointer) and what it is.
pub(crate) fn to_value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    let mut path = Vec::new();
    convert(obj, &mut path)
}

fn pointer(path: &[String]) -> String {
    if path.is_empty() {
        return "the root".to_owned();
    }
    path.iter().fold(String::new(), |mut out, segment| {
        out.push('/');
        out.push_str(&segment.replace('~', "~0").replace('/', "~1"));
        out
    })
}

fn convert(obj: &Bound<'_, PyAny>, path: &mut Vec<String>) -> PyResult<Value> {
    if path.len() > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "the data nests deeper than {MAX_DEPTH} levels at {}",
            pointer(path)
        )));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(text) = obj.cast::<PyString>() {
        return Ok(Value::String(text.to_cow()?.into_owned()));
    }
    // bool before int: Python's bool is an int.
    if let Ok(flag) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(n) = obj.extract::<i64>() {
            return Ok(Value::from(n));
        }
        if let Ok(n) = obj.extract::<u64>() {
            return Ok(Value::from(n));
        }
        return Err(PyValueError::new_err(format!(
            "the integer at {} does not fit in 64 bits",
            pointer(path)
        )));
    }
    if let Ok(float) = obj.cast::<PyFloat>() {
        return Number::from_f64(float.value())
            .map(Value::Number)
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "the number at {} is not finite, which JSON cannot carry",
                    pointer(path)
                ))
            });
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(dict.len());
        for (key, value) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(PyTypeError::new_err(format!(
                    "a key at {} is {}, not str",
                    pointer(path),
                    type_name(&key)
                )));
            };
            let key = key.to_cow()?.into_owned();
            path.push(key);
            let value = convert(&value, path)?;
            if let Some(key) = path.pop() {
                map.insert(key, value);
            }
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return items(list.iter(), list.len(), path);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return items(tuple.iter(), tuple.len(), path);
    }
    Err(PyTypeError::new_err(format!(
        "the value at {} is {}, which is not JSON data (dict, list, str, int, float, bool or None)",
        pointer(path),
        type_name(obj)
    )))
}

fn items<'py>(
    iter: impl Iterator<Item = Bound<'py, PyAny>>,
    len: usize,
    path: &mut Vec<String>,
) -> PyResult<Value> {
    let mut out = Vec::with_capacity(len);
    for (index, item) in iter.enumerate() {
        path.push(index.to_string());
        out.push(convert(&item, path)?);
        path.pop();
    }
    Ok(Value::Array(out))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "an object".to_owned(), |name| format!("a {name}"))
}

/// Reads a crate type from Python data (its serde form); `what` names it in the error.
pub(crate) fn from_python<T: DeserializeOwned>(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let value = to_value(obj)?;
    serde_json::from_value(value).map_err(|e| PyValueError::new_err(format!("{what}: {e}")))
}
