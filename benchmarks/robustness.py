"""Robustness runs: every Reuters article through the pipeline, and one huge article.

    python benchmarks/robustness.py [--corpus ../shared/corpora/reuters21578.jsonl] [--jobs 2] [--limit N]
    python benchmarks/robustness.py --huge 50      # one 50 MB article: peak RSS and time
    python benchmarks/robustness.py --dates-worst  # the date finder on repeated phrases
    python benchmarks/robustness.py --finders-worst  # every finder, and the pipeline, on hostile text
    python benchmarks/robustness.py --hostile 4      # bombs, devices, endless lines: memory and errors

The first prints internal errors by exception type (the goal is none) and records by kind; the
second builds a single article of N MB from the corpus and runs the CLI on it; the third times
the date finder on texts of one phrase repeated, at two sizes: the ratio should stay near 2
(time linear in the text). The fourth does the same for the money finder, the date finder, the
quotes' surname completion and the pipeline (money and dates, then quotes) on the texts that once
made one of them quadratic, and fails if a doubling more than triples the time. The fifth runs
the CLI on each input that could exhaust memory (a gzip bomb of GIB GiB, /dev/zero, a 300 MB JSONL
line, deep JSON, an article with no full stop) under a 3 GiB address-space cap, beside a good
file, and fails unless each gives its Error line and exit code with peak RSS under 1 GB.
"""
from __future__ import annotations

import argparse
import gc
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


# Phrases that once made the date finder quadratic (a scan from the text's start per date, an
# overlap check against every date read, anchors looked up over every date before).
DATES_WORST = ("year-end ", "2024 ", "the 1990s ", "January/", "In 1985 that year ", "the same year-ago ",
               "a year earlier ", "May ", "the ", "two thousand and ")


def dates_worst(chars: int) -> int:
    import datetime as dt

    from summitclaims.normalize.dates import find

    worst = 0.0
    for phrase in DATES_WORST:
        times = []
        for size in (chars, 2 * chars):
            text = phrase * (size // len(phrase))
            started = time.perf_counter()
            n = len(find(text, dt.date(2025, 2, 11)))
            times.append(time.perf_counter() - started)
        ratio = times[1] / max(times[0], 1e-6)
        worst = max(worst, ratio)
        print(f"{phrase!r:24} {chars:>7} chars {times[0]:6.2f}s, {2 * chars:>7} chars {times[1]:6.2f}s "
              f"(x{ratio:.1f}), {n} dates")
    print(f"worst doubling ratio x{worst:.1f} (linear: about 2)")
    return 0 if worst < 3.5 else 1


# Texts that once made a finder quadratic (issue 20): runs of space-grouped numbers with each kind
# of space, a Kelvin sign (re.I reads it as "k") that made the money scan try every character, a
# run of capitals before a surname, and runs of the characters each grammar repeats.
KELVIN = "\u212a"
MONEY_WORST = ("100 ", "100\u00a0", "100\u202f", KELVIN + " 100 ", KELVIN + "1111", "$ ", "1.", "1,111 ",
               "1 USD million ", "x1,111", "\u017f", "Mr. ", "«")
QUOTES_WORST = ("A", "Ab ", "Mr. Mr. ", "«", "\" ")
# "$ 1.$ 1. ...": the parse hangs every "1.$" on one token, whose children each amount's claim reads
PIPELINE_WORST = (("money,dates", "100 "), ("money,dates", KELVIN + " 100 "), ("money,dates", "May 5 "),
                  ("money,dates", "$ 1."), ("quotes", "A"), ("quotes", "\u201cMr. Mulford "),
                  ("quotes", "\"Ab\" said Mulford "))
MAX_RATIO = 3.0         # a doubling of the text that more than triples the time is not linear
REPEATS = 3             # runs shorter than a second are timed this many times, the best kept


def _timed(run, text: str) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        gc.collect()                # the garbage of the run before is not this one's time
        started = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - started)
        if best > 1:
            break
    return best


