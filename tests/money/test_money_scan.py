"""The money finder tries its amount regex only where an amount can begin (normalize/money/scan.py
``Scanner.matches``). That is a speed-up, not a change: it must find exactly what the single-amount
regex's ``finditer`` finds, which these tests check on tricky strings, the samples and generated
text made of the rules' own words joined every which way."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims.normalize.money import find_money
from summitclaims.normalize.money.finder import finder
from tests.paths import SAMPLES

SCANNER = finder().scanner
assert SAMPLES, "the samples folder moved"


def plain(text: str) -> list:
    return [(m.span(), m.groups()) for m in SCANNER.single.finditer(text)]


def scanned(text: str) -> list:
    return [(m.span(), m.groups()) for m in SCANNER.matches(text)]


TRICKY = [
    "a million dollars", "amillion dollars", "abn euros", "halfbn dollars", "half a billion euros",
    "a quarter of a million pounds", "three quarters of a billion dollars", ".5 million dollars",
    "x.5 million dollars", "1.5 billion euros", "x5 dollars", "5USD", "US$5", "USD5bn", "éUSD 5",
    "HK $ 5 million", "HK$5", "Rs 500 crore", "Rs500", "EUR1,500 million", "€1.5bn", "20€", "12p",
    "75 USD million", "1234,567 USD million", "12.5 EUR bn", "five million yen", "twenty-five dollars",
    "ſix million dollars", "ſix dollars", "\u212aES 5 million", "İN 5", "120 mln dlrs from 127.4 mln",
    "$30-50bn", "between $1 and $2 million", "3 dollars 50 cents", "1/2 dollars", ",5 euros", "_5 dollars",
    "٢٠ dollars", "5\u00a0000 euros", "$1 = 0.9698 euros", "109 billion euros ($112 billion)",
    # space-grouped runs: a failed try at the run skips its later groups, never the last
    "100 100 100 euros", "x100 100 100 euros", "1.100 100 euros", "2023 100 000 euros", "$100 100 1000",
    "100 100,5 dollars", "100 100 100,5 USD million", "x100 100 1.5 USD million", "100\u202f100\u00a0100 euros",
    "100 100 mln dlrs", "July 6 100 mln dlrs", "x1 000 000 USD million",
    # a folding letter inside or after a word, before a code with a magnitude
    "U\u017f$5", "H\u212a $ 5 million", "a\u212aES 5", "\u017fUSD 5", "xſix dollars", "5 U\u017fD million",
    "1,1234,567 USD million", "12.345.678 USD million", "x1.5 USD million", "x.5 USD million",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky(text):
    assert scanned(text) == plain(text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples(path):
    text = path.read_text(encoding="utf-8")
    assert scanned(text) == plain(text)


def test_found_amounts_unchanged_on_a_tricky_text():
    text = " ".join(TRICKY)
    found = find_money(text)
    assert [t[:2] for t in found] and scanned(text) == plain(text)


WORDS = sorted({*SCANNER.start_words, *SCANNER.start_mags, "dollars", "euros", "dlrs", "mln", "billion", "million",
                "cents", "pence", "and", "to", "from", "said", "us", "a", "of", "per", "year"})
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(WORDS).map(str.title),
    st.integers(0, 999).map(str), st.integers(0, 10**7).map(lambda n: f"{n:,}"),
    st.floats(0, 1000, allow_nan=False).map(lambda f: f"{f:.2f}"),
    st.sampled_from(["$", "€", "£", "¥", "US$", "HK$", "Rs.", "ſ", "ı", "İ", "\u212a", "é", "_", "٢", "½"]),
    st.sampled_from(["USD million", "EUR bn", "usd mln"]),
    st.lists(st.sampled_from(["1", "12", "100", "000", "1000"]), min_size=2, max_size=5).map(" ".join),
)
SEPS = st.sampled_from(["", " ", "  ", "-", "/", ".", ",", ", ", " - ", "–", "\n", "\n\n", "(", ") ", "+",
                        "\u00a0", "\u202f"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(PIECES, SEPS), max_size=12))
def test_generated(parts):
    text = "".join(p + s for p, s in parts)
    assert scanned(text) == plain(text)
