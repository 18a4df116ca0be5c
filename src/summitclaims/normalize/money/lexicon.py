"""The money finder's vocabulary, read once from the rule tables: currencies (``currencies.jsonl``
over CLDR's ``currencies_cldr.jsonl``, merged in ``catalog``),
the words of amounts (``money_words.jsonl``), qualifiers (``money_qualifiers.jsonl``) and periods
(``money_periods.jsonl``).

Each table becomes lookups keyed the way the finder meets the words (folded, upper-case codes) and
the written forms in table order, which the grammars turn into alternations.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Sequence

from ... import resources
from ...text.folds import word_key as fold
from . import catalog

Row = dict[str, Any]

MINOR_FACTOR = 0.01       # cents, pence, fen: every minor unit in the tables is a hundredth
CODE_MILLIONS = 1e6       # "MUSD", "MEUR": an M before a code says millions


@dataclass(frozen=True)
class Unit:
    """What a currency word, symbol or code stands for."""
    iso: str | None
    factor: float = 1.0       # MINOR_FACTOR for cents/pence, CODE_MILLIONS for "MUSD"
    family: str | None = None  # a word several currencies share ("dlrs", "crowns"): iso is its default


@dataclass(frozen=True)
class Currencies:
    """Currency lookups, and their written forms (table order) for the grammar."""
    prefix: dict[str, Unit]        # folded symbol written before the number ("us$", "rs", "hk $")
    suffix: dict[str, Unit]        # folded symbol after it ("€", "円"), or a minor unit glued on ("p")
    codes: dict[str, Unit]         # upper-case code, and "M" + code for millions
    words: dict[str, Unit]         # folded name or minor-unit name ("euros", "taiwan dlrs", "cents")
    attached_not_after: dict[str, frozenset[Decimal]]   # "1080p": numbers that make "p" a resolution
    singular: frozenset[str]       # names a bare year may precede in another sense ("the 2025 euro area")
    prefix_symbols: tuple[str, ...]    # written exactly ("€", "US$", "Rs.")
    spaced_symbols: tuple[str, ...]    # may have a space before "$" ("HK $")
    suffix_symbols: tuple[str, ...]
    codes_upper: tuple[str, ...]       # "USD", "MUSD"
    codes_any: tuple[str, ...]         # lower-case forms of the codes matched in any case ("usd")
    names: tuple[str, ...]             # words and minor words, with wire forms ("dlrs")
    attached: tuple[str, ...]          # minor units only glued to the number ("12p")
    families: dict[str, catalog.Family]   # "crown" -> its default and members
    with_magnitude: frozenset[str]     # folded words money only after a magnitude ("44 billion mark")
    title_names: frozenset[str]        # unit words that, capitalised after a bare number, are names
    one: tuple[str, ...]               # names "a" counts as one of ("a dollar a share")


@dataclass(frozen=True)
class AmountWords:
    """Magnitudes, written numbers and the words around amounts."""
    magnitudes: dict[str, float]       # lower-case word -> factor ("bn" -> 1e9)
    full: tuple[str, ...]              # magnitude words, any case, spaced or glued ("billion")
    abbr: tuple[str, ...]              # abbreviations that may be spaced too ("bn", "mln")
    short: tuple[str, ...]             # letters only glued on, lower case ("5m")
    stops_grouping: tuple[str, ...]    # no space-grouped number right before these ("July 6 100 mln")
    numbers: dict[str, int]            # "twenty" -> 20
    fractions: dict[str, float]        # folded phrase -> value ("half a" -> 0.5)
    change: frozenset[str]             # "rose $1bn to $5bn": a change, not a range
    range_openers: tuple[str, ...]     # "between", "from"
    comparisons: tuple[str, ...]       # "from", "vs", "compared with"
    comparison_ends: tuple[str, ...]   # words that may follow a compared number
    event_nouns: frozenset[str]        # "the COP 29 talks": a code and a small number are a name
    compound_heads: frozenset[str]     # "3 Penny Stocks": a singular currency word is a modifier
    one_before: tuple[str, ...]        # "a dollar" is one dollar before these ("a dollar a share")
    commodity_units: tuple[str, ...]   # "13 dlrs a barrel": a world price, in US dollars
    change_verbs: frozenset[str]       # the change words that are verbs ("raised", not "up")


@dataclass(frozen=True)
class Periods:
    """The periods of an amount: "over five years", "a year", "a five-year ... programme"."""
    units: dict[str, str]              # lower-case unit word -> code template ("years" -> "P{n}Y")
    phrases: dict[str, str]            # folded phrase -> period ("per annum" -> "P1Y")
    hyphen_units: tuple[str, ...]      # units written "five-year" before the amount
    leads: tuple[str, ...]             # "over", "in the next"
    positions: tuple[str, ...]         # "next", "first"
    cancels: tuple[str, ...]           # "a year ago": not a period


@dataclass(frozen=True)
class Lexicon:
    """All the finder's vocabulary, one part per table."""
    currencies: Currencies
    words: AmountWords
    qualifiers: dict[str, str]         # folded phrase -> qualifier ("up to" -> "up_to")
    periods: Periods


