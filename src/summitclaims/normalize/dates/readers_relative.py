"""Readers of the rules relative to publication (grammar_relative): days of the month, holidays,
day words, this/next/last periods, offsets, durations and weekdays -> (start, end, granularity)."""
from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from . import timex
from .grammar import Got
from .lexicon import Row, holiday_key, norm
from .reading import Reading, Reject, int_of

Match = re.Match[str]

# Characters after "on the 18th" that must hold no word: "the 18th" ends the clause.
CLAUSE_END_WINDOW = 3
# Characters after "in two weeks" checked for "or" ("in a day or two" is vague).
OR_WINDOW = 4

_ORDINAL_DAY = re.compile(r"\d(?:st|nd|rd|th)$")
_WORD_AFTER = re.compile(r"\s*\w")
_OR_AFTER = re.compile(r"\s+or\b")
# The words that make "the past two years" a stretch up to publication in running text; "the
# previous year" is a year of the story (grammar_story), "this year" a calendar year. The stretch
# ahead ("over the next four years") is the horizon of a plan: money records carry it as their
# ``period``, so running text makes no date of it.
DURATION_SHIFTS = ("past", "last")
# "the final Sunday of May" is the last one (the ordinal table reads "final" as fourth)
_LAST = ("last", "final")


def day_of_month(r: Reading, m: Match) -> Got | None:
    """the 18th / the twenty second / 20th of next month; in running text "the 18th" alone is a
    century, a floor, an amendment: only "on the 18th" at a clause end."""
    shift = r.shift(m.group("shift"))
    raw = m.group("d") or m.group("do")
    if r.strict:
        ordinal = _ORDINAL_DAY.search(raw)
        if not ordinal or (shift is None and not (
                m.group("the") and r.cue(r.cues.day, m.start())
                and not _WORD_AFTER.match(r.text[m.end():m.end() + CLAUSE_END_WINDOW]))):
            return None
    try:
        d = r.day(raw, m, True)
    except Reject:
        return None
    if not d or d > 31:
        return None
    pub = r.pub
    if pub is None:
        return None, None, "day"
    if shift is not None:
        y, mo = cal.add_months(pub.year, pub.month, shift)
        if not cal.valid_day(y, mo, d):
            return None
        x = dt.date(y, mo, d)
        return x, x, "day"
    return r.day_near(d)


def day_range_of_month(r: Reading, m: Match) -> Got | None:
    """from 4 to 22 this month / 4 till 23 of next month."""
    shift = r.shift(m.group("shift"))
    d1, d2 = int_of(m.group("d")), int_of(m.group("d2"))
    if r.pub is None:
        return None, None, "day"
    if d1 is None or d2 is None:
        return None
    y, mo = cal.add_months(r.pub.year, r.pub.month, shift or 0)
    if not (cal.valid_day(y, mo, d1) and cal.valid_day(y, mo, d2)) or d2 < d1:
        return None
    return dt.date(y, mo, d1), dt.date(y, mo, d2), "day"


def weekday_day(r: Reading, m: Match) -> Got | None:
    """Friday the 13th: the nearest such day; in running text not "on Friday 13 people died"."""
    if r.strict and not m.group("the"):
        return None
    try:
        d = r.day(m.group("d"), m, True)
    except Reject:
        return None
    if not d or d > 31:
        return None
    if r.pub is None:
        return None, None, "day"
    return r.day_near(d, r.lex.weekday[m.group("wd").lower()])


def nth_weekday(r: Reading, m: Match) -> Got | None:
    """the second Sunday of May / first Monday in September / third Tuesday (of this month)."""
    word = norm(m.group("nth"))
    nth = -1 if word in _LAST else r.lex.ordinal.get(word)
    wd = r.lex.weekday[m.group("wd").lower()]
    if not nth or (nth < 0 and m.group("m") is None):
        return None
    if m.group("m") is None:
        if r.strict:                           # "a second Sunday of protests"
            return None
        if r.pub is None:
            return None, None, "day"
        x = cal.nth_weekday(r.pub.year, r.pub.month, wd, nth)
        return (x, x, "day") if x else None
    mon = r.lex.month[m.group("m").lower()]
    y = r.year_of(m)
    n = nth

    def fits(yr: int) -> cal.Range | None:
        x = cal.nth_weekday(yr, mon, wd, n)
        return (x, x) if x else None

    if y is not None:
        got = fits(y)
    elif r.pub is None:
        return None, None, "day"
    else:
        got = cal.pick_year(r.pub, fits, r.tense(), nearest=True)
    return (got[0], got[1], "day") if got else None


