"""The currency of shared words ("dlrs", "crowns", "francs", "rupees") in stories from many
countries, against a hand-annotated dev set of Reuters-21578 amounts.

    python benchmarks/money_context.py [--set money_context|money_context_fresh] [--show]

Each gold amount (``id``, character ``start``/``end`` in the article's text, ``currency`` as a
careful reader decides it, ``cue``: what tells) is matched to the finder's amount that overlaps it;
it counts right when the currencies are equal. Amounts the annotator marked "?" are left out.
The texts are read by id from ../shared/corpora/reuters21578.jsonl (research use, not copied here).
Run it with another checkout's ``src`` on PYTHONPATH to score that version the same way.
"""
from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
from collections import Counter
from pathlib import Path

from summitclaims.normalize.money import find_money

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"
DEV = ROOT / "benchmarks" / "dev"


def _find(text: str, published: dt.date):
    if "published" in inspect.signature(find_money).parameters:
        return find_money(text, published)
    return find_money(text)          # a version before story context


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="money_context", choices=("money_context", "money_context_fresh"),
                    help="the dev set: the one the rules were written on, or the fresh one")
    ap.add_argument("--gold", type=Path, help="another gold file")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--show", action="store_true", help="list every wrong amount")
    args = ap.parse_args()
    path = args.gold or DEV / args.set / "gold.jsonl"
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {g["id"] for g in gold}
    texts = {}
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in wanted:
                texts[a["id"]] = a
    found_cache: dict[str, list] = {}
    right, total = Counter(), Counter()
    for g in gold:
        if g["currency"] == "?":
            continue
        art = texts[g["id"]]
        assert art["text"][g["start"]:g["end"]] == g["raw"], g
        if g["id"] not in found_cache:
            found_cache[g["id"]] = _find(art["text"], dt.date.fromisoformat(art["published"]))
        hits = [m for s, e, m in found_cache[g["id"]] if s < g["end"] and g["start"] < e]
        got = hits[0].currency if hits else "(no amount)"
        ok = got == g["currency"]
        for key in ("all", f"cue={g['cue']}"):
            total[key] += 1
            right[key] += ok
        if args.show and not ok:
            print(f"WRONG {g['id']} {g['raw']!r} ({g['dateline']}, {g['cue']}): want {g['currency']}, got {got}"
                  f" - {g.get('note', '')}")
    for key in sorted(total, key=lambda k: (k != "all", k)):
        print(f"{key:<22} {right[key]}/{total[key]} ({right[key] / total[key]:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
