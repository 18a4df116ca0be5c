"""Measure normalize.money against Recognizers-Text's English currency spec, side by side with
price-parser and quantulum3 on the same cases.

    python benchmarks/money_peers.py [PEERS_DIR] [-v]

PEERS_DIR defaults to ../shared/peers (relative to the repository). A third table, the forms listed in
issue 3 (newsroom styles), is built in. For each expected amount we count a match when one of the
extractor's amounts overlaps its span with the same value and, where the case gives an ISO code, the
same currency; summitclaims' amounts that overlap no expected span are counted as extra (price-parser
gives no spans, and quantulum3's extras are not ours to count). Peers missing from the environment
are reported as "not installed"; the peers live in a separate venv (``pip install -e .[bench]``:
price-parser, quantulum3), never in the project's.

Deliberate differences from the peer's expectations:
- their qualifiers sit outside their spans ("about $ 14 million"); ours include them: overlap is enough;
- cents and pence are fractions of their currency for us ("50 cents" = 0.5 USD; they say 50): for
  every extractor either reading counts;
- a bare currency word without a number ("dollar") is not an amount for us: such cases are skipped.
How the peers are run:
- price-parser finds one price per string and gives no span: its price counts when its value (and its
  currency, mapped from the symbol through patterns/currencies.jsonl) equals an expected amount;
- quantulum3 runs without its unit classifier when that classifier cannot be loaded (its pickled
  model breaks on newer scikit-learn); only quantities whose unit is a currency count.
"""
from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Callable, Iterable

from summitclaims import resources
from summitclaims.normalize.money import find_money

MINOR_UNITS = {"Cent", "Pence", "Penny"}
FILES = ("recognizers_currency_en.jsonl", "recognizers_currency_en_python_unsupported.jsonl")

# (text, value, ISO) for the forms issue 3 lists; invented sentences.
ISSUE_CASES = [
    ("They paid $5.6 million.", 5.6e6, "USD"), ("a fund of €200 billion", 200e9, "EUR"),
    ("EUR200 billion for chips", 200e9, "EUR"), ("a loan of USD 5m", 5e6, "USD"),
    ("tickets at 20€ each", 20, "EUR"), ("raised US$4.7 billion", 4.7e9, "USD"),
    ("a C$2 billion deal", 2e9, "CAD"), ("an A$300 million mine", 300e6, "AUD"),
    ("profit of £1.2bn", 1.2e9, "GBP"), ("sales of ¥500 billion", 500e9, "JPY"),
    ("worth Rs 500 crore", 5e9, "INR"), ("worth ₹20 lakh", 2e6, "INR"), ("HK$3bn in bonds", 3e9, "HKD"),
    ("S$1bn in bonds", 1e9, "SGD"), ("CHF 20 million in fees", 20e6, "CHF"),
    ("5 billion yuan of credit", 5e9, "CNY"), ("RMB 3bn of credit", 3e9, "CNY"),
    ("323 million euros", 323e6, "EUR"), ("361 million pounds sterling", 361e6, "GBP"),
    ("35 lakh rupees", 3.5e6, "INR"), ("five million yen", 5e6, "JPY"),
    ("net profit 120 mln dlrs", 120e6, "USD"), ("a loss of 1.5 billion stg", 1.5e9, "GBP"),
    ("$1.5 trillion of debt", 1.5e12, "USD"), ("a €2tn plan", 2e12, "EUR"),
    ("€1.5bn for research", 1.5e9, "EUR"), ("$30bn in chips", 30e9, "USD"), ("£300m a year", 300e6, "GBP"),
    ("two billion dollars", 2e9, "USD"), ("a billion euros", 1e9, "EUR"),
    ("half a billion dollars", 5e8, "USD"), ("a 109-billion-euro investment", 109e9, "EUR"),
    ("a $5-billion deal", 5e9, "USD"), ("a 6 billion euro fund", 6e9, "EUR"),
    ("up to $500 billion", 500e9, "USD"), ("more than 1.2 billion euros", 1.2e9, "EUR"),
    ("shares rose 12p", 0.12, "GBP"), ("up 5 cents", 0.05, "USD"),
    ("Siemens will invest 1,5 billion euros", 1.5e9, "EUR"), ("EUR 1.234,5 million", 1234.5e6, "EUR"),
    ("a 10 000 euro fine", 1e4, "EUR"), ("DM 5 billion", 5e9, "DEM"),
]


def same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


# --- extractors: text -> [(start | None, end | None, value, iso | None)] ------------------------------
def ours(text: str) -> list[tuple]:
    return [(s, e, m.value, m.currency) for s, e, m in find_money(text)]


