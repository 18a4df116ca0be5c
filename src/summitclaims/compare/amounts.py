"""Amounts of money records, compared within a relative tolerance, natively or through USD.

Two amounts match when they are in the same currency and within ``tol`` of each other (relative to
the larger), or, across currencies, when their USD values are within ``fx_tol``. A range matches a
range whose both ends match; a point never matches a range. Lookups go through log-scale buckets,
so matching n amounts against m costs about n + m, not n * m.
"""
from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from typing import Any, Dict, Generic, Iterator, List, Optional, Tuple, TypeVar

from ..fields import parse_iso_date

TOL = 0.02        # same currency: rounding ("€1.5bn" / "1.52 billion euros")
FX_TOL = 0.03     # across currencies: rounding plus a few days of exchange-rate drift

T = TypeVar("T")


class Amount:
    """A point (lo == hi) or a range in one currency (None: unknown), with its USD ends when known."""
    __slots__ = ("currency", "lo", "hi", "usd_lo", "usd_hi")

    def __init__(self, currency: Optional[str], lo: float, hi: float,
                 usd_lo: Optional[float] = None, usd_hi: Optional[float] = None):
        self.currency = currency
        self.lo = lo
        self.hi = hi
        self.usd_lo = usd_lo
        self.usd_hi = usd_hi

    @property
    def is_range(self) -> bool:
        """Whether lo and hi differ: a range only ever matches a range."""
        return self.lo != self.hi

    def __repr__(self) -> str:  # for test failure messages
        return f"Amount({self.currency} {self.lo:g}-{self.hi:g}, usd={self.usd_lo})"


def _num(x: Any) -> Optional[float]:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return None
    x = float(x)
    return x if math.isfinite(x) and x >= 0 else None


def amount_of(rec: Dict[str, Any]) -> Optional[Amount]:
    """The amount of a money record, or None (exchange-rate notes, no number)."""
    if rec.get("rate_note"):
        return None
    cur = rec.get("currency") or None
    value = rec.get("value")
    if value.__class__ is float and value >= 0 and value != math.inf:    # the common case, no calls
        usd = rec.get("usd")
        if usd.__class__ is not float or not (0 <= usd < math.inf):
            usd = _num(usd)
        return Amount(cur, value, value, usd, usd)
    value = _num(value)
    if value is not None:
        usd = _num(rec.get("usd"))
        return Amount(cur, value, value, usd, usd)
    lo, hi = _num(rec.get("low")), _num(rec.get("high"))
    if lo is None and hi is None:
        return None
    low = hi if lo is None else lo
    high = lo if hi is None else hi
    assert low is not None and high is not None
    return Amount(cur, low, high)


def rel(a: float, b: float) -> float:
    """Relative difference to the larger of the two (0 for two zeros)."""
    d = a - b
    if a < 0:
        a = -a
    if b < 0:
        b = -b
    big = a if a > b else b     # no max()/abs() calls: this runs for every candidate pair
    if big == 0:
        return 0.0
    return (d if d >= 0 else -d) / big


def match(x: Amount, y: Amount, tol: float = TOL, fx_tol: float = FX_TOL) -> bool:
    """Whether two amounts are the same: within ``tol`` in one currency, else USD values within ``fx_tol``."""
    # written out (no property or helper calls): this runs for every candidate pair
    if (x.lo != x.hi) != (y.lo != y.hi):
        return False
    if x.currency is not None and x.currency == y.currency:
        return rel(x.lo, y.lo) <= tol and rel(x.hi, y.hi) <= tol
    a, b = x.usd_lo, y.usd_lo
    if a is None or b is None or x.usd_hi is None or y.usd_hi is None:
        return False
    return rel(a, b) <= fx_tol and rel(x.usd_hi, y.usd_hi) <= fx_tol


def distance(x: Amount, y: Amount) -> float:
    """How far two matching amounts are (to rank candidates): native if same currency, else USD."""
    if x.currency is not None and x.currency == y.currency:
        return max(rel(x.lo, y.lo), rel(x.hi, y.hi))
    if x.usd_lo is not None and y.usd_lo is not None:
        return max(rel(x.usd_lo, y.usd_lo), rel(x.usd_hi or 0, y.usd_hi or 0))
    return 1.0


