"""Record files read back: a record whose fields are not of the schema's types is an error naming its
line, skipped; the others are still compared and summarised, and nothing a user writes raises."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from summitclaims.cli.main import app
from summitclaims.compare.load import read_records, wrong_field
from summitclaims.resources import field_types, record_schema
from tests.compare.test_diff_records import actor, date, document, money, quote

GOOD = [document("a"), money("a", "€5 billion", 5e9, actor="Acme", usd=5.4e9),
        quote("a", "We will build it here.", "Jane Smith"), actor("a", "Acme", "ORG"),
        date("a", "Monday", "2025-02-10")]
KIND_LINE = {r["kind"]: n for n, r in enumerate(GOOD)}

# (kind of the record to spoil, field, wrong value, the reason given)
WRONG = [
    ("money", "currency", ["EUR"], "currency is an array, not string or null"),
    ("date", "start", ["2025-02-10"], "start is an array, not string or null"),
    ("quote", "quote", 5, "quote is an integer, not string"),
    ("money", "value", "5", "value is a string, not number or null"),
    ("money", "kind", 5, "not a summitclaims record"),
    ("money", "kind", ["money"], "not a summitclaims record"),
    ("quote", "speaker", {"name": "Jane"}, "speaker is an object, not string or null"),
    ("actor", "aliases", ["Acme", 3], "aliases[1] is an integer, not string"),
    ("actor", "mentions", True, "mentions is a boolean, not integer"),
    ("money", "char_start", 1.5, "char_start is a number, not integer or null"),
    ("document", "published", 20250211, "published is an integer, not string or null"),
]


def write(path, lines):
    path.write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    return str(path)


def spoiled(kind, field, value):
    rec = dict(GOOD[KIND_LINE[kind]], doc="a")
    rec[field] = value
    return json.dumps(rec)


@pytest.fixture()
def good_file(tmp_path):
    return write(tmp_path / "good.jsonl", [json.dumps(r) for r in GOOD])


def bad_file(tmp_path, bad_line):
    # the spoilt record in the middle, so that records after it must still be read
    lines = [json.dumps(r) for r in GOOD]
    return write(tmp_path / "bad.jsonl", lines[:3] + [bad_line] + lines[3:])


CASES = [pytest.param(spoiled(k, f, v), reason, id=f"{k}.{f}") for k, f, v, reason in WRONG] + [
    pytest.param(json.dumps(["money", "a", 5e9]), "not a summitclaims record", id="array"),
    pytest.param(json.dumps("money"), "not a summitclaims record", id="string"),
]


@pytest.mark.parametrize("line, reason", CASES)
def test_summarise_skips_a_wrongly_typed_record_and_summarises_the_rest(tmp_path, line, reason):
    path = bad_file(tmp_path, line)
    result = CliRunner().invoke(app, ["summarise", path, "-f", "json", "--top", "0"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [f"Error: {path}: line 4: {reason}"]
    s = json.loads(result.stdout)
    assert s["documents"] == 1 and s["records"] == len(GOOD) + 1 and s["errors"] == 1
    assert [c["value"] for c in s["clusters"] if c["actor"] == "Acme"] == [5e9]
    assert [sp["name"] for sp in s["speakers"]] == ["Jane Smith"]
    assert [a["name"] for a in s["actors"] if a["name"] == "Acme"] == ["Acme"]


@pytest.mark.parametrize("line, reason", CASES)
def test_diff_skips_a_wrongly_typed_record_and_compares_the_rest(tmp_path, good_file, line, reason):
    path = bad_file(tmp_path, line)
    result = CliRunner().invoke(app, ["diff", good_file, path, "-f", "json"])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"Error: {path}: line 4: {reason}"]
    rows = json.loads(result.stdout)
    assert {(r["status"], r["kind"]) for r in rows} == {("same", k) for k in ("money", "quote", "actor", "date")}


def test_diff_of_an_input_that_cannot_be_read_compares_nothing(tmp_path, good_file):
    result = CliRunner().invoke(app, ["diff", good_file, str(tmp_path / "missing.jsonl"), "-f", "json"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "missing.jsonl: no such file or directory" in result.stderr


def test_every_field_of_the_schema_is_checked():
    for kind, d in record_schema()["$defs"].items():
        assert set(field_types()[kind].classes) == set(d["properties"])


def test_good_records_and_absent_or_unknown_fields_pass():
    types = field_types()
    for rec in GOOD:
        assert wrong_field(rec, types[rec["kind"]]) is None
    older = {k: v for k, v in GOOD[1].items() if k not in ("type", "usd")}
    assert wrong_field(dict(older, note=[1, {"x": 2}]), types["money"]) is None


def test_read_records_names_the_line(tmp_path):
    path = bad_file(tmp_path, spoiled("money", "currency", ["EUR"]))
    recs = list(read_records(path))
    assert [r["kind"] for r in recs] == ["document", "money", "quote", "error", "actor", "date"]
    assert recs[3]["error"] == "line 4: currency is an array, not string or null" and recs[3]["doc"] == path


# --- fuzz: any JSON in any field ----------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2 ** 63, 2 ** 63 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12) | st.sampled_from(["", "2025-02-10", "2025-13-45", "EUR", "XYZ", "Acme", "day"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def mutated_record(draw):
    """A valid record with some fields replaced by any JSON, some removed; now and then no record at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(JSON_VALUES)
    rec = dict(draw(st.sampled_from(GOOD)))
    for key in draw(st.lists(st.sampled_from(sorted(rec)), max_size=4, unique=True)):
        if draw(st.booleans()):
            rec[key] = draw(JSON_VALUES)
        else:
            del rec[key]
    return rec


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(mutated_record(), min_size=1, max_size=6))
def test_diff_and_summarise_never_raise_on_mutated_records(tmp_path, good_file, recs):
    path = write(tmp_path / "fuzz.jsonl", [json.dumps(GOOD[0])] + [json.dumps(r) for r in recs])
    for args in (["summarise", path, "-f", "json"], ["diff", good_file, path, "-f", "json"],
                 ["summarise", path, "-f", "table"], ["diff", path, good_file, "-f", "table"]):
        result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert result.exit_code in (0, 1, 2) and "Traceback" not in result.stderr
        if args[-1] == "json" and result.stdout:
            json.loads(result.stdout)


