"""Wire comparisons: a bare amount takes the currency of the amount it is compared with ("rose to
136.6 mln dlrs from 127.4 mln" -> 127.4 mln dlrs)."""
from __future__ import annotations

import re

from ... import cache
from .fragments import SP, WORD_START, alt
from .hits import Hit
from .lexicon import Lexicon
from .numbers import NumberGrammar, Numbers

REACH = 60                # chars after an amount searched for the number it is compared with


class Comparisons:
    """Adds the compared bare amounts of wire copy; built once per process."""

    def __init__(self, lex: Lexicon, numbers: Numbers, n: NumberGrammar) -> None:
        self.numbers = numbers
        words = lex.words
        self.compared = cache.regex(rf"""
            {WORD_START}{alt(words.comparisons, "i")}{SP}       # "from", "vs", "compared with"
            (?P<num>{n.digits})(?![\d]|[.,]\d)                 # the whole number ...
            (?P<mags>{n.mag_word})                             # ... with a magnitude: "127.4 mln"
            (?=\s*(?:[.,;:)]|$)                                # then the clause ends ...
              |\s+(?i:{alt(words.comparison_ends)})\b)         # ... or a word of comparison follows ("a year earlier")
        """, re.X)
        # a new sentence, a blank line or another number between the amounts: they are not compared
        self.sentence_break = cache.regex(r"""[.!?;]\s+[A-Z"“] | \n[ \t]*\n | \d""", re.X)

    def add(self, text: str, hits: list[Hit]) -> list[Hit]:
        """``hits`` and, after each with a magnitude, the bare amount compared with it.

        Only right after an amount (nothing but words between, same sentence) and only with a
        magnitude, so that "5 mln dlrs vs 17 pct" or a later unrelated "from 20 mln" is left alone."""
        out: list[Hit] = []
        for i, h in enumerate(hits):
            out.append(h)
            if h.low is not None or h.factor is None:
                continue
            stop = hits[i + 1].start if i + 1 < len(hits) else len(text)
            m = self.compared.search(text, h.end, min(stop, h.end + REACH))
            if not m or self.sentence_break.search(text, h.end, m.start()):
                continue
            num, factor = self.numbers.nummag_value(m.group("num") + m.group("mags"))
            if num is None or factor is None:
                continue
            out.append(Hit(m.start("num"), m.end("mags"), h.unit, num, factor))
        return out
