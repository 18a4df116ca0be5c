"""Calendar arithmetic the readers share: month and quarter ranges, thirds and halves, the
occurrence of a year-less date nearest publication, nth weekdays, Easter (all ends inclusive)."""
from __future__ import annotations

import datetime as dt
from calendar import monthrange
from typing import Callable, Optional

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

Tense = Optional[str]            # "past" | "future" | None
Range = tuple[dt.date, dt.date]
Fits = Callable[[int], Optional[Range]]      # a year -> that year's occurrence of a date, or None

# Two-digit years are 20xx up to this many years after publication, else 19xx.
YEAR2_AHEAD = 20
# The pivot year for two-digit years when there is no publication date.
YEAR2_DEFAULT_BASE = 2020
# Days after its end that a quarter or a half is still the one a future verb means ("expects a
# first-quarter profit" in April, "will take a fourth-quarter loss" in March: annual results
# come up to three months after the year ends).
RESULTS_GRACE = 90
# Years tried back from publication for "February 29" without a year (two leap years at least).
LEAP_LOOKBACK = 8


def month_end(y: int, m: int) -> dt.date:
    """The last day of month ``m`` of year ``y``."""
    return dt.date(y, m, monthrange(y, m)[1])


def month_range(y: int, m: int) -> Range:
    """The first and last day of a month."""
    return dt.date(y, m, 1), month_end(y, m)


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) ``k`` months after month ``m`` of ``y``."""
    x = dt.date(y, m, 1) + relativedelta(months=k)
    return x.year, x.month


def add_months_day(x: dt.date, k: int) -> dt.date:
    """``x`` moved by ``k`` months, the day clamped to the end of a shorter month."""
    return x + relativedelta(months=k)


def quarter_range(y: int, q: int) -> Range:
    """Calendar quarter ``q`` (1-4): fiscal quarters are read as calendar ones."""
    return dt.date(y, 3 * q - 2, 1), month_end(y, 3 * q)


def half_range(y: int, h: int) -> Range:
    """Half ``h`` (1-2) of a year."""
    return dt.date(y, 6 * h - 5, 1), month_end(y, 6 * h)


def year_range(y: int) -> Range:
    """1 January to 31 December."""
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def part_of_year(y: int, part: int) -> Range:
    """Early / mid / late (1-3) of a year: Jan-Apr, May-Aug, Sep-Dec."""
    first = 4 * part - 3
    return dt.date(y, first, 1), month_end(y, first + 3)


def part_of_month(y: int, m: int, part: int) -> Range:
    """Early / mid / late (1-3) of a month: 1-10, 11-20, 21-end."""
    if part == 1:
        return dt.date(y, m, 1), dt.date(y, m, 10)
    if part == 2:
        return dt.date(y, m, 11), dt.date(y, m, 20)
    return dt.date(y, m, 21), month_end(y, m)


def part_of_decade(decade: int, part: int) -> Range:
    """Early / mid / late (1-3) of a decade (``decade`` 199 for the 1990s): 0-3, 4-6, 7-9."""
    first, last = ((0, 3), (4, 6), (7, 9))[part - 1]
    return dt.date(decade * 10 + first, 1, 1), dt.date(decade * 10 + last, 12, 31)


def decade_range(decade: int) -> Range:
    """The years of a decade: 199 -> 1990-1999."""
    return dt.date(decade * 10, 1, 1), dt.date(decade * 10 + 9, 12, 31)


# Seasons as TimeML names them, by their first month (meteorological, northern hemisphere):
# spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb (the winter of 1989 starts in
# December 1989).
SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_range(y: int, season: str) -> Range:
    """The three months of ``season`` ("SP", "SU", "FA", "WI") of year ``y``."""
    first = SEASON_FIRST_MONTH[season]
    ey, em = add_months(y, first, 2)
    return dt.date(y, first, 1), month_end(ey, em)


def week_range(x: dt.date) -> Range:
    """The Monday-Sunday week of ``x``."""
    m = monday(x)
    return m, m + dt.timedelta(days=6)


def narrow(start: dt.date, end: dt.date, granularity: str, part: int) -> Range | None:
    """The early / mid / late (1-3) third of a whole month, year or decade (None for other units):
    "early December" is the month with mod start, and 1-10 December its narrowed reading."""
    if granularity == "month":
        return part_of_month(start.year, start.month, part)
    if granularity == "year" and start.year == end.year:
        return part_of_year(start.year, part)
    if granularity == "decade":
        return part_of_decade(start.year // 10, part)
    return None


def valid_day(y: int, m: int, d: int) -> bool:
    """Does day ``d`` of month ``m`` exist in year ``y``?"""
    return 1 <= m <= 12 and 1 <= d <= monthrange(y, m)[1]


def monday(x: dt.date, weeks: int = 0) -> dt.date:
    """The Monday of the week of ``x``, moved by ``weeks``."""
    return x - dt.timedelta(days=x.weekday()) + dt.timedelta(weeks=weeks)


def pick_year(pub: dt.date, fits: Fits, tense: Tense, nearest: bool, grace: int = 0) -> Range | None:
    """The occurrence of a year-less date that the tense (or nearness) points to, among the
    years around publication; ``fits(year)`` is that year's occurrence or None. ``grace``: in
    the future tense an occurrence that ended up to this many days before publication still
    counts (results "will" be reported for the quarter just ended)."""
    options = [r for r in (fits(pub.year - 1), fits(pub.year), fits(pub.year + 1)) if r]
    if not options:
        return None
    before = [r for r in options if r[0] <= pub]
    after = [r for r in options if r[1] >= pub - dt.timedelta(days=grace)]
    if tense == "future" and after:
        return after[0]
    if tense == "past" or not nearest:
        return before[-1] if before else options[0]
    return min(options, key=lambda r: _distance(pub, r))


def _distance(pub: dt.date, r: Range) -> int:
    if r[0] <= pub <= r[1]:
        return 0
    return min(abs((r[0] - pub).days), abs((r[1] - pub).days))


def leap_year_before(pub: dt.date, m: int, d: int) -> int:
    """The latest year up to publication that has day ``d`` of month ``m`` ("February 29")."""
    return next(y for y in range(pub.year, pub.year - LEAP_LOOKBACK, -1) if valid_day(y, m, d))


def weekday_near(pub: dt.date, wd: int, shift: int | None, tense: Tense, nearest: bool = False) -> dt.date:
    """Weekday ``wd`` (Monday 0): "this" (0) in the publication week, "last"/"next" (-1/1) the
    nearest before/after publication, else the most recent on or before (the next in future;
    without a tense and ``nearest``, the nearer of the two)."""
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if shift is None and tense is None and nearest and ahead < back:
        return pub + dt.timedelta(days=ahead)
    if shift == 0:
        return pub - dt.timedelta(days=pub.weekday() - wd)
    if shift == -1:
        return pub - dt.timedelta(days=back or 7)
    if shift == 1:
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    if tense == "future":
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7)
    return pub - dt.timedelta(days=back)


def nth_weekday(y: int, m: int, wd: int, nth: int) -> dt.date | None:
    """The ``nth`` weekday ``wd`` of a month (-1: the last one); None past the month's end."""
    if nth < 0:
        last = month_end(y, m)
        return last - dt.timedelta(days=(last.weekday() - wd) % 7)
    first = dt.date(y, m, 1) + dt.timedelta(days=(wd - dt.date(y, m, 1).weekday()) % 7)
    x = first + dt.timedelta(weeks=nth - 1)
    return x if x.month == m else None


