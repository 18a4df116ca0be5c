"""Resolve one phrase already taken as a date (a column, a record field): the rules read whole,
then composed forms through the finder, then dateparser as a last resort."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from ...values import DateValue
from . import calendar as cal
from .calendar import Tense
from .finder import find_in
from .grammar import Got
from .reading import Reject
from .rules import Grammar, load
from .timex import timex

# Longer text is not a date phrase; it is never read (dateparser is slow on long text).
MAX_PHRASE = 200
# dateparser parsers kept, one per publication date and tense.
DATEPARSER_CACHE = 32

# Only strings that name a month or look like a numeric date go to dateparser: it reads bare
# numbers ("01", "2.5", "100M") as dates and durations ("five years") as "five years ago".
_DP_NUMERIC = re.compile(r"\d{1,4}\s*[/.-]\s*\d{1,2}")
_DP_BAD = re.compile(r"^\s*[\d.,]+\s*[A-Za-z%]{0,6}\s*$|\.(?:webp|jpe?g|png|gif)\b", re.I)
_LETTER = re.compile(r"[A-Za-z]")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def resolve(raw: str, published: dt.date | None = None, tense: Tense = None) -> DateValue:
    """One date phrase -> DateValue; unresolvable text keeps ``raw`` with start/end None."""
    text = raw if isinstance(raw, str) else str(raw)
    value = DateValue(text)
    body = text.strip()
    if not body or len(body) > MAX_PHRASE:
        return value
    try:
        g = load()
        cue = g.cues.lead.match(body)
        candidates = (body, body[cue.end():]) if cue else (body,)
        whole = _whole(g, candidates, published, tense)
        if whole is not None:
            whole.raw = text
            return whole
        v = _composed(candidates, published, tense)
        if v is not None:
            v.raw = text
            return v
        got = _dateparser(g, body, published, tense)
        if got:
            return _dated(text, got, published, body)
    except Exception:       # the contract: a normaliser never raises on odd text
        return value
    return value


def _whole(g: Grammar, candidates: tuple[str, ...], published: dt.date | None, tense: Tense) -> DateValue | None:
    """The first rule (in tie order) that matches a candidate whole and reads it."""
    for candidate in candidates:
        for rule in g.rules:
            m = rule.pattern.fullmatch(candidate)
            if m:
                try:
                    got = g.reading(candidate, published, lambda: tense, strict=False).value(rule, m, candidate)
                except Reject:
                    got = None
                if got:
                    return got
    return None


def _dated(text: str, got: Got, published: dt.date | None, body: str) -> DateValue:
    """dateparser's reading as a value: relative when the phrase writes no year."""
    value = DateValue(text, *got, timex=timex(*got))
    value.relative = published is not None and not _YEAR.search(body)
    return value


def _composed(candidates: tuple[str, ...], published: dt.date | None, tense: Tense) -> DateValue | None:
    """Ranges and "the week of ...": one mention of the finder spanning a candidate, resolved."""
    for candidate in candidates:
        found = find_in(candidate, published, lambda s, e: tense, strict=False)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(candidate) \
                and found[0].value.start is not None:
            return found[0].value
    return None


def _dateparser(g: Grammar, body: str, published: dt.date | None, tense: Tense) -> Got | None:
    """dateparser's reading of forms our grammar does not know ("2015.5.13")."""
    names_month = any(w in g.lex.month for w in re.findall(r"[a-z]+", body.lower()))
    # all-numeric forms are ours alone: dateparser reads "2025-13-01" as 13 January
    if not (names_month or (_DP_NUMERIC.search(body) and _LETTER.search(body))) or _DP_BAD.search(body):
        return None
    if published is None and not _YEAR.search(body):
        return None      # a relative or year-less date needs a publication date, not the clock
    data = _dp_parser(published, tense).get_date_data(body)
    when = data.date_obj if data else None
    if when is None:
        return None
    x = when.date()
    if data.period == "month":
        return (*cal.month_range(x.year, x.month), "month")
    if data.period == "year":
        return (*cal.year_range(x.year), "year")
    if data.period in ("day", "time"):
        return x, x, "day"
    return None


@lru_cache(maxsize=DATEPARSER_CACHE)
def _dp_parser(published: dt.date | None, tense: Tense) -> Any:
    from dateparser.date import DateDataParser  # slow import: only when the fallback is needed

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": {"past": "past", "future": "future"}.get(tense or "", "current_period"),
        "PREFER_DAY_OF_MONTH": "first"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)
