//! Encryption at rest of secret settings (API keys): AES-256-GCM with a key derived from
//! `REPLOG_SECRET_KEY` by HKDF-SHA256, stored as `enc:` + base64(nonce || ciphertext)
//! (reference/001, "Sensitive value storage").
//!
//! Nothing here ever puts a secret or the key into an error, a `Debug` or a `Display`.

use thiserror::Error;

/// The environment variable holding the secret from which the encryption key is derived.
pub const SECRET_KEY_VAR: &str = "REPLOG_SECRET_KEY";

/// The prefix of every encrypted stored value.
pub const ENCRYPTED_PREFIX: &str = "enc:";

/// The fewest bytes `REPLOG_SECRET_KEY` may have. HKDF does not stretch a weak secret the way
/// a password hash would, so the variable must hold a random value (e.g. 32 random bytes in
/// base64: `openssl rand -base64 32`); this bound only turns away obvious mistakes.
pub const MIN_SECRET_KEY_LEN: usize = 16;

/// The fixed HKDF-SHA256 salt. Fixed so that the same `REPLOG_SECRET_KEY` yields the same key
/// on every start; versioned so that a later scheme can derive a different one.
pub const HKDF_SALT: &[u8] = b"replog/settings/v1";

/// The HKDF-SHA256 `info`: binds the derived key to this one use.
pub const HKDF_INFO: &[u8] = b"replog app_settings AES-256-GCM key";

/// Why a stored value is not a well-formed encrypted value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MalformedReason {
    /// The value does not start with `enc:` (a plaintext secret in the store is refused).
    NotEncrypted,
    /// The part after `enc:` is not valid standard base64.
    BadBase64,
    /// The decoded value is shorter than a nonce and an authentication tag.
    TooShort,
    /// The decrypted value is not UTF-8 text.
    NotUtf8,
}

impl std::fmt::Display for MalformedReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::NotEncrypted => "it is not encrypted (no \"enc:\" prefix)",
            Self::BadBase64 => "its \"enc:\" payload is not valid base64",
            Self::TooShort => "its \"enc:\" payload is too short to hold a nonce and a tag",
            Self::NotUtf8 => "it decrypts to bytes that are not UTF-8 text",
        })
    }
}

/// What can go wrong while encrypting or decrypting a secret. No variant carries the secret,
/// the ciphertext or the key.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum SecretError {
    /// `REPLOG_SECRET_KEY` is not set (or empty): stored secrets are refused.
    #[error("REPLOG_SECRET_KEY is not set, so secrets cannot be stored or read from the store")]
    MissingKey,
    /// `REPLOG_SECRET_KEY` is shorter than [`MIN_SECRET_KEY_LEN`] bytes.
    #[error("REPLOG_SECRET_KEY is too short: it needs at least {min} bytes of random data")]
    WeakKey {
        /// The least length accepted.
        min: usize,
    },
    /// Authentication failed: the value was stored with another `REPLOG_SECRET_KEY`, or it was
    /// altered since.
    #[error(
        "the stored secret cannot be decrypted: REPLOG_SECRET_KEY differs from the one it was \
         stored with, or the stored value was altered"
    )]
    WrongKeyOrTampered,
    /// The stored value is not a well-formed encrypted value.
    #[error("the stored secret is malformed: {reason}")]
    Malformed {
        /// What is wrong with it.
        reason: MalformedReason,
    },
    /// The operating system's random number generator failed (no nonce, so no encryption).
    #[error("the system random number generator failed")]
    Random,
    /// This build has no encryption (replog-llm without its `secrets` feature).
    #[error("this build of replog-llm has no encryption (the `secrets` feature is off)")]
    Unsupported,
}

#[cfg(feature = "secrets")]
pub use imp::{SecretKey, decrypt, encrypt};

#[cfg(feature = "secrets")]
mod imp {
    use super::{
        ENCRYPTED_PREFIX, HKDF_INFO, HKDF_SALT, MIN_SECRET_KEY_LEN, MalformedReason, SecretError,
    };
    use aes_gcm::aead::{Aead, KeyInit};
    use aes_gcm::{Aes256Gcm, Nonce};
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use secrecy::SecretString;
    use zeroize::{Zeroize, Zeroizing};

    const NONCE_LEN: usize = 12;
    const TAG_LEN: usize = 16;

    /// The 256-bit AES key derived from `REPLOG_SECRET_KEY`. Zeroed on drop; its `Debug` shows
    /// nothing of it.
    #[derive(Clone)]
    pub struct SecretKey(Zeroizing<[u8; 32]>);

