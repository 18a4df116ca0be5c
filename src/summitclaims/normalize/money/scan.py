"""Where a single amount can begin, so that the finder tries its amount regex there only instead of
at every character (that scan was most of the finder's time).

A start is a digit run or ".5" not after a word, a dot or a slash; the first character of a symbol;
or a word that is a code, a letter-led symbol's letters ("US" of "US$"), a number word, or a fraction
that a magnitude may follow unspaced ("amillion"). tests/money/test_money_scan.py checks that the
matches equal those of a full ``finditer``.
"""
from __future__ import annotations

import re
from typing import Iterator

from ...text.folds import TO_ASCII
from .currencies import CurrencyGrammar
from .fragments import SP, WORD_END, alt
from .lexicon import Lexicon
from .numbers import tens_words, unit_words

MAX_MEMO_WORDS = 20_000   # the word memo is emptied past this size: memory must not grow with the input
_AFTER_NUMBER = frozenset(".,/_")   # a number right after these (or a letter or digit) begins no amount
_LETTERS = re.compile(r"[a-z]+")


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
        self.candidates = re.compile(rf"""
            \d+                 # a digit run
          | \.(?=\d)            # ".5"
            {sym_class}         # the first character of a symbol
          | ([A-Za-z]+)         # a word, checked against the words an amount begins with
        """, re.X)
        # a "." is held to the rule for numbers (not after a letter, digit or ".,/_") unless a
        # symbol begins with one
        self.number_chars = "0123456789" if "." in syms else "0123456789."
        # "75 USD million" may begin inside a digit run ("1234,567 USD million" at "234"): texts with
        # a code between a number and a magnitude are scanned whole
        self.code_mag = re.compile(rf"""
            \d{SP}{c.code}{SP}(?i:{alt(words.full + words.abbr)}){WORD_END}
        """, re.X)
        self._memo: dict[str, bool] = {}   # word -> begins an amount; a cache of a pure test

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """``single.finditer(text)``, trying only the places where an amount can begin."""
        # folding letters ("ſ" matches "s" case-insensitively) defeat the word check: scan whole
        if self.code_mag.search(text) or any(ch in text for ch in TO_ASCII):
            yield from self.single.finditer(text)
            return
        pos = 0
        for c in self.candidates.finditer(text):
            p = c.start()
            if p < pos or not self._may_start(text, c):
                continue
            m = self.single.match(text, p)
            if m:
                yield m
                pos = m.end()

    def _may_start(self, text: str, c: re.Match[str]) -> bool:
        word, p = c.group(1), c.start()
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