def _doubling(label: str, phrase: str, chars: int, run) -> float:
    """Time ``run`` on ``phrase`` repeated to ``chars`` and to twice as many; print and return the ratio."""
    times = [_timed(run, phrase * max(1, size // len(phrase))) for size in (chars, 2 * chars)]
    ratio = times[1] / max(times[0], 1e-3)      # below a millisecond the ratio is noise
    flag = "" if ratio <= MAX_RATIO else "  <-- not linear"
    print(f"{label:11} {phrase!r:22} {chars:>6} chars {times[0]:6.2f}s, {2 * chars:>6} chars "
          f"{times[1]:6.2f}s (x{ratio:.1f}){flag}", flush=True)
    return ratio


def finders_worst(chars: int) -> int:
    import datetime as dt

    from summitclaims import nlp as load_nlp
    from summitclaims.api import extract_articles
    from summitclaims.io.readers import Article
    from summitclaims.normalize.dates import find
    from summitclaims.normalize.money import find_money
    from summitclaims.pipeline.quotes.candidates import complete
    from summitclaims.pipeline.quotes.tables import QuoteTables

    published = dt.date(2025, 2, 11)
    tables = QuoteTables.load("quote_cues", "quote_pronouns", "quote_gender", "quote_nouns", "roles", 8, 3, 6)
    find_money("$5"), find("May 5", published)          # the grammars are built before the clock runs
    ratios = [_doubling("money", p, chars, find_money) for p in MONEY_WORST]
    ratios += [_doubling("dates", p, chars, lambda t: find(t, published)) for p in (*DATES_WORST, "May 5 ")]
    ratios += [_doubling("quotes", p, chars, lambda t: complete(t + " Mulford", tables, "Mulford"))
               for p in QUOTES_WORST]
    nlp = load_nlp.load()
    for kinds, phrase in PIPELINE_WORST:
        def pipeline(text: str, kinds: str = kinds) -> None:
            for _ in extract_articles(nlp, [Article("worst", text=text)], published, kinds=frozenset(kinds.split(","))):
                pass
        pipeline("warm up")
        ratios.append(_doubling(kinds, phrase, chars // 2, pipeline))
    print(f"worst doubling ratio x{max(ratios):.1f} (linear: about 2; the limit x{MAX_RATIO:.0f})")
    return 0 if max(ratios) <= MAX_RATIO else 1


# -- hostile inputs through the CLI: each under a memory cap, beside a good file ---------------------

GOOD_TEXT = "Apple said on Monday it would invest $5 billion in Texas, chief executive Tim Cook said.\n"
RSS_GOAL_MB = 1024          # the bound: every case under 1 GB
AS_CAP = 3 << 30            # address-space cap of the child: a regression fails here, not the machine


def _zero_bomb(path: Path, gib: int) -> None:
    """A .gz of ``gib`` GiB of zeros, written in chunks (a few MB on disk)."""
    import zlib

    comp = zlib.compressobj(9, zlib.DEFLATED, 31)        # 31: a gzip header
    chunk = b"\0" * (1 << 24)
    with path.open("wb") as fh:
        for _ in range(gib * 64):
            fh.write(comp.compress(chunk))
        fh.write(comp.flush())


def _run_capped(args: list[str], stdin: str | None = None) -> tuple[int, float, int, int, str]:
    """(exit code, seconds, peak RSS in MB, stdout bytes, its Error lines) of the CLI under AS_CAP."""
    import ast

    code = (
        "import resource, subprocess, sys\n"
        f"def cap(): resource.setrlimit(resource.RLIMIT_AS, ({AS_CAP}, {AS_CAP}))\n"
        "stdin = open(sys.argv[1], 'rb') if sys.argv[1] != '-' else subprocess.DEVNULL\n"
        "r = subprocess.run(sys.argv[2:], stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,"
        " preexec_fn=cap)\n"
        "err = r.stderr.decode(errors='replace').strip().splitlines()\n"
        "print(r.returncode, len(r.stdout), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
        " repr(err))\n"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, stdin or "-", sys.executable, "-m", "summitclaims",
                          *args], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    rc, size, rss, err = out.stdout.split(" ", 3)
    errors = [line for line in ast.literal_eval(err) if line.startswith(("Error:", "Traceback"))]
    return int(rc), seconds, int(rss) // 1024, int(size), " | ".join(errors)[:150]


def hostile_inputs(gib: int) -> int:
    """Every reader and output worst case of issue 20, each beside a good file: exit code, time,
    peak RSS (goal: under 1 GB), output size, and the Error line it gave."""
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        good = d / "good.txt"
        good.write_text(GOOD_TEXT)
        print(f"writing a gzip bomb of {gib} GiB ...", file=sys.stderr)
        _zero_bomb(d / "bomb.txt.gz", gib)
        _zero_bomb(d / "bomb.jsonl.gz", gib)
        endless = d / "endless.jsonl"          # one 300 MB line, then a good one
        with endless.open("w") as fh:
            fh.write('{"id": "long", "text": "')
            for _ in range(300):
                fh.write("a" * 1_000_000)
            fh.write('"}\n{"id": "after", "text": "Apple paid $6 million."}\n')
        nested = d / "nested.jsonl"
        nested.write_text('{"text": "t", "x": 1e999}\n{"id": "\\ud800", "text": "t"}\n' + "[" * 200_000 + "\n"
                          + '{"id": "after", "text": "Apple paid $6 million."}\n')
        for n in (10_000, 40_000):
            (d / f"years{n}.txt").write_text("2024 " * n)
        cases: list[tuple[str, list[str], str | None, bool]] = [
            # (name, arguments, stdin file, an input is expected to fail)
            (f"gzip bomb, {gib} GiB of zeros", [str(d / "bomb.txt.gz")], None, True),
            (f"JSONL gzip bomb, {gib} GiB line", [str(d / "bomb.jsonl.gz")], None, True),
            ("/dev/zero as a path", ["/dev/zero"], None, True),
            ("/dev/urandom as a path", ["/dev/urandom"], None, True),
            ("a 300 MB JSONL line on stdin", ["--input-format", "jsonl", "-"], str(endless), True),
            ("1e999, a lone surrogate, 200,000-deep [", [str(nested)], None, True),
            ("'2024 ' x 10,000 (50 KB, no full stop)", [str(d / "years10000.txt")], None, False),
            ("'2024 ' x 40,000 (200 KB, no full stop)", [str(d / "years40000.txt")], None, False),
        ]
        print(f"{'case':44} {'exit':>4} {'s':>6} {'RSS MB':>7} {'out MB':>7}  error line")
        for name, paths, stdin, bad in cases:
            if paths[0].startswith("/dev/") and not Path(paths[0]).exists():
                continue
            # the good file beside each (a stdin case names its own good line after the bad one)
            args = ["extract", "-q", "-f", "jsonl", *paths] + ([] if stdin else [str(good)])
            rc, seconds, rss, size, err = _run_capped(args, stdin)
            ok = rss < RSS_GOAL_MB and "Traceback" not in err and rc == (1 if bad else 0) and (err or not bad)
            failures += not ok
            print(f"{name:44} {rc:>4} {seconds:6.1f} {rss:>7} {size / 1e6:>7.1f}  {err or '-'}"
                  f"{'' if ok else '   <-- FAILS'}")
    print(f"{failures} cases failed (goal: none; RSS under {RSS_GOAL_MB} MB, one Error line, no traceback)")
    return 1 if failures else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--huge", type=int, metavar="MB", default=None)
    ap.add_argument("--dates-worst", type=int, nargs="?", const=25_000, metavar="CHARS", default=None)
    ap.add_argument("--finders-worst", type=int, nargs="?", const=20_000, metavar="CHARS", default=None)
    ap.add_argument("--hostile", type=int, nargs="?", const=4, metavar="GIB", default=None)
    args = ap.parse_args()
    if args.dates_worst:
        return dates_worst(args.dates_worst)
    if args.finders_worst:
        return finders_worst(args.finders_worst)
    if args.hostile:
        return hostile_inputs(args.hostile)
    if args.huge:
        return huge(args.corpus, args.huge)
    return every_article(args.corpus, args.jobs, args.limit)


if __name__ == "__main__":
    sys.exit(main())
