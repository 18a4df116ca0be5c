"""Text keys for comparing records: folded quote text, and the topic words around an amount."""
from __future__ import annotations

import re
from typing import FrozenSet, Iterable, List, Optional

from ..resources import load_patterns

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def shingles(folded: str, n: int = 3) -> List[str]:
    """Word n-grams of a folded text (the whole text when shorter): the blocking keys for quotes."""
    words = folded.split()
    if len(words) <= n:
        return [folded] if folded else []
    return [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]


# Words that say nothing about what an amount is for (patterns/topic_words.jsonl).
_STOP = frozenset(r["word"] for r in load_patterns("topic_words") if r["kind"] == "stop")

WINDOW_BEFORE = 6
WINDOW_AFTER = 8


def _stem(w: str) -> str:
    # plural "investments" meets "investment"; nothing cleverer is needed for a topic overlap
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def topic_terms(sentence: Optional[str], mention: Optional[str], skip: Iterable[str] = ()) -> FrozenSet[str]:
    """Content words near ``mention`` in ``sentence``: a few before it, more after it.

    ``skip`` holds names (the actors) whose words are left out: the actor is compared separately.
    """
    if not sentence:
        return frozenset()
    pos = sentence.find(mention) if mention else -1
    if pos < 0:
        before, after = "", sentence
    else:
        before, after = sentence[:pos], sentence[pos + len(mention or ""):]
    skipped = {w.casefold() for name in skip if name for w in _WORD.findall(name)}
    b = [w.casefold() for w in _WORD.findall(before)]
    a = [w.casefold() for w in _WORD.findall(after)]

    def keep(words: List[str]) -> List[str]:
        return [_stem(w.replace("’", "'")) for w in words
                if len(w) > 2 and w not in _STOP and w not in skipped]

    return frozenset(keep(b)[-WINDOW_BEFORE:] + keep(a)[:WINDOW_AFTER])


# Magnitude words end a bare number's mention ("22.88 billion"): no unit to tell it apart by.
_MAGNITUDE = frozenset(r["word"] for r in load_patterns("topic_words")
                       if r["kind"] == "magnitude")


def unit_word(mention: Optional[str]) -> str:
    """The unit word of a money mention whose currency is unknown ("five billion francs" -> "franc"):
    all that keeps "1.25 pesos" from being the same claim as "1.25 francs"."""
    words = _WORD.findall(mention or "")
    if not words:
        return ""
    w = words[-1].casefold()
    return "" if w in _MAGNITUDE else _stem(w)
