"""Past or future around a date mention: what decides the occurrence of a year-less date."""
from __future__ import annotations

import re

from .calendar import Tense
from .rules import load

# How far a rough sentence reaches either side of a date when there is no parse.
SENTENCE_REACH = 400

_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z“\"'‘(])|\n\s*\n|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Rough sentence around [start, end): punctuation or line breaks (pure fallback for spaCy's)."""
    s = 0
    for m in _SENT_END.finditer(text, max(0, start - SENTENCE_REACH), start):
        s = m.end()
    after = _SENT_END.search(text, end, end + SENTENCE_REACH)
    return s, (after.start() + 1 if after else min(len(text), end + SENTENCE_REACH))


def guess_tense(text: str, start: int, end: int, sent: tuple[int, int] | None = None,
                past_at: list[int] | None = None) -> Tense:
    """Past or future from the cue nearest to the date in its sentence; None when none is there.

    ``past_at`` may add char offsets of past-tense verbs (the pipeline gives spaCy's VBD tokens).
    """
    cues = load().cues
    s, e = sent or sentence_bounds(text, start, end)
    found: list[tuple[int, str]] = []
    for m in cues.future.finditer(text, s, e):
        if not start <= m.start() < end:
            found.append((m.start(), "future"))
    for m in cues.past.finditer(text, s, e):
        found.append((m.start(), "past"))
    found.extend((p, "past") for p in past_at or () if s <= p < e and not start <= p < end)
    if not found:
        return None
    return min(found, key=lambda c: start - c[0] if c[0] < start else c[0] - end + 1)[1]
