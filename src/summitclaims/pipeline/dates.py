"""summitclaims_dates: date mentions resolved against the publication date (stub; contract below).

Reads ``doc._.published`` (a ``datetime.date`` or None). When it is None, may find a dateline at the
top of the text and set ``doc._.published`` and ``doc._.published_source = "text"``.
Must set ``doc.spans[extensions.DATES]``: spans with ``span._.date`` = ``values.DateValue``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions


class DateFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[extensions.DATES] = []
        return doc


@Language.factory("summitclaims_dates")
def make_dates(nlp: Language, name: str) -> DateFinder:
    return DateFinder(nlp, name)
