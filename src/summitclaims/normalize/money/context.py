"""The currency of a word several currencies share ("dlrs", "crowns", "riyals", "francs"), from
where the story is.

In order, the first that names one member of the word's family (``catalog.Family``) decides:

1. the amount itself: a member written out earlier in its sentence ("5 billion Norwegian crowns and
   3 billion crowns"), the member in brackets right after it ("$160 million (U.S.)"), or a world
   commodity price, quoted in US dollars everywhere ("13 dlrs a barrel", "96 dlrs per tonne");
2. a member written out for an earlier amount of the story: a story that gives "1.23 billion U.S.
   dlrs" goes on in "dlrs", whatever its dateline;
3. the dateline's country ("WELLINGTON, March 3 - ... a 1.3 billion dlr deficit" is NZD; "SYDNEY"
   alone is Australia, "BIRMINGHAM, Ala." the U.S.);
4. the amount's sentence: a currency's adjective or a country's name in it, nearest first before
   the amount, then after ("LONDON - Norway's Statoil will invest 1.5 billion crowns"); after the
   dateline, since a foreign firm in a Washington story ("a New Zealand firm ... paid 13.1 mln
   dlrs" in an SEC filing) does not make its dollars foreign;
5. a member written out for a later amount, or named before without an amount ("the Norwegian
   crown fell ... 10 billion crowns"), or, for a word with no usual currency, the nearest country
   or adjective earlier in the story that has a member ("NEW YORK - Moody's reviews Swedish
   Gotabanken ... 2.2 billion crowns"; a Bombay story's far mention of Hong Kong does not make its
   dollars Hong Kong's);
6. the family's default (USD for dollars, GBP for pounds), or no currency (crowns, pesos, dinars).

A country counts through the currencies that were its legal tender on the publication date (France
in 1987: francs are FRF), from CLDR. ``currency_source`` tells which kind of evidence decided:
``written`` (the amount names its currency), ``context`` (1-5) or ``default`` (6).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from ... import cache, resources
from ...text.folds import word_key as fold
from ...text.newswire import AGENCY_DATELINE, CITY_DATELINE, DATELINE_LINE, DATELINE_WINDOW
from .catalog import Family
from .fragments import alt
from .hits import Hit
from .lexicon import Currencies, Unit

WRITTEN_REACH = 600       # characters back (or on) a written member of the family still counts
SENTENCE_REACH = 400      # characters searched back (and half as far on) for the amount's sentence
# where a sentence ends: a full stop, "?" or "!" (maybe a closing quote) before a capital, or a blank line
_SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019]?\s+(?=["'\u201c\u2018]?[A-Z])|\n[ \t]*\n""")

_BRACKET_END = re.compile(r"\s*\([^)]*\)\s*$")
WRITTEN, CONTEXT, DEFAULT = "written", "context", "default"


@dataclass(frozen=True)
class Places:
    """Where a story may say it is, and which currencies each place had."""
    tender: dict[str, tuple[tuple[str, dt.date | None, dt.date | None], ...]]   # country -> spans
    spans_of: dict[str, tuple[tuple[dt.date | None, dt.date | None], ...]]   # currency -> when legal tender
    country_of: dict[str, str]         # folded country name -> ISO 3166 code ("norway" -> "NO")
    currency_of: dict[str, frozenset[str]]   # folded currency adjective -> ISO 4217 ("norwegian")
    city_country: dict[str, str]       # folded dateline city -> country
    us_states: frozenset[str]          # folded state names and abbreviations
    cues: re.Pattern[str]              # any country name or currency adjective as words


@lru_cache(maxsize=1)
def places() -> Places:
    """The places of the shipped tables, read on the first amount that needs them; what they are
    derived into kept between runs (``cache.table``: a fiftieth of a one-article run), the cue
    pattern compiled from its kept source."""
    (tender, spans_of, country_of, currency_of, cities, states), cues = cache.table(
        "money_places", _places, [resources.table_file(n) for n in PLACE_TABLES], classes=(dt.date,))
    return Places(tender, spans_of, country_of, currency_of, cities, states, cache.regex(cues, re.X))


PLACE_TABLES = ("currencies_cldr", "dateline_cities", "actor_us_states")   # what places() is built from