def _holiday_on(row: Row, yr: int) -> cal.Range | None:
    """A holiday of the table in year ``yr``: fixed, nth weekday of a month, or Easter-based."""
    if "easter" in row:
        x = cal.easter_sunday(yr) + dt.timedelta(days=int(row["easter"]))
    elif "weekday" in row:
        nth = cal.nth_weekday(yr, int(row["month"]), int(row["weekday"]), int(row["nth"]))
        if nth is None:
            return None
        x = nth + dt.timedelta(days=int(row.get("offset", 0)))
    else:
        if not cal.valid_day(yr, int(row["month"]), int(row["day"])):
            return None
        x = dt.date(yr, int(row["month"]), int(row["day"]))
    return cal.week_range(x) if row.get("week") else (x, x)


def holiday(r: Reading, m: Match) -> Got | None:
    """Christmas / Christmas Eve 2024 / Independence Day of this year; in running text without a
    year only after a cue word and not as a modifier ("by Easter shopping")."""
    row = r.lex.holiday.get(holiday_key(m.group("hol")))
    y, yshift = r.year_of(m), r.shift(m.group("yshift"))
    if row is None:
        return None
    if r.strict and y is None and yshift is None and (
            not r.cue(r.cues.holiday, m.start()) or r.cues.noun_after.match(r.text, m.end())):
        return None
    if y is None and yshift is not None and r.pub is not None:
        y = r.pub.year + yshift
    if y is not None:
        got = _holiday_on(row, y)
    elif r.pub is None:
        return None, None, "day"
    else:
        got = cal.pick_year(r.pub, lambda yr: _holiday_on(row, yr), r.tense(), nearest=r.strict)
    return (got[0], got[1], "week" if row.get("week") else "day") if got else None


def day_word(r: Reading, m: Match) -> Got | None:
    """today / yesterday / the day after tomorrow."""
    w = norm(m.group("w"))
    if r.strict and w in r.lex.loose:
        return None
    if r.pub is None:
        return None, None, "day"
    x = r.pub + dt.timedelta(days=r.lex.dayword[w])
    return x, x, "day"


def this_period(r: Reading, m: Match) -> Got | None:
    """this week / last year / next month / earlier this month (that month); "the year" only
    outside running text or after "earlier in" / "later in"."""
    if r.strict and (r.vague_before(m.start()) or (m.group("the") and not m.group("rel"))):   # "the year before"
        return None
    if r.strict and not m.group("rel") and r.word_before(m.start()) == "the":
        return None           # "the last year" is twelve months (duration) or a year of a plan
    if r.strict and m.group("rel") and r.pub is None:
        return None           # "earlier this year" says no more than "this year" unresolved would
    if m.group("the") and r.cues.week_of_after.match(r.text, m.end()):   # "the week of April 10"
        return None
    shift, unit = r.shift(m.group("shift")) or 0, m.group("unit").lower()
    return r.period(unit, shift)


def to_date(r: Reading, m: Match) -> Got | None:
    """year to date / YTD: from the period's start to the close before publication."""
    if r.word_before(m.start()) in r.lex.past_period:   # last year's to-date figure
        return None
    pub = r.pub
    if pub is None:
        return None, None, "day"
    unit = (m.group("unit") or "year").lower()
    if unit == "month":
        start = pub.replace(day=1)
    elif unit == "quarter":
        start = dt.date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1)
    else:
        start = dt.date(pub.year, 1, 1)
    return start, max(start, pub - dt.timedelta(days=1)), "day"


def part_of_period(r: Reading, m: Match) -> Got | None:
    """late this year / early next month / the end of the year; in running text without a shift
    only after "at", "by"...: "at the end of the year" is clear, "end of year bonus" is not."""
    shift = r.shift(m.group("shift"))
    if shift is None and r.strict and r.word_before(m.start()) not in r.lex.period_cue:
        return None
    unit = m.group("unit").lower()
    month = unit == "month"
    if r.pub is None:
        return None, None, unit
    if unit == "week":
        return r.period("week", shift or 0)
    y = r.pub.year
    if month:
        y, mo = cal.add_months(y, r.pub.month, shift or 0)
        return (*cal.month_range(y, mo), "month")
    return (*cal.year_range(y + (shift or 0)), "year")


