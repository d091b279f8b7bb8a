"""The FastAPI example host (examples/python/app.py) through a real ASGI client, generating
against the OpenAI-protocol fake on loopback."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from conftest import DATA, ROOT, rust_verdict
from fake_openai import FakeOpenAI

import replog

LOGBOOK = (DATA / "sample-logbook.json").read_bytes()
REQUEST = {"name": "Combine Prep", "weeks": 4, "days_per_week": 3}


def load_app() -> ModuleType:
    spec = importlib.util.spec_from_file_location("replog_example_app", ROOT / "examples" / "python" / "app.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI(LOGBOOK, REQUEST)
    yield server
    server.close()


async def poll(client: httpx.AsyncClient, job_id: str) -> dict[str, Any]:
    for _ in range(2000):
        status = (await client.get(f"/api/programs/status/{job_id}")).json()
        if status["status"] != "running":
            return status
        await asyncio.sleep(0.01)
    raise AssertionError("the job never finished")


def test_generate_status_and_program_over_openai(fake: FakeOpenAI) -> None:
    module = load_app()
    generator = replog.Generator(
        provider="openai", model="gpt-fake", api_key="sk-test", base_url=fake.base_url, max_retries=0, mode="single"
    )
    app = module.create_app(generator)

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://replog.test") as client:
            started = await client.post(
                "/api/programs/generate", json={"logbook": json.loads(LOGBOOK), "request": REQUEST}
            )
            assert started.status_code == 202
            job_id = started.json()["id"]
            status = await poll(client, job_id)
            assert status["status"] == "done", status
            assert status["progress"]["percent"] == 100
            program = (await client.get(f"/api/programs/{job_id}")).json()
            assert program["program"] == fake.envelope["catalog"]
            assert program["model"] == "gpt-fake" and program["provider"] == "openai"
            assert program["usage"]["input_tokens"] == 1200
            assert (await client.get("/api/programs/nope")).status_code == 404

            fake.mode = "401"
            failed = await client.post("/api/programs/generate", json={"logbook": json.loads(LOGBOOK), "request": REQUEST})
            failed_id = failed.json()["id"]
            status = await poll(client, failed_id)
            assert status["status"] == "failed" and status["error"]["code"] == "authentication"
            assert (await client.get(f"/api/programs/{failed_id}")).status_code == 409

            bad = await client.post("/api/programs/generate", json={"logbook": {"logbook_version": 1}})
            status = await poll(client, bad.json()["id"])
            assert status["status"] == "failed" and status["error"]["code"] == "invalid_logbook"

    asyncio.run(run())


def test_validate_endpoint_matches_rust() -> None:
    app = load_app().create_app(replog.Generator())

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://replog.test") as client:
            for name in ("sample-program.json", "llm-draft-with-mistakes.json"):
                path = DATA / name
                answer = await client.post("/api/catalog/validate", content=path.read_bytes())
                assert answer.status_code == 200
                assert answer.json() == rust_verdict(path)

    asyncio.run(run())
