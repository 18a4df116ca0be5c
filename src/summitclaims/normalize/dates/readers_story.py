"""Readers of the rules anchored on the story's dates (grammar_story): the anchor is the latest
date before the mention with a unit the rule can step from (``Reading.refs``); without one, the
publication date stands in (the quarter just ended for a quarter, its year for a year)."""
from __future__ import annotations

import datetime as dt
import re

from ...values import DateValue
from . import calendar as cal
from .grammar import Got
from .lexicon import norm
from .reading import Reading
from .sentences import sentence_bounds
from .timex import timex

Match = re.Match[str]

# Characters before a date searched for a word that makes it the period compared with.
COMPARED_WINDOW = 40

# the units an anchor of each rule unit may have: "the previous quarter" steps from a quarter,
# "that year" from any date (its year), "the same period" from any period longer than a week
_ANCHORS = {
    "day": ("day",), "week": ("week", "day"), "month": ("month", "day"), "quarter": ("quarter",),
    "half": ("half",), "season": ("season",),
    "year": ("year", "half", "quarter", "season", "month", "months", "week", "day"),
    "period": ("quarter", "half", "month", "season", "year", "months"),
}
# units of N months ("the same nine months") as an anchor: a range of whole months
_MONTHS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}
_YEAR_STEP_UNITS = ("quarter", "half", "month", "season", "months")


# The longest range of months that is one period of a story ("the first nine months").
MAX_PERIOD_MONTHS = 12


def _months_of(v: DateValue) -> int | None:
    """A range of whole months ("the nine months to September"): its length, else None."""
    if v.start is None or v.end is None or v.start.day != 1 or v.end != cal.month_end(v.end.year, v.end.month):
        return None
    n = (v.end.year - v.start.year) * 12 + v.end.month - v.start.month + 1
    return n if n <= MAX_PERIOD_MONTHS else None


def _gran(v: DateValue) -> str | None:
    """The unit an anchor steps as: its own, "months" for a range of months, "year" for a range
    of years ("the 1986/87 season" is stepped from 1986)."""
    if v.timex is None and _months_of(v):
        return "months"
    if v.timex is None and v.granularity == "year":
        return "year"
    return v.granularity if v.timex and not v.timex.startswith("P") else None


def _anchor(r: Reading, m: Match, unit: str, reported: str | None = None) -> DateValue | None:
    """The date before the match whose unit ``unit`` may step from: the latest one; for a
    comparison a year back (``reported="year"``: "the year-ago quarter", "up from 1.6 mln a year
    earlier") the first in the match's sentence (the period it reports: "May unemployment rose
    to 1.9 mln from 1.8 mln in April and 1.6 mln a year earlier"); a unit back (``"unit"``:
    "from the previous month") the latest in it; else the story's first (its lead's period)."""
    allowed = _ANCHORS.get(unit, (unit,))
    refs = [(at, v) for at, v in r.refs if v.start is not None and _gran(v) in allowed]
    if not refs:
        return None
    if not reported:
        return refs[-1][1]
    sent_start = sentence_bounds(r.text, m.start(), m.end())[0]
    in_sentence = [(at, v) for at, v in refs if at >= sent_start]
    if reported == "year":
        # a period compared with ("against 736 mln in January and 543 mln a year earlier") is not
        # the one reported
        in_sentence = [(at, v) for at, v in in_sentence
                       if not r.cues.compared.search(r.text, max(sent_start, at - COMPARED_WINDOW), at)]
    if in_sentence:
        return in_sentence[0][1] if reported == "year" else in_sentence[-1][1]
    return refs[0][1]


_STEP = {"day": ("day", 1), "week": ("week", 1), "month": ("month", 1), "quarter": ("month", 3),
         "half": ("month", 6), "season": ("year", 1), "year": ("year", 1)}


