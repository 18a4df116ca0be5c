"""The rules relative to publication: days of the month, weekdays with days, holidays, day words,
this/next/last periods, to-date and rest-of periods, offsets, durations, weeks and weekdays.
They follow the calendar-date rules (grammar_dates) in tie order."""
from __future__ import annotations

from . import readers_relative as read
from .grammar import Fragments, Rule, RuleList, digits, rule_pattern

RULES = RuleList()       # in tie order: the order of definition below


@RULES.add
def _day_of_month(f: Fragments) -> Rule:
    return Rule(
        "day of month",
        rule_pattern(rf"""
            \b (?: (?P<the>the\s+) (?P<d>{f.DAYX})          # "the 18th", "the twenty second"
                 | (?P<do>\d{{1,2}}(?:st|nd|rd|th)) ) \b    # "29th"
            (?: \s+ (?:of\s+|in\s+)? (?P<shift>{f.SHIFT}) \s+ month \b )?   # "20th of next month"
        """),
        starts=("the", *digits("12", "a")), read=read.day_of_month,
        examples=("the 18th", "the twenty second", "20th of next month", "29th"),
    )


@RULES.add
def _day_range_of_month(f: Fragments) -> Rule:
    return Rule(
        "day range of month",
        rule_pattern(rf"""
            \b (?P<d>{f.DAY}) \s* (?:-|–|to|till|until|through|and) \s* (?P<d2>{f.DAY})
            \s+ (?:of\s+|in\s+)? (?P<shift>{f.SHIFT}) \s+ month \b     # "4 till 23 of next month"
        """, digit_first=True),
        starts=tuple(digits("12")), read=read.day_range_of_month,
        examples=("4 to 22 this month", "4 till 23 of next month"), loose=True,
    )


@RULES.add
def _weekday_day(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "weekday day",
        rule_pattern(rf"""
            \b (?P<wd>{f.WD}) \.? ,? \s+
            (?P<the>the\s+)? (?P<d>{f.DAYX})        # "Friday the 13th", "monday 21"
            (?! \s*(?:of\s+)?{f.M}\b | [\d/.:-]\d )     # "Friday 13 March" is a day-month
        """),
        starts=tuple(lex.weekday), read=read.weekday_day,
        examples=("Friday the 13th", "Thursday the twenty first", "monday 21"),
    )


@RULES.add
def _nth_weekday(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "nth weekday",
        rule_pattern(rf"""
            \b (?:the\s+)? (?P<nth>{f.ORD}|last) \s+ (?P<wd>{f.WDFULL})
            (?: \s+ (?:of|in) \s+ (?P<m>{f.M}) \b {f.DOT}      # "the second Sunday of May"
                (?: ,?\s* (?P<y>{f.YEAR}) )? )?
        """),
        starts=("the", "last", *lex.ordinal), read=read.nth_weekday,
        examples=("the second Sunday of May", "first Monday in September", "third Tuesday"),
    )


@RULES.add
def _holiday(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "holiday",
        rule_pattern(rf"""
            \b (?P<hol>{f.HOL}) (?!\w)
            (?: ,?\s+ (?:of\s+)?
                (?: (?P<y>{f.YEAR})                  # "Christmas Eve 2024"
                  | (?P<yshift>{f.SHIFT}) \s+ year \b ) )?   # "Independence Day of this year"
        """),
        starts=tuple(lex.holidays), prefixes=tuple(h for h in lex.holidays if "'" in h),
        read=read.holiday, examples=("Christmas", "Christmas Eve 2024", "Independence Day of this year",
                                     "Valentines Day"),
    )


@RULES.add
def _day_word(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "day word",
        rule_pattern(rf"\b (?P<w>{f.DAYW}) \b (?:['’]s)?"),
        starts=tuple(lex.dayword), read=read.day_word,
        examples=("today", "today's", "yesterday", "the day after tomorrow"),
    )


@RULES.add
def _this_period(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "this period",
        rule_pattern(rf"""
            \b (?: (?P<rel>earlier|later) \s+ (?:in\s+)? )?       # "earlier this month", "later in the year"
            (?: (?P<shift>{f.SHIFT}) | (?P<the>the) ) \s+
            (?:(?:calendar|fiscal|financial)\s+)? (?P<unit>week|month|year) \b    # "this fiscal year"
            (?:['’]s)?
        """),
        starts=(*lex.shift, "the", "earlier", "later"), read=read.this_period,
        examples=("this week", "last year", "next month", "this calendar year", "the year", "this fiscal year",
                  "earlier this month", "later this year", "earlier in the week"),
    )


@RULES.add
def _season(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "season",
        rule_pattern(rf"""
            \b (?: (?P<shift>{f.SHIFT}) \s+ | (?P<the>the) \s+ )?
            (?: (?P<part>{f.PART}) [\s-]* )?               # "late summer", "early next spring"
            (?: (?P<shift2>{f.SHIFT}) \s+ )?
            (?P<season>{f.SEASON}) \b
            (?: \s* (?:of\s+)? (?P<y>{f.YEAR})              # "the summer of 1988", "spring 2025"
              | \s+ (?:of\s+)? (?P<yshift>{f.SHIFT}) \s+ year \b )?   # "summer of next year"
        """),
        starts=(*lex.shift, "the", *lex.part, *lex.season), prefixes=tuple(lex.part), read=read.season,
        examples=("last summer", "this fall", "the summer of 1988", "spring 2025", "early next spring", "winter"),
    )


