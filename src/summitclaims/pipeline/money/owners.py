"""Whose revenue, value, price or cost an amount is: the company that owns the figure, never the
executive who announced it, the analyst's bank that set a target, or a place that only modifies it.

In order, from the noun that decided the type ("profits", "market capitalisation", "shares"):
its possessor ("Apple's market capitalisation", "its profits"); a name in its own phrase ("Tesla
shares", "shares of Tesla", "a target on Nvidia"); the subject of the verb that governs it,
when that subject is not a person ("Apple reported revenue of"; "Tesla closed at $250"); the
subject of a reporting verb over its clause ("Contoso said net profit rose to"); for a row of a
results table, the company its headline names. None when none of these names an actor.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .. import layout, sents
from . import labels as L
from . import nouns
from .clauses import generic
from .context import DocContext
from .types import Kind, TypeWords

OWN_PREPS = frozenset(("of", "at", "on", "for", "in"))      # "shares of Tesla", "target on Nvidia"
PHRASE_DEPS = frozenset(("compound", "nmod", "amod", "poss"))
NOT_OWNERS = frozenset(("PERSON",))   # an executive announces a company's figures; they are not theirs
TARGET_CUES = frozenset(("target", "price target"))   # set by an analyst's bank, owned by the company
SHARE_WORDS = frozenset(("share", "stock", "common", "preferred"))   # what a price a share is of
BUYING = frozenset(("acquire", "buy", "purchase"))   # "an offer to acquire Dow Jones for $60 a share"
PRICE_REACH = 4          # steps up from a price to the "for" that names whose shares it prices
MAX_UP = 8               # steps from the cue noun up to its verb
LEAD_CHARS = 400          # the headline and lead of an article
_TICKER_HEADLINE = re.compile(r"[ \t]*<?(?P<name>[A-Z][A-Z0-9&.,'/ -]{1,60}?)>?[ \t]*<[A-Z][A-Z0-9.]{0,7}>")
# a results-table row: a short label, then figures compared ("Shr 1.20 dlrs vs 1.10", "Net 12.6 mln
# vs 15.8 mln"), or figures alone on a short line ("Revs 337.3 mln")
_TABLE_ROW = re.compile(r"""
    [ \t]*[A-Z][A-Za-z./]*(?:[ ][A-Za-z./]+){0,3}     # the label: one to four words
    [ \t]+(?:[\d(]|[A-Za-z]+[ ]dlrs?\b|one\b)          # then a figure
    (?:[^\n]*\b(?:vs|versus)\b[^\n]*|[^\n]{0,30})
    (?<!\.)$                         # a row ends in no full stop: a line that does is a sentence
""", re.X | re.M)


def owner(ctx: DocContext, span: Span, kind: Kind, reporting: frozenset[str],
          tw: TypeWords | None = None) -> tuple[str | None, str | None]:
    """(actor, evidence) of a revenue, valuation, price or other amount; (None, None) if not said."""
    found = _owner(ctx, span, kind, reporting, tw)
    if kind.type == "price" and found[0] and ctx.words.is_market(found[0]):
        return None, None       # "NYMEX crude closed at $94.23": where it trades, not whose it is
    return found


def _owner(ctx: DocContext, span: Span, kind: Kind, reporting: frozenset[str],
           tw: TypeWords | None = None) -> tuple[str | None, str | None]:
    doc = ctx.doc
    cue = doc[kind.token] if kind.token is not None and kind.via != "verb" else None
    target = kind.cue is not None and kind.cue.lower() in TARGET_CUES
    verb = doc[kind.verb] if kind.verb is not None else None
    if ctx.parsed and verb is not None and tw is not None:
        found = _by_verb(ctx, verb, kind, tw)
        if found is not None:
            return found
    if ctx.parsed and cue is not None:
        found = _in_phrase(ctx, cue, target)
        if found[0]:
            return found
    if ctx.parsed and len(span):
        found = _subject(ctx, cue if cue is not None else span.root, kind, target, reporting, tw)
        if found[0]:
            return found
    if kind.type == "price" and ctx.parsed and len(span):
        found = _priced_for(ctx, span)
        if found[0]:
            return found
        if kind.via == "unit" or (kind.cue or "").lower() in SHARE_WORDS:
            found = _shares_named(ctx, span, tw)
            if found[0]:
                return found
    if kind.type == "revenue":
        found = _table_company(ctx, span)
        if found[0]:
            return found
    if kind.type in ("revenue", "valuation"):
        return _article_company(ctx, span)
    if kind.type == "price" and (kind.cue or "").lower().rstrip("s") in SHARE_WORDS \
            and not _someone_trades(ctx, span):
        return _article_company(ctx, span)    # "The shares would be offered at 205p"
    return None, None


def _someone_trades(ctx: DocContext, span: Span) -> bool:
    """A named actor does something with the shares at that price ("Treasury agreed to sell shares
    at $30.50"): the seller or buyer, whose shares they need not be."""
    if not ctx.parsed or not len(span):
        return False
    tok = span.root
    for _ in range(MAX_UP):
        if tok.pos_ in L.VERB_POS:
            subj = next((c for c in tok.children if c.dep_ in L.SUBJECT_DEPS), None)
            if subj is not None and subj.dep_ != L.PASSIVE_SUBJECT and nouns.resolve(ctx, subj):
                return True
            if tok.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
                return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _by_verb(ctx: DocContext, verb: Token, kind: Kind, tw: TypeWords) -> tuple[str | None, str | None] | None:
    """The owner a verb names, when the verb decides it; None to look further.

    "The deal values Figma at $20bn": the valued object. "Contoso agreed to buy Northwind for $69bn,
    or $95 a share": a price per share under a buying verb is the bought company's (its object),
    never the buyer's."""
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ in L.OBJECT_DEPS), None)
    if kind.type == "valuation" and tw.verbs.get(lemma) == "valuation" and obj is not None:
        named = ctx.mention(obj)
        actor = named._.sc_actor if named is not None else _bought(ctx, verb) or nouns.resolve(ctx, obj)
        if actor:
            return actor, f"object of '{verb.text}': {obj.text}"
        return None, None
    if kind.type == "price" and kind.via == "unit" and tw.verbs.get(lemma) == "commitment":
        named = ctx.mention(obj) if obj is not None else None
        if named is not None and named.label_ == "ORG" and named._.sc_actor:
            return named._.sc_actor, f"what '{verb.text}' buys: {named.text}"
        found = _priced_for(ctx, verb.doc[verb.i:verb.i + 1])
        return found if found[0] else None      # the shares may be named further on ("all Revlon shares")
    return None


