"""All date rules in tie order with the lexicon, cues and start index they are read with, built
once per process from patterns/dates.jsonl."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

from ... import resources
from . import grammar_dates, grammar_relative, grammar_story
from .calendar import Tense
from .grammar import Cues, Reader, Rule, cues, fragments
from .lexicon import Lexicon, build_lexicon
from .reading import Reading
from .scan import Scan, StartIndex


@dataclass(frozen=True)
class Grammar:
    """The rules and everything they are matched and read with."""
    lex: Lexicon
    cues: Cues
    rules: tuple[Rule, ...]
    index: StartIndex

    def scan(self, text: str) -> Scan:
        """Where in ``text`` each rule may match (give it to find() and find_dateline())."""
        return Scan.of(text, self.rules, self.index)

    def reading(self, text: str, pub: dt.date | None, tense: Callable[[], Tense], strict: bool) -> Reading:
        """The context a match of ``text`` is read in."""
        return Reading(self.lex, self.cues, text, pub, tense, strict)

    def rule_read_by(self, reader: Reader) -> Rule:
        """The rule whose reader is ``reader`` (the dateline reads one form on its own)."""
        return next(r for r in self.rules if r.read is reader)


def build(rows: Sequence[dict[str, Any]]) -> Grammar:
    """The grammar of the rows of a dates table."""
    lex = build_lexicon(rows)
    f = fragments(lex)
    rules = (*grammar_dates.RULES.build(f), *grammar_relative.RULES.build(f), *grammar_story.RULES.build(f))
    return Grammar(lex, cues(lex), rules, StartIndex.of(rules))


@lru_cache(maxsize=1)
def load() -> Grammar:
    """The grammar of the shipped table, built on first use."""
    return build(resources.load_patterns("dates"))
