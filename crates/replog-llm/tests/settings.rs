//! Settings: the registry against spec/interfaces.md, resolution order (environment, store,
//! default) with a fake environment, validation, the admin listing, and the SQLite store on a
//! real file.

mod settings_common;
use settings_common as common;

use common::{API_KEY, KEY, env, memory};
use replog_llm::settings::{
    InvalidReason, MemoryStore, Origin, ProviderKind, REGISTRY, SettingKind, Settings,
    SettingsError, SettingsStore, Source, SqliteStore, Value, lookup, mask,
};
use std::sync::Arc;
use std::time::Duration;

/// spec/interfaces.md's Configuration table: key, variables, default.
const SPEC: &[(&str, &[&str], &str)] = &[
    ("llm.provider", &["REPLOG_LLM_PROVIDER"], ""),
    ("llm.model", &["REPLOG_LLM_MODEL"], ""),
    ("llm.api_key", &["REPLOG_LLM_API_KEY", "LLM_API_KEY"], ""),
    (
        "llm.base_url",
        &["REPLOG_LLM_BASE_URL", "LLM_API_ENDPOINT"],
        "",
    ),
    ("llm.temperature", &["REPLOG_LLM_TEMPERATURE"], "0.7"),
    ("llm.max_tokens", &["REPLOG_LLM_MAX_TOKENS"], "4096"),
    (
        "llm.timeout_seconds",
        &["REPLOG_LLM_TIMEOUT_SECONDS"],
        "120",
    ),
    ("llm.max_retries", &["REPLOG_LLM_MAX_RETRIES"], "3"),
    // An addition to the spec's table (which invites additions).
    (
        "llm.anthropic_mode",
        &["REPLOG_LLM_ANTHROPIC_MODE"],
        "structured_output",
    ),
];

#[test]
fn registry_matches_the_spec_exactly() {
    let keys: Vec<_> = REGISTRY.iter().map(|def| def.key).collect();
    let spec_keys: Vec<_> = SPEC.iter().map(|(key, ..)| *key).collect();
    assert_eq!(keys, spec_keys);
    for (key, vars, default) in SPEC {
        let def = lookup(key).unwrap();
        assert_eq!(def.env, *vars, "{key}");
        assert_eq!(def.default, *default, "{key}");
        assert_eq!(def.secret, *key == "llm.api_key", "{key}");
        assert!(!def.description.is_empty());
        if !default.is_empty() {
            assert!(def.validate(default).is_ok(), "{key}'s default validates");
        }
    }
    assert_eq!(
        lookup("llm.provider").unwrap().kind,
        SettingKind::Choice(&["openai", "anthropic", "ollama", "builtin", "mock"])
    );
}

#[test]
fn every_default_with_nothing_set() {
    let settings = memory(&[]);
    assert_eq!(settings.provider().unwrap(), None);
    assert_eq!(settings.model().unwrap(), None);
    assert!(settings.api_key().unwrap().is_none());
    assert_eq!(settings.base_url().unwrap(), None);
    assert_eq!(settings.temperature().unwrap(), 0.7);
    assert_eq!(settings.max_tokens().unwrap(), 4096);
    assert_eq!(settings.timeout_seconds().unwrap(), 120);
    assert_eq!(settings.timeout().unwrap(), Duration::from_secs(120));
    assert_eq!(settings.max_retries().unwrap(), 3);
    for (key, _, default) in SPEC {
        let resolved = settings.resolve(key).unwrap();
        assert_eq!(resolved.source, Source::Default, "{key}");
        if *key != "llm.api_key" {
            assert_eq!(resolved.value.as_plain(), Some(*default));
        }
    }
    let llm = settings.llm().unwrap();
    assert_eq!(llm.provider, None);
    assert_eq!(llm.max_retries, 3);
}

#[test]
fn environment_beats_store_beats_default() {
    let store = Arc::new(MemoryStore::new());
    let with_env = Settings::new(
        Arc::clone(&store),
        env(&[("REPLOG_LLM_MODEL", "env-model")]),
    );
    let without_env = Settings::new(Arc::clone(&store), env(&[]));

    assert_eq!(
        without_env.resolve("llm.model").unwrap().source,
        Source::Default
    );
    without_env.set("llm.model", "stored-model").unwrap();
    let resolved = without_env.resolve("llm.model").unwrap();
    assert_eq!(resolved.source, Source::Store);
    assert_eq!(resolved.value.as_plain(), Some("stored-model"));

    let resolved = with_env.resolve("llm.model").unwrap();
    assert_eq!(
        resolved.source,
        Source::Environment {
            variable: "REPLOG_LLM_MODEL"
        }
    );
    assert_eq!(with_env.model().unwrap().as_deref(), Some("env-model"));

    // Back to the default once the stored value is reset.
    assert!(without_env.reset("llm.model").unwrap());
    assert!(!without_env.reset("llm.model").unwrap());
    assert_eq!(without_env.model().unwrap(), None);
}

