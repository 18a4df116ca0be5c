"""Spark path: equality with `extract`, and articles/s on local[1] and local[2] vs `extract --jobs 2`.

    python benchmarks/spark.py --compare 200          # Spark records == extract records, 200 Reuters articles
    python benchmarks/spark.py --articles 5000        # throughput, local[1] vs local[2] vs extract --jobs 2

Reads ../shared/corpora/reuters21578.jsonl (or --corpus). Not part of the test suite (minutes long).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"
EXE = Path(sys.executable).with_name("summitclaims")


def _first(corpus: Path, n: int, folder: Path) -> Path:
    path = folder / f"reuters{n}.jsonl"
    with corpus.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return path


def _session(master: str):
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    warnings.filterwarnings("ignore", message=".*pandas >= 3.0.0.*")
    spark = (SparkSession.builder.master(master).appName(f"summitclaims-bench-{master}")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("OFF")
    return spark


def _normal(rec: dict) -> dict:
    """As compared: null fields dropped (JSON from Spark omits them), numbers as floats."""
    ints = ("char_start", "char_end", "chars", "mentions", "equivalent_of", "seq")
    return {k: float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and k not in ints else v
            for k, v in rec.items() if v is not None and k != "seq"}


def compare(corpus: Path, n: int, master: str) -> int:
    """Run `summitclaims extract` and the Spark path on the first n articles; count differences."""
    from summitclaims.spark import extract, to_record

    with tempfile.TemporaryDirectory() as tmp:
        src = _first(corpus, n, Path(tmp))
        out = subprocess.run([str(EXE), "extract", str(src), "-f", "jsonl", "-q", "--jobs", "2"],
                             capture_output=True, text=True, check=False)
        want: dict[str, list] = {}
        for line in out.stdout.splitlines():
            rec = json.loads(line)
            want.setdefault(rec["doc"], []).append(_normal(rec))
        spark = _session(master)
        df = spark.read.json(str(src))
        rows = extract(df, partitions=8).orderBy("doc", "seq").collect()
        got: dict[str, list] = {}
        for r in rows:
            rec = to_record(r)
            got.setdefault(rec["doc"], []).append(_normal(rec))
        spark.stop()
    bad = [d for d in want if got.get(d) != want[d]] + [d for d in got if d not in want]
    n_rec = sum(len(v) for v in want.values())
    print(f"compare: {len(want)} articles, {n_rec} records from extract, "
          f"{sum(len(v) for v in got.values())} from Spark ({master}); {len(bad)} documents differ")
    for d in bad[:5]:
        a, b = want.get(d, []), got.get(d, [])
        diff = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        print(f"  {d}: first difference at record {diff}:\n"
              f"    extract {a[diff:diff + 1]}\n    spark   {b[diff:diff + 1]}")
    return 1 if bad else 0


def throughput(corpus: Path, n: int) -> None:
    from summitclaims.spark import extract

    with tempfile.TemporaryDirectory() as tmp:
        src = _first(corpus, n, Path(tmp))
        for master in ("local[1]", "local[2]"):
            spark = _session(master)
            df = spark.read.json(str(src)).cache()
            df.count()
            parts = 4 * spark.sparkContext.defaultParallelism
            # warm-up: Python workers start and load the model (once per worker process)
            extract(df.limit(4 * parts), partitions=parts).count()
            out = Path(tmp) / f"out-{master[6]}"
            t = time.perf_counter()
            extract(df, partitions=parts).write.parquet(str(out))
            took = time.perf_counter() - t
            print(f"spark {master}: {n} articles in {took:.1f} s, {n / took:.1f} articles/s "
                  f"(model already loaded; {parts} partitions)")
            spark.stop()
            shutil.rmtree(out, ignore_errors=True)
        t = time.perf_counter()
        subprocess.run([str(EXE), "extract", str(src), "-f", "jsonl", "-q", "--jobs", "2", "-o",
                        str(Path(tmp) / "out.jsonl")], check=True)
        took = time.perf_counter() - t
        print(f"extract --jobs 2: {n} articles in {took:.1f} s, {n / took:.1f} articles/s (including model load)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--compare", type=int, metavar="N", help="equality check on the first N articles")
    ap.add_argument("--articles", type=int, metavar="N", help="throughput on the first N articles")
    ap.add_argument("--master", default="local[2]", help="master for --compare")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus}: not found (the Reuters-21578 JSONL corpus)", file=sys.stderr)
        return 2
    if args.compare is None and args.articles is None:
        args.compare, args.articles = 200, 5000
    status = 0
    if args.compare:
        status = compare(args.corpus, args.compare, args.master)
    if args.articles:
        throughput(args.corpus, args.articles)
    return status


if __name__ == "__main__":
    sys.exit(main())