def _places() -> tuple[tuple[Any, ...], str]:
    """The fields of ``Places`` but the last, and the source of its cue pattern."""
    cldr, city_rows, state_rows = (resources.load_patterns(name) for name in PLACE_TABLES)
    tender: dict[str, tuple[tuple[str, dt.date | None, dt.date | None], ...]] = {}
    country_of: dict[str, str] = {}
    for t in cldr:
        if t.get("kind") != "territory":
            continue
        tender[t["country"]] = tuple((iso, _day(a), _day(b)) for iso, a, b in t["currencies"])
        for name in (t["name"], *t.get("names", ())):
            country_of.setdefault(fold(name), t["country"])
    currency_of: dict[str, set[str]] = {}
    for r in cldr:
        words = _base(r["name"]).split() if r.get("kind") == "currency" else []
        if len(words) >= 2 and r.get("active"):
            currency_of.setdefault(fold(" ".join(words[:-1])), set()).add(r["iso"])
    cities = {fold(c): row["country"] for row in city_rows for c in row["cities"]}
    states = frozenset(fold(w) for row in state_rows
                       for w in (row["state"], *row["abbr"]))
    # "Norway" and "Norway's" and "Norwegian", as words; the cue words' case as written
    forms = [*(t["name"] for t in cldr if t.get("kind") == "territory"),
             *(n for t in cldr if t.get("kind") == "territory" for n in t.get("names", ())),
             *(" ".join(_base(r["name"]).split()[:-1]) for r in cldr
               if r.get("kind") == "currency" and r.get("active") and len(_base(r["name"]).split()) >= 2)]
    # "US" is also written "U.S."
    forms += [".".join(f) + "." for f in forms if f.isupper() and f.isalpha() and len(f) <= 3]
    cues = rf"(?<![\w.]){alt(forms)}(?![\w])"
    spans: dict[str, list[tuple[dt.date | None, dt.date | None]]] = {}
    for country_spans in tender.values():
        for iso, a, b in country_spans:
            spans.setdefault(iso, []).append((a, b))
    spans_of = {iso: tuple(v) for iso, v in spans.items()}
    return (tender, spans_of, country_of, {k: frozenset(v) for k, v in currency_of.items()}, cities, states), cues


def _base(name: str) -> str:
    """A currency name without a bracket after it ("US dollar (next day)" -> "US dollar")."""
    return _BRACKET_END.sub("", name)


