"""Qualifiers of an amount: a phrase just before it ("up to", "more than", "about") or a plus just
after it ("$100 million-plus", "$1bn+"); the span grows to include them."""
from __future__ import annotations

import re

from ... import cache
from ...text.folds import word_key as fold
from .fragments import alt
from .hits import Hit
from .lexicon import Lexicon

REACH = 30                # chars before an amount searched for its qualifier ("in excess of ")


class Qualifiers:
    """Finds the qualifier of each hit; built once per process."""

    def __init__(self, lex: Lexicon) -> None:
        self.phrases = lex.qualifiers
        # "a $100 million-plus deal", "$1bn+": a trailing plus is "more than"
        self.plus_after = cache.regex(r"""
            -?(?i:plus)(?![A-Za-z])     # "-plus", "plus"
          | \+(?![\w])                  # "+", not "+5"
        """, re.X)
        self.before = cache.regex(rf"""
            (?:^|(?<=[\s(\[,;:"'“‘—–-]))      # starting the text or after a space or punctuation
            (?P<q>{alt(self.phrases, "i")})\s*$   # "up to", "more than", right before the amount
        """, re.X)

    def qualify(self, text: str, hits: list[Hit], i: int) -> None:
        """Set the qualifier of ``hits[i]`` and widen its span over it (never into the previous hit)."""
        h = hits[i]
        plus = self.plus_after.match(text, h.end)
        if plus and h.low is None:
            h.qualifier = "more_than"
            h.end = plus.end()
        q = self.before.search(text, max(0, h.start - REACH), h.start)
        if q and (i == 0 or q.start() >= hits[i - 1].end):
            h.qualifier = self.phrases.get(fold(q.group("q")))
            h.start = q.start()
