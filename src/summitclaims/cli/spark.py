"""`summitclaims spark-extract INPUT OUTPUT`: the extraction as a Spark job (see summitclaims.spark).

pyspark and spaCy are imported only when the command runs, so ``--help`` stays fast and works
without the ``spark`` extra.
"""
from __future__ import annotations

import os
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import List, Optional

import typer

from ..kinds import KIND_ORDER
from .common import (
    USAGE,
    actor_files,
    actors_option,
    check_tables,
    choice,
    fail,
    id_key_option,
    input_format_option,
    keep_text_option,
    model_option,
    only_option,
    published_key_option,
    published_option,
    quiet_option,
    text_key_option,
)

OUTPUT_FORMATS = ("parquet", "jsonl")
_JSONL = (".jsonl", ".ndjson", ".json")


def _local_kind(path: str) -> Optional[str]:
    """auto: parquet, jsonl or files (text/HTML/...) from a local path's name or contents; None when
    the path is not local (then the suffix decides, else files)."""
    p = Path(path)
    if "://" in path or not p.exists():
        return None
    names = [p.name] if p.is_file() else [f.name for f in p.rglob("*") if f.is_file()]
    names = [n.lower()[:-3] if n.lower().endswith(".gz") else n.lower() for n in names]
    names = [n for n in names if not n.startswith((".", "_"))]     # _SUCCESS, .crc files
    if names and all(n.endswith(".parquet") for n in names):
        return "parquet"
    if names and all(n.endswith(_JSONL) for n in names):
        return "jsonl"
    return "files"


def input_kind(path: str, input_format: str) -> str:
    """How spark-extract reads INPUT: parquet, jsonl or files; auto looks at a local path, else at its suffix."""
    if input_format in ("text", "html"):
        return "files"
    if input_format != "auto":
        return input_format
    found = _local_kind(path)
    if found:
        return found
    lower = path.lower().rstrip("/")
    lower = lower[:-3] if lower.endswith(".gz") else lower
    if lower.endswith(".parquet"):
        return "parquet"
    if lower.endswith(_JSONL):
        return "jsonl"
    return "files"


class StageProgress:
    """Polls Spark's status tracker for the jobs of one job group: a line on stderr per stage when it
    ends (with a live line on a terminal while it runs)."""

    def __init__(self, sc, group: str, enabled: bool, interval: float = 0.5):
        self.sc, self.group, self.enabled, self.interval = sc, group, enabled, interval
        self.stop = threading.Event()
        self.started: dict[int, float] = {}
        self.printed: set[int] = set()
        self.tty = sys.stderr.isatty()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> "StageProgress":
        if self.enabled:
            self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.stop.set()
            self.thread.join()
            try:
                self._poll(final=True)
            except Exception:
                pass

    def _poll(self, final: bool = False) -> None:
        tracker = self.sc.statusTracker()
        live = []
        for job in sorted(tracker.getJobIdsForGroup(self.group)):
            info = tracker.getJobInfo(job)
            for sid in sorted(info.stageIds) if info else ():
                st = tracker.getStageInfo(sid)
                if st is None or sid in self.printed:
                    continue
                if st.numActiveTasks or st.numCompletedTasks or st.numFailedTasks:
                    self.started.setdefault(sid, time.perf_counter())
                if sid not in self.started:       # not begun, or skipped (its output reused)
                    continue
                took = time.perf_counter() - self.started[sid]
                failed = f", {st.numFailedTasks} failed" if st.numFailedTasks else ""
                line = f"stage {sid}: {st.numCompletedTasks}/{st.numTasks} tasks{failed}, {took:.1f} s"
                if st.numCompletedTasks >= st.numTasks or final:
                    self.printed.add(sid)
                    self._write(line + ("" if st.numCompletedTasks >= st.numTasks else " (stopped)") + "\n")
                else:
                    live.append(line)
        if self.tty and live:
            self._write("\r" + "; ".join(live) + "\x1b[K", newline=False)

    def _write(self, text: str, newline: bool = True) -> None:
        if self.tty and newline:
            text = "\r\x1b[K" + text
        sys.stderr.write(text)
        sys.stderr.flush()

    def _loop(self) -> None:
        while not self.stop.wait(self.interval):
            try:
                self._poll()
            except Exception:      # the JVM going away at the end of a run: progress is best effort
                return


