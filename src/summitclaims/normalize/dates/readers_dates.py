"""Readers of the calendar-date rules (grammar_dates): a match of a day and month, a month, a
quarter, a half, a year or a numeric date -> (start, end, granularity); None when not a date."""
from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .grammar import Got
from .lexicon import norm
from .reading import Reading, int_of

Match = re.Match[str]

# Characters after a year searched for a unit word ("2000 tonnes" is a quantity).
UNIT_WINDOW = 16
# Characters after a numeric day searched for a percent word ("7/8 pct" is a fraction).
PERCENT_WINDOW = 9
# Denominators of the fractions quoted in markets ("from 7/8 to 15/16"), never days and months.
FRACTION_DENOMINATORS = (2, 4, 8, 16, 32, 64)

_PERCENT_AFTER = re.compile(r"\s*(?:pct|percent|per|point|%)", re.I)


def _year(m: Match) -> int:
    return int(m.group("y"))


def _day_range(r: Reading, y: int | None, mon: int, d1: int | None, mon2: int, d2: int | None) -> Got | None:
    """Day-month ranges: "December 30 - January 2" crosses a year, "February 11-10" is no range."""
    d2 = d2 if d2 is not None else d1
    if d1 is None or d2 is None or not (1 <= d1 <= 31 and 1 <= d2 <= 31):
        return None
    if (mon2, d2) < (mon, d1):
        return None if mon2 == mon else r.span(y, mon, d1, mon2, d2, cross=True)
    return r.span(y, mon, d1, mon2, d2)


def month_day(r: Reading, m: Match) -> Got | None:
    """February 10 / Feb. 10-11 / March 30 - April 2, 2025."""
    r = r.leaning(m)
    y = r.year_of(m)
    yshift = r.shift(m.group("yshift"))
    if yshift is not None:
        if r.pub is None:
            return None, None, "day"
        y = r.pub.year + yshift
    mon = r.lex.month[m.group("m").lower()]
    mon2 = r.lex.month[m.group("m2").lower()] if m.group("m2") else mon
    d1, d2 = r.day(m.group("d"), m, y is not None), r.day(m.group("d2"), m, y is not None)
    return _day_range(r, y, mon, d1, mon2, d2)


def day_month(r: Reading, m: Match) -> Got | None:
    """10 February / the 3rd of March 2025 / 28 February - 2 March."""
    r = r.leaning(m)
    y = r.year_of(m)
    mon2 = r.lex.month[m.group("m").lower()]
    mon = r.lex.month[m.group("m2").lower()] if m.group("m2") else mon2
    words = not m.group("d")[0].isdigit()
    if r.strict and words and not m.group("of"):        # "the second May Day"
        return None
    d1, d2 = r.day(m.group("d"), m, True), r.day(m.group("d2"), m, True)
    return _day_range(r, y, mon, d1, mon2, d2)


def month_year(r: Reading, m: Match) -> Got | None:
    """February 2025 / early January 2025: the month (a part word adds its mod, Reading.value)."""
    mon, y = r.lex.month[m.group("m").lower()], _year(m)
    return (*cal.month_range(y, mon), "month")


def year_month(r: Reading, m: Match) -> Got | None:
    """2016 June."""
    return (*cal.month_range(_year(m), r.lex.month[m.group("m").lower()]), "month")


def numeric_month(r: Reading, m: Match) -> Got | None:
    """11/2016 (and in resolve() 2016/11, 2015-3)."""
    sep = m.group("s1") or m.group("s2")
    # running text: only "11/2016"; "1985/6" is a fiscal year, "1978-2" a name, "2016 - 11" a score
    if r.strict and (sep != "/" or m.group("y")):
        return None
    y, mo = int(m.group("y") or m.group("y2")), int(m.group("mo") or m.group("mo2"))
    return (*cal.month_range(y, mo), "month")


def bare_month(r: Reading, m: Match) -> Got | None:
    """in January / last May / early February / June next year: the occurrence the shift, the
    year shift or the tense picks."""
    lex = r.lex
    shift = r.shift(m.group("shift"))
    part = lex.part.get(norm(m.group("part") or ""))
    yshift = r.shift(m.group("yshift"))
    if r.strict and shift is None and part is None and yshift is None and not r.cue(r.cues.month, m.start()) \
            and not _month_modifier(r, m):
        return None
    if m.group("mcaps") and r.strict and (not _caps_headline(r, m) or r.text[m.start() - 1:m.start()] == "<"):
        return None                                       # not the ticker "<DEC>"
    mon = lex.month[(m.group("m") or m.group("ms") or m.group("mcaps")).lower()]
    pub = r.pub
    if pub is None:
        return None, None, "month"
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
        picked = cal.pick_year(pub, lambda yr: cal.month_range(yr, mon), r.tense(), nearest=r.strict)
        if picked is None:
            return None
        y = picked[0].year
    return (*cal.month_range(y, mon), "month")


