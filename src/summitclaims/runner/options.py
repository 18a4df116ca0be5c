"""What a run is asked for: one frozen object handed to every step and to worker processes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RunOptions:
    """The settings of a run: the default date, the kinds, --keep-text, and the sizes that bound memory."""
    published: dt.date | None = None       # default for articles that do not carry their own
    kinds: frozenset[str] | None = None    # None: every kind
    keep_text: bool = False                # put the article text on the document record
    batch_size: int = 16
    piece_chars: int = 100_000             # longer articles run in paragraph-aligned pieces
    # the model's working memory grows with the text of a whole batch (about 2.5 MB per 1,000
    # chars with en_core_web_sm): a batch holds at most this many chars (a longer article runs
    # alone), so that a few long articles together do not set the peak memory of the whole run
    batch_chars: int = 24_000
