"""Find every date mention in running text: the rules' candidates, longest first, then ranges
joined ("from May 1 to June 30") and "the week of" a day widened to its week."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Callable

from ...values import DateValue
from . import calendar as cal
from .calendar import Tense
from .grammar import Rule
from .rules import Grammar, load
from .scan import Candidate, Scan, candidates
from .tense import guess_tense
from .timex import timex

TenseAt = Callable[[int, int], Tense]

# The story's dates an anchored mention looks at: its first ones (the lead's period) and the
# latest ones before it.
STORY_LEAD_DATES = 20
STORY_RECENT_DATES = 200
# Characters before a range searched for its opener ("from", "between").
OPENER_WINDOW = 9
# Characters before a date searched for a bare first day ("from 4 to January 22").
DAY_BEFORE_WINDOW = 12
# Characters before a day searched for "the week of" / "w/c".
WEEK_OF_WINDOW = 40

_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|till|til|until|through|thru|and)\s*$", re.I)
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d+[/.-]\d+[/.-]\d+")
_DAY_BEFORE = re.compile(r"""
    (?:^|(?<=\s)) (?P<d>[0-3]?\d) (?:st|nd|rd|th)?      # "4", "4th" at a word start
    \s* (?:-|–|to|till|until|through) \s* $             # joined to the date that follows
""", re.I | re.X)
_OPENER = re.compile(r"(?:from|between)\s+$", re.I)
# Characters before a date searched for an approximating word ("around", "about").
APPROX_WINDOW = 16
_APPROX_BEFORE = re.compile(r"(?<![\w-])(around|about|approximately|roughly|circa)\s+$", re.I)


@dataclass(frozen=True)
class Found:
    """A date mention: char offsets in the text (end exclusive) and its value."""
    start: int
    end: int
    value: DateValue


def find(text: str, published: dt.date | None = None, tense_at: TenseAt | None = None,
         scan: Scan | None = None) -> list[Found]:
    """Every date mention in ``text``, resolved; longest match wins where rules overlap. ``scan``:
    ``scan_text(text)`` made before (the dateline reads the same one)."""
    return find_in(text, published, tense_at, strict=True, scan=scan)


def find_in(text: str, published: dt.date | None, tense_at: TenseAt | None, strict: bool,
            scan: Scan | None = None) -> list[Found]:
    """find() in running text (``strict``) or in a phrase given to resolve()."""
    if not text:
        return []
    g = load()
    if tense_at is None:
        def tense_at(s: int, e: int) -> Tense:
            return guess_tense(text, s, e)
    out = _read_candidates(g, _scan_of(g, text, scan), published, tense_at, strict)
    out.sort(key=lambda f: f.start)
    try:
        return _approximate(g, text, _week_of(g, text, _join_ranges(g, text, out, strict)))
    except (ValueError, OverflowError):
        return out


def _scan_of(g: Grammar, text: str, scan: Scan | None) -> Scan:
    if scan is None:
        return g.scan(text)
    if scan.text != text:
        raise ValueError("the scan given is of another text")
    return scan


def _once(tense_at: TenseAt, s: int, e: int) -> Callable[[], Tense]:
    """The tense of [s, e), asked only when a reader needs it, and then once."""
    cache: list[Tense] = []

    def tense() -> Tense:
        if not cache:
            cache.append(tense_at(s, e))
        return cache[0]
    return tense


def _read_candidates(g: Grammar, scan: Scan, published: dt.date | None, tense_at: TenseAt,
                     strict: bool) -> list[Found]:
    """The candidates, longest first (then leftmost), each read unless a longer one took its place."""
    cands = candidates(scan, g.rules, strict)
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken = _Taken()
    out: list[Found] = []
    story: list[Candidate] = []
    text = scan.text
    for s, e, rule, m in cands:
        if taken.overlaps(s, e):
            continue
        if rule.anaphoric and strict:
            taken.append((s, e))            # read below, once the dates before it are known
            story.append((s, e, rule, m))
            continue
        try:
            value = g.reading(text, published, _once(tense_at, s, e), strict).value(rule, m, text[s:e])
        except (ValueError, OverflowError, KeyError, TypeError):
            value = None
        if value is None:
            continue
        taken.append((s, e))
        out.extend(_points(text, s, e, rule, m, value) if strict else (Found(s, e, value),))
    if story:
        # anchors are the story's own dates, never another anchored one ("the previous quarter"
        # after "the year-ago quarter" is the one before the quarter reported)
        out.sort(key=lambda f: f.start)
        anchors = [(f.start, f.value) for f in out]
        starts = [f.start for f in out]
        lead = anchors[:STORY_LEAD_DATES]
        for s, e, rule, m in story:
            k = bisect.bisect_left(starts, s)
            # the story's first dates (its lead) and the latest ones: a bounded look, however long the text
            refs = lead[:k] + anchors[max(STORY_LEAD_DATES, k - STORY_RECENT_DATES):k]
            found = _read_story(g, text, published, tense_at, refs, s, e, rule, m)
            if found is not None:
                out.append(found)
    return out


class _Taken:
    """The spans already read, kept apart and in order, so an overlap is found by bisection (a
    text with thousands of dates must not cost thousands of comparisons per date)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)      # the spans that start before e ...
        return i > 0 and self.ends[i - 1] > s       # ... the last of which is the only one that can reach s

    def append(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])