def fined(ctx: DocContext, verb: Token) -> tuple[str | None, str | None]:
    """Who pays a fine: the one fined ("fined Google 2.4 billion euros", "JPMorgan was fined"),
    never the authority that fines."""
    for c in verb.children:
        if c.dep_ in (L.PASSIVE_SUBJECT, "dative"):
            named: Token | None = c
        elif c.dep_ in L.OBJECT_DEPS:
            # "fined Google 2.4 billion euros" parses the payer into the amount's phrase
            named = c if ctx.mention(c) is not None else next(
                (t for t in c.subtree if t.dep_ in PHRASE_DEPS and _company_of(ctx, t) is not None), None)
        else:
            continue
        actor = nouns.resolve(ctx, named) if named is not None else None
        if actor and named is not None:
            return actor, f"the one '{verb.text}': {named.text}"
    return None, None


def settled_with(ctx: DocContext, verb: Token) -> tuple[str | None, str | None] | None:
    """ "The Justice Department settled with HCA for $840 million": when a public authority
    settles, the party it settles with pays; None when the subject is no authority."""
    subj = next((c for c in verb.children if c.dep_ in L.SUBJECT_DEPS), None)
    who = nouns.resolve(ctx, subj) if subj is not None else None
    if who is None or not (ctx.label_of(who) == "GPE" or ctx.words.offices & set(who.lower().split())):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            obj = next((c for c in prep.children if c.dep_ == L.PREP_OBJECT), None)
            payer = nouns.resolve(ctx, obj) if obj is not None else None
            if payer and obj is not None:
                return payer, f"the one an authority '{verb.text}' with: {obj.text}"
            return None, None       # the authority does not pay; the other side is not named
    return None


