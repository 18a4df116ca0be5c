"""Score normalize.money against Duckling's English AmountOfMoney test corpus.

    python benchmarks/money_duckling.py [--show] [--section fiat|crypto|all]

Cases: benchmarks/peers/duckling_money_en.jsonl (see benchmarks/peers/README.md). Each input is a
whole amount and nothing else, so a case passes only when ``find_money`` gives exactly one amount and
it is the expected one: its value (``between``: low and high; ``under``: qualifier less_than or up_to;
``above``: more_than or at_least), and its currency where Duckling names one. Duckling's generic units
accept any currency of their family or None ("dollars" need not be USD); Cent accepts 10 or 0.10 (USD
or None). The negative case passes when nothing is found. --show prints every failure and what was found.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from summitclaims.normalize.money import find_money
from summitclaims.values import Money

CASES = Path(__file__).resolve().parent / "peers" / "duckling_money_en.jsonl"
DOLLARS = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "JMD", "TTD", "BZD", "BSD", "BBD", "BMD",
           "BND", "FJD", "GYD", "KYD", "LRD", "NAD", "SBD", "SRD", "XCD", "ZWD", "ZWL"}
DINARS = {"KWD", "BHD", "IQD", "JOD", "LYD", "TND", "DZD", "RSD"}
# Duckling's generic units -> currencies they may resolve to (None: no check, Unnamed is "bucks").
FAMILIES: dict[str, set[str | None] | None] = {
    "Dollar": DOLLARS | {None}, "Cent": {"USD", None}, "Pound": {"GBP", "EGP", "LBP", None},
    "Riyal": {"SAR", "QAR", None}, "Rial": {"IRR", "OMR", "YER", None}, "Dinar": DINARS | {None},
    "Unnamed": None,
}
QUALIFIERS = {"under": {"less_than", "up_to"}, "above": {"more_than", "at_least"}}


def same(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-9)


def currency_ok(case: dict[str, Any], m: Money) -> bool:
    if case["iso"]:
        return m.currency == case["iso"]
    allowed = FAMILIES[case["unit"]]
    return allowed is None or m.currency in allowed


def failure(case: dict[str, Any], found: list[Money]) -> str | None:
    """Why the case fails (None: it passes)."""
    if "expect" in case:
        return f"found {len(found)}, expected none" if found else None
    if len(found) != 1:
        return f"found {len(found)} amounts"
    m, kind = found[0], case["kind"]
    if kind == "between":
        if not (same(m.low, case["low"]) and same(m.high, case["high"])):
            return "wrong range"
    else:
        want = case["value"]
        # Duckling's Cent 10 is "10 cents"; our reading is 0.10 of the currency: both count.
        wants = (want, want / 100) if case["cent"] else (want,)
        if not any(same(m.value, w) for w in wants):
            return "wrong value"
        if kind in QUALIFIERS and m.qualifier not in QUALIFIERS[kind]:
            return "wrong qualifier"
    if not currency_ok(case, m):
        return "wrong currency"
    return None


def describe(m: Money) -> str:
    amount = f"{m.low}-{m.high}" if m.low is not None else f"{m.value}"
    return f"{m.raw!r}={amount} {m.currency} {m.qualifier or ''}".rstrip()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every failure and what was found")
    ap.add_argument("--section", choices=("fiat", "crypto", "all"), default="all")
    args = ap.parse_args(argv)
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    passed: dict[str, int] = {"fiat": 0, "crypto": 0}
    total: dict[str, int] = {"fiat": 0, "crypto": 0}
    for case in cases:
        section = case["section"]
        if args.section not in ("all", section):
            continue
        found = [m for _, _, m in find_money(case["input"])]
        why = failure(case, found)
        total[section] += 1
        passed[section] += why is None
        if why is not None and args.show:
            expected = (f"{case['low']}-{case['high']}" if case["kind"] == "between"
                        else case.get("value", "nothing"))
            got = "; ".join(describe(m) for m in found) or "-"
            print(f"FAIL [{section}] {case['input']!r}: {why} | want {case['kind']} {expected} "
                  f"{case['unit']} | got {got}")
    sections = [s for s in ("fiat", "crypto") if args.section in ("all", s)]
    if args.section == "all":
        passed["all"], total["all"] = sum(passed.values()), sum(total.values())
        sections.append("all")
    for s in sections:
        share = passed[s] / total[s] if total[s] else 0.0
        print(f"{s:<7} {passed[s]:>3}/{total[s]:<3} ({share:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
