#!/usr/bin/env python3
"""How far our date resolver agrees with Microsoft Recognizers-Text's English date specs.

    python benchmarks/dates_peers.py [PATH]   # default ../shared/peers/recognizers_dates_en.jsonl

Each expected entity whose resolution is a day or a range of whole days/months/quarters/years is a
case; times, durations, sets and week-based ranges are out of scope (counted, not scored). The
resolver gets the entity's text and the case's reference date; a case matches when (start, end)
equals one of the peer's resolutions (they give past and future readings of "Friday"; their range
end is exclusive, ours inclusive; yet for day spans, "3 to 12 of Sept", they end on the 11th where
we end on the 12th, so both ends count there). Peer answers of 0001-01-01 mean "not a valid date"
("Feb 30"): there a case matches when we give no date. dateparser alone is shown beside it: it can
only give one day, so it matches day cases only.

A miss where our answer follows one of our documented conventions (normalize/dates/__init__.py docstring,
pinned by tests/dates/test_dates_conventions.py) and the peers' answer follows theirs is counted apart as
"differs by convention", never as a match; each convention is checked against our answer (e.g. for
"two years ago" our year must contain their day), so a wrong answer stays a miss. The share is
reported, not asserted; --show prints the misses grouped by family.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter, defaultdict
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


# Families of cases, to see where the misses are (first match wins; on the lower-cased text).
GROUPS = [
    ("holiday", r"christmas|new year|halloween|independence|juneteenth|freedom day|jubilee|workers|may day"
                r"|yuandan|black friday|thanksgiving|easter"),
    ("duration/offset", r"\b(?:next|last|past|in|within)\s+(?:\d+|a|an|one|two|three|few|several)"
                        r"\s*(?:day|week|month|year)"
                        r"|\bago\b|\bfrom (?:now|today|tomorrow|yesterday)|\bafter (?:today|tomorrow)"
                        r"|rest |remain|to date"),
    ("weekday", r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"),
    ("relative day", r"\b(?:day|today|tomorrow|yesterday|now|otd)\b"),
    ("range", r"\b(?:from|between|to|till|until)\b|\d\s*-\s*\w|[a-z]\s*-\s*[a-z\d]"),
    ("written number", r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
                       r"|first|second|third|fifth|eleventh|nineteen|thousand)\b"),
    ("numeric", r"^[\d\s/.,=-]+$"),
    ("day of month", r"\b\d{1,2}(?:st|nd|rd|th)?\b"),
    ("quarter/half/part", r"quarter|half|\bq\d|early|late|mid|end of|beginning|eoy"),
    ("month/year/week", r"."),
]
_GROUPS = [(name, re.compile(rx)) for name, rx in GROUPS]
_WD = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"


def group_of(text: str) -> str:
    low = text.lower()
    return next(name for name, rx in _GROUPS if rx.search(low))


def _month_end(x: dt.date) -> dt.date:
    nxt = (x.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def convention(text: str, got: tuple, wanted: list) -> str | None:
    """Name of our documented convention that explains this miss, checked against our answer."""
    low, (s, e) = text.lower().strip(), got
    for ws, we in wanted:
        if s is None:
            if re.match(r"(?:earlier|later)\s+(?:this|in the)\s+(?:year|month|week)$", low):
                return "vague phrases are not dates"
            continue
        if re.match(rf"(?:last|next|previous|following|this)\s+{_WD}$", low) and s == e \
                and abs((s - ws).days) == 7:
            return "last/next weekday = the nearest one, not the one in the previous/next week"
        if re.search(r"\bago$", low) and s <= ws <= e and s != e:
            return "N months/years ago = that whole month/year"
        if re.match(r"last\s+[a-z]+\.?$", low) and (s.replace(year=s.year - 1), e.replace(year=e.year - 1)) == (ws, we):
            return "last <month> = the most recent one"
        if s == ws and e == _month_end(we + dt.timedelta(days=1)) and e != we and s.day == 1:
            return "month ranges include their last month"
        if re.search(r"early|late|end|mid|beginning", low) and ws <= s <= e <= we and (s == ws or e == we):
            return "early/mid/late = thirds of a year, of a month"
        if re.fullmatch(r"\d{1,2}\.\d{1,2}", low) and s == e and (s.month, s.day) == (ws.day, ws.month):
            return "day.month with a dot"
    return None


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
    g_total, g_ours, g_conv, conv = Counter(), Counter(), Counter(), Counter()
    misses = defaultdict(list)
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
            if day is not None and (day, day) in wanted:
                theirs[kind] += 1
            group = group_of(ent["text"])
            g_total[group] += 1
            invalid = all(w[0] == dt.date(1, 1, 1) for w in wanted)      # "Feb 30": no date
            if (v.start is None) if invalid else (v.start, v.end) in wanted:
                ours[kind] += 1
                g_ours[group] += 1
                continue
            why = None if invalid else convention(ent["text"], (v.start, v.end), wanted)
            if why:
                conv[why] += 1
                g_conv[group] += 1
            misses[why or group].append(f"{ent['text']!r} ref {ref.date()}: got {v.start}..{v.end}, "
                                        f"want {wanted[0][0]}..{wanted[0][1]}")
    n = sum(total.values())
    print(f"{'type':<10} {'cases':>6} {'ours':>7} {'dateparser':>11}")
    for kind in sorted(total):
        print(f"{kind:<10} {total[kind]:>6} {ours[kind] / total[kind]:>7.1%} {theirs[kind] / total[kind]:>11.1%}")
    print(f"{'all':<10} {n:>6} {sum(ours.values()) / max(n, 1):>7.1%} {sum(theirs.values()) / max(n, 1):>11.1%}")
    print(f"time: ours {t_ours:.2f}s, dateparser {t_dp:.2f}s; out of scope: {dict(skipped)}")
    n_conv = sum(conv.values())
    print(f"differs by convention: {n_conv} ({n_conv / max(n, 1):.1%}); other misses: "
          f"{n - sum(ours.values()) - n_conv} ({(n - sum(ours.values()) - n_conv) / max(n, 1):.1%})")
    for why, k in conv.most_common():
        print(f"  {k:>4}  {why}")
    print(f"\n{'family':<20} {'cases':>6} {'ours':>7} {'convention':>11}")
    for group, _ in GROUPS:
        if g_total[group]:
            print(f"{group:<20} {g_total[group]:>6} {g_ours[group] / g_total[group]:>7.1%} "
                  f"{g_conv[group] / g_total[group]:>11.1%}")
    shown = 0
    for key, lines in sorted(misses.items(), key=lambda kv: -len(kv[1])):
        if shown >= args.show:
            break
        print(f"\n[{key}] {len(lines)}")
        for line in lines[:max(0, args.show - shown)]:
            print("  miss", line)
        shown += len(lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
