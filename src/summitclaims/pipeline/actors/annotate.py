"""The last pass: the resolved mentions written to the doc (the MENTIONS span group, one
``values.Actor`` per actor, and ``doc.ents``)."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...text import names
from ...values import Actor
from .. import extensions
from .context import DocContext, Mention
from .gazetteer import LABELS


def write(ctx: DocContext, mentions: list[Mention]) -> None:
    """Set ``doc.spans[MENTIONS]`` (every named mention, ``span._.sc_actor``), ``doc._.sc_actors``
    (in order of first mention; none for a world-knowledge title mention), ``doc.ents`` and
    ``doc._.sc_actor_trace`` (the trace's decisions as dicts)."""
    doc = ctx.doc
    for m in mentions:
        if not m.canon:
            ctx.drop(m.start, m.end, m.label, "no-name")
    mentions = [m for m in mentions if m.canon and m.start < m.end]
    spans = filter_spans([Span(doc, m.start, m.end, label=m.label) for m in mentions])
    by_pos = {(m.start, m.end): m for m in mentions}
    kept = {(sp.start, sp.end) for sp in spans}
    for m in mentions:
        if (m.start, m.end) not in kept:
            ctx.drop(m.start, m.end, m.label, "overlaps-longer-mention")
    doc._.sc_actor_trace = [dict(vars(d)) for d in ctx.trace]    # plain dicts travel through msgpack
    actors: dict[str, Actor] = {}
    votes: dict[str, Counter[str]] = {}
    group = []
    for sp in sorted(spans, key=lambda s: s.start):
        m = by_pos[(sp.start, sp.end)]
        sp._.sc_actor = m.canon
        group.append(sp)
        if not m.world:
            _add_mention(actors, m, sp, ctx.tables.wikidata)
            votes.setdefault(names.fold(m.canon or ""), Counter())[m.label] += 1
    for key, a in actors.items():                    # one mistyped mention does not type the actor
        top = votes[key].most_common()
        if top[0][0] != a.label and top[0][1] > votes[key][a.label]:
            a.label = top[0][0]
    doc.spans[extensions.MENTIONS] = group
    doc._.sc_actors = list(actors.values())
    _replace_ents(doc, group)


def _add_mention(actors: dict[str, Actor], m: Mention, sp: Span, wikidata: dict[str, str]) -> None:
    """Count the mention for its actor (created at its first mention, with the gazetteer's
    Wikidata item for that name), with its alias and role."""
    canon = m.canon or ""                            # written mentions all have a name
    key = names.fold(canon)
    a = actors.get(key)
    if a is None:
        a = actors[key] = Actor(name=canon, label=m.label, wikidata=wikidata.get(canon))
    a.mentions.append((sp.start_char, sp.end_char))
    alias = names.clean_surface(sp.text)
    if alias and alias not in a.aliases:
        a.aliases.append(alias)
    if m.role and not a.role:
        a.role = " ".join(m.role.split())           # a wrapped line inside the title


def _replace_ents(doc: Doc, group: list[Span]) -> None:
    """The cleaned mentions replace the model's actor entities; its other labels stay."""
    keep = [e for e in doc.ents if e.label_ not in LABELS]
    taken: set[int] = set()
    for sp in group:
        taken.update(range(sp.start, sp.end))
    keep = [e for e in keep if not any(i in taken for i in range(e.start, e.end))]
    try:
        doc.ents = sorted(keep + group, key=lambda s: s.start)
    except ValueError:                               # overlapping: leave the model's entities
        pass
