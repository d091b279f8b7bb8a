//! A `serde::Serializer` that builds Python objects: the crates' typed results (a parsed
//! document, a context, a generation record) become plain Python data (dict, list, str, int,
//! float, bool, None) in one pass, with nothing in between.
//!
//! Why a serializer of our own: `pythonize` (the maintained serde <-> Python crate) has no
//! release for pyo3 0.30 (its latest, 0.29, requires pyo3 ^0.29). Of the two other ways,
//! measured in one run on the 12-week planner program (68,887 bytes, release wheel,
//! `bench/bench_validate.py`, CPU time per call), converting the parsed document took
//! 1,206-1,318 us through a `serde_json::Value` (the former path), 1,026-1,035 us as JSON
//! text handed to Python's `json.loads` from Rust, and 326-345 us through this serializer:
//! it builds each object once, with no text and no second parse, and creates each struct
//! field's name once per call (the names are `&'static str`, cached by address, so each
//! dict insert reuses a string whose hash is already known).
//!
//! It writes what `serde_json::to_value` would: maps and structs as dicts in field order,
//! sequences and tuples as lists, unit variants as their name, other variants as
//! `{variant: value}`, bytes as a list of ints, non-finite floats as `None`, and map keys
//! that are numbers or booleans as strings.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use serde::Serialize;
use serde::ser::{self, Impossible};

/// Serialises a crate type to Python data, as `serde_json::to_value` would shape it.
pub(crate) fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let mut names = Names::default();
    value
        .serialize(ToPython {
            py,
            names: &mut names,
        })
        .map_err(|e| e.0)
}

/// A failure while serialising: a Python exception, or a value serde's data model cannot
/// carry into Python data (its `custom` message).
#[derive(Debug)]
pub(crate) struct Error(PyErr);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(PyValueError::new_err(format!(
            "cannot convert to Python data: {msg}"
        )))
    }
}

impl From<PyErr> for Error {
    fn from(err: PyErr) -> Self {
        Self(err)
    }
}

/// Hashes an address: the keys are distinct pointers, so the address itself spreads well.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 << 8 | u64::from(*byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The Python strings of the `&'static str` names met so far (struct fields, variants),
/// keyed by address and length: created once per call, their hashes computed once.
#[derive(Default)]
struct Names(HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>);

impl Names {
    fn get<'py>(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        self.0
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::new(py, name).unbind())
            .bind(py)
            .clone()
    }
}

/// The serializer: one value to one Python object.
struct ToPython<'a, 'py> {
    py: Python<'py>,
    names: &'a mut Names,
}

type Out<'py> = Result<Bound<'py, PyAny>, Error>;

/// A list being filled (sequences, tuples), or the list of a `{variant: [...]}`.
struct Items<'a, 'py> {
    py: Python<'py>,
    names: &'a mut Names,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

/// A dict being filled (maps, structs), or the dict of a `{variant: {...}}`.
struct Fields<'a, 'py> {
    py: Python<'py>,
    names: &'a mut Names,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

/// `{variant: value}`.
fn tagged<'py>(names: &mut Names, variant: &'static str, value: Bound<'py, PyAny>) -> Out<'py> {
    let py = value.py();
    let dict = PyDict::new(py);
    dict.set_item(names.get(py, variant), value)?;
    Ok(dict.into_any())
}

impl<'a, 'py> ToPython<'a, 'py> {
    fn items(self, len: Option<usize>, variant: Option<&'static str>) -> Items<'a, 'py> {
        Items {
            py: self.py,
            names: self.names,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant,
        }
    }

    fn fields(self, variant: Option<&'static str>) -> Fields<'a, 'py> {
        Fields {
            py: self.py,
            names: self.names,
            dict: PyDict::new(self.py),
            key: None,
            variant,
        }
    }
}

impl<'a, 'py> ser::Serializer for ToPython<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Items<'a, 'py>;
    type SerializeTuple = Items<'a, 'py>;
    type SerializeTupleStruct = Items<'a, 'py>;
    type SerializeTupleVariant = Items<'a, 'py>;
    type SerializeMap = Fields<'a, 'py>;
    type SerializeStruct = Fields<'a, 'py>;
    type SerializeStructVariant = Fields<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }

    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Out<'py> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }

    fn serialize_i128(self, v: i128) -> Out<'py> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }

    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u64(self, v: u64) -> Out<'py> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }

