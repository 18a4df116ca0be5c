"""Find and resolve date mentions against a publication date (pure: no spaCy, never raises).

Conventions (news analysts sort by these ranges; all ends inclusive):

- A day-and-month without a year ("February 10-11") takes the year that puts it nearest to the
  publication date, unless the tense decides: past -> on or before, future -> on or after.
- A bare month ("in January"), a quarter ("the third quarter") or a weekday ("on Monday") is the
  most recent one on or before publication unless the tense says future (then on or after).
- Thirds: "early/mid/late 2025" = Jan-Apr / May-Aug / Sep-Dec (granularity month);
  "early/mid/late February" = 1-10 / 11-20 / 21-end (granularity day). "the start/end of" count as
  early/late. Halves ("H1 2025", "the second half of 2025") have granularity month.
- "this week" / "last week" are Monday-Sunday ranges with granularity day.
- Not date records: durations ("five years", "the next four years", "the past decade"), vague
  phrases ("recently", "earlier this year", "in recent months"), decades ("the 1990s"), ages,
  times of day, and phrases relative to another date in the story ("the previous year").
- Without a publication date, relative mentions keep ``start``/``end`` None (never the machine clock).
- Numeric dates with both parts <= 12 are month-first with "/" (wire style), day-first with ".".
- Fiscal years and quarters are read as calendar ones.

dateparser is only a fallback of :func:`resolve` for strings our grammar does not know; the finder
never uses it (it reads "February 10-11" as 2011 and "100M" as a date).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from .. import resources
from ..values import DateValue

Tense = Optional[str]            # "past" | "future" | None
TenseAt = Callable[[int, int], Tense]


@dataclass(frozen=True)
class Found:
    start: int                   # char offsets in the text (end exclusive)
    end: int
    value: DateValue


# ---------------------------------------------------------------------------------------- calendar

def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), _month_end(y, m)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _quarter_range(y: int, q: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _pick_year(pub: dt.date, fits: Callable[[int], tuple[dt.date, dt.date] | None],
               tense: Tense, nearest: bool) -> tuple[dt.date, dt.date] | None:
    """The occurrence of a year-less date that the tense (or nearness) points to."""
    options = [r for r in (fits(pub.year - 1), fits(pub.year), fits(pub.year + 1)) if r]
    if not options:
        return None
    before = [r for r in options if r[0] <= pub]
    after = [r for r in options if r[1] >= pub]
    if tense == "future" and after:
        return after[0]
    if tense == "past" or not nearest:
        return before[-1] if before else options[0]
    return min(options, key=lambda r: 0 if r[0] <= pub <= r[1] else min(abs((r[0] - pub).days),
                                                                          abs((r[1] - pub).days)))


def _weekday(pub: dt.date, wd: int, shift: int | None, tense: Tense) -> dt.date:
    back = (pub.weekday() - wd) % 7
    if shift == 0:                                   # "this Monday": the one in the publication week
        return pub - dt.timedelta(days=pub.weekday() - wd)
    if shift == -1:
        return pub - dt.timedelta(days=back or 7)
    if shift == 1:
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    if tense == "future":
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7)
    return pub - dt.timedelta(days=back)


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


# ----------------------------------------------------------------------------------------- lexicon

def _alt(words, case_sensitive=()) -> str:
    """Regex alternation, longest first; spaces match any whitespace; some words keep their case."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        pat = re.escape(w).replace(r"\ ", r"\s+")
        if w in case_sensitive:
            pat = f"(?-i:{re.escape(w)}|{re.escape(w.upper())})"
        out.append(pat)
    return "(?:" + "|".join(out) + ")"