@RULES.add
def _unit_end(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "unit end",
        rule_pattern(rf"""
            \b (?:the\s+)? (?: (?P<shift>{f.SHIFT}) \s+ )?
            (?P<unit>year|month|quarter) [\s-]? (?P<part>end) \b    # "year-end", "quarter end"
            (?: \s+ (?P<y>{f.YEAR}) )?                              # "year-end 1988"
        """),
        starts=("the", *lex.shift, "year", "month", "quarter", "yearend"), read=read.unit_end,
        examples=("year-end", "the year-end", "yearend", "quarter-end", "year end 1988", "next year-end"),
    )


@RULES.add
def _to_date(f: Fragments) -> Rule:
    return Rule(
        "to date",
        rule_pattern(r"""
            \b (?: (?P<unit>year|month|quarter) [\s-]+ to [\s-]+ date    # "month-to-date"
                 | (?-i:(?P<ytd>YTD|ytd)) ) \b                           # not "Ytd"
        """),
        starts=("year", "month", "quarter", "ytd"), read=read.to_date,
        examples=("year to date", "YTD", "month-to-date"),
    )


@RULES.add
def _part_of_period(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "part of period",
        rule_pattern(rf"""
            \b (?P<part>{f.PART}) [\s-]*
            (?: (?P<shift>{f.SHIFT}) | (?P<the>the) )? \s*
            (?P<unit>week|month|year) \b           # "late this year", "end of month", "the end of the week"
        """),
        starts=tuple(lex.part), prefixes=tuple(lex.part), read=read.part_of_period,
        examples=("late this year", "early next month", "the end of the year", "end of month", "the end of the week"),
    )


@RULES.add
def _rest_of_period(f: Fragments) -> Rule:
    return Rule(
        "rest of period",
        rule_pattern(r"""
            \b (?:the\s+)? (?: rest | remain(?:der|ing) ) \s+
            (?:of\s+)? (?: the\s+ | this\s+ | my\s+ | current\s+ )*
            (?P<unit>week|month|year) \b
        """),
        starts=("the", "rest", "remainder", "remaining"), read=read.rest_of_period,
        examples=("the rest of the week", "rest of this year", "remaining year"),
    )


@RULES.add
def _ago(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "ago",
        rule_pattern(rf"""
            \b (?: (?P<approx>{f.MOD}) \s+ )?               # "about two years ago": mod approx
            (?! (?:a|one) \s+ year \s+ ago \b )           # "a year ago": grammar_story's
            (?P<n>\d{{1,2}}|{f.NUM}) \s+ (?P<unit>day|week|month|year|decade)s? \s+ ago \b"""),
        starts=(*lex.number, *lex.few, *lex.mods, *digits("12", "s")), read=read.ago,
        examples=("two years ago", "a week ago", "about two years ago", "more than a decade ago"),
    )


@RULES.add
def _offset(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "offset",
        rule_pattern(rf"""
            \b (?: in \s+ (?P<n>\d{{1,2}}|{f.NUM}) \s+ {f.UNIT}
                   (?! \s+ (?:ago|from|after|before|of|time) ) \b     # "in two weeks", not "in 2 weeks' time"
                 | (?P<n2>\d{{1,2}}|{f.NUM}) \s+
                   (?: (?P<unit2>day|week|month|year) s? | (?P<wd>{f.WDFULL}) s )   # "two Sundays"
                   \s+ (?P<dir>from|after|before) \s+
                   (?P<w>now|today|tomorrow|yesterday) )             # "3 days from today"
        """),
        starts=("in", *lex.number, *lex.few, *digits("12", "s")), read=read.offset,
        examples=("in two weeks", "3 days from today", "two days after tomorrow", "two sundays from now"),
    )


@RULES.add
def _duration(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "duration",
        rule_pattern(rf"""
            \b (?P<the>the\s+)? (?P<shift>{f.SHIFT}) \s+ (?: (?P<n>\d{{1,2}}|{f.NUM}) \s* )?   # "last 3year"
            (?P<unit>day|week|month|year|decade)s? \b
        """),
        starts=("the", *lex.shift), read=read.duration, timex=read.duration_timex,
        examples=("next 3 days", "the past two years", "last 3year", "the past year", "the last decade"),
    )


@RULES.add
def _week_day(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "week day",
        rule_pattern(rf"""
            \b (?: (?P<shift>{f.SHIFT}) \s+ week \s* (?: [-–,]\s* | on\s+ )? (?P<wd>{f.WD}) \b {f.DOT}
                                                    # "next week Monday", "previous week - Monday"
                 | (?P<wd2>{f.WDFULL}) \s+ (?:of\s+)? (?:the\s+)? (?P<shift2>{f.SHIFT}) \s+ week \b )
                                                    # "Friday next week", "Tuesday of last week"
        """),
        starts=(*lex.shift, *lex.full_weekdays), read=read.week_day,
        examples=("next week Monday", "Friday next week", "Tuesday of last week", "previous week - Monday"),
    )


@RULES.add
def _week_days(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "week days",
        rule_pattern(rf"""
            \b (?P<shift>{f.SHIFT}) \s+ week \s+ (?:between|from) \s+
            (?P<wd>{f.WD}) \.? \s* (?:and|to|till|until|-) \s* (?P<wd2>{f.WD}) \b {f.DOT}
        """),
        starts=tuple(lex.shift), read=read.week_days,
        examples=("next week between Wednesday and Friday", "this week from Tue to Thur"),
    )


@RULES.add
def _weekday(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "weekday",
        rule_pattern(rf"""\b (?: (?P<shift>{f.SHIFT}) \s+ )? (?P<wd>{f.WDFULL}) \b (?:['’]s)?"""),
        starts=(*lex.shift, *lex.full_weekdays), read=read.weekday,
        examples=("Monday", "last Friday", "Tuesday's"),
    )
