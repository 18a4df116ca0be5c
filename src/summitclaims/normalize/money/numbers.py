"""The grammar of a number and its magnitudes, and reading its value: digits in English or European
style, written numbers ("twenty-five", "one hundred"), fractions ("half a") and magnitudes
("billion", "bn", "m").

European / machine-translated digits ("1,5", "1.234,5", "10 000") are read with price-parser
deciding the decimal separator; price-parser does not find amounts (it drops magnitudes and reads
one price per string).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ... import cache
from ...text.folds import word_key as fold
from .fragments import SP, WORD_END, WORD_START, alt
from .lexicon import AmountWords

MAX_MAGNITUDES = 2        # "5 lakh crore": two magnitudes multiply; a third word is something else
GROUP_SPACE = r"[ \u00a0\u202f\u2009]"       # thousands separated by a space, no-break, narrow or thin
# A digit run grouped by spaces as the digits grammar reads one ("10 000 000"); the scanner uses it to
# know how far a failed try at a run's start already looked (scan.py).
SPACE_GROUPED = rf"\d{{1,3}}(?:{GROUP_SPACE}\d{{3}})+"
# Every character a number in digits may hold, and the spaces after it.
NUMBER_CHARS = r"[\d.,\u00a0\u202f\u2009 ]"


def _digits(words: AmountWords) -> str:
    """A number in digits: English "1,234.5", Indian "1,09,383", European "1.234,5", "1,5" and
    "10 000", plain "30"."""
    return rf"""(?:
        \d{{1,2}}(?:,\d\d)+,\d{{3}}(?:\.\d+)?(?![\d]|,\d)   # Indian "1,09,383": lakhs and crores grouped by two
      | \d{{1,3}}(?:\.\d{{3}})+,\d+(?![\d])     # European "1.234,5": dots group, a comma decimals
      | \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?        # English "1,234.5"
      | {SPACE_GROUPED}                         # space-grouped "10 000" ...
        (?![\d]|[.,]\d)                         # ... not cut out of a longer number ...
        (?!\s*(?i:{alt(words.stops_grouping)})\b)   # ... nor before a magnitude ("July 6 100 mln" is a date)
      | \d+,\d{{1,2}}(?![\d]|[.,]\d)            # a comma and one or two digits is a decimal comma: "1,5"
      | \d+(?:\.\d+)?                           # "30", "1.5"
      | \.\d+                                   # ".5"
    )"""


def unit_words(words: AmountWords) -> list[str]:
    """Number words below twenty ("one" to "nineteen", "dozen")."""
    return [w for w, v in words.numbers.items() if v < 20]


def tens_words(words: AmountWords) -> list[str]:
    """Number words of whole tens ("twenty" to "ninety")."""
    return [w for w, v in words.numbers.items() if v >= 20 and v % 10 == 0]


def _below_hundred(words: AmountWords, names: tuple[str, str, str] | None = None) -> str:
    """A written number below a hundred; ``names`` names its groups (tens, unit, alone) for reading."""
    t, u, o = (f"?P<{n}>" for n in names) if names else ("?:", "?:", "?:")
    tens, units = tens_words(words), unit_words(words)
    return rf"""(?:
        ({t}{alt(tens)})[- ]({u}{alt(units)})   # "twenty-five", "forty two"
      | ({o}{alt(units + tens)})                 # "seven", "dozen", "twenty"
    )"""


def _wordnum(words: AmountWords, named: bool = False) -> str:
    """A written number below a thousand: "seven", "twenty-five", "one hundred and twenty"."""
    head = _below_hundred(words, ("t", "u", "o") if named else None)
    rest = _below_hundred(words, ("t2", "u2", "o2") if named else None)
    return rf"""(?:
        {head}
        (?:{SP}hundred                  # "one hundred" ...
           (?:{SP}(?:and{SP})?{rest})?  # ... "and twenty-five"
        )?
    )"""


@dataclass(frozen=True)
class NumberGrammar:
    """Regex sources of a number and its magnitudes, for the amount grammars to embed."""
    digits: str        # a number in digits
    wordnum: str       # a written number, case as written (embed inside (?i:...))
    fraction: str      # "half a", "a quarter of a", "a", any case
    mag_word: str      # a magnitude word or abbreviation after a number ("billion", "bn")
    mag: str           # any magnitude, also the upper-case letters "K", "M", "B"
    nummag: str        # a number and its magnitudes, starting a word ("3 billion", "half a billion")
    nummag_glued: str  # the same right after a currency, which may touch it ("EUR200 billion")


def number_grammar(words: AmountWords) -> NumberGrammar:
    """The number grammars for the lexicon's magnitudes, number words and fractions."""
    digits, wordnum = _digits(words), _wordnum(words)
    mag_word = rf"""(?:
        {SP}?(?:-{SP}?)?                        # "1.5 billion", "1.5billion", "109-billion"
        (?i:{alt(words.full + words.abbr)}){WORD_END}
      | {alt(words.short)}{WORD_END}            # glued letters, lower case: "5m", "$2k"
    )"""
    mag = rf"(?:{mag_word}|[KMB]{WORD_END})"     # "$5M", "$2B": upper-case letters, glued
    frac = alt(words.fractions, "i")
    # the alternatives of a number in words, for both forms below
    spelled = rf"""
        {WORD_START}(?i:{wordnum}){WORD_END}    # "five", "twenty-five" ...
        {mag_word}{{0,{MAX_MAGNITUDES}}}        # ... and magnitudes ("five million")
      | {WORD_START}{frac}                      # "half a", "a quarter of a", "a" need a magnitude:
        {mag_word}{{1,{MAX_MAGNITUDES}}}        # "half a billion", "a million"
    """
    nummag = rf"""(?:
        (?<![\w.,/]){digits}(?![\d])            # digits not inside a word or another number ...
        {mag}{{0,{MAX_MAGNITUDES}}}             # ... and their magnitudes ("3 billion", "5bn")
      | {spelled}
    )"""
    nummag_glued = rf"""(?:
        {digits}(?![\d]|[.,]\d)                 # digits, whole, right after a currency ("EUR200") ...
        {mag}{{0,{MAX_MAGNITUDES}}}             # ... and their magnitudes
      | {spelled}
    )"""
    return NumberGrammar(digits, wordnum, frac, mag_word, mag, nummag, nummag_glued)


