"""The calendar-date rules: a day and a month, a month, a quarter, a half, a year, numeric dates.
Each ``Rule`` holds its grammar, the words it can start with, its flags and its reader; the order
of definition is the order in which rules win ties (same span) and resolve() tries them."""
from __future__ import annotations

from . import readers_dates as read
from .grammar import Fragments, Rule, RuleList, digits, rule_pattern

RULES = RuleList()       # in tie order: the order of definition below


@RULES.add
def _month_day(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "month day",
        rule_pattern(rf"""
            \b {f.WDP}                              # "Tuesday, February 11"
            (?:the\s+)?
            (?P<m>{f.M}) \.?                        # "Feb."
            (?:\s*|/)                               # "Oct/2"
            (?:the\s+)?
            (?P<d>{f.DAYX})
            (?: {f.TO} (?:(?P<m2>{f.M})\.?\s*)? (?P<d2>{f.DAY}) )?     # "10-11", "March 30 - April 2"
            (?: ,?\s* (?:(?:of|in)\s+)? (?P<y>{f.YEAR})              # ", 2025", "of 2025"
              | \s+ (?:of\s+)? (?P<yshift>{f.SHIFT}) \s+ year \b )?    # "June 24 of next year"
            (?![\d:.]\d)                            # not a time or a decimal: "May 10:30"
        """),
        starts=(*lex.weekday, "the", *lex.month), prefixes=tuple(lex.month), read=read.month_day,
        two_points=lambda m: (m.end("d"), m.start("m2")) if m.group("m2") else None,
        examples=("Feb. 10", "February 10-11", "March 30 - April 2, 2025", "Tuesday, February 11, 2025",
                  "Oct/2", "May twenty-first", "June 24 of next year"),
        overlapping=True, full_date=True,
    )


@RULES.add
def _day_month(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "day month",
        rule_pattern(rf"""
            (?<![\d.,$€£¥]) \b                      # not the tail of a number or an amount
            {f.WDP}
            (?:the\s+)?
            (?P<d>{f.DAYX})
            (?: (?:\s+ (?:of\s+)? (?P<m2>{f.M}) \.?)?          # "28 February - 2 March"
                {f.TO} (?:the\s+)? (?P<d2>{f.DAY}) )?          # "10-11 February"
            \s* (?P<of>of\s+)?                      # "the 3rd of March": written days need "of"
            (?P<m>{f.M}) \b {f.DOT}
            (?: ,?\s* (?:(?:of|in)\s+)? (?P<y>{f.YEAR}) )?
        """),
        starts=(*lex.weekday, "the", *lex.daynum, *digits("12")), read=read.day_month,
        two_points=lambda m: (m.end("m2"), m.start("d2")) if m.group("m2") else None,
        examples=("10 February", "the 3rd of March 2025", "10-11 February", "28 February - 2 March",
                  "second of Aug"),
        overlapping=True, full_date=True,
    )


@RULES.add
def _month_year(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "month year",
        rule_pattern(rf"""
            \b (?: (?P<part>{f.PART}) [\s-]* )?     # "early January 2025", "mid-March"
            (?P<m>{f.M}) \b \.?
            (?:\s+of|,)? \s*                        # "March of 2024", "May, 2025"
            (?P<y>{f.YEAR})
        """),
        starts=(*lex.part, *lex.month), prefixes=tuple(lex.part), read=read.month_year,
        examples=("February 2025", "early January 2025", "mid-March of 2024"),
    )


@RULES.add
def _bare_month(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "bare month",
        rule_pattern(rf"""
            (?P<span>\b
              (?: (?P<shift>{f.SHIFT}) \s+ (?P<ms>{f.MCASE}) \b (?!\.?\s*\d)   # "last May", not "last May 5"
                | (?: (?P<part>{f.PART}) [\s-]* )? (?P<m>{f.MFULL}) \b         # "early February", "in January"
                | (?P<mcaps>(?-i:JAN|FEB|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)) \b (?!\.?\s*\d) )   # "IN FEB"
              (?: \s+ (?:of\s+)? (?P<yshift>{f.SHIFT}) \s+ year \b             # "June next year"
                | ['’]s )?                                                     # "January's"
            )
        """),
        starts=(*lex.shift, *lex.part, *lex.month, *lex.month_aliases), prefixes=tuple(lex.part),
        read=read.bare_month, examples=("January", "last May", "early February", "June next year"),
    )


