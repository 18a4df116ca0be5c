"""summitclaims_actors: canonical actors from the entities (stub; contract below).

Reads ``doc.ents`` (statistical NER overwritten by the ``summitclaims_gazetteer`` ruler, whose
patterns carry ``id`` = canonical name) and must set:
- ``doc.spans[extensions.MENTIONS]``: every mention of an actor (including title mentions such
  as "the Commission President"), each with ``span._.actor`` = canonical name and
  ``span.label_`` in PERSON | ORG | GPE | LOC | NORP;
- ``doc._.actors``: list of ``values.Actor`` in order of first mention.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions


class ActorLinker:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[extensions.MENTIONS] = []
        doc._.actors = []
        return doc


@Language.factory("summitclaims_actors")
def make_actors(nlp: Language, name: str) -> ActorLinker:
    return ActorLinker(nlp, name)
