"""Where a single amount can begin, so that the finder tries its amount regex there only instead of
at every character (that scan was most of the finder's time).

A start is a digit run or ".5" not after a word, a dot or a slash; the first character of a symbol;
or a word that is a code, a letter-led symbol's letters ("US" of "US$"), a number word, or a fraction
that a magnitude may follow unspaced ("amillion"). tests/money/test_money_scan.py checks that the
matches equal those of a full ``finditer``.

Each try must also cost about what it reads, or hostile text makes the finder quadratic:

- a letter that a case-insensitive regex reads as an ASCII one (the Kelvin sign as "k", ``TO_ASCII``)
  starts a try itself, and so does a word running into one: such a text is not scanned whole;
- "75 USD million" may begin inside a digit run; only the digits shortly before such a code are
  tried (``singles.MAX_CODE_NUMBER``), not the whole text;
- a failed try at a space-grouped run ("100 100 100 ...") read the run to its end: the tries at its
  later groups would fail the same way (``_skip_grouped``), so they are not made.
"""
from __future__ import annotations

import re
from typing import Iterator

from ... import cache
from ...text.folds import TO_ASCII
from .currencies import CurrencyGrammar
from .fragments import SP, WORD_END, alt
from .lexicon import Lexicon
from .numbers import NUMBER_CHARS, SPACE_GROUPED, tens_words, unit_words
from .singles import MAX_CODE_NUMBER

MAX_MEMO_WORDS = 20_000   # the word memo is emptied past this size: memory must not grow with the input
_AFTER_NUMBER = frozenset(".,/_")   # a number right after these (or a letter or digit) begins no amount
_LETTERS = re.compile(r"[a-z]+")
_FOLDING = "".join(sorted(TO_ASCII))
_NUMBER_CHAR = re.compile(NUMBER_CHARS)
_DIGIT_OR_POINT = re.compile(r"[\d.]")
_SPACE_GROUPED = re.compile(SPACE_GROUPED)
# where the digits grammar lets a number begin after a currency-less start ("3 billion euros")
_NUMBER_START = re.compile(r"(?<![\w.,/])")


