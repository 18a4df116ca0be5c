"""The article's own date at its top: a date alone on an early line, or a newswire dateline."""
from __future__ import annotations

import datetime as dt
import re

from ...text.newswire import DATELINE_WINDOW, WIRE_DASH, WIRE_PLACE
from ...values import DateValue
from . import calendar as cal
from . import readers_dates
from .finder import Found
from .reading import int_of
from .rules import Grammar, load
from .scan import Scan, matches

# The top of the text searched for a dateline: newswire's window, and at most this many non-blank lines.
DATELINE_REACH = DATELINE_WINDOW
DATELINE_LINES = 6

# what may follow the date on its line: a time, a zone, separators
_DATELINE_REST = re.compile(r"""
    [\s,|.·-]*
    (?: (?:at\s+)? \d{1,2}[:.]\d\d (?:\s*[ap]\.?m\.?)? (?:\s*[A-Z]{2,5})? )?   # "10:30 CET", "at 9.15 a.m."
    [\s|.·-]* $
""", re.I | re.X)
_DATELINE_PREFIX = re.compile(r"^(?:(?:published|updated|posted|date|last updated)(?:\s+on)?\s*:?\s*)", re.I)


def find_dateline(text: str, scan: Scan | None = None) -> Found | None:
    """The article's own date at its top: a date alone on an early line ("February 5, 2025",
    "Published: 5 Feb 2025") or a wire dateline ("SALVADOR, Feb 26 -", year from the first full
    date in the text, else unresolved). ``scan``: ``scan_text(text)``, if made already."""
    if not text:
        return None
    g = load()
    if scan is not None and scan.text != text:
        raise ValueError("the scan given is of another text")
    pos = 0
    lines = 0
    for line in text[:DATELINE_REACH].splitlines(keepends=True):
        body = line.strip()
        if body:
            lines += 1
            found = _date_line(g, line, body, pos) or _wire_dateline(g, text, line, pos, scan)
            if found:
                return found
            if lines >= DATELINE_LINES:
                break
        pos += len(line)
    return None


def _date_line(g: Grammar, line: str, body: str, pos: int) -> Found | None:
    """A line that is a full date (after "Published:"), maybe with a time."""
    lead = pos + len(line) - len(line.lstrip())
    pre = _DATELINE_PREFIX.match(body)
    core = body[pre.end():] if pre else body
    core_at = lead + (pre.end() if pre else 0)
    for rule in g.rules:
        if rule.full_date:
            m = rule.pattern.match(core)
            if m and m.group("y") and _DATELINE_REST.match(core, m.end()):
                got = g.reading(core, None, lambda: None, strict=False).read(rule, m)
                if got and got[0]:
                    return Found(core_at, core_at + m.end(), DateValue(m.group(0), *got))
    return None


def _first_full_year(g: Grammar, scan: Scan, start: int) -> int | None:
    """The year of the first complete date after ``start`` ("February 22, 1987"): only the rules
    that read a day with its year, not the whole finder, as this runs on every wire article."""
    best: tuple[int, int] | None = None
    for rule, starts in zip(g.rules, scan.at):
        if not rule.full_date:
            continue
        for m in matches(scan.text, rule.pattern, starts, True, start):
            if best is not None and m.start() >= best[0]:
                break
            if "y" in rule.pattern.groupindex and m.group("y"):
                try:
                    got = g.reading(scan.text, None, lambda: None, strict=False).read(rule, m)
                except (ValueError, OverflowError, KeyError, TypeError):
                    got = None
                if got and got[0] and got[2] == "day":
                    best = (m.start(), got[0].year)
                    break
    return best[1] if best else None


def _wire_dateline(g: Grammar, text: str, line: str, pos: int, scan: Scan | None) -> Found | None:
    """"SALVADOR, Feb 26 - ...": the day of a wire dateline, its year from the text."""
    head = WIRE_PLACE.match(line)
    if not head:
        return None
    rest = line[head.end():]
    month_day = g.rule_read_by(readers_dates.month_day)
    m = month_day.pattern.match(rest)
    if not m or not WIRE_DASH.match(rest[m.end():]):
        return None
    s, e = pos + head.end(), pos + head.end() + m.end()
    year = int(m.group("y")) if m.group("y") else _first_full_year(g, scan or g.scan(text), e)
    # the match is of the line, read against the whole text: its offsets only feed the tense,
    # which a day without a publication date never asks for
    reader = g.reading(text, None, lambda: None, strict=False)
    mon, d = g.lex.month[m.group("m").lower()], int_of(m.group("d"))
    # a written day ("Feb twenty") has no digits: d is None and, with a year, valid_day raises
    # TypeError as it always has (see tests/dates/test_dates.py)
    if year is None or not cal.valid_day(year, mon, d):  # type: ignore[arg-type]
        got = reader.read(month_day, m)
        return Found(s, e, DateValue(text[s:e], None, None, "day")) if got else None
    x = dt.date(year, mon, d)  # type: ignore[arg-type]
    return Found(s, e, DateValue(text[s:e], x, x, "day"))
