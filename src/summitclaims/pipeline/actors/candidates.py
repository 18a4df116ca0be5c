"""The first pass: actor candidates from the gazetteer's spans and the model's entities (trimmed,
looked up, relabelled, noise dropped), with bylines the model missed. The gazetteer wins an overlap,
except against a longer person name ("Michael Jordan" is not Jordan)."""
from __future__ import annotations

import re

from spacy.tokens import Span
from spacy.util import filter_spans

from ...text import names, people_names
from .cleaning import inside_name, is_join, nationality_word, noise_reason, trim
from .context import ARTICLES, FULL_NAME, DocContext, Mention
from .gazetteer import GAZ_KEY, LABELS
from .places import after_place

BYLINE_WORDS = 4        # "Aliza Waqar": a byline name is this long at most
BYLINE_TITLE_AFTER = 4  # "Aliza Waqar, Marketing Writer": a title word within this many words after the comma
PARTICLE_RUN = 3        # "de la", "van der": particles come in runs this long at most
_APOSTROPHE_SURNAME = re.compile(r"^[A-Z][’'][A-Z][a-z]+$")   # "O’Farrell", "D'Alema"
_POSSESSIVES = frozenset(("'s", "’s"))   # "Department of Homeland Security's U.S. Customs": two names
_LIST_WORDS = frozenset(("and", "or", ",", "/"))   # a span with these around a name lists names ("&" is in names)
_LIST_PART = 2          # words each side of a comma that make an organisation span a list of two
_BYLINE_MARKS = (",", "|", "-", "–")    # what follows a name that is a byline ("By Jane Doe | Reuters")
_LINE_START = re.compile(
    r"""
    (?:^|\n)          # the text's start or a newline (no re.M: each line start once)
    [ \t]*            # past the indentation
    (?=\S)            # to the line's first character
    """,
    re.VERBOSE,
)


def model_entities(ctx: DocContext) -> list[Span]:
    """The model's entities of the actor labels, and its facilities named as institutions ("the
    Gulf Cartel", "the Federal Police" tagged FAC) as organisations."""
    heads = ctx.tables.org_heads
    out = []
    for e in ctx.doc.ents:
        if e.label_ in LABELS:
            out.append(e)
        elif e.label_ == "FAC" and len(e) > 1 and e[-1].lower_ in heads and e[-1].is_title:
            out.append(Span(ctx.doc, e.start, e.end, label="ORG"))
    return out


def candidates(ctx: DocContext, raw_ents: list[Span]) -> list[Mention]:
    """Gazetteer mentions, then the model's entities and bylines that survive cleaning, each with
    a canonical name."""
    doc = ctx.doc
    taken = [False] * (len(doc) + 1)
    for e in raw_ents:
        for i in range(e.start, e.end):
            taken[i] = True
    gaz = _gazetteer_mentions(ctx, taken)
    parts = [p for e in raw_ents for p in _split_at_joins(ctx, e)]
    model = [m for m in (_model_mention(ctx, e) for e in parts) if m is not None]
    model = _merge_particles(ctx, model) + _bylines(ctx, taken)
    out = list(gaz)
    for m in model:
        _place(ctx, m, gaz, out)
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