class Scanner:
    """The starts of the single-amount regex in a text; built once per process."""

    def __init__(self, lex: Lexicon, single: re.Pattern[str], c: CurrencyGrammar) -> None:
        cur, words = lex.currencies, lex.words
        self.single = single
        starts, fractions, syms = set(), set(), set()
        for w in [*cur.prefix_symbols, *cur.spaced_symbols, *cur.codes_upper, *cur.codes_any,
                  *unit_words(words), *tens_words(words), *words.fractions]:
            head = _LETTERS.match(w.lower())
            if head:
                starts.add(head.group())
                if head.group() == w.lower() and w in words.fractions:
                    fractions.add(w.lower())
            else:
                syms.update({w[0], w[0].lower(), w[0].upper()})
        self.start_words = frozenset(starts)
        self.start_fractions = tuple(sorted(fractions))
        self.start_mags = tuple(sorted({m.group() for w in words.full + words.abbr + words.short
                                        if (m := _LETTERS.match(w.lower()))}))
        sym_class = "| [" + "".join(re.escape(ch) for ch in sorted(syms)) + "]" if syms else ""
        self.candidates = cache.regex(rf"""
            \d+                 # a digit run
          | \.(?=\d)            # ".5"
            {sym_class}         # the first character of a symbol
          | ([A-Za-z]+)         # a word, checked against the words an amount begins with
          | ([{_FOLDING}])      # a letter re.I reads as an ASCII one: always tried
        """, re.X)
        # a "." is held to the rule for numbers (not after a letter, digit or ".,/_") unless a
        # symbol begins with one
        self.number_chars = "0123456789" if "." in syms else "0123456789."
        # "75 USD million" may begin inside a digit run ("1234,567 USD million" at "234"): the
        # digits shortly before a code between a number and a magnitude are all tried
        self.code_mag = cache.regex(rf"""
            \d{SP}{c.code}{SP}(?i:{alt(words.full + words.abbr)}){WORD_END}
        """, re.X)
        self._memo: dict[str, bool] = {}   # word -> begins an amount; a cache of a pure test

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """``single.finditer(text)``, trying only the places where an amount can begin."""
        pos = skip_to = 0
        for p, c in self._starts(text):
            if p < pos:
                continue
            if c is not None and (p < skip_to or not self._may_start(text, c)):
                continue
            m = self.single.match(text, p)
            if m:
                yield m
                pos = m.end()
            elif c is not None:
                skip_to = max(skip_to, _skip_grouped(text, p))

    def _starts(self, text: str) -> Iterator[tuple[int, re.Match[str] | None]]:
        """The candidates in text order, each with its match of ``candidates`` to check, or None
        for a digit before "USD million", which is tried unchecked."""
        before_code = iter(self._before_codes(text))
        nxt = next(before_code, None)
        for c in self.candidates.finditer(text):
            p = c.start()
            while nxt is not None and nxt < p:
                yield nxt, None
                nxt = next(before_code, None)
            if nxt == p:
                yield p, None
                nxt = next(before_code, None)
            else:
                yield p, c
        while nxt is not None:
            yield nxt, None
            nxt = next(before_code, None)

    def _before_codes(self, text: str) -> Iterator[int]:
        """Each digit or point within ``MAX_CODE_NUMBER`` characters of number before "USD million":
        where a number with a code and a magnitude may begin, whatever stands before it."""
        last = -1
        for h in self.code_mag.finditer(text):
            end = h.start() + 1
            while end < len(text) and _NUMBER_CHAR.match(text, end):
                end += 1
            lo = h.start()
            while lo > 0 and end - (lo - 1) <= MAX_CODE_NUMBER and _NUMBER_CHAR.match(text, lo - 1):
                lo -= 1
            for p in range(max(lo, last + 1), h.start() + 1):
                if _DIGIT_OR_POINT.match(text, p):
                    yield p
            last = h.start()

    def _may_start(self, text: str, c: re.Match[str]) -> bool:
        word, p = c.group(1), c.start()
        if c.group(2) is not None or (word is not None and text[c.end():c.end() + 1] in TO_ASCII):
            return True     # a folding letter: whether the word is one amounts begin with is re.I's to say
        if word is not None:
            good = self._memo.get(word)
            if good is None:
                if len(self._memo) > MAX_MEMO_WORDS:
                    self._memo.clear()
                good = self._memo[word] = self._starts_amount(word)
            return good
        if p >= 4 and text[p - 3:p] == " . " and text[p - 4].isdigit():
            return False        # "1 . 8500": a decimal point in tokenised text, not a new number
        return not (p and c.group()[0] in self.number_chars
                    and (text[p - 1].isalnum() or text[p - 1] in _AFTER_NUMBER))

    def _starts_amount(self, word: str) -> bool:
        key = word.lower()
        if key in self.start_words:
            return True
        return any(key.startswith(f) and key[len(f):].startswith(self.start_mags) for f in self.start_fractions)


def _skip_grouped(text: str, p: int) -> int:
    """After a failed try at ``p``: the position before which the candidates a space-grouped run
    beginning at ``p`` holds would fail too (``p`` itself when there is none).

    A try at a later group ("100 100 100 ..." at its second "100") reads the same run to the same
    end and, at each shorter end, meets a space and three digits, where no magnitude, currency or
    code begins; so it fails as the try at ``p`` did, provided ``p`` too could begin a number
    without a currency (not after a letter, dot or comma: "x100 100 ..."). A number with a code
    ("100 100 USD million") is no exception: the run with the code after it would have been an
    amount at ``p`` ("100 100 USD"). The last group is always tried, as what follows the run may
    make it a number of its own ("100 100,5 dollars").
    """
    grouped = _SPACE_GROUPED.match(text, p)
    if grouped is None or not _NUMBER_START.match(text, p):
        return p
    return grouped.end() - 3
