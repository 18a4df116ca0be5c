"""Robustness runs: every Reuters article through the pipeline, and one huge article.

    python benchmarks/robustness.py [--corpus ../shared/corpora/reuters21578.jsonl] [--jobs 2] [--limit N]
    python benchmarks/robustness.py --huge 50      # one 50 MB article: peak RSS and time

The first prints internal errors by exception type (the goal is none) and records by kind; the
second builds a single article of N MB from the corpus and runs the CLI on it.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "reuters21578.jsonl"


def every_article(corpus: Path, jobs: int, limit: int | None) -> int:
    from summitclaims import runner
    from summitclaims.io.readers import ReadOptions, iter_articles

    arts = iter_articles([str(corpus)], opts=ReadOptions())
    if limit:
        arts = islice(arts, limit)
    kinds, errors, examples = Counter(), Counter(), {}
    started, n = time.perf_counter(), 0
    for art, records in runner.run(arts, runner.RunOptions(), jobs=jobs):
        n += 1
        kinds.update(r["kind"] for r in records)
        for r in records:
            if r["kind"] == "error":
                kind = r["error"].split(":")[1].strip() if r["error"].startswith("internal error") else r["error"]
                errors[kind] += 1
                examples.setdefault(kind, art.doc_id)
        if n % 1000 == 0:
            print(f"  {n} articles, {n / (time.perf_counter() - started):.1f}/s", file=sys.stderr)
    print(f"{n} articles in {time.perf_counter() - started:.0f} s; records: {dict(kinds)}")
    print(f"errors: {sum(errors.values())}")
    for kind, count in errors.most_common():
        print(f"  {count:6d}  {kind}  (e.g. {examples[kind]})")
    return 1 if errors else 0


def huge(corpus: Path, megabytes: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "huge.txt"
        size = 0
        with corpus.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
            while size < megabytes * 1_000_000:
                for line in src:
                    text = json.loads(line)["text"] + "\n\n"
                    dst.write(text)
                    size += len(text.encode("utf-8"))
                    if size >= megabytes * 1_000_000:
                        break
                src.seek(0)
        code = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE); "
                "n = r.stdout.count(b'\\n'); "
                "print(r.returncode, n, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "summitclaims", "extract", "-q",
                              "-f", "jsonl", str(path)], capture_output=True, text=True, check=True)
        rc, lines, rss = out.stdout.split()
        print(f"one article of {size / 1e6:.1f} MB: exit {rc}, {lines} records, peak RSS {int(rss) / 1024:.0f} MB, "
              f"{time.perf_counter() - t:.0f} s")
        return int(rc)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--huge", type=int, metavar="MB", default=None)
    args = ap.parse_args()
    if args.huge:
        return huge(args.corpus, args.huge)
    return every_article(args.corpus, args.jobs, args.limit)


if __name__ == "__main__":
    sys.exit(main())