def _read_story(g: Grammar, text: str, published: dt.date | None, tense_at: TenseAt,
                refs: list[tuple[int, DateValue]], s: int, e: int, rule: Rule, m: re.Match[str]) -> Found | None:
    """A mention anchored on the story's dates before it (``refs``: offset and value, in text order)."""
    reading = replace(g.reading(text, published, _once(tense_at, s, e), True), refs=tuple(refs))
    try:
        value = reading.value(rule, m, text[s:e])
    except (ValueError, OverflowError, KeyError, TypeError):
        return None
    if value is None:
        return None
    value.relative = True
    return Found(s, e, value)


def _point(text: str, s: int, e: int, value: DateValue, day: dt.date) -> Found:
    """One end of a range (of days, of years), as its own mention: the unit holding ``day``."""
    gran = value.granularity or "day"
    first, last = cal.unit_range(day, gran)
    return Found(s, e, replace(value, raw=text[s:e], start=first, end=last, timex=timex(first, last, gran),
                               range_start=value.start, range_end=value.end))


def _points(text: str, s: int, e: int, rule: Rule, m: re.Match[str], value: DateValue) -> tuple[Found, ...]:
    """A range written as two dates in one match ("Aug. 26 to Oct. 20") is two mentions, as
    TimeML annotates it, each with the whole range; "Feb 10-11" stays one."""
    cut = rule.two_points(m) if rule.two_points else None
    if cut is None or value.start is None or value.end is None or value.start == value.end:
        return (Found(s, e, value),)
    return _point(text, s, cut[0], value, value.start), _point(text, cut[1], e, value, value.end)


def _names_date(g: Grammar, raw: str) -> bool:
    """A calendar date (digits or a month name), not a weekday that moves by weeks."""
    return any(c.isdigit() for c in raw) or any(w in g.lex.month for w in re.findall(r"[a-z]+", raw.lower()))


