"""The finder's passes in order, over one text: single amounts, ranges around them, cents, wire
comparisons, then qualifiers, periods and the links between neighbours."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import astuple
from functools import lru_cache

from ... import cache, resources
from ...values import Money
from . import context, lexicon, links, periods
from .cents import Cents
from .comparisons import Comparisons
from .currencies import CurrencyGrammar, currency_grammar
from .hits import Hit, to_money
from .numbers import NumberGrammar, Numbers, number_grammar
from .qualifiers import Qualifiers
from .ranges import Ranges
from .scan import Scanner
from .singles import Singles

# What a malformed text or table can raise inside the passes; the finder then finds nothing.
_ERRORS = (ValueError, ArithmeticError, IndexError, KeyError, TypeError, RecursionError)


class Finder:
    """All passes, each with its tables and grammars built once; ``find`` keeps its state local."""

    def __init__(self, lex: lexicon.Lexicon, grammars: tuple[NumberGrammar, CurrencyGrammar] | None = None) -> None:
        self.currencies, self.commodity_units = lex.currencies, lex.words.commodity_units
        n, c = grammars or (number_grammar(lex.words), currency_grammar(lex.currencies))
        numbers = Numbers(lex.words, n)
        self.singles = Singles(lex, numbers, n, c)
        self.scanner = Scanner(lex, self.singles.pattern, c)
        self.ranges = Ranges(lex, numbers, n, c)
        self.cents = Cents(numbers, n)
        self.comparisons = Comparisons(lex, numbers, n)
        self.qualifiers = Qualifiers(lex)
        self.periods = periods.Periods(lex, numbers, n)

    def find(self, text: str, published: dt.date | None = None) -> list[tuple[int, int, Money]]:
        """All amounts in ``text`` as (start, end, Money), in text order; may raise one of ``_ERRORS``.
        ``published``: the story's date, for the currency a country had then ("francs" in Paris)."""
        hits = [h for h in self.cents.merge(text, self._singles_and_ranges(text)) if not _lone_glued_cents(text, h)]
        hits = _without_overlaps(self.comparisons.add(text, hits))
        context.resolve(text, hits, self.currencies, published, self.commodity_units)
        for i, h in enumerate(hits):
            self.qualifiers.qualify(text, hits, i)
            stop = hits[i + 1].start if i + 1 < len(hits) else len(text)
            h.period = (self.periods.after_amount(text, h.end, min(stop, h.end + periods.REACH))
                        or self.periods.before_amount(text, h.start))
        found = [(h.start, h.end, to_money(text, h)) for h in hits]
        links.link(text, found)
        return [f for f in found if f[2].value is not None or f[2].low is not None]

    def _singles_and_ranges(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for m in self.scanner.matches(text):
            h = self.singles.read(m)
            if h is None:
                continue
            prev_end = hits[-1].end if hits else -1
            back = self.ranges.extend_back(text, h, prev_end)
            if back is not None:
                rng, swallowed = back
                if swallowed:
                    if hits[-1].start < rng.start:
                        # the low end overlapped only part of the previous hit: keep the hit alone
                        hits.append(h)
                        continue
                    hits.pop()
                hits.append(rng)
                continue
            hits.append(self.ranges.extend_forward(text, h) or h)
        return hits


def _grammars(lex: lexicon.Lexicon) -> tuple[NumberGrammar, CurrencyGrammar]:
    """The number and currency grammars of the shipped tables' lexicon ``lex``, their sources kept
    between runs (the cache's key covers the tables): writing out the alternations of every
    currency name cost a twentieth of a second of every run."""
    n, c = cache.table("money_grammars", lambda: (
        astuple(number_grammar(lex.words)), astuple(currency_grammar(lex.currencies))))
    return NumberGrammar(*n), CurrencyGrammar(*c)


def _lone_glued_cents(text: str, h: Hit) -> bool:
    """ "43c" counts only joined to a whole amount ("$20 and 43c"): alone it is a clause, a
    house number or a temperature ("section 5c", "12c Baker Street", "30c")."""
    return h.unit.factor != 1 and _GLUED_C.fullmatch(text, h.start, h.end) is not None


_GLUED_C = re.compile(r"\d+c")


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """A forward range may overlap the next hit: drop hits swallowed by their predecessor."""
    clean: list[Hit] = []
    for h in hits:
        if clean and h.start < clean[-1].end:
            continue
        clean.append(h)
    return clean


@lru_cache(maxsize=1)
def finder() -> Finder:
    """The finder of the shipped tables, built once per process; its lexicon kept between runs
    (folding and merging the currency tables was a thirtieth of a one-article run)."""
    lex = cache.table("money_lexicon", lexicon.build, [resources.table_file(n) for n in lexicon.TABLES],
                      classes=lexicon.PARTS)
    return Finder(lex, _grammars(lex))


def find_money(text: str, published: dt.date | None = None) -> list[tuple[int, int, Money]]:
    """All amounts in ``text`` as (start, end, Money); the span includes a leading qualifier.
    ``published`` (the story's date) picks the currency a country had then for a shared word."""
    if not isinstance(text, str) or not text:
        return []
    if not isinstance(published, dt.date):
        published = None
    elif isinstance(published, dt.datetime):
        published = published.date()
    find = finder().find      # outside the try: a finder that cannot be built is a bug, not "no amounts"
    try:
        return find(text, published)
    except _ERRORS:
        return []


def parse_money(text: str) -> Money | None:
    """The one amount of a short phrase ("up to $500 billion"), or None."""
    found = find_money(text)
    if not found:
        return None
    return found[0][2]
