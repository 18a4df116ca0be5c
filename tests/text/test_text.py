"""The spaCy-free text helpers: the folds, side by side, and the newswire dateline."""
from __future__ import annotations

import pytest

from summitclaims.text import folds, newswire


@pytest.mark.parametrize("fold, text, key", [
    pytest.param(folds.word_key, "  Per   Cent ", "per cent", id="word-key-spaces-case"),
    pytest.param(folds.name_key, "Ursula von der Leyen", "ursula von der leyen", id="name-key-case"),
    pytest.param(folds.name_key, "José  “Pepe” Mújica", "jose pepe mujica", id="name-key-accents-quotes"),
    pytest.param(folds.name_key, None, "", id="name-key-none"),
    pytest.param(folds.quote_key, "We will, we WILL — invest!", "we will we will invest", id="quote-key-punct"),
    pytest.param(folds.quote_key, "", "", id="quote-key-empty"),
])
def test_folds(fold, text, key):
    assert fold(text) == key


def test_regex_fold_maps_what_re_ignorecase_matches_to_ascii():
    assert "\u017fept".translate(folds.FOLD_TO_ASCII) == "sept"


@pytest.mark.parametrize("text, city, state", [
    pytest.param("SANTA CRUZ, Calif., Feb 26 - Shares rose.", "SANTA CRUZ", "Calif.", id="city-state"),
    pytest.param("LONDON, March 3 (Reuters) - Prices fell.", "LONDON", None, id="city-agency"),
    pytest.param("Paris, March 3 - Prices fell.", None, None, id="not-in-capitals"),
])
def test_city_dateline(text, city, state):
    m = newswire.CITY_DATELINE.search(text, 0, newswire.DATELINE_WINDOW)
    assert (m.group(1) if m else None, m.group(2) if m else None) == (city, state)


@pytest.mark.parametrize("text, is_dateline", [
    pytest.param("MILWAUKEE, WIS., March 17 - Shr 14 cts", True, id="wire"),
    pytest.param("Paris, 3 March (AFP) Prices fell", True, id="day-month-agency"),
    pytest.param("Acme, the chipmaker, said on Monday", False, id="no-date"),
])
def test_dateline_line(text, is_dateline):
    assert bool(newswire.DATELINE_LINE.match(text)) is is_dateline


# --- the text the model reads: line wraps of wire copy as spaces ------------------------------------------
WIRED = ("ACME SEES HIGHER PROFIT\nNEW YORK, March 3 - U.S. Treasury secretary\nJames Baker said the pact\n"
         "needs to be reviewed, and he said so\nagain on Tuesday to a group of\nbankers in New York City.\n"
         "    A second paragraph starts\nhere and goes on for a while\nbefore it stops.\n")


def test_unwrapped_keeps_length_headline_and_paragraphs():
    from summitclaims.text.passages import unwrapped

    got = unwrapped(WIRED)
    assert len(got) == len(WIRED)
    assert got.startswith("ACME SEES HIGHER PROFIT\nNEW YORK")          # the headline line stays apart
    assert "secretary James Baker said the pact needs" in got
    assert "City.\n    A second" in got                                 # an indented paragraph stays
    assert [i for i, c in enumerate(WIRED) if c != got[i]] == [i for i, c in enumerate(WIRED)
                                                                 if c == "\n" and got[i] == " "]


def test_unwrapped_leaves_prose_alone():
    from summitclaims.text.passages import unwrapped

    prose = "One paragraph of modern news that ends properly.\nAnother one, also ended.\n"
    assert unwrapped(prose) == prose