def _bought(ctx: DocContext, verb: Token) -> str | None:
    """ "Pfizer will acquire Seagen for $229 a share, valuing the company at $43bn": the company a
    valuing clause on a buying verb speaks of is the one bought."""
    head = verb.head
    if verb.dep_ not in ("advcl", "xcomp", "conj") or head.lemma_.lower() not in BUYING:
        return None
    obj = next((c for c in head.children if c.dep_ in L.OBJECT_DEPS), None)
    named = ctx.mention(obj) if obj is not None else None
    return named._.sc_actor if named is not None and named.label_ == "ORG" else None


def _in_phrase(ctx: DocContext, cue: Token, target: bool) -> tuple[str | None, str | None]:
    for child in cue.children:
        if child.dep_ == L.POSSESSOR and not target:
            actor = nouns.resolve(ctx, child)
            if actor:
                return actor, f"possessor of '{cue.text}': {child.text}"
    for child in cue.children:
        if child.dep_ in PHRASE_DEPS and child.dep_ != L.POSSESSOR:
            span = ctx.mention(child)
            if span is not None and span._.sc_actor and span.label_ not in L.PLACE_LABELS - {"GPE"}:
                return span._.sc_actor, f"name in the phrase of '{cue.text}': {span.text}"
    heads = [cue] + ([cue.head] if target and cue.head.pos_ in L.VERB_POS else [])
    for h in heads:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ in OWN_PREPS:
                obj = next((c for c in prep.children if c.dep_ == L.PREP_OBJECT), None)
                span = ctx.mention(obj) if obj is not None else None
                if span is not None and prep.lower_ == "in" and span.label_ in L.PLACE_LABELS:
                    span = None          # "tin business in London", "sales in Germany": where, not whose
                if span is not None and span._.sc_actor:
                    return span._.sc_actor, f"'{cue.text} {prep.text}': {span.text}"
                # "shares of the chip designer": the company the epithet refers back to
                if obj is not None and obj.lemma_.lower() in ctx.words.descriptors:
                    actor = nouns.resolve(ctx, obj)
                    if actor:
                        return actor, f"'{cue.text} {prep.text}': {obj.text}"
                # "raised its price target on the stock to $160": the company the story is about
                if obj is not None and obj.lemma_.lower() in SHARE_WORDS and any(
                        c.dep_ == "det" and c.lower_ in L.DEFINITE for c in obj.children):
                    actor = ctx.referent(obj, ("ORG",))
                    if actor:
                        return actor, f"'{cue.text} {prep.text}' the {obj.text}: {actor}"
                # "the costs for Tailspin's latest model": the owner of what it is the cost of
                poss = next((c for c in obj.children if c.dep_ == L.POSSESSOR), None) if obj is not None else None
                actor = nouns.resolve(ctx, poss) if poss is not None else None
                if obj is not None and poss is not None and actor:
                    return actor, f"'{cue.text} {prep.text}' {poss.text}'s {obj.text}"
    return None, None


