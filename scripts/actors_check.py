#!/usr/bin/env python3
"""Actor records on real newswire: counts by label and a sample to eyeball for precision.

Usage: scripts/actors_check.py [CORPUS.jsonl] [--n 200] [--skip 0] [--show 100] [--seed 5]
CORPUS: one article a line, {"id", "published", "text"} (e.g. Reuters-21578 as JSONL).
Prints counts by label, then --show randomly chosen actor records (name, label, surface forms,
first sentence) for a reader to mark right or wrong; nothing is scored automatically.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import time


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpora/reuters21578.jsonl")
    ap.add_argument("--n", type=int, default=200, help="articles to read")
    ap.add_argument("--skip", type=int, default=0, help="articles to skip first")
    ap.add_argument("--min-words", type=int, default=60, help="skip shorter articles (tables, one-liners)")
    ap.add_argument("--show", type=int, default=100, help="actor records to print for eyeballing")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--dump", help="write all actor records (JSONL) here")
    args = ap.parse_args(argv)

    from summitclaims import nlp as _nlp
    from summitclaims.api import parse_published, process
    from summitclaims.records import doc_records

    nlp = _nlp.load()
    arts = []
    with open(args.corpus, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < args.skip:
                continue
            art = json.loads(line)
            if len(art.get("text", "").split()) < args.min_words:
                continue
            arts.append(art)
            if len(arts) >= args.n:
                break
    t0 = time.perf_counter()
    recs = []
    for art in arts:
        doc = process(nlp, art["text"], parse_published(art.get("published")), art["id"])
        recs.extend(r for r in doc_records(doc) if r["kind"] == "actor")
    took = time.perf_counter() - t0
    by_label = collections.Counter(r["label"] for r in recs)
    print(f"{len(arts)} articles, {len(recs)} actor records, {took:.1f}s")
    for label, n in by_label.most_common():
        print(f"  {label:7s} {n}")
    print(f"  with role: {sum(1 for r in recs if r['role'])}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for r in recs:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    rng = random.Random(args.seed)
    sample = rng.sample(recs, min(args.show, len(recs)))
    for n, r in enumerate(sample, 1):
        sent = " ".join((r["sentence"] or "").split())[:160]
        role = f" role={r['role']!r}" if r["role"] else ""
        print(f"{n:3d} {r['doc']} {r['label']:6s} {r['name']!r} aliases={r['aliases']}{role}\n      | {sent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