def rest_of_period(r: Reading, m: Match) -> Got | None:
    """the rest of the week / month / year: from publication to its end."""
    pub = r.pub
    if pub is None:
        return None, None, "day"
    unit = m.group("unit").lower()
    if unit == "week":
        end = pub + dt.timedelta(days=6 - pub.weekday())
    elif unit == "month":
        end = cal.month_end(pub.year, pub.month)
    else:
        end = dt.date(pub.year, 12, 31)
    return pub, end, "day"


def ago(r: Reading, m: Match) -> Got | None:
    """two years ago: that whole year; six weeks ago: that week; three days ago: that day; a
    decade ago: the year ten years back."""
    k = r.count(m.group("n"))
    if not k:
        return None
    unit = m.group("unit").lower()
    if unit == "week":
        if r.pub is None:
            return None, None, "week"
        return (*cal.week_range(r.pub - dt.timedelta(weeks=k)), "week")
    if unit == "decade":
        return r.period("year", -10 * k)
    return r.period(unit, -k, -k)


def season(r: Reading, m: Match) -> Got | None:
    """last summer / this fall / the summer of 1988 / early next spring: the three months of the
    season (winter from December); in running text without a year or a shift word only after
    a cue ("in the fall", "by spring") and not as a modifier ("winter storms", "the fall of")."""
    code = r.lex.season[m.group("season").lower()]
    shift = r.shift(m.group("shift") or m.group("shift2"))
    y, yshift = r.year_of(m), r.shift(m.group("yshift"))
    if r.strict and y is None and shift is None and yshift is None:
        after = r.text[m.end():m.end() + 4]
        if (not r.cue(r.cues.month, m.start()) or r.cues.noun_after.match(r.text, m.end())
                or after.startswith(" of")):
            return None
        # "fall" and "spring" are also verbs and nouns: "starts to fall", "in spring water"
        if code in ("FA", "SP") and not (m.group("the") or m.group("part")):
            return None
    if r.strict and y is None and code in ("FA", "SP") and re.match(r"\s+(?:in|of)\b", r.text[m.end():m.end() + 4]):
        return None                        # "the fall in crude prices", "the spring of the revival"
    if y is not None:
        return (*cal.season_range(y, code), "season")
    pub = r.pub
    if pub is None:
        return None, None, "season"
    if yshift is not None:
        return (*cal.season_range(pub.year + yshift, code), "season")
    options = [cal.season_range(pub.year + k, code) for k in (-2, -1, 0, 1)]
    if shift == 0:       # the one under way, else the one of the publication year
        got = next((o for o in options if o[0] <= pub <= o[1]), None) or \
            next(o for o in options if o[0].year == pub.year)
    elif shift == -1:
        got = [o for o in options if o[1] < pub][-1]
    elif shift == 1:
        got = next(o for o in options if o[0] > pub)
    else:
        picked = cal.pick_year(pub, lambda yr: cal.season_range(yr, code), r.tense(), nearest=r.strict)
        if picked is None:
            return None
        got = picked
    return (*got, "season")


