#!/usr/bin/env python3
"""Generate patterns/currencies_cldr.jsonl: every ISO 4217 currency with its English names and
symbols from CLDR (through Babel), and which countries used which currency when.

Run by hand when Babel or pycountry bring new data (``pip install babel pycountry``); the runtime
reads only the generated JSONL, and tests/test_generated_tables.py checks that the file is what
this script makes from the installed Babel and pycountry. The hand table patterns/currencies.jsonl
keeps the newsroom forms (dlrs, stg, cts, crore) and overrides this one where they disagree.

Rows:
- kind "currency": ``iso``; ``name``/``plural``, CLDR's English display names for one and many
  ("Kuwaiti dinar", "Kuwaiti dinars"); ``unit``, the last word of the names, singular first, the
  form a story uses alone ("dinar", "dinars"); ``symbols``, the English and home-country symbols no other
  currency shares ("CA$", "₴"); ``active``: in pycountry's current ISO 4217 list; ``code_alone``
  false for codes that are English words or tickers; ``metal`` for gold, silver and the platinum
  metals (their names are weights in a story).
- kind "territory": ``country`` (ISO 3166 alpha-2), its English ``name``, and ``currencies``: the
  legal tender it had from 1970 on, as [iso, first day, last day or null].
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import babel
import pycountry
from babel import Locale, localedata
from babel.core import get_global
from babel.numbers import get_currency_name
from generated import write_table  # scripts/generated.py, beside this script

OUT = Path(__file__).resolve().parent.parent / "patterns" / "currencies_cldr.jsonl"

SINCE = dt.date(1970, 1, 1)       # older tender never meets a news archive
# codes ISO keeps that are not money a story writes: testing and "no currency"
NOT_MONEY = {"XTS", "XXX"}
# countries of the news archives that no longer exist, with the names stories give them; CLDR
# keeps their currencies ("East German marks", "Yugoslav dinars") under these codes
DISSOLVED = {"DD": ("East Germany", "German Democratic Republic"), "SU": ("Soviet Union", "USSR"),
             "YU": ("Yugoslavia",), "YD": ("South Yemen",)}
# precious metals: their names are weights in a story ("0.88 troy ounce of gold per ton of ore")
METALS = {"XAG", "XAU", "XPD", "XPT"}
# codes that are also English words or company tickers ("ALL", "TOP", "AMD", "CUP"): read only
# through their names and symbols, never as a bare code next to a number
WORD_CODES = {"ALL", "AMD", "BAM", "BOB", "CHE", "CUP", "CVE", "IRR", "MAD", "MOP", "NAD", "NIO", "PEN", "SOS", "TMT",
              "TOP"}
# dates in a name: "Zimbabwean dollar (2009–2024)"; other brackets are part of the name ("US
# dollar (next day)", "European unit of account (XBC)")
_YEARS = re.compile(r"\s*\([^)]*\d{4}[^)]*\)\s*$")
_BRACKETS = re.compile(r"\s*\([^)]*\)\s*$")     # the unit is the last word before any bracket


def _is_sign(ch: str) -> bool:
    return unicodedata.category(ch) == "Sc"


def _clean(name: str) -> str:
    return _YEARS.sub("", name).strip()


def _territory_rows(loc: Locale) -> tuple[list[dict], set[str]]:
    rows, used = [], set()
    for code in sorted({c.alpha_2 for c in pycountry.countries} | set(DISSOLVED)):
        spans = []
        for cur in get_global("territory_currencies").get(code, ()):
            iso, start, end, tender = cur
            if not tender or iso in NOT_MONEY:
                continue
            end_day = dt.date(*end) if end else None
            if end_day is not None and end_day < SINCE:
                continue
            spans.append([iso, dt.date(*start).isoformat() if start else None,
                          end_day.isoformat() if end_day else None])
            used.add(iso)
        if spans:
            row = {"kind": "territory", "country": code,
                   "name": DISSOLVED[code][0] if code in DISSOLVED else loc.territories.get(code, code),
                   "currencies": spans}
            names = _other_names(code, row["name"])
            if names:
                row["names"] = names
            rows.append(row)
    return rows, used


def _other_names(code: str, name: str) -> list[str]:
    """pycountry's names of a country as running text writes them ("Hong Kong" beside CLDR's
    "Hong Kong SAR China"); inverted ISO forms ("Korea, Republic of") never occur."""
    if code in DISSOLVED:
        return [n for n in DISSOLVED[code][1:] if n != name]
    c = pycountry.countries.get(alpha_2=code)
    forms = [getattr(c, key, None) for key in ("common_name", "name")] if c else []
    return sorted({f for f in forms if f and f != name and "," not in f and "(" not in f})


def _home_symbols() -> dict[str, set[str]]:
    """Symbols each currency has in the locales of the countries that use it ("₴" in uk_UA)."""
    by_territory = defaultdict(list)
    for ident in localedata.locale_identifiers():
        parts = ident.split("_")
        if len(parts) >= 2 and len(parts[-1]) == 2 and parts[-1].isupper():
            by_territory[parts[-1]].append(ident)
    out: dict[str, set[str]] = defaultdict(set)
    for territory, idents in by_territory.items():
        for cur in get_global("territory_currencies").get(territory, ()):
            if cur[2] is not None:           # no longer used: its symbol is another's now
                continue
            for ident in idents:
                sym = Locale.parse(ident).currency_symbols.get(cur[0])
                # only signs ("₴", "₦"): a locale's letters ("Rs", "kr") are shared or ambiguous
                if sym and any(_is_sign(ch) for ch in sym) and sym != "$":
                    out[cur[0]].add(sym)
    return out


def build() -> tuple[str, list[dict]]:
    """The header line and the rows of the table, from the installed Babel and pycountry."""
    loc = Locale("en")
    territories, used = _territory_rows(loc)
    active = {c.alpha_3 for c in pycountry.currencies} - NOT_MONEY
    codes = sorted(active | used)
    home = _home_symbols()
    symbol_owners: dict[str, set[str]] = defaultdict(set)
    for iso in codes:
        en = loc.currency_symbols.get(iso)
        if en and en != iso:
            symbol_owners[en].add(iso)
        for sym in home.get(iso, ()):
            symbol_owners[sym].add(iso)
    rows = []
    for iso in codes:
        name = get_currency_name(iso, count=1, locale="en")
        plural = get_currency_name(iso, count=2, locale="en")
        if name == iso:              # CLDR has no English name yet: ISO's, for one and many
            listed = pycountry.currencies.get(alpha_3=iso)
            if listed is None:
                continue
            name = plural = listed.name
        name, plural = _clean(name), _clean(plural)
        # the unit alone ("dinars") only for legal tender: funds and metals ("troy ounces of
        # gold", "special drawing rights") have no word of their own to stand alone
        one, many = (_BRACKETS.sub("", n).split()[-1].lower() for n in (name, plural))
        unit = list(dict.fromkeys((one, many))) if iso in used else []
        symbols = sorted(s for s, owners in symbol_owners.items() if owners == {iso} and s != iso)
        row = {"kind": "currency", "iso": iso, "name": name, "plural": plural, "unit": unit,
               "symbols": symbols, "active": iso in active}
        if iso in WORD_CODES:
            row["code_alone"] = False
        if iso in METALS:
            row["metal"] = True
        rows.append(row)
    header = (f"// generated by scripts/make_currencies.py from CLDR (Babel {babel.__version__}) and "
              f"pycountry's ISO 4217 list; edit the script, not this file")
    return header, rows + territories


def main() -> None:
    header, rows = build()
    write_table(OUT, header, rows)
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
