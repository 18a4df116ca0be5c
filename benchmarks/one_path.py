"""Do `summitclaims.extract`, `extract_many` and the CLI give the same records, in the same order,
for an article longer than spaCy's max_length?

    python benchmarks/one_path.py [--chars 1100000]

Builds an article of --chars characters from the samples (repeated, paragraph-separated), runs it
through the three entry points and prints the record counts, whether the three lists are equal, and
the time each took.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
PUBLISHED = "2025-02-11"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=1_100_000)
    args = ap.parse_args()
    import summitclaims

    base = "\n\n".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    text = "\n\n".join([base] * (args.chars // len(base) + 1))[:args.chars]
    got = {}
    t = time.perf_counter()
    got["extract"] = summitclaims.extract(text, PUBLISHED, "long")
    t1 = time.perf_counter()
    got["extract_many"] = list(summitclaims.extract_many([("long", text, PUBLISHED)]))
    t2 = time.perf_counter()
    line = json.dumps({"id": "long", "text": text, "published": PUBLISHED})
    proc = subprocess.run([sys.executable, "-m", "summitclaims", "extract", "-q", "-f", "jsonl", "-"],
                          input=line, capture_output=True, text=True, check=False)
    t3 = time.perf_counter()
    if proc.returncode != 0:
        sys.exit(f"CLI failed: {proc.stderr[-2000:]}")
    got["cli"] = [json.loads(x) for x in proc.stdout.splitlines()]
    for name, secs in (("extract", t1 - t), ("extract_many", t2 - t1), ("cli", t3 - t2)):
        counts = Counter(r["kind"] for r in got[name])
        print(f"{name:<13} {len(got[name]):6d} records {dict(counts)}  {secs:.0f} s")
    same = got["extract"] == got["extract_many"] == got["cli"]
    print(f"{len(text):,} chars: the three entry points give {'the same' if same else 'DIFFERENT'} records")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