@RULES.add
def _quarter(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "quarter",
        rule_pattern(rf"""
            \b (?: Q(?P<q>[1-4])                    # "Q4"
                 | (?P<q2>[1-4])Q                   # "4Q"
                 | (?:the\s+)? (?: (?P<yshift0>{f.SHIFT}) \s+ year['’]s \s+ )?       # "last year's first quarter"
                   (?:(?:fiscal|financial)\s+)? (?P<qo>{f.ORD}) [\s-]+ (?:quarter|qtr)   # "the (fiscal) third quarter"
                 | (?:the\s+)? (?P<shift>{f.SHIFT}) \s+ (?:quarter|qtr) )      # "next quarter"
            (?!\w)
            (?: (?:\s*|-) (?:of\s+)? (?:(?:fiscal|FY)\s*)? (?P<y>{f.YEAR})   # "fourth-quarter of fiscal 2024"
              | \s* ['’] (?P<yy>\d\d) (?!\d)                                 # "Q1'25"
              | \s+ (?:of\s+)? (?: (?P<yshift>{f.SHIFT}) | (?P<the>the) ) \s+ year \b   # "Q3 this year"
            )?
        """),
        starts=("q", "the", *lex.ordinal, *lex.shift, *digits("1", "a")), read=read.quarter,
        examples=("Q4 2024", "the third quarter", "4Q 2024", "fourth-quarter of fiscal 2024", "next quarter",
                  "Q3 this year", "Q1'25", "last year's first quarter", "the first qtr of 1986"),
    )


@RULES.add
def _year_quarter(f: Fragments) -> Rule:
    return Rule(
        "year quarter",
        rule_pattern(rf"""
            (?<![\w.,$€£¥#/+-])                     # not inside a number, an amount, a code
            (?P<y>{f.YEAR}) [\s-]*
            (?: Q(?P<q>[1-4])                       # "2019 Q1"
              | H(?P<h>[12])                        # "2019-H2"
              | (?P<long> (?P<the>the\s+)? (?:(?:fiscal|financial)\s+)?
                  (?: (?P<qo>{f.ORD}) [\s-]+ quarter      # "the 1988 third quarter", "2016 the third quarter"
                    | (?P<ho>{f.HALF}) [\s-]+ half ) ) )  # "the 1988 first half"
            \b
        """, digit_first=True),
        starts=tuple(digits("4", "spa")), read=read.year_quarter,
        examples=("2019 Q1", "2019-H2", "2016 the third quarter", "1988 third quarter", "1988 fiscal second-quarter",
                  "1987 first half"),
    )


@RULES.add
def _month_range(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "month range",
        rule_pattern(rf"""
            \b (?P<m>{f.M}) \.?
            (?: (?P<slash>/|-) (?=[A-Za-z]) | \s* (?:-|–|—|to|through|until) \s* )
            (?P<m2>{f.M}) \b {f.DOT} ,?
            (?: \s* (?:in\s+|of\s+)?
                (?P<y>{f.YEAR}) )?                  # without a year only "January/February", "Apr-Mar"
        """),
        starts=tuple(lex.month), prefixes=tuple(lex.month), read=read.month_range,
        examples=("Jan-Feb 2017", "May to October 2020", "April to June in 2017", "January/February", "Apr-Mar"),
    )


@RULES.add
def _half(f: Fragments) -> Rule:
    return Rule(
        "half",
        rule_pattern(rf"""
            \b (?: H(?P<h>[12])                     # "H1"
                 | (?:the\s+)? (?P<ho>{f.HALF}) \s+ half )   # "the second half"
            \b
            (?: \s* (?:of\s+)? (?P<y>{f.YEAR}) )?
        """),
        starts=("h", "the", *f.halves), read=read.half,
        examples=("H1 2025", "the second half of 2025", "1st half"),
    )


