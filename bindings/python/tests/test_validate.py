"""validate_catalog / parse_catalog / validate_logbook / parse_logbook: whole issue lists
compared with the Rust `validate` example's verdicts on the same files."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import DATA, rust_verdict

import replog

CATALOGS = ["sample-program.json", "spec-example.json", "llm-draft-month-5.json", "llm-draft-with-mistakes.json"]


def mutations(doc: dict) -> list[tuple[str, dict]]:
    """Broken variants of a valid document, each breaking a different rule."""
    out = []
    program = doc["programs"][0]
    first = program["weeks"][0]["days"][0]["exercises"][0]
    variants = {
        "rpe_step": lambda d, e: e["sets"][0].__setitem__("rpe", 7.3),
        "no_name": lambda d, e: d["programs"][0].pop("name"),
        "bad_version": lambda d, e: d.__setitem__("catalog_version", 2),
        "unknown_exercise": lambda d, e: e.__setitem__("exercise", "Zumba Deadlift Supreme"),
        "negative_reps": lambda d, e: e["sets"][0].__setitem__("reps", -3),
        "extra_member": lambda d, e: d.__setitem__("surprise", True),
        "week_number": lambda d, e: d["programs"][0]["weeks"][0].__setitem__("number", 0),
        "empty_sets": lambda d, e: e.__setitem__("sets", []),
    }
    for name, mutate in variants.items():
        broken = copy.deepcopy(doc)
        target = broken["programs"][0]["weeks"][0]["days"][0]["exercises"][0]
        mutate(broken, target)
        out.append((name, broken))
    assert first  # the corpus documents all have a first exercise
    return out


def corpus(tmp: Path) -> list[Path]:
    files = [DATA / name for name in CATALOGS]
    for name in ("sample-program.json", "spec-example.json"):
        doc = json.loads((DATA / name).read_text())
        for variant, broken in mutations(doc):
            path = tmp / f"{Path(name).stem}-{variant}.json"
            path.write_text(json.dumps(broken))
            files.append(path)
    for name, text in {
        "not-json.json": "{\"catalog_version\": 1,",
        "array.json": "[]",
        "trailing.json": "{\"catalog_version\": 1} x",
    }.items():
        (tmp / name).write_text(text)
        files.append(tmp / name)
    return files


def test_every_issue_list_matches_rust(tmp_path: Path) -> None:
    files = corpus(tmp_path)
    invalid = 0
    for path in files:
        rust = rust_verdict(path)
        ours = replog.validate_catalog(path.read_bytes())
        assert ours.to_dict() == rust, path.name
        assert ours.valid is rust["valid"]
        assert bool(ours) is rust["valid"]
        assert len(ours) == len(rust["issues"])
        invalid += not rust["valid"]
    assert invalid >= 16  # the mutations do break documents


def test_str_bytes_and_dict_give_the_same_issues(tmp_path: Path) -> None:
    for path in corpus(tmp_path):
        text = path.read_text()
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            continue
        from_bytes = replog.validate_catalog(text.encode()).to_dict()
        assert replog.validate_catalog(text).to_dict() == from_bytes, path.name
        assert replog.validate_catalog(bytearray(text.encode())).to_dict() == from_bytes
        assert replog.validate_catalog(parsed).to_dict() == from_bytes, path.name


def test_issue_fields_and_loc() -> None:
    doc = json.loads((DATA / "spec-example.json").read_text())
    doc["programs"][0]["weeks"][0]["days"][0]["exercises"][0]["sets"][0]["rpe"] = 7.3
    result = replog.validate_catalog(doc)
    assert not result.valid
    issue = result.issues[0]
    assert issue.path == "/programs/0/weeks/0/days/0/exercises/0/sets/0/rpe"
    assert issue.loc == ("programs", 0, "weeks", 0, "days", 0, "exercises", 0, "sets", 0, "rpe")
    assert issue.code == "not_multiple"
    assert issue.severity == "error"
    assert issue.message == "rpe must be a multiple of 0.5, got 7.3"
    assert issue.to_dict() == {"path": issue.path, "code": "not_multiple", "message": issue.message, "severity": "error"}
    assert result.errors == [issue]
    assert "not_multiple" in repr(issue)


def test_equipment_and_host_catalogs_match_rust() -> None:
    spec = DATA / "spec-example.json"
    rust = rust_verdict(spec, "--equipment", "barbell,kettlebell")
    ours = replog.validate_catalog(spec.read_bytes(), equipment=["barbell", "kettlebell"])
    assert ours.to_dict() == rust
    assert not ours.valid
    assert {i.code for i in ours.issues} == {"equipment_unavailable"}
    draft = DATA / "llm-draft-month-5.json"
    host = DATA / "sample-program.json"
    rust = rust_verdict(draft, "--catalog", str(host))
    for catalogs in (host.read_bytes(), [host.read_text()], [json.loads(host.read_text())]):
        assert replog.validate_catalog(draft.read_bytes(), catalogs=catalogs).to_dict() == rust


def test_an_invalid_host_catalog_raises() -> None:
    with pytest.raises(replog.ValidationError):
        replog.validate_catalog(b'{"catalog_version": 1}', catalogs=[b"{}"])


def test_parse_catalog_returns_plain_data() -> None:
    raw = (DATA / "spec-example.json").read_bytes()
    doc = replog.parse_catalog(raw)
    assert isinstance(doc, dict)
    assert doc["catalog_version"] == 1
    source = json.loads(raw)
    assert [p["name"] for p in doc["programs"]] == [p["name"] for p in source["programs"]]
    assert [e["name"] for e in doc["exercises"]] == [e["name"] for e in source["exercises"]]
    # The parsed form is a fixed point, whichever way the document comes in.
    assert replog.parse_catalog(json.dumps(doc)) == doc
    assert replog.parse_catalog(source) == doc


def same_data(parsed: object, source: object, path: str = "") -> str:
    """Where `parsed` differs from the JSON data `source` (Python types included; a number
    field holds a float even where the text wrote `65`), or "". Keys come in the model's
    field order, which a document need not follow."""
    if isinstance(parsed, float) and type(source) is int:
        return "" if parsed == source else f"{path}: {parsed!r} != {source!r}"
    if type(parsed) is not type(source):
        return f"{path}: {type(parsed).__name__} where the document has {type(source).__name__}"
    if isinstance(parsed, dict) and isinstance(source, dict):
        if sorted(parsed) != sorted(source):
            return f"{path}: keys {sorted(parsed)} != {sorted(source)}"
        return next((d for k in parsed if (d := same_data(parsed[k], source[k], f"{path}/{k}"))), "")
    if isinstance(parsed, list) and isinstance(source, list):
        if len(parsed) != len(source):
            return f"{path}: {len(parsed)} items != {len(source)}"
        return next((d for i, (p, s) in enumerate(zip(parsed, source)) if (d := same_data(p, s, f"{path}/{i}"))), "")
    return "" if parsed == source else f"{path}: {parsed!r} != {source!r}"


def test_parsed_documents_are_their_data_in_order_with_python_types() -> None:
    program = (DATA / "sample-program.json").read_text()
    logbook = (DATA / "sample-logbook.json").read_text()
    assert same_data(replog.parse_catalog(program), json.loads(program)) == ""
    assert same_data(replog.parse_logbook(logbook), json.loads(logbook)) == ""
    # The check itself can fail.
    changed = json.loads(program)
    changed["programs"][0]["weeks"][0]["days"][0]["exercises"][0]["sets"][0]["reps"] = 4
    assert same_data(replog.parse_catalog(program), changed).endswith("3 != 4")
    changed["programs"][0]["name"] = ["a list"]
    assert same_data(replog.parse_catalog(program), changed) == "/programs/0/name: str where the document has list"


def test_parse_catalog_raises_validation_error_with_every_error() -> None:
    path = DATA / "llm-draft-with-mistakes.json"
    rust = rust_verdict(path)
    with pytest.raises(replog.ValidationError) as caught:
        replog.parse_catalog(path.read_bytes())
    error = caught.value
    assert isinstance(error, ValueError) and isinstance(error, replog.ReplogError)
    rust_errors = [i for i in rust["issues"] if i["severity"] == "error"]
    assert error.error_count() == len(rust_errors) > 0
    assert [e["path"] for e in error.errors()] == [i["path"] for i in rust_errors]
    assert [e["type"] for e in error.errors()] == [i["code"] for i in rust_errors]
    assert [e["msg"] for e in error.errors()] == [i["message"] for i in rust_errors]
    assert all(isinstance(e["loc"], tuple) for e in error.errors())
    assert json.loads(error.json()) == json.loads(json.dumps(error.errors()))
    assert [i.to_dict() for i in error.issues] == rust["issues"]
    assert "CatalogJSON" in str(error) and rust_errors[0]["message"] in str(error)


def test_logbooks_match_rust() -> None:
    for name in ("sample-logbook.json", "sarah.json", "spec-example.json"):
        path = DATA / name
        rust = rust_verdict(path, "--logbook")
        assert replog.validate_logbook(path.read_bytes()).to_dict() == rust, name
        assert replog.validate_logbook(json.loads(path.read_text())).to_dict() == rust, name
    logbook = replog.parse_logbook((DATA / "sample-logbook.json").read_bytes())
    assert logbook["logbook_version"] == 1 and logbook["workouts"]
    with pytest.raises(replog.ValidationError) as caught:
        replog.parse_logbook((DATA / "spec-example.json").read_bytes())
    assert caught.value.title == "Logbook JSON" and caught.value.error_count() > 0


def test_data_that_is_not_json_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match="/programs/0"):
        replog.validate_catalog({"catalog_version": 1, "programs": [object()]})
    with pytest.raises(TypeError, match="not str"):
        replog.validate_catalog({1: 2})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="not finite"):
        replog.validate_catalog({"catalog_version": float("nan")})
    with pytest.raises(ValueError, match="64 bits"):
        replog.validate_catalog({"catalog_version": 2**70})


def test_schemas_in_each_dialect() -> None:
    draft = replog.catalog_schema()
    strict = replog.envelope_schema("openai-strict")
    assert draft["type"] == "object" and "catalog_version" in draft["properties"]
    assert set(strict["properties"]) == {"reasoning", "catalog"}
    assert replog.catalog_schema("openai-strict") != draft
    assert "workouts" in replog.logbook_schema()["properties"]
    assert "catalog_version" in replog.catalog_typescript()
    assert "reasoning" in replog.catalog_typescript(envelope=True)
    with pytest.raises(ValueError, match="dialect"):
        replog.catalog_schema("draft-04")  # type: ignore[arg-type]