#[test]
fn blank_environment_values_count_as_unset() {
    let store = MemoryStore::new();
    store.set("llm.max_tokens", "100").unwrap();
    let settings = Settings::new(store, env(&[("REPLOG_LLM_MAX_TOKENS", "  ")]));
    assert_eq!(settings.max_tokens().unwrap(), 100);
    assert_eq!(
        settings.resolve("llm.max_tokens").unwrap().source,
        Source::Store
    );
}

#[test]
fn aliases_and_their_precedence() {
    let settings = memory(&[("LLM_API_ENDPOINT", "http://localhost:8000/v1")]);
    assert_eq!(
        settings.base_url().unwrap().as_deref(),
        Some("http://localhost:8000/v1")
    );
    assert_eq!(
        settings.resolve("llm.base_url").unwrap().source,
        Source::Environment {
            variable: "LLM_API_ENDPOINT"
        }
    );
    let settings = memory(&[
        ("LLM_API_ENDPOINT", "http://alias.invalid/v1"),
        ("REPLOG_LLM_BASE_URL", "http://canonical.invalid/v1"),
    ]);
    assert_eq!(
        settings.base_url().unwrap().as_deref(),
        Some("http://canonical.invalid/v1")
    );
    let settings = memory(&[("LLM_API_KEY", API_KEY)]);
    let resolved = settings.resolve("llm.api_key").unwrap();
    assert_eq!(
        resolved.source,
        Source::Environment {
            variable: "LLM_API_KEY"
        }
    );
    assert!(matches!(resolved.value, Value::Secret(_)));
    assert!(settings.api_key().unwrap().is_some());
}

#[test]
fn typed_getters_read_the_environment() {
    let settings = memory(&[
        ("REPLOG_LLM_PROVIDER", "OpenAI"),
        ("REPLOG_LLM_TEMPERATURE", "1.5"),
        ("REPLOG_LLM_MAX_TOKENS", "8000"),
        ("REPLOG_LLM_TIMEOUT_SECONDS", "30"),
        ("REPLOG_LLM_MAX_RETRIES", "0"),
    ]);
    assert_eq!(settings.provider().unwrap(), Some(ProviderKind::OpenAi));
    assert_eq!(settings.temperature().unwrap(), 1.5);
    assert_eq!(settings.max_tokens().unwrap(), 8000);
    assert_eq!(settings.timeout_seconds().unwrap(), 30);
    assert_eq!(settings.max_retries().unwrap(), 0);
    for name in ["openai", "anthropic", "ollama", "builtin", "mock"] {
        let settings = memory(&[("REPLOG_LLM_PROVIDER", name)]);
        assert_eq!(settings.provider().unwrap().unwrap().as_str(), name);
    }
}

#[test]
fn a_bad_environment_value_is_an_error_naming_the_variable() {
    let settings = memory(&[("REPLOG_LLM_TEMPERATURE", "hot")]);
    let error = settings.temperature().unwrap_err();
    assert!(matches!(
        error,
        SettingsError::Invalid {
            key: "llm.temperature",
            origin: Origin::Environment("REPLOG_LLM_TEMPERATURE"),
            reason: InvalidReason::NotANumber,
            ..
        }
    ));
    let text = error.to_string();
    assert!(
        text.contains("REPLOG_LLM_TEMPERATURE") && text.contains("hot"),
        "{text}"
    );

    let settings = memory(&[("REPLOG_LLM_PROVIDER", "gpt")]);
    assert!(matches!(
        settings.provider().unwrap_err(),
        SettingsError::Invalid {
            reason: InvalidReason::NotAChoice { .. },
            ..
        }
    ));
    let settings = memory(&[("REPLOG_LLM_MAX_RETRIES", "99")]);
    assert!(matches!(
        settings.max_retries().unwrap_err(),
        SettingsError::Invalid {
            reason: InvalidReason::OutOfRange { .. },
            ..
        }
    ));
    assert!(settings.llm().is_err());
}

