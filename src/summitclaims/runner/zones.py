"""spaCy memory zones, so that the vocab does not grow with the input.

spaCy keeps every new word it meets in the shared vocab. Inside ``nlp.memory_zone()`` what a chunk
adds is dropped when the chunk is done (its records are plain dicts by then); but the tokenizer does
not cache inside a zone, so a pipeline first reads ``WARM_CHARS`` of text outside one, filling the
cache with the common words (bounded, the same for any input).
"""
from __future__ import annotations

import contextlib
from typing import Iterator

from spacy.language import Language

WARM_CHARS = 500_000        # text read outside zones first: enough to cache the common words
_ATTR = "_summitclaims_zones"


class Zones:
    """The zone state of one pipeline: how much it has read, and whether a zone is open now."""

    def __init__(self, warm_chars: int = WARM_CHARS) -> None:
        self.warm_chars = warm_chars
        self.warmed = 0
        self.open = False   # zones do not nest: an inner one would drop what the outer chunk still uses

    @contextlib.contextmanager
    def zone(self, nlp: Language, chars: int) -> Iterator[None]:
        """Run the block in a memory zone, unless still warming up or already inside one."""
        if self.open or self.warmed < self.warm_chars:
            self.warmed += chars
            yield
            return
        self.open = True
        try:
            with nlp.memory_zone():
                yield
        finally:
            self.open = False


def zones_of(nlp: Language) -> Zones:
    """The pipeline's own zone state (made on first use), shared by every runner of that pipeline."""
    zones = getattr(nlp, _ATTR, None)
    if zones is None:
        zones = Zones()
        setattr(nlp, _ATTR, zones)
    return zones
