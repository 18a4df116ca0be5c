"""The rules anchored on another date of the story, as TimeML annotators resolve them: "the
year-ago quarter", "the previous quarter", "the same period last year", "that year", "the
following day", "a year earlier". They are read after every other mention of the text, in text
order, from the dates before them (``Reading.refs``); in resolve() (no story) they anchor on the
publication date. They follow the relative rules (grammar_relative) in tie order."""
from __future__ import annotations

from . import readers_story as read
from .grammar import Fragments, Rule, RuleList, rule_pattern

RULES = RuleList()       # in tie order: the order of definition below

# The units these rules step by or take from their anchor; "period" is the anchor's own unit.
_PERIOD = r"""(?P<unit> quarter | half | month | year | week | day | season | period
                      | (?P<months>three|six|nine|twelve|3|6|9|12) [\s-]+ months? )"""


@RULES.add
def _anaphoric_period(f: Fragments) -> Rule:
    return Rule(
        "anaphoric period",
        rule_pattern(rf"""
            \b the \s+
            (?: (?P<ana>{f.ANAPHOR})
                (?: [\s-]+ (?P<ana2>{f.ANAPHOR}                   # "the same year-ago period"
                             | year (?=[\s-]+(?:quarter|period|half|month)) ) )?   # "the prior-year quarter"
                [\s-]+ (?: (?P<yin>{f.YEAR}) \s+ )?              # "the comparable 1988 quarter"
              | (?P<yin2>{f.YEAR}) \s+ )                         # "the 1986 quarter"
            (?: (?:fiscal|financial|calendar) \s+ )?
            {_PERIOD} s? \b
            (?: \s+ (?: (?P<back>a \s+ year \s+ (?:ago|earlier|before) | (?:of\s+)? last \s+ year   # "... last year"
                              | (?:of\s+)? the \s+ (?:previous|prior|preceding) \s+ year)
                      | (?:of|in) \s+ (?P<y>{f.YEAR}) ) \b )?       # "the same quarter of 1988"
        """),
        starts=("the",), read=read.anaphoric_period, anaphoric=True,
        examples=("the year-ago quarter", "the year-earlier period", "the previous quarter",
                  "the same period last year", "the same quarter a year ago", "the comparable 1988 quarter",
                  "the prior year", "the same day",
                  "the same nine months", "the same period of 1988", "the like period a year earlier",
                  "the prior-year quarter", "the same year-ago period", "the comparable year-ago quarter",
                  "the 1986 quarter"),
    )


@RULES.add
def _the_period(f: Fragments) -> Rule:
    return Rule(
        "the period",
        rule_pattern(r"""
            \b the \s+ (?: (?:latest|current|same) \s+ )? (?P<unit>quarter|period|half|year) \b
            (?! [\s-]+ (?:before|after|earlier|later|ago|of|to|end|ended|ending|on|in|\d) \b )   # not "the year before"
        """),
        starts=("the",), read=read.the_period, anaphoric=True,
        examples=("the quarter", "the period", "the latest quarter", "the year"),
    )


@RULES.add
def _that_unit(f: Fragments) -> Rule:
    return Rule(
        "that unit",
        rule_pattern(r"""\b that \s+ (?P<unit>day|week|month|quarter|year) \b (?!\s*['’]s)"""),
        starts=("that",), read=read.that_unit, anaphoric=True,
        examples=("that year", "that day", "that month"),
    )


@RULES.add
def _following_unit(f: Fragments) -> Rule:
    return Rule(
        "following unit",
        rule_pattern(r"""
            \b the \s+ (?: following \s+ (?P<unit>day|week|month|quarter|year)     # "the following year"
                         | next \s+ (?P<unit2>day) )                               # "the next day"
            \b
          | \b the \s+ (?P<unit3>day|week|month|year) \s+ (?P<dir>before|after|earlier|later)   # "the day before"
            \b
        """),
        starts=("the",), read=read.following_unit, anaphoric=True,
        examples=("the following year", "the next day", "the day before", "the year earlier", "the week after"),
    )


@RULES.add
def _offset_from_story(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "offset from story",
        rule_pattern(rf"""
            \b (?P<n>\d{{1,2}}|{f.NUM}) \s+ (?P<unit>day|week|month|quarter|year)s? \s+
            (?: (?P<dir>earlier|later)                                  # "a year earlier"
              | (?P<dir2>before|after) )                                # "a week before"
            \b
        """),
        starts=tuple(lex.number) + ("1", "2", "3", "4", "5", "6", "7", "8", "9"), read=read.offset_from_story,
        anaphoric=True, examples=("a year earlier", "two days later", "three months before", "a week after"),
    )


@RULES.add
def _year_ago(f: Fragments) -> Rule:
    return Rule(
        "a year ago",
        rule_pattern(r"""\b (?: (?:a|one) \s+ year \s+ ago | (?P<adj>year[\s-]ago) ) \b"""),
        starts=("a", "one", "year"), read=read.year_ago, anaphoric=True,
        examples=("a year ago", "one year ago", "year-ago"),
    )