@RULES.add
def _first_months(f: Fragments) -> Rule:
    return Rule(
        "first months",
        rule_pattern(rf"""
            \b the \s+ (?P<fl>first|last) \s+ (?P<n>three|six|nine|3|6|9) \s+ months \b
            (?: \s+ (?:of\s+)? (?: (?P<y>{f.YEAR}) | (?P<yshift>{f.SHIFT}) \s+ year | (?P<the>the) \s+ year ) \b )?
        """),
        starts=("the",), read=read.first_months,
        examples=("the first three months of this year", "the first six months of 1987", "the first nine months",
                  "the last three months of 2008"),
    )


@RULES.add
def _year(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "year",
        rule_pattern(rf"""
            (?<![\w.,$€£¥#/+-])                     # not inside a number, an amount, a code
            (?: (?P<part>{f.PART}) [\s-]* )?        # "early 2025", "mid-2025"
            (?: (?:fiscal|financial) \s+ year \s+ | (?:fiscal|FY) \s* )?   # "fiscal (year) 2024": the calendar year
            (?P<y>{f.YEAR})
            (?: \s* [-–—/] \s* (?P<y2>{f.YEAR}|\d\d(?!\d))        # "2024-25", "2020-2025"
              | \s+ (?:to|through|until) \s+ (?P<y3>{f.YEAR}) )?  # "2020 to 2025"
            (?! [\d%] | [.,]\d | \.[a-z] | s\b )    # not "2025%", "2025.5", "2025.pdf", "1990s"
        """),
        starts=(*lex.part, "fiscal", "fy", *digits("4")), prefixes=tuple(lex.part), read=read.year,
        two_points=lambda m: (m.end("y"), m.start("y3")) if m.group("y3") else None,
        examples=("2024", "early 2025", "mid-2025", "2024-25", "2020 to 2025", "fiscal 2024", "fiscal year 2024"),
    )


@RULES.add
def _decade(f: Fragments) -> Rule:
    lex = f.lex
    return Rule(
        "decade",
        rule_pattern(rf"""
            (?<![\w.,$€£¥#/+-])
            (?:the\s+)? (?: (?P<part>{f.PART}) [\s-]* )?     # "the early 1990s", "the mid-'80s"
            (?: (?P<dec>(?:1[89]|20)\d0) | ['’‘](?P<dec2>\d0) )
            ['’]? s \b
        """),
        starts=("the", *lex.part, *digits("4", "ao")), prefixes=tuple(lex.part), read=read.decade,
        examples=("the 1990s", "the 1980's", "the early 1990s", "the mid-'80s", "mid-1970s"),
    )


@RULES.add
def _spelled_year(f: Fragments) -> Rule:
    return Rule(
        "spelled year",
        rule_pattern(rf"""
            \b (?P<the>the \s+ year \s+)?
            (?: (?P<hi>eighteen|nineteen|twenty) [\s-]+            # "nineteen ninety-six"
                (?: (?P<tens>{f.TENS}) (?: [\s-]+ (?P<unit>{f.UNITS}) )?
                  | (?P<teen>{f.TEENS})                             # "nineteen twelve"
                  | oh [\s-]+ (?P<oh>{f.UNITS})                     # "nineteen oh five"
                  | (?P<hundred>hundred) )
              | two \s+ thousand                                    # "two thousand and one"
                (?: (?:\s+and)? [\s-]+
                    (?: (?P<tens2>{f.TENS}) (?: [\s-]+ (?P<unit2>{f.UNITS}) )? | (?P<teen2>{f.TEENS})
                      | (?P<unit3>{f.UNITS}) ) )? )
            \b (?![\s-]+(?:{f.UNITS}|{f.TEENS}|{f.TENS}|hundred|thousand|million|billion)\b)
        """),
        starts=("the", "eighteen", "nineteen", "twenty", "two"), read=read.spelled_year,
        examples=("nineteen ninety-six", "the year two thousand", "two thousand and one", "twenty twenty-five",
                  "nineteen oh five", "nineteen hundred"),
    )


