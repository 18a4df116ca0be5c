"""The first pass: actor candidates from the gazetteer's spans and the model's entities (trimmed,
looked up, relabelled, noise dropped), with bylines the model missed. The gazetteer wins an overlap,
except against a longer person name ("Michael Jordan" is not Jordan)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...text import names
from .cleaning import inside_name, is_noise, trim
from .context import ARTICLES, FULL_NAME, DocContext, Mention
from .gazetteer import GAZ_KEY, LABELS
from .places import after_place

BYLINE_WORDS = 4        # "Aliza Waqar": a byline name is this long at most
BYLINE_TITLE_AFTER = 4  # "Aliza Waqar, Marketing Writer": a title word within this many words after the comma
PARTICLE_RUN = 3        # "de la", "van der": particles come in runs this long at most
_BYLINE_MARKS = (",", "|", "-", "–")    # what follows a name that is a byline ("By Jane Doe | Reuters")
_LINE_START = re.compile(
    r"""
    (?:^|\n)          # the text's start or a newline (no re.M: each line start once)
    [ \t]*            # past the indentation
    (?=\S)            # to the line's first character
    """,
    re.VERBOSE,
)


def candidates(ctx: DocContext, raw_ents: list[Span]) -> list[Mention]:
    """Gazetteer mentions, then the model's entities and bylines that survive cleaning, each with
    a canonical name."""
    doc = ctx.doc
    taken = [False] * (len(doc) + 1)
    for e in raw_ents:
        for i in range(e.start, e.end):
            taken[i] = True
    gaz = _gazetteer_mentions(ctx, taken)
    model = [m for m in (_model_mention(ctx, e) for e in raw_ents) if m is not None]
    model = _merge_particles(doc, model) + _bylines(ctx, taken)
    out = list(gaz)
    for m in model:
        if _beats_gazetteer(m, gaz, out) and _resolve(ctx, m):
            out.append(m)
    return out


def _gazetteer_mentions(ctx: DocContext, taken: list[bool]) -> list[Mention]:
    """The gazetteer ruler's spans that are names here (not a common word capitalised only at a
    sentence start, not part of a longer name, not a case-blind match of lower-case words)."""
    gaz = []
    for s in filter_spans(list(ctx.doc.spans.get(GAZ_KEY, ()))):
        canon = s.id_ or s.text
        if canon in ctx.tables.ambiguous and s[0].is_sent_start and not any(taken[i] for i in range(s.start, s.end)):
            continue                                 # "Orange juice ...": capitalised only by position
        if s.label_ not in LABELS or inside_name(ctx, s.start, s.end):
            continue
        lead = next((t for t in s if names.fold(t.text) not in names.PARTICLES), s[0])
        if lead.text[:1].islower():
            continue                                 # case-blind match of a phrase: "large-scale AI"
        gaz.append(Mention(s.start, s.end, s.label_, canon, "gazetteer", alias_hit=True))
    return gaz


def _model_mention(ctx: DocContext, e: Span) -> Mention | None:
    """A model entity trimmed to its name, completed by a legal suffix the model left out, its
    title kept as a role; None if nothing is left."""
    doc = ctx.doc
    start, end, prefix = trim(ctx, e.start, e.end, e.label_)
    if start >= end:
        return None
    label = e.label_
    if end < len(doc) and doc[end].lower_ in ctx.tables.legal and doc[end].text[:1].isupper() \
            and not ctx.breaks(doc[end - 1]):
        end, label = end + 1, "ORG"               # "Wrather Corp": the model stopped short
    if label != "PERSON":
        person = _person_after_title(ctx, start, end)
        if person is not None:
            start, label, prefix = person[0], "PERSON", person[1]
    return Mention(start, end, label, None, "model", role=prefix)


def _person_after_title(ctx: DocContext, start: int, end: int) -> tuple[int, str] | None:
    """"National Security Adviser Brent Scowcroft" tagged ORG: (where the person starts, the title)."""
    doc = ctx.doc
    k = next((i for i in range(start + 1, end - FULL_NAME) if doc[i].lower_ in ctx.tables.titles), None)
    if k is None:
        return None
    tail = [t for t in doc[k + 1:end] if not t.is_space]
    if len(tail) >= FULL_NAME and all(t.is_title and t.is_alpha for t in tail):
        return tail[0].i, doc[start:k + 1].text
    return None


def _beats_gazetteer(m: Mention, gaz: list[Mention], out: list[Mention]) -> bool:
    """Whether a model mention stays beside the gazetteer's: a longer person name removes the
    gazetteer places and organisations inside it; otherwise the gazetteer's win and keep the
    title the model's span had."""
    over = [g for g in gaz if g.start < m.end and m.start < g.end]
    if not over:
        return True
    if m.label == "PERSON" and all(g.label != "PERSON" for g in over) and all(
        m.start <= g.start and g.end <= m.end for g in over
    ) and (m.end - m.start) > max(g.end - g.start for g in over):
        for g in over:                               # "Michael Jordan" is not Jordan
            out.remove(g)
        return True
    for g in over:                                   # keep a title stripped off by the ruler
        g.role = g.role or m.role
    return False


