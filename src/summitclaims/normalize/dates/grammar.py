"""The building blocks of the date rules: the ``Rule`` record, the regex fragments the rules share
(month, weekday, day, year...) and the cue regexes read around a match, all built from the lexicon."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from ... import cache
from .lexicon import Lexicon

if TYPE_CHECKING:
    import datetime as dt

    from .reading import Reading

Got = tuple[Optional["dt.date"], Optional["dt.date"], str]      # start, end, granularity
Reader = Callable[["Reading", "re.Match[str]"], Optional[Got]]


@dataclass(frozen=True)
class Rule:
    """One date rule: everything the scanner, the finder and resolve() need to know about it."""
    name: str                       # what it reads, for tests and debugging
    pattern: re.Pattern[str]
    starts: tuple[str, ...]         # words (or digit keys, see ``digits``) a match can begin with
    read: Reader                    # the match -> (start, end, granularity); None: not a date
    examples: tuple[str, ...]       # phrases the pattern matches whole (checked by the tests)
    prefixes: tuple[str, ...] = ()  # start words that letters may follow ("midyear", "Valentines")
    loose: bool = False             # only resolve() reads it: in running text mostly numbers
    overlapping: bool = False       # search again from each match's start + 1, not its end
    full_date: bool = False         # reads a day with its year: a dateline, a wire year
    anaphoric: bool = False         # read after the others, from the story's dates before it (Reading.refs)
    timex: Optional[Callable[["Reading", "re.Match[str]"], Optional[str]]] = None   # the TIMEX3 value,
                                    # when it is not the unit the span spells (durations: "P2Y")
    # a range written as two dates in one match ("Aug. 26 to Oct. 20"): where the first date ends
    # and the second begins, or None when the second is no date of its own ("Feb 10-11")
    two_points: Optional[Callable[["re.Match[str]"], Optional[tuple[int, int]]]] = None


RuleBuilder = Callable[["Fragments"], Rule]


class RuleList:
    """Rule builders in the order they are added, which is the order rules win ties in."""

    def __init__(self) -> None:
        self.builders: list[RuleBuilder] = []

    def add(self, build: RuleBuilder) -> RuleBuilder:
        """Decorator: a rule is added where it is defined, the one edit a new rule needs."""
        self.builders.append(build)
        return build

    def build(self, f: Fragments) -> list[Rule]:
        """The rules of the lexicon behind ``f``."""
        return [build(f) for build in self.builders]


def rule_pattern(body: str, digit_first: bool = False) -> re.Pattern[str]:
    """A rule's regex (verbose, case-insensitive). Every rule starts on a letter or a digit: the
    lookahead lets the regex engine skip to candidate characters (3x faster than without)."""
    return cache.regex(("(?=\\d)" if digit_first else "(?=[A-Za-z0-9])") + body, re.I | re.X)


def digits(lengths: str, after: str = "sapo") -> list[str]:
    """Start keys of digit runs: each length, and the character after the run: (s)pace, (a) letter,
    (p) one of "/.-", (o)ther or the end ("#4s": a year followed by a space)."""
    return ["#" + n + c for n in lengths for c in after]


def alt(words: Iterable[str], case_sensitive: Iterable[str] = ()) -> str:
    """Regex alternation, longest first; spaces match any whitespace; some words keep their case."""
    keep = set(case_sensitive)
    out = []
    # ties by text: the same pattern text in every process, so that its compiled form is cached
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        pat = re.escape(w).replace(r"\ ", r"\s+")
        if w in keep:
            pat = f"(?-i:{re.escape(w)}|{re.escape(w.upper())})"
        out.append(pat)
    return "(?:" + "|".join(out) + ")"


def _holiday_alt(names: list[str]) -> str:
    """Holiday names: spaces also as hyphens, apostrophes optional or curly ("Valentines Day")."""
    hol = [re.escape(a).replace(r"\ ", r"[\s-]+").replace("'", "['’]?") for a in names]
    return "(?:" + "|".join(sorted(set(hol), key=lambda h: (-len(h), h))) + ")"   # ties by text, as in alt


@dataclass(frozen=True)
class Fragments:
    """Regex pieces the rules are written in; ``lex`` gives the rules their start words."""
    lex: Lexicon
    M: str          # any month alias, any case ("feb", "March")
    MFULL: str      # a full month name; "March", "May", "August" capitalised or upper-case only
    MCASE: str      # any month alias, ambiguous ones capitalised: "last May", never "this may"
    WD: str         # a weekday with its short forms ("Tue")
    WDFULL: str     # a full weekday name
    SHIFT: str      # last / this / next ...
    ORD: str        # first .. fourth
    PART: str       # early / mid / late ...
    NUM: str        # a written count ("two", "a few")
    DAYW: str       # a day word ("yesterday")
    HOL: str        # a holiday name
    DAYX: str       # a day of the month in digits or in words
    HALF: str       # first / second (of "the second half")
    halves: tuple[str, ...]     # the ordinal words HALF is made of
    SEASON: str     # spring / summer / fall / autumn / winter
    MOD: str        # about / more than / less than ... (before an offset)
    UNITS: str      # "one" .. "nine" (of a year written out)
    TEENS: str      # "ten" .. "nineteen"
    TENS: str       # "twenty" .. "ninety"
    ANAPHOR: str    # year-ago / same / previous ... (before a period)
    DAY: str = r"[0-3]?\d(?!\d)(?:st|nd|rd|th)?"                 # a day of the month in digits
    YEAR: str = r"(?:1[89]|20)\d\d(?!\d)"                        # 1800-2099: the years news names
    TO: str = r"\s*(?:-|–|—|to|through|until|and)\s*"            # what joins the two ends of a range
    DOT: str = r"(?:\.(?=\s*(?-i:[a-z])|\s*[\d,]))?"             # "Feb. 10", but not a full stop
    UNIT: str = r"(?P<unit>day|week|month|year)s?"

    @property
    def WDP(self) -> str:
        """An optional weekday before a date: "Tuesday, February 11"."""
        return rf"(?:{self.WD}\.?,?\s+)?"


def fragments(lex: Lexicon) -> Fragments:
    """The regex pieces of the lexicon's words."""
    # a written day is a whole word: "May twenty-first", "the second of August"
    dayn = alt(lex.daynum).replace(r"\s+", r"[\s-]+")
    halves = tuple(w for w, n in lex.ordinal.items() if n <= 2)
    return Fragments(
        lex=lex, M=alt(lex.month), MFULL=alt(lex.full_months, lex.ambiguous),
        MCASE=alt(lex.month_aliases, lex.ambiguous), WD=alt(lex.weekday), WDFULL=alt(lex.full_weekdays),
        SHIFT=alt(lex.shift), ORD=alt(lex.ordinal), PART=alt(lex.part),
        NUM=alt(list(lex.number) + list(lex.few)), DAYW=alt(lex.dayword), HOL=_holiday_alt(lex.holidays),
        DAYX=rf"(?:{Fragments.DAY}|(?<!\S){dayn}\b)", HALF=alt(halves), halves=halves,
        SEASON=alt(lex.season), MOD=alt(lex.mods),
        UNITS=alt(w for w, n in lex.spelled.items() if n < 10),
        TEENS=alt(w for w, n in lex.spelled.items() if 10 <= n < 20),
        TENS=alt(w for w, n in lex.spelled.items() if n >= 20 and n % 10 == 0),
        ANAPHOR=alt(lex.anaphor).replace(r"\-", r"[\s-]").replace(r"\s+", r"[\s-]+"),
    )


