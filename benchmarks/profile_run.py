"""Where the time goes: each component's share of a warm run, bare model and summitclaims, and the
phases of one process's start-up.

    python benchmarks/profile_run.py [--n 400] [--batch-size 16] [--startup-runs 3]

Warm: the articles pass through one pipe at a time (the tokenizer, then each component's
``pipe`` over the whole list), so that every component is timed alone; then the records are made
and serialised as `extract` writes them. Start-up: a fresh process per run, timing the imports,
the model load, our additions to the pipeline and the first article through each pipe (median of
the runs; the caches of compiled rules warm, as on any run after the first).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpora" / "reuters21578.jsonl"

_STARTUP = r"""
import json, sys, time
t0 = time.perf_counter()
marks = []
def mark(name):
    marks.append((name, time.perf_counter()))
import summitclaims.cli.main; mark("import cli (typer)")
import spacy; mark("import spacy")
import summitclaims.runner; mark("import summitclaims")
from summitclaims import nlp as N, resources
base = N.load_base(); mark("load model")
resources.check_tables(); mark("read and check rule tables")
nlp = N.build(base); mark("build our pipes")
doc = nlp.make_doc(sys.argv[1]); mark("tokenizer")
for name, proc in nlp.pipeline:
    doc = proc(doc); mark(name)
from summitclaims.records import doc_records
records = doc_records(doc, None); mark("records")
json.dumps(records); mark("serialise")
prev = t0
out = []
for name, t in marks:
    out.append((name, t - prev)); prev = t
print(json.dumps(out))
"""


def articles(n: int) -> list[str]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in islice(fh, n)]


def warm(nlp, texts: list[str], batch_size: int, records: bool) -> list[tuple[str, float]]:
    """Seconds per step over all ``texts``, each pipe alone over the list."""
    from summitclaims.io.readers import Article
    from summitclaims.runner import RunOptions
    from summitclaims.runner.docs import make_doc, records_of

    opts = RunOptions()
    arts = [Article(doc_id=str(i), text=t) for i, t in enumerate(texts)]
    out = []
    t = time.perf_counter()
    docs = [make_doc(nlp, a, opts) for a in arts] if records else [nlp.make_doc(x) for x in texts]
    out.append(("tokenizer", time.perf_counter() - t))
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        out.append((name, time.perf_counter() - t))
    if records:
        t = time.perf_counter()
        recs = [records_of(nlp, d, a, opts) for d, a in zip(docs, arts)]
        out.append(("records", time.perf_counter() - t))
        t = time.perf_counter()
        for rs in recs:
            for r in rs:
                json.dumps(r, ensure_ascii=False)
        out.append(("serialise (JSON)", time.perf_counter() - t))
    return out


def table(title: str, rows: list[tuple[str, float]]) -> None:
    total = sum(s for _, s in rows)
    print(f"\n{title}: {total:.2f} s")
    for name, s in rows:
        print(f"  {name:<34} {s:8.3f} s {100 * s / total:6.1f}%")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--startup-runs", type=int, default=3)
    args = ap.parse_args()

    from summitclaims import nlp as N

    texts = articles(args.n)
    bare = N.load_base()
    ours = N.load()
    for nlp in (bare, ours):                 # warm: the tokenizer's cache, lazily built tables
        list(nlp.pipe(texts[:32]))
    b = warm(bare, texts, args.batch_size, records=False)
    o = warm(ours, texts, args.batch_size, records=True)
    table(f"bare model, {args.n} articles", b)
    table(f"summitclaims, {args.n} articles", o)
    bt, ot = sum(s for _, s in b), sum(s for _, s in o)
    print(f"\nsummitclaims / bare: {ot / bt:.2f}x the time ({args.n / ot:.1f} vs {args.n / bt:.1f} docs/s)")

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}   # as installed: bytecode
    runs = []
    for _ in range(args.startup_runs):
        proc = subprocess.run([sys.executable, "-c", _STARTUP, texts[0]], capture_output=True, text=True,
                              check=True, env=env)
        runs.append(json.loads(proc.stdout))
    med = [(name, statistics.median(r[i][1] for r in runs)) for i, (name, _) in enumerate(runs[0])]
    table(f"start-up and first article, median of {args.startup_runs} processes", med)
    return 0


if __name__ == "__main__":
    sys.exit(main())