def _bucket(x: float, width: float) -> int:
    # values within the tolerance of each other land in the same or adjacent buckets
    return -(10 ** 9) if x <= 0 else math.floor(math.log(x) / width)


@lru_cache(maxsize=16)
def _widths(tol: float, fx_tol: float) -> Tuple[float, float]:
    return -math.log1p(-min(tol, 0.5)), -math.log1p(-min(fx_tol, 0.5))


class AmountIndex(Generic[T]):
    """Items by amount; ``near(amount)`` yields the items that may match (check with ``match``)."""

    def __init__(self, tol: float = TOL, fx_tol: float = FX_TOL):
        self.tol, self.fx_tol = tol, fx_tol
        self.w, self.fw = _widths(tol, fx_tol)
        self.native: Dict[Tuple[Optional[str], int], List[Tuple[Amount, T]]] = {}
        self.usd: Dict[int, List[Tuple[Amount, T]]] = {}

    def add(self, amount: Amount, item: T) -> None:
        """File ``item`` under its amount: by currency and size, and by USD value when it has one."""
        self.native.setdefault((amount.currency, _bucket(amount.lo, self.w)), []).append((amount, item))
        if amount.usd_lo is not None:
            self.usd.setdefault(_bucket(amount.usd_lo, self.fw), []).append((amount, item))

    def first(self, amount: Amount) -> Optional[T]:
        """The first item ``near`` would yield, or None: the hot path of clustering, no generator."""
        b = _bucket(amount.lo, self.w)
        if amount.currency:
            native = self.native
            for k in (b - 1, b, b + 1):
                for other, item in native.get((amount.currency, k)) or ():
                    if match(amount, other, self.tol, self.fx_tol):
                        return item
        if amount.usd_lo is not None:
            fb = _bucket(amount.usd_lo, self.fw)
            usd = self.usd
            for k in (fb - 1, fb, fb + 1):
                for other, item in usd.get(k) or ():
                    if match(amount, other, self.tol, self.fx_tol):
                        return item
        return None

    def near(self, amount: Amount, limit: int = 0) -> Iterator[Tuple[Amount, T]]:
        """Matching (amount, item) pairs, each once; at most ``limit`` when limit > 0."""
        seen = set()
        n = 0
        b = _bucket(amount.lo, self.w)
        lists = [self.native.get((amount.currency, k)) for k in (b - 1, b, b + 1)] if amount.currency else []
        if amount.usd_lo is not None:
            fb = _bucket(amount.usd_lo, self.fw)
            lists += [self.usd.get(k) for k in (fb - 1, fb, fb + 1)]
        for lst in lists:
            for other, item in lst or ():
                if id(item) in seen or not match(amount, other, self.tol, self.fx_tol):
                    continue
                seen.add(id(item))
                yield other, item
                n += 1
                if limit and n >= limit:
                    return


@lru_cache(maxsize=4096)
def usd_rate(currency: str, day: dt.date) -> Optional[float]:
    """USD per unit of ``currency`` at the ECB rate of ``day`` (or the latest before), or None."""
    if currency == "USD":
        return 1.0
    from ..normalize import fx
    from ..values import Money

    # a large amount: the converter rounds to cents
    m = fx.convert(Money("", value=1e9, currency=currency), day)
    return None if m.usd is None else m.usd / 1e9


def fill_usd(amount: Amount, day: Optional[dt.date]) -> bool:
    """Give an amount without USD value one at ``day``'s rate; True if it now has one."""
    if amount.usd_lo is not None:
        return True
    if amount.currency is None:
        return False
    if amount.currency == "USD":
        rate: Optional[float] = 1.0
    elif day is None:
        return False
    else:
        rate = usd_rate(amount.currency, day)
    if rate is None:
        return False
    amount.usd_lo, amount.usd_hi = amount.lo * rate, amount.hi * rate
    return True


def parse_day(value: Any) -> Optional[dt.date]:
    """The date of a record field (YYYY-MM-DD, or an ISO datetime's day); None for anything else, never raises."""
    if not isinstance(value, str):
        return None
    try:
        return parse_iso_date(value, prefix=True)
    except ValueError:
        return None
