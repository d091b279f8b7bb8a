"""Speed of `validate_catalog(bytes)` and `parse_catalog(bytes)` against pydantic v2 and
msgspec on the same 12-week program, valid and invalid (not run by the test command).

    maturin build -m bindings/python/Cargo.toml -o target/python/release-wheels   (the `dist` profile)
    python -m venv /tmp/bench && /tmp/bench/bin/pip install target/python/release-wheels/replog-*.whl "pydantic>=2.11,<3" "msgspec>=0.19"
    /tmp/bench/bin/python bindings/python/bench/bench_validate.py

pydantic runs `model_validate_json` in strict mode collecting every error; msgspec `decode`
stops at the first error. Both check the per-field bounds of the JSON Schema only (they
cannot check exercise references, unique names or day order); replog checks every rule.
"""

from __future__ import annotations

import json
import pathlib
import time
import timeit
from typing import Annotated, Callable, Literal, Optional

import msgspec
import pydantic
from pydantic import BaseModel, ConfigDict, Field

import replog

ROOT = pathlib.Path(__file__).resolve().parents[3]

# --- pydantic models of CatalogJSON v1 (strict, every field bound of the schema) ---

Name = Annotated[str, Field(min_length=1, max_length=100)]
Token = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class PExercise(Strict):
    name: Name
    aliases: Optional[Annotated[list[Name], Field(max_length=20)]] = None
    tier: Optional[Literal["foundational", "intermediate", "sport_performance"]] = None
    category: Optional[
        Literal["strength", "power", "olympic", "plyometric", "conditioning", "mobility", "carry", "core"]
    ] = None
    equipment: Optional[list[Token]] = None
    muscles: Optional[list[Token]] = None
    form_notes: Optional[Annotated[str, Field(max_length=2000)]] = None


class PSet(Strict):
    rep_type: Optional[Literal["reps", "each_side", "seconds", "distance"]] = None
    reps: Optional[Annotated[int, Field(ge=1, le=10000)]]
    percent_tm: Optional[Annotated[float, Field(ge=1, le=120)]] = None
    weight: Optional[Annotated[float, Field(ge=0, le=2000)]] = None
    rpe: Optional[Annotated[float, Field(ge=1, le=10, multiple_of=0.5)]] = None
    rest_seconds: Optional[Annotated[int, Field(ge=0, le=1800)]] = None
    notes: Optional[Annotated[str, Field(max_length=500)]] = None


class PPrescribed(Strict):
    exercise: Name
    sort_order: Annotated[int, Field(ge=1)]
    superset: Optional[Annotated[str, Field(pattern=r"^[A-Z]$")]] = None
    notes: Optional[Annotated[str, Field(max_length=1000)]] = None
    sets: Annotated[list[PSet], Field(min_length=1, max_length=20)]


class PDay(Strict):
    number: Annotated[int, Field(ge=1, le=7)]
    name: Optional[Name] = None
    exercises: Annotated[list[PPrescribed], Field(min_length=1, max_length=30)]


class PWeek(Strict):
    number: Annotated[int, Field(ge=1, le=52)]
    label: Optional[Annotated[str, Field(min_length=1, max_length=50)]] = None
    days: Annotated[list[PDay], Field(min_length=1, max_length=7)]


class PRule(Strict):
    exercise: Name
    increment: Annotated[float, Field(gt=0, le=100)]
    every: Literal["session", "week", "cycle"]
    applies_to: Optional[Literal["training_max", "weight"]] = None
    deload_after_failures: Optional[Annotated[int, Field(ge=1, le=10)]] = None
    deload_percent: Optional[Annotated[float, Field(ge=1, le=50)]] = None


class PProgram(Strict):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    description: Optional[Annotated[str, Field(max_length=5000)]] = None
    goal: Optional[Annotated[str, Field(max_length=500)]] = None
    unit: Optional[Literal["lb", "kg"]] = None
    is_loop: Optional[bool] = None
    weeks: Annotated[list[PWeek], Field(min_length=1, max_length=52)]
    progression_rules: Optional[Annotated[list[PRule], Field(max_length=50)]] = None


class PCatalog(Strict):
    catalog_version: Literal[1]
    exercises: Optional[Annotated[list[PExercise], Field(max_length=5000)]] = None
    programs: Optional[Annotated[list[PProgram], Field(max_length=100)]] = None


# --- the same as msgspec Structs ---

MName = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
MToken = Annotated[str, msgspec.Meta(pattern=r"^[a-z][a-z0-9_]*$")]