    fn serialize_u128(self, v: u128) -> Out<'py> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }

    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.serialize_f64(f64::from(v))
    }

    fn serialize_f64(self, v: f64) -> Out<'py> {
        if v.is_finite() {
            Ok(PyFloat::new(self.py, v).into_any())
        } else {
            // JSON has no such number; serde_json writes null.
            self.serialize_unit()
        }
    }

    fn serialize_char(self, v: char) -> Out<'py> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(PyString::new(self.py, v).into_any())
    }

    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        Ok(PyList::new(self.py, v)?.into_any())
    }

    fn serialize_none(self) -> Out<'py> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Out<'py> {
        Ok(self.py.None().into_bound(self.py))
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Out<'py> {
        Ok(self.names.get(self.py, variant).into_any())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let inner = value.serialize(ToPython {
            py: self.py,
            names: &mut *self.names,
        })?;
        tagged(self.names, variant, inner)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Items<'a, 'py>, Error> {
        Ok(self.items(len, None))
    }

    fn serialize_tuple(self, len: usize) -> Result<Items<'a, 'py>, Error> {
        Ok(self.items(Some(len), None))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Items<'a, 'py>, Error> {
        Ok(self.items(Some(len), None))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Items<'a, 'py>, Error> {
        Ok(self.items(Some(len), Some(variant)))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Fields<'a, 'py>, Error> {
        Ok(self.fields(None))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Fields<'a, 'py>, Error> {
        Ok(self.fields(None))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Fields<'a, 'py>, Error> {
        Ok(self.fields(Some(variant)))
    }
}

impl<'py> Items<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let item = value.serialize(ToPython {
            py: self.py,
            names: &mut *self.names,
        })?;
        self.items.push(item);
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let list = PyList::new(self.py, self.items)?.into_any();
        match self.variant {
            Some(variant) => tagged(self.names, variant, list),
            None => Ok(list),
        }
    }
}

impl<'py> ser::SerializeSeq for Items<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }

    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Items<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }

    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Items<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }

    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleVariant for Items<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }

    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> Fields<'_, 'py> {
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Out<'py> {
        value.serialize(ToPython {
            py: self.py,
            names: &mut *self.names,
        })
    }

    fn finish(self) -> Out<'py> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(variant) => tagged(self.names, variant, dict),
            None => Ok(dict),
        }
    }
}

impl<'py> ser::SerializeMap for Fields<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(MapKey { py: self.py })?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value came without its key"))?;
        let value = self.value(value)?;
        self.dict.set_item(key, value)?;
        Ok(())
    }

    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeStruct for Fields<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let value = self.value(value)?;
        self.dict.set_item(self.names.get(self.py, key), value)?;
        Ok(())
    }

    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeStructVariant for Fields<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Out<'py> {
        self.finish()
    }
}

/// A map key: a string, or a number, boolean or unit variant written as one (JSON's keys
/// are strings).
struct MapKey<'py> {
    py: Python<'py>,
}

impl<'py> MapKey<'py> {
    fn refuse(what: &str) -> Error {
        <Error as ser::Error>::custom(format!("a map key must be a string, found {what}"))
    }

    fn text(&self, text: &str) -> Out<'py> {
        Ok(PyString::new(self.py, text).into_any())
    }
}

impl<'py> ser::Serializer for MapKey<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTuple = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTupleStruct = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeTupleVariant = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeMap = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeStruct = Impossible<Bound<'py, PyAny>, Error>;
    type SerializeStructVariant = Impossible<Bound<'py, PyAny>, Error>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        self.text(if v { "true" } else { "false" })
    }

    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn serialize_i64(self, v: i64) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn serialize_i128(self, v: i128) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn serialize_u64(self, v: u64) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn serialize_u128(self, v: u128) -> Out<'py> {
        self.text(&v.to_string())
    }

    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.serialize_f64(f64::from(v))
    }

    fn serialize_f64(self, v: f64) -> Out<'py> {
        if v.is_finite() {
            self.text(&v.to_string())
        } else {
            Err(Self::refuse("a number that is not finite"))
        }
    }

    fn serialize_char(self, v: char) -> Out<'py> {
        self.text(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Out<'py> {
        self.text(v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Out<'py> {
        Err(Self::refuse("bytes"))
    }

    fn serialize_none(self) -> Out<'py> {
        Err(Self::refuse("None"))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Out<'py> {
        Err(Self::refuse("None"))
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        Err(Self::refuse("None"))
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Out<'py> {
        self.text(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Out<'py> {
        Err(Self::refuse("an enum variant with data"))
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(Self::refuse("a list"))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(Self::refuse("a tuple"))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(Self::refuse("a tuple"))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(Self::refuse("an enum variant with data"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(Self::refuse("a dict"))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(Self::refuse("a dict"))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(Self::refuse("an enum variant with data"))
    }
}
