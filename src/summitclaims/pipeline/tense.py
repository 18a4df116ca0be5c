"""The tense of the verb that governs a date, read from the parse: what decides the occurrence of
a year-less date ("will meet April 7" is the coming one, "met April 7" the last one).

From the date's root the parse is climbed to the first verb (or a word like "due", "scheduled",
"likely"). A date that modifies a noun on the way ("the deadline on Dec. 20", "the Oscars on
Feb. 9") takes no tense from the verb beyond it: the noun's event may lie either side of what the
verb reports, so the nearest occurrence wins, unless the noun says it ("the upcoming vote"). The
words are in patterns/dates.jsonl (``future_head``, ``future_adjective``, ``past_adjective``)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..normalize.dates import Tense, load

# How many heads the climb from a date to its verb may take.
MAX_CLIMB = 8

_VERBS = ("VERB", "AUX")
_FUTURE_AUX = ("will", "shall", "'ll", "wo", "’ll")
_MODAL_AUX = ("would", "could", "may", "might", "should", "must", "can", "ca")


def governing_tense(span: Span) -> Tense:
    """"future", "past" or None (no evidence) for the date ``span``."""
    lex = load().lex
    tok: Token = span.root
    through_noun = False
    for _ in range(MAX_CLIMB):
        if tok.dep_ == "ROOT" and tok.pos_ not in _VERBS:
            return _noun_tense(tok, lex) if through_noun else None
        head = tok.head
        if head.i == tok.i:
            return None
        tok = head
        if tok.pos_ in _VERBS:
            if through_noun:
                return None
            if tok.lemma_.lower() in lex.future_head and tok.tag_ != "VBD" \
                    and not any(a.lower_ in ("was", "were", "had") for a in _aux(tok)):
                return "future"             # "is scheduled for May 4", "plans for 2026"
            return _verb_tense(tok, lex)
        if tok.pos_ in ("NOUN", "PROPN"):
            through_noun = True
            noun = _noun_tense(tok, lex)
            if noun:
                return noun
        elif tok.lemma_.lower() in lex.future_head and tok.pos_ == "ADJ":
            return "future"                 # "due on June 30", "likely in March"
    return None


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def _noun_tense(tok: Token, lex) -> Tense:
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in lex.future_adjective:
            return "future"
        if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in lex.past_adjective:
            return "past"
    return None


def _verb_tense(verb: Token, lex, depth: int = 0) -> Tense:
    """The tense of a verb group: its auxiliaries, its tag, or (an infinitive, a conjunct) the
    verb it depends on."""
    aux = [a.lower_ for a in _aux(verb)]
    if any(a in _FUTURE_AUX for a in aux):
        return "future"
    if any(a in _MODAL_AUX for a in aux):
        return "past" if any(a in ("have", "'ve") for a in aux) else "future"
    if any(a in ("has", "have", "had", "'s", "'ve", "'d") for a in aux) and verb.tag_ == "VBN":
        return "past"
    if any(a in ("was", "were") for a in aux):
        return "past"
    tag = verb.tag_
    if tag == "VBD":
        return "past"
    if tag == "VBG" and any(a in ("is", "are", "'s", "'re", "am") for a in aux):
        return "future"                      # "is meeting Monday": arranged
    if tag in ("VB", "VBG", "VBN") and depth < 3 and verb.dep_ in ("xcomp", "conj", "ccomp", "advcl", "pcomp"):
        head = verb.head
        if head.i != verb.i:
            if head.lemma_.lower() in lex.future_head:
                return "future"              # "plans to meet Monday", "expected to close on June 30"
            if verb.dep_ in ("xcomp", "conj") and head.pos_ in _VERBS:
                return _verb_tense(head, lex, depth + 1)   # "rushed to file", "rose and fell"
    if tag in ("VBN",) and any(a in ("is", "are", "be", "been") for a in aux) \
            and verb.lemma_.lower() in lex.future_head:
        return "future"
    return None
