"""Find and resolve date mentions against a publication date (pure: no spaCy, never raises).

Conventions (news analysts sort by these ranges; all ends inclusive):

- A day-and-month without a year ("February 10-11", "11/20", "the 18th" with a month) takes the year
  that puts it nearest to the publication date, unless the tense decides: past -> on or before,
  future -> on or after; "last June 18" is the past one. "February 29" takes the nearest leap year.
- A bare month ("in January"), a quarter ("the third quarter"), a weekday ("on Monday"), a holiday
  ("by Christmas") or a day of the month ("on the 18th") is the most recent one on or before
  publication unless the tense says future (then on or after). "last/next <weekday>" is the nearest
  one before/after publication, "last <month>" the most recent one (not the one in the previous
  week, year); "Friday next week", "next week Monday" name the week.
- Thirds: "early/mid/late 2025" = Jan-Apr / May-Aug / Sep-Dec (granularity month);
  "early/mid/late February" = 1-10 / 11-20 / 21-end (granularity day). "the start/end of" count as
  early/late; so do "early next year", "the end of this month". Halves ("H1 2025", "the second half
  of 2025") have granularity month.
- "this week" / "last week" are Monday-Sunday ranges with granularity day, as is "the week of April 10".
- "two years ago" / "a month ago" is that whole year / month; "three days ago" that day.
  "in two weeks" / "three days from now" is that day (in running text "in N weeks" only with a
  future cue: "rose 5% in two weeks" is a duration). "the rest of the year", "year to date" run from
  / to the publication date (to date: up to the day before, the last close).
- Ranges: two dates joined by "to", "until", "-", "and" make one range ("from 10/1/2018 - 10/7/2018",
  "between January 1987 and December 1992"); in running text only after "from" or "between". Month
  ranges include their last month ("Jan-Feb 2017" ends on 28 February).
- Not date records: durations ("five years", "the next four years", "the past decade"), vague
  phrases ("recently", "earlier this year", "later this year", "in recent months"), decades ("the
  1990s"), ages, times of day, and phrases relative to another date in the story ("the previous
  year", "the day before", "the following Friday").
- :func:`resolve` is given a phrase already taken as a date, so it also reads what running text
  leaves out (``loose`` data in patterns/dates.jsonl and ``loose_rules``): durations anchored on
  publication ("the next 3 days" = the 3 days after it, "the past two years" = the two years up to
  the day before), "the day before" / "the following Friday" anchored on publication, "now",
  "2016 June", "20161016".
- Without a publication date, relative mentions keep ``start``/``end`` None (never the machine clock).
- Numeric dates with both parts <= 12 are month-first with "/" (wire style), day-first with ".";
  "4.22" without a year is a decimal, never a date. Two-digit years are 20xx up to 20 years after
  publication, else 19xx.
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
from typing import Callable, Iterator, Optional

from .. import resources
from ..values import DateValue
from .casefold import FOLD_TO_ASCII

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
        self.few: dict[str, int] = {}
        self.daynum: dict[str, int] = {}
        self.cardinal: set[str] = set()          # written days that need a year in running text
        self.loose: set[str] = set()             # words only resolve() reads (see patterns)
        self.holiday: dict[str, dict] = {}
        tens: dict[str, int] = {}
        holidays: list[str] = []
        words: dict[str, list[str]] = {}
        ambiguous: set[str] = set()
        month_aliases: list[str] = []
        for row in rows:
            kind, aliases = row.get("kind"), [str(a) for a in row.get("aliases", ())]
            if kind == "month":
                for a in aliases:
                    self.month[a.lower()] = int(row["value"])
                self.full_months.append(aliases[0])
                month_aliases.extend(aliases)
                if row.get("ambiguous"):
                    ambiguous.update(aliases)
            elif kind == "weekday":
                for a in aliases + list(row.get("short", ())):
                    self.weekday[a.lower()] = int(row["value"])
                self.full_weekdays.extend(aliases)
            elif kind in ("day", "loose_day"):
                self.dayword.update((a.lower(), int(row["offset"])) for a in aliases)
                if kind == "loose_day":
                    self.loose.update(a.lower() for a in aliases)
            elif kind in ("shift", "loose_shift"):
                self.shift.update((a.lower(), int(row["step"])) for a in aliases)
                if kind == "loose_shift":
                    self.loose.update(a.lower() for a in aliases)
            elif kind in ("ordinal", "part", "number", "few"):
                getattr(self, kind).update((a.lower(), int(row.get("step", row.get("value", 0))))
                                           for a in aliases)
            elif kind == "daynum":
                cards = [str(a) for a in row.get("cardinal", ())]
                self.daynum.update((a.lower(), int(row["value"])) for a in aliases + cards)
                self.cardinal.update(a.lower() for a in cards)
            elif kind == "daynum_tens":
                tens.update((a.lower(), int(row["value"])) for a in aliases)
            elif kind == "holiday":
                holidays.extend(aliases)
                for a in aliases:
                    self.holiday[_hol_key(a)] = row
            else:
                words.setdefault(kind, []).extend(aliases)
        for t, tv in tens.items():                 # twenty-one .. twenty-ninth, thirty-first
            for u, uv in list(self.daynum.items()):
                if uv < 10 and tv + uv <= 31:
                    self.daynum[f"{t} {u}"] = tv + uv
                    if u in self.cardinal:
                        self.cardinal.add(f"{t} {u}")
        self.units = {w.lower() for w in words.get("unit", ())}
        self.quantity = {w.lower() for w in words.get("quantity", ())}
        self.cue_re = re.compile(r"^(?:" + _alt(words.get("cue", ["in"])) + r")\s+", re.I)
        self.vague = {w.lower() for w in words.get("vague", ())}
        self.future_re = re.compile(r"(?<!\w)" + _alt(words.get("future", ["will"])) + r"(?!\w)", re.I)
        self.past_re = re.compile(r"(?<!\w)" + _alt(words.get("past", ["said"])) + r"(?!\w)", re.I)

        M = _alt(self.month, ambiguous)
        MFULL = _alt(self.full_months, ambiguous)
        MCASE = _alt(month_aliases, ambiguous)                     # "last May", never "this may"
        WD = _alt(self.weekday)
        WDFULL = _alt(self.full_weekdays)
        SHIFT, ORD, PART = _alt(self.shift), _alt(self.ordinal), _alt(self.part)
        CUE = _alt(words.get("cue", ["in"]))
        NUM = _alt(list(self.number) + list(self.few))
        DAYW = _alt(self.dayword)
        hol = [re.escape(a).replace(r"\ ", r"[\s-]+").replace("'", "['’]?") for a in holidays]
        HOL = "(?:" + "|".join(sorted(set(hol), key=len, reverse=True)) + ")"
        DAY = r"[0-3]?\d(?!\d)(?:st|nd|rd|th)?"
        # a written day is a whole word: "May twenty-first", "the second of August"
        DAYN = _alt(self.daynum).replace(r"\s+", r"[\s-]+")
        DAYX = rf"(?:{DAY}|(?<!\S){DAYN}\b)"
        YEAR = r"(?:1[89]|20)\d\d(?!\d)"
        TO = r"\s*(?:-|–|—|to|through|until|and)\s*"
        WDP = rf"(?:{WD}\.?,?\s+)?"
        DOT = r"(?:\.(?=\s*(?-i:[a-z])|\s*[\d,]))?"      # "Feb. 10", but not a full stop
        UNIT = r"(?P<unit>day|week|month|year)s?"
        # the word right before a match (searched back from its start, so rules stay cheap to scan)
        self.before = {k: re.compile(rf"(?<!\w){v}\s+$", re.I) for k, v in (
            ("m", CUE), ("nd", "(?:on|by|since|until|till|before|after|from|through|starting|ending)"),
            ("hol", rf"(?:{CUE}|over|around|ahead\s+of|at)"))}
        # every rule starts on a letter or a digit: the lookahead lets the regex engine skip to
        # candidate characters instead of trying each alternation at every position (3x faster)
        digit_first = {"yq", "ymn", "iso", "compact", "num", "nd", "domr"}
        self.rules: list[tuple[str, re.Pattern]] = [
            (name, re.compile(("(?=\\d)" if name in digit_first else "(?=[A-Za-z0-9])") + p, re.I)) for name, p in (
            # Feb. 10 / February 10-11 / March 30 - April 2, 2025 / Tuesday, February 11, 2025 / Oct/2
            ("md", rf"\b{WDP}(?:the\s+)?(?P<m>{M})\.?(?:\s*|/)(?:the\s+)?(?P<d>{DAYX})"
                   rf"(?:{TO}(?:(?P<m2>{M})\.?\s*)?(?P<d2>{DAY}))?(?:,?\s*(?:(?:of|in)\s+)?(?P<y>{YEAR}))?(?![\d:.]\d)"),
            # 10 February / the 3rd of March 2025 / 10-11 February / 28 February - 2 March
            ("dm", rf"(?<![\d.,$€£¥])\b{WDP}(?:the\s+)?(?P<d>{DAYX})(?:(?:\s+(?:of\s+)?(?P<m2>{M})\.?)?"
                   rf"{TO}(?:the\s+)?(?P<d2>{DAY}))?\s*(?P<of>of\s+)?(?P<m>{M})\b{DOT}(?:,?\s*(?:(?:of|in)\s+)?(?P<y>{YEAR}))?"),
            # February 2025 / early January 2025 / mid-March of 2024
            ("my", rf"\b(?:(?P<part>{PART})[\s-]*)?(?P<m>{M})\b\.?(?:\s+of|,)?\s*(?P<y>{YEAR})"),
            # in January / last May / early February / June next year (a bare month needs a cue)
            ("m", rf"(?P<span>\b(?:(?P<shift>{SHIFT})\s+(?P<ms>{MCASE})\b(?!\.?\s*\d)"
                  rf"|(?:(?P<part>{PART})[\s-]*)?(?P<m>{MFULL})\b)"
                  rf"(?:\s+(?:of\s+)?(?P<yshift>{SHIFT})\s+year\b|['’]s)?)"),
            # Q4 2024 / the third quarter / 4Q24 / fourth-quarter of fiscal 2024 / next quarter / Q3 this year
            ("q", rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|(?:the\s+)?(?P<qo>{ORD})[\s-]+quarter"
                  rf"|(?:the\s+)?(?P<shift>{SHIFT})\s+quarter)(?!\w)(?:(?:\s*|-)(?:of\s+)?(?:(?:fiscal|FY)\s*)?(?P<y>{YEAR})"
                  rf"|\s*['’](?P<yy>\d\d)(?!\d)|\s+(?:of\s+)?(?:(?P<yshift>{SHIFT})|(?P<the>the))\s+year\b)?"),
            # 2019 Q1 / 2019-H2 / 2016 the third quarter (year first, as in tables and filings)
            ("yq", rf"(?<![\w.,$€£¥#/+-])(?P<y>{YEAR})[\s-]*(?:Q(?P<q>[1-4])|H(?P<h>[12])"
                   rf"|(?P<long>(?:the\s+)?(?P<qo>{ORD})\s+quarter))\b"),
            # Jan-Feb 2017 / from May to October 2020 / from April to June in 2017 (month ranges need the year)
            ("mm", rf"\b(?P<m>{M})\.?\s*(?:-|–|—|to|through|until)\s*(?P<m2>{M})\.?,?\s*(?:in\s+|of\s+)?(?P<y>{YEAR})"),
            # H1 2025 / the second half of 2025
            ("h", rf"\b(?:H(?P<h>[12])|(?:the\s+)?(?P<ho>first|second|1st|2nd)\s+half)\b"
                  rf"(?:\s*(?:of\s+)?(?P<y>{YEAR}))?"),
            # 2024 / by 2029 / early 2025 / mid-2025 / 2024-25 / 2020 to 2025 / fiscal 2024
            ("y", rf"(?<![\w.,$€£¥#/+-])(?:(?P<part>{PART})[\s-]*)?(?:(?:fiscal|FY)\s*)?(?P<y>{YEAR})"
                  rf"(?:\s*[-–—/]\s*(?P<y2>{YEAR}|\d\d(?!\d))|\s+(?:to|through|until)\s+(?P<y3>{YEAR}))?"
                  rf"(?![\d%]|[.,]\d|\.[a-z]|s\b)"),
            # 2016 June / 2016, Nov (year first: tables; only resolve() reads it)
            ("ym", rf"(?<![\w.,$€£¥#/+-])(?P<y>{YEAR}),?\s+(?P<m>{M})\b{DOT}(?!\s*\d)"),
            # 2016/11 / 11/2016 / 2015-3 / 3/2015 / 2016 - 11 (a numeric month)
            ("ymn", rf"(?<![\w.,$€£¥#/+-])(?:(?P<y>{YEAR})(?P<s1>\s*[-/.]\s*)(?P<mo>1[0-2]|0?[1-9])"
                    rf"|(?P<mo2>1[0-2]|0?[1-9])(?P<s2>\s*[-/]\s*)(?P<y2>{YEAR}))(?![\d%]|[.,/-]\d)"),
            # 2025-02-11 / 2025/2/11 / 20250211 / 2019-aug-01
            ("iso", rf"(?<![\d.])\b(?P<y>{YEAR})(?:(?P<sep>[-/. ]?)(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)"
                    rf"|[-/](?P<m>{M})[-/](?P<d2>[0-3]?\d))(?![\d.]\d)"),
            # 20161016 (tables, file names: only resolve() reads it)
            ("compact", r"(?<![\d.])\b(?P<y>(?:1[89]|20)\d\d)(?P<mo>[01]\d)(?P<d>[0-3]\d)\b"),
            # 11/02/2025 / 11.02.2025 / 21-04-2016 / 05/05/89
            ("num", rf"(?<![\d.,/])\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>{YEAR}|\d\d(?!\d))(?![\d.]\d|/\d)"),
            # 11/20 / on 4/22 / 22/04 (no year: the nearest; in running text only after a cue word;
            # never "4.22", a decimal)
            ("nd", r"(?<![\d.,/$€£¥])(?<![\d.,/]-)\b(?P<a>[0-3]?\d)(?P<sep>[/-])(?P<b>[0-3]?\d)\b"
                   r"(?![.,/]?\d|%|-\d+[.-])"),
            # the 18th / on the 4th / the twenty second / 20th of next month / 29th
            ("dom", rf"\b(?:(?P<the>the\s+)(?P<d>{DAYX})|(?P<do>\d{{1,2}}(?:st|nd|rd|th)))\b"
                    rf"(?:\s+(?:of\s+|in\s+)?(?P<shift>{SHIFT})\s+month\b)?"),
            # from 4 to 22 this month / 4 till 23 of next month
            ("domr", rf"\b(?P<d>{DAY})\s*(?:-|–|to|till|until|through|and)\s*(?P<d2>{DAY})\s+(?:of\s+|in\s+)?"
                     rf"(?P<shift>{SHIFT})\s+month\b"),
            # Friday the 13th / Thursday the twenty first / monday 21
            ("wdd", rf"\b(?P<wd>{WD})\.?,?\s+(?P<the>the\s+)?(?P<d>{DAYX})(?!\s*(?:of\s+)?{M}\b|[\d/.:-]\d)"),
            # the second Sunday of May / first Monday in September / third Tuesday
            ("nth", rf"\b(?:the\s+)?(?P<nth>{ORD}|last)\s+(?P<wd>{WDFULL})(?:\s+(?:of|in)\s+(?P<m>{M})\b{DOT}(?:,?\s*(?P<y>{YEAR}))?)?"),
            # Christmas / Christmas Eve 2024 / Independence Day of this year
            ("hol", rf"\b(?P<hol>{HOL})(?!\w)(?:,?\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<yshift>{SHIFT})\s+year\b))?"),
            # today / today's / yesterday / the day after tomorrow
            ("dw", rf"\b(?P<w>{DAYW})\b(?:['’]s)?"),
            # this week / last year / next month / this quarter / this calendar year
            ("rel", rf"\b(?:(?P<shift>{SHIFT})|(?P<the>the))\s+(?:calendar\s+)?(?P<unit>week|month|year)\b(?:['’]s)?"),
            # year to date / YTD / month-to-date: from the start of the period to publication
            ("todate", r"\b(?:(?P<unit>year|month|quarter)[\s-]+to[\s-]+date|(?-i:(?P<ytd>YTD|ytd)))\b"),
            # late this year / early next month / the end of the year / end of month
            ("prel", rf"\b(?P<part>{PART})[\s-]*(?:(?P<shift>{SHIFT})|(?P<the>the))?\s*(?P<unit>month|year)\b"),
            # the rest of the week / rest of this year
            ("rest", r"\b(?:the\s+)?(?:rest|remain(?:der|ing))\s+(?:of\s+)?(?:the\s+|this\s+|my\s+|current\s+)*"
                     r"(?P<unit>week|month|year)\b"),
            # two years ago / a week ago
            ("ago", rf"\b(?P<n>\d{{1,2}}|{NUM})\s+{UNIT}\s+ago\b"),
            # in two weeks / 3 days from today / two days after tomorrow / two sundays from now
            ("offset", rf"\b(?:in\s+(?P<n>\d{{1,2}}|{NUM})\s+{UNIT}(?!\s+(?:ago|from|after|before|of|time))\b"
                       rf"|(?P<n2>\d{{1,2}}|{NUM})\s+(?:(?P<unit2>day|week|month|year)s?|(?P<wd>{WDFULL})s)\s+(?P<dir>from|after|before)\s+"
                       rf"(?P<w>now|today|tomorrow|yesterday))"),
            # next 3 days / the past two years / last 3year (durations: only resolve() reads them)
            ("dur", rf"\b(?:the\s+)?(?P<shift>{SHIFT})\s+(?P<n>\d{{1,2}}|{NUM})\s*{UNIT}\b"),
            # next week Monday / Friday next week / on Tuesday of last week / previous week - Monday
            ("wk", rf"\b(?:(?P<shift>{SHIFT})\s+week\s*(?:[-–,]\s*|on\s+)?(?P<wd>{WD})\b{DOT}"
                   rf"|(?P<wd2>{WDFULL})\s+(?:of\s+)?(?:the\s+)?(?P<shift2>{SHIFT})\s+week\b)"),
            # next week between Wednesday and Friday / this week from Tue to Thur
            ("wkr", rf"\b(?P<shift>{SHIFT})\s+week\s+(?:between|from)\s+(?P<wd>{WD})\.?\s*(?:and|to|till|until|-)\s*"
                    rf"(?P<wd2>{WD})\b{DOT}"),
            # on Monday / last Friday / Tuesday's
            ("wd", rf"\b(?:(?P<shift>{SHIFT})\s+)?(?P<wd>{WDFULL})\b(?:['’]s)?"),
        )]
        # resolve() only: rules whose matches in running text are too often numbers or durations
        self.loose_rules = {"ym", "domr", "dur", "compact"}

        # Where a match can begin. Every rule starts at a word start, so _scan tries each rule only
        # at the words it can begin with instead of at every character (that scan was most of the
        # finder's time). A text word must equal a rule word's leading letters, or, for the words
        # in ``prefix`` (the pattern lets letters follow: "midyear", "Valentines"), begin with them.
        # Digits are keyed by run length (a year has four, a day one or two, 20250211 eight) and
        # the character after: (s)pace, (a) letter, (p) one of "/.-", (o)ther or the end.
        # tests/test_dates_scan.py checks the result equals a plain search over the whole text.
        def digits(lengths: str, after: str = "sapo") -> list[str]:
            return ["#" + n + c for n in lengths for c in after]

        wd, month, shift = list(self.weekday), list(self.month), list(self.shift)
        ordinal, part, num = list(self.ordinal), list(self.part), list(self.number) + list(self.few)
        apostrophe = [h for h in holidays if "'" in h]
        starts = {
            "md": wd + ["the"] + month, "dm": wd + ["the"] + list(self.daynum) + digits("12"),
            "my": part + month, "m": shift + part + month + month_aliases,
            "q": ["q", "the"] + ordinal + shift + digits("1", "a"), "mm": month,
            "h": ["h", "the", "first", "second"] + digits("1", "a"),
            "y": part + ["fiscal", "fy"] + digits("4"), "yq": digits("4", "spa"), "ym": digits("4", "so"),
            "ymn": digits("124", "sp"), "iso": digits("4", "sp"), "compact": digits("8", "spo"),
            "num": digits("12", "p"), "nd": digits("12", "p"), "domr": digits("12"),
            "dom": ["the"] + digits("12", "a"), "wdd": wd, "nth": ["the", "last"] + ordinal, "hol": holidays,
            "dw": list(self.dayword), "rel": shift + ["the"], "todate": ["year", "month", "quarter", "ytd"],
            "prel": part, "rest": ["the", "rest", "remainder", "remaining"], "ago": num + digits("12", "s"),
            "offset": ["in"] + num + digits("12", "s"), "dur": ["the"] + shift,
            "wk": shift + list(self.full_weekdays), "wkr": shift, "wd": shift + list(self.full_weekdays),
        }
        prefix = {"md": month, "mm": month, "my": part, "m": part, "y": part, "prel": part, "hol": apostrophe}
        self.starts: dict[str, set[int]] = {}
        self.prefix_starts: dict[str, set[int]] = {}
        for i, (name, _) in enumerate(self.rules):
            for table, words in ((self.starts, starts[name]), (self.prefix_starts, prefix.get(name, ()))):
                for w in words:
                    head = w if w.startswith("#") else _head(w)
                    if head:
                        table.setdefault(head, set()).add(i)
        self.rules_at: dict[str, tuple[int, ...]] = {}      # cache: a text word -> the rules it may start


# a digit run takes the character after it along, for the key
_WORD_START = re.compile(r"(?<!\w)(?:\d+(?:\D|$)|[^\W\d_]+)")


def _digit_key(run: int, after: str) -> str:
    """A digit run's key: its length and the character after it ("" at the end)."""
    cls = "s" if after.isspace() else "a" if after.isalpha() else "p" if after and after in "/.-" else "o"
    return f"#{run}{cls}"


