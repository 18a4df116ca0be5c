"""Measure normalize.money against Recognizers-Text's English currency spec (peer test cases).

    python benchmarks/money_peers.py [PEERS_DIR] [-v]

PEERS_DIR defaults to ../shared/peers (relative to the repository). For each expected amount we count
a match when one of our amounts overlaps its span with the same value and, where the peer gives an
ISO code, the same currency. Deliberate differences from the peer's expectations:
- their qualifiers sit outside their spans ("about $ 14 million"); ours include them: overlap is enough;
- cents and pence are fractions of their currency for us ("50 cents" = 0.5 USD; they say 50);
- a bare currency word without a number ("dollar") is not an amount for us: such cases are skipped.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from summitclaims.normalize.money import find_money

MINOR_UNITS = {"Cent", "Pence", "Penny"}
FILES = ("recognizers_currency_en.jsonl", "recognizers_currency_en_python_unsupported.jsonl")


def same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def score_file(path: Path, verbose: bool) -> tuple[int, int]:
    hits = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        text = case["input"]
        found = find_money(text)
        for exp in case["expected"]:
            if exp.get("value") is None:
                continue
            total += 1
            want = float(exp["value"])
            if exp.get("unit") in MINOR_UNITS:
                want /= 100
            ok = False
            for start, end, m in found:
                if start >= exp["end"] or end <= exp["start"]:
                    continue
                if not same(m.value, want):
                    continue
                if exp.get("currency_iso") and m.currency != exp["currency_iso"]:
                    continue
                ok = True
                break
            hits += ok
            if verbose and not ok:
                got = [(text[s:e], m.value, m.currency) for s, e, m in found]
                print(f"  MISS {exp['text']!r} {want} {exp.get('currency_iso')} | got {got}")
    return hits, total


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    root = Path(args[0]) if args else Path(__file__).resolve().parents[1].parent / "shared" / "peers"
    for name in FILES:
        path = root / name
        if not path.exists():
            print(f"{path}: not found", file=sys.stderr)
            return 2
        hits, total = score_file(path, verbose)
        share = hits / total if total else 0.0
        print(f"{name}: {hits}/{total} matched ({share:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