#[test]
fn set_validates_against_the_registry() {
    let settings = memory(&[]);
    let cases: &[(&str, &str, InvalidReason)] = &[
        (
            "llm.provider",
            "gpt",
            InvalidReason::NotAChoice {
                allowed: &["openai", "anthropic", "ollama", "builtin", "mock"],
            },
        ),
        (
            "llm.temperature",
            "2.5",
            InvalidReason::OutOfRange { min: 0.0, max: 2.0 },
        ),
        (
            "llm.temperature",
            "-0.1",
            InvalidReason::OutOfRange { min: 0.0, max: 2.0 },
        ),
        ("llm.temperature", "NaN", InvalidReason::NotANumber),
        ("llm.temperature", "inf", InvalidReason::NotANumber),
        ("llm.temperature", "warm", InvalidReason::NotANumber),
        (
            "llm.max_tokens",
            "0",
            InvalidReason::OutOfRange {
                min: 1.0,
                max: 1_000_000.0,
            },
        ),
        (
            "llm.max_tokens",
            "-5",
            InvalidReason::OutOfRange {
                min: 1.0,
                max: 1_000_000.0,
            },
        ),
        ("llm.max_tokens", "4096.5", InvalidReason::NotAnInteger),
        (
            "llm.max_tokens",
            "99999999999999999999999999999999999999999",
            InvalidReason::NotAnInteger,
        ),
        (
            "llm.timeout_seconds",
            "0",
            InvalidReason::OutOfRange {
                min: 1.0,
                max: 3600.0,
            },
        ),
        (
            "llm.max_retries",
            "11",
            InvalidReason::OutOfRange {
                min: 0.0,
                max: 10.0,
            },
        ),
        ("llm.base_url", "localhost:11434", InvalidReason::NotAUrl),
        ("llm.base_url", "http://", InvalidReason::NotAUrl),
        ("llm.base_url", "http://a b", InvalidReason::NotAUrl),
        ("llm.model", "", InvalidReason::Empty),
        ("llm.model", "   ", InvalidReason::Empty),
        ("llm.model", "gpt\u{7}4", InvalidReason::BadCharacters),
    ];
    for (key, value, reason) in cases {
        match settings.set(key, value) {
            Err(SettingsError::Invalid {
                key: got_key,
                origin: Origin::Input,
                reason: got,
                ..
            }) => {
                assert_eq!(got_key, *key);
                assert_eq!(&got, reason, "{key} = {value:?}");
            }
            other => panic!("{key} = {value:?}: expected Invalid, got {other:?}"),
        }
    }
    assert!(
        settings.store().list().unwrap().is_empty(),
        "nothing invalid was stored"
    );
    assert!(matches!(
        settings.set("llm.nope", "x"),
        Err(SettingsError::UnknownKey { key }) if key == "llm.nope"
    ));
    assert!(matches!(
        settings.resolve("nope"),
        Err(SettingsError::UnknownKey { .. })
    ));
    assert!(settings.reset("nope").is_err());
}

#[test]
fn set_stores_canonical_values() {
    let settings = memory(&[]);
    settings.set("llm.provider", "  Anthropic ").unwrap();
    settings.set("llm.temperature", "0").unwrap();
    settings.set("llm.temperature", "2").unwrap();
    settings
        .set("llm.base_url", "http://127.0.0.1:11434")
        .unwrap();
    assert_eq!(
        settings.store().get("llm.provider").unwrap().as_deref(),
        Some("anthropic")
    );
    assert_eq!(settings.provider().unwrap(), Some(ProviderKind::Anthropic));
    assert_eq!(settings.temperature().unwrap(), 2.0);
}

#[test]
fn a_bad_stored_value_is_reported_not_defaulted() {
    let store = MemoryStore::new();
    store.set("llm.max_tokens", "lots").unwrap();
    store.set("llm.model", "").unwrap();
    let settings = Settings::new(store, env(&[]));
    assert!(matches!(
        settings.max_tokens().unwrap_err(),
        SettingsError::Invalid {
            origin: Origin::Store,
            reason: InvalidReason::NotAnInteger,
            ..
        }
    ));
    // An empty stored value counts as unset.
    assert_eq!(
        settings.resolve("llm.model").unwrap().source,
        Source::Default
    );
}

#[test]
fn masking() {
    assert_eq!(mask(API_KEY), "sk-...1234");
    assert_eq!(mask("sk-0123456789abc"), "sk-...9abc");
    assert_eq!(mask("sk-short"), "set");
    assert_eq!(mask("sk-0123456789ab"), "set", "15 characters are too few");
    assert_eq!(mask(""), "");
    // Characters, not bytes: no panic and no split character.
    assert_eq!(mask("ééééééééééééééééé"), "ééé...éééé");
}

