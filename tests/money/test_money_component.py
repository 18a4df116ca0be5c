"""summitclaims_money as a pipeline component: spans, records, actor linking, FX."""
from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Span

from summitclaims.pipeline import extensions
from summitclaims.pipeline.money.context import actor_of
from tests.money.mentions import relink

P = pytest.param


# --- records through the whole pipeline ------------------------------------------------------------------
def test_record_span_includes_qualifier_and_period(kinds):
    text = "The consortium promised to invest up to $40 billion in data centres over the next three years."
    (rec,) = kinds(text, "money")
    assert rec["text"] == "up to $40 billion"
    assert text[rec["char_start"]:rec["char_end"]] == rec["text"]
    assert (rec["value"], rec["currency"], rec["qualifier"], rec["period"]) == (
        40000000000, "USD", "up_to", "P3Y")


def test_range_record(kinds):
    (rec,) = kinds("They may spend between 10 billion and 12 billion euros on it.", "money")
    assert (rec["value"], rec["low"], rec["high"], rec["currency"]) == (
        None, 10000000000, 12000000000, "EUR")


def test_conversion_records_point_at_each_other(kinds):
    a, b = kinds("The state unveiled a 20 billion euros ($21 billion) plan.", "money")
    assert a["equivalent_of"] == b["char_start"]
    assert b["equivalent_of"] == a["char_start"]


def test_rate_note_record(kinds):
    recs = kinds("Sales were 4 billion euros. ($1 = 0.95 euros)", "money")
    assert [r.get("rate_note", False) for r in recs] == [False, True, True]


def test_fx_with_publication_date(kinds):
    (rec,) = kinds("The fund holds €10 million.", "money", "2025-02-09")   # a Sunday
    assert rec["eur"] == 10000000
    assert rec["fx_date"] == "2025-02-07"                                  # the Friday before
    assert 10000000 < rec["usd"] < 11500000


def test_no_fx_without_date(kinds):
    (rec,) = kinds("The fund holds €10 million.", "money")
    assert (rec["usd"], rec["eur"], rec["fx_date"]) == (None, None, None)


def test_no_fx_before_the_ecb_series(kinds):
    (rec,) = kinds("Profit was 5 mln dlrs.", "money", "1987-03-02")
    # a dollar is a dollar: usd is the value; no euro rate before 1999, and the record says so
    assert (rec["usd"], rec["eur"], rec["fx_date"]) == (5e6, None, None)
    assert rec["fx_note"] == "no ECB rate before 1999-01-04"


def test_not_money_makes_no_record(kinds):
    assert kinds("The Gigafactories will have around 100,000 chips in 2026.", "money") == []


# --- actor linking with hand-made mentions ------------------------------------------------------------------
def _doc(nlp, text, mentions):
    """Process ``text``, replace its actor mentions by ``mentions`` [(words, label, actor)], re-run money."""
    return relink(nlp, nlp(text), mentions)


def _actors(doc):
    return [(s.text, s._.sc_money.actor) for s in doc.spans[extensions.MONEY]]


def test_actor_of_looks_up_the_covering_mention(nlp):
    doc = _doc(nlp, "Northwind Traders paid $5 million.", [("Northwind Traders", "ORG", "Northwind Traders Ltd")])
    assert actor_of(doc, doc[1]) == "Northwind Traders Ltd"
    assert actor_of(doc, doc[2]) is None


@pytest.mark.parametrize("text, mentions, expected", [
    # subject of the governing verb, through "plans to invest"
    P("Contoso plans to invest up to $40 billion in new plants.",
      [("Contoso", "ORG", "Contoso Group")], "Contoso Group", id="control-verb-subject"),
    # a participle hanging on a named company
    P("The plan draws on firms such as Fabrikam, pledging 2 billion euros towards chips.",
      [("Fabrikam", "ORG", "Fabrikam")], "Fabrikam", id="participle-noun"),
    # possessor of the amount
    P("Ruritania's 40 billion euros will go to research.",
      [("Ruritania", "GPE", "Ruritania")], "Ruritania", id="possessor-of-amount"),
    # possessor inside the subject
    P("The training costs for Tailspin's latest model reached $3.2 million.",
      [("Tailspin", "ORG", "Tailspin Toys")], "Tailspin Toys", id="possessor-in-subject"),
    # the announcer of an investment
    P("Minister Jane Roe announced a 15-billion-euro investment in AI.",
      [("Jane Roe", "PERSON", "Jane Roe")], "Jane Roe", id="announcer"),
    # a pronoun subject of a reporting verb: the nearer named actor of the clause wins
    P("Jane Roe spoke on Monday. She said the Federation would contribute €12 billion.",
      [("Jane Roe", "PERSON", "Jane Roe"), ("Federation", "ORG", "Galactic Federation")],
      "Galactic Federation", id="pronoun-reporting-verb-nearer-actor"),
    # a pronoun subject resolves to the most recent PERSON
    P("Jane Roe spoke on Monday. She announced €30 billion for research.",
      [("Jane Roe", "PERSON", "Jane Roe")], "Jane Roe", id="pronoun-recent-person"),
    # a named venture in the subject: "dubbed X" wins over places and partners
    P("A new venture in Ruritania, dubbed Skyline, involving Contoso, will invest $90 billion.",
      [("Ruritania", "GPE", "Ruritania"), ("Skyline", "ORG", "Skyline"), ("Contoso", "ORG", "Contoso")],
      "Skyline", id="dubbed-name-wins"),
    # passive voice: the agent
    P("The deal, valued at about $6.5 billion, was announced by Contoso on Monday.",
      [("Contoso", "ORG", "Contoso")], "Contoso", id="passive-agent"),
    # "it" after a company in the same sentence
    P("Contoso said on Tuesday it plans to invest more than $10 billion in Ohio.",
      [("Contoso", "ORG", "Contoso"), ("Ohio", "GPE", "Ohio")], "Contoso", id="it-after-company"),
    # first person in a quote, attributed after it
    P('"Our goal is to mobilise €80 billion," said Jane Roe.',
      [("Jane Roe", "PERSON", "Jane Roe")], "Jane Roe", id="first-person-quote"),
    # nobody named
    P("Businesses and charities are expected to commit $300 million.", [], None, id="nobody-named"),
    # "the company" stands for the most recent ORG
    P("Tailspin released a model. Analysts question the company's spending exceeding $500 million.",
      [("Tailspin", "ORG", "Tailspin Toys")], "Tailspin Toys", id="descriptor-company"),
])
def test_actor_linking(nlp, text, mentions, expected):
    doc = _doc(nlp, text, mentions)
    found = _actors(doc)
    assert len(found) == 1, found
    assert found[0][1] == expected


