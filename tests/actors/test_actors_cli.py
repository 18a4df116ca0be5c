"""`summitclaims extract --actors FILE` end to end: a user gazetteer adds canonical actors; a broken
file is one clear error naming file and line (exit 2, no traceback)."""
from __future__ import annotations

import json

import pytest

from summitclaims.cli.main import app

ARTICLE = "Analysts said on Monday that Quillwort would hire 200 engineers in Lyon. Quillwort declined to comment.\n"


def actor_names(out: str) -> dict[str, dict]:
    recs = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {r["name"]: r for r in recs if r["kind"] == "actor"}


def extract(runner, *args, text=ARTICLE):
    return runner.invoke(app, ["extract", "--format", "jsonl", "--quiet", "--published", "2025-02-11", *args],
                         input=text)


def test_a_user_gazetteer_adds_a_canonical_actor(runner, tmp_path):
    gaz = tmp_path / "mine.jsonl"
    gaz.write_text(
        "// my companies\n"
        + json.dumps({"label": "ORG", "pattern": "Quillwort", "id": "Quillwort Analytics"}) + "\n"
        + json.dumps({"label": "ORG", "pattern": "Quillwort Analytics", "id": "Quillwort Analytics"}) + "\n",
        encoding="utf-8",
    )
    result = extract(runner, "--actors", str(gaz))
    assert result.exit_code == 0, result.stderr
    found = actor_names(result.stdout)
    assert found["Quillwort Analytics"]["label"] == "ORG"
    assert found["Quillwort Analytics"]["mentions"] == 2
    assert "Quillwort" not in found and "Lyon" in found


def test_actor_records_carry_the_gazetteers_wikidata_item(runner, tmp_path):
    gaz = tmp_path / "mine.jsonl"
    gaz.write_text(json.dumps({"label": "ORG", "pattern": "Quillwort", "id": "Quillwort", "wikidata": "Q4115189"})
                   + "\n", encoding="utf-8")
    result = extract(runner, "--actors", str(gaz), text=ARTICLE + "France welcomed the plan.\n")
    assert result.exit_code == 0, result.stderr
    found = actor_names(result.stdout)
    assert found["Quillwort"]["wikidata"] == "Q4115189"
    assert found["France"]["wikidata"] == "Q142"                 # the built-in gazetteer's
    assert found["Lyon"]["wikidata"] is None                      # a name without an item


def test_without_the_gazetteer_the_name_is_unknown(runner):
    result = extract(runner)
    assert result.exit_code == 0, result.stderr
    assert "Quillwort Analytics" not in actor_names(result.stdout)


@pytest.mark.parametrize("line,problem", [
    pytest.param('{"label": "ORG", "pattern": "Zorblax", "id": "Zorblax Robotics"', "not valid JSON", id="json"),
    pytest.param('["ORG", "Zorblax"]', "expected a JSON object", id="not-an-object"),
    pytest.param('{"label": "COMPANY", "pattern": "Zorblax", "id": "Zorblax Robotics"}', "label must be one of",
                 id="label"),
    pytest.param('{"label": "ORG", "id": "Zorblax Robotics"}', "pattern must be", id="no-pattern"),
    pytest.param('{"label": "ORG", "pattern": "Zorblax", "id": ""}', "id (the canonical name)", id="empty-id"),
    pytest.param('{"label": "ORG", "pattern": "Zorblax", "id": "Zorblax Robotics", "wikidata": "142"}',
                 "wikidata must be a Wikidata item id", id="wikidata"),
])
def test_a_malformed_gazetteer_is_one_clear_error(runner, tmp_path, line, problem):
    gaz = tmp_path / "broken.jsonl"
    good = json.dumps({"label": "ORG", "pattern": "Acme", "id": "Acme Corp"})
    gaz.write_text(f"// comment\n{good}\n{line}\n{good}\n", encoding="utf-8")
    result = extract(runner, "--actors", str(gaz))
    assert result.exit_code == 2
    err = result.stderr
    assert f"{gaz}:3:" in err and problem in err, err
    assert "Traceback" not in err and err.count("\n") <= 2
    assert result.stdout.strip() == ""


def test_a_missing_gazetteer_is_a_usage_error(runner, tmp_path):
    result = extract(runner, "--actors", str(tmp_path / "nope.jsonl"))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and "nope.jsonl" in result.stderr