def _moved(v: DateValue, gran: str, unit: str, k: int) -> Got:
    """Anchor ``v`` as a ``gran`` unit, moved by ``k`` ``unit``s."""
    assert v.start is not None and v.end is not None
    if gran == "months":
        months = _months_of(v) or 1
        step = 12 * k if unit == "year" else months * k
        return cal.add_months_day(v.start, step), cal.month_end(*cal.add_months(v.end.year, v.end.month, step)), "month"
    base, n = _STEP[unit]
    x = cal.shifted(v.start, base, n * k)
    return (*cal.unit_range(x, gran), gran)


def _unit(start: dt.date, end: dt.date, gran: str) -> DateValue:
    """An anchor made here (a unit of the publication date, of another anchor), with its value."""
    return DateValue("", start, end, gran, timex=timex(start, end, gran))


def _fallback(r: Reading, unit: str, reported: bool = False) -> DateValue | None:
    """Without an anchor: the publication date's unit; for the period a comparison reports
    (``reported``: "the year-ago quarter") the quarter just ended."""
    pub = r.pub
    if pub is None:
        return None
    if unit == "period" or (unit == "quarter" and reported):
        s, e = cal.quarter_range(*_quarter_before(pub))
        return _unit(s, e, "quarter")
    gran = "day" if unit == "day" else "week" if unit == "week" else "month" if unit == "month" else \
        "half" if unit == "half" else "year"
    s, e = cal.unit_range(pub, gran)
    return _unit(s, e, gran)


def _quarter_before(pub: dt.date) -> tuple[int, int]:
    q = (pub.month - 1) // 3
    return (pub.year, q) if q else (pub.year - 1, 4)


def _unit_of(m: Match, group: str = "unit") -> str:
    u = norm(m.group(group))
    return "months" if u.endswith("month") and u != "month" or u.endswith("months") else u


def _step(r: Reading, word: str | None) -> str | None:
    return r.lex.anaphor.get(norm(word)) if word else None


def anaphoric_period(r: Reading, m: Match) -> Got | None:
    """the year-ago quarter / the previous quarter / the same period last year / the prior-year
    quarter / the 1986 quarter: the period the story reports, a year (or a unit) back, or in the
    year written; "the same day" the anchor itself."""
    unit = _unit_of(m)
    if unit == "months":
        unit = "period"
    ana, ana2 = norm(m.group("ana") or ""), norm(m.group("ana2") or "")
    year_step = bool(m.group("back")) or "year" in (_step(r, ana), _step(r, ana2)) or ana2 == "year"
    anchor = _anchor(r, m, unit, "year" if year_step else "unit") or _fallback(r, unit, reported=year_step)
    if anchor is None or anchor.start is None:
        return None, None, unit if unit != "period" else "quarter"
    gran = _gran(anchor) or anchor.granularity or "year"
    if unit != "period" and unit != gran:
        gran = unit
        anchor = _unit(*cal.unit_range(anchor.start, gran), gran)
    y = m.group("y") or m.group("yin") or m.group("yin2")
    if y and anchor.start is not None:
        return _moved(anchor, gran, "year", int(y) - anchor.start.year)
    if ana == "same" and not ana2 and not m.group("back") and unit in ("day", "week", "month", "year"):
        return _moved(anchor, gran, "year", 0)
    if year_step:
        return _moved(anchor, gran, "year", -1)
    return _moved(anchor, gran, unit if unit in _STEP else (gran if gran in _STEP else "year"), -1)


def that_unit(r: Reading, m: Match) -> Got | None:
    """that year / that day / that month: the latest anchor's; None without one."""
    unit = _unit_of(m)
    anchor = _anchor(r, m, unit)
    if anchor is None or anchor.start is None:
        return None if r.strict else (None, None, unit)
    return (*cal.unit_range(anchor.start, unit), unit)


# "before" / "after" followed by what they are relative to ("a week before the vote") is anchored
# on that, which is no date: only a clause end or a conjunction may follow them
_OBJECT_AFTER = re.compile(r"\s+(?!(?:and|or|but|when|while|as|because)\b)\w", re.I)


