"""Shared fixtures: the repository's sample documents and the Rust `validate` example."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "examples" / "data"
SHARED = ROOT.parent / "shared" / "data"


def rust_example(name: str, *args: str) -> tuple[int, str]:
    """Runs one of the Rust example programs (built by the test command): exit code, stdout."""
    examples = os.environ.get("REPLOG_EXAMPLES_DIR") or str(
        Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "debug" / "examples"
    )
    run = subprocess.run(
        [str(Path(examples) / name), *args], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert run.returncode in (0, 1), run.stderr
    return run.returncode, run.stdout


def rust_verdict(path: Path, *args: str) -> dict:
    """The `validate` example's JSON verdict on a file (the Rust side of each comparison)."""
    return json.loads(rust_example("validate", str(path), *args)[1])


@pytest.fixture(scope="session")
def data() -> Path:
    return DATA


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED
