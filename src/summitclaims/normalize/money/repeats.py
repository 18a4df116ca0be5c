"""An amount the text has stated before, with the same value and currency, is a repeat (the claim's
``new`` False): one rule for a whole doc and for a long article run piece by piece."""
from __future__ import annotations


class Repeats:
    """The amounts seen so far in one article, in text order."""

    def __init__(self) -> None:
        self.seen: set[tuple[object, ...]] = set()

    def repeat(self, currency: str | None, value: float | None, low: float | None, high: float | None,
               conversion: bool = False) -> bool:
        """Whether this amount was stated before; a conversion ("($112bn)") is never a repeat of
        the figure it converts, and counts as seen once."""
        if value is None and low is None:
            return False
        key = (currency, value, low, high)
        again = key in self.seen
        self.seen.add(key)
        return again and not conversion
