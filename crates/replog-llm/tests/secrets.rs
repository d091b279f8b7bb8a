//! Secrets: API keys encrypted at rest in a real SQLite file, refused without
//! `REPLOG_SECRET_KEY`, clear errors for a wrong key or a tampered value, and never a secret
//! in `Debug`, `Display` or an error.

mod settings_common;
use settings_common as common;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use common::{API_KEY, KEY, OTHER_KEY, env, memory};
use replog_llm::LlmError;
use replog_llm::settings::secret::{MalformedReason, SecretKey, decrypt, encrypt};
use replog_llm::settings::{
    InvalidReason, MemoryStore, REGISTRY, SecretError, Settings, SettingsError, SettingsStore,
    Source, SqliteStore,
};
use secrecy::ExposeSecret;
use std::path::Path;

fn sqlite_settings(path: &Path, secret_key: Option<&str>) -> Settings {
    let store = SqliteStore::open(path).unwrap();
    match secret_key {
        Some(key) => Settings::new(store, env(&[("REPLOG_SECRET_KEY", key)])),
        None => Settings::new(store, env(&[])),
    }
}

fn raw(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(
        "SELECT value FROM app_settings WHERE key = 'llm.api_key'",
        [],
        |row| row.get(0),
    )
    .unwrap()
}

fn write_raw(path: &Path, value: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute(
        "UPDATE app_settings SET value = ?1 WHERE key = 'llm.api_key'",
        [value],
    )
    .unwrap();
}

/// Every way the secret could leak into text.
fn assert_no_leak(text: &str) {
    assert!(!text.contains(API_KEY), "the API key leaked: {text}");
    assert!(
        !text.contains("AbCdEfGh"),
        "part of the API key leaked: {text}"
    );
    assert!(!text.contains(KEY), "the secret key leaked: {text}");
    assert!(!text.contains(OTHER_KEY), "the secret key leaked: {text}");
}

fn assert_error_is_clean(error: &SettingsError) {
    assert_no_leak(&error.to_string());
    assert_no_leak(&format!("{error:?}"));
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        assert_no_leak(&inner.to_string());
        source = inner.source();
    }
}

#[test]
fn api_key_is_encrypted_at_rest_in_sqlite_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replog.db");
    sqlite_settings(&path, Some(KEY))
        .set("llm.api_key", API_KEY)
        .unwrap();

    let stored = raw(&path);
    assert!(stored.starts_with("enc:"), "{stored}");
    assert_no_leak(&stored);
    // 12-byte nonce + ciphertext as long as the key + 16-byte tag.
    let payload = STANDARD.decode(&stored["enc:".len()..]).unwrap();
    assert_eq!(payload.len(), 12 + API_KEY.len() + 16);
    assert!(
        !std::fs::read(&path)
            .unwrap()
            .windows(API_KEY.len())
            .any(|w| w == API_KEY.as_bytes()),
        "the key is nowhere in the database file"
    );

    // Reopened with the same secret key (with surrounding whitespace, as from a file).
    let settings = sqlite_settings(&path, Some(&format!("  {KEY}\n")));
    let key = settings.api_key().unwrap().unwrap();
    assert_eq!(key.expose_secret(), API_KEY);
    assert_eq!(
        settings.resolve("llm.api_key").unwrap().source,
        Source::Store
    );
    let view = settings.list_for_admin().unwrap();
    let api = view.iter().find(|row| row.key == "llm.api_key").unwrap();
    assert_eq!(api.value, "sk-...1234");
    assert!(!api.set_via_environment && api.issue.is_none());

    // Storing again draws a new nonce.
    settings.set("llm.api_key", API_KEY).unwrap();
    assert_ne!(raw(&path), stored);
}

#[test]
fn a_wrong_key_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replog.db");
    sqlite_settings(&path, Some(KEY))
        .set("llm.api_key", API_KEY)
        .unwrap();
    let settings = sqlite_settings(&path, Some(OTHER_KEY));
    let error = settings.api_key().unwrap_err();
    assert!(matches!(
        error,
        SettingsError::Secret {
            key: "llm.api_key",
            source: SecretError::WrongKeyOrTampered,
        }
    ));
    assert!(error.to_string().contains("REPLOG_SECRET_KEY"), "{error}");
    assert_error_is_clean(&error);

    // The admin page still lists everything and says what is wrong.
    let rows = settings.list_for_admin().unwrap();
    let api = rows.iter().find(|row| row.key == "llm.api_key").unwrap();
    assert_eq!(api.value, "set");
    assert!(matches!(api.issue, Some(SettingsError::Secret { .. })));
    assert_eq!(rows.len(), REGISTRY.len(), "one row per setting");
}

#[test]
fn a_flipped_byte_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replog.db");
    sqlite_settings(&path, Some(KEY))
        .set("llm.api_key", API_KEY)
        .unwrap();
    let stored = raw(&path);
    let payload = STANDARD.decode(&stored["enc:".len()..]).unwrap();
    // Nonce, ciphertext and tag: a flipped bit anywhere is caught.
    for index in [0, 11, 12, payload.len() / 2, payload.len() - 1] {
        let mut tampered = payload.clone();
        tampered[index] ^= 0x01;
        write_raw(&path, &format!("enc:{}", STANDARD.encode(&tampered)));
        let error = sqlite_settings(&path, Some(KEY)).api_key().unwrap_err();
        assert!(
            matches!(
                error,
                SettingsError::Secret {
                    source: SecretError::WrongKeyOrTampered,
                    ..
                }
            ),
            "byte {index}: {error:?}"
        );
        assert_error_is_clean(&error);
    }
}

