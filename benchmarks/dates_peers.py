#!/usr/bin/env python3
"""How far our date resolver agrees with Microsoft Recognizers-Text's English date specs.

    python benchmarks/dates_peers.py [PATH]   # default ../shared/peers/recognizers_dates_en.jsonl

Each expected entity whose resolution is a day or a range of whole days/months/quarters/years is a
case; times, durations, sets and week-based ranges are out of scope (counted, not scored). The
resolver gets the entity's text and the case's reference date; a case matches when (start, end)
equals one of the peer's resolutions (they give past and future readings of "Friday"; their range
end is exclusive, ours inclusive; yet for day spans, "3 to 12 of Sept", they end on the 11th where
we end on the 12th, so both ends count there). dateparser alone is shown beside it: it can only give one day,
so it matches day cases only. Peer cases that contradict our documented conventions ("next 2 days"
is a duration to us) count as misses here; the share is reported, not asserted.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path

from summitclaims.normalize.dates import resolve

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "peers" / "recognizers_dates_en.jsonl"


def _d(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def readings(entity: dict) -> tuple[str, list[tuple[dt.date, dt.date]]] | None:
    """(kind, [(start, end inclusive), ...]) for supported entities; None otherwise."""
    typ = entity.get("type", "").replace("datetimeV2.", "")
    if typ not in ("date", "daterange"):
        return None
    value = entity.get("value")
    out = []
    if isinstance(value, dict) and "Timex" in value:             # DateParser/DatePeriodParser specs
        timex = value["Timex"]
        for key in ("PastResolution", "FutureResolution"):
            r = value.get(key) or {}
            if typ == "date":
                out.append((_d(r.get("date")), _d(r.get("date"))))
            else:
                e = _d(r.get("endDate"))
                out.append((_d(r.get("startDate")), e - dt.timedelta(days=1) if e else None))
                if "D)" in timex:
                    out.append((_d(r.get("startDate")), e))
    else:                                                         # DateTimeModel/MergedParser specs
        items = value.get("values", []) if isinstance(value, dict) else value or []
        timex = items[0].get("timex", "") if items else ""
        for r in items:
            if typ == "date":
                out.append((_d(r.get("value")), _d(r.get("value"))))
            else:
                e = _d(r.get("end"))
                out.append((_d(r.get("start")), e - dt.timedelta(days=1) if e else None))
                if "D)" in timex:
                    out.append((_d(r.get("start")), e))
    if "W" in timex or "T" in timex or any(None in r for r in out) or not out:
        return None                                               # weeks, times, unresolved
    return typ, out


def dateparser_day(text: str, ref: dt.datetime):
    import dateparser

    got = dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": ref})
    return got.date() if got else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--show", type=int, default=0, help="print this many of our misses")
    args = ap.parse_args()
    try:
        rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError as exc:
        print(f"cannot read {args.path}: {exc}", file=sys.stderr)
        return 2
    ours, theirs, total, skipped = Counter(), Counter(), Counter(), Counter()
    misses = []
    t_ours = t_dp = 0.0
    for row in rows:
        ref = dt.datetime.fromisoformat(row["reference"])
        for ent in row.get("expected", ()):
            got = readings(ent)
            if got is None:
                skipped[ent.get("type", "?").replace("datetimeV2.", "")] += 1
                continue
            kind, wanted = got
            total[kind] += 1
            t0 = time.perf_counter()
            v = resolve(ent["text"], ref.date())
            t1 = time.perf_counter()
            day = dateparser_day(ent["text"], ref)
            t_dp += time.perf_counter() - t1
            t_ours += t1 - t0
            if (v.start, v.end) in wanted:
                ours[kind] += 1
            else:
                misses.append(f"{ent['text']!r} ref {ref.date()}: got {v.start}..{v.end}, want {wanted[0][0]}..{wanted[0][1]}")
            if day is not None and (day, day) in wanted:
                theirs[kind] += 1
    n = sum(total.values())
    print(f"{'type':<10} {'cases':>6} {'ours':>7} {'dateparser':>11}")
    for kind in sorted(total):
        print(f"{kind:<10} {total[kind]:>6} {ours[kind] / total[kind]:>7.1%} {theirs[kind] / total[kind]:>11.1%}")
    print(f"{'all':<10} {n:>6} {sum(ours.values()) / max(n, 1):>7.1%} {sum(theirs.values()) / max(n, 1):>11.1%}")
    print(f"time: ours {t_ours:.2f}s, dateparser {t_dp:.2f}s; out of scope: {dict(skipped)}")
    for line in misses[:args.show]:
        print("  miss", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
