"""Every ISO 4217 currency written by its English names: does the money finder give its code?

    python benchmarks/money_iso_names.py [--show]

The names are CLDR's, read through Babel (``pip install babel pycountry``), independent of the
generated table the finder reads; the list of currencies is pycountry's ISO 4217 list without XTS
and XXX (codes for tests and for no currency). Each currency is tried in a sentence with its plural
name ("It cost 42 million Kuwaiti dinars."), its singular name after one ("one Kuwaiti dinar") and
its code ("42 million KWD"): a pass is exactly one amount with that value and code.
"""
from __future__ import annotations

import argparse

import pycountry
from babel.numbers import get_currency_name

from summitclaims.normalize.money import find_money

SKIP = {"XTS", "XXX"}


def _ok(text: str, value: float, code: str) -> tuple[bool, str]:
    found = find_money(text)
    got = "; ".join(f"{m.raw!r}={m.value} {m.currency}" for _, _, m in found) or "-"
    return len(found) == 1 and found[0][2].currency == code and found[0][2].value == value, got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="list every miss")
    args = ap.parse_args()
    forms = {"plural name": 0, "singular name": 0, "code": 0}
    n = 0
    for cur in sorted(pycountry.currencies, key=lambda c: c.alpha_3):
        code = cur.alpha_3
        plural = get_currency_name(code, count=2, locale="en")
        if code in SKIP or plural == code:
            continue
        n += 1
        one = get_currency_name(code, count=1, locale="en")
        for form, text, value in (("plural name", f"It cost 42 million {plural}.", 42e6),
                                  ("singular name", f"It cost one {one}.", 1.0),
                                  ("code", f"It cost 42 million {code}.", 42e6)):
            ok, got = _ok(text, value, code)
            forms[form] += ok
            if args.show and not ok:
                print(f"MISS {code} {form}: {text!r} -> {got}")
    for form, hits in forms.items():
        print(f"{form:<14} {hits}/{n} ({hits / n:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
