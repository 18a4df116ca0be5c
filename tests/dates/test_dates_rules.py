"""Date rules added for issue 5 (holidays, written days, numeric forms, offsets, weeks, ranges):
example tables by family for resolve() and for the finder in running text, and what must stay out."""
from __future__ import annotations

import datetime as dt

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from summitclaims.normalize import dates
from summitclaims.normalize.dates import find, resolve
from summitclaims.normalize.dates.scan import head

PUB = dt.date(2025, 2, 11)          # a Tuesday
D = dt.date


def rng(raw, published=PUB, tense=None):
    v = resolve(raw, published, tense)
    return v.start, v.end, v.granularity


def spans(text, published=PUB):
    return [(f.value.raw, f.value.start, f.value.end) for f in find(text, published)]


def day(x):
    return x, x, "day"


# ------------------------------------------------------------------------------------ resolve()

HOLIDAYS = [
    ("Christmas", day(D(2024, 12, 25))),                  # most recent one, as a bare month
    ("Christmas Eve 2024", day(D(2024, 12, 24))),
    ("new years day", day(D(2025, 1, 1))),
    ("New Year's Eve", day(D(2024, 12, 31))),
    ("Independence Day of next year", day(D(2026, 7, 4))),
    ("Easter 2025", day(D(2025, 4, 20))),
    ("Good Friday 2025", day(D(2025, 4, 18))),
    ("Thanksgiving 2024", day(D(2024, 11, 28))),          # 4th Thursday of November
    ("Black Friday 2024", day(D(2024, 11, 29))),
    ("Memorial Day 2025", day(D(2025, 5, 26))),           # last Monday of May
]

WRITTEN_DAYS = [
    ("May twenty nine", day(D(2025, 5, 29))),
    ("second of Aug", day(D(2025, 8, 2))),
    ("Jan first", day(D(2025, 1, 1))),
    ("twenty second of June", day(D(2025, 6, 22))),
    ("February twenty-first, 2024", day(D(2024, 2, 21))),
]

DAY_OF_MONTH = [
    ("the 18th", day(D(2025, 1, 18))),                    # most recent 18th
    ("the 4th", day(D(2025, 2, 4))),
    ("the twenty second", day(D(2025, 1, 22))),
    ("20th of next month", day(D(2025, 3, 20))),
    ("Friday the 7th", day(D(2025, 2, 7))),               # the nearest Friday the 7th
    ("Monday the twenty fourth", day(D(2025, 2, 24))),
    ("the second Sunday of May", day(D(2025, 5, 11))),
    ("first Monday in September 2025", day(D(2025, 9, 1))),
    ("third Tuesday", day(D(2025, 2, 18))),               # of the publication month
    ("from 4 to 22 this month", (D(2025, 2, 4), D(2025, 2, 22), "day")),
    ("4 till 23 of next month", (D(2025, 3, 4), D(2025, 3, 23), "day")),
]

NUMERIC = [
    ("11/20", day(D(2024, 11, 20))),                      # nearest 20 November
    ("22/04", day(D(2025, 4, 22))),                       # day first: 22 is no month
    ("4-22", day(D(2025, 4, 22))),
    ("oct/2", day(D(2024, 10, 2))),
    ("2/29", day(D(2024, 2, 29))),                        # the nearest leap year
    ("2016/11", (D(2016, 11, 1), D(2016, 11, 30), "month")),
    ("11/2016", (D(2016, 11, 1), D(2016, 11, 30), "month")),
    ("2015-3", (D(2015, 3, 1), D(2015, 3, 31), "month")),
    ("2016 June", (D(2016, 6, 1), D(2016, 6, 30), "month")),
    ("2016, nov", (D(2016, 11, 1), D(2016, 11, 30), "month")),
    ("20161016", day(D(2016, 10, 16))),
    ("2016 10 16", day(D(2016, 10, 16))),
    ("2019-aug-01", day(D(2019, 8, 1))),
    ("21-04-2016", day(D(2016, 4, 21))),
    ("05/05/89", day(D(1989, 5, 5))),                     # two-digit years: 19xx beyond 20 years ahead
    ("3-7-27", day(D(2027, 3, 7))),
]

