"""The words of the date rules, read once from patterns/dates.jsonl: one small builder per row kind
fills the tables the grammar and the readers look words up in (keys lower-case)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

Row = dict[str, Any]


@dataclass
class Lexicon:
    """Word tables by kind; dict and list orders follow the table (regex alternations rely on it)."""
    month: dict[str, int] = field(default_factory=dict)          # every alias, lower-case -> 1-12
    full_months: list[str] = field(default_factory=list)         # the first alias of each month
    month_aliases: list[str] = field(default_factory=list)       # every alias, as written
    ambiguous: set[str] = field(default_factory=set)             # "May": only capitalised
    weekday: dict[str, int] = field(default_factory=dict)        # with short forms -> Monday 0
    full_weekdays: list[str] = field(default_factory=list)
    dayword: dict[str, int] = field(default_factory=dict)        # "yesterday" -> -1
    shift: dict[str, int] = field(default_factory=dict)          # "next" -> 1
    loose: set[str] = field(default_factory=set)                 # words only resolve() reads
    ordinal: dict[str, int] = field(default_factory=dict)
    part: dict[str, int] = field(default_factory=dict)           # early / mid / late -> 1-3
    number: dict[str, int] = field(default_factory=dict)
    few: dict[str, int] = field(default_factory=dict)
    daynum: dict[str, int] = field(default_factory=dict)         # written days of the month
    cardinal: set[str] = field(default_factory=set)              # written days that need a year
    tens: dict[str, int] = field(default_factory=dict)           # "twenty" of "twenty-first"
    holidays: list[str] = field(default_factory=list)            # aliases, as written
    holiday: dict[str, Row] = field(default_factory=dict)        # holiday_key(alias) -> its row
    words: dict[str, list[str]] = field(default_factory=dict)    # plain word lists by kind
    # plain word lists looked words up in, lower-case (see patterns/dates.jsonl for each)
    vague: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    quantity: set[str] = field(default_factory=set)
    period_cue: set[str] = field(default_factory=set)
    past_period: set[str] = field(default_factory=set)
    mods: dict[str, str] = field(default_factory=dict)           # "about" -> approx, "more than" -> before
    season: dict[str, str] = field(default_factory=dict)         # "summer" -> "SU"
    spelled: dict[str, int] = field(default_factory=dict)        # number words of years: "ninety" -> 90
    anaphor: dict[str, str] = field(default_factory=dict)        # "year-ago" -> "year", "previous" -> "unit"
    future_head: set[str] = field(default_factory=set)           # read from the parse (pipeline.tense)
    future_adjective: set[str] = field(default_factory=set)
    past_adjective: set[str] = field(default_factory=set)
    stative: set[str] = field(default_factory=set)
    ahead_alone: set[str] = field(default_factory=set)
    comparing: set[str] = field(default_factory=set)
    year_cue: set[str] = field(default_factory=set)

    def listed(self, kind: str, default: tuple[str, ...] = ()) -> list[str]:
        """A plain word list of the table (cue, future...), as written, for regexes."""
        return self.words.get(kind, list(default))


def norm(s: str) -> str:
    """A matched phrase as the tables key it: lower-case, hyphens as spaces, single spaces."""
    return " ".join(s.lower().replace("-", " ").split()) or s.lower()


def holiday_key(s: str) -> str:
    """A holiday name as the holiday table keys it: apostrophes dropped ("Valentines Day")."""
    return norm(s.replace("'", "").replace("’", ""))


def _aliases(row: Row) -> list[str]:
    return [str(a) for a in row.get("aliases", ())]


def _month(lex: Lexicon, row: Row) -> None:
    aliases = _aliases(row)
    for a in aliases:
        lex.month[a.lower()] = int(row["value"])
    lex.full_months.append(aliases[0])
    lex.month_aliases.extend(aliases)
    if row.get("ambiguous"):
        lex.ambiguous.update(aliases)


def _weekday(lex: Lexicon, row: Row) -> None:
    aliases = _aliases(row)
    for a in aliases + [str(s) for s in row.get("short", ())]:
        lex.weekday[a.lower()] = int(row["value"])
    lex.full_weekdays.extend(aliases)


def _day(lex: Lexicon, row: Row) -> None:
    lex.dayword.update((a.lower(), int(row["offset"])) for a in _aliases(row))
    if row["kind"] == "loose_day":
        lex.loose.update(a.lower() for a in _aliases(row))


def _shift(lex: Lexicon, row: Row) -> None:
    lex.shift.update((a.lower(), int(row["step"])) for a in _aliases(row))
    if row["kind"] == "loose_shift":
        lex.loose.update(a.lower() for a in _aliases(row))


def _valued(table: Callable[[Lexicon], dict[str, int]]) -> Callable[[Lexicon, Row], None]:
    """A builder for a kind whose aliases all map to the row's value."""
    def build(lex: Lexicon, row: Row) -> None:
        table(lex).update((a.lower(), int(row["value"])) for a in _aliases(row))
    return build