def _symbol_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in resources.load_patterns("currencies"):
        iso = row.get("iso")
        if not iso:
            continue
        for key in ("prefix", "suffix", "spaced", "codes", "words"):
            for s in row.get(key, ()):
                table.setdefault(" ".join(s.lower().split()), iso)
    table["$"] = "USD"
    return table


def price_parser_peer() -> Callable[[str], list[tuple]] | None:
    try:
        from price_parser import Price
    except ImportError:
        return None
    symbols = _symbol_table()

    def run(text: str) -> list[tuple]:
        p = Price.fromstring(text)
        if p.amount is None:
            return []
        iso = symbols.get(" ".join((p.currency or "").lower().split())) if p.currency else None
        return [(None, None, float(p.amount), iso)]

    return run


def quantulum_peer() -> Callable[[str], list[tuple]] | None:
    try:
        from quantulum3 import classifier, parser
    except Exception:  # noqa: BLE001 - ImportError, or a broken optional install
        return None
    warnings.filterwarnings("ignore")
    try:
        parser.parse("It costs $5 and about 5 kg.")
    except Exception:  # noqa: BLE001 - pickled classifier vs newer scikit-learn
        classifier.USE_CLF = False

    def run(text: str) -> list[tuple]:
        out = []
        try:
            found = parser.parse(text)
        except Exception:  # noqa: BLE001
            return []
        for q in found:
            if getattr(q.unit.entity, "name", None) != "currency":
                continue
            out.append((q.span[0], q.span[1], float(q.value), getattr(q.unit, "currency_code", None)))
        return out

    return run


# --- scoring --------------------------------------------------------------------------------------------
def cases_of_file(path: Path) -> Iterable[tuple[str, list[dict]]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            yield case["input"], case["expected"]


def issue_cases() -> Iterable[tuple[str, list[dict]]]:
    for text, value, iso in ISSUE_CASES:
        yield text, [{"text": text, "value": value, "currency_iso": iso, "start": 0, "end": len(text)}]


def score(cases, extract, verbose: bool, name: str) -> tuple[int, int, int]:
    """(expected amounts found, expected amounts, extra amounts): an extra amount overlaps no span
    the case expects (a bare currency word the case expects without a value counts as expected)."""
    hits = total = extra = 0
    for text, all_expected in cases:
        expected = [e for e in all_expected if e.get("value") is not None]
        found = extract(text)
        for start, end, value, iso in found:
            if start is not None and not any(start < e["end"] and e["start"] < end for e in all_expected):
                extra += 1
                if verbose:
                    print(f"  [{name}] EXTRA {text[start:end]!r} {value} {iso} in {text!r}")
        used: set[int] = set()
        for exp in expected:
            total += 1
            want = float(exp["value"])
            wants = (want, want / 100) if exp.get("unit") in MINOR_UNITS else (want,)
            ok = False
            for k, (start, end, value, iso) in enumerate(found):
                if k in used:
                    continue
                if start is not None and (start >= exp["end"] or end <= exp["start"]):
                    continue
                if not any(same(value, w) for w in wants):
                    continue
                if exp.get("currency_iso") and iso != exp["currency_iso"]:
                    continue
                ok = True
                used.add(k)
                break
            hits += ok
            if verbose and not ok:
                print(f"  [{name}] MISS {exp['text']!r} {want} {exp.get('currency_iso')} | got {found}")
    return hits, total, extra


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    root = Path(args[0]) if args else Path(__file__).resolve().parents[1].parent / "shared" / "peers"
    extractors = {"summitclaims": ours, "price-parser": price_parser_peer(), "quantulum3": quantulum_peer()}
    tables = []
    for name in FILES:
        path = root / name
        if not path.exists():
            print(f"{path}: not found", file=sys.stderr)
            return 2
        tables.append((name, lambda path=path: cases_of_file(path)))
    tables.append(("issue-3 forms (built in)", issue_cases))
    width = max(len(n) for n, _ in tables)
    print(f"{'cases':<{width}}  " + "  ".join(f"{n:>22}" for n in extractors))
    for name, cases in tables:
        cells = []
        for peer, extract in extractors.items():
            if extract is None:
                cells.append(f"{'not installed':>22}")
                continue
            hits, total, extra = score(cases(), extract, verbose and peer == "summitclaims", peer)
            share = hits / total if total else 0.0
            more = f", {extra} extra" if peer == "summitclaims" else ""
            cells.append(f"{f'{hits}/{total} ({share:.1%}){more}':>22}")
        print(f"{name:<{width}}  " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