def _head(word: str) -> str | None:
    """What a text word must begin with to start a match of this rule word: its letters, or the
    key of its digits ("1st" -> "#1a")."""
    m = re.match(r"(\d+)(.?)|[a-z]+", word.lower())
    if m and m.group(1):
        return _digit_key(len(m.group(1)), m.group(2))
    return m.group() if m else None


def _rules_at(word: str, lex: _Lexicon) -> tuple[int, ...]:
    if word[0].isdecimal():
        after = "" if word[-1].isdecimal() else word[-1]
        return tuple(sorted(lex.starts.get(_digit_key(len(word) - len(after), after), ())))
    key = word.translate(FOLD_TO_ASCII).lower()     # a word as re.I sees it
    found = set(lex.starts.get(key, ()))
    for k in range(1, len(key) + 1):
        found |= lex.prefix_starts.get(key[:k], set())
    return tuple(sorted(found))


# the text last scanned and its starts: the dateline and then the finder read the same article
_last_starts: tuple = (None, None)


def _starts(text: str, lex: _Lexicon) -> list[list[int]]:
    """For each rule, the word starts in ``text`` where it may match."""
    global _last_starts
    last = _last_starts
    if last[0] is text:
        return last[1]
    at: list[list[int]] = [[] for _ in lex.rules]
    cache = lex.rules_at
    for w in _WORD_START.finditer(text):
        word = w.group()
        rules = cache.get(word)
        if rules is None:
            if len(cache) > 20_000:          # bounded: memory must not grow with the input
                cache.clear()
            rules = cache[word] = _rules_at(word, lex)
        if rules:
            p = w.start()
            for i in rules:
                at[i].append(p)
    _last_starts = (text, at)
    return at