OFFSETS = [
    ("in 2 weeks", day(D(2025, 2, 25))),
    ("in three months", day(D(2025, 5, 11))),
    ("two weeks from now", day(D(2025, 2, 25))),
    ("3 days from today", day(D(2025, 2, 14))),
    ("two days after tomorrow", day(D(2025, 2, 14))),
    ("two Sundays from now", day(D(2025, 2, 23))),
    ("a few days ago", day(D(2025, 2, 8))),               # resolve() reads "a few" as three
    # durations anchored on publication: only resolve() reads them
    ("next 3 days", (D(2025, 2, 12), D(2025, 2, 14), "day")),
    ("the next four years", (D(2025, 2, 12), D(2029, 2, 11), "day")),
    ("the past two years", (D(2023, 2, 11), D(2025, 2, 10), "day")),
    ("year to date", (D(2025, 1, 1), D(2025, 2, 10), "day")),
    ("YTD", (D(2025, 1, 1), D(2025, 2, 10), "day")),
    ("the rest of the week", (D(2025, 2, 11), D(2025, 2, 16), "day")),
    ("the rest of the year", (D(2025, 2, 11), D(2025, 12, 31), "day")),
]

WEEKS = [
    ("next week Monday", day(D(2025, 2, 17))),
    ("Friday next week", day(D(2025, 2, 21))),
    ("on Tuesday of last week", day(D(2025, 2, 4))),
    ("previous week - Monday", day(D(2025, 2, 3))),
    ("this week from Tue to Thu", (D(2025, 2, 11), D(2025, 2, 13), "day")),
    ("the week of April 10th", (D(2025, 4, 7), D(2025, 4, 13), "week")),
    ("w/c Feb 4", (D(2025, 2, 3), D(2025, 2, 9), "week")),
    ("the week beginning February 3", (D(2025, 2, 3), D(2025, 2, 9), "week")),
]

RANGES = [
    ("from 10/1/2018 - 10/7/2018", (D(2018, 10, 1), D(2018, 10, 7), "day")),
    ("between January 1st 2015 and Feb 5th 2018", (D(2015, 1, 1), D(2018, 2, 5), "day")),
    ("from 4 to January 22, 1995", (D(1995, 1, 4), D(1995, 1, 22), "day")),
    ("26 june to 28 june in 2020", (D(2020, 6, 26), D(2020, 6, 28), "day")),
    ("between now and November 15th", (PUB, D(2025, 11, 15), "day")),      # the end moves a year on
    ("today till tomorrow", (PUB, D(2025, 2, 12), "day")),
    ("1st Jan until Wed, 22 of Jan", (D(2025, 1, 1), D(2025, 1, 22), "day")),
]

PERIODS = [
    ("late this year", (D(2025, 1, 1), D(2025, 12, 31), "year")),          # mod end (test_dates MODS)
    ("early next month", (D(2025, 3, 1), D(2025, 3, 31), "month")),
    ("the end of the year", (D(2025, 1, 1), D(2025, 12, 31), "year")),
    ("the third quarter this year", (D(2025, 7, 1), D(2025, 9, 30), "quarter")),
    ("Q3 last year", (D(2024, 7, 1), D(2024, 9, 30), "quarter")),
    ("2016 the third quarter", (D(2016, 7, 1), D(2016, 9, 30), "quarter")),
    ("the first quarter of the year", (D(2025, 1, 1), D(2025, 3, 31), "quarter")),
    ("the previous quarter", (D(2024, 10, 1), D(2024, 12, 31), "quarter")),
    ("June next year", (D(2026, 6, 1), D(2026, 6, 30), "month")),
    ("last Sept", (D(2024, 9, 1), D(2024, 9, 30), "month")),
    ("upcoming month", (D(2025, 3, 1), D(2025, 3, 31), "month")),
    ("this calendar year", (D(2025, 1, 1), D(2025, 12, 31), "year")),
    ("the year", (D(2025, 1, 1), D(2025, 12, 31), "year")),
]