def _split_at_joins(ctx: DocContext, e: Span) -> list[Span]:
    """The names of a model span run across a join ("West Indies - Sherwin Campbell", "Doug
    Ives/Canadian Press"). The model's one label fits one of them at most: a part shaped like a
    person's name (a first name, then one or two capitalised words) is a person, the other parts of a
    person's span an organisation (the credit's agency), else the model's label (the gazetteer may
    still give a part its own)."""
    doc = ctx.doc
    owner = next((i for i in range(e.start + 1, e.end - 1)
                  if doc[i].lower_ in _POSSESSIVES and doc[i + 1].text[:1].isupper()), None)
    if owner is not None and names.fold(doc[e.start:owner].text) not in ctx.tables.noise_words:
        # the owner's name, then the name it owns (not "AI's Global Impact": no owner, a phrase)
        return [Span(doc, e.start, owner, label=e.label_),
                *_split_at_joins(ctx, Span(doc, owner + 1, e.end, label=e.label_))]
    cut = _company_cut(ctx, e) if e.label_ == "ORG" else None
    if cut is not None:
        return [*_split_at_joins(ctx, Span(doc, e.start, cut[0], label=e.label_)),
                *_split_at_joins(ctx, Span(doc, cut[1], e.end, label=e.label_))]
    cuts = [i for i in range(e.start + 1, e.end - 1) if is_join(doc, i)]
    if not cuts:
        return [e]
    bounds = [e.start, *cuts, e.end]
    parts = []
    for a, b in zip(bounds, bounds[1:]):
        a += a != e.start
        if a >= b:
            continue
        words = ctx.doc[a:b]
        person = FULL_NAME <= len(words) <= FULL_NAME + 1 and all(w.is_title and w.is_alpha for w in words) \
            and people_names.is_given_name(words[0].text)
        label = "PERSON" if person else ("ORG" if e.label_ == "PERSON" else e.label_)
        ctx.relabelled(a, b, e.label_, label, "split-at-join:person-shape" if person else "split-at-join:credit-agency")
        parts.append(Span(ctx.doc, a, b, label=label))
    return parts


def _company_cut(ctx: DocContext, e: Span) -> tuple[int, int] | None:
    """Where an organisation span holds two names: (end of the first, start of the second). A
    company and its country after its legal form ("Elkem A/S of Norway", unless a legal form ends
    the whole: "Ford Motor Co of Canada Ltd"), or two names of two words
    or more listed with a comma ("Gemstar-TV Guide International, Lucent Technologies Inc"; not
    "Goldman, Sachs & Co" or "Vivendi Universal, S.A.")."""
    doc, legal = ctx.doc, ctx.tables.legal
    for i in range(e.start + 1, e.end - 1):
        tok = doc[i]
        if tok.lower_ == "of":
            before = doc[e.start:i].text
            if names.legal_base(before) != before and doc[e.end - 1].lower_ not in legal:
                return i, i + 1              # (not "Ford Motor Co of Canada Ltd": one name, a subsidiary's)
        elif tok.text == "," and doc[i + 1].lower_.rstrip(".") not in legal and doc[i + 1].lower_ not in legal:
            left = [w for w in doc[e.start:i] if w.is_alpha and w.lower_ not in legal]
            right = [w for w in doc[i + 1:e.end] if w.is_alpha and w.lower_ not in legal]
            if len(left) >= _LIST_PART and len(right) >= _LIST_PART and doc[i + 1].text[:1].isupper():
                return i, i + 1
    return None


def _model_mention(ctx: DocContext, e: Span) -> Mention | None:
    """A model entity trimmed to its name, completed by a legal suffix the model left out, its
    title kept as a role; None if nothing is left."""
    doc = ctx.doc
    start, end, prefix = trim(ctx, e.start, e.end, e.label_)
    if start >= end:
        ctx.drop(e.start, e.end, e.label_, "trim:nothing-left")
        return None
    if e.label_ == "PERSON" and end < len(doc) and _APOSTROPHE_SURNAME.match(doc[end].text) \
            and not ctx.breaks(doc[end - 1]):
        end += 1                                     # "Barry O’Farrell": the model stopped at the apostrophe
    m = Mention(start, end, e.label_, None, "model", role=prefix)
    legal = ctx.tables.legal
    if end < len(doc) and (doc[end].lower_ in legal or doc[end].lower_ in ctx.tables.org_suffixes) \
            and doc[end].text[:1].isupper() and not ctx.breaks(doc[end - 1]):
        m.end += 1                                   # "Wrather Corp", "Commercial Security Bancorp": stopped short
        ctx.relabel(m, "ORG", "legal-suffix-after")
    elif end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in legal \
            and doc[end + 1].text[:1].isupper() and not ctx.breaks(doc[end]):
        m.end += 2                                   # "Vivendi Universal, S.A.": a company, not a person
        ctx.relabel(m, "ORG", "legal-suffix-after")
    if m.label != "PERSON":
        person = _person_after_title(ctx, start, end)
        if person is not None:
            m.start, m.role = person
            ctx.relabel(m, "PERSON", "person-after-title")
    return m


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