def _matches(text: str, rx: re.Pattern, starts: list[int], step: bool, begin: int = 0) -> Iterator[re.Match]:
    """What ``rx.search`` finds from ``begin`` on, and again from each match's start + 1 (``step``)
    or its end, trying only ``starts``."""
    nxt = begin
    for p in starts:
        if p < nxt:
            continue
        m = rx.match(text, p)
        if m:
            yield m
            nxt = m.start() + 1 if step else max(m.end(), m.start() + 1)


def _scan(text: str, lex: _Lexicon, strict: bool) -> list[tuple[int, int, str, re.Match]]:
    """Every rule's matches, as ``rx.search`` from each match on would find them."""
    cands = []
    for (rule, rx), starts in zip(lex.rules, _starts(text, lex)):
        if not starts or (strict and rule in lex.loose_rules):
            continue
        # day-month rules search overlapping: when "March six to March 31" is rejected,
        # "March 31" still counts
        span = "span" in rx.groupindex
        for m in _matches(text, rx, starts, rule in ("md", "dm")):
            s, e = m.span("span") if span else m.span()
            cands.append((s, e, rule, m))
    return cands


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


class _Reject(ValueError):
    """A match that is not a date here (a loose word in running text...)."""


def _add_months_day(x: dt.date, k: int) -> dt.date:
    y, m = _add_months(x.year, x.month, k)
    return dt.date(y, m, min(x.day, calendar.monthrange(y, m)[1]))


