"""replog-core through Python: context, metrics, lints, rendering, diffs, reports, coaching;
each compared with the Rust example program's output where one exists."""

from __future__ import annotations

import copy
import json

import pytest
from conftest import DATA, rust_example, rust_verdict

import replog

LOGBOOK = DATA / "sample-logbook.json"
PROGRAM = DATA / "sample-program.json"


def test_context_matches_the_rust_example() -> None:
    code, out = rust_example("context", str(LOGBOOK))
    assert code == 0
    assert replog.build_athlete_context(LOGBOOK.read_bytes()) == json.loads(out)
    code, out = rust_example("context", str(LOGBOOK), "--as-of", "2026-03-20", "--catalog", str(DATA / "spec-example.json"))
    ours = replog.build_athlete_context(
        json.loads(LOGBOOK.read_text()), as_of="2026-03-20", catalogs=[(DATA / "spec-example.json").read_bytes()]
    )
    assert ours == json.loads(out)


def test_context_rejects_bad_input() -> None:
    with pytest.raises(replog.ValidationError):
        replog.build_athlete_context((DATA / "spec-example.json").read_bytes())
    with pytest.raises(ValueError, match="as_of is not a day of the calendar, found \"2026-13-01\""):
        replog.build_athlete_context(LOGBOOK.read_bytes(), as_of="2026-13-01")
    with pytest.raises(ValueError, match="as_of must be a date written YYYY-MM-DD, found \"2026-1-01\""):
        replog.build_athlete_context(LOGBOOK.read_bytes(), as_of="2026-1-01")


def test_lints_match_the_rust_example() -> None:
    rust = rust_verdict(PROGRAM, "--lint", "--athlete", str(LOGBOOK))
    validation = replog.validate_catalog(PROGRAM.read_bytes())
    lints = replog.lint(PROGRAM.read_bytes(), athlete=LOGBOOK.read_bytes())
    assert [i.to_dict() for i in validation.issues + lints] == rust["issues"]
    assert all(i.code.startswith("lint.") and i.severity == "warning" for i in lints)


def test_a_heavy_program_gets_lint_warnings() -> None:
    doc = json.loads(PROGRAM.read_text())
    day = doc["programs"][0]["weeks"][0]["days"][0]
    for exercise in day["exercises"]:
        exercise["sets"] = [copy.deepcopy(exercise["sets"][0]) for _ in range(20)]
    codes = [i.code for i in replog.lint(doc)]
    assert "lint.weekly_sets_per_muscle" in codes
    # A 12-year-old athlete gets the youth limits as well.
    athlete = json.loads(LOGBOOK.read_text())
    athlete["athlete"]["birth_date"] = "2014-01-01"
    youth = replog.lint(doc, athlete=athlete)
    assert "lint.youth_sets" in [i.code for i in youth]
    assert all(i.severity == "warning" for i in youth)


def test_report_matches_the_rust_example() -> None:
    code, out = rust_example("report", "--logbook", str(LOGBOOK), "--period", "month", "--as-of", "2026-03-20")
    assert code == 0
    report = replog.workout_report(LOGBOOK.read_bytes(), period="month", as_of="2026-03-20")
    payload_text = json.dumps(report["payload"], indent=2)
    assert out.startswith(payload_text)
    assert out.strip().endswith(report["markdown"].strip())
    assert report["payload"]["version"] == "2.0"
    assert report["html"].startswith("<")
    with pytest.raises(ValueError, match="week"):
        replog.workout_report(LOGBOOK.read_bytes(), period="year")  # type: ignore[arg-type]


def test_period_metrics_and_e1rm() -> None:
    metrics = replog.compute_period_metrics(LOGBOOK.read_bytes(), period="month", as_of="2026-03-20")
    report = replog.workout_report(LOGBOOK.read_bytes(), period="month", as_of="2026-03-20")
    assert metrics == report["payload"]["metrics"]
    assert metrics["period"]["kind"] == "month"
    epley = replog.estimate_e1rm(100.0, 5)
    assert epley is not None and epley["value"] == pytest.approx(100.0 * (1 + 5 / 30))
    assert epley["confidence"] == "normal"
    with pytest.raises(ValueError, match="formula"):
        replog.estimate_e1rm(100.0, 5, formula="guess")


def test_markdown_and_diff() -> None:
    doc = replog.parse_catalog(PROGRAM.read_bytes())
    text = replog.catalog_markdown(doc)
    assert doc["programs"][0]["name"] in text
    generated = doc["programs"][0]
    approved = copy.deepcopy(generated)
    approved["weeks"][0]["days"][0]["exercises"][0]["sets"][0]["reps"] += 1
    diff = replog.diff_programs(generated, approved)
    assert diff["changes"] and diff["summary"]
    assert replog.diff_programs(generated, generated)["changes"] == []
    with pytest.raises(ValueError, match="generated"):
        replog.diff_programs({"name": 3}, approved)


def test_coaching_rules_and_safety() -> None:
    planned = {"sets": 3, "reps": 5, "weight": 225.0, "rest_seconds": 180}
    signals = {"last_sets": [{"reps": 5, "weight": 225.0, "rpe": 6.0, "form": 9.0}]}
    rec = replog.recommend("Back Squat", planned, current_set=2, signals=signals)
    assert rec["kind"] == "increase_weight"
    assert rec["suggested"]["weight"] <= 225.0 * 1.10
    assert 0.3 <= rec["confidence"] <= 1.0
    context = replog.build_athlete_context(LOGBOOK.read_bytes())
    assert replog.recommend("Back Squat", planned, current_set=2, signals=signals, context=context)["kind"]
    learnt = replog.learn_preferences({"response": "accepted"})
    assert set(learnt) == {"profile", "signals"}
    again = replog.learn_preferences({"response": "accepted"}, profile=learnt["profile"])
    assert again["profile"] != learnt["profile"]