def _place(ctx: DocContext, m: Mention, gaz: list[Mention], out: list[Mention]) -> None:
    """Add the model mention ``m`` beside the gazetteer's: where they overlap, the longer name in the
    text wins if it is a name at all ("Florida Supreme Court" is not Florida, "John Vance Langmore" not
    JD Vance), else the gazetteer's mention stays and keeps the title the model's span had."""
    over = [g for g in gaz if g.start < m.end and m.start < g.end and g in out]
    if not over:
        if _resolve(ctx, m):
            out.append(m)
        return
    if _longer_name(ctx, m, over):
        if _resolve(ctx, m):                         # a name, not noise: it replaces what it contains
            for g in over:
                out.remove(g)
                ctx.drop(g.start, g.end, g.label, "gazetteer:inside-longer-name")
            out.append(m)
        return
    for g in over:                                   # keep a title stripped off by the ruler
        g.role = g.role or m.role
    ctx.drop(m.start, m.end, m.label, "gazetteer:wins-overlap")


def _longer_name(ctx: DocContext, m: Mention, over: list[Mention]) -> bool:
    """The model's span is a longer name around the gazetteer's: a person's name around places and
    organisations ("Michael Jordan"), a one-word person ("John Vance Langmore"), or an
    organisation or place around one name, not by title or list words alone ("University of New
    Mexico", "AC Milan"; not "Google DeepMind CEO", "Britain and France")."""
    if not all(m.start <= g.start and g.end <= m.end for g in over) \
            or m.end - m.start <= max(g.end - g.start for g in over):
        return False
    if m.label == "PERSON":
        return all(g.label != "PERSON" or g.end - g.start == 1 for g in over)
    doc, t = ctx.doc, ctx.tables
    own = [w for w in doc[m.start:m.end] if not any(g.start <= w.i < g.end for g in over)]
    if m.label == "ORG" and doc[m.end - 1].lower_ in t.legal and doc[m.end - 1].text[:1].isupper() \
            and not any(w.lower_ in _LIST_WORDS for w in own) \
            and any(w.is_title and w.lower_ not in t.legal and w.lower_ not in t.titles for w in own):
        return True                                  # "Ford Motor Co of Canada Ltd": a company by its form
    if len(over) > 1:
        return False
    g = over[0]
    span = doc[m.start:m.end]
    rest = [w for w in span if not g.start <= w.i < g.end]
    if all(r.lower_ in t.titles or r.lower_ in t.legal or r.is_punct for r in rest) or any(
        r.lower_ in _LIST_WORDS and not (r.i + 1 < m.end and ctx.doc[r.i + 1].lower_ in t.legal) for r in rest
    ):                                               # (", S.A.": a legal form, not a list)
        return False
    # "Initial EU funding ...": a capital only by position is no evidence, unless the name recurs
    return not (span[0].is_sent_start and rest[0].i == m.start and ctx.text.count(span.text) < 2)


