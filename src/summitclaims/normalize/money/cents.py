"""Whole amounts joined with their cents: "3 dollars 50 cents", "thirteen dollars and forty-five
cents", "15 dollars and 50."."""
from __future__ import annotations

import re

from ... import cache
from .fragments import SP
from .hits import Hit
from .lexicon import MINOR_FACTOR
from .numbers import NumberGrammar, Numbers

CENTS_PER_UNIT = 100      # a minor unit is a hundredth (lexicon.MINOR_FACTOR)


class Cents:
    """Joins a whole amount and the minor units written after it; built once per process."""

    def __init__(self, numbers: Numbers, n: NumberGrammar) -> None:
        self.numbers = numbers
        # between "3 dollars" and "50 cents": a space, perhaps "and"
        self.between = cache.regex(rf"{SP}(?:(?i:and){SP})?$", re.X)
        self.bare = cache.regex(rf"""
            {SP}(?:(?i:and){SP})?                 # " and "
            (?P<n>\d{{1,2}}|(?i:{n.wordnum}))     # "50", "forty-five" ...
            (?![\w,.]\w)                          # ... whole, not "50.5" or "50,000" ...
            (?=\s*(?:[.,;!?)]|$)|\s+(?i:and)\b)   # ... and at a clause end: "15 dollars and 50.", "... and 50 and"
        """, re.X)

    def merge(self, text: str, hits: list[Hit]) -> list[Hit]:
        """``hits`` with each minor-unit amount folded into the whole amount before it."""
        out = self._join_minor_hits(text, hits)
        for h in out:
            self._add_bare_cents(text, h)
        return out

    def _join_minor_hits(self, text: str, hits: list[Hit]) -> list[Hit]:
        out: list[Hit] = []
        for h in hits:
            prev = out[-1] if out else None
            if (prev is not None and prev.low is None and prev.factor is None and prev.unit.factor == 1
                    and h.low is None and h.factor is None and h.unit.factor == MINOR_FACTOR
                    and _same_money(prev, h) and self.between.match(text[prev.end:h.start])
                    and prev.num is not None and h.num is not None):
                # "3 CAD 3 cents": a minor word several currencies share is the whole amount's
                prev.num = prev.num + h.num / CENTS_PER_UNIT
                prev.end = h.end
                continue
            out.append(h)
        return out

    def _add_bare_cents(self, text: str, h: Hit) -> None:
        # whole, tested in Decimal: int() of a run of thousands of digits takes quadratic time
        if h.low is None and h.factor is None and h.unit.factor == 1 and h.num is not None \
                and h.num == h.num.to_integral_value():
            m = self.bare.match(text, h.end)
            if m:
                cents = self.numbers.number(m.group("n"))
                if cents is not None and cents < CENTS_PER_UNIT:
                    h.num += cents / CENTS_PER_UNIT
                    h.end = m.end()


def _same_money(whole: Hit, minor: Hit) -> bool:
    """The minor unit is the whole amount's: its own ("20 ringgit 43 sen") or a shared word
    ("cents", "pennies") after any currency."""
    return minor.unit.iso == whole.unit.iso or minor.unit.family is not None
