"""summitclaims_money: monetary amounts, normalised and linked to actors (stub; contract below).

Must set ``doc.spans[extensions.MONEY]``: spans (including the qualifier, "up to $500 billion")
with ``span._.money`` = ``values.Money`` (actor = canonical name from ``doc.spans[MENTIONS]``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions


class MoneyFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[extensions.MONEY] = []
        return doc


@Language.factory("summitclaims_money")
def make_money(nlp: Language, name: str) -> MoneyFinder:
    return MoneyFinder(nlp, name)
