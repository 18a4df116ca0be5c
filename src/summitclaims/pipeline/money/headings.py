"""A list item's heading that names the actor of its line: "AMAZON: The U.S. retail giant pledged ..."."""
from __future__ import annotations

import re

from spacy.tokens import Span

from .context import DocContext

MAX_HEADING = 40          # chars of a heading; a longer text before a colon is a sentence
MIN_WORDS_AFTER = 2       # "REVENUE: $5bn" is a table row, not a heading over a clause
MAX_CAPS_WORDS = 4        # an all-capitals heading of more words is a headline, not a name
_HEADING = re.compile(rf"""
    (?:^|\n)[ \t]*
    (?:[-*•–]\s*)?                                    # perhaps a bullet
    (?P<h>[A-Z][A-Za-z0-9&.'’ -]{{0,{MAX_HEADING}}}?)   # the heading, capitalised
    [ \t]*:[ \t]                                      # then a colon and a space
""", re.X)


def heading(ctx: DocContext, span: Span) -> str | None:
    """The actor the heading of ``span``'s line names, or None."""
    text = ctx.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    m = _HEADING.match(text, line_start, span.start_char)
    if not m:
        return None
    if len(text[m.end():span.start_char].split()) < MIN_WORDS_AFTER:
        return None
    h = m.group("h").strip()
    hs = ctx.doc.char_span(m.start("h"), m.start("h") + len(h), alignment_mode="expand")
    if hs is not None:
        for t in hs:
            actor = ctx.actor(t)
            if actor is not None:
                return actor
    letters = [c for c in h if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and len(h.split()) <= MAX_CAPS_WORDS:
        return h.title()
    return None
