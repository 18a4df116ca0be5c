"""Names data: given names with their gender and surnames, read from the packages that ship them."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summitclaims.text import people_names

P = pytest.param

GIVEN = [
    P("Ursula", "f", id="female"), P("Emmanuel", "m", id="male"), P("Melker", "m", id="swedish"),
    P("Jane", "f", id="listed-for-both-but-mostly-female"), P("Mike", "m", id="listed-for-both-but-mostly-male"),
    P("Kim", None, id="either"), P("URSULA", "f", id="any-case"), P("Kåre", "m", id="accented"),
]


@pytest.mark.parametrize("word,gender", GIVEN)
def test_given_names_and_their_gender(word, gender):
    assert people_names.is_given_name(word)
    assert people_names.gender_of(word) == gender


@pytest.mark.parametrize("word", ["Smith", "Karlsson", "Beesley", "Couture"])
def test_surnames(word):
    assert people_names.is_surname(word)


@pytest.mark.parametrize("word", ["Nintendo", "Avg", "Rhapsody", "", "EBITDA"])
def test_words_that_are_no_names(word):
    assert not people_names.is_given_name(word) and not people_names.is_surname(word)
    assert people_names.gender_of(word) is None


def test_the_tables_are_large():
    assert len(people_names.given_names()) > 40_000 and len(people_names.surnames()) > 80_000


@given(st.text(max_size=40))
def test_never_raises(text):
    assert people_names.gender_of(text) in ("m", "f", None)
    assert isinstance(people_names.is_given_name(text), bool) and isinstance(people_names.is_surname(text), bool)
