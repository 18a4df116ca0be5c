"""The tense of the verb that governs a date, read from the parse: what decides the occurrence of
a year-less date ("will meet April 7" is the coming one, "met April 7" the last one).

From the date's root the parse is climbed to the first verb (or a word like "due", "scheduled",
"likely"). A date that modifies a noun on the way ("the deadline on Dec. 20", "the Oscars on
Feb. 9") takes no tense from the verb beyond it: the noun's event may lie either side of what the
verb reports, so the nearest occurrence wins, unless the noun says it ("the upcoming vote"). The
words are in patterns/dates.jsonl (``future_head``, ``ahead_alone``, ``future_adjective``,
``past_adjective``, ``stative``)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..normalize.dates import Tense, load
from ..normalize.dates.lexicon import Lexicon
from . import sents

# How many heads the climb from a date to its verb may take.
MAX_CLIMB = 8
# A first line up to this long, with more text after it, is a headline.
HEADLINE_CHARS = 150

_VERBS = ("VERB", "AUX")
_FUTURE_AUX = ("will", "shall", "'ll", "wo", "’ll")
_MODAL_AUX = ("would", "could", "may", "might", "should", "must", "can", "ca")



def governing_tense(span: Span) -> Tense:
    """"future", "past" or None (no evidence) for the date ``span``."""
    lex = load().lex
    tok: Token = span.root
    before = _word_before(span)
    if before is not None and before.tag_ == "VBD":
        return "past"                       # "said on Monday ...", "fell in January", whatever the parse hangs it on
    through_noun = False
    for _ in range(MAX_CLIMB):
        if tok.dep_ == "ROOT" and tok.pos_ not in _VERBS:
            return _noun_tense(tok, lex) if through_noun else None
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ == "pobj" and head.lower_ == "since":
            return "past"                   # "the second rise since July"
        if tok.dep_ == "pobj" and head.lower_ in ("until", "till") and _verb_tense(head.head, lex) == "past":
            return None                     # "has postponed until November": the end lies either side
        conj = tok.dep_ in ("conj", "appos")    # "during March, May and November": the dates' own list
        tok = head
        if conj and tok.pos_ in ("NOUN", "PROPN", "NUM"):
            continue
        if tok.pos_ in _VERBS:
            if through_noun:
                return None
            if _looks_ahead(tok, lex):
                return "future"             # "is scheduled for May 4", "set to resume Monday"
            return _verb_tense(tok, lex)
        if tok.pos_ in ("NOUN", "PROPN"):
            through_noun = True
            noun = _noun_tense(tok, lex)
            if noun:
                return noun
        elif tok.pos_ == "ADJ" and _base(tok, lex) in lex.future_head and not _because(tok):
            return "future"                 # "due on June 30", "likely in March"
    return None


def _looks_ahead(verb: Token, lex: Lexicon) -> bool:
    """A future head as the date's verb: with an infinitive after it ("set to resume Monday",
    "expected to close on June 30") or one of the heads that need none; not in the past
    ("was scheduled for May 4" may be over)."""
    lemma = _base(verb, lex)
    if lemma not in lex.future_head or verb.tag_ == "VBD" \
            or any(a.lower_ in ("was", "were", "had") for a in _aux(verb)):
        return False
    return lemma in lex.ahead_alone or any(c.dep_ == "xcomp" for c in verb.children)


def _because(adj: Token) -> bool:
    """"due to steep losses": a cause, not a due date."""
    nxt = adj.nbor(1) if adj.i + 1 < len(adj.doc) else None
    return nxt is not None and nxt.lower_ == "to" and not (nxt.i + 1 < len(adj.doc) and nxt.nbor(1).tag_ == "VB")


def _base(tok: Token, lex: Lexicon) -> str:
    """The future-head word a token is a form of ("scheduled", "plans", "going"), else its lower
    case: read from the form, not the lemmatizer, so that ``--only dates`` (which skips it)
    reads the same tense as a full run."""
    w = tok.lower_
    for cand in (w, w[:-1], w[:-2], w[:-3], w[:-3] + "e"):
        if cand in lex.future_head:
            return cand
    return w


def _headline(tok: Token) -> bool:
    """Headlines report the past in the present ("OUTPUT RISES 3.2 PCT IN FEBRUARY"): an
    upper-case or title-case word, or a word of the text's first line."""
    if tok.is_upper or tok.is_title:
        return True
    text = sents.text(tok.doc)
    first_end = text.find("\n")
    return 0 <= first_end <= HEADLINE_CHARS and tok.idx < first_end


def _word_before(span: Span) -> Token | None:
    """The word before the date, past an "on" ("said on Monday")."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ == "on":
        i -= 1
    return span.doc[i] if i >= 0 else None


def _aux(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def _noun_tense(tok: Token, lex: Lexicon) -> Tense:
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in lex.future_adjective:
            return "future"
        if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in lex.past_adjective:
            return "past"
    return None


def _verb_tense(verb: Token, lex: Lexicon, depth: int = 0) -> Tense:
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
    if tag in ("VBZ", "VBP") and not aux and verb.lower_ not in lex.stative and not _headline(verb):
        return "future"                      # "the accord expires in October", "voters go to the polls Nov. 6"
    if tag in ("VB", "VBG", "VBN") and depth < 3 and verb.dep_ in ("xcomp", "conj"):
        head = verb.head
        if head.i != verb.i:
            if verb.dep_ == "xcomp" and _base(head, lex) in lex.future_head:
                return "future"              # "plans to meet Monday", "expected to close on June 30"
            if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i:
                head = head.head             # "would not be able to start trading until May"
            if head.pos_ in _VERBS:
                return _verb_tense(head, lex, depth + 1)   # "rushed to file", "rose and fell"
    if tag in ("VBN",) and any(a in ("is", "are", "be", "been") for a in aux) \
            and _base(verb, lex) in lex.future_head:
        return "future"
    return None