class _Lexicon:
    def __init__(self, rows):
        self.month: dict[str, int] = {}
        self.full_months: list[str] = []
        self.weekday: dict[str, int] = {}
        self.full_weekdays: list[str] = []
        self.dayword: dict[str, int] = {}
        self.shift: dict[str, int] = {}
        self.ordinal: dict[str, int] = {}
        self.part: dict[str, int] = {}
        self.number: dict[str, int] = {}
        words: dict[str, list[str]] = {}
        ambiguous: set[str] = set()
        for row in rows:
            kind, aliases = row.get("type"), [str(a) for a in row.get("aliases", ())]
            if kind == "month":
                for a in aliases:
                    self.month[a.lower()] = int(row["value"])
                self.full_months.append(aliases[0])
                if row.get("ambiguous"):
                    ambiguous.update(aliases)
            elif kind == "weekday":
                for a in aliases + list(row.get("short", ())):
                    self.weekday[a.lower()] = int(row["value"])
                self.full_weekdays.extend(aliases)
            elif kind == "day":
                self.dayword.update((a.lower(), int(row["offset"])) for a in aliases)
            elif kind in ("shift", "ordinal", "part", "number"):
                getattr(self, kind).update((a.lower(), int(row.get("step", row.get("value", 0))))
                                           for a in aliases)
            else:
                words.setdefault(kind, []).extend(aliases)
        self.units = {w.lower() for w in words.get("unit", ())}
        self.quantity = {w.lower() for w in words.get("quantity", ())}
        self.cue_re = re.compile(r"^(?:" + _alt(words.get("cue", ["in"])) + r")\s+", re.I)
        self.vague = {w.lower() for w in words.get("vague", ())}
        self.future_re = re.compile(r"(?<!\w)" + _alt(words.get("future", ["will"])) + r"(?!\w)", re.I)
        self.past_re = re.compile(r"(?<!\w)" + _alt(words.get("past", ["said"])) + r"(?!\w)", re.I)

        M = _alt(self.month, ambiguous)
        MFULL = _alt(self.full_months, ambiguous)
        WD = _alt(self.weekday)
        WDFULL = _alt(self.full_weekdays)
        SHIFT, ORD, PART = _alt(self.shift), _alt(self.ordinal), _alt(self.part)
        CUE = _alt(words.get("cue", ["in"]))
        NUM = _alt(self.number)
        DAYW = _alt(self.dayword)
        DAY = r"[0-3]?\d(?!\d)(?:st|nd|rd|th)?"
        YEAR = r"(?:1[89]|20)\d\d(?!\d)"
        TO = r"\s*(?:-|–|—|to|through|until|and)\s*"
        WDP = rf"(?:{WD}\.?,?\s+)?"
        self.rules: list[tuple[str, re.Pattern]] = [(name, re.compile(p, re.I)) for name, p in (
            # Feb. 10 / February 10-11 / March 30 - April 2, 2025 / Tuesday, February 11, 2025
            ("md", rf"\b{WDP}(?:the\s+)?(?P<m>{M})\.?\s*(?P<d>{DAY})"
                   rf"(?:{TO}(?:(?P<m2>{M})\.?\s*)?(?P<d2>{DAY}))?(?:,?\s*(?P<y>{YEAR}))?(?![\d:.]\d)"),
            # 10 February / the 3rd of March 2025 / 10-11 February / 28 February - 2 March
            ("dm", rf"(?<![\d.,$€£¥])\b{WDP}(?:the\s+)?(?P<d>{DAY})(?:(?:\s+(?:of\s+)?(?P<m2>{M})\.?)?"
                   rf"{TO}(?P<d2>{DAY}))?\s*(?:of\s+)?(?P<m>{M})\b\.?(?:,?\s*(?P<y>{YEAR}))?"),
            # February 2025 / early January 2025 / mid-March of 2024
            ("my", rf"\b(?:(?P<part>{PART})[\s-]*)?(?P<m>{M})\b\.?(?:\s+of|,)?\s*(?P<y>{YEAR})"),
            # in January / last May / early February (a bare month needs a cue: "May", "August")
            ("m", rf"(?:\b(?P<pre>{CUE})\s+)?(?P<span>\b(?:(?P<shift>{SHIFT})\s+|(?P<part>{PART})[\s-]*)?"
                  rf"(?P<m>{MFULL})\b(?:['’]s)?)"),
            # Q4 2024 / the third quarter / 4Q24 / fourth-quarter of fiscal 2024 / next quarter
            ("q", rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|(?:the\s+)?(?P<qo>{ORD})[\s-]+quarter"
                  rf"|(?P<shift>{SHIFT})\s+quarter)(?!\w)(?:(?:\s*|-)(?:of\s+)?(?:(?:fiscal|FY)\s*)?(?P<y>{YEAR})"
                  rf"|\s*['’](?P<yy>\d\d)(?!\d))?"),
            # 2019 Q1 / 2019-H2 (year first, as in tables and filings)
            ("yq", rf"(?<![\w.,$€£¥#/+-])(?P<y>{YEAR})[\s-]*(?:Q(?P<q>[1-4])|H(?P<h>[12]))\b"),
            # Jan-Feb 2017 / from May to October 2020 (month ranges need the year)
            ("mm", rf"\b(?P<m>{M})\.?\s*(?:-|–|—|to|through|until)\s*(?P<m2>{M})\.?,?\s*(?P<y>{YEAR})"),
            # H1 2025 / the second half of 2025
            ("h", rf"\b(?:H(?P<h>[12])|(?:the\s+)?(?P<ho>first|second|1st|2nd)\s+half)\b"
                  rf"(?:\s*(?:of\s+)?(?P<y>{YEAR}))?"),
            # 2024 / by 2029 / early 2025 / mid-2025 / 2024-25 / 2020 to 2025 / fiscal 2024
            ("y", rf"(?<![\w.,$€£¥#/+-])(?:(?P<part>{PART})[\s-]*)?(?:(?:fiscal|FY)\s*)?(?P<y>{YEAR})"
                  rf"(?:\s*[-–—/]\s*(?P<y2>{YEAR}|\d\d(?!\d))|\s+(?:to|through|until)\s+(?P<y3>{YEAR}))?"
                  rf"(?![\d%]|[.,]\d|\.[a-z]|s\b)"),
            # 2025-02-11 / 2025/2/11
            ("iso", rf"(?<![\d.])\b(?P<y>{YEAR})(?P<sep>[-/.])(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d.]\d)"),
            # 11/02/2025 / 11.02.2025
            ("num", rf"(?<![\d.,/])\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>{YEAR})(?![\d.]\d)"),
            # today / today's / yesterday / the day after tomorrow
            ("dw", rf"\b(?P<w>{DAYW})\b(?:['’]s)?"),
            # this week / last year / next month / this quarter
            ("rel", rf"\b(?P<shift>{SHIFT})\s+(?P<unit>week|month|year)\b(?:['’]s)?"),
            # two years ago / a week ago
            ("ago", rf"\b(?P<n>\d{{1,2}}|{NUM})\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
            # on Monday / last Friday / Tuesday's
            ("wd", rf"\b(?:(?P<shift>{SHIFT})\s+)?(?P<wd>{WDFULL})\b(?:['’]s)?"),
        )]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(resources.load_patterns("dates"))


# ----------------------------------------------------------------------------------------- reading

def _int(s: str | None) -> int | None:
    if not s:
        return None
    digits = re.match(r"\d+", s)
    return int(digits.group()) if digits else None


def _part_of_year(y: int, part: int) -> tuple[dt.date, dt.date]:
    first = 4 * part - 3
    return dt.date(y, first, 1), _month_end(y, first + 3)


def _part_of_month(y: int, m: int, part: int) -> tuple[dt.date, dt.date]:
    if part == 1:
        return dt.date(y, m, 1), dt.date(y, m, 10)
    if part == 2:
        return dt.date(y, m, 11), dt.date(y, m, 20)
    return dt.date(y, m, 21), _month_end(y, m)


class _Reader:
    """Turns one regex match into (start, end, granularity); None when it is not a date."""

    def __init__(self, lex: _Lexicon, text: str, pub: dt.date | None, tense: Callable[[], Tense],
                 strict: bool):
        self.lex, self.text, self.pub, self.tense, self.strict = lex, text, pub, tense, strict

    def read(self, rule: str, m: re.Match):
        return getattr(self, "_" + rule)(m)

    # Each reader returns (start, end, granularity); start/end None = unresolved; None = reject.
    def _year_of(self, m: re.Match) -> int | None:
        return _int(m.group("y"))

    def _md(self, m):
        lex = self.lex
        mon = lex.month[m.group("m").lower()]
        mon2 = lex.month[m.group("m2").lower()] if m.group("m2") else mon
        d1, d2 = _int(m.group("d")), _int(m.group("d2"))
        d2 = d2 if d2 is not None else d1
        y = self._year_of(m)
        if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            return None
        if (mon2, d2) < (mon, d1):                 # "December 30 - January 2" crosses a year
            return None if mon2 == mon else self._span(y, mon, d1, mon2, d2, cross=True)
        return self._span(y, mon, d1, mon2, d2)

    def _dm(self, m):
        lex = self.lex
        mon2 = lex.month[m.group("m").lower()]
        mon = lex.month[m.group("m2").lower()] if m.group("m2") else mon2
        d1, d2 = _int(m.group("d")), _int(m.group("d2"))
        d2 = d2 if d2 is not None else d1
        if not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            return None
        if (mon2, d2) < (mon, d1):
            return None if mon2 == mon else self._span(self._year_of(m), mon, d1, mon2, d2, cross=True)
        return self._span(self._year_of(m), mon, d1, mon2, d2)

    def _span(self, y, mon, d1, mon2, d2, cross=False):
        def fits(year):
            y2 = year + 1 if cross else year
            if not (_valid_day(year, mon, d1) and _valid_day(y2, mon2, d2)):
                return None
            return dt.date(year, mon, d1), dt.date(y2, mon2, d2)

        if y is not None:
            r = fits(y)
            return (r[0], r[1], "day") if r else None
        if not (_valid_day(2024, mon, d1) and _valid_day(2024, mon2, d2)):   # 2024: leap year
            return None
        if self.pub is None:
            return None, None, "day"
        r = _pick_year(self.pub, fits, self.tense(), nearest=True)
        return (r[0], r[1], "day") if r else None

    def _my(self, m):
        mon, y = self.lex.month[m.group("m").lower()], self._year_of(m)
        if m.group("part"):
            s, e = _part_of_month(y, mon, self.lex.part[_norm(m.group("part"))])
            return s, e, "day"
        return (*_month_range(y, mon), "month")

    def _m(self, m):
        lex = self.lex
        shift = lex.shift.get(_norm(m.group("shift") or ""))
        part = lex.part.get(_norm(m.group("part") or ""))
        if self.strict and m.group("pre") is None and shift is None and part is None:
            return None
        mon = lex.month[m.group("m").lower()]
        gran = "day" if part else "month"
        if self.pub is None:
            return None, None, gran
        pub = self.pub
        if shift == 0:
            y = pub.year
        elif shift == -1:
            y = pub.year if mon < pub.month else pub.year - 1
        elif shift == 1:
            y = pub.year if mon > pub.month else pub.year + 1
        else:
            y = _pick_year(pub, lambda yr: _month_range(yr, mon), self.tense(), nearest=False)[0].year
        s, e = _part_of_month(y, mon, part) if part else _month_range(y, mon)
        return s, e, gran

    def _q(self, m):
        lex, pub = self.lex, self.pub
        q = _int(m.group("q") or m.group("q2"))
        shift = lex.shift.get(_norm(m.group("shift") or ""))
        if m.group("qo"):
            q = lex.ordinal.get(_norm(m.group("qo")))
        y = self._year_of(m)
        if y is None and m.group("yy"):
            y = 2000 + int(m.group("yy"))
        if shift is not None and y is not None:     # "the last quarter of 2024"
            q, shift = (4 if shift == -1 else None), None
        if q is None and shift is None:
            return None
        if y is not None:
            return (*_quarter_range(y, q), "quarter")
        if pub is None:
            return None, None, "quarter"
        if shift is not None:
            y, mo = _add_months(pub.year, 3 * ((pub.month - 1) // 3) + 1, 3 * shift)
            return (*_quarter_range(y, (mo + 2) // 3), "quarter")
        return (*_pick_year(pub, lambda yr: _quarter_range(yr, q), self.tense(), nearest=False), "quarter")

    def _yq(self, m):
        y = self._year_of(m)
        if m.group("q"):
            return (*_quarter_range(y, int(m.group("q"))), "quarter")
        h = int(m.group("h"))
        return dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "month"

    def _mm(self, m):
        y, mon, mon2 = self._year_of(m), self.lex.month[m.group("m").lower()], self.lex.month[m.group("m2").lower()]
        start_year = y if mon <= mon2 else y - 1            # "Nov-Feb 2017" starts in 2016
        return dt.date(start_year, mon, 1), _month_end(y, mon2), "month"

    def _h(self, m):
        h = _int(m.group("h")) or (1 if (m.group("ho") or "").lower() in ("first", "1st") else 2)
        y = self._year_of(m)
        if y is None and m.group("ho") and self.strict:   # "the first half" of a match, a speech...
            return None
        if y is None and self.pub is None:
            return None, None, "month"

        def fits(yr):
            return dt.date(yr, 6 * h - 5, 1), _month_end(yr, 6 * h)

        if y is not None:
            return (*fits(y), "month")
        return (*_pick_year(self.pub, fits, self.tense(), nearest=False), "month")

    def _y(self, m):
        y, y2s = self._year_of(m), m.group("y2") or m.group("y3")
        after = self.text[m.end():m.end() + 16].lower()
        words = after.split()
        if words and words[0].strip(".,;:)") in self.lex.units:
            return None
        if y % 10 == 0 and after[:2] in ("'s", "’s"):          # "the 1990's": a decade
            return None
        if self.strict and (self._vague_before(m.start()) or self._word_before(m.start()) in self.lex.quantity):
            return None
        if y2s:
            y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
            if len(y2s) == 2 and y2 < y:
                # "2016-11" is a month; "2024-25" a span of years
                if 1 <= int(y2s) <= 12 and self.text[m.end("y"):m.end("y") + 1] == "-":
                    return (*_month_range(y, int(y2s)), "month")
                return None
            if y2 <= y:
                return None
            return dt.date(y, 1, 1), dt.date(y2, 12, 31), "year"
        if m.group("part"):
            return (*_part_of_year(y, self.lex.part[_norm(m.group("part"))]), "month")
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"

    def _iso(self, m):
        y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
        if not _valid_day(y, mo, d):
            return None
        x = dt.date(y, mo, d)
        return x, x, "day"

    def _num(self, m):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        day_first = a > 12 or (b <= 12 and m.group("sep") == ".")
        d, mo = (a, b) if day_first else (b, a)
        if not _valid_day(y, mo, d):
            return None
        x = dt.date(y, mo, d)
        return x, x, "day"

    def _dw(self, m):
        if self.pub is None:
            return None, None, "day"
        x = self.pub + dt.timedelta(days=self.lex.dayword[_norm(m.group("w"))])
        return x, x, "day"

    def _rel(self, m):
        if self.strict and self._vague_before(m.start()):
            return None
        shift, unit = self.lex.shift[_norm(m.group("shift"))], m.group("unit").lower()
        return self._period(unit, shift)

    def _period(self, unit: str, shift: int, days: int = 0):
        pub = self.pub
        gran = {"week": "day", "day": "day"}.get(unit, unit)
        if pub is None:
            return None, None, gran
        if unit == "day":
            x = pub + dt.timedelta(days=days)
            return x, x, "day"
        if unit == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=shift)
            return monday, monday + dt.timedelta(days=6), "day"
        if unit == "month":
            return (*_month_range(*_add_months(pub.year, pub.month, shift)), "month")
        return dt.date(pub.year + shift, 1, 1), dt.date(pub.year + shift, 12, 31), "year"

    def _ago(self, m):
        n = m.group("n").lower()
        k = int(n) if n.isdigit() else self.lex.number.get(n)
        if not k:
            return None
        unit = m.group("unit").lower()
        if unit == "week":
            return self._period("day", 0, -7 * k)
        return self._period(unit, -k, -k)

    def _wd(self, m):
        if self.pub is None:
            return None, None, "day"
        shift = self.lex.shift.get(_norm(m.group("shift") or ""))
        x = _weekday(self.pub, self.lex.weekday[m.group("wd").lower()], shift, self.tense())
        return x, x, "day"

    def _word_before(self, pos: int) -> str:
        words = self.text[max(0, pos - 16):pos].lower().split()
        return words[-1] if words else ""

    def _vague_before(self, pos: int) -> bool:
        return self._word_before(pos) in self.lex.vague


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("-", " ").split()) or s.lower()


# ------------------------------------------------------------------------------------------- tense

_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z“\"'‘(])|\n\s*\n|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Rough sentence around [start, end): punctuation or line breaks (pure fallback for spaCy's)."""
    s = 0
    for m in _SENT_END.finditer(text, max(0, start - 400), start):
        s = m.end()
    m = _SENT_END.search(text, end, end + 400)
    return s, (m.start() + 1 if m else min(len(text), end + 400))


def guess_tense(text: str, start: int, end: int, sent: tuple[int, int] | None = None,
                past_at: list[int] | None = None) -> Tense:
    """Past or future from the cue nearest to the date in its sentence; None when none is there.

    ``past_at`` may add char offsets of past-tense verbs (the pipeline gives spaCy's VBD tokens).
    """
    lex = _lexicon()
    s, e = sent or sentence_bounds(text, start, end)
    cues: list[tuple[int, str]] = []
    for m in lex.future_re.finditer(text, s, e):
        if not start <= m.start() < end:
            cues.append((m.start(), "future"))
    for m in lex.past_re.finditer(text, s, e):
        cues.append((m.start(), "past"))
    cues.extend((p, "past") for p in past_at or () if s <= p < e and not start <= p < end)
    if not cues:
        return None
    return min(cues, key=lambda c: start - c[0] if c[0] < start else c[0] - end + 1)[1]


# --------------------------------------------------------------------------------------------- API

def find(text: str, published: dt.date | None = None, tense_at: TenseAt | None = None) -> list[Found]:
    """Every date mention in ``text``, resolved; longest match wins where rules overlap."""
    if not text:
        return []
    lex = _lexicon()
    if tense_at is None:
        def tense_at(s, e):
            return guess_tense(text, s, e)
    cands = []
    for rule, rx in lex.rules:
        for m in rx.finditer(text):
            s, e = m.span("span") if "span" in rx.groupindex else m.span()
            cands.append((s, e, rule, m))
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int]] = []
    out: list[Found] = []
    for s, e, rule, m in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        cache: list[Tense] = []

        def tense(s=s, e=e, cache=cache):
            if not cache:
                cache.append(tense_at(s, e))
            return cache[0]

        try:
            got = _Reader(lex, text, published, tense, strict=True).read(rule, m)
        except (ValueError, OverflowError, KeyError, TypeError):
            got = None
        if got is None:
            continue
        taken.append((s, e))
        out.append(Found(s, e, DateValue(text[s:e], got[0], got[1], got[2])))
    out.sort(key=lambda f: f.start)
    return out


def resolve(raw: str, published: dt.date | None = None, tense: Tense = None) -> DateValue:
    """One date phrase -> DateValue; unresolvable text keeps ``raw`` with start/end None."""
    text = raw if isinstance(raw, str) else str(raw)
    value = DateValue(text)
    body = text.strip()
    if not body or len(body) > 200:
        return value
    try:
        lex = _lexicon()
        cue = lex.cue_re.match(body)
        for candidate in (body, body[cue.end():]) if cue else (body,):
            for rule, rx in lex.rules:
                m = rx.fullmatch(candidate)
                if m:
                    got = _Reader(lex, candidate, published, lambda: tense, strict=False).read(rule, m)
                    if got:
                        return DateValue(text, *got)
        got = _dateparser(body, published, tense)
        if got:
            return DateValue(text, *got)
    except Exception:       # the contract: a normaliser never raises on odd text
        return value
    return value


# Only strings that name a month or look like a numeric date go to dateparser: it reads bare
# numbers ("01", "2.5", "100M") as dates and durations ("five years") as "five years ago".
_DP_NUMERIC = re.compile(r"\d{1,4}\s*[/.-]\s*\d{1,2}")
_DP_BAD = re.compile(r"^\s*[\d.,]+\s*[A-Za-z%]{0,6}\s*$|\.(?:webp|jpe?g|png|gif)\b", re.I)


def _dateparser(body: str, published: dt.date | None, tense: Tense):
    names_month = any(w in _lexicon().month for w in re.findall(r"[a-z]+", body.lower()))
    # all-numeric forms are ours alone: dateparser reads "2025-13-01" as 13 January
    if not (names_month or (_DP_NUMERIC.search(body) and re.search(r"[A-Za-z]", body))) \
            or _DP_BAD.search(body):
        return None
    if published is None and not re.search(r"\b(?:1[89]|20)\d\d\b", body):
        return None      # a relative or year-less date needs a publication date, not the clock
    data = _dp_parser(published, tense).get_date_data(body)
    when = data.date_obj if data else None
    if when is None:
        return None
    x = when.date()
    if data.period == "month":
        return (*_month_range(x.year, x.month), "month")
    if data.period == "year":
        return dt.date(x.year, 1, 1), dt.date(x.year, 12, 31), "year"
    if data.period in ("day", "time"):
        return x, x, "day"
    return None


@lru_cache(maxsize=32)
def _dp_parser(published: dt.date | None, tense: Tense):
    from dateparser.date import DateDataParser   # slow import: only when the fallback is needed

    settings = {"PREFER_DATES_FROM": {"past": "past", "future": "future"}.get(tense, "current_period"),
                "PREFER_DAY_OF_MONTH": "first"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)


# -------------------------------------------------------------------------------------- dateline

_DATELINE_REST = re.compile(r"[\s,|.·-]*(?:(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?[\s|.·-]*$",
                            re.I)
_DATELINE_PREFIX = re.compile(r"^(?:(?:published|updated|posted|date|last updated)(?:\s+on)?\s*:?\s*)", re.I)


def find_dateline(text: str) -> Found | None:
    """The article's own date at its top: a date alone on an early line ("February 5, 2025",
    "Published: 5 Feb 2025") or a wire dateline ("SALVADOR, Feb 26 -", year from the first full
    date in the text, else unresolved)."""
    if not text:
        return None
    lex = _lexicon()
    pos = 0
    lines = 0
    for line in text[:600].splitlines(keepends=True):
        body = line.strip()
        if body:
            lines += 1
            lead = pos + len(line) - len(line.lstrip())
            pre = _DATELINE_PREFIX.match(body)
            core = body[pre.end():] if pre else body
            core_at = lead + (pre.end() if pre else 0)
            for rule, rx in lex.rules:
                if rule in ("md", "dm", "iso", "num"):
                    m = rx.match(core)
                    if m and m.group("y") and _DATELINE_REST.match(core, m.end()):
                        got = _Reader(lex, core, None, lambda: None, strict=False).read(rule, m)
                        if got and got[0]:
                            return Found(core_at, core_at + m.end(), DateValue(m.group(0), *got))
            wire = _wire_dateline(lex, text, line, pos)
            if wire:
                return wire
            if lines >= 6:
                break
        pos += len(line)
    return None


def _wire_dateline(lex: _Lexicon, text: str, line: str, pos: int) -> Found | None:
    head = re.match(r"\s*[A-Z][A-Z.'’ -]{1,40}(?:\s*\([^)]{1,40}\))?,\s+", line)
    if not head:
        return None
    rest = line[head.end():]
    md = dict(lex.rules)["md"]
    m = md.match(rest)
    if not m or not re.match(r"\s*[-–—]", rest[m.end():]):
        return None
    s, e = pos + head.end(), pos + head.end() + m.end()
    year = None
    if m.group("y"):
        year = int(m.group("y"))
    else:
        for f in find(text[e:], None, lambda a, b: None):
            if f.value.granularity == "day" and f.value.start:
                year = f.value.start.year
                break
    reader = _Reader(lex, text, None, lambda: None, strict=False)
    mon, d = lex.month[m.group("m").lower()], _int(m.group("d"))
    if year is None or not _valid_day(year, mon, d):
        got = reader.read("md", m)
        return Found(s, e, DateValue(text[s:e], None, None, "day")) if got else None
    x = dt.date(year, mon, d)
    return Found(s, e, DateValue(text[s:e], x, x, "day"))