#[test]
fn admin_listing() {
    let settings = memory(&[
        ("REPLOG_LLM_API_KEY", API_KEY),
        ("REPLOG_LLM_MAX_RETRIES", "50"),
        ("REPLOG_SECRET_KEY", KEY),
    ]);
    settings.set("llm.provider", "openai").unwrap();
    let rows = settings.list_for_admin().unwrap();
    let keys: Vec<_> = rows.iter().map(|row| row.key).collect();
    let spec_keys: Vec<_> = SPEC.iter().map(|(key, ..)| *key).collect();
    assert_eq!(keys, spec_keys);

    let row = |key| rows.iter().find(|row| row.key == key).unwrap();
    let api = row("llm.api_key");
    assert_eq!(api.value, "sk-...1234");
    assert!(api.set_via_environment && api.secret);
    assert_eq!(
        api.source,
        Source::Environment {
            variable: "REPLOG_LLM_API_KEY"
        }
    );
    let provider = row("llm.provider");
    assert_eq!(
        (provider.value.as_str(), provider.source),
        ("openai", Source::Store)
    );
    assert!(!provider.set_via_environment);
    let temperature = row("llm.temperature");
    assert_eq!(
        (temperature.value.as_str(), temperature.source),
        ("0.7", Source::Default)
    );
    assert!(temperature.issue.is_none());
    let retries = row("llm.max_retries");
    assert!(retries.set_via_environment);
    assert!(matches!(
        retries.issue,
        Some(SettingsError::Invalid {
            reason: InvalidReason::OutOfRange { .. },
            ..
        })
    ));
    assert!(!format!("{rows:?}").contains(API_KEY));
}

#[test]
fn sqlite_store_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("replog.db");
    {
        let settings = Settings::new(SqliteStore::open(&path).unwrap(), env(&[]));
        settings.set("llm.provider", "ollama").unwrap();
        settings
            .set("llm.base_url", "http://127.0.0.1:11434")
            .unwrap();
        settings.set("llm.max_tokens", "2048").unwrap();
        settings.set("llm.max_tokens", "3000").unwrap();
        assert!(settings.reset("llm.base_url").unwrap());
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.path(), path);
    let updated = store.updated_at("llm.max_tokens").unwrap().unwrap();
    assert!(updated.ends_with('Z') && updated.len() == 24, "{updated}");
    assert_eq!(
        store.list().unwrap(),
        vec![
            ("llm.max_tokens".to_owned(), "3000".to_owned()),
            ("llm.provider".to_owned(), "ollama".to_owned()),
        ]
    );
    let settings = Settings::new(store, env(&[]));
    assert_eq!(settings.provider().unwrap(), Some(ProviderKind::Ollama));
    assert_eq!(settings.max_tokens().unwrap(), 3000);
    assert_eq!(settings.base_url().unwrap(), None);
}

#[test]
fn sqlite_store_adopts_a_reference_style_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE app_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
             INSERT INTO app_settings VALUES ('llm.model', 'llama3.1');",
        )
        .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.get("llm.model").unwrap().as_deref(), Some("llama3.1"));
    assert_eq!(store.updated_at("llm.model").unwrap().as_deref(), Some(""));
    store.set("llm.model", "qwen2.5").unwrap();
    assert_eq!(store.get("llm.model").unwrap().as_deref(), Some("qwen2.5"));
}

#[test]
fn sqlite_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-a-db.db");
    std::fs::write(&path, vec![b'x'; 4096]).unwrap();
    let error = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(error, SettingsError::Sqlite { .. }));
    assert!(error.to_string().contains("not-a-db.db"), "{error}");

    let missing_dir = dir.path().join("no/such/dir/replog.db");
    let error = SqliteStore::open(&missing_dir).unwrap_err();
    assert!(error.to_string().contains("no/such/dir"), "{error}");
}

#[test]
fn two_handles_on_one_file_concurrently() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let a = Arc::new(SqliteStore::open(&path).unwrap());
    let b = Arc::new(SqliteStore::open(&path).unwrap());
    let writers: Vec<_> = [(Arc::clone(&a), "a"), (Arc::clone(&b), "b")]
        .into_iter()
        .map(|(store, name)| {
            std::thread::spawn(move || {
                for i in 0..100 {
                    store.set(&format!("{name}.{i}"), &i.to_string()).unwrap();
                    store.set("shared", name).unwrap();
                    assert!(store.get(&format!("{name}.{i}")).unwrap().is_some());
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    for store in [&a, &b] {
        let all = store.list().unwrap();
        assert_eq!(all.len(), 201);
        assert_eq!(store.get("a.99").unwrap().as_deref(), Some("99"));
        assert_eq!(store.get("b.0").unwrap().as_deref(), Some("0"));
        let shared = store.get("shared").unwrap().unwrap();
        assert!(shared == "a" || shared == "b");
    }
    // One store shared between threads through Settings also works.
    let settings = Arc::new(Settings::new(Arc::clone(&a), env(&[])));
    let threads: Vec<_> = (0..4)
        .map(|i| {
            let settings = Arc::clone(&settings);
            std::thread::spawn(move || settings.set("llm.max_retries", &i.to_string()).unwrap())
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert!(settings.max_retries().unwrap() < 4);
    assert_eq!(
        b.get("llm.max_retries").unwrap(),
        a.get("llm.max_retries").unwrap()
    );
}
