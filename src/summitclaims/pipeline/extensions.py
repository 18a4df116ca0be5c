"""Doc/Span extension attributes and span-group names: the contract between components.

Every attribute is prefixed ``sc_``: extension names are global to spaCy, and an unprefixed
``Span._.date`` registered by another package first would silently be shared with ours. The values
(``summitclaims.values``) travel through msgpack, so ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=N)`` keep them.

The records are a plain read-out of these (``summitclaims.records``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import values

MONEY = "sc_money"          # Span._.sc_money: values.Money
DATES = "sc_dates"          # Span._.sc_date: values.DateValue
QUOTES = "sc_quotes"        # Span._.sc_quote: values.Quote (span covers the marks)
MENTIONS = "sc_mentions"    # Span._.sc_actor: canonical name; span.label_ = PERSON|ORG|GPE|LOC|NORP


def register() -> None:
    """Idempotent: safe to call from every component factory."""
    values.register_msgpack()
    for name, default in (
        ("sc_doc_id", None),
        ("sc_published", None),          # datetime.date or None
        ("sc_published_source", None),   # "given" | "text" | None
        ("sc_actors", None),             # list[values.Actor], set by summitclaims_actors
        ("sc_actor_trace", None),        # list[dict]: each rule's deletion or relabel of a span (actors.Decision)
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("sc_money", "sc_date", "sc_quote", "sc_actor"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
