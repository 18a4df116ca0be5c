"""text.passages: quote-mark scanning (pure, no model)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims.text.passages import ALL_MARKS, find_passages, is_hard_wrapped, paragraphs


def inners(text):
    return [p.inner(text) for p in find_passages(text)]


# --- the words inside the marks: mark styles, nested singles and apostrophes -----------------
@pytest.mark.parametrize("text, expected", [
    pytest.param('He said "we will win." Then he left.', ["we will win."], id="straight"),
    pytest.param("He said \u201cwe will win.\u201d Then he left.", ["we will win."], id="curly"),
    pytest.param("Er sagte \u201ewir gewinnen\u201c und ging.", ["wir gewinnen"], id="german"),
    pytest.param("Il a dit \u00abnous gagnerons\u00bb hier.", ["nous gagnerons"], id="guillemets"),
    pytest.param("Il a dit \u00ab nous gagnerons \u00bb hier.", ["nous gagnerons"], id="french-spaced"),
    pytest.param("Han sa \u00bbvi vinner\u00ab i g\u00e5r.", ["vi vinner"], id="danish-reversed"),
    pytest.param("Han sa \u201dvi vinner\u201d i g\u00e5r.", ["vi vinner"], id="swedish"),
    pytest.param("\u2018We will not back down,\u2019 the minister said.", ["We will not back down,"],
                 id="single-marks-as-primary-style"),
    pytest.param("\"The hype has been 'overdone a bit.'\" \u2013 Ann Lee", ["The hype has been 'overdone a bit.'"],
                 id="nested-single"),
    pytest.param('"It isn\'t the bloc\'s fault," he said.', ["It isn't the bloc's fault,"], id="apostrophes"),
    pytest.param("\u201cEurope\u2019s chips date from the \u201890s,\u201d she said.",
                 ["Europe\u2019s chips date from the \u201890s,"], id="curly-apostrophe-and-decade"),
    pytest.param("The players' union isn't happy with Europe\u2019s rules.", [], id="apostrophes-only"),
    pytest.param("It was the \u201890s and the bloc\u2019s plan.", [], id="decade-only"),
    pytest.param('"We will invest. We will hire. We will win," she said.',
                 ["We will invest. We will hire. We will win,"], id="multi-sentence"),
    pytest.param('"We will invest," she said. "And we will hire."', ["We will invest,", "And we will hire."],
                 id="interrupted-gives-two-passages"),
])
def test_inner_words(text, expected):
    assert inners(text) == expected


# --- paragraphs, unbalanced marks ----------------------------------------------------------
@pytest.mark.parametrize("text, expected, closed", [
    pytest.param("\u201cWe need more chips, and she said it twice.\nNext paragraph \u201cis here\u201d.",
                 ["We need more chips, and she said it twice.", "is here"], [False, True],
                 id="unclosed-ends-at-paragraph-end"),
    pytest.param("\u201cWe agree,\u201d she said. said. It works. \u201d", ["We agree,"], [True],
                 id="orphan-closer-ignored"),
    pytest.param('"We agree, she said. "We also disagree."', ["We agree, she said.", "We also disagree."],
                 [False, True], id="second-opener-cuts-unclosed"),
    pytest.param("Home \u00bb News \u00bb Tech", [], [], id="breadcrumb-guillemets"),
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


# --- hard-wrapped newswire ----------------------------------------------------------------
WIRE = ("LONDON, March 3 - The bank said profits would rise and that\n"
        "the outlook was stable for the rest of the year ahead.\n"
        "    \"We expect a strong second half with higher\n"
        "margins in all our markets,\" the chairman told reporters.\n"
        "    The shares rose five pct in early trading on the\n"
        "London stock exchange on Tuesday morning.\n")


@pytest.mark.parametrize("text, wrapped, n_paragraphs, expected", [
    pytest.param(WIRE, True, 3, ["We expect a strong second half with higher margins in all our markets,"],
                 id="hard-wrapped-breaks-only-at-indents"),
    pytest.param("One paragraph here.\nAnother paragraph here.\n", False, 2, [], id="plain-lines-are-paragraphs"),
])
def test_paragraph_breaks(text, wrapped, n_paragraphs, expected):
    assert is_hard_wrapped(text) is wrapped
    assert len(paragraphs(text)) == n_paragraphs
    assert inners(text) == expected


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


@pytest.mark.parametrize("bad", [
    pytest.param(None, id="none"), pytest.param("", id="empty"), pytest.param(42, id="int"),
    pytest.param("\u201c", id="lone-opener"), pytest.param("\"", id="lone-straight"),
    pytest.param("\u201d\u201d\u201d", id="closers-only"),
])
def test_odd_input(bad):
    assert isinstance(find_passages(bad), list)