def _nth_weekday(y: int, m: int, wd: int, nth: int) -> dt.date | None:
    if nth < 0:
        last = _month_end(y, m)
        return last - dt.timedelta(days=(last.weekday() - wd) % 7)
    first = dt.date(y, m, 1) + dt.timedelta(days=(wd - dt.date(y, m, 1).weekday()) % 7)
    x = first + dt.timedelta(weeks=nth - 1)
    return x if x.month == m else None


def _easter(y: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


def _year2(s: str, pub: dt.date | None) -> int:
    """A year of two digits: within 20 years ahead of publication (or of 2020) it is 20xx."""
    yy = int(s)
    if len(s) == 4:
        return yy
    pivot = ((pub.year if pub else 2020) + 20) % 100
    return 2000 + yy if yy <= pivot else 1900 + yy


# a lower-case word that is not a function word: the name is a modifier ("Christmas sales")
_NOUN_AFTER = re.compile(r"[\s-]+(?!(?:and|or|but|when|as|this|next|last|of|in|at|on|to|the|with|for|because|after"
                         r"|before|until|while|if|so|that|which|is|was|will|would|had|has|have|are|were|he|she|it"
                         r"|they|we|i|a|an)\b)[a-z]")


class _Reader:
    """Turns one regex match into (start, end, granularity); None when it is not a date."""

    def __init__(self, lex: _Lexicon, text: str, pub: dt.date | None, tense: Callable[[], Tense],
                 strict: bool):
        self.lex, self.text, self.pub, self.tense, self.strict = lex, text, pub, tense, strict

    def read(self, rule: str, m: re.Match):
        if self.strict and rule in self.lex.loose_rules:
            return None
        return getattr(self, "_" + rule)(m)

    # Each reader returns (start, end, granularity); start/end None = unresolved; None = reject.
    def _year_of(self, m: re.Match) -> int | None:
        return _int(m.group("y"))

    def _shift(self, word: str | None) -> int | None:
        """Step of a shift word; loose words ("previous") are not dates in running text."""
        if not word:
            return None
        w = _norm(word)
        if self.strict and w in self.lex.loose:
            raise _Reject(w)
        return self.lex.shift.get(w)

    def _count(self, word: str) -> int | None:
        w = _norm(word)
        if w.isdigit():
            return int(w)
        if w in self.lex.few:
            if self.strict:
                raise _Reject(w)
            return self.lex.few[w]
        return self.lex.number.get(w)

    def _day(self, s: str | None, m: re.Match, year: bool = False) -> int | None:
        """Day number from digits or words; written days need care in running text."""
        if s is None:
            return None
        if s[0].isdigit():
            return _int(s)
        w = _norm(s)
        if self.strict:
            if w in self.lex.cardinal and not year:
                raise _Reject(w)
            if re.match(r"\s*[a-z]", self.text[m.end():m.end() + 3]):   # "May second quarter"
                raise _Reject(w)
        return self.lex.daynum.get(w)

    def _lean(self, m: re.Match) -> None:
        """"last June 18" is the past one, "next June 18" the coming one."""
        w = self._word_before(m.start())
        if w in ("last", "next"):
            self.tense = (lambda: "past") if w == "last" else (lambda: "future")

    def _md(self, m):
        lex = self.lex
        self._lean(m)
        y = self._year_of(m)
        mon = lex.month[m.group("m").lower()]
        mon2 = lex.month[m.group("m2").lower()] if m.group("m2") else mon
        d1, d2 = self._day(m.group("d"), m, y is not None), self._day(m.group("d2"), m, y is not None)
        d2 = d2 if d2 is not None else d1
        if d1 is None or not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            return None
        if (mon2, d2) < (mon, d1):                 # "December 30 - January 2" crosses a year
            return None if mon2 == mon else self._span(y, mon, d1, mon2, d2, cross=True)
        return self._span(y, mon, d1, mon2, d2)

    def _dm(self, m):
        lex = self.lex
        self._lean(m)
        y = self._year_of(m)
        mon2 = lex.month[m.group("m").lower()]
        mon = lex.month[m.group("m2").lower()] if m.group("m2") else mon2
        words = not m.group("d")[0].isdigit()
        if self.strict and words and not m.group("of"):        # "the second May Day"
            return None
        d1, d2 = self._day(m.group("d"), m, True), self._day(m.group("d2"), m, True)
        d2 = d2 if d2 is not None else d1
        if d1 is None or not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            return None
        if (mon2, d2) < (mon, d1):
            return None if mon2 == mon else self._span(y, mon, d1, mon2, d2, cross=True)
        return self._span(y, mon, d1, mon2, d2)

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
        # "February 29" without a year: the nearest leap year's
        leap = not _valid_day(self.pub.year, mon, d1) and not _valid_day(self.pub.year + 1, mon, d1) \
            and not _valid_day(self.pub.year - 1, mon, d1)
        if leap:
            y = next(yr for yr in range(self.pub.year, self.pub.year - 8, -1) if _valid_day(yr, mon, d1))
            return fits(y) + ("day",) if fits(y) else None
        r = _pick_year(self.pub, fits, self.tense(), nearest=True)
        return (r[0], r[1], "day") if r else None

    def _my(self, m):
        mon, y = self.lex.month[m.group("m").lower()], self._year_of(m)
        if m.group("part"):
            s, e = _part_of_month(y, mon, self.lex.part[_norm(m.group("part"))])
            return s, e, "day"
        return (*_month_range(y, mon), "month")

    def _ym(self, m):
        return (*_month_range(self._year_of(m), self.lex.month[m.group("m").lower()]), "month")

    def _ymn(self, m):
        sep = m.group("s1") or m.group("s2")
        # running text: only "11/2016"; "1985/6" is a fiscal year, "1978-2" a name, "2016 - 11" a score
        if self.strict and (sep != "/" or m.group("y")):
            return None
        y, mo = int(m.group("y") or m.group("y2")), int(m.group("mo") or m.group("mo2"))
        return (*_month_range(y, mo), "month")

    def _m(self, m):
        lex = self.lex
        shift = self._shift(m.group("shift"))
        part = lex.part.get(_norm(m.group("part") or ""))
        yshift = self._shift(m.group("yshift"))
        if self.strict and shift is None and part is None and yshift is None and not self._cue("m", m.start()):
            return None
        mon = lex.month[(m.group("m") or m.group("ms")).lower()]
        gran = "day" if part else "month"
        if self.pub is None:
            return None, None, gran
        pub = self.pub
        if yshift is not None:
            if shift is not None:
                return None
            y = pub.year + yshift
        elif shift == 0:
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
        shift = self._shift(m.group("shift"))
        if m.group("qo"):
            q = lex.ordinal.get(_norm(m.group("qo")))
        y = self._year_of(m)
        if y is None and m.group("yy"):
            y = 2000 + int(m.group("yy"))
        yshift = self._shift(m.group("yshift"))
        if yshift is not None or m.group("the"):
            if pub is None:
                return None, None, "quarter"
            y = pub.year + (yshift or 0)
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
        if m.group("long"):
            if self.strict:
                return None
            q = self.lex.ordinal.get(_norm(m.group("qo")))
            return (*_quarter_range(y, q), "quarter") if q else None
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
        y = int(m.group("y"))
        if m.group("m"):
            mo, d = self.lex.month[m.group("m").lower()], int(m.group("d2"))
        else:
            if self.strict and m.group("sep") in ("", " "):     # "20250211": an id, a count
                return None
            mo, d = int(m.group("mo")), int(m.group("d"))
        if not _valid_day(y, mo, d):
            return None
        x = dt.date(y, mo, d)
        return x, x, "day"

    def _compact(self, m):
        y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
        if not _valid_day(y, mo, d):
            return None
        x = dt.date(y, mo, d)
        return x, x, "day"

    def _num(self, m):
        a, b, ys, sep = int(m.group("a")), int(m.group("b")), m.group("y"), m.group("sep")
        if self.strict and len(ys) == 2 and sep != "/":          # "3-7-07": a score, a code
            return None
        y = _year2(ys, self.pub)
        day_first = a > 12 or (b <= 12 and sep == ".")
        d, mo = (a, b) if day_first else (b, a)
        if not _valid_day(y, mo, d):
            return None
        x = dt.date(y, mo, d)
        return x, x, "day"

    def _nd(self, m):
        a, b, sep = int(m.group("a")), int(m.group("b")), m.group("sep")
        # running text: "a 4/5 vote", "24/7", "7/8 pct": only "on 11/20" with "/" and a cue word,
        # never a proper fraction of eighths ("from 7/8 to 15/16")
        if self.strict and (sep != "/" or not self._cue("nd", m.start()) or (a < b and b in (2, 4, 8, 16, 32, 64))
                            or re.match(r"\s*(?:pct|percent|per|point|%)", self.text[m.end():m.end() + 9], re.I)):
            return None
        day_first = a > 12 or (b <= 12 and sep == ".")
        d, mo = (a, b) if day_first else (b, a)
        return self._span(None, mo, d, mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None

    def _dom(self, m):
        shift = self._shift(m.group("shift"))
        raw = m.group("d") or m.group("do")
        if self.strict:
            # "the 18th" alone is a century, a floor, an amendment: only "on the 18th" at a clause end
            ordinal = re.search(r"\d(?:st|nd|rd|th)$", raw)
            if not ordinal or (shift is None and not (m.group("the") and self._cue("nd", m.start())
                                                      and not re.match(r"\s*\w", self.text[m.end():m.end() + 3]))):
                return None
        try:
            d = self._day(raw, m, True)
        except _Reject:
            return None
        if not d or d > 31:
            return None
        if self.pub is None:
            return None, None, "day"
        pub = self.pub
        if shift is not None:
            y, mo = _add_months(pub.year, pub.month, shift)
            if not _valid_day(y, mo, d):
                return None
            x = dt.date(y, mo, d)
            return x, x, "day"
        return self._day_near(d)

    def _day_near(self, d: int, wd: int | None = None):
        """The day ``d`` of a month (on weekday ``wd``) nearest the publication, per the tense."""
        pub, tense = self.pub, self.tense()
        days = []
        for k in range(-14, 15):
            y, mo = _add_months(pub.year, pub.month, k)
            if _valid_day(y, mo, d) and (wd is None or dt.date(y, mo, d).weekday() == wd):
                days.append(dt.date(y, mo, d))
        if not days:
            return None
        if wd is None:                                # most recent on or before, as a bare month
            pool = [x for x in days if x >= pub] if tense == "future" else [x for x in days if x <= pub]
            x = (min(pool) if tense == "future" else max(pool)) if pool else days[0]
        else:
            x = min(days, key=lambda x: abs((x - pub).days))
        return x, x, "day"

    def _domr(self, m):
        shift = self._shift(m.group("shift"))
        d1, d2 = _int(m.group("d")), _int(m.group("d2"))
        if self.pub is None:
            return None, None, "day"
        y, mo = _add_months(self.pub.year, self.pub.month, shift or 0)
        if not (_valid_day(y, mo, d1) and _valid_day(y, mo, d2)) or d2 < d1:
            return None
        return dt.date(y, mo, d1), dt.date(y, mo, d2), "day"

    def _wdd(self, m):
        if self.strict and not m.group("the"):            # "on Friday 13 people died"
            return None
        try:
            d = self._day(m.group("d"), m, True)
        except _Reject:
            return None
        if not d or d > 31:
            return None
        if self.pub is None:
            return None, None, "day"
        return self._day_near(d, self.lex.weekday[m.group("wd").lower()])

    def _nth(self, m):
        word = _norm(m.group("nth"))
        nth = -1 if word in ("last", "final") else self.lex.ordinal.get(word)
        wd = self.lex.weekday[m.group("wd").lower()]
        if not nth or (nth < 0 and m.group("m") is None):
            return None
        if m.group("m") is None:
            if self.strict or self.pub is None:       # "a second Sunday of protests"
                return None if self.strict else (None, None, "day")
            x = _nth_weekday(self.pub.year, self.pub.month, wd, nth)
            return (x, x, "day") if x else None
        mon = self.lex.month[m.group("m").lower()]
        y = self._year_of(m)

        def fits(yr):
            x = _nth_weekday(yr, mon, wd, nth)
            return (x, x) if x else None

        if y is None:
            if self.pub is None:
                return None, None, "day"
            r = _pick_year(self.pub, fits, self.tense(), nearest=True)
        else:
            r = fits(y)
        return (r[0], r[1], "day") if r else None

    def _hol(self, m):
        row = self.lex.holiday.get(_hol_key(m.group("hol")))
        y, yshift = self._year_of(m), self._shift(m.group("yshift"))
        if row is None:
            return None
        if self.strict and y is None and yshift is None and (
                not self._cue("hol", m.start()) or _NOUN_AFTER.match(self.text, m.end())):   # "by Easter shopping"
            return None

        def fits(yr):
            if "easter" in row:
                x = _easter(yr) + dt.timedelta(days=int(row["easter"]))
            elif "weekday" in row:
                x = _nth_weekday(yr, int(row["month"]), int(row["weekday"]), int(row["nth"]))
                if x is None:
                    return None
                x += dt.timedelta(days=int(row.get("offset", 0)))
            else:
                if not _valid_day(yr, int(row["month"]), int(row["day"])):
                    return None
                x = dt.date(yr, int(row["month"]), int(row["day"]))
            return x, x

        if y is None and yshift is not None and self.pub is not None:
            y = self.pub.year + yshift
        if y is not None:
            r = fits(y)
        elif self.pub is None:
            return None, None, "day"
        else:
            r = _pick_year(self.pub, fits, self.tense(), nearest=False)
        return (r[0], r[1], "day") if r else None

    def _dw(self, m):
        w = _norm(m.group("w"))
        if self.strict and w in self.lex.loose:
            return None
        if self.pub is None:
            return None, None, "day"
        x = self.pub + dt.timedelta(days=self.lex.dayword[w])
        return x, x, "day"

    def _rel(self, m):
        if self.strict and (self._vague_before(m.start()) or m.group("the")):   # "the year before"
            return None
        if m.group("the") and re.match(r"\s+(?:of|beginning|starting|commencing)\b", self.text[m.end():]):
            return None                                                   # "the week of April 10"
        shift, unit = self._shift(m.group("shift")) or 0, m.group("unit").lower()
        return self._period(unit, shift)

    def _todate(self, m):
        if self._word_before(m.start()) in ("last", "previous", "prior"):   # last year's to-date figure
            return None
        if self.pub is None:
            return None, None, "day"
        pub, unit = self.pub, (m.group("unit") or "year").lower()
        if unit == "month":
            start = pub.replace(day=1)
        elif unit == "quarter":
            start = dt.date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1)
        else:
            start = dt.date(pub.year, 1, 1)
        # figures "to date" stop at the close before publication
        return start, max(start, pub - dt.timedelta(days=1)), "day"

    def _prel(self, m):
        shift = self._shift(m.group("shift"))
        if shift is None and self.strict and self._word_before(m.start()) not in ("at", "by", "until", "till", "before"):
            return None                 # "at the end of the year" is clear, "end of year bonus" is not
        if self.pub is None:
            return None, None, "day" if m.group("unit").lower() == "month" else "month"
        part = self.lex.part[_norm(m.group("part"))]
        y = self.pub.year
        if m.group("unit").lower() == "month":
            y, mo = _add_months(y, self.pub.month, shift or 0)
            return (*_part_of_month(y, mo, part), "day")
        return (*_part_of_year(y + (shift or 0), part), "month")

    def _rest(self, m):
        if self.pub is None:
            return None, None, "day"
        unit, pub = m.group("unit").lower(), self.pub
        if unit == "week":
            end = pub + dt.timedelta(days=6 - pub.weekday())
        elif unit == "month":
            end = _month_end(pub.year, pub.month)
        else:
            end = dt.date(pub.year, 12, 31)
        return pub, end, "day"

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
        k = self._count(m.group("n"))
        if not k:
            return None
        unit = m.group("unit").lower()
        if unit == "week":
            return self._period("day", 0, -7 * k)
        return self._period(unit, -k, -k)

    def _offset(self, m):
        k = self._count(m.group("n") or m.group("n2"))
        if not k:
            return None
        if m.group("n") and self.strict and (self.tense() != "future"      # "rose 5% in two weeks"
                                             or re.match(r"\s+or\b", self.text[m.end():m.end() + 4])):
            return None
        if self.pub is None:
            return None, None, "day"
        base = self.pub
        if m.group("w"):
            base += dt.timedelta(days=self.lex.dayword.get(_norm(m.group("w")), 0))
        sign = -1 if (m.group("dir") or "").lower() == "before" else 1
        if m.group("wd"):                              # "two Sundays from now"
            wd = self.lex.weekday[m.group("wd").lower()]
            first = base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
            x = first + dt.timedelta(weeks=k - 1)
            return (x, x, "day") if sign > 0 else None
        x = self._shifted(base, (m.group("unit") or m.group("unit2")).lower(), sign * k)
        return x, x, "day"

    @staticmethod
    def _shifted(x: dt.date, unit: str, k: int) -> dt.date:
        if unit == "day":
            return x + dt.timedelta(days=k)
        if unit == "week":
            return x + dt.timedelta(weeks=k)
        return _add_months_day(x, k * (12 if unit == "year" else 1))

    def _dur(self, m):
        shift, k = self._shift(m.group("shift")), self._count(m.group("n"))
        if not k or shift not in (-1, 1) or self.pub is None:
            return None
        unit, pub = m.group("unit").lower(), self.pub
        if shift == 1:
            return pub + dt.timedelta(days=1), self._shifted(pub, unit, k), "day"
        return self._shifted(pub, unit, -k), pub - dt.timedelta(days=1), "day"

    def _monday(self, shift: int) -> dt.date:
        return self.pub - dt.timedelta(days=self.pub.weekday()) + dt.timedelta(weeks=shift)

    def _wk(self, m):
        shift = self._shift(m.group("shift") or m.group("shift2"))
        if shift is None:
            return None
        if self.pub is None:
            return None, None, "day"
        x = self._monday(shift) + dt.timedelta(days=self.lex.weekday[(m.group("wd") or m.group("wd2")).lower()])
        return x, x, "day"

    def _wkr(self, m):
        shift = self._shift(m.group("shift"))
        a, b = self.lex.weekday[m.group("wd").lower()], self.lex.weekday[m.group("wd2").lower()]
        if shift is None or b < a:
            return None
        if self.pub is None:
            return None, None, "day"
        monday = self._monday(shift)
        return monday + dt.timedelta(days=a), monday + dt.timedelta(days=b), "day"

    def _wd(self, m):
        shift = self._shift(m.group("shift"))
        if self.pub is None:
            return None, None, "day"
        x = _weekday(self.pub, self.lex.weekday[m.group("wd").lower()], shift, self.tense())
        return x, x, "day"

    def _cue(self, kind: str, pos: int) -> bool:
        return self.lex.before[kind].search(self.text, max(0, pos - 24), pos) is not None

    def _word_before(self, pos: int) -> str:
        words = self.text[max(0, pos - 16):pos].lower().split()
        return words[-1] if words else ""

    def _vague_before(self, pos: int) -> bool:
        return self._word_before(pos) in self.lex.vague


def _hol_key(s: str) -> str:
    return _norm(s.replace("'", "").replace("’", ""))


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
    return _find(text, published, tense_at, strict=True)


def _find(text: str, published: dt.date | None, tense_at: TenseAt | None, strict: bool) -> list[Found]:
    if not text:
        return []
    lex = _lexicon()
    if tense_at is None:
        def tense_at(s, e):
            return guess_tense(text, s, e)
    cands = _scan(text, lex, strict)
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
            got = _Reader(lex, text, published, tense, strict=strict).read(rule, m)
        except (ValueError, OverflowError, KeyError, TypeError):
            got = None
        if got is None:
            continue
        taken.append((s, e))
        out.append(Found(s, e, DateValue(text[s:e], got[0], got[1], got[2])))
    out.sort(key=lambda f: f.start)
    try:
        return _week_of(text, _join_ranges(text, out, strict))
    except (ValueError, OverflowError):
        return out


_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|till|til|until|through|thru|and)\s*$", re.I)
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d+[/.-]\d+[/.-]\d+")
_DAY_BEFORE = re.compile(r"(?:^|(?<=\s))(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|till|until|through)\s*$", re.I)
_OPENER = re.compile(r"(?:from|between)\s+$", re.I)
_WEEK_OF = re.compile(r"(?:\bthe\s+)?(?:\bweek\s+(?:of|beginning|starting|commencing)(?:\s+on)?|\bw/c)\s+$", re.I)