def _daynum(lex: Lexicon, row: Row) -> None:
    cards = [str(a) for a in row.get("cardinal", ())]
    lex.daynum.update((a.lower(), int(row["value"])) for a in _aliases(row) + cards)
    lex.cardinal.update(a.lower() for a in cards)


def _holiday(lex: Lexicon, row: Row) -> None:
    lex.holidays.extend(_aliases(row))
    for a in _aliases(row):
        lex.holiday[holiday_key(a)] = row


def _mod(lex: Lexicon, row: Row) -> None:
    lex.mods.update((a.lower(), str(row["mod"])) for a in _aliases(row))


def _season(lex: Lexicon, row: Row) -> None:
    lex.season.update((a.lower(), str(row["value"])) for a in _aliases(row))


def _anaphor(lex: Lexicon, row: Row) -> None:
    lex.anaphor.update((a.lower(), str(row["step"])) for a in _aliases(row))


def _words(lex: Lexicon, row: Row) -> None:
    lex.words.setdefault(str(row["kind"]), []).extend(_aliases(row))


_BUILDERS: dict[str, Callable[[Lexicon, Row], None]] = {
    "month": _month, "weekday": _weekday, "day": _day, "loose_day": _day, "shift": _shift,
    "loose_shift": _shift, "ordinal": _valued(lambda lex: lex.ordinal),
    "part": _valued(lambda lex: lex.part), "number": _valued(lambda lex: lex.number),
    "few": _valued(lambda lex: lex.few), "daynum": _daynum, "daynum_tens": _valued(lambda lex: lex.tens),
    "holiday": _holiday, "mod": _mod, "season": _season, "spelled": _valued(lambda lex: lex.spelled),
    "anaphor": _anaphor,
}


def _compound_days(lex: Lexicon) -> None:
    """twenty-one .. twenty-ninth, thirty-first: a tens word and a unit word of the table."""
    for t, tv in lex.tens.items():
        for u, uv in list(lex.daynum.items()):
            if uv < 10 and tv + uv <= 31:
                lex.daynum[f"{t} {u}"] = tv + uv
                if u in lex.cardinal:
                    lex.cardinal.add(f"{t} {u}")


def build_lexicon(rows: Sequence[Row]) -> Lexicon:
    """The tables of the rows of patterns/dates.jsonl (kinds checked by resources.TABLES)."""
    lex = Lexicon()
    for row in rows:
        _BUILDERS.get(str(row.get("kind")), _words)(lex, row)
    _compound_days(lex)
    for table, kind in ((lex.vague, "vague"), (lex.units, "unit"), (lex.quantity, "quantity"),
                        (lex.period_cue, "period_cue"), (lex.past_period, "past_period"),
                        (lex.future_head, "future_head"), (lex.future_adjective, "future_adjective"),
                        (lex.past_adjective, "past_adjective"), (lex.stative, "stative"),
                        (lex.ahead_alone, "ahead_alone"), (lex.comparing, "comparing"), (lex.year_cue, "year_cue")):
        table.update(w.lower() for w in lex.words.get(kind, ()))
    return lex
