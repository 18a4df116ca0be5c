"""Sentence starts the page layout gives before the parser reads the words: after a headline line
("SWISSAIR REPORTS LOWER PROFIT AND DIVIDEND"), after a newswire dateline ("ZURICH, March 19 -")
and at a new paragraph after a line that ends a sentence.

Without them the parser reads headline, dateline and lead as one sentence, whose subject is then
the headline's last capitalised word or the dateline's city ("ZURICH ... reported a drop in
profit"). The parser keeps boundaries set before it and decides the rest as usual.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .. import resources
from ..text.newswire import AGENCY_DATELINE, BRACKET_DATELINE, DATELINE_LINE, DATELINE_WINDOW, PLACE_DATELINE, WIRE_DASH
from . import sents

TICKER_TOKENS = 12        # "<SWSZ.Z>", "<Welsh, Carson, Anderson and Stowe IV>": at most this many tokens to the ">"
LEAD_NAME_TOKENS = 8      # tokens of the name that opens a story ("Olympus Optical Co Ltd <OOPT.T>")
HEADLINE_MAX = 200        # characters: a longer first line is a paragraph, not a headline
_SENTENCE_END = re.compile(r"""[.!?:;,"'”’)\]]\s*$""")     # a line ending like a sentence (or within one)
_LOWER = re.compile(r"[a-z]")
_SPACE = re.compile(r"\s*")
BODY_SAMPLE = 400         # characters of the body read to see it is not in capitals too


def headline_end(text: str) -> int | None:
    """Where the line after a headline starts, or None: the first line is a headline when it has
    no sentence-final mark and is in capitals (the body below is not) or stands above a blank line."""
    # read by offsets, never copying the text: the money rules ask once per amount
    lead = _past_space(text, 0)
    nl = text.find("\n", lead, lead + HEADLINE_MAX + 1)
    if nl < 0:
        return None
    line = text[lead:nl]
    if not line.strip() or _SENTENCE_END.search(line):
        return None
    body = _past_space(text, nl + 1)
    if body >= len(text):
        return None
    capitals = not _LOWER.search(line) and sum(c.isalpha() for c in line) >= 3 \
        and _LOWER.search(text, body, body + BODY_SAMPLE)
    blank = "\n" in text[nl + 1:body]
    return body if capitals or blank else None


def _past_space(text: str, i: int) -> int:
    m = _SPACE.match(text, i)
    return m.end() if m else i


def dateline_end(text: str) -> int | None:
    """Where the story starts after a wire dateline's dash ("ZURICH, March 19 - Swissair ..."), or None."""
    m = DATELINE_LINE.search(text, 0, DATELINE_WINDOW) or AGENCY_DATELINE.search(text, 0, DATELINE_WINDOW) \
        or PLACE_DATELINE.match(text) or BRACKET_DATELINE.match(text)
    if m is None:
        return None
    end = m.end()
    dash = WIRE_DASH.match(text, end)            # "LONDON, March 3 (Reuters) -": the dash after the agency
    if dash is not None and text[m.end() - 1] not in "-–—":
        end = dash.end()
    while end < len(text) and text[end] in " \t":
        end += 1
    return end if end < len(text) and text[end] not in "\r\n" else None


class Layout:
    """Marks the layout's sentence starts; holds the abbreviated titles, no state between docs."""

    def __init__(self, titles: frozenset[str]):
        self.titles = titles

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        text = sents.text(doc)
        _paragraphs(doc)
        for pos in (headline_end(text), dateline_end(text)):
            if pos is None:
                continue
            span = doc.char_span(pos, pos + 1, alignment_mode="expand")
            if span is None or not len(span) or span.start == 0:
                continue
            tok = span[0]
            if tok.is_space and tok.i + 1 < len(doc):
                tok = doc[tok.i + 1]
            tok.is_sent_start = True
            _keep_lead_name(doc, tok.i)
        _inside_tickers(doc)
        self._after_titles(doc)
        return doc

    def _after_titles(self, doc: Doc) -> None:
        """No sentence starts after an abbreviated title ("Lt. Col. Kevin Fujimoto", "Sgt. 1st Class
        David Kintz"), where the parser would otherwise take its full stop for the sentence's."""
        strings = doc.vocab.strings
        titles = {strings[t] for t in self.titles}
        # the titles picked from the array of word hashes, not by making a Token of every word
        for i in [i for i, h in enumerate(doc.to_array("ORTH").tolist()[:-1]) if h in titles]:
            nxt = doc[i + 1]
            if not nxt.is_sent_start and (nxt.is_title or nxt.like_num or nxt.text[:1].isdigit()):
                nxt.is_sent_start = False
                if nxt.text[:1].isdigit() and nxt.i + 1 < len(doc) and not doc[nxt.i + 1].is_sent_start:
                    doc[nxt.i + 1].is_sent_start = False     # "Sgt. 1st Class": the class too


PARAGRAPH_END = frozenset('.!?"”’\'')   # a line ending so closes its sentence


def _paragraphs(doc: Doc) -> None:
    """A line that ends a sentence, then a line break and a capital (perhaps after an opening quote
    mark): a new paragraph, which the parser would otherwise run on after an abbreviation ("... in
    the U.S.\n    Managing board chairman Armin Dassler told ...")."""
    spaces = doc.to_array("IS_SPACE").tolist()      # a Token made only for the space tokens
    for i in [i for i in range(1, len(doc) - 1) if spaces[i]]:
        tok = doc[i]
        if "\n" not in tok.text:
            continue
        before, after = doc[tok.i - 1], doc[tok.i + 1]
        first = doc[tok.i + 2] if after.is_quote and tok.i + 2 < len(doc) else after   # ('\n    "The problem')
        if before.text[-1:] in PARAGRAPH_END and first.text[:1].isupper():
            after.is_sent_start = True


def _keep_lead_name(doc: Doc, start: int) -> None:
    """No sentence starts inside the name that opens a story or just after it ("Tribune Co said"),
    which the parser would otherwise cut off as a sentence of its own."""
    for t in doc[start + 1:min(len(doc), start + 1 + LEAD_NAME_TOKENS)]:
        if t.is_sent_start:
            break
        t.is_sent_start = False
        if t.text[:1].islower() or t.is_space:
            break


def _inside_tickers(doc: Doc) -> None:
    """No sentence starts within a wire ticker or just after it ("Swissair <SWSZ.Z> reported"),
    where the parser, seeing "<", would otherwise cut the lead into pieces."""
    orths = doc.to_array("ORTH").tolist()
    opening, closing = get_string_id("<"), get_string_id(">")
    for i in [i for i, h in enumerate(orths) if h == opening and i]:
        close = next((j for j in range(i + 1, min(i + 1 + TICKER_TOKENS, len(orths))) if orths[j] == closing), None)
        if close is None:
            continue
        for t in doc[i:min(close + 2, len(doc))]:
            if not t.is_sent_start:
                t.is_sent_start = False


@Language.factory("summitclaims_layout", default_config={"abbreviations": "abbreviations"})
def make_layout(nlp: Language, name: str, abbreviations: str) -> Layout:
    """The component, with the abbreviated titles of ``patterns/<abbreviations>.jsonl``."""
    return Layout(frozenset(str(r["text"]) for r in resources.load_patterns(abbreviations)
                            if r["kind"] == "title"))
