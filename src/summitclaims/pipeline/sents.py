"""Sentence lookups that cost O(log n) instead of spaCy's ``Token.sent``, which walks the doc.

The sentence starts are computed once per doc and cached in ``doc.user_data``.
"""
from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

_KEY = "summitclaims.sent_starts"
_TEXT_KEY = "summitclaims.text"


def starts(doc: Doc) -> list[int]:
    """Token index of each sentence start ([0] when the doc has no sentence boundaries)."""
    cached = doc.user_data.get(_KEY)
    if cached is None or (cached and cached[-1] >= len(doc)):
        annotated = bool(len(doc)) and doc.has_annotation("SENT_START")
        doc.user_data[_KEY + ".annotated"] = annotated
        if annotated:
            # one array read instead of a Python Token object per token
            cached = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
            if not cached or cached[0] != 0:
                cached = [0] + cached
        else:
            cached = [0]
        doc.user_data[_KEY] = cached
    return cached


def text(doc: Doc) -> str:
    """``doc.text``, which spaCy rebuilds from the tokens on every access, once per doc. The batch
    runner stores the text it made the doc from; other callers pay for one rebuild."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT_KEY] = cached
    return cached


def remember_text(doc: Doc, text: str) -> None:
    """Record the text a doc was just made from (``nlp.make_doc(text)``), sparing the rebuild."""
    doc.user_data[_TEXT_KEY] = text


def has_sents(doc: Doc) -> bool:
    """``doc.has_annotation("SENT_START")``, which walks every token, asked once per doc."""
    return len(starts(doc)) > 1 or bool(doc.user_data.get(_KEY + ".annotated"))


def sent(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i`` (the whole doc when there are no boundaries)."""
    s = starts(doc)
    k = bisect_right(s, i) - 1
    end = s[k + 1] if k + 1 < len(s) else len(doc)
    return doc[s[k]:end]
