"""Which engine for `summarise` at scale: streaming Python (orjson or json) or DuckDB's SQL over the JSONL.

    python benchmarks/summarise_engines.py [N ...]       # default: 100000 1000000

Needs `duckdb` for its rows (the bench venv: pip install -e . duckdb orjson); an engine whose module
is missing is skipped with a note. The input is the synthetic corpus of `summarise_scale.py`.
Each engine runs in a fresh process (peak RSS is per process) and does the same work:

- python-orjson / python-json: `Summariser` over `read_records` with that parser; the full summary
  (actors, clusters after per-document folding and FX conversion, speakers, timeline).
- duckdb: `read_json` of the columns the summary needs, then SQL for per-actor totals (each
  (actor, currency, amount) once) and clusters (per actor, amounts in one log-scale bucket of the
  tolerance: no chaining across buckets, no per-document folding, no equivalent_of links, no
  timeline), fetched as Python rows. Less than the Python engine does, so a lower bound of its cost.

Wall time depends on the machine's load (other processes): the CPU seconds are printed beside it.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from summarise_scale import make  # noqa: E402

PYTHON = r"""
import resource, sys, time
from summitclaims.compare import load
if sys.argv[1] == "python-json":
    import json
    load.loads, load.JSON_ERRORS = json.loads, (ValueError,)
else:
    import orjson
from summitclaims.compare.summarise import Summariser
t, c = time.perf_counter(), time.process_time()
s = Summariser().add(load.read_records(sys.argv[2])).result(20)
n = s["records"]
what = f"{len(s['actors'])} actors, {len(s['clusters'])} clusters shown"
"""

DUCKDB = r"""
import resource, sys, time
import duckdb
t, c = time.perf_counter(), time.process_time()
con = duckdb.connect()
cols = {"kind": "VARCHAR", "doc": "VARCHAR", "name": "VARCHAR", "label": "VARCHAR", "role": "VARCHAR",
        "mentions": "BIGINT", "speaker": "VARCHAR", "text": "VARCHAR", "value": "DOUBLE",
        "currency": "VARCHAR", "usd": "DOUBLE", "actor": "VARCHAR"}
spec = "{" + ", ".join(f"{k}: '{v}'" for k, v in cols.items()) + "}"
con.execute(f"CREATE TEMP TABLE r AS SELECT * FROM read_json('{sys.argv[2]}', format='newline_delimited', "
            f"columns={spec}, ignore_errors=true)")
n = con.execute("SELECT count(*) FROM r").fetchone()[0]
w = 0.0202027    # -ln(1 - 0.02): the Python engine's bucket width for the 2% tolerance
clusters = con.execute(f'''
    SELECT actor, currency, min(value) AS value, max(usd) AS usd, count(DISTINCT doc) AS sources,
           count(*) AS mentions, list(DISTINCT text)[1:12] AS variants
    FROM r WHERE kind = 'money' AND value > 0
    GROUP BY actor, currency, floor(ln(value) / {w})
    ORDER BY sources DESC, mentions DESC, usd DESC NULLS LAST LIMIT 20''').fetchall()
actors = con.execute(f'''
    WITH m AS (SELECT actor, currency, floor(ln(value) / {w}) AS b, min(value) AS value, max(usd) AS usd,
                      count(*) AS k, list(DISTINCT doc) AS docs
               FROM r WHERE kind = 'money' AND value > 0 AND actor IS NOT NULL GROUP BY ALL),
    money AS (SELECT actor AS name, sum(k) AS money, count(*) AS claims, sum(usd) AS total_usd,
                     flatten(list(docs)) AS docs FROM m GROUP BY actor),
    tot AS (SELECT actor AS name, map(list(currency), list(v)) AS totals
            FROM (SELECT actor, coalesce(currency, '?') AS currency, sum(value) AS v FROM m GROUP BY ALL)
            GROUP BY actor),
    a AS (SELECT name, mode(label) AS label, mode(role) AS role, sum(coalesce(mentions, 1)) AS mentions,
                 list(DISTINCT doc) AS docs FROM r WHERE kind = 'actor' AND name IS NOT NULL GROUP BY name),
    q AS (SELECT speaker AS name, count(*) AS quotes, list(DISTINCT doc) AS docs
          FROM r WHERE kind = 'quote' AND speaker IS NOT NULL GROUP BY speaker),
    names AS (SELECT name FROM a UNION SELECT name FROM money UNION SELECT name FROM q)
    SELECT names.name, a.label, a.role,
           len(list_distinct(list_concat(coalesce(a.docs, []), coalesce(money.docs, []), coalesce(q.docs, []))))
               AS documents,
           coalesce(money.money, 0) AS money, coalesce(a.mentions, 0) AS mentions, money.claims, tot.totals,
           money.total_usd, coalesce(q.quotes, 0) AS quotes
    FROM names LEFT JOIN a USING (name) LEFT JOIN money USING (name) LEFT JOIN q USING (name)
        LEFT JOIN tot USING (name)
    ORDER BY documents DESC, money DESC, mentions DESC, names.name LIMIT 20''').fetchall()
what = f"{len(actors)} actors, {len(clusters)} clusters shown"
"""

REPORT = r"""
dt, cpu = time.perf_counter() - t, time.process_time() - c
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{sys.argv[1]:13s} {n:>9,} records  {dt:6.2f} s wall  {cpu:6.2f} s CPU  {n / dt:>9,.0f} records/s"
      f"  peak RSS {rss:5.0f} MB  ({what})", flush=True)
"""

ENGINES = {"python-orjson": ("orjson", PYTHON), "python-json": ("json", PYTHON), "duckdb": ("duckdb", DUCKDB)}


def available(module: str) -> bool:
    return subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode == 0


def main(sizes: list[int], runs: int = 2) -> None:
    engines = {}
    for name, (module, code) in ENGINES.items():
        if available(module):
            engines[name] = code
        else:
            print(f"# {name}: skipped ({module} is not installed)")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"r{n}.jsonl"
            make(path, n, 1)
            print(f"# {n:,} records, {path.stat().st_size / 1e6:.0f} MB of JSONL; {runs} runs per engine")
            for _ in range(runs):
                for name, code in engines.items():
                    subprocess.run([sys.executable, "-c", code + REPORT, name, str(path)], check=True)


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [100_000, 1_000_000])