class Numbers:
    """Reads the value of the numbers the grammars matched; built once, holds no text."""

    def __init__(self, words: AmountWords, g: NumberGrammar) -> None:
        self.words = words
        self._nummag = cache.regex(rf"""
            (?P<num>{g.digits}|(?i:{g.wordnum})|{g.fraction})   # the number ...
            (?P<mags>{g.mag}{{0,{MAX_MAGNITUDES}}})$      # ... and its magnitudes, to the end
        """, re.X)
        self._mag_tokens = cache.regex(rf"""
            (?i:{alt(words.full + words.abbr)})     # "billion", "bn", any case
          | {alt(words.short)}                      # "m", "k"
          | [KMB]
        """, re.X)
        self._wordnum = cache.regex(rf"{_wordnum(words, named=True)}$", re.I | re.X)
        self._hundred = cache.regex(r"hundred", re.I | re.X)

    def number(self, s: str) -> Decimal | None:
        """Value of a number in digits, words or a fraction ("1,5", "twenty-five", "half a")."""
        s = s.strip()
        if not s:
            return None
        if s[0].isdigit() or s[0] == ".":
            return digits_value(s)
        f = fold(s)
        if f in self.words.fractions:
            return Decimal(str(self.words.fractions[f]))
        m = self._wordnum.match(s)
        if not m:
            return None
        head = self._below_hundred(m.group("t"), m.group("u"), m.group("o"))
        if self._hundred.search(s):
            head = head * 100 + self._below_hundred(m.group("t2"), m.group("u2"), m.group("o2"))
        return Decimal(head)

    def _below_hundred(self, tens: str | None, unit: str | None, one: str | None) -> int:
        nw = self.words.numbers
        if one:
            return nw.get(one.lower(), 0)
        return nw.get((tens or "").lower(), 0) + nw.get((unit or "").lower(), 0)

    def nummag_value(self, s: str) -> tuple[Decimal | None, Decimal | None]:
        """(number, magnitude factor or None) of "1.5 billion", "30", "half a billion"."""
        m = self._nummag.match(s.strip())
        if not m:
            return None, None
        n = self.number(m.group("num"))
        factor = None
        for tok in self._mag_tokens.findall(m.group("mags")):
            f = self.words.magnitudes.get(tok.lower())
            if f is not None:
                factor = (factor or Decimal(1)) * Decimal(str(f))
        return n, factor


_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")
# Numbers whose comma is a decimal comma (the finder's digits grammar only lets these through).
_EURO_STYLE = re.compile(r"""
    ^\d{1,3}(?:\.\d{3})+,\d+$     # "1.234,5"
  | ^\d+,\d{1,2}$                 # "1,5", "1,50"
""", re.X)


def digits_value(s: str) -> Decimal | None:
    """Value of a digit string the finder matched; price-parser decides which separator is the
    decimal one in European / machine-translated numbers ("1.234,5", "1,5")."""
    s = s.translate(_SPACES)
    if _EURO_STYLE.match(s):
        amount = _price_amount(s)
        if amount is not None:
            return amount
        s = s.replace(".", "").replace(",", ".")
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _price_amount(s: str) -> Decimal | None:
    try:
        from price_parser import Price
    except ImportError:     # an optional speed-up of nothing: the fallback is the same rule
        return None
    try:
        amount = Price.fromstring(s).amount
    except Exception:  # noqa: BLE001 - a parser bug must not break extraction
        return None
    return amount if isinstance(amount, Decimal) else None
