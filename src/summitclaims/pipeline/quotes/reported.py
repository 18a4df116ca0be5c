"""Reported speech read from the dependency parse: "Macron said on Monday that France would act",
"The minister told reporters the plan was ready", "According to the EU, the fund will grow".

A reporting verb (``QuoteTables.reports``: a speech verb, not one of thought) with a subject and a
clausal complement is an attribution: the subject names the speaker, the complement (without its
"that") is what was said. "according to X" makes X the speaker of the rest of its sentence. A
negated or passive verb ("did not say that", "it was reported that") and a question ("declined to
say whether") report nothing, and an attribution inside another's reported clause ("he said the
minister told him ...") is part of that one. Whether a reported clause is indirect or mixed, or
just the clause of a quotation in marks, the component decides with the direct quotes it found.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from .. import layout, sents
from .cues import subject
from .tables import QuoteTables

CONTENT_DEPS = frozenset(("ccomp",))        # "said (that) the plan was ready"
NOT_SAID = frozenset(("whether", "if", "how", "why", "when", "what", "who", "where", "which"))
EDGE_PUNCT = ",;:-\u2013\u2014 \t\n"
# between a fronted reported clause and its speaker: a comma, a quote's closing mark or a dash, and
# no words (a run-on "... will expand innovation He said that" is no fronted clause)
_FRONTED_GAP = re.compile(r"""[\s.!?]*(?:,|["\u201d\u2019']|[\u2013\u2014]|\s-\s)[\s,"\u201d\u2019']*""")
# searched in the clause's last few characters only, its whitespace then walked back: "\s+" over
# the whole clause would try each space of a long run against the rest of the run (quadratic)
_TRAILING_CONJUNCTION = re.compile(r"\s(?:and|but|or|while)$")
_CONJUNCTION_TAIL = len(" while\n")
_CLOSING = re.compile(r"""[.,!?]?["\u201d\u2019]""")    # a quotation's end: '."', ',"', '”'
MIN_CONTENT_WORDS = 3       # "it was", "he would": too short to be something said
ACCORDING = ("according", "to")
NAME_RUN_ON = 4         # words of a name past the parse's edge of its phrase ("1st | Class David Kintz")


@dataclass(frozen=True)
class Reported:
    """One attribution of reported speech: chars of what was said and of who said it."""
    start: int
    end: int
    speaker: tuple[int, int]
    cue: str                # the verb's lemma, or "according to"
    cue_at: int             # char offset of the cue


def find(doc: Doc, text: str, tables: QuoteTables) -> list[Reported]:
    """The reported-speech attributions of ``doc`` in text order, the outermost of nested ones."""
    if not doc.has_annotation("DEP"):
        return []
    found: list[Reported] = []
    head = layout.headline_end(text) or 0        # "GARCIA SAYS PERU NOT TRYING ...": a headline tells
    story = max(head, layout.dateline_end(text) or 0)   # no clause starts in the dateline
    # the candidates picked from the arrays, not by making a Token of every word
    strings = doc.vocab.strings
    cues = {strings[w] for w in tables.reporting}
    according = strings[ACCORDING[0]]
    for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
        if lemma not in cues and lower != according:
            continue
        tok = doc[i]
        if tok.idx < head:
            continue
        if tables.reports(tok):
            found.extend(_by_verb(tok, text, tables))
        elif tok.lower_ == ACCORDING[0]:
            got = _according(doc, tok, text, tables)
            if got is not None:
                found.append(got)
    # "he said the minister told him the plan was dead": the minister's telling is what he said
    # (a cue inside another's clause: by the furthest end of the clauses starting before it, which
    # never holds its own cue)
    found.sort(key=lambda r: r.start)
    starts = [r.start for r in found]
    # a parenthetical cue ("X, he said, will Y") lies inside its own clause: it reaches nothing of its
    # own, and holds the cues of others inside it
    holders = [r for r in found if r.start < r.cue_at < r.end]          # (in order of start)
    h_starts = [h.start for h in holders]
    h_reach = list(accumulate((h.end for h in holders), max))
    reach = list(accumulate((r.start if r.start < r.cue_at < r.end else r.end for r in found), max))

    def in_holder(r: Reported) -> bool:      # its cue inside another parenthetical's clause
        k = bisect_right(h_starts, r.cue_at - 1) - 1
        if k >= 0 and holders[k] is r:
            k -= 1
        return k >= 0 and h_reach[k] > r.cue_at

    found = [r for r in found if (not (k := bisect_right(starts, r.cue_at) - 1) >= 0 or reach[k] <= r.cue_at)
             and not in_holder(r)]
    found = [replace(r, start=story) if r.start < story < r.end else r for r in found]
    unique: dict[tuple[int, int], Reported] = {}
    for r in found:               # a verb met twice: inside its outer verb's clause first, with its speaker
        unique.setdefault((r.start, r.end), r)
    return sorted(unique.values(), key=lambda r: r.start)


def _by_verb(verb: Token, text: str, tables: QuoteTables,
             speaker: tuple[int, int] | None = None) -> list[Reported]:
    """The attribution of a reporting verb, and of a reporting verb the parse hangs inside its
    clause ("said production rose 3.1 pct but added that growth was slowing": two, one speaker)."""
    if any(c.dep_ in ("neg", "auxpass") for c in verb.children):
        return []
    clause = next((c for c in verb.children if c.dep_ in CONTENT_DEPS), None) or _told_that(verb, tables) \
        or _fronted_inverted(verb)
    if clause is None:
        got = _parenthetical(verb, text, speaker or subject(verb))
        return [got] if got is not None else []
    first = clause.left_edge
    if first.lower_ == "that" and first.dep_ in ("mark", "dobj"):      # (a "that" the parse took for an object)
        first = first.doc[first.i + 1]
    if first.lower_ in NOT_SAID:
        return []
    if clause.left_edge.lower_ == "that" and any(c.dep_ == "dobj" and c.lower_ in tables.told_things
                                                 for c in verb.children):
        return []         # "told the story that the Army wrote": a relative clause of what he told
    speaker = speaker or _quoted_as(verb) or subject(verb)
    if speaker is None or speaker[0] <= verb.idx < speaker[1]:
        return []
    end = _content_end(verb, clause, tables)
    inner = next((t for t in clause.subtree if t.dep_ == "conj" and t.i > first.i and tables.reports(t)
                  and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), None)
    if inner is not None:
        cc = next((c for c in inner.head.children if c.dep_ == "cc" and c.i < inner.i), None)
        end = min(end, (cc or inner).idx)
    span = _trimmed(text, first.idx, end)
    if span is None or _overlaps(span, speaker) or span[0] <= verb.idx < span[1]:
        return []
    lead = min(speaker[0], verb.idx)
    if span[1] <= lead and not _FRONTED_GAP.fullmatch(text, min(end, span[1]), lead):
        # "Prices will rise, he said": a fronted clause ends at a comma or a quote's end (read from
        # the clause's own end: 'is that "everyone loves to eat," Kintz said' keeps its ',"')
        return []
    out = [Reported(span[0], span[1], speaker, verb.lemma_.lower(), verb.idx)]
    if inner is not None:
        out += _by_verb(inner, text, tables, speaker)
    return out


def _parenthetical(verb: Token, text: str, speaker: tuple[int, int] | None) -> Reported | None:
    """A cue set off by a comma that the parse hangs on the clause it attributes instead of the
    other way round: inside it ("Building partnerships, he said, will foster understanding": a
    parataxis; the content is the whole sentence) or after it ("The world is becoming more
    uncertain, Gen. Odierno told the group": a conjunct; the content ends at the comma)."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "conj") or speaker is None or head.i == verb.i or not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None         # (its own subject: not "underwrite the auctions, maintain liquidity ...")
    doc = verb.doc
    lead = verb.left_edge if verb.left_edge.text == "," else doc[verb.left_edge.i - 1] if verb.left_edge.i else None
    if lead is None or lead.text != "," or head.left_edge.i >= lead.i:
        return None         # (words of the sentence must stand before the comma)
    if head.i > verb.i and verb.dep_ == "parataxis":
        span = _trimmed(text, head.left_edge.idx, _end(head.right_edge))
        if span is None or not span[0] < speaker[0] < span[1]:
            return None
    elif head.i < verb.i and verb.dep_ == "conj":
        span = _trimmed(text, head.left_edge.idx, lead.idx)
    else:
        return None
    return None if span is None else Reported(span[0], span[1], speaker, verb.lemma_.lower(), verb.idx)


def _fronted_inverted(verb: Token) -> Token | None:
    """ "With forces drawing down, the Army is rebalancing ..., said Gen. Ray Odierno": a fronted
    finite clause the parse hangs on the verb as an adverbial one, when the speaker follows the verb
    and a comma stands right before it (not "After the talks ended, Smith said nothing")."""
    doc = verb.doc
    if not verb.i or doc[verb.i - 1].text != "," or not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in verb.children):
        return None
    return next((c for c in verb.children if c.i < verb.i and (c.dep_ == "advcl" or (
                     c.dep_ in ("nsubj", "csubj") and c.pos_ in ("VERB", "AUX")))
                 and not any(g.dep_ == "mark" for g in c.children)
                 and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


def _told_that(verb: Token, tables: QuoteTables) -> Token | None:
    """ "told an audience of business members that the Army accounts for ...": the "that" clause the
    parse made a relative clause of the hearer, when "that" is not its subject and it has its own."""
    if verb.lemma_.lower() not in tables.hearer:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ in tables.told_things:
        return None         # ("told the story that the Army wrote": what he told)
    for t in obj.subtree:
        if t.dep_ == "relcl" and t.left_edge.lower_ == "that" and t.left_edge.dep_ not in ("nsubj", "nsubjpass") \
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > t.left_edge.i for c in t.children):
            return t
    return None


def _quoted_as(verb: Token) -> tuple[int, int] | None:
    """ "State radio quoted him as saying that ...": the one quoted, not who quotes him."""
    as_ = verb.head
    if verb.dep_ != "pcomp" or as_.lower_ != "as" or as_.head.lemma_.lower() != "quote":
        return None
    obj = next((c for c in as_.head.children if c.dep_ == "dobj"), None)
    return (obj.left_edge.idx, _end(obj)) if obj is not None else None


def _content_end(verb: Token, clause: Token, tables: QuoteTables) -> int:
    """Where a reported clause ends: its subtree's end; after the verb, the end of the sentence when
    the parse leaves its tail outside the subtree (a bracketed name, a wrapped line: "merge into a
    company formed by <Welsh, Carson> for 16.50 dlrs"), unless another attribution or a quotation
    stands there."""
    end = clause.right_edge
    doc = verb.doc
    if clause.i < verb.i or not sents.has_sents(doc):
        return _end(end)
    sent = sents.sent(doc, verb.i)
    tail = doc[end.i + 1:sent.end]
    if any(tables.reports(t) or t.lower_ == ACCORDING[0] or t.is_quote for t in tail):
        return _end(end)
    last = next((t for t in reversed(tail) if not t.is_space), None)
    return _end(last) if last is not None else _end(end)


def _according(doc: Doc, tok: Token, text: str, tables: QuoteTables) -> Reported | None:
    """ "According to X, CLAUSE" / "CLAUSE, according to X": X said the clause; not "according to
    its own interest" (a thing of its own is no source, unless one that speaks: "his spokesman")."""
    to = next((c for c in tok.children if c.lower_ == ACCORDING[1]), None)
    if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == ACCORDING[1]:
        to = doc[tok.i + 1]
    if to is None or not sents.has_sents(doc):
        return None
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children) and obj.lower_ not in tables.nouns \
            and obj.lemma_.lower() not in tables.nouns:
        return None
    sent: Span = sents.sent(doc, tok.i)
    # the clause the phrase hangs on ("the fact that, according to the BBC, Bolt jogged ..."), else
    # its sentence
    head = tok.head if tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i else None
    while head is not None and head.dep_ == "conj" and head.head.i < head.i and not tables.reports(head.head):
        head = head.head    # "X represent ..., create ..., and generate ..., according to Y": all of it
    lo, hi = (head.left_edge.idx, _end(head.right_edge)) if head is not None else (sent.start_char, sent.end_char)
    lo, hi = max(lo, sent.start_char), min(hi, sent.end_char)
    name_end = _name_end(obj)
    phrase = (tok.idx, _end(max(obj.right_edge, to.right_edge, name_end, key=lambda t: t.i)))
    speaker = (obj.left_edge.idx, _end(name_end))
    # what follows the phrase to the clause's end: nothing, or an apposition ("X, the adviser.")
    rest = [t for t in doc[name_end.i + 1:] if t.idx < hi]
    if not text[lo:phrase[0]].strip(EDGE_PUNCT + "that "):   # "According to X, the fund will grow."
        span = _trimmed(text, phrase[1], hi)
    elif not text[phrase[1]:hi].strip(EDGE_PUNCT + ".") or (
            rest and rest[0].text == "," and not any(t.pos_ in ("VERB", "AUX") for t in rest)):
        # "The fund will grow, according to X." / "..., according to X, the bank's adviser."
        span = _trimmed(text, lo, phrase[0])
    else:                                                    # "The fund, according to X, will grow."
        span = _trimmed(text, lo, hi)
    if span is None:
        return None
    return Reported(span[0], span[1], speaker, " ".join(ACCORDING), tok.idx)


def _name_end(obj: Token) -> Token:
    """The last word of the phrase ``obj`` heads, before a comma or bracket, and of a name running
    on past it ("according to Sgt. 1st Class David Kintz, garrison adviser": the parse may make
    "1st" the object and "Kintz" a root of its own)."""
    doc = obj.doc
    end = obj
    for t in doc[obj.i + 1:min(len(doc), obj.right_edge.i + 1 + NAME_RUN_ON)]:
        if (t.is_punct and t.text not in "-&'") or t.is_space:
            break
        if t.i > obj.right_edge.i and not (t.is_title or t.pos_ == "PROPN"):
            break
        end = t
    return end


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) without edge punctuation and a final full stop, but with the closing mark of
    a quotation it ends in ('even though "he didn't try."': the parse leaves '."' outside); None
    when too few words remain."""
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT + ".":
        end -= 1
    tail = _TRAILING_CONJUNCTION.search(text, max(start, end - _CONJUNCTION_TAIL), end)
    if tail is not None:           # "rose 3.1 pct but added that ...": the clause ends before "but"
        end = tail.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        while end > start and text[end - 1] in EDGE_PUNCT:
            end -= 1
    close = _CLOSING.match(text, end)
    if close is not None and _opened(text, start, end, text[close.end() - 1]):
        end = close.end()
    if len(text[start:end].split()) < MIN_CONTENT_WORDS:
        return None
    return start, end


def _opened(text: str, start: int, end: int, mark: str) -> bool:
    """Whether [start, end) leaves open a quotation that ``mark`` closes: an odd number of straight
    marks, or a curly opening one."""
    return text.count('"', start, end) % 2 == 1 if mark == '"' else "\u201c" in text[start:end] or \
        "\u2018" in text[start:end]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
