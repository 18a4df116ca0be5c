"""Ranges formed around a found single amount: its low end written before it ("between 30 billion
and 50 billion euros", "$30bn-$50bn") or its high end written bare after it ("$30-50bn",
"$1 to 2 million"). Changes ("rose 35 mln dlrs to 339 billion dlrs") and separators ("Article 3 -
$5 million") are not ranges."""
from __future__ import annotations

import re
from decimal import Decimal

from ... import cache
from .currencies import CurrencyGrammar, unit_after, unit_before
from .fragments import CONNECTOR, SP, WORD_START, alt
from .hits import Hit, scaled
from .lexicon import Lexicon, Unit
from .numbers import NumberGrammar, Numbers

BACK_REACH = 80           # chars before an amount searched for a low end ("from 1.5 billion euros to ")
FORWARD_REACH = 60        # chars after an amount searched for a bare high end (" to 2.5 million")
OPENER_REACH = 20         # chars before a low end searched for "between" / "from"
SHORTHAND_RATIO = 100     # "1.5110-5120 stg": a bare high end over 100x the low end is a quote shorthand
_DASHES = "-–—"
CHANGE_REACH = 80         # chars before "from" searched for a verb of change ("raised its price target")
CHANGE_WORDS = 6          # ... at most this many words back, within the clause
_CLAUSE_START = re.compile(r"[.;:!?,()]")

_AMOUNT_SIGNS = "$€£"     # a bare high end running into one of these is the start of the next amount


