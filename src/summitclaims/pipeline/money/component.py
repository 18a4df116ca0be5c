"""The spaCy component: the finder's amounts as token-aligned spans, each linked to its actor and
converted at the publication date's rate."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...normalize import fx
from ...normalize.money import find_money
from .. import extensions, sents
from . import clauses, words
from .context import DocContext


class MoneyFinder:
    """Sets ``doc.spans[extensions.MONEY]``; holds its settings and tables only, nothing of a doc."""

    def __init__(self, nlp: Language, name: str, link_actors: bool = True, convert: bool = True):
        self.name = name
        self.link_actors = link_actors
        self.convert = convert
        self.words = words.load()

    def __call__(self, doc: Doc) -> Doc:
        found = find_money(sents.text(doc))
        ctx = DocContext.of(doc, self.words) if self.link_actors and found else None
        spans: list[Span] = []
        moved: dict[int, int] = {}     # the finder's start of an amount -> its span's start
        for start, end, money in found:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            moved[start] = span.start_char
            if ctx is not None and not money.rate_note:
                money.actor = clauses.link(ctx, span)
            if self.convert:
                fx.convert(money, doc._.sc_published)
            span._.sc_money = money
            spans.append(span)
        _link_conversions(spans, moved)
        doc.spans[extensions.MONEY] = spans
        return doc


def _link_conversions(spans: list[Span], moved: dict[int, int]) -> None:
    """Point each conversion at its partner's span start; a conversion without an actor takes its
    partner's (it names the same actor as the amount it converts)."""
    by_start = {s.start_char: s for s in spans}
    for span in spans:
        m = span._.sc_money
        if m.equivalent_of is not None:
            m.equivalent_of = moved.get(m.equivalent_of)
            other = by_start.get(m.equivalent_of) if m.equivalent_of is not None else None
            if other is not None:
                m.actor = m.actor or other._.sc_money.actor


@Language.factory("summitclaims_money", default_config={"link_actors": True, "convert": True})
def make_money(nlp: Language, name: str, link_actors: bool, convert: bool) -> MoneyFinder:
    """The factory spaCy calls for ``nlp.add_pipe("summitclaims_money")``."""
    extensions.register()
    return MoneyFinder(nlp, name, link_actors=link_actors, convert=convert)
