"""Where our date conventions differ on purpose from Microsoft Recognizers-Text (the peers benchmark,
benchmarks/dates_peers.py counts these cases as "differs by convention"). Each row: the phrase, the
publication date, our reading (documented in normalize/dates/__init__.py) and the peers' reading."""
from __future__ import annotations

import datetime as dt

import pytest

from summitclaims.normalize.dates import resolve

D = dt.date

CASES = [
    # "last/next Wednesday": the nearest one before/after publication, not the one in the previous
    # or next calendar week (in news "last Wednesday" is the most recent past Wednesday)
    ("last wednesday", D(2019, 1, 31), (D(2019, 1, 30), D(2019, 1, 30)), (D(2019, 1, 23), D(2019, 1, 23))),
    ("next friday", D(2019, 1, 31), (D(2019, 2, 1), D(2019, 2, 1)), (D(2019, 2, 8), D(2019, 2, 8))),
    ("previous monday", D(2018, 11, 15), (D(2018, 11, 12), D(2018, 11, 12)), (D(2018, 11, 5), D(2018, 11, 5))),
    # "two years ago" is that whole year (news rarely means the exact day)
    ("two years ago", D(2016, 11, 7), (D(2014, 1, 1), D(2014, 12, 31)), (D(2014, 11, 7), D(2014, 11, 7))),
    ("a month ago", D(2016, 11, 7), (D(2016, 10, 1), D(2016, 10, 31)), (D(2016, 10, 7), D(2016, 10, 7))),
    # early/late keep the whole unit with TimeML's mod (their narrowed reading is a third, the
    # peers' a half)
    ("late this year", D(2017, 11, 8), (D(2017, 1, 1), D(2017, 12, 31)), (D(2017, 7, 1), D(2017, 12, 31))),
    ("early next month", D(2017, 11, 8), (D(2017, 12, 1), D(2017, 12, 31)), (D(2017, 12, 1), D(2017, 12, 15))),
    # month ranges include their last month (the peers end at its first day, exclusive)
    ("jan-feb 2017", D(2018, 10, 24), (D(2017, 1, 1), D(2017, 2, 28)), (D(2017, 1, 1), D(2017, 1, 31))),
    ("from january to april 2015", D(2019, 5, 22), (D(2015, 1, 1), D(2015, 4, 30)), (D(2015, 1, 1), D(2015, 3, 31))),
    # "last September" said in November is the most recent September
    ("last sept", D(2016, 11, 7), (D(2016, 9, 1), D(2016, 9, 30)), (D(2015, 9, 1), D(2015, 9, 30))),
    # a dot between day and month is day-first (European); without a year "4.22" is a decimal
    ("5.12", D(2019, 5, 20), (None, None), (D(2019, 5, 12), D(2019, 5, 12))),
    # "earlier this month", "later this year" are that month, that year, as TimeML reads them
    ("later this year", D(2018, 5, 28), (D(2018, 1, 1), D(2018, 12, 31)), (D(2018, 7, 1), D(2018, 12, 31))),
    ("earlier this month", D(2018, 5, 28), (D(2018, 5, 1), D(2018, 5, 31)), (D(2018, 5, 1), D(2018, 5, 15))),
]


@pytest.mark.parametrize("raw,published,ours,peers", [pytest.param(*case, id=case[0]) for case in CASES])
def test_our_convention(raw, published, ours, peers):
    v = resolve(raw, published)
    assert (v.start, v.end) == ours
    assert (v.start, v.end) != peers        # the difference is on purpose: this row must stay a difference
