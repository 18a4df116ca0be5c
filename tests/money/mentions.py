"""Hand-made actor mentions for money tests: linking rules tested without the model's NER."""
from __future__ import annotations

import re

from summitclaims.pipeline import extensions


def relink(nlp, doc, mentions):
    """Replace ``doc``'s actor mentions by ``mentions`` [(words, label, actor)], each at every place
    its words stand as whole words, and re-run the money component; returns the doc."""
    spans = []
    for words, label, actor in mentions:
        found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", doc.text)]
        assert found, f"{words!r} not in the text"
        for start in found:
            span = doc.char_span(start, start + len(words), label=label, alignment_mode="expand")
            if any(s.start < span.end and span.start < s.end for s in spans):
                continue            # inside a longer mention given before ("Contoso" in "Contoso Ltd")
            span._.sc_actor = actor
            spans.append(span)
    doc.spans[extensions.MENTIONS] = sorted(spans, key=lambda s: s.start)
    nlp.get_pipe("summitclaims_money")(doc)
    return doc
