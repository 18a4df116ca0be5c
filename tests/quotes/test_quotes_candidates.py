"""pipeline.quotes.candidates: a lone surname completed from its first full mention (pure, no model)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims.pipeline.quotes.candidates import _FIRST_NAMES, complete, first_full_mention
from summitclaims.pipeline.quotes.tables import QuoteTables

TABLES = QuoteTables.load("quote_cues", "quote_pronouns", "quote_gender", "quote_nouns", "roles", 8, 3, 6)


def searched(text, last):
    """What the search over the whole text finds: the rule first_full_mention keeps."""
    m = re.search(_FIRST_NAMES + re.escape(last) + r"\b", text, re.VERBOSE)
    return m and (m.span(), m.group(1))


def found(text, last):
    m = first_full_mention(text, last)
    return m and (m.span(), m.group(1))


@pytest.mark.parametrize("text, name, expected", [
    pytest.param("Lyle Gramley said. Gramley left.", "Gramley", "Lyle Gramley", id="two-words"),
    pytest.param("Chairman Lyle Gramley said.", "Gramley", "Lyle Gramley", id="title-cut"),
    pytest.param("Lyle E. Gramley said.", "Gramley", "Gramley", id="an-initial-is-no-first-name"),
    pytest.param("Treasury Secretary David\nMulford said.", "Mulford", "David Mulford", id="title-and-line-break"),
    pytest.param("But Mulford said.", "Mulford", "Mulford", id="not-a-first-name"),
    pytest.param("McDonald Gramley said.", "Gramley", "McDonald Gramley", id="capital-inside-a-word"),
    pytest.param("Gramley Gramley Gramley", "Gramley", "Gramley Gramley Gramley", id="the-surname-repeated"),
])
def test_complete(text, name, expected):
    assert complete(text, TABLES, name) == expected
    assert found(text, name) == searched(text, name)


@pytest.mark.parametrize("text, name, expected", [
    # once quadratic: the search tried every capital of the run, each reading it to its end
    pytest.param("A" * 30_000 + " said. David Mulford agreed.", "Mulford", "David Mulford",
                 id="a-run-of-capitals"),
    pytest.param("Ab " * 10_000 + "x Mulford", "Mulford", "Mulford", id="capitalised-words-then-no-name"),
])
def test_complete_on_hostile_text(text, name, expected):
    assert complete(text, TABLES, name) == expected


_PIECES = st.sampled_from(["A", "AB", "Ab", "b", "O'", "\u2019", "-", ".", " ", "  ", "\n", "\t", "_", "É", "1",
                           "Mulford", "mulford", "Mulfords", "David", "E.", ",", "(", "\u00a0"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_same_as_the_search_of_the_whole_text(text):
    assert found(text, "Mulford") == searched(text, "Mulford")


@settings(max_examples=40, deadline=2000)
@given(st.lists(st.sampled_from(["A", "AB", "Mr", ".", " ", "\u00a0", "«", "Mulford", "1"]),
                min_size=500, max_size=5000).map("".join))
def test_hostile_text_is_fast(text):
    complete(text, TABLES, "Mulford")


OLD_TRAILING = re.compile(r"\s+(?:and|but|or|while)$")


@settings(max_examples=400, deadline=1000)
@given(st.text(alphabet=" \n\tandbutorwhilex.", max_size=60), st.data())
def test_a_trailing_conjunction_is_cut_as_a_search_of_the_whole_clause_would(text, data):
    from summitclaims.pipeline.quotes import reported

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    old = OLD_TRAILING.search(text, start, end)
    new = reported._TRAILING_CONJUNCTION.search(text, max(start, end - reported._CONJUNCTION_TAIL), end)
    assert (old is None) == (new is None)
    if new is not None:
        cut = new.start()
        while cut > start and text[cut - 1].isspace():
            cut -= 1
        assert cut == old.start()
