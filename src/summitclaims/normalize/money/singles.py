"""Single amounts: a number with a currency before or after it ("$5.6 million", "3 billion euros",
"75 USD million"), read into a ``Hit``. Ranges, qualifiers and periods are later passes."""
from __future__ import annotations

import re
from decimal import Decimal

from ... import cache
from ...text.folds import word_key as fold
from .currencies import CurrencyGrammar, unit_after, unit_before
from .fragments import SP, WORD_END, WORD_START, alt
from .hits import Hit
from .lexicon import Lexicon
from .numbers import NUMBER_CHARS, NumberGrammar, Numbers

# "75 USD million" may begin anywhere inside a run of digits ("1234,567 USD million" at "234"), so
# the scanner tries every digit before such a code; this many characters of number (and the spaces
# up to the code) at most keeps those tries few.
MAX_CODE_NUMBER = 64
YEARS = (1900, 2100)      # a bare four-digit number in this span before "euro" is a year ("the 2025 euro area")
_NEXT_WORDS = re.compile(r"[ \t\u00a0]+([A-Za-z]+)(?:[ \t\u00a0]+([A-Za-z]+))?")   # "climate talks"
_THE_BEFORE = re.compile(r"(?i:\bthe)[ \t]+$")
# an amount or a currency word right before "a dollar" / "a pound" makes it a rate ("$3 a pound")
_PER_UNIT = re.compile(r"(?:\d|[$€£¥]|\b(?i:cents?|cts|pence|dollars?|dlrs?|euros?|yen))[ \t]*$")


class Singles:
    """The single-amount grammar and the reading of its matches; built once per process."""

    def __init__(self, lex: Lexicon, numbers: Numbers, n: NumberGrammar, c: CurrencyGrammar) -> None:
        self.lex, self.numbers = lex, numbers
        self.pattern = cache.regex(rf"""
            (?P<pre>{c.before}){SP}?(?P<pnum>{n.nummag_glued})   # "$5.6 million", "US$ 4.7bn", "EUR200 billion"
          | (?={NUMBER_CHARS}{{1,{MAX_CODE_NUMBER}}}(?!{NUMBER_CHARS}))   # of a sane length (MAX_CODE_NUMBER) ...
            (?P<cnum>{n.digits}){SP}(?P<ccode>{c.code}){SP}      # "75 USD million": a code between ...
            (?P<cmag>(?i:{alt(lex.words.full + lex.words.abbr)})){WORD_END}   # ... number and magnitude
          | (?P<snum>{n.nummag})(?P<suf>{c.after})               # "3 billion euros", "120 mln dlrs", "20€", "12p"
          | {WORD_START}(?P<one>[Aa]){SP}(?P<one_name>(?i:{alt(lex.currencies.one)})){WORD_END}
            (?=[ \t]*(?:[.,;:!?)]|$)|{SP}(?i:{alt(lex.words.one_before)}){WORD_END})   # "a dollar a share", "a euro."
        """, re.X)

    def read(self, m: re.Match[str]) -> Hit | None:
        """The amount of a match of ``pattern``, or None when it is not one ("1080p", a year)."""
        cur = self.lex.currencies
        if m.group("pre") is not None:
            unit = unit_before(cur, m.group("pre"))
            num, factor = self.numbers.nummag_value(m.group("pnum"))
            if factor is None and self._a_name(m):
                return None
        elif m.group("one") is not None:
            if _PER_UNIT.search(m.string, max(0, m.start() - 30), m.start()):
                return None         # "$3 a pound", "120 cents a dollar": a rate, not one unit
            unit = unit_after(cur, m.group("one_name"))
            num, factor = Decimal(1), None
        elif m.group("ccode") is not None:
            unit = unit_after(cur, m.group("ccode"))
            num = self.numbers.number(m.group("cnum"))
            factor = Decimal(str(self.lex.words.magnitudes.get(m.group("cmag").lower(), 1.0)))
        else:
            unit = unit_after(cur, m.group("suf"))
            num, factor = self.numbers.nummag_value(m.group("snum"))
            if num is not None and factor is None and self._not_an_amount(m.group("snum"), m.group("suf"), num):
                return None
            word = _suffix_word(m.group("suf"))
            if self._compound(m, word) or self._a_word(m, word, factor):
                return None
        if unit is None or num is None:
            return None
        return Hit(m.start(), m.end(), unit, num, factor)

    def _a_name(self, m: re.Match[str]) -> bool:
        """ "the COP29 summit", "the COP 29 climate talks": a code and a number of one or two
        digits before an event's noun name a conference, not an amount ("USD25 each" is money)."""
        pre, num = m.group("pre"), m.group("pnum")
        if not (pre.isalpha() and pre.isupper() and len(pre) == 3 and num.isdigit() and len(num) <= 2):
            return False
        nxt = _NEXT_WORDS.match(m.string, m.end())
        return nxt is not None and any(w.lower() in self.lex.words.event_nouns for w in nxt.groups() if w)

    def _a_word(self, m: re.Match[str], word: str, factor: Decimal | None) -> bool:
        """Currency words that are also English words or names: "the 1 million mark", "the 10,000
        mark", "a 100 million Real Madrid contract", "2 drams of whisky" (money only after a
        magnitude and not after "the"), and a unit word written as a name after a bare number ("100
        Crown Street", "10 Pula Road", "Palmeiras 3 Cruzeiro 1")."""
        cur = self.lex.currencies
        key = fold(word)
        titled = word[:1].isupper() and word[1:].islower()
        if key in cur.with_magnitude:
            the = _THE_BEFORE.search(m.string, max(0, m.start() - 6), m.start())
            return factor is None or the is not None or titled
        return key in cur.title_names and titled and factor is None

    def _compound(self, m: re.Match[str], word: str) -> bool:
        """ "3 Penny Stocks", "a 99 cent store": a currency word in the singular before one of these
        nouns modifies it."""
        if not word.isalpha() or word.lower().endswith("s"):
            return False
        nxt = _NEXT_WORDS.match(m.string, m.end())
        return nxt is not None and nxt.group(1).lower() in self.lex.words.compound_heads

    def _not_an_amount(self, num_text: str, suffix: str, num: Decimal) -> bool:
        """ "1080p" is a video resolution; "the 2025 euro area" and "in 1983 Zaire" a year before a
        currency's name."""
        cur = self.lex.currencies
        word = _suffix_word(suffix)
        suf = fold(word)
        if suf in cur.attached_not_after and num in cur.attached_not_after[suf]:
            return True
        digits = num_text.strip()
        if not (digits.isdigit() and len(digits) == 4 and YEARS[0] <= num <= YEARS[1]):
            return False
        # "the 2025 euro area"; "in 1983 Zaire ...": a capitalised word after a year is a name
        return suf in cur.singular or (word[:1].isupper() and word[1:].islower())


def _suffix_word(suffix: str) -> str:
    """The currency written after the number, without the space or hyphen before it."""
    return suffix.strip(" \t\u00a0-")
