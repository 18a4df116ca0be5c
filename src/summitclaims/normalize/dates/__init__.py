"""Find and resolve date mentions against a publication date (pure: no spaCy, never raises).

Conventions (TimeML's reading of news time; all ends inclusive):

- A day-and-month without a year ("February 10-11", "11/20", "the 18th" with a month), a bare month
  ("in January"), a quarter, a half, a season, a weekday, a holiday take the occurrence the tense
  picks: past -> on or before publication, future -> on or after; without a tense the nearest one
  in running text (the pipeline reads the tense of the governing verb from the parse:
  pipeline/tense.py), the most recent in resolve(); a quarter without a tense in running text
  is the current one, the next one, else the last one ended, and a future verb may mean the
  quarter just ended (results). "February 29" takes the nearest leap year.
  "last/next <weekday>" is the nearest one before/after publication, "last <month>" the most
  recent one; "Friday next week", "next week Monday" name the week.
- Modifiers keep the whole unit: "early/mid/late 2025" is 2025 with ``mod`` start/mid/end and
  ``narrow_start``/``narrow_end`` its third (Jan-Apr / May-Aug / Sep-Dec; of a month 1-10 / 11-20 /
  21-end; of a decade 0-3 / 4-6 / 7-9); "the start/end of", "year-end" count as early/late;
  "about two years ago" is ``approx``, "more than a decade ago" ``before``.
- Units: "this week" / "last week" are Monday-Sunday weeks (granularity week; on a Sunday "last
  week" is the one ending that day), as is "the week of April 10"; halves ("H1 2025") have
  granularity half, seasons season (winter from December), "the 1990s" decade.
- "two years ago" / "a month ago" is that whole year / month; "six weeks ago" that week; "three
  days ago" that day. "in two weeks" / "three days from now" is that day (in running text "in N
  weeks" only with a future cue: "rose 5% in two weeks" is a duration). "the rest of the year",
  "year to date" run from / to the publication date; "the past two years" runs from two years
  before publication to the day before (TIMEX3 ``P2Y``).
- Ranges: two dates joined by "to", "until", "-", "and" make one range ("from 10/1/2018 -
  10/7/2018", "between January 1987 and December 1992"); in running text only after "from" or
  "between", and there each end stays its own mention (as TimeML annotates it) with
  ``range_start``/``range_end``. Month ranges include their last month ("Jan-Feb 2017" ends on 28
  February).
- The story's dates: "the year-ago quarter", "the previous month", "a year earlier", "that year",
  "the following day" are read last, from the dates before them (grammar_story); in resolve()
  they anchor on publication.
- Not date records: durations that float free ("five years"), the horizon ahead ("the next four
  years"), vague words ("recently"), ages, times of day.
- Without a publication date, relative mentions keep ``start``/``end`` None (never the machine clock).
- Numeric dates with both parts <= 12 are month-first with "/" (wire style), day-first with ".";
  "4.22" without a year is a decimal, never a date. Two-digit years are 20xx up to 20 years after
  publication, else 19xx.
- Fiscal years and quarters are read as calendar ones.
- Each value carries its TIMEX3 ``timex`` ("1989-Q3") and ``relative`` (it needed the
  publication date or another date of the story).

dateparser is only a fallback of :func:`resolve` for strings our grammar does not know; the finder
never uses it (it reads "February 10-11" as 2011 and "100M" as a date).

The package, in reading order: ``calendar`` (date arithmetic), ``lexicon`` (the table's words),
``grammar`` (the ``Rule`` record and shared regex pieces), ``grammar_dates`` / ``grammar_relative``
/ ``grammar_story`` (the rules, each with its start words, flags and reader), ``reading`` /
``readers_dates`` / ``readers_relative`` / ``readers_story`` (a match -> a date), ``timex`` (the
TIMEX3 value), ``rules`` (all of them, built once), ``scan`` (where each rule may match),
``tense``, ``finder`` (:func:`find`), ``resolver`` (:func:`resolve`), ``dateline``.
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