@dataclass(frozen=True)
class Cues:
    """Regexes read around a match: the word right before it, what follows it, the tense."""
    month: re.Pattern[str]          # a cue word before a bare month ("in January")
    day: re.Pattern[str]            # a cue word before a numeric or ordinal day ("on 11/20")
    holiday: re.Pattern[str]        # a cue word before a holiday ("by Christmas")
    noun_after: re.Pattern[str]     # a lower-case content word after a holiday ("Christmas sales")
    lead: re.Pattern[str]           # a cue word opening a phrase given to resolve() ("in 2024")
    week_of: re.Pattern[str]        # "the week of" before a day: that day's week
    week_of_after: re.Pattern[str]  # "of" after "the week": not this week ("the week of April 10")
    future: re.Pattern[str]
    past: re.Pattern[str]
    compared: re.Pattern[str]       # a comparing word before a date, in its clause ("against ... in January")


def _before(words: str) -> re.Pattern[str]:
    # searched back from a match's start, so the rules stay cheap to scan
    return cache.regex(rf"(?<!\w){words}\s+$", re.I)


def _word(words: list[str]) -> re.Pattern[str]:
    return cache.regex(r"(?<!\w)" + alt(words) + r"(?!\w)", re.I)


def cues(lex: Lexicon) -> Cues:
    """The cue regexes of the lexicon's word lists."""
    cue = lex.listed("cue", ("in",))
    week_of = alt(lex.listed("week_of"))
    return Cues(
        month=_before(alt(cue)), day=_before(alt(lex.listed("day_cue"))),
        holiday=_before(alt(cue + lex.listed("holiday_cue"))),
        # not re.I: a capitalised word after the name starts a new phrase
        noun_after=cache.regex(rf"[\s-]+(?!{alt(lex.listed('function_word'))}\b)[a-z]"),
        lead=cache.regex(r"^(?:" + alt(cue) + r")\s+", re.I),
        week_of=cache.regex(rf"(?:\bthe\s+)?(?:\bweek\s+{week_of}(?:\s+on)?|\bw/c)\s+$", re.I),
        week_of_after=cache.regex(rf"\s+{week_of}\b"),        # case-sensitive, unlike week_of (as it always was)
        future=_word(lex.listed("future", ("will",))), past=_word(lex.listed("past", ("said",))),
        compared=cache.regex(rf"(?<!\w){alt(lex.listed('compared', ('from',)))}(?!\w)[^.;]*$", re.I),
    )
