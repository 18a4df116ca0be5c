"""Past or future around a date mention: what decides the occurrence of a year-less date."""
from __future__ import annotations

import re

from .calendar import Tense
from .rules import load
from .sentences import sentence_bounds

# How far back the word right before a date is read (past an "on").
BEFORE_WINDOW = 24
_BEFORE = re.compile(r"([A-Za-z']+)\s+(?:on\s+)?$")


def guess_tense(text: str, start: int, end: int, sent: tuple[int, int] | None = None,
                past_at: list[int] | None = None) -> Tense:
    """Past or future from the cue nearest to the date in its sentence; None when none is there.

    ``past_at`` may add char offsets of past-tense verbs (the pipeline gives spaCy's VBD tokens).
    """
    cues = load().cues
    before = _BEFORE.search(text, max(0, start - BEFORE_WINDOW), start)
    if before and (before.group(1).lower() == "since" or cues.past.fullmatch(before.group(1))):
        return "past"                       # "the rise since July", "said on Monday" (as the parse reads them)
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