def unit_end(r: Reading, m: Match) -> Got | None:
    """year-end / quarter-end / month-end: the year (quarter, month) with mod end; without a
    year the one whose end the tense points to (past: the last one ended; future: the current
    one), else the nearest end ("at year-end" in a February story is the year just ended)."""
    unit, y = m.group("unit").lower(), r.year_of(m)
    if y is not None:
        return (*cal.year_range(y), "year") if unit == "year" else None
    pub = r.pub
    if pub is None:
        return None, None, unit
    shift = r.shift(m.group("shift"))
    if unit == "year":
        def unit_of(k: int) -> cal.Range:
            return cal.year_range(pub.year + k)
    elif unit == "quarter":
        def unit_of(k: int) -> cal.Range:
            yy, mo = cal.add_months(pub.year, 3 * ((pub.month - 1) // 3) + 1, 3 * k)
            return cal.quarter_range(yy, (mo + 2) // 3)
    else:
        def unit_of(k: int) -> cal.Range:
            return cal.month_range(*cal.add_months(pub.year, pub.month, k))
    if shift is not None:
        return (*unit_of(shift), unit)
    tense = r.tense()
    if tense == "future":
        got = unit_of(0)
    elif tense == "past":
        got = unit_of(-1) if unit_of(0)[1] > pub else unit_of(0)
    else:
        got = min((unit_of(-1), unit_of(0)), key=lambda u: abs((u[1] - pub).days))
    return (*got, unit)


def offset(r: Reading, m: Match) -> Got | None:
    """in two weeks / 3 days from today / two Sundays from now: that day; in running text "in N
    weeks" only with a future cue ("rose 5% in two weeks" is a duration)."""
    k = r.count(m.group("n") or m.group("n2"))
    if not k:
        return None
    if m.group("n") and r.strict and (r.tense() != "future"
                                      or _OR_AFTER.match(r.text[m.end():m.end() + OR_WINDOW])):
        return None
    if r.pub is None:
        return None, None, "day"
    base = r.pub
    if m.group("w"):
        base += dt.timedelta(days=r.lex.dayword.get(norm(m.group("w")), 0))
    sign = -1 if (m.group("dir") or "").lower() == "before" else 1
    if m.group("wd"):
        wd = r.lex.weekday[m.group("wd").lower()]
        first = base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
        x = first + dt.timedelta(weeks=k - 1)
        return (x, x, "day") if sign > 0 else None
    x = cal.shifted(base, (m.group("unit") or m.group("unit2")).lower(), sign * k)
    return x, x, "day"


def _duration_of(r: Reading, m: Match) -> tuple[int, str] | None:
    """(count, unit) of "the past two years", "the last decade" (ten years)."""
    k = r.count(m.group("n")) if m.group("n") else 1
    unit = m.group("unit").lower()
    if not k:
        return None
    return (10 * k, "year") if unit == "decade" else (k, unit)


def duration(r: Reading, m: Match) -> Got | None:
    """next 3 days / the past two years / the past year: the days after publication / up to the
    day before (TIMEX3 writes the duration, duration_timex). In running text only with "the":
    "the past year" is twelve months, "last year" the calendar year before; and "the next year"
    without a count is next year."""
    shift = r.lex.shift.get(norm(m.group("shift")))       # "past", "previous" are loose words elsewhere
    if r.strict and (not m.group("the") or (shift == 1 and not m.group("n"))
                     or norm(m.group("shift")) not in DURATION_SHIFTS
                     or r.text.startswith(" of", m.end())):     # "the last year of the plan"
        return None
    if not m.group("n") and not m.group("the"):
        return None                                        # "last year": this_period's
    got = _duration_of(r, m)
    if got is None or shift not in (-1, 1) or r.pub is None:
        return None
    (k, unit), pub = got, r.pub
    if shift == 1:
        return pub + dt.timedelta(days=1), cal.shifted(pub, unit, k), "day"
    return cal.shifted(pub, unit, -k), pub - dt.timedelta(days=1), "day"


def duration_timex(r: Reading, m: Match) -> str | None:
    """The TIMEX3 duration of "the past two years": "P2Y"."""
    got = _duration_of(r, m)
    return timex.duration(*got) if got else None


def week_day(r: Reading, m: Match) -> Got | None:
    """next week Monday / Friday next week / on Tuesday of last week."""
    shift = r.shift(m.group("shift") or m.group("shift2"))
    if shift is None:
        return None
    if r.pub is None:
        return None, None, "day"
    x = cal.monday(r.pub, shift) + dt.timedelta(days=r.lex.weekday[(m.group("wd") or m.group("wd2")).lower()])
    return x, x, "day"


def week_days(r: Reading, m: Match) -> Got | None:
    """next week between Wednesday and Friday / this week from Tue to Thur."""
    shift = r.shift(m.group("shift"))
    a, b = r.lex.weekday[m.group("wd").lower()], r.lex.weekday[m.group("wd2").lower()]
    if shift is None or b < a:
        return None
    if r.pub is None:
        return None, None, "day"
    monday = cal.monday(r.pub, shift)
    return monday + dt.timedelta(days=a), monday + dt.timedelta(days=b), "day"


def weekday(r: Reading, m: Match) -> Got | None:
    """on Monday / last Friday / Tuesday's."""
    shift = r.shift(m.group("shift"))
    if r.pub is None:
        return None, None, "day"
    x = cal.weekday_near(r.pub, r.lex.weekday[m.group("wd").lower()], shift, r.tense(), nearest=r.strict)
    return x, x, "day"