def _joined(g: Grammar, text: str, a: Found, b: Found, strict: bool) -> list[Found] | None:
    """"from 10/1/2018 - 10/7/2018", "between January 1st 2015 and Feb 5th 2018": two dates joined
    by a connector make one range (in running text only after "from" or "between"); a year on one
    side carries to the other."""
    va, vb = a.value, b.value
    if not (va.start and vb.start and va.granularity in ("day", "month") and vb.granularity in ("day", "month")
            and _RANGE_GAP.match(text[a.end:b.start])
            and (not strict or _OPENER.search(text[max(0, a.start - OPENER_WINDOW):a.start]))):
        return None
    sa: dt.date | None = va.start
    eb = vb.end
    if va.start > vb.start:
        # a year-less calendar date moves by a year; a weekday ("from Sunday to Thursday") not
        if _names_date(g, vb.raw) and not _HAS_YEAR.search(vb.raw):
            eb = cal.shift_year(eb, 1) if eb else None
        elif _names_date(g, va.raw) and not _HAS_YEAR.search(va.raw):
            sa = cal.shift_year(va.start, -1)
        else:
            sa = None
    elif not _HAS_YEAR.search(va.raw) and _HAS_YEAR.search(vb.raw) and vb.start.year != va.start.year:
        later = (va.start.month, va.start.day) > (vb.start.month, vb.start.day)
        sa = cal.shift_year(va.start, vb.start.year - va.start.year - (1 if later else 0))
    if sa and eb and sa <= eb:
        if not strict:
            gran = "day" if "day" in (va.granularity, vb.granularity) else "month"
            return [Found(a.start, b.end, DateValue(text[a.start:b.end], sa, eb, gran, relative=va.relative))]
        # in running text each end stays its own mention (as TimeML annotates them), the year the
        # other end writes carried over, and both hold the whole range
        first = replace(va, start=sa, end=va.end if va.granularity == "month" or sa == va.start else sa,
                        range_start=sa, range_end=eb)
        first.timex = timex(first.start, first.end, first.granularity)
        last = replace(vb, end=eb, start=vb.start if eb == vb.end else eb, range_start=sa, range_end=eb)
        last.timex = timex(last.start, last.end, last.granularity)
        return [Found(a.start, a.end, first), Found(b.start, b.end, last)]
    return None


def _borrowed_month(text: str, a: Found, out: list[Found]) -> Found | None:
    """"from 4 to January 22, 1995": the first day borrows the month of the second."""
    va = a.value
    if not (va.start and va.granularity == "day" and va.start == va.end):
        return None
    d = _DAY_BEFORE.search(text, max(0, a.start - DAY_BEFORE_WINDOW), a.start)
    if not d or (out and out[-1].end > d.start()):
        return None
    try:
        x = va.start.replace(day=int(d.group("d")))
    except ValueError:
        return None
    if x <= va.start:
        return Found(d.start(), a.end, DateValue(text[d.start():a.end], x, va.end, "day"))
    return None


def _join_ranges(g: Grammar, text: str, found: list[Found], strict: bool) -> list[Found]:
    """The mentions with joined ranges as one; outside running text also a bare first day."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        joined = _joined(g, text, a, found[i + 1], strict) if i + 1 < len(found) else None
        if joined:
            out.extend(joined)
            i += 2
            continue
        borrowed = None if strict else _borrowed_month(text, a, out)
        out.append(borrowed or a)
        i += 1
    return out


def _approximate(g: Grammar, text: str, found: list[Found]) -> list[Found]:
    """"around March 1", "about 1990": the word joins the mention, as TimeML marks it, and the
    value gets mod approx."""
    out: list[Found] = []
    for f in found:
        w = _APPROX_BEFORE.search(text, max(0, f.start - APPROX_WINDOW), f.start)
        if (w and f.value.mod is None and g.lex.mods.get(w.group(1).lower()) == "approx"
                and (not out or out[-1].end <= w.start())):
            f = Found(w.start(), f.end, replace(f.value, raw=text[w.start():f.end], mod="approx"))
        out.append(f)
    return out


def _week_of(g: Grammar, text: str, found: list[Found]) -> list[Found]:
    """"the week of April 10th", "w/c Feb 4": the Monday-Sunday week around that day."""
    out: list[Found] = []
    for f in found:
        v = f.value
        w = (g.cues.week_of.search(text, max(0, f.start - WEEK_OF_WINDOW), f.start)
             if v.start and v.start == v.end else None)
        if v.start and w and (not out or out[-1].end <= w.start()):
            monday, sunday = cal.week_range(v.start)
            f = Found(w.start(), f.end, replace(v, raw=text[w.start():f.end], start=monday, end=sunday,
                                                granularity="week", timex=timex(monday, sunday, "week")))
        out.append(f)
    return out
