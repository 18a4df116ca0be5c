"""Who receives a commitment and what it is for, as the text writes them: "Mistral AI raised
€600m" (recipient: the subject of a receiving verb), "buy Activision Blizzard for $68.7bn" (what
the amount buys), "a $5m grant to the University of Texas", "invest €5bn in France"; "to build
data centres", "for AI gigafactories", "aimed at start-ups" (purpose)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import clauses
from . import labels as L
from .context import DocContext, children

MAX_WORDS = 12            # a longer phrase is a clause of its own, not the short "what for"
MAX_UP = 6                # steps from the amount up to the verb or noun it belongs to
STOP_DEPS = frozenset(("relcl", "punct", "cc", "conj", "appos", "advcl", "parataxis"))
RECIPIENT_PREPS = frozenset(("to", "into", "in"))      # "a grant to X", "invest in X"
PURPOSE_PREPS = frozenset(("for",))                     # "for AI gigafactories"
# the children of the amount's heads that may say what for or to whom: a clause, a preposition
_TARGET_DEPS = ("xcomp", "advcl", "acl", "relcl", "prep", "dative")
CUT_MARKS = frozenset((",", ";", "(", "—", "–", ":"))
TIME_ENTS = frozenset(("DATE", "TIME"))
NOT_TARGETS = frozenset(("MONEY", "DATE", "TIME", "PERCENT", "CARDINAL", "QUANTITY"))
NAMED = frozenset(("PERSON", "ORG", "GPE", "NORP"))


@dataclass(frozen=True)
class Phrase:
    text: str
    start: int       # char offsets in the doc's text
    end: int


@dataclass(frozen=True)
class TargetWords:
    receivers: frozenset[str]      # "raise", "receive": the subject receives
    givers: frozenset[str]         # "award": the passive subject receives
    sellers: frozenset[str]        # "sell": the subject gives up what the amount buys
    acquire: frozenset[str]        # "buy": the object is what the amount buys
    purpose_leads: tuple[str, ...]  # "aimed at", "towards"


def targets(ctx: DocContext, span: Span, words: TargetWords) -> tuple[Phrase | None, Phrase | None]:
    """(recipient, purpose) of the commitment ``span``; either None when the text does not say."""
    if not ctx.parsed or not len(span):
        return None, _lead_purpose(ctx, span, words)
    recipient: Phrase | None = None
    purpose: Phrase | None = None
    chain = _chain(span)
    for tok in chain:
        for child in children(ctx, tok, _TARGET_DEPS):
            if child.i in range(span.start, span.end):
                continue
            if purpose is None and child.dep_ in ("xcomp", "advcl", "acl", "relcl") and _to_verb(child):
                purpose = phrase(ctx.doc, child, from_tok=_aux_to(child))
            elif child.dep_ in ("prep", "dative") and child.lower_ in PURPOSE_PREPS | RECIPIENT_PREPS:
                obj = next((c for c in child.children if c.dep_ == L.PREP_OBJECT), None)
                if obj is None or obj.i in range(span.start, span.end) or _is_money_or_time(obj) \
                        or _in_amount(ctx, obj):
                    continue
                named = _named(ctx, obj)
                if child.lower_ in PURPOSE_PREPS and not named:
                    purpose = purpose or phrase(ctx.doc, obj, from_tok=child)
                elif recipient is None and (named or child.lower_ == "to"):
                    if child.lower_ == "in" and not named:
                        continue
                    recipient = phrase(ctx.doc, obj)
        if tok.pos_ in L.VERB_POS and _participle_on_noun(tok):
            continue        # "two loans to Mexico totalling 205 mln dlrs": the noun's words come next
        if tok.pos_ in L.VERB_POS:
            lemma = tok.lemma_.lower()
            subj = next(iter(children(ctx, tok, L.SUBJECT_DEPS)), None)
            if subj is None and tok.dep_ == "xcomp":      # "Keppel decided to issue ...": who decided
                subj = next(iter(children(ctx, tok.head, L.SUBJECT_DEPS)), None)
            if subj is not None and subj.left_edge.i <= span.root.i <= subj.right_edge.i:
                subj = None      # "up to 30 billion euros would be given to Greece": the amount is no receiver
            passive = subj is not None and subj.dep_ == L.PASSIVE_SUBJECT
            if recipient is None and subj is not None and (
                    lemma in words.receivers or lemma in words.sellers or (passive and lemma in words.givers)
                    or (lemma in ctx.words.issuers and clauses.securities_sold(ctx, span, tok))):
                recipient = phrase(ctx.doc, subj)      # (the issuer of notes receives what they bring)
            if recipient is None and lemma in words.acquire:
                obj = next((c for c in children(ctx, tok, L.OBJECT_DEPS)
                            if c.i not in range(span.start, span.end)), None)
                if obj is not None:
                    recipient = phrase(ctx.doc, obj)
            break
    return recipient, purpose or _lead_purpose(ctx, span, words)


def _chain(span: Span) -> list[Token]:
    """The amount's root, then its heads up to and including the first verb."""
    out = []
    tok = span.root
    for _ in range(MAX_UP):
        out.append(tok)
        if tok.pos_ in L.VERB_POS and _participle_on_noun(tok):
            tok = tok.head          # "loans to Mexico totalling 205 mln dlrs": on to "loans"
            continue
        if tok.pos_ in L.VERB_POS or tok.head.i == tok.i or tok.dep_ not in L.CLIMB_DEPS:
            break
        tok = tok.head
    if out and out[-1].pos_ not in L.VERB_POS and out[-1].head.pos_ in L.VERB_POS:
        out.append(out[-1].head)
    return out