def _reason(exc: BaseException) -> str:
    """One line for a failed job: the Python error a worker raised (its traceback's last line),
    else the first line of Spark's message."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    worker = [ln for ln in lines if not ln.startswith(("File ", "^", "at ", "SQLSTATE", "Traceback"))
              and ("Error" in ln.split(":")[0] or "Exception" in ln.split(":")[0])]
    if "Python worker" in str(exc) and worker:
        return worker[-1]
    return lines[0] if lines else type(exc).__name__


def build_session(master: Optional[str], conf: List[str], app_name: str = "summitclaims"):
    """A SparkSession; under spark-submit (no --master) the submitted master and conf hold."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if master or not under_submit:
        builder = builder.master(master or "local[*]")
    if (master or "local").startswith("local") and not under_submit and "PYSPARK_PYTHON" not in os.environ:
        # local workers must run this interpreter (the one with summitclaims and its model), not
        # whichever python3 is first on PATH
        os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    for item in conf:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"{item!r}: expected KEY=VALUE", param_hint="'--conf'")
        builder = builder.config(key.strip(), value)
    return builder.getOrCreate()


def spark_extract_command(
    input: str = typer.Argument(..., metavar="INPUT",
                                help="Articles: a folder or file of text/HTML files, JSONL (.gz) or Parquet; "
                                     "any path Spark reads (s3a://, hdfs://)."),
    output: str = typer.Argument(..., metavar="OUTPUT", help="Output folder (Spark writes part files)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", metavar="parquet|jsonl", callback=choice(OUTPUT_FORMATS),
                                      help="parquet or jsonl (default: jsonl when OUTPUT ends in .jsonl/.json, "
                                           "else parquet)."),
    master: Optional[str] = typer.Option(None, "--master", metavar="URL",
                                         help="Spark master (default local[*]; under spark-submit, its own)."),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1, metavar="N",
                                             help="Repartition the articles into N tasks (default: 4 per core "
                                                  "when the input has fewer partitions than cores)."),
    input_format: str = input_format_option(
        ("parquet",), "auto, jsonl, parquet, text or html (text/html: files read whole, as extract reads them)."),
    text_key: str = text_key_option("JSONL/Parquet: the text column."),
    id_key: str = id_key_option("JSONL/Parquet: the id column."),
    published_key: str = published_key_option("JSONL/Parquet: the date column."),
    published: Optional[str] = published_option("Publication date for articles that carry none."),
    only: Optional[str] = only_option("Comma list of actors, money, dates, quotes."),
    keep_text: bool = keep_text_option("Put the article text on the document record."),
    model: Optional[str] = model_option("spaCy pipeline to build on (installed on every executor)."),
    actors: Optional[List[Path]] = actors_option(
        "Extra actor gazetteer (JSONL); shipped to the executors with the job."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace OUTPUT if it exists (default: stop)."),
    conf: Optional[List[str]] = typer.Option(None, "--conf", metavar="KEY=VALUE",
                                             help="Spark configuration; may be repeated."),
    quiet: bool = quiet_option("No UI address, stage lines or summary on stderr."),
) -> None:
    """Extract records with Apache Spark (needs the spark extra: pip install 'summitclaims\\[spark]').

    Records are those of `extract`, as typed columns (dates, doubles, arrays; meta as JSON text)
    plus `seq`, the record's position in its document. Exit codes: 0 done (error records count as
    data), 1 the Spark job failed, 2 usage error.
    """
    out_fmt = fmt or ("jsonl" if output.lower().rstrip("/").endswith(_JSONL) else "parquet")
    check_tables()          # on the driver: a typo would otherwise fail every executor's task
    try:
        import pyspark  # noqa: F401
    except ImportError:
        fail("spark-extract needs pyspark: pip install 'summitclaims[spark]'", USAGE)

    # fail fast on the driver: a bad --actors file or a missing model, before any Spark work
    from ..nlp import ModelError, default_model
    from ..resources import PatternFileError

    actors_files = actor_files(actors)
    try:
        if model is None:
            default_model()
        else:
            import importlib.util

            if importlib.util.find_spec(model) is None and not Path(model).exists():
                raise ModelError(f"cannot load spaCy model {model!r}: not installed")
        from ..pipeline.actors import read_gazetteer

        for path in actors_files:
            read_gazetteer(path)
    except (ModelError, PatternFileError) as exc:
        fail(str(exc), USAGE)

    warnings.filterwarnings("ignore", message=".*pandas >= 3.0.0.*")   # pyspark's, about a pandas we do not use
    from py4j.protocol import Py4JJavaError
    from pyspark.errors import PySparkException
    from pyspark.sql import SparkSession

    from .. import spark as sx
    from ..io.readers import ReadOptions

    started = time.perf_counter()
    ours = SparkSession.getActiveSession() is None     # a session already running is not ours to stop
    try:
        spark = build_session(master, list(conf or ()))
    except (PySparkException, Py4JJavaError, OSError) as exc:     # no Java, bad master or conf
        fail(f"cannot start Spark (it needs Java 17): {_reason(exc)}")
    sc = spark.sparkContext
    sc.setLogLevel("OFF")      # task failures come back as one Error line, not JVM stack traces
    say = (lambda msg: None) if quiet else (lambda msg: typer.echo(msg, err=True))
    say(f"summitclaims: Spark {spark.version}, master {sc.master}, {sc.defaultParallelism} cores; "
        f"Spark UI: {sc.uiWebUrl or 'disabled'}")
    try:
        kind = input_kind(input, input_format)
        if kind == "files":
            read = ReadOptions(input_format="auto" if input_format == "auto" else input_format,
                               text_key=text_key, id_key=id_key, published_key=published_key)
            arts = sx.articles_from_files(spark, input, read=read)
        else:
            reader = spark.read
            df = (reader.option("mode", "PERMISSIVE").json(input) if kind == "jsonl"
                  else reader.parquet(input))
            arts = sx.articles_from_frame(df, id_col=id_key, text_col=text_key, published_col=published_key)
        n_parts = partitions
        if n_parts is None and arts.rdd.getNumPartitions() < sc.defaultParallelism:
            n_parts = 4 * sc.defaultParallelism
        if n_parts:
            arts = arts.repartition(n_parts)
        counts = sx.counter(spark)
        records = sx.extract_articles(arts, published=published, kinds=only, keep_text=keep_text,
                                      model=model, actors_files=actors_files, counts=counts)
        writer = records.write.mode("overwrite" if overwrite else "errorifexists")
        sc.setJobGroup("summitclaims", f"summitclaims extract {input} -> {output}")
        with StageProgress(sc, "summitclaims", enabled=not quiet):
            if out_fmt == "parquet":
                writer.parquet(output)
            else:
                writer.option("compression", "none").json(output)
    except (PySparkException, Py4JJavaError, ValueError) as exc:
        if ours:
            spark.stop()
        fail(_reason(exc))
    c = counts.value
    if ours:
        spark.stop()
    kinds = ", ".join(f"{k} {c[k]}" for k in KIND_ORDER if c[k])
    total = sum(c[k] for k in KIND_ORDER)
    say(f"summitclaims: {c['documents']} documents, {total} records ({kinds or 'none'}), "
        f"{c['error']} errors, {time.perf_counter() - started:.1f} s -> {output} ({out_fmt})")
