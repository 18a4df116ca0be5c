"""Exports on real news: ids stable and unique, every reader gets the exact values.

    python benchmarks/exports.py [--articles 2000] [--corpus ../shared/corpora/reuters21578.jsonl]

Extracts the first N articles twice (--jobs 1 and --jobs 2) to JSONL and once to Parquet, then
checks: record ids unique and identical between the runs; every amount a JSON float; DuckDB
(read_json with the schema's columns and sample_size=50; read_json_auto with sample_size=50 for
`value`), polars, pandas and sqlite-utils (table from `schema --as sql`) read every amount exactly
as Python's json module does; Parquet holds the same records. Needs the test extra's readers.
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NUMBERS = ("value", "low", "high", "usd", "eur")


def run(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "summitclaims", *args], check=True)
    return time.perf_counter() - t


def same(a, b) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return a == b


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"))
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sc-exports-"))
    src = tmp / "articles.jsonl"
    with open(args.corpus, encoding="utf-8") as f, open(src, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice(f, args.articles))
    one, two, pq_path = tmp / "one.jsonl", tmp / "two.jsonl", tmp / "records.parquet"
    t1 = run(["extract", str(src), "-q", "-o", str(one)])
    t2 = run(["extract", str(src), "-q", "-j", "2", "-o", str(two)])
    t3 = run(["extract", str(src), "-q", "-j", "2", "-o", str(pq_path)])
    print(f"{args.articles} articles: jsonl --jobs 1 {t1:.0f} s, --jobs 2 {t2:.0f} s, parquet --jobs 2 {t3:.0f} s")

    recs = [json.loads(line) for line in one.read_text(encoding="utf-8").splitlines()]
    recs2 = [json.loads(line) for line in two.read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in recs]
    money = [r for r in recs if r["kind"] == "money"]
    problems = 0

    def check(name: str, ok: bool, detail: str = "") -> None:
        nonlocal problems
        problems += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")

    check("ids unique", len(set(ids)) == len(ids), f"{len(ids)} records, {len(set(ids))} ids")
    check("ids the same with --jobs 2", ids == [r["id"] for r in recs2])
    check("records the same with --jobs 2", recs == recs2)
    bad = [(r["id"], k) for r in money for k in NUMBERS if r[k] is not None and type(r[k]) is not float]
    check("every amount a JSON float", not bad, f"{len(money)} money records; {len(bad)} not float")
    fractional = sum(1 for r in money if r["value"] is not None and not float(r["value"]).is_integer())
    ranges = sum(1 for r in money if r["low"] is not None)
    print(f"     ({fractional} fractional values, {ranges} ranges)")
    want = {r["id"]: tuple(r[k] for k in NUMBERS) for r in money}

    def compare(name: str, rows) -> None:
        got = {i: tuple(v) for i, *v in rows}
        diff = [i for i in want if i not in got or not all(same(a, b) for a, b in zip(want[i], got[i]))]
        check(name, not diff, f"{len(diff)} of {len(want)} amounts differ")

    import duckdb

    from summitclaims import columns

    con = duckdb.connect()
    sel = "SELECT id, " + ", ".join(NUMBERS)
    compare("DuckDB read_json(columns=schema, sample_size=50)", con.execute(
        f"{sel} FROM read_json(?, columns=?, sample_size=50, format='newline_delimited') WHERE kind='money'",
        [str(one), columns.duckdb_columns()]).fetchall())
    auto = dict(con.execute("SELECT id, value FROM read_json_auto(?, sample_size=50) WHERE kind='money'",
                            [str(one)]).fetchall())
    diff = [i for i in want if not same(want[i][0], auto.get(i))]
    check("DuckDB read_json_auto(sample_size=50): value", not diff, f"{len(diff)} differ")
    compare("DuckDB read_parquet", con.execute(f"{sel} FROM read_parquet(?) WHERE kind='money'",
                                               [str(pq_path)]).fetchall())

    import polars as pl

    df = pl.read_ndjson(one, infer_schema_length=None).filter(pl.col("kind") == "money")
    compare("polars read_ndjson(infer_schema_length=None)", df.select("id", *NUMBERS).rows())
    dfp = pl.read_parquet(pq_path).filter(pl.col("kind") == "money")
    compare("polars read_parquet", dfp.select("id", *NUMBERS).rows())

    import pandas as pd

    pdf = pd.read_json(one, lines=True, dtype={"id": str}, precise_float=True)
    pdf = pdf[pdf["kind"] == "money"]
    compare("pandas read_json(lines=True, precise_float=True)",
            pdf[["id", *NUMBERS]].itertuples(index=False, name=None))

    import sqlite_utils

    db = sqlite_utils.Database(memory=True)
    db.execute(columns.create_table_sql())
    db["records"].insert_all(recs)
    compare("sqlite-utils (schema --as sql)", db.execute(f"{sel} FROM records WHERE kind='money'").fetchall())

    import pyarrow.parquet as pq

    table = pq.read_table(pq_path)
    check("Parquet: value is double, same ids in order", str(table.schema.field("value").type) == "double"
          and table.column("id").to_pylist() == ids)
    print(f"{problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