MEASURING = frozenset(("total", "amount", "come", "reach", "value", "worth"))   # "loans totalling 205 mln dlrs"


def _participle_on_noun(tok: Token) -> bool:
    """ "totalling" hung on the loans it measures, or on the verb that names them ("approved two
    loans to Mexico totalling 205 mln dlrs"): the words of what it measures come next."""
    if tok.lemma_.lower() not in MEASURING or tok.tag_ not in ("VBG", "VBN") or _to_verb(tok):
        return False
    if tok.dep_ == "acl" and tok.head.pos_ in L.NOUN_POS:
        return True
    return tok.dep_ == "advcl" and tok.head.pos_ in L.VERB_POS and not any(
        c.dep_ in L.SUBJECT_DEPS for c in tok.children)


def _to_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _aux_to(tok: Token) -> Token:
    return next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"), tok)


def _dated(tok: Token) -> bool:
    """ "by 2030", "on Monday": a time phrase ends the purpose ("to build data centres by 2030")."""
    return tok.dep_ == "prep" and any(c.dep_ == L.PREP_OBJECT and c.ent_type_ in TIME_ENTS for c in tok.children)


def _is_money_or_time(tok: Token) -> bool:
    return tok.ent_type_ in NOT_TARGETS or tok.like_num


def _in_amount(ctx: DocContext, tok: Token) -> bool:
    """ "to 75 mln U.S. Dlrs from 60 mln": another amount is no recipient."""
    return ctx.in_amount(tok.idx)


def _named(ctx: DocContext, tok: Token) -> bool:
    span = ctx.mention(tok)
    return span is not None and span.label_ in NAMED


def phrase(doc: Doc, head: Token, from_tok: Token | None = None) -> Phrase | None:
    """The words of ``head``'s phrase (from ``from_tok``, if given), cut before a relative clause,
    a comma or a conjunction, at most MAX_WORDS words; None for a bare pronoun."""
    if head.pos_ == "PRON" and from_tok is None:
        return None
    start = head.left_edge.i if from_tok is None else min(from_tok.i, head.left_edge.i)
    end = head.right_edge.i + 1
    for t in doc[head.i + 1:end]:
        if t.dep_ in STOP_DEPS or t.text in CUT_MARKS or _dated(t):
            end = t.i
            break
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    end = min(end, start + MAX_WORDS)
    if start >= end:
        return None
    words = doc[start:end]
    return Phrase(words.text, words.start_char, words.end_char)


def _lead_purpose(ctx: DocContext, span: Span, words: TargetWords) -> Phrase | None:
    """ "$5bn aimed at start-ups": a purpose lead written right after the amount."""
    text = ctx.text
    after = text[span.end_char:span.end_char + 40].lower()
    for lead in words.purpose_leads:
        i = after.find(lead)
        if 0 <= i <= 20 and (i == 0 or after[i - 1] in " ,"):
            start = span.end_char + i
            doc_span = ctx.doc.char_span(start, start + len(lead), alignment_mode="expand")
            if doc_span is None:
                return None
            last = doc_span.end
            doc = ctx.doc
            end = last
            while end < len(doc) and end - last < MAX_WORDS and not doc[end].is_punct:
                end += 1
            if end > last:
                w = doc[doc_span.start:end]
                return Phrase(w.text, w.start_char, w.end_char)
    return None