#[test]
fn malformed_stored_values_fail_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replog.db");
    sqlite_settings(&path, Some(KEY))
        .set("llm.api_key", API_KEY)
        .unwrap();
    let cases = [
        (API_KEY.to_owned(), MalformedReason::NotEncrypted),
        ("enc:not base64!".to_owned(), MalformedReason::BadBase64),
        (
            format!("enc:{}", STANDARD.encode([0u8; 27])),
            MalformedReason::TooShort,
        ),
        ("enc:".to_owned(), MalformedReason::TooShort),
    ];
    for (value, reason) in cases {
        write_raw(&path, &value);
        let error = sqlite_settings(&path, Some(KEY)).api_key().unwrap_err();
        match &error {
            SettingsError::Secret {
                source: SecretError::Malformed { reason: got },
                ..
            } => assert_eq!(*got, reason),
            other => panic!("{reason:?}: {other:?}"),
        }
        assert_error_is_clean(&error);
    }
}

#[test]
fn no_secret_key_refuses_storing_and_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replog.db");
    let without = sqlite_settings(&path, None);
    assert!(!without.secret_key_configured());
    let error = without.set("llm.api_key", API_KEY).unwrap_err();
    assert!(matches!(
        error,
        SettingsError::Secret {
            source: SecretError::MissingKey,
            ..
        }
    ));
    assert!(error.to_string().contains("REPLOG_SECRET_KEY"), "{error}");
    assert_error_is_clean(&error);
    assert!(without.store().get("llm.api_key").unwrap().is_none());

    let with = sqlite_settings(&path, Some(KEY));
    assert!(with.secret_key_configured());
    with.set("llm.api_key", API_KEY).unwrap();
    let error = sqlite_settings(&path, None).api_key().unwrap_err();
    assert!(matches!(
        error,
        SettingsError::Secret {
            source: SecretError::MissingKey,
            ..
        }
    ));
    // A blank or short key is no key.
    let blank = Settings::new(MemoryStore::new(), env(&[("REPLOG_SECRET_KEY", "  ")]));
    assert!(matches!(
        blank.set("llm.api_key", API_KEY).unwrap_err(),
        SettingsError::Secret {
            source: SecretError::MissingKey,
            ..
        }
    ));
    let short = Settings::new(MemoryStore::new(), env(&[("REPLOG_SECRET_KEY", "hunter2")]));
    assert!(matches!(
        short.set("llm.api_key", API_KEY).unwrap_err(),
        SettingsError::Secret {
            source: SecretError::WeakKey { min: 16 },
            ..
        }
    ));
    // An API key from the environment needs no secret key, and wins over the store.
    let from_env = Settings::new(
        SqliteStore::open(&path).unwrap(),
        env(&[("REPLOG_LLM_API_KEY", "sk-from-the-environment-0000")]),
    );
    assert_eq!(
        from_env.api_key().unwrap().unwrap().expose_secret(),
        "sk-from-the-environment-0000"
    );
}

#[test]
fn secrets_never_appear_in_debug_display_or_errors() {
    let settings = memory(&[("REPLOG_SECRET_KEY", KEY), ("REPLOG_LLM_API_KEY", API_KEY)]);
    assert_no_leak(&format!("{settings:?}"));
    assert_no_leak(&format!("{:?}", settings.resolve("llm.api_key").unwrap()));
    assert_no_leak(&format!("{:?}", settings.api_key().unwrap()));
    assert_no_leak(&format!("{:?}", settings.llm().unwrap()));
    assert_no_leak(&format!("{:?}", settings.list_for_admin().unwrap()));
    assert_no_leak(&format!("{:?}", SecretKey::from_env_value(KEY).unwrap()));
    assert_no_leak(&format!("{:?}", env(&[("REPLOG_SECRET_KEY", KEY)])));

    // An invalid API key is refused without echoing it, in every form of the error.
    let bad = "sk-AbCdEfGh with a space";
    let error = settings.set("llm.api_key", bad).unwrap_err();
    assert!(matches!(
        &error,
        SettingsError::Invalid {
            value: None,
            reason: InvalidReason::BadCharacters,
            ..
        }
    ));
    assert_error_is_clean(&error);
    assert!(!error.to_string().contains("with a space"));
    let llm_error = LlmError::from(error);
    assert_no_leak(&llm_error.to_string());
    assert_no_leak(&format!("{llm_error:?}"));

    // The stores' Debug shows no values (which are encrypted anyway).
    let store = MemoryStore::new();
    store.set("llm.api_key", API_KEY).unwrap();
    assert_no_leak(&format!("{store:?}"));
}

#[test]
fn encrypt_and_decrypt_directly() {
    let key = SecretKey::from_env_value(KEY).unwrap();
    let other = SecretKey::from_env_value(OTHER_KEY).unwrap();
    let stored = encrypt(&key, API_KEY).unwrap();
    assert_eq!(decrypt(&key, &stored).unwrap().expose_secret(), API_KEY);
    assert!(matches!(
        decrypt(&other, &stored),
        Err(SecretError::WrongKeyOrTampered)
    ));
    let empty = encrypt(&key, "").unwrap();
    assert_eq!(decrypt(&key, &empty).unwrap().expose_secret(), "");
    let unicode = encrypt(&key, "clé-secrète-ü").unwrap();
    assert_eq!(
        decrypt(&key, &unicode).unwrap().expose_secret(),
        "clé-secrète-ü"
    );
    assert!(matches!(
        SecretKey::from_env_value(""),
        Err(SecretError::MissingKey)
    ));
}
