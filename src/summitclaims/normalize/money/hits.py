"""An amount while the finder's passes work on it, and the ``Money`` it becomes."""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from ...values import Money
from .lexicon import Unit

MAX_VALUE = 1e18          # guards against absurd digit strings: no amount in the news is larger


@dataclass
class Hit:
    """One amount of one call: a single amount (``num`` with its magnitude ``factor``) or a range
    (``low`` and ``high``, already scaled); the passes widen its span and add qualifier and period."""
    start: int
    end: int
    unit: Unit
    num: Decimal | None
    factor: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: str | None = None
    period: str | None = None
    source: str | None = None      # how the currency was known: written | context | default


def scaled(num: Decimal | None, factor: Decimal | None, unit: Unit) -> Decimal | None:
    """The amount in whole currency units: number x magnitude x unit factor (0.01 for cents)."""
    if num is None:
        return None
    return num * (factor if factor is not None else 1) * Decimal(str(unit.factor))


def finite(x: Decimal | None) -> float | None:
    """``x`` as a float when it is a sensible amount, else None."""
    if x is None:
        return None
    try:
        v = float(x)
    except (OverflowError, ValueError):
        return None
    if not math.isfinite(v) or v < 0 or v > MAX_VALUE:
        return None
    return v


def to_money(text: str, h: Hit) -> Money:
    """The record value of a hit; ``raw`` is its span of ``text``."""
    raw = text[h.start:h.end]
    if h.low is not None:
        return Money(raw=raw, low=finite(h.low), high=finite(h.high), currency=h.unit.iso,
                     qualifier=h.qualifier, period=h.period, currency_source=h.source)
    return Money(raw=raw, value=finite(scaled(h.num, h.factor, h.unit)), currency=h.unit.iso,
                 qualifier=h.qualifier, period=h.period, currency_source=h.source)