def _resolve(ctx: DocContext, m: Mention) -> bool:
    """Give a model mention its canonical name (a state, the gazetteer's, or its own cleaned);
    False if it is dropped."""
    text = ctx.doc[m.start:m.end].text
    state = ctx.tables.state(text)
    if state is not None:                            # "Calif", "N.Y.": a state, or nothing
        if state[1] or after_place(ctx.doc, m.start):
            m.canon, m.label, m.alias_hit = state[0], "GPE", True
            return True
        return False
    hit = ctx.tables.lookup(text)
    if hit:
        m.canon, m.label, m.alias_hit = hit[0], hit[1], True
    elif not _resolve_unknown(ctx, m, text):
        return False
    return bool(m.canon)


def _resolve_unknown(ctx: DocContext, m: Mention, text: str) -> bool:
    """A name the gazetteer does not know: relabelled by a cue, dropped if noise or a party member
    ("the Texas Democrat"), else named by its own text."""
    doc, t = ctx.doc, ctx.tables
    prev = doc[m.start - 1].lower_ if m.start else ""
    if m.label in ("PERSON", "GPE", "LOC", "NORP") and (
        prev in t.org_cues or (m.end - m.start > 1 and doc[m.end - 1].lower_ in t.org_suffixes)
    ):
        m.label = "ORG"                              # "software firm Qlik", "Sedio N.V."
    if is_noise(ctx, m) or inside_name(ctx, m.start, m.end):
        return False
    if m.label == "NORP" and names.fold(text) in t.members and m.start and (
        doc[m.start - 1].lower_ in ARTICLES or doc[m.start - 1].ent_type_ in ("GPE", "LOC")
    ):
        return False                                 # "the Texas Democrat", "a Republican": a person
    m.canon = _own_name(ctx, m, text)
    return True


def _own_name(ctx: DocContext, m: Mention, text: str) -> str:
    """The canonical name of a mention from its text; a nationality before a state noun is the
    country ("the French government")."""
    if m.label == "NORP":
        nxt = ctx.doc[m.end].lower_ if m.end < len(ctx.doc) else ""
        country = ctx.tables.demonyms.get(names.fold(text))
        if country and nxt in ctx.tables.state_nouns:
            m.label = "GPE"
            return country
        return names.clean_surface(text)
    if m.label == "PERSON":
        return names.canonical_person(text)
    return names.clean_surface(text)


def _merge_particles(doc: Doc, model: list[Mention]) -> list[Mention]:
    """"Ursula von" + "Leyen": a person ending in a particle takes the capitalised surname after it."""
    out: list[Mention] = []
    for m in model:
        if out and m.start < out[-1].end:
            continue
        if m.label == "PERSON" and names.fold(doc[m.end - 1].text) in names.PARTICLES:
            j = m.end
            while j < len(doc) and j - m.end < PARTICLE_RUN and names.fold(doc[j].text) in names.PARTICLES:
                j += 1
            if j < len(doc) and doc[j].is_alpha and doc[j].text[:1].isupper() \
                    and "\n" not in doc[j - 1].whitespace_:
                m.end = j + 1
        out.append(m)
    return out


def _bylines(ctx: DocContext, taken: list[bool]) -> list[Mention]:
    """A line opening "Aliza Waqar, Marketing Writer" or "By Jane Doe": a person the model often misses."""
    out = []
    for match in _LINE_START.finditer(ctx.text):     # only line starts, not every token
        span = ctx.doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is None or not len(span):
            continue
        m = _byline_at(ctx, span.start, taken)
        if m is not None:
            out.append(m)
    return out


def _byline_at(ctx: DocContext, i: int, taken: list[bool]) -> Mention | None:
    """The byline name at token ``i``, a line's first token; None if it is not one."""
    doc, titles = ctx.doc, ctx.tables.titles
    tok = doc[i]
    if taken[i] or tok.is_space:
        return None
    j = i + 1 if tok.lower_ == "by" else i
    k = j
    while k < len(doc) and k - j < BYLINE_WORDS and doc[k].is_title and doc[k].is_alpha and not taken[k]:
        k += 1
    if k - j < FULL_NAME or k >= len(doc):
        return None
    if j == i:                                       # no "By": a title must follow the comma
        after = [t.lower_ for t in doc[k + 1:k + 1 + BYLINE_TITLE_AFTER]] if doc[k].text == "," else []
        if not any(w in titles for w in after):
            return None
    elif "\n" not in doc[k - 1].whitespace_ and doc[k].text not in _BYLINE_MARKS:
        return None
    if all(t.lower_ not in titles for t in doc[j:k]):
        return Mention(j, k, "PERSON", None, "model")
    return None
