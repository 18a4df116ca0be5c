"""Does `--only KINDS` emit exactly the full run's records of those kinds? And at what speed?

    python benchmarks/only_equal.py [--corpus ../shared/corpora/reuters21578.jsonl] [--n 2000]
                                    [--combos actors money dates quotes money,dates ...] [--no-published]

Runs summitclaims in-process over the first N articles (read as the CLI reads JSONL, so the
"published" key is given; --no-published drops it, so datelines decide the date), once with every
kind and once per --only combination, and prints per combination the records that differ from the
full run's records of those kinds (the document record included), the same count with the
`sentence` field left out, which fields differ, and the docs/s of each run. The combination
``rules-only`` (``--rules-only``: money and dates without the model) is shown for what it changes;
it is not meant to be equal, so its differences do not fail the run.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "reuters21578.jsonl"
DEFAULT_COMBOS = ("actors", "money", "dates", "quotes", "money,dates", "actors,quotes", "dates,quotes")


def read(corpus: Path, n: int, published: bool):
    from summitclaims.io.readers import ReadOptions, jsonl_articles

    with corpus.open("rb") as fh:
        lines = list(islice(fh, n))
    opts = ReadOptions() if published else ReadOptions(published_key="\0none")
    return list(jsonl_articles(corpus.name, lines, opts))


def run(arts, kinds, rules_only=False):
    """doc id -> its records, and docs/s."""
    from summitclaims import runner

    out: dict[str, list[dict]] = {}
    t = time.perf_counter()
    for art, recs in runner.run(iter(arts), runner.RunOptions(kinds=kinds, rules_only=rules_only)):
        out.setdefault(art.doc_id, []).extend(recs)
    return out, len(arts) / (time.perf_counter() - t)


def _key(rec: dict, drop: tuple[str, ...]) -> str:
    return json.dumps({k: v for k, v in rec.items() if k not in drop}, sort_keys=True, default=str)


def differing(want: list[dict], got: list[dict], drop: tuple[str, ...] = ()) -> int:
    """Records of either side without an equal record on the other (a changed record counts once)."""
    a, b = Counter(_key(r, drop) for r in want), Counter(_key(r, drop) for r in got)
    return max(sum((a - b).values()), sum((b - a).values()))


def fields(want: list[dict], got: list[dict]) -> Counter:
    """kind.field -> how often it differs, between records at the same place."""
    at = {(r["kind"], r.get("char_start"), r.get("char_end")): r for r in got}
    out: Counter = Counter()
    for r in want:
        other = at.get((r["kind"], r.get("char_start"), r.get("char_end")))
        if other is None:
            out[f"{r['kind']}.<missing>"] += 1
            continue
        for k in set(r) | set(other):
            if r.get(k) != other.get(k):
                out[f"{r['kind']}.{k}"] += 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--combos", nargs="+", default=list(DEFAULT_COMBOS))
    ap.add_argument("--no-published", action="store_true", help="drop the JSONL published key")
    args = ap.parse_args()

    from summitclaims import nlp as _nlp
    from summitclaims.kinds import parse_kinds

    arts = read(args.corpus, args.n, not args.no_published)
    print(f"{len(arts)} articles from {args.corpus.name}"
          f"{' (published key dropped)' if args.no_published else ''}")
    # lazy data (FX rates, rule tables) loads on first use: not inside the first timing
    nlp = _nlp.load()
    run(arts[:32], None)
    full, full_rate = run(arts, None)
    n_full = sum(len(r) for r in full.values())
    print(f"{'full run':<16} {full_rate:7.1f} docs/s  {n_full} records")
    print(f"{'--only':<16} {'docs/s':>7} {'x full':>7} {'records':>8} {'differ':>7} {'-sentence':>9}  "
          f"fields (pipes run)")
    bad = 0
    for combo in args.combos:
        rules_only = combo == "rules-only"
        kinds = parse_kinds("money,dates" if rules_only else combo)
        got, rate = run(arts, kinds, rules_only)
        keep = set(kinds) | {"document"}
        n = diff = diff_ns = 0
        where: Counter = Counter()
        for doc_id, recs in full.items():
            want = [r for r in recs if r["kind"] in keep]
            mine = got.get(doc_id, [])
            n += len(mine)
            diff += differing(want, mine)
            diff_ns += differing(want, mine, ("sentence",))
            where += fields(want, mine)
        bad += 0 if rules_only else diff
        pipes = list(_nlp.pipes_for(nlp, kinds, rules_only))
        print(f"{combo:<16} {rate:7.1f} {rate / full_rate:6.2f}x {n:8d} {diff:7d} {diff_ns:9d}  "
              f"{dict(where.most_common(6)) or '-'}  ({len(pipes)}: {', '.join(pipes)})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
