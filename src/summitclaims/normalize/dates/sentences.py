"""A rough sentence around a date, for the tense and the story's anchors where there is no parse."""
from __future__ import annotations

import re

# How far a rough sentence reaches either side of a date when there is no parse.
SENTENCE_REACH = 400

# A sentence ends at its punctuation, a blank line, an indented line, or a line break after
# anything but a word, a number or a comma: wire text wraps sentences at about 65 characters
# ("rose 1.8 pct in the\nfirst quarter"), so a break after a word goes on.
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z“\"'‘(])|\n\s*\n|\n(?=[ \t])|(?<![A-Za-z0-9,;:-])\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Rough sentence around [start, end): punctuation or line breaks (pure fallback for spaCy's)."""
    s = max(0, start - SENTENCE_REACH)      # a text without sentence ends is read in windows, not whole
    for m in _SENT_END.finditer(text, s, start):
        s = m.end()
    after = _SENT_END.search(text, end, end + SENTENCE_REACH)
    return s, (after.start() + 1 if after else min(len(text), end + SENTENCE_REACH))