def _resolve(ctx: DocContext, m: Mention) -> bool:
    """Give a model mention its canonical name (a state, the gazetteer's, or its own cleaned);
    False if it is dropped."""
    text = ctx.doc[m.start:m.end].text
    state = ctx.tables.state(text)
    if state is not None:                            # "Calif", "N.Y.": a state, or nothing
        if state[1] or after_place(ctx.doc, m.start):
            ctx.relabel(m, "GPE", "state-abbreviation")
            m.canon, m.alias_hit = state[0], True
            return True
        ctx.drop(m.start, m.end, m.label, "state-abbreviation:not-after-place")
        return False
    hit = ctx.tables.lookup(text)
    if not hit and m.end - m.start > 1 and ctx.doc[m.end - 1].lower_ == "government":
        before = ctx.doc[m.start:m.end - 1].text
        country = ctx.tables.lookup(before)
        demonym = ctx.tables.demonyms.get(names.fold(before))
        if country and country[1] == "GPE":          # "the U.S. Government": the country
            m.end -= 1
            hit = country
        elif demonym:                                # "the French Government": France
            hit = (demonym, "GPE", False)
    if hit:
        ctx.relabel(m, hit[1], "gazetteer:label")
        m.canon, m.alias_hit = hit[0], True
    elif not _resolve_unknown(ctx, m, text):
        return False
    if not m.canon:
        ctx.drop(m.start, m.end, m.label, "no-name")
    return bool(m.canon)


def _resolve_unknown(ctx: DocContext, m: Mention, text: str) -> bool:
    """A name the gazetteer does not know: relabelled by a cue, dropped if noise or a party member
    ("the Texas Democrat"), else named by its own text."""
    doc, t = ctx.doc, ctx.tables
    prev = doc[m.start - 1].lower_ if m.start else ""
    if m.label in ("PERSON", "GPE", "LOC", "NORP"):
        if prev in t.org_cues:
            ctx.relabel(m, "ORG", "org-cue-before")  # "software firm Qlik"
        elif m.end - m.start > 1 and doc[m.end - 1].lower_ in t.org_suffixes:
            ctx.relabel(m, "ORG", "org-suffix")      # "Sedio N.V."
        elif m.end - m.start > 1 and doc[m.end - 1].lower_ in t.org_heads and doc[m.end - 1].is_title:
            ctx.relabel(m, "ORG", "org-head")        # "New York Field Office" tagged a place
    reason = noise_reason(ctx, m) or ("inside-longer-name" if inside_name(ctx, m.start, m.end) else None)
    if m.label == "NORP" and names.fold(text) in t.members and m.start and (
        doc[m.start - 1].lower_ in ARTICLES or doc[m.start - 1].ent_type_ in ("GPE", "LOC")
    ):
        reason = reason or "party-member"            # "the Texas Democrat", "a Republican": a person
    if reason:
        ctx.drop(m.start, m.end, m.label, reason)
        return False
    m.canon = _own_name(ctx, m, text)
    return True


def _own_name(ctx: DocContext, m: Mention, text: str) -> str:
    """The canonical name of a mention from its text (a headline's capitals as the body writes the
    name); a nationality before a state noun is the country ("the French government")."""
    if not names.is_acronym(text):
        text = ctx.usual_case(text)
    if m.label == "NORP":
        nxt = ctx.doc[m.end].lower_ if m.end < len(ctx.doc) else ""
        country = ctx.tables.demonyms.get(names.fold(text))
        if country and nxt in ctx.tables.state_nouns:
            ctx.relabel(m, "GPE", "nationality-before-state-noun")
            return country
        name = names.clean_surface(text)
        if name.endswith("s") and " " not in name and names.fold(name) not in ctx.tables.groups \
                and names.fold(name[:-1]) not in ctx.tables.members and nationality_word(ctx, name[:-1]):
            return name[:-1]                         # "Australians" and "Australian": one group ("Democrats" stay)
        return name
    if m.label == "PERSON":
        return names.canonical_person(text)
    if m.label == "ORG":                             # "Super Micro Computer Inc" is Super Micro Computer
        return names.legal_base(names.clean_surface(text))
    return names.clean_surface(text)


def _merge_particles(ctx: DocContext, model: list[Mention]) -> list[Mention]:
    """"Ursula von" + "Leyen": a person ending in a particle takes the capitalised surname after it."""
    doc = ctx.doc
    out: list[Mention] = []
    for m in model:
        if out and m.start < out[-1].end:
            ctx.drop(m.start, m.end, m.label, "particle-surname-taken")
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
