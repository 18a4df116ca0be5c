"""The per-call context of the readers: the text around a match, the publication date, the tense
and strictness, and the helpers the readers of several rules share."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Callable, Optional

from ...values import DateValue
from . import calendar as cal
from .calendar import Tense
from .grammar import Cues, Got, Rule
from .lexicon import Lexicon, norm
from .timex import timex

# How far back from a match the cue regexes look for the word before it ("on", "by").
CUE_WINDOW = 24
# How far back from a match the word before it is read (the longest shift or vague word fits).
WORD_BEFORE_WINDOW = 16
# Months either side of publication searched for a day of the month ("the 18th", "Friday the 13th").
DAY_NEAR_MONTHS = 14
# Characters after a written day checked for a letter ("May second quarter" is no date).
WORD_AFTER_WINDOW = 3
# A leap year: a day-month without a year is possible if it exists in some year ("February 29").
ANY_LEAP_YEAR = 2024

_LETTER_AFTER = re.compile(r"\s*[a-z]")
_LOWER_WORD_AFTER = re.compile(r"[^\S\n]*(?-i:[a-z])")
# TimeML's modifier of a third named by a "part" word (early / mid / late -> 1-3)
PART_MODS = {1: "start", 2: "mid", 3: "end"}


class Reject(ValueError):
    """A match that is not a date here (a loose word in running text...)."""


def int_of(s: Optional[str]) -> int | None:
    """The leading digits of ``s`` as a number ("18th" -> 18); None without any."""
    if not s:
        return None
    digits = re.match(r"\d+", s)
    return int(digits.group()) if digits else None


@dataclass(frozen=True)
class Reading:
    """One match being read: ``strict`` in running text (the finder), not in resolve()."""
    lex: Lexicon
    cues: Cues
    text: str
    pub: dt.date | None
    tense: Callable[[], Tense]
    strict: bool
    refs: tuple[tuple[int, DateValue], ...] = ()   # the story's dates before the match and their
                                                   # offsets (the anaphoric rules read them)

    def read(self, rule: Rule, m: re.Match[str]) -> Got | None:
        """(start, end, granularity) of the match; start/end None: unresolved; None: not a date.
        (The finder never hands a loose rule's match to a strict reading: scan.candidates drops them.)"""
        return rule.read(self, m)

    def value(self, rule: Rule, m: re.Match[str], raw: str) -> DateValue | None:
        """The match read whole: the span and granularity of ``read``, its TIMEX3 value, the
        modifier a part word ("early") or an approximation ("about") gives it, and whether it
        needed the publication date; None: not a date."""
        got = self.read(rule, m)
        if got is None:
            return None
        start, end, gran = got
        value = DateValue(raw, start, end, gran)
        groups = m.groupdict()
        part = self.lex.part.get(norm(groups.get("part") or ""))
        if part is not None:
            value.mod = PART_MODS[part]
            if start is not None and end is not None:
                narrow = cal.narrow(start, end, gran, part)
                if narrow is not None:
                    value.narrow_start, value.narrow_end = narrow
        approx = groups.get("approx")
        if approx:
            value.mod = self.lex.mods.get(norm(approx))
        value.timex = rule.timex(self, m) if rule.timex else timex(start, end, gran)
        value.relative = start is None or self.needs_pub(rule, m)
        return value

    def needs_pub(self, rule: Rule, m: re.Match[str]) -> bool:
        """Does the match resolve only with the publication date ("Feb 26", "last year")?"""
        if self.pub is None:
            return False
        try:
            alone = rule.read(replace(self, pub=None), m)
        except (ValueError, OverflowError, KeyError, TypeError):
            return True
        return alone is None or alone[0] is None

    def year_of(self, m: re.Match[str]) -> int | None:
        """The match's year, None when its optional year is left out."""
        return int_of(m.group("y"))

    def shift(self, word: str | None) -> int | None:
        """Step of a shift word; loose words ("previous") are not dates in running text."""
        if not word:
            return None
        w = norm(word)
        if self.strict and w in self.lex.loose:
            raise Reject(w)
        return self.lex.shift.get(w)

    def count(self, word: str) -> int | None:
        """A count in digits or words; vague ones ("a few") only outside running text."""
        w = norm(word)
        if w.isdigit():
            return int(w)
        if w in self.lex.few:
            if self.strict:
                raise Reject(w)
            return self.lex.few[w]
        return self.lex.number.get(w)

    def day(self, s: str | None, m: re.Match[str], year: bool = False) -> int | None:
        """Day number from digits or words; written days need care in running text."""
        if s is None:
            return None
        if s[0].isdigit():
            return int_of(s)
        w = norm(s)
        if self.strict:
            # a cardinal day without a year only at a clause end or before a name: "payable April
            # one", "the April one Fleet split", not "in May one firm"
            if w in self.lex.cardinal and not year and _LOWER_WORD_AFTER.match(self.text, m.end()):
                raise Reject(w)
            if _LETTER_AFTER.match(self.text[m.end():m.end() + WORD_AFTER_WINDOW]):   # "May second quarter"
                raise Reject(w)
        return self.lex.daynum.get(w)

    def leaning(self, m: re.Match[str]) -> Reading:
        """"last June 18" is the past one, "next June 18" the coming one."""
        w = self.word_before(m.start())
        if w == "last":
            return replace(self, tense=lambda: "past")
        if w == "next":
            return replace(self, tense=lambda: "future")
        return self

    def span(self, y: int | None, mon: int, d1: int, mon2: int, d2: int, cross: bool = False) -> Got | None:
        """Day ``d1`` of ``mon`` to day ``d2`` of ``mon2`` (``cross``: into the next year); without
        a year, the occurrence the tense or nearness picks."""
        def fits(year: int) -> cal.Range | None:
            y2 = year + 1 if cross else year
            if not (cal.valid_day(year, mon, d1) and cal.valid_day(y2, mon2, d2)):
                return None
            return dt.date(year, mon, d1), dt.date(y2, mon2, d2)

        if y is not None:
            r = fits(y)
            return (r[0], r[1], "day") if r else None
        if not (cal.valid_day(ANY_LEAP_YEAR, mon, d1) and cal.valid_day(ANY_LEAP_YEAR, mon2, d2)):
            return None
        pub = self.pub
        if pub is None:
            return None, None, "day"
        if not any(cal.valid_day(pub.year + k, mon, d1) for k in (0, 1, -1)):
            r = fits(cal.leap_year_before(pub, mon, d1))          # "February 29": the nearest leap year's
            return (r[0], r[1], "day") if r else None
        r = cal.pick_year(pub, fits, self.tense(), nearest=True)
        return (r[0], r[1], "day") if r else None

    def day_near(self, d: int, wd: int | None = None) -> Got | None:
        """The day ``d`` of a month (on weekday ``wd``) nearest the publication, per the tense."""
        pub, tense = self.pub, self.tense()
        assert pub is not None
        days = []
        for k in range(-DAY_NEAR_MONTHS, DAY_NEAR_MONTHS + 1):
            y, mo = cal.add_months(pub.year, pub.month, k)
            if cal.valid_day(y, mo, d) and (wd is None or dt.date(y, mo, d).weekday() == wd):
                days.append(dt.date(y, mo, d))
        if not days:
            return None
        if wd is None and tense is None and self.strict:      # no tense: the nearest, as a bare month
            x = min(days, key=lambda x: abs((x - pub).days))
        elif wd is None:                              # resolve(): the most recent on or before
            pool = [x for x in days if x >= pub] if tense == "future" else [x for x in days if x <= pub]
            x = (min(pool) if tense == "future" else max(pool)) if pool else days[0]
        else:
            x = min(days, key=lambda x: abs((x - pub).days))
        return x, x, "day"

    def period(self, unit: str, shift: int, days: int = 0) -> Got:
        """The day ``days`` after publication, or the week / month / year ``shift`` away."""
        pub = self.pub
        gran = unit
        if pub is None:
            return None, None, gran
        if unit == "day":
            x = pub + dt.timedelta(days=days)
            return x, x, "day"
        if unit == "week":
            if pub.weekday() == 6 and shift in (-1, 0):
                shift += 1     # on a Sunday "last week" is the one ending that day, "this week" the one ahead
            monday = cal.monday(pub, shift)
            return monday, monday + dt.timedelta(days=6), "week"
        if unit == "month":
            return (*cal.month_range(*cal.add_months(pub.year, pub.month, shift)), "month")
        return (*cal.year_range(pub.year + shift), "year")

    def cue(self, before: re.Pattern[str], pos: int) -> bool:
        """Is one of the cue words of ``before`` right before ``pos``?"""
        return before.search(self.text, max(0, pos - CUE_WINDOW), pos) is not None

    def word_before(self, pos: int) -> str:
        """The word right before ``pos``, lower-case ("" at the start)."""
        words = self.text[max(0, pos - WORD_BEFORE_WINDOW):pos].lower().split()
        return words[-1] if words else ""

    def vague_before(self, pos: int) -> bool:
        """"earlier this year", "recent 2024": a vague word right before, not a calendar range."""
        return self.word_before(pos) in self.lex.vague
