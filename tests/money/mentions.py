"""Hand-made actor mentions for money tests: linking rules tested without the model's NER."""
from __future__ import annotations

from summitclaims.pipeline import extensions


def relink(nlp, doc, mentions):
    """Replace ``doc``'s actor mentions by ``mentions`` [(words, label, actor)] and re-run the money
    component; returns the doc."""
    spans = []
    for words, label, actor in mentions:
        start = doc.text.index(words)
        span = doc.char_span(start, start + len(words), label=label, alignment_mode="expand")
        span._.sc_actor = actor
        spans.append(span)
    doc.spans[extensions.MENTIONS] = spans
    nlp.get_pipe("summitclaims_money")(doc)
    return doc
