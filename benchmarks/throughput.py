"""Speed of summitclaims against the bare spaCy model, every row of the speed table in one run; and
memory over input size.

    python benchmarks/throughput.py [--n 600] [--jobs-n 1000] [--reps 5] [--repeat 1]
    python benchmarks/throughput.py --memory [--n 2000] [--memory-only money,dates]

Rows, each against its goal (issue 21):

- one article, whole process: ``summitclaims extract -q ONE.txt`` against a process that imports
  spaCy, loads the same model and parses the article; median of ``--reps`` processes each,
  taking turns;
- all kinds, warm: ``runner.run`` (the CLI's path) against the bare model's ``nlp.pipe`` with its
  defaults, in one process, on slices of 96 articles taking turns (who goes first alternates), so
  that a slow spell of a shared machine hits both alike;
- ``--rules-only`` (money and dates without the model), warm, the same way; and ``--only
  money,dates``, which writes the full run's records and so runs the model (no goal);
- ``--jobs 2`` against ``--jobs 1``: whole CLI processes over ``--jobs-n`` articles as JSONL,
  start-up included, taking turns;
- ``--help`` and ``--version``: median process time.

Processes run with bytecode written and read (as after ``pip install``, which compiles it) and
after one warm-up run (which fills the cache of compiled rules, as any run after the first
finds it). ``--repeat 3`` runs the whole table three times and prints each row's spread.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "reuters21578.jsonl"
EXE = [sys.executable, "-m", "summitclaims"]
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

BARE_ONE = """
import sys
import spacy
nlp = spacy.load(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as fh:
    nlp(fh.read())
"""

# (label, goal or None, "max" if the value must stay at or under the goal else "min")
GOALS: dict[str, tuple[str, float | None, str]] = {
    "one": ("one article, whole process, vs bare load+parse", 1.15, "max"),
    "all": ("all kinds, warm, vs bare nlp.pipe", 1.0, "min"),
    "rules": ("--rules-only (money, dates) vs bare nlp.pipe", 10.0, "min"),
    "only": ("--only money,dates vs bare nlp.pipe", None, "min"),
    "jobs": ("--jobs 2 vs --jobs 1, start-up included", 1.85, "min"),
    "help": ("--help, seconds", 0.3, "max"),
    "version": ("--version, seconds", 0.3, "max"),
}


def read(corpus: Path, n: int) -> list[dict]:
    with corpus.open(encoding="utf-8") as fh:
        lines = list(islice(fh, n))
    while len(lines) < n:                    # the corpus has ~20k articles: repeat if asked for more
        lines += lines[: n - len(lines)]
    return [json.loads(line) for line in lines]


def process_seconds(argv: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - t


def taking_turns(a: Callable[[], float], b: Callable[[], float], reps: int) -> tuple[list[float], list[float]]:
    """``reps`` timings of each, alternating which goes first."""
    ta, tb = [], []
    for k in range(reps):
        for which in ((0, 1) if k % 2 == 0 else (1, 0)):
            (ta if which == 0 else tb).append(a() if which == 0 else b())
    return ta, tb


def peak_rss_mb(argv: list[str]) -> float:
    """Peak RSS of a child process (its own, via a wrapper that reads RUSAGE_CHILDREN)."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
            "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def memory(args: argparse.Namespace) -> int:
    exe = [*EXE, "extract", "-q", "-f", "jsonl"]
    if args.memory_only:
        exe += ["--only", args.memory_only]
    with tempfile.TemporaryDirectory() as tmp:
        rows = {}
        for n in (args.n, 10 * args.n):
            part = Path(tmp) / f"{n}.jsonl"
            part.write_text("".join(json.dumps(r) + "\n" for r in read(args.corpus, n)), encoding="utf-8")
            t = time.perf_counter()
            rows[n] = peak_rss_mb(exe + [str(part)])
            print(f"peak RSS, {n:>6} articles{' (--only ' + args.memory_only + ')' if args.memory_only else ''}: "
                  f"{rows[n]:7.1f} MB  ({time.perf_counter() - t:.0f} s)")
        ratio = rows[10 * args.n] / rows[args.n]
        print(f"ratio {ratio:.2f} (goal <= 1.2) {'OK' if ratio <= 1.2 else 'SHORT'}")
    return 0


def one_table(args: argparse.Namespace, tmp: Path) -> dict[str, float]:
    from summitclaims import nlp as _nlp
    from summitclaims import runner
    from summitclaims.io.readers import Article

    out: dict[str, float] = {}
    model = _nlp.default_model()
    rows = read(args.corpus, max(args.n, args.jobs_n))
    warm_rows, rows_n = rows[:32], rows[: args.n]

    # one article, whole process (the first article of the corpus)
    one = tmp / "one.txt"
    one.write_text(rows[0]["text"], encoding="utf-8")
    ours_argv = [*EXE, "extract", "-q", str(one)]
    bare_argv = [sys.executable, "-c", BARE_ONE, model, str(one)]
    process_seconds(ours_argv)               # warm-up: bytecode, the rules' cache, the page cache
    process_seconds(bare_argv)
    bare_t, ours_t = taking_turns(lambda: process_seconds(bare_argv), lambda: process_seconds(ours_argv), args.reps)
    b, o = statistics.median(bare_t), statistics.median(ours_t)
    print(f"one article: bare {b:.2f} s, summitclaims {o:.2f} s (medians of {args.reps})")
    out["one"] = o / b

    # warm, in this process
    base = _nlp.load_base(model)
    list(base.pipe([r["text"] for r in warm_rows]))
    list(runner.run((Article(r["id"], text=r["text"]) for r in warm_rows), runner.RunOptions()))
    for key, opts in (("all", runner.RunOptions()), ("rules", runner.RunOptions(rules_only=True)),
                      ("only", runner.RunOptions(kinds=frozenset({"money", "date"})))):
        spent = {"bare": 0.0, "ours": 0.0}
        for n, k in enumerate(range(0, len(rows_n), 96)):
            part = rows_n[k:k + 96]
            runs = {"bare": lambda part=part: list(base.pipe([r["text"] for r in part])),
                    "ours": lambda part=part, opts=opts: list(runner.run(
                        (Article(r["id"], text=r["text"]) for r in part), opts))}
            for name in (("bare", "ours") if n % 2 == 0 else ("ours", "bare")):
                t = time.perf_counter()
                runs[name]()
                spent[name] += time.perf_counter() - t
        rb, ro = len(rows_n) / spent["bare"], len(rows_n) / spent["ours"]
        print(f"{GOALS[key][0]}: bare {rb:.1f} docs/s, summitclaims {ro:.1f} docs/s ({len(rows_n)} articles)")
        out[key] = ro / rb

    # --jobs, whole processes
    data = tmp / "jobs.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows[: args.jobs_n]), encoding="utf-8")
    j1 = [*EXE, "extract", "-q", "-f", "jsonl", "-j", "1", str(data)]
    j2 = [*EXE, "extract", "-q", "-f", "jsonl", "-j", "2", str(data)]
    t1, t2 = taking_turns(lambda: process_seconds(j1), lambda: process_seconds(j2), args.jobs_rounds)
    print(f"--jobs 1 {min(t1):.1f} s, --jobs 2 {min(t2):.1f} s ({args.jobs_n} articles, best of {args.jobs_rounds})")
    out["jobs"] = min(t1) / min(t2)

    for key, flag in (("help", "--help"), ("version", "--version")):
        process_seconds([*EXE, flag])
        out[key] = statistics.median(process_seconds([*EXE, flag]) for _ in range(args.reps))
    return out


def verdict(key: str, value: float) -> str:
    label, goal, sense = GOALS[key]
    unit = " s" if key in ("help", "version") else "x"
    if goal is None:
        return f"{label:<52} {value:6.2f}{unit}  (no goal: the full run's records) -"
    ok = value <= goal if sense == "max" else value >= goal
    return f"{label:<52} {value:6.2f}{unit}  (goal {'<=' if sense == 'max' else '>='} {goal}) {'OK' if ok else 'SHORT'}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=600, help="articles for the warm rows (--memory: N and 10*N)")
    ap.add_argument("--jobs-n", type=int, default=1000, help="articles for the --jobs row")
    ap.add_argument("--jobs-rounds", type=int, default=2, help="processes of each --jobs setting, taking turns")
    ap.add_argument("--reps", type=int, default=5, help="processes of each kind for the one-article and --help rows")
    ap.add_argument("--repeat", type=int, default=1, help="run the whole table this many times; print the spread")
    ap.add_argument("--memory", action="store_true", help="measure peak RSS for N and 10*N articles instead")
    ap.add_argument("--memory-only", default="money,dates", help="--only for the memory runs ('' = all kinds)")
    args = ap.parse_args()
    if args.memory:
        return memory(args)

    texts = [r["text"] for r in read(args.corpus, args.n)]
    print(f"{len(texts)} articles from {args.corpus.name}, {sum(map(len, texts)) / len(texts):.0f} chars on average")
    tables = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.repeat):
            if args.repeat > 1:
                print(f"\n-- run {k + 1} of {args.repeat}")
            tables.append(one_table(args, Path(tmp)))
            print()
            for key, value in tables[-1].items():
                print(verdict(key, value))
    if args.repeat > 1:
        print(f"\nspread of {args.repeat} runs (min-max):")
        for key in tables[0]:
            vals = [t[key] for t in tables]
            label, goal, sense = GOALS[key]
            worst = max(vals) if sense == "max" else min(vals)
            print(f"{label:<52} {min(vals):6.2f}-{max(vals):.2f}  {verdict(key, worst).rsplit(')', 1)[-1].strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
