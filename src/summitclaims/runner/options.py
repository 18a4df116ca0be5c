"""What a run is asked for: one frozen object handed to every step and to worker processes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

RULE_KINDS = frozenset({"money", "date"})     # what --rules-only can find without the model


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
    # money and dates from the rules alone, the statistical model not run: ten times as fast, but
    # an amount has no actor and no type read from the parse, and a weekday's tense is guessed from
    # the words around it (``nlp.RULES_ONLY``); kinds None then means RULE_KINDS
    rules_only: bool = False

    def __post_init__(self) -> None:
        if self.rules_only:
            if self.kinds is None:
                object.__setattr__(self, "kinds", RULE_KINDS)
            elif not self.kinds <= RULE_KINDS:
                raise ValueError("rules only: money and dates alone are found without the model, "
                                 f"not {', '.join(sorted(self.kinds - RULE_KINDS))}")