def _day(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def resolve(text: str, hits: Sequence[Hit], c: Currencies, published: dt.date | None,
            commodity_units: tuple[str, ...] = ()) -> None:
    """Give each hit of a family word the currency the story points to, and every hit its
    ``source``; in place. Linear in the text: every look is bounded (the amount's sentence, a
    reach of characters back or on), and the story's cue words are found once."""
    story: str | None | bool = False          # the dateline's country, looked up once
    written = [h.unit.iso if h.unit.family is None else None for h in hits]
    local_symbol = _writes_local_symbol(text, hits, written)
    cues: _Cues | None = None
    for i, h in enumerate(hits):
        fam = c.families.get(h.unit.family) if h.unit.family else None
        if fam is None:
            h.source = WRITTEN if h.unit.iso else None
            continue
        p = places()
        if fam.by_date:
            iso = _tender_on(fam, p, published) or fam.default
            h.unit, h.source = Unit(iso, h.unit.factor), WRITTEN if iso else None
            continue
        start, stop = _sentence_bounds(text, h)
        if _a_conversion(text, hits, i) or (local_symbol and "$" in text[h.start:h.end]):
            # "HK$10 billion ($1.28 billion)", "($1 = 7.75 Hong Kong dollars)"; a story that
            # writes "A$" for its local dollars means the US dollar by a bare "$"
            iso = fam.default
        else:
            iso = (_bracketed_after(text, h, fam, p, published) or _world_price(text, h, fam, commodity_units)
                   or _written_before(hits, written, i, fam, start))
        if iso is None:
            if story is False:
                story = dateline_country(text, p)
            if isinstance(story, str):
                iso = _one(_members_in(story, fam, p, published))
        if iso is None:
            if cues is None:
                cues = _Cues(text, p)
            # a country in the sentence or earlier in the story decides only a word with no usual
            # currency: "Liberia received $5 million from the World Bank" is in US dollars
            by_country = fam.default is None
            iso = ((_sentence_cue(cues, h, start, stop, fam, p, published) if by_country else None)
                   or _written_after(hits, written, i, fam) or _named_before(text, cues, h.start, fam, c)
                   or (_story_cue(cues, h.start, fam, p, published) if by_country else None))
        if iso is not None:
            h.unit, h.source = Unit(iso, h.unit.factor), CONTEXT
        else:
            h.source = DEFAULT if fam.default else None


def _a_conversion(text: str, hits: Sequence[Hit], i: int) -> bool:
    """The amount opens brackets right after another amount ("HK$10 billion ($1.28 billion)") or
    an exchange-rate note ("($1 = 7.7530 Hong Kong dollars)")."""
    h = hits[i]
    before = text[max(0, h.start - 3):h.start].rstrip(" \t")
    if not before.endswith("("):
        return False
    if text[h.end:h.end + 4].lstrip(" \t").startswith("="):
        return True
    return i > 0 and 0 <= h.start - hits[i - 1].end <= 4


def _writes_local_symbol(text: str, hits: Sequence[Hit], written: Sequence[str | None]) -> bool:
    """The story writes a dollar other than the US one with its own symbol ("A$", "HK$", "C$")."""
    return any(iso and iso != "USD" and "$" in text[h.start:h.end] for h, iso in zip(hits, written))


def _in_force(start: dt.date | None, end: dt.date | None, day: dt.date | None) -> bool:
    """A span of legal tender covers ``day`` (``None``: today, so the span must be open)."""
    if day is None:
        return end is None
    return (start is None or start <= day) and (end is None or day <= end)


def _members_in(country: str, fam: Family, p: Places, day: dt.date | None) -> set[str]:
    """The family's currencies that were legal tender in ``country`` on ``day`` (today if None)."""
    return {iso for iso, start, end in p.tender.get(country, ()) if iso in fam.members and _in_force(start, end, day)}


def _tender_on(fam: Family, p: Places, day: dt.date | None) -> str | None:
    """The member that was legal tender somewhere on ``day`` ("Turkish lira" in 1987: TRL)."""
    if day is None:
        return None
    return _one({iso for iso in fam.members if any(_in_force(a, b, day) for a, b in p.spans_of.get(iso, ()))})


def _one(isos: set[str]) -> str | None:
    return next(iter(isos)) if len(isos) == 1 else None


def _sentence_bounds(text: str, h: Hit) -> tuple[int, int]:
    """Where the amount's sentence begins and ends, looking a bounded way each side."""
    lo = max(0, h.start - SENTENCE_REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, h.start)]
    start = ends[-1] if ends else lo
    nxt = _SENTENCE_END.search(text, h.end, h.end + SENTENCE_REACH // 2)
    return start, (nxt.start() + 1 if nxt else min(len(text), h.end + SENTENCE_REACH // 2))


class _Cues:
    """The story's cue words, found once, and where each starts (for bisecting)."""

    def __init__(self, text: str, p: Places) -> None:
        self.found = list(p.cues.finditer(text))
        self.starts = [m.start() for m in self.found]


def _in(cues: _Cues, lo: int, hi: int) -> list[re.Match[str]]:
    """The cue matches inside [lo, hi)."""
    a, b = bisect.bisect_left(cues.starts, lo), bisect.bisect_left(cues.starts, hi)
    return cues.found[a:b]


def _sentence_cue(cues: _Cues, h: Hit, start: int, stop: int, fam: Family, p: Places,
                  day: dt.date | None) -> str | None:
    """The member a cue of the amount's sentence names: the nearest before it, else after."""
    for m in [*reversed(_in(cues, start, h.start)), *_in(cues, h.end, stop)]:
        iso = _cue_member(m.group(), fam, p, day)
        if iso is not None:
            return iso
    return None


def _cue_member(cue: str, fam: Family, p: Places, day: dt.date | None) -> str | None:
    key = fold(cue.replace(".", ""))             # "U.S." as "US"
    if key in p.currency_of:
        iso = _one(set(p.currency_of[key]) & fam.members)
        if iso is not None:
            return iso
    country = p.country_of.get(key)
    return _one(_members_in(country, fam, p, day)) if country else None


def dateline_country(text: str, p: Places | None = None) -> str | None:
    """The country of the story's newswire dateline, if it has one and the place is known."""
    p = p or places()
    m = CITY_DATELINE.search(text, 0, DATELINE_WINDOW) or AGENCY_DATELINE.search(text, 0, DATELINE_WINDOW)
    if m is not None:
        city, region = fold(m.group(1)), fold(m.group(2) or "")
    else:
        m = DATELINE_LINE.search(text, 0, DATELINE_WINDOW)      # "Toronto, April 6 -"
        if m is None:
            return None
        city, region = fold(m.group("place")), fold(m.group("region") or "")
    if region:
        if region in p.country_of:
            return p.country_of[region]          # "TIGNES, France"
        if region in p.us_states or region + "." in p.us_states:     # "Fla." is also written "Fla"
            return "US"                          # "BIRMINGHAM, Ala."
        # a province or state of elsewhere ("VANCOUVER, B.C."): the city tells
    return p.city_country.get(city) or p.country_of.get(city)


_NEXT_WORD = re.compile(r"[ \t]*\n?[ \t]*([^\W\d_]+)")
NAMED_REACH = 5000        # characters searched back for "the Norwegian crown" named without an amount ...
NAMED_CUES = 20           # ... among the nearest this many cue words, so a cue-dense text stays cheap


def _named_before(text: str, cues: _Cues, end: int, fam: Family, c: Currencies) -> str | None:
    """A member named earlier with its adjective or country ("the Norwegian kroner fell"), the
    nearest first."""
    for m in reversed(_in(cues, max(0, end - NAMED_REACH), end)[-NAMED_CUES:]):
        w = _NEXT_WORD.match(text, m.end())
        unit = c.words.get(fold(f"{m.group()} {w.group(1)}")) if w else None
        if unit is not None and unit.family is None and unit.iso in fam.members:
            return unit.iso
    return None


def _story_cue(cues: _Cues, end: int, fam: Family, p: Places, day: dt.date | None) -> str | None:
    """The nearest country or currency adjective before the amount, in the story's last few
    thousand characters, that names a member ("NEW YORK - Moody's reviews Swedish Gotabanken ...
    its 2.2 billion crowns of debt")."""
    for m in reversed(_in(cues, max(0, end - NAMED_REACH), end)[-NAMED_CUES:]):
        iso = _cue_member(m.group(), fam, p, day)
        if iso is not None:
            return iso
    return None


def _written_before(hits: Sequence[Hit], written: Sequence[str | None], i: int, fam: Family,
                    sentence_start: int) -> str | None:
    """A member written out shortly before: earlier in the sentence ("5 billion Norwegian crowns
    and 3 billion crowns"), or for a sum with a magnitude in the last few hundred characters (a
    story that gives "1.23 billion U.S. dlrs" goes on in "dlrs", even under an Ottawa dateline).
    A written unit price further back is often an exchange rate ("0.6820 U.S. dlrs") and says
    nothing of the story's other amounts."""
    for j in range(i - 1, -1, -1):
        if hits[i].start - hits[j].end > WRITTEN_REACH:
            break
        if written[j] in fam.members and (hits[j].start >= sentence_start or _a_sum(hits[j])):
            return written[j]
    return None


def _written_after(hits: Sequence[Hit], written: Sequence[str | None], i: int, fam: Family) -> str | None:
    """A member written out for a sum shortly after."""
    for j in range(i + 1, len(hits)):
        if hits[j].start - hits[i].end > WRITTEN_REACH:
            break
        if written[j] in fam.members and _a_sum(hits[j]):
            return written[j]
    return None


def _a_sum(h: Hit) -> bool:
    return h.factor is not None or h.low is not None


_BRACKET = re.compile(r"[ \t]*\n?[ \t]*\((?P<cue>[A-Z][A-Za-z. ]{0,24}?)\.?[ \t]*(?:dlrs?|dollars?)?\)")


def _bracketed_after(text: str, h: Hit, fam: Family, p: Places, day: dt.date | None) -> str | None:
    """ "$160 million (U.S.)", "50 mln dlrs (Canadian)": the member named in brackets right after."""
    m = _BRACKET.match(text, h.end)
    return _cue_member(m.group("cue"), fam, p, day) if m else None


@lru_cache(maxsize=4)
def _world_price_after(units: tuple[str, ...]) -> re.Pattern[str]:
    """ "a barrel", "per tonne", "/oz" after an amount."""
    return cache.regex(rf"""[ \t]*\n?[ \t]*(?:a|an|per|/)[ \t]*\n?[ \t]*(?i:{alt(units)})s?\b""", re.X | re.I)


def _world_price(text: str, h: Hit, fam: Family, units: tuple[str, ...]) -> str | None:
    """ "13 dlrs a barrel", "96.00 dlrs per tonne": world commodity prices are quoted in US dollars."""
    if "USD" in fam.members and _world_price_after(units).match(text, h.end):
        return "USD"
    return None
