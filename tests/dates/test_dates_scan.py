"""The dates finder tries each rule only at the words it can begin with (normalize/dates/scan.py
``candidates``). That is a speed-up, not a change: it must find exactly what a plain ``rx.search``
over the whole text finds, which these tests check on tricky strings, the samples and
generated text made of the rules' own words joined every which way."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims.normalize import dates
from summitclaims.normalize.dates.scan import candidates
from tests.paths import SAMPLES

GRAMMAR = dates.load()
LEX = GRAMMAR.lex


def plain(text: str, strict: bool) -> list:
    found = []
    for rule in GRAMMAR.rules:
        if strict and rule.loose:
            continue
        rx, step = rule.pattern, rule.overlapping
        m = rx.search(text)
        while m:
            s, e = m.span("span") if "span" in rx.groupindex else m.span()
            found.append((s, e, rule.name, m.groups()))
            m = rx.search(text, m.start() + 1 if step else max(m.end(), m.start() + 1))
    return sorted(found)


def scanned(text: str, strict: bool) -> list:
    found = candidates(dates.scan_text(text), GRAMMAR.rules, strict)
    return sorted((s, e, rule.name, m.groups()) for s, e, rule, m in found)


TRICKY = [
    "Marthe 10", "Marchthe 5", "marto April 2017", "midMarch 2020", "endyear", "midyear results",
    "Valentines Day", "Valentine's Day 2024", "St. Patrick's Day", "ſecond of May", "İn two weeks",
    "the ſecond quarter", "4Q24", "Q3 this year", "H1 2025", "1st half", "FY2024", "fiscal2024",
    "20250211", "2025-02-11", "2019-aug-01", "1987s", "they said on the 4th", "their 3rd",
    "10March", "10-11 February", "28 February - 2 March", "5/05/89", "11/20", "4.22", "on 4/22",
    "two days after tomorrow", "three weeks ago", "in 2 weeks", "the day after tomorrow",
    "year-to-date", "YTD", "the rest of the year", "remainder of the week", "last Friday's",
    "next week Monday", "Friday the 13th", "the second Sunday of May", "Q4 2024", "2016 June",
    "3 days from today", "remaining year", "from 4 to 22 this month", "Feb. 10", "Tuesday, February 11, 2025",
    "1st sunday", "the 22nd Monday of May", "2nd quarter",
    "X2025", "_2025", "a2025", "٢٠٢٥", "2025\u00a0Q1", "Twenty-first of June", "the twenty second",
]


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("text", TRICKY)
def test_tricky(text, strict):
    assert scanned(text, strict) == plain(text, strict)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples(path):
    text = path.read_text(encoding="utf-8")
    for strict in (True, False):
        assert scanned(text, strict) == plain(text, strict)


WORDS = sorted({*LEX.month, *LEX.weekday, *LEX.shift, *LEX.part, *LEX.ordinal, *LEX.number, *LEX.few,
                *LEX.dayword, *LEX.daynum, *(k for k in LEX.holiday),
                "the", "of", "in", "to", "and", "q", "h", "fy", "fiscal", "year", "month", "week", "quarter",
                "half", "rest", "remainder", "ytd", "ago", "from", "now", "today", "calendar", "st", "nd", "th"})
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(WORDS).map(str.title),
    st.integers(0, 99).map(str), st.integers(1800, 2099).map(str), st.integers(0, 99_999_999).map(str),
    st.sampled_from(["ſ", "ı", "İ", "K", "é", "_", "٢"]),
)
SEPS = st.sampled_from(["", " ", "  ", "-", "/", ".", ",", ", ", "'", "'s", "’s", " - ", "–", "\n", ".\n", ". "])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(PIECES, SEPS), max_size=12))
def test_generated(parts):
    text = "".join(p + s for p, s in parts)
    for strict in (True, False):
        assert scanned(text, strict) == plain(text, strict)
