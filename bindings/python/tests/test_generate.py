"""Generation through Python: the built-in planner, and an OpenAI-protocol fake on loopback
(async with progress, blocking, failures by kind with attempts and usage, cancellation)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA
from fake_openai import FakeOpenAI

import replog

LOGBOOK = (DATA / "sample-logbook.json").read_bytes()
REQUEST = {"name": "Combine Prep", "weeks": 4, "days_per_week": 3}


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI(LOGBOOK, REQUEST)
    yield server
    server.close()


def openai(fake: FakeOpenAI, **options: Any) -> replog.Generator:
    return replog.Generator(
        provider="openai", model="gpt-fake", api_key="sk-test", base_url=fake.base_url, max_retries=0, **options
    )


def test_the_builtin_planner_generates_a_valid_program() -> None:
    generator = replog.Generator()
    assert generator.provider == "builtin"
    events: list[dict[str, Any]] = []
    generation = generator.generate_sync(LOGBOOK, REQUEST, on_progress=events.append)
    program = generation.program
    assert replog.validate_catalog(program).valid
    assert program["programs"][0]["name"] == "Combine Prep"
    assert len(program["programs"][0]["weeks"]) == 4
    assert generation.reasoning and generation.provider == "builtin"
    assert generation.usage == {"input_tokens": 0, "output_tokens": 0, "cached_tokens": 0}
    assert generation.fallback is None and generation.duration >= 0
    assert events and events[-1]["percent"] == 100 and events[-1]["stage"]["kind"] == "done"


def test_openai_over_loopback_async_with_progress(fake: FakeOpenAI) -> None:
    generator = openai(fake, mode="single")
    assert (generator.provider, generator.model) == ("openai", "gpt-fake")
    events: list[dict[str, Any]] = []

    async def run() -> replog.Generation:
        return await generator.generate(LOGBOOK, REQUEST, on_progress=events.append)

    generation = asyncio.run(run())
    assert generation.program == fake.envelope["catalog"]
    assert generation.reasoning == fake.envelope["reasoning"]
    assert generation.usage == {"input_tokens": 1200, "output_tokens": 800, "cached_tokens": 200}
    assert generation.model == "gpt-fake"
    assert len(generation.record["calls"]) == 1
    assert len(fake.requests) == 1
    request = fake.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["auth"] == "Bearer sk-test"
    assert request["body"]["model"] == "gpt-fake"
    assert request["body"]["response_format"]["type"] == "json_schema"
    assert events[-1]["percent"] == 100


def test_generate_sync_over_loopback_matches_the_planner(fake: FakeOpenAI) -> None:
    generation = openai(fake, mode="single").generate_sync(LOGBOOK, REQUEST)
    assert generation.program == replog.Generator().generate_sync(LOGBOOK, REQUEST).program


@pytest.mark.parametrize(
    ("mode", "error", "code"),
    [
        ("401", replog.AuthenticationError, "authentication"),
        ("429", replog.RateLimitError, "rate_limit"),
        ("500", replog.ProviderUnavailableError, "server"),
        ("refusal", replog.RefusalError, "refusal"),
    ],
)
def test_failures_raise_by_kind_with_attempts_and_usage(
    fake: FakeOpenAI, mode: str, error: type[replog.ProviderError], code: str
) -> None:
    fake.mode = mode
    with pytest.raises(error) as caught:
        openai(fake, mode="single").generate_sync(LOGBOOK, REQUEST)
    failure = caught.value
    assert isinstance(failure, replog.ProviderError) and isinstance(failure, replog.ReplogError)
    assert failure.code == code
    assert failure.attempts >= 1
    assert set(failure.usage) == {"input_tokens", "output_tokens", "cached_tokens"}
    assert code in str(failure)


def test_a_truncated_answer_gets_twice_the_room_once_then_raises_truncated(fake: FakeOpenAI) -> None:
    fake.mode = "length"
    with pytest.raises(replog.TruncatedError) as caught:
        openai(fake, mode="single", max_tokens=3000).generate_sync(LOGBOOK, REQUEST)
    failure = caught.value
    assert isinstance(failure, replog.ProviderError)
    assert failure.code == "truncated"
    # Asked twice: as configured, then with twice the output the cut answer reached (the
    # fake reports 800 output tokens).
    assert failure.attempts == 2
    assert [r["body"]["max_tokens"] for r in fake.requests] == [3000, 2 * 800]
    assert failure.usage == {"input_tokens": 2 * 1200, "output_tokens": 2 * 800, "cached_tokens": 2 * 200}
    assert failure.issues == [] and failure.weeks_kept == []


def test_a_stalled_provider_times_out_after_its_retries(fake: FakeOpenAI) -> None:
    fake.mode = "hold"
    generator = replog.Generator(
        provider="openai", model="gpt-fake", api_key="sk-test", base_url=fake.base_url,
        timeout_seconds=1, max_retries=1, mode="single",
    )

    async def run() -> replog.Generation:
        return await generator.generate(LOGBOOK, REQUEST)

    with pytest.raises(replog.ProviderTimeoutError) as caught:
        asyncio.run(run())
    failure = caught.value
    assert isinstance(failure, TimeoutError) and isinstance(failure, replog.ProviderError)
    assert failure.code == "timeout_first_byte"
    assert failure.attempts == 2 and len(fake.requests) == 2
    assert failure.usage == {"input_tokens": 0, "output_tokens": 0, "cached_tokens": 0}


def test_fallback_to_the_planner_is_marked(fake: FakeOpenAI) -> None:
    fake.mode = "401"
    generation = openai(fake, mode="single", fallback_to_planner=True).generate_sync(LOGBOOK, REQUEST)
    assert generation.fallback is not None and "401" in generation.fallback
    assert generation.provider == "builtin"
    assert replog.validate_catalog(generation.program).valid


def test_cancelling_the_awaiting_task_cancels_the_generation(fake: FakeOpenAI) -> None:
    fake.mode = "hold"

    async def run() -> None:
        task = asyncio.ensure_future(openai(fake, mode="single").generate(LOGBOOK, REQUEST))
        while not fake.arrived.is_set():
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert task.cancelled()

    asyncio.run(run())
    assert len(fake.requests) == 1


def test_settings_are_checked_and_read_from_every_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(replog.ConfigurationError, match="provider"):
        replog.Generator(provider="skynet")
    with pytest.raises(replog.ConfigurationError):
        replog.Generator(provider="openai", temperature=7.0)
    with pytest.raises(ValueError, match="mode"):
        replog.Generator(mode="sometimes")  # type: ignore[arg-type]
    for name in ("REPLOG_LLM_PROVIDER", "REPLOG_LLM_MODEL", "REPLOG_LLM_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REPLOG_LLM_PROVIDER", "ollama")
    monkeypatch.setenv("REPLOG_LLM_MODEL", "llama-test")
    from_env = replog.Generator.from_env()
    assert (from_env.provider, from_env.model) == ("ollama", "llama-test")
    monkeypatch.delenv("REPLOG_LLM_PROVIDER")
    monkeypatch.delenv("REPLOG_LLM_MODEL")
    path = tmp_path / "settings.sqlite"
    replog.Generator.from_settings_file(path)  # creates the store
    assert replog.Generator.from_settings_file(path).provider == "builtin"
    # A host's admin page writes the store; the generator reads it, the environment still wins.
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, '2026-01-01')",
            [("llm.provider", "ollama"), ("llm.model", "from-file")],
        )
    from_file = replog.Generator.from_settings_file(path)
    assert (from_file.provider, from_file.model) == ("ollama", "from-file")
    monkeypatch.setenv("REPLOG_LLM_MODEL", "from-env")
    assert replog.Generator.from_settings_file(path).model == "from-env"
    with pytest.raises(replog.ValidationError):
        replog.Generator().generate_sync(b"{}")
    with pytest.raises(ValueError, match="request"):
        replog.Generator().generate_sync(LOGBOOK, {"weeks": 4, "colour": "red"})
