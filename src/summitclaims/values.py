"""Plain value types produced by the normalisers and stored on spaCy extension attributes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Money:
    raw: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    currency: str | None = None          # ISO 4217
    qualifier: str | None = None         # up_to | about | more_than | less_than | at_least
    period: str | None = None            # ISO 8601 duration, e.g. P5Y
    rate_note: bool = False              # "($1 = 0.9698 euros)": not a claim
    actor: str | None = None             # canonical name of who commits / announces it
    equivalent_of: int | None = None     # char_start of the linked conversion
    usd: float | None = None             # converted at the ECB rate of fx_date
    eur: float | None = None
    fx_date: dt.date | None = None


@dataclass
class DateValue:
    raw: str
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: str | None = None       # day | month | quarter | year


@dataclass
class Quote:
    quote: str                           # words inside the marks
    speaker: str | None = None           # canonical name
    speaker_text: str | None = None      # the words that named the speaker ("she")
    cue: str | None = None               # reporting verb, or the dash
    partial: bool = False


@dataclass
class Actor:
    name: str                            # canonical full name
    label: str                           # PERSON | ORG | GPE | LOC | NORP
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)   # (char_start, char_end)
    role: str | None = None
