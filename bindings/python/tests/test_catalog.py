"""replog-catalog through Python: matching, import plans, app exports and converters, each
compared with the Rust example program's output."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, SHARED, rust_example

import replog

HOST = DATA / "sample-program.json"
SPEC = DATA / "spec-example.json"
STRONG = SHARED / "openweight" / "converter-fixtures" / "strong-real.csv"


def test_matching_matches_the_rust_example() -> None:
    names = ["Clean", "Power Cleans", "Kettlebell Suitcase Carry", "Zumba"]
    code, out = rust_example("match", "--catalog", str(SPEC), *names)
    assert code == 0
    rust = [json.loads(line) for line in out.splitlines()]
    matcher = replog.Matcher(SPEC.read_bytes())
    assert matcher.match_names(names) == rust
    assert [matcher.match_name(n) for n in names] == rust
    assert {m["kind"] for m in rust} >= {"new"}


def test_import_plan_matches_the_rust_example() -> None:
    draft = DATA / "llm-draft-month-5.json"
    code, out = rust_example("plan", str(draft), "--catalog", str(HOST))
    assert code == 0
    planner = replog.ImportPlanner([HOST.read_bytes()])
    plan = planner.plan(draft.read_bytes())
    assert plan == json.loads(out)
    assert planner.plan(json.loads(draft.read_text())) == plan
    reviewed = planner.review(draft.read_bytes(), plan)
    assert reviewed["summary"] == plan["summary"]
    applied = planner.apply(draft.read_bytes(), plan)
    assert set(applied) == {"document", "validation", "plan"}
    assert applied["validation"]["valid"] is True
    assert "properties" in replog.ImportPlanner.schema()


def test_an_invalid_plan_document_raises_with_every_issue() -> None:
    bad = DATA / "llm-draft-with-mistakes.json"
    code, out = rust_example("plan", str(bad), "--catalog", str(HOST))
    assert code == 1
    with pytest.raises(replog.ValidationError) as caught:
        replog.ImportPlanner(HOST.read_bytes()).plan(bad.read_bytes())
    assert [i.to_dict() for i in caught.value.issues] == json.loads(out)["issues"]


def test_a_broken_plan_is_refused() -> None:
    draft = DATA / "llm-draft-month-5.json"
    planner = replog.ImportPlanner([HOST.read_bytes()], programs=["Other"])
    plan = planner.plan(draft.read_bytes())
    plan["exercises"][0]["decision"] = {"action": "use", "exercise": "No Such Exercise Anywhere"}
    reviewed = planner.review(draft.read_bytes(), plan)
    assert any(c["severity"] == "error" for c in reviewed["conflicts"])
    with pytest.raises(replog.PlanError):
        planner.apply(draft.read_bytes(), plan)
    plan["exercises"][0]["decision"] = {"use_existing": "x"}
    with pytest.raises(ValueError, match="plan"):
        planner.apply(draft.read_bytes(), plan)


def test_app_import_matches_the_rust_example() -> None:
    code, out = rust_example("import", str(STRONG), "--unit", "lb", "--athlete", "Sam")
    assert code == 0
    imported = replog.import_app(STRONG.read_bytes(), unit="lb", athlete="Sam")
    assert imported["logbook"] == json.loads(out)
    assert imported["format"] == "strong"
    assert imported["report"]["workouts"] == len(imported["logbook"]["workouts"])
    # The imported logbook is a valid Logbook JSON document.
    assert replog.validate_logbook(imported["logbook"]).valid


def test_app_import_failures_are_import_failed() -> None:
    code, _ = rust_example("import", str(STRONG))
    assert code == 1
    with pytest.raises(replog.ImportFailed, match="unit"):
        replog.import_app(STRONG.read_bytes())
    with pytest.raises(replog.ImportFailed):
        replog.import_app(b"")
    with pytest.raises(ValueError, match="stone"):
        replog.import_app(STRONG.read_bytes(), unit="stone")  # type: ignore[arg-type]


def test_converters_match_the_rust_example() -> None:
    program = SHARED / "openweight" / "examples" / "programs" / "531-bbb.json"
    code, out = rust_example("convert", "--from", "openweight", str(program))
    assert code == 0
    converted = replog.convert_catalog(program.read_bytes(), source="openweight")
    assert converted["document"] == json.loads(out)
    assert replog.validate_catalog(converted["document"]).valid
    invalid = SHARED / "openweight" / "examples" / "invalid" / "program-empty-weeks.json"
    with pytest.raises(replog.ImportFailed):
        replog.convert_catalog(invalid.read_bytes(), source="openweight")
    with pytest.raises(ValueError):
        replog.convert_catalog(b"{}", source="nope")  # type: ignore[arg-type]