def _names_date(raw: str) -> bool:
    """A calendar date (digits or a month name), not a weekday that moves by weeks."""
    return any(c.isdigit() for c in raw) or any(w in _lexicon().month for w in re.findall(r"[a-z]+", raw.lower()))


def _shift_year(x: dt.date, k: int) -> dt.date | None:
    try:
        return x.replace(year=x.year + k)
    except ValueError:                       # 29 February
        return None


def _join_ranges(text: str, found: list[Found], strict: bool) -> list[Found]:
    """"from 10/1/2018 - 10/7/2018", "between January 1st 2015 and Feb 5th 2018": two dates joined
    by a connector make one range; a year on one side carries to the other."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        gap = text[a.end:b.start] if b else ""
        va = a.value
        if b and va.start and b.value.start and va.granularity in ("day", "month") \
                and b.value.granularity in ("day", "month") and _RANGE_GAP.match(gap) \
                and (not strict or _OPENER.search(text[max(0, a.start - 9):a.start])):
            sa, sb, eb = va.start, b.value.start, b.value.end
            if sa > sb:
                # a year-less calendar date moves by a year; a weekday ("from Sunday to Thursday") not
                if _names_date(b.value.raw) and not _HAS_YEAR.search(b.value.raw):
                    sb, eb = _shift_year(sb, 1), _shift_year(eb, 1)
                elif _names_date(va.raw) and not _HAS_YEAR.search(va.raw):
                    sa = _shift_year(sa, -1)
                else:
                    sa = None
            elif not _HAS_YEAR.search(va.raw) and _HAS_YEAR.search(b.value.raw) and sb.year != sa.year:
                k = sb.year - sa.year - (1 if (sa.month, sa.day) > (sb.month, sb.day) else 0)
                sa = _shift_year(sa, k)
            if sa and eb and sa <= eb:
                gran = "day" if "day" in (va.granularity, b.value.granularity) else "month"
                out.append(Found(a.start, b.end, DateValue(text[a.start:b.end], sa, eb, gran)))
                i += 2
                continue
        if not strict and va.start and va.granularity == "day" and va.start == va.end:
            # "from 4 to January 22, 1995": the first day borrows the month of the second
            d = _DAY_BEFORE.search(text, max(0, a.start - 12), a.start)
            if d and (not out or out[-1].end <= d.start()):
                try:
                    x = va.start.replace(day=int(d.group("d")))
                except ValueError:
                    x = None
                if x and x <= va.start:
                    out.append(Found(d.start(), a.end, DateValue(text[d.start():a.end], x, va.end, "day")))
                    i += 1
                    continue
        out.append(a)
        i += 1
    return out


def _week_of(text: str, found: list[Found]) -> list[Found]:
    """"the week of April 10th", "w/c Feb 4": the Monday-Sunday week around that day."""
    out = []
    for f in found:
        v = f.value
        w = _WEEK_OF.search(text, max(0, f.start - 40), f.start) if v.start and v.start == v.end else None
        if w and (not out or out[-1].end <= w.start()):
            monday = v.start - dt.timedelta(days=v.start.weekday())
            f = Found(w.start(), f.end, DateValue(text[w.start():f.end], monday, monday + dt.timedelta(days=6), "day"))
        out.append(f)
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
        candidates = (body, body[cue.end():]) if cue else (body,)
        for candidate in candidates:
            for rule, rx in lex.rules:
                m = rx.fullmatch(candidate)
                if m:
                    try:
                        got = _Reader(lex, candidate, published, lambda: tense, strict=False).read(rule, m)
                    except _Reject:
                        got = None
                    if got:
                        return DateValue(text, *got)
        for candidate in candidates:       # composed forms: ranges, "the week of ..."
            found = _find(candidate, published, lambda s, e: tense, strict=False)
            if len(found) == 1 and found[0].start == 0 and found[0].end == len(candidate) \
                    and found[0].value.start is not None:
                v = found[0].value
                return DateValue(text, v.start, v.end, v.granularity)
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
    from dateparser.date import DateDataParser  # slow import: only when the fallback is needed

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


def _first_full_year(lex: _Lexicon, text: str, start: int) -> int | None:
    """The year of the first complete date after ``start`` ("February 22, 1987"): only the rules
    that read a day with its year, not the whole finder, as this runs on every wire article."""
    best: tuple[int, int] | None = None
    for (rule, rx), starts in zip(lex.rules, _starts(text, lex)):
        if rule not in ("md", "dm", "iso", "num"):
            continue
        for m in _matches(text, rx, starts, True, start):
            if best is not None and m.start() >= best[0]:
                break
            if "y" in rx.groupindex and m.group("y"):
                try:
                    got = _Reader(lex, text, None, lambda: None, strict=False).read(rule, m)
                except (ValueError, OverflowError, KeyError, TypeError):
                    got = None
                if got and got[0] and got[2] == "day":
                    best = (m.start(), got[0].year)
                    break
    return best[1] if best else None


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
        year = _first_full_year(lex, text, e)
    reader = _Reader(lex, text, None, lambda: None, strict=False)
    mon, d = lex.month[m.group("m").lower()], _int(m.group("d"))
    if year is None or not _valid_day(year, mon, d):
        got = reader.read("md", m)
        return Found(s, e, DateValue(text[s:e], None, None, "day")) if got else None
    x = dt.date(year, mon, d)
    return Found(s, e, DateValue(text[s:e], x, x, "day"))
