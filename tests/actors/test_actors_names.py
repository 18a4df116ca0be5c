"""Pure name helpers (summitclaims.text.names): example tables and never-raise properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims.text import names as n

P = pytest.param


@pytest.mark.parametrize("raw,clean", [
    P("U.S.", "U.S.", id="dotted-abbreviation-keeps-its-dot"),
    P("the EU’s", "EU", id="article-and-possessive"),
    P("“Macron’s”", "Macron", id="quotes-and-possessive"),
    P("  • Businesses ", "Businesses", id="bullet"),
    P("Reuters'", "Reuters", id="s-apostrophe"),
    P('Ecuador"s', "Ecuador", id="wire-style-possessive"),
    P("", "", id="empty"),
])
def test_clean_surface(raw, clean):
    assert n.clean_surface(raw) == clean


@pytest.mark.parametrize("raw,canon,surname", [
    P("Ursula von Der Leyen", "Ursula von der Leyen", "von der leyen", id="particle-case"),
    P("Von der Leyen", "Von der Leyen", "von der leyen", id="surname-alone"),
    P("Emmanuel  Macron", "Emmanuel Macron", "macron", id="spaces"),
    P("Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva", "da silva", id="accents-and-particle"),
    P("Macron", "Macron", "macron", id="one-word"),
])
def test_canonical_person_and_surname_key(raw, canon, surname):
    assert n.canonical_person(raw) == canon
    assert n.surname_key(raw) == surname


@pytest.mark.parametrize("a,b,same", [
    P("Ursula von der Leyen", "von der Reyen", True, id="typo"),
    P("Ursula von der Leyen", "Von Der Leyen", True, id="particle-case"),
    P("Jane Holloway", "Hollowey", True, id="typo-short-name"),
    P("Tom Lee", "Anna Lei", False, id="short-surnames-tolerate-no-typo"),
    P("Ursula von der Leyen", "van der Leyen", False, id="particles-must-agree"),
    P("Peter Brandt", "Willy Brand", True, id="surname-only"),    # given names are checked apart
])
def test_near_surname(a, b, same):
    assert n.near_surname(a, b) is same


@pytest.mark.parametrize("a,b,ok", [
    P("Peter Brandt", "Maria Brandt", False, id="different"),
    P("J. Vance", "JD Vance", True, id="initial"),
    P("Ursula von der Leyen", "Von der Leyen", True, id="one-missing"),
    P("Emanuel Macron", "Emmanuel Macron", True, id="typo"),
])
def test_compatible_given(a, b, ok):
    assert n.compatible_given(a, b) is ok


@pytest.mark.parametrize("tok,camel", [
    P("InvestAI", True, id="brand"), P("GigaFactories", True, id="product"), P("Paris", False, id="name"),
    P("UAE", False, id="acronym"),
])
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


# ---- helpers for organisations and places -------------------------------------------------------
@pytest.mark.parametrize("name,expected", [
    P("Organisation for Economic Co-operation and Development", "OECD", id="hyphenated-word"),
    P("U.S. Department of Agriculture", "USDA", id="dotted-abbreviation"),
    P("National Association of Realtors", "NAR", id="function-word-skipped"),
    P("International Business Machines", "IBM", id="plain"),
    P("", "", id="empty"),
])
def test_initials(name, expected):
    assert n.initials(name) == expected


@pytest.mark.parametrize("text,expected", [
    P("IBM", True, id="capitals"), P("U.N.", True, id="dotted"), P("OECD", True, id="four-capitals"),
    P("Inc", False, id="title-case"), P("A", False, id="one-capital"), P("ibm", False, id="lower-case"),
    P("", False, id="empty"),
])
def test_is_acronym(text, expected):
    assert n.is_acronym(text) is expected


@pytest.mark.parametrize("name,expected", [
    P("Ford Motor Co", "Ford Motor", id="suffix"), P("Goldman, Sachs and Co", "Goldman, Sachs", id="and-suffix"),
    P("Lloyds Bank Plc", "Lloyds Bank", id="plc"), P("Inc", "Inc", id="suffix-alone-stays"),
    P("Woodco", "Woodco", id="no-suffix"),
])
def test_strip_legal_suffix(name, expected):
    assert n.strip_legal_suffix(name, {"co", "plc", "inc"}) == expected


@pytest.mark.parametrize("name,given,surname", [
    P("Martin Luther King Jr.", ["Martin", "Luther"], ["King"], id="jr"), P("John Smith III", ["John"], ["Smith"],
                                                                            id="roman"),
    P("Malcolm X", ["Malcolm"], ["X"], id="an-initial-is-a-surname"), P("Jr.", [], ["Jr."], id="suffix-alone"),
])
def test_split_name_drops_generational_suffixes(name, given, surname):
    assert n.split_name(name) == (given, surname)


@pytest.mark.parametrize("name,expected", [
    P("Super Micro Computer, Inc.", "Super Micro Computer", id="inc"), P("Elkem A/S", "Elkem", id="danish"),
    P("Deutsche Bank AG", "Deutsche Bank", id="german"), P("Banco Santander S.A.", "Banco Santander", id="spanish"),
    P("Nokia Oyj", "Nokia", id="finnish"), P("Procter & Gamble Co", "Procter & Gamble", id="ampersand-kept"),
    P("Commodity Credit Corporation", "Commodity Credit Corporation", id="spelled-out-kept"),
    P("British Broadcasting Corporation", "British Broadcasting Corporation", id="institution-kept"),
    P("Inc", "Inc", id="nothing-left"), P("Mistral AI", "Mistral AI", id="no-legal-form"),
    P("Goldman, Sachs and Co", "Goldman, Sachs", id="and-goes-with-the-form"),
    P("Turner and Newall Plc", "Turner and Newall", id="and-inside-stays"),
])
def test_legal_base(name, expected):
    assert n.legal_base(name) == expected


@pytest.mark.parametrize("a,b", [
    P("ETA Systems Inc", "ETA System", id="plural-and-suffix"), P("Ford Motor Co", "FORD MOTOR", id="case"),
    P("Halvorsen Packaging Inc", "Halvorsen Packaging", id="suffix"),
])
def test_org_key_joins_forms_of_one_company(a, b):
    assert n.org_key(a, {"inc", "co"}) == n.org_key(b, {"inc", "co"})


def test_org_key_keeps_short_words_and_double_s():
    assert n.org_key("Bus Access", ()) == "bus access" and n.org_key("Swiss Re", ()) == "swiss re"


@pytest.mark.parametrize("text,expected", [
    P("SANTA CRUZ", "Santa Cruz", id="capitals"), P("RIO DE JANEIRO", "Rio de Janeiro", id="particle"),
    P("ST. LOUIS", "St. Louis", id="abbreviation"), P("Paris", "Paris", id="already-cased"),
])
def test_title_case(text, expected):
    assert n.title_case(text) == expected


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_org_and_place_helpers_never_raise(text):
    assert isinstance(n.initials(text), str)
    assert isinstance(n.is_acronym(text), bool)
    assert isinstance(n.strip_legal_suffix(text, {"inc"}), str)
    assert isinstance(n.title_case(text), str)
    assert isinstance(n.legal_base(text), str) and isinstance(n.org_key(text, {"inc"}), str)


@pytest.mark.parametrize("text, name, expected", [
    P("AMERICAN EXPRESS SAYS\nAMERICAN EXPRESS said", "AMERICAN EXPRESS", None, id="not-written-otherwise"),
    P("AMERICAN EXPRESS SAYS\nAmerican Express said", "AMERICAN EXPRESS", "American Express", id="body"),
    P("USX-Marathon; the usx unit; Usxs", "USX", "usx", id="whole-words-only"),
    P("AMERICAN EXPRESSO, american express", "AMERICAN EXPRESS", "american express", id="after-a-longer-word"),
    P("ÉLYSÉE said; the Élysée", "ÉLYSÉE", "Élysée", id="non-ascii"),
    P("anything", "", None, id="empty-name"),
])
def test_written_in_lower(text, name, expected):
    assert n.written_in_lower(text, name) == expected


def _by_regex(text, name):
    import re
    pattern = r"(?<!\w)" + re.escape(name) + r"(?!\w)"
    return next((m.group(0) for m in re.finditer(pattern, text, re.IGNORECASE)
                 if any(c.islower() for c in m.group(0))), None)


_ascii = st.text(alphabet="aAbB _-.'1\n", max_size=30)


@settings(max_examples=400, deadline=None)
@given(_ascii, st.text(alphabet="aAbB _-'1", min_size=1, max_size=4))
def test_written_in_lower_finds_what_the_regex_finds(text, name):
    assert n.written_in_lower(text, name) == _by_regex(text, name)