def _subject(ctx: DocContext, start: Token, kind: Kind, target: bool,
             reporting: frozenset[str], tw: TypeWords | None = None) -> tuple[str | None, str | None]:
    """The subject of the verb governing ``start`` (not a person), else of a reporting verb above it;
    for a price, only of a verb that prices or moves it ("Tesla closed at $250", not "Treasury
    agreed to sell shares at $30.50")."""
    if target:
        return None, None             # the subject of "raised its target" is the analyst's bank
    tok = start
    for _ in range(MAX_UP):
        if tok.pos_ in L.VERB_POS:
            break
        if tok.head.i == tok.i:
            return None, None
        tok = tok.head
    verb = tok
    if kind.type == "price" and tw is not None and verb.pos_ in L.VERB_POS:
        lemma = verb.lemma_.lower()
        if tw.verbs.get(lemma) != "price" and lemma not in tw.moves:
            return None, None
    for _ in range(3):
        if verb.pos_ not in L.VERB_POS:
            return None, None
        subj = next((c for c in verb.children if c.dep_ in L.SUBJECT_DEPS), None)
        said = verb.lemma_.lower() in reporting
        own_books = kind.type == "other" and tw is not None and (kind.cue or "").lower() in tw.books
        if said and kind.type not in ("revenue", "valuation") and not own_books:
            return None, None       # a bureau announcing trade figures does not own them (a company
            # reporting its own charge, cost or provision does: "Tribune Co said a charge of ...")
        if subj is not None and verb.lemma_ == "be" and generic(ctx, subj):
            return None, None          # "the conference goal was $7bn": no one's
        if subj is not None and subj.i != start.i and not _under(subj, start):
            if subj.dep_ == L.PASSIVE_SUBJECT and kind.type not in ("other", "valuation"):
                return None, None
            subj = nouns.respective(subj, start)
            if subj is None:
                return None, None    # "A and B ended at 41.75 and 51 dlrs, 8.3": whose is not clear
            actor = nouns.resolve(ctx, subj)
            label = _label(ctx, subj, actor)
            if actor and label not in NOT_OWNERS:
                rule = "reporting subject of" if said else "subject of"
                return actor, f"{rule} '{verb.text}': {subj.text}"
            if actor:
                return None, None    # a person said it: the figures are not theirs
        if verb.dep_ in ("ccomp", "xcomp", "conj", "advcl") and verb.head.pos_ in L.VERB_POS:
            verb = verb.head
            continue
        break
    return None, None


def _under(tok: Token, cue: Token) -> bool:
    """Whether the cue noun lies in ``tok``'s phrase ("Apple's revenue" as subject: its own owner)."""
    return tok.left_edge.i <= cue.i <= tok.right_edge.i


def _label(ctx: DocContext, tok: Token, actor: str | None) -> str | None:
    span = ctx.mention(tok)
    if span is not None:
        return span.label_
    return ctx.label_of(actor) if actor else None


def _company_of(ctx: DocContext, tok: Token) -> Span | None:
    """The company a noun names: its own mention, or the one naming its kind ("Cyclops common",
    "Cyclops's shares")."""
    for t in (tok, *(c for c in tok.children if c.dep_ in ("compound", "nmod", L.POSSESSOR))):
        named = ctx.mention(t)
        if named is not None and named.label_ == "ORG" and named._.sc_actor:
            return named
    return None


def _shares_named(ctx: DocContext, span: Span, tw: TypeWords | None) -> tuple[str | None, str | None]:
    """A price a share whose company its sentence names with the shares ("an offer to purchase all
    Revlon common shares to 20.10 dlrs a share", "for all of ARGOSystems' shares", "the price of
    Keycorp common") or as what a buying verb takes ("an offer to acquire Dow Jones for $60 per
    share"): the nearest such company to the amount."""
    doc = ctx.doc
    sent = sents.sent(doc, span.start) if sents.has_sents(doc) else doc[:]
    found: list[tuple[int, str, str]] = []
    for tok in sent:
        low = tok.lemma_.lower()
        if low in SHARE_WORDS and not span.start <= tok.i < span.end:
            named = _company_of(ctx, tok)
            if named is None:
                named = next((m for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                              for o in p.children if o.dep_ == L.PREP_OBJECT
                              for m in (_company_of(ctx, o),) if m is not None), None)
            if named is not None:
                found.append((abs(tok.i - span.start), named._.sc_actor, f"shares named: {named.text} {tok.text}"))
        elif tw is not None and tok.pos_ in L.VERB_POS and tw.verbs.get(low) == "commitment" \
                and low in BUYING:
            obj = next((c for c in tok.children if c.dep_ in L.OBJECT_DEPS), None)
            named = _company_of(ctx, obj) if obj is not None else None
            if named is not None:
                found.append((abs(tok.i - span.start), named._.sc_actor, f"what '{tok.text}' buys: {named.text}"))
    if not found:
        return None, None
    _, actor, why = min(found)
    return actor, why