@pytest.mark.parametrize("text, mentions, expected", [
    P("WIDGETCO: The Ruritanian retail giant pledged more than 1.2 billion euros.",
      [("Ruritanian", "NORP", "Ruritania")], [("more than 1.2 billion euros", "Widgetco")],
      id="list-item-heading-names-the-actor"),
    P("WIDGETCO: The retail giant pledged 3 billion euros.",
      [("WIDGETCO", "ORG", "Widget Company")], [("3 billion euros", "Widget Company")],
      id="heading-mention-wins-over-its-text"),
    P("REVENUE: $5 billion", [], [("$5 billion", None)], id="table-row-label-is-not-an-actor"),
])
def test_headings(nlp, text, mentions, expected):
    assert _actors(_doc(nlp, text, mentions)) == expected


def test_rate_notes_have_no_actor(nlp):
    doc = _doc(nlp, "Contoso paid $5 million. ($1 = 0.95 euros)", [("Contoso", "ORG", "Contoso")])
    assert [(s._.sc_money.rate_note, s._.sc_money.actor) for s in doc.spans[extensions.MONEY]] == [
        (False, "Contoso"), (True, None), (True, None)]


def test_component_without_mentions_group(nlp):
    doc = nlp.make_doc("Contoso paid $5 million.")
    doc._.sc_published = dt.date(2025, 2, 11)
    nlp.get_pipe("summitclaims_money")(doc)      # no parse, no mentions: must not fail
    (span,) = doc.spans[extensions.MONEY]
    assert isinstance(span, Span) and span._.sc_money.actor is None


# --- receivers are not committers -------------------------------------------------------------------------
@pytest.mark.parametrize("text, mentions, expected", [
    # the subject receives: nobody named as giver
    P("Ruritania will receive 109 billion euros.", [("Ruritania", "GPE", "Ruritania")], None, id="receiver-no-giver"),
    # the giver is named by "from"
    P("Ruritania will receive 10 billion euros from Contoso.",
      [("Ruritania", "GPE", "Ruritania"), ("Contoso", "ORG", "Contoso")], "Contoso", id="receiver-giver-from"),
    # through a control verb
    P("Ruritania is set to receive €4 billion.", [("Ruritania", "GPE", "Ruritania")], None, id="receiver-control-verb"),
    # passive of a giving verb: the subject receives, the agent gives
    P("Tailspin was awarded a $5 million contract by Contoso.",
      [("Tailspin", "ORG", "Tailspin"), ("Contoso", "ORG", "Contoso")], "Contoso", id="passive-giver-agent"),
    P("Tailspin was awarded $5 million last year.", [("Tailspin", "ORG", "Tailspin")], None,
      id="passive-giver-no-agent"),
    # the active giver stays the actor
    P("Contoso will give Ruritania €2 billion.",
      [("Contoso", "ORG", "Contoso"), ("Ruritania", "GPE", "Ruritania")], "Contoso", id="active-giver"),
    # raising money is the raiser's claim
    P("Contoso said it raised 120 mln dlrs in new debt.", [("Contoso", "ORG", "Contoso")], "Contoso", id="raiser"),
])
def test_receiver_is_not_the_actor(nlp, text, mentions, expected):
    doc = _doc(nlp, text, mentions)
    found = _actors(doc)
    assert len(found) == 1, found
    assert found[0][1] == expected


def test_wire_dateline_is_not_an_actor(nlp):
    text = "LAKEVIEW, Ore., March 17 - Shr 14 cts vs 15 cts\n    Net 5.2 mln dlrs vs 4.1 mln"
    doc = _doc(nlp, text, [("LAKEVIEW", "GPE", "Lakeview")])
    assert {actor for _, actor in _actors(doc)} == {None}


@pytest.mark.parametrize("text, mentions, expected", [
    P("Lakeview sugar prices fell 3.50 dlrs a tonne.", [("Lakeview", "GPE", "Lakeview")], None,
      id="place-modifies-noun"),
    P("Ruritanian banks will lend €5 billion.", [("Ruritanian", "NORP", "Ruritania")], None,
      id="demonym-modifies-noun"),
    P("Ruritania will lend €5 billion.", [("Ruritania", "GPE", "Ruritania")], "Ruritania", id="place-subject"),
])
def test_place_modifier_is_not_the_actor(nlp, text, mentions, expected):
    doc = _doc(nlp, text, mentions)
    assert [a for _, a in _actors(doc)] == [expected]
