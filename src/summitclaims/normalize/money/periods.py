"""The period of an amount: after it in the same clause ("over the next five years", "a year",
"per annum") or just before it ("a five-year, €10 billion programme"), as an ISO 8601 duration."""
from __future__ import annotations

import re

from ... import cache
from ...text.folds import word_key as fold
from .fragments import NAME_SP, WORD_END, WORD_START, alt
from .lexicon import Lexicon
from .numbers import NumberGrammar, Numbers

REACH = 160               # chars after an amount searched for its period (within the clause)
REACH_BEFORE = 40         # chars before it searched for "a five-year, "
MAX_COUNT = 1000          # "over 5000 years" is no amount's period
_ONE = ("a", "an", "the")  # "over a year", "over the year": one unit


class Periods:
    """Finds the period of an amount; built once per process."""

    def __init__(self, lex: Lexicon, numbers: Numbers, n: NumberGrammar) -> None:
        self.numbers = numbers
        p = lex.periods
        self.units, self.phrases = p.units, p.phrases
        count = rf"(?:\d+|(?i:{n.wordnum})|{'|'.join(_ONE)})"
        phrases = alt(p.phrases).replace(NAME_SP, r"[\s-]{1,3}")       # also "$2bn-a-year"
        self.after = cache.regex(rf"""
            {WORD_START}{alt(p.leads, "i")}                     # "over", "in the next"
            \s+(?:(?i:the)\s+)?(?:{alt(p.positions, "i")}\s+)?  # "the next", "the first"
            (?:(?P<n>{count})(?:\s+|-))?                        # "five", "18", "a"
            (?P<unit>{alt(p.units, "i")}){WORD_END}             # "years", "months"
          | {WORD_START}(?P<ph>(?i:{phrases})){WORD_END}        # "a year", "per annum", "annually" ...
            (?!\s+{alt(p.cancels, "i")}\b)                      # ... but not "a year ago", "a year of talks"
        """, re.X)
        self.before = cache.regex(rf"""
            {WORD_START}(?P<n>\d+|(?i:{n.wordnum}))             # "five", "10"
            -(?P<unit>{alt(p.hyphen_units, "i")})               # "-year"
            (?:-long)?[ \t,]*$                                  # "-long", then the amount
        """, re.X)
        # A period ends at a clause boundary or a line break.
        self.clause_end = cache.regex(r"""
            [.!?;:](?=\s|$)         # a sentence or clause mark before a space
          | [,\n\r(\u2014]          # a comma, a line break, a parenthesis, an em dash
          | \s[-\u2013]\s           # a spaced dash
        """, re.X)

    def after_amount(self, text: str, start: int, stop: int) -> str | None:
        """The period written in ``text[start:stop]`` up to the end of its clause, or None."""
        window = text[start:stop]
        cut = self.clause_end.search(window)
        if cut:
            window = window[: cut.start()]
        m = self.after.search(window)
        if not m:
            return None
        if m.group("ph"):
            return self.phrases.get(fold(m.group("ph").replace("-", " ")))
        code = self.units.get(m.group("unit").lower())
        if not code:
            return None
        n_txt = (m.group("n") or "").strip()
        if n_txt == "" and m.group("unit").lower().endswith("s"):
            return None             # "in the coming years": no count, no period
        if n_txt.lower() in ("", *_ONE):
            return duration(code, 1)
        n = self.numbers.number(n_txt)
        if n is None or n <= 0 or n > MAX_COUNT or n != int(n):
            return None
        return duration(code, int(n))

    def before_amount(self, text: str, start: int) -> str | None:
        """The period written just before ``text[start:]`` ("a five-year, "), or None."""
        m = self.before.search(text, max(0, start - REACH_BEFORE), start)
        if not m:
            return None
        n = self.numbers.number(m.group("n"))
        code = self.units.get(m.group("unit").lower())
        if n is None or code is None or n <= 0 or n > MAX_COUNT or n != int(n):
            return None
        return duration(code, int(n))


def duration(code: str, n: int) -> str:
    """The table's code template filled in: "P{n}Y" -> "P5Y", "P{n10}Y" (decades) -> "P50Y"."""
    return code.replace("{n10}", str(n * 10)).replace("{n}", str(n))
