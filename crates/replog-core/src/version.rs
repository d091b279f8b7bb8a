//! Document version members: a unit type that reads and writes one constant integer.

/// Declares a unit struct that serialises as the constant `$value`, refuses any other number
/// when decoded (naming `$member` in the error), and has a `{"const": $value}` schema.
macro_rules! version_marker {
    ($(#[$doc:meta])* $name:ident, $member:literal, $value:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name;

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_u64($value)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let version = <u64 as serde::Deserialize>::deserialize(deserializer)?;
                if version == $value {
                    Ok(Self)
                } else {
                    Err(serde::de::Error::custom(format_args!(
                        concat!("unsupported ", $member, " {}, expected {}"),
                        version, $value
                    )))
                }
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn inline_schema() -> bool {
                true
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "integer", "const": $value })
            }
        }
    };
}

pub(crate) use version_marker;
