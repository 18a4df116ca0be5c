"""The Spark path (summitclaims.spark, `summitclaims spark-extract`) gives the records of `extract`.

One local[2] SparkSession for the module. Skipped, with the reason, when pyspark or Java is missing;
CI installs both (the test extra pulls in the spark extra; Java 17 comes from the machine's packages).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import SAMPLES_DIR

SAMPLES = SAMPLES_DIR


def _java_missing() -> str | None:
    java = shutil.which("java") or (os.environ.get("JAVA_HOME") and Path(os.environ["JAVA_HOME"], "bin", "java"))
    if not java:
        return "Java is not installed (Spark needs Java 17): apt-get install openjdk-17-jre-headless"
    return None


def _normal(rec: dict) -> dict:
    """A record as compared: null fields dropped (a table has every column, JSON only the set ones);
    numbers as floats (Spark's doubles)."""
    return {k: (float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and k not in
                ("char_start", "char_end", "chars", "mentions", "equivalent_of") else v)
            for k, v in rec.items() if v is not None and k != "seq"}


def _by_doc(records) -> dict:
    out: dict = {}
    for r in records:
        out.setdefault(r["doc"], []).append(r)
    return out


def _extract(articles, **kw):
    """What `summitclaims extract` gives for these articles: {doc: [records]}."""
    from summitclaims import runner

    opts = runner.RunOptions(**kw)
    return {art.doc_id: recs for art, recs in runner.run(articles, opts)}


# -- no Spark needed --------------------------------------------------------------------------------

def test_help_imports_neither_pyspark_nor_spacy():
    code = (
        "import sys; from typer.testing import CliRunner; from summitclaims.cli.main import app;"
        "r = CliRunner().invoke(app, ['spark-extract', '--help']); assert r.exit_code == 0, r.output;"
        "assert '--master' in r.output and '--partitions' in r.output;"
        "print(sorted(m for m in ('pyspark', 'spacy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path, fmt, want", [
    ("in/articles.jsonl", "auto", "jsonl"),
    ("in/articles.jsonl.gz", "auto", "jsonl"),
    ("s3a://bucket/archive.parquet", "auto", "parquet"),
    ("s3a://bucket/pages/", "auto", "files"),
    ("s3a://bucket/x.jsonl", "html", "files"),
    ("s3a://bucket/x", "parquet", "parquet"),
])
def test_input_kind_by_name(path, fmt, want):
    from summitclaims.cli.spark import input_kind

    assert input_kind(path, fmt) == want


def test_input_kind_of_a_local_folder(tmp_path):
    from summitclaims.cli.spark import input_kind

    (tmp_path / "a.parquet").write_bytes(b"")
    (tmp_path / "_SUCCESS").write_bytes(b"")
    assert input_kind(str(tmp_path), "auto") == "parquet"
    (tmp_path / "b.txt").write_text("x")
    assert input_kind(str(tmp_path), "auto") == "files"
    assert input_kind(str(SAMPLES), "auto") == "files"


# -- on Spark ---------------------------------------------------------------------------------------
pytestmark = pytest.mark.filterwarnings("ignore:.*pandas >= 3.0.0:FutureWarning")
NO_PYSPARK = "pyspark is not installed: pip install '.[spark]'"


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason=NO_PYSPARK)     # here, not at module level: the tests above need none
    reason = _java_missing()
    if reason:
        pytest.skip(reason)
    import warnings

    from pyspark.sql import SparkSession

    warnings.filterwarnings("ignore", message=".*pandas >= 3.0.0.*")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)    # workers run this interpreter
    session = (SparkSession.builder.master("local[2]").appName("summitclaims-tests")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    session.sparkContext.setLogLevel("OFF")
    yield session
    session.stop()


def test_record_schema_is_typed():
    pytest.importorskip("pyspark", reason=NO_PYSPARK)
    from pyspark.sql import types as T

    from summitclaims.spark import record_schema_spark

    schema = {f.name: f.dataType for f in record_schema_spark().fields}
    assert schema["published"] == T.DateType() and schema["start"] == T.DateType()
    assert schema["fx_date"] == T.DateType()
    assert schema["value"] == T.DoubleType() and schema["usd"] == T.DoubleType()
    assert schema["char_start"] == T.LongType() and schema["mentions"] == T.LongType()
    assert schema["aliases"] == T.ArrayType(T.StringType())
    assert schema["partial"] == T.BooleanType()
    assert schema["meta"] == T.StringType() and schema["seq"] == T.LongType()
    assert list(schema)[:4] == ["id", "kind", "doc", "text"]
    assert schema["producer"] == T.StringType()


@pytest.mark.slow
def test_samples_equal_extract(spark):
    """Every record of every sample, field by field, as `extract samples/` writes it."""
    from summitclaims.io.readers import iter_articles
    from summitclaims.spark import articles_from_files, extract_articles, to_record

    given = str(SAMPLES)
    want = _extract(iter_articles([given]))
    rows = extract_articles(articles_from_files(spark, given).repartition(2)).orderBy("doc", "seq").collect()
    got = _by_doc(to_record(r) for r in rows)
    assert sorted(got) == sorted(want) and len(want) == 5
    for doc in want:
        assert got[doc] == json.loads(json.dumps(want[doc])), doc


@pytest.mark.slow
def test_dataframe_api(spark):
    """id/text/published columns with the names given, the other columns as meta, missing values."""
    from summitclaims.io.readers import Article
    from summitclaims.spark import extract, to_record

    text = "Acme Corp said on Monday it would invest $2 billion in Paris. \"It is a big step,\" said Jane Doe."
    rows = [
        ("a1", text, dt.date(2025, 2, 11), "Acme"),
        ("a2", "Nothing to see.", None, None),
        ("a3", None, None, "no text"),
    ]
    df = spark.createDataFrame(rows, "ident string, body string, day date, title string")
    got = extract(df, id_col="ident", text_col="body", published_col="day", partitions=2).collect()
    got = _by_doc(sorted((r.asDict() for r in got), key=lambda r: r["seq"]))
    want = _extract([
        Article("a1", text=text, published=dt.date(2025, 2, 11), published_source="given", meta={"title": "Acme"}),
        Article("a2", text="Nothing to see."),
    ])
    assert sorted(got) == ["a1", "a2", "a3"]
    for doc in want:
        assert [to_record(r) for r in got[doc]] == json.loads(json.dumps(want[doc]))
    assert [r["kind"] for r in got["a1"]][:1] == ["document"] and "money" in [r["kind"] for r in got["a1"]]
    money = next(r for r in got["a1"] if r["kind"] == "money")
    assert money["value"] == 2e9 and money["currency"] == "USD"
    assert got["a1"][0]["published"] == dt.date(2025, 2, 11)
    assert got["a3"][0]["kind"] == "error" and "'body'" in got["a3"][0]["error"]


@pytest.mark.slow
def test_cli_jsonl_in_parquet_out(spark, tmp_path):
    """`spark-extract` on a JSONL file: Parquet out with the records of `extract` on the same file."""
    from typer.testing import CliRunner

    from summitclaims.cli.main import app
    from summitclaims.io.readers import iter_articles

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "n1", "published": "2025-02-10", "source": "wire",
         "text": "The European Commission will spend 1.5 billion euros on chips, Ursula von der Leyen said."},
        {"id": "n2", "text": "Shares of Orange rose 3% on Tuesday."},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["spark-extract", str(src), str(out), "--master", "local[2]",
                                      "--partitions", "2"])
    assert result.exit_code == 0, result.output
    assert "Spark UI" in result.output and "stage " in result.output and "2 documents" in result.output
    rows = spark.read.parquet(str(out)).orderBy("doc", "seq").collect()
    got = _by_doc(_normal(r.asDict()) for r in rows)
    want = _extract(iter_articles([str(src)]))
    for doc in want:
        expect = [_normal(r) for r in json.loads(json.dumps(want[doc]))]
        for r in expect:     # dates come back as dates, meta and producer as JSON text
            for k in ("published", "start", "end", "fx_date"):
                if k in r:
                    r[k] = dt.date.fromisoformat(r[k])
            for k in ("meta", "producer"):
                if k in r:
                    r[k] = json.dumps(r[k], ensure_ascii=False)
        assert got[doc] == expect, doc
    again = CliRunner().invoke(app, ["spark-extract", str(src), str(out), "--master", "local[2]", "-q"])
    assert again.exit_code == 1 and "already exists" in again.output
