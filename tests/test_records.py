"""A record's sentence: the parser's sentence as written, bounded where no full stop ends one."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims.records import ELLIPSIS, SENTENCE_CHARS, bounded_sentence


def around(text, word, cap):
    i = text.index(word)
    return bounded_sentence(text, 0, len(text), i, i + len(word), cap=cap)


EXAMPLES = {
    "a sentence under the cap, stripped": ("  Apple paid $5 million.  ", "$5 million", 100,
                                           "Apple paid $5 million."),
    "a list: the span's line and whole lines around it": (
        "one\ntwo\nthree 2024 three\nfour\n" + "x" * 200, "2024", 40,
        f"one\ntwo\nthree 2024 three\nfour {ELLIPSIS}"),
    "a table row wider than the cap: words around the span": (
        "a b c d e f g h i j k l 2024 m n o p q r s t u v w x y z", "2024", 20,
        f"{ELLIPSIS} j k l 2024 m n o {ELLIPSIS}"),
    "a span at the very start: no ellipsis before": (
        "2024 " + "word " * 50, "2024", 20, f"2024 word word word {ELLIPSIS}"),
    "a span longer than the cap is kept whole": (
        "before " * 20 + "Q" * 50 + " after" * 20, "Q" * 50, 30, f"{ELLIPSIS} {'Q' * 50} {ELLIPSIS}"),
}


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_bounded_sentence(name):
    text, word, cap, expected = EXAMPLES[name]
    assert around(text, word, cap) == expected


@settings(max_examples=300, deadline=1000)
@given(st.text(alphabet=" \n\tab2.", min_size=1, max_size=3000), st.data())
def test_the_sentence_holds_the_span_and_stays_near_the_cap(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 40)))
    got = bounded_sentence(text, 0, len(text), start, end, cap=200)
    assert text[start:end].strip() in got
    assert len(got) <= 200 + (end - start) + 4


def test_a_sentence_the_length_of_the_text_is_bounded_in_the_records(kinds):
    # no full stop: the parser's sentence is the whole text; each record's stays near the cap
    text = "2024 " * 3000
    dates = kinds(text, "date")
    assert len(dates) > 100
    assert max(len(d["sentence"]) for d in dates) <= SENTENCE_CHARS + 4
    assert all("2024" in d["sentence"] for d in dates)