# What a built lexicon is made of, the classes the cache may rebuild one from (``cache.table``),
# and the rule tables it is built from, which the cache keys it on
PARTS: tuple[type, ...] = (Lexicon, Currencies, Unit, AmountWords, Periods, catalog.Family, Decimal)
TABLES = ("currencies", "currencies_cldr", "money_words", "money_qualifiers", "money_periods")


def build() -> Lexicon:
    """The lexicon of the shipped tables."""
    hand, cldr, words, qualifiers, periods = (resources.load_patterns(name) for name in TABLES)
    return Lexicon(
        currencies=_currencies(catalog.build(hand, cldr)),
        words=_amount_words(words),
        qualifiers={fold(r["phrase"]): r["qualifier"] for r in qualifiers},
        periods=_periods(periods),
    )


# --- currencies ------------------------------------------------------------------------------------
def with_wire_forms(words: Sequence[str]) -> list[str]:
    """Each "... dollar(s)" name plus its wire-copy form "... dlr(s)" ("12 mln Taiwan dlrs")."""
    out = list(words)
    out += [w.replace("dollars", "dlrs").replace("dollar", "dlr") for w in words if "dollar" in w.lower()]
    return out


def _forms(rows: Sequence[Row], *keys: str) -> list[tuple[str, Row]]:
    """(form, row) for the forms under ``keys`` of each row, row by row, in table order."""
    return [(s, row) for row in rows for key in keys for s in row.get(key, ())]


def _unit(row: Row, factor: float = 1.0) -> Unit:
    return Unit(row.get("iso"), factor, row.get("family"))


def _currencies(cat: catalog.Catalog) -> Currencies:
    rows = cat.rows
    codes_upper = [c for row in rows for code in row.get("codes", ()) for c in (code.upper(), "M" + code.upper())]
    codes_any = [c for row in rows if row.get("codes_any_case")
                 for code in row.get("codes", ()) for c in (code.lower(), "m" + code.lower())]
    names = [w for row in rows for w in (*with_wire_forms(row.get("words", ())), *row.get("minor", ()))]
    return Currencies(
        prefix={fold(s): _unit(row) for s, row in _forms(rows, "prefix", "spaced")},
        suffix=_suffix_units(rows), codes=_code_units(rows), words=_name_units(rows),
        attached_not_after={fold(w): frozenset(Decimal(n) for n in row.get("attached_not_after", ()))
                            for w, row in _forms(rows, "minor_attached")},
        singular=frozenset(fold(w) for row in rows for w in with_wire_forms(row.get("singular", ()))),
        prefix_symbols=tuple(dict.fromkeys(s for s, _ in _forms(rows, "prefix"))),
        spaced_symbols=tuple(dict.fromkeys(s for s, _ in _forms(rows, "spaced"))),
        suffix_symbols=tuple(dict.fromkeys(s for s, _ in _forms(rows, "suffix"))),
        codes_upper=tuple(dict.fromkeys(codes_upper)), codes_any=tuple(dict.fromkeys(codes_any)),
        names=tuple(dict.fromkeys(names)),
        attached=tuple(s for s, _ in _forms(rows, "minor_attached")),
        families=cat.families,
        with_magnitude=frozenset(fold(w) for row in rows for w in row.get("with_magnitude", ())),
        title_names=cat.title_names,
        one=tuple(dict.fromkeys(w for row in rows for w in with_wire_forms(row.get("one", ())))),
    )


