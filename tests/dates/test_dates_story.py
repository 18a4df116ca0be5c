"""Dates anchored on the story's own dates (grammar_story), and the TimeML families of issue 18:
example tables, one per family, read by the pure finder (no parse: cue words give the tense)."""
from __future__ import annotations

import datetime as dt

import pytest

from summitclaims.normalize.dates import find, resolve

D = dt.date


def timexes(text: str, published: str):
    return [(f.value.raw, f.value.timex) for f in find(text, D.fromisoformat(published))]


# text, publication date, [(mention, TIMEX3 value)]
STORY = [
    ("Net income in the third quarter rose 5% from the year-ago quarter.", "1989-11-02",
     [("the third quarter", "1989-Q3"), ("the year-ago quarter", "1988-Q3")]),
    ("Third-quarter net rose. In the previous quarter it lost money.", "1989-11-02",
     [("Third-quarter", "1989-Q3"), ("the previous quarter", "1989-Q2")]),
    ("Profit in the first quarter rose from the same period last year.", "1987-04-24",
     [("the first quarter", "1987-Q1"), ("the same period last year", "1986-Q1")]),
    ("First quarter net fell 61 pct over the prior-year quarter.", "1987-04-24",
     [("First quarter", "1987-Q1"), ("the prior-year quarter", "1986-Q1")]),
    ("Sales rose in the first quarter. The 1986 quarter was hit by a strike.", "1987-04-08",
     [("the first quarter", "1987-Q1"), ("The 1986 quarter", "1986-Q1")]),
    ("June unemployment rose to 1.91 mln from 1.90 mln in May and 1.62 mln a year earlier.", "1987-07-29",
     [("June", "1987-06"), ("May", "1987-05"), ("a year earlier", "1986-06")]),     # the month reported
    ("Exports rose in February to 8.4 billion from 7.1 billion a year ago.", "1987-03-27",
     [("February", "1987-02"), ("a year ago", "1986-02")]),
    ("A year ago, he was still in office.", "1987-03-27", [("A year ago", "1986")]),
    # a range of years is stepped from its first year; "a year ago" beside it is no period's
    ("Exports in the 1986/87 season are up 40 pct from the previous year.", "1987-03-03",
     [("1986/87", None), ("the previous year", "1985")]),
    ("Sales for 1986/87 total only 600,000 tonnes versus 700,000 a year ago.", "1987-03-03",
     [("1986/87", None), ("a year ago", "1986")]),
    # wire text wraps its sentences: a line break after a word goes on
    ("Output fell in March.\n    The index rose 1.8 pct in the\nfirst quarter, down from 2.3 pct a year ago.",
     "1987-04-29", [("March", "1987-03"), ("the\nfirst quarter", "1987-Q1"), ("a year ago", "1986-Q1")]),
    ("In February energy prices were 12.2 pct below year-ago levels.", "1987-03-27",
     [("February", "1987-02"), ("year-ago", "1986-02")]),
    ("The department revised March sales to a 2.7 pct fall from the previous month.", "1987-06-02",
     [("March", "1987-03"), ("the previous month", "1987-02")]),
    ("In 1985 the plant opened. That year was bad. The following year it closed.", "1989-11-02",
     [("1985", "1985"), ("That year", "1985"), ("The following year", "1986")]),
    ("The strike began on Feb 26. The next day talks resumed. Two days later it ended.", "1987-03-02",
     [("Feb 26", "1987-02-26"), ("The next day", "1987-02-27"), ("Two days later", "1987-02-28")]),
    ("For the quarter, the company earned 108 mln dlrs.", "1987-04-24", []),      # which quarter? none before
    ("Sales rose in the first quarter. For the quarter, it earned 108 mln dlrs.", "1987-04-24",
     [("the first quarter", "1987-Q1"), ("the quarter", "1987-Q1")]),
    ("The previous quarter was weak.", "2025-02-11", [("The previous quarter", "2024-Q4")]),   # before publication's
    ("The day before, she resigned.", "2025-02-11", []),                  # the day before what?
    ("It came a week before the vote.", "2025-02-11", []),
    ("On Feb 26 a pact with Chile came a day before\nVenezuela's.", "1987-03-02", [("Feb 26", "1987-02-26")]),
    # a period compared with is not the one reported
    ("Exports rose in February.\nThe deficit was 646 mln against 736 mln in January and 543 mln a year earlier.",
     "1987-03-16", [("February", "1987-02"), ("January", "1987-01"), ("a year earlier", "1986-02")]),
    ("First quarter earnings will be 20 pct below the year-ago 13.6 mln dlrs.", "1987-03-25",
     [("First quarter", "1987-Q1"), ("year-ago", "1986-Q1")]),
]

