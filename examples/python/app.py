"""A FastAPI host doing what reference/002 does, over the `replog` package.

    POST /api/programs/generate      starts a generation job, returns {"id": ...}
    GET  /api/programs/status/{id}   the job's status and progress
    GET  /api/programs/{id}          the finished program (409 while running)
    POST /api/catalog/validate       validates a CatalogJSON body: {"valid", "issues"}

Run it with `uvicorn examples.python.app:app` (the provider comes from REPLOG_LLM_* variables;
with none set, the built-in planner drafts the programs).
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from typing import Any, Optional

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

import replog


class GenerateBody(BaseModel):
    """What a coach asks for: the athlete's logbook, the request, the host's catalogs."""

    logbook: dict[str, Any]
    request: Optional[dict[str, Any]] = None
    catalogs: Optional[list[dict[str, Any]]] = None


@dataclass
class Job:
    """One generation in flight or done."""

    status: str = "running"
    progress: dict[str, Any] = field(default_factory=dict)
    generation: Optional[replog.Generation] = None
    error: Optional[dict[str, Any]] = None
    task: Optional[asyncio.Task[None]] = None


def create_app(generator: Optional[replog.Generator] = None) -> FastAPI:
    """The app, generating with `generator` (default: configured from the environment)."""
    app = FastAPI(title="replog example host")
    gen = generator or replog.Generator.from_env()
    jobs: dict[str, Job] = {}

    async def run(job: Job, body: GenerateBody) -> None:
        def on_progress(progress: dict[str, Any]) -> None:
            job.progress = progress

        try:
            job.generation = await gen.generate(
                body.logbook, body.request, catalogs=body.catalogs, on_progress=on_progress
            )
            job.status = "done"
        except replog.ValidationError as error:
            job.status, job.error = "failed", {"code": "invalid_logbook", "issues": error.errors()}
        except replog.GenerationError as error:
            job.status = "failed"
            job.error = {"code": error.code, "message": str(error), "attempts": error.attempts, "usage": error.usage}
        except replog.ReplogError as error:
            job.status, job.error = "failed", {"code": "error", "message": str(error)}

    @app.post("/api/programs/generate", status_code=202)
    async def generate(body: GenerateBody) -> dict[str, str]:
        job_id = uuid.uuid4().hex
        job = jobs[job_id] = Job()
        job.task = asyncio.create_task(run(job, body))
        return {"id": job_id}

    def find(job_id: str) -> Job:
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no job {job_id}")
        return job

    @app.get("/api/programs/status/{job_id}")
    async def status(job_id: str) -> dict[str, Any]:
        job = find(job_id)
        return {"id": job_id, "status": job.status, "progress": job.progress, "error": job.error}

    @app.get("/api/programs/{job_id}")
    async def program(job_id: str) -> dict[str, Any]:
        job = find(job_id)
        if job.generation is None:
            raise HTTPException(409, f"job {job_id} is {job.status}")
        g = job.generation
        return {
            "program": g.program,
            "reasoning": g.reasoning,
            "usage": g.usage,
            "cost_usd": g.cost_usd,
            "duration": g.duration,
            "model": g.model,
            "provider": g.provider,
        }

    @app.post("/api/catalog/validate")
    async def validate(request: Request) -> dict[str, Any]:
        # The raw body goes straight to the validator: no second JSON parse in Python.
        return replog.validate_catalog(await request.body()).to_dict()

    return app


app = create_app()
