"""Run the extraction on Apache Spark: a DataFrame of articles in, a typed DataFrame of records out.

Each partition goes through ``mapInArrow`` to one Python worker, which loads the pipeline once per
process (``nlp.load`` is cached and Spark reuses its Python workers) and runs ``runner.Runner``
over the partition's articles, so the records are exactly those of ``summitclaims extract``.

Output columns: those of ``extract -f parquet`` (``summitclaims.io.arrow``): the properties of the
JSON Schema in its order, typed from the schema, ``meta`` and ``producer`` as JSON text, and ``seq``,
the record's position within its document, so ``orderBy("doc", "seq")`` gives the records of
``extract`` in its order.

Requires the ``spark`` extra (``pip install 'summitclaims[spark]'``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import pyarrow as pa
from pyspark.accumulators import AccumulatorParam
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from .fields import parse_iso_date
from .io.arrow import record_columns, records_to_arrow
from .io.readers import DEFAULT_GLOBS, Article, ReadOptions, parse_date
from .resources import record_schema

# the articles between reading and extraction (internal): one row per article, or per unreadable input
_ARTICLE_FIELDS = ("id", "text", "published", "published_source", "meta", "error")
ARTICLE_SCHEMA = T.StructType([T.StructField(n, T.StringType()) for n in _ARTICLE_FIELDS])
CORRUPT = "_corrupt_record"


# -- the record schema as Spark types (the columns are io.arrow's, shared with extract -f parquet) --

_SPARK_TYPES = {
    "date": T.DateType(), "long": T.LongType(), "double": T.DoubleType(), "bool": T.BooleanType(),
    "strings": T.ArrayType(T.StringType()), "string": T.StringType(),
}


def record_schema_spark(schema: dict[str, Any] | None = None) -> T.StructType:
    """The Spark schema of the records DataFrame."""
    return T.StructType([T.StructField(n, _SPARK_TYPES[k]) for n, k in record_columns(schema)])


def to_record(row: dict[str, Any] | Any, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """A records-DataFrame row back as the record dict ``extract`` writes: the kind's properties
    (its optional ones only when set), dates as ISO text, ``meta`` parsed."""
    schema = schema or record_schema()
    data = row.asDict() if hasattr(row, "asDict") else dict(row)
    kind = schema["$defs"].get(data.get("kind"), {})
    required = set(kind.get("required", ()))
    rec: dict[str, Any] = {}
    for name in kind.get("properties", {}):
        value = data.get(name)
        if value is None and name not in required and name not in ("usd", "eur", "fx_date"):
            continue
        if isinstance(value, dt.date):
            value = value.isoformat()
        rec[name] = list(value) if isinstance(value, (list, tuple)) else value
    for name in ("meta", "producer"):
        if data.get(name) is not None:
            rec[name] = json.loads(data[name])
    return rec


# -- articles -------------------------------------------------------------------------------------

def articles_from_frame(
    df: DataFrame,
    *,
    id_col: str = "id",
    text_col: str = "text",
    published_col: str | None = "published",
    meta_cols: Sequence[str] | None = None,
) -> DataFrame:
    """A DataFrame of articles in the internal article schema. Missing ids become ``row-N``;
    ``published`` may be a date, a timestamp or ISO text; ``meta_cols`` (default: every other column)
    go on the document record as ``meta``, like the other keys of a JSONL article."""
    names = df.columns
    if text_col not in names:
        raise ValueError(f"no column {text_col!r} in the articles (columns: {', '.join(names)})")
    has_pub = published_col is not None and published_col in names
    if meta_cols is None:
        meta_cols = [c for c in names if c not in (id_col, text_col, published_col, CORRUPT)]
    corrupt = F.col(CORRUPT).isNotNull() if CORRUPT in names else F.lit(False)
    ident = F.col(id_col).cast("string") if id_col in names else F.lit(None).cast("string")
    fallback = F.concat(F.lit("row-"), F.monotonically_increasing_id().cast("string"))
    ident = F.when(ident.isNull() | (ident == ""), fallback).otherwise(ident)
    text = F.col(text_col).cast("string")
    meta: Column = F.lit(None).cast("string")
    if meta_cols:
        # to_json leaves null fields out, so a key missing from one JSONL line is not in its meta
        meta = F.to_json(F.struct(*[F.col(c) for c in meta_cols]))
        meta = F.when(meta == "{}", F.lit(None)).otherwise(meta)
    error = (F.when(corrupt, F.lit("not valid JSON"))
             .when(text.isNull(), F.lit(f"no {text_col!r} value"))
             .otherwise(F.lit(None).cast("string")))
    return df.select(
        ident.alias("id"),
        text.alias("text"),
        (F.col(str(published_col)).cast("string") if has_pub else F.lit(None).cast("string")).alias("published"),
        F.lit(None).cast("string").alias("published_source"),
        meta.alias("meta"),
        error.alias("error"),
    )


def _qualified(spark: SparkSession, path: str) -> str:
    """The fully qualified form Spark gives file paths (``file:/abs/dir``, ``s3a://bucket/dir``)."""
    jvm: Any = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    return fs.makeQualified(hpath).toString()


def _doc_id(given: str, root: str, path: str) -> str:
    """The id ``extract`` gives a file found under ``given`` (the folder as the user wrote it)."""
    from urllib.parse import unquote

    path, root = unquote(path), unquote(root)
    if path == root:
        return given
    rel = path[len(root):].lstrip("/") if path.startswith(root) else path
    if "://" in given:
        return given.rstrip("/") + "/" + rel


    return str(Path(given) / rel)


def _article_batch(arts: list[Article]) -> pa.RecordBatch:
    cols = {
        "id": [a.doc_id for a in arts],
        "text": [a.text if a.error is None else None for a in arts],
        "published": [a.published.isoformat() if a.published else None for a in arts],
        "published_source": [a.published_source for a in arts],
        "meta": [json.dumps(a.meta, ensure_ascii=False) if a.meta else None for a in arts],
        "error": [a.error for a in arts],
    }
    return pa.RecordBatch.from_pydict(cols, schema=pa.schema([(n, pa.string()) for n in _ARTICLE_FIELDS]))


def articles_from_files(
    spark: SparkSession,
    path: str,
    *,
    read: ReadOptions | None = None,
    globs: Sequence[str] | None = None,
) -> DataFrame:
    """Article files under ``path`` (text, HTML, JSONL, each also .gz), each read whole on an executor
    and decoded exactly as ``extract`` reads it (encodings, HTML main text, JSONL line errors)."""
    from .io.readers import _from_bytes

    read = read or ReadOptions()
    globs = tuple(globs or read.globs or DEFAULT_GLOBS)
    root = _qualified(spark, path)
    given = path
    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    if len(globs) == 1:
        reader = reader.option("pathGlobFilter", globs[0])
    else:
        reader = reader.option("pathGlobFilter", "{" + ",".join(globs) + "}")
    files = reader.load(path).select("path", "content")

    def decode(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            arts: list[Article] = []
            for p, content in zip(batch.column("path").to_pylist(), batch.column("content").to_pylist()):
                arts.extend(_from_bytes(_doc_id(given, root, p), content or b"", read))
            if arts:
                yield _article_batch(arts)

    return files.mapInArrow(decode, ARTICLE_SCHEMA)


# -- extraction -----------------------------------------------------------------------------------

class _CounterParam(AccumulatorParam):
    def zero(self, value: Counter) -> Counter:
        return Counter()

    def addInPlace(self, a: Counter, b: Counter) -> Counter:
        a.update(b)
        return a


def counter(spark: SparkSession):
    """An accumulator for ``extract(..., counts=)``: records by kind (and ``documents``), summed
    over the tasks of the actions run on the result (a retried task may count twice)."""
    return spark.sparkContext.accumulator(Counter(), _CounterParam())


_ACTOR_DIR: str | None = None


def _actor_files(contents: tuple[tuple[str, bytes], ...]) -> tuple[str, ...]:
    """User gazetteers shipped as bytes, written once per worker process, so ``--actors`` works on a
    cluster whose executors cannot see the driver's files."""
    global _ACTOR_DIR
    if not contents:
        return ()
    if _ACTOR_DIR is None:
        _ACTOR_DIR = tempfile.mkdtemp(prefix="summitclaims-actors-")
    out = []
    for name, data in contents:
        digest = hashlib.sha1(data).hexdigest()[:12]
        target = os.path.join(_ACTOR_DIR, f"{digest}-{os.path.basename(name)}")
        if not os.path.exists(target):
            with open(target, "wb") as fh:
                fh.write(data)
        out.append(target)
    return tuple(out)


def _articles_of(batch: pa.RecordBatch) -> list[Article]:
    cols = {n: batch.column(n).to_pylist() for n in _ARTICLE_FIELDS}
    arts = []
    for i in range(batch.num_rows):
        art = Article(cols["id"][i], text=cols["text"][i], error=cols["error"][i])
        if art.error is None and art.text is None:
            art.error = "no text"
        try:
            art.published = parse_date(cols["published"][i])
        except ValueError:     # as extract: an invalid date is ignored, the article processed
            art.published = None
        if art.published is not None:
            art.published_source = cols["published_source"][i] or "given"
        meta = cols["meta"][i]
        art.meta = json.loads(meta) if meta else None
        arts.append(art)
    return arts


def extract_articles(
    articles: DataFrame,
    *,
    published: dt.date | str | None = None,
    kinds: str | Iterable[str] | None = None,
    keep_text: bool = False,
    model: str | None = None,
    actors_files: Sequence[str] = (),
    batch_size: int = 16,
    counts=None,
) -> DataFrame:
    """Records of a DataFrame in the internal article schema (``articles_from_frame`` or
    ``articles_from_files``)."""
    from .kinds import parse_kinds
    from .runner import RunOptions

    published = parse_iso_date(published)
    opts = RunOptions(published=published, kinds=parse_kinds(kinds), keep_text=keep_text,
                      batch_size=batch_size)
    actor_bytes = tuple((str(p), Path(p).read_bytes()) for p in actors_files)   # read on the driver
    columns = record_columns()
    spark_schema = record_schema_spark()
    group = max(1, batch_size) * 4        # articles per output batch: bounds the worker's memory

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from . import nlp as _nlp
        from .runner import Runner

        runner = Runner(_nlp.load(model, _actor_files(actor_bytes)), opts)   # once per worker (cached)
        for batch in batches:
            arts = _articles_of(batch)
            for i in range(0, len(arts), group):
                out = [recs for _, recs in runner.whole(arts[i:i + group])]
                if counts is not None:
                    c = Counter(r["kind"] for recs in out for r in recs)
                    c["documents"] = sum(1 for recs in out if recs and recs[0]["kind"] == "document")
                    counts.add(c)
                yield records_to_arrow(out, columns)

    return articles.mapInArrow(run, spark_schema)


def extract(
    df: DataFrame,
    *,
    id_col: str = "id",
    text_col: str = "text",
    published_col: str | None = "published",
    meta_cols: Sequence[str] | None = None,
    published: dt.date | str | None = None,
    kinds: str | Iterable[str] | None = None,
    keep_text: bool = False,
    model: str | None = None,
    actors_files: Sequence[str] = (),
    partitions: int | None = None,
    batch_size: int = 16,
    counts=None,
) -> DataFrame:
    """Records (the JSON Schema's columns, typed, plus ``seq``) of a DataFrame of articles.

    ``df`` has a text column, and optionally id and published (date, timestamp or ISO text) columns;
    the other columns (or ``meta_cols``) come back as ``meta`` (JSON text) on the document record.
    ``published``, ``kinds``, ``keep_text``, ``model``, ``actors_files`` are as for ``extract``.
    ``partitions``: repartition the articles first (round robin), e.g. to use every core when the
    input is one file.
    """
    arts = articles_from_frame(df, id_col=id_col, text_col=text_col, published_col=published_col,
                               meta_cols=meta_cols)
    if partitions:
        arts = arts.repartition(partitions)
    return extract_articles(arts, published=published, kinds=kinds, keep_text=keep_text, model=model,
                            actors_files=actors_files, batch_size=batch_size, counts=counts)


__all__ = [
    "ARTICLE_SCHEMA", "articles_from_files", "articles_from_frame", "counter", "extract",
    "extract_articles", "record_columns", "record_schema_spark", "records_to_arrow", "to_record",
]
