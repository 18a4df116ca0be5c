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

The package, in reading order: ``calendar`` (date arithmetic), ``lexicon`` (the table's words),
``grammar`` (the ``Rule`` record and shared regex pieces), ``grammar_dates`` / ``grammar_relative``
(the rules, each with its start words, flags and reader), ``reading`` / ``readers_dates`` /
``readers_relative`` (a match -> a date), ``rules`` (all of them, built once), ``scan`` (where each
rule may match), ``tense``, ``finder`` (:func:`find`), ``resolver`` (:func:`resolve`), ``dateline``.
"""
from __future__ import annotations

from .calendar import Tense
from .dateline import find_dateline
from .finder import Found, TenseAt, find
from .resolver import resolve
from .rules import Grammar, load
from .scan import Scan
from .tense import guess_tense, sentence_bounds


def scan_text(text: str) -> Scan:
    """Where in ``text`` each rule may match: made once, given to find_dateline() and find()."""
    return load().scan(text)


__all__ = ["Found", "Grammar", "Scan", "Tense", "TenseAt", "find", "find_dateline", "guess_tense", "load",
           "resolve", "scan_text", "sentence_bounds"]