@RULES.add
def _year_month(f: Fragments) -> Rule:
    return Rule(
        "year month",
        rule_pattern(rf"""
            (?<![\w.,$€£¥#/+-])
            (?P<y>{f.YEAR}) ,? \s+
            (?P<m>{f.M}) \b {f.DOT}
            (?!\s*\d)                               # "2016 June 5" is no year-month
        """),
        starts=tuple(digits("4", "so")), read=read.year_month, examples=("2016 June", "2016, Nov"),
        loose=True,
    )


@RULES.add
def _numeric_month(f: Fragments) -> Rule:
    return Rule(
        "numeric month",
        rule_pattern(rf"""
            (?<![\w.,$€£¥#/+-])
            (?: (?P<y>{f.YEAR}) (?P<s1>\s*[-/.]\s*) (?P<mo>1[0-2]|0?[1-9])    # "2016/11", "2015-3"
              | (?P<mo2>1[0-2]|0?[1-9]) (?P<s2>\s*[-/]\s*) (?P<y2>{f.YEAR}) )  # "11/2016", "3/2015"
            (?! [\d%] | [.,/-]\d )
        """, digit_first=True),
        starts=tuple(digits("124", "sp")), read=read.numeric_month,
        examples=("2016/11", "11/2016", "2015-3", "3/2015", "2016 - 11"),
    )


@RULES.add
def _iso_date(f: Fragments) -> Rule:
    return Rule(
        "iso date",
        rule_pattern(rf"""
            (?<![\d.]) \b (?P<y>{f.YEAR})
            (?: (?P<sep>[-/. ]?) (?P<mo>[01]?\d) (?P=sep) (?P<d>[0-3]?\d)     # "2025-02-11", "2016 10 16"
              | [-/] (?P<m>{f.M}) [-/] (?P<d2>[0-3]?\d) )                      # "2019-aug-01"
            (?![\d.]\d)
        """, digit_first=True),
        starts=tuple(digits("4", "sp")), read=read.iso_date,
        examples=("2025-02-11", "2025/2/11", "2016 10 16", "2019-aug-01"), full_date=True,
    )


@RULES.add
def _compact_date(f: Fragments) -> Rule:
    return Rule(
        "compact date",
        rule_pattern(r"""
            (?<![\d.]) \b
            (?P<y>(?:1[89]|20)\d\d) (?P<mo>[01]\d) (?P<d>[0-3]\d)   # tables, file names
            \b
        """, digit_first=True),
        starts=tuple(digits("8", "spo")), read=read.compact_date, examples=("20161016",), loose=True,
    )


@RULES.add
def _numeric_date(f: Fragments) -> Rule:
    return Rule(
        "numeric date",
        rule_pattern(rf"""
            (?<![\d.,/]) \b
            (?P<a>[0-3]?\d) (?P<sep>[/.-]) (?P<b>[0-3]?\d) (?P=sep)
            (?P<y>{f.YEAR}|\d\d(?!\d))              # "05/05/89"
            (?![\d.]\d|/\d)
        """, digit_first=True),
        starts=tuple(digits("12", "p")), read=read.numeric_date,
        examples=("11/02/2025", "11.02.2025", "21-04-2016", "05/05/89"), full_date=True,
    )


@RULES.add
def _numeric_day(f: Fragments) -> Rule:
    return Rule(
        "numeric day",
        rule_pattern(r"""
            (?<![\d.,/$€£¥]) (?<![\d.,/]-) \b       # not inside a number, a range of numbers
            (?P<a>[0-3]?\d) (?P<sep>[/-]) (?P<b>[0-3]?\d) \b    # no year: never "4.22", a decimal
            (?! [.,/]?\d | % | -\d+[.-] )
        """, digit_first=True),
        starts=tuple(digits("12", "p")), read=read.numeric_day, examples=("11/20", "4/22", "22/04"),
    )