class Ranges:
    """The range grammars and the checks that tell a range from a change; built once per process."""

    def __init__(self, lex: Lexicon, numbers: Numbers, n: NumberGrammar, c: CurrencyGrammar) -> None:
        self.lex, self.numbers = lex, numbers
        openers = lex.words.range_openers
        low = rf"""(?:
            (?P<lpre>{c.before}){SP}?(?P<lpnum>{n.nummag_glued})   # "$30bn", "from $1"
          | (?P<lnum>{n.nummag})(?P<lsuf>{c.after})?               # "30 billion", "30bn euros", "20"
        )"""
        self.back = cache.regex(rf"""
            (?:{WORD_START}(?P<kw>{alt(openers, "i")})\s+)?     # "between", "from"
            {low}\s*{CONNECTOR}\s*$                            # the low end and "-", "to", "and" before the amount
        """, re.X)
        self.forward = cache.regex(rf"""
            \s*{CONNECTOR}\s*
            (?P<hnum>{n.nummag_glued})(?P<hsuf>{c.after})?      # "50bn", "2 million", "65 billion dlrs"
        """, re.X)
        # cheap test first: most amounts follow no "-", "to" or "and"
        self.connector_end = cache.regex(r"(?:-|–|—|(?<![A-Za-z])(?i:to|and))\s*$", re.X)
        self.last_word = cache.regex(r"([A-Za-z]+)\W*$", re.X)
        self.opener_before = cache.regex(rf"(?i:\b{alt(openers)})\s+$", re.X)

    # -- the low end before -----------------------------------------------------------------------
    def extend_back(self, text: str, hit: Hit, prev_end: int) -> tuple[Hit, bool] | None:
        """Extend ``hit`` (the high end) leftwards over a low end; True when it swallowed the previous hit.

        The low end may be the previous hit itself: "$30bn-$50bn", "from $1bn to $2bn".
        """
        lo = max(0, hit.start - BACK_REACH)
        window = text[lo:hit.start]
        if not self.connector_end.search(window):
            return None
        m = self.back.search(window)
        if not m or self._not_a_range(window, m):
            return None
        if m.group("kw") and self._old_and_new(text, lo + m.start("kw")):
            return None
        low_end = self._low_end(m, hit)
        if low_end is None:
            return None
        low_unit, lnum, lfactor = low_end
        unit = low_unit or hit.unit
        high = scaled(hit.num, hit.factor, hit.unit)
        low = bare_low(lnum, lfactor, hit.factor, unit, high, has_currency=low_unit is not None)
        if low is None:
            return None
        start = lo + m.start()
        return Hit(start, hit.end, hit.unit, None, None, low=low, high=high), start < prev_end

    def _not_a_range(self, window: str, m: re.Match[str]) -> bool:
        kw, conn = m.group("kw"), m.group("conn").lower()
        if conn == "and" and not kw:
            return True
        if conn == "to" and not kw and (m.group("lpre") or m.group("lsuf")):
            # "$60 billion to $65 billion" is a range; "rose 35 mln dlrs to 339 billion dlrs" a change
            prev_word = self.last_word.search(window, 0, m.start())
            if prev_word is not None and prev_word.group(1).lower() in self.lex.words.change:
                return True
        # "Article 3 - $5 million": a spaced dash right before the amount separates, it joins nothing
        return conn in _DASHES and not kw and (window[m.start("conn") - 1: m.start("conn")].isspace()
                                               and window[m.end("conn"):].strip() == "" and window.endswith(" "))

    def _low_end(self, m: re.Match[str], hit: Hit) -> tuple[Unit | None, Decimal, Decimal | None] | None:
        """(currency written with the low end or None, number, magnitude) when it fits ``hit``."""
        cur = self.lex.currencies
        low_unit = None
        if m.group("lpre"):
            low_unit = unit_before(cur, m.group("lpre"))
            lnum, lfactor = self.numbers.nummag_value(m.group("lpnum"))
        else:
            if m.group("lsuf"):
                low_unit = unit_after(cur, m.group("lsuf"))
                if low_unit is None:
                    return None
            lnum, lfactor = self.numbers.nummag_value(m.group("lnum"))
        if low_unit is not None and low_unit.iso != hit.unit.iso:
            return None
        if lnum is None:
            return None
        return low_unit, lnum, lfactor

    def _old_and_new(self, text: str, kw_start: int) -> bool:
        """ "raised its price target from $35 to $40", "sales rose from $35 million to $40 million":
        after a verb of change in the same clause, "from ... to" gives the old and the new amount,
        two amounts, not a range of one."""
        clause = _CLAUSE_START.split(text[max(0, kw_start - CHANGE_REACH):kw_start])[-1]
        words = clause.lower().split()[-CHANGE_WORDS:]
        return any(w.strip("'\"") in self.lex.words.change_verbs for w in words)

    # -- the high end after -----------------------------------------------------------------------
    def extend_forward(self, text: str, hit: Hit) -> Hit | None:
        """Extend ``hit`` (the low end) rightwards over a bare high end: "$30-50bn", "$1 to 2 million"."""
        m = self.forward.match(text, hit.end, min(len(text), hit.end + FORWARD_REACH))
        if not m:
            return None
        hnum, hfactor = self.numbers.nummag_value(m.group("hnum"))
        if hnum is None:
            return None
        before = text[max(0, hit.start - OPENER_REACH):hit.start]
        # "rose from $1 to 2 million" stays a range after a verb of change: alone, "$1" would be
        # wrong, and the bare "2 million" no amount at all
        kw = self.opener_before.search(before)
        if self._not_a_high_end(text, hit, m, hfactor, opened=kw is not None):
            return None
        high = scaled(hnum, hfactor if hfactor is not None else hit.factor, hit.unit)
        if hit.num is None:
            return None     # not reached: a single amount has a number
        low = bare_low(hit.num, hit.factor, hfactor, hit.unit, high, has_currency=True)
        if low is None or high is None:
            return None
        start = hit.start - (len(before) - kw.start()) if kw else hit.start
        return Hit(start, m.end(), hit.unit, None, None, low=low, high=high)

    def _not_a_high_end(self, text: str, hit: Hit, m: re.Match[str], hfactor: Decimal | None,
                        opened: bool) -> bool:
        conn = m.group("conn").lower()
        if conn in ("and", "to") and not opened:
            return True       # "rose 5 mln dlrs to 40 mln": a change, not a range
        if conn == "to" and hfactor is None:
            return True
        if m.group("hsuf"):
            hunit = unit_after(self.lex.currencies, m.group("hsuf"))
            if hunit is None or hunit.iso != hit.unit.iso or hunit.factor != hit.unit.factor:
                return True
        if m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] in _AMOUNT_SIGNS):
            return True
        # "$500 million - 2025": a spaced dash is a separator, not a range
        return conn in _DASHES and (text[m.start("conn") - 1].isspace() or text[m.end("conn")].isspace())


def bare_low(lnum: Decimal, lfactor: Decimal | None, hfactor: Decimal | None, unit: Unit,
             high: Decimal | None, has_currency: bool) -> Decimal | None:
    """The low end's value: a missing magnitude is borrowed from the high end when that fits."""
    if high is None:
        return None
    if lfactor is None and hfactor is not None:
        borrowed = lnum * hfactor * Decimal(str(unit.factor))
        if borrowed <= high:
            return borrowed
        if not has_currency:
            return None         # "2019 to $5 billion": a year, not a range
    low = lnum * (lfactor if lfactor is not None else 1) * Decimal(str(unit.factor))
    if lfactor is None and hfactor is None and low > 0 and high > SHORTHAND_RATIO * low:
        return None             # "1.5110-5120 stg": a quote shorthand, not a range
    return low if low <= high else None