LOOSE_DAYS = [                     # anchored on another date in running text; resolve() uses publication
    ("the day before", day(D(2025, 2, 10))),
    ("the next day", day(D(2025, 2, 12))),
    ("following Friday", day(D(2025, 2, 14))),
    ("now", day(PUB)),
]


def cases(family: str, rows: list) -> list:
    """Example rows as pytest params, each named by its family and its phrase."""
    return [pytest.param(*row, id=f"{family}: {row[0]}") for row in rows]


RESOLVE = (cases("holiday", HOLIDAYS) + cases("written day", WRITTEN_DAYS) + cases("day of month", DAY_OF_MONTH)
           + cases("numeric", NUMERIC) + cases("offset", OFFSETS) + cases("week", WEEKS) + cases("range", RANGES)
           + cases("period", PERIODS) + cases("loose day", LOOSE_DAYS))


@pytest.mark.parametrize("raw,want", RESOLVE)
def test_resolve_rule_families(raw, want):
    assert rng(raw) == want


@pytest.mark.parametrize("raw,tense,want", [
    ("Christmas", "future", day(D(2025, 12, 25))),
    ("the 18th", "future", day(D(2025, 2, 18))),
])
def test_tense_picks_the_occurrence(raw, tense, want):
    assert rng(raw, PUB, tense) == want


@pytest.mark.parametrize("raw", ["Feb 30", "2/29/2019", "fifth Sunday", "31st of this month", "4.22",
                                 "the 45th", "13/13", "Thanksgiving 1700"])
def test_impossible_dates_stay_unresolved(raw):
    v = resolve(raw, PUB)
    assert (v.start, v.end) == (None, None) and v.raw == raw


@pytest.mark.parametrize("raw", ["Christmas", "the 18th", "11/20", "in 2 weeks", "next week Monday", "now",
                                 "the week of April 10th"])
def test_relative_without_publication_stays_unresolved(raw):
    v = resolve(raw, None)
    assert (v.start, v.end) == (None, None)


# ----------------------------------------------------------------------------- find in running text

