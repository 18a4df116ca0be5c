"""The spaCy component: the finder's amounts as token-aligned spans, each linked to its actor and
converted at the publication date's rate."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...normalize import fx
from ...normalize.money import find_money
from ...normalize.money.repeats import Repeats
from .. import extensions, sents
from . import claim, types, words
from .context import DocContext

PER_SHARE = frozenset(("share", "shr"))
_OR_BETWEEN = re.compile(r"\s*,?\s*or\s+")     # "16.7 mln dlrs or 11 cts a share"
PART_SLACK = 1.02          # items may add up to a little over their total (rounded figures)
GOVERNOR_REACH = 8         # steps up from an amount to the verb it hangs from
COMPARING = frozenset(("compare",))   # "compared with 1.76 dlrs": a figure set beside another
OWNED_FIGURES = frozenset(("revenue", "valuation", "price"))   # figures set side by side are one owner's


class MoneyFinder:
    """Sets ``doc.spans[extensions.MONEY]``; holds its settings and tables only, nothing of a doc."""

    def __init__(self, nlp: Language, name: str, link_actors: bool = True, convert: bool = True):
        self.name = name
        self.link_actors = link_actors
        self.convert = convert
        self.words = words.load()
        self.claim_words = claim.load()

    def __call__(self, doc: Doc) -> Doc:
        text = sents.text(doc)
        found = find_money(text, doc._.sc_published)
        ctx = DocContext.of(doc, self.words) if self.link_actors and found else None
        if ctx is not None:
            ctx.amounts.extend((start, end) for start, end, _ in found)
        spans: list[Span] = []
        moved: dict[int, int] = {}     # the finder's start of an amount -> its span's start
        for start, end, money in found:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            moved[start] = span.start_char
            if ctx is not None:
                claim.read(ctx, _parsed_part(span), money, self.claim_words, doc._.sc_published)
            else:
                kind = types.classify(self.claim_words.types, span, text, doc.has_annotation("DEP"),
                                      money.rate_note)
                money.type, money.type_cue = kind.type, kind.cue
            if self.convert:
                fx.convert(money, doc._.sc_published)
            span._.sc_money = money
            spans.append(span)
        _link_conversions(spans, moved)
        _per_share_forms(text, spans)
        if ctx is not None and ctx.parsed:
            _compared(doc, spans)
        _mark_repeats(spans)
        _mark_parts(doc, spans)
        doc.spans[extensions.MONEY] = spans
        return doc


def _parsed_part(span: Span) -> Span:
    """The amount as the parse hangs it on its noun: "a half-billion dollar donation" makes the
    article the amount's root ("a" -> "donation"), which names no type or giver; without it,
    "dollar" is."""
    first = span[0]
    if len(span) > 1 and first.dep_ in ("det", "predet") and not span.start <= first.head.i < span.end:
        return span[1:]
    return span


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
                o = other._.sc_money
                if not m.actor:
                    m.actor, m.evidence = o.actor, (f"conversion of {other.text}" if o.actor else None)
                m.type, m.type_cue = o.type, o.type_cue


def _governor(span: Span) -> int | None:
    """The verb an amount hangs from ("recovered to 1.72 dlrs from a low of 1.55 dlrs": recovered),
    past "compared with", which only sets one figure beside another."""
    tok = span.root
    for _ in range(GOVERNOR_REACH):
        if tok.head.i == tok.i:
            return tok.i if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in COMPARING:
            return tok.i
    return None


def _per_share_forms(text: str, spans: list[Span]) -> None:
    """ "a charge of 16.7 mln dlrs or 11 cts a share": a total and its per-share form are one
    figure of one kind, never a share price: the per-share form takes the total's type; a total
    that only had the type from its per-share form ("a gain of 145 mln dlrs or 1.11 dlrs a share")
    is, with it, undecided (``other``, no cue)."""
    for a, b in zip(spans, spans[1:]):
        ma, mb = a._.sc_money, b._.sc_money
        if mb.type_cue not in PER_SHARE or not _OR_BETWEEN.fullmatch(text, a.end_char, b.start_char):
            continue
        if ma.type_cue in PER_SHARE:
            ma.type, ma.type_cue = "other", None
        mb.type, mb.type_cue = ma.type, ma.type_cue
        if not mb.actor and ma.actor:
            mb.actor, mb.evidence = ma.actor, f"per share of {ma.raw}: {ma.evidence}"


def _several_subjects(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ == "conj" for g in c.children)
               for c in verb.children)


def _compared(doc: Doc, spans: list[Span]) -> None:
    """An amount no word types, set beside a typed one under the same verb ("recovered to 1.72 dlrs
    a lb from its low of 1.55 dlrs", "profit rose to $5m from $4m"), is the same kind of figure and,
    wanting an owner of its own, has the same owner."""
    by_sent: dict[int, list[Span]] = {}
    for s in spans:
        by_sent.setdefault(sents.sent(doc, s.start).start, []).append(s)
    for group in by_sent.values():
        if len(group) < 2:
            continue
        verbs = {id(s): _governor(s) for s in group}
        for s in group:
            m = s._.sc_money
            if m.type != "other" or m.type_cue is not None or m.equivalent_of is not None or verbs[id(s)] is None:
                continue
            typed = [o for o in group if o is not s and verbs[id(o)] == verbs[id(s)]
                     and o._.sc_money.type_cue is not None and o._.sc_money.equivalent_of is None
                     and o._.sc_money.type != "rate"]      # "converted into 500 dlrs at a rate of 1.86 marks"
            if not typed:
                continue
            o = min(typed, key=lambda o: abs(o.start - s.start))._.sc_money
            m.type, m.type_cue = o.type, o.type_cue
        for s in group:             # "earned $21.3m ..., compared to 1985 earnings of $26.2m": one owner
            m, verb = s._.sc_money, verbs[id(s)]
            if m.actor or m.type not in OWNED_FIGURES or verb is None or m.equivalent_of is not None \
                    or _several_subjects(doc[verb]):
                continue        # ("Cheung Kong and Hutchison ended at 41.75 and 51 dlrs": each its own)
            owned = [o for o in group if o is not s and verbs[id(o)] == verbs[id(s)] and o._.sc_money.actor
                     and o._.sc_money.type == m.type]
            if owned:
                o = min(owned, key=lambda o: abs(o.start - s.start))._.sc_money
                m.actor, m.evidence = o.actor, f"beside {o.raw}: {o.evidence}"


def _mark_repeats(spans: list[Span]) -> None:
    """An amount stated before in the doc is a repeat: ``new`` False (unless its words say otherwise)."""
    seen = Repeats()
    for span in spans:
        m = span._.sc_money
        if seen.repeat(m.currency, m.value, m.low, m.high, m.equivalent_of is not None) and m.new is None:
            m.new = False


def _mark_parts(doc: Doc, spans: list[Span]) -> None:
    """Items that add up to a total given just before ("approved $115m of loans ... Libya $8.9m,
    Yemen $5.5m and Maldives $1.8m") are parts of it: ``new`` False. Two or more commitments of one
    currency in a sentence, each smaller than a commitment of the sentence before or earlier in it,
    and together no more than that amount. (Revenue lists are too often comparisons, "$5bn from
    $4bn"; their parts are read from "including".)"""
    if not spans or not sents.has_sents(doc):
        return
    by_sent: dict[int, list[Span]] = {}
    for s in spans:
        by_sent.setdefault(sents.sent(doc, s.start).start, []).append(s)
    starts = sorted(by_sent)
    for k, start in enumerate(starts):
        items = [s for s in by_sent[start] if s._.sc_money.value and s._.sc_money.equivalent_of is None
                 and s._.sc_money.type == "commitment"]
        before = [s for s in by_sent.get(starts[k - 1], ()) if k > 0] if k > 0 else []
        for cur in {s._.sc_money.currency for s in items}:
            mine = [s for s in items if s._.sc_money.currency == cur]
            for i in range(len(mine)):
                parts = mine[i + 1:]
                totals = [s for s in before + mine[:i + 1] if s._.sc_money.currency == cur and s._.sc_money.value
                          and s._.sc_money.type == "commitment"]
                if len(parts) < 2 or not totals:
                    continue
                total = max(t._.sc_money.value for t in totals)
                values = [p._.sc_money.value for p in parts]
                if all(v < total for v in values) and sum(values) <= total * PART_SLACK:
                    for p in parts:
                        if p._.sc_money.new is None:
                            p._.sc_money.new = False
                    break


@Language.factory("summitclaims_money", default_config={"link_actors": True, "convert": True})
def make_money(nlp: Language, name: str, link_actors: bool, convert: bool) -> MoneyFinder:
    """The factory spaCy calls for ``nlp.add_pipe("summitclaims_money")``."""
    extensions.register()
    return MoneyFinder(nlp, name, link_actors=link_actors, convert=convert)
