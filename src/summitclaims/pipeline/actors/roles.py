"""Roles and titles: a title phrase from the office-holders table is a mention of that office's
holder ("the Commission President"); the title words and appositions around a person's name are
their role ("Google DeepMind CEO Demis Hassabis", "Victor Riparbelli, CEO of Synthesia")."""
from __future__ import annotations

from spacy.tokens import Span, Token
from spacy.util import filter_spans

from .context import ARTICLES, DocContext, Mention

ROLE_WORDS = 14         # ", CEO of British AI startup Synthesia": an apposition is a phrase, not a clause
ROLE_LEAD = 4           # a title word opens a role within its first words ("former chief executive")
ROLE_VERB_AFTER = 3     # a verb this early makes the words after a comma a clause, not a role
_POSSESSIVES = ("'s", "’s")              # "France's president": a title mention, as after an article
_STOP_ROLE = frozenset(",;:()[]{}\"“”«»|•–—")   # punctuation that ends an apposition
_ROLE_TAIL = ("and", "said", "says")     # "..., CEO of Qlik, said": ends the apposition, not the role
_NOT_A_ROLE = ("and", "or")              # ", and chief executive ...": a list goes on, no apposition


def title_mentions(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """"the Commission President" -> a title mention (its holder found later); a title right before
    a person's name is that person's role ("French President Emmanuel Macron")."""
    doc, t = ctx.doc, ctx.tables
    found = [(start, end, t.role_ids[key]) for key, start, end in t.role_matcher(doc)]
    if not found:
        return mentions
    spans = filter_spans([Span(doc, s, e, label=str(i)) for s, e, i in found])
    persons = {m.start: m for m in mentions if m.label == "PERSON"}
    out = list(mentions)
    for sp in spans:
        row = t.roles[int(sp.label_)]
        nxt = persons.get(sp.end)
        if nxt is not None:                          # "French President Emmanuel Macron": a title
            nxt.role = nxt.role or sp.text
            continue
        prev = doc[sp.start - 1].lower_ if sp.start else ""
        if prev not in ARTICLES and prev not in _POSSESSIVES:
            continue                                 # "..., Google DeepMind CEO": an apposition
        for m in out:
            if m.start < sp.end and sp.start < m.end and m.label != "PERSON":
                ctx.drop(m.start, m.end, m.label, "title-mention")
        out = [m for m in out if not (m.start < sp.end and sp.start < m.end and m.label != "PERSON")]
        out.append(Mention(sp.start, sp.end, "PERSON", None, "title", role=row["role"], surface=sp.text))
    return out


def appositions(ctx: DocContext, mentions: list[Mention]) -> None:
    """Roles: "Google DeepMind CEO Demis Hassabis", "Victor Riparbelli, CEO of ...", "– Mike Capone, CEO of ..."."""
    by_end = {m.end: m for m in mentions}
    person_at = {i for m in mentions if m.label == "PERSON" for i in range(m.start, m.end)}
    for m in mentions:
        if m.label != "PERSON" or m.source == "title":
            continue
        _role_before(ctx, m, by_end)
        _role_after(ctx, m, person_at)


def _role_before(ctx: DocContext, m: Mention, by_end: dict[int, Mention]) -> None:
    """Title words before the name, optionally led by an organisation / place / nationality."""
    doc, titles = ctx.doc, ctx.tables.titles
    i = m.start
    while i > 0:
        if doc[i - 1].lower_ in titles:
            i -= 1
        elif i >= 3 and doc[i - 2].lower_ == "of" and doc[i - 1].is_title and doc[i - 3].lower_ in titles:
            i -= 2                                   # "Secretary of State George Shultz"
        else:
            break
    if i < m.start:
        j = i
        owner = by_end.get(i)
        if owner is not None and owner.label != "PERSON":
            j = owner.start
        m.role = doc[j:m.start].text if not m.role or j < i else m.role


def _role_after(ctx: DocContext, m: Mention, person_at: set[int]) -> None:
    """After the name: ", CEO of British AI startup Synthesia" (a title word early, no verb, no other person)."""
    doc, titles = ctx.doc, ctx.tables.titles
    k = m.end
    if not (k < len(doc) - 1 and doc[k].text == "," and "\n" not in doc[k].whitespace_):
        return
    words = _apposition(ctx, k + 1)
    lead = [w.lower_ for w in words[:ROLE_LEAD]]
    if words and any(w in titles for w in lead) and not any(w.pos_ == "VERB" for w in words[:ROLE_VERB_AFTER]) \
            and lead[0] not in _NOT_A_ROLE and not any(w.i in person_at for w in words):
        role = doc[words[0].i:words[-1].i + 1].text
        if role.lower() not in titles or m.role is None:
            m.role = m.role if m.role and len(m.role) > len(role) else role


def _apposition(ctx: DocContext, j: int) -> list[Token]:
    """The tokens of an apposition starting at ``j``: up to a stop mark, a quote, a new sentence or
    the line's end, without a trailing "and" / "said"."""
    doc = ctx.doc
    words: list[Token] = []
    while j < len(doc) and len(words) < ROLE_WORDS:
        t = doc[j]
        if t.text in _STOP_ROLE or t.is_quote or t.is_space or (t.is_sent_start and words):
            break
        words.append(t)
        if "\n" in t.whitespace_:
            break
        j += 1
    while words and (words[-1].is_punct or words[-1].lower_ in _ROLE_TAIL):
        words.pop()
    return words