@pytest.mark.parametrize("text,expected", [
    ("The deal should close by Christmas.", [("Christmas", D(2024, 12, 25), D(2024, 12, 25))]),
    ("Markets are shut on Good Friday.", [("Good Friday", D(2025, 4, 18), D(2025, 4, 18))]),   # nearest
    ("She spoke on Christmas Eve 2024 in Rome.", [("Christmas Eve 2024", D(2024, 12, 24), D(2024, 12, 24))]),
    ("The vote is on the 18th.", [("the 18th", D(2025, 2, 18), D(2025, 2, 18))]),     # no tense: the nearest
    ("Talks resume on Friday the 14th.", [("Friday the 14th", D(2025, 2, 14), D(2025, 2, 14))]),
    ("The summit is on the second Sunday of May.", [("the second Sunday of May", D(2025, 5, 11), D(2025, 5, 11))]),
    ("The rules apply from 11/20.", [("11/20", D(2024, 11, 20), D(2024, 11, 20))]),
    ("Sales in 11/2016 rose.", [("11/2016", D(2016, 11, 1), D(2016, 11, 30))]),
    ("The plant will open in two weeks.", [("in two weeks", D(2025, 2, 25), D(2025, 2, 25))]),
    ("The ruling is due three days from now.", [("three days from now", D(2025, 2, 14), D(2025, 2, 14))]),
    ("The vote is on Friday next week.", [("Friday next week", D(2025, 2, 21), D(2025, 2, 21))]),
    ("The firm will report next week Monday.", [("next week Monday", D(2025, 2, 17), D(2025, 2, 17))]),
    ("Output fell during the week of March 3.", [("the week of March 3", D(2024, 2, 26), D(2024, 3, 3))]),
    # a range written as two dates is two mentions, as TimeML annotates it (each holds the range:
    # test_range_written_as_two_dates)
    ("Prices rose from 10/1/2024 - 10/7/2024.",
     [("10/1/2024", D(2024, 10, 1), D(2024, 10, 1)), ("10/7/2024", D(2024, 10, 7), D(2024, 10, 7))]),
    ("Debt falls due between January 2026 and December 2027.",
     [("January 2026", D(2026, 1, 1), D(2026, 1, 31)), ("December 2027", D(2027, 12, 1), D(2027, 12, 31))]),
    ("The offer runs from today through June 30.", [("today", PUB, PUB), ("June 30", D(2025, 6, 30), D(2025, 6, 30))]),
    ("It ran Aug. 26 to Oct. 20, 2024.",
     [("Aug. 26", D(2024, 8, 26), D(2024, 8, 26)), ("Oct. 20, 2024", D(2024, 10, 20), D(2024, 10, 20))]),
    ("It will launch late this year.", [("late this year", D(2025, 1, 1), D(2025, 12, 31))]),
    ("Output grew in the past two years.", [("the past two years", D(2023, 2, 11), D(2025, 2, 10))]),
    ("The previous quarter was weak.", [("The previous quarter", D(2024, 10, 1), D(2024, 12, 31))]),
    ("Shares are up 20% year to date.", [("year to date", D(2025, 1, 1), D(2025, 2, 10))]),
    ("Sales fell in the third quarter of this year.",
     [("the third quarter of this year", D(2025, 7, 1), D(2025, 9, 30))]),
    ("Sales fell in Q3 last year.", [("Q3 last year", D(2024, 7, 1), D(2024, 9, 30))]),
    ("The rules apply in June next year.", [("June next year", D(2026, 6, 1), D(2026, 6, 30))]),
    ("They met on May twenty nine, 2024.", [("May twenty nine, 2024", D(2024, 5, 29), D(2024, 5, 29))]),
    ("The fund closed last Sept.", [("last Sept", D(2024, 9, 1), D(2024, 9, 30))]),    # no full stop
    ("A duty was set last June 18 on imports.", [("June 18", D(2024, 6, 18), D(2024, 6, 18))]),
])
def test_find_new_rules(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Christmas sales rose 4%.",
    "Retailers expect a strong Christmas season.",
    "Easter shopping helped.",
    "He was elected in the 18th district.",
    "The 18th amendment passed.",
    "A 4/5 majority voted.",
    "It runs 24/7.",
    "The spread was 7/8 pct, from 7/8 to 15/16 point.",
    "The score was 2016 - 11.",
    "Shares rose 5% in two weeks.",
    "It will be decided in a day or two.",
    "It will grow over the next 3 days and over the next four years.",     # a plan's horizon: money's period
    "The following Friday they met. The day before, she resigned.",         # after what? no date before
    "Prices are now higher.",
    "The year was hard. In the month after, prices fell.",
    "An end of year bonus was paid.",
    "this may be wrong",
    "Mayday calls rose.",
    "It rose from 4 to 22 points and 4.22 dlrs.",
    "The plan cut 20161016 accounts.",
])
def test_find_keeps_numbers_durations_and_names_out(text):
    assert spans(text) == []


def test_range_written_as_two_dates():
    got = find("Debt falls due between January 2026 and December 2027.", PUB)
    assert [(f.value.range_start, f.value.range_end) for f in got] == [(D(2026, 1, 1), D(2027, 12, 31))] * 2


def test_find_falls_back_to_the_shorter_date_when_a_range_is_rejected():
    # "March six" needs a year in running text; "March 31" must still be found
    assert ("March 31", D(2025, 3, 31), D(2025, 3, 31)) in spans("It runs from March six to March 31.")


def test_weekdays_joined_across_weeks_are_not_a_range():
    got = spans("Banks open from Sunday to Thursday.")
    assert all(start <= end for _, start, end in got) and len(got) == 2


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Christmas", "the ", "18th", "next ", "week ", "from ", "to ", "between ",
                                 "and ", "/", "-", "11", "2025", "May ", "twenty ", "first", "in ", "2 ",
                                 "weeks", "days ", "ago", "now", "Friday ", "of ", ".", ",", " "]),
                max_size=16).map("".join),
       st.one_of(st.none(), st.dates(D(1950, 1, 1), D(2090, 12, 31))))
