"""Throughput and peak memory of `summarise` (and `diff`) over large synthetic record files.

    python benchmarks/summarise_scale.py [N ...]        # default: 100000 1000000

Records are the golden sample records replicated under new document ids, with amounts, actors and
quotes varied so that clusters, actors and speakers keep growing as they would over a real corpus.
Each measurement runs in a fresh process (peak RSS is per process). The engine is streaming Python
with orjson (`summarise_engines.py` compares it with the json module and with DuckDB).
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "runner" / "golden"

CHILD = r"""
import resource, sys, time
from summitclaims.compare.load import read_records, loads
from summitclaims.compare.summarise import Summariser
from summitclaims.compare.diff import Side, diff_sides
t = time.perf_counter()
if sys.argv[1] == "summarise":
    s = Summariser().add(read_records(sys.argv[2])).result(20)
    n = s["records"]; what = f"{len(s['clusters'])} top clusters"
else:
    a, b = Side(0.02, 0.03).add(read_records(sys.argv[2])), Side(0.02, 0.03).add(read_records(sys.argv[3]))
    rows = diff_sides(a, b); n = 2 * int(sys.argv[4]); what = f"{len(rows)} rows"
dt = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{sys.argv[1]:9s} {n:>9,} records  {dt:6.2f} s  {n / dt:>9,.0f} records/s  peak RSS {rss:6.0f} MB"
      f"  ({what}; parser {loads.__module__})")
"""


def make(path: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    base = [json.loads(line) for f in sorted(GOLDEN.glob("*.jsonl")) for line in f.open(encoding="utf-8")]
    docs = [[]]
    for r in base:
        if r["kind"] == "document" and docs[-1]:
            docs.append([])
        docs[-1].append(r)
    written = 0
    with path.open("w", encoding="utf-8") as f:
        d = 0
        while written < n:
            tpl = docs[d % len(docs)]
            doc = f"corpus/{d:08d}.txt"
            scale = rnd.choice((1, 1, 1, 1.5, 2, 3, 10))
            for r in tpl:
                r = dict(r, doc=doc)
                if r["kind"] == "money" and r.get("value"):
                    r["value"] = r["value"] * scale
                    r["usd"] = r["usd"] * scale if r.get("usd") else None
                    if r.get("actor"):
                        r["actor"] = f"{r['actor']} {rnd.randrange(2000)}"
                elif r["kind"] == "quote":
                    r["speaker"] = f"{r['speaker']} {rnd.randrange(500)}" if r.get("speaker") else None
                elif r["kind"] == "actor":
                    r["name"] = f"{r['name']} {rnd.randrange(2000)}"
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
                written += 1
                if written >= n:
                    break
            d += 1


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            a, b = Path(tmp) / f"a{n}.jsonl", Path(tmp) / f"b{n}.jsonl"
            make(a, n, 1)
            print(f"# {n:,} records, {a.stat().st_size / 1e6:.0f} MB of JSONL")
            subprocess.run([sys.executable, "-c", CHILD, "summarise", str(a)], check=True)
            if n <= 200_000:
                make(b, n, 2)
                subprocess.run([sys.executable, "-c", CHILD, "diff", str(a), str(b), str(n)], check=True)


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [100_000, 1_000_000])