def test_a_line_past_the_size_limit_is_skipped_unread(tmp_path, monkeypatch):
    from summitclaims.compare import load

    monkeypatch.setattr(load, "MAX_INPUT_BYTES", 2000)
    path = bad_file(tmp_path, json.dumps(dict(GOOD[KIND_LINE["quote"]], quote="x" * 5000)))
    got = list(read_records(path))
    errors = [r for r in got if r["kind"] == "error"]
    assert [e["error"] for e in errors] == ["line 4: larger than 1.953 KiB: not read (raise the limit with "
                                            "--max-input-size)"]
    assert [r["kind"] for r in got if r["kind"] != "error"] == [r["kind"] for r in GOOD]


def test_deep_nesting_is_a_bad_line(tmp_path):
    path = bad_file(tmp_path, '{"kind": "money", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert [r["error"] for r in read_records(path) if r["kind"] == "error"] == ["line 4: not JSON"]


@pytest.mark.parametrize("command", ["diff", "summarise"])
def test_o_naming_an_input_is_refused(tmp_path, good_file, command):
    other = write(tmp_path / "other.jsonl", [json.dumps(r) for r in GOOD])
    args = [command, good_file, other] if command == "diff" else [command, good_file]
    before = Path(good_file).read_text()
    result = CliRunner().invoke(app, [*args, "-o", good_file], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert f"{good_file}: is one of the inputs" in result.output
    assert Path(good_file).read_text() == before


def test_extracts_own_output_reads_back_gzipped_and_with_wide_integers(tmp_path):
    import gzip

    from summitclaims.compare.load import is_record_file

    wide = dict(GOOD[KIND_LINE["document"]], meta={"n": 9 ** 2000})     # json writes it, orjson would refuse
    lines = [json.dumps(wide)] + [json.dumps(r) for r in GOOD[1:]]
    path = tmp_path / "records.jsonl.gz"
    path.write_bytes(gzip.compress("".join(x + "\n" for x in lines).encode()))
    assert is_record_file(path)
    got = list(read_records(path))
    assert [r["kind"] for r in got] == [r["kind"] for r in GOOD]
    assert got[0]["meta"]["n"] == 9 ** 2000


def test_a_broken_gzip_record_file_is_one_error(tmp_path):
    import gzip

    path = tmp_path / "records.jsonl.gz"
    path.write_bytes(gzip.compress(("".join(json.dumps(r) + "\n" for r in GOOD) * 50).encode())[:-30])
    got = list(read_records(path))
    assert got[-1]["kind"] == "error" and got[-1]["error"].startswith("broken gzip data")


def test_an_endless_first_line_is_no_record_file(tmp_path):
    from summitclaims.compare import load

    path = tmp_path / "long.jsonl"
    path.write_bytes(b"x" * (load._SNIFF_BYTES + 10))
    assert not load.is_record_file(path)
