"""summitclaims_money as a pipeline component: spans, records, actor linking, FX."""
from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Span

from summitclaims.pipeline import extensions
from summitclaims.pipeline.money import _actor_of


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
    assert rec["usd"] is None and rec["fx_date"] is None


def test_not_money_makes_no_record(kinds):
    assert kinds("The Gigafactories will have around 100,000 chips in 2026.", "money") == []


# --- actor linking with hand-made mentions ------------------------------------------------------------------
def _doc(nlp, text, mentions):
    """Process ``text``, replace its actor mentions by ``mentions`` [(words, label, actor)], re-run money."""
    doc = nlp(text)
    spans = []
    for words, label, actor in mentions:
        start = text.index(words)
        span = doc.char_span(start, start + len(words), label=label, alignment_mode="expand")
        span._.sc_actor = actor
        spans.append(span)
    doc.spans[extensions.MENTIONS] = spans
    nlp.get_pipe("summitclaims_money")(doc)
    return doc


def _actors(doc):
    return [(s.text, s._.sc_money.actor) for s in doc.spans[extensions.MONEY]]


def test_actor_of_looks_up_the_covering_mention(nlp):
    doc = _doc(nlp, "Northwind Traders paid $5 million.", [("Northwind Traders", "ORG", "Northwind Traders Ltd")])
    assert _actor_of(doc, doc[1]) == "Northwind Traders Ltd"
    assert _actor_of(doc, doc[2]) is None


@pytest.mark.parametrize("text, mentions, expected", [
    # subject of the governing verb, through "plans to invest"
    ("Contoso plans to invest up to $40 billion in new plants.",
     [("Contoso", "ORG", "Contoso Group")], "Contoso Group"),
    # a participle hanging on a named company
    ("The plan draws on firms such as Fabrikam, pledging 2 billion euros towards chips.",
     [("Fabrikam", "ORG", "Fabrikam")], "Fabrikam"),
    # possessor of the amount
    ("Ruritania's 40 billion euros will go to research.",
     [("Ruritania", "GPE", "Ruritania")], "Ruritania"),
    # possessor inside the subject
    ("The training costs for Tailspin's latest model reached $3.2 million.",
     [("Tailspin", "ORG", "Tailspin Toys")], "Tailspin Toys"),
    # the announcer of an investment
    ("Minister Jane Roe announced a 15-billion-euro investment in AI.",
     [("Jane Roe", "PERSON", "Jane Roe")], "Jane Roe"),
    # a pronoun subject of a reporting verb: the nearer named actor of the clause wins
    ("Jane Roe spoke on Monday. She said the Federation would contribute €12 billion.",
     [("Jane Roe", "PERSON", "Jane Roe"), ("Federation", "ORG", "Galactic Federation")],
     "Galactic Federation"),
    # a pronoun subject resolves to the most recent PERSON
    ("Jane Roe spoke on Monday. She announced €30 billion for research.",
     [("Jane Roe", "PERSON", "Jane Roe")], "Jane Roe"),
    # a named venture in the subject: "dubbed X" wins over places and partners
    ("A new venture in Ruritania, dubbed Skyline, involving Contoso, will invest $90 billion.",
     [("Ruritania", "GPE", "Ruritania"), ("Skyline", "ORG", "Skyline"), ("Contoso", "ORG", "Contoso")],
     "Skyline"),
    # passive voice: the agent
    ("The deal, valued at about $6.5 billion, was announced by Contoso on Monday.",
     [("Contoso", "ORG", "Contoso")], "Contoso"),
    # "it" after a company in the same sentence
    ("Contoso said on Tuesday it plans to invest more than $10 billion in Ohio.",
     [("Contoso", "ORG", "Contoso"), ("Ohio", "GPE", "Ohio")], "Contoso"),
    # first person in a quote, attributed after it
    ('"Our goal is to mobilise €80 billion," said Jane Roe.',
     [("Jane Roe", "PERSON", "Jane Roe")], "Jane Roe"),
    # nobody named
    ("Businesses and charities are expected to commit $300 million.", [], None),
    # "the company" stands for the most recent ORG
    ("Tailspin released a model. Analysts question the company's spending exceeding $500 million.",
     [("Tailspin", "ORG", "Tailspin Toys")], "Tailspin Toys"),
])
def test_actor_linking(nlp, text, mentions, expected):
    doc = _doc(nlp, text, mentions)
    found = _actors(doc)
    assert len(found) == 1, found
    assert found[0][1] == expected


def test_list_item_heading_names_the_actor(nlp):
    text = "WIDGETCO: The Ruritanian retail giant pledged more than 1.2 billion euros."
    doc = _doc(nlp, text, [("Ruritanian", "NORP", "Ruritania")])
    assert _actors(doc) == [("more than 1.2 billion euros", "Widgetco")]


def test_heading_mention_wins_over_its_text(nlp):
    text = "WIDGETCO: The retail giant pledged 3 billion euros."
    doc = _doc(nlp, text, [("WIDGETCO", "ORG", "Widget Company")])
    assert _actors(doc) == [("3 billion euros", "Widget Company")]


def test_table_row_label_is_not_an_actor(nlp):
    doc = _doc(nlp, "REVENUE: $5 billion", [])
    assert _actors(doc) == [("$5 billion", None)]


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
    ("Ruritania will receive 109 billion euros.", [("Ruritania", "GPE", "Ruritania")], None),
    # the giver is named by "from"
    ("Ruritania will receive 10 billion euros from Contoso.",
     [("Ruritania", "GPE", "Ruritania"), ("Contoso", "ORG", "Contoso")], "Contoso"),
    # through a control verb
    ("Ruritania is set to receive €4 billion.", [("Ruritania", "GPE", "Ruritania")], None),
    # passive of a giving verb: the subject receives, the agent gives
    ("Tailspin was awarded a $5 million contract by Contoso.",
     [("Tailspin", "ORG", "Tailspin"), ("Contoso", "ORG", "Contoso")], "Contoso"),
    ("Tailspin was awarded $5 million last year.", [("Tailspin", "ORG", "Tailspin")], None),
    # the active giver stays the actor
    ("Contoso will give Ruritania €2 billion.",
     [("Contoso", "ORG", "Contoso"), ("Ruritania", "GPE", "Ruritania")], "Contoso"),
    # raising money is the raiser's claim
    ("Contoso said it raised 120 mln dlrs in new debt.", [("Contoso", "ORG", "Contoso")], "Contoso"),
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
    ("Lakeview sugar prices fell 3.50 dlrs a tonne.", [("Lakeview", "GPE", "Lakeview")], None),
    ("Ruritanian banks will lend €5 billion.", [("Ruritanian", "NORP", "Ruritania")], None),
    ("Ruritania will lend €5 billion.", [("Ruritania", "GPE", "Ruritania")], "Ruritania"),
])
def test_place_modifier_is_not_the_actor(nlp, text, mentions, expected):
    doc = _doc(nlp, text, mentions)
    assert [a for _, a in _actors(doc)] == [expected]