    impl std::fmt::Debug for SecretKey {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("SecretKey([REDACTED])")
        }
    }

    impl SecretKey {
        /// Derives the key from the value of `REPLOG_SECRET_KEY` with HKDF-SHA256 (salt
        /// [`HKDF_SALT`](super::HKDF_SALT), info [`HKDF_INFO`](super::HKDF_INFO)). Surrounding
        /// whitespace is ignored, so a trailing newline from a secrets file does not change
        /// the key.
        ///
        /// # Errors
        /// [`SecretError::MissingKey`] for an empty value, [`SecretError::WeakKey`] for one
        /// shorter than [`MIN_SECRET_KEY_LEN`](super::MIN_SECRET_KEY_LEN) bytes.
        pub fn from_env_value(value: &str) -> Result<Self, SecretError> {
            let value = value.trim();
            if value.is_empty() {
                return Err(SecretError::MissingKey);
            }
            if value.len() < MIN_SECRET_KEY_LEN {
                return Err(SecretError::WeakKey {
                    min: MIN_SECRET_KEY_LEN,
                });
            }
            let hkdf = hkdf::Hkdf::<sha2::Sha256>::new(Some(HKDF_SALT), value.as_bytes());
            let mut key = Zeroizing::new([0u8; 32]);
            // 32 bytes is far below HKDF-SHA256's limit of 255 * 32, so this cannot fail.
            hkdf.expand(HKDF_INFO, key.as_mut_slice())
                .map_err(|_| SecretError::WeakKey {
                    min: MIN_SECRET_KEY_LEN,
                })?;
            Ok(Self(key))
        }

        fn cipher(&self) -> Aes256Gcm {
            Aes256Gcm::new((&*self.0).into())
        }
    }

    /// Encrypts `plaintext` with a fresh random 96-bit nonce, returning `enc:` followed by
    /// the standard base64 of nonce || ciphertext || tag.
    ///
    /// # Errors
    /// [`SecretError::Random`] when the system random number generator fails.
    pub fn encrypt(key: &SecretKey, plaintext: &str) -> Result<String, SecretError> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|_| SecretError::Random)?;
        let ciphertext = key
            .cipher()
            .encrypt(&Nonce::from(nonce), plaintext.as_bytes())
            // AES-GCM only fails on inputs of gigabytes; report it without the input.
            .map_err(|_| SecretError::Random)?;
        let mut payload = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        payload.extend_from_slice(&nonce);
        payload.extend_from_slice(&ciphertext);
        Ok(format!("{ENCRYPTED_PREFIX}{}", STANDARD.encode(payload)))
    }

    /// Decrypts a value made by [`encrypt`].
    ///
    /// # Errors
    /// [`SecretError::Malformed`] when the value is not `enc:` + base64 of at least a nonce
    /// and a tag, or decrypts to non-UTF-8 bytes; [`SecretError::WrongKeyOrTampered`] when
    /// authentication fails.
    pub fn decrypt(key: &SecretKey, stored: &str) -> Result<SecretString, SecretError> {
        let malformed = |reason| SecretError::Malformed { reason };
        let encoded = stored
            .strip_prefix(ENCRYPTED_PREFIX)
            .ok_or(malformed(MalformedReason::NotEncrypted))?;
        let payload = STANDARD
            .decode(encoded.trim())
            .map_err(|_| malformed(MalformedReason::BadBase64))?;
        if payload.len() < NONCE_LEN + TAG_LEN {
            return Err(malformed(MalformedReason::TooShort));
        }
        let (nonce, ciphertext) = payload.split_at(NONCE_LEN);
        let plaintext = key
            .cipher()
            .decrypt(Nonce::from_slice(nonce), ciphertext)
            .map_err(|_| SecretError::WrongKeyOrTampered)?;
        match String::from_utf8(plaintext) {
            Ok(text) => Ok(SecretString::from(text)),
            Err(error) => {
                error.into_bytes().zeroize();
                Err(malformed(MalformedReason::NotUtf8))
            }
        }
    }
}

#[cfg(all(test, feature = "secrets"))]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn round_trip_and_distinct_nonces() {
        let key = SecretKey::from_env_value("0123456789abcdef0123").unwrap();
        let a = encrypt(&key, "sk-test-value").unwrap();
        let b = encrypt(&key, "sk-test-value").unwrap();
        assert!(a.starts_with(ENCRYPTED_PREFIX));
        assert_ne!(a, b, "each encryption draws a fresh nonce");
        assert_eq!(decrypt(&key, &a).unwrap().expose_secret(), "sk-test-value");
    }

    #[test]
    fn whitespace_around_the_key_does_not_change_it() {
        let a = SecretKey::from_env_value("0123456789abcdef0123").unwrap();
        let b = SecretKey::from_env_value("  0123456789abcdef0123\n").unwrap();
        let stored = encrypt(&a, "value").unwrap();
        assert_eq!(decrypt(&b, &stored).unwrap().expose_secret(), "value");
    }
}
