"""The LLM's calls beside generation, through the Generator: report words, coaching and the
connection test, async and blocking, against the loopback OpenAI fake (request bodies
checked) and the built-in planner."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import DATA
from fake_openai import FakeOpenAI

import replog

LOGBOOK = (DATA / "sample-logbook.json").read_bytes()
PLANNED = {"sets": 3, "reps": 5, "weight": 100.0, "rest_seconds": 180}
USAGE = {"input_tokens": 1200, "output_tokens": 800, "cached_tokens": 200}
NO_USAGE = {"input_tokens": 0, "output_tokens": 0, "cached_tokens": 0}
SUGGESTION = {
    "kind": "increase_weight",
    "sets": 3,
    "reps": 5,
    "weight": 400.0,
    "rest_seconds": 180,
    "substitute": None,
    "reasoning": "The last sets were RPE 6.",
    "expected_outcome": "Heavier fives.",
    "alternatives": [],
}


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI(LOGBOOK, {"weeks": 4})
    yield server
    server.close()


def openai(fake: FakeOpenAI) -> replog.Generator:
    return replog.Generator(provider="openai", model="gpt-fake", api_key="sk-test", base_url=fake.base_url, max_retries=0)


def rules_report() -> dict[str, Any]:
    return replog.workout_report(LOGBOOK, period="month")


def model_words() -> dict[str, Any]:
    """Words a model might write for the month (a celebration only when it has a PR)."""
    has_pr = bool(rules_report()["payload"]["metrics"]["prs"])
    return {
        "headline": "A solid month of training",
        "celebration": "New personal records!" if has_pr else None,
        "action": {"directive": "Keep squatting twice a week.", "explanation": "Your sessions were steady."},
    }


def test_write_report_takes_the_models_words_and_the_computed_numbers(fake: FakeOpenAI) -> None:
    words = model_words()
    fake.reply = words
    written = openai(fake).write_report_sync(LOGBOOK, period="month")
    assert written["fallback"] is None
    assert written["usage"] == USAGE
    payload = written["payload"]
    assert payload["words"] == {key: value for key, value in words.items() if value is not None}
    assert payload["written_by"] == {"kind": "model", "provider": "openai", "model": "gpt-fake"}
    assert payload["metrics"] == rules_report()["payload"]["metrics"]
    assert words["headline"] in written["markdown"] and words["headline"] in written["html"]
    (request,) = fake.requests
    assert request["body"]["response_format"]["json_schema"]["name"] == "report_words"
    # The model is shown the computed numbers, the very ones the payload carries.
    shown = json.loads(request["body"]["messages"][-1]["content"].split("\n")[1])
    assert shown == {"unit": payload["unit"], "metrics": payload["metrics"]}


def test_write_report_falls_back_to_the_rules_when_the_model_answers_more(fake: FakeOpenAI) -> None:
    fake.reply = {**model_words(), "metrics": {"total_volume": 1}}
    written = asyncio.run(_write_report(openai(fake)))
    rules = rules_report()
    assert written["fallback"] is not None and "not the JSON asked for" in written["fallback"]
    assert written["usage"] == USAGE
    assert written["payload"]["written_by"] == {"kind": "rules", "fallback": written["fallback"]}
    assert written["payload"]["words"] == rules["payload"]["words"]
    assert written["payload"]["metrics"] == rules["payload"]["metrics"]


async def _write_report(generator: replog.Generator) -> dict[str, Any]:
    return await generator.write_report(LOGBOOK, period="month")


def test_the_builtin_planner_leaves_the_words_to_the_rules() -> None:
    written = replog.Generator().write_report_sync(LOGBOOK, period="month")
    rules = rules_report()
    assert written["fallback"] is not None
    assert written["usage"] == NO_USAGE
    assert written["payload"]["words"] == rules["payload"]["words"]
    assert written["payload"]["written_by"] == {"kind": "rules", "fallback": written["fallback"]}
    assert "the model's were not used" in written["markdown"]


def test_recommend_takes_the_models_suggestion_under_the_safety_clamps(fake: FakeOpenAI) -> None:
    fake.reply = SUGGESTION
    answer = openai(fake).recommend_sync("Back Squat", PLANNED)
    assert answer["fallback"] is None and answer["usage"] == USAGE
    recommendation = answer["recommendation"]
    assert recommendation["source"] == {"kind": "model", "provider": "openai", "model": "gpt-fake"}
    assert recommendation["kind"] == "increase_weight"
    assert recommendation["reasoning"] == SUGGESTION["reasoning"]
    # 400 asked, at most +10 % given.
    assert recommendation["suggested"]["weight"] == 110.0
    assert [f["rule"] for f in recommendation["factors"] if f["kind"] == "clamp"] == ["max_weight_increase"]
    body = fake.requests[-1]["body"]
    assert body["response_format"]["json_schema"]["name"] == "coach_suggestion"
    assert '"exercise":"Back Squat"' in body["messages"][-1]["content"]


def test_recommend_falls_back_to_the_rules_when_the_provider_fails(fake: FakeOpenAI) -> None:
    fake.mode = "401"

    async def run() -> dict[str, Any]:
        return await openai(fake).recommend("Back Squat", PLANNED, current_set=2)

    answer = asyncio.run(run())
    assert answer["fallback"] is not None and "401" in answer["fallback"]
    recommendation = answer["recommendation"]
    rules = replog.recommend("Back Squat", PLANNED, current_set=2)
    assert recommendation["factors"][0]["kind"] == "fallback"
    assert {**recommendation, "factors": recommendation["factors"][1:]} == rules


def test_connection_to_the_fake_and_to_the_builtin_planner(fake: FakeOpenAI) -> None:
    check = openai(fake).test_connection_sync()
    assert isinstance(check, replog.ConnectionCheck)
    assert (check.provider, check.model) == ("openai", "gpt-fake") and check.latency >= 0
    ping = fake.requests[-1]
    assert ping["auth"] == "Bearer sk-test" and ping["body"]["max_tokens"] == 1

    async def run() -> replog.ConnectionCheck:
        return await replog.Generator().test_connection()

    builtin = asyncio.run(run())
    assert builtin.provider == "builtin" and builtin.model


def test_a_failed_connection_raises_by_kind_without_retries(fake: FakeOpenAI) -> None:
    fake.mode = "401"
    generator = replog.Generator(provider="openai", model="gpt-fake", api_key="sk-wrong", base_url=fake.base_url)
    before = len(fake.requests)
    with pytest.raises(replog.AuthenticationError) as caught:
        generator.test_connection_sync()
    assert caught.value.code == "authentication" and caught.value.attempts == 1
    assert len(fake.requests) == before + 1
    assert "sk-wrong" not in str(caught.value)
