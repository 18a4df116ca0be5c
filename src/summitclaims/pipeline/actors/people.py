"""One cluster per person: full names first, then surnames, typos and lone first names join them;
a title mention goes to the article's holder of that role, else to the office-holders table's."""
from __future__ import annotations

from ...text import names
from .context import FULL_NAME, Cluster, DocContext, Mention


def resolve_people(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Every person mention named by its cluster; a lone unknown word as a person is dropped.
    Order: the other mentions, the people, the title mentions."""
    _surnames_are_people(ctx, mentions)
    people = sorted((m for m in mentions if m.label == "PERSON" and m.source != "title"), key=lambda m: m.start)
    clusters: list[Cluster] = []
    for m in people:                                 # pass 1: full names as written in the article
        _join_full_name(ctx, m, clusters)
    keep = [m for m in people if _join_short_name(ctx, m, clusters)]   # pass 2: the rest
    others = [m for m in mentions if m.label != "PERSON"]
    titled = [m for m in mentions if m.source == "title"]
    for m in titled:
        _name_holder(ctx, m, clusters)
    return others + keep + titled


def _surnames_are_people(ctx: DocContext, mentions: list[Mention]) -> None:
    """"Holloway" tagged ORG after "Jane Holloway": the surname of a full name here is a person."""
    doc = ctx.doc
    surnames = set()
    for m in mentions:
        if m.label == "PERSON" and m.source != "title":
            given, sur = names.split_name(names.canonical_person(doc[m.start:m.end].text))
            if given:
                surnames.add(names.fold(" ".join(sur)))
    for m in mentions:
        if m.source == "model" and not m.alias_hit and m.label in ("ORG", "GPE", "LOC") \
                and names.fold(doc[m.start:m.end].text) in surnames:
            m.label = "PERSON"


def _find(clusters: list[Cluster], name: str) -> Cluster | None:
    """The cluster of that name, compared folded."""
    f = names.fold(name)
    return next((c for c in clusters if names.fold(c.name) == f), None)


def _find_or_add(clusters: list[Cluster], name: str) -> Cluster:
    """The cluster of that name, a new one if there is none."""
    c = _find(clusters, name) or Cluster(name)
    if c not in clusters:
        clusters.append(c)
    return c


def _join_full_name(ctx: DocContext, m: Mention, clusters: list[Cluster]) -> None:
    """A full name joins the cluster of the same name, of the same surname and given names, or of a
    typo of the surname with the same given names; else it starts one."""
    text = names.canonical_person(ctx.doc[m.start:m.end].text)
    if len(names.name_tokens(text)) < FULL_NAME or not names.split_name(text)[0]:
        return
    canon = m.canon or text
    c = _find(clusters, canon)
    if c is None:
        c = next((c for c in clusters if names.surname_key(c.name) == names.surname_key(canon)
                  and names.given_key(c.name) == names.given_key(canon)), None)
    if c is None:
        c = next((c for c in clusters if names.near_surname(c.name, canon)
                  and names.given_key(c.name) == names.given_key(canon)), None)
    if c is None:
        c = Cluster(canon)
        clusters.append(c)
    m.canon = c.name
    c.mentions.append(m)


def _join_short_name(ctx: DocContext, m: Mention, clusters: list[Cluster]) -> bool:
    """Surnames, typos, lone first names and gazetteer short names join the one cluster they fit;
    False for a lone unknown word ("Block", "Banner:"), which is noise."""
    if any(m in c.mentions for c in clusters):
        return True
    text = names.canonical_person(ctx.doc[m.start:m.end].text)
    same = _fitting(clusters, text)
    if len(same) == 1 or (same and m.alias_hit and len({c.name for c in same}) == 1):
        c = same[0]
    elif m.alias_hit and m.canon:
        c = _find_or_add(clusters, m.canon)
    elif m.end - m.start == 1:
        return False
    else:
        c = _find_or_add(clusters, text)
    m.canon = c.name
    c.mentions.append(m)
    return True


def _fitting(clusters: list[Cluster], text: str) -> list[Cluster]:
    """The clusters a short name fits: same surname, else a typo of it with compatible given names,
    else (one word) the same first name."""
    key = names.surname_key(text)
    same = [c for c in clusters if names.surname_key(c.name) == key]
    if not same:
        same = [c for c in clusters if names.near_surname(c.name, text) and names.compatible_given(c.name, text)]
    if not same and len(names.name_tokens(text)) == 1:
        same = [c for c in clusters if names.given_key(c.name).split()[:1] == [names.fold(text)]]
    return same


def _name_holder(ctx: DocContext, m: Mention, clusters: list[Cluster]) -> None:
    """A title mention names the article's holder of that role (its role then dropped), else the
    table's holder: a person of the article if it is one, else world knowledge (``world``)."""
    row_i = ctx.tables.role_index.get(names.fold(m.surface))
    holder = _article_holder(ctx, clusters, row_i)
    if holder is None and row_i is not None:
        holder = ctx.tables.roles[row_i]["holder"]
        here = next((c for c in clusters if names.fold(c.name) == names.fold(holder) or (
            names.surname_key(c.name) == names.surname_key(holder) and names.compatible_given(c.name, holder)
        )), None)
        if here is None:
            m.canon, m.world = holder, True
            return
        holder = here.name
    m.canon, m.world = holder, False
    m.role = None


def _article_holder(ctx: DocContext, clusters: list[Cluster], row_i: int | None) -> str | None:
    """The first person here given that role ("European Commission President Ursula von der Leyen")."""
    if row_i is None:
        return None
    index = ctx.tables.role_index
    holder = None
    for c in clusters:
        if any(pm.role and index.get(names.fold(pm.role)) == row_i for pm in c.mentions):
            holder = c.name
            if holder:
                break
    return holder
