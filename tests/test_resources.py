"""Rule data is data: every patterns file is declared and valid, and a malformed or mistyped row
stops the run naming file and line."""
from __future__ import annotations

import json
import shutil

import pytest

from summitclaims import resources
from summitclaims.cli.main import app


def test_every_patterns_file_is_declared_and_valid():
    files = sorted(resources.patterns_dir().glob("*.jsonl"))
    assert {p.stem for p in files} == set(resources.TABLES)
    for path in files:
        assert resources.read_table(path, resources.TABLES[path.stem]), path


@pytest.mark.parametrize("content, where, what", [
    pytest.param('{"a": 1}\n{"b": \n', ":2:", "not valid JSON", id="bad-json"),
    pytest.param('{"a": 1}\n\n// a comment\n[1, 2]\n', ":4:", "expected a JSON object", id="not-an-object"),
])
def test_malformed_file_names_file_and_line(tmp_path, content, where, what):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(resources.PatternFileError) as err:
        list(resources.numbered_rows(path))
    message = str(err.value)
    assert message.startswith(f"{path}{where}") and what in message
    assert "\n" not in message


def test_unreadable_file(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"a": "caf\xe9"}\n')
    with pytest.raises(resources.PatternFileError, match="cannot read"):
        list(resources.numbered_rows(path))


SHAPES = {"month": resources._shape("value aliases", "ambiguous")}


@pytest.mark.parametrize("row, message", [
    pytest.param({"kind": "mnth", "value": 1, "aliases": ["Jan"]}, "unknown kind 'mnth'", id="unknown-kind"),
    pytest.param({"kind": "month", "aliases": ["Jan"]}, "a month row needs 'value'", id="missing-key"),
    pytest.param({"kind": "month", "value": 1, "aliases": ["Jan"], "ambigous": True}, "unknown key 'ambigous'",
                 id="unknown-key"),
])
def test_a_row_must_have_a_declared_shape(tmp_path, row, message):
    path = tmp_path / "t.jsonl"
    path.write_text('// a comment\n{"kind": "month", "value": 2, "aliases": ["Feb"]}\n' + json.dumps(row) + "\n")
    with pytest.raises(resources.PatternFileError) as err:
        resources.read_table(path, SHAPES)
    assert str(err.value).startswith(f"{path}:3: {message}")


def _typo(path):
    """Spoil the first row of a table as a hand edit would: a misspelt kind, else a misspelt key.
    Returns the line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    n, row = next((i, json.loads(x)) for i, x in enumerate(lines) if x.strip() and not x.startswith("//"))
    if "kind" in row:
        row["kind"] += "x"
    else:
        key = sorted(row)[0]
        row[key + "x"] = row.pop(key)
    lines[n] = json.dumps(row, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n + 1


@pytest.fixture()
def patterns_copy(tmp_path, monkeypatch):
    """A copy of patterns/ that the pipeline reads instead of the real one; caches reset around it."""
    from summitclaims import nlp as _nlp

    copy = tmp_path / "patterns"
    shutil.copytree(resources.patterns_dir(), copy)
    monkeypatch.setattr(resources, "patterns_dir", lambda: copy)
    for cached in (resources.load_patterns, _nlp._load, _nlp.rules_hash):
        cached.cache_clear()
    yield copy
    monkeypatch.undo()
    for cached in (resources.load_patterns, _nlp._load, _nlp.rules_hash):
        cached.cache_clear()


@pytest.mark.parametrize("table", sorted(resources.TABLES))
def test_a_typo_in_a_built_in_table_stops_the_run_with_file_and_line(runner, patterns_copy, tmp_path, table):
    path = patterns_copy / f"{table}.jsonl"
    line = _typo(path)
    article = tmp_path / "a.txt"
    article.write_text("Acme pledged $5 million on Monday.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "-f", "jsonl"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {path}:{line}: ")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("command", ["diff", "summarise"])
def test_a_typo_stops_commands_that_need_no_pipeline_too(runner, patterns_copy, tmp_path, command):
    """diff and summarise of record files never load the pipeline; the tables are checked anyway."""
    path = patterns_copy / "topic_words.jsonl"
    line = _typo(path)
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({"id": "0", "kind": "document", "doc": "d", "text": None, "char_start": 0,
                                   "char_end": 0, "sentence": None}) + "\n", encoding="utf-8")
    args = [command, str(records), str(records)] if command == "diff" else [command, str(records)]
    result = runner.invoke(app, [*args, "-f", "json"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {path}:{line}: ")


@pytest.mark.parametrize("row, message", [
    pytest.param({"id": "Acme", "label": "ORGANISATION", "pattern": "Acme"}, "label 'ORGANISATION' is not one of",
                 id="actor-label"),
    pytest.param({"id": "Acme", "label": "ORG", "pattern": "Acme"}, None, id="valid"),
])
def test_values_the_record_schema_restricts_are_checked(tmp_path, row, message):
    path = tmp_path / "actors.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    if message is None:
        assert resources.read_table(path, resources.TABLES["actors"]) == [row]
        return
    with pytest.raises(resources.PatternFileError) as err:
        resources.read_table(path, resources.TABLES["actors"])
    assert str(err.value).startswith(f"{path}:1: {message}")


def test_a_qualifier_typo_is_caught(tmp_path):
    path = tmp_path / "money_qualifiers.jsonl"
    path.write_text('{"phrase": "up to", "qualifier": "upto"}\n', encoding="utf-8")
    with pytest.raises(resources.PatternFileError, match=r":1: qualifier 'upto' is not one of about, at_least"):
        resources.read_table(path, resources.TABLES["money_qualifiers"])


@pytest.mark.parametrize("table", ["money_words", "actors"])
def test_checked_tables_kept_in_the_cache_are_checked_again_once_edited(patterns_copy, monkeypatch, table):
    """The cache keeps a table's checked rows between runs; an edit of the file (or the cache
    switched off) reads and checks it afresh, so a typo is never hidden by an earlier run's rows."""
    monkeypatch.delenv("SUMMITCLAIMS_NO_CACHE", raising=False)
    path = patterns_copy / f"{table}.jsonl"
    fresh = tuple(resources.read_table(path, resources.TABLES[table]))
    assert resources.load_patterns(table) == fresh           # a miss: read, checked, kept
    resources.load_patterns.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(resources, "read_table", _not_read)
        assert resources.load_patterns(table) == fresh       # a hit: the same rows, the file not read
    line = _typo(path)
    resources.load_patterns.cache_clear()
    with pytest.raises(resources.PatternFileError) as err:
        resources.load_patterns(table)
    assert str(err.value).startswith(f"{path}:{line}: ")


def _not_read(path, kinds):
    raise AssertionError(f"{path} read again although unchanged")
