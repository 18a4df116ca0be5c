"""summitclaims_quotes: direct quotations with their resolved speaker (stub; contract below).

Must set ``doc.spans[extensions.QUOTES]``: each span covers the quotation including its marks,
with ``span._.quote`` = ``values.Quote`` (speaker = canonical name from the actor mentions).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions


class QuoteFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[extensions.QUOTES] = []
        return doc


@Language.factory("summitclaims_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)