def _suffix_units(rows: Sequence[Row]) -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for row in rows:
        for s in row.get("suffix", ()):
            out[fold(s)] = _unit(row)
        for w in row.get("minor_attached", ()):
            out[fold(w)] = _unit(row, MINOR_FACTOR)
    return out


def _code_units(rows: Sequence[Row]) -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for row in rows:
        for c in row.get("codes", ()):
            out[c.upper()] = _unit(row)
            out["M" + c.upper()] = _unit(row, CODE_MILLIONS)
    return out


def _name_units(rows: Sequence[Row]) -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for row in rows:
        for w in with_wire_forms(row.get("words", ())):
            out[fold(w)] = _unit(row)
        for w in row.get("minor", ()):
            out[fold(w)] = _unit(row, MINOR_FACTOR)
    return out


# --- words of amounts ------------------------------------------------------------------------------
def _of_kind(rows: Iterable[Row], kind: str, key: str) -> tuple[str, ...]:
    return tuple(r[key] for r in rows if r.get("kind") == kind)


def _amount_words(rows: Sequence[Row]) -> AmountWords:
    mags = [r for r in rows if r.get("kind") == "magnitude"]
    return AmountWords(
        magnitudes={r["word"].lower(): float(r["factor"]) for r in mags},
        full=tuple(r["word"] for r in mags if not r.get("short") and not r.get("abbr")),
        abbr=tuple(r["word"] for r in mags if not r.get("short") and r.get("abbr")),
        short=tuple(r["word"] for r in mags if r.get("short")),
        stops_grouping=tuple(r["word"] for r in mags if r.get("stops_grouping")),
        numbers={r["word"].lower(): int(r["value"]) for r in rows if r.get("kind") == "number"},
        fractions={fold(r["phrase"]): float(r["value"]) for r in rows if r.get("kind") == "fraction"},
        change=frozenset(w.lower() for w in _of_kind(rows, "change", "word")),
        range_openers=_of_kind(rows, "range_opener", "word"),
        comparisons=_of_kind(rows, "comparison", "phrase"),
        comparison_ends=_of_kind(rows, "comparison_end", "word"),
        event_nouns=frozenset(w.lower() for w in _of_kind(rows, "event_noun", "word")),
        compound_heads=frozenset(w.lower() for w in _of_kind(rows, "compound_head", "word")),
        one_before=_of_kind(rows, "one_before", "phrase"),
        commodity_units=_of_kind(rows, "commodity_unit", "word"),
        change_verbs=frozenset(r["word"].lower() for r in rows if r.get("kind") == "change" and not r.get("not_verb")),
    )


# --- periods ---------------------------------------------------------------------------------------
def _periods(rows: Sequence[Row]) -> Periods:
    units = [r for r in rows if r.get("kind") == "unit"]
    return Periods(
        units={r["word"].lower(): r["code"] for r in units},
        phrases={fold(r["phrase"]): r["period"] for r in rows if r.get("kind") == "phrase"},
        hyphen_units=tuple(r["word"] for r in units if r.get("hyphen")),
        leads=_of_kind(rows, "lead", "phrase"),
        positions=_of_kind(rows, "position", "word"),
        cancels=_of_kind(rows, "cancel", "word"),
    )