def easter_sunday(y: int) -> dt.date:
    """Gregorian (western) Easter Sunday."""
    return easter(y)


def shifted(x: dt.date, unit: str, k: int) -> dt.date:
    """``x`` moved by ``k`` days, weeks, months or years (month ends clamp)."""
    if unit == "day":
        return x + dt.timedelta(days=k)
    if unit == "week":
        return x + dt.timedelta(weeks=k)
    return add_months_day(x, k * (12 if unit == "year" else 1))


def shift_year(x: dt.date, k: int) -> dt.date | None:
    """``x`` in the year ``k`` years on; None for a 29 February that year lacks."""
    try:
        return x.replace(year=x.year + k)
    except ValueError:
        return None


def year2(s: str, pub: dt.date | None) -> int:
    """A year of two digits: within YEAR2_AHEAD years after publication (or the default base) 20xx."""
    yy = int(s)
    if len(s) == 4:
        return yy
    pivot = ((pub.year if pub else YEAR2_DEFAULT_BASE) + YEAR2_AHEAD) % 100
    return 2000 + yy if yy <= pivot else 1900 + yy


def unit_range(x: dt.date, gran: str) -> Range:
    """The ``gran`` unit (day ... year) holding day ``x``."""
    if gran == "day":
        return x, x
    if gran == "week":
        return week_range(x)
    if gran == "month":
        return month_range(x.year, x.month)
    if gran == "quarter":
        return quarter_range(x.year, (x.month + 2) // 3)
    if gran == "half":
        return half_range(x.year, 1 if x.month <= 6 else 2)
    if gran == "decade":
        return decade_range(x.year // 10)
    if gran == "season":
        y = x.year - 1 if x.month < 3 else x.year
        code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(x.month, "FA")
        return season_range(y, code)
    return year_range(x.year)
