"""Settings file writes (`write_setting`): validated by the registry, secrets encrypted, and
read back by `Generator.from_settings_file` (the API key proven by the loopback fake)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from conftest import DATA
from fake_openai import FakeOpenAI

import replog

SECRET_KEY = "0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process environment wins over the file: none of its LLM settings may leak in."""
    for name in list(os.environ):
        if name.startswith("REPLOG_LLM_") or name == "REPLOG_SECRET_KEY":
            monkeypatch.delenv(name)


def stored(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT key, value FROM app_settings"))


def test_settings_written_are_what_the_generator_reads(tmp_path: Path) -> None:
    path = tmp_path / "settings.sqlite"
    replog.write_setting(path, "llm.provider", "ollama")
    replog.write_setting(str(path), "llm.model", "  llama-test  ")
    replog.write_setting(path, "llm.timeout_seconds", "30")
    assert stored(path) == {"llm.provider": "ollama", "llm.model": "llama-test", "llm.timeout_seconds": "30"}
    generator = replog.Generator.from_settings_file(path)
    assert (generator.provider, generator.model) == ("ollama", "llama-test")
    replog.write_setting(path, "llm.model", "llama-other")
    assert replog.Generator.from_settings_file(path).model == "llama-other"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("llm.temperature", "7", "llm.temperature"),
        ("llm.provider", "skynet", "llm.provider"),
        ("llm.max_retries", "many", "llm.max_retries"),
        ("llm.colour", "red", "unknown setting"),
        ("llm.api_key", "sk-live", "REPLOG_SECRET_KEY"),
    ],
)
def test_a_value_the_registry_refuses_is_not_stored(tmp_path: Path, key: str, value: str, message: str) -> None:
    path = tmp_path / "settings.sqlite"
    with pytest.raises(replog.ConfigurationError, match=message) as caught:
        replog.write_setting(path, key, value)
    if key == "llm.api_key":
        assert value not in str(caught.value)  # a secret is never shown
    assert stored(path) == {}


def test_an_api_key_is_stored_encrypted_and_reaches_the_provider(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLOG_SECRET_KEY", SECRET_KEY)
    fake = FakeOpenAI((DATA / "sample-logbook.json").read_bytes(), {"weeks": 4})
    try:
        path = tmp_path / "settings.sqlite"
        replog.write_setting(path, "llm.provider", "openai")
        replog.write_setting(path, "llm.base_url", fake.base_url)
        replog.write_setting(path, "llm.api_key", "sk-from-the-file")
        raw = stored(path)["llm.api_key"]
        assert raw.startswith("enc:") and "sk-from-the-file" not in raw
        check = replog.Generator.from_settings_file(path).test_connection_sync()
        assert check.provider == "openai"
        assert fake.requests[-1]["auth"] == "Bearer sk-from-the-file"
        # Without the secret key the stored key cannot be read, and the generator says so.
        monkeypatch.delenv("REPLOG_SECRET_KEY")
        with pytest.raises(replog.ConfigurationError, match="REPLOG_SECRET_KEY"):
            replog.Generator.from_settings_file(path)
    finally:
        fake.close()
