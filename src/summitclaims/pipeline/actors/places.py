"""Newswire places: the city and state of a dateline near the top ("SANTA CRUZ, Calif., Feb 26 -"),
and a U.S. state abbreviation after a city ("Elkhart, Ind.")."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ...text import names
from ...text.newswire import AGENCY_DATELINE, CITY_DATELINE, DATELINE_WINDOW
from .context import DocContext, Mention

_CAPITAL_DISTRICT = "District of Columbia"   # after a city it names the city ("Washington, D.C."), no state


def after_place(doc: Doc, i: int) -> bool:
    """"Elkhart, Ind.": a comma right after a capitalised word."""
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].text[:1].isupper() and doc[i - 2].is_alpha


def datelines(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """The city (and state) of a newswire dateline near the top: always a place, whatever the
    model said, named in its usual case ("Santa Cruz"); they replace what overlaps them."""
    m = CITY_DATELINE.search(ctx.text, 0, DATELINE_WINDOW) or AGENCY_DATELINE.search(ctx.text, 0, DATELINE_WINDOW)
    if m is None:
        return mentions
    found = [f for f in (_city(ctx, m), _state(ctx, m)) if f is not None]
    if not found:
        return mentions
    if len(found) == 2 and found[1].canon == _CAPITAL_DISTRICT:
        city, _ = found                              # "WASHINGTON, D.C.": one place, the city
        found = [Mention(city.start, found[1].end, "GPE", f"{city.canon}, D.C.", "dateline", alias_hit=True)]
    kept = []
    for x in mentions:
        if any(x.start < f.end and f.start < x.end for f in found):
            ctx.drop(x.start, x.end, x.label, "dateline-place")
        else:
            kept.append(x)
    return kept + found


def _city(ctx: DocContext, m: re.Match[str]) -> Mention | None:
    """The dateline's city: the gazetteer's place of that name, else the name in title case."""
    city = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if city is None or not len(city) or names.fold(city.text) in ctx.tables.alone:
        return None
    hit = ctx.tables.lookup(city.text)
    canon = hit[0] if hit and hit[1] in ("GPE", "LOC") else names.title_case(city.text)
    return Mention(city.start, city.end, "GPE", canon, "dateline", alias_hit=True)


def _state(ctx: DocContext, m: re.Match[str]) -> Mention | None:
    """The dateline's state abbreviation as the state, if it is one."""
    if not m.group(2):
        return None
    st = ctx.doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
    state = ctx.tables.state(m.group(2))
    if st is None or state is None:
        return None
    return Mention(st.start, st.end, "GPE", state[0], "dateline", alias_hit=True)
