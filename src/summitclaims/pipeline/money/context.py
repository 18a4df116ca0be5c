"""What actor attribution knows of one doc: its actor mentions (without those in a wire dateline,
which names where, never who), indexed by token, and whether it is parsed. Built per call, never
kept on the component."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from ...text import passages
from ...text.newswire import DATELINE_LINE, PLACE_DATELINE
from .. import extensions, sents
from ..syntax import NOMINAL_SUBJECTS as SUBJECTS
from .words import ActorWords

DATELINE_REACH = 2000     # chars at the top of a doc searched for wire datelines
FIRST_PERSON_REACH = 300  # chars after "we" / "our" in which the speaker may still be named


def mention_index(doc: Doc) -> dict[int, Span]:
    """token index -> the actor mention covering it (first one wins)."""
    index: dict[int, Span] = {}
    for span in doc.spans.get(extensions.MENTIONS, ()):
        if not span._.sc_actor:
            continue
        for i in range(span.start, span.end):
            index.setdefault(i, span)
    return index


def actor_of(doc: Doc, token: Token, index: dict[int, Span] | None = None) -> str | None:
    """Canonical name of the actor mention covering ``token`` (in ``index``, else all of the doc's), or None."""
    if index is None:
        index = mention_index(doc)
    span = index.get(token.i)
    return span._.sc_actor if span is not None else None


@dataclass(frozen=True)
class DocContext:
    """One doc as actor attribution reads it."""
    doc: Doc
    text: str
    words: ActorWords
    index: dict[int, Span]     # token index -> actor mention, datelines left out
    mentions: list[Span]       # the same mentions in text order
    parsed: bool
    orgs: frozenset[int] = frozenset()   # token indices of organisations' names
    starts: tuple[int, ...] = ()         # the mentions' start tokens, for bisection
    # (char offset, actor) of the commitments linked so far in this call, in text order
    committers: list[tuple[int, str]] = field(default_factory=list)
    # (char offset, actor) of the revenue figures linked so far, in text order
    earners: list[tuple[int, str]] = field(default_factory=list)
    # (token index, acquirer, what it buys as (text, start, end) or None) of the doc's purchases
    # ("agreed to acquire Monfort"), found when first asked
    acquirers: list[tuple[int, str, tuple[str, int, int] | None]] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)   # the loan terms the story states ("P7Y"), when asked
    memo: dict[str, bool] = field(default_factory=dict)     # which of those lazy scans were made
    # (start, end) chars of every amount the money finder found in the doc
    amounts: list[tuple[int, int]] = field(default_factory=list)
    # token index -> its children by dependency label, made when first asked (``children``)
    kids: dict[int, dict[str, list[Token]]] = field(default_factory=dict)
    # the countries whose economy's figures (exports, a deficit) were linked so far, in text order
    economies: list[str] = field(default_factory=list)
    breaker: list[re.Pattern[str]] = field(default_factory=list)   # what ends a paragraph here, once asked

    def paragraph_break(self) -> re.Pattern[str]:
        """What ends a paragraph in this doc's text (``passages.paragraph_break``), found once."""
        if not self.breaker:
            self.breaker.append(passages.paragraph_break(self.text))
        return self.breaker[0]

    @classmethod
    def of(cls, doc: Doc, words: ActorWords) -> DocContext:
        """The context of ``doc`` for one call: mentions with an actor, by token and in text order,
        those in a wire dateline left out."""
        text = sents.text(doc)
        datelines = [m.span() for m in DATELINE_LINE.finditer(text[:DATELINE_REACH])]
        opening = PLACE_DATELINE.match(text)
        if opening is not None:
            datelines.append(opening.span())

        parsed = doc.has_annotation("DEP")

        def kept(s: Span) -> bool:
            return not any(a <= s.start_char < b for a, b in datelines) and not (parsed and _listener(s))

        index = {i: s for i, s in mention_index(doc).items() if kept(s)}
        mentions = sorted((s for s in doc.spans.get(extensions.MENTIONS, ()) if s._.sc_actor and kept(s)),
                          key=lambda s: s.start)
        orgs = frozenset(i for s in mentions if s.label_ == "ORG" for i in range(s.start, s.end))
        return cls(doc, text, words, index, mentions, parsed, orgs, tuple(m.start for m in mentions))

    def mentions_between(self, start: int, end: int) -> list[Span]:
        """The mentions that start at token ``start`` or later and before ``end``, in text order
        (found by bisection: amounts ask per sentence, and a long list has many)."""
        return self.mentions[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def in_amount(self, char: int) -> bool:
        """Whether the char offset lies inside one of the doc's amounts."""
        i = bisect_right(self.amounts, (char, float("inf"))) - 1
        return i >= 0 and self.amounts[i][0] <= char < self.amounts[i][1]

    def mention(self, tok: Token) -> Span | None:
        """The actor mention covering ``tok`` (not one in a dateline), or None."""
        return self.index.get(tok.i)

    def label_of(self, actor: str) -> str | None:
        """The label of the first mention of ``actor`` (a canonical name), or None."""
        return next((m.label_ for m in self.mentions if m._.sc_actor == actor), None)

    def actor(self, tok: Token) -> str | None:
        """The actor of the mention covering ``tok``, or None."""
        return actor_of(self.doc, tok, self.index)

    def nearest(self, tok: Token, labels: tuple[str, ...], after_ok: bool = False) -> str | None:
        """The most recent mention with one of ``labels`` before ``tok`` (or, for "we", just after)."""
        before = [s for s in self.mentions if s.end <= tok.i and s.label_ in labels]
        if after_ok:
            doc = self.doc
            sent = sents.sent(doc, tok.i) if self.parsed or doc.has_annotation("SENT_START") else None
            limit = tok.idx + FIRST_PERSON_REACH
            after = [s for s in self.mentions if s.start > tok.i and s.label_ in labels
                     and s.start_char <= limit]
            in_sent = [s for s in before if sent is not None and s.start >= sent.start]
            if in_sent:
                return in_sent[-1]._.sc_actor
            if after:
                return after[0]._.sc_actor
        return before[-1]._.sc_actor if before else None

    def referent(self, tok: Token, labels: tuple[str, ...],
                 not_actors: frozenset[str | None] = frozenset()) -> str | None:
        """What "the bank", "the company" refers back to: the latest earlier mention named by that
        word ("the Islamic Development Bank"), else the latest that was a clause's subject (the
        one the story is about, not "the takeover of AE" in between), else the nearest; never one
        of ``not_actors`` (the product in "the iPhone maker")."""
        before = [s for s in self.mentions if s.end <= tok.i and s.label_ in labels
                  and s._.sc_actor not in not_actors and not _own_subject(s, tok)]
        if not before:
            return None
        word = tok.lemma_.lower()
        named = [s for s in before if word in (s._.sc_actor or "").lower().split()]
        if named:
            return named[-1]._.sc_actor
        subjects = [s for s in before if _subject_of_clause(s)]
        return (subjects or before)[-1]._.sc_actor

    def recent_org(self, tok: Token) -> str | None:
        """ "it plans to invest": the latest ORG mention of this or the previous sentence."""
        if not self.doc.has_annotation("SENT_START"):
            return None
        sent = sents.sent(self.doc, tok.i)
        floor = sents.sent(self.doc, sent.start - 1).start if sent.start > 0 else 0
        cands = [s for s in self.mentions if floor <= s.start and s.end <= tok.i and s.label_ == "ORG"]
        return cands[-1]._.sc_actor if cands else None


def _subject_of_clause(span: Span) -> bool:
    """The mention is (or heads the phrase that is) a clause's subject: "Turner and Newall Plc said"."""
    tok = span.root
    for _ in range(3):
        if tok.dep_ in SUBJECTS:
            return True
        if tok.dep_ not in ("compound", "appos", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _listener(span: Span) -> bool:
    """The one told ("a spokesman told Reuters", "said in an interview with the Financial Times"):
    a news agency or paper that hears the claim owns none of it."""
    tok = span.root
    head = tok.head
    if tok.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
        return True
    if tok.dep_ == "pobj" and head.lower_ in ("to", "with"):
        governor = head.head
        return governor.lemma_.lower() in ("tell", "say", "interview", "speak", "talk")
    return False


def _own_subject(span: Span, tok: Token) -> bool:
    """The mention is the subject of ``tok``'s clause: "Goldman cut its target on the company" -
    a descriptor there is someone other than its clause's subject."""
    root = span.root
    if root.dep_ not in SUBJECTS:
        return False
    # the nearest verb above the descriptor: "Reddit priced its IPO, valuing the company at $6.4bn"
    # puts "the company" in a clause of its own, whose understood subject may well be Reddit
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.i == root.head.i


def children(ctx: DocContext, tok: Token, deps: Iterable[str]) -> list[Token]:
    """The children of ``tok`` with one of the labels ``deps``, in text order.

    A parse of hostile text may hang thousands of words on one token ("$ 1.$ 1.$ 1. ..."), which
    the claims of each of its amounts read: grouped once by label, each read costs what it finds."""
    by_dep = ctx.kids.get(tok.i)
    if by_dep is None:
        by_dep = ctx.kids[tok.i] = {}
        for c in tok.children:
            by_dep.setdefault(c.dep_, []).append(c)
    found = [c for d in set(deps) for c in by_dep.get(d, ())]
    return sorted(found, key=lambda c: c.i) if len(found) > 1 else found
