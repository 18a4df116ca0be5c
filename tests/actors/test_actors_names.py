"""Pure name helpers: example tables and never-raise properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims.text import names as n


@pytest.mark.parametrize("raw,clean", [
    ("U.S.", "U.S."), ("the EU’s", "EU"), ("“Macron’s”", "Macron"), ("  • Businesses ", "Businesses"),
    ("Reuters'", "Reuters"), ("", ""),
])
def test_clean_surface(raw, clean):
    assert n.clean_surface(raw) == clean


@pytest.mark.parametrize("raw,canon,surname", [
    ("Ursula von Der Leyen", "Ursula von der Leyen", "von der leyen"),
    ("Von der Leyen", "Von der Leyen", "von der leyen"),
    ("Emmanuel  Macron", "Emmanuel Macron", "macron"),
    ("Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva", "da silva"),
    ("Macron", "Macron", "macron"),
])
def test_canonical_person_and_surname_key(raw, canon, surname):
    assert n.canonical_person(raw) == canon
    assert n.surname_key(raw) == surname


@pytest.mark.parametrize("a,b,same", [
    ("Ursula von der Leyen", "von der Reyen", True),
    ("Ursula von der Leyen", "Von Der Leyen", True),
    ("Jane Holloway", "Hollowey", True),
    ("Tom Lee", "Anna Lei", False),               # short surnames: no typo tolerance
    ("Ursula von der Leyen", "van der Leyen", False),   # particles must agree
    ("Peter Brandt", "Willy Brand", True),        # surname only; given names are checked apart
])
def test_near_surname(a, b, same):
    assert n.near_surname(a, b) is same


@pytest.mark.parametrize("a,b,ok", [
    ("Peter Brandt", "Maria Brandt", False), ("J. Vance", "JD Vance", True),
    ("Ursula von der Leyen", "Von der Leyen", True), ("Emanuel Macron", "Emmanuel Macron", True),
])
def test_compatible_given(a, b, ok):
    assert n.compatible_given(a, b) is ok


@pytest.mark.parametrize("tok,camel", [("InvestAI", True), ("GigaFactories", True), ("Paris", False), ("UAE", False)])
def test_is_camel(tok, camel):
    assert n.is_camel(tok) is camel


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_helpers_never_raise(a, b):
    for f in (n.fold, n.clean_surface, n.strip_possessive, n.canonical_person, n.surname_key, n.given_key, n.is_camel):
        assert isinstance(f(a), (str, bool))
    n.split_name(a)
    assert isinstance(n.near_surname(a, b), bool)
    assert isinstance(n.compatible_given(a, b), bool)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Aa Zz.,'’\n-–\"“EU USvonderLeyenMacron•()")), max_size=80))
def test_component_never_raises(nlp, text):
    from summitclaims.api import process
    from summitclaims.pipeline import extensions

    doc = process(nlp, text)
    for span in doc.spans[extensions.MENTIONS]:
        assert span._.sc_actor and span.label_ in {"PERSON", "ORG", "GPE", "LOC", "NORP"}
    assert all(a.mentions for a in doc._.sc_actors)
