"""Validate the claim dev set and print its counts.

    python benchmarks/dev/claims/check.py [--corpus ../shared/corpora/reuters21578.jsonl]

Every gold amount's ``text`` must equal its text at [char_start:char_end] (Reuters-21578 texts are
read from the corpus by id; without the corpus they are skipped, said so), with a known type, an
ISO 8601 period or null, a three-letter currency and a number or a low/high range.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"commitment", "revenue", "valuation", "price", "rate", "other"}
PERIOD = re.compile(r"P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE.parents[3] / "shared" / "corpora" / "reuters21578.jsonl")
    args = ap.parse_args()
    gold = [json.loads(line) for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = (HERE / "texts.jsonl").read_text(encoding="utf-8").splitlines()
    texts = {t["id"]: t["text"] for t in map(json.loads, lines)}
    reuters = {g["id"] for g in gold if g["source"] == "reuters21578"}
    if args.corpus.exists():
        for line in args.corpus.open(encoding="utf-8"):
            rec = json.loads(line)
            if rec["id"] in reuters:
                texts[rec["id"]] = rec["text"]
    else:
        print(f"{args.corpus}: not found; the {len(reuters)} Reuters texts are not checked", file=sys.stderr)
    errors, types, sources = [], Counter(), Counter()
    for g in gold:
        sources[g["source"]] += 1
        text = texts.get(g["id"])
        for a in g["amounts"]:
            where = f"{g['id']} {a.get('text')!r}"
            types[a.get("type")] += 1
            if text is not None and text[a["char_start"]:a["char_end"]] != a["text"]:
                errors.append(f"{where}: offsets do not give the text")
            if a.get("type") not in TYPES:
                errors.append(f"{where}: type {a.get('type')!r}")
            if a.get("period") is not None and not PERIOD.fullmatch(a["period"]):
                errors.append(f"{where}: period {a['period']!r}")
            if not re.fullmatch(r"[A-Z]{3}", a.get("currency") or ""):
                errors.append(f"{where}: currency {a.get('currency')!r}")
            v = a.get("value")
            if not (isinstance(v, (int, float)) or isinstance(v, dict) and {"low", "high"} <= set(v)
                    or {"low", "high"} <= set(a)):
                errors.append(f"{where}: no value")
            if a.get("new") not in (True, False, None):
                errors.append(f"{where}: new {a.get('new')!r}")
    print(f"{len(gold)} documents ({', '.join(f'{k} {v}' for k, v in sorted(sources.items()))}), "
          f"{sum(types.values())} amounts: " + ", ".join(f"{k} {v}" for k, v in types.most_common()))
    for e in errors:
        print("  " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
