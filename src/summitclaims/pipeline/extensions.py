"""Doc/Span extension attributes and span-group names: the contract between components.

The records are a plain read-out of these (``summitclaims.records``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

MONEY = "sc_money"          # Span._.money: values.Money
DATES = "sc_dates"          # Span._.date: values.DateValue
QUOTES = "sc_quotes"        # Span._.quote: values.Quote (span covers the marks)
MENTIONS = "sc_mentions"    # Span._.actor: canonical name; span.label_ = PERSON|ORG|GPE|LOC|NORP


def register() -> None:
    """Idempotent: safe to call from every component factory."""
    for name, default in (
        ("doc_id", None),
        ("published", None),          # datetime.date or None
        ("published_source", None),   # "given" | "text" | None
        ("actors", None),             # list[values.Actor], set by summitclaims_actors
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("money", "date", "quote", "actor"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