# A determiner or a possessive before a month that modifies a noun: "the February increase",
# "Japan's March exports", "its April figure".
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our|a|an)|\w['’]s?)\s+$", re.I)


def _month_modifier(r: Reading, m: Match) -> bool:
    """A month without a cue word that still names the month: a modifier after a determiner or a
    possessive ("the February increase", "Japan's March exports"), a month before a noun ("June
    exports were ...", only months that are no English word: not "May", "March", "August"), or a
    month in an upper-case headline ("JAPAN FEBRUARY TRADE SURPLUS")."""
    word = m.group("m")
    if not word or m.group("span") != word:
        return False
    before = r.text[max(0, m.start() - 16):m.start()]
    noun_after = r.cues.noun_after.match(r.text, m.end()) is not None
    if noun_after and _DETERMINER_BEFORE.search(before):
        return True
    if noun_after and word[0].isupper() and not word.isupper() and (
            word not in r.lex.ambiguous or (word != "May" and re.search(r"[a-z,]\s+$", before))):
        return True                     # "June exports were", "revised March sales" (not "May")
    if word.isupper() and word.title() not in r.lex.ambiguous:   # not "KANEB ENERGY MAY OMIT PAYOUTS"
        return _caps_headline(r, m)
    return False


def _caps_headline(r: Reading, m: Match) -> bool:
    """Is the match in an upper-case headline line ("JAPAN FEBRUARY TRADE SURPLUS JUMPS")?"""
    line_start = r.text.rfind("\n", 0, m.start()) + 1
    line_end = r.text.find("\n", m.end())
    line = r.text[line_start:line_end if line_end >= 0 else len(r.text)]
    return sum(c.isalpha() for c in line) >= 12 and line.upper() == line


def quarter(r: Reading, m: Match) -> Got | None:
    """Q4 2024 / the third quarter / 4Q24 / next quarter / Q3 this year."""
    lex, pub = r.lex, r.pub
    q = int_of(m.group("q") or m.group("q2"))
    shift = r.shift(m.group("shift"))
    if m.group("qo"):
        q = lex.ordinal.get(norm(m.group("qo")))
    y = r.year_of(m)
    if y is None and m.group("yy"):
        y = 2000 + int(m.group("yy"))
    yshift = r.shift(m.group("yshift") or m.group("yshift0"))
    if yshift is not None or m.group("the"):
        if pub is None:
            return None, None, "quarter"
        y = pub.year + (yshift or 0)
    if shift is not None and y is not None:     # "the last quarter of 2024"
        q, shift = (4 if shift == -1 else None), None
    if q is None and shift is None:
        return None
    if y is not None:
        return (*cal.quarter_range(y, q), "quarter") if q is not None else None
    if pub is None:
        return None, None, "quarter"
    if shift is not None:
        y, mo = cal.add_months(pub.year, 3 * ((pub.month - 1) // 3) + 1, 3 * shift)
        return (*cal.quarter_range(y, (mo + 2) // 3), "quarter")
    assert q is not None                        # no quarter and no shift returned above
    known = q
    if r.strict and r.tense() is None:
        return (*_reported_quarter(pub, known), "quarter")
    return _nearest(r, pub, lambda yr: cal.quarter_range(yr, known), "quarter")


# Days after publication within which a quarter that has not begun is still "the next one" (in
# late March "the second quarter" is the coming one; in October "the first quarter" is this
# year's, which results stories compare with).
NEXT_QUARTER_WITHIN = 45


def _reported_quarter(pub: dt.date, q: int) -> cal.Range:
    """A year-less quarter with nothing to say which: the one under way, the one just ahead,
    else the last one ended (news reports on quarters past: "the third quarter" in March is last
    year's, "the second quarter" the coming one)."""
    options = [cal.quarter_range(y, q) for y in (pub.year - 1, pub.year, pub.year + 1)]
    for first, last in options:
        if first <= pub <= last or pub < first <= pub + dt.timedelta(days=NEXT_QUARTER_WITHIN):
            return first, last
    return [o for o in options if o[1] < pub][-1]


def _nearest(r: Reading, pub: dt.date, fits: cal.Fits, gran: str) -> Got | None:
    """The occurrence the tense picks: on or before publication in the past, on or after it in
    the future (or just ended: cal.RESULTS_GRACE); without a tense the nearest in running text,
    the most recent in resolve()."""
    picked = cal.pick_year(pub, fits, r.tense(), nearest=r.strict, grace=cal.RESULTS_GRACE)
    return (*picked, gran) if picked else None


def year_quarter(r: Reading, m: Match) -> Got | None:
    """2019 Q1 / 2019-H2 / the 1988 third quarter / 1987 first half (year first, as in tables,
    filings and wire earnings); "2016 the third quarter" only outside running text."""
    y = _year(m)
    if m.group("long"):
        if r.strict and m.group("the"):
            return None
        if m.group("ho"):
            h = r.lex.ordinal.get(norm(m.group("ho")))
            return (*cal.half_range(y, h), "half") if h in (1, 2) else None
        q = r.lex.ordinal.get(norm(m.group("qo")))
        return (*cal.quarter_range(y, q), "quarter") if q else None
    if m.group("q"):
        return (*cal.quarter_range(y, int(m.group("q"))), "quarter")
    return (*cal.half_range(y, int(m.group("h"))), "half")


def month_range(r: Reading, m: Match) -> Got | None:
    """Jan-Feb 2017: the months in full; "Nov-Feb 2017" starts in 2016; "January/February" (no
    space around "/" or "-", the way tables and wire stories pair months) the pair the tense or
    nearness picks for its last month."""
    mon, mon2 = r.lex.month[m.group("m").lower()], r.lex.month[m.group("m2").lower()]
    if m.group("y") is None:
        if not m.group("slash") or r.pub is None or not m.group("m")[0].isupper():
            return None if r.strict or r.pub is not None else (None, None, "month")
        last = cal.pick_year(r.pub, lambda yr: cal.month_range(yr, mon2), r.tense(), nearest=r.strict)
        if last is None:
            return None
        y = last[0].year
    else:
        y = _year(m)
    start_year = y if mon <= mon2 else y - 1
    return dt.date(start_year, mon, 1), cal.month_end(y, mon2), "month"


def half(r: Reading, m: Match) -> Got | None:
    """H1 2025 / the second half of 2025."""
    h = int_of(m.group("h")) or (1 if r.lex.ordinal.get((m.group("ho") or "").lower()) == 1 else 2)
    y = r.year_of(m)
    if y is None and m.group("ho") and r.strict:   # "the first half" of a match, a speech...
        return None
    if y is not None:
        return (*cal.half_range(y, h), "half")
    if r.pub is None:
        return None, None, "half"
    return _nearest(r, r.pub, lambda yr: cal.half_range(yr, h), "half")


_MONTHS_WORDS = {"three": 3, "six": 6, "nine": 9}


def first_months(r: Reading, m: Match) -> Got | None:
    """the first three months of this year (the first quarter) / the first six months of 1987
    (the first half) / the first nine months (January to September) / the last three months of
    2008 (the fourth quarter) of the year meant."""
    n = _MONTHS_WORDS.get(m.group("n").lower()) or int(m.group("n"))
    gran = {3: "quarter", 6: "half"}.get(n, "month")
    first = 1 if m.group("fl").lower() == "first" else 13 - n

    def fits(yr: int) -> cal.Range:
        return dt.date(yr, first, 1), cal.month_end(yr, first + n - 1)

    y = r.year_of(m)
    yshift = r.shift(m.group("yshift"))
    if y is None and (yshift is not None or m.group("the")):
        if r.pub is None:
            return None, None, gran
        y = r.pub.year + (yshift or 0)
    if y is not None:
        return (*fits(y), gran)
    if r.pub is None:
        return None, None, gran
    return _nearest(r, r.pub, fits, gran)


def year(r: Reading, m: Match) -> Got | None:
    """2024 / early 2025 / 2024-25 / 2020 to 2025; not a quantity, a decade or a vague span."""
    y, y2s = _year(m), m.group("y2") or m.group("y3")
    after = r.text[m.end():m.end() + UNIT_WINDOW].lower()
    words = after.split()
    if words and words[0].strip(".,;:)") in r.lex.units:
        return None
    if y % 10 == 0 and after[:2] in ("'s", "’s"):          # "the 1990's": a decade
        return None
    if r.strict and (r.vague_before(m.start()) or (r.word_before(m.start()) in r.lex.quantity
                                                   and r.cues.noun_after.match(r.text, m.end()))):
        return None                                       # "over 2000 firms", not "an increase over 2005."
    if y2s:
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        if len(y2s) == 2 and y2 < y:
            # "2016-11" is a month; "2024-25" a span of years
            if 1 <= int(y2s) <= 12 and r.text[m.end("y"):m.end("y") + 1] == "-":
                return (*cal.month_range(y, int(y2s)), "month")
            return None
        if y2 <= y:
            return None
        return dt.date(y, 1, 1), dt.date(y2, 12, 31), "year"
    return (*cal.year_range(y), "year")


def decade(r: Reading, m: Match) -> Got | None:
    """the 1990s / the early 1990s / the '80s (the century the publication date makes likelier)."""
    if m.group("dec"):
        d = int(m.group("dec")) // 10
    else:
        d = cal.year2(m.group("dec2"), r.pub) // 10
    return (*cal.decade_range(d), "decade")


def spelled_year(r: Reading, m: Match) -> Got | None:
    """nineteen ninety-six / the year two thousand / two thousand and one; in running text
    "two thousand ..." only after "the year" or a cue word ("in two thousand and five")."""
    n = r.lex.spelled
    if m.group("hi"):
        hi = n[m.group("hi").lower()] * 100
        if m.group("hundred"):
            lo = 0
        elif m.group("teen"):
            lo = n[m.group("teen").lower()]
        elif m.group("oh"):
            lo = n[m.group("oh").lower()]
        else:
            lo = n[m.group("tens").lower()] + (n[m.group("unit").lower()] if m.group("unit") else 0)
    else:
        if r.strict and not (m.group("the") or r.cue(r.cues.month, m.start())):
            return None
        hi = 2000
        tens, teen, unit = m.group("tens2"), m.group("teen2"), m.group("unit2") or m.group("unit3")
        lo = (n[tens.lower()] if tens else 0) + (n[teen.lower()] if teen else 0) + (n[unit.lower()] if unit else 0)
    if r.strict and not m.group("the") and m.group("hi") and m.group("hundred"):
        return None                                       # "nineteen hundred" people, dollars
    y = hi + lo
    return (*cal.year_range(y), "year") if 1800 <= y <= 2099 else None


def _one_day(y: int, mo: int, d: int) -> Got | None:
    if not cal.valid_day(y, mo, d):
        return None
    x = dt.date(y, mo, d)
    return x, x, "day"


def iso_date(r: Reading, m: Match) -> Got | None:
    """2025-02-11 / 2025/2/11 / 2019-aug-01; in running text not "2016 10 16" (numbers in a row)."""
    y = _year(m)
    if m.group("m"):
        mo, d = r.lex.month[m.group("m").lower()], int(m.group("d2"))
    else:
        # (no separator at all cannot match: YEAR ends with (?!\d); 20161016 is the compact rule's)
        if r.strict and m.group("sep") == " ":
            return None
        mo, d = int(m.group("mo")), int(m.group("d"))
    return _one_day(y, mo, d)


def compact_date(r: Reading, m: Match) -> Got | None:
    """20161016."""
    return _one_day(_year(m), int(m.group("mo")), int(m.group("d")))


def _day_first(a: int, b: int, sep: str) -> bool:
    """Both parts <= 12: month first with "/" (wire style), day first with "."."""
    return a > 12 or (b <= 12 and sep == ".")


def numeric_date(r: Reading, m: Match) -> Got | None:
    """11/02/2025 / 11.02.2025 / 21-04-2016 / 05/05/89."""
    a, b, ys, sep = int(m.group("a")), int(m.group("b")), m.group("y"), m.group("sep")
    if r.strict and len(ys) == 2 and sep != "/":          # "3-7-07": a score, a code
        return None
    d, mo = (a, b) if _day_first(a, b, sep) else (b, a)
    return _one_day(cal.year2(ys, r.pub), mo, d)


def numeric_day(r: Reading, m: Match) -> Got | None:
    """11/20 / on 4/22 / 22/04: the nearest such day; in running text only "on 11/20" with "/" and a
    cue word, never "a 4/5 vote", "24/7", "7/8 pct" or a fraction of eighths."""
    a, b, sep = int(m.group("a")), int(m.group("b")), m.group("sep")
    if r.strict and (sep != "/" or not r.cue(r.cues.day, m.start()) or (a < b and b in FRACTION_DENOMINATORS)
                     or _PERCENT_AFTER.match(r.text[m.end():m.end() + PERCENT_WINDOW])):
        return None
    d, mo = (a, b) if _day_first(a, b, sep) else (b, a)
    return r.span(None, mo, d, mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None