def _has_object(r: Reading, m: Match) -> bool:
    d = (m.groupdict().get("dir") or m.groupdict().get("dir2") or "").lower()
    return d in ("before", "after") and _OBJECT_AFTER.match(r.text, m.end()) is not None


def following_unit(r: Reading, m: Match) -> Got | None:
    """the following year / the next day / the day before: one unit after (before) the latest
    anchor; not "the day before the vote"."""
    if r.strict and _has_object(r, m):
        return None
    unit = _unit_of(m, "unit" if m.group("unit") else "unit2" if m.group("unit2") else "unit3")
    k = -1 if (m.group("dir") or "").lower() in ("before", "earlier") else 1
    anchor = _anchor(r, m, unit) or (None if r.strict else _fallback(r, unit))   # "the day before" what?
    if anchor is None or anchor.start is None:
        return None if r.strict else (None, None, unit)
    return _moved(_unit(*cal.unit_range(anchor.start, unit), unit), unit, unit, k)


def offset_from_story(r: Reading, m: Match) -> Got | None:
    """a year earlier / two days later / three months before: the latest anchor moved; "a year
    earlier" than the period a story reports is that period a year before."""
    if r.strict and _has_object(r, m):
        return None                    # "a week before the vote"
    k = r.count(m.group("n"))
    if not k:
        return None
    unit = _unit_of(m)
    sign = -1 if (m.group("dir") or m.group("dir2") or "").lower() in ("earlier", "before") else 1
    if unit == "year":
        period = _anchor(r, m, "period", "year")
        if period is not None and _gran(period) in _YEAR_STEP_UNITS:
            return _moved(period, _gran(period) or "year", "year", sign * k)
    anchor = _anchor(r, m, unit) or (None if r.strict else _fallback(r, unit))
    if anchor is None or anchor.start is None:
        return None if r.strict else (None, None, unit)
    base = _unit(*cal.unit_range(anchor.start, unit), unit)
    return _moved(base, unit, unit, sign * k)


# a figure in the sentence, or a comparing word right before it (patterns/dates.jsonl), makes "a
# year ago" a comparison with the period the story reports
_FIGURE = re.compile(r"\d|\b(?:pct|percent|per\s+cent)\b", re.I)


def year_ago(r: Reading, m: Match) -> Got | None:
    """a year ago: in a sentence with a figure ("up from 3.89 billion a year ago") the period the
    story reports a year before; otherwise the year before publication."""
    if m.group("adj") and r.strict and not (r.cues.noun_after.match(r.text, m.end())
                                            or re.match(r"\s+\d", r.text[m.end():m.end() + 3])):
        return None                                           # "year-ago" is a modifier: "year-ago levels"
    s, e = sentence_bounds(r.text, m.start(), m.end())
    if m.group("adj") or _FIGURE.search(r.text, s, e) or r.word_before(m.start()) in r.lex.comparing:
        period = _anchor(r, m, "period", "year")
        if period is not None and _gran(period) in _YEAR_STEP_UNITS:
            return _moved(period, _gran(period) or "year", "year", -1)
    return r.period("year", -1)




def the_period(r: Reading, m: Match) -> Got | None:
    """the quarter / the period / the latest quarter / (for) the year: the period of the story
    before it; None without one (or, in resolve(), the publication date's)."""
    unit = _unit_of(m)
    if r.strict and unit == "year" and r.word_before(m.start()) not in r.lex.year_cue:
        return None
    anchor = _anchor(r, m, unit, "year")           # "for the quarter": the one the story reports
    if anchor is None or anchor.start is None:
        if r.strict:
            return None
        anchor = _fallback(r, unit)
        if anchor is None or anchor.start is None:
            return None, None, "quarter" if unit == "period" else unit
    gran = (_gran(anchor) or "year") if unit == "period" else unit
    if gran == "months":
        return anchor.start, anchor.end, "month"
    return (*cal.unit_range(anchor.start, gran), gran)
