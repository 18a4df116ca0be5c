"""The ``summitclaims_actors`` component: tables built once at init, the passes run per document
with a per-call context (nothing about a document is kept on the component)."""
from __future__ import annotations

from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from .annotate import write
from .candidates import candidates, model_entities
from .companies import company_spans
from .context import DocContext
from .orgs import join_orgs, of_names, possessive_names, recurring, short_forms
from .people import resolve_people
from .places import datelines
from .roles import appositions, title_mentions
from .tables import add_gazetteer, build_tables


class ActorLinker:
    """Canonical actors from the model's entities and the gazetteer's spans (see the package docstring)."""

    def __init__(self, nlp: Language, name: str, noise: str, cues: str, roles: str, short: str,
                 states: str = "actor_us_states"):
        self.name = name
        self.tables = build_tables(nlp, noise, cues, roles, short, states)

    def add_gazetteer(self, rows: Iterable[dict[str, Any]]) -> None:
        """Index more gazetteer rows (``--actors`` files) for looking up the model's entities by name."""
        add_gazetteer(self.tables, rows)

    def __call__(self, doc: Doc) -> Doc:
        """Run the passes over one document; its state lives in a DocContext made for this call."""
        ctx = DocContext.of(doc, self.tables)
        mentions = candidates(ctx, company_spans(ctx, model_entities(ctx)))
        mentions = of_names(ctx, mentions)
        mentions = datelines(ctx, mentions)
        mentions = title_mentions(ctx, mentions)
        mentions = short_forms(ctx, mentions)
        mentions = join_orgs(ctx, mentions)
        mentions = recurring(ctx, mentions)
        mentions = possessive_names(ctx, mentions)
        appositions(ctx, mentions)
        mentions = resolve_people(ctx, mentions)
        write(ctx, mentions)
        return doc


@Language.factory(
    "summitclaims_actors",
    default_config={
        "noise": "actor_noise",
        "cues": "actor_cues",
        "roles": "roles",
        "short": "actor_short",
        "states": "actor_us_states",
    },
)
def make_actors(nlp: Language, name: str, noise: str, cues: str, roles: str, short: str, states: str) -> ActorLinker:
    """The spaCy factory of ``summitclaims_actors``; the table names are pattern files."""
    return ActorLinker(nlp, name, noise, cues, roles, short, states)
