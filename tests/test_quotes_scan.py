"""normalize.quotes: quote-mark scanning (pure, no model)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims.normalize.quotes import ALL_MARKS, find_passages, is_hard_wrapped, paragraphs


def inners(text):
    return [p.inner(text) for p in find_passages(text)]


# --- mark styles --------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ('He said "we will win." Then he left.', ["we will win."]),
    ("He said \u201cwe will win.\u201d Then he left.", ["we will win."]),
    ("Er sagte \u201ewir gewinnen\u201c und ging.", ["wir gewinnen"]),
    ("Il a dit \u00abnous gagnerons\u00bb hier.", ["nous gagnerons"]),
    ("Il a dit \u00ab nous gagnerons \u00bb hier.", ["nous gagnerons"]),
    ("Han sa \u00bbvi vinner\u00ab i g\u00e5r.", ["vi vinner"]),
    ("Han sa \u201dvi vinner\u201d i g\u00e5r.", ["vi vinner"]),
])
def test_mark_styles(text, expected):
    assert inners(text) == expected


# --- nested singles and apostrophes -------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("\"The hype has been 'overdone a bit.'\" \u2013 Ann Lee", ["The hype has been 'overdone a bit.'"]),
    ('"It isn\'t the bloc\'s fault," he said.', ["It isn't the bloc's fault,"]),
    ("\u201cEurope\u2019s chips date from the \u201890s,\u201d she said.", ["Europe\u2019s chips date from the \u201890s,"]),
    ("The players' union isn't happy with Europe\u2019s rules.", []),
    ("It was the \u201890s and the bloc\u2019s plan.", []),
])
def test_apostrophes_are_not_marks(text, expected):
    assert inners(text) == expected


def test_single_marks_as_primary_style():
    assert inners("\u2018We will not back down,\u2019 the minister said.") == ["We will not back down,"]


# --- paragraphs, unbalanced marks ----------------------------------------------------------
@pytest.mark.parametrize("text, expected, closed", [
    # opening mark never closed: ends at the paragraph end, the next paragraph is not swallowed
    ("\u201cWe need more chips, and she said it twice.\nNext paragraph \u201cis here\u201d.",
     ["We need more chips, and she said it twice.", "is here"], [False, True]),
    # an orphan closing mark after a closed quote is ignored
    ("\u201cWe agree,\u201d she said. said. It works. \u201d", ["We agree,"], [True]),
    # a second opener cuts the unclosed first one
    ('"We agree, she said. "We also disagree."', ["We agree, she said.", "We also disagree."], [False, True]),
    # breadcrumb guillemet and spaced marks are not quotes
    ("Home \u00bb News \u00bb Tech", [], []),
])
def test_unbalanced(text, expected, closed):
    found = find_passages(text)
    assert [p.inner(text) for p in found] == expected
    assert [p.closed for p in found] == closed


def test_multi_paragraph_quote_reopened():
    text = '"First part of it.\n"Second part of it.\n"Last part," he said.\nOther text.'
    (p,) = find_passages(text)
    assert p.inner(text) == "First part of it.\nSecond part of it.\nLast part,"
    assert p.closed and text[p.start] == '"' and text[p.end - 1] == '"'
    assert text[p.end:].startswith(" he said")


def test_multi_sentence_quote():
    text = '"We will invest. We will hire. We will win," she said.'
    assert inners(text) == ["We will invest. We will hire. We will win,"]


def test_interrupted_quote_gives_two_passages():
    text = '"We will invest," she said. "And we will hire."'
    assert inners(text) == ["We will invest,", "And we will hire."]


# --- hard-wrapped newswire ----------------------------------------------------------------
WIRE = ("LONDON, March 3 - The bank said profits would rise and that\n"
        "the outlook was stable for the rest of the year ahead.\n"
        "    \"We expect a strong second half with higher\n"
        "margins in all our markets,\" the chairman told reporters.\n"
        "    The shares rose five pct in early trading on the\n"
        "London stock exchange on Tuesday morning.\n")


def test_hard_wrapped_text_breaks_only_at_indents():
    assert is_hard_wrapped(WIRE)
    assert len(paragraphs(WIRE)) == 3
    assert inners(WIRE) == ["We expect a strong second half with higher margins in all our markets,"]


def test_plain_lines_are_paragraphs():
    text = "One paragraph here.\nAnother paragraph here.\n"
    assert not is_hard_wrapped(text)
    assert len(paragraphs(text)) == 2


# --- never raises ---------------------------------------------------------------------------
SOUP = st.text(alphabet=st.sampled_from(list("ab .,:-\u2013\n  '\"\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e")),
               max_size=80)


@settings(max_examples=300, deadline=None)
@given(SOUP)
def test_mark_soup_never_raises(text):
    paras = paragraphs(text)
    for p in find_passages(text):
        assert 0 <= p.start < p.end <= len(text)
        assert all(p.start <= s <= e <= p.end for s, e in p.parts)
        # a passage crosses a paragraph break only where the next paragraph re-opens the mark
        crossed = [lo for lo, _ in paras if p.start < lo < p.end]
        assert len(crossed) == len(p.parts) - 1
        for lo in crossed:
            assert text[lo] in ALL_MARKS


@pytest.mark.parametrize("bad", [None, "", 42, "\u201c", "\"", "\u201d\u201d\u201d"])
def test_odd_input(bad):
    assert isinstance(find_passages(bad), list)
