"""Links between neighbouring amounts: exchange-rate notes ("($1 = 0.9698 euros)", both sides marked
``rate_note``: no period, no actor, no conversion) and conversions ("109 billion euros ($112
billion)", each ``equivalent_of`` the other)."""
from __future__ import annotations

import re

from ...values import Money

# what stands between the two sides of a rate note: "$1 = 0.9698 euros"
_RATE_BETWEEN = re.compile(r"^\s*=\s*$", re.X)
# what stands between an amount and its conversion
_CONVERSION_BETWEEN = re.compile(r"""
    ^\s*(?:
        \(\s*           # "109 billion euros ($112 billion)"
      | \[\s*           # "[$112 billion]"
      | ,?\s+or\s+      # "€1.5bn, or about $1.6bn"
      | /\s*            # "€1.5bn/$1.6bn"
    )$
""", re.I | re.X)


def link(text: str, found: list[tuple[int, int, Money]]) -> None:
    """Mark rate notes and link conversions among ``found`` (in text order), in place."""
    for (s1, e1, a), (s2, _, b) in zip(found, found[1:]):
        between = text[e1:s2]
        if _RATE_BETWEEN.match(between):
            a.rate_note = b.rate_note = True
            a.period = b.period = None
        elif _CONVERSION_BETWEEN.match(between) and a.currency != b.currency and not (a.rate_note or b.rate_note):
            a.equivalent_of, b.equivalent_of = s2, s1
            # the conversion shares the original's period ("€150 billion ($156 billion) over five years")
            a.period = a.period or b.period
            b.period = b.period or a.period