def _priced_for(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """ "an offer of $60 a share for Dow Jones", "raise its price for Cyclops common to $92.50 a
    share": the company whose shares are priced."""
    tok = span.root
    for _ in range(PRICE_REACH):
        objects = [c for c in tok.children if c.dep_ in L.OBJECT_DEPS and c.i != span.root.i] \
            if tok.pos_ in L.VERB_POS else []
        for prep in (p for h in (tok, *objects) for p in h.children):
            if prep.dep_ == "prep" and prep.lower_ == "for":
                obj = next((c for c in prep.children if c.dep_ == L.PREP_OBJECT), None)
                named = _company_of(ctx, obj) if obj is not None else None
                if named is not None:
                    return named._.sc_actor, f"priced 'for': {named.text}"
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None, None


def _article_company(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """An earnings story's figures with no owner in their sentence ("Gross profit reached 340.5 mln
    francs") are the company of its headline or lead, when the lead names one organisation only
    (a deal's lead names two, and its figures may be either's) and the sentence names no other."""
    doc, text = ctx.doc, ctx.text
    end = lead_end(ctx)
    orgs = [m for m in ctx.mentions if m.label_ == "ORG"]
    lead = {m._.sc_actor for m in orgs if m.start_char < end}
    if not lead:
        name = _ticker_headline(text)
        return (name, f"the headline's company: {name}") if name else (None, None)
    # "MAZDA" in the headline, "Mazda Motor Corp" in the lead: one company
    lead = {n for n in lead if not any(o != n and _shorter_form(n, o) for o in lead)}
    if len(lead) != 1:
        return None, None
    best = next(iter(lead))
    if sents.has_sents(doc) and len(span):
        sent = sents.sent(doc, span.start)
        if any(m._.sc_actor != best and not _shorter_form(m._.sc_actor, best)
               for m in orgs if sent.start <= m.start < sent.end):
            return None, None
    return best, f"the article's company: {best}"


def _shorter_form(short: str, name: str) -> bool:
    """ "Mazda" of "Mazda Motor": the words of one name open the other."""
    a, b = short.lower().split(), name.lower().split()
    return len(a) < len(b) and b[:len(a)] == a


def lead_end(ctx: DocContext) -> int:
    """The end of the headline, dateline and first sentence of the story (and the next, when
    that one is short)."""
    doc, text = ctx.doc, ctx.text
    if not sents.has_sents(doc) or not len(doc):
        return min(len(text), LEAD_CHARS)
    story = max(layout.headline_end(text) or 0, layout.dateline_end(text) or 0)
    at = doc.char_span(story, min(story + 1, len(text)), alignment_mode="expand") if story else None
    first = sents.sent(doc, at.start if at is not None and len(at) else 0)
    end = first.end_char
    if first.end < len(doc) and end - story < LEAD_CHARS:
        end = sents.sent(doc, first.end).end_char
    return min(end, story + LEAD_CHARS * 2)


def _ticker_headline(text: str) -> str | None:
    """A wire headline naming a company by its ticker ("SERVICE CORP INTERNATIONAL <SRV> 3RD QTR NET")."""
    m = _TICKER_HEADLINE.match(text)
    return m.group("name").strip().title() if m else None


def is_table_row(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is a results-table row (after a wire dateline, if any)."""
    line_start = text.rfind("\n", 0, pos) + 1
    row_start = line_start + text[line_start:pos].find(" - ") + 3 \
        if " - " in text[line_start:pos] else line_start     # after a wire dateline
    line_end = text.find("\n", pos)
    return bool(_TABLE_ROW.match(text, row_start, len(text) if line_end < 0 else line_end))


def _table_company(ctx: DocContext, span: Span) -> tuple[str | None, str | None]:
    """A results table's row ("Net 12.6 mln vs 15.8 mln"): the organisation its headline names."""
    text = ctx.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if not is_table_row(text, span.start_char):
        return None, None
    head_end = text.find("\n")
    if head_end < 0 or head_end >= line_start:
        return None, None
    for m in ctx.mentions:
        if m.start_char >= head_end:
            break
        if m.label_ == "ORG":
            return m._.sc_actor, f"results table under the headline: {m.text}"
    name = _ticker_headline(text)
    return (name, f"results table under the headline: {name}") if name else (None, None)
