"""summitclaims_layout: the sentence starts a headline, a dateline and a wire ticker give the parser."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summitclaims.pipeline import layout

P = pytest.param


@pytest.mark.parametrize("text,starts_at", [
    P("SWISSAIR REPORTS LOWER PROFIT\nZURICH, March 19 - Swissair reported", "ZURICH", id="capitals"),
    P("France courts AI investors\n\nThe summit opened in Paris on Monday.", "The summit", id="above-blank-line"),
    P("  KEYCORP <KEY> TO ACQUIRE BANK\n  ALBANY, N.Y., March 31 - Keycorp said", "ALBANY", id="indented"),
])
def test_a_headline_ends_its_own_sentence(text, starts_at):
    assert text[layout.headline_end(text):].startswith(starts_at)


@pytest.mark.parametrize("text", [
    P("The AI Action Summit in Paris has\nbecome a focal point for leaders.", id="wrapped-first-line"),
    P("Prices rose sharply on Monday.\nTraders said more would follow.", id="first-line-a-sentence"),
    P("ALL OF THIS TEXT IS IN CAPITALS\nAND SO IS THE NEXT LINE", id="all-capitals-text"),
    P("One line only, no break", id="one-line"),
    P("A HEADLINE WITH NOTHING UNDER IT\n   \n", id="nothing-below"),
])
def test_no_headline(text):
    assert layout.headline_end(text) is None


@pytest.mark.parametrize("text,starts_at", [
    P("ZURICH, March 19 - Swissair reported", "Swissair", id="city-date"),
    P("SACRAMENTO, Calif., Feb 2 - The agency said", "The agency", id="city-state-date"),
    P("KYIV, Ukraine — Officials said", "Officials", id="agency-style"),
    P("Los Angeles, CA - Tenet Healthcare Corporation has agreed", "Tenet", id="press-release"),
    P("HEADLINE HERE\nLONDON, March 3 (Reuters) - Shares fell", "Shares", id="after-headline"),
])
def test_the_story_starts_after_the_dateline(text, starts_at):
    assert text[layout.dateline_end(text):].startswith(starts_at)


@pytest.mark.parametrize("text", [
    P("The company, based in Ohio, said sales rose - a record.", id="dash-in-a-sentence"),
    P("Prices rose on Monday.", id="no-dateline"),
])
def test_no_dateline(text):
    assert layout.dateline_end(text) is None


def _sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_headline_dateline_and_lead_are_three_sentences(nlp):
    text = ("SWISSAIR REPORTS LOWER PROFIT AND DIVIDEND\nZURICH, March 19 - Swissair <SWSZ.Z> reported a 5.8 pct\n"
            "drop in 1986 net profit to 64.5 mln Swiss francs.")
    sents = _sentences(nlp, text)
    assert sents[0] == "SWISSAIR REPORTS LOWER PROFIT AND DIVIDEND"
    assert sents[1] == "ZURICH, March 19 -"
    assert sents[2].startswith("Swissair <SWSZ.Z> reported")     # the ticker does not cut the lead


def test_a_new_paragraph_after_an_abbreviation_is_a_new_sentence(nlp):
    text = ("Puma said it posted a first-half loss, mostly in the U.S.\n    Managing board chairman Armin "
            "Dassler said turnover would fall.")
    assert _sentences(nlp, text)[1].startswith("Managing board chairman")


def test_a_new_paragraph_opening_with_a_quote_mark_is_a_new_sentence(nlp):
    text = ("The government plans to concentrate efforts on Western Europe and the U.S.\n    \"The problem is "
            "convincing businessmen that exports are vital,\" he said.")
    assert _sentences(nlp, text)[1].startswith('"The problem')


@pytest.mark.parametrize("text, name", [
    P("WASHINGTON (Army News Service, Oct. 19, 2012) -- The Army said", "The Army", id="service-and-date"),
    P("HONOLULU (June 19, 2012) -- The Army said", "The Army", id="date-alone"),
    P("FORT RUCKER, Ala. (September 22, 2011) -- The Army said", "The Army", id="place-and-state"),
])
def test_a_dateline_with_its_date_in_brackets(text, name):
    assert text[layout.dateline_end(text):].startswith(name)


def test_a_line_wrapped_inside_a_sentence_is_not_cut(nlp):
    text = "Puma said the largest portion of the loss was in\nGermany, the chairman said."
    assert len(_sentences(nlp, text)) == 1


def test_the_name_opening_the_story_is_not_cut_off(nlp):
    doc = nlp("TRIBUNE <TRB> SAYS LAYOFF COSTS HURT EARNINGS\nCHICAGO, Oct 20 - Tribune Co said a pre-tax "
              "charge of 16.7 mln dlrs led to a 73 pct decline in the company's 1987 third-quarter earnings.")
    assert _sentences(nlp, doc.text)[2].startswith("Tribune Co said")


def test_the_lead_has_the_company_as_its_subject(nlp):
    doc = nlp("SWISSAIR REPORTS LOWER PROFIT\nZURICH, March 19 - Swissair <SWSZ.Z> reported a drop in profit.")
    verb = next(t for t in doc if t.text == "reported")
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["Swissair"]


def test_a_pipeline_without_a_parser_gets_no_layout():
    import spacy

    from summitclaims import nlp as _nlp

    assert _nlp.LAYOUT not in _nlp.build(spacy.blank("en")).pipe_names


@given(st.text(max_size=300))
def test_never_raises(text):
    for found in (layout.headline_end(text), layout.dateline_end(text)):
        assert found is None or 0 < found <= len(text)