class MExercise(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    name: MName
    aliases: Optional[Annotated[list[MName], msgspec.Meta(max_length=20)]] = None
    tier: Optional[Literal["foundational", "intermediate", "sport_performance"]] = None
    category: Optional[
        Literal["strength", "power", "olympic", "plyometric", "conditioning", "mobility", "carry", "core"]
    ] = None
    equipment: Optional[list[MToken]] = None
    muscles: Optional[list[MToken]] = None
    form_notes: Optional[Annotated[str, msgspec.Meta(max_length=2000)]] = None


class MSet(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    reps: Optional[Annotated[int, msgspec.Meta(ge=1, le=10000)]]
    rep_type: Optional[Literal["reps", "each_side", "seconds", "distance"]] = None
    percent_tm: Optional[Annotated[float, msgspec.Meta(ge=1, le=120)]] = None
    weight: Optional[Annotated[float, msgspec.Meta(ge=0, le=2000)]] = None
    rpe: Optional[Annotated[float, msgspec.Meta(ge=1, le=10, multiple_of=0.5)]] = None
    rest_seconds: Optional[Annotated[int, msgspec.Meta(ge=0, le=1800)]] = None
    notes: Optional[Annotated[str, msgspec.Meta(max_length=500)]] = None


class MPrescribed(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    exercise: MName
    sort_order: Annotated[int, msgspec.Meta(ge=1)]
    sets: Annotated[list[MSet], msgspec.Meta(min_length=1, max_length=20)]
    superset: Optional[Annotated[str, msgspec.Meta(pattern=r"^[A-Z]$")]] = None
    notes: Optional[Annotated[str, msgspec.Meta(max_length=1000)]] = None


class MDay(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    number: Annotated[int, msgspec.Meta(ge=1, le=7)]
    exercises: Annotated[list[MPrescribed], msgspec.Meta(min_length=1, max_length=30)]
    name: Optional[MName] = None


class MWeek(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    number: Annotated[int, msgspec.Meta(ge=1, le=52)]
    days: Annotated[list[MDay], msgspec.Meta(min_length=1, max_length=7)]
    label: Optional[Annotated[str, msgspec.Meta(min_length=1, max_length=50)]] = None


class MRule(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    exercise: MName
    increment: Annotated[float, msgspec.Meta(gt=0, le=100)]
    every: Literal["session", "week", "cycle"]
    applies_to: Optional[Literal["training_max", "weight"]] = None
    deload_after_failures: Optional[Annotated[int, msgspec.Meta(ge=1, le=10)]] = None
    deload_percent: Optional[Annotated[float, msgspec.Meta(ge=1, le=50)]] = None


class MProgram(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    weeks: Annotated[list[MWeek], msgspec.Meta(min_length=1, max_length=52)]
    description: Optional[Annotated[str, msgspec.Meta(max_length=5000)]] = None
    goal: Optional[Annotated[str, msgspec.Meta(max_length=500)]] = None
    unit: Optional[Literal["lb", "kg"]] = None
    is_loop: Optional[bool] = None
    progression_rules: Optional[Annotated[list[MRule], msgspec.Meta(max_length=50)]] = None


class MCatalog(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    catalog_version: Literal[1]
    exercises: Optional[Annotated[list[MExercise], msgspec.Meta(max_length=5000)]] = None
    programs: Optional[Annotated[list[MProgram], msgspec.Meta(max_length=100)]] = None


MSGSPEC = msgspec.json.Decoder(MCatalog)


def documents() -> tuple[bytes, bytes]:
    """The 12-week program the built-in planner writes for the sample athlete, and a copy
    with an error in every week (an RPE off the 0.5 grid, a set of 0 reps)."""
    logbook = (ROOT / "examples" / "data" / "sample-logbook.json").read_bytes()
    program = replog.Generator().generate_sync(logbook, {"weeks": 12, "days_per_week": 4}).program
    valid = json.dumps(program).encode()
    for week in program["programs"][0]["weeks"]:
        sets = week["days"][0]["exercises"][0]["sets"]
        sets[0]["rpe"] = 7.3
        sets[-1]["reps"] = 0
    return valid, json.dumps(program).encode()


def best_of(candidates: dict[str, Callable[[], object]], rounds: int = 15, number: int = 20) -> dict[str, float]:
    """Microseconds per call of each candidate: the best over `rounds` interleaved rounds,
    each the best of three runs of `number` calls. Interleaving gives every candidate the
    same share of a busy machine's quiet moments; CPU time (not wall time) leaves out the
    time other processes hold the cores. timeit turns the garbage collector off, for all."""
    best = {name: float("inf") for name in candidates}
    for _ in range(rounds):
        for name, fn in candidates.items():
            runs = timeit.repeat(fn, number=number, repeat=3, timer=time.process_time)
            best[name] = min(best[name], min(runs) / number * 1e6)
    return best


def pydantic_all(doc: bytes) -> None:
    try:
        PCatalog.model_validate_json(doc)
    except pydantic.ValidationError as error:
        error.errors()


def msgspec_first(doc: bytes) -> None:
    try:
        MSGSPEC.decode(doc)
    except msgspec.ValidationError:
        pass


def main() -> None:
    valid, invalid = documents()
    assert replog.validate_catalog(valid).valid and not replog.validate_catalog(invalid).valid
    PCatalog.model_validate_json(valid)
    MSGSPEC.decode(valid)
    print(f"12-week program: {len(valid)} bytes; replog {replog.__version__}, pydantic {pydantic.VERSION}, msgspec {msgspec.__version__}")
    t = best_of(
        {
            "validate valid": lambda: replog.validate_catalog(valid),
            "pydantic valid": lambda: pydantic_all(valid),
            "msgspec valid": lambda: msgspec_first(valid),
            "validate invalid": lambda: replog.validate_catalog(invalid),
            "pydantic invalid": lambda: pydantic_all(invalid),
            "msgspec invalid": lambda: msgspec_first(invalid),
            "parse": lambda: replog.parse_catalog(valid),
            "pydantic parse": lambda: PCatalog.model_validate_json(valid),
        }
    )
    for label, doc in (("valid", valid), ("invalid", invalid)):
        ours, pyd, msg = t[f"validate {label}"], t[f"pydantic {label}"], t[f"msgspec {label}"]
        issues = len(replog.validate_catalog(doc).issues)
        print(
            f"{label:8} validate_catalog(bytes) {ours:8.1f} us ({issues} issues) | pydantic {pyd:8.1f} us "
            f"({pyd / ours:4.1f}x) | msgspec {msg:8.1f} us ({msg / ours:4.2f}x)"
        )
    parse, pyd = t["parse"], t["pydantic parse"]
    print(f"valid    parse_catalog(bytes)    {parse:8.1f} us | pydantic {pyd:8.1f} us ({pyd / parse:4.1f}x)")


if __name__ == "__main__":
    main()