def test_new_rules_never_raise(text, published):
    for f in find(text, published):
        assert text[f.start:f.end] == f.value.raw
        if f.value.start is not None:
            assert f.value.start <= f.value.end
    v = resolve(text, published)
    assert v.raw == text and (v.start is None) == (v.end is None)
    if v.start is not None:
        assert v.start <= v.end


# ----------------------------------------------------------------------------- the Rule records
# Generated-data integrity checks of the rule list (dateparser checks its language data alike):
# every rule is there in tie order, its examples match and read, and the words the scanner tries
# it at agree with its pattern.

GRAMMAR = dates.load()
RULES = [pytest.param(i, rule, id=rule.name) for i, rule in enumerate(GRAMMAR.rules)]
# tie order: when two rules match the same span the first one's reading wins, and resolve() tries
# them in this order, so a rule dropped or moved changes output
NAMES = ["month day", "day month", "month year", "bare month", "quarter", "year quarter", "month range", "half",
         "first months", "year", "decade", "spelled year", "year month", "numeric month", "iso date", "compact date",
         "numeric date", "numeric day", "day of month", "day range of month", "weekday day", "nth weekday", "holiday",
         "day word", "this period", "season", "unit end", "to date", "part of period", "rest of period", "ago",
         "offset", "duration", "week day", "week days", "weekday", "anaphoric period", "the period", "that unit",
         "following unit", "offset from story", "a year ago"]
CONTEXTS = ["{}", "On {}.", "x, {}\nnext", "- {}; and"]


def test_rule_list_is_complete_and_in_tie_order():
    assert [rule.name for rule in GRAMMAR.rules] == NAMES


@pytest.mark.parametrize("i,rule", RULES)
def test_examples_match_whole_and_read(i, rule):
    assert rule.examples
    for example in rule.examples:
        m = rule.pattern.fullmatch(example)
        assert m, example
        assert GRAMMAR.reading(example, PUB, lambda: None, strict=False).read(rule, m) is not None, example


@pytest.mark.parametrize("i,rule", RULES)
def test_examples_begin_at_a_start_word(i, rule):
    for example in rule.examples:
        for context in CONTEXTS:
            text = context.format(example)
            at = text.index(example)
            assert at in dates.scan_text(text).at[i], (rule.name, text)
            plain = [m.start() for m in rule.pattern.finditer(text)]
            assert at in plain, (rule.name, text)


# digit runs that stand for a start key's length ("#4s": "2024 ", "1987 ")
SAMPLE_DIGITS = {"1": ["1", "2", "4", "9"], "2": ["10", "11", "12", "20", "22", "31"],
                 "4": ["2024", "1987", "2016", "1990"],
                 "8": ["20161016"]}
AFTER = {"s": [" "], "a": list("abcdefghijklmnopqrstuvwxyz"), "p": ["/", ".", "-"], "o": ["", ",", ")", "%", "'"]}


def can_begin(rx, text: str) -> bool:
    """Can a match of ``rx`` begin ``text``: a match of a prefix of it, or text a prefix of a match
    (regex's partial matching)?"""
    return rx.match(text) is not None or rx.fullmatch(text, partial=True) is not None


@pytest.mark.parametrize("i,rule", RULES)
def test_start_words_can_begin_a_match(i, rule):
    rx = regex.compile(rule.pattern.pattern, regex.I | regex.X | regex.V0)
    for word in (*rule.starts, *rule.prefixes):
        key = head(word)
        assert key, word
        if key.startswith("#"):
            texts = [d + a for d in SAMPLE_DIGITS[key[1]] for a in AFTER[key[2]]]
        else:                                   # the index folds case: any case of the word counts
            texts = [word, word.title(), word.upper()]
        assert any(can_begin(rx, t) for t in texts), (rule.name, word)


@pytest.mark.parametrize("i,rule", RULES)
def test_digit_first_rules_start_on_digits_only(i, rule):
    if rule.pattern.pattern.startswith(r"(?=\d)"):
        assert all(word.startswith("#") for word in rule.starts) and not rule.prefixes, rule.name
    assert not (rule.loose and rule.full_date), rule.name     # the dateline reads what resolve() reads