# the families the issue names: text, publication date, [(mention, TIMEX3 value)]
FAMILIES = [
    ("Sales rose earlier this month and will rise later this year.", "1989-11-02",
     [("earlier this month", "1989-11"), ("later this year", "1989")]),
    ("Earlier this week the deal closed.", "1989-11-02", [("Earlier this week", "1989-W44")]),
    ("Output grew over the past year.", "1989-11-02", [("the past year", "P1Y")]),
    ("Profit rose this fiscal year.", "1989-11-02", [("this fiscal year", "1989")]),
    ("Debt is due at year-end.", "1989-11-02", [("year-end", "1989")]),
    ("It happened six weeks ago.", "1989-11-02", [("six weeks ago", "1989-W38")]),
    ("It rained last summer and will snow this winter.", "1989-11-02",
     [("last summer", "1989-SU"), ("this winter", "1989-WI")]),
    ("The first half of 2025 and H2 were weak.", "2025-02-11",
     [("The first half of 2025", "2025-H1"), ("H2", "2024-H2")]),
    ("The 1988 third quarter was weak.", "1989-11-02", [("1988 third quarter", "1988-Q3")]),
    ("Last year's first quarter was weak.", "1987-04-24", [("Last year's first quarter", "1986-Q1")]),
    ("In the first three months of this year the surplus rose.", "1987-04-29",
     [("the first three months of this year", "1987-Q1")]),
    ("It was built in nineteen ninety-six, not in the year two thousand.", "2025-02-11",
     [("nineteen ninety-six", "1996"), ("the year two thousand", "2000")]),
    ("Shops shut on Thanksgiving Day and open on Election Day and during Easter week.", "1989-11-02",
     [("Thanksgiving Day", "1989-11-23"), ("Election Day", "1989-11-07"), ("Easter week", "1990-W15")]),
    ("Growth was slow in the 1990s and the early '80s.", "2025-02-11",
     [("the 1990s", "199"), ("the early '80s", "198")]),
    ("Output fell 3 pct in January/February.", "1987-04-02", [("January/February", None)]),
    ("The February increase and Japan's March exports beat forecasts.", "1987-04-02",
     [("February", "1987-02"), ("March", "1987-03")]),
    ("The fall in prices worried traders who expect shares to fall.", "1987-04-02", []),
    ("The vote is around March 1; the plant opened about 1990 and sold about 2000 cars.", "1989-11-02",
     [("around March 1", "1990-03-01"), ("about 1990", "1990")]),
    # a year-less quarter with no tense: the one under way, the one just ahead, else the last one ended
    ("Growth in the first quarter, the second quarter and the third quarter.", "1987-03-18",
     [("the first quarter", "1987-Q1"), ("the second quarter", "1987-Q2"), ("the third quarter", "1986-Q3")]),
    ("Assets were lower in the first quarter.", "1987-10-19", [("the first quarter", "1987-Q1")]),
    ("Prices rose towards the end of the year and before the end of the week.", "1987-03-18",
     [("the end of the year", "1987"), ("the end of the week", "1987-W12")]),
    ("Profit for the last three months of 2008 rose.", "2010-01-29", [("the last three months of 2008", "2008-Q4")]),
    ("AUSTRALIAN DEFICIT NARROWS IN FEB\nCANBERRA - The deficit fell.", "1987-03-16", [("FEB", "1987-02")]),
    ("DIGITAL EQUIPMENT <DEC> SEES HIGHER PROFIT\nThe firm said.", "1987-03-16", []),
    ("The shares go to holders registered April one.", "1987-03-18",
     [("April one", "1987-04-01")]),
    ("In May one firm said so.", "1987-03-18", [("May", "1986-05")]),
]


def test_approximate_words_join_the_mention_with_mod_approx():
    (f,) = find("The plant opened about 1990.", D(2025, 2, 11))
    assert (f.value.raw, f.value.mod) == ("about 1990", "approx")


@pytest.mark.parametrize("text,published,expected", [pytest.param(*r, id=r[0][:60]) for r in STORY])
def test_story_anchors(text, published, expected):
    assert timexes(text, published) == expected


@pytest.mark.parametrize("text,published,expected", [pytest.param(*r, id=r[0][:60]) for r in FAMILIES])
def test_timeml_families(text, published, expected):
    assert timexes(text, published) == expected


def test_anchored_dates_are_relative_and_never_chain():
    got = find("Third-quarter net rose from the year-ago quarter; the previous quarter was weaker.", D(1989, 11, 2))
    assert [(f.value.timex, f.value.relative) for f in got] == [("1989-Q3", True), ("1988-Q3", True),
                                                                ("1989-Q2", True)]


@pytest.mark.parametrize("raw,timex", [
    ("the year-ago quarter", "2023-Q4"),        # without a story: a year before the quarter just ended
    ("the previous quarter", "2024-Q4"),
    ("that year", None),
])
def test_resolve_anchors_story_phrases_on_publication(raw, timex):
    assert resolve(raw, D(2025, 2, 11)).timex == timex


def test_month_pair_keeps_both_months():
    (f,) = find("Output fell 3 pct in January/February.", D(1987, 4, 2))
    assert (f.value.start, f.value.end, f.value.granularity) == (D(1987, 1, 1), D(1987, 2, 28), "month")
